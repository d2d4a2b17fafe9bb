"""The relevance pre-filter: which documents, and which paragraphs of a long one, need the parser.

Most articles of a news stream mention no arms deal, aid, casualty figure or court at all; they
would pay the full spaCy parse for no record. One Aho-Corasick scan (pyahocorasick) over the
lower-cased text, built once per process from the data files, finds the anchors that every
extractor starts from: the equipment nouns and weapon names of the catalogue
(`normalize/data/equipment_nouns.csv`, `weapons.csv`) and the words of `lang/{fr,en}/relevance.json`
(military, aid, casualty and legal words; a word with an everyday sense too, such as a tennis
court or a team's defence, counts only beside another such word). Both languages are scanned at once, because the
language of a document is only detected for documents that are parsed.

A document with no anchor is not parsed: it is kept with no records (`Extraction.filtered`).
A long document (over `LONG_TEXT` characters) is parsed only around its anchors and quotation
marks: each paragraph holding one, its neighbours and the opening paragraph, which introduces
the names later paragraphs refer to; the other paragraphs are blanked for the parser (their
characters become spaces, so every evidence span still points into the original text).
Shorter documents are parsed whole: a mention chain may reach back to any paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick

from armsledger.lang import SUPPORTED_LANGUAGES, get_lexicon
from armsledger.normalize.weapons import catalogue_rows, read_data_csv

LONG_TEXT = 20_000  # characters; longer documents are parsed around their anchors only
QUOTE_MARKS = "«»“”\""
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_ANCHOR, _WEAK = 1, 2  # what decides relevance: an anchor word, or two different weak ones
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Relevance:
    """What the scan found: `anchors` (the first few anchor words, lower-cased) and the
    language its function words point to (`language_guess`, None when they don't say)."""
    anchors: tuple[str, ...]
    language_guess: str | None

    @property
    def relevant(self) -> bool:
        return bool(self.anchors)


def _equipment_words() -> set[str]:
    """Equipment nouns (both languages), weapon names, and designations of the catalogue
    (a designation also as a prefix: "F-16" stands for "F-16V")."""
    words: set[str] = set()
    for row in read_data_csv("equipment_nouns.csv"):
        if row["is_item"] == "yes":
            words.update(w.strip().lower() for w in [row["noun"], *row["plural"].split("|")] if w.strip())
    for row in catalogue_rows():
        if row.kind == "name" and not row.match.endswith("-"):
            words.add(row.match.lower())
        elif row.kind == "designation" and len(row.match.rstrip("-")) >= 2:
            words.add(row.match.lower() + "*")
    return words


GUESS_CHARS = 2_000  # the function words of a text's opening are enough to guess its language


@cache
def _function_words() -> dict[str, tuple[str, ...]]:
    """Each function word (lower-cased) with the languages it belongs to: they guess a text's
    language from its opening."""
    words: dict[str, tuple[str, ...]] = {}
    for lang in SUPPORTED_LANGUAGES:
        for word in get_lexicon(lang).words("function_words"):
            words[word.lower()] = (*words.get(word.lower(), ()), lang)
    return words


@cache
def _automaton() -> ahocorasick.Automaton:
    """The anchor and weak anchor words, lower-cased, with what they are."""
    entries: dict[str, set[tuple[int, str | None, bool]]] = {}

    def add(word: str, kind: int, lang: str | None) -> None:
        prefix = word.endswith("*")
        key = word.rstrip("*").replace("’", "'")
        if key:
            entries.setdefault(key, set()).add((kind, lang, prefix))

    for word in _equipment_words():
        add(word, _ANCHOR, None)
    for lang in SUPPORTED_LANGUAGES:
        lexicon = get_lexicon(lang)
        for word in lexicon.words("anchors"):
            add(word.lower(), _ANCHOR, lang)
        for word in lexicon.words("weak_anchors"):
            add(word.lower(), _WEAK, lang)
    automaton = ahocorasick.Automaton()
    for key, tags in entries.items():
        automaton.add_word(key, (key, tuple(sorted(tags, key=str))))
    automaton.make_automaton()
    return automaton


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _hits(text: str):
    """(start, end, key, tags) of every whole-word (or word-prefix) hit in `text` of an anchor word."""
    folded = text.lower().replace("’", "'")
    if len(folded) != len(text):  # a rare letter whose lower case is longer: offsets by character
        folded = "".join(ch.lower()[:1] or ch for ch in text).replace("’", "'")
    n = len(folded)
    for end_index, (key, tags) in _automaton().iter(folded):
        start, end = end_index - len(key) + 1, end_index + 1
        if start > 0 and _is_word_char(folded[start - 1]):
            continue
        closed = end >= n or not _is_word_char(folded[end])
        kept = tuple(t for t in tags if closed or t[2])
        if kept:
            yield start, end, key, kept


def scan(text: str, *, max_anchors: int = 5) -> Relevance:
    """The anchors of `text` (weak ones only when two different ones occur) and the language
    its function words suggest. Linear in the text."""
    anchors: list[str] = []
    weak: list[str] = []
    votes = dict.fromkeys(SUPPORTED_LANGUAGES, 0)
    for _, _, key, tags in _hits(text):
        kinds = {kind for kind, _, _ in tags}
        if _ANCHOR in kinds and len(anchors) < max_anchors and key not in anchors:
            anchors.append(key)
        elif _WEAK in kinds and key not in weak and len(weak) < max_anchors:
            weak.append(key)
    function_words = _function_words()
    for word in _WORD.findall(text[:GUESS_CHARS].lower()):
        for lang in function_words.get(word, ()):
            votes[lang] += 1
    if len(weak) >= 2:
        anchors += weak[:max(0, max_anchors - len(anchors))]
    best = max(votes, key=votes.__getitem__)
    guess = best if votes[best] and list(votes.values()).count(votes[best]) == 1 else None
    return Relevance(tuple(anchors), guess)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: the text between blank lines."""
    spans, start = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def text_for_parsing(text: str) -> str:
    """`text` itself when short; else the same text with the paragraphs that hold no anchor or
    quotation mark (and are not next to one, nor the first) blanked: same length, same offsets."""
    if len(text) <= LONG_TEXT:
        return text
    spans = paragraphs(text)
    keep = [False] * len(spans)
    keep[0] = True
    anchored = set()
    hits = (start for start, *_ in _hits(text))
    marks = (i for i, ch in enumerate(text) if ch in QUOTE_MARKS)
    positions = sorted({*hits, *marks})
    k = 0
    for index, (start, end) in enumerate(spans):
        while k < len(positions) and positions[k] < start:
            k += 1
        if k < len(positions) and positions[k] < end:
            anchored.add(index)
    for index in anchored:
        for j in (index - 1, index, index + 1):
            if 0 <= j < len(spans):
                keep[j] = True
    if all(keep):
        return text
    pieces, cursor = [], 0
    for (start, end), kept in zip(spans, keep):
        pieces.append(text[cursor:start])
        body = text[start:end]
        pieces.append(body if kept else re.sub(r"[^\n]", " ", body))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
