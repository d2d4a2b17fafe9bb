"""Who says it: speakers of quotes and sources of figures, resolved to names.

Shared by the quote and figure extractors. A speaker is a person's full name where the text
gives one ("Mme Leavitt" -> "Karoline Leavitt"), else the organisation, by the acronym the text
gives it ("l'Agence ... (DSCA)" -> "DSCA"); pronouns and statement nouns ("le communiqué",
"the statement") resolve to the last speaker of that kind.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from armsledger.extract.context import DocContext, Mention, Person
from armsledger.normalize.actors import state_name

HONORIFIC_NAME = re.compile(r"(?<!\w)(M\.|Mme|Mlle|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+([A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)?)")
ARTICLE = re.compile(r"^(?:l['’]|le\s|la\s|les\s|the\s)", re.IGNORECASE)


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str            # "person" | "org" | "state"
    start: int           # where the text names it (for the role)
    role: str | None = None


def clean_name(surface: str) -> str:
    return ARTICLE.sub("", surface.strip()).strip()


def acronym_after(ctx: DocContext, end: int) -> str | None:
    """An acronym in parentheses right after a name: "... défense (DSCA)" -> "DSCA"."""
    m = re.match(r"\s*\(([A-Z][A-Za-z]{1,9})\)", ctx.text[end:end + 14])
    return m.group(1) if m else None


def org_display(ctx: DocContext, m: Mention) -> str:
    """The name a reader would use for an organisation mention: its acronym where the text
    gives one next to a mention of it, else the surface without article."""
    acro = acronym_after(ctx, m.end)
    if acro:
        return acro
    for other in ctx.actors:
        if other.id == m.id and other.label == "ORG":
            acro = acronym_after(ctx, other.end)
            if acro and other.start < m.start:
                return acro
    if m.id.isalpha() and m.id.isupper() and len(m.id) <= 6 and state_name(m.id, "en") is None:
        return m.id  # "Defense Security Cooperation Agency" -> "DSCA"
    return clean_name(m.surface)


def last_person_before(ctx: DocContext, pos: int) -> Speaker | None:
    """The person a pronoun stands for when nobody was quoted yet: the last one named."""
    persons = [p for p in ctx.persons if p.end <= pos]
    return speaker_from_person(ctx, persons[-1]) if persons else None


def issuer_before(ctx: DocContext, pos: int) -> Speaker | None:
    """The organisation a "statement"/"communiqué" comes from: the last one named before `pos`."""
    orgs = [m for m in ctx.actors if m.label == "ORG" and m.start < pos and m.kind != "company"]
    return speaker_from_mention(ctx, orgs[-1]) if orgs else None


def role_before(ctx: DocContext, start: int) -> str | None:
    """A role written just before a person's name ("la porte-parole de la Maison Blanche,
    Karoline Leavitt" -> "porte-parole de la Maison Blanche")."""
    window = ctx.text[max(0, start - 90):start]
    window = re.split(r"[.;:!?«»\"“”\n]", window)[-1]
    best = None
    for m in ctx.lex.rx("roles").finditer(window):
        best = m
        break
    if best is None:
        return None
    role = window[best.start():].strip().rstrip(",").strip()
    return role or None


def speaker_from_person(ctx: DocContext, p: Person) -> Speaker:
    name = ctx.full_name(p.name, before=None)
    first = next((q for q in ctx.persons if ctx.strip_honorific(q.name).split()[-1:] == name.split()[-1:]), p)
    return Speaker(name, "person", p.start, role_before(ctx, first.start))


def speaker_from_mention(ctx: DocContext, m: Mention) -> Speaker:
    if m.label == "ORG":
        return Speaker(org_display(ctx, m), "org", m.start)
    return Speaker(clean_name(m.surface), "state", m.start)


def nearest_speaker(ctx: DocContext, start: int, end: int, *, prefer: str = "last") -> Speaker | None:
    """The person or organisation named inside [start, end): the last one, the first one (after
    an inverted verb), or the first that is not after a preposition ("subject"); persons win
    over organisations."""
    persons = ctx.within(ctx.persons, start, end)
    if persons:  # the person nearest the verb: last before it, first after it
        return speaker_from_person(ctx, persons[0] if prefer == "first" else persons[-1])
    window = ctx.text[start:end]
    for p in ctx.persons:  # a surname the text gave in full before, missed by the NER ("Bell said")
        surname = p.name.split()[-1]
        if p.start < start and len(p.name.split()) > 1 and re.search(rf"\b{re.escape(surname)}\b", window):
            return speaker_from_person(ctx, p)
    titled = HONORIFIC_NAME.search(ctx.text, start, end)
    if titled and titled.group(1) in ctx.lex.words("honorifics"):
        return Speaker(ctx.full_name(titled.group(2)), "person", titled.start(2), None)
    mentions = [m for m in ctx.within(ctx.actors, start, end) if m.kind not in {"demonym"}]
    if prefer == "subject":
        # a subject is not the object of a preposition ("livrés à Kiev")
        prep = ctx.lex.rx("prepositions_before_actor")
        mentions = [m for m in mentions if not re.search(
            prep.pattern + r"\s*(?:l['’]|la\s|le\s|les\s|the\s)?\s*$", ctx.text[max(0, m.start - 12):m.start], re.I)]
    if mentions:
        return speaker_from_mention(ctx, mentions[-1] if prefer == "last" else mentions[0])
    return person_by_role(ctx, start, end)


def person_by_role(ctx: DocContext, start: int, end: int) -> Speaker | None:
    """"le chancelier allemand" -> the person the text introduced with that role earlier."""
    roles = list(ctx.lex.rx("roles").finditer(ctx.text, start, end))
    if not roles:
        return None
    role = roles[0].group(0).lower()
    for p in reversed([p for p in ctx.persons if p.start < start]):
        intro = role_before(ctx, p.start)
        if intro and role in intro.lower():
            return Speaker(ctx.full_name(p.name), "person", p.start, intro)
    return None
