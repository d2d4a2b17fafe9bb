"""Items of transfers (extract/items.py): what an item's noun phrase holds, read from the parse.

Each construction has a sentence written for it, in French and in English, and the whole item
record is asserted (designation, family, description, category, quantity, qualifier)."""
from __future__ import annotations


def items_of(x) -> list[tuple]:
    return [(i.designation, i.family, i.description, i.category, i.quantity, i.quantity_qualifier)
            for t in x.transfers for i in t.items]


# --- adjectives and names between the noun and the designation -------------------------------------

def test_fr_adjective_between_noun_and_designation(extract):
    x = extract("La Hongrie a commandé 24 avions de chasse légers T-50 à la Corée du Sud.")
    assert items_of(x) == [("T-50", "T-50", "avion de chasse T-50", "aircraft", 24, "exact")]


def test_fr_demonym_between_noun_and_designation(extract):
    x = extract("La Serbie a acheté 12 systèmes de défense antimissile russes S-400.")
    assert items_of(x) == [("S-400", "S-400", "système de défense antimissile S-400", "air_defence", 12, "exact")]


def test_en_adjective_between_designation_and_noun(extract):
    x = extract("Hungary has ordered 24 T-50 light fighter jets from South Korea.", "en")
    assert items_of(x) == [("T-50", "T-50", "fighter jet T-50", "aircraft", 24, "exact")]


def test_en_name_words_complete_the_designation(extract):
    x = extract("Peru is buying 20 K2 Black Panther tanks from South Korea.", "en")
    assert items_of(x) == [("K2 Black Panther", "K2", "tank K2 Black Panther", "armoured_vehicle", 20, "exact")]


# --- an acronym after the words that spell it out ---------------------------------------------------

def test_fr_spelled_out_acronym_is_counted(extract):
    x = extract("Les États-Unis ont approuvé la vente au Chili de 300 missiles "
                "Advanced Medium-Range Air-to-Air Missile (AMRAAM).")
    assert items_of(x) == [("AMRAAM", "AMRAAM", "missile AMRAAM", "missile", 300, "exact")]


def test_en_spelled_out_acronym_then_noun(extract):
    x = extract("The State Department approved the sale to Chile of more than 500 Guided Multiple "
                "Launch Rocket System (GMLRS) rockets.", "en")
    assert items_of(x) == [("GMLRS", "GMLRS", "rocket GMLRS", "missile", 500, "more_than")]


def test_en_launchers_and_interceptors_of_one_programme(extract):
    x = extract("The package for Chile includes 12 Patriot launchers and 300 Patriot Advanced "
                "Capability (PAC-3) interceptor missiles.", "en")
    assert items_of(x) == [
        ("Patriot", "Patriot", "launcher Patriot", "air_defence", 12, "exact"),
        ("PAC-3", "Patriot", "interceptor missile PAC-3", "missile", 300, "exact")]
