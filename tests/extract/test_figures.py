"""Figures (extract/figures.py): numbers about people or damage, with who claims them and how."""
from __future__ import annotations

import pytest


def only_figure(x):
    assert len(x.figures) == 1, x.figures
    return x.figures[0]


def facts(f) -> tuple:
    return (f.value, f.qualifier, f.measure, f.source.name, f.source.kind, f.stance)


def test_fr_official_toll_asserted(extract):
    text = "Selon le ministère de la Santé, au moins 45 personnes ont été tuées dans les frappes de la nuit."
    f = only_figure(extract(text))
    assert facts(f) == (45, "at_least", "killed", "ministère de la Santé", "official", "asserted")
    assert f.subject == "personnes"
    assert f.value_high is None
    assert {"au moins 45", text} <= {text[s:e] for s, e in f.evidence}


def test_fr_agency_with_conditional_is_reported(extract):
    f = only_figure(extract("Selon l'AFP, 14 personnes auraient été blessées à Tokyo."))
    assert facts(f) == (14, "exact", "injured", "AFP", "agency", "reported")
    assert f.location == "Tokyo"


def test_fr_approximate_noun_with_agency(extract):
    f = only_figure(extract("Selon l'agence Reuters, une trentaine de civils auraient été tués près de la frontière."))
    assert facts(f) == (30, "about", "killed", "Reuters", "agency", "reported")  # the name, as for "WAFA"
    assert f.subject == "civils"


def test_fr_experts_estimate(extract):
    f = only_figure(extract("Des experts estiment que 2 000 personnes ont été tuées depuis le début du conflit."))
    assert facts(f) == (2000, "exact", "killed", "experts", "expert", "estimated")


def test_fr_experts_estimate_after_elision(extract):
    f = only_figure(extract("Des experts estiment qu'environ 2 000 personnes ont été tuées."))
    assert facts(f) == (2000, "about", "killed", "experts", "expert", "estimated")


def test_fr_publication_voice(extract):
    f = only_figure(extract("Environ 120 personnes ont été tuées lors du bombardement de Kharkiv."))
    assert facts(f) == (120, "about", "killed", None, "publication", "asserted")
    assert f.location == "Kharkiv"


def test_fr_under_the_rubble_is_missing(extract):
    f = only_figure(extract("La protection civile indique que 60 personnes sont encore sous les décombres."))
    assert facts(f) == (60, "exact", "missing", "protection civile", "official", "asserted")


def test_fr_injured_with_subcount(extract):
    text = "L'attaque a fait 80 blessés, dont 12 enfants, selon les autorités locales."
    x = extract(text)
    assert [facts(f) for f in x.figures] == [
        (80, "exact", "injured", "autorités locales", "official", "asserted"),
        (12, "exact", "injured", "autorités locales", "official", "asserted"),
    ]
    assert x.figures[1].subject == "enfants"
    number_spans = [min(f.evidence, key=lambda sp: sp[1] - sp[0]) for f in x.figures]
    assert [text[s:e] for s, e in number_spans] == ["80", "12"]


def test_fr_killed_with_subcount(extract):
    x = extract("Au moins 25 personnes ont été tuées, dont 12 enfants, selon le ministère de la Santé.")
    assert [(f.value, f.qualifier, f.measure, f.subject) for f in x.figures] == [
        (25, "at_least", "killed", "personnes"), (12, "exact", "killed", "enfants")]


@pytest.mark.parametrize("text", [
    "Le Japon a déployé 3 000 soldats dans la région.",
    "Quelque 5 000 militaires espagnols participent à l'exercice.",
    "L'armée norvégienne compte 9 000 soldats.",
])
def test_fr_troop_headcount_is_not_a_figure(extract, text):
    assert extract(text).figures == []


def test_fr_source_before_speech_verb_without_auxiliary(extract):
    f = only_figure(extract("Le ministère de la Santé a annoncé que 45 personnes avaient été tuées."))
    assert (f.source.name, f.source.kind) == ("ministère de la Santé", "official")


def test_en_according_to_the_un(extract):
    text = "According to the UN, more than 300 people were killed in the fighting."
    f = only_figure(extract(text, lang="en"))
    assert facts(f) == (300, "more_than", "killed", "UN", "official", "asserted")
    assert f.subject == "people"


def test_en_killed_and_injured_are_two_figures(extract):
    x = extract("According to the UN, more than 300 people were killed and 1,200 injured in the fighting.", lang="en")
    assert [facts(f) for f in x.figures] == [
        (300, "more_than", "killed", "UN", "official", "asserted"),
        (1200, "exact", "injured", "UN", "official", "asserted"),
    ]


def test_en_troop_headcount_is_not_a_figure(extract):
    assert extract("Some 1,500 troops will be deployed to Norway.", lang="en").figures == []


def test_en_listed_subcounts_and_hospitalised(extract):
    x = extract("The death toll from the shelling has climbed to 27, including nine women and four children, "
                "the Health Minister announced. 54 people were wounded, with 12 still hospitalized.", lang="en")
    assert [(f.value, f.measure) for f in x.figures] == [
        (27, "killed"), (9, "killed"), (4, "killed"), (54, "injured"), (12, "other")]
    assert x.figures[0].source.kind == "official"
