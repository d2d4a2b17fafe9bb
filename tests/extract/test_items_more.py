"""More item constructions (extract/items.py): a kind word that is part of a designation, a
calibre written with a leading point, and a counted bare noun that speaks of the system the
text wrote it beside before.

Each construction has an invented sentence in French and in English; the whole item records
are asserted (designation, family, description, category, quantity, qualifier)."""
from __future__ import annotations


def items_of(x) -> list[tuple]:
    return [(i.designation, i.family, i.description, i.category, i.quantity, i.quantity_qualifier)
            for t in x.transfers for i in t.items]


# --- "Type" starting a designation is not a kind word ("three types of") ---------------------------

def test_en_count_before_a_type_designation(extract):
    x = extract("Bangladesh has bought four Type 054A/P frigates from China.", "en")
    assert items_of(x) == [("Type 054A/P", "Type 054A", "frigate Type 054A/P", "ship", 4, "exact")]


def test_fr_count_before_a_type_designation(extract):
    x = extract("Le Bangladesh a acheté 4 frégates Type 054A/P à la Chine.")
    assert items_of(x) == [("Type 054A/P", "Type 054A", "frégate Type 054A/P", "ship", 4, "exact")]


def test_en_kind_word_still_blocks_the_count(extract):
    x = extract("Bangladesh has bought three types of frigates from China.", "en")
    assert items_of(x) == [(None, None, "frigate", "ship", None, None)]


# --- a calibre written ".50" between the count and the noun ------------------------------------------

def test_en_calibre_with_a_leading_point(extract):
    x = extract("The United States approved the sale to Kenya of 40 .50 caliber machine guns.", "en")
    assert items_of(x) == [(None, None, ".50 caliber machine gun", "other", 40, "exact")]


def test_fr_calibre_with_a_leading_point(extract):
    x = extract("Les États-Unis ont approuvé la vente au Kenya de 40 mitrailleuses de calibre .50.")
    assert items_of(x) == [(None, None, "mitrailleuse de calibre .50", "other", 40, "exact")]


# --- a counted bare noun written beside a system's name in an earlier sentence -----------------------

def test_fr_counted_noun_speaks_of_the_system_named_before(extract):
    x = extract("Le Pérou veut acheter des canons Caesar à la France. "
                "Le contrat signé lundi porte sur 18 canons.")
    assert items_of(x) == [("Caesar", "Caesar", "canon Caesar", "artillery", 18, "exact")]


def test_en_counted_noun_speaks_of_the_system_named_before(extract):
    x = extract("Peru wants to buy Caesar howitzers from France. "
                "The contract signed on Monday covers 18 howitzers.", "en")
    assert items_of(x) == [("Caesar", "Caesar", "howitzer Caesar", "artillery", 18, "exact")]


def test_en_counted_noun_after_two_systems_stays_unnamed(extract):
    x = extract("Peru compared Caesar howitzers and Archer howitzers. "
                "Peru signed a contract with France on Monday for 18 howitzers.", "en")
    assert items_of(x) == [(None, None, "howitzer", "artillery", 18, "exact")]


def test_fr_counted_noun_in_the_sentence_of_the_name_is_not_renamed(extract):
    x = extract("Le Pérou a commandé 30 canons Caesar à la France, dont 6 canons cette année.")
    assert items_of(x) == [("Caesar", "Caesar", "canon Caesar", "artillery", 30, "exact"),
                           (None, None, "canon", "artillery", 6, "exact")]


def test_en_counted_noun_in_the_sentence_of_the_name_is_not_renamed(extract):
    x = extract("Peru ordered 30 Caesar howitzers from France, including 6 howitzers this year.", "en")
    assert items_of(x) == [("Caesar", "Caesar", "howitzer Caesar", "artillery", 30, "exact"),
                           (None, None, "howitzer", "artillery", 6, "exact")]


# --- a machine gun named "M2", its calibre written between name and noun ------------------------------

def test_en_m2_machine_guns_with_their_calibre(extract):
    x = extract("The United States approved the sale to Kenya of 40 M2 .50 caliber machine guns.", "en")
    assert items_of(x) == [("M2", None, "machine gun M2", "other", 40, "exact")]


