"""Transfers (extract/transfers.py): one record per deal, with parties, items, value, status, channel."""
from __future__ import annotations

import pytest


def spans_text(text: str, spans) -> list[str]:
    return [text[s:e] for s, e in spans]


def only_transfer(x):
    assert len(x.transfers) == 1, x.transfers
    return x.transfers[0]


def parties(t) -> tuple[str | None, str | None]:
    return (t.supplier.id if t.supplier else None, t.recipient.id if t.recipient else None)


# --- French ----------------------------------------------------------------------------------------

def test_fr_approved_sale_with_value_and_announcer(extract):
    text = ("Les États-Unis ont approuvé une vente de 24 missiles AIM-9X à l'Espagne pour un montant "
            "de 300 millions de dollars, a annoncé le Département d'État.")
    x = extract(text)
    t = only_transfer(x)
    assert parties(t) == ("USA", "ESP")
    assert t.supplier.name == "États-Unis" and t.recipient.name == "Espagne"
    (item,) = t.items
    assert (item.designation, item.family, item.category) == ("AIM-9X", "Sidewinder", "missile")
    assert (item.quantity, item.quantity_qualifier) == (24, "exact")
    assert spans_text(text, item.evidence) == ["24", "missiles AIM-9X"]
    assert t.value is not None
    assert (t.value.amount, t.value.currency, t.value.qualifier) == (300_000_000, "USD", "exact")
    assert t.status == "approved"
    assert t.channel == "FMS"
    assert [a.id for a in t.announced_by] == ["USA"]
    assert (0, len(text)) in t.evidence
    assert x.aid == []  # the deal's value is not aid


def test_fr_deal_gathered_across_two_sentences(extract):
    text = ("Le Département d'État a approuvé une vente potentielle de missiles au Brésil pour un montant "
            "de 150 millions de dollars. Cette vente potentielle comprend 40 missiles AIM-9X et du "
            "matériel de soutien.")
    x = extract(text)
    t = only_transfer(x)
    assert parties(t) == ("USA", "BRA")
    assert [(i.designation, i.quantity) for i in t.items] == [("AIM-9X", 40)]
    assert (t.value.amount, t.value.currency) == (150_000_000, "USD")
    assert (t.status, t.channel) == ("approved", "FMS")
    first_end = text.index(".") + 1
    assert (0, first_end) in t.evidence
    assert (first_end + 1, len(text)) in t.evidence  # "Cette vente potentielle comprend ..."


def test_fr_two_deals_in_two_sentences(extract):
    text = ("La Pologne a commandé 40 missiles AIM-9X aux États-Unis. "
            "L'Espagne a commandé 20 missiles AIM-120C-8 aux États-Unis.")
    x = extract(text)
    assert [parties(t) for t in x.transfers] == [("USA", "POL"), ("USA", "ESP")]
    assert [[(i.designation, i.quantity) for i in t.items] for t in x.transfers] == \
        [[("AIM-9X", 40)], [("AIM-120C-8", 20)]]
    first, second = text[:text.index(".") + 1], text[text.index(".") + 2:]
    assert [first in spans_text(text, t.evidence) for t in x.transfers] == [True, False]
    assert [second in spans_text(text, t.evidence) for t in x.transfers] == [False, True]


def test_fr_sentence_ending_with_a_designation(extract):
    x = extract("La Pologne a commandé 40 missiles AIM-9X. L'Espagne a commandé 20 missiles AIM-120C-8.")
    assert [[i.designation for i in t.items] for t in x.transfers] == [["AIM-9X"], ["AIM-120C-8"]]
    assert [t.recipient.id for t in x.transfers] == ["POL", "ESP"]


def test_fr_unnamed_supplier_is_not_the_other_buyer(extract):
    x = extract("La Pologne a commandé 40 avions F-35A. L'Espagne a commandé 20 missiles AIM-120C-8.")
    assert [t.recipient.id for t in x.transfers] == ["POL", "ESP"]
    for t in x.transfers:
        assert t.supplier is None or t.supplier.id not in {"POL", "ESP"}


def test_fr_value_in_continuation_without_recipient(extract):
    text = ("Le Département d'État américain a autorisé la vente potentielle au Japon de 24 missiles SM-6. "
            "Cette vente potentielle, d'un montant estimé à 450 millions de dollars, comprend aussi des "
            "pièces de rechange.")
    t = only_transfer(extract(text))
    assert parties(t) == ("USA", "JPN")
    assert t.value is not None and t.value.amount == 450_000_000


def test_fr_buyer_verb_makes_the_subject_the_recipient(extract):
    text = "Le Japon a commandé 12 lanceurs Patriot aux États-Unis pour 1,2 milliard de dollars."
    t = only_transfer(extract(text))
    assert parties(t) == ("USA", "JPN")
    (item,) = t.items
    assert (item.designation, item.family, item.category, item.quantity) == ("Patriot", "Patriot", "air_defence", 12)
    assert (t.value.amount, t.value.currency, t.value.qualifier) == (1_200_000_000, "USD", "exact")
    assert t.status == "signed"
    assert t.channel == "unknown"


def test_fr_buyer_verb_with_seller_after_a(extract):
    t = only_transfer(extract("Le Brésil a acheté 36 avions Gripen à la Suède."))
    assert parties(t) == ("SWE", "BRA")
    assert [(i.designation, i.category, i.quantity) for i in t.items] == [("Gripen", "aircraft", 36)]
    assert t.status == "signed"


def test_fr_request_to_buy(extract):
    t = only_transfer(extract("Le Brésil a demandé à acheter 20 missiles AIM-9X aux États-Unis."))
    assert parties(t) == ("USA", "BRA")
    assert t.status == "requested"
    assert t.channel == "unknown"


