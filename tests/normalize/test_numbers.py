import pytest
from hypothesis import given
from hypothesis import strategies as st

from armsledger.lang import get_lexicon
from armsledger.normalize.numbers import find_numbers, parse_number, qualifier_before


def values(text, lang):
    return [(n.text, n.value, n.qualifier) for n in find_numbers(text, lang)]


@pytest.mark.parametrize("text,value", [
    ("3 845", 3845), ("3\u00a0845", 3845), ("3\u202f845", 3845), ("1 234 567", 1234567),
    ("56.500", 56500), ("37.084", 37084), ("3,8", 3.8), ("1 234,5", 1234.5), ("1.234.567", 1234567),
    ("510 millions", 510_000_000), ("3,8 milliards", 3_800_000_000), ("1,7 milliard", 1_700_000_000),
    ("500 M€", 500_000_000), ("3 Md€", 3_000_000_000),
    ("deux milliards", 2_000_000_000), ("trente", 30), ("vingt-cinq", 25), ("quatre-vingt-dix", 90),
    ("soixante et onze", 71), ("un million", 1_000_000), ("deux mille trois cents", 2300),
    ("une dizaine", 10), ("une douzaine", 12), ("une vingtaine", 20), ("une centaine", 100),
    ("une quarantaine", 40), ("un millier", 1000), ("deux centaines", 200),
    ("une dizaine de milliers", 10_000),
])
def test_parse_number_fr(text, value):
    assert parse_number(text, "fr") == value


@pytest.mark.parametrize("text,value", [
    ("3,845", 3845), ("1,234,567", 1234567), ("1.2", 1.2), ("56.500", 56.5), ("1,234.5", 1234.5),
    ("1.2 billion", 1_200_000_000), ("$147.5M", 147_500_000), ("€6.3bn", 6_300_000_000),
    ("5 mn", 5_000_000), ("10k", 10_000), ("2 thousand", 2000), ("seven", 7), ("twenty-five", 25),
    ("a hundred", 100), ("one hundred and twenty", 120), ("a million", 1_000_000),
    ("a dozen", 12), ("two dozen", 24), ("2023", 2023),
])
def test_parse_number_en(text, value):
    assert parse_number(text, "en") == value


@pytest.mark.parametrize("text,lang", [
    ("dozens", "en"), ("hundreds", "en"), ("hundreds of thousands", "en"), ("des dizaines", "fr"),
    ("plusieurs centaines", "fr"), ("des milliers", "fr"), ("des millions", "fr"), ("rien", "fr"),
])
def test_parse_number_without_value(text, lang):
    assert parse_number(text, lang) is None


def test_find_numbers_fr_counts_and_qualifiers():
    text = ("Plus de 3 000 morts, au moins 20 blessés, environ 300 maisons, près de 700 soldats, "
            "quelque 40 chars, jusqu'à 3 845 obus, moins de 10 civils, au-delà de 50 villages, "
            "de l'ordre de 60 drones, presque 70 avions, approximativement 80 bateaux, "
            "plus d'un milliard, plus d’une dizaine d'otages, quatre otages et une vingtaine de morts.")
    assert values(text, "fr") == [
        ("Plus de 3 000", 3000, "more_than"), ("au moins 20", 20, "at_least"),
        ("environ 300", 300, "about"), ("près de 700", 700, "about"), ("quelque 40", 40, "about"),
        ("jusqu'à 3 845", 3845, "up_to"), ("moins de 10", 10, "fewer_than"),
        ("au-delà de 50", 50, "more_than"), ("de l'ordre de 60", 60, "about"),
        ("presque 70", 70, "about"), ("approximativement 80", 80, "about"),
        ("plus d'un milliard", 1e9, "more_than"), ("plus d’une dizaine", 10, "more_than"),
        ("quatre", 4, "exact"), ("une vingtaine", 20, "about"),
    ]


def test_find_numbers_en_counts_and_qualifiers():
    text = ("More than 300 killed, over 20 hurt, at least 5 missing, about 7, around 8, some 30,000, "
            "nearly 9, almost 10, approximately 11, an estimated 12, roughly 13, up to 3,845, "
            "as many as 14, fewer than 15, less than 16, in excess of 17, seven soldiers, "
            "twenty-five tanks, a dozen drones, dozens of homes.")
    assert values(text, "en") == [
        ("More than 300", 300, "more_than"), ("over 20", 20, "more_than"),
        ("at least 5", 5, "at_least"), ("about 7", 7, "about"), ("around 8", 8, "about"),
        ("some 30,000", 30000, "about"), ("nearly 9", 9, "about"), ("almost 10", 10, "about"),
        ("approximately 11", 11, "about"), ("an estimated 12", 12, "about"),
        ("roughly 13", 13, "about"), ("up to 3,845", 3845, "up_to"), ("as many as 14", 14, "up_to"),
        ("fewer than 15", 15, "fewer_than"), ("less than 16", 16, "fewer_than"),
        ("in excess of 17", 17, "more_than"), ("seven", 7, "exact"), ("twenty-five", 25, "exact"),
        ("a dozen", 12, "about"),
    ]


