"""The readable summary of an extraction: transfers, aid, figures with their sources, legal
actions and quotes, as Rich tables on stdout."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from armsledger.model import Extraction, Money

console = Console(highlight=False)


QUALIFIER_SIGNS = {"about": "~", "more_than": ">", "at_least": "≥", "up_to": "≤", "fewer_than": "<"}


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
    table = Table(title=title)
    for col in columns:
        table.add_column(col)
    for row in rows:
        table.add_row(*(escape(cell) for cell in row))  # "[missile]" is text, not Rich markup
    return table


def _money(m: Money | None) -> str:
    if m is None:
        return ""
    q = QUALIFIER_SIGNS.get(m.qualifier or "", "")
    amount = m.amount
    for scale, word in ((1e9, "bn"), (1e6, "M")):
        if amount >= scale:
            return f"{q}{amount / scale:g}{word} {m.currency}"
    return f"{q}{amount:,.0f} {m.currency}"


def _actor(a) -> str:
    return a.id if a else "?"


def print_summary(x: Extraction) -> None:
    d = x.document
    heading = escape(f"{d.title or d.source or d.id[:19]}")
    console.rule(f"[bold]{heading}[/bold]  ({d.language}, published {d.published or 'unknown'})")
    if x.transfers:
        console.print(_table("Transfers", ("supplier → recipient", "items", "value", "status", "channel", "date"), [
            (f"{_actor(tr.supplier)} → {_actor(tr.recipient)}",
             "\n".join(f"{i.quantity or ''} {i.designation or i.description} [{i.category or '?'}]".strip()
                       for i in tr.items) or "(services/support)",
             _money(tr.value), tr.status, tr.channel, tr.date or "") for tr in x.transfers]))
    if x.aid:
        console.print(_table("Aid", ("donor → recipient", "value", "kind", "period"), [
            (f"{_actor(a.donor)} → {_actor(a.recipient)}", _money(a.value), a.kind,
             (a.period or "") + (f" since {a.period_start}" if a.period_start else "")) for a in x.aid]))
    if x.figures:
        console.print(_table("Figures and who claims them", ("value", "measure", "source", "stance"), [
            (f"{QUALIFIER_SIGNS.get(f.qualifier, '')}{f.value:,.0f}", f.measure,
             f"{f.source.name or 'the publication'} ({f.source.kind})", f.stance) for f in x.figures]))
    for la in x.legal_actions:
        subjects = ", ".join(la.subjects) or "-"
        console.print("[bold]Legal[/bold] " + escape(f"{la.court} {la.action}: {subjects} (respondent "
                      f"{la.respondent or '?'}; {'; '.join(la.charges) or 'no charge named'})"))
    for q in x.quotes:
        text = q.text if len(q.text) < 110 else q.text[:107] + "..."
        console.print(f"[bold]{escape(q.speaker or 'unattributed')}[/bold]: “{escape(text)}”")
    if not (x.transfers or x.aid or x.figures or x.legal_actions or x.quotes):
        console.print("(no records)")