def test_fr_donation_is_a_grant(extract):
    text = "La Norvège enverra 14 obusiers K9 à l'Ukraine dans le cadre d'un don."
    t = only_transfer(extract(text))
    assert parties(t) == ("NOR", "UKR")
    (item,) = t.items
    assert (item.designation, item.category, item.quantity) == ("K9", "artillery", 14)
    assert t.value is None
    assert t.status == "approved"
    assert t.channel == "grant"


@pytest.mark.xfail(strict=True, reason="engine bug: fr_core_news_md splits this sentence at 'Leopard 2A6' "
                                       "(sentences 'L'Allemagne livrera 10 chars' / 'Leopard 2A6' / "
                                       "'à l'Ukraine'), so no recipient is found and no transfer comes out")
def test_fr_leopard_donation(extract):
    text = "L'Allemagne livrera 10 chars Leopard 2A6 à l'Ukraine."
    t = only_transfer(extract(text))
    assert parties(t) == ("DEU", "UKR")
    (item,) = t.items
    assert (item.designation, item.family, item.category, item.quantity) == \
        ("Leopard 2A6", "Leopard", "armoured_vehicle", 10)
    assert t.status == "approved"
    assert t.channel == "grant"


def test_fr_delivery_done(extract):
    t = only_transfer(extract("L'Espagne a livré six lanceurs Patriot à l'Ukraine, a annoncé Madrid."))
    assert parties(t) == ("ESP", "UKR")
    assert [(i.designation, i.quantity) for i in t.items] == [("Patriot", 6)]
    assert t.status == "delivered"
    assert [(a.id, a.name) for a in t.announced_by] == [("ESP", "Madrid")]


def test_fr_announcer_is_not_the_recipient(extract):
    t = only_transfer(extract("L'Espagne a annoncé l'envoi de six lanceurs Patriot à l'Ukraine."))
    assert parties(t) == ("ESP", "UKR")
    assert [a.id for a in t.announced_by] in ([], ["ESP"])


def test_fr_troop_deployment_is_not_a_transfer(extract):
    x = extract("Le Japon a déployé 3 000 soldats dans la région.")
    assert x.transfers == [] and x.aid == []


# --- English ---------------------------------------------------------------------------------------

def test_en_possible_fms_with_estimated_cost(extract):
    text = ("The State Department approved a possible Foreign Military Sale to Norway of 50 AIM-120C-8 "
            "missiles for an estimated cost of $500 million.")
    t = only_transfer(extract(text, lang="en"))
    assert parties(t) == ("USA", "NOR")
    assert t.recipient.name == "Norway"
    (item,) = t.items
    assert (item.designation, item.family, item.category) == ("AIM-120C-8", "AMRAAM", "missile")
    assert (item.quantity, item.quantity_qualifier) == (50, "exact")
    assert (t.value.amount, t.value.currency, t.value.qualifier) == (500_000_000, "USD", "about")
    assert t.status == "approved"
    assert t.channel == "FMS"
    assert (0, len(text)) in t.evidence


def test_en_estimated_total_cost_sentence(extract):
    text = ("The State Department has approved a possible Foreign Military Sale to Norway of "
            "50 AIM-120C-8 missiles. The estimated total cost is $500 million.")
    t = only_transfer(extract(text, lang="en"))
    assert parties(t) == ("USA", "NOR")
    assert t.value is not None and (t.value.amount, t.value.qualifier) == (500_000_000, "about")


def test_en_buyer_ordered_from(extract):
    t = only_transfer(extract("Japan ordered 8 Patriot launchers from the United States.", lang="en"))
    assert parties(t) == ("USA", "JPN")
    assert [(i.designation, i.category, i.quantity) for i in t.items] == [("Patriot", "air_defence", 8)]
    assert t.status == "signed"


def test_en_donation_is_a_grant(extract):
    t = only_transfer(extract("Norway will donate 20 CV90 vehicles to Ukraine.", lang="en"))
    assert parties(t) == ("NOR", "UKR")
    assert [(i.designation, i.family, i.category, i.quantity) for i in t.items] == \
        [("CV90", "CV90", "armoured_vehicle", 20)]
    assert (t.status, t.channel) == ("approved", "grant")


def test_en_took_delivery_from_a_supplier(extract):
    x = extract("Norway took delivery of 12 K9 howitzers from South Korea on Tuesday, the defence ministry said.",
                lang="en", published="2024-05-10")
    (t,) = x.transfers
    assert (t.supplier.id, t.recipient.id, t.status) == ("KOR", "NOR", "delivered")
    assert [(i.designation, i.quantity) for i in t.items] == [("K9", 12)]


def test_fr_origin_adjective_names_the_supplier(extract):
    x = extract("La Norvège a pris livraison de 12 obusiers K9 sud-coréens mardi.", published="2024-05-10")
    (t,) = x.transfers
    assert (t.supplier.id, t.recipient.id, t.status) == ("KOR", "NOR", "delivered")


def test_civilian_trade_is_not_a_deal(extract):
    x = extract("Germany exported 1.2 million cars to China last year, worth $40 billion, the trade ministry said.",
                lang="en", published="2025-03-01")
    assert x.transfers == [] and x.aid == []


# --- suppliers read from general knowledge: a company's home state, the maker of a weapon family ---

def test_fr_company_named_as_seller_gives_its_home_state(extract):
    text = "La Norvège a signé un contrat avec Hanwha pour 24 obusiers K9."
    t = only_transfer(extract(text))
    assert parties(t) == ("KOR", "NOR")
    assert t.supplier.name == "Hanwha"
    assert [(i.designation, i.family, i.quantity) for i in t.items] == [("K9", "K9", 24)]
    assert t.status == "signed"


