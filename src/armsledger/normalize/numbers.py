"""Cardinal numbers in French and English text: digits, scale words, spelled numbers, qualifiers.

`find_numbers` returns the counts a reader would take from a text and leaves out what only looks
like one (years, times, percentages, ordinals, designations such as F-35 or MK 82, calibres, days of
the month). `parse_number` reads one expression, `qualifier_before` the words that qualify it.

Every word is data in `lang/{fr,en}/numbers.json` (scale words, collective nouns, articles,
qualifier phrases, labels, year cues, range words), read through `get_lexicon`; the regexes built
from them are built at first use and cached. A few rules read a text the same way whatever its
language ("Block 52" in a French text, "1990 à 2000" in an English one): they take the words of
every language (`words_in_every_language`). What stays here is not a word of a language: digits and
their separators, the scale letters k/M/B after digits (symbols, as in "500 M€"), the unit symbols
"mm" and "h" (SI), "%", and the shapes of dates, times, phone numbers and statute references.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

import pycountry
from text_to_num import text2num

from armsledger.lang import get_lexicon, linked_regex, phrase_regex, words_in_every_language
from armsledger.normalize.dates import month_names
from armsledger.normalize.spans import SpanIndex

__all__ = ["NumberMatch", "find_numbers", "parse_number", "qualifier_before", "qualifier_span",
           "scan_numbers", "RawNumber"]


@dataclass(frozen=True)
class NumberMatch:
    start: int      # includes the qualifier words when there are some
    end: int
    text: str
    value: float    # in units
    qualifier: str  # exact | about | more_than | at_least | up_to | fewer_than


@dataclass(frozen=True)
class RawNumber:
    """A number expression before filtering; shared with `money`. `value` is None for "dozens"."""
    start: int
    end: int
    value: float | None
    kind: str            # "digits" | "words" | "approx"
    scale: str = ""      # the scale word or letter after digits ("milliards", "M", "bn")
    about: bool = False  # "une dizaine", "a dozen"
    power: int = 0       # the power of ten of the scale word: 9 for "milliards", "bn"


_SP = "[ \u00a0\u202f]"
# Ordinary spaces group thousands in French only; English text uses them between numbers.
_DIGITS = {
    lang: re.compile(rf"(?<![\d.,])(?:\d{{1,3}}(?:({sep})\d{{3}}(?!\d))(?:\1\d{{3}}(?!\d))*"
                     rf"(?:[.,]\d+(?!\d))?|\d+(?:[.,]\d+)?)")
    for lang, sep in (("fr", "[ \u00a0\u202f.,]"), ("en", "[\u00a0\u202f.,]"))}
_SCALE_AFTER = re.compile(rf"({_SP}?)([A-Za-z]+)(?!\w)")
_SCALE_LETTERS = {"k": 3, "K": 3, "M": 6, "m": 6, "B": 9}  # symbols after digits: "500 M€", "$5m"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# The longest spelled number text2num reads is about 45 words (six groups of "neuf cent quatre
# vingt dix sept" joined by five scale words; only "et et et ..." repeated inside one number, which
# it also takes, is longer). Phrases are tried up to this many words from each word, so a long
# run of number words costs linear time, not the cube of its length.
_MAX_PHRASE_WORDS = 64


@dataclass(frozen=True)
class _Words:
    """The number words of one language (`lang/<lang>/numbers.json`), as sets and maps."""
    scales: dict[str, int]            # scale word -> power of ten: "milliards" -> 9
    approx: dict[str, int]            # nouns that count roughly: "dizaine" -> 10
    approx_plural: frozenset[str]     # nouns only vague in the plural: "hundreds"
    big: dict[str, int]               # "des dizaines de milliers" -> 1000
    articles: frozenset[str]          # "une douzaine", "a dozen"
    one: str                          # what an article stands for in a spelled number
    not_alone: frozenset[str]         # "un", "a": never a count by themselves
    vague: frozenset[str]             # "des dizaines", "several dozen"
    connectors: frozenset[str]        # "vingt et un", "one hundred and five"
    homonyms: dict[str, dict]         # number words that are other words too ("neuf", "one")


@cache
def _words(lang: str) -> _Words:
    lex = get_lexicon(lang)
    return _Words(
        scales=dict(lex.words("scale_words")), approx=dict(lex.words("approx_nouns")),
        approx_plural=frozenset(lex.words("approx_plural_nouns")),
        big={w.lower(): v for w, v in lex.words("approx_big_nouns").items()},
        articles=frozenset(lex.words("articles")), one=lex.words("article_one"),
        not_alone=frozenset(lex.words("not_numbers_alone")),
        vague=frozenset(lex.words("vague_determiners")),
        connectors=frozenset(lex.words("number_connectors")),
        homonyms=dict(lex.words("number_homonyms")))


@cache
def _everywhere(path: str) -> frozenset[str]:
    """The words at `path` in every language, for rules that do not depend on the text's language."""
    return frozenset(words_in_every_language(path))


