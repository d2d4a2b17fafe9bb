from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from armsledger.normalize.dates import find_dates, month_names, resolve_relative_date

PUB = "2025-07-01"  # a Tuesday


def dates(text, lang, published=PUB):
    return [(d.text, d.value, d.kind) for d in find_dates(text, lang, published)]


@pytest.mark.parametrize("text,lang,value", [
    ("le 7 octobre 2023", "fr", "2023-10-07"),
    ("7 octobre 2023", "fr", "2023-10-07"),
    ("1er janvier 2024", "fr", "2024-01-01"),
    ("lundi 7 octobre 2024", "fr", "2024-10-07"),
    ("le 14 sept. 2023", "fr", "2023-09-14"),
    ("le 3 févr. 2022", "fr", "2022-02-03"),
    ("le 9 janv. 2024", "fr", "2024-01-09"),
    ("October 7, 2023", "en", "2023-10-07"),
    ("7 October 2023", "en", "2023-10-07"),
    ("Oct. 7, 2023", "en", "2023-10-07"),
    ("Dec 19, 2013", "en", "2013-12-19"),
    ("Monday, October 7, 2023", "en", "2023-10-07"),
    ("octobre 2023", "fr", "2023-10"),
    ("November 2024", "en", "2024-11"),
    ("Sept. 2024", "en", "2024-09"),
])
def test_absolute_dates(text, lang, value):
    [d] = find_dates(text, lang, PUB)
    assert (d.value, d.kind) == (value, "absolute")
    assert text.endswith(d.text)


def test_spans_exclude_the_article():
    text = "Le 7 octobre 2023, le Hamas a attaqué."
    [d] = find_dates(text, "fr", None)
    assert (d.start, d.end, d.text) == (3, 17, "7 octobre 2023")


@pytest.mark.parametrize("text,lang,published,value", [
    ("le 7 octobre", "fr", PUB, "2024-10-07"),        # after publication: previous year
    ("le 7 juin", "fr", PUB, "2025-06-07"),
    ("le 1er juillet", "fr", PUB, "2025-07-01"),
    ("le 7 octobre dernier", "fr", PUB, "2024-10-07"),
    ("October 7", "en", PUB, "2024-10-07"),
    ("March 31", "en", "2023-11-21", "2023-03-31"),
    ("le 7 octobre", "fr", "2025-07", "2024-10-07"),
    ("le 7 octobre", "fr", None, None),
    ("lundi", "fr", PUB, "2025-06-30"),
    ("mardi", "fr", PUB, "2025-06-24"),
    ("ce mercredi", "fr", PUB, "2025-06-25"),
    ("mardi dernier", "fr", PUB, "2025-06-24"),
    ("Monday", "en", PUB, "2025-06-30"),
    ("last Tuesday", "en", PUB, "2025-06-24"),
    ("on Tuesday", "en", PUB, "2025-06-24"),
    ("lundi", "fr", "2025-07", "2025-07"),
    ("lundi", "fr", None, None),
    ("hier", "fr", PUB, "2025-06-30"),
    ("avant-hier", "fr", PUB, "2025-06-29"),
    ("yesterday", "en", PUB, "2025-06-30"),
    ("aujourd'hui", "fr", PUB, "2025-07-01"),
    ("aujourd’hui", "fr", PUB, "2025-07-01"),
    ("today", "en", PUB, "2025-07-01"),
    ("hier", "fr", "2025-07", "2025-07"),
    ("yesterday", "en", None, None),
    ("en novembre dernier", "fr", PUB, "2024-11"),
    ("novembre dernier", "fr", PUB, "2024-11"),
    ("juin dernier", "fr", PUB, "2025-06"),
    ("juillet dernier", "fr", PUB, "2024-07"),
    ("last November", "en", PUB, "2024-11"),
    ("last November", "en", "2025-07", "2024-11"),
    ("August of last year", "en", PUB, "2024-08"),
    ("le mois dernier", "fr", PUB, "2025-06"),
    ("le mois dernier", "fr", "2025-01-15", "2024-12"),
    ("last month", "en", PUB, "2025-06"),
    ("l'année dernière", "fr", PUB, "2024"),
    ("l'an dernier", "fr", PUB, "2024"),
    ("last year", "en", PUB, "2024"),
    ("last year", "en", None, None),
])
def test_relative_dates(text, lang, published, value):
    assert resolve_relative_date(text, published, lang) == value
    [d] = find_dates(text, lang, published)
    assert d.kind == "relative"