def test_en_company_named_as_seller_gives_its_home_state(extract):
    text = "Norway signed a contract with Lockheed Martin for 12 F-35A aircraft."
    t = only_transfer(extract(text, lang="en"))
    assert parties(t) == ("USA", "NOR")
    assert t.supplier.name == "Lockheed Martin"
    assert [(i.designation, i.family, i.quantity) for i in t.items] == [("F-35A", "F-35", 12)]
    assert t.status == "signed"


def test_fr_no_seller_named_the_maker_of_the_weapons_supplies(extract):
    text = "Le Pérou a commandé 12 avions Rafale."
    t = only_transfer(extract(text))
    assert parties(t) == ("FRA", "PER")
    assert t.supplier.name is None
    assert [(i.designation, i.quantity) for i in t.items] == [("Rafale", 12)]
    assert t.status == "signed"


def test_en_no_seller_named_the_maker_of_the_weapons_supplies(extract):
    text = "Peru ordered 20 K2 tanks."
    t = only_transfer(extract(text, lang="en"))
    assert parties(t) == ("KOR", "PER")
    assert t.supplier.name is None
    assert [(i.designation, i.quantity) for i in t.items] == [("K2", 20)]
    assert t.status == "signed"


def test_en_own_industry_is_not_the_supplier(extract):
    text = "South Korea ordered 20 K2 tanks from Hyundai Rotem."
    assert all(t.supplier is None or t.supplier.id != "KOR" for t in extract(text, lang="en").transfers)


def test_fr_the_maker_of_the_weapons_is_not_their_buyer(extract):
    text = "L'Égypte a signé avec la Corée du Sud un contrat pour 10 obusiers K9."
    t = only_transfer(extract(text))
    assert parties(t) == ("KOR", "EGY")
    assert [(i.designation, i.family, i.category, i.quantity) for i in t.items] == [("K9", "K9", "artillery", 10)]
    assert (t.status, t.value) == ("signed", None)


def test_en_the_maker_of_the_weapons_is_not_their_buyer(extract):
    text = "Egypt signed a contract with South Korea for 10 K9 howitzers."
    t = only_transfer(extract(text, lang="en"))
    assert parties(t) == ("KOR", "EGY")
    assert (t.supplier.name, t.recipient.name) == ("South Korea", "Egypt")
    assert [(i.designation, i.family, i.category, i.quantity) for i in t.items] == [("K9", "K9", "artillery", 10)]
    assert (t.status, t.value) == ("signed", None)


# --- a buyer's request; a deal announced in general words then spelled out -----------------------

def test_fr_requesting_state_is_the_recipient(extract):
    text = "Le Pérou a demandé l'achat de 20 missiles AIM-9X aux États-Unis."
    t = only_transfer(extract(text))
    assert parties(t) == ("USA", "PER")
    assert [(i.designation, i.family, i.quantity) for i in t.items] == [("AIM-9X", "Sidewinder", 20)]
    assert (t.status, t.channel, t.value) == ("requested", "unknown", None)


def test_en_requesting_state_is_the_recipient(extract):
    text = "Peru has requested the purchase of 20 AIM-9X missiles from the United States."
    t = only_transfer(extract(text, lang="en"))
    assert parties(t) == ("USA", "PER")
    assert (t.supplier.name, t.recipient.name) == ("United States", "Peru")
    assert [(i.designation, i.family, i.quantity) for i in t.items] == [("AIM-9X", "Sidewinder", 20)]
    assert (t.status, t.channel, t.value) == ("requested", "unknown", None)


def test_fr_named_equipment_after_a_deal_in_general_words_is_that_deal(extract):
    text = ("Le département d'État a approuvé la vente de munitions au Pérou pour 300 millions de dollars. "
            "Ce pays veut renforcer son armée de l'air. Le Pérou avait demandé l'achat de 20 missiles AIM-9X.")
    t = only_transfer(extract(text))
    assert parties(t) == ("USA", "PER")
    assert [(i.designation, i.description, i.quantity) for i in t.items] == \
        [(None, "munition", None), ("AIM-9X", "missile AIM-9X", 20)]
    assert (t.value.amount, t.value.currency) == (300_000_000, "USD")
    assert (t.status, t.channel) == ("approved", "FMS")
    assert spans_text(text, t.evidence)[-1].startswith("Le Pérou avait demandé")


def test_en_named_equipment_after_a_deal_in_general_words_is_that_deal(extract):
    text = ("The State Department approved the sale of $300 million in munitions to Peru. The package would "
            "strengthen the air force. Peru had requested a possible sale of 20 AIM-9X missiles.")
    t = only_transfer(extract(text, lang="en"))
    assert parties(t) == ("USA", "PER")
    assert [(i.designation, i.description, i.quantity) for i in t.items] == \
        [(None, "munition", None), ("AIM-9X", "missile AIM-9X", 20)]
    assert (t.value.amount, t.value.currency) == (300_000_000, "USD")
    assert (t.status, t.channel) == ("approved", "FMS")
    assert spans_text(text, t.evidence)[-1].startswith("Peru had requested")


# --- a deal's value in the sentence after it ------------------------------------------------------

def test_fr_value_in_the_next_sentence(extract):
    text = "La Pologne a commandé 20 chars K2 à la Corée du Sud. La transaction est estimée à 3 milliards de dollars."
    x = extract(text)
    t = only_transfer(x)
    assert parties(t) == ("KOR", "POL")
    assert [(i.designation, i.quantity) for i in t.items] == [("K2", 20)]
    assert (t.value.amount, t.value.currency, t.value.qualifier) == (3_000_000_000, "USD", "exact")
    assert (t.status, t.channel) == ("signed", "unknown")
    assert spans_text(text, t.evidence) == ["La Pologne a commandé 20 chars K2 à la Corée du Sud.",
                                            "La transaction est estimée à 3 milliards de dollars."]
    assert x.aid == []


