"""Options that several commands share, defined once: how inputs are read, and which ledger."""
from __future__ import annotations

import typer

from armsledger.ingest.limits import Limits

_LIMITS = Limits()

LANGUAGE = typer.Option("auto", "--language", help="fr, en, or auto (declared, else detected).")
PUBLISHED = typer.Option(None, "--published", help="YYYY-MM-DD for documents that carry no date.")
MAX_FILE_BYTES = typer.Option(_LIMITS.max_file_bytes, "--max-file-bytes",
                              help="Refuse a file (or stdin) larger than this; JSON Lines are read line by line.")
MAX_CHARS = typer.Option(_LIMITS.max_document_chars, "--max-chars",
                         help="Refuse a document text longer than this many characters.")
BATCH_CHARS = typer.Option(_LIMITS.batch_chars, "--batch-chars",
                           help="Parse documents together up to this many characters, then free the memory.")
PREFILTER_OFF = typer.Option(False, "--prefilter/--no-prefilter",
                             help="Skip the parse of documents with no arms, aid, casualty or court word (no records).")
PREFILTER_ON = typer.Option(True, "--prefilter/--no-prefilter",
                            help="Skip the parse of documents with no arms, aid, casualty or court word (stored "
                                 "with no records); on by default.")
DB = typer.Option(None, "--db", help="The ledger: a file path, sqlite:///PATH or postgresql://USER@HOST:PORT/DB "
                                     "(default: $ARMSLEDGER_DB, else a file in the user's data directory).")
AS_JSON = typer.Option(False, "--json", help="Print one JSON array.")
AS_CSV = typer.Option(False, "--csv", help="Print CSV with a header line.")
