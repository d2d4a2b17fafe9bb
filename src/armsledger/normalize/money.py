"""Amounts of money in French and English text, in units of an ISO 4217 currency.

`find_money` reads "510 millions de dollars", "$1.2 billion", "€6.3bn", "USD 200 million",
"TOTAL ....... $ 2.5 million", "1 milliard de livres sterling". A scaled amount with no currency
("1,7 milliard") takes the currency of the previous amount in the text. The qualifier comes only
from the words just before the amount; what "estimated cost" means is for the caller to decide.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pycountry

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
# Currency names after the amount, longest first when matched. "livres", "pounds" alone are also
# weights, so they count only for amounts of a million or more.
_WORDS = {
    "fr": {"dollars américains": "USD", "dollars us": "USD", "dollars canadiens": "CAD",
           "dollars australiens": "AUD", "dollars taïwanais": "TWD", "dollars de hong kong": "HKD",
           "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
           "livres sterling": "GBP", "livre sterling": "GBP", "livres": "GBP", "livre": "GBP",
           "francs suisses": "CHF", "franc suisse": "CHF", "roubles": "RUB", "rouble": "RUB",
           "yuans": "CNY", "yuan": "CNY", "renminbi": "CNY", "wons": "KRW", "won": "KRW",
           "yens": "JPY", "yen": "JPY", "shekels": "ILS", "shekel": "ILS", "hryvnias": "UAH",
           "hryvnia": "UAH", "roupies": "INR", "zlotys": "PLN", "zloty": "PLN",
           "couronnes suédoises": "SEK", "couronnes norvégiennes": "NOK",
           "couronnes danoises": "DKK", "livres turques": "TRY", "dirhams": "AED",
           "riyals saoudiens": "SAR", "riyals": "SAR", "reais": "BRL"},
    "en": {"us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
           "canadian dollars": "CAD", "australian dollars": "AUD", "taiwan dollars": "TWD",
           "new taiwan dollars": "TWD", "hong kong dollars": "HKD", "dollars": "USD",
           "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
           "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "swiss francs": "CHF",
           "roubles": "RUB", "rubles": "RUB", "yuan": "CNY", "renminbi": "CNY", "won": "KRW",
           "yen": "JPY", "shekels": "ILS", "hryvnias": "UAH", "hryvnia": "UAH", "rupees": "INR",
           "zlotys": "PLN", "swedish kronor": "SEK", "norwegian kroner": "NOK",
           "danish kroner": "DKK", "turkish lira": "TRY", "dirhams": "AED",
           "saudi riyals": "SAR", "riyals": "SAR"},
}
_WEIGHTS = {"livres", "livre", "pounds", "pound"}
_SP = "[ \u00a0\u202f]"


def _alts(names: object) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]")
                    for n in sorted(names, key=len, reverse=True))


_PREFIX = re.compile(rf"(?:(?P<sym>{_alts(_SYMBOLS)})|(?<![\w])(?P<iso>[A-Z]{{3}})){_SP}?\Z")
_SUFFIX = {
    "fr": re.compile(rf"{_SP}?(?P<sym>\$\s?US|{_alts(s for s in _SYMBOLS if len(s) == 1)})"
                     rf"|{_SP}(?P<iso>[A-Z]{{3}})(?!\w)"
                     rf"|\s+(?:(?:de|d['’])\s*)?(?P<word>(?i:{_alts(_WORDS['fr'])}))(?!\w)"),
    "en": re.compile(rf"{_SP}?(?P<sym>{_alts(s for s in _SYMBOLS if len(s) == 1)})"
                     rf"|{_SP}(?P<iso>[A-Z]{{3}})(?!\w)"
                     rf"|\s+(?:of\s+)?(?P<word>(?i:{_alts(_WORDS['en'])}))(?!\w)"),
}
# After a bare "1,7 milliard" these may follow and it still reads as money of the last currency.
_REUSE_NEXT = re.compile(r"\s*(?:\Z|[^\w\s]|(?:pour|for|en|in|et|and|à|to|au|aux|dont|including|"
                         r"sur|par|by|from|de\s+plus|supplémentaires?|more|additional)\b)", re.I)


_RANGE_GAP = re.compile(r"\s*(?:à|-|–|to|and|et)\s*(?:[$€£]\s?)?", re.I)


def _iso(code: str | None) -> str | None:
    return code if code and pycountry.currencies.get(alpha_3=code) else None


def _currency_before(text: str, raw: RawNumber) -> tuple[str, int] | None:
    m = _PREFIX.search(text[max(0, raw.start - 8):raw.start])
    if not m:
        return None
    code = _SYMBOLS[re.sub(r"\s+", " ", m.group("sym"))] if m.group("sym") else _iso(m.group("iso"))
    return (code, raw.start - len(m.group())) if code else None


def _currency_after(text: str, raw: RawNumber, lang: str) -> tuple[str, int] | None:
    m = _SUFFIX[lang].match(text, raw.end)
    if not m:
        return None
    if m.group("sym"):
        sym = re.sub(r"\s+", "", m.group("sym"))
        return _SYMBOLS.get(sym, "USD"), m.end()
    if m.group("iso"):
        code = _iso(m.group("iso"))
        return (code, m.end()) if code else None
    word = re.sub(r"\s+", " ", m.group("word").lower().replace("’", "'"))
    if word in _WEIGHTS and (raw.value or 0) < 1e6:
        return None
    return _WORDS[lang][word], m.end()


def _range_partner(text: str, raws: list[RawNumber], i: int) -> RawNumber | None:
    """The scaled upper bound of a range whose lower bound has no scale: "de 3 à 3,8 milliards"."""
    raw = raws[i]
    if raw.power or i + 1 >= len(raws) or not raws[i + 1].power:
        return None
    gap = text[raw.end:raws[i + 1].start]
    if not _RANGE_GAP.fullmatch(gap) or (raw.kind == "digits" and 1900 <= raw.value <= 2100):
        return None
    # "entre 3 et 4 milliards" is a range; "1,7 milliard en 2022 et 2,1 milliards" is not
    if re.search(r"\b(?:et|and)\b", gap) and not re.search(r"(?:entre|between)\s*(?:US)?[$€£]?\s*$", text[max(0, raw.start - 14):raw.start], re.I):
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
              and _REUSE_NEXT.match(text, raw.end)):
            currency = last_currency
        if currency is None:
            continue
        qualifier, start = qualifier_span(text, start, lang)
        if qualifier == "exact" and raw.about:
            qualifier = "about"
        last_currency = currency
        out.append(MoneyMatch(start, end, text[start:end], amount, currency, qualifier))
    return out
