"""The ledger's queries: `armsledger transfers`, `figures`, `aid`, `legal`, `quotes`, `documents`.

Each opens the ledger (`--db`), asks one function of `armsledger.store.queries`, and prints a
table, `--json` or `--csv`. None of them loads a language model.
"""
from __future__ import annotations

import typer

from armsledger.cli import options as opt
from armsledger.cli.app import app
from armsledger.cli.output import actor, check_format, emit, item_line, money, short_id
from armsledger.merge import counted_items
from armsledger.store import open_ledger
from armsledger.store.queries import DealFilters, list_deals, list_documents, list_records


def _sources(deal: dict) -> str:
    return " ".join(short_id(source.get("document")) for source in deal.get("sources") or [])


DEAL_COLUMNS = [
    ("id", lambda d: d["id"]),
    ("supplier", lambda d: actor(d.get("supplier"))),
    ("recipient", lambda d: actor(d.get("recipient"))),
    ("items", lambda d: "; ".join(item_line(i) for i in counted_items(d))),
    ("status", lambda d: d.get("status")),
    ("values", lambda d: "; ".join(money(v) for v in d.get("values") or [])),
    ("sources", _sources),
]


@app.command()
def transfers(
    db: str = opt.DB, as_json: bool = opt.AS_JSON, as_csv: bool = opt.AS_CSV,
    supplier: str = typer.Option(None, "--supplier", help="Supplier's actor id (USA) or part of its name."),
    recipient: str = typer.Option(None, "--recipient", help="Recipient's actor id or part of its name."),
    category: str = typer.Option(None, "--category", help="An item category (aircraft, missile, sensor, ...)."),
    status: str = typer.Option(None, "--status", help="The deal's status (approved, signed, delivered, ...)."),
    year: int = typer.Option(None, "--year", min=1000, max=9999,
                             help="A year in which a source was published or a step dated."),
    search: str = typer.Option(None, "--search", help="Words the deal's source documents all contain."),
) -> None:
    """The merged deals of the ledger: parties, items, status, values and their sources."""
    check_format(as_json, as_csv)
    ledger = open_ledger(db)
    rows = list_deals(ledger, DealFilters(supplier=supplier, recipient=recipient, category=category, status=status,
                                          year=year, search=search))
    emit(rows, DEAL_COLUMNS, as_json=as_json, as_csv=as_csv, title="Deals")


def _document(row: dict) -> str:
    doc = row["document"]
    return f"{short_id(doc['id'])} {doc.get('published') or ''}".strip()


@app.command()
def figures(
    db: str = opt.DB, as_json: bool = opt.AS_JSON, as_csv: bool = opt.AS_CSV,
    measure: str = typer.Option(None, "--measure", help="killed, injured, missing, displaced, detained, ..."),
    location: str = typer.Option(None, "--location", help="Part of the place the figure is about."),
    source_kind: str = typer.Option(None, "--source-kind",
                                    help="official, agency, ngo, expert, publication or unknown."),
) -> None:
    """Casualty and other figures, each with who gave it and how (stance)."""
    check_format(as_json, as_csv)
    rows = list_records(open_ledger(db), "figures", measure=measure, location=location, source_kind=source_kind)
    emit(rows, [("value", lambda r: r.get("value")), ("measure", lambda r: r.get("measure")),
                ("qualifier", lambda r: r.get("qualifier")), ("location", lambda r: r.get("location")),
                ("source", lambda r: (r.get("source") or {}).get("name")),
                ("source kind", lambda r: (r.get("source") or {}).get("kind")),
                ("stance", lambda r: r.get("stance")), ("document", _document)],
         as_json=as_json, as_csv=as_csv, title="Figures")


@app.command()
def aid(db: str = opt.DB, as_json: bool = opt.AS_JSON, as_csv: bool = opt.AS_CSV) -> None:
    """Military aid and financing: donor, recipient, value, kind and period."""
    check_format(as_json, as_csv)
    rows = list_records(open_ledger(db), "aid")
    emit(rows, [("donor", lambda r: actor(r.get("donor"))), ("recipient", lambda r: actor(r.get("recipient"))),
                ("value", lambda r: money(r.get("value"))), ("kind", lambda r: r.get("kind")),
                ("period", lambda r: r.get("period")), ("document", _document)],
         as_json=as_json, as_csv=as_csv, title="Aid")


@app.command()
def legal(db: str = opt.DB, as_json: bool = opt.AS_JSON, as_csv: bool = opt.AS_CSV) -> None:
    """Legal actions: court, action, subjects, respondent and charges."""
    check_format(as_json, as_csv)
    rows = list_records(open_ledger(db), "legal_actions")
    emit(rows, [("court", lambda r: r.get("court")), ("action", lambda r: r.get("action")),
                ("subjects", lambda r: "; ".join(r.get("subjects") or [])),
                ("respondent", lambda r: r.get("respondent")),
                ("charges", lambda r: "; ".join(r.get("charges") or [])), ("date", lambda r: r.get("date")),
                ("document", _document)],
         as_json=as_json, as_csv=as_csv, title="Legal actions")


@app.command()
def quotes(
    db: str = opt.DB, as_json: bool = opt.AS_JSON, as_csv: bool = opt.AS_CSV,
    speaker: str = typer.Option(None, "--speaker", help="Part of the speaker's name, or its actor id."),
) -> None:
    """Quotes with their speakers."""
    check_format(as_json, as_csv)
    rows = list_records(open_ledger(db), "quotes", speaker=speaker)
    emit(rows, [("speaker", lambda r: r.get("speaker")), ("role", lambda r: r.get("speaker_role")),
                ("text", lambda r: r.get("text")), ("direct", lambda r: r.get("direct")),
                ("document", _document)],
         as_json=as_json, as_csv=as_csv, title="Quotes")


@app.command()
def documents(
    db: str = opt.DB, as_json: bool = opt.AS_JSON, as_csv: bool = opt.AS_CSV,
    status: str = typer.Option(None, "--status", help="ok or skipped."),
    search: str = typer.Option(None, "--search", help="Words the document's title or text all contain."),
) -> None:
    """The ledger's documents: id, status (and why skipped), language, date, title, records."""
    check_format(as_json, as_csv)
    rows = list_documents(open_ledger(db), status=status, search=search)
    emit(rows, [("id", lambda r: r["id"] if as_csv else short_id(r["id"])), ("status", lambda r: r["status"]),
                ("language", lambda r: r.get("language")), ("published", lambda r: r.get("published")),
                ("title", lambda r: r.get("title") or r.get("source") or r.get("input")),
                ("records", lambda r: sum(r["records"].values())),
                ("reason", lambda r: f"{r['skip_reason']} [{r['skip_code']}]" if r.get("skip_code") else "")],
         as_json=as_json, as_csv=as_csv, title="Documents")
