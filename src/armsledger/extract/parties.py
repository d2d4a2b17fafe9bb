"""Who gives and who receives: the states around a deal or an aid amount in a sentence.

Shared by the transfer and aid extractors. With a buying verb ("la Pologne a commandé ...
aux États-Unis", "India ordered ... from France") the subject is the recipient and the other
state the supplier. Otherwise the recipient is the state after a dative preposition ("à
Israël", "aux Ukrainiens", "to Taiwan") or named as a government ("Government of X"), and the
supplier the other state, the subject first. Lower-case demonyms ("les systèmes américains")
describe things more often than parties: they are used only when nothing else is named.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

from armsledger.extract.context import DocContext, Mention
from armsledger.model import Actor
from armsledger.normalize.actors import state_name

# organisations that buy or give as one party
PARTY_ORGS = {"NATO", "EU"}
DETERMINER = r"(?:l['’]|la\s+|le\s+|les\s+|the\s+)?"
# "à Israël", "aux Ukrainiens", "to the Government of Norway", "à son allié de longue date, Israël"
DATIVE = re.compile(r"(?:\b(?:à|au|aux|vers|pour|(?<!according )to|for)\s+" + DETERMINER +
                    r"(?:(?:son|sa|ses|leur|its|their)\s+[\w\s'’-]{1,40},\s*" + DETERMINER + r")?)$", re.I)
GOVERNMENT_OF = re.compile(r"(?:Government of|gouvernement (?:de|du|d['’])|Republic of|République (?:de|du|d['’]))\s*"
                           + DETERMINER + r"$", re.I)
LATTER = re.compile(r"\s*(?:ce dernier|cette dernière|celui-ci|celle-ci|the latter)\b", re.I)
AGENT = re.compile(r"\b(?:par|by)\s+" + DETERMINER + r"$", re.I)
PREPOSITION = re.compile(r"\b(?:à|au|aux|de|du|des|d['’]|en|pour|avec|par|auprès de|from|to|for|with|of|by|in)\s+"
                         + DETERMINER + r"$", re.I)


@dataclass(frozen=True)
class Parties:
    supplier: Mention | None
    recipient: Mention | None


def actor_of(m: Mention | None) -> Actor | None:
    if m is None:
        return None
    return Actor(id=m.id, name=m.surface.strip() or None)


@cache
def _home_states() -> dict[tuple[str, str], str]:
    """`data/home_states.csv`: where a defence company is based and which state makes a weapon
    family, general knowledge read when the text names no state as supplier."""
    path = resources.files("armsledger.normalize") / "data" / "home_states.csv"
    with path.open(encoding="utf-8") as f:
        return {(r["kind"], r["key"].casefold()): r["state"] for r in csv.DictReader(f)}


def home_state(kind: str, key: str | None) -> str | None:
    """The home state of a company (`kind` "company", its org id) or of a weapon family."""
    return _home_states().get((kind, key.casefold())) if key else None


def is_state(m: Mention) -> bool:
    return state_name(m.id, "en") is not None or m.id in PARTY_ORGS


def _weak(m: Mention) -> bool:
    return m.kind == "demonym" and m.surface[:1].islower()


def states_between(ctx: DocContext, start: int, end: int) -> list[Mention]:
    """State mentions in [start, end), lower-case demonyms only when nothing else is named."""
    states = [m for m in ctx.within(ctx.actors, start, end) if is_state(m)]
    strong = [m for m in states if not _weak(m)]
    return strong or states


def _is_subject(ctx: DocContext, m: Mention) -> bool:
    return PREPOSITION.search(ctx.text[max(0, m.start - 14):m.start]) is None


def find_parties(ctx: DocContext, start: int, end: int, anchor: int, *, subject_only: bool = True) -> Parties:
    """Supplier and recipient among the states named in [start, end); `anchor` is where the
    deal's items or money are, so nearer mentions win ties. With `subject_only`, a supplier
    must be a grammatical subject ("en Pologne" is a place, not a party)."""
    frame = _frame(ctx, start, end)
    if not frame.states:
        return Parties(None, None)
    if frame.buyer is not None:
        # "avec la France et l'Allemagne, à laquelle elle a acheté des chars Leopard":
        # the seller named nearest the items; "12 obusiers K9 sud-coréens": the origin told by
        # an adjective when no other state is named
        seller = frame.sellers.nearest(anchor) if frame.sellers else \
            (frame.weak_sellers[0] if frame.weak_sellers else None)
        return Parties(seller, frame.buyer)
    # "à Israël", "the Government of Norway", "has given Israel $3.8 billion": the nearest
    recipient = frame.receivers.nearest(anchor) if frame.receivers else None
    rid = recipient.id if recipient is not None else None
    # the agent of a passive ("promis par le Danemark", "supplied by Germany") is the supplier;
    # a subject after the items sits in another clause ("HIMARS, which Kyiv has been praising")
    subject = frame.agents.first_other_than(rid) or frame.subjects.first_other_than(rid, before=anchor)
    if subject is None and frame.latter:
        # "Ce dernier annonce la livraison de 40 hélicoptères": the state named last before the sentence
        earlier = [m for m in states_between(ctx, max(0, start - 300), start) if rid is None or m.id != rid]
        if earlier:
            return Parties(earlier[-1], recipient)
    if subject is not None:
        return Parties(subject, recipient)
    return Parties(None if subject_only else frame.states.first_other_than(rid), recipient)


class _Mentions:
    """State mentions in text order, for the questions `find_parties` asks of them once per
    amount or item: the nearest to a position, the first that is not a given actor."""

    def __init__(self, mentions: list[Mention], ordered: bool):
        self.mentions = mentions
        self.ordered = ordered
        self.starts = [m.start for m in mentions]
        first = mentions[0].id if mentions else None
        # the first mention of another actor than the first one's
        self.second = next((m for m in mentions if m.id != first), None)

    def __bool__(self) -> bool:
        return bool(self.mentions)

    def nearest(self, pos: int) -> Mention:
        """The mention that starts nearest `pos`, the earlier one on a tie."""
        if not self.ordered:
            return min(self.mentions, key=lambda m: abs(m.start - pos))
        k = bisect_right(self.starts, pos)
        if k == 0:
            return self.mentions[0]
        if k == len(self.mentions):
            return self.mentions[-1]
        before, after = self.mentions[k - 1], self.mentions[k]
        return before if pos - before.start <= after.start - pos else after

    def first_other_than(self, actor_id: str | None, before: int | None = None) -> Mention | None:
        """The first mention that does not stand for `actor_id` (and starts before `before`)."""
        if not self.ordered:
            return next((m for m in self.mentions if m.id != actor_id and (before is None or m.start < before)),
                        None)
        if not self.mentions:
            return None
        first = self.mentions[0] if self.mentions[0].id != actor_id else self.second
        # in text order the first one is the earliest: if it is not before, none is
        return first if first is not None and (before is None or first.start < before) else None


@dataclass(frozen=True)
class _Frame:
    """What `find_parties` reads in [start, end) whatever the anchor: found once per span."""
    states: _Mentions
    buyer: Mention | None           # the subject of a buying verb
    sellers: _Mentions              # with a buyer: the other states
    weak_sellers: list[Mention]     # with a buyer and no other state: lower-case demonyms
    receivers: _Mentions            # states after a dative, a "Government of", a giving verb
    agents: _Mentions               # states after "par"/"by"
    subjects: _Mentions             # states that are not after a preposition
    latter: bool                    # the span opens on "ce dernier", "the latter"


def _owns_other(ctx: DocContext, m: Mention) -> bool:
    """Is `m` the possessor of a noun that names no party ("to India's deployment of ...")? What
    the preposition governs is that noun, not the state ("to Poland's army" is Poland)."""
    tok = ctx.token_from(m.end - 1)
    if tok is None or not tok.dep_.startswith(("poss", "nmod:poss")) or tok.head.i == tok.i:
        return False
    heads = ctx.remember(("party_heads", 1), lambda: frozenset(ctx.lex.words("party_heads")))
    return tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() not in heads


def _frame(ctx: DocContext, start: int, end: int) -> _Frame:
    return ctx.remember(("parties", start, end), lambda: _read_frame(ctx, start, end))


def _read_frame(ctx: DocContext, start: int, end: int) -> _Frame:
    text = ctx.text
    states = states_between(ctx, start, end)
    ordered = ctx.starts_ordered(ctx.actors)

    def mentions(items: list[Mention]) -> _Mentions:
        return _Mentions(items, ordered)

    buyer, sellers, weak_sellers = None, [], []
    buy = ctx.lex.rx("buy_verbs").search(text, start, end) if states else None
    if buy:
        buyers = [m for m in states if m.end <= buy.start() and _is_subject(ctx, m)]
        if buyers:
            buyer = buyers[-1]
            sellers = [m for m in states if m.id != buyer.id]
            if not sellers:
                weak_sellers = [m for m in ctx.within(ctx.actors, start, end) if _weak(m) and m.id != buyer.id
                                and is_state(m)]
    receivers = []
    give = ctx.lex.rx("give_verbs")
    for m in states:
        before = text[max(start, m.start - 60):m.start]
        given = [g for g in give.finditer(before) if not before[g.end():].strip()]
        if (GOVERNMENT_OF.search(before) or DATIVE.search(before) or given) and not _owns_other(ctx, m):
            receivers.append(m)
    return _Frame(
        states=mentions(states), buyer=buyer, sellers=mentions(sellers), weak_sellers=weak_sellers,
        receivers=mentions(receivers),
        agents=mentions([m for m in states if AGENT.search(text[max(0, m.start - 14):m.start])]),
        subjects=mentions([m for m in states if _is_subject(ctx, m)]),
        latter=bool(states) and LATTER.match(text, start) is not None)
