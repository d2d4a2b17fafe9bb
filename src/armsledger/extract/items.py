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
from dataclasses import dataclass, field, replace
from functools import cache

from armsledger.extract.context import DocContext
from armsledger.lang import SUPPORTED_LANGUAGES, Lexicon, get_lexicon
from armsledger.model import Item
from armsledger.normalize.numbers import NumberMatch
from armsledger.normalize.weapons import (WeaponMatch, find_weapons, is_support_noun, lookup_designation,
                                           normalise_designation)

RANK = {"designation": 0, "name": 1, "generic": 2}
EXPAND, CONTRACT = "expand", "contract"  # spaCy's alignment modes of `Doc.char_span`


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
            rf"\s+(?:(?:{alt('additional_words')})\s+)?"
            rf"(?:(?:{alt('complement_prepositions')})(?:\s+|(?<=['’]))(?:[\w'’-]+\s+){{1,4}}?)?"  # "de courte portée"
            rf"(?:{alt('for_words')})\s+"
            rf"(?:(?:{alt('for_determiners')})\s+)?(?:[\w'’-]+\s+){{0,5}}", re.I)
        self.system_tail = re.compile(rf"\s+(?:{alt('system_nouns')})(?!\w)", re.I)
        self.calibre = re.compile(rf"(?:\.?\d[\d,.]*\s?-?(?:{units})\s+)$", re.I)  # ".50 caliber"
        self.size = re.compile(rf"\s?-?\s?(?:{units})(?!\w)", re.I)
        self.sized = re.compile(rf"\(?\.?\d[\d,.]*\s?-?\s?(?:{units})(?!\w)\)?", re.I)  # "185-mile", "(297-km)"
        self.complement = re.compile(
            rf"(?:\s+(?:{alt('complement_prepositions')})\s*(?:\d[\d,.]*\s?-?(?:{units})(?!\w))"
            rf"(?:\s+(?!(?:{alt('conjunctions')}|{alt('complement_prepositions')})(?!\w))[a-z][\w-]*){{0,2}}"
            rf"|\s+(?:{alt('complement_prepositions')})\s+(?:{units})\s+\.?\d+(?:[.,]\d+)*(?:\s?(?:{units}))?(?!\w)"  # "de calibre .50"
            rf"|\s+[a-zéèêëàâîïôûç-]+(?:{alt('adjective_endings')})(?!\w))", re.I)
        self.conjunction = re.compile(rf"(?<!\w)(?:{alt('conjunctions')})(?!\w)", re.I)
        # "120mm and 81mm mortar rounds", "systèmes de navigation et de vision thermique"
        self.other_calibre = re.compile(rf"(\d[\d,.]*\s?-?(?:{units}))\s+(?:{alt('conjunctions')})\s+$", re.I)
        preposition = rf"(?:{alt('complement_prepositions')})(?:\s+|(?<=['’]))"
        self.joined_complement = re.compile(rf"\s+(?:{alt('conjunctions')})\s+({preposition})", re.I)
        self.preposition = re.compile(rf"\s{preposition}", re.I)
        self.kind_noun = re.compile(rf"\s*(?:{alt('kind_nouns')}|{alt('group_nouns')})(?!\w)", re.I)
        self.group_noun = re.compile(rf"\s*(?:{alt('group_nouns')})(?!\w)", re.I)


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
    scope: int = -1              # where the sentence (or list) read with it starts
    head: str | None = None      # the head word of its equipment noun ("kit" of "tail kit")

    @property
    def best(self) -> WeaponMatch:
        return min(self.parts, key=lambda w: RANK.get(w.kind, 3))

    @property
    def designation(self) -> str | None:
        named = [w for w in self.parts if w.kind in {"designation", "name"}]
        if not named:
            return None
        best = min(named, key=lambda w: RANK[w.kind])
        before = [w for w in named if w.kind == "name" and w.end < best.start]
        if best.kind == "designation" and best.family is None and before and "-" not in best.text \
                and best.start - before[-1].end <= 1:
            # "Caesar MkII": a mark the catalogue does not know, right after a programme's name, is its model
            return f"{before[-1].designation} {best.designation}"
        return best.designation

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
        else:  # "M2 Bradley": a designation the catalogue does not describe, described by its name
            description = best.description or next((w.description for w in self.parts if w.description), None)
        spans = [(self.start, self.end)] + ([self.quantity_span] if self.quantity_span else [])
        return Item(designation=designation, family=family, description=description, category=category,
                    quantity=self.quantity, quantity_qualifier=self.qualifier if self.quantity is not None else None,
                    evidence=spans)


