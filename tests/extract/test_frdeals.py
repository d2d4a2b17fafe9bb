"""French deal constructions (extract/transfers.py, frames.py), each with its English counterpart."""
from __future__ import annotations


def deals(x) -> list[tuple]:
    """(supplier, recipient, [(designation, quantity)]) of every transfer, in order."""
    return [(t.supplier.id if t.supplier else None, t.recipient.id if t.recipient else None,
             [(i.designation, i.quantity) for i in t.items]) for t in x.transfers]


# --- a bare count standing for the equipment named before ("en a racheté 12", "12 of them") --------

def test_fr_partitive_count_is_a_deal_of_the_equipment_named_before(extract):
    text = ("La Suède a vendu 30 chasseurs Gripen au Brésil. "
            "La Hongrie en a racheté 14 l'an dernier.")
    assert deals(extract(text)) == [("SWE", "BRA", [("Gripen", 30)]), ("SWE", "HUN", [("Gripen", 14)])]


def test_en_partitive_count_is_a_deal_of_the_equipment_named_before(extract):
    text = ("Sweden sold 30 Gripen fighters to Brazil. "
            "Hungary bought fourteen of them last year.")
    assert deals(extract(text, "en")) == [("SWE", "BRA", [("Gripen", 30)]), ("SWE", "HUN", [("Gripen", 14)])]


def test_fr_partitive_count_of_a_second_verb_of_the_sentence(extract):
    text = "La Norvège a revendu 12 F-16 à la Roumanie et compte en donner huit à l'Ukraine."
    assert deals(extract(text)) == [("NOR", "ROU", [("F-16", 12)]), ("NOR", "UKR", [("F-16", 8)])]


def test_en_partitive_count_of_a_second_verb_of_the_sentence(extract):
    text = "Norway sold 12 F-16 jets to Romania and plans to give eight of them to Ukraine."
    assert deals(extract(text, "en")) == [("NOR", "ROU", [("F-16", 12)]), ("NOR", "UKR", [("F-16", 8)])]


def test_fr_partitive_count_of_a_state_ordering_its_own_equipment_is_no_deal(extract):
    text = "La Suède a vendu 30 chasseurs Gripen au Brésil. Stockholm en a commandé 60 pour sa propre armée de l'air."
    assert deals(extract(text)) == [("SWE", "BRA", [("Gripen", 30)])]


# --- a list of destinations, each with its preposition ("à A, au B, à C", "to A, to B and to C") ----

def test_fr_list_of_destinations_each_a_deal(extract):
    text = "Ce chasseur Gripen a été livré à la Hongrie, au Brésil, à la Thaïlande."
    assert deals(extract(text)) == [("SWE", "HUN", [("Gripen", None)]), ("SWE", "BRA", [("Gripen", None)]),
                                    ("SWE", "THA", [("Gripen", None)])]


def test_en_list_of_destinations_each_a_deal(extract):
    text = "Sweden sold Gripen jets to Hungary, to Brazil and to Thailand."
    assert deals(extract(text, "en")) == [("SWE", "HUN", [("Gripen", None)]), ("SWE", "BRA", [("Gripen", None)]),
                                          ("SWE", "THA", [("Gripen", None)])]


def test_fr_partitive_count_in_collective_numeral(extract):
    text = "La Suède a vendu 30 chasseurs Gripen au Brésil. La Hongrie en a racheté une dizaine."
    x = extract(text)
    assert deals(x) == [("SWE", "BRA", [("Gripen", 30)]), ("SWE", "HUN", [("Gripen", 10)])]
    assert x.transfers[1].items[0].quantity_qualifier == "about"


def test_en_partitive_count_in_words(extract):
    text = "Sweden sold 30 Gripen fighters to Brazil. Hungary bought ten of them."
    assert deals(extract(text, "en")) == [("SWE", "BRA", [("Gripen", 30)]), ("SWE", "HUN", [("Gripen", 10)])]


# --- "ce dernier", "the latter" as a party: the state the mention chain names last ---------------

def test_fr_latter_as_supplier(extract):
    text = ("L'Allemagne a livré 14 chars Leopard à l'Ukraine. Berlin prépare un autre envoi. "
            "Kiev est aussi soutenu par la Norvège. Cette dernière promet l'envoi de 20 obusiers.")
    assert deals(extract(text)) == [("DEU", "UKR", [("Leopard", 14)]), ("NOR", "UKR", [(None, 20)])]


