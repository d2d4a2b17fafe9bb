"""Reading the ledger: filters, full-text search, deals and decisions; hostile values stay values."""
from __future__ import annotations

import pytest

from armsledger.errors import NotInLedger
from armsledger.merge import Decision
from armsledger.store.deals import add_decision, load_deal, remerge, stored_decisions
from armsledger.store.queries import (
    DealFilters, ledger_counts, list_deals, list_documents, list_records, resolve_document,
)
from armsledger.store.writes import write_extraction
from ledger_records import extraction

FR = "La France a livré six canons Caesar à l'Ukraine après les frappes sur Kharkiv."
EN = "Germany delivered two IRIS-T systems to Ukraine, the ministry said."

HOSTILE = ["'; DROP TABLE documents; --", "\" OR 1=1 --", "%", "_", "\\", "NEAR(a b)", "a* AND NOT b", "'", "\x00",
           "caesar\" OR \"x", "(", "^", "documents MATCH 'x'", "1) UNION SELECT deal FROM deals --"]


@pytest.fixture
def filled(ledger):
    write_extraction(ledger, extraction(FR), input_name="fr.txt")
    write_extraction(ledger, extraction(EN, supplier="DEU", designation="IRIS-T SLM", category="air_defence",
                                        quantity=2, published="2026-04-21", title="Allies", language="en"),
                     input_name="en.txt")
    remerge(ledger)
    return ledger


def _pairs(deals):
    return sorted((d["supplier"]["id"], d["recipient"]["id"]) for d in deals)


def test_deal_filters(filled):
    assert _pairs(list_deals(filled)) == [("DEU", "UKR"), ("FRA", "UKR")]
    assert _pairs(list_deals(filled, DealFilters(supplier="deu"))) == [("DEU", "UKR")]
    assert _pairs(list_deals(filled, DealFilters(supplier="Fra"))) == [("FRA", "UKR")]  # part of the name
    assert _pairs(list_deals(filled, DealFilters(category="air_defence"))) == [("DEU", "UKR")]
    assert _pairs(list_deals(filled, DealFilters(year=2026))) == [("DEU", "UKR")]
    # 2025: FRA published then, and both transfers are dated 2025-05
    assert _pairs(list_deals(filled, DealFilters(year=2025))) == [("DEU", "UKR"), ("FRA", "UKR")]
    assert list_deals(filled, DealFilters(year=2024)) == []
    assert _pairs(list_deals(filled, DealFilters(status="delivered", recipient="UKR"))) == [("DEU", "UKR"),
                                                                                         ("FRA", "UKR")]


def test_full_text_search_ignores_accents_and_case_on_sqlite_and_finds_words_on_both(filled):
    assert _pairs(list_deals(filled, DealFilters(search="caesar KHARKIV"))) == [("FRA", "UKR")]
    assert _pairs(list_deals(filled, DealFilters(search="ministry"))) == [("DEU", "UKR")]
    assert [d["title"] for d in list_documents(filled, search="Germany")] == ["Allies"]
    assert list_documents(filled, search="submarine") == []


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_filter_and_search_values_are_only_values(filled, value):
    assert list_deals(filled, DealFilters(supplier=value, recipient=value, category=value, status=value,
                                          search=value)) == []
    assert list_deals(filled, DealFilters(search=value)) == []
    assert list_records(filled, "figures", measure=value) == []
    assert list_records(filled, "figures", location=value) == []
    assert list_records(filled, "quotes", speaker=value) == []
    assert list_documents(filled, search=value) == []
    with pytest.raises(NotInLedger):
        load_deal(filled, value)
    assert ledger_counts(filled)["documents"] == 2  # nothing was dropped


def test_records_come_with_their_document(filled):
    (figure, _) = list_records(filled, "figures", measure="killed")
    assert (figure["source"], figure["stance"], figure["document"]["title"]) == (
        {"name": "the United Nations", "id": "UN", "kind": "official"}, "reported", "Livraison")
    assert [q["speaker"] for q in list_records(filled, "quotes", speaker="weber")] == ["Anna Weber", "Anna Weber"]
    assert len(list_records(filled, "figures", location="kharkiv")) == 2


def test_deals_and_documents_are_found_by_an_unambiguous_beginning(filled):
    deal = list_deals(filled)[0]
    assert load_deal(filled, deal["id"][:12])["id"] == deal["id"]
    doc = deal["sources"][0]["document"]
    assert resolve_document(filled, doc[:16]) == doc
    with pytest.raises(NotInLedger, match="more than one document"):
        resolve_document(filled, "sha256:")


def test_decisions_are_stored_once_and_read_back(filled):
    decision = Decision(kind="split", documents=("sha256:a",), others=("sha256:b", "sha256:c"), supplier="FRA")
    assert add_decision(filled, decision) is True
    assert add_decision(filled, decision) is False
    (stored,) = stored_decisions(filled)
    assert (stored.kind, stored.documents, stored.others, stored.supplier, stored.recipient) == (
        "split", ("sha256:a",), ("sha256:b", "sha256:c"), "FRA", None)


def test_remerge_reports_deals_created_updated_and_removed(filled):
    again = remerge(filled)
    assert (again.created, again.updated, again.removed, again.total) == (0, 0, 0, 2)
    counts = ledger_counts(filled)
    assert (counts["deals"], counts["deal_sources"], counts["transfers"]) == (2, 2, 2)


@pytest.mark.parametrize("told", [("Caesar", "Leopard 2", "IRIS-T"), ("IRIS-T", "Caesar", "Leopard 2"),
                                  ("Leopard 2", "IRIS-T", "Caesar")])
def test_deals_are_listed_in_the_order_their_documents_tell_them(ledger, told):
    """Not in id order: the merge's order (a document's deals as it tells them) is kept."""
    text = "Trois livraisons à l'Ukraine : " + ", ".join(told) + "."
    base = extraction(text)
    first = base.transfers[0]
    transfers = [first.model_copy(update={"items": [first.items[0].model_copy(update={"designation": name})]})
                 for name in told]
    write_extraction(ledger, base.model_copy(update={"transfers": transfers}).with_record_ids(), input_name="three.txt")
    remerge(ledger)
    assert [d["items"][0]["designation"] for d in list_deals(ledger)] == list(told)
