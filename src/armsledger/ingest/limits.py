"""Size limits on what ingest accepts."""
from __future__ import annotations

# spaCy's default `nlp.max_length`. A longer text is NOT refused: ingest keeps it as one
# SourceDocument and the pipeline processes it in chunks of at most this many characters.
MAX_TEXT_CHARS: int = 1_000_000

# A file (or stdin) larger than this is refused with InputTooLarge before it is read.
MAX_FILE_BYTES: int = 50 * 1024 * 1024