def group_item_mentions(ctx: DocContext, start: int, end: int, listed: bool = False) -> list[ItemMention]:
    """Weapon mentions inside [start, end) grouped into items, components left out, with the
    counted equipment the catalogue does not know (`_counted_names`; with `listed`, the range is
    a notice's list of equipment, where whatever is counted is an item)."""
    text, lex, rx = ctx.text, ctx.lex, _patterns(ctx.lang)
    weapons = ctx.within(ctx.weapons, start, end)
    parens = _parentheses(ctx)
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
            elif not joined and w.kind != "generic" and kinds == {"generic"} and _complement_only(ctx, g, w):
                joined = True  # "drones de combat CH-92A": the noun's own complement, then its name
            elif not joined and w.kind == "generic" and g.parts[-1].kind == "name" and g.model is None:
                model = MODEL_GAP.fullmatch(text, g.end, w.start)
                if model is not None:  # "TOW 2B missiles": a model of the programme, then its noun
                    joined, g.model = True, model.group(1)
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
        # "for the", "pour les": what the item before is for ("pour les corps de bombes BLU-109"),
        # read after that item, up to a conjunction ("rounds for the howitzers and additional
        # ammo": the ammo is an item of its own)
        before = text[max(start, w.start - 40, groups[-1].end if groups else start):w.start]
        comp = lex.rx("component_cues").search(before)
        if comp and groups and not re.search(r"\d", before[comp.end():]) \
                and not rx.conjunction.search(before, comp.end()):
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
        _resolve_told_before(ctx, g)
        _unknown_name(ctx, g)
        # "missile defense", "K-10 ammunition resupply vehicles": a noun that modifies another
        # noun, one that names no equipment, is not the noun of the item
        g.parts = [p for p in g.parts if p.kind != "generic" or not _modifies_other_noun(ctx, p)]
        if not g.parts or _only_supported(ctx, g):
            continue
        if all(p.kind == "generic" for p in g.parts):
            phrase_start, g.phrase_end = _noun_phrase(ctx, g, end, weapons, weapon_starts)
            phrase = re.sub(r"\s+", " ", text[phrase_start:g.phrase_end]).strip()
            if phrase.lower() != g.best.text.lower():
                g.phrase_text = _in_singular(ctx, phrase_start, g.phrase_end, g.best)
            elif g.quantity is None and _definite(ctx, g):
                continue  # "the howitzers", "ces chars": equipment named before, not a new item
            if g.phrase_text is None:
                g.phrase_text = _fuller_before(ctx, g)
            if g.quantity is None:
                kept += _other_calibre(ctx, g, phrase_start, start)
                kept.append(g)
                kept += _joined_complement(ctx, g, end, weapons)
                continue
        kept.append(g)
    kept = [g for g in kept if not g.broken_down]
    named = _counted_names(ctx, start, end, weapons, listed)
    if named:
        kept = sorted(kept + named, key=lambda g: g.start)
    first = bool(lex.words("noun_first"))
    for g in kept:
        g.scope = start
        noun = next((p.description for p in g.parts if p.kind == "generic" and p.description), None)
        g.head = (noun.split()[0] if first else noun.split()[-1]).lower() if noun else None
    return _without_inclusions(ctx, kept)


# the parts of speech a name of equipment is made of ("HF 9550 Radios", "Blue Force Trackers")
NAME_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X"})
NAME_ENTITIES = frozenset({"GPE", "ORG", "PERSON", "PER", "NORP", "LOC", "FAC"})
MEASURE_ENTITIES = frozenset({"DATE", "MONEY"})


def _counted_names(ctx: DocContext, start: int, end: int, weapons: list[WeaponMatch], listed: bool
                   ) -> list[ItemMention]:
    """Equipment the catalogue does not know, counted: "14 Blue Force Trackers", "12 HF 9550
    Radios", "16 Identification Friend or Foe systems". The words after a count up to the noun
    that ends their phrase name the item; letters and digits written together before the noun
    ("HF 9550") are its designation. Outside a notice's list the words must hold a name (two
    capitalised words, not a place, body or person): a common noun counted there ("70 personnel")
    is no equipment."""
    rx = _patterns(ctx.lang)
    money = ctx.money_spans
    taken = [(w.start, w.end) for w in weapons]
    parens = _parentheses(ctx)
    out: list[ItemMention] = []
    for n in ctx.within(ctx.numbers, start, end):
        if money.contains(n.start) or n.value != int(n.value) or n.value < 1 \
                or rx.size.match(ctx.text, n.end) or rx.kind_noun.match(ctx.text, n.end):
            continue
        counted = ctx.doc.char_span(n.start, n.end, alignment_mode=EXPAND)
        if counted is not None and counted[-1].ent_type_ in MEASURE_ENTITIES:
            continue  # "in 2024 Seoul Defence Industries ...": a year
        phrase = _name_after(ctx, n.end, end)
        if phrase is None or any(s < phrase.end_char and phrase.start_char < e for s, e in taken):
            continue
        if any(n.start < g.end and g.start < phrase.end_char for g in out):
            continue
        opened = parens.last_open(start, n.start)
        if opened != -1 and not parens.closes(opened, n.start):
            continue  # "(16 installed and 4 spares)": the count of an item told before
        if not listed and not _holds_name(ctx, phrase):
            continue
        if is_support_noun(phrase.text, ctx.lang):
            continue
        out.append(_named_mention(ctx, phrase, n))
    return out


def _name_after(ctx: DocContext, pos: int, limit: int):
    """The words right after a count that make one noun phrase, up to its last noun: nouns,
    names, adjectives and figures, a conjunction only between capitalised words ("Friend or Foe");
    None when they do not end in a noun."""
    doc = ctx.doc
    first = doc.char_span(pos, min(limit, pos + 1), alignment_mode=EXPAND)
    if first is None:
        return None
    i = first.start
    if i < len(doc) and doc[i].idx < pos:
        i += 1
    j = i
    while j < len(doc) and doc[j].idx < limit:
        t = doc[j]
        inside = t.pos_ in NAME_POS or t.text in HYPHENS or t.tag_ == "VBG" and j > i  # "loading ramps"
        between_names = t.pos_ == "CCONJ" and j > i and doc[j - 1].text[:1].isupper() \
            and j + 1 < len(doc) and doc[j + 1].text[:1].isupper()
        if not (inside or between_names) or t.ent_type_ in MEASURE_ENTITIES:
            break
        j += 1
    while j > i and doc[j - 1].pos_ not in {"NOUN", "PROPN"}:
        j -= 1
    if j - i < 1 or j - i > 8 or doc[i].like_num:
        return None
    return doc[i:j]


def _holds_name(ctx: DocContext, phrase) -> bool:
    """Letters and figures written together ("HF 9550"), or two capitalised words in a row,
    neither part of a place, body or person."""
    if _code(ctx, phrase, _phrase_head(ctx, phrase)) is not None:
        return True
    run = 0
    for t in phrase:
        run = run + 1 if t.text[:1].isupper() and t.is_alpha and t.ent_type_ not in NAME_ENTITIES else 0
        if run >= 2:
            return True
    return False