@cache
def _not_after() -> re.Pattern[str]:
    """What after a number makes it no count: a calibre, a percentage, a time, a fraction."""
    percent = phrase_regex(words_in_every_language("percent_words"), space=r"\s?")
    clock = phrase_regex(words_in_every_language("clock_suffixes"))
    return re.compile(rf"[\-‐]?\s?mm\b|\s?%|\s?(?:{percent})\b"
                      rf"|\s?h(?:\d{{2}})?\b|:\d|\s?(?:{clock})(?!\w)|/", re.I)


@cache
def _masks() -> re.Pattern[str]:
    """Spans no number is read in: percent words holding a number word, dates, times, phone
    numbers, "36(b)(1)"."""
    percent = phrase_regex(words_in_every_language("percent_masks"), space=r"\s?")
    words = rf"(?i:\b(?:{percent})\b)|" if percent else ""
    return re.compile(words + r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
                      r"|\b\d{1,2}:\d{2}\b|\(\d{3}\)\s?\d{3}-\d{4}\b|\b\d{3}-\d{3}-\d{4}\b"
                      r"|\b\d+(?:\(\w{1,3}\))+")


def _lang(lang: str) -> str:
    """French rules for French, English rules for everything else."""
    return "fr" if lang == "fr" else "en"


def _span_re(phrase: str) -> str:
    out = re.sub("['’]", "['’]", re.escape(phrase).replace(r"\ ", r"\s+"))
    if phrase.endswith(" de"):  # "plus de" also reads "plus d'un"
        out = out[: -len(r"\s+de")] + r"(?:\s+de|\s+d['’])"
    return out


@lru_cache(maxsize=None)
def _qualifier_re(lang: str) -> tuple[re.Pattern[str], list[str]]:
    phrases = sorted(((p, q) for q, ps in get_lexicon(lang).words("qualifiers").items() for p in ps),
                     key=lambda pq: -len(pq[0]))
    alts = "|".join(f"(?P<q{i}>{_span_re(p)})" for i, (p, _q) in enumerate(phrases))
    # "d'environ", "qu'au moins": an elided word may stand right before the qualifier
    return re.compile(rf"(?<![\w])(?:{alts})\s*\Z", re.I), [q for _p, q in phrases]


def qualifier_span(text: str, pos: int, lang: str) -> tuple[str, int]:
    """(qualifier, start of its words) for the words ending at `pos`; ("exact", pos) if none."""
    pattern, quals = _qualifier_re(_lang(lang))
    window_start = max(0, pos - 40)
    m = pattern.search(text[window_start:pos])
    if not m:
        return "exact", pos
    return quals[int(m.lastgroup[1:])], window_start + m.start()


def qualifier_before(text: str, pos: int, lang: str) -> str:
    """The qualifier named by the words ending at `pos` ("plus de", "up to"...), else "exact".

    `lang` is "fr" or "en"; phrases come from lang/<lang>/numbers.json ("qualifiers").
    """
    return qualifier_span(text, pos, lang)[0]


