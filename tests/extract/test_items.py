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
    x = extract("L'Égypte a acheté 8 systèmes de défense antimissile chinois HQ-9.")
    assert items_of(x) == [("HQ-9", "HQ-9", "système de défense antimissile HQ-9", "air_defence", 8, "exact")]


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
                "Capability (PAC-3) guided interceptor missiles.", "en")
    assert items_of(x) == [
        ("Patriot", "Patriot", "launcher Patriot", "air_defence", 12, "exact"),
        ("PAC-3", "Patriot", "interceptor missile PAC-3", "missile", 300, "exact")]


# --- a noun with a definite article speaks of equipment named before ---------------------------------

def test_fr_definite_noun_is_not_a_new_item(extract):
    x = extract("La Roumanie a commandé 54 obusiers K9 à la Corée du Sud. "
                "Les obusiers seront livrés par la Corée du Sud en 2027.")
    assert items_of(x) == [("K9", "K9", "obusier K9", "artillery", 54, "exact")]


def test_fr_partitive_article_keeps_the_item(extract):
    x = extract("L'Allemagne a livré à l'Ukraine des munitions et de la défense anti-aérienne.")
    assert items_of(x) == [(None, None, "munition", "other", None, None),
                           (None, None, "défense anti-aérienne", "air_defence", None, None)]


def test_en_definite_noun_is_not_a_new_item(extract):
    x = extract("Romania has ordered 54 K9 howitzers from South Korea. "
                "South Korea will deliver the howitzers in 2027.", "en")
    assert items_of(x) == [("K9", "K9", "howitzer K9", "artillery", 54, "exact")]


def test_en_definite_noun_with_a_calibre_is_an_item(extract):
    x = extract("The United States has sold the 500-pound bombs to Romania.", "en")
    assert items_of(x) == [(None, None, "500-pound bomb", "other", None, None)]


# --- sizes and kinds are not counts ------------------------------------------------------------------

def test_fr_calibre_is_not_a_count(extract):
    x = extract("La Roumanie a commandé des obusiers K9 de 155 mm à la Corée du Sud.")
    assert items_of(x) == [("K9", "K9", "obusier K9", "artillery", None, None)]


def test_en_calibre_between_designation_and_noun(extract):
    x = extract("Romania has ordered 400 M795 155mm artillery projectiles from the United States.", "en")
    assert items_of(x) == [("M795", None, "artillery projectile M795", "other", 400, "exact")]


def test_en_size_before_designation_is_not_a_count(extract):
    x = extract("Romania has ordered the 155-millimeter K9 howitzer from South Korea.", "en")
    assert items_of(x) == [("K9", "K9", "howitzer K9", "artillery", None, None)]


def test_en_kinds_are_not_a_count(extract):
    x = extract("Romania has bought two types of fighter jets from the United States.", "en")
    assert items_of(x) == [(None, None, "fighter jet", "aircraft", None, None)]


# --- an equipment noun that modifies another noun is not the item ------------------------------------

def test_en_equipment_noun_as_compound_modifier(extract):
    x = extract("Romania has bought 15 K-10 ammunition resupply vehicles and missile defense radars "
                "from South Korea.", "en")
    assert items_of(x) == [("K-10", "K10", "armoured ammunition resupply vehicle", "armoured_vehicle", 15, "exact"),
                           (None, None, "missile defense radar", "sensor", None, None)]


def test_fr_equipment_noun_after_its_head_stays_the_item(extract):
    # French puts the modifier after the noun ("radars de défense antimissile"): the noun is the item
    x = extract("La Roumanie a acheté des radars de défense antimissile à la Corée du Sud.")
    assert items_of(x) == [(None, None, "radar", "sensor", None, None)]


# --- general words that tell again equipment the deal names more precisely ----------------------------

def test_fr_counted_restatement_of_a_named_item(extract):
    x = extract("La Roumanie a commandé 54 obusiers K9 à la Corée du Sud, et ces 54 pièces "
                "d'artillerie arriveront en 2027.")
    assert items_of(x) == [("K9", "K9", "obusier K9", "artillery", 54, "exact")]


def test_en_counted_restatement_of_a_named_item(extract):
    x = extract("Romania has ordered 54 K9 howitzers from South Korea, and the 54 artillery pieces "
                "will arrive in 2027.", "en")
    assert items_of(x) == [("K9", "K9", "howitzer K9", "artillery", 54, "exact")]