def _named_mention(ctx: DocContext, phrase, n: NumberMatch) -> ItemMention:
    """The item of a counted phrase the catalogue does not know. Letters and figures written
    together ("HF 9550 Radios", "radios HF 9550") or capitalised words beside an ordinary noun
    ("Portable Ground Sensor Array 3km detection systems", "terminaux Blue Force Tracker") are
    its designation, the other words its description; a name that holds the noun ("Blue Force
    Trackers") is the description itself. The noun is put in the singular."""
    head = _phrase_head(ctx, phrase)
    named = _code(ctx, phrase, head) or _capitalised_run(phrase, head)
    words = [t for t in phrase if named is None or not named.start <= t.i < named.end]
    description = "".join((_singular(t) + t.whitespace_ if t.i == head.i else t.text_with_ws) for t in words)
    if named is not None:
        description = description.lower()
    return _open_mention(phrase, n, named.text if named is not None else None, description)


def _phrase_head(ctx: DocContext, phrase):
    """The noun of `phrase`: its first or its last noun without figures, as the language puts
    the noun before or after its modifiers (`noun_first` of lang/<lang>/items.json)."""
    nouns = [t for t in phrase if t.pos_ in {"NOUN", "PROPN"} and t.is_alpha]
    if not nouns:
        return phrase[-1]
    return nouns[0] if ctx.lex.words("noun_first") else nouns[-1]


def _code(ctx: DocContext, phrase, head):
    """"HF 9550": the run of acronyms and figures (not sizes) that ends on a figure, the noun
    left out; None when there is none."""
    units = _patterns(ctx.lang).size
    run: list = []
    for t in phrase:
        sized = units.match(t.text) or t.i + 1 < phrase.end and units.fullmatch(t.nbor().text)
        coded = t.i != head.i and (any(c.isdigit() for c in t.text) and not sized
                                   or t.is_upper and t.is_alpha and len(t) >= 2)
        if coded and (not run or run[-1].i == t.i - 1):
            run.append(t)
        elif run and any(c.isdigit() for c in run[-1].text):
            break
        else:
            run = [t] if coded else []
    while run and not any(c.isdigit() for c in run[-1].text):
        run.pop()
    return phrase.doc[run[0].i:run[-1].i + 1] if run else None


def _capitalised_run(phrase, head):
    """Two capitalised words or more in a row (with "or"/"and" between them), not right
    before the noun nor holding it: the name in "Portable Ground Sensor Array 3km detection
    systems", "terminaux Blue Force Tracker"; None otherwise ("Identification Friend or Foe
    systems", "Blue Force Trackers": words that say what kind of noun)."""
    best = None
    i = phrase.start
    while i < phrase.end:
        j = i
        while j < phrase.end and j != head.i and (phrase.doc[j].text[:1].isupper() and phrase.doc[j].is_alpha
                                                  or phrase.doc[j].pos_ == "CCONJ" and j > i):
            j += 1
        while j > i and phrase.doc[j - 1].pos_ == "CCONJ":
            j -= 1
        if j - i >= 2 and j != head.i:
            best = best or phrase.doc[i:j]
        i = max(j, i + 1)
    return best


def _open_mention(phrase, n: NumberMatch, designation: str | None, description: str) -> ItemMention:
    known = lookup_designation(designation) if designation else None  # "K2GF": a model of a known programme
    match = WeaponMatch(phrase.start_char, phrase.end_char, phrase.text, designation, known and known[0],
                        known and known[1] or "other", "designation" if designation else "generic",
                        description.strip())
    return ItemMention(phrase.start_char, phrase.end_char, [match], quantity=int(n.value),
                       qualifier=n.qualifier, quantity_span=(n.start, n.end))


def _singular(token) -> str:
    """A noun in the singular: its lemma, or a plural "s" dropped where the lemmatiser leaves
    names ("Trackers") as written."""
    if token.lemma_.lower() != token.text.lower():
        lemma = token.lemma_
        return lemma[:1].upper() + lemma[1:] if token.text[:1].isupper() else lemma
    if token.text.endswith("s") and not token.text.endswith("ss") and len(token) > 3:
        return token.text[:-1]
    return token.text


# the tokens that may stand between two items of one list ("rounds, multi-purpose rounds and ...")
LIST_POS = frozenset({"PUNCT", "CCONJ", "DET", "NUM", "ADP"})


def _without_inclusions(ctx: DocContext, items: list[ItemMention]) -> list[ItemMention]:
    """"X, including A, B and C": one level of the equipment. Named or counted equipment
    listed after an unnamed noun breaks it down, and so do counted models after a counted
    programme ("helicopters including 28 NH90 and 12
    AW101": the helicopters are not an item of their own); unnamed, uncounted nouns listed after an
    unnamed item are kinds of it ("30mm ammunition, including high explosive rounds and
    training rounds": the ammunition is the item)."""
    if len(items) < 2:
        return items
    cue = ctx.lex.rx("inclusion_cues")
    dropped: set[int] = set()
    k = 0
    while k < len(items) - 1:
        outer = items[k]
        end = max(outer.end, outer.phrase_end)
        said = _inclusion_cue(ctx, cue, end, items[k + 1].start)
        if said is None or not _list_gap(ctx, said.end(), items[k + 1].start, first=True):
            k += 1
            continue
        listed = [k + 1]
        while listed[-1] + 1 < len(items) and _list_gap(
                ctx, max(items[listed[-1]].end, items[listed[-1]].phrase_end), items[listed[-1] + 1].start):
            listed.append(listed[-1] + 1)
        if outer.designation is not None:
            # "160 MRAP vehicles to include (110 MaxxPro Dash DXM, 30 ...)": counted models break
            # a counted programme down; anything else listed after a named item is left alone
            if outer.quantity is not None and all(
                    items[j].designation is not None and items[j].quantity is not None for j in listed):
                dropped.add(k)
                broken_down(ctx).add((outer.designation, outer.quantity))
        elif any(items[j].designation is not None or items[j].quantity is not None for j in listed) or any(
                _stems(outer.to_item().description) < _stems(items[j].to_item().description) for j in listed):
            dropped.add(k)  # broken down, or told again more fully ("bombs, among them 500-pound bombs")
        else:
            dropped.update(listed)
        k = listed[-1] + 1
    return [g for j, g in enumerate(items) if j not in dropped]


