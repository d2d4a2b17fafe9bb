"""The weapons catalogue and matcher (normalize.weapons): designations, names, generic nouns."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from armsledger.normalize.weapons import (
    DESIGNATION_RE,
    WeaponMatch,
    find_weapons,
    is_support_noun,
    lookup_designation,
    normalise_designation,
)

CATEGORIES = {"aircraft", "air_defence", "anti_submarine", "armoured_vehicle", "artillery", "engine",
              "missile", "naval_weapon", "satellite", "sensor", "ship", "other"}


def facts(text: str, lang: str, kinds=("designation", "name")) -> list[tuple]:
    return [(w.designation, w.family, w.category, w.kind) for w in find_weapons(text, lang) if w.kind in kinds]


def regex_hits(text: str) -> list[str]:
    return [m.group() for m in DESIGNATION_RE.finditer(text)]


# --- designations -------------------------------------------------------------------------------

def test_jdam_kits_and_bomb_bodies_fr():
    text = ("La vente comprend 3 845 kits KMU-558B/B JDAM pour corps de bombes BLU-109 "
            "et des kits KMU-572 F/B pour les corps de bombes MK 82.")
    assert facts(text, "fr") == [
        ("KMU-558B/B", "JDAM", "missile", "designation"),
        ("JDAM", "JDAM", "missile", "name"),
        ("BLU-109", None, "other", "designation"),
        ("KMU-572 F/B", "JDAM", "missile", "designation"),
        ("MK 82", None, "other", "designation"),
    ]


def test_offsets_and_text_as_written():
    text = "Il s'agit de kits KMU-572 F/B."
    (w,) = [w for w in find_weapons(text, "fr") if w.kind == "designation"]
    assert text[w.start:w.end] == w.text == "KMU-572 F/B"
    assert isinstance(w, WeaponMatch) and w.description == "guidance kit"


@pytest.mark.parametrize("text, designation, family, category", [
    ("Poland will receive AIM-120C-8 missiles.", "AIM-120C-8", "AMRAAM", "missile"),
    ("Also 40 AIM-9X Block II missiles.", "AIM-9X Block II", "Sidewinder", "missile"),
    ("JASSM-ER rounds (AGM-158B-2) are included.", "AGM-158B-2", "JASSM", "missile"),
    ("Egypt bought 250 M1A2 SEPv3 tanks.", "M1A2 SEPv3", "Abrams", "armoured_vehicle"),
    ("Taiwan asked for M1A2 SEP v3 kits.", "M1A2 SEP v3", "Abrams", "armoured_vehicle"),
    ("Three AN/MPQ-64F1 Sentinel radars.", "AN/MPQ-64F1", "Sentinel", "sensor"),
    ("One AN/TPY-2 radar was sold.", "AN/TPY-2", "THAAD", "sensor"),
    ("It includes 45 F117-PW-100 engines.", "F117-PW-100", None, "engine"),
    ("Spare T700-GE-701D engines too.", "T700-GE-701D", None, "engine"),
    ("Twelve F-35A aircraft.", "F-35A", "F-35", "aircraft"),
    ("Twelve F/A-18E Super Hornets.", "F/A-18E", "F/A-18", "aircraft"),
    ("Four MQ-9B SkyGuardian.", "MQ-9B", "MQ-9", "aircraft"),
    ("Two KC-46A tankers.", "KC-46A", "KC-46", "aircraft"),
    ("Eight C-130J-30 transports.", "C-130J-30", "C-130", "aircraft"),
    ("Ten CH-47F helicopters.", "CH-47F", "Chinook", "aircraft"),
    ("Eighteen M142 launchers.", "M142", "HIMARS", "artillery"),
    ("Thirty M777A2 guns.", "M777A2", "M777", "artillery"),
    ("Fifty M109A7 vehicles.", "M109A7", "Paladin", "artillery"),
    ("Sixty M2A4 vehicles.", "M2A4", "Bradley", "armoured_vehicle"),
    ("GMLRS M31A2 rockets.", "M31A2", "GMLRS", "missile"),
    ("The M57 missiles.", "M57", "ATACMS", "missile"),
    ("Ten GBU-39/B bombs.", "GBU-39/B", "SDB", "missile"),
    ("Ten GBU-31(V)1/B bombs.", "GBU-31(V)1/B", "JDAM", "missile"),
    ("Ten GBU-53/B bombs.", "GBU-53/B", "StormBreaker", "missile"),
    ("Ten BLU-109/B bodies.", "BLU-109/B", None, "other"),
    ("Six Mk 48 Mod 6 torpedoes.", "Mk 48 Mod 6", None, "missile"),
    ("Six MK 54 Mod 0 torpedoes.", "MK 54 Mod 0", "MK 54", "missile"),
    ("One MK 41 launcher.", "MK 41", "MK 41", "naval_weapon"),
    ("Patriot PAC-3 MSE interceptors.", "PAC-3 MSE", "Patriot", "missile"),
    ("GEM-T missiles as well.", "GEM-T", "Patriot", "missile"),
    ("Les F-16 Block 70 arrivent.", "F-16 Block 70", "F-16", "aircraft"),
    ("Ten FGM-148F missiles.", "FGM-148F", "Javelin", "missile"),
    ("Ten RGM-84Q-4 missiles.", "RGM-84Q-4", "Harpoon", "missile"),
    ("Some AGM-114R missiles.", "AGM-114R", "Hellfire", "missile"),
])
def test_single_designation(text, designation, family, category):
    hits = [w for w in find_weapons(text, "en") if w.kind == "designation"]
    assert [(w.designation, w.family, w.category) for w in hits] == [(designation, family, category)]


def test_unicode_dashes_and_plurals():
    (w,) = [w for w in find_weapons("Des F\u201116s et", "fr") if w.kind == "designation"]
    assert (w.text, w.designation, w.family) == ("F\u201116s", "F-16", "F-16")
    assert regex_hits("two C\u201317s and AIM\u2013120Cs") == ["C\u201317s", "AIM\u2013120Cs"]
    assert [w.designation for w in find_weapons("two C-17s and AIM-120Cs", "en")
            if w.kind == "designation"] == ["C-17", "AIM-120C"]


def test_french_spaced_series_letter():
    assert regex_hits("Le pays commande des F-35 A.") == ["F-35 A"]
    assert regex_hits("livrés F-35 A partir de 2026") == ["F-35"]


def test_korean_and_soviet_forms():
    assert facts("Varsovie a commandé 180 K-2 et des K-2PL, puis des obusiers K9.", "fr") == [
        ("K-2", "K2", "armoured_vehicle", "designation"),
        ("K-2PL", "K2", "armoured_vehicle", "designation"),
        ("K9", "K9", "artillery", "designation"),
    ]
    assert [f[:3] for f in facts("Su-35, MiG-29, S-400 and T-72 tanks", "en")] == [
        ("Su-35", "Sukhoi", "aircraft"), ("MiG-29", "MiG", "aircraft"),
        ("S-400", "S-400", "air_defence"), ("T-72", "T-72", "armoured_vehicle")]


def test_bare_jetds_and_unknown_designations():
    assert regex_hits("AAR-47A(V)2, ALE-47(V), APR-39B(V)2 and APX-119") == [
        "AAR-47A(V)2", "ALE-47(V)", "APR-39B(V)2", "APX-119"]
    assert lookup_designation("APR-39B(V)2") == (None, "sensor")
    (w,) = find_weapons("250 M204 machine guns", "en")[:1]
    assert (w.designation, w.family, w.category, w.kind) == ("M204", None, None, "designation")


@pytest.mark.parametrize("text", [
    "COVID-19 cases rose in 2023.",
    "The G-7 and G-20 met; the EU-27 and l'UE-27 agreed.",
    "Take the A-1 road or the M4 motorway; the M25 motorway was shut.",
    "M23 rebels took Goma.",
    "JP-8 fuel and K-12 schools, a USB-3 cable.",
    "Senate Foreign Relations Committee, room SD-423.",
    "Le 14 juillet 2024, à 18 h 30, 3 845 personnes.",
    "A Mark of respect; Mark Rutte said.",
])
def test_no_designation_in_ordinary_text(text):
    assert regex_hits(text) == []


# --- names ----------------------------------------------------------------------------------------

def test_caesar_names_fr():
    text = "La France a livré des canons Caesar, puis des César de 155 mm et des Ceasar."
    assert facts(text, "fr") == [
        ("Caesar", "Caesar", "artillery", "name"),
        ("César", "Caesar", "artillery", "name"),
        ("Ceasar", "Caesar", "artillery", "name"),
    ]


def test_names_and_variants():
    got = facts("des Rafales, des Leopard 2A6, le système IRIS-T SLM, le SAMP/T et des Himars", "fr")
    assert got == [
        ("Rafale", "Rafale", "aircraft", "name"),
        ("Leopard 2A6", "Leopard", "armoured_vehicle", "name"),
        ("IRIS-T SLM", "IRIS-T", "air_defence", "name"),
        ("SAMP/T", "SAMP/T", "air_defence", "name"),
        ("Himars", "HIMARS", "artillery", "name"),
    ]
    assert facts("drones Shahed-136 and the Iron Dome", "en") == [
        ("Shahed-136", "Shahed", "missile", "name"),
        ("Iron Dome", "Iron Dome", "air_defence", "name"),
    ]


def test_systems_of_many_makers():
    assert facts("Australia sends 30 Bushmaster vehicles; India buys BrahMos missiles and a KC-390.", "en") == [
        ("Bushmaster", "Bushmaster", "armoured_vehicle", "name"),
        ("BrahMos", "BrahMos", "missile", "name"),
        ("KC-390", "C-390", "aircraft", "designation"),
    ]
    assert facts("La Grèce a commandé trois frégates Belharra et deux sous-marins Type 214.", "fr") == [
        ("Belharra", "FDI", "ship", "name"),
        ("Type 214", "Type 214", "ship", "designation"),
    ]


def test_equipment_and_spares_are_support_words():
    assert is_support_noun("equipment", "en")
    assert is_support_noun("4 spares", "en")
    assert is_support_noun("équipements", "fr")


def test_patriot_system_versus_missile():
    assert facts("a Patriot battery with PAC-3 missiles", "en") == [
        ("Patriot", "Patriot", "air_defence", "name"),
        ("PAC-3", "Patriot", "missile", "designation"),
    ]


def test_ambiguous_names_need_equipment_context():
    assert facts("Le match entre l'Inter Milan et Naples; Mistral AI lève des fonds.", "fr") == []
    assert facts("Stacey Abrams spoke in Atlanta.", "en") == []
    assert facts("Paris livre des missiles antichars Milan et des chars Leclerc.", "fr") == [
        ("Milan", "Milan", "missile", "name"), ("Leclerc", "Leclerc", "armoured_vehicle", "name")]


# --- generic nouns -----------------------------------------------------------------------------

def test_generic_nouns_en():
    got = [(w.text, w.description, w.category) for w in find_weapons(
        "Ukraine gets 10 patrol boats, 155mm artillery shells and kamikaze drones.", "en")]
    assert got == [("patrol boats", "patrol boat", "ship"),
                   ("artillery shells", "artillery shell", "other"),
                   ("kamikaze drones", "kamikaze drone", "missile")]
    assert all(w.designation is None and w.family is None and w.kind == "generic"
               for w in find_weapons("two drones and a howitzer", "en"))


def test_generic_nouns_fr():
    got = [(w.text, w.description, w.category) for w in find_weapons(
        "Kiev recevra des chars de combat, des obus, des drones kamikazes, des missiles antichars "
        "et un système de défense anti-aérienne, ainsi que des sous-marins.", "fr")]
    assert got == [("chars de combat", "char de combat", "armoured_vehicle"),
                   ("obus", "obus", "other"),
                   ("drones kamikazes", "drone kamikaze", "missile"),
                   ("missiles antichars", "missile antichar", "missile"),
                   ("système de défense anti-aérienne", "système de défense anti-aérienne", "air_defence"),
                   ("sous-marins", "sous-marin", "ship")]


def test_support_words_and_idioms_are_not_items():
    text = "spare parts, training, technical support, publications and other related equipment"
    assert find_weapons(text, "en") == []
    assert find_weapons("le soutien logistique, la formation et des pièces de rechange", "fr") == []
    assert find_weapons("A think tank said the second round of talks failed.", "en") == []
    assert find_weapons("un moteur de recherche, passé sous les radars", "fr") == []


def test_is_support_noun():
    assert is_support_noun("spare parts", "en")
    assert is_support_noun("Technical Support", "en")
    assert is_support_noun("pièces de rechange", "fr")
    assert is_support_noun("formation", "fr")
    assert not is_support_noun("patrol boats", "en")
    assert not is_support_noun("training missiles", "en")
    assert not is_support_noun("canons", "fr")


# --- lookup and normalisation --------------------------------------------------------------------

@pytest.mark.parametrize("designation, expected", [
    ("AIM-120C-8", ("AMRAAM", "missile")),
    ("KMU-572F/B", ("JDAM", "missile")),
    ("kmu 572 f/b", ("JDAM", "missile")),
    ("KMU-556C/B", ("JDAM", "missile")),
    ("GBU-38/B", ("JDAM", "missile")),
    ("MK-84", (None, "other")),
    ("Mark 48", (None, "missile")),
    ("AN/MPQ-65A", ("Patriot", "sensor")),
    ("M1A1", ("Abrams", "armoured_vehicle")),
    ("M1097", ("HMMWV", "other")),   # not M109 (Paladin)
    ("C-17A", ("C-17", "aircraft")),
    ("F-16V", ("F-16", "aircraft")),
    ("Caesar", ("Caesar", "artillery")),
    ("SUU-64/B", None),              # not Su- (Sukhoi)
    ("XYZ-1", None),
])
def test_lookup_designation(designation, expected):
    assert lookup_designation(designation) == expected


def test_normalise_designation():
    assert normalise_designation("F\u201316s") == "F-16"
    assert normalise_designation("KMU-572\u00a0 F/B") == "KMU-572 F/B"
    assert normalise_designation(" AIM-120Cs ") == "AIM-120C"
    assert normalise_designation("Abrams") == "Abrams"
    assert normalise_designation("HIMARS") == "HIMARS"


@given(st.text(alphabet=st.sampled_from(list("AFKMU-/ s0129\u2013\u2011\u00a0\tBCs()V")), max_size=30))
def test_normalise_designation_idempotent_on_designation_alphabet(text):
    once = normalise_designation(text)
    assert normalise_designation(once) == once


@given(st.text(max_size=40))
def test_normalise_designation_idempotent(text):
    once = normalise_designation(text)
    assert normalise_designation(once) == once


def test_catalogue_categories_are_sipri():
    text = ("Caesar Rafale Patriot NASAMS THAAD Leopard 2 Gepard HIMARS ATACMS JDAM Javelin Stinger "
            "Bradley vehicles, AIM-120 AH-64 UH-60 CH-47 M1A2 M142 M270 M777 AN/TPY-2 MK 48 MK 41 F135")
    found = find_weapons(text, "en")
    assert len(found) >= 25
    assert {w.category for w in found} <= CATEGORIES


@pytest.mark.parametrize("text, lang, kept", [
    ("Twelve Guided Multiple Launch Rocket System pods.", "en", []),
    ("The Integrated Air and Missile Defense network.", "en", []),
    ("Contractor: Acme Missile Systems Company.", "en", []),
    ("Twenty Electro-Optics-Infrared Radars (16 installed).", "en", ["Radars"]),
    ("Le Système Sol-Air Moyenne Portée Terrestre.", "fr", []),
    ("Missiles et Obus livrés.", "fr", ["Missiles", "Obus"]),
])
def test_capitalised_noun_inside_a_name_is_not_an_item(text, lang, kept):
    assert [w.text for w in find_weapons(text, lang) if w.kind == "generic"] == kept


@pytest.mark.parametrize("text, mention, designation", [
    ("500 Guided Multiple Launch Rocket System (GMLRS) rockets",
     "Guided Multiple Launch Rocket System (GMLRS)", "GMLRS"),
    ("300 Patriot Advanced Capability (PAC-3) missiles", "Patriot Advanced Capability (PAC-3)", "PAC-3"),
    ("24 M142 High Mobility Artillery Rocket Systems (HIMARS) launchers",
     "High Mobility Artillery Rocket Systems (HIMARS)", "HIMARS"),
])
def test_spelled_out_acronym_is_one_mention(text, mention, designation):
    found = [(w.text, w.designation) for w in find_weapons(text, "en") if w.kind != "generic"]
    assert (mention, designation) in found


@pytest.mark.parametrize("text", [
    "They sold missiles to Germany (GMLRS) last year.",   # the words do not spell it
    "Rockets for the (HIMARS) launchers.",
])
def test_no_spelled_out_acronym(text):
    assert all("(" not in w.text for w in find_weapons(text, "en"))


@pytest.mark.parametrize("text, designation, family, category", [
    ("Six J-10C fighters.", "J-10C", "J-10", "aircraft"),
    ("Four Type 054A/P frigates.", "Type 054A/P", "Type 054A", "ship"),
    ("Des hélicoptères T-129 ATAK.", "T-129", "T129", "aircraft"),
    ("Des avions d'attaque M-346.", "M-346", "M-346", "aircraft"),
])
def test_more_designations(text, designation, family, category):
    hits = [w for w in find_weapons(text, "en") if w.kind == "designation"]
    assert [(w.designation, w.family, w.category) for w in hits] == [(designation, family, category)]


def test_type_numbers_that_are_not_ships():
    assert regex_hits("Type 2 diabetes, a Type 45 destroyer, type 055") == []
