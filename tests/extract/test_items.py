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
