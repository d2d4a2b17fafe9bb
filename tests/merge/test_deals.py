"""The cross-document merge (merge/deals.py, merge/keys.py), on transfer records written for the test."""
from __future__ import annotations

import random

from armsledger.merge import Deal, Decision, TransferSource, merge_transfers
from armsledger.model.records import document_id


def item(designation=None, family=None, category="aircraft", quantity=None):
    return {"designation": designation, "family": family, "description": None, "category": category,
            "quantity": quantity, "quantity_qualifier": "exact" if quantity else None, "evidence": [[0, 5]]}


def transfer(supplier="FRA", recipient="EGY", items=(), value=None, status="signed", date=None,
             channel="unknown", year=None):
    return {"supplier": {"id": supplier, "name": supplier} if supplier else None,
            "recipient": {"id": recipient, "name": recipient} if recipient else None,
            "items": list(items), "value": value, "status": status, "channel": channel,
            "announced_by": [], "contractor": None, "date": date, "year": year, "evidence": [[0, 40]]}


def usd(amount, currency="USD"):
    return {"amount": amount, "currency": currency, "qualifier": "exact"}


def source(doc: str, t: dict, index=0, language="en", published="2025-06-02") -> TransferSource:
    """A stored record of document `doc` (a short name, hashed into a document id)."""
    return TransferSource(record_id=f"tr_{doc}_{index}", document_id=document_id(doc), transfer_index=index,
                          transfer=t, language=language, published=published, source=f"{doc}.txt", title=doc)


def docs_of(deal: Deal) -> list[str]:
    return sorted(s["title"] for s in deal.sources)


def groups(deals: list[Deal]) -> list[list[str]]:
    return sorted(docs_of(d) for d in deals)


# --- one deal, several reports ------------------------------------------------------------------

def test_french_and_english_report_of_one_deal_make_one_deal_with_the_value_conflict_kept():
    fr = source("fr_daily", transfer(items=[item("Rafale", "Rafale", quantity=30)], value=usd(3.75e9, "EUR"),
                                     date="2025-05-30"), language="fr")
    en = source("en_wire", transfer(items=[item("Rafale", "Rafale", quantity=30)], value=usd(4e9, "EUR"),
                                    date="2025-05-30"))
    (deal,) = merge_transfers([fr, en])
    assert (deal.supplier, deal.recipient) == ({"id": "FRA", "name": "FRA"}, {"id": "EGY", "name": "EGY"})
    assert docs_of(deal) == ["en_wire", "fr_daily"]
    assert sorted(deal.values, key=lambda v: v["amount"]) == [
        {"amount": 3.75e9, "currency": "EUR", "qualifier": "exact", "sources": [document_id("fr_daily")]},
        {"amount": 4e9, "currency": "EUR", "qualifier": "exact", "sources": [document_id("en_wire")]}]
    assert len(deal.quantities) == 1 and sorted(deal.quantities[0].pop("sources")) == \
        sorted([document_id("fr_daily"), document_id("en_wire")])
    assert deal.quantities == [{"designation": "Rafale", "quantity": 30, "qualifier": "exact"}]
    assert deal.items == [{"designation": "Rafale", "family": "Rafale", "description": None, "category": "aircraft"}]
    assert deal.status == "signed"
    by_doc = {s["title"]: s for s in deal.sources}
    assert by_doc["fr_daily"]["language"] == "fr" and by_doc["fr_daily"]["items"] == fr.transfer["items"]
    assert by_doc["en_wire"]["evidence"] == [[0, 40]] and by_doc["en_wire"]["record_id"] == "tr_en_wire_0"


def test_approval_then_signature_then_delivery_are_steps_of_one_deal():
    approved = source("notice", transfer("USA", "POL", [item("F-35A", "F-35", quantity=32)], usd(6.5e9),
                                         "approved", "2019-09-11", "FMS"), published="2019-09-11")
    signed = source("news_fr", transfer("USA", "POL", [item("F-35", "F-35", quantity=32)], usd(4.6e9),
                                        "signed", "2020-01-31"), language="fr", published="2020-02-01")
    delivered = source("news_en", transfer("USA", "POL", [item("F-35A", "F-35", quantity=32)], None,
                                           "delivered", "2024-05-30"), published="2024-06-01")
    (deal,) = merge_transfers([delivered, signed, approved])
    assert deal.status == "delivered"
    assert [(s["status"], s["date"], s["document"]) for s in deal.steps] == [
        ("approved", "2019-09-11", document_id("notice")), ("signed", "2020-01-31", document_id("news_fr")),
        ("delivered", "2024-05-30", document_id("news_en"))]
    assert [v["amount"] for v in deal.values] == [6.5e9, 4.6e9]     # a ceiling and a contract, side by side


