"""Amounts of money in French and English text, in units of an ISO 4217 currency.

`find_money` reads "510 millions de dollars", "$1.2 billion", "€6.3bn", "USD 200 million",
"TOTAL ....... $ 2.5 million", "1 milliard de livres sterling". A scaled amount with no currency
("1,7 milliard") takes the currency of the previous amount in the text. The qualifier comes only
from the words just before the amount; what "estimated cost" means is for the caller to decide.

Currency names, the names that are also weights, the symbols a language writes after an amount
("$ US") and the words that may follow a bare scaled amount are data in `lang/{fr,en}/money.json`;
the range words in `lang/{fr,en}/numbers.json`. What stays here is not a word of a language: the
currency symbols ($, €, US$, C$...) and ISO 4217 codes, checked against pycountry.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

import pycountry

from armsledger.lang import get_lexicon, linked_regex, phrase_regex, words_in_every_language
from armsledger.normalize.numbers import RawNumber, qualifier_span, scan_numbers

__all__ = ["MoneyMatch", "find_money"]


@dataclass(frozen=True)
class MoneyMatch:
    start: int
    end: int
    text: str
    amount: float
    currency: str   # ISO 4217
    qualifier: str


_SYMBOLS = {"US$": "USD", "US $": "USD", "$US": "USD", "$ US": "USD", "USD$": "USD", "C$": "CAD",
            "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NT$": "TWD", "HK$": "HKD", "NZ$": "NZD",
            "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₪": "ILS",
            "₴": "UAH", "₩": "KRW", "₹": "INR"}
_SP = "[ \u00a0\u202f]"


_PREFIX = re.compile(rf"(?:(?P<sym>{phrase_regex(_SYMBOLS)})|(?<![\w])(?P<iso>[A-Z]{{3}})){_SP}?\Z")


@cache
def _suffix(lang: str) -> re.Pattern[str]:
    """A currency right after an amount: a symbol, an ISO code, or a currency name (in any case)
    with its link word ("de dollars", "of euros"). Currency names are longest first."""
    lex = get_lexicon(lang)
    symbols = [phrase_regex([s], space=r"\s?") for s in lex.words("symbols_after")]  # "$ US"
    symbols.append(phrase_regex(s for s in _SYMBOLS if len(s) == 1))
    return re.compile(rf"{_SP}?(?P<sym>{'|'.join(symbols)})"
                      rf"|{_SP}(?P<iso>[A-Z]{{3}})(?!\w)"
                      rf"|\s+(?:{linked_regex(lex.words('quantity_link'))})?"
                      rf"(?P<word>(?i:{phrase_regex(lex.words('currency_names'))}))(?!\w)")


@cache
def _reuse_next() -> re.Pattern[str]:
    """After a bare "1,7 milliard" these may follow and it still reads as money of the last currency."""
    words = phrase_regex(words_in_every_language("amount_continuations"))
    return re.compile(rf"\s*(?:\Z|[^\w\s]|(?:{words})\b)", re.I)


@cache
def _range_gap() -> re.Pattern[str]:
    """Between the bounds of a range: "3 à 3,8 milliards", "$3 to $4 billion"."""
    words = phrase_regex(words_in_every_language("range_words"))
    return re.compile(rf"\s*(?:-|–|{words})\s*(?:[$€£]\s?)?", re.I)


@cache
def _range_and() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrase_regex(words_in_every_language('number_connectors'))})\b")


@cache
def _range_opener() -> re.Pattern[str]:
    """"entre 3 et 4 milliards", "between $3 and $4 billion"."""
    words = phrase_regex(words_in_every_language("range_openers"))
    return re.compile(rf"(?:{words})\s*(?:US)?[$€£]?\s*$", re.I)


def _iso(code: str | None) -> str | None:
    return code if code and pycountry.currencies.get(alpha_3=code) else None


def _currency_before(text: str, raw: RawNumber) -> tuple[str, int] | None:
    m = _PREFIX.search(text[max(0, raw.start - 8):raw.start])
    if not m:
        return None
    code = _SYMBOLS[re.sub(r"\s+", " ", m.group("sym"))] if m.group("sym") else _iso(m.group("iso"))
    return (code, raw.start - len(m.group())) if code else None


def _currency_after(text: str, raw: RawNumber, lang: str) -> tuple[str, int] | None:
    m = _suffix(lang).match(text, raw.end)
    if not m:
        return None
    if m.group("sym"):
        sym = re.sub(r"\s+", "", m.group("sym"))
        return _SYMBOLS.get(sym, "USD"), m.end()
    if m.group("iso"):
        code = _iso(m.group("iso"))
        return (code, m.end()) if code else None
    word = re.sub(r"\s+", " ", m.group("word").lower().replace("’", "'"))
    names = get_lexicon(lang).words("currency_names")
    if word in get_lexicon(lang).words("weight_currency_names") and (raw.value or 0) < 1e6:
        return None
    return names[word], m.end()


def _range_partner(text: str, raws: list[RawNumber], i: int) -> RawNumber | None:
    """The scaled upper bound of a range whose lower bound has no scale: "de 3 à 3,8 milliards"."""
    raw = raws[i]
    if raw.power or i + 1 >= len(raws) or not raws[i + 1].power:
        return None
    gap = text[raw.end:raws[i + 1].start]
    if not _range_gap().fullmatch(gap) or (raw.kind == "digits" and 1900 <= raw.value <= 2100):
        return None
    # "entre 6 et 8 milliards" is a range; "2,4 milliards en 2021 et 3,2 milliards" is not
    if _range_and().search(gap) and not _range_opener().search(text[max(0, raw.start - 14):raw.start]):
        return None
    return raws[i + 1]


def find_money(text: str, lang: str) -> list[MoneyMatch]:
    """Every amount of money in `text`, in order, with its ISO 4217 currency and qualifier.

    `amount` is in units (510 millions = 510000000). An amount without a currency is kept only
    when it has a scale word (million, milliard, bn...) and an earlier amount gave a currency.
    The lower bound of a range takes the scale and currency of the upper one ("$3 to $4 billion").
    """
    lang = lang if lang in ("fr", "en") else "en"
    out: list[MoneyMatch] = []
    last_currency: str | None = None
    raws = [r for r in scan_numbers(text, lang) if r.value is not None]
    for i, raw in enumerate(raws):
        if out and raw.start < out[-1].end:
            continue
        start, end, amount, currency = raw.start, raw.end, raw.value, None
        before = _currency_before(text, raw)
        partner = _range_partner(text, raws, i)
        after = _currency_after(text, raw, lang) if not partner else None
        if partner:
            amount = raw.value * 10 ** partner.power
            if not math.isfinite(amount):  # past what a float holds: no amount
                continue
            currency = (before or _currency_before(text, partner)
                        or _currency_after(text, partner, lang) or (last_currency, 0))[0]
            if before:
                start = before[1]
        elif before:
            currency, start = before
        elif after:
            currency, end = after
        elif (last_currency and raw.value >= 1e6 and (raw.scale or raw.kind != "digits")
              and _reuse_next().match(text, raw.end)):
            currency = last_currency
        if currency is None:
            continue
        qualifier, start = qualifier_span(text, start, lang)
        if qualifier == "exact" and raw.about:
            qualifier = "about"
        last_currency = currency
        out.append(MoneyMatch(start, end, text[start:end], amount, currency, qualifier))
    return out
