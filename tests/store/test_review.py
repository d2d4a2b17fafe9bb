"""Review decisions in the store: stored with who and when, applied as an overlay, and attached
again by identity when `--reprocess` gives the records new ids."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from armsledger.errors import InvalidReview, NotInLedger
from armsledger.store.browse import document_records
from armsledger.store.review import add_review, apply_reviews, record_key, reviewed_documents, reviews_of
from armsledger.store.writes import write_extraction

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ledger_records import extraction  # noqa: E402

TEXT = "La France a livré six canons Caesar à l'Ukraine, selon le ministère."


def shown(ledger, doc_id: str, kind: str) -> list[dict]:
    return apply_reviews(kind, document_records(ledger, doc_id)[kind], reviews_of(ledger, [doc_id]))


def test_decisions_are_stored_with_who_and_when_and_overlay_the_records(ledger):
    ex = extraction(TEXT)
    write_extraction(ledger, ex, input_name="a.txt")
    doc, transfer, figure = ex.document.id, ex.transfers[0], ex.figures[0]
    add_review(ledger, document_id=doc, kind="transfers", record_id=transfer.record_id, action="correct",
               field="items.0.quantity", value="7", made_by="Ada")
    add_review(ledger, document_id=doc, kind="figures", record_id=figure.record_id, action="reject", made_by="Bo")
    [t] = shown(ledger, doc, "transfers")
    assert t["items"][0]["quantity"] == 7 and t["review"]["status"] == "corrected"
    [d] = t["review"]["decisions"]
    assert {k: d[k] for k in ("kind", "action", "field", "old_value", "new_value", "made_by", "record_key",
                              "occurrence")} == {
        "kind": "transfers", "action": "correct", "field": "items.0.quantity", "old_value": 6, "new_value": 7,
        "made_by": "Ada", "record_key": "FRA|UKR|Caesar", "occurrence": 0}
    assert d["made_at"][:2] == "20"
    assert shown(ledger, doc, "figures")[0]["review"]["status"] == "rejected"
    assert document_records(ledger, doc)["transfers"][0]["items"][0]["quantity"] == 6  # the extractor's own stays
    assert reviewed_documents(ledger) == [doc]


def test_decisions_survive_a_reprocess_that_changes_record_ids(ledger):
    before = extraction(TEXT)
    write_extraction(ledger, before, input_name="a.txt")
    doc = before.document.id
    add_review(ledger, document_id=doc, kind="transfers", record_id=before.transfers[0].record_id, action="correct",
               field="value.amount", value="160000000", made_by="Ada")
    add_review(ledger, document_id=doc, kind="quotes", record_id=before.quotes[0].record_id, action="reject")
    # a new engine reads the same text: other evidence spans, so other record ids, same identities
    after = extraction(TEXT).model_copy(deep=True)
    after.transfers[0].evidence = [(0, 20)]
    after.quotes[0].evidence = [(3, 9)]
    after = after.model_copy(update={"transfers": [after.transfers[0].model_copy(update={"record_id": None})],
                                     "quotes": [after.quotes[0].model_copy(update={"record_id": None})]}
                             ).with_record_ids()
    assert after.transfers[0].record_id != before.transfers[0].record_id
    write_extraction(ledger, after, input_name="a.txt", replace=True)
    [t] = shown(ledger, doc, "transfers")
    assert t["record_id"] == after.transfers[0].record_id
    assert t["value"]["amount"] == 160_000_000 and t["review"]["status"] == "corrected"
    assert shown(ledger, doc, "quotes")[0]["review"]["status"] == "rejected"


def test_two_records_with_one_identity_keep_their_own_decisions():
    records = [{"record_id": "fi_a", "measure": "killed", "value": 3, "location": None},
               {"record_id": "fi_b", "measure": "killed", "value": 3, "location": None}]
    decision = {"kind": "figures", "record_id": "fi_gone", "record_key": record_key("figures", records[1]),
                "occurrence": 1, "action": "reject", "field": None, "new_value": None}
    assert [r["review"]["status"] for r in apply_reviews("figures", records, [decision])] == [None, "rejected"]


def test_bad_decisions_are_refused(ledger):
    ex = extraction(TEXT)
    write_extraction(ledger, ex, input_name="a.txt")
    with pytest.raises(NotInLedger):
        add_review(ledger, document_id=ex.document.id, kind="transfers", record_id="tr_nope", action="accept")
    with pytest.raises(InvalidReview, match="action must be one of accept, reject, correct"):
        add_review(ledger, document_id=ex.document.id, kind="transfers", record_id=ex.transfers[0].record_id,
                   action="delete")
    with pytest.raises(InvalidReview, match="a correction names the field it corrects"):
        add_review(ledger, document_id=ex.document.id, kind="transfers", record_id=ex.transfers[0].record_id,
                   action="correct")
    assert reviews_of(ledger, [ex.document.id]) == []