def test_en_latter_as_supplier(extract):
    text = ("Germany delivered 14 Leopard tanks to Ukraine. Berlin is preparing another shipment. "
            "Kyiv is also backed by Norway. The latter has promised to send 20 howitzers.")
    assert deals(extract(text, "en")) == [("DEU", "UKR", [("Leopard", 14)]), ("NOR", "UKR", [(None, 20)])]


# --- the agent of another passive verb is no supplier ("lancée par la Russie") --------------------

def test_fr_agent_of_another_verb_is_no_supplier(extract):
    text = "Des canons Caesar ont été livrés à l'Ukraine pour repousser l'offensive lancée par la Russie."
    assert deals(extract(text)) == [("FRA", "UKR", [("Caesar", None)])]


def test_en_agent_of_another_verb_is_no_supplier(extract):
    text = "Caesar howitzers were delivered to Ukraine to repel the offensive launched by Russia."
    assert deals(extract(text, "en")) == [("FRA", "UKR", [("Caesar", None)])]


def test_fr_agent_of_the_deal_verb_stays_supplier(extract):
    text = "Des canons Caesar ont été livrés à l'Ukraine par la Slovaquie."
    assert deals(extract(text)) == [("SVK", "UKR", [("Caesar", None)])]


# --- the one who awaits a delivery receives it ("X attend une livraison de", "X is awaiting delivery of")

def test_fr_awaited_delivery_has_its_recipient(extract):
    text = "Le Ghana attend une livraison de six drones Bayraktar TB2."
    assert deals(extract(text)) == [("TUR", "GHA", [("Bayraktar TB2", 6)])]


def test_en_awaited_delivery_has_its_recipient(extract):
    text = "Ghana is awaiting delivery of six Bayraktar TB2 drones."
    assert deals(extract(text, "en")) == [("TUR", "GHA", [("Bayraktar TB2", 6)])]


# --- a list of buyers the parser coordinates with the deal noun ("commandes pour A, B et C") -------

def test_fr_list_of_buyers_of_a_deal_noun(extract):
    text = "La Suède a vendu 30 chasseurs Gripen au Brésil. D'autres commandes pour le Chili, l'Irak et la Hongrie"
    assert deals(extract(text)) == [("SWE", "BRA", [("Gripen", 30)]), ("SWE", "CHL", [("Gripen", None)]),
                                    ("SWE", "IRQ", [("Gripen", None)]), ("SWE", "HUN", [("Gripen", None)])]


def test_en_list_of_buyers_of_a_deal_noun(extract):
    text = "Sweden sold 30 Gripen fighters to Brazil. Other orders for Chile, Iraq and Hungary"
    assert deals(extract(text, "en")) == [("SWE", "BRA", [("Gripen", 30)]), ("SWE", "CHL", [("Gripen", None)]),
                                          ("SWE", "IRQ", [("Gripen", None)]), ("SWE", "HUN", [("Gripen", None)])]


# --- a state that owns a count of the equipment named before ("la Grèce, qui en possède 24") -------

def test_fr_owner_of_a_partitive_count_received_it(extract):
    x = extract("La Suède a vendu 30 chasseurs Gripen au Brésil, après la Hongrie qui en possède 14.")
    assert deals(x) == [("SWE", "BRA", [("Gripen", 30)]), ("SWE", "HUN", [("Gripen", 14)])]
    assert x.transfers[1].status == "delivered"


def test_en_owner_of_a_partitive_count_received_it(extract):
    x = extract("Sweden sold 30 Gripen fighters to Brazil, after Hungary, which already owns 14 of them.", "en")
    assert deals(x) == [("SWE", "BRA", [("Gripen", 30)]), ("SWE", "HUN", [("Gripen", 14)])]
    assert x.transfers[1].status == "delivered"


def test_fr_owning_without_a_partitive_count_is_no_deal(extract):
    x = extract("La Suède a vendu 30 chasseurs Gripen au Brésil. La Russie possède 600 chasseurs.")
    assert deals(x) == [("SWE", "BRA", [("Gripen", 30)])]


# --- a plural contract noun listing several programmes: one contract each ---------------------------

def test_fr_contracts_for_several_programmes_are_several_deals(extract):
    text = "La Roumanie a signé des contrats pour l'achat de chars K2 et d'obusiers K9."
    assert deals(extract(text)) == [("KOR", "ROU", [("K2", None)]), ("KOR", "ROU", [("K9", None)])]


def test_en_contracts_for_several_programmes_are_several_deals(extract):
    text = "Romania signed contracts for K2 tanks and K9 howitzers."
    assert deals(extract(text, "en")) == [("KOR", "ROU", [("K2", None)]), ("KOR", "ROU", [("K9", None)])]