def test_fr_bare_noun_before_a_fuller_one(extract):
    x = extract("Les États-Unis vont vendre des bombes à la Roumanie. La vente porte sur des bombes de 250 kg.")
    assert items_of(x) == [(None, None, "bombe de 250 kg", "other", None, None)]


def test_en_bare_noun_before_a_fuller_one(extract):
    x = extract("The United States will sell bombs to Romania. The sale covers 500-pound bombs.", "en")
    assert items_of(x) == [(None, None, "500-pound bomb", "other", None, None)]


def test_fr_bare_noun_after_a_fuller_one(extract):
    x = extract("La Roumanie va acheter des munitions guidées aux États-Unis. La vente comprend 32 F-35A, "
                "des pièces détachées, des munitions et la formation.")
    assert items_of(x) == [(None, None, "munition guidée", "missile", None, None),
                           ("F-35A", "F-35", "combat aircraft", "aircraft", 32, "exact")]


def test_en_bare_noun_after_a_fuller_one(extract):
    x = extract("Romania will buy precision guided munitions from the United States. The sale covers "
                "32 F-35A jets, spare parts, munitions and training.", "en")
    assert items_of(x) == [(None, None, "precision-guided munition", "missile", None, None),
                           ("F-35A", "F-35", "combat aircraft", "aircraft", 32, "exact")]


def test_fr_list_names_bare_and_fuller_noun(extract):
    x = extract("Les États-Unis ont vendu à la Roumanie des bombes et des bombes de 250 kg.")
    assert items_of(x) == [(None, None, "bombe", "other", None, None),
                           (None, None, "bombe de 250 kg", "other", None, None)]


def test_en_list_names_bare_and_fuller_noun(extract):
    x = extract("The United States has sold bombs, guided bombs and engines to Romania.", "en")
    assert items_of(x) == [(None, None, "bomb", "other", None, None),
                           (None, None, "guided bomb", "missile", None, None),
                           (None, None, "engine", "engine", None, None)]


def test_en_fuller_noun_after_inclusion_cue(extract):
    x = extract("The United States has sold bombs to Romania, among them 500-pound bombs.", "en")
    assert items_of(x) == [(None, None, "500-pound bomb", "other", None, None)]


# --- one noun shared by coordinated calibres or complements -----------------------------------------

def test_fr_coordinated_complements_share_the_noun(extract):
    x = extract("Les États-Unis vendent au Ghana des systèmes de vision nocturne et de guidage.")
    assert items_of(x) == [(None, None, "système de vision nocturne", "sensor", None, None),
                           (None, None, "système de guidage", "missile", None, None)]


def test_fr_coordinated_support_complement_is_no_item(extract):
    x = extract("Les États-Unis vendent au Chili des systèmes de guidage et de soutien technique.")
    assert items_of(x) == [(None, None, "système de guidage", "missile", None, None)]


def test_en_coordinated_support_is_no_item(extract):
    x = extract("The package for Ukraine includes 155mm artillery ammunition and support equipment.", "en")
    assert items_of(x) == [(None, None, "155mm artillery ammunition", "other", None, None)]


def test_fr_coordinated_calibres_share_the_noun(extract):
    x = extract("La France livre à l'Ukraine des obus de 155 mm et de 105 mm.")
    assert items_of(x) == [(None, None, "obus de 155 mm", "other", None, None),
                           (None, None, "obus de 105 mm", "other", None, None)]


def test_en_coordinated_calibres_share_the_noun(extract):
    x = extract("The package for Ukraine includes 155mm and 105mm artillery ammunition.", "en")
    assert items_of(x) == [(None, None, "155mm artillery ammunition", "other", None, None),
                           (None, None, "105mm artillery ammunition", "other", None, None)]


# --- "X, including A and B": one level of the equipment -----------------------------------------------

def test_fr_named_models_break_down_a_noun(extract):
    x = extract("La Roumanie a acheté des avions de combat aux États-Unis, notamment 20 F-16 et 12 F-35A.")
    assert items_of(x) == [("F-16", "F-16", "combat aircraft", "aircraft", 20, "exact"),
                           ("F-35A", "F-35", "combat aircraft", "aircraft", 12, "exact")]