# --- deals that stay apart ----------------------------------------------------------------------

def test_other_equipment_for_the_same_buyer_is_another_deal():
    tanks = source("a", transfer("KOR", "POL", [item("K2", "K2", "armoured_vehicle", 180)]))
    guns = source("b", transfer("KOR", "POL", [item("K9", "K9", "artillery", 212)]))
    assert groups(merge_transfers([tanks, guns])) == [["a"], ["b"]]


def test_a_follow_on_order_of_the_same_item_is_another_deal():
    first = [source("a", transfer(items=[item("Rafale", "Rafale", quantity=24)], date="2015-02-16")),
             source("b", transfer(items=[item("Rafale", "Rafale", quantity=24)], status="delivered"),
                    published="2016-01-01")]
    second = [source("c", transfer(items=[item("Rafale", "Rafale", quantity=30)], date="2021-05-04")),
              source("d", transfer(items=[item("Rafale", "Rafale", quantity=30)]), published="2021-05-05")]
    assert groups(merge_transfers(first + second)) == [["a", "b"], ["c", "d"]]


def test_two_signatures_of_the_same_item_years_apart_are_two_contracts():
    one = source("a", transfer(items=[item("Rafale", "Rafale")], date="2015-02-16"))
    two = source("b", transfer(items=[item("Rafale", "Rafale")], date="2021-05-04"))
    assert groups(merge_transfers([one, two])) == [["a"], ["b"]]


def test_signatures_dated_only_to_years_apart_are_two_contracts_and_a_year_wins_over_a_date():
    """"signed in 2019" and "signed in 2024" of the same 40 jets: two contracts, even undated to
    the month; a record that names its year (2019) beside a date of the news (2024-03) is of 2019."""
    jets = [item("Gripen E", "Gripen", quantity=40)]
    old = source("archive", transfer(recipient="THA", supplier="SWE", items=jets, year=2019), published=None)
    new = source("wire", transfer(recipient="THA", supplier="SWE", items=jets, year=2024), published=None)
    retold = source("weekly", transfer(recipient="THA", supplier="SWE", items=jets, year=2019, date="2024-03-02"),
                    published=None)
    next_year = source("daily", transfer(recipient="THA", supplier="SWE", items=jets, year=2025), published=None)
    assert groups(merge_transfers([old, new, retold, next_year])) == [["archive", "weekly"], ["daily", "wire"]]
    approved_later = source("notice", transfer(recipient="THA", supplier="SWE", items=jets, status="approved",
                                               year=2020), published=None)
    assert groups(merge_transfers([old, approved_later])) == [["archive"], ["notice"]]


def test_values_far_apart_make_two_deals():
    small = source("a", transfer("KOR", "POL", [item("K2", "K2", "armoured_vehicle", 180)], usd(3.4e9)))
    large = source("b", transfer("KOR", "POL", [item("K2", "K2", "armoured_vehicle", 180)], usd(6.5e9)))
    assert groups(merge_transfers([small, large])) == [["a"], ["b"]]


def test_two_records_of_one_document_are_two_deals():
    a = source("a", transfer(items=[item("Rafale", "Rafale")]), index=0)
    b = source("a", transfer(items=[item("Rafale", "Rafale")]), index=1)
    assert len(merge_transfers([a, b])) == 2