def test_en_value_in_the_next_sentence(extract):
    text = "Poland ordered 20 K2 tanks from South Korea. The transaction is valued at $3 billion."
    x = extract(text, lang="en")
    t = only_transfer(x)
    assert parties(t) == ("KOR", "POL")
    assert [(i.designation, i.quantity) for i in t.items] == [("K2", 20)]
    assert (t.value.amount, t.value.currency, t.value.qualifier) == (3_000_000_000, "USD", "exact")
    assert (t.status, t.channel) == ("signed", "unknown")
    assert spans_text(text, t.evidence) == ["Poland ordered 20 K2 tanks from South Korea.",
                                            "The transaction is valued at $3 billion."]
    assert x.aid == []


def test_en_amount_of_the_next_paragraph_is_not_the_deals_value(extract):
    text = "Poland ordered 20 K2 tanks from South Korea.\n\nThis brings Poland's spending on arms to $30 billion."
    t = only_transfer(extract(text, lang="en"))
    assert parties(t) == ("KOR", "POL")
    assert t.value is None


def test_fr_amount_of_the_next_paragraph_is_not_the_deals_value(extract):
    text = "La Pologne a commandé 20 chars K2 à la Corée du Sud.\n\nSes dépenses d'armement atteignent ainsi 30 milliards de dollars."
    t = only_transfer(extract(text))
    assert parties(t) == ("KOR", "POL")
    assert t.value is None


# --- a government's choice of equipment ---------------------------------------------------------

def _summary(t):
    return (parties(t), t.recipient.name, t.status, t.value, t.channel,
            [(i.designation, i.family, i.quantity) for i in t.items])


def test_fr_a_state_choosing_equipment_is_an_approved_deal(extract):
    t = only_transfer(extract("Le Pérou a choisi 12 avions Rafale."))
    assert _summary(t) == (("FRA", "PER"), "Pérou", "approved", None, "unknown", [("Rafale", "Rafale", 12)])


def test_en_a_state_choosing_equipment_is_an_approved_deal(extract):
    t = only_transfer(extract("Peru has selected 12 Rafale fighter jets.", lang="en"))
    assert _summary(t) == (("FRA", "PER"), "Peru", "approved", None, "unknown", [("Rafale", "Rafale", 12)])


def test_fr_equipment_chosen_by_several_states_one_deal_each(extract):
    x = extract("Le F-35A a été choisi par la Norvège et la Belgique.")
    assert [_summary(t) for t in x.transfers] == [
        (("USA", "NOR"), "Norvège", "approved", None, "unknown", [("F-35A", "F-35", None)]),
        (("USA", "BEL"), "Belgique", "approved", None, "unknown", [("F-35A", "F-35", None)])]


def test_en_equipment_chosen_by_several_states_one_deal_each(extract):
    x = extract("The F-35A was chosen by Norway and Belgium.", lang="en")
    assert [_summary(t) for t in x.transfers] == [
        (("USA", "NOR"), "Norway", "approved", None, "unknown", [("F-35A", "F-35", None)]),
        (("USA", "BEL"), "Belgium", "approved", None, "unknown", [("F-35A", "F-35", None)])]


# --- the value of a deal given a few sentences on, with its buyer ---------------------------------

def test_fr_value_given_later_for_the_same_buyer(extract):
    text = ("La Finlande a choisi 64 avions F-35A. Les premiers appareils arriveront en 2026. "
            "La commande de la Finlande est évaluée à 8 milliards d'euros.")
    x = extract(text)
    t = only_transfer(x)
    assert _summary(t) == (("USA", "FIN"), "Finlande", "approved", t.value, "unknown", [("F-35A", "F-35", 64)])
    assert (t.value.amount, t.value.currency, t.value.qualifier) == (8_000_000_000, "EUR", "exact")
    assert spans_text(text, t.evidence) == ["La Finlande a choisi 64 avions F-35A.",
                                            "La commande de la Finlande est évaluée à 8 milliards d'euros."]
    assert x.aid == []


def test_en_value_given_later_for_the_same_buyer(extract):
    text = ("Finland has selected 64 F-35A aircraft. The first jets will arrive in 2026. "
            "Finland's order is worth 8 billion euros.")
    x = extract(text, lang="en")
    t = only_transfer(x)
    assert _summary(t) == (("USA", "FIN"), "Finland", "approved", t.value, "unknown", [("F-35A", "F-35", 64)])
    assert (t.value.amount, t.value.currency, t.value.qualifier) == (8_000_000_000, "EUR", "exact")
    assert spans_text(text, t.evidence) == ["Finland has selected 64 F-35A aircraft.",
                                            "Finland's order is worth 8 billion euros."]
    assert x.aid == []


# --- equipment priced apart: separate contracts; their headline total is no deal of its own --------

def _priced(x):
    return [(parties(t), t.status, t.value.amount, t.value.currency, [(i.designation, i.quantity) for i in t.items])
            for t in x.transfers]


def test_fr_equipment_priced_apart_is_separate_contracts(extract):
    x = extract("La Pologne a acheté à la Corée du Sud 180 chars K2 pour 3 milliards de dollars et "
                "200 obusiers K9 pour 2 milliards de dollars.")
    assert _priced(x) == [(("KOR", "POL"), "signed", 3_000_000_000, "USD", [("K2", 180)]),
                          (("KOR", "POL"), "signed", 2_000_000_000, "USD", [("K9", 200)])]
    assert x.aid == []


def test_en_equipment_priced_apart_is_separate_contracts(extract):
    x = extract("Poland bought from South Korea 180 K2 tanks worth $3 billion and 200 K9 howitzers worth $2 billion.",
                lang="en")
    assert _priced(x) == [(("KOR", "POL"), "signed", 3_000_000_000, "USD", [("K2", 180)]),
                          (("KOR", "POL"), "signed", 2_000_000_000, "USD", [("K9", 200)])]
    assert x.aid == []


