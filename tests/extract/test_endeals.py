"""Transfers in constructions a deal is often told in (extract/transfers.py, frames.py,
parties.py): each on an invented sentence, in English and in French, asserting the whole set of
deals found (parties, status, items)."""
from __future__ import annotations

import pytest


def deals(x) -> list[tuple]:
    return [((t.supplier.id if t.supplier else None), t.recipient.id, t.status,
             [(i.designation or i.description, i.quantity) for i in t.items]) for t in x.transfers]


# --- a total is counted: "so far" / "au total" before a refusal is no headline total -----------

@pytest.mark.parametrize("lang,text", [
    ("en", "So far, Germany has refused to deliver Taurus missiles to Ukraine."),
    ("fr", "Au total, l'Allemagne a refusé de livrer des missiles Taurus à l'Ukraine."),
])
def test_uncounted_deal_beside_an_aggregate_cue(extract, lang, text):
    assert deals(extract(text, lang)) == [("DEU", "UKR", "rejected", [("Taurus", None)])]


# --- a refusal is not spelled out by a later delivery of the same parties ----------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "So far, Germany has refused to deliver Taurus missiles to Ukraine. The chancellor fears an "
           "escalation. He spoke to reporters on Monday. Ukraine has received 40 Leopard tanks from Germany."),
    ("fr", "Jusqu'ici, l'Allemagne a refusé de livrer des missiles Taurus à l'Ukraine. Le chancelier craint "
           "une escalade. Il s'est exprimé lundi devant la presse. L'Ukraine a reçu 40 chars Leopard de "
           "l'Allemagne."),
])
def test_refused_deal_then_a_delivery(extract, lang, text):
    assert deals(extract(text, lang)) == [("DEU", "UKR", "rejected", [("Taurus", None)]),
                                          ("DEU", "UKR", "delivered", [("Leopard", 40)])]


# --- "in addition to X" / "outre X": X is not what this deal gives -----------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "In addition to the 30 Leopard tanks, Germany has delivered 12 Caesar howitzers to Ukraine."),
    ("fr", "Outre les chars Leopard, l'Allemagne a livré à l'Ukraine 12 obusiers Caesar."),
])
def test_equipment_the_deal_comes_in_addition_to(extract, lang, text):
    assert deals(extract(text, lang)) == [("DEU", "UKR", "delivered", [("Caesar", 12)])]


# --- an earlier purchase dated to a past year, told inside a sentence on the new order ---------

@pytest.mark.parametrize("lang,text", [
    ("en", "Peru ordered 16 Rafale jets from France. The new order, which follows the purchase in 2019 of "
           "24 Rafale jets, will be financed by a loan."),
    ("fr", "Le Pérou a commandé 16 Rafale à la France. Cette commande, qui fait suite à l'achat en 2019 de "
           "24 Rafale, sera financée par un prêt."),
])
def test_earlier_purchase_recounted_in_a_continuing_sentence(extract, lang, text):
    # "the purchase in 2019": a purchase told alone is a signed one (annotation.md: "bought" = signed)
    assert deals(extract(text, lang)) == [("FRA", "PER", "signed", [("Rafale", 16)]),
                                          ("FRA", "PER", "signed", [("Rafale", 24)])]


# --- "send X to A and Y to B": the equipment goes to the party named right after it -----------

@pytest.mark.parametrize("lang,text", [
    ("en", "Australia will send Bushmaster vehicles to Ukraine and 70 instructors to the UK."),
    ("fr", "L'Australie enverra des blindés Bushmaster à l'Ukraine et 70 instructeurs au Royaume-Uni."),
])
def test_gapped_objects_each_with_its_own_recipient(extract, lang, text):
    assert deals(extract(text, lang)) == [("AUS", "UKR", "approved", [("Bushmaster", None)])]


# --- a clause that dates its own equipment tells of another deal than the rest of its sentence ----