def test_an_undated_record_joins_the_deal_its_quantity_and_value_agree_with():
    old = [source("a", transfer("KOR", "POL", [item("K2", "K2", "armoured_vehicle", 180)], usd(3.4e9),
                                date="2022-08-26")),
           source("b", transfer("KOR", "POL", [item("K2", "K2", "armoured_vehicle", 180)], date="2022-08"))]
    new = [source("c", transfer("KOR", "POL", [item("K2", "K2", "armoured_vehicle", 180)], usd(6.5e9),
                                date="2025-08-01"))]
    undated = source("d", transfer("KOR", "POL", [item("K2", "K2", "armoured_vehicle", 180)], usd(3.37e9),
                                   "delivered"), published=None)
    assert groups(merge_transfers(old + new + [undated])) == [["a", "b", "d"], ["c"]]


# --- records with a party missing or swapped ----------------------------------------------------

def test_a_record_without_supplier_joins_the_one_deal_that_fits():
    deal = [source("a", transfer("USA", "TWN", [item("F-16V", "F-16", quantity=66)], date="2019-08-20"))]
    loose = source("b", transfer(None, "TWN", [item("F-16V", "F-16", quantity=66)]), published="2019-08-21")
    (merged,) = merge_transfers(deal + [loose])
    assert merged.supplier["id"] == "USA" and docs_of(merged) == ["a", "b"]


def test_a_record_without_supplier_stays_alone_when_two_deals_fit():
    deals = [source("a", transfer("USA", "TWN", [item("F-16V", "F-16")])),
             source("b", transfer("FRA", "TWN", [item("Mirage 2000", "Mirage 2000")]))]
    loose = source("c", transfer(None, "TWN", [], status="signed") | {"items": [item(category="aircraft")]})
    assert groups(merge_transfers(deals + [loose])) == [["a"], ["b"], ["c"]]


def test_swapped_parties_join_when_the_quantity_agrees_and_the_deal_keeps_the_majority_direction():
    right = [source("a", transfer("USA", "TWN", [item("F-16C", "F-16", quantity=66)], status="approved")),
             source("b", transfer("USA", "TWN", [item("F-16C", "F-16", quantity=66)], status="approved"))]
    swapped = source("c", transfer("TWN", "USA", [item("F-16V", "F-16", quantity=66)]), published="2019-12-21")
    (deal,) = merge_transfers(right + [swapped])
    assert (deal.supplier["id"], deal.recipient["id"]) == ("USA", "TWN") and docs_of(deal) == ["a", "b", "c"]


# --- the user's decisions -----------------------------------------------------------------------

def test_a_split_keeps_a_document_out_and_a_join_puts_one_in():
    a = source("a", transfer(items=[item("Rafale", "Rafale", quantity=30)]))
    b = source("b", transfer(items=[item("Rafale", "Rafale", quantity=30)]))
    c = source("c", transfer(items=[item("Mistral", "Mistral", "missile")]))
    assert groups(merge_transfers([a, b, c])) == [["a", "b"], ["c"]]
    split = Decision("split", (document_id("b"),), (document_id("a"),), "FRA", "EGY")
    assert groups(merge_transfers([a, b, c], [split])) == [["a"], ["b"], ["c"]]
    join = Decision("join", (document_id("c"),), (document_id("a"), document_id("b")), None, None)
    assert groups(merge_transfers([a, b, c], [join])) == [["a", "b", "c"]]
    # a later split undoes the earlier join for the records it splits off; a later join, the split
    split_b = Decision("split", (document_id("b"),), (document_id("a"), document_id("c")), "FRA", "EGY")
    assert groups(merge_transfers([a, b, c], [join, split_b])) == [["a", "c"], ["b"]]
    assert groups(merge_transfers([a, b, c], [join, split_b, join])) == [["a", "b", "c"]]


def test_a_decision_for_other_parties_changes_nothing():
    a = source("a", transfer(items=[item("Rafale", "Rafale", quantity=30)]))
    b = source("b", transfer(items=[item("Rafale", "Rafale", quantity=30)]))
    split = Decision("split", (document_id("b"),), (document_id("a"),), "FRA", "IND")
    assert groups(merge_transfers([a, b], [split])) == [["a", "b"]]


# --- determinism and ids ------------------------------------------------------------------------

