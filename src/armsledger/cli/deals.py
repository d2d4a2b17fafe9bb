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
from armsledger.errors import ConfigError
from armsledger.merge import Decision
from armsledger.store import open_ledger
from armsledger.store.deals import add_decision, load_deal, remerge
from armsledger.store.queries import document_titles, resolve_document

deals_app = typer.Typer(no_args_is_help=True, help="Look at one merged deal; split a source off a deal, join two deals.")
app.add_typer(deals_app, name="deals")


def _documents_of(deal: dict) -> list[str]:
    return list(dict.fromkeys(source["document"] for source in deal.get("sources") or [] if source.get("document")))


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
    for item in deal.get("items") or []:
        console.print(f"  {escape(item_line(item))} [{escape(str(item.get('category') or '?'))}]", markup=False)
    titles = document_titles(ledger, _documents_of(deal))
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
    deal = load_deal(ledger, deal_id)
    document = resolve_document(ledger, doc_id)
    sources = _documents_of(deal)
    if document not in sources:
        raise ConfigError(f"document {document} is not a source of deal {deal['id']}")
    others = tuple(d for d in sources if d != document)
    if not others:
        raise ConfigError(f"deal {deal['id']} has no other source to split {short_id(document)} from")
    decision = Decision(kind="split", documents=(document,), others=others,
                        supplier=(deal.get("supplier") or {}).get("id"), recipient=(deal.get("recipient") or {}).get("id"))
    _decide(ledger, decision)


@deals_app.command("join")
def join(first: str = typer.Argument(..., help="One deal."), second: str = typer.Argument(..., help="The other deal."),
         db: str = opt.DB) -> None:
    """Make two deals one: their sources are merged together from now on."""
    ledger = open_ledger(db)
    one, other = load_deal(ledger, first), load_deal(ledger, second)
    if one["id"] == other["id"]:
        raise ConfigError(f"{first} and {second} are the same deal")
    decision = Decision(kind="join", documents=tuple(_documents_of(one)), others=tuple(_documents_of(other)),
                        supplier=_shared_party(one, other, "supplier"), recipient=_shared_party(one, other, "recipient"))
    _decide(ledger, decision)


def _shared_party(one: dict, other: dict, role: str) -> str | None:
    """The actor id both deals have in `role`, else None (any)."""
    a, b = (one.get(role) or {}).get("id"), (other.get(role) or {}).get("id")
    return a if a == b else None


def _decide(ledger, decision: Decision) -> None:
    new = add_decision(ledger, decision)
    changes = remerge(ledger)
    said = "stored" if new else "was stored already"
    print(f"{decision.kind} decision {said}; deals merged again: {changes.created} created, "
          f"{changes.updated} updated, {changes.removed} removed; {changes.total} in the ledger")
