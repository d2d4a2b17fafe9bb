import pytest
from hypothesis import given
from hypothesis import strategies as st

from armsledger.normalize.money import find_money


def money(text, lang):
    return [(m.text, m.amount, m.currency, m.qualifier) for m in find_money(text, lang)]


@pytest.mark.parametrize("text,amount,currency", [
    ("510 millions de dollars", 510e6, "USD"),
    ("3,8 milliards de dollars", 3.8e9, "USD"),
    ("6,3 milliards d'euros", 6.3e9, "EUR"),
    ("17 milliards d’euros", 17e9, "EUR"),
    ("2 milliards d'euros", 2e9, "EUR"),
    ("1 milliard de livres sterling", 1e9, "GBP"),
    ("400 millions de francs suisses", 400e6, "CHF"),
    ("5 milliards de dollars américains", 5e9, "USD"),
    ("3 milliards de roubles", 3e9, "RUB"),
    ("2 milliards de yuans", 2e9, "CNY"),
    ("10 milliards de wons", 10e9, "KRW"),
    ("deux milliards de dollars", 2e9, "USD"),
    ("un milliard de dollars", 1e9, "USD"),
    ("500 M€", 500e6, "EUR"),
    ("3 Md€", 3e9, "EUR"),
    ("5 milliards $US", 5e9, "USD"),
    ("10 000 €", 10_000, "EUR"),
])
def test_french_amounts(text, amount, currency):
    assert money(text, "fr") == [(text, amount, currency, "exact")]


@pytest.mark.parametrize("text,amount,currency", [
    ("$510 million", 510e6, "USD"),
    ("$1.2 billion", 1.2e9, "USD"),
    ("$3.64 billion", 3.64e9, "USD"),
    ("$147.5M", 147.5e6, "USD"),
    ("US$ 5 billion", 5e9, "USD"),
    ("US$250 million", 250e6, "USD"),
    ("USD 200 million", 200e6, "USD"),
    ("200 million USD", 200e6, "USD"),
    ("€6.3bn", 6.3e9, "EUR"),
    ("£1bn", 1e9, "GBP"),
    ("¥3 billion", 3e9, "JPY"),
    ("$5m", 5e6, "USD"),
    ("$ 2.5 million", 2.5e6, "USD"),
    ("$0 million", 0, "USD"),
    ("5 billion yen", 5e9, "JPY"),
    ("2 million pounds", 2e6, "GBP"),
    ("C$1.5 billion", 1.5e9, "CAD"),
])
def test_english_amounts(text, amount, currency):
    assert money(text, "en") == [(text, amount, currency, "exact")]


def test_qualifiers_come_from_the_words_before():
    assert money("près de 700 millions d'euros et jusqu'à 3 milliards d'euros, plus d'un "
                 "milliard de dollars, environ 5,4 milliards d'euros", "fr") == [
        ("près de 700 millions d'euros", 700e6, "EUR", "about"),
        ("jusqu'à 3 milliards d'euros", 3e9, "EUR", "up_to"),
        ("plus d'un milliard de dollars", 1e9, "USD", "more_than"),
        ("environ 5,4 milliards d'euros", 5.4e9, "EUR", "about"),
    ]
    assert money("approximately $2 billion, an estimated $1.2 billion, up to $550 million, "
                 "an estimated cost of $98 million", "en") == [
        ("approximately $2 billion", 2e9, "USD", "about"),
        ("an estimated $1.2 billion", 1.2e9, "USD", "about"),
        ("up to $550 million", 550e6, "USD", "up_to"),
        ("$98 million", 98e6, "USD", "exact"),
    ]


def test_bare_scaled_amount_reuses_previous_currency():
    text = "L'UE a versé 6,3 milliards d'euros, dont 1,7 milliard pour les munitions."
    assert money(text, "fr") == [("6,3 milliards d'euros", 6.3e9, "EUR", "exact"),
                                 ("1,7 milliard", 1.7e9, "EUR", "exact")]
    assert money("Il a promis 1,7 milliard.", "fr") == []
    assert money("$3 billion in aid for 2 million people", "en") == [
        ("$3 billion", 3e9, "USD", "exact")]


def test_range_lower_bound_takes_scale_and_currency():
    assert money("de 2 à 2,6 milliards de dollars", "fr") == [
        ("2", 2e9, "USD", "exact"), ("2,6 milliards de dollars", 2.6e9, "USD", "exact")]
    assert money("between $3 and $4 billion", "en") == [
        ("$3", 3e9, "USD", "exact"), ("$4 billion", 4e9, "USD", "exact")]


def test_converted_amount_in_brackets():
    assert money("un contrat de 1,3 milliard de dollars (1,2 milliard d'euros)", "fr") == [
        ("1,3 milliard de dollars", 1.3e9, "USD", "exact"),
        ("1,2 milliard d'euros", 1.2e9, "EUR", "exact")]


def test_federal_register_leaders():
    text = "Major Defense Equipment * .......... $ 2.5 million\nTOTAL .......... $510 million"
    assert money(text, "en") == [("$ 2.5 million", 2.5e6, "USD", "exact"),
                                 ("$510 million", 510e6, "USD", "exact")]


@pytest.mark.parametrize("text,lang", [
    ("500 pounds of explosives", "en"), ("20 livres", "fr"), ("des millions de dollars", "fr"),
    ("des centaines de millions de dollars", "fr"), ("300 soldats", "fr"), ("F-35", "en"),
])
def test_not_money(text, lang):
    assert find_money(text, lang) == []


def test_spans_point_into_text():
    text = "Washington a promis plus de 3,8 milliards de dollars."
    [m] = find_money(text, "fr")
    assert text[m.start:m.end] == m.text == "plus de 3,8 milliards de dollars"


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("millions", 6), ("milliards", 9)]),
       st.sampled_from([("de dollars", "USD"), ("d'euros", "EUR"), ("d’euros", "EUR"),
                        ("de livres sterling", "GBP")]))
def test_french_amounts_round_trip(whole, tenth, scale, unit):
    word, power = scale
    phrase, currency = unit
    number = f"{whole},{tenth}" if tenth else str(whole)
    [m] = find_money(f"Un contrat de {number} {word} {phrase} a été signé.", "fr")
    assert m.amount == (whole * 10 + tenth) * 10 ** (power - 1)
    assert m.currency == currency and m.qualifier == "exact"


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["$", "€", "£", "US$ "]))
def test_english_grouped_amounts_round_trip(n, symbol):
    [m] = find_money(f"The deal is worth {symbol}{n:,} in total.", "en")
    assert m.amount == n


@given(st.decimals(min_value=1, max_value=999, places=2),
       st.sampled_from([("million", 6), ("billion", 9), ("bn", 9), ("M", 6)]))
def test_english_scaled_amounts_round_trip(amount, scale):
    word, power = scale
    sep = "" if word in ("bn", "M") else " "
    [m] = find_money(f"a sale of ${amount}{sep}{word}", "en")
    assert m.amount == float(amount * 10 ** power)


def test_yearly_amounts_joined_by_and_are_not_a_range():
    # regression: "1,5 milliard en 2021 et 2,4 milliards" once read as 2 021 milliards
    got = money("un soutien de 1,5 milliard d'euros en 2021 et 2,4 milliards en 2024", "fr")
    assert [(m[1], m[2]) for m in got] == [(1.5e9, "EUR"), (2.4e9, "EUR")]