@pytest.mark.parametrize("lang,text", [
    ("en", "The United States approved a sale of Javelin missiles to Poland. The deal approved on Monday "
           "includes 150 Javelin missiles and adds to the 200 missiles and 20 launchers that Poland bought "
           "from the United States in 2018."),
    ("fr", "Les États-Unis ont approuvé une vente de missiles Javelin à la Pologne. Le contrat comprend 150 "
           "missiles Javelin et s'ajoute aux 200 missiles livrés à la Pologne par les États-Unis en 2018."),
])
def test_equipment_of_an_earlier_deal_in_a_dated_clause(extract, lang, text):
    x = extract(text, lang)
    assert [(t.supplier.id, t.recipient.id, [(i.designation, i.quantity) for i in t.items])
            for t in x.transfers] == [("USA", "POL", [("Javelin", 150)]),
                                      ("USA", "POL", [(None, 200)] + ([(None, 20)] if lang == "en" else []))]


# --- a demonym of people or things that are neither party nor equipment is no supplier --------

@pytest.mark.parametrize("lang,text", [
    ("en", "Working with Omani journalists, reporters found that Qatar had bought 12 GBU-12 bombs under a "
           "contract with Raytheon."),
    ("fr", "Avec des journalistes omanais, des reporters ont établi que le Qatar avait acheté 12 bombes GBU-12 "
           "dans le cadre d'un contrat avec Raytheon."),
])
def test_demonym_of_bystanders_is_no_supplier(extract, lang, text):
    assert deals(extract(text, lang)) == [("USA", "QAT", "signed", [("GBU-12", 12)])]


# --- a deal in general words, then a sentence naming no buyer that prices its equipment --------

@pytest.mark.parametrize("lang,text,general", [
    ("en", "The State Department approved the sale of fighter jets and munitions to Norway. Norway wants to "
           "modernize its air force. The State Department approved the sale of 40 F-35A jets for $9 billion.",
     ["fighter jet", "munition"]),
    ("fr", "Le département d'État a approuvé la vente d'avions de combat et de munitions à la Norvège. La "
           "Norvège veut moderniser son armée de l'air. Le département d'État a approuvé la vente de 40 F-35A "
           "pour 9 milliards de dollars.", ["avion de combat", "munition"]),
])
def test_priced_equipment_spells_out_a_deal_in_general_words(extract, lang, text, general):
    x = extract(text, lang)
    assert deals(x) == [("USA", "NOR", "approved", [(g, None) for g in general] + [("F-35A", 40)])]
    assert (x.transfers[0].value.amount, x.transfers[0].value.currency) == (9_000_000_000, "USD")


# --- a second sale of its own value, for services or supplies only: a deal of its own ----------

@pytest.mark.parametrize("lang,text", [
    ("en", "The Pentagon notified Congress of a possible sale of 20 AIM-9X missiles to Chile for $90 million. "
           "Additionally, a $50 million possible sale is planned for supplying Chile with jet fuel."),
    ("fr", "Le Pentagone a notifié au Congrès une vente possible de 20 missiles AIM-9X au Chili pour 90 millions "
           "de dollars. Par ailleurs, une vente possible de 50 millions de dollars est prévue pour doter le "
           "Chili de carburant."),
])
def test_second_sale_of_its_own_value_without_equipment(extract, lang, text):
    x = extract(text, lang)
    assert deals(x) == [("USA", "CHL", "approved", [("AIM-9X", 20)]), ("USA", "CHL", "approved", [])]
    assert [t.value.amount for t in x.transfers] == [90_000_000, 50_000_000]


# --- a plural deal noun over equipment of several kinds: one deal per kind ---------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "Greece has signed deals to purchase 20 Rafale jets and three Belharra frigates from France."),
    ("en", "Contracts for 20 Rafale jets and three Belharra frigates were signed by Greece and France on Monday."),
    ("fr", "La Grèce a signé des contrats d'achat de 20 avions Rafale et de trois frégates Belharra avec la France."),
    ("fr", "Des contrats pour 20 avions Rafale et trois frégates Belharra ont été signés par la Grèce avec la "
           "France."),
])
def test_plural_deal_noun_over_several_kinds(extract, lang, text):
    assert deals(extract(text, lang)) == [("FRA", "GRC", "signed", [("Rafale", 20)]),
                                          ("FRA", "GRC", "signed", [("Belharra", 3)])]