def test_en_named_models_break_down_a_noun(extract):
    x = extract("Romania has bought two types of fighter jets from the United States, including 20 F-16 "
                "and 12 F-35A.", "en")
    assert items_of(x) == [("F-16", "F-16", "combat aircraft", "aircraft", 20, "exact"),
                           ("F-35A", "F-35", "combat aircraft", "aircraft", 12, "exact")]


def test_fr_counted_models_break_down_a_counted_programme(extract):
    x = extract("Le Chili a commandé aux États-Unis 160 véhicules MRAP, dont 110 MaxxPro Dash DXM "
                "et 50 MaxxPro Base DXM.")
    assert items_of(x) == [
        ("MaxxPro Dash DXM", "MaxxPro", "mine-resistant ambush-protected vehicle", "armoured_vehicle", 110, "exact"),
        ("MaxxPro Base DXM", "MaxxPro", "mine-resistant ambush-protected vehicle", "armoured_vehicle", 50, "exact")]


def test_en_counted_models_break_down_a_counted_programme(extract):
    x = extract("Chile has requested a possible sale of 160 MRAP vehicles to include (110 MaxxPro Dash DXM "
                "and 50 MaxxPro Base DXM).", "en")
    assert items_of(x) == [
        ("MaxxPro Dash DXM", "MaxxPro", "mine-resistant ambush-protected vehicle", "armoured_vehicle", 110, "exact"),
        ("MaxxPro Base DXM", "MaxxPro", "mine-resistant ambush-protected vehicle", "armoured_vehicle", 50, "exact")]


def test_fr_unnamed_kinds_of_an_item_are_not_items(extract):
    x = extract("La Roumanie a acheté aux États-Unis des munitions de 30 mm, y compris des obus explosifs "
                "et des obus d'entraînement.")
    assert items_of(x) == [(None, None, "munition de 30 mm", "other", None, None)]


def test_en_unnamed_kinds_of_an_item_are_not_items(extract):
    x = extract("The United States approved a sale of 30mm ammunition to Romania, including high explosive "
                "rounds and training rounds.", "en")
    assert items_of(x) == [(None, None, "30mm ammunition", "other", None, None)]


# --- counted equipment the catalogue does not know ---------------------------------------------------

def test_fr_counted_code_and_name_are_designations(extract):
    x = extract("Le Chili a commandé aux États-Unis 12 radios HF 9550 et 14 terminaux Blue Force Tracker.")
    assert items_of(x) == [("HF 9550", None, "radio", "other", 12, "exact"),
                           ("Blue Force Tracker", None, "terminal", "other", 14, "exact")]


def test_en_counted_code_and_name_are_designations(extract):
    x = extract("The United States approved a sale to Chile of 12 HF 9550 radios and 16 Long Range "
                "Acoustic Device loudspeaker systems.", "en")
    assert items_of(x) == [("HF 9550", None, "radio", "other", 12, "exact"),
                           ("Long Range Acoustic Device", None, "loudspeaker system", "other", 16, "exact")]


def test_en_common_noun_counted_in_news_is_no_item(extract):
    x = extract("Chile bought 12 K9 howitzers from South Korea and sent 70 defence force personnel "
                "to train.", "en")
    assert items_of(x) == [("K9", "K9", "howitzer K9", "artillery", 12, "exact")]


def test_fr_common_noun_counted_in_news_is_no_item(extract):
    x = extract("Le Chili a acheté 12 obusiers K9 à la Corée du Sud et envoyé 70 militaires en formation.")
    assert items_of(x) == [("K9", "K9", "obusier K9", "artillery", 12, "exact")]


# --- platforms that support is for are not items ----------------------------------------------------

def test_fr_platform_only_supported_is_no_item(extract):
    x = extract("La Grèce a acheté à la France six missiles Exocet et le soutien logistique de ses Rafale.")
    assert items_of(x) == [("Exocet", "Exocet", "missile Exocet", "missile", 6, "exact")]


def test_en_platform_only_supported_is_no_item(extract):
    x = extract("The United States approved a sale to Norway of software support for C-130J aircraft "
                "and 12 AIM-120 missiles.", "en")
    assert items_of(x) == [("AIM-120", "AMRAAM", "missile AIM-120", "missile", 12, "exact")]


