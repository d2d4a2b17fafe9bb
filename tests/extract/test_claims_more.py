"""Figures decided by the word that governs the count in the parse (extract/figures.py): the verb
or noun the counted phrase hangs on, a participle on it, a condition its clause names, the verb
after a long counted phrase; and a cue word that counts something else."""
from __future__ import annotations

import pytest


def facts(x) -> list[tuple]:
    return [(f.value, f.qualifier, f.measure, f.subject) for f in x.figures]


@pytest.mark.parametrize("lang, text, expected", [
    # released captives are not counted as held: the release decides
    ("fr", "L'opération menée dimanche a permis la libération de six otages.", (6, "exact", "other", "otages")),
    ("en", "The raid on Saturday freed four hostages.", (4, "exact", "other", "hostages")),
    # an execution is a killing
    ("fr", "Des ONG dénoncent l'exécution sommaire de 300 civils dans le village.", (300, "exact", "killed", "civils")),
    ("en", "Rights groups denounced the summary execution of 300 civilians in the village.",
     (300, "exact", "killed", "civilians")),
    # the bodies of the counted people
    ("fr", "Les secouristes ont retrouvé le lendemain les corps de deux pilotes.", (2, "exact", "killed", "pilotes")),
    ("en", "Rescuers found the bodies of two pilots the next day.", (2, "exact", "killed", "pilots")),
    # losing people, when the count names people
    ("fr", "Une enseignante a raconté avoir perdu 12 membres de sa famille dans les frappes.",
     (12, "exact", "killed", "membres")),
    ("en", "A teacher recounted losing 12 members of her family in the strikes.", (12, "exact", "killed", "members")),
    # put out of action
    ("fr", "L'armée affirme avoir mis hors de combat 40 combattants lors du raid.", (40, "exact", "other", "combattants")),
    ("en", "The army says it put out of action 40 fighters during the raid.", (40, "exact", "other", "fighters")),
    ("fr", "L'armée affirme avoir neutralisé 40 jihadistes lors de l'opération.", (40, "exact", "other", "jihadistes")),
    ("en", "The army said it neutralized 40 militants during the operation.", (40, "exact", "other", "militants")),
])
def test_governing_word_decides_the_measure(extract, lang, text, expected):
    assert facts(extract(text, lang=lang)) == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Selon le PAM, près de 25 millions de personnes font face à la faim.", (25_000_000, "about", "other", "personnes")),
    ("en", "According to the WFP, nearly 25 million people are facing hunger.", (25_000_000, "about", "other", "people")),
    ("en", "The drought brought a population of 8 million to the brink of famine.", (8_000_000, "exact", "other", None)),
])
def test_hunger_named_by_the_clause_is_a_figure(extract, lang, text, expected):
    assert facts(extract(text, lang=lang)) == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Au moins 4000 habitants de la vallée située au nord du grand fleuve ont été tués depuis mai.",
     (4000, "at_least", "killed", "habitants")),
    ("en", "In the war on the island, in which more than 4,000 people, mostly farmers and fishermen, have been killed,"
           " the army kept fighting.", (4000, "more_than", "killed", "people")),
])
def test_verb_after_a_long_counted_phrase(extract, lang, text, expected):
    assert facts(extract(text, lang=lang)) == [expected]


@pytest.mark.parametrize("lang, text", [
    # a count of places that received casualties is not a count of casualties
    ("fr", "Selon l'hôpital, deux autres cliniques ont aussi reçu de nombreux blessés."),
    ("en", "According to the hospital, two other clinics also received many wounded."),
    # those who carry, treat or shelter casualties counted apart are not the casualties
    ("fr", "Deux hôpitaux, qui ont reçu de nombreux blessés, ont été touchés lundi."),
    ("en", "Two hospitals, which received many wounded, were hit on Monday."),
    ("fr", "Les 3 ambulances ont transporté des dizaines de blessés vers la ville."),
    ("en", "The 3 ambulances carried dozens of wounded to the city."),
    ("fr", "Six écoles abritent désormais des milliers de familles déplacées."),
    ("en", "Six schools now shelter thousands of displaced families."),
    # a body of people, a corps of soldiers: not their bodies
    ("fr", "Paris a envoyé un corps expéditionnaire de 2 000 soldats."),
    ("en", "A body of 15 experts will review the deal."),
    # losing, releasing or executing things is not a casualty count
    ("fr", "L'équipe a perdu trois matchs cette saison."),
    ("en", "The team lost three matches this season."),
    ("fr", "L'armée a libéré trois villages du nord."),
    ("en", "The army freed three villages in the north."),
    ("fr", "Le tribunal a ordonné l'exécution de trois contrats."),
    ("en", "The army released three videos of the raid."),
    ("fr", "L'armée a neutralisé trois drones."),
    ("en", "The army neutralized three drones."),
    # places facing hunger are not people facing it
    ("fr", "Trois provinces font face à la famine."),
    ("en", "Three provinces are facing famine."),
])
def test_no_figure(extract, lang, text):
    assert facts(extract(text, lang=lang)) == []