def test_find_numbers_spans_point_into_text():
    text = "Selon l'ONU, plus de 3 845 personnes"
    [n] = find_numbers(text, "fr")
    assert (n.start, n.end, text[n.start:n.end]) == (13, 26, "plus de 3 845")


@pytest.mark.parametrize("text", [
    "en 2023", "depuis 2022", "le 7 octobre 2023", "à 14h30", "à 14 h", "à 10:30", "5 %", "5%",
    "12 pour cent", "le 1er mars", "le 2e bataillon", "le 3ème", "KMU-558B/B", "F-35", "MK 82",
    "Mk 84", "AIM-120C-8", "obus de 155 mm", "obus de 155mm", "Su-27", "S-400", "24/7",
    "07/10/2023", "2023-10-07", "de 2022 à 2024", "la décennie 2018-2028", "n°2334", "mi-2024",
    "des dizaines de morts", "un soldat", "un avion neuf.",
])
def test_find_numbers_fr_exclusions(text):
    assert find_numbers(text, "fr") == []


@pytest.mark.parametrize("text", [
    "In 2023,", "since 2022", "October 7, 2023", "the 7th", "5 percent", "3 p.m.", "GBU 39",
    "No. 24", "Section 36", "between 2020 and 2022", "fiscal years 2019 through 2028",
    "the 2006 war", "120mm guns", "a 5m wall", "F/A-18", "no one", "one another", "dozens",
    "hundreds of thousands",
])
def test_find_numbers_en_exclusions(text):
    assert find_numbers(text, "en") == []


@pytest.mark.parametrize("text", [
    "Federal Register Volume 85, Number 81", "[Pages 23340-23342]", "[FR Doc No: 2020-08792]",
    "Transmittal No. 20-23", "Transmittal No.: 09-36", "or (703) 697-8976.", "This 36(b)(1) arms sale",
    "Public Law 104- 164", "Public Law 96-8.", "AAR-47A(V)2 Missile", "Mode 5+ installation", "-30-",
])
def test_notice_references_are_not_counts(text):
    assert find_numbers(text, "en") == []


def test_number_restated_in_digits_counts_once():
    assert values("up to sixteen (16) Mark VI boats and 40 (forty) cannons", "en") == [
        ("up to sixteen", 16, "up_to"), ("40", 40, "exact")]


def test_year_like_counts_are_kept():
    assert values("2000 soldats et plus de 2023 morts", "fr") == [
        ("2000", 2000, "exact"), ("plus de 2023", 2023, "more_than")]
    assert values("USD 200 million", "en") == [("200 million", 2e8, "exact")]
    assert values("$5m", "en") == [("5m", 5e6, "exact")]


def test_qualifier_before():
    assert qualifier_before("Il y a environ ", 15, "fr") == "about"
    assert qualifier_before("pas plus de ", 12, "fr") == "up_to"
    assert qualifier_before("no more than ", 13, "en") == "up_to"
    assert qualifier_before("the more ", 9, "en") == "exact"
    assert qualifier_before("", 0, "en") == "exact"


@pytest.mark.parametrize("lang,qualifier,phrase", [
    (lang, q, p) for lang in ("fr", "en") for q, ps in get_lexicon(lang).words("qualifiers").items() for p in ps])
def test_every_qualifier_phrase(lang, qualifier, phrase):
    text = f"{phrase} 300 "
    assert [n.qualifier for n in find_numbers(text, lang)] == [qualifier]
    assert find_numbers(text.capitalize(), lang)[0].start == 0


def group(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([" ", "\u00a0", "\u202f", "."]))
def test_french_grouping_round_trips(n, sep):
    assert parse_number(group(n, sep), "fr") == n
    [match] = find_numbers(f"Il y a {group(n, sep)} soldats", "fr")
    assert match.value == n and match.qualifier == "exact"


@given(st.integers(min_value=0, max_value=10**12))
def test_english_grouping_round_trips(n):
    assert parse_number(group(n, ","), "en") == n
    [match] = find_numbers(f"Officials counted {group(n, ',')} troops", "en")
    assert match.value == n


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9),
       st.sampled_from([("millions", 6), ("milliards", 9)]))
def test_french_decimal_scale_round_trips(whole, tenth, scale):
    word, power = scale
    assert parse_number(f"{whole},{tenth} {word}", "fr") == (whole * 10 + tenth) * 10 ** (power - 1)


@given(st.integers(min_value=0, max_value=999_999))
def test_spelled_numbers_match_digits(n):
    assert parse_number(_spell_en(n), "en") == n
    assert [m.value for m in find_numbers(f"they saw {_spell_en(n)} drones", "en")] == [n]


def _spell_en(n: int) -> str:
    ones = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " \
           "fifteen sixteen seventeen eighteen nineteen".split()
    tens = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()

    def below_thousand(k: int) -> list[str]:
        words = []
        if k >= 100:
            words += [ones[k // 100], "hundred"]
            k %= 100
        if k >= 20:
            words.append(tens[k // 10] + (f"-{ones[k % 10]}" if k % 10 else ""))
        elif k or not words:
            words.append(ones[k])
        return words

    if n < 1000:
        return " ".join(below_thousand(n))
    head = below_thousand(n // 1000) + ["thousand"]
    return " ".join(head + (below_thousand(n % 1000) if n % 1000 else []))
