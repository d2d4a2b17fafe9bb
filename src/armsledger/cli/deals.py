"""`armsledger deals show|split|join`: look at one merged deal, and correct the merge.

A correction is stored as a merge decision in document ids and actor ids (`Decision`), so it
holds through later merges and `ingest --reprocess`; the deals are merged again at once.
"""
from __future__ import annotations

import json
import sys

import typer
from rich.markup import escape

from armsledger.cli import options as opt
from armsledger.cli.app import app
from armsledger.cli.output import actor, console, emit, item_line, money, short_id
from armsledger.merge import counted_items
from armsledger.store import open_ledger
from armsledger.store.deals import load_deal
from armsledger.store.review import deal_documents, join_deals, split_deal
from armsledger.store.queries import document_titles, resolve_document

deals_app = typer.Typer(no_args_is_help=True, help="Look at one merged deal; split a source off a deal, join two deals.")
app.add_typer(deals_app, name="deals")


@deals_app.command("show")
def show(deal_id: str = typer.Argument(..., help="The deal's id, or an unambiguous beginning of it."),
         db: str = opt.DB, as_json: bool = typer.Option(False, "--json", help="Print the deal as one JSON object.")
         ) -> None:
    """One deal: its parties and items, its sources, its steps, and its values side by side (conflicts marked)."""
    ledger = open_ledger(db)
    deal = load_deal(ledger, deal_id)
    if as_json:
        sys.stdout.write(json.dumps(deal, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
        return
    console.print(f"[bold]{escape(deal['id'])}[/bold]  {escape(actor(deal.get('supplier')))} → "
                  f"{escape(actor(deal.get('recipient')))}  status {escape(str(deal.get('status')))}")
    for item in counted_items(deal):
        console.print(f"  {escape(item_line(item))} [{escape(str(item.get('category') or '?'))}]", markup=False)
    titles = document_titles(ledger, deal_documents(deal))
    emit([{**s, **{f"doc_{k}": v for k, v in titles.get(s.get("document"), {}).items()}}
          for s in deal.get("sources") or []],
         [("document", lambda r: r.get("document")), ("language", lambda r: r.get("doc_language")),
          ("published", lambda r: r.get("doc_published")),
          ("title", lambda r: r.get("doc_title") or r.get("doc_source")),
          ("items", lambda r: "; ".join(item_line(i) for i in r.get("items") or []))],
         as_json=False, as_csv=False, title="Sources")
    if deal.get("steps"):
        emit(deal["steps"], [("status", lambda r: r.get("status")), ("date", lambda r: r.get("date")),
                             ("document", lambda r: short_id(r.get("document")))],
             as_json=False, as_csv=False, title="Steps")
    values = deal.get("values") or []
    if values:
        conflict = len({(v.get("amount"), v.get("currency")) for v in values}) > 1
        emit(values, [("value", money), ("qualifier", lambda r: r.get("qualifier")),
                      ("sources", lambda r: " ".join(short_id(s if isinstance(s, str) else s.get("document"))
                                                     for s in r.get("sources") or []))],
             as_json=False, as_csv=False, title="Values (the sources disagree)" if conflict else "Values")


@deals_app.command("split")
def split(deal_id: str = typer.Argument(..., help="The deal to split a source off."),
          doc_id: str = typer.Argument(..., help="The source document to take out of it (id or its beginning)."),
          db: str = opt.DB) -> None:
    """Take one source document out of a deal: its transfers never share a deal with the others' again."""
    ledger = open_ledger(db)
    _report("split", *split_deal(ledger, deal_id, resolve_document(ledger, doc_id)))


@deals_app.command("join")
def join(first: str = typer.Argument(..., help="One deal."), second: str = typer.Argument(..., help="The other deal."),
         db: str = opt.DB) -> None:
    """Make two deals one: their sources are merged together from now on."""
    _report("join", *join_deals(open_ledger(db), first, second))


def _report(kind: str, new: bool, changes) -> None:
    said = "stored" if new else "was stored already"
    print(f"{kind} decision {said}; deals merged again: {changes.created} created, "
          f"{changes.updated} updated, {changes.removed} removed; {changes.total} in the ledger")