def _digits_value(s: str, lang: str, scaled: bool) -> Decimal:
    s = re.sub(_SP, "", s)
    if "." in s and "," in s:
        dec = max(s.rfind("."), s.rfind(","))
        return Decimal(re.sub(r"[.,]", "", s[:dec]) + "." + s[dec + 1:])
    sep = "." if "." in s else "," if "," in s else ""
    if not sep:
        return Decimal(s)
    whole, _, frac = s.rpartition(sep)
    if s.count(sep) > 1:
        return Decimal(s.replace(sep, ""))
    # One separator and three digits: a thousands group unless it is the decimal mark of this
    # language before a scale word ("3,845 milliards"); French "56.500" is always thousands.
    native_decimal = sep == ("," if lang == "fr" else ".")
    if len(frac) == 3 and len(whole) <= 3 and not (native_decimal and (scaled or lang == "en")):
        return Decimal(whole + frac)
    return Decimal(whole + "." + frac)


def _scan_digits(text: str, lang: str, masked: SpanIndex) -> list[RawNumber]:
    out = []
    for m in _DIGITS.get(lang, _DIGITS["en"]).finditer(text):
        if masked.overlaps(m.start(), m.end()):
            continue
        end, scale, power = m.end(), "", 0
        sm = _SCALE_AFTER.match(text, end)
        if sm:
            word, spaced = sm.group(2), bool(sm.group(1))
            power = _words(lang).scales.get(word.lower(), 0)
            if not power and word in _SCALE_LETTERS and (
                    not spaced or text[sm.end():sm.end() + 1] in ("€", "$", "£")):
                power = _SCALE_LETTERS[word]
            if power:
                end, scale = sm.end(), word
        value = float(_digits_value(m.group(), lang, bool(scale)) * (Decimal(10) ** power))
        # a number past what a float holds ("9" written 400 times) has no value: no count, no amount
        out.append(RawNumber(m.start(), end, value if math.isfinite(value) else None, "digits", scale,
                             power=power))
    return out


@lru_cache(maxsize=4096)
def _word_value(word: str, lang: str) -> int | None:
    try:
        return text2num(word, lang)
    except (ValueError, IndexError, KeyError):
        return None


def _phrase_value(words: list[str], lang: str) -> int | None:
    lex = _words(lang)
    if not words or words[0] in _everywhere("bare_scales") or words[-1] in lex.connectors:
        return None
    if words[0] in lex.articles and len(words) > 1:
        words = [lex.one] + words[1:]
    elif len(words) == 1 and words[0] in lex.not_alone:
        return None
    return _word_value(" ".join(words), lang)


@lru_cache(maxsize=None)
def _approx_re(lang: str) -> re.Pattern[str]:
    lex, words = _words(lang), get_lexicon(lang).words
    nouns = "|".join(sorted([*lex.approx, *lex.approx_plural], key=len, reverse=True))
    # "des dizaines de milliers", "dozens of thousands"
    big = rf"(?:\s+(?:{linked_regex(words('quantity_link'))})({phrase_regex(words('approx_big_nouns'))}))"
    return re.compile(rf"(?<![\w])(?:([^\W\d_]+(?:-[^\W\d_]+)*|\d+)\s+)?({nouns})(s?)(?![\w]){big}?",
                      re.I)


def _scan_approx(text: str, lang: str) -> list[RawNumber]:
    out, lex = [], _words(lang)
    for m in _approx_re(lang).finditer(text):
        lead, noun, plural, big = (m.group(1) or "").lower(), m.group(2).lower(), m.group(3), m.group(4)
        if noun not in lex.approx and not plural:
            continue  # English "hundred", "million" are ordinary spelled numbers
        start, mult = m.start(), None
        if lead in lex.articles or lead.isdigit():
            mult = int(lead) if lead.isdigit() else 1
        elif lead not in lex.vague:
            mult = _phrase_value([lead], lang) if lead else None
            if mult is None:  # an unrelated word before the noun: "la dizaine", "dozen"
                start, mult = m.start(2), None if plural else 1
        value = None
        if mult is not None and noun in lex.approx:
            value = float(mult * lex.approx[noun] * lex.big.get((big or "").lower(), 1))
        if value is not None or plural:  # "des dizaines" is kept, valueless, to hide its words
            out.append(RawNumber(start, m.end(), value, "approx", about=True))
    return out