def broken_down(ctx: DocContext) -> set[tuple[str, int]]:
    """The named, counted items that the text breaks down into counted models where it lists
    them ("160 MRAP vehicles to include (110 MaxxPro Dash DXM, 30 ...)"), as (designation,
    count): gathered as the lists are read, for a notice that tells the total again elsewhere."""
    return ctx.remember(broken_down, set)


LOOK_BACK = 40  # weapon mentions read back for the fuller name of a bare noun


def _fuller_before(ctx: DocContext, g: ItemMention) -> str | None:
    """"precision guided munitions ... spare parts, munitions and training": a bare equipment
    noun told after a fuller one made of it, earlier in the text, is that equipment; None when
    there is none."""
    noun = g.best
    words = _stems(noun.description)
    if not ctx.starts_ordered(ctx.weapons):
        return None
    starts = ctx.remember(_fuller_before, lambda: [w.start for w in ctx.weapons])
    k = bisect_left(starts, g.start)
    for w in reversed(ctx.weapons[max(0, k - LOOK_BACK):k]):
        if w.kind == "generic" and w.start < g.start and words < _stems(w.description):
            return w.description
    return None


def _other_calibre(ctx: DocContext, g: ItemMention, phrase_start: int, limit: int) -> list[ItemMention]:
    """"155mm and 105mm artillery ammunition": the item of the first calibre, which shares the
    noun of `g` (written with the second)."""
    rx = _patterns(ctx.lang)
    m = rx.other_calibre.search(ctx.text, max(limit, phrase_start - 30), phrase_start)
    if m is None or phrase_start >= g.start:
        return []
    rest = _in_singular(ctx, g.start, g.phrase_end, g.best)
    return [ItemMention(m.start(1), g.end, list(g.parts), phrase_end=g.phrase_end,
                        phrase_text=f"{m.group(1)} {rest}")]


def _joined_complement(ctx: DocContext, g: ItemMention, limit: int, weapons: list[WeaponMatch]
                       ) -> list[ItemMention]:
    """"systèmes de navigation et de vision thermique", "obus de 120 mm et de 81 mm": a second
    complement joined to the noun's own makes a second item of the same noun (not when an
    article or another equipment word follows: "des chars et de la défense anti-aérienne")."""
    rx = _patterns(ctx.lang)
    m = rx.joined_complement.match(ctx.text, g.phrase_end, limit)
    if m is None:
        return []
    words = ctx.doc.char_span(m.end(), min(limit, m.end() + 60), alignment_mode=EXPAND)
    if words is None or not len(words) or words[0].idx != m.end() or words[0].pos_ not in {"NOUN", "NUM"}:
        return []
    last = words[0]
    for t in words[1:]:
        if t.pos_ not in {"ADJ", "NOUN"} or t.pos_ == "NOUN" and last.pos_ != "NUM":
            break
        last = t
    end = last.idx + len(last)
    if any(m.end() <= w.start < end for w in weapons) or is_support_noun(ctx.text[m.end():end], ctx.lang):
        return []  # another item, or support ("kits de guidage et de soutien connexe")
    noun = g.best.description or g.best.text
    own = rx.preposition.search(noun)
    head = noun[:own.start()] if own else noun
    phrase = head + " " + re.sub(r"\s+", " ", ctx.text[m.start(1):end])
    # the noun phrase may be an equipment word of its own ("système de vision nocturne")
    own_kind = [w for w in find_weapons(phrase, ctx.lang) if w.end - w.start == len(phrase)]
    return [ItemMention(m.start(1), end, own_kind or list(g.parts), phrase_end=end, phrase_text=phrase)]


def _in_singular(ctx: DocContext, start: int, end: int, noun: WeaponMatch) -> str:
    """The noun phrase [start, end) with its equipment noun in the singular ("2,000-pound bombs"
    -> "2,000-pound bomb", "rounds of 155mm ammunition" -> "round of ..."), unless adjectives
    that agree with it follow ("véhicules blindés médicalisés" stays as written)."""
    text = ctx.text
    written = re.sub(r"\s+", " ", text[start:end]).strip()
    singular = noun.description or noun.text
    if not start <= noun.start < noun.end <= end or noun.text.lower() == singular.lower():
        return written
    after = ctx.doc.char_span(noun.end, end, alignment_mode=CONTRACT)
    if after is not None and len(after) and (after[0].pos_ == "ADJ" or after[0].dep_ in {"amod", "acl"}):
        return written
    if noun.text[:1].isupper():
        singular = singular[:1].upper() + singular[1:]
    return re.sub(r"\s+", " ", text[start:noun.start] + singular + text[noun.end:end]).strip()


