"""Aid: money for military purposes that is not one deal.

A money amount in a sentence with an aid cue (aide, financement, dépensé, prêt; aid,
financing, spent, loan) and a military context (the sentence or its neighbours speak of arms,
the military, defence) gives a record, unless a transfer already took that money as its value.
Kind and period come from the nearest cues; donor and recipient as in `parties`, carried over
from the record before when the sentence names none ("2 milliards en 2022, 5,4 en 2023").
"""
from __future__ import annotations

from armsledger.extract.context import DocContext, Sentence
from armsledger.extract.parties import actor_of, find_parties
from armsledger.model import Actor, Aid, Money, Transfer
from armsledger.normalize.money import MoneyMatch

# the first kind whose cue the sentence has; money named as military aid is aid even when "spent"
KIND_ORDER = ("military_financing", "loan", "military_aid_named", "spending", "military_aid")


def period_of(ctx: DocContext, money: MoneyMatch, sent: Sentence, cumulative_cue: bool | None = None) -> str:
    """annual, cumulative or one_off, from the cue nearest the amount, then from its sentence
    (`cumulative_cue`: whether the sentence has a cumulative cue, when the caller knows)."""
    lex = ctx.lex
    near = ctx.text[money.end:min(sent.end, money.end + 40)]
    near_before = ctx.text[max(sent.start, money.start - 30):money.start]
    hits = []
    for period in ("cumulative", "annual"):
        for window, offset in ((near, 0), (near_before, 40)):
            m = lex.rx(f"period.{period}").search(window)
            if m:
                hits.append((m.start() + offset, period))
    if hits:
        return min(hits)[1]
    if cumulative_cue if cumulative_cue is not None else lex.has("period.cumulative", sent.text):
        return "cumulative"
    return "one_off"


def extract_aid(ctx: DocContext, used_money: set[tuple[int, int]] = frozenset(),
                transfers: list[Transfer] = ()) -> list[Aid]:
    """Aid amounts, each with donor, recipient, kind and period. A sentence that names no
    recipient takes the one of the aid before, else of the document's transfers."""
    out: list[Aid] = []
    seen: set[tuple[float, str]] = set()
    last_donor: Actor | None = None
    last_recipient: Actor | None = next((t.recipient for t in transfers if t.recipient), None)
    deal_values = {(t.value.amount, t.value.currency) for t in transfers if t.value}
    # what depends only on the sentence, read once however many amounts it holds
    sentences: dict[int, tuple[str, bool, str | None] | None] = {}
    for money in ctx.money:
        if (money.start, money.end) in used_money or (money.amount, money.currency) in deal_values:
            continue  # a deal's value, here or told again ("a new $250 million package")
        sent = ctx.sentence_at(money.start)
        if sent.index not in sentences:
            sentences[sent.index] = _aid_sentence(ctx, sent)
        if sentences[sent.index] is None:
            continue
        kind, cumulative, since = sentences[sent.index]
        period = period_of(ctx, money, sent, cumulative)
        parties = find_parties(ctx, sent.start, sent.end, money.start, subject_only=False)
        donor = actor_of(parties.supplier) or last_donor
        recipient = actor_of(parties.recipient) or last_recipient
        if donor is None:
            continue
        key = (money.amount, money.currency)
        if key in seen:
            continue
        seen.add(key)
        last_donor, last_recipient = donor, recipient
        out.append(Aid(donor=donor, recipient=recipient,
                       value=Money(amount=money.amount, currency=money.currency, qualifier=money.qualifier),
                       kind=kind, period=period, period_start=since if period == "cumulative" else None,
                       evidence=[(money.start, money.end), (sent.start, sent.end)]))
    return out


def _aid_sentence(ctx: DocContext, sent: Sentence) -> tuple[str, bool, str | None] | None:
    """(kind of aid, has a cumulative cue, start of a "since" period) of a sentence that speaks
    of aid in a military context; None for any other sentence."""
    lex, s = ctx.lex, sent.text
    if not lex.has("aid_cues", s) or not ctx.military_nearby(sent.index):
        return None
    kind = next((k for k in KIND_ORDER if lex.has(f"aid.{k}", s)), "military_aid")
    kind = "military_aid" if kind == "military_aid_named" else kind
    since = next((d.value for d in ctx.in_sentence(ctx.dates, sent) if d.kind == "since"), None)
    return kind, lex.has("period.cumulative", s), since