def test_fr_headline_total_of_priced_contracts_is_no_deal(extract):
    text = ("La Pologne a signé avec la Corée du Sud un contrat de 5 milliards de dollars pour des chars et des "
            "obusiers. Elle a acheté 180 chars K2 pour 3 milliards de dollars et 200 obusiers K9 pour 2 milliards "
            "de dollars.")
    x = extract(text)
    assert _priced(x) == [(("KOR", "POL"), "signed", 3_000_000_000, "USD", [("K2", 180)]),
                          (("KOR", "POL"), "signed", 2_000_000_000, "USD", [("K9", 200)])]
    assert all(spans_text(text, t.evidence) == [text[text.index("Elle"):]] for t in x.transfers)
    assert x.aid == []


def test_en_headline_total_of_priced_contracts_is_no_deal(extract):
    text = ("Poland has signed a $5 billion deal with South Korea for tanks and howitzers. Poland is buying "
            "180 K2 tanks worth $3 billion and 200 K9 howitzers worth $2 billion.")
    x = extract(text, lang="en")
    assert _priced(x) == [(("KOR", "POL"), "signed", 3_000_000_000, "USD", [("K2", 180)]),
                          (("KOR", "POL"), "signed", 2_000_000_000, "USD", [("K9", 200)])]
    assert x.aid == []


# --- "a total of N" counts one deal's equipment; "in all" still sums deals told elsewhere -----------

def test_fr_a_total_of_is_one_deals_quantity(extract):
    t = only_transfer(extract("La Finlande a commandé un total de 64 avions F-35A."))
    assert _summary(t) == (("USA", "FIN"), "Finlande", "signed", None, "unknown", [("F-35A", "F-35", 64)])


def test_en_a_total_of_is_one_deals_quantity(extract):
    t = only_transfer(extract("Finland ordered a total of 64 F-35A aircraft.", lang="en"))
    assert _summary(t) == (("USA", "FIN"), "Finland", "signed", None, "unknown", [("F-35A", "F-35", 64)])


def test_fr_in_all_is_still_a_headline_total(extract):
    assert extract("Au total, la Finlande a commandé 64 avions F-35A.").transfers == []


def test_en_in_all_is_still_a_headline_total(extract):
    assert extract("In all, Finland ordered 64 F-35A aircraft.", lang="en").transfers == []


# --- a count that sums the counts of the same weapon in other sentences is a headline total -------

def test_fr_count_summing_later_contracts_is_left_out(extract):
    text = ("La Pologne a commandé un total de 300 chars K2 à la Corée du Sud. Un premier contrat de 2 milliards "
            "de dollars a été signé pour 100 chars K2. En 2024, la Pologne a acheté 200 autres chars K2 à la "
            "Corée du Sud.")
    x = extract(text)
    assert x.transfers and all(parties(t) == ("KOR", "POL") for t in x.transfers)
    assert all(i.quantity != 300 for t in x.transfers for i in t.items)
    assert all(s > text.index(".") for t in x.transfers for s, _ in t.evidence)


def test_en_count_summing_later_contracts_is_left_out(extract):
    text = ("Poland has ordered a total of 300 K2 tanks from South Korea. A first contract worth $2 billion was "
            "signed for 100 K2 tanks. In 2024, Poland bought 200 more K2 tanks from South Korea.")
    x = extract(text, lang="en")
    assert x.transfers and all(parties(t) == ("KOR", "POL") for t in x.transfers)
    assert all(i.quantity != 300 for t in x.transfers for i in t.items)
    assert all(s > text.index(".") for t in x.transfers for s, _ in t.evidence)


# --- separate contracts of the same parties: told apart by date, count, price, contractor ----------

def _deals(x):
    return [(parties(t), t.status, t.value.amount if t.value else None,
             [(i.designation, i.quantity) for i in t.items]) for t in x.transfers]


def test_fr_contract_of_a_past_year_is_another_deal(extract):
    x = extract("La Norvège a commandé 40 chars K2 à la Corée du Sud. Elle avait déjà acheté 20 chars K2 "
                "à la Corée du Sud en 2019.")
    assert _deals(x) == [(("KOR", "NOR"), "signed", None, [("K2", 40)]),
                         (("KOR", "NOR"), "signed", None, [("K2", 20)])]


def test_en_contract_of_a_past_year_is_another_deal(extract):
    x = extract("Norway ordered 40 K2 tanks from South Korea. It had already bought 20 K2 tanks from "
                "South Korea in 2019.", lang="en")
    assert _deals(x) == [(("KOR", "NOR"), "signed", None, [("K2", 40)]),
                         (("KOR", "NOR"), "signed", None, [("K2", 20)])]


def test_fr_larger_count_of_the_same_equipment_is_another_contract(extract):
    x = extract("La Norvège a commandé 40 chars K2 à la Corée du Sud. À terme, la Norvège prévoit "
                "d'acheter 400 chars K2.")
    assert [d[3] for d in _deals(x)] == [[("K2", 40)], [("K2", 400)]]
    assert all(d[0] == ("KOR", "NOR") for d in _deals(x))


def test_en_larger_count_of_the_same_equipment_is_another_contract(extract):
    x = extract("Norway ordered 40 K2 tanks from South Korea. Eventually, Norway plans to buy 400 K2 tanks.",
                lang="en")
    assert [d[3] for d in _deals(x)] == [[("K2", 40)], [("K2", 400)]]
    assert all(d[0] == ("KOR", "NOR") for d in _deals(x))


def test_fr_second_priced_sale_is_another_contract(extract):
    x = extract("Les États-Unis ont approuvé la vente de 20 missiles AIM-9X au Chili pour 80 millions de dollars. "
                "Séparément, le département d'État a approuvé la vente de 30 missiles AGM-114 pour 60 millions "
                "de dollars.")
    assert _deals(x) == [(("USA", "CHL"), "approved", 80_000_000, [("AIM-9X", 20)]),
                         (("USA", "CHL"), "approved", 60_000_000, [("AGM-114", 30)])]