def _numeric_token(word: str, lang: str) -> bool:
    lex = _words(lang)
    return word in lex.articles or word in lex.connectors or _word_value(word, lang) is not None


def _scan_words(text: str, lang: str, masked: SpanIndex) -> list[RawNumber]:
    tokens = [t for t in _WORD.finditer(text) if _numeric_token(t.group().lower(), lang)]
    tokens = [t for t in tokens if not masked.overlaps(t.start(), t.end())]
    out, i = [], 0
    while i < len(tokens):
        run = [tokens[i]]
        while i + len(run) < len(tokens) and not text[run[-1].end():tokens[i + len(run)].start()].strip():
            run.append(tokens[i + len(run)])
        words = [t.group().lower() for t in run]
        j = 0
        while j < len(words):  # the longest phrase from j that text2num reads
            if words[j] in _everywhere("bare_scales"):  # no phrase starts with one ("des millions")
                j += 1
                continue
            for k in range(min(len(words), j + _MAX_PHRASE_WORDS), j, -1):
                if (value := _phrase_value(words[j:k], lang)) is not None:
                    power = _words(lang).scales.get(words[k - 1], 0)
                    out.append(RawNumber(run[j].start(), run[k - 1].end(), float(value), "words",
                                         power=power))
                    j = k
                    break
            else:
                j += 1
        i += len(run)
    return out


def scan_numbers(text: str, lang: str) -> list[RawNumber]:
    """Every number expression in `text`, unfiltered and in order (years and designations too)."""
    return list(_scan_cached(text, _lang(lang)))


@lru_cache(maxsize=4)
def _scan_cached(text: str, lang: str) -> tuple[RawNumber, ...]:
    # numbers and money both scan the same text: keep the last few scans
    return tuple(_scan(text, lang))


def _scan(text: str, lang: str) -> list[RawNumber]:
    approx = _scan_approx(text, lang)
    taken = [(r.start, r.end) for r in approx]
    digits = _scan_digits(text, lang, SpanIndex(taken))
    taken += [(r.start, r.end) for r in digits]
    words = _scan_words(text, lang, SpanIndex(taken))
    return sorted(approx + digits + words, key=lambda r: r.start)