def _inclusion_cue(ctx: DocContext, cue: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
    """The inclusion cue right after an item or after a comma in the words between two items
    ("fighter jets from Boeing, including", "vehicles to include (110 ..."), the last one; None
    when there is none or the words before it run past a clause."""
    if end - start > 80:
        return None
    found = None
    for m in cue.finditer(ctx.text, start, end):
        before = ctx.text[start:m.start()]
        if any(c in ";:.()" for c in before):
            break
        if before.rstrip().endswith(",") or not before.strip() or _own_noun(ctx, start, m.start()):
            found = m
    if found is not None and any(c in ";:.)" for c in ctx.text[found.end():end]):
        return None
    return found


def _own_noun(ctx: DocContext, start: int, end: int) -> bool:
    """Are the words in [start, end) the noun that the item ending at `start` modifies ("MRAP
    vehicles to include")?"""
    gap = ctx.doc.char_span(start, end, alignment_mode=CONTRACT)
    if gap is None or not 0 < len(gap) <= 2 or gap.start == 0:
        return False
    before = ctx.doc[gap.start - 1]
    return all(t.pos_ in {"NOUN", "PROPN"} for t in gap) and before.head.i in range(gap.start, gap.end)


def _list_gap(ctx: DocContext, start: int, end: int, first: bool = False) -> bool:
    """Do the words between two items of a list only join them (punctuation, a conjunction, an
    article, a count) or modify the next one? Before the first item of a list after its cue,
    no conjunction is needed; between two items, punctuation or a conjunction must be."""
    if end - start > 60:
        return False
    gap = ctx.doc.char_span(start, end, alignment_mode=CONTRACT)
    if gap is None:
        return not ctx.text[start:end].strip(" ,") if not first else False
    joined = first
    for t in gap:
        if t.pos_ in {"PUNCT", "CCONJ"}:
            joined = joined or t.text != "-"
        elif t.pos_ not in LIST_POS and not (t.dep_ in MODIFIER_DEPS and t.head.i > t.i):
            return False
    return joined


# the relations of a word that modifies a noun inside its phrase (UD for French, ClearNLP for English)
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "flat", "flat:name", "flat:foreign", "npadvmod", "appos"})
HYPHENS = frozenset("-\u2010\u2011\u2013")
CALIBRE_NUMBER = re.compile(r"\.?\d+(?:[.,]\d+)*")  # "155", "7.62", ".50"
MAX_MODIFIERS = 4


# the relations of a noun that depends on another through a preposition (ClearNLP, UD)
SUPPORTED_DEPS = frozenset({"pobj", "obl", "obl:mod", "nmod"})


def _only_supported(ctx: DocContext, g: ItemMention) -> bool:
    """Is the equipment of `g` only what support is for ("software support for C-130J
    aircraft", "C-130J technical support", "le soutien logistique de ses Rafale", "spare parts
    for the tanks")? Its noun, or the noun it modifies, depends on a support noun."""
    span = ctx.doc.char_span(g.start, g.end, alignment_mode=EXPAND)
    if span is None:
        return False
    token = span.root
    for _ in range(3):
        head = token.head
        if head.i == token.i or token.dep_ not in MODIFIER_DEPS | SUPPORTED_DEPS:
            return False  # "training, logistics and ammunition": listed beside, not supported
        if head.pos_ == "ADP":  # "support for C-130J aircraft": the preposition's head
            head = head.head
        if head.pos_ in {"NOUN", "PROPN"} and is_support_noun(head.text, ctx.lang):
            return True
        if token.dep_ not in MODIFIER_DEPS or head.pos_ not in {"NOUN", "PROPN"}:
            return False
        token = head  # "C-130J aircraft": the noun the name modifies
    return False


def _modifiers_only(ctx: DocContext, g: ItemMention, w: WeaponMatch) -> bool:
    """Do the words between item `g` and mention `w` only modify a noun of the phrase the two
    make ("48 avions de chasse légers FA-50", "K9 Thunder self-propelled howitzers")? Each must
    hang, as an adjective, compound or name, on a word inside that phrase: an article, a
    preposition, a conjunction, a number or a verb starts another phrase."""
    gap = ctx.doc.char_span(g.end, w.start, alignment_mode=CONTRACT)
    if gap is None or not 0 < len(gap) <= MAX_MODIFIERS:
        return False
    units = _patterns(ctx.lang).size
    for t in gap:
        if t.text in HYPHENS:
            continue
        if t.like_num and t.head.i > t.i and t.head.i < gap.end and units.fullmatch(t.head.text):
            continue  # the calibre of "M107 155mm projectiles"
        if CALIBRE_NUMBER.fullmatch(t.text) and t.i + 1 < gap.end and units.fullmatch(t.nbor().text):
            continue  # "M2 .50 caliber machine guns": the figure of the calibre, whatever its head
        if t.dep_ not in MODIFIER_DEPS or not (t.is_alpha or units.fullmatch(t.text)) \
                or not g.start <= t.head.idx < w.end:
            return False
    return True


def _complement_only(ctx: DocContext, g: ItemMention, w: WeaponMatch) -> bool:
    """In a language that puts the noun first, are the words between an unnamed item's noun and
    the name `w` a complement of that noun ("drones de combat CH-92A", "navires de patrouille
    Gowind"): a preposition, then a bare noun and its adjectives, no article, verb or name?"""
    if not ctx.lex.words("noun_first"):
        return False
    gap = ctx.doc.char_span(g.end, w.start, alignment_mode=CONTRACT)
    if gap is None or not 2 <= len(gap) <= 1 + MAX_MODIFIERS:
        return False
    if not ctx.lex.has("complement_prepositions", gap[0].text) or gap[1].pos_ != "NOUN":
        return False
    return all(t.pos_ in {"NOUN", "ADJ"} and t.is_alpha and t.is_lower for t in gap[1:])


def _heads(ctx: DocContext, head: WeaponMatch, dependent: WeaponMatch) -> bool:
    """Is mention `head` the syntactic head of mention `dependent` (an ancestor of its root)?"""
    h = ctx.doc.char_span(head.start, head.end, alignment_mode=EXPAND)
    d = ctx.doc.char_span(dependent.start, dependent.end, alignment_mode=EXPAND)
    return h is not None and d is not None and h.root.is_ancestor(d.root)


def _name_words(ctx: DocContext, start: int, end: int) -> str | None:
    """The capitalised words between a designation and its noun that complete its name ("K2
    Black Panther tanks", "K9 Thunder howitzers"), not a place, organisation or demonym."""
    gap = ctx.doc.char_span(start, end, alignment_mode=CONTRACT)
    if gap is None or any(not t.text[:1].isupper() or not t.is_alpha or t.ent_type_ in {"GPE", "ORG", "LOC"}
                          for t in gap):
        return None
    return gap.text