def test_singular_deal_noun_keeps_one_deal(extract):
    x = extract("Greece signed a contract with France for 20 Rafale jets and three Belharra frigates.", "en")
    assert [[i.designation for i in t.items] for t in x.transfers] == [["Rafale", "Belharra"]]


@pytest.mark.parametrize("lang,text", [
    ("en", "Poland signed a framework agreement with Hanwha for 600 K9 howitzers. In August, Poland signed "
           "contracts for 100 tanks and 50 howitzers."),
    ("fr", "La Pologne a signé un accord-cadre avec Hanwha pour 600 obusiers K9. En août, la Pologne a signé "
           "des contrats d'achat de 100 chars et de 50 obusiers."),
])
def test_contracts_of_a_plural_deal_noun_do_not_continue_the_deal_before(extract, lang, text):
    x = extract(text, lang)
    assert [(t.recipient.id, t.status, [i.quantity for i in t.items]) for t in x.transfers] == \
        [("POL", "signed", [600]), ("POL", "signed", [100]), ("POL", "signed", [50])]


# --- "$50 million worth of equipment": the amount measures a value noun after it ---------------

@pytest.mark.parametrize("lang,text,currency", [
    ("en", "Germany has approved $50 million worth of military equipment for Ukraine, including 20 Gepard tanks.",
     "USD"),
    ("fr", "L'Allemagne a approuvé pour 50 millions d'euros d'équipements militaires destinés à l'Ukraine, dont "
           "20 chars Gepard.", "EUR"),
])
def test_amount_worth_of_equipment_is_the_deal_value(extract, lang, text, currency):
    x = extract(text, lang)
    assert deals(x) == [("DEU", "UKR", "approved", [("Gepard", 20)])]
    assert (x.transfers[0].value.amount, x.transfers[0].value.currency) == (50_000_000, currency)


@pytest.mark.parametrize("lang,text", [
    ("en", "The State Department approved 150 Javelin missiles for Poland, which adds to the 200 missiles that "
           "Poland bought in 2018."),
    ("fr", "Le département d'État a approuvé 150 missiles Javelin pour la Pologne, qui s'ajoutent aux 200 "
           "missiles que la Pologne a achetés en 2018."),
])
def test_relative_clause_with_its_own_equipment_gives_it_its_own_status(extract, lang, text):
    x = extract(text, lang)
    assert [(t.status, [(i.designation, i.quantity) for i in t.items]) for t in x.transfers] == \
        [("approved", [("Javelin", 150)]), ("signed", [(None, 200)])]


# --- the news's undated deal, then the same equipment bought in a year before the news ---------

@pytest.mark.parametrize("lang,text", [
    ("en", "France has agreed to sell 20 more Rafale jets to Peru. The deal is worth 3 billion euros. Peru "
           "was the first foreign country to buy the Rafale jets in 2017."),
    ("fr", "La France a accepté de vendre 20 Rafale de plus au Pérou. Le contrat s'élève à 3 milliards "
           "d'euros. Le Pérou avait été le premier pays étranger à acheter des Rafale en 2017."),
])
def test_purchase_of_an_earlier_year_is_not_the_news_deal(extract, lang, text):
    x = extract(text, lang)
    assert [(t.supplier.id, t.recipient.id, [(i.designation, i.quantity) for i in t.items]) for t in x.transfers] == \
        [("FRA", "PER", [("Rafale", 20)]), ("FRA", "PER", [("Rafale", None)])]


