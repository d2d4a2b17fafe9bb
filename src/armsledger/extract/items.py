"""Items of a deal: weapon mentions grouped into equipment with a quantity.

Adjacent mentions that name one thing merge ("kits de guidage KMU-558B/B JDAM" is a generic
noun, a designation and a programme name); the most specific name becomes the designation.
Mentions that only say what an item is for ("pour les corps de bombes BLU-109", "for use with")
or repeat it in parentheses ("(40 installed and 5 spare engines)") are not items.
The quantity is the number written just before the group.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from armsledger.extract.context import DocContext
from armsledger.model import Item
from armsledger.normalize.numbers import NumberMatch
from armsledger.normalize.weapons import WeaponMatch, lookup_designation

# matched at the gap's start with `JOIN_GAP.match(text, start, end)`: the gap is not sliced out
JOIN_GAP = re.compile(r"\s*(?:de\s+type\s+|de\s+|d['’]|du\s+|des\s+|type\s+|[-–]\s*)?$", re.I)
ONE = re.compile(r"(?:^|\s)(?:un|une|a|an|one|1)\s+$", re.I)
RANK = {"designation": 0, "name": 1, "generic": 2}


@dataclass
class ItemMention:
    start: int
    end: int
    parts: list[WeaponMatch] = field(default_factory=list)
    quantity: int | None = None
    qualifier: str | None = None
    quantity_span: tuple[int, int] | None = None
    broken_down: bool = False   # the counted models in parentheses after it are the items
    model: str | None = None     # model words after a programme name
    phrase_end: int = -1         # where an unnamed item's noun phrase (calibre, complement) ends
    phrase_text: str | None = None  # that noun phrase, when it says more than the noun

    @property
    def best(self) -> WeaponMatch:
        return min(self.parts, key=lambda w: RANK.get(w.kind, 3))

    @property
    def designation(self) -> str | None:
        named = [w for w in self.parts if w.kind in {"designation", "name"}]
        return min(named, key=lambda w: RANK[w.kind]).designation if named else None

    def to_item(self) -> Item:
        best = self.best
        family = best.family or next((w.family for w in self.parts if w.family), None)
        category = best.category or next((w.category for w in self.parts if w.category), None)
        designation = self.designation
        if designation and self.model:
            designation = f"{designation} {self.model}"
        if designation and best.kind == "designation":
            known = lookup_designation(designation)
            if known:
                family = family or known[0]
                category = category or known[1]
        generic = next((w for w in self.parts if w.kind == "generic"), None)
        if generic is not None and best.kind != "generic":
            description = f"{generic.description} {designation}" if designation else generic.description
        elif self.phrase_text:
            description = self.phrase_text
        else:
            description = best.description
        spans = [(self.start, self.end)] + ([self.quantity_span] if self.quantity_span else [])
        return Item(designation=designation, family=family, description=description, category=category,
                    quantity=self.quantity, quantity_qualifier=self.qualifier if self.quantity is not None else None,
                    evidence=spans)


def group_item_mentions(ctx: DocContext, start: int, end: int) -> list[ItemMention]:
    """Weapon mentions inside [start, end) grouped into items, components left out."""
    text, lex = ctx.text, ctx.lex
    weapons = ctx.within(ctx.weapons, start, end)
    parens = ctx.remember("parentheses", lambda: _Parentheses(ctx.text))
    groups: list[ItemMention] = []
    kinds: set[str] = set()  # the kinds of the parts of the last group
    for w in weapons:
        if groups:
            g = groups[-1]
            joined = JOIN_GAP.match(text, g.end, w.start) is not None
            if not joined and _modifiers_only(ctx, g, w):
                joined = True
                if g.parts[-1].kind != "generic" and g.model is None:
                    g.model = _name_words(ctx, g.end, w.start)
            if joined and not (w.kind == "designation" and "designation" in kinds):
                if not (w.kind == "generic" and "generic" in kinds):
                    g.parts.append(w)
                    kinds.add(w.kind)
                # else a complement ("kits de guidage de munitions"): part of the same item
                g.end = w.end
                continue
            # "(Joint Direct Attack Munition)" or "(40 installed and 5 spare engines)": a gloss;
            # "(110 MaxxPro Dash DXM, 30 MaxxPro Base DXM)": counted models that break it down
            opened = parens.last_open(g.end, w.start)
            if opened != -1 and not parens.closes(opened, w.start) and parens.blank(g.end, opened):
                if w.kind != "generic" and kinds == {"generic"} and OPEN_GLOSS.fullmatch(text, opened, w.start):
                    g.parts.append(w)  # "Guided Multiple Launch Rocket System (GMLRS)": its name
                    kinds.add(w.kind)
                    g.end = w.end
                    continue
                if w.kind == "generic" or not _digit_last(text, opened, w.start):
                    continue
                g.broken_down = True
        before = text[max(start, w.start - 40):w.start]
        comp = lex.rx("component_cues").search(before)
        if comp and groups and not re.search(r"\d", before[comp.end():]):
            continue
        groups.append(ItemMention(w.start, w.end, [w]))
        kinds = {w.kind}
    numbers = _Counts(ctx, ctx.within(ctx.numbers, start, end))
    weapon_starts = [w.start for w in weapons] if ctx.starts_ordered(ctx.weapons) else None
    kept: list[ItemMention] = []
    for g in groups:
        if kept and g.start < kept[-1].phrase_end:
            continue  # inside the noun phrase of the item before ("rounds of 155mm artillery ammunition")
        _attach_quantity(ctx, g, numbers)
        g.model = g.model or _model_suffix(text, g)
        _resolve_demonstrative(ctx, g)
        if all(p.kind == "generic" for p in g.parts):
            phrase_start, g.phrase_end = _noun_phrase(text, g, end, weapons, weapon_starts)
            phrase = re.sub(r"\s+", " ", text[phrase_start:g.phrase_end]).strip()
            if phrase.lower() != g.best.text.lower():
                g.phrase_text = phrase
        kept.append(g)
    return [g for g in kept if not g.broken_down]


# the relations of a word that modifies a noun inside its phrase (UD for French, ClearNLP for English)
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "flat", "flat:name", "flat:foreign", "npadvmod", "appos"})
HYPHENS = frozenset("-\u2010\u2011\u2013")
MAX_MODIFIERS = 4


def _modifiers_only(ctx: DocContext, g: ItemMention, w: WeaponMatch) -> bool:
    """Do the words between item `g` and mention `w` only modify a noun of the phrase the two
    make ("48 avions de chasse légers FA-50", "K9 Thunder self-propelled howitzers")? Each must
    hang, as an adjective, compound or name, on a word inside that phrase: an article, a
    preposition, a conjunction, a number or a verb starts another phrase."""
    gap = ctx.doc.char_span(g.end, w.start, alignment_mode="contract")
    if gap is None or not 0 < len(gap) <= MAX_MODIFIERS:
        return False
    for t in gap:
        if t.text in HYPHENS:
            continue
        if t.dep_ not in MODIFIER_DEPS or not t.is_alpha or not g.start <= t.head.idx < w.end:
            return False
    return True


def _name_words(ctx: DocContext, start: int, end: int) -> str | None:
    """The capitalised words between a designation and its noun that complete its name ("K2
    Black Panther tanks", "K9 Thunder howitzers"), not a place, organisation or demonym."""
    gap = ctx.doc.char_span(start, end, alignment_mode="contract")
    if gap is None or any(not t.text[:1].isupper() or not t.is_alpha or t.ent_type_ in {"GPE", "ORG", "LOC"}
                          for t in gap):
        return None
    return gap.text


OPEN_GLOSS = re.compile(r"\(\s*")
NON_SPACE = re.compile(r"\S")  # white space as str.strip() and \s see it


class _Parentheses:
    """Where the text opens and closes parentheses: questions about the gap between two
    mentions are answered by bisection, not by reading the gap again for every mention."""

    def __init__(self, text: str):
        self.text = text
        self.opens = [m.start() for m in re.finditer(r"\(", text)]
        self.closes_at = [m.start() for m in re.finditer(r"\)", text)]
        self._next_non_space: dict[int, int] = {}

    def last_open(self, start: int, end: int) -> int:
        """`text.rfind("(", start, end)`."""
        k = bisect_left(self.opens, end) - 1
        return self.opens[k] if k >= 0 and self.opens[k] >= start else -1

    def closes(self, start: int, end: int) -> bool:
        """`")" in text[start:end]`."""
        k = bisect_left(self.closes_at, start)
        return k < len(self.closes_at) and self.closes_at[k] < end

    def blank(self, start: int, end: int) -> bool:
        r"""`re.fullmatch(r"\s*", text[start:end])`: white space only, or nothing."""
        if start not in self._next_non_space:
            m = NON_SPACE.search(self.text, start)
            self._next_non_space[start] = m.start() if m else len(self.text)
        return self._next_non_space[start] >= end


def _digit_last(text: str, start: int, end: int) -> bool:
    r"""`re.search(r"\d\s*$", text[start:end])`: the last character but white space is a digit."""
    pos = end - 1
    while pos >= start and text[pos].isspace():
        pos -= 1
    return pos >= start and text[pos].isdecimal()


class _Counts:
    """The numbers of a stretch of text that may count an item: the last one before an item is
    found by bisection, numbers inside money amounts skipped."""

    def __init__(self, ctx: DocContext, numbers: list[NumberMatch]):
        self.numbers = numbers
        money = ctx.money_spans
        self.free = [not money.contains(n.start) for n in numbers]
        self.ends = [n.end for n in numbers]
        self.ordered = all(a <= b for a, b in zip(self.ends, self.ends[1:]))
        self.text = ctx.text
        self._bracket_ends: dict[int, int] = {}
        self.last_free: list[int] = []  # per index, the last index at or before it not in money
        last = -1
        for i, free in enumerate(self.free):
            last = i if free else last
            self.last_free.append(last)

    def last_before(self, pos: int) -> NumberMatch | None:
        """The last number (in text order) that ends by `pos` and does not start in money."""
        if not self.ordered:
            return next((n for n, free in zip(reversed(self.numbers), reversed(self.free))
                         if free and n.end <= pos), None)
        k = bisect_right(self.ends, pos) - 1
        i = self.last_free[k] if k >= 0 else -1
        return self.numbers[i] if i >= 0 else None

    def gap_start(self, n: NumberMatch, end: int) -> int:
        r"""Where the words between number `n` and `end` start, a count in brackets right after
        the number left out: `re.sub(r"^\s*\(\d[\d,]*\)", "", text[n.end:end])`. The bracket
        is read once per number (its match is unique, so the one before `end` is the same)."""
        if n.end not in self._bracket_ends:
            m = BRACKETED_COUNT.match(self.text, n.end)
            self._bracket_ends[n.end] = m.end() if m else -1
        bracket_end = self._bracket_ends[n.end]
        return bracket_end if n.end < bracket_end <= end else n.end


DEMONSTRATIVE = re.compile(r"\b(?:ce|cet|cette|ces|this|these|that|those)\s+$", re.I)


def _resolve_demonstrative(ctx: DocContext, g: ItemMention) -> None:
    """"Ce canon ... a été exporté": the named system of that kind the text spoke of just before."""
    if any(p.kind != "generic" for p in g.parts) or not DEMONSTRATIVE.search(ctx.text[max(0, g.start - 8):g.start]):
        return
    since = ctx.sentences[max(0, ctx.sentence_at(g.start).index - 3)].start
    named = _named_systems(ctx).get(g.best.category)
    if named is None:
        return
    if ctx.starts_ordered(ctx.weapons):  # the last one named in [since, g.start)
        k = bisect_left(named[0], g.start) - 1
        last = named[1][k] if k >= 0 and named[0][k] >= since else None
    else:
        last = next((w for w in reversed(named[1]) if since <= w.start < g.start), None)
    if last is not None:
        g.parts.append(last)


def _named_systems(ctx: DocContext) -> dict[str | None, tuple[list[int], list[WeaponMatch]]]:
    """The named (not generic) weapon mentions by category, in text order, with their starts."""
    def build() -> dict[str | None, tuple[list[int], list[WeaponMatch]]]:
        table: dict[str | None, tuple[list[int], list[WeaponMatch]]] = {}
        for w in ctx.weapons:
            if w.kind != "generic":
                starts, found = table.setdefault(w.category, ([], []))
                starts.append(w.start)
                found.append(w)
        return table

    return ctx.remember("named systems", build)


FOR_SYSTEM = re.compile(r"\s+(?:supplémentaires\s+)?(?:for|pour)\s+(?:the\s+|les\s+|des\s+|its\s+|leurs\s+)?"
                        r"(?:[\w'’-]+\s+){0,5}", re.I)
# "20 Electro-Optics-Infrared Radars": the capitalised words that name an unnamed system
TITLE_WORDS = re.compile(r"(?<=\d\s)(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*\s+){1,3}$")
CALIBRE = re.compile(r"(?:\d[\d,.]*\s?-?(?:mm|pound|lb|kg|inch)\s+)$", re.I)
COMPLEMENT = re.compile(r"(?:\s+(?:of|de|d['’])\s*(?:\d[\d,.]*\s?-?(?:mm|pound|lb|kg)\b)(?:\s+[a-z][\w-]*){0,2}"
                        r"|\s+[a-zéèêëàâîïôûç-]+(?:é|ée|és|ées|al|aux|if|ive|ifs|ives|ique|iques)\b)", re.I)


def _noun_phrase(text: str, g: ItemMention, limit: int, weapons: list[WeaponMatch],
                 starts: list[int] | None) -> tuple[int, int]:
    """An unnamed item's noun phrase with its calibre and complement: "30mm ammunition",
    "rounds of 155mm artillery ammunition", "obus de 155 mm", "véhicules blindés médicalisés",
    and the system it is for: "ammunition for HIMARS systems", "missiles ... pour les systèmes
    NASAMS" (the system is then not an item of its own)."""
    start, end = g.start, g.end
    before = CALIBRE.search(text[max(0, start - 20):start]) or TITLE_WORDS.search(text[max(0, start - 50):start])
    if before:
        start -= len(before.group(0))
    after = COMPLEMENT.match(text, end, limit)
    if after:
        end = after.end()
    breakdown = re.match(r"\s*\([^()]*\d[^()]{0,50}\)", text[end:limit])  # "(16 installed and 4 spares)"
    if breakdown:
        end += breakdown.end()
    named = _first_named_after(weapons, starts, end, min(limit, end + 80))
    if named is not None and FOR_SYSTEM.fullmatch(text, end, named.start):
        tail = re.match(r"\s+(?:systems?|systèmes?)\b", text[named.end:named.end + 12])
        end = named.end + (tail.end() if tail else 0)
    return start, end


def _first_named_after(weapons: list[WeaponMatch], starts: list[int] | None, after: int, upto: int
                       ) -> WeaponMatch | None:
    """The first named (not generic) weapon of `weapons` that starts in (after, upto]; `starts`
    are their starts when in text order (then only those past `after` are read)."""
    if starts is None:
        return next((w for w in weapons if w.kind != "generic" and after < w.start <= upto), None)
    for w in weapons[bisect_right(starts, after):bisect_right(starts, upto)]:
        if w.kind != "generic":
            return w
    return None


# "[A-Z]{2}[\w-]*", not "[A-Z]{2,}[\w-]*": the same words, without two repeats over the same letters
MODEL_TOKEN = r"(?:[A-Z]{2}[\w-]*|\w*\d\w*|[A-Z][a-z]+(?=\s+(?:[A-Z]{2,}|\w*\d)))"


def _model_suffix(text: str, g: ItemMention) -> str | None:
    """Model words written after a programme name: "MaxxPro Dash DXM", "Leopard 2A6"."""
    if g.best.kind != "name" or any(p.kind == "designation" for p in g.parts):
        return None
    m = re.match(rf"(?:\s+{MODEL_TOKEN}){{1,3}}(?:\s+[A-Z][a-z]+){{0,2}}", text[g.end:g.end + 50])
    return m.group(0).strip() if m else None


BRACKETED_COUNT = re.compile(r"\s*\(\d[\d,]*\)")  # the "(60)" of "sixty (60) missiles"


def _attach_quantity(ctx: DocContext, g: ItemMention, numbers: _Counts) -> None:
    text = ctx.text
    n = numbers.last_before(g.start)
    # "2,000-pound bombs": a size, not a count
    if n is not None and not re.match(r"\s?-\s?(?:pound|lb|kg|ton|tonne|mile|km|inch|meter|metre|mm)",
                                      text[n.end:n.end + 8], re.I):
        # the words between number and item, a count in brackets left out; only a short gap
        # is read (a number far back does not count the item)
        gap_start = numbers.gap_start(n, g.start)
        gap = text[gap_start:g.start] if g.start - gap_start <= 30 else None
        if gap is not None and not re.search(r"[\d.;:()]", gap) and len(gap.split()) <= 3 \
                and not re.search(r"\b(?:et|and|ou|or)\b", gap):
            g.quantity = int(n.value) if n.value == int(n.value) else None
            g.qualifier = n.qualifier
            g.quantity_span = (n.start, n.end)
    if g.quantity is None and g.best.kind != "generic" and ONE.search(text[max(0, g.start - 8):g.start]):
        g.quantity, g.qualifier, g.quantity_span = 1, "exact", None


def drop_summaries(mentions: list[ItemMention]) -> list[ItemMention]:
    """Leave out an unnamed, uncounted item that only announces a named one made of the same
    noun ("une vente de kits de guidage ... 3 845 kits de guidage KMU-558B/B")."""
    named_nouns = {p.description for m in mentions if m.designation for p in m.parts if p.kind == "generic"}
    return [m for m in mentions if m.designation or m.quantity is not None
            or m.best.description not in named_nouns]
