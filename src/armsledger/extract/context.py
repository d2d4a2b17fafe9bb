"""What every extractor reads: one analysed document with its mentions, found once.

`DocContext` gathers the spaCy sentences and entities with the pure-Python finds of the
normalisers (numbers, money, dates, weapons), all as character spans into the document text,
so each extractor works on the same view and evidence offsets agree.

The questions extractors ask once per mention ("which actors lie in this sentence", "the last
person named before here", "the longest name with this surname") are answered from indexes
built once per document (bisection over start offsets, tables by surname), never by scanning
every mention again: the work stays linear in the length of the document.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from armsledger.nlp.components.designations import doc_text
from armsledger.lang import Lexicon, get_lexicon
from armsledger.normalize.actors import lookup_actor
from armsledger.normalize.dates import DateMatch, find_dates
from armsledger.normalize.money import MoneyMatch, find_money
from armsledger.normalize.numbers import NumberMatch, find_numbers
from armsledger.normalize.spans import SpanIndex
from armsledger.normalize.weapons import WeaponMatch

# the mention lists of a document searched by bisection (when in text order, as they come)
_INDEXED = ("actors", "persons", "weapons", "money", "numbers", "dates", "issuers", "courts")


@dataclass(frozen=True)
class Mention:
    """An actor named in the text: a state (by name, demonym or metonym) or an organisation."""
    start: int
    end: int
    id: str         # the actor id it stands for (ISO3 or org id)
    surface: str
    label: str      # GPE or ORG
    kind: str       # state | demonym | metonym | an organisation kind


@dataclass(frozen=True)
class Person:
    start: int
    end: int
    name: str


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class DocContext:
    doc: Doc
    lang: str
    published: str | None
    lex: Lexicon = field(init=False)
    _memo: dict = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.lex = get_lexicon(self.lang)
        self.text = doc_text(self.doc)

    def remember(self, key, build):
        """`build()`, called once per document and `key`: for the indexes extractors keep."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    # ------------------------------------------------------------------ lazily found once
    @cached_property
    def sentences(self) -> list[Sentence]:
        """The parser's sentences (bounded by `armsledger_paragraphs`: never across a paragraph
        break), without their surrounding white space; blank ones left out."""
        out = []
        for sent in self.doc.sents:
            text = self.text[sent.start_char:sent.end_char]  # not sent.text: it rebuilds from tokens
            body = text.strip()
            if body:
                lead = len(text) - len(text.lstrip())
                out.append(Sentence(len(out), sent.start_char + lead, sent.start_char + lead + len(body), body))
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence that holds character `pos` (the last one before it, between sentences)."""
        i = max(0, bisect_right(self._sentence_starts, pos) - 1)
        return self.sentences[i]

    @cached_property
    def _token_starts(self) -> list[int]:
        return self.doc.to_array(IDX).tolist()

    def token_from(self, pos: int) -> Token | None:
        """The last token of the parse that starts at or before character `pos` (it holds `pos`,
        or `pos` is in the gap after it); None before the first token."""
        k = bisect_right(self._token_starts, pos) - 1
        return self.doc[k] if k >= 0 else None

    @cached_property
    def ents(self) -> tuple:
        """The document's entity spans, read once (each `doc.ents` builds new Span objects)."""
        return tuple(self.doc.ents)

    @cached_property
    def actors(self) -> list[Mention]:
        out = []
        for ent in self.ents:
            if ent.label_ not in {"GPE", "ORG"}:
                continue
            entry = lookup_actor(ent.text, self.lang)
            if entry is None:
                continue
            out.append(Mention(ent.start_char, ent.end_char, ent.id_ or entry.actor_id, ent.text,
                               ent.label_, entry.kind))
        return out

    @cached_property
    def persons(self) -> list[Person]:
        ents = [e for e in self.ents if e.label_ == "PERSON" and len(e.text.strip()) > 2
                and e.text.strip()[:1].isupper()]
        full = [e.text.split() for e in ents if len(e.text.split()) > 1]
        surnames = {words[-1] for words in full}
        honorifics = self.lex.rx("honorifics_before")
        out = []
        for e in ents:
            name = e.text.strip()
            # a lone capitalised word is a name only when the text gives the full name too, or a title
            if len(name.split()) == 1 and name not in surnames and \
                    not honorifics.search(self.text[max(0, e.start_char - 6):e.start_char]):
                continue
            out.append(Person(e.start_char, e.end_char, name))
        return out

    @cached_property
    def weapons(self) -> list[WeaponMatch]:
        return list(self.doc._.weapons or [])

    @cached_property
    def money(self) -> list[MoneyMatch]:
        return find_money(self.text, self.lang)

    @cached_property
    def numbers(self) -> list[NumberMatch]:
        return find_numbers(self.text, self.lang)

    @cached_property
    def dates(self) -> list[DateMatch]:
        return find_dates(self.text, self.lang, self.published)

    @cached_property
    def issuers(self) -> list[Mention]:
        """Organisations that issue statements: every ORG mention but companies."""
        return [m for m in self.actors if m.label == "ORG" and m.kind != "company"]

    @cached_property
    def courts(self) -> list[Mention]:
        return [m for m in self.actors if m.kind == "court"]

    @cached_property
    def money_spans(self) -> SpanIndex:
        return SpanIndex((m.start, m.end) for m in self.money)

    # ------------------------------------------------------------------ helpers
    def _bounds(self, items) -> tuple[list[int] | None, list[int] | None]:
        """(starts, ends) of one of the document's mention lists, each only when in ascending
        order (for bisection); (None, None) for any other list: callers then scan it."""
        name = next((n for n in _INDEXED if self.__dict__.get(n) is items), None)
        if name is None:
            return None, None

        def bounds() -> tuple[list[int] | None, list[int] | None]:
            starts, ends = [x.start for x in items], [x.end for x in items]
            sane = all(x.start <= x.end for x in items)
            return (starts if sane and all(a <= b for a, b in zip(starts, starts[1:])) else None,
                    ends if sane and all(a <= b for a, b in zip(ends, ends[1:])) else None)

        return self.remember(("bounds", name, len(items)), bounds)

    def starts_ordered(self, items) -> bool:
        """True for one of the document's mention lists in text order (searched by bisection)."""
        return self._bounds(items)[0] is not None

    def within(self, items, start: int, end: int) -> list:
        """The items (anything with .start/.end) that lie inside [start, end), in their order."""
        starts = self._bounds(items)[0]
        if starts is None:
            return [x for x in items if x.start >= start and x.end <= end]
        return [x for x in items[bisect_left(starts, start):bisect_right(starts, end)] if x.end <= end]

    def last_starting_before(self, items, pos: int):
        """The last of the items that starts before `pos`, or None."""
        starts = self._bounds(items)[0]
        if starts is None:
            before = [x for x in items if x.start < pos]
            return before[-1] if before else None
        i = bisect_left(starts, pos)
        return items[i - 1] if i else None

    def last_ending_by(self, items, pos: int):
        """The last of the items that ends at or before `pos`, or None."""
        ends = self._bounds(items)[1]
        if ends is None:
            before = [x for x in items if x.end <= pos]
            return before[-1] if before else None
        i = bisect_right(ends, pos)
        return items[i - 1] if i else None

    def in_sentence(self, items, sent: Sentence) -> list:
        return self.within(items, sent.start, sent.end)

    @cached_property
    def _names_by_surname(self) -> dict[str, tuple[list[int], list[str]]]:
        """Per surname, the person names (without honorific) longer than every one before them,
        with their index in `persons`: what `full_name` picks from."""
        out: dict[str, tuple[list[int], list[str]]] = {}
        for i, p in enumerate(self.persons):
            words = self.strip_honorific(p.name).split()
            if not words:
                continue
            indices, names = out.setdefault(words[-1], ([], []))
            joined = " ".join(words)
            if not names or len(joined) > len(names[-1]):
                indices.append(i)
                names.append(joined)
        return out

    def full_name(self, name: str, before: int | None = None) -> str:
        """The longest person name given earlier that ends with the same surname ("Mme Leavitt" ->
        "Karoline Leavitt"); the name itself, without honorific, when none is known."""
        name = self.strip_honorific(name)
        last = name.split()[-1] if name.split() else name
        known = self._names_by_surname.get(last)
        if known is None:
            return name
        if before is None:
            limit = len(self.persons)
        else:  # the persons up to the first one named at or after `before`
            starts = self._bounds(self.persons)[0]
            limit = bisect_left(starts, before) if starts is not None else next(
                (i for i, p in enumerate(self.persons) if p.start >= before), len(self.persons))
        indices, names = known
        k = bisect_left(indices, limit) - 1
        return names[k] if k >= 0 and len(names[k]) > len(name) else name

    @cached_property
    def _first_by_surname(self) -> dict[tuple[str, ...], Person]:
        out: dict[tuple[str, ...], Person] = {}
        for p in self.persons:
            out.setdefault(tuple(self.strip_honorific(p.name).split()[-1:]), p)
        return out

    def first_person_named(self, name: str) -> Person | None:
        """The first person whose name, without honorific, ends with the last word of `name`."""
        return self._first_by_surname.get(tuple(name.split()[-1:]))

    def military_nearby(self, index: int) -> bool:
        """Does sentence `index` or a neighbour speak of arms, the military or defence, or name
        a weapon? Money and trade become deals or aid only there."""
        def nearby() -> bool:
            lo, hi = max(0, index - 2), min(len(self.sentences), index + 2)
            near = self.sentences[lo:hi]
            return any(self.lex.has("military_cues", s.text) for s in near) or \
                any(self.in_sentence(self.weapons, s) for s in near)

        return self.remember(("military_nearby", index), nearby)

    @cached_property
    def _honorifics(self) -> frozenset[str]:
        return frozenset(self.lex.words("honorifics"))

    def strip_honorific(self, name: str) -> str:
        words = name.split()
        honorifics = self._honorifics
        while words and words[0] in honorifics:
            words = words[1:]
        return " ".join(words) if words else name