# --- equipment the buyer already uses is not what the deal sells --------------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "The minister pledged training for Norway's use of German Leopard tanks and offered to sell two "
           "Type 212 submarines to Norway."),
    ("fr", "Le ministre a promis une formation pour l'utilisation par la Norvège des chars Leopard et a proposé "
           "de vendre à la Norvège deux sous-marins Type 212."),
])
def test_equipment_in_use_is_not_sold(extract, lang, text):
    x = extract(text, lang)
    assert [(t.recipient.id, [i.designation for i in t.items]) for t in x.transfers] == [("NOR", ["Type 212"])]


# --- "a $1 billion arms package", "un paquet de 1 milliard de dollars": the deal noun's amount ---

@pytest.mark.parametrize("lang,text", [
    ("en", "Washington approved a $1 billion arms package for Taiwan including 60 Harpoon missiles."),
    ("fr", "Les États-Unis ont approuvé un paquet de 1 milliard de dollars pour Taïwan, dont 60 missiles Harpoon."),
])
def test_amount_of_a_deal_noun_is_its_value(extract, lang, text):
    x = extract(text, lang)
    assert deals(x) == [("USA", "TWN", "approved", [("Harpoon", 60)])]
    assert (x.transfers[0].value.amount, x.transfers[0].value.currency) == (1_000_000_000, "USD")


# --- coordinated givers: one deal each (a signing's two sides excepted) -------------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "The Netherlands and Denmark will donate F-16 jets to Ukraine."),
    ("fr", "Les Pays-Bas et le Danemark vont livrer des F-16 à l'Ukraine."),
])
def test_coordinated_suppliers_give_one_deal_each(extract, lang, text):
    assert deals(extract(text, lang)) == [("NLD", "UKR", "approved", [("F-16", None)]),
                                          ("DNK", "UKR", "approved", [("F-16", None)])]


# --- a maker wins an order from its buyer; a buyer awards a maker a contract --------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "Hanwha won an order from Norway for 24 K9 howitzers."),
    ("en", "Norway awarded Hanwha a contract for 24 K9 howitzers."),
    ("fr", "Hanwha a remporté une commande de la Norvège pour 24 obusiers K9."),
    ("fr", "La Norvège a attribué à Hanwha un contrat pour 24 obusiers K9."),
])
def test_order_won_from_or_awarded_by_the_buyer(extract, lang, text):
    assert deals(extract(text, lang)) == [("KOR", "NOR", "signed", [("K9", 24)])]


# --- "X will get Y from A and B": a receiving verb, and each giver its own deal -----------------

@pytest.mark.parametrize("lang,text", [
    ("en", "Ukraine will get Caesar howitzers from Denmark and Germany."),
    ("fr", "L'Ukraine va recevoir des obusiers Caesar du Danemark et de l'Allemagne."),
])
def test_equipment_got_from_two_givers(extract, lang, text):
    assert deals(extract(text, lang)) == [("DNK", "UKR", "approved", [("Caesar", None)]),
                                          ("DEU", "UKR", "approved", [("Caesar", None)])]


# --- "to Japan's deployment of ...": the preposition governs the possessed noun, not the state --

@pytest.mark.parametrize("lang,text", [
    ("en", "Last week the minister disclosed the purchase of the jets, saying they are a response to Japan's "
           "deployment of American F-35 planes."),
    ("fr", "La semaine dernière, le ministre a révélé l'achat des avions, une réponse au déploiement par le "
           "Japon d'avions F-35 américains."),
])
def test_possessor_after_to_is_no_recipient(extract, lang, text):
    assert deals(extract(text, lang)) == []


@pytest.mark.parametrize("lang,text", [
    ("en", "France will deliver 20 Caesar howitzers to Ukraine's army."),
    ("fr", "La France livrera 20 canons Caesar à l'armée ukrainienne."),
])
def test_possessor_of_a_party_noun_stays_the_recipient(extract, lang, text):
    assert deals(extract(text, lang)) == [("FRA", "UKR", "approved", [("Caesar", 20)])]


# --- an order broken down into variants in a later sentence: one deal, the variants its items ---