def _modifies_other_noun(ctx: DocContext, g: WeaponMatch) -> bool:
    """Is the noun of mention `g` a compound modifier of a later noun that names no equipment?"""
    span = ctx.doc.char_span(g.start, g.end, alignment_mode=EXPAND)
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
    span = ctx.doc.char_span(g.start, g.end, alignment_mode=EXPAND)
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


def _parentheses(ctx: DocContext) -> _Parentheses:
    """The parentheses of the document, found once."""
    return ctx.remember(_Parentheses, lambda: _Parentheses(ctx.text))


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


def _resolve_told_before(ctx: DocContext, g: ItemMention) -> None:
    """"Des canons Caesar ... Une commande qui porte sur 36 canons", "K9A1 howitzers ... 212
    howitzers": a counted bare noun that the text wrote beside a system's name in an earlier
    sentence speaks of that system, when the text named no other system of that kind before."""
    if g.quantity is None or len(g.parts) != 1 or g.parts[0].kind != "generic" or g.parts[0].category is None:
        return
    noun = g.parts[0]
    since = ctx.sentence_at(g.start).start  # in its own sentence, the noun may count a part of it
    beside = _names_beside(ctx).get(noun.description)
    named = _named_systems(ctx).get(noun.category)
    if beside is None or named is None or not ctx.starts_ordered(ctx.weapons):
        return
    k = bisect_left(beside[0], since) - 1
    if k < 0:
        return
    last = beside[1][k]
    before = bisect_left(named[0], since)
    if before < len(named[0]) and named[0][before] < g.start:
        return  # "366 Abrams tanks, of which 14 tanks ...": its own sentence names it, it counts a part
    if before > _one_system_upto(ctx)[noun.category] or _system_key(named[1][0]) != _system_key(last):
        return  # several systems of that kind: which one is not told
    g.parts.append(last)


def _one_system_upto(ctx: DocContext) -> dict[str | None, int]:
    """Per category, how many of its named mentions (in text order) name one system, the first."""
    def build() -> dict[str | None, int]:
        out = {}
        for category, (_starts, found) in _named_systems(ctx).items():
            first = _system_key(found[0])
            out[category] = next((k for k, w in enumerate(found) if _system_key(w) != first), len(found))
        return out

    return ctx.remember(_one_system_upto, build)


# the entity types of words that name no equipment: places, bodies, peoples, dates and amounts
NOT_NAME_ENTITIES = (NAME_ENTITIES - {"PERSON", "PER"}) | MEASURE_ENTITIES
MAX_NAME_WORDS = 3


def _unknown_name(ctx: DocContext, g: ItemMention) -> None:
    """"des blindés Ejder Yalçın", "Ejder Yalcin armored vehicles": a name the catalogue does not
    know, written right after the noun of an unnamed item (in a language that puts the noun
    first) or right before it (the name then modifies the noun in the parse), is its designation.
    Proper nouns and words of letters and figures make the name; a place, body, people or date
    does not."""
    if any(p.kind != "generic" for p in g.parts):
        return
    doc = ctx.doc
    span = doc.char_span(g.start, g.end, alignment_mode=EXPAND)
    if span is None:
        return
    run: list = []
    if ctx.lex.words("noun_first"):
        i = span.end
        while i < len(doc) and len(run) < MAX_NAME_WORDS and _name_token(doc[i]) and doc[i - 1].whitespace_:
            run.append(doc[i])
            i += 1
        if run and i < len(doc) and not run[-1].whitespace_ and doc[i].text in HYPHENS:
            return  # a part of a word
    else:
        i = span.start - 1
        while i >= 0 and len(run) < MAX_NAME_WORDS and _name_token(doc[i]) and doc[i].whitespace_:
            run.insert(0, doc[i])
            i -= 1
        if run and not (run[-1].head.i in range(span.start, span.end) and run[-1].dep_ in MODIFIER_DEPS):
            return  # not a word of the noun's phrase
        if run and (i >= 0 and not doc[i].whitespace_ or span.text[:1].isupper()):
            return  # a part of a word ("Electro-Optics-Infrared"), or a title in capitals ("Infrared Radars")
        if run and run[0].i == run[0].sent.start:
            return  # a capital that only starts the sentence
    if not run:
        return
    start, end = run[0].idx, run[-1].idx + len(run[-1])
    name = normalise_designation(ctx.text[start:end])
    known = lookup_designation(name)
    g.parts.append(WeaponMatch(start, end, ctx.text[start:end], name, known and known[0],
                               g.best.category or (known and known[1]), "designation", None))
    g.start, g.end = min(g.start, start), max(g.end, end)


def _name_token(t) -> bool:
    """Can token `t` be a word of an equipment name: a proper noun, or letters and figures
    written together ("CH-92A", "TB2"), and no place, body, people or date?"""
    if t.ent_type_ in NOT_NAME_ENTITIES or t.like_num or not t.text[:1].isalnum():
        return False
    coded = any(c.isdigit() for c in t.text) and any(c.isalpha() for c in t.text)
    return coded or t.pos_ == "PROPN" and t.text[:1].isupper()


def _system_key(w: WeaponMatch) -> str:
    """What tells two named systems apart: their programme, else their name."""
    return (w.family or w.designation or w.text).upper()


def _names_beside(ctx: DocContext) -> dict[str | None, tuple[list[int], list[WeaponMatch]]]:
    """The generic nouns the text writes right beside a system's name ("FA-50 fighter jets",
    "canons Caesar"), each with those names, in text order, and their starts."""
    def build() -> dict[str | None, tuple[list[int], list[WeaponMatch]]]:
        table: dict[str | None, tuple[list[int], list[WeaponMatch]]] = {}
        for a, b in zip(ctx.weapons, ctx.weapons[1:]):
            if (a.kind == "generic") != (b.kind == "generic") and not ctx.text[a.end:b.start].strip(" -"):
                noun, name = (a, b) if a.kind == "generic" else (b, a)
                starts, found = table.setdefault(noun.description, ([], []))
                starts.append(name.start)
                found.append(name)
        return table

    return ctx.remember(_names_beside, build)


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


