"""The readable summary of an extraction: transfers, aid, figures with their sources, legal
actions and quotes, as Rich tables on stdout."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from armsledger.model import Extraction, Money

console = Console(highlight=False)


def _money(m: Money | None) -> str:
    if m is None:
        return ""
    q = {"about": "~", "more_than": ">", "at_least": "≥", "up_to": "≤", "fewer_than": "<"}.get(m.qualifier or "", "")
    amount = m.amount
    for scale, word in ((1e9, "bn"), (1e6, "M")):
        if amount >= scale:
            return f"{q}{amount / scale:g}{word} {m.currency}"
    return f"{q}{amount:,.0f} {m.currency}"


def _actor(a) -> str:
    return a.id if a else "?"


def print_summary(x: Extraction) -> None:
    d = x.document
    console.rule(f"[bold]{d.title or d.source or d.id[:19]}[/bold]  ({d.language}, published {d.published or 'unknown'})")
    if x.transfers:
        t = Table(title="Transfers", show_lines=False)
        for col in ("supplier → recipient", "items", "value", "status", "channel", "date"):
            t.add_column(col)
        for tr in x.transfers:
            items = "\n".join(f"{i.quantity or ''} {i.designation or i.description} [{i.category or '?'}]".strip()
                              for i in tr.items) or "(services/support)"
            t.add_row(f"{_actor(tr.supplier)} → {_actor(tr.recipient)}", items, _money(tr.value), tr.status,
                      tr.channel, tr.date or "")
        console.print(t)
    if x.aid:
        t = Table(title="Aid")
        for col in ("donor → recipient", "value", "kind", "period"):
            t.add_column(col)
        for a in x.aid:
            t.add_row(f"{_actor(a.donor)} → {_actor(a.recipient)}", _money(a.value), a.kind,
                      (a.period or "") + (f" since {a.period_start}" if a.period_start else ""))
        console.print(t)
    if x.figures:
        t = Table(title="Figures and who claims them")
        for col in ("value", "measure", "source", "stance"):
            t.add_column(col)
        for f in x.figures:
            q = {"about": "~", "more_than": ">", "at_least": "≥", "up_to": "≤", "fewer_than": "<"}.get(f.qualifier, "")
            src = f"{f.source.name or 'the publication'} ({f.source.kind})"
            t.add_row(f"{q}{f.value:,.0f}", f.measure, src, f.stance)
        console.print(t)
    for la in x.legal_actions:
        subjects = ", ".join(la.subjects) or "-"
        console.print(f"[bold]Legal[/bold] {la.court} {la.action}: {subjects} (respondent {la.respondent or '?'}; "
                      f"{'; '.join(la.charges) or 'no charge named'})")
    for q in x.quotes:
        text = q.text if len(q.text) < 110 else q.text[:107] + "..."
        console.print(f"[bold]{q.speaker or 'unattributed'}[/bold]: “{text}”")
    if not (x.transfers or x.aid or x.figures or x.legal_actions or x.quotes):
        console.print("(no records)")