def test_fr_m2_machine_guns_with_their_calibre(extract):
    x = extract("Les États-Unis ont approuvé la vente au Kenya de 40 mitrailleuses M2 de calibre .50.")
    assert items_of(x) == [("M2", None, "mitrailleuse M2", "other", 40, "exact")]


def test_en_m2_without_equipment_near_is_no_weapon(extract):
    x = extract("The United States sold 12 F-16 jets to Kenya. The M2 motorway was closed on Monday.", "en")
    assert items_of(x) == [("F-16", "F-16", "combat aircraft", "aircraft", 12, "exact")]


def test_fr_designation_described_by_its_programme_name(extract):
    x = extract("Les États-Unis vont livrer 50 M2 Bradley à l'Ukraine.")
    assert items_of(x) == [("M2", "Bradley", "infantry fighting vehicle", "armoured_vehicle", 50, "exact")]


# --- support named after a list's last item, for something else ("and non-MDE for spare parts") ------

def _support_after(text: str, lang: str, mention: str) -> bool:
    from armsledger.extract.context import DocContext
    from armsledger.extract.notices import is_support_phrase
    from armsledger.nlp.pipelines import get_pipeline

    ctx = DocContext(get_pipeline(lang)(text), lang, None)
    start = text.index(mention)
    return is_support_phrase(ctx, start, start + len(mention))


def test_en_support_for_something_else_leaves_the_item(nlp_ready):
    text = "The sale includes 30 M240 machine guns, and non-MDE for spare and repair parts."
    assert not _support_after(text, "en", "30 M240 machine guns")
    assert _support_after("The sale includes C-130J logistics support.", "en", "C-130J")


def test_fr_support_for_something_else_leaves_the_item(nlp_ready):
    text = "La vente comprend 30 mitrailleuses M240, et des équipements pour soutien logistique."
    assert not _support_after(text, "fr", "30 mitrailleuses M240")
    assert _support_after("La vente comprend le C-130J et son soutien logistique.", "fr", "C-130J")


def test_en_support_after_a_comma_is_another_list_item(nlp_ready):
    text = "The sale includes 8 M1152 vehicles, HMMWV support equipment and spare parts."
    assert not _support_after(text, "en", "8 M1152 vehicles")


def test_fr_support_after_a_comma_is_another_list_item(nlp_ready):
    text = "La vente comprend 8 véhicules M1152, du soutien logistique et des pièces."
    assert not _support_after(text, "fr", "8 véhicules M1152")


# --- a notice's total told again where its models break it down -------------------------------------

NOTICE = """WASHINGTON, May 4, 2026 - The State Department has approved a possible Foreign Military Sale to Kenya for 40 Mine Resistant Ambush Protected (MRAP) vehicles, spare and repair parts, and training, for an estimated cost of $90 million.

The Government of Kenya has requested a possible sale of 40 Mine Resistant Ambush Protected (MRAP) vehicles to include (30 MaxxPro Dash DXM, 10 MaxxPro Base DXM), spare and repair parts and training. The estimated cost is $90 million.
"""


def test_en_notice_total_broken_down_elsewhere_is_no_item(extract):
    x = extract(NOTICE, "en", published="2026-05-04")
    assert [(i.designation, i.quantity) for t in x.transfers for i in t.items] == [
        ("MaxxPro Dash DXM", 30), ("MaxxPro Base DXM", 10)]


def test_fr_total_broken_down_into_models_is_remembered(nlp_ready):
    from armsledger.extract.context import DocContext
    from armsledger.extract.items import broken_down, group_item_mentions
    from armsledger.nlp.pipelines import get_pipeline

    text = "Le Kenya a demandé 40 véhicules MRAP, dont 30 MaxxPro Dash DXM et 10 MaxxPro Base DXM."
    ctx = DocContext(get_pipeline("fr")(text), "fr", None)
    kept = group_item_mentions(ctx, 0, len(text))
    assert [(m.to_item().designation, m.quantity) for m in kept] == [("MaxxPro Dash DXM", 30), ("MaxxPro Base DXM", 10)]
    assert broken_down(ctx) == {("MRAP", 40)}


# --- a participle after the noun opens a clause, it is no word of the item ----------------------------

def test_fr_participle_after_the_noun_is_not_its_adjective(extract):
    x = extract("La France livrera au Pérou 20 véhicules blindés médicalisés et 10 chars livrés en mai.")
    assert items_of(x) == [(None, None, "véhicules blindés médicalisés", "armoured_vehicle", 20, "exact"),
                           (None, None, "char", "armoured_vehicle", 10, "exact")]