def test_the_input_order_does_not_change_the_output():
    records = [source(f"d{i}", transfer("KOR", "POL", [item("K2", "K2", "armoured_vehicle", q)], status=s,
                                        date=d))
               for i, (q, s, d) in enumerate([(180, "signed", "2022-08-26"), (180, "delivered", "2022-12-06"),
                                              (1000, "signed", "2022-07-27"), (180, "signed", "2025-08-01"),
                                              (180, "approved", None), (None, "signed", None)])]
    expected = [d.to_json() for d in merge_transfers(records)]
    for seed in range(5):
        shuffled = records[:]
        random.Random(seed).shuffle(shuffled)
        assert [d.to_json() for d in merge_transfers(shuffled)] == expected


def test_a_deal_keeps_its_id_when_a_later_report_joins_it():
    a = source("a", transfer(items=[item("Rafale", "Rafale", quantity=30)], date="2021-04-26"))
    b = source("b", transfer(items=[item("Rafale", "Rafale", quantity=30)], status="delivered"),
               published="2024-01-10")
    (alone,) = merge_transfers([a])
    (joined,) = merge_transfers([a, b])
    assert alone.id == joined.id and alone.id.startswith("deal_")


def test_odd_records_are_deals_of_their_own():
    empty = source("a", transfer(None, None, [], status="unknown"))
    (deal,) = merge_transfers([empty])
    assert deal.supplier is None and deal.recipient is None and deal.status == "unknown" and deal.steps == []


# --- end to end with the extractor --------------------------------------------------------------

def test_french_and_english_texts_of_one_deal_extract_and_merge_into_one_deal(extract):
    fr = extract("La Corée du Sud va livrer 24 obusiers K9 à la Norvège : le contrat, d'un montant de "
                 "600 millions de dollars, a été signé mardi à Oslo.", "fr", "2025-03-06")
    en = extract("Norway signed a $620 million contract on Tuesday to buy 24 K9 howitzers from South Korea.",
                 "en", "2025-03-06")
    sources = [TransferSource(record_id=t.record_id, document_id=x.document.id, transfer_index=i,
                              transfer=t.model_dump(mode="json"), language=x.document.language,
                              published=x.document.published)
               for x in (fr, en) for i, t in enumerate(x.transfers)]
    (deal,) = merge_transfers(sources)
    assert (deal.supplier["id"], deal.recipient["id"]) == ("KOR", "NOR")
    assert sorted(s["language"] for s in deal.sources) == ["en", "fr"]
    assert sorted(v["amount"] for v in deal.values) == [600_000_000, 620_000_000]
    assert deal.quantities[0]["quantity"] == 24 and len(deal.quantities) == 1


def test_a_framework_agreement_and_a_contract_under_it_are_two_deals():
    """300 howitzers under a framework agreement and a firm order of the same 300: two deals."""
    guns = [item("K9", "K9", category="artillery", quantity=300)]
    framework = source("weekly", {**transfer(supplier="KOR", recipient="NOR", items=guns), "framework": True})
    contract = source("daily", transfer(supplier="KOR", recipient="NOR", items=guns))
    again = source("wire", {**transfer(supplier="KOR", recipient="NOR", items=guns), "framework": True})
    assert groups(merge_transfers([framework, contract, again])) == [["daily"], ["weekly", "wire"]]


def test_a_record_that_fits_two_deals_alike_joins_the_one_its_documents_other_deals_share():
    """An undated article's 180 tanks fit the 2022 and the 2025 order of 180 alike; its other
    deal, 212 howitzers, is one the 2022 tank order's reporters also tell of: 2022 it is."""
    def tanks(year=None):
        return transfer(supplier="KOR", recipient="NOR", items=[item("K2", "K2", "armoured_vehicle", 180)], year=year)

    guns = transfer(supplier="KOR", recipient="NOR", items=[item("K9", "K9", "artillery", 212)])
    records = [source("early_a", tanks(2022), published=None), source("early_a", guns, 1, published=None),
               source("early_b", tanks(2022), published=None), source("early_b", guns, 1, published=None),
               source("late_a", tanks(2025), published=None), source("late_b", tanks(2025), published=None),
               source("undated", tanks(), published=None), source("undated", guns, 1, published=None)]
    for order in (records, records[::-1]):
        deals = merge_transfers(order)
        assert [docs_of(d) for d in deals if d.items[0]["designation"] == "K2"] == [
            ["early_a", "early_b", "undated"], ["late_a", "late_b"]]