@pytest.mark.parametrize("lang,text", [
    ("en", "Hanwha Aerospace is finalising a $900 million contract with Norway for 48 K9 howitzers. The signing "
           "was delayed by elections. The contract marks a record artillery sale for South Korea, with 30 K9A2 "
           "units built by Hanwha Aerospace and 18 K9NO variants assembled by Norway's Kongsberg."),
    ("fr", "Hanwha Aerospace finalise un contrat de 900 millions de dollars avec la Norvège pour 48 obusiers K9. "
           "La signature a été retardée par les élections. Le contrat représente une vente record pour la Corée "
           "du Sud, avec 30 K9A2 fabriqués par Hanwha Aerospace et 18 K9NO assemblés par le groupe norvégien "
           "Kongsberg."),
])
def test_variants_of_an_order_told_after_it_with_the_maker_read_as_buyer(extract, lang, text):
    assert deals(extract(text, lang)) == [("KOR", "NOR", "approved", [("K9A2", 30), ("K9NO", 18)])]


# --- "and about forty others": more of the equipment named before, an item of its own ----------

@pytest.mark.parametrize("lang,text,noun", [
    ("en", "Egypt signed a contract providing for 100 K9 howitzers built in South Korea and the assembly of "
           "about forty others in a local plant.", "howitzer"),
    ("fr", "L'Égypte a signé un contrat prévoyant la réception de 100 obusiers K9 fabriqués en Corée du Sud et "
           "la construction d'une quarantaine d'autres dans une usine locale.", "obusier"),
])
def test_counted_others_are_a_second_item_of_the_same_family(extract, lang, text, noun):
    (t,) = extract(text, lang).transfers
    assert [(i.designation, i.family, i.description, i.quantity, i.quantity_qualifier) for i in t.items] == \
        [("K9", "K9", t.items[0].description, 100, "exact"), (None, "K9", noun, 40, "about")]


# --- an earlier deal in the pluperfect, or of "the first contract", when the news is undated ----

@pytest.mark.parametrize("lang,text", [
    ("en", "Morocco ordered 12 Caracal helicopters from France. In 2019, Rabat had already bought Caracal "
           "helicopters."),
    ("fr", "Le Maroc a commandé 12 hélicoptères Caracal à la France. En 2019, Rabat avait déjà acheté des "
           "hélicoptères Caracal."),
])
def test_dated_pluperfect_deal_is_another_deal(extract, lang, text):
    assert deals(extract(text, lang, published=None)) == [("FRA", "MAR", "signed", [("Caracal", 12)]),
                                                          ("FRA", "MAR", "signed", [("Caracal", None)])]


@pytest.mark.parametrize("lang,text", [
    ("en", "Romania is finalising a contract with South Korea for 54 K9 howitzers. Romania has already received "
           "18 K9 howitzers from the first contract."),
    ("fr", "La Roumanie finalise un contrat avec la Corée du Sud pour 54 obusiers K9. La Roumanie a déjà reçu "
           "18 obusiers K9 au titre du premier contrat."),
])
def test_deliveries_of_the_first_contract_are_another_deal(extract, lang, text):
    assert deals(extract(text, lang, published=None)) == [("KOR", "ROU", "approved", [("K9", 54)]),
                                                          ("KOR", "ROU", "delivered", [("K9", 18)])]


@pytest.mark.parametrize("lang,text", [
    ("en", "It said Peru had requested the purchase of 20 Caracal helicopters from France."),
    ("fr", "Il a indiqué que le Pérou avait demandé l'achat de 20 hélicoptères Caracal à la France."),
])
def test_undated_pluperfect_of_reported_speech_is_the_deal_itself(extract, lang, text):
    x = extract(text, lang, published=None)
    assert [(t.recipient.id, [(i.designation, i.quantity) for i in t.items]) for t in x.transfers] == \
        [("PER", [("Caracal", 20)])]


# --- "Of these 48 howitzers, 30 will be A and 18 B": a breakdown with no deal verb is the deal's --

