"""What every extractor reads: one analysed document with its mentions, found once.

`DocContext` gathers the spaCy sentences and entities with the pure-Python finds of the
normalisers (numbers, money, dates, weapons), all as character spans into the document text,
so each extractor works on the same view and evidence offsets agree.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from spacy.tokens import Doc

from armsledger.nlp.components.designations import doc_text
from armsledger.nlp.lexicon import Lexicon, get_lexicon
from armsledger.normalize.actors import lookup_actor
from armsledger.normalize.dates import DateMatch, find_dates
from armsledger.normalize.money import MoneyMatch, find_money
from armsledger.normalize.numbers import NumberMatch, find_numbers
from armsledger.normalize.weapons import WeaponMatch


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

    def __post_init__(self) -> None:
        self.lex = get_lexicon(self.lang)
        self.text = doc_text(self.doc)

    # ------------------------------------------------------------------ lazily found once
    @cached_property
    def sentences(self) -> list[Sentence]:
        out = []
        for sent in self.doc.sents:
            text = self.text[sent.start_char:sent.end_char]  # not sent.text: it rebuilds from tokens
            if not text.strip():
                continue
            # spaCy keeps paragraph breaks inside sentences now and then; a blank line always ends one
            offset = sent.start_char
            for part in re.split(r"(\n\s*\n)", text):
                if part.strip() and not re.fullmatch(r"\n\s*\n", part):
                    lead = len(part) - len(part.lstrip())
                    body = part.strip()
                    out.append(Sentence(len(out), offset + lead, offset + lead + len(body), body))
                offset += len(part)
        return out

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence that holds character `pos` (the last one before it, between sentences)."""
        i = max(0, bisect_right(self._sentence_starts, pos) - 1)
        return self.sentences[i]

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

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def within(items, start: int, end: int) -> list:
        """The items (anything with .start/.end) that lie inside [start, end)."""
        return [x for x in items if x.start >= start and x.end <= end]

    def in_sentence(self, items, sent: Sentence) -> list:
        return self.within(items, sent.start, sent.end)

    def full_name(self, name: str, before: int | None = None) -> str:
        """The longest person name given earlier that ends with the same surname ("Mme Leavitt" ->
        "Karoline Leavitt"); the name itself, without honorific, when none is known."""
        name = self.strip_honorific(name)
        last = name.split()[-1] if name.split() else name
        best = name
        for p in self.persons:
            if before is not None and p.start >= before:
                break
            words = self.strip_honorific(p.name).split()
            if words and words[-1] == last and len(" ".join(words)) > len(best):
                best = " ".join(words)
        return best

    def military_nearby(self, index: int) -> bool:
        """Does sentence `index` or a neighbour speak of arms, the military or defence, or name
        a weapon? Money and trade become deals or aid only there."""
        lo, hi = max(0, index - 2), min(len(self.sentences), index + 2)
        near = self.sentences[lo:hi]
        return any(self.lex.has("military_cues", s.text) for s in near) or \
            any(self.in_sentence(self.weapons, s) for s in near)

    def strip_honorific(self, name: str) -> str:
        words = name.split()
        honorifics = set(self.lex.words("honorifics"))
        while words and words[0] in honorifics:
            words = words[1:]
        return " ".join(words) if words else name
