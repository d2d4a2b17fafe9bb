"""Deal frames (extract/frames.py): supplier, recipient, items and status from the parse, and the
transfers they give (extract/transfers.py). One invented sentence per construction."""
from __future__ import annotations

import pytest

from armsledger.extract.context import DocContext
from armsledger.extract.frames import sentence_frames
from armsledger.nlp.pipelines import get_pipeline


def frames(text: str, lang: str):
    ctx = DocContext(get_pipeline(lang)(text), lang, None)
    out = []
    for sent in ctx.sentences:
        for f in sentence_frames(ctx, sent):
            out.append((f.name, [m.id for m in f.suppliers], [m.id for m in f.recipients],
                        [ctx.text[s:e] for s, e in f.items], f.status))
    return out


def deal(text: str, lang: str, name: str):
    found = [f for f in frames(text, lang) if f[0] == name]
    assert found, frames(text, lang)
    return found[0][1:]


def pairs(x) -> list[tuple[str | None, str | None]]:
    return [(t.supplier.id if t.supplier else None, t.recipient.id if t.recipient else None) for t in x.transfers]


# --- frames ----------------------------------------------------------------------------------------

@pytest.mark.usefixtures("nlp_ready")
class TestFrames:
    def test_active_sale_fr(self):
        assert deal("La Norvège a vendu 12 obusiers K9 au Brésil.", "fr", "sale") == \
            (["NOR"], ["BRA"], ["12 obusiers K9"], "signed")

    def test_passive_delivery_with_agent_fr(self):
        sup, rec, items, status = deal("Douze canons Caesar ont été livrés au Maroc par la France.", "fr", "delivery")
        assert (sup, rec, status) == (["FRA"], ["MAR"], "delivered")
        assert items and "Caesar" in items[0]

    def test_future_passive_is_approved_en(self):
        sup, rec, items, status = deal("Forty Javelin missiles will be delivered to Chile by Spain.", "en", "delivery")
        assert (sup, rec, status) == (["ESP"], ["CHL"], "approved")

    def test_buyer_as_subject_fr(self):
        assert deal("Le Pérou a commandé 24 hélicoptères Caracal à la France.", "fr", "purchase")[:2] == \
            (["FRA"], ["PER"])

    def test_buyer_as_subject_en(self):
        sup, rec, _, status = deal("Chile bought 10 F-16 jets from Norway.", "en", "purchase")
        assert (sup, rec, status) == (["NOR"], ["CHL"], "signed")

    def test_dative_with_en(self):
        sup, rec, items, _ = deal("Germany will provide Ukraine with 20 Leopard tanks.", "en", "equip")
        assert (sup, rec) == (["DEU"], ["UKR"])
        assert items and "Leopard" in items[0]

    def test_dative_doter_fr(self):
        sup, rec, _, _ = deal("L'Italie a doté la Tunisie de six patrouilleurs.", "fr", "equip")
        assert (sup, rec) == (["ITA"], ["TUN"])

    def test_list_of_buyers_en(self):
        sup, rec, _, status = deal("Sweden sold Gripen fighters to Hungary, Brazil and Thailand.", "en", "sale")
        assert (sup, rec, status) == (["SWE"], ["HUN", "BRA", "THA"], "signed")

    def test_list_of_buyers_fr(self):
        assert deal("La France a vendu des canons Caesar à l'Estonie, à la Croatie et à l'Arménie.", "fr", "sale")[:2] == \
            (["FRA"], ["EST", "HRV", "ARM"])

    def test_nominal_frame_under_an_approval(self):
        # the deal noun takes the approving government as its supplier, and its status
        sup, rec, items, status = deal("Washington a approuvé la vente de 48 missiles AIM-120 à la Pologne.", "fr", "sale")
        assert (sup, rec, status) == (["USA"], ["POL"], "approved")
        assert items == ["de 48 missiles AIM-120"]

    def test_nominal_purchase_with_agent_fr(self):
        assert deal("L'acquisition de 64 F-35 par la Finlande a été confirmée.", "fr", "purchase")[1] == ["FIN"]

    def test_possessive_buyer_en(self):
        assert deal("Poland's order of 180 K2 tanks was signed in July.", "en", "purchase")[1] == ["POL"]

    def test_participle_qualifies_the_items(self):
        sup, rec, items, status = deal("Les frégates livrées à l'Égypte sont arrivées.", "fr", "delivery")
        assert (rec, status) == (["EGY"], "delivered")

    def test_demonym_of_the_equipment_is_the_supplier(self):
        assert deal("Les frégates italiennes livrées à l'Égypte sont arrivées.", "fr", "delivery")[:2] == \
            (["ITA"], ["EGY"])
        assert deal("Egypt received Italian frigates.", "en", "receive")[:2] == (["ITA"], ["EGY"])

    def test_a_coordinated_clause_is_not_a_buyer(self):
        # "et 200 militaires français seront déployés": France is not a second recipient
        text = "18 canons Caesar seront livrés à l'Estonie et 200 militaires français seront déployés en Roumanie."
        assert deal(text, "fr", "delivery")[1] == ["EST"]

    def test_controlling_verb_gives_the_status(self):
        assert deal("Argentina plans to buy 24 F-16 jets from Denmark.", "en", "purchase")[3] == "proposed"


# --- transfers read from frames ----------------------------------------------------------------------

def test_one_transfer_per_buyer_of_a_list(extract):
    x = extract("Sweden sold Gripen fighters to Hungary, Brazil and Thailand.", "en")
    assert sorted(pairs(x)) == [("SWE", "BRA"), ("SWE", "HUN"), ("SWE", "THA")]
    assert {t.status for t in x.transfers} == {"signed"}


def test_buyer_as_subject_gives_the_recipient(extract):
    x = extract("Chile bought 10 F-16 jets from Norway.", "en")
    assert pairs(x) == [("NOR", "CHL")]
    assert [(i.designation, i.quantity) for i in x.transfers[0].items] == [("F-16", 10)]


def test_passive_with_agent_gives_the_supplier(extract):
    x = extract("Douze canons Caesar ont été livrés au Maroc par la France.")
    assert pairs(x) == [("FRA", "MAR")]
    assert x.transfers[0].status == "delivered"