def _noun_phrase(ctx: DocContext, g: ItemMention, limit: int, weapons: list[WeaponMatch],
                 starts: list[int] | None) -> tuple[int, int]:
    """An unnamed item's noun phrase with its calibre and complement: "30mm ammunition",
    "rounds of 155mm artillery ammunition", "obus de 155 mm", "véhicules blindés médicalisés",
    and the system it is for: "ammunition for HIMARS systems", "missiles ... pour les systèmes
    NASAMS" (the system is then not an item of its own)."""
    rx, text = _patterns(ctx.lang), ctx.text
    start, end = g.start, g.end
    before = rx.calibre.search(text[max(0, start - 20):start]) or TITLE_WORDS.search(text[max(0, start - 50):start])
    if before:
        start -= len(before.group(0))
    after = rx.complement.match(text, end, limit)
    if after:
        end = _complement_end(ctx, end, after.end())
    breakdown = re.match(r"\s*\([^()]*\d[^()]{0,50}\)", text[end:limit])  # "(16 installed and 4 spares)"
    if breakdown:
        end += breakdown.end()
    named = _first_named_after(weapons, starts, end, min(limit, end + 130))
    if named is not None and rx.for_system.fullmatch(text, end, named.start):
        tail = rx.system_tail.match(text[named.end:named.end + 12])
        end = named.end + (tail.end() if tail else 0)
    return start, end


# the parts of speech that end a noun's complement: "chars livrés en mai", "obusiers de 155 mm avec"
CLAUSE_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PUNCT"})


def _complement_end(ctx: DocContext, start: int, end: int) -> int:
    """Where the complement [start, end) that the words after a noun seem to make really ends:
    before the first word, past its opening preposition, that the parse makes a verb (a
    participle), a preposition, an article, a pronoun or a conjunction; `start` when none is left."""
    span = ctx.doc.char_span(start, end, alignment_mode=CONTRACT)
    if span is None:
        return end
    last = start
    for k, t in enumerate(span):
        if t.pos_ in CLAUSE_POS and (k > 0 or t.pos_ != "ADP"):
            break
        last = t.idx + len(t)
    return last if last > span[0].idx + len(span[0]) or span[0].pos_ != "ADP" else start


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


MODEL_GAP = re.compile(rf"\s+((?:{MODEL_TOKEN})(?:\s+(?:{MODEL_TOKEN})){{0,2}})\s+")


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
    # "30 of the 70-km (43-mile) range GMLRS rockets": sizes between count and item are read past
    while n is not None and rx.size.match(text, n.end) and g.start - n.start <= 60:
        n = numbers.last_before(n.start)
    # "2,000-pound bombs", "155-millimeter guns": a size, not a count; "three types of jets": kinds
    kind = rx.kind_noun.match(text, n.end) if n is not None else None
    if kind is not None and kind.end() > g.start:
        kind = None  # "four Type 054A frigates": a word of the item's own name, not "three types of"
    if n is not None and not rx.size.match(text, n.end) and kind is None:
        # the words between number and item, a count in brackets left out, sizes too; only a
        # short gap is read (a number far back does not count the item)
        gap_start = numbers.gap_start(n, g.start)
        gap = rx.sized.sub(" ", text[gap_start:g.start]) if g.start - gap_start <= 60 else None
        gap = gap if gap is not None and len(gap) <= 30 else None
        if gap is not None and not re.search(r"[\d.;:()]", gap) and len(gap.split()) <= 3 \
                and not rx.conjunction.search(gap) and not rx.group_noun.match(text, g.end):
            # ("3 F-16 squadrons": the count of the squadrons, a kind noun after the item)
            g.quantity = int(n.value) if n.value == int(n.value) else None
            g.qualifier = n.qualifier
            g.quantity_span = (n.start, n.end)
    if g.quantity is None and g.best.kind != "generic" and rx.one.search(text[max(0, g.start - 8):g.start]):
        g.quantity, g.qualifier, g.quantity_span = 1, "exact", None


def more_of_the_same(ctx: DocContext, items: list[ItemMention], start: int, end: int) -> list[ItemMention]:
    """"117 chars K2 fabriqués en Corée et une soixantaine d'autres dans une usine locale", "150
    K9 built abroad and 60 others at home": a count of a pronoun of `other_items` (right after it,
    or after its preposition) in [start, end) is more of the counted equipment of `items` named
    before it, an item of its own: that equipment's noun and family, unnamed (told apart from
    the first by where or how it is made), with the count."""
    others = frozenset(ctx.lex.words("other_items"))
    counted = {m.quantity_span for m in items if m.quantity_span}
    out: list[ItemMention] = []
    for n in ctx.within(ctx.numbers, start, end):
        before = [m for m in items if m.quantity is not None and m.end <= n.start and m.to_item().family]
        span = ctx.doc.char_span(n.start, n.end, alignment_mode=EXPAND)
        if not before or (n.start, n.end) in counted or n.value != int(n.value) or n.value <= 0 or span is None:
            continue
        after = ctx.doc[span.end:span.end + 2]
        if len(after) and after[0].pos_ == "ADP":
            after = after[1:]  # "d'autres", "of the others"
        if not len(after) or after[0].lemma_.lower() not in others or \
                after[0].head.i > after[0].i and after[0].head.pos_ == "NOUN":
            continue  # no pronoun, or the adjective of a noun ("12 autres appareils": an item of its own)
        if any(o.start < n.start for o in ctx.within(ctx.numbers, before[-1].end, n.start)):
            continue  # "12 Rafale ... six of its own jets, then six others": more of the count between
        base = before[-1]
        family = base.to_item().family
        # the equipment's noun, unnamed: "chars K2" -> "chars" of family K2
        parts = [replace(p, family=family) for p in base.parts if p.kind == "generic"] or \
            [replace(base.best, kind="generic", designation=None, family=family)]
        out.append(ItemMention(n.start, after[0].idx + len(after[0].text), parts, quantity=int(n.value),
                               qualifier=n.qualifier, quantity_span=(n.start, n.end), scope=base.scope,
                               head=base.head))
    return out