def test_en_second_priced_sale_is_another_contract(extract):
    x = extract("The United States approved the sale of 20 AIM-9X missiles to Chile for $80 million. Separately, "
                "the State Department approved the sale of 30 AGM-114 missiles for $60 million.", lang="en")
    assert _deals(x) == [(("USA", "CHL"), "approved", 80_000_000, [("AIM-9X", 20)]),
                         (("USA", "CHL"), "approved", 60_000_000, [("AGM-114", 30)])]


def test_fr_equipment_of_other_contractors_is_another_contract(extract):
    x = extract("La Norvège a signé deux contrats avec la Corée du Sud. Hyundai Rotem livrera 40 chars K2. "
                "Hanwha livrera 24 obusiers K9.")
    assert _deals(x) == [(("KOR", "NOR"), "approved", None, [("K2", 40)]),
                         (("KOR", "NOR"), "approved", None, [("K9", 24)])]


def test_en_equipment_of_other_contractors_is_another_contract(extract):
    x = extract("Norway signed two contracts with South Korea. Hyundai Rotem will deliver 40 K2 tanks. "
                "Hanwha will deliver 24 K9 howitzers.", lang="en")
    assert _deals(x) == [(("KOR", "NOR"), "approved", None, [("K2", 40)]),
                         (("KOR", "NOR"), "approved", None, [("K9", 24)])]


# --- the frames of one sentence split its equipment between deals; relative pronouns; party nouns -

def test_fr_two_buyers_of_one_sentence_each_with_their_equipment(extract):
    x = extract("Après le Pérou, qui a décidé d'acheter 12 avions de combat Rafale, le Chili a commandé "
                "20 avions de combat F-16.")
    # a decision to buy is approved, an order signed (annotation.md: the step the text states)
    assert sorted(_deals(x)) == [(("FRA", "PER"), "approved", None, [("Rafale", 12)]),
                                 (("USA", "CHL"), "signed", None, [("F-16", 20)])]


def test_en_two_buyers_of_one_sentence_each_with_their_equipment(extract):
    x = extract("After Peru, which decided to buy 12 Rafale fighter jets, Chile ordered 20 F-16 fighter jets.",
                lang="en")
    # a decision to buy is approved, an order signed (annotation.md: the step the text states)
    assert sorted(_deals(x)) == [(("FRA", "PER"), "approved", None, [("Rafale", 12)]),
                                 (("USA", "CHL"), "signed", None, [("F-16", 20)])]


def test_fr_a_demonym_of_a_witness_is_no_party(extract):
    t = only_transfer(extract("Selon des journalistes chiliens, des Rafale ont été livrés au Pérou."))
    assert parties(t) == ("FRA", "PER")


def test_en_a_demonym_of_a_witness_is_no_party(extract):
    t = only_transfer(extract("According to Chilean journalists, Rafale jets were delivered to Peru.", lang="en"))
    assert parties(t) == ("FRA", "PER")


# --- status of a recent past and of a purchase to come; a speaker is no party -----------------------

def test_fr_a_deal_just_concluded_is_signed(extract):
    t = only_transfer(extract("Le Chili vient de conclure un accord avec la France pour l'acquisition de 12 avions "
                              "de combat Rafale."))
    assert (parties(t), t.status) == (("FRA", "CHL"), "signed")


def test_fr_a_purchase_to_come_is_approved(extract):
    t = only_transfer(extract("Le Chili va commander 12 avions de combat Rafale."))
    assert (parties(t), t.status) == (("FRA", "CHL"), "approved")


def test_en_a_purchase_to_come_is_approved(extract):
    t = only_transfer(extract("Chile will order 12 Rafale fighter jets.", lang="en"))
    assert (parties(t), t.status) == (("FRA", "CHL"), "approved")


def test_fr_a_state_commenting_a_deal_is_no_supplier(extract):
    x = extract("Le Pérou a acheté 12 avions de combat Rafale. Le ministère chilien des Affaires étrangères a "
                "déclaré que le contrat des Rafale menaçait la région.")
    assert [parties(t) for t in x.transfers] == [("FRA", "PER")]


def test_en_a_state_commenting_a_deal_is_no_supplier(extract):
    x = extract("Peru bought 12 Rafale fighter jets. Chile's Foreign Ministry said the Rafale deal threatened "
                "the region.", lang="en")
    assert [parties(t) for t in x.transfers] == [("FRA", "PER")]


# --- one deal named twice by programme and count; who signs a sale to another sells ----------------

def test_fr_a_programme_and_its_count_is_the_deal_told_before(extract):
    x = extract("Les États-Unis ont approuvé la vente de 40 chasseurs F-16V au Chili. Le Pérou a protesté. "
                "Lima a dénoncé la vente par les États-Unis de 40 F-16 au Chili.")
    assert [(parties(t), [(i.designation, i.quantity) for i in t.items]) for t in x.transfers] == \
        [(("USA", "CHL"), [("F-16V", 40)])]


def test_en_a_programme_and_its_count_is_the_deal_told_before(extract):
    x = extract("The United States approved the sale of 40 F-16V fighters to Chile. Peru protested. "
                "Lima condemned the sale by the United States of 40 F-16 to Chile.", lang="en")
    assert [(parties(t), [(i.designation, i.quantity) for i in t.items]) for t in x.transfers] == \
        [(("USA", "CHL"), [("F-16V", 40)])]


def test_fr_the_state_signing_a_sale_to_another_is_its_seller(extract):
    t = only_transfer(extract("Les ministres norvégien et chilien ont signé le contrat de vente au Chili de "
                              "12 avions de combat F-16 d'occasion."))
    assert (parties(t), t.status) == (("NOR", "CHL"), "signed")