def test_en_participle_after_the_noun_is_not_its_adjective(extract):
    x = extract("France will deliver to Peru 20 armoured vehicles and 10 tanks delivered in May.", "en")
    assert items_of(x) == [(None, None, "armoured vehicle", "armoured_vehicle", 20, "exact"),
                           (None, None, "tank", "armoured_vehicle", 10, "exact")]


# --- systems of other makers in the catalogue; the ambiguous ones only beside equipment words ---------

def test_fr_catalogue_names_of_more_systems(extract):
    x = extract("La Slovaquie a commandé 8 lance-roquettes Homar et 4 hélicoptères Tiger à la Pologne.")
    assert items_of(x) == [("Homar", "Homar", "lance-roquettes Homar", "artillery", 8, "exact"),
                           ("Tiger", "Tigre", "hélicoptère Tiger", "aircraft", 4, "exact")]


def test_en_catalogue_names_of_more_systems(extract):
    x = extract("Slovakia has ordered 8 Homar rocket launchers and 4 Tiger helicopters from Poland.", "en")
    assert items_of(x) == [("Homar", "Homar", "rocket launcher Homar", "artillery", 8, "exact"),
                           ("Tiger", "Tigre", "helicopter Tiger", "aircraft", 4, "exact")]


def test_en_ambiguous_name_without_equipment_is_no_weapon(extract):
    x = extract("Slovakia has ordered 8 Homar rocket launchers from Poland. Its minister drives a Jaguar.", "en")
    assert items_of(x) == [("Homar", "Homar", "rocket launcher Homar", "artillery", 8, "exact")]


# --- a model written between a programme's name and its noun ("TOW 2B missiles") ----------------------

def test_en_model_between_name_and_noun(extract):
    x = extract("Saudi Arabia bought 3,000 TOW 2B missiles from the United States.", "en")
    assert items_of(x) == [("TOW 2B", "TOW", "missile TOW 2B", "missile", 3000, "exact")]


def test_fr_model_after_name_after_noun(extract):
    x = extract("L'Arabie saoudite a acheté 3 000 missiles TOW 2B aux États-Unis.")
    assert items_of(x) == [("TOW 2B", "TOW", "missile TOW 2B", "missile", 3000, "exact")]


# --- a mark the catalogue does not know, right after a programme's name, is its model -----------------

def test_fr_mark_after_a_name_is_its_model(extract):
    x = extract("Le Maroc achète 36 canons Caesar MkII à la France.")
    assert items_of(x) == [("Caesar MkII", "Caesar", "canon Caesar MkII", "artillery", 36, "exact")]


def test_en_mark_after_a_name_is_its_model(extract):
    x = extract("Morocco buys 36 Caesar Mk II howitzers from France.", "en")
    assert items_of(x) == [("Caesar Mk II", "Caesar", "howitzer Caesar Mk II", "artillery", 36, "exact")]


def test_en_known_designation_after_a_name_stays_alone(extract):
    x = extract("Poland buys 48 Patriot PAC-3 missiles from the United States.", "en")
    assert items_of(x) == [("PAC-3", "Patriot", "missile PAC-3", "missile", 48, "exact")]


# --- a count of squadrons or lots does not count the aircraft ----------------------------------------

def test_en_count_of_squadrons_is_no_count_of_aircraft(extract):
    x = extract("Norway ordered two squadrons of F-35 fighters from the United States.", "en")
    assert items_of(x) == [("F-35", "F-35", "combat aircraft", "aircraft", None, None)]


def test_fr_count_of_squadrons_is_no_count_of_aircraft(extract):
    x = extract("La Norvège a commandé deux escadrons de F-35 aux États-Unis.")
    assert items_of(x) == [("F-35", "F-35", "combat aircraft", "aircraft", None, None)]


# --- a name the catalogue does not know, written beside an unnamed item's noun ------------------------

def test_fr_unknown_name_after_the_noun_is_the_designation(extract):
    x = extract("La Turquie a livré au Niger 20 blindés Ejder Yalçın.")
    assert items_of(x) == [("Ejder Yalçın", None, "blindé Ejder Yalçın", "armoured_vehicle", 20, "exact")]


