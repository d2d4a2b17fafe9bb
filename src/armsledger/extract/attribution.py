"""Who says it: speakers of quotes and sources of figures, resolved to names.

Shared by the quote and figure extractors. A speaker is a person's full name where the text
gives one ("Mme Leavitt" -> "Karoline Leavitt"), else the organisation, by the acronym the text
gives it ("l'Agence ... (DSCA)" -> "DSCA"); pronouns and statement nouns ("le communiqué",
"the statement") resolve to the last speaker of that kind.
"""
from __future__ import annotations

import re
from bisect import bisect_left
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


def _acronyms(ctx: DocContext) -> dict[str, list[tuple[int, str]]]:
    """Per organisation id, (start, acronym) of its ORG mentions followed by an acronym, in
    text order; built once per document."""
    def build() -> dict[str, list[tuple[int, str]]]:
        table: dict[str, list[tuple[int, str]]] = {}
        for other in ctx.actors:
            if other.label == "ORG":
                acro = acronym_after(ctx, other.end)
                if acro:
                    table.setdefault(other.id, []).append((other.start, acro))
        return table

    return ctx.remember("org acronyms", build)


def org_display(ctx: DocContext, m: Mention) -> str:
    """The name a reader would use for an organisation mention: its acronym where the text
    gives one next to a mention of it, else the surface without article."""
    acro = acronym_after(ctx, m.end)
    if acro:
        return acro
    # the first mention of the same organisation with an acronym that comes before this one
    # (mentions are in text order: only the first can)
    named = _acronyms(ctx).get(m.id, ())
    if ctx.starts_ordered(ctx.actors):
        named = named[:1]
    acro = next((a for start, a in named if start < m.start), None)
    if acro:
        return acro
    if m.id.isalpha() and m.id.isupper() and len(m.id) <= 6 and state_name(m.id, "en") is None:
        return m.id  # "Defense Security Cooperation Agency" -> "DSCA"
    return clean_name(m.surface)


def last_person_before(ctx: DocContext, pos: int) -> Speaker | None:
    """The person a pronoun stands for when nobody was quoted yet: the last one named."""
    person = ctx.last_ending_by(ctx.persons, pos)
    return speaker_from_person(ctx, person) if person is not None else None


def issuer_before(ctx: DocContext, pos: int) -> Speaker | None:
    """The organisation a "statement"/"communiqué" comes from: the last one named before `pos`."""
    org = ctx.last_starting_before(ctx.issuers, pos)
    return speaker_from_mention(ctx, org) if org is not None else None


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
    first = ctx.first_person_named(name) or p
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
    # a surname the text gave in full before, missed by the NER ("Bell said")
    p = _named_in_full_before(ctx, start, window)
    if p is not None:
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


def _full_names(ctx: DocContext) -> tuple[dict[str, int], list[tuple[int, str]]]:
    """The persons named in full (two words or more), by surname: the index in `persons` of
    the first one with each surname; and the surnames that are not a plain word ("O'Neill"),
    with that index. Built once per document."""
    def build() -> tuple[dict[str, int], list[tuple[int, str]]]:
        plain: dict[str, int] = {}
        other: dict[str, int] = {}
        for i, p in enumerate(ctx.persons):
            words = p.name.split()
            if len(words) > 1:
                (plain if _PLAIN_WORD.fullmatch(words[-1]) else other).setdefault(words[-1], i)
        return plain, sorted((i, surname) for surname, i in other.items())

    return ctx.remember("full names", build)


_PLAIN_WORD = re.compile(r"\w+")


def _named_in_full_before(ctx: DocContext, start: int, window: str) -> Person | None:
    r"""The first person, named in full before `start`, whose surname is a word of `window`.

    The window's words are looked up among the surnames, rather than every surname searched
    in the window: a plain surname matches `\bSurname\b` exactly when it is one of the
    window's runs of word characters. The rare others ("O'Neill") are searched."""
    if not ctx.starts_ordered(ctx.persons):
        for p in ctx.persons:
            surname = p.name.split()[-1]
            if p.start < start and len(p.name.split()) > 1 and re.search(rf"\b{re.escape(surname)}\b", window):
                return p
        return None
    plain, other = _full_names(ctx)
    # persons are in text order: the first with a surname is the earliest named
    hits = [plain[w] for w in set(_PLAIN_WORD.findall(window)) if w in plain]
    hits += [i for i, surname in other if re.search(rf"\b{re.escape(surname)}\b", window)]
    hits = [i for i in hits if ctx.persons[i].start < start]
    return ctx.persons[min(hits)] if hits else None


def person_by_role(ctx: DocContext, start: int, end: int) -> Speaker | None:
    """"le chancelier allemand" -> the person the text introduced with that role earlier."""
    role_match = ctx.lex.rx("roles").search(ctx.text, start, end)
    if role_match is None:
        return None
    role = role_match.group(0).lower()
    # (start, index, role) of the persons introduced with a role, then of those whose role has
    # this one in it: each worked out once per document
    introduced = ctx.remember("introduced roles", lambda: [
        (p.start, i, intro) for i, p in enumerate(ctx.persons) if (intro := role_before(ctx, p.start))])
    found = ctx.remember(("introduced as", role), lambda: [x for x in introduced if role in x[2].lower()])
    if ctx.starts_ordered(ctx.persons):  # the last one introduced before `start`
        k = bisect_left(found, (start,))
        last = found[k - 1] if k else None
    else:
        last = next((x for x in reversed(found) if x[0] < start), None)
    if last is None:
        return None
    p = ctx.persons[last[1]]
    return Speaker(ctx.full_name(p.name), "person", p.start, last[2])