@lru_cache(maxsize=None)
def _month_re(lang: str) -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(month_names(lang), key=len, reverse=True))
    flags = "(?i:" if lang == "fr" else "(?:"
    return re.compile(rf"{flags}{names})(?!\w)")


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([\w'’°.]+):?\s*\Z", text[max(0, pos - 30):pos])
    return m.group(1) if m else ""


def _is_label(word: str) -> bool:
    """"No. 24", "Block 52", "MK 82": a word (of any language) or an acronym that names a number."""
    if word.lower() in _everywhere("number_labels"):
        return True
    return (word.isalpha() and word.isupper() and 2 <= len(word) <= 4
            and word not in _everywhere("uppercase_not_labels")
            and pycountry.currencies.get(alpha_3=word) is None)


@cache
def _year_range_after() -> re.Pattern[str]:
    """After a year: the end of a phrase, or a range to another year ("2018-2028", "2018 to 2028")."""
    words = phrase_regex(words_in_every_language("year_range_words"))
    return re.compile(rf"\s*(?:[.,;:)\]»\"”]|\Z|(?:[-–]|{words})\s*(?:19|20)\d\d\b)")


@cache
def _year_range_before() -> re.Pattern[str]:
    """Before a year: the start of a range from another year ("2018 à ")."""
    words = phrase_regex(words_in_every_language("range_words"))
    return re.compile(rf"(?:19|20)\d\d\s*(?:-|–|{words})\s*\Z")


def _is_date_part(text: str, raw: RawNumber, word: str, lang: str) -> bool:
    """A day of the month ("7 octobre", "October 7") or a year ("en 2023", "2018-2028")."""
    digits, months = text[raw.start:raw.end], _month_re(lang)
    if raw.scale or not digits.isdigit():
        return False
    after = text[raw.end:raw.end + 12]
    if _at_most(digits, 31):
        return bool(months.match(text, raw.end + len(after) - len(after.lstrip()))
                    or re.search(rf"{months.pattern}\s*\Z", text[max(0, raw.start - 14):raw.start]))
    if not re.fullmatch(r"(?:19|20)\d\d", digits) or qualifier_span(text, raw.start, lang)[0] != "exact":
        return False
    cue = re.split(r"[-'’]", word.lower().strip(".,"))[-1]
    return bool(cue in _everywhere("year_cues") or months.fullmatch(word.rstrip(","))
                or re.search(rf"{months.pattern}\s+\d{{1,2}},?\s*\Z", text[max(0, raw.start - 20):raw.start])
                or _year_range_after().match(after)
                or _year_range_before().search(text[max(0, raw.start - 12):raw.start]))


def _at_most(digits: str, limit: int) -> bool:
    """`int(digits) <= limit`; False for thousands of digits, which int() refuses to read."""
    try:
        return int(digits) <= limit
    except ValueError:
        return False


def _is_count(text: str, raw: RawNumber, lang: str, masks: SpanIndex) -> bool:
    if raw.value is None or masks.overlaps(raw.start, raw.end):
        return False
    before, after = text[max(0, raw.start - 2):raw.start], text[raw.end:raw.end + 12]
    prev = before[-1:] or " "
    if _not_after().match(after):
        return False
    if raw.kind == "words":
        homonym = _words(lang).homonyms.get(text[raw.start:raw.end].lower())
        if homonym and (_word_before(text, raw.start).lower() in homonym.get("not_after", ())
                        or after.strip().startswith(tuple(homonym.get("not_before", ())))):
            return False  # "no one", "one another"
        if homonym and homonym.get("needs_word_after") and not re.match(r"\s+[^\W\d_]", after):
            return False  # "un avion neuf."
        # "14 sept.": only the two characters before count, never the whole text before
        return not (after.startswith(".") and re.search(r"\d\s\Z", text[max(0, raw.start - 2):raw.start]))
    if after[:1].isalnum() or prev.isalpha() or prev in "/#°)" or (
            prev in "-‐" and (before[:1].isalpha() or after[:1] in "-‐")):
        return False  # 155mm, 7th, 1er, F-35, AIM-120C-8, 24/7, -30-
    if raw.scale == "m" and prev not in "$€£¥":
        return False  # metres, unless money: "$5m"
    word = _word_before(text, raw.start)
    compound = re.search(r"\d+\s?[-‐]\s?\Z", text[max(0, raw.start - 12):raw.start])
    if _is_label(word) or (compound and _is_label(_word_before(text, raw.start - len(compound.group())))):
        return False  # "No. 24", "Public Law 104-164": the second half of a label
    return not _is_date_part(text, raw, word, lang)


_OPEN_PAREN = re.compile(r"\s*\(")


def find_numbers(text: str, lang: str) -> list[NumberMatch]:
    """Every cardinal number in `text` with its value and qualifier, in order.

    The span [start, end) includes a qualifier written before the number ("plus de 3 000").
    Years, times, percentages, ordinals, days of the month, calibres ("155 mm") and numbers in
    designations ("F-35", "MK 82") are left out, as are vague counts ("des dizaines").
    """
    masks, lang = SpanIndex(m.span() for m in _masks().finditer(text)), _lang(lang)
    out = []
    for raw in scan_numbers(text, lang):
        if not _is_count(text, raw, lang, masks):
            continue
        qualifier, start = qualifier_span(text, raw.start, lang)
        if qualifier == "exact" and raw.about:
            qualifier = "about"
        if out and out[-1].value == raw.value and _OPEN_PAREN.fullmatch(text, out[-1].end, start) \
                and text[raw.end:raw.end + 1] == ")":
            continue  # "sixteen (16)" states one number twice
        out.append(NumberMatch(start, raw.end, text[start:raw.end], raw.value, qualifier))
    return out


def parse_number(text: str, lang: str) -> float | None:
    """The value of the first number expression in `text` ("3 845", "deux milliards", "1.2bn").

    Returns None when there is none or it has no definite value ("dozens", "des centaines").
    """
    raws = scan_numbers(text, lang)
    return raws[0].value if raws else None
