"""Quotes: words inside quotation marks, three words or more, that the text puts in someone's mouth.

The speaker comes from the attribution routine (extract/attribution.py): the subject of the
speech verb that governs the quote, or the source "selon X" names, resolved through the
mention chain. Two quotes joined with no stop between them share one attribution ("« ... »
ainsi que « ... », selon X"); a quote opening a sentence that names no one takes the speaker of
the sentence before ("China denounced the sale." then "..."); a bare quote right after another
continues its speaker; the first quote of a text with no speaker yet takes the next quote's.
Quoted words no one says (a scare quote, a name) are no quote. A quote left open at a
paragraph's end and opened again at the next one's start is one quote; an unclosed quote stops
at the incise that attributes it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from armsledger.extract.attribution import attribute_quote, speaker_before
from armsledger.extract.context import DocContext
from armsledger.extract.mentions import Ref
from armsledger.model import Quote

PAIRS = {"«": "»", "“": "”", "\"": "\"”", "„": "“”"}
MIN_WORDS = 3
# what may stand between the closing mark and an inverted speech verb (", a déclaré X")
INVERSION_HEAD = re.compile(r"[\s,.;:!?)\-–—»”\"]*(?:(?:a|ont|avait|avaient|aurait|s['’]est|se sont)\s+)?", re.I)
HEADLINE_WORDS = 8


@dataclass(frozen=True)
class QuoteSpan:
    start: int   # first character inside the marks
    end: int     # first character after the quoted words
    close: int   # index after the closing mark (== end when unclosed)
    parts: tuple[tuple[int, int], ...] = ()  # the quoted words of each paragraph, when it runs over several

    @property
    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.start, self.end),)


OPENING = re.compile("[" + re.escape("".join(PAIRS)) + "]")
# what ends the search for the closing mark: the closers, and for « and “ a new one of the same kind
CLOSING = {ch: re.compile("[" + re.escape(closers + (ch if ch in "«“" else "")) + "]")
           for ch, closers in PAIRS.items()}


def find_quote_spans(text: str, sentence_end, incise=None) -> list[QuoteSpan]:
    """Every quoted span, in order. An unclosed quote runs to the end of its sentence, or to the
    incise that attributes it (`incise(start, end)`: where one starts in [start, end), else end).
    A quote left open at the end of a paragraph and opened again at the start of the next one
    (the English way of quoting over several paragraphs) is one quote."""
    spans, n = [], len(text)
    opening = OPENING.search(text)
    while opening is not None:
        i = opening.start()
        ch = text[i]
        closers = PAIRS[ch]
        stop = CLOSING[ch].search(text, i + 1, min(n, i + 3000))
        if stop is not None and text[stop.start()] in closers and not _opens_instead(text, i, stop.start()):
            j = stop.start()
            spans.append(QuoteSpan(i + 1, j, j + 1))
            opening = OPENING.search(text, j + 1)
            continue
        end = sentence_end(i)
        if incise is not None:
            end = incise(i + 1, end)
        spans.append(QuoteSpan(i + 1, end, end))
        opening = OPENING.search(text, end) if end < n else None
    return _over_paragraphs(text, spans)


def _opens_instead(text: str, i: int, j: int) -> bool:
    """Is the straight mark at `j`, which would close the one at `i`, rather the opening of a
    quote of the next paragraph (after a line break, right before a word)?"""
    return text[i] == text[j] == "\"" and "\n" in text[i:j] and text[j - 1].isspace() \
        and j + 1 < len(text) and text[j + 1].isalnum()


def _over_paragraphs(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for q in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.close == prev.end and text[prev.start - 1] == text[q.start - 1] \
                and "\n" in text[prev.end:q.start - 1] and not text[prev.end:q.start - 1].strip():
            out[-1] = QuoteSpan(prev.start, q.end, q.close, prev.pieces + q.pieces)
            continue
        out.append(q)
    return out


ABBREVIATION = re.compile(r"(?:^|[\s(])(?:[A-Z]|Mme|Mlle|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Lt|Col|Adm|Gov|No|U\.S|Jr|Sr|etc)$")
STOP = re.compile(r"[.!?](?=\s|$)|\n")


def _stops(text: str, start: int, end: int) -> list[int]:
    """Positions just after each sentence stop in text[start:end], abbreviations left out."""
    return [m.end() for m in STOP.finditer(text, start, end)
            if m.group(0) != "." or not ABBREVIATION.search(text[max(0, m.start() - 5):m.start()])]


def clause_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts: after the last stop or line break before it."""
    stops = _stops(text, max(0, pos - 400), pos)
    return stops[-1] if stops else max(0, pos - 400)


def clause_end(text: str, pos: int) -> int:
    """Where the sentence going on at `pos` ends: the next stop or line break."""
    stops = _stops(text, pos, min(len(text), pos + 300))
    return stops[0] - 1 if stops else min(len(text), pos + 300)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip(",;:").strip()


def extract_quotes(ctx: DocContext) -> list[Quote]:
    """All quotes of three words or more that the text attributes to someone: quoted words it
    puts in no one's mouth (a scare quote, a term) are the article's own, no quote record."""
    return [quote for quote, ref in _quotes(ctx) if ref is not None]


def quote_speakers(ctx: DocContext) -> list[tuple[int, int, Ref | None]]:
    """(start, end, speaker) of every quote, in text order: what figures inside quotes take."""
    return [(q.evidence[0][0], q.evidence[-1][1], ref) for q, ref in _quotes(ctx)]


def _quotes(ctx: DocContext) -> list[tuple[Quote, Ref | None]]:
    return ctx.remember("quotes", lambda: _find_quotes(ctx))