@pytest.mark.parametrize("text,lang,value,matched", [
    ("depuis octobre 2023", "fr", "2023-10", "depuis octobre 2023"),
    ("depuis le 7 octobre 2023", "fr", "2023-10-07", "depuis le 7 octobre 2023"),
    ("depuis février 2022", "fr", "2022-02", "depuis février 2022"),
    ("depuis 2022", "fr", "2022", "depuis 2022"),
    ("since October 2023", "en", "2023-10", "since October 2023"),
    ("since 2022", "en", "2022", "since 2022"),
    ("since last year", "en", "2024", "since last year"),
])
def test_since_periods(text, lang, value, matched):
    assert dates(f"Plus de 22 milliards {text}.", lang) == [(matched, value, "since")]


def test_years_after_a_cue():
    assert dates("en 2023 et mi-2024, puis fin 2025", "fr") == [
        ("2023", "2023", "absolute"), ("2024", "2024", "absolute"), ("2025", "2025", "absolute")]
    assert dates("In 2023, 400 soldiers", "en") == [("2023", "2023", "absolute")]


def test_mixed_text_in_order():
    text = "Lundi, le ministère a annoncé que depuis le 7 octobre 2023, hier encore, 300 morts."
    assert dates(text, "fr") == [("Lundi", "2025-06-30", "relative"),
                                 ("depuis le 7 octobre 2023", "2023-10-07", "since"),
                                 ("hier", "2025-06-30", "relative")]


@pytest.mark.parametrize("text,lang", [
    ("It may 5 tanks", "en"), ("They march on", "en"), ("la planète Mars", "fr"),
    ("sept soldats", "fr"), ("3 000 soldats", "fr"), ("Ce jour-là", "fr"), ("mardi-gras", "fr"),
])
def test_not_dates(text, lang):
    assert find_dates(text, lang, PUB) == []


def test_impossible_day_falls_back_to_the_month():
    assert dates("le 31 février 2023", "fr") == [("février 2023", "2023-02", "absolute")]
    assert dates("le 32 octobre 2023", "fr") == [("octobre 2023", "2023-10", "absolute")]


_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@given(_DAYS, st.integers(min_value=0, max_value=6), st.sampled_from(["fr", "en"]))
def test_weekday_is_in_the_week_before_publication(published, weekday, lang):
    name = (["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"] if lang == "fr"
            else ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])[weekday]
    value = date.fromisoformat(resolve_relative_date(name, published.isoformat(), lang))
    assert published - timedelta(days=7) <= value < published
    assert value.weekday() == weekday


@given(_DAYS, st.sampled_from(["fr", "en"]), st.data())
def test_full_dates_round_trip(day, lang, data):
    name = data.draw(st.sampled_from([n for n, m in month_names(lang).items() if m == day.month]))
    text = f"le {day.day} {name} {day.year}" if lang == "fr" else f"on {name} {day.day}, {day.year}"
    assert [(d.value, d.kind) for d in find_dates(text, lang, None)] == [(day.isoformat(), "absolute")]


@given(_DAYS, st.integers(min_value=1, max_value=12), st.sampled_from(["fr", "en"]))
def test_last_month_name_is_strictly_before_publication(published, month, lang):
    name = next(n for n, m in month_names(lang).items() if m == month)
    text = f"{name} dernier" if lang == "fr" else f"last {name}"
    value = resolve_relative_date(text, published.isoformat(), lang)
    year, mon = map(int, value.split("-"))
    months_back = (published.year - year) * 12 + published.month - mon
    assert mon == month and 1 <= months_back <= 12


@given(_DAYS, st.integers(min_value=1, max_value=28), st.integers(min_value=1, max_value=12))
def test_yearless_date_is_on_or_before_publication(published, day, month):
    name = next(n for n, m in month_names("fr").items() if m == month)
    value = date.fromisoformat(resolve_relative_date(f"le {day} {name}", published.isoformat(), "fr"))
    assert (value.month, value.day) == (month, day)
    assert published - timedelta(days=366) < value <= published
