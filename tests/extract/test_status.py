"""Deal status (extract/status.py): cues read on lemma and part of speech, linked to the deal by the
parse, with tense, mood and negation; the most advanced step a deal's sentences state wins.
One invented sentence per construction, in French and in English, asserting the whole status."""
from __future__ import annotations

import pytest


def statuses(x) -> list[tuple[str | None, str | None, str]]:
    return [(t.supplier.id if t.supplier else None, t.recipient.id if t.recipient else None, t.status)
            for t in x.transfers]


CASES = [
    # a signing told in the past
    ("fr", "La Norvège a signé un contrat avec la France pour 12 hélicoptères Caracal.", [("FRA", "NOR", "signed")]),
    ("en", "Norway signed a contract with France for 12 Caracal helicopters.", [("FRA", "NOR", "signed")]),
    # a delivery to come is approved
    ("fr", "La France livrera 6 canons Caesar au Maroc.", [("FRA", "MAR", "approved")]),
    ("en", "France will deliver 6 Caesar howitzers to Morocco.", [("FRA", "MAR", "approved")]),
    # a delivery done
    ("fr", "La France a livré 6 canons Caesar au Maroc.", [("FRA", "MAR", "delivered")]),
    ("en", "France delivered 6 Caesar howitzers to Morocco.", [("FRA", "MAR", "delivered")]),
    # a contract being finalised is not signed yet
    ("fr", "La Serbie finalise avec la France un contrat pour 12 avions Rafale.", [("FRA", "SRB", "approved")]),
    ("en", "Serbia is finalizing a contract with France for 12 Rafale jets.", [("FRA", "SRB", "approved")]),
    # a decision to buy is approved, a plan to buy proposed
    ("fr", "Le Chili a décidé d'acheter 20 chars Leopard à l'Allemagne.", [("DEU", "CHL", "approved")]),
    ("en", "Chile decided to buy 20 Leopard tanks from Germany.", [("DEU", "CHL", "approved")]),
    ("fr", "Le Chili envisage d'acheter 20 chars Leopard à l'Allemagne.", [("DEU", "CHL", "proposed")]),
    ("en", "Chile plans to buy 20 Leopard tanks from Germany.", [("DEU", "CHL", "proposed")]),
    # a verb whose object names a step reads as that step
    ("fr", "Le Chili a reçu le feu vert pour acheter 20 chars Leopard à l'Allemagne.", [("DEU", "CHL", "approved")]),
    ("en", "Chile received approval to buy 20 Leopard tanks from Germany.", [("DEU", "CHL", "approved")]),
    # a cancellation wins over the purchase it calls off
    ("fr", "Le Chili a décidé d'annuler le contrat d'achat de 20 chars Leopard à l'Allemagne.", [("DEU", "CHL", "cancelled")]),
    ("en", "Chile decided to cancel a contract to buy 20 German Leopard tanks.", [("DEU", "CHL", "cancelled")]),
    # a hold keeps a deal signed
    ("fr", "L'Allemagne a suspendu la livraison de 20 chars Leopard au Chili.", [("DEU", "CHL", "signed")]),
    ("en", "Germany suspended the delivery of 20 Leopard tanks to Chile.", [("DEU", "CHL", "signed")]),
    # equipment the buyer already has was delivered, whenever it was bought
    ("fr", "Le Chili dispose déjà de 20 chars Leopard achetés à l'Allemagne en 2015.", [("DEU", "CHL", "delivered")]),
    ("en", "Chile already operates 20 Leopard tanks bought from Germany in 2015.", [("DEU", "CHL", "delivered")]),
    # a deal noun told signed, subject of the verb that lists the equipment
    ("fr", "Le contrat signé lundi par l'Allemagne porte sur 20 chars Leopard pour le Chili.", [("DEU", "CHL", "signed")]),
    ("en", "The contract signed by Germany on Monday covers 20 Leopard tanks for Chile.", [("DEU", "CHL", "signed")]),
    # a deal the text only calls a contract: signed, when nothing else speaks
    ("fr", "Ce contrat de l'Allemagne porte sur 20 chars Leopard pour le Chili.", [("DEU", "CHL", "signed")]),
    ("en", "This contract from Germany covers 20 Leopard tanks for Chile.", [("DEU", "CHL", "signed")]),
    # equipment acquired is the buyer's: delivered; equipment bought, a signed purchase
    ("fr", "Le Chili a acquis 20 chars Leopard auprès de l'Allemagne.", [("DEU", "CHL", "delivered")]),
    ("en", "Chile acquired 20 Leopard tanks from Germany.", [("DEU", "CHL", "delivered")]),
    ("fr", "Le Chili a acheté 20 chars Leopard à l'Allemagne.", [("DEU", "CHL", "signed")]),
    ("en", "Chile bought 20 Leopard tanks from Germany.", [("DEU", "CHL", "signed")]),
    # deliveries begun are a delivery; deliveries to begin, one to come
    ("fr", "Les livraisons des 20 chars Leopard de l'Allemagne au Chili ont commencé en mai.", [("DEU", "CHL", "delivered")]),
    ("en", "Deliveries of the 20 Leopard tanks from Germany to Chile began in May.", [("DEU", "CHL", "delivered")]),
    ("fr", "Les livraisons des 20 chars Leopard de l'Allemagne au Chili commenceront en mai.", [("DEU", "CHL", "approved")]),
    ("en", "Deliveries of the 20 Leopard tanks from Germany to Chile will begin in May.", [("DEU", "CHL", "approved")]),
    # an order is a firm order: signed, even beside an announcement
    ("fr", "Le gouvernement a annoncé la commande par le Chili de 20 chars Leopard à l'Allemagne.", [("DEU", "CHL", "signed")]),
    ("en", "The government announced Chile's order of 20 Leopard tanks from Germany.", [("DEU", "CHL", "signed")]),
    # a package told alone is one announced: approved
    ("fr", "Le paquet de l'Allemagne pour le Chili comprendra 20 chars Leopard.", [("DEU", "CHL", "approved")]),
    ("en", "Germany's package for Chile will include 20 Leopard tanks.", [("DEU", "CHL", "approved")]),
    # words that merely start like a cue are none ("planes", "Block")
    ("en", "Chile signed a contract with Sweden for 12 Gripen planes.", [("SWE", "CHL", "signed")]),
]