@pytest.mark.parametrize("lang,text,other", [
    ("en", "Norway signed a $900 million contract with South Korea for 48 K9 howitzers. Of these 48 guns, 30 "
           "will be K9A2 and 18 K9NO, together with 12 armoured vehicles.", "armoured vehicle"),
    ("fr", "La Norvège a signé un contrat de 900 millions de dollars avec la Corée du Sud pour 48 obusiers K9. "
           "Parmi ces 48 canons, 30 seront des K9A2 et 18 des K9NO, accompagnés de 12 véhicules blindés.",
     "véhicule blindé"),
])
def test_breakdown_of_the_order_into_models_without_a_deal_verb(extract, lang, text, other):
    assert deals(extract(text, lang)) == [("KOR", "NOR", "signed", [("K9A2", 30), ("K9NO", 18), (other, 12)])]


@pytest.mark.parametrize("lang,text", [
    ("en", "Norway signed a contract with South Korea for 48 K9 howitzers. Finland operates 30 K9A2 and 16 K9FIN."),
    ("fr", "La Norvège a signé un contrat avec la Corée du Sud pour 48 obusiers K9. La Finlande utilise 30 K9A2 et "
           "16 K9FIN."),
])
def test_models_that_do_not_add_up_to_the_order_are_no_breakdown(extract, lang, text):
    assert deals(extract(text, lang)) == [("KOR", "NOR", "signed", [("K9", 48)])]


# --- the fleet a deal replaces or succeeds is the buyer's old equipment, not a transfer ---------

@pytest.mark.parametrize("lang,text", [
    ("en", "The State Department approved the sale of four C-130J aircraft to Norway. The proposed sale will "
           "replace Norway's retiring C-130H aircraft."),
    ("fr", "Le Département d'État a approuvé la vente de quatre C-130J à la Norvège. Cette vente remplacera "
           "les C-130H que la Norvège retire du service."),
])
def test_fleet_a_sale_replaces_is_no_item_even_alone_in_its_sentence(extract, lang, text):
    assert deals(extract(text, lang)) == [("USA", "NOR", "approved", [("C-130J", 4)])]


@pytest.mark.parametrize("lang,text", [
    ("en", "The State Department approved the sale of four C-130J aircraft to Norway. The sale comes as Norway "
           "retires its C-130H aircraft."),
    ("fr", "Le Département d'État a approuvé la vente de quatre C-130J à la Norvège. Cette vente intervient alors "
           "que la Norvège retire ses C-130H du service."),
])
def test_fleet_the_buyer_retires_is_no_item_nor_a_cancellation(extract, lang, text):
    assert deals(extract(text, lang)) == [("USA", "NOR", "approved", [("C-130J", 4)])]


# --- "already had N of them; now M more: K in all": the earlier fleet and the new order ---------

@pytest.mark.parametrize("lang,text,had,more", [
    ("en", "Chile already had 24 of them; now 30 more: 54 Gripen in all.", 24, 30),
    ("fr", "Le Chili en avait déjà 12, en voici 18 de plus : au total 30 Gripen.", 12, 18),
])
def test_counts_told_before_the_equipment_they_stand_for(extract, lang, text, had, more):
    """The partitive points forward to the equipment named after the counts; the total is no deal."""
    assert deals(extract(text, lang)) == [("SWE", "CHL", "delivered", [("Gripen", had)]),
                                          ("SWE", "CHL", "unknown", [("Gripen", more)])]


@pytest.mark.parametrize("lang,text", [
    ("en", "The Gripen is a Swedish fighter. Chile already owns 24 of them and is ordering 6 more."),
    ("fr", "Le Gripen est un avion de combat suédois. Le Chili en possède déjà 24 et en a commandé 6 de plus."),
])
def test_more_of_the_equipment_already_owned_is_a_new_order(extract, lang, text):
    assert deals(extract(text, lang)) == [("SWE", "CHL", "delivered", [("Gripen", 24)]),
                                          ("SWE", "CHL", "signed", [("Gripen", 6)])]


