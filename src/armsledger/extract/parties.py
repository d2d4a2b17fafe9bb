"""Who gives and who receives: the states around a deal or an aid amount in a sentence.

Shared by the transfer and aid extractors. The recipient is the state after a dative
preposition ("à Israël", "aux Ukrainiens", "to Taiwan", "for Poland") or named as buyer
("X has requested to buy", "Government of X"); the supplier or donor is the other state,
preferably the subject before the verb. Demonyms count ("le génocide israélien" names ISR).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from armsledger.extract.context import DocContext, Mention
from armsledger.model import Actor
from armsledger.normalize.actors import state_name

# organisations that buy or give as one party
PARTY_ORGS = {"NATO", "EU"}

DATIVE = re.compile(r"(?:\b(?:à|au|aux|vers|pour|to|for|with|destination de|de l['’]armée de)\s+(?:l['’]|la\s+|le\s+|les\s+|the\s+|son\s+|sa\s+|ses\s+|leur\s+|its\s+|their\s+)?"
                    r"(?:[\w-]+\s+){0,4}?(?:,\s*)?)$", re.I)
BUYER = re.compile(r"^\s*(?:a|ont|has|have|had)?\s*(?:requested|demandé|sought|souhaite|commandé|ordered|acheté|bought|purchased|signed|signé|acquis|acquired|will buy|va acheter|reçu|received|took)", re.I)
GOVERNMENT_OF = re.compile(r"(?:Government of|gouvernement (?:de|du|d['’])|Republic of|République (?:de|du|d['’]))\s*(?:the\s+|la\s+|l['’])?$", re.I)


@dataclass(frozen=True)
class Parties:
    supplier: Mention | None
    recipient: Mention | None


def actor_of(m: Mention | None) -> Actor | None:
    if m is None:
        return None
    return Actor(id=m.id, name=m.surface.strip())


def states_between(ctx: DocContext, start: int, end: int) -> list[Mention]:
    """State mentions (names, metonyms, demonyms, and government bodies standing for a state)."""
    return [m for m in ctx.within(ctx.actors, start, end) if _is_state(m)]


def _is_state(m: Mention) -> bool:
    return state_name(m.id, "en") is not None or m.id in PARTY_ORGS


def find_parties(ctx: DocContext, start: int, end: int, anchor: int) -> Parties:
    """Supplier and recipient among the states named in [start, end); `anchor` is where the
    deal's items or money are, so nearer mentions win ties."""
    text = ctx.text
    states = states_between(ctx, start, end)
    recipient = None
    for m in states:
        before = text[max(start, m.start - 60):m.start]
        if GOVERNMENT_OF.search(before) or DATIVE.search(before) and m.kind != "metonym" or \
                BUYER.match(text[m.end:m.end + 40]) or DATIVE.search(before) and m.kind == "metonym":
            if recipient is None or abs(m.start - anchor) < abs(recipient.start - anchor):
                recipient = m
    supplier = None
    others = [m for m in states if recipient is None or m.id != recipient.id]
    subjects = [m for m in others if m.start < anchor]
    if subjects:
        supplier = subjects[0]
    elif others:
        supplier = others[0]
    if recipient is None and supplier is not None:
        rest = [m for m in others if m.id != supplier.id and m.kind != "metonym"]
        if rest:
            recipient = rest[-1]
    return Parties(supplier, recipient)