def test_en_the_state_signing_a_sale_to_another_is_its_seller(extract):
    t = only_transfer(extract("Norway signed the contract for the sale to Chile of 12 used F-16 fighter jets.",
                              lang="en"))
    assert (parties(t), t.status) == (("NOR", "CHL"), "signed")


# --- deals named in passing: customers, and buyers of the one programme a text is about ----------

def test_fr_a_customer_of_a_weapon_is_a_deal(extract):
    t = only_transfer(extract("Le Pérou est devenu le premier client sud-américain du Rafale."))
    assert (parties(t), [i.designation for i in t.items]) == (("FRA", "PER"), ["Rafale"])


def test_en_a_customer_of_a_weapon_is_a_deal(extract):
    t = only_transfer(extract("Peru became the first South American customer of the Rafale.", lang="en"))
    assert (parties(t), t.status, [i.designation for i in t.items]) == (("FRA", "PER"), "signed", ["Rafale"])


def test_fr_buyers_listed_in_passing_bought_the_programme_of_the_text(extract):
    x = extract("Le Pérou a commandé 12 avions de combat Rafale. D'autres commandes pour le Chili et "
                "l'Uruguay ont suivi.")
    assert [(parties(t), [(i.designation, i.quantity) for i in t.items]) for t in x.transfers] == [
        (("FRA", "PER"), [("Rafale", 12)]), (("FRA", "CHL"), [("Rafale", None)]),
        (("FRA", "URY"), [("Rafale", None)])]


def test_en_buyers_listed_in_passing_bought_the_programme_of_the_text(extract):
    x = extract("Peru ordered 12 Rafale fighter jets. Purchases by Chile and Uruguay followed.", lang="en")
    assert [(parties(t), [(i.designation, i.quantity) for i in t.items]) for t in x.transfers] == [
        (("FRA", "PER"), [("Rafale", 12)]), (("FRA", "CHL"), [("Rafale", None)]),
        (("FRA", "URY"), [("Rafale", None)])]


# --- a deal called off; the money a buyer pays for it; unnamed equipment's maker; one buyer's text --

def test_fr_a_deal_scrapped_is_cancelled(extract):
    t = only_transfer(extract("La France a décidé d'annuler la vente de 12 avions de combat Rafale au Pérou."))
    assert (parties(t), t.status) == (("FRA", "PER"), "cancelled")


def test_en_a_deal_scrapped_is_cancelled(extract):
    t = only_transfer(extract("Peru decided to scrap a deal to buy 12 Rafale fighter jets.", lang="en"))
    assert (parties(t), t.status) == (("FRA", "PER"), "cancelled")


def test_fr_what_the_buyer_pays_for_its_purchase_is_its_value(extract):
    t = only_transfer(extract("Le Pérou a commandé 12 avions de combat Rafale. Le Pérou a décidé de débourser "
                              "2 milliards d'euros pour l'acquisition de ces appareils."))
    assert (parties(t), t.value.amount, t.value.currency) == (("FRA", "PER"), 2_000_000_000, "EUR")


def test_en_what_the_buyer_pays_for_its_purchase_is_its_value(extract):
    t = only_transfer(extract("Peru ordered 12 Rafale fighter jets. Peru will pay 2 billion euros for the "
                              "purchase of these aircraft.", lang="en"))
    assert (parties(t), t.value.amount, t.value.currency) == (("FRA", "PER"), 2_000_000_000, "EUR")


def test_fr_unnamed_equipment_is_made_where_its_named_kind_is(extract):
    x = extract("La France a vendu des canons Caesar au Pérou. Le Chili a aussi commandé 12 canons.")
    assert [parties(t) for t in x.transfers] == [("FRA", "PER"), ("FRA", "CHL")]


def test_en_unnamed_equipment_is_made_where_its_named_kind_is(extract):
    x = extract("France sold Caesar howitzers to Peru. Chile also ordered 12 howitzers.", lang="en")
    assert [parties(t) for t in x.transfers] == [("FRA", "PER"), ("FRA", "CHL")]


def test_fr_contracts_told_before_their_buyer_in_a_text_about_one_buyer(extract):
    x = extract("Hyundai Rotem livrera 40 chars K2 d'ici 2027. Hanwha livrera 24 obusiers K9 d'ici 2028. "
                "La Norvège a aussi commandé 10 avions FA-50 à la Corée du Sud.")
    assert sorted((parties(t), [(i.designation, i.quantity) for i in t.items]) for t in x.transfers) == [
        (("KOR", "NOR"), [("FA-50", 10)]), (("KOR", "NOR"), [("K2", 40)]), (("KOR", "NOR"), [("K9", 24)])]


def test_en_contracts_told_before_their_buyer_in_a_text_about_one_buyer(extract):
    x = extract("Hyundai Rotem will deliver 40 K2 tanks by 2027. Hanwha will deliver 24 K9 howitzers by 2028. "
                "Norway also ordered 10 FA-50 aircraft from South Korea.", lang="en")
    assert sorted((parties(t), [(i.designation, i.quantity) for i in t.items]) for t in x.transfers) == [
        (("KOR", "NOR"), [("FA-50", 10)]), (("KOR", "NOR"), [("K2", 40)]), (("KOR", "NOR"), [("K9", 24)])]


# --- a list of buyers carried on by a clause that adds to it -------------------------------------

def test_fr_buyers_added_by_sans_oublier(extract):
    x = extract("Le Rafale a été choisi par le Pérou et le Chili, sans oublier l'Uruguay et le Paraguay.")
    assert [parties(t) for t in x.transfers] == [("FRA", "PER"), ("FRA", "CHL"), ("FRA", "URY"), ("FRA", "PRY")]