def test_en_unknown_name_before_the_noun_is_the_designation(extract):
    x = extract("Turkey delivered 20 Ejder Yalcin armored vehicles to Niger.", "en")
    assert items_of(x) == [("Ejder Yalcin", None, "armored vehicle Ejder Yalcin", "armoured_vehicle", 20, "exact")]


def test_en_body_or_title_words_before_the_noun_are_no_name(extract):
    x = extract("Kenya will receive Navy patrol boats and 20 Electro-Optics-Infrared Radars from the United States.",
                "en")
    assert [i[0] for i in items_of(x)] == [None, None]


def test_fr_place_after_the_noun_is_no_name(extract):
    x = extract("La Turquie a livré au Niger 20 blindés lundi et 12 drones Ankara.")
    assert [(i[0], i[4]) for i in items_of(x)] == [(None, 20), (None, 12)]


# --- the noun's own complement between the noun and the name ("drones de combat CH-92A") -------------

def test_fr_noun_complement_before_the_name(extract):
    x = extract("La Serbie a reçu six drones de combat CH-92A de la Chine.")
    assert items_of(x) == [("CH-92A", None, "drone CH-92A", "aircraft", 6, "exact")]


def test_en_name_before_the_noun_and_its_modifier(extract):
    x = extract("Serbia received six CH-92A combat drones from China.", "en")
    assert items_of(x) == [("CH-92A", None, "drone CH-92A", "aircraft", 6, "exact")]


# --- an ambiguous name near a fleet, fighters or jets is equipment -----------------------------------

def test_en_ambiguous_name_in_a_fleet(extract):
    x = extract("Qatar ordered a fleet of 24 Typhoons from Britain.", "en")
    assert items_of(x) == [("Typhoon", "Eurofighter Typhoon", "combat aircraft", "aircraft", 24, "exact")]


def test_fr_ambiguous_name_in_a_fleet(extract):
    x = extract("Le Qatar a commandé une flotte de 24 Typhoon au Royaume-Uni.")
    assert items_of(x) == [("Typhoon", "Eurofighter Typhoon", "combat aircraft", "aircraft", 24, "exact")]


# --- common US notice systems in the catalogue ---------------------------------------------------------

def test_en_spelled_out_apkws_rockets_are_counted(extract):
    x = extract("Kenya has bought thirty (30) Advanced Precision Kill Weapon System (APKWS) rockets "
                "from the United States.", "en")
    assert items_of(x) == [("APKWS", "APKWS", "rocket APKWS", "missile", 30, "exact")]


def test_fr_targeting_pods_sniper(extract):
    x = extract("Le Kenya a acheté 4 nacelles de ciblage Sniper aux États-Unis.")
    assert [(i[0], i[3], i[4]) for i in items_of(x)] == [("Sniper", "sensor", 4)]


# --- "rounds of ammunition" is one item; a complement ends where a clause starts ---------------------

def test_en_rounds_of_ammunition_is_one_item(extract):
    x = extract("The package for Ukraine includes 18 155mm howitzers with 70,000 rounds of ammunition.", "en")
    assert items_of(x) == [(None, None, "155mm howitzer", "artillery", 18, "exact"),
                           (None, None, "round of ammunition", "other", 70000, "exact")]


def test_fr_calibre_complement_ends_before_a_preposition(extract):
    x = extract("Le paquet pour l'Ukraine comprend 18 obusiers de 155 mm avec 70 000 obus de munitions.")
    assert items_of(x) == [(None, None, "obusier de 155 mm", "artillery", 18, "exact"),
                           (None, None, "obus de munitions", "other", 70000, "exact")]


# --- an age between count and item is a size; a kind noun after the item takes the count --------------

def test_en_age_between_count_and_item(extract):
    x = extract("Romania bought 32 30-year-old F-16 jets from Norway.", "en")
    assert items_of(x) == [("F-16", "F-16", "combat aircraft", "aircraft", 32, "exact")]


def test_en_squadrons_after_the_item_take_the_count(extract):
    x = extract("Romania bought 3 F-16 squadrons from Norway.", "en")
    assert items_of(x) == [("F-16", "F-16", "combat aircraft", "aircraft", None, None)]


def test_fr_squadrons_before_the_item_take_the_count(extract):
    x = extract("La Roumanie a acheté à la Norvège 3 escadrons F-16.")
    assert items_of(x) == [("F-16", "F-16", "combat aircraft", "aircraft", None, None)]


