"""Cardinal numbers in French and English text: digits, scale words, spelled numbers, qualifiers.

`find_numbers` returns the counts a reader would take from a text and leaves out what only looks
like one (years, times, percentages, ordinals, designations such as F-35 or MK 82, calibres, days of
the month). `parse_number` reads one expression, `qualifier_before` the words that qualify it.
The qualifier phrases are data (`data/qualifiers.json`).
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources

import pycountry
from text_to_num import text2num

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


_QUALIFIERS = json.loads(resources.files(__package__).joinpath("data", "qualifiers.json")
                         .read_text("utf-8"))
_SP = "[ \u00a0\u202f]"
# Ordinary spaces group thousands in French only; English text uses them between numbers.
_DIGITS = {
    lang: re.compile(rf"(?<![\d.,])(?:\d{{1,3}}(?:({sep})\d{{3}}(?!\d))(?:\1\d{{3}}(?!\d))*"
                     rf"(?:[.,]\d+(?!\d))?|\d+(?:[.,]\d+)?)")
    for lang, sep in (("fr", "[ \u00a0\u202f.,]"), ("en", "[\u00a0\u202f.,]"))}
_SCALE_AFTER = re.compile(rf"({_SP}?)([A-Za-z]+)(?!\w)")
_SCALE_WORDS = {
    "fr": {"mille": 3, "million": 6, "millions": 6, "milliard": 9, "milliards": 9, "md": 9, "mds": 9,
           "mrd": 9, "mrds": 9, "billion": 12, "billions": 12, "mln": 6, "bn": 9},  # "10 mn" = minutes
    "en": {"thousand": 3, "million": 6, "millions": 6, "billion": 9, "billions": 9, "trillion": 12,
           "trillions": 12, "bn": 9, "mn": 6, "mln": 6, "tn": 12},
}
_SCALE_LETTERS = {"k": 3, "K": 3, "M": 6, "m": 6, "B": 9}
_APPROX_NOUNS = {  # collective nouns that count roughly: "une dizaine" = about 10
    "fr": {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
           "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000},
    "en": {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
           "ten": 10},
}
_ARTICLES = {"fr": {"un", "une"}, "en": {"a", "an", "one"}}
_VAGUE = {"fr": {"des", "quelques", "plusieurs", "les", "de"},
          "en": {"few", "several", "many", "some", "the"}}
_CONNECTORS = {"fr": {"et"}, "en": {"and"}}
# Scale words that need a numeral in front: "des millions", "hundreds" are not numbers.
_BARE_SCALES = {"million", "millions", "milliard", "milliards", "billion", "billions", "trillion",
                "trillions", "thousand", "thousands", "hundred", "hundreds", "milles", "cents"}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# The longest spelled number text2num reads is about 45 words (six groups of "neuf cent quatre
# vingt dix sept" joined by five scale words; only "et et et ..." repeated inside one number, which
# it also takes, is longer). Phrases are tried up to this many words from each word, so a long
# run of number words costs linear time, not the cube of its length.
_MAX_PHRASE_WORDS = 64
# Words before a number that make it a label, not a count: "Block 52", "No. 24", "Section 36".
_LABELS = {"mk", "mod", "block", "lot", "no", "no.", "n°", "nos", "section", "article", "chapter",
           "chapitre", "paragraph", "paragraphe", "resolution", "résolution", "law", "loi", "title",
           "titre", "page", "pages", "p.", "vol.", "volume", "number", "version", "tranche",
           "increment", "phase", "batch", "transmittal", "reg.", "mode"}
_YEAR_CUES = {"en", "in", "depuis", "since", "fin", "début", "mi", "courant", "durant", "pendant",
              "avant", "après", "année", "an", "dès", "ici", "until", "till", "from", "during",
              "before", "after", "early", "late", "mid", "year", "years", "fy", "fiscal", "through",
              "the", "années"}
_NOT_AFTER = re.compile(r"[\-‐]?\s?mm\b|\s?%|\s?(?:pour\s?cent|pourcent|percent|per\s?cent)\b"
                        r"|\s?h(?:\d{2})?\b|:\d|\s?(?:a\.m\.|p\.m\.|am|pm)(?!\w)|/", re.I)
_NOT_ONE = {"no", "the", "this", "that", "every", "any", "each", "which"}
_MASKS = re.compile(r"(?i:\bpour\s?cent\b)|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
                    r"|\b\d{1,2}:\d{2}\b|\(\d{3}\)\s?\d{3}-\d{4}\b|\b\d{3}-\d{3}-\d{4}\b"
                    r"|\b\d+(?:\(\w{1,3}\))+")  # dates, times, phone numbers, "36(b)(1)"


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
    phrases = sorted(((p, q) for q, ps in _QUALIFIERS[lang].items() for p in ps),
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

    `lang` is "fr" or "en"; phrases come from data/qualifiers.json.
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
            power = _SCALE_WORDS.get(lang, {}).get(word.lower(), 0)
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
    if not words or words[0] in _BARE_SCALES or words[-1] in _CONNECTORS[lang] or words == ["o"]:
        return None
    if words[0] in _ARTICLES[lang] and len(words) > 1:
        words = ["one" if lang == "en" else "un"] + words[1:]
    elif words == ["un"] or words == ["une"] or words[0] in ("a", "an"):
        return None
    return _word_value(" ".join(words), lang)


def _approx_re(lang: str) -> re.Pattern[str]:
    nouns = "|".join(sorted(_APPROX_NOUNS[lang], key=len, reverse=True))
    big = r"(?:\s+(?:de|d['’])\s*(milliers|millions|milliards))" if lang == "fr" else \
        r"(?:\s+of\s+(thousands|millions|billions))"
    return re.compile(rf"(?<![\w])(?:([^\W\d_]+(?:-[^\W\d_]+)*|\d+)\s+)?({nouns})(s?)(?![\w]){big}?",
                      re.I)


_APPROX = {lang: _approx_re(lang) for lang in ("fr", "en")}
_BIG = {"milliers": 1000, "thousands": 1000, "millions": 10**6, "milliards": 10**9,
        "billions": 10**9}


def _scan_approx(text: str, lang: str) -> list[RawNumber]:
    out = []
    for m in _APPROX[lang].finditer(text):
        lead, noun, plural, big = (m.group(1) or "").lower(), m.group(2).lower(), m.group(3), m.group(4)
        if lang == "en" and noun != "dozen" and not plural:
            continue  # English "hundred", "million" are ordinary spelled numbers
        start, mult = m.start(), None
        if lead in _ARTICLES[lang] or lead.isdigit():
            mult = int(lead) if lead.isdigit() else 1
        elif lead not in _VAGUE[lang]:
            mult = _phrase_value([lead], lang) if lead else None
            if mult is None:  # an unrelated word before the noun: "la dizaine", "dozen"
                start, mult = m.start(2), None if plural else 1
        value = None
        if mult is not None and (lang == "fr" or noun == "dozen"):
            value = float(mult * _APPROX_NOUNS[lang][noun] * _BIG.get((big or "").lower(), 1))
        if value is not None or plural:  # "des dizaines" is kept, valueless, to hide its words
            out.append(RawNumber(start, m.end(), value, "approx", about=True))
    return out


def _numeric_token(word: str, lang: str) -> bool:
    return (word in _ARTICLES[lang] or word in _CONNECTORS[lang]
            or _word_value(word, lang) is not None)


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
            if words[j] in _BARE_SCALES:  # no phrase starts with one ("des millions")
                j += 1
                continue
            for k in range(min(len(words), j + _MAX_PHRASE_WORDS), j, -1):
                if (value := _phrase_value(words[j:k], lang)) is not None:
                    power = _SCALE_WORDS[lang].get(words[k - 1], 0)
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
    if word.lower() in _LABELS:
        return True
    return (word.isalpha() and word.isupper() and 2 <= len(word) <= 4
            and word not in ("US", "UN", "ONU", "LES", "DES", "THE", "AND", "OF", "PLUS", "ET")
            and pycountry.currencies.get(alpha_3=word) is None)


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
    return bool(cue in _YEAR_CUES or months.fullmatch(word.rstrip(","))
                or re.search(rf"{months.pattern}\s+\d{{1,2}},?\s*\Z", text[max(0, raw.start - 20):raw.start])
                or re.match(r"\s*(?:[.,;:)\]»\"”]|\Z|(?:[-–]|à|to|et|and|through)\s*(?:19|20)\d\d\b)", after)
                or re.search(r"(?:19|20)\d\d\s*(?:-|–|à|to|et|and)\s*\Z", text[max(0, raw.start - 12):raw.start]))


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
    if _NOT_AFTER.match(after):
        return False
    if raw.kind == "words":
        if text[raw.start:raw.end].lower() == "one" and (
                _word_before(text, raw.start).lower() in _NOT_ONE or after.strip().startswith("another")):
            return False  # "no one", "one another"
        if text[raw.start:raw.end].lower() == "neuf" and not re.match(r"\s+[^\W\d_]", after):
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
    masks, lang = SpanIndex(m.span() for m in _MASKS.finditer(text)), _lang(lang)
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