@pytest.mark.parametrize("lang,text,expected", CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_status(extract, lang, text, expected):
    assert statuses(extract(text, lang)) == expected


@pytest.mark.parametrize("lang,text", [
    ("fr", "Le Chili a commandé 20 chars Leopard à l'Allemagne en mars. Les 20 chars Leopard ont été livrés au Chili "
           "la semaine dernière."),
    ("en", "Chile ordered 20 Leopard tanks from Germany in March. The 20 Leopard tanks were delivered to Chile "
           "last week."),
])
def test_the_most_advanced_step_of_a_deal_wins(extract, lang, text):
    assert statuses(extract(text, lang)) == [("DEU", "CHL", "delivered")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "La Serbie voulait acheter 12 avions Rafale à la France, mais elle a annulé le contrat en mai."),
    ("en", "Serbia wanted to buy 12 Rafale jets from France but cancelled the deal in May."),
])
def test_calling_off_the_deal_of_the_sentence(extract, lang, text):
    assert statuses(extract(text, lang)) == [("FRA", "SRB", "cancelled")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "La Serbie n'a pas encore signé le contrat d'achat de 12 avions Rafale à la France."),
    ("en", "Serbia has not yet signed the contract to buy 12 Rafale jets from France."),
])
def test_a_signing_denied_leaves_the_deal_proposed(extract, lang, text):
    assert statuses(extract(text, lang)) == [("FRA", "SRB", "proposed")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "La Suède a vendu 24 chasseurs Gripen au Brésil en 2014. D'autres commandes pour la Colombie et le "
           "Pérou ont suivi."),
    ("en", "Sweden sold 24 Gripen fighters to Brazil in 2014. Purchases by Colombia and Peru followed."),
])
def test_orders_of_equipment_told_before_are_signed(extract, lang, text):
    # the deal noun of the later sentence, not the equipment of the first, tells its buyers' step
    assert statuses(extract(text, lang)) == [("SWE", "BRA", "signed"), ("SWE", "COL", "signed"),
                                             ("SWE", "PER", "signed")]


@pytest.mark.parametrize("lang,text", [
    ("fr", "L'Italie a signé un accord de formation avec le Chili et a aussi proposé la vente de 6 frégates au Chili."),
    ("en", "Italy signed a training agreement with Chile and also proposed the sale of 6 frigates to Chile."),
    ("fr", "Le ministre italien a promis son soutien à la marine chilienne et a aussi proposé la vente de "
           "6 frégates FREMM au Chili."),
    ("en", "The Italian minister pledged support for Chile's navy and also proposed cooperation on Chile's plan "
           "to acquire 6 frigates."),
])
def test_a_verb_coordinated_before_the_deal_verb_tells_of_its_own_object(extract, lang, text):
    assert statuses(extract(text, lang)) == [("ITA", "CHL", "proposed")]