def test_fr_one_contract_for_several_programmes_is_one_deal(extract):
    text = "La Roumanie a signé un contrat pour l'achat de chars K2 et d'obusiers K9."
    assert deals(extract(text)) == [("KOR", "ROU", [("K2", None), ("K9", None)])]


def test_en_one_contract_for_several_programmes_is_one_deal(extract):
    text = "Romania signed a contract for K2 tanks and K9 howitzers."
    assert deals(extract(text, "en")) == [("KOR", "ROU", [("K2", None), ("K9", None)])]


# --- a contract "concluded with" a state: that state sells, the one approving it buys ---------------

def test_fr_contract_concluded_with_a_state_approved_by_the_buyer(extract):
    text = ("Le Parlement roumain a approuvé une extension de 2,5 milliards de dollars du contrat portant sur "
            "les chars K2 conclu avec la Corée du Sud.")
    x = extract(text)
    assert deals(x) == [("KOR", "ROU", [("K2", None)])]
    assert x.transfers[0].value.amount == 2_500_000_000


def test_en_contract_signed_with_a_state_approved_by_the_buyer(extract):
    text = "The Romanian parliament approved a $2 billion extension to the contract for K2 tanks signed with South Korea."
    x = extract(text, "en")
    assert deals(x) == [("KOR", "ROU", [("K2", None)])]
    assert x.transfers[0].value.amount == 2_000_000_000


# --- a state approving a purchase that names no party approves its own purchase -------------------

def test_fr_state_approving_a_purchase_buys(extract):
    x = extract("La Pologne a approuvé l'acquisition de 96 hélicoptères Apache.")
    assert deals(x) == [("USA", "POL", [("Apache", 96)])]
    assert x.transfers[0].status == "approved"


def test_en_state_approving_a_purchase_buys(extract):
    x = extract("Poland approved the acquisition of 96 Apache helicopters.", "en")
    assert deals(x) == [("USA", "POL", [("Apache", 96)])]
    assert x.transfers[0].status == "approved"


def test_fr_approval_of_a_purchase_by_another_state(extract):
    x = extract("Les États-Unis ont approuvé l'achat par la Pologne de 96 hélicoptères Apache.")
    assert deals(x) == [("USA", "POL", [("Apache", 96)])]


def test_fr_list_of_recipients_with_and_without_prepositions(extract):
    text = "Les États-Unis ont vendu des F-16 à la Belgique, la Norvège et aux Pays-Bas."
    assert deals(extract(text)) == [("USA", "BEL", [("F-16", None)]), ("USA", "NOR", [("F-16", None)]),
                                    ("USA", "NLD", [("F-16", None)])]


def test_en_list_of_recipients_with_and_without_prepositions(extract):
    text = "The United States sold F-16s to Belgium, Norway and to the Netherlands."
    assert deals(extract(text, "en")) == [("USA", "BEL", [("F-16", None)]), ("USA", "NOR", [("F-16", None)]),
                                          ("USA", "NLD", [("F-16", None)])]


# --- counts that repeat the verb for other buyers ("80 à A, 42 à B et 12 à C") ----------------------

def test_fr_gapped_counts_for_other_buyers(extract):
    text = "La France a livré 80 Rafale à l'Égypte, 42 à l'Indonésie et 6 au Pérou."
    assert deals(extract(text)) == [("FRA", "EGY", [("Rafale", 80)]), ("FRA", "IDN", [("Rafale", 42)]),
                                    ("FRA", "PER", [("Rafale", 6)])]


def test_en_gapped_counts_for_other_buyers(extract):
    text = "France sold 80 Rafale jets to the UAE, 42 to Indonesia and 6 to Peru."
    assert deals(extract(text, "en")) == [("FRA", "ARE", [("Rafale", 80)]), ("FRA", "IDN", [("Rafale", 42)]),
                                          ("FRA", "PER", [("Rafale", 6)])]


def test_fr_a_year_after_the_buyer_is_no_gapped_count(extract):
    text = "La France a vendu 80 Rafale aux Émirats arabes unis en 2021 pour 16 milliards d'euros."
    assert deals(extract(text)) == [("FRA", "ARE", [("Rafale", 80)])]


# --- a state in a phrase or clause that is no supplier role is no supplier -------------------------

def test_fr_state_in_an_oblique_of_another_role_is_no_supplier(extract):
    assert deals(extract("Face à la Russie, l'Ukraine a reçu 12 canons Caesar.")) == [("FRA", "UKR", [("Caesar", 12)])]


