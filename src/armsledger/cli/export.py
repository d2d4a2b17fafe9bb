"""`armsledger export --format jsonl|csv|sipri|unroca|gold`: the ledger written out."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import typer

from armsledger.cli import options as opt
from armsledger.cli.app import app
from armsledger.errors import ConfigError
from armsledger.store import open_ledger

FORMATS = ("jsonl", "csv", "sipri", "unroca", "gold")


@app.command()
def export(fmt: str = typer.Option(..., "--format", help="jsonl (extractions, then merged deals), csv (one file "
                                   "per record kind, and deals.csv, into the --out folder), sipri (a SIPRI-register-"
                                   "style CSV of the deals), unroca (a UN-Register-style CSV), gold (NAME.txt + "
                                   "NAME.gold.json per reviewed document, review decisions applied)."),
           out: str = typer.Option(None, "--out", help="The file to write (default: standard output); a folder for "
                                   "csv and gold (created if needed)."),
           every: bool = typer.Option(False, "--all", help="With gold: every stored document, not only the reviewed ones."),
           db: str = opt.DB) -> None:
    """Write the ledger out: its extractions and merged deals as JSON Lines, CSV per record kind,
    SIPRI- or UN-Register-style CSV of the deals, or gold files of the reviewed documents (for
    ../shared/tools/score.py)."""
    if fmt not in FORMATS:
        raise ConfigError(f"--format must be one of {', '.join(FORMATS)}")
    if fmt in ("csv", "gold") and not out:
        raise ConfigError(f"--format {fmt} writes several files: give the folder with --out")
    ledger = open_ledger(db)
    if fmt != "gold":
        _export_ledger(ledger, fmt, out)
        ledger.close()
        return
    from armsledger.export.gold import write_gold
    from armsledger.store.browse import document_meta, document_records, text_window
    from armsledger.store.queries import list_documents
    from armsledger.store.review import reviewed_documents, reviewed_records

    ids = ([d["id"] for d in list_documents(ledger, status="ok")] if every else reviewed_documents(ledger))
    folder = Path(out)
    for doc_id in ids:
        meta = document_meta(ledger, doc_id)
        text = text_window(ledger, doc_id, 0, meta["length"])
        write_gold(folder, meta, text, reviewed_records(ledger, doc_id, document_records(ledger, doc_id)))
    print(f"{len(ids)} document(s) written to {folder} as NAME.txt + NAME.gold.json")


@contextmanager
def _opened(path: str | None):
    if path is None:
        yield sys.stdout
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _export_ledger(ledger, fmt: str, out: str | None) -> None:
    from armsledger.export.csv import RECORD_KINDS, write_records_csv
    from armsledger.export.jsonl import write_jsonl
    from armsledger.export.sipri import write_sipri
    from armsledger.export.unroca import write_unroca
    from armsledger.store.extractions import stored_extractions
    from armsledger.store.queries import list_deals

    deals = list_deals(ledger)
    if fmt == "csv":
        folder = Path(out)
        for kind in RECORD_KINDS:
            with _opened(str(folder / f"{kind}.csv")) as handle:
                rows = write_records_csv(kind, stored_extractions(ledger), handle, deals)
            print(f"{folder / (kind + '.csv')}: {rows} row(s)", file=sys.stderr)
        return
    with _opened(out) as handle:
        if fmt == "jsonl":
            rows = write_jsonl(stored_extractions(ledger), deals, handle)
        elif fmt == "sipri":
            rows = write_sipri(deals, handle)
        else:
            rows = write_unroca(deals, handle)
    if out:
        print(f"{out}: {rows} row(s)", file=sys.stderr)