def aid_facts(x) -> list[tuple]:
    return [(a.donor.id, a.recipient.id, a.value.amount, a.value.currency, a.kind) for a in x.aid]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "La France et la Jordanie ont signé lundi un protocole d'accord pour fournir à la Jordanie 2 milliards "
           "d'euros d'aide militaire sur cinq ans. Il remplacera l'actuel protocole de 1 milliard d'euros, qui expire "
           "l'an prochain.",
     [("FRA", "JOR", 2e9, "EUR", "military_aid"), ("FRA", "JOR", 1e9, "EUR", "military_aid")]),
    ("en", "The United States and Jordan signed a memorandum of understanding (MoU) on Monday to give Jordan $2 billion "
           "in military aid over five years. It will replace the current $1 billion MoU, which expires next year.",
     [("USA", "JOR", 2e9, "USD", "military_aid"), ("USA", "JOR", 1e9, "USD", "military_aid")]),
    # another amount on another noun is not that aid told again
    ("en", "The United States gave Jordan $2 billion in military aid. The country also signed a $1 billion contract "
           "with a French firm.", [("USA", "JOR", 2e9, "USD", "military_aid")]),
])
def test_aid_agreement_told_again_by_its_noun(extract, lang, text, expected):
    assert aid_facts(extract(text, lang=lang)) == expected


@pytest.mark.parametrize("lang, text, source", [
    ("fr", "Une frappe aérienne a fait au moins 40 morts vendredi dans la ville. La frappe a tué au moins 40 personnes, "
           "selon la Croix-Rouge.", "Croix-Rouge"),
    ("en", "An airstrike on Friday left at least 40 dead in the town. The strike killed at least 40 people, according to "
           "the Red Cross.", "Red Cross"),
])
def test_figure_told_again_with_its_source(extract, lang, text, source):
    figures = extract(text, lang=lang).figures
    assert [(f.value, f.qualifier, f.measure, f.source.name, f.source.kind, f.stance) for f in figures] == \
        [(40, "at_least", "killed", source, "ngo", "asserted")]


@pytest.mark.parametrize("lang, text, expected", [
    # what the verb makes its object do decides, not the homes named after it
    ("fr", "Les bombardements ont contraint plus de 20 000 habitants à fuir leurs maisons.",
     (20000, "more_than", "displaced", "habitants")),
    ("en", "The bombardment forced more than 20,000 residents to flee their homes.",
     (20000, "more_than", "displaced", "residents")),
    ("fr", "Les rebelles ont pris 30 villageois en otage lors du raid.", (30, "exact", "detained", "villageois")),
    ("en", "Rebels took 30 villagers hostage in the raid.", (30, "exact", "detained", "villagers")),
    ("fr", "La police a interpellé 45 manifestants dimanche.", (45, "exact", "detained", None)),
    ("fr", "Quelque 120 familles ont été évacuées du village.", (120, "about", "displaced", None)),
    ("en", "Some 120 families were evacuated from the village.", (120, "about", "displaced", None)),
])
def test_more_measures(extract, lang, text, expected):
    assert facts(extract(text, lang=lang)) == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    # killed and wounded counted together are `other`
    ("fr", "Plus de 300 personnes ont été tuées ou blessées dans l'attaque.", [(300, "more_than", "other", "personnes")]),
    ("en", "More than 300 people were killed or wounded in the attack.", [(300, "more_than", "other", "people")]),
    ("fr", "Les heurts ont fait 52 morts ou blessés.", [(52, "exact", "other", None)]),
    ("en", "The clashes left 52 dead or injured.", [(52, "exact", "other", None)]),
    # each with its own number stays apart
    ("fr", "Cinq personnes ont été tuées et 10 blessées.", [(5, "exact", "killed", "personnes"), (10, "exact", "injured", None)]),
    ("en", "At least 40 villagers have been killed and over 75 have been injured since the spring.",
     [(40, "at_least", "killed", "villagers"), (75, "more_than", "injured", None)]),
])
def test_casualties_counted_together(extract, lang, text, expected):
    assert facts(extract(text, lang=lang)) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # who kills, wounds or holds others is not counted among the casualties
    ("fr", "Trois hommes armés ont tué 10 personnes au marché.", [(10, "exact", "killed", "personnes")]),
    ("en", "Three gunmen killed 10 people in the market.", [(10, "exact", "killed", "people")]),
    ("fr", "Deux drones ont blessé 5 soldats.", [(5, "exact", "injured", "soldats")]),
    ("en", "Two drones wounded 5 soldiers.", [(5, "exact", "injured", "soldiers")]),
    # a subject with no one else acted on is the casualty
    ("en", "Three soldiers died in the crash.", [(3, "exact", "killed", "soldiers")]),
    ("en", "More than 20,000 residents fled their homes.", [(20000, "more_than", "displaced", "residents")]),
])
def test_the_agent_is_not_a_casualty(extract, lang, text, expected):
    assert facts(extract(text, lang=lang)) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # "10 autres": a number on a pronoun-like head still hangs on its verb
    ("fr", "La frappe a touché un immeuble, tuant 5 personnes et en blessant 10 autres.",
     [(5, "exact", "killed", "personnes"), (10, "exact", "injured", None)]),
    ("en", "The strike hit a building, killing 5 people and injuring 10 others.",
     [(5, "exact", "killed", "people"), (10, "exact", "injured", "others")]),
    # only the noun a count complements names its measure, not a noun further up
    ("fr", "L'accord prévoit la libération de 33 otages en échange de 1 900 prisonniers palestiniens.",
     [(33, "exact", "other", "otages"), (1900, "exact", "detained", "prisonniers")]),
    ("en", "The deal provides for the release of 33 hostages in exchange for 1,900 prisoners.",
     [(33, "exact", "other", "hostages"), (1900, "exact", "detained", "prisoners")]),
])
def test_what_the_count_hangs_on(extract, lang, text, expected):
    assert facts(extract(text, lang=lang)) == expected