def without_counts(mentions: list[ItemMention]) -> list[ItemMention]:
    """The same items with no count: what a count over several deals leaves each of them."""
    return [replace(m, quantity=None, qualifier=None, quantity_span=None) for m in mentions]


def _stems(text: str | None) -> frozenset[str]:
    """The words of `text`, lower-cased, a plural "s"/"x" dropped: "2,000-pound bombs" and
    "bomb" share "bomb"."""
    return frozenset(w[:-1] if len(w) > 3 and w[-1] in "sx" else w
                     for w in re.findall(r"[^\W\d_]+", (text or "").lower()))


def drop_summaries(mentions: list[ItemMention]) -> list[ItemMention]:
    """Leave out the items of a deal that only tell again, in general words, equipment the deal
    names more precisely:

    - an unnamed, uncounted bare noun that is the noun of a named item, its head noun, or a
      word of its name ("une vente de kits de guidage ... 3 845 kits de guidage KMU-558B/B",
      "guidance kits ... 14,500 KMU-556C/B tail kits", "munitions ... Joint Direct Attack
      Munitions");
    - an unnamed item whose words all belong to a fuller unnamed one of another sentence ("bombs
      ... the 2,000-pound bombs"), with no other count (a list names both: "bombs, guided bombs");
    - an unnamed item counted as a named item of its kind ("180 K2 tanks ... these 180 armoured
      vehicles")."""
    named_nouns = {p.description for m in mentions if m.designation for p in m.parts if p.kind == "generic"}
    named_heads = {m.head for m in mentions if m.designation and m.head}
    named_words = [_stems(" ".join(p.text for p in m.parts)) for m in mentions if m.designation]
    records = [m.to_item() for m in mentions]
    named = [(r.category, r.quantity) for m, r in zip(mentions, records) if m.designation]
    words = [_stems(r.description) for r in records]
    kept = []
    for k, (m, r) in enumerate(zip(mentions, records)):
        if m.designation is None:
            if m.quantity is None and (m.best.description in named_nouns or m.phrase_text is None and (
                    m.head in named_heads or any(words[k] <= w for w in named_words))):
                continue
            if any(j != k and mentions[j].designation is None and words[k] < words[j] and mentions[j].scope != m.scope
                   and r.quantity in {None, records[j].quantity} for j in range(len(mentions))):
                continue
            if m.quantity is not None and (r.category, r.quantity) in named:
                continue
        kept.append(m)
    return _launchers_of(_counts_to_names(_without_totals(kept)))


def _launchers_of(mentions: list[ItemMention]) -> list[ItemMention]:
    """"150 Javelin missiles ... 37 launchers": unnamed launchers of a deal that names missiles of
    one programme only are that programme's launchers (its family)."""
    records = [m.to_item() for m in mentions]
    families = {r.family for r in records if r.category == "missile" and r.family}
    if len(families) != 1:
        return mentions
    family = families.pop()
    out = []
    for m, r in zip(mentions, records):
        if r.designation is None and r.family is None and any(
                p.kind == "generic" and p.description in _launcher_nouns() for p in m.parts):
            m = replace(m, parts=[replace(p, family=family) if p.kind == "generic" else p for p in m.parts])
        out.append(m)
    return out


@cache
def _launcher_nouns() -> frozenset[str]:
    """The launcher nouns of every language (`launcher_nouns` of lang/<lang>/items.json): a deal's
    mentions do not say their language."""
    return frozenset(w for lang in SUPPORTED_LANGUAGES for w in get_lexicon(lang).words("launcher_nouns"))


def _without_totals(mentions: list[ItemMention]) -> list[ItemMention]:
    """"180 K2 tanks ... 117 K2GF and 63 K2PL": a count that the counted models of its programme
    (or, for an unnamed item, the counted named items of its kind) add up to is their total,
    not an item of its own."""
    records = [m.to_item() for m in mentions]
    out = []
    for k, (m, r) in enumerate(zip(mentions, records)):
        if m.quantity is not None:
            if m.designation is None:
                parts = [o.quantity for j, o in enumerate(records)
                         if j != k and mentions[j].designation and o.category == r.category and o.quantity]
            else:
                parts = [o.quantity for j, o in enumerate(records) if j != k and r.family and o.family == r.family
                         and o.designation != r.designation and o.quantity]
            if len(parts) >= 2 and sum(parts) == m.quantity:
                continue
        out.append(m)
    return out


def _counts_to_names(mentions: list[ItemMention]) -> list[ItemMention]:
    """"116 chars ... les Abrams": the count of an unnamed item goes to the one named item of
    its kind the deal leaves uncounted, when the deal counts nothing else of that kind."""
    records = [m.to_item() for m in mentions]
    out = list(mentions)
    for k, (m, r) in enumerate(zip(mentions, records)):
        if m.designation is not None or m.quantity is None or r.category is None:
            continue
        same = [j for j, o in enumerate(records) if j != k and o.category == r.category]
        named = [j for j in same if mentions[j].designation is not None]
        if len(named) != 1 or len(same) != 1 or records[named[0]].quantity is not None:
            continue
        j = named[0]
        out[j] = replace(mentions[j], quantity=m.quantity, qualifier=m.qualifier, quantity_span=m.quantity_span)
        out[k] = None
    return [m for m in out if m is not None]