def test_en_buyers_added_by_not_forgetting(extract):
    x = extract("The Rafale was chosen by Peru and Chile, without forgetting Uruguay and Paraguay.", lang="en")
    assert [parties(t) for t in x.transfers] == [("FRA", "PER"), ("FRA", "CHL"), ("FRA", "URY"), ("FRA", "PRY")]


# --- equipment a deal replaces or was preferred to is not what it buys ----------------------------

def test_fr_the_fleet_a_purchase_replaces_is_not_bought(extract):
    t = only_transfer(extract("Le Chili a choisi 24 avions F-35 pour remplacer sa flotte de F-16."))
    assert (parties(t), [(i.designation, i.quantity) for i in t.items]) == (("USA", "CHL"), [("F-35", 24)])


def test_en_the_fleet_a_purchase_replaces_is_not_bought(extract):
    t = only_transfer(extract("Chile selected 24 F-35 aircraft to replace its fleet of F-16 jets.", lang="en"))
    assert (parties(t), [(i.designation, i.quantity) for i in t.items]) == (("USA", "CHL"), [("F-35", 24)])


# --- the year a deal is dated to, which the merge compares ------------------------------------

def test_fr_a_past_year_dates_the_deal_and_a_deadline_does_not(extract):
    x = extract("La Norvège a commandé 40 chars K2 à la Corée du Sud, livrables d'ici 2028. Elle avait déjà "
                "acheté 20 chars K2 à la Corée du Sud en 2019.")
    assert [(t.items[0].quantity, t.year) for t in x.transfers] == [(40, None), (20, 2019)]


def test_en_a_past_year_dates_the_deal_and_a_deadline_does_not(extract):
    x = extract("Norway ordered 40 K2 tanks from South Korea, to be delivered by 2028. It had already bought "
                "20 K2 tanks from South Korea in 2019.", lang="en")
    assert [(t.items[0].quantity, t.year) for t in x.transfers] == [(40, None), (20, 2019)]


def test_fr_a_deadline_is_no_year_even_when_the_news_has_none(extract):
    x = extract("Le groupe Hanwha s'est engagé à livrer 36 obusiers K9 à la Norvège d'ici 2027.", published=None)
    assert [(t.items[0].quantity, t.year) for t in x.transfers] == [(36, None)]


def test_en_a_deadline_is_no_year_even_when_the_news_has_none(extract):
    x = extract("Hanwha promised to deliver 36 K9 howitzers to Norway by 2027.", lang="en", published=None)
    assert [(t.items[0].quantity, t.year) for t in x.transfers] == [(36, None)]


# --- a framework agreement's totals and the contracts made under it ------------------------------

def _framed(x):
    return [(t.items[0].quantity, t.framework, t.status) for t in x.transfers]


def test_fr_framework_totals_and_a_contract_under_them_are_two_deals(extract):
    x = extract("La Norvège a signé un accord-cadre avec Hanwha pour 300 obusiers K9. Elle a ensuite commandé "
                "24 obusiers K9 dans un contrat signé en mars.")
    assert _framed(x) == [(300, True, "signed"), (24, False, "signed")]


def test_en_framework_totals_and_a_contract_under_them_are_two_deals(extract):
    x = extract("Norway signed a framework agreement with Hanwha for 300 K9 howitzers. Under it, Norway then "
                "ordered 24 K9 howitzers in a contract signed in March.", lang="en")
    assert _framed(x) == [(300, True, "signed"), (24, False, "signed")]


def test_en_a_framework_the_parse_ties_to_the_equipment_marks_only_that_deal(extract):
    x = extract("Estonia plans to acquire 200 CV90 vehicles under a framework agreement, and signed a contract "
                "for 40 CV90 vehicles on Monday.", lang="en")
    assert _framed(x) == [(200, True, "proposed"), (40, False, "signed")]


def test_en_a_framework_named_in_another_sentence_does_not_mark_the_contract(extract):
    x = extract("Norway and Hanwha signed a framework agreement in May. The contract signed on Friday covers "
                "24 K9 howitzers for Norway.", lang="en")
    assert [t.framework for t in x.transfers] == [False] * len(x.transfers)


# --- a sale verb's parties stand even for equipment the buyer's own industry makes -------------

def test_en_a_sale_to_the_state_that_makes_the_first_weapon_keeps_its_parties(extract):
    x = extract("The United States has approved the sale of 40 Caesar howitzers to France for an estimated "
                "$300 million. The package also includes 12 M1A2 Abrams tanks.", lang="en")
    assert [(t.supplier.id, t.recipient.id) for t in x.transfers] == [("USA", "FRA")]


def test_fr_a_sale_to_the_state_that_makes_the_first_weapon_keeps_its_parties(extract):
    x = extract("Les États-Unis ont approuvé la vente de 40 canons Caesar à la France pour 300 millions de "
                "dollars. Le paquet comprend aussi 12 chars M1A2 Abrams.")
    assert [(t.supplier.id, t.recipient.id) for t in x.transfers] == [("USA", "FRA")]


def test_en_a_contract_signed_under_a_framework_agreement_is_no_framework(extract):
    x = extract("Under the framework agreement, Poland signed an executive contract for 180 K2 tanks with "
                "Hyundai Rotem.", lang="en")
    assert _framed(x) == [(180, False, "signed")]


def test_fr_a_contract_signed_under_a_framework_agreement_is_no_framework(extract):
    x = extract("Dans le cadre de l'accord-cadre, la Pologne a signé un contrat exécutif portant sur 180 chars K2.")
    assert _framed(x) == [(180, False, "signed")]


def test_en_a_framework_agreement_providing_for_a_purchase_is_one(extract):
    x = extract("The framework agreement with Hanwha provides for the purchase of a total of 300 K9 howitzers "
                "by Norway.", lang="en")
    assert _framed(x) == [(300, True, "signed")]