def test_fr_equipment_listed_beside_support_stays(extract):
    x = extract("La Pologne a commandé 180 chars K2 à la Corée du Sud. Le contrat comprend la formation, "
                "la logistique et des munitions.")
    assert items_of(x) == [("K2", "K2", "char K2", "armoured_vehicle", 180, "exact"),
                           (None, None, "munition", "other", None, None)]


def test_en_equipment_listed_beside_support_stays(extract):
    x = extract("Norway is buying 54 K2 tanks from South Korea. The contract covers training, maintenance "
                "and ammunition.", "en")
    assert items_of(x) == [("K2", "K2", "tank K2", "armoured_vehicle", 54, "exact"),
                           (None, None, "ammunition", "other", None, None)]


# --- a bare noun that is the head noun or a word of the name of a named item ------------------------

def test_fr_bare_noun_with_the_head_of_a_named_item(extract):
    x = extract("Les États-Unis ont approuvé une vente à Israël de kits de guidage d'une valeur de "
                "100 millions de dollars : 1 000 kits de queue KMU-572.")
    assert items_of(x) == [("KMU-572", "JDAM", "kit de queue KMU-572", "missile", 1000, "exact")]


def test_en_bare_noun_with_the_head_of_a_named_item(extract):
    x = extract("The United States approved a sale to Israel of guidance kits worth $100 million: "
                "1,000 KMU-572 tail kits.", "en")
    assert items_of(x) == [("KMU-572", "JDAM", "tail kit KMU-572", "missile", 1000, "exact")]


def test_fr_bare_noun_in_the_name_of_a_named_item(extract):
    x = extract("Les États-Unis ont approuvé la vente de munitions à Israël : 1 000 Joint Direct Attack "
                "Munitions (JDAM) et 200 missiles AIM-9X.")
    assert items_of(x) == [("JDAM", "JDAM", "guidance kit", "missile", 1000, "exact"),
                           ("AIM-9X", "Sidewinder", "missile AIM-9X", "missile", 200, "exact")]


def test_en_bare_noun_in_the_name_of_a_named_item(extract):
    x = extract("The United States approved the sale of munitions to Israel: 1,000 Joint Direct Attack "
                "Munitions (JDAM) and 200 AIM-9X missiles.", "en")
    assert items_of(x) == [("JDAM", "JDAM", "guidance kit", "missile", 1000, "exact"),
                           ("AIM-9X", "Sidewinder", "missile AIM-9X", "missile", 200, "exact")]


def test_fr_what_equipment_is_for_is_no_item(extract):
    x = extract("L'Égypte a acheté 30 Rafale à la France, et MBDA fournit des équipements pour les missiles.")
    assert items_of(x) == [("Rafale", "Rafale", "combat aircraft", "aircraft", 30, "exact")]


def test_en_what_equipment_is_for_is_no_item(extract):
    x = extract("Egypt bought 30 Rafale jets from France, and MBDA supplies equipment for missiles.", "en")
    assert items_of(x) == [("Rafale", "Rafale", "combat aircraft", "aircraft", 30, "exact")]


# --- the count of an unnamed item goes to the one named item of its kind ----------------------------

def test_fr_count_goes_to_the_named_item_of_its_kind(extract):
    x = extract("La Roumanie a commandé 116 chars aux États-Unis, et la livraison des Abrams commencera en 2027.")
    assert items_of(x) == [("Abrams", "Abrams", "main battle tank", "armoured_vehicle", 116, "exact")]


def test_en_count_goes_to_the_named_item_of_its_kind(extract):
    x = extract("Romania has ordered 116 tanks from the United States, and delivery of the Abrams will "
                "start in 2027.", "en")
    assert items_of(x) == [("Abrams", "Abrams", "main battle tank", "armoured_vehicle", 116, "exact")]


def test_en_count_stays_when_two_named_items_share_the_kind(extract):
    x = extract("Romania has ordered 116 tanks from the United States, and delivery of the Abrams and "
                "Leopard will start in 2027.", "en")
    assert items_of(x) == [(None, None, "tank", "armoured_vehicle", 116, "exact"),
                           ("Abrams", "Abrams", "main battle tank", "armoured_vehicle", None, None),
                           ("Leopard", "Leopard", "main battle tank", "armoured_vehicle", None, None)]