@pytest.mark.parametrize("lang,text", [
    ("en", "The Gripen is a Swedish fighter. Chile already operates 24 of them, and Brazil has ordered 36 more."),
    ("fr", "Le Gripen est un avion de combat suédois. Le Chili en possède déjà 24, et le Brésil en a commandé 36 "
           "de plus."),
])
def test_more_ordered_by_another_buyer_is_its_order(extract, lang, text):
    assert deals(extract(text, lang)) == [("SWE", "CHL", "delivered", [("Gripen", 24)]),
                                          ("SWE", "BRA", "signed", [("Gripen", 36)])]


@pytest.mark.parametrize("lang,text", [
    ("en", "Peru already owned 12 of them; now 8 more: 20 Caesar howitzers in all. The second contract for the "
           "Caesar, signed with France, is worth 300 million euros."),
    ("fr", "Le Pérou en possédait déjà 12, en voici 8 de plus : au total 20 canons Caesar. Le second contrat pour "
           "des Caesar, signé avec la France, s'élève à 300 millions d'euros."),
])
def test_the_contract_told_next_is_the_new_order_not_the_fleet_owned(extract, lang, text):
    x = extract(text, lang)
    assert deals(x) == [("FRA", "PER", "delivered", [("Caesar", 12)]),
                        ("FRA", "PER", "signed", [("Caesar", 8)])]
    assert [t.value and t.value.amount for t in x.transfers] == [None, 300_000_000]


# --- equipment with a schedule and a value of its own: one contract per value -------------------

def priced(x) -> list[tuple]:
    return [(t.supplier.id, t.recipient.id, t.status, t.value.amount if t.value else None,
             [(i.designation, i.quantity) for i in t.items]) for t in x.transfers]


@pytest.mark.parametrize("lang,text", [
    ("en", "Romania signed a contract with Germany for 150 Leopard tanks for delivery from 2026-2029, valued at "
           "$2.1 billion with a training package, and 90 PzH 2000 howitzers in years 2026-2030, valued at "
           "USD 1.2 bln."),
    ("fr", "La Roumanie a signé avec l'Allemagne un contrat portant sur 150 chars Leopard livrables entre 2026 et "
           "2029, d'une valeur de 2,1 milliards de dollars, et 90 obusiers PzH 2000 livrables entre 2026 et 2030, "
           "d'une valeur de 1,2 milliard de dollars."),
])
def test_groups_with_a_schedule_and_a_value_each(extract, lang, text):
    assert priced(extract(text, lang)) == [("DEU", "ROU", "signed", 2_100_000_000, [("Leopard", 150)]),
                                           ("DEU", "ROU", "signed", 1_200_000_000, [("PzH 2000", 90)])]


@pytest.mark.parametrize("lang,text", [
    ("en", "Romania bought 150 Leopard tanks and 90 PzH 2000 howitzers from Germany, in a deal valued at $3 billion."),
    ("fr", "La Roumanie a acheté à l'Allemagne 150 chars Leopard et 90 obusiers PzH 2000, dans le cadre d'un "
           "contrat d'une valeur de 3 milliards de dollars."),
])
def test_one_value_for_all_the_equipment_is_one_deal(extract, lang, text):
    assert priced(extract(text, lang)) == [("DEU", "ROU", "signed", 3_000_000_000,
                                            [("Leopard", 150), ("PzH 2000", 90)])]


# --- a delivery of two programmes, framework agreements with their contractors, the contracts ---

