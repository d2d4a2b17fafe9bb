"""Writing documents into the ledger: whole, once, replaced on demand; skipped ones keyed as documented."""
from __future__ import annotations

import json

from sqlalchemy import func, select

from armsledger.errors import DocumentFailed, EmptyInput
from armsledger.model import SourceDocument, document_id
from armsledger.store.tables import RECORD_TABLES, actors, documents, evidence, items
from armsledger.store.writes import (
    count_documents, count_to_reprocess, documents_to_reprocess, unread_document_id, write_extraction, write_skipped,
)
from ledger_records import extraction

TEXT = "La France a livré six canons Caesar à l'Ukraine."


def _count(ledger, table) -> int:
    with ledger.reading() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_document_is_written_whole_with_its_records_items_evidence_and_actors(ledger):
    x = extraction(TEXT)
    written = write_extraction(ledger, x, input_name="a.txt")
    assert (written.present, written.records) == (False, {"transfers": 1, "aid": 1, "figures": 1,
                                                          "legal_actions": 1, "quotes": 1})
    with ledger.reading() as conn:
        doc = conn.execute(select(documents).where(documents.c.id == document_id(TEXT))).one()
        stored = json.loads(conn.execute(select(RECORD_TABLES["transfers"].c.record)).scalar_one())
        actor_ids = conn.execute(select(actors.c.id).order_by(actors.c.id)).scalars().all()
    assert (doc.status, doc.text, doc.ref, doc.input, doc.engine_version) == ("ok", TEXT, "ref-Livraison", "a.txt",
                                                                              x.engine_version)
    assert stored == x.transfers[0].model_dump(mode="json")  # the whole record, exactly
    assert actor_ids == ["FRA", "UKR", "UN"]
    assert (_count(ledger, items), _count(ledger, evidence)) == (1, 6)  # 5 records + the item's span


def test_the_same_document_twice_is_stored_once(ledger):
    write_extraction(ledger, extraction(TEXT), input_name="a.txt")
    again = write_extraction(ledger, extraction(TEXT), input_name="b.txt")
    assert again.present
    assert count_documents(ledger) == {"ok": 1}
    assert _count(ledger, RECORD_TABLES["transfers"]) == 1


def test_replace_swaps_a_documents_records_in_one_go(ledger):
    write_extraction(ledger, extraction(TEXT), input_name="a.txt")
    newer = extraction(TEXT, designation="CAESAR Mk II", quantity=8)
    written = write_extraction(ledger, newer, input_name="a.txt", replace=True)
    assert written.records["transfers"] == 1
    with ledger.reading() as conn:
        designations = conn.execute(select(items.c.designation, items.c.quantity)).all()
    assert designations == [("CAESAR Mk II", 8)]
    assert _count(ledger, evidence) == 6


def test_an_unreadable_input_is_keyed_by_its_name_and_reason_and_stored_once(ledger):
    error = EmptyInput("empty file", source="vide.txt")
    doc_id = unread_document_id("vide.txt", error)
    first = write_skipped(ledger, error, input_name="vide.txt", document=None, doc_id=doc_id, engine_version="0.2.0")
    second = write_skipped(ledger, error, input_name="vide.txt", document=None, doc_id=doc_id, engine_version="0.2.0")
    assert (first.present, second.present) == (False, True)
    with ledger.reading() as conn:
        row = conn.execute(select(documents)).one()
    assert (row.id, row.status, row.skip_code, row.skip_reason, row.text) == (doc_id, "skipped", "AL101",
                                                                               "empty file", None)


def test_a_document_read_at_last_removes_the_stale_failure_of_its_input(ledger):
    error = EmptyInput("empty file", source="a.txt")
    write_skipped(ledger, error, input_name="a.txt", document=None, doc_id=unread_document_id("a.txt", error),
                  engine_version="0.2.0")
    write_extraction(ledger, extraction(TEXT), input_name="a.txt")
    assert count_documents(ledger) == {"ok": 1}


def test_a_failed_extraction_keeps_its_text_for_reprocess(ledger):
    src = SourceDocument(text=TEXT, source="a.txt", language="fr", published="2025-06-01")
    error = DocumentFailed("failed while extracting: ValueError", source="a.txt")
    write_skipped(ledger, error, input_name="a.txt", document=src, doc_id=document_id(TEXT), engine_version="0.1.0")
    assert count_to_reprocess(ledger, "0.2.0") == 1
    assert count_to_reprocess(ledger, "0.1.0") == 0
    assert count_to_reprocess(ledger, "0.1.0", every=True) == 1
    ((doc_id, again),) = list(documents_to_reprocess(ledger, "0.2.0"))
    assert (doc_id, again.text, again.language, again.published, again.source) == (
        document_id(TEXT), TEXT, "fr", "2025-06-01", "a.txt")


def test_nul_characters_and_huge_quantities_are_stored_on_both_back_ends(ledger):
    text = "Texte\x00avec NUL."
    x = extraction(text, quantity=10**12)
    write_extraction(ledger, x, input_name="nul.jsonl:1")
    with ledger.reading() as conn:
        stored_text = conn.execute(select(documents.c.text)).scalar_one()
        quantity = conn.execute(select(items.c.quantity)).scalar_one()
        record = json.loads(conn.execute(select(RECORD_TABLES["transfers"].c.record)).scalar_one())
    assert stored_text == "Texte\ufffdavec NUL."  # one character for one: the offsets hold
    assert quantity is None and record["items"][0]["quantity"] == 10**12  # the JSON keeps the value
