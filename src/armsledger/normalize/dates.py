"""Dates in French and English text, resolved against the publication date when relative.

`find_dates` finds full dates, month-year, yearless day-month, years after a cue ("en 2023"),
weekdays, "hier"/"yesterday", "novembre dernier"/"last November", "le mois dernier", "l'année
dernière" and "depuis ..."/"since ..." periods. Relative and yearless dates need `published`
("YYYY-MM-DD" or "YYYY-MM"); without it their value is None.

Every word is data in `lang/{fr,en}/calendar.json` (month and weekday names, relative-date words,
the cues before a year, ordinal suffixes, articles), read through `get_lexicon`; the patterns are
built from them at first use and cached. What stays here is the shape of a date in each language
(French "7 octobre 2023", English "October 7, 2023" or "the 7th of October"), written once per
language around those words, and the digits of days and years.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from armsledger.lang import get_lexicon, phrase_regex, words_in_every_language
from armsledger.normalize.spans import SpanCover

__all__ = ["DateMatch", "find_dates", "resolve_relative_date", "month_names"]


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    value: str | None   # "YYYY-MM-DD", "YYYY-MM", "YYYY" or None
    kind: str           # "absolute" | "relative" | "since"


_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d\u00a0\u202f])"
_DAY = r"(?P<day>[0-3]?\d)"


def month_names(lang: str) -> dict[str, int]:
    """Month names and abbreviations of `lang` ("fr", "en") mapped to 1-12."""
    return dict(get_lexicon(lang).words("month_names"))


def _names(names: list[str], lang: str) -> str:
    # English month and weekday names are capitalised; lower case "may", "march" are verbs.
    alts = phrase_regex(names)
    return f"(?:{alts})" if get_lexicon(lang).words("capitalised_names") else f"(?i:{alts})"


def _cues(words: list[str], lang: str) -> str:
    """Words before a year: in any case, or where names are capitalised, lower case or capitalised."""
    if not get_lexicon(lang).words("capitalised_names"):
        return f"(?i:{phrase_regex(words)})"
    return "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{phrase_regex([w[1:]])}"
                            for w in sorted(words, key=len, reverse=True)) + ")"


def _phrases(words: list[str]) -> str:
    return f"(?i:{phrase_regex(words)})"


@cache
def _day_shifts(lang: str) -> dict[str, int]:
    """{group name: days from publication} for the words of `relative_days` ("hier": -1)."""
    return {f"d{i}": int(days) for i, days in enumerate(get_lexicon(lang).words("relative_days"))}


@lru_cache(maxsize=None)
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    lex = get_lexicon(lang)
    mon = f"(?P<mon>{_names(list(lex.words('month_names')), lang)})(?!\\w)"
    wd = f"(?P<wd>{_names(list(lex.words('weekday_names')), lang)})(?![\\w-])"
    rel = {key: _phrases(words) for key, words in lex.words("relative_dates").items()}
    nth = f"(?:{phrase_regex(lex.words('ordinal_suffixes'))})"  # "1er", "7th"
    of = f"(?:{phrase_regex(lex.words('month_of_link'))})"       # "août de l'année dernière"
    year_cue = _cues(lex.words("date_year_cues"), lang)
    if lang == "fr":
        full = (rf"(?:{wd}\s+)?{_DAY}{nth}?\s+{mon}(?:\s+{_YEAR}|\s+(?P<last>{rel['last_after']}))?"
                .replace("(?P<wd>", "(?P<wd0>"))
        month_last = rf"{mon}\s+(?:(?P<last>{rel['last_after']})(?!\w)|{of}\s+(?P<ly>{rel['last_year']}))"
        weekday = rf"(?:(?P<this>{rel['this_before']})\s+)?{wd}(?:\s+(?P<last>{rel['last_after']}))?"
    else:
        the = f"(?:{phrase_regex(lex.words('date_articles'))})"
        full = (rf"(?:{wd},?\s+)?(?:{mon}\s+{_DAY}{nth}?(?:,?\s+{_YEAR})?"
                rf"|(?:{the}\s+)?(?P<day2>[0-3]?\d){nth}?\s+(?:{of}\s+)?"
                rf"{mon.replace('<mon>', '<mon2>')}(?:,?\s+{_YEAR.replace('<year>', '<year2>')})?)"
                ).replace("(?P<wd>", "(?P<wd0>")
        month_last = (rf"(?:(?P<last>{rel['last_before']})\s+{mon}"
                      rf"|{mon.replace('<mon>', '<mon2>')}\s+{of}\s+(?P<ly>{rel['last_year']}))")
        weekday = rf"(?:(?P<this>{rel['last_before']}|{rel['this_before']})\s+)?{wd}"
    shifts = [f"(?P<{group}>{_phrases(words)})" for group, words
              in zip(_day_shifts(lang), lex.words("relative_days").values())]
    relative = "|".join(shifts + [f"(?P<{key}>{rel[key]})" for key in (
        "last_month", "this_month", "last_year", "this_year")])
    specs = [("full_date", full + r"(?![\d\w])"), ("month_year", rf"{mon}\s+{_YEAR}"),
             ("month_last", month_last), ("relative_word", rf"(?:{relative})(?!\w)"),
             ("weekday_name", weekday), ("year_cue", rf"(?P<cue>{year_cue})\s*{_YEAR}")]
    return [(name, re.compile(rf"(?<![\w'’]){pattern}")) for name, pattern in specs]


@lru_cache(maxsize=None)
def _since_re(lang: str) -> re.Pattern[str]:
    """"depuis le" / "since" right before a date: the date opens a period."""
    since = _phrases(get_lexicon(lang).words("since_words"))
    return re.compile(rf"{since}\s+(?:{_phrases(words_in_every_language('date_articles'))}\s+)?\Z")


def _parse_published(published: str | None) -> tuple[int | None, int | None, int | None]:
    m = re.match(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published or "")
    if not m:
        return None, None, None
    year, month, day = (int(g) if g else None for g in m.groups())
    return year, month, day


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str:
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _yearless(month: int, day: int, pub: tuple[int | None, ...]) -> str | None:
    """The most recent `day month` on or before publication."""
    year, pmonth, pday = pub
    if year is None or pmonth is None:
        return None
    if (month, day) > (pmonth, pday if pday else 31):
        year -= 1
    return _fmt(year, month, day) if _valid(year, month, day) else None


def _shift_days(days: int, pub: tuple[int | None, ...]) -> str | None:
    year, month, day = pub
    if year is None or month is None:
        return None
    if day is None:
        return _fmt(year, month)
    try:
        shifted = date(year, month, day) + timedelta(days=days)
    except OverflowError:  # "demain" published on 9999-12-31: no such date
        return None
    return shifted.isoformat()


def _weekday(target: int, pub: tuple[int | None, ...]) -> str | None:
    """The most recent `target` weekday strictly before publication."""
    year, month, day = pub
    if year is None or month is None or day is None:
        return _fmt(year, month) if year and month else None
    published = date(year, month, day)
    back = (published.weekday() - target) % 7 or 7
    try:
        return (published - timedelta(days=back)).isoformat()
    except OverflowError:  # "lundi" published on 0001-01-01: no such date
        return None


def _resolve(name: str, m: re.Match[str], lang: str, pub: tuple[int | None, ...]
             ) -> tuple[str | None, str] | None:
    """(value, kind) of one pattern match, or None when the match is not a date."""
    groups = m.groupdict()
    months = get_lexicon(lang).words("month_names")
    weekdays = get_lexicon(lang).words("weekday_names")

    def month_of(key: str = "mon") -> int:
        word = groups[key]
        return months.get(word) or {k.lower(): v for k, v in months.items()}[word.lower()]

    if name == "full_date":
        two = groups.get("day2") is not None
        day = int(groups["day2"] if two else groups["day"])
        month = month_of("mon2" if two else "mon")
        year = groups.get("year2" if two else "year")
        if not 1 <= day <= 31:
            return None
        if year:
            return (_fmt(int(year), month, day), "absolute") if _valid(int(year), month, day) else None
        return _yearless(month, day, pub), "relative"
    if name == "month_year":
        return _fmt(int(groups["year"]), month_of()), "absolute"
    if name == "year_cue":
        return groups["year"], "absolute"
    if name == "month_last":
        year, pmonth, _day = pub
        if year is None or pmonth is None:
            return None, "relative"
        month = month_of("mon" if groups["mon"] else "mon2")
        if groups.get("ly"):  # "August of last year"
            return _fmt(year - 1, month), "relative"
        return _fmt(year if month < pmonth else year - 1, month), "relative"
    if name == "weekday_name":
        target = {k.lower(): v for k, v in weekdays.items()}[groups["wd"].lower()]
        return _weekday(target, pub), "relative"
    year, month, _day = pub
    key = next(k for k, v in groups.items() if v)
    if key in _day_shifts(lang):
        return _shift_days(_day_shifts(lang)[key], pub), "relative"
    if year is None:
        return None, "relative"
    if key == "last_year":
        return _fmt(year - 1), "relative"
    if key == "this_year":
        return _fmt(year), "relative"
    if month is None:
        return None, "relative"
    if key == "this_month":
        return _fmt(year, month), "relative"
    return (_fmt(year, month - 1) if month > 1 else _fmt(year - 1, 12)), "relative"


def find_dates(text: str, lang: str, published: str | None) -> list[DateMatch]:
    """Every date expression in `text`, in order, with its value resolved against `published`.

    `published` is "YYYY-MM-DD", "YYYY-MM" or None. A date after "depuis"/"since" has kind
    "since" and the start of the period as value. Unresolvable dates keep value None.
    """
    lang = lang if lang in ("fr", "en") else "en"
    pub = _parse_published(published)
    taken = SpanCover(len(text))
    found: list[DateMatch] = []
    for name, pattern in _patterns(lang):
        for m in pattern.finditer(text):
            start, end = m.span()
            if name == "year_cue":
                start = m.start("year")
            if taken.overlaps(start, end):
                continue
            resolved = _resolve(name, m, lang, pub)
            if resolved is None:
                continue
            value, kind = resolved
            since = _since_re(lang).search(text[max(0, start - 14):start])
            if since:
                start, kind = start - len(since.group()), "since"
            taken.add(start, end)
            found.append(DateMatch(start, end, text[start:end], value, kind))
    return sorted(found, key=lambda d: d.start)


def resolve_relative_date(expr: str, published: str | None, lang: str) -> str | None:
    """The value of the first date in `expr` ("lundi", "last November", "le 7 octobre").

    Returns None when `expr` holds no date or it cannot be resolved against `published`.
    """
    found = find_dates(expr, lang, published)
    return found[0].value if found else None
