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
from functools import cache

from armsledger.extract.context import DocContext
from armsledger.lang import Lexicon, get_lexicon
from armsledger.model import Item
from armsledger.normalize.numbers import NumberMatch
from armsledger.normalize.weapons import WeaponMatch, lookup_designation

RANK = {"designation": 0, "name": 1, "generic": 2}


def _alt(words: list[str]) -> str:
    """The words of a language list as one regex alternation, longest first; `'` also matches `’`."""
    if not words:
        return "(?!x)x"
    return "|".join(re.escape(w).replace("'", "['’]").replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


class _Patterns:
    """The regexes of one language that read the words around an equipment noun, built once
    from lang/<lang>/items.json."""

    def __init__(self, lex: Lexicon):
        def alt(key: str) -> str:
            return _alt(lex.words(key))

        units = alt("measure_units")
        # matched at the gap's start with `join_gap.match(text, start, end)`: the gap is not sliced out
        joiners = alt("phrase_joiners")
        self.join_gap = re.compile(rf"\s*(?:(?:{joiners})(?:\s+|(?<=['’]))|[-–]\s*)?$", re.I)
        self.one = re.compile(rf"(?:^|\s)(?:{alt('one_words')}|1)\s+$", re.I)
        self.demonstrative = re.compile(rf"(?<!\w)(?:{alt('demonstratives')})\s+$", re.I)
        self.for_system = re.compile(
            rf"\s+(?:(?:{alt('additional_words')})\s+)?(?:{alt('for_words')})\s+"
            rf"(?:(?:{alt('for_determiners')})\s+)?(?:[\w'’-]+\s+){{0,5}}", re.I)
        self.system_tail = re.compile(rf"\s+(?:{alt('system_nouns')})(?!\w)", re.I)
        self.calibre = re.compile(rf"(?:\d[\d,.]*\s?-?(?:{units})\s+)$", re.I)
        self.size = re.compile(rf"\s?-?\s?(?:{units})(?!\w)", re.I)
        self.complement = re.compile(
            rf"(?:\s+(?:{alt('complement_prepositions')})\s*(?:\d[\d,.]*\s?-?(?:{units})(?!\w))"
            rf"(?:\s+[a-z][\w-]*){{0,2}}|\s+[a-zéèêëàâîïôûç-]+(?:{alt('adjective_endings')})(?!\w))", re.I)
        self.conjunction = re.compile(rf"(?<!\w)(?:{alt('conjunctions')})(?!\w)", re.I)
        self.kind_noun = re.compile(rf"\s*(?:{alt('kind_nouns')})(?!\w)", re.I)


@cache
def _patterns(lang: str) -> _Patterns:
    return _Patterns(get_lexicon(lang))


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
    text, lex, rx = ctx.text, ctx.lex, _patterns(ctx.lang)
    weapons = ctx.within(ctx.weapons, start, end)
    parens = ctx.remember("parentheses", lambda: _Parentheses(ctx.text))
    groups: list[ItemMention] = []
    kinds: set[str] = set()  # the kinds of the parts of the last group
    for w in weapons:
        if groups:
            g = groups[-1]
            joined = rx.join_gap.match(text, g.end, w.start) is not None
            modifier_before = False
            if not joined and _modifiers_only(ctx, g, w):
                joined = modifier_before = True
                if g.parts[-1].kind != "generic" and g.model is None:
                    g.model = _name_words(ctx, g.end, w.start)
            if joined and not (w.kind == "designation" and "designation" in kinds):
                if not (w.kind == "generic" and "generic" in kinds):
                    g.parts.append(w)
                    kinds.add(w.kind)
                elif modifier_before and g.parts[-1].kind == "generic" and _heads(ctx, w, g.parts[-1]):
                    g.parts[-1] = w  # "missile defense radars": the noun is the later one
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
        # "missile defense", "K-10 ammunition resupply vehicles": a noun that modifies another
        # noun, one that names no equipment, is not the noun of the item
        g.parts = [p for p in g.parts if p.kind != "generic" or not _modifies_other_noun(ctx, p)]
        if not g.parts:
            continue
        if all(p.kind == "generic" for p in g.parts):
            phrase_start, g.phrase_end = _noun_phrase(rx, text, g, end, weapons, weapon_starts)
            phrase = re.sub(r"\s+", " ", text[phrase_start:g.phrase_end]).strip()
            if phrase.lower() != g.best.text.lower():
                g.phrase_text = phrase
            elif g.quantity is None and _definite(ctx, g):
                continue  # "the howitzers", "ces chars": equipment named before, not a new item
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
    units = _patterns(ctx.lang).size
    for t in gap:
        if t.text in HYPHENS:
            continue
        if t.like_num and t.head.i > t.i and t.head.i < gap.end and units.fullmatch(t.head.text):
            continue  # the calibre of "M107 155mm projectiles"
        if t.dep_ not in MODIFIER_DEPS or not (t.is_alpha or units.fullmatch(t.text)) \
                or not g.start <= t.head.idx < w.end:
            return False
    return True


def _heads(ctx: DocContext, head: WeaponMatch, dependent: WeaponMatch) -> bool:
    """Is mention `head` the syntactic head of mention `dependent` (an ancestor of its root)?"""
    h = ctx.doc.char_span(head.start, head.end, alignment_mode="expand")
    d = ctx.doc.char_span(dependent.start, dependent.end, alignment_mode="expand")
    return h is not None and d is not None and h.root.is_ancestor(d.root)


def _name_words(ctx: DocContext, start: int, end: int) -> str | None:
    """The capitalised words between a designation and its noun that complete its name ("K2
    Black Panther tanks", "K9 Thunder howitzers"), not a place, organisation or demonym."""
    gap = ctx.doc.char_span(start, end, alignment_mode="contract")
    if gap is None or any(not t.text[:1].isupper() or not t.is_alpha or t.ent_type_ in {"GPE", "ORG", "LOC"}
                          for t in gap):
        return None
    return gap.text


def _modifies_other_noun(ctx: DocContext, g: WeaponMatch) -> bool:
    """Is the noun of mention `g` a compound modifier of a later noun that names no equipment?"""
    span = ctx.doc.char_span(g.start, g.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ not in {"compound", "nmod"} or root.head.i < span.end:
        return False
    head = root.head.idx
    last = ctx.last_starting_before(ctx.weapons, head + 1)  # bisection over the document's mentions
    return last is None or last.end <= head


def _definite(ctx: DocContext, g: ItemMention) -> bool:
    """Does a definite article or a demonstrative determine the noun of `g` (its determiner in
    the parse, or the word just before the phrase)?"""
    span = ctx.doc.char_span(g.start, g.end, alignment_mode="expand")
    if span is None:
        return False
    determiners = [t for t in span.root.lefts if t.dep_ == "det"]
    if span.start > 0 and ctx.doc[span.start - 1].dep_ == "det":
        determiners.append(ctx.doc[span.start - 1])
    # "de la défense anti-aérienne": after "de", the article is a partitive, not a definite one
    return any(ctx.lex.has("definite_determiners", t.text) and not (
        t.i > 0 and ctx.lex.has("partitive_markers", ctx.doc[t.i - 1].text)) for t in determiners)


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



def _resolve_demonstrative(ctx: DocContext, g: ItemMention) -> None:
    """"Ce canon ... a été exporté": the named system of that kind the text spoke of just before."""
    if any(p.kind != "generic" for p in g.parts) or not _patterns(ctx.lang).demonstrative.search(ctx.text[max(0, g.start - 8):g.start]):
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


# "20 Electro-Optics-Infrared Radars": the capitalised words that name an unnamed system
TITLE_WORDS = re.compile(r"(?<=\d\s)(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*\s+){1,3}$")


def _noun_phrase(rx: _Patterns, text: str, g: ItemMention, limit: int, weapons: list[WeaponMatch],
                 starts: list[int] | None) -> tuple[int, int]:
    """An unnamed item's noun phrase with its calibre and complement: "30mm ammunition",
    "rounds of 155mm artillery ammunition", "obus de 155 mm", "véhicules blindés médicalisés",
    and the system it is for: "ammunition for HIMARS systems", "missiles ... pour les systèmes
    NASAMS" (the system is then not an item of its own)."""
    start, end = g.start, g.end
    before = rx.calibre.search(text[max(0, start - 20):start]) or TITLE_WORDS.search(text[max(0, start - 50):start])
    if before:
        start -= len(before.group(0))
    after = rx.complement.match(text, end, limit)
    if after:
        end = after.end()
    breakdown = re.match(r"\s*\([^()]*\d[^()]{0,50}\)", text[end:limit])  # "(16 installed and 4 spares)"
    if breakdown:
        end += breakdown.end()
    named = _first_named_after(weapons, starts, end, min(limit, end + 80))
    if named is not None and rx.for_system.fullmatch(text, end, named.start):
        tail = rx.system_tail.match(text[named.end:named.end + 12])
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
    text, rx = ctx.text, _patterns(ctx.lang)
    n = numbers.last_before(g.start)
    # "2,000-pound bombs", "155-millimeter guns": a size, not a count; "three types of jets": kinds
    if n is not None and not rx.size.match(text, n.end) and not rx.kind_noun.match(text, n.end):
        # the words between number and item, a count in brackets left out; only a short gap
        # is read (a number far back does not count the item)
        gap_start = numbers.gap_start(n, g.start)
        gap = text[gap_start:g.start] if g.start - gap_start <= 30 else None
        if gap is not None and not re.search(r"[\d.;:()]", gap) and len(gap.split()) <= 3 \
                and not rx.conjunction.search(gap):
            g.quantity = int(n.value) if n.value == int(n.value) else None
            g.qualifier = n.qualifier
            g.quantity_span = (n.start, n.end)
    if g.quantity is None and g.best.kind != "generic" and rx.one.search(text[max(0, g.start - 8):g.start]):
        g.quantity, g.qualifier, g.quantity_span = 1, "exact", None


def drop_summaries(mentions: list[ItemMention]) -> list[ItemMention]:
    """Leave out an unnamed, uncounted item that only announces a named one made of the same
    noun ("une vente de kits de guidage ... 3 845 kits de guidage KMU-558B/B")."""
    named_nouns = {p.description for m in mentions if m.designation for p in m.parts if p.kind == "generic"}
    return [m for m in mentions if m.designation or m.quantity is not None
            or m.best.description not in named_nouns]