@pytest.mark.parametrize("lang,text", [
    ("en", "Romania received its first Leopard tanks and PzH 2000 howitzers from Germany on Monday. The framework "
           "agreement with Rheinmetall provides for a total of 300 Leopard tanks. The framework agreement with KNDS "
           "provides for the purchase of 100 PzH 2000 howitzers. Contracts for the first 150 tanks and 90 howitzers "
           "were signed in May."),
    ("fr", "La Roumanie a reçu lundi ses premiers chars Leopard et obusiers PzH 2000 venus d'Allemagne. "
           "L'accord-cadre avec Rheinmetall prévoit l'achat d'un total de 300 chars Leopard. L'accord-cadre avec "
           "KNDS prévoit l'achat de 100 obusiers PzH 2000. Les contrats portant sur les 150 premiers chars et 90 "
           "obusiers ont été signés en mai."),
])
def test_framework_agreements_and_the_contracts_delivered(extract, lang, text):
    x = extract(text, lang)
    assert deals(x) == [("DEU", "ROU", "delivered", [("Leopard", 150)]),
                        ("DEU", "ROU", "delivered", [("PzH 2000", 90)]),
                        ("DEU", "ROU", "signed", [("Leopard", 300)]),
                        ("DEU", "ROU", "signed", [("PzH 2000", 100)])]
    assert [t.contractor for t in x.transfers] == [None, None, ["Rheinmetall"], ["KNDS"]]


# --- equipment with a delivery schedule of its own: one contract per schedule --------------------

@pytest.mark.parametrize("lang,text", [
    ("en", "Romania signed a contract with Germany for 150 Leopard tanks for delivery from 2026-2029 and 90 PzH 2000 "
           "howitzers in years 2027-2030."),
    ("fr", "La Roumanie a signé avec l'Allemagne un contrat portant sur 150 chars Leopard livrables entre 2026 et "
           "2029 et 90 obusiers PzH 2000 livrables entre 2027 et 2030."),
])
def test_groups_with_a_schedule_each(extract, lang, text):
    assert deals(extract(text, lang)) == [("DEU", "ROU", "signed", [("Leopard", 150)]),
                                          ("DEU", "ROU", "signed", [("PzH 2000", 90)])]


@pytest.mark.parametrize("lang,text", [
    ("en", "Romania signed a contract with Germany for 150 Leopard tanks and 90 PzH 2000 howitzers, to be delivered "
           "in 2026-2029."),
    ("fr", "La Roumanie a signé avec l'Allemagne un contrat portant sur 150 chars Leopard et 90 obusiers PzH 2000, "
           "livrables entre 2026 et 2029."),
])
def test_one_schedule_for_all_the_equipment_is_one_deal(extract, lang, text):
    assert deals(extract(text, lang)) == [("DEU", "ROU", "signed", [("Leopard", 150), ("PzH 2000", 90)])]


@pytest.mark.parametrize("lang,text", [
    ("en", "Norway ordered 40 Leopard tanks and 20 PzH 2000 howitzers from Germany. The contract with Rheinmetall "
           "covers the 40 Leopard tanks."),
    ("fr", "La Norvège a commandé à l'Allemagne 40 chars Leopard et 20 obusiers PzH 2000. Le contrat avec "
           "Rheinmetall porte sur les 40 chars Leopard."),
])
def test_contractor_of_equipment_counted_alike_is_the_same_deal(extract, lang, text):
    x = extract(text, lang)
    assert deals(x) == [("DEU", "NOR", "signed", [("Leopard", 40), ("PzH 2000", 20)])]
    assert [t.contractor for t in x.transfers] == [["Rheinmetall"]]


@pytest.mark.parametrize("lang,text", [
    ("en", "Romania is buying tanks and howitzers from Germany. Contracts for the first 150 Leopard tanks between "
           "2026 and 2029 and 90 PzH 2000 howitzers between 2026 and 2030 were signed in May."),
    ("fr", "La Roumanie achète des chars et des obusiers à l'Allemagne. Les contrats pour les 150 premiers chars "
           "Leopard entre 2026 et 2029 et 90 obusiers PzH 2000 entre 2026 et 2030 ont été signés en mai."),
])
def test_unnamed_equipment_then_the_contracts_that_name_it(extract, lang, text):
    assert deals(extract(text, lang)) == [("DEU", "ROU", "signed", [("Leopard", 150)]),
                                          ("DEU", "ROU", "signed", [("PzH 2000", 90)])]
