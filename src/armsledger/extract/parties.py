"""Who gives and who receives: the states around a deal or an aid amount in a sentence.

Shared by the transfer and aid extractors. With a buying verb ("la Pologne a commandé ...
aux États-Unis", "India ordered ... from France") the subject is the recipient and the other
state the supplier. Otherwise the recipient is the state after a dative preposition ("à
Israël", "aux Ukrainiens", "to Taiwan") or named as a government ("Government of X"), and the
supplier the other state, the subject first. Lower-case demonyms ("les systèmes américains")
describe things more often than parties: they are used only when nothing else is named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

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
    return Actor(id=m.id, name=m.surface.strip())


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
    text = ctx.text
    states = states_between(ctx, start, end)
    if not states:
        return Parties(None, None)
    buy = ctx.lex.rx("buy_verbs").search(text, start, end)
    if buy:
        buyers = [m for m in states if m.end <= buy.start() and _is_subject(ctx, m)]
        if buyers:
            buyer = buyers[-1]
            # "avec les États-Unis et la Corée du Sud, à laquelle elle a commandé des chars K2":
            # the seller named nearest the items
            sellers = sorted((m for m in states if m.id != buyer.id), key=lambda m: abs(m.start - anchor))
            if not sellers:  # "12 obusiers K9 sud-coréens": the origin told by an adjective
                sellers = [m for m in ctx.within(ctx.actors, start, end) if _weak(m) and m.id != buyer.id
                           and is_state(m)]
            return Parties(sellers[0] if sellers else None, buyer)
    agents = [m for m in states if AGENT.search(text[max(0, m.start - 14):m.start])]
    recipient = None
    give = ctx.lex.rx("give_verbs")
    for m in states:
        before = text[max(start, m.start - 60):m.start]
        given = [g for g in give.finditer(before) if not before[g.end():].strip()]
        if GOVERNMENT_OF.search(before) or DATIVE.search(before) or given:
            # "à Israël", "the Government of Norway", "has given Israel $3.8 billion"
            if recipient is None or abs(m.start - anchor) < abs(recipient.start - anchor):
                recipient = m
    others = [m for m in states if recipient is None or m.id != recipient.id]
    # the agent of a passive ("promis par le Danemark", "supplied by Germany") is the supplier
    # a subject after the items sits in another clause ("HIMARS, which Kyiv has been praising")
    subjects = [m for m in agents if m in others] + [m for m in others if _is_subject(ctx, m) and m.start < anchor]
    supplier = (subjects or others or [None])[0]
    if supplier not in subjects and LATTER.match(text, start):
        # "Ce dernier promet l'envoi de 120 blindés": the state named last before the sentence
        earlier = [m for m in states_between(ctx, max(0, start - 300), start)
                   if recipient is None or m.id != recipient.id]
        if earlier:
            return Parties(earlier[-1], recipient)
    return Parties(supplier if supplier in subjects or not subject_only else None, recipient)