# --- munitions for a named system, with a complement before "for" -----------------------------------

def test_fr_missiles_with_a_range_for_a_named_system(extract):
    x = extract("L'Allemagne livrera à la Lettonie des missiles supplémentaires de moyenne et longue "
                "portée pour les systèmes de défense aérienne IRIS-T.")
    assert items_of(x) == [(None, None, "missiles supplémentaires de moyenne et longue portée pour les "
                                        "systèmes de défense aérienne IRIS-T", "missile", None, None)]


def test_en_missiles_with_a_range_for_a_named_system(extract):
    x = extract("The United States will send Ukraine additional missiles of short and medium range for "
                "the NASAMS air defence systems.", "en")
    assert items_of(x) == [(None, None, "missile of short and medium range for the NASAMS", "missile", None, None)]


# --- "for the ...": what one item is for, not what the next one is ----------------------------------

def test_fr_second_munition_for_another_system(extract):
    x = extract("La France livre à l'Ukraine des obus pour les canons Caesar et des munitions "
                "supplémentaires pour les systèmes Mistral.")
    assert items_of(x) == [(None, None, "obus pour les canons Caesar", "other", None, None),
                           (None, None, "munitions supplémentaires pour les systèmes Mistral", "other", None, None)]


def test_en_second_munition_for_another_system(extract):
    x = extract("The package for Georgia includes rounds for the mortars and extra ammo for the HIMARS.", "en")
    assert items_of(x) == [(None, None, "round", "other", None, None),
                           (None, None, "ammunition for the HIMARS", "other", None, None)]


# --- a count that the counted models add up to is their total ---------------------------------------

def test_fr_total_of_counted_models_is_no_item(extract):
    x = extract("La Pologne a signé un contrat avec la Corée du Sud pour 180 chars K2 : 116 K2GF et 64 K2PL.")
    assert items_of(x) == [("K2GF", "K2", "main battle tank", "armoured_vehicle", 116, "exact"),
                           ("K2PL", "K2", "main battle tank", "armoured_vehicle", 64, "exact")]


def test_en_total_of_counted_models_is_no_item(extract):
    x = extract("Poland signed an agreement with South Korea for 150 K2 tanks: 96 K2GF units produced by "
                "Hyundai Rotem and 54 K2PL variants manufactured locally.", "en")
    assert items_of(x) == [("K2GF", "K2", "main battle tank", "armoured_vehicle", 96, "exact"),
                           ("K2PL", "K2", "main battle tank", "armoured_vehicle", 54, "exact")]


def test_fr_year_before_a_name_is_no_count(extract):
    x = extract("En 2024 Seoul Defence Industries a vendu 12 obusiers K9 au Chili.")
    assert items_of(x) == [("K9", "K9", "obusier K9", "artillery", 12, "exact")]


def test_en_year_before_a_name_is_no_count(extract):
    x = extract("In 2024 Seoul Defence Industries agreed to sell 12 K9 howitzers to Chile.", "en")
    assert items_of(x) == [("K9", "K9", "howitzer K9", "artillery", 12, "exact")]


# --- sizes between a count and its item; a count over several destinations ---------------------------

def test_fr_size_between_count_and_item(extract):
    x = extract("Les États-Unis livreront à la Pologne 45 des (300 km) ATACMS.")
    assert items_of(x) == [("ATACMS", "ATACMS", "tactical ballistic missile", "missile", 45, "exact")]


def test_en_size_between_count_and_item(extract):
    x = extract("The United States will deliver 30 of the 190-mile (306-km) range ATACMS missiles to Latvia.", "en")
    assert items_of(x) == [("ATACMS", "ATACMS", "missile ATACMS", "missile", 30, "exact")]


def test_fr_count_over_several_destinations_counts_none(extract):
    x = extract("La Corée du Sud a exporté environ 600 obusiers K9 en Turquie, en Pologne, en Inde et en Norvège.")
    assert items_of(x) == [("K9", "K9", "obusier K9", "artillery", None, None)] * 4


def test_en_count_over_several_destinations_counts_none(extract):
    x = extract("South Korea has exported around 600 K9 howitzers to Turkey, Poland, India and Norway.", "en")
    assert items_of(x) == [("K9", "K9", "howitzer K9", "artillery", None, None)] * 4