def _find_quotes(ctx: DocContext) -> list[tuple[Quote, Ref | None]]:
    text = ctx.text
    line_breaks = [m.start() for m in re.finditer("\n", text)]
    spans = [q for q in find_quote_spans(text, lambda pos: ctx.sentence_at(pos).end, lambda a, b: _incise_in(ctx, a, b))
             if len(re.findall(r"\w+", text[q.start:q.end])) >= MIN_WORDS and not _is_headline(text, q, line_breaks)
             and not _is_name(text[q.start:q.end])]
    out: list[tuple[Quote, Ref | None]] = []
    last: Ref | None = None
    issuer: Ref | None = None
    prev_close = -1
    for k, q in enumerate(spans):
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        # the verb and its subject: in the quote's sentences, not inside the quotes around it
        lo, hi = _quote_sentences(ctx, q)
        others = [(o.start - 1, o.close) for o in (spans[k - 1] if k else None, nxt) if o is not None]
        speaker = attribute_quote(ctx, q.start, q.end, lo, hi, others, last, issuer, q.close)
        if speaker is None and nxt is not None and not _stops(text, q.close, nxt.start):
            # "... "des drones" ainsi que "des centaines de roquettes", selon Matignon": one attribution for both
            nlo, nhi = _quote_sentences(ctx, nxt)
            after = spans[k + 2] if k + 2 < len(spans) else None
            speaker = attribute_quote(ctx, nxt.start, nxt.end, nlo, nhi,
                                      [(o.start - 1, o.close) for o in (q, after) if o is not None], last, issuer,
                                      nxt.close)
        opens = clause_start(text, q.start - 1)
        if speaker is None and not text[opens:q.start - 1].strip() and opens > max(prev_close, 0):
            # "China denounced the sale." then « ... »: the speaker of the sentence before
            end = opens
            while end > 0 and text[end - 1].isspace():
                end -= 1
            speaker = speaker_before(ctx, clause_start(text, max(0, end - 1)), end, last, issuer)
        if speaker is None and last is not None and 0 <= prev_close and q.start - prev_close < 300:
            speaker = last  # a bare quote continuing the one before
        if speaker is None and last is None and nxt is not None and nxt.start - q.close < 300:
            # "... « ... ». « ... », added MSF.": the first quote takes the speaker of the next one
            nlo, nhi = _quote_sentences(ctx, nxt)
            after = spans[k + 2] if k + 2 < len(spans) else None
            speaker = attribute_quote(ctx, nxt.start, nxt.end, nlo, nhi,
                                      [(o.start - 1, o.close) for o in (q, after) if o is not None], last, issuer,
                                      nxt.close)
        if speaker is not None:
            last = speaker
            if speaker.kind == "org":
                issuer = speaker
        prev_close = q.close
        out.append((Quote(speaker=speaker.name if speaker else None,
                          speaker_role=(speaker.role or speaker.person_role) if speaker else None,
                          text=" ".join(_clean(text[a:b]) for a, b in q.pieces), direct=True,
                          evidence=list(q.pieces)), speaker))
    return out


COMMA = re.compile(",")


def _incise_in(ctx: DocContext, start: int, end: int) -> int:
    """Where the incise that attributes an unclosed quote starts in [start, end) (", a déclaré
    X", ", said X"), else `end`."""
    text = ctx.text
    verbs = ctx.lex.rx("speech_verbs")
    for m in COMMA.finditer(text, start, end):
        if verbs.match(text, INVERSION_HEAD.match(text, m.end()).end()):
            return m.start()
    return end


def _quote_sentences(ctx: DocContext, q: QuoteSpan) -> tuple[int, int]:
    """[start, end) of the sentences a quote's attribution may lie in: the quote's own, and the
    one after it when no stop follows the closing mark (the parser often ends a sentence at the
    mark: « ... », a déclaré X)."""
    lo = ctx.sentence_at(max(0, q.start - 2)).start
    hi = ctx.sentence_at(max(q.start, q.end - 1)).end
    after = NON_SPACE.search(ctx.text, q.close, min(len(ctx.text), q.close + 20))
    if after is not None and ctx.text[after.start()] not in ".!?\n" and hi <= after.start():
        hi = max(hi, ctx.sentence_at(after.start()).end)
    return lo, hi


NON_SPACE = re.compile(r"\S")  # what str.strip() keeps: the same notion of white space


NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _is_name(quoted: str) -> bool:
    """Quoted words that are a name, every word capitalised and no punctuation ("Lightweight
    Hybrid Torpedo", an operation, a programme): not a statement."""
    words = NAME_WORD.findall(quoted)
    return bool(words) and all(w[0].isupper() for w in words) and not re.search(r"[.!?,;:]", quoted)


def _is_headline(text: str, q: QuoteSpan, line_breaks: list[int]) -> bool:
    """A short quote standing alone on its line, with no stop: a heading, not a statement.
    `line_breaks` are the offsets of the text's newlines, in order."""
    k = bisect_left(line_breaks, q.start)
    line_start = line_breaks[k - 1] + 1 if k else 0
    k = bisect_left(line_breaks, q.close)
    line_end = line_breaks[k] if k < len(line_breaks) else len(text)
    # white space only between the line start and the marks, and after them to the line end;
    # both read outwards from the quote, so a long line is not read again for every quote on it
    alone = _spaces_back_to(text, line_start, q.start - 1) and NON_SPACE.search(text, q.close, line_end) is None
    return alone and len(re.findall(r"\w+", text[q.start:q.end])) <= HEADLINE_WORDS \
        and not re.search(r"[.!?]\W*$", text[q.start:q.end])


def _spaces_back_to(text: str, start: int, end: int) -> bool:
    """`not text[start:end].strip()`, read from `end` backwards."""
    pos = end - 1
    while pos >= start and text[pos].isspace():
        pos -= 1
    return pos < start
