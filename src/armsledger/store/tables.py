"""The ledger's tables, as SQLAlchemy Core metadata (the migrations create exactly these).

Every record keeps its whole `armsledger/1` JSON (`record`) beside the columns queries filter
on, so an export gives back exactly what the extractor produced. Record ids are the primary
keys: `record_id` is stable for the same text and engine. A document's rows, records, items,
evidence and actors are written in one transaction (`armsledger.store.writes`); the deal tables
are replaced whole after each merge (`armsledger.store.deals`).

Full-text search over document text lives outside this metadata because it differs by back
end: an FTS5 table `document_fts` on SQLite (contentless, its rowid kept in
`documents.fts_rowid`), a generated `tsvector` column `documents.search` on PostgreSQL. Both
are created by the first migration.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text,
)

metadata = MetaData()

STATUS_OK = "ok"
STATUS_SKIPPED = "skipped"
STATUS_FILTERED = "filtered"  # read, but the relevance pre-filter found nothing to parse: no records

documents = Table(
    "documents", metadata,
    Column("id", String(80), primary_key=True),  # sha256: of the text; "input:" + hash for an unreadable input
    Column("ref", Text),                         # the caller's own id (a JSONL id, a feed guid)
    Column("input", Text),                       # the input it came from (path, path:LINE, path#N)
    Column("source", Text),
    Column("title", Text),
    Column("language", Text),
    Column("published", String(10)),
    Column("ingested_at", String(32), nullable=False),
    Column("engine_version", String(32)),
    Column("status", String(16), nullable=False),  # ok | filtered | skipped
    Column("skip_code", Text),
    Column("skip_reason", Text),
    Column("text", Text),                        # None for an input that could not be read
    Column("entities", Text),                    # the extraction's entities, as JSON
    Column("fts_rowid", Integer),                # SQLite: its row in document_fts
    Index("ix_documents_input", "input"),
    Index("ix_documents_status", "status"),
    Index("ix_documents_fts_rowid", "fts_rowid"),
)


def _record_table(name: str, *columns: Column) -> Table:
    """A record kind's table: its id, document, position in the document, the columns queries
    use, and the whole record as JSON."""
    return Table(
        name, metadata,
        Column("record_id", String(40), primary_key=True),
        Column("document_id", String(80), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        Column("position", Integer, nullable=False),
        *columns,
        Column("record", Text, nullable=False),
        Index(f"ix_{name}_document_id", "document_id"),
    )


transfers = _record_table(
    "transfers",
    Column("supplier_id", Text), Column("supplier_name", Text),
    Column("recipient_id", Text), Column("recipient_name", Text),
    Column("status", String(16)), Column("channel", String(16)), Column("date", String(10)),
    Column("value_amount", Float), Column("value_currency", Text),
)
aid = _record_table(
    "aid",
    Column("donor_id", Text), Column("recipient_id", Text), Column("kind", String(32)),
    Column("value_amount", Float), Column("value_currency", Text), Column("period", String(16)),
)
figures = _record_table(
    "figures",
    Column("measure", String(16)), Column("value", Float), Column("value_high", Float),
    Column("qualifier", String(16)), Column("location", Text), Column("subject", Text),
    Column("source_name", Text), Column("source_id", Text), Column("source_kind", String(16)),
    Column("stance", String(16)),
)
legal_actions = _record_table(
    "legal_actions",
    Column("court", Text), Column("action", String(32)), Column("respondent", Text), Column("date", Text),
)
quotes = _record_table(
    "quotes",
    Column("speaker", Text), Column("speaker_id", Text), Column("speaker_role", Text),
    Column("text", Text), Column("direct", Boolean),
)

RECORD_TABLES = {"transfers": transfers, "aid": aid, "figures": figures, "legal_actions": legal_actions,
                 "quotes": quotes}

items = Table(
    "items", metadata,
    Column("record_id", String(40), ForeignKey("transfers.record_id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("designation", Text), Column("family", Text), Column("description", Text),
    Column("category", String(32)), Column("quantity", Integer), Column("quantity_qualifier", String(16)),
)

# Evidence spans of every record (part 0) and of a transfer's items (part i + 1 for item i).
evidence = Table(
    "evidence", metadata,
    Column("record_id", String(40), primary_key=True),
    Column("part", Integer, primary_key=True),
    Column("span_start", Integer, primary_key=True),
    Column("span_end", Integer, primary_key=True),
    Column("document_id", String(80), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Index("ix_evidence_document_id", "document_id"),
)

actors = Table(
    "actors", metadata,
    Column("id", Text, primary_key=True),
    Column("name", Text),  # the first name seen for it
)

deals = Table(
    "deals", metadata,
    Column("id", Text, primary_key=True),
    Column("supplier_id", Text), Column("supplier_name", Text),
    Column("recipient_id", Text), Column("recipient_name", Text),
    Column("status", Text),
    Column("deal", Text, nullable=False),  # Deal.to_json()
    Column("position", Integer),  # the merge's order: the order documents tell the deals
    Index("ix_deals_position", "position", "id"),
)

deal_sources = Table(
    "deal_sources", metadata,
    Column("deal_id", Text, ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("document_id", String(80), nullable=False),
    Column("record_id", Text),
    Index("ix_deal_sources_document_id", "document_id"),
)

deal_items = Table(
    "deal_items", metadata,
    Column("deal_id", Text, ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("designation", Text), Column("category", Text), Column("quantity", Integer),
)

decisions = Table(
    "decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),       # split | join
    Column("documents", Text, nullable=False),       # JSON array of document ids
    Column("others", Text, nullable=False),          # JSON array of document ids
    Column("supplier", Text), Column("recipient", Text),
    Column("made_by", Text), Column("made_at", String(32)),
)
