"""`armsledger_paragraphs`: the sentence boundaries the parser must keep, preset before it runs.

Left alone, the parser joins sentences across paragraph breaks and cuts French clauses apart:
at hyphens ("a-t-il", "contrat-cadre", "état-major"), at a dash in mid-line, between a closing
quote and its ", a déclaré", after a title ("M."). Running before the parser, this component
presets `is_sent_start`, which the parser respects (and it parses the whole clause better):

* True on the first word of a paragraph: after a blank line, and after a line break unless the
  text's lines are wrapped (some line goes on with a word in lower case: then the parser decides);
* False where no sentence starts: on a word of the same line whose previous word ends with no
  full stop, question or exclamation mark, closing quote or bracket; on white space, on a word glued to a hyphen, on a dash in
  mid-line and the word after any dash, on a word written in lower case, on punctuation that closes
  or goes on (",", ")", "»", a quote mark glued to the word before), after an opening quote
  mark or bracket, and after an honorific or abbreviation of the language (`lang/*/actors.json`
  honorifics, `lang/*/segmentation.json`).

Every other token is left to the parser. One pass over the tokens, no look-back beyond the
previous token, the marks written in one array (`Doc.from_array`): the work is linear.
"""
from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from armsledger.lang import get_lexicon

HYPHENS = frozenset("-‐‑")
DASHES = frozenset({"-", "‐", "‑", "–", "—", "--"})
SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
GOES_ON = frozenset(",;:)]}»”’%")    # a token starting with one of these continues the sentence
OPENS = frozenset({"«", "“", "‘", "(", "[", "{", "„"})
ENDS_BEFORE = frozenset(".!?…»”’\"')]")  # what the word before a sentence start, on one line, ends with
STRAIGHT_QUOTES = frozenset({'"', "'"})
# wrapped text (notices, the Congressional Record): lines going on in lower case this many times
WRAPPED_AFTER = 2


def _line_breaks(token: Token) -> int:
    return token.text.count("\n") if token.is_space else 0


def _is_wrapped(doc: Doc) -> bool:
    """Are the text's lines wrapped inside paragraphs: a single line break followed by a word in
    lower case, at least WRAPPED_AFTER times?"""
    seen = 0
    for i, token in enumerate(doc[:-1]):
        if _line_breaks(token) == 1 and doc[i + 1].text[:1].islower():
            seen += 1
            if seen >= WRAPPED_AFTER:
                return True
    return False


class ParagraphSegmenter:
    def __init__(self, lang: str):
        lex = get_lexicon(lang)
        self.no_end_after = frozenset(lex.words("honorifics")) | frozenset(lex.words("segmentation.abbreviations"))

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        wrapped = _is_wrapped(doc)
        # set in one array: each `token.is_sent_start = ...` first scans the whole doc for a parse
        starts = doc.to_array([SENT_START]).astype("int64")
        breaks = 0  # line breaks in the white space since the last word
        prev = doc[0]
        for token in doc[1:]:
            if token.is_space:
                starts[token.i] = -1  # white space ends the sentence before it
                breaks += _line_breaks(token)
                continue
            start = self._starts(token, prev, breaks, wrapped)
            if start is not None:
                starts[token.i] = 1 if start else -1
            breaks, prev = 0, token
        doc.from_array([SENT_START], starts.astype("uint64"))
        return doc

    def _starts(self, token: Token, prev: Token, breaks: int, wrapped: bool) -> bool | None:
        """True (a sentence starts at `token`), False (none can), None (the parser decides);
        `prev` is the word before, `breaks` the line breaks between them."""
        text = token.text
        if breaks >= 2 or (breaks == 1 and not wrapped and not text[:1].islower()):
            return True
        if breaks:
            return False if text[:1].islower() else None
        glued = not prev.whitespace_
        if glued and (text[:1] in HYPHENS or prev.text[-1:] in HYPHENS):
            return False  # "a-t-il", "contrat-cadre", "Jean-Yves"
        if text in DASHES or prev.text in DASHES:
            return False  # a dash in mid-line, and the word after any dash
        if text[:1].islower() or text[:1] in GOES_ON or (text in STRAIGHT_QUOTES and glued) or \
                (text[:1] in STRAIGHT_QUOTES and len(text) > 1):  # "'s", "'re"
            return False
        if prev.text in OPENS or prev.text in self.no_end_after:
            return False
        if prev.text in STRAIGHT_QUOTES and glued:
            return False  # the word right after an opening quote mark
        if not (prev.text[-1:] in ENDS_BEFORE or prev.text in SENTENCE_END):
            return False  # in mid-line, only a full stop (or a quote or bracket closing) ends a sentence
        return None


@Language.factory("armsledger_paragraphs", default_config={"lang": "fr"})
def make_paragraph_segmenter(nlp: Language, name: str, lang: str) -> ParagraphSegmenter:
    return ParagraphSegmenter(lang)
