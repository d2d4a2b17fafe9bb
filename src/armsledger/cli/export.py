"""`armsledger export --format gold`: the ledger's reviewed documents as gold files."""
from __future__ import annotations

from pathlib import Path

import typer

from armsledger.cli import options as opt
from armsledger.cli.app import app
from armsledger.errors import ConfigError
from armsledger.store import open_ledger

FORMATS = ("gold",)


@app.command()
def export(fmt: str = typer.Option(..., "--format", help="gold: NAME.txt + NAME.gold.json per document "
                                                         "(../shared/spec), review decisions applied."),
           out: str = typer.Option(..., "--out", help="The folder to write into (created if needed)."),
           every: bool = typer.Option(False, "--all", help="Every stored document, not only the reviewed ones."),
           db: str = opt.DB) -> None:
    """Write the ledger out. With --format gold: each reviewed document (every one with --all) as the
    text and the records a careful reader takes from it, corrections applied and rejected records
    left out, for ../shared/tools/score.py."""
    from armsledger.export.gold import write_gold
    from armsledger.store.browse import document_meta, document_records, text_window
    from armsledger.store.queries import list_documents
    from armsledger.store.review import reviewed_documents, reviewed_records

    if fmt not in FORMATS:
        raise ConfigError(f"--format must be one of {', '.join(FORMATS)}")
    ledger = open_ledger(db)
    ids = ([d["id"] for d in list_documents(ledger, status="ok")] if every else reviewed_documents(ledger))
    folder = Path(out)
    for doc_id in ids:
        meta = document_meta(ledger, doc_id)
        text = text_window(ledger, doc_id, 0, meta["length"])
        write_gold(folder, meta, text, reviewed_records(ledger, doc_id, document_records(ledger, doc_id)))
    print(f"{len(ids)} document(s) written to {folder} as NAME.txt + NAME.gold.json")