def test_en_state_in_an_oblique_of_another_role_is_no_supplier(extract):
    text = "In its war against Russia, Ukraine has received 12 Caesar howitzers."
    assert deals(extract(text, "en")) == [("FRA", "UKR", [("Caesar", 12)])]


def test_fr_subject_of_another_verb_is_no_supplier(extract):
    text = "Pendant que la Russie bombardait Kharkiv, des chars Leopard étaient livrés à l'Ukraine."
    assert deals(extract(text)) == [("DEU", "UKR", [("Leopard", None)])]


def test_en_subject_of_another_verb_is_no_supplier(extract):
    text = "While Russia was shelling Kharkiv, Leopard tanks were delivered to Ukraine."
    assert deals(extract(text, "en")) == [("DEU", "UKR", [("Leopard", None)])]


def test_fr_supplier_role_preposition_still_names_the_supplier(extract):
    text = "L'Ukraine a reçu 12 canons Caesar de la part de la Slovaquie."
    assert deals(extract(text)) == [("SVK", "UKR", [("Caesar", 12)])]


def test_fr_partitive_without_a_count(extract):
    text = "Le Brésil a acquis 36 Gripen. La Colombie et la Thaïlande en ont commandé aussi."
    assert deals(extract(text)) == [("SWE", "BRA", [("Gripen", 36)]), ("SWE", "COL", [("Gripen", None)]),
                                    ("SWE", "THA", [("Gripen", None)])]


def test_en_partitive_without_a_count(extract):
    text = "Brazil acquired 36 Gripen jets. Colombia and Thailand also ordered some of them."
    assert deals(extract(text, "en")) == [("SWE", "BRA", [("Gripen", 36)]), ("SWE", "COL", [("Gripen", None)]),
                                          ("SWE", "THA", [("Gripen", None)])]


# --- a pronoun subject of a deal verb: the state that was the subject before ------------------------

def test_fr_pronoun_subject_is_the_state_subject_before(extract):
    text = ("La Norvège et le Danemark aident l'Ukraine. La Norvège a annoncé de nouvelles livraisons. "
            "Elle livrera 10 obusiers M109 à l'Ukraine.")
    assert deals(extract(text)) == [("NOR", "UKR", [("M109", 10)])]


def test_en_pronoun_subject_is_the_state_subject_before(extract):
    text = ("Norway and Denmark are helping Ukraine. Norway announced new deliveries. "
            "It will deliver 10 M109 howitzers to Ukraine.")
    assert deals(extract(text, "en")) == [("NOR", "UKR", [("M109", 10)])]


# --- the signing of a contract "by" a state: that state buys -----------------------------------------

def test_fr_signing_by_a_state_names_the_buyer(extract):
    text = ('La Lituanie a commandé 18 canons Caesar. Mardi, la ministre a de nouveau évoqué à la radio '
            'la "signature d\'un accord pour l\'achat de canons Caesar" par la Lettonie.')
    assert deals(extract(text)) == [("FRA", "LTU", [("Caesar", 18)]), ("FRA", "LVA", [("Caesar", None)])]


def test_en_signing_by_a_state_names_the_buyer(extract):
    text = ("Lithuania has already received howitzers. The minister announced the signing of a contract for "
            "Caesar howitzers by Latvia.")
    assert deals(extract(text, "en")) == [("FRA", "LTU", [(None, None)]), ("FRA", "LVA", [("Caesar", None)])]


# --- a reflexive equipping verb: the subject equips itself ("s'est doté de", "equip itself with") ----

def test_fr_reflexive_equip_names_the_buyer(extract):
    assert deals(extract("Le Maroc s'est doté de 24 hélicoptères Apache américains.")) == \
        [("USA", "MAR", [("Apache", 24)])]


def test_en_reflexive_equip_names_the_buyer(extract):
    assert deals(extract("Morocco will equip itself with 24 Apache helicopters.", "en")) == \
        [("USA", "MAR", [("Apache", 24)])]


# --- verbs of receiving that were no cue ("a réceptionné", "a obtenu de") ----------------------------

def test_fr_received_and_obtained_are_deals(extract):
    assert deals(extract("La Pologne a réceptionné ses premiers chars K2 sud-coréens.")) == [("KOR", "POL", [("K2", None)])]
    assert deals(extract("Athènes a obtenu de Washington 40 F-35.")) == [("USA", "GRC", [("F-35", 40)])]


def test_en_received_and_obtained_are_deals(extract):
    assert deals(extract("Poland has received its first South Korean K2 tanks.", "en")) == [("KOR", "POL", [("K2", None)])]