def test_fr_age_after_the_item_leaves_its_count(extract):
    x = extract("La Roumanie a acheté à la Norvège 32 F-16 âgés de 30 ans.")
    assert items_of(x) == [("F-16", "F-16", "combat aircraft", "aircraft", 32, "exact")]


# --- a count right before an ambiguous name makes it equipment ----------------------------------------

def test_en_counted_ambiguous_names(extract):
    x = extract("Poland has ordered 96 Apaches from the United States.", "en")
    assert items_of(x) == [("Apache", "Apache", "attack helicopter", "aircraft", 96, "exact")]


def test_fr_counted_ambiguous_names(extract):
    x = extract("L'Ukraine a reçu 31 Abrams des États-Unis.")
    assert items_of(x) == [("Abrams", "Abrams", "main battle tank", "armoured_vehicle", 31, "exact")]


def test_fr_year_before_an_ambiguous_name_is_no_count(nlp_ready):
    from armsledger.normalize.weapons import find_weapons
    assert find_weapons("En 2024 Milan a accueilli le salon.", "fr") == []


# --- any equipment noun of the language near an ambiguous name makes it equipment ----------------------

def test_fr_ambiguous_name_beside_an_equipment_noun(extract):
    x = extract("Hanwha a promis de livrer à la Roumanie 54 pièces de mortier autopropulseur K9.")
    assert [(i[0], i[4]) for i in items_of(x)] == [("K9", 54)]


def test_en_ambiguous_name_beside_an_equipment_noun(extract):
    x = extract("Kenya will receive Stryker armored personnel carriers from the United States.", "en")
    assert [(i[0], i[3]) for i in items_of(x)] == [("Stryker", "armoured_vehicle")]


# --- acronyms of equipment kinds are equipment nouns ("K2 MBTs", "VCI") --------------------------------

def test_en_acronym_nouns_of_equipment(extract):
    x = extract("Poland accepted delivery of 10 K2 MBTs and 24 K9 SPHs from South Korea.", "en")
    assert items_of(x) == [("K2", "K2", "MBT K2", "armoured_vehicle", 10, "exact"),
                           ("K9", "K9", "SPH K9", "artillery", 24, "exact")]


def test_fr_acronym_nouns_of_equipment(extract):
    x = extract("La Pologne a commandé 1 000 VCI à la Corée du Sud.")
    assert items_of(x) == [(None, None, "VCI", "armoured_vehicle", 1000, "exact")]


# --- "a single" / "un seul" counts one ----------------------------------------------------------------

def test_en_a_single_named_item_counts_one(extract):
    x = extract("Kenya received a single Black Hawk helicopter from the United States.", "en")
    assert items_of(x) == [("Black Hawk", "Black Hawk", "helicopter Black Hawk", "aircraft", 1, "exact")]


def test_fr_un_seul_named_item_counts_one(extract):
    x = extract("Le Kenya a reçu un seul hélicoptère Black Hawk des États-Unis.")
    assert items_of(x) == [("Black Hawk", "Black Hawk", "hélicoptère Black Hawk", "aircraft", 1, "exact")]


# --- unnamed launchers of a deal that names one missile programme are its launchers --------------------

def test_en_launchers_take_the_family_of_the_missiles(extract):
    x = extract("The deal with Estonia includes 120 Javelin missiles and 8 launch units.", "en")
    assert items_of(x) == [("Javelin", "Javelin", "missile Javelin", "missile", 120, "exact"),
                           (None, "Javelin", "launch unit", "other", 8, "exact")]


def test_fr_launchers_take_the_family_of_the_missiles(extract):
    x = extract("L'accord avec l'Ukraine comprend 150 missiles Javelin et 10 postes de tir.")
    assert items_of(x) == [("Javelin", "Javelin", "missile Javelin", "missile", 150, "exact"),
                           (None, "Javelin", "poste de tir", "other", 10, "exact")]


def test_en_launchers_with_two_missile_programmes_stay_unnamed(extract):
    x = extract("The deal with Ukraine includes 150 Javelin missiles, 40 Stinger missiles and 10 launchers.", "en")
    assert [(i[1], i[2]) for i in items_of(x)][-1] == (None, "launcher")
