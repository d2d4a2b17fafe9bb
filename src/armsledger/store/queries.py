"""Reading the ledger: merged deals, records of each kind, documents, with filters and full-text search.

Every value a user gives reaches the database as a bound parameter, never as SQL text (NUL,
which PostgreSQL refuses and SQLite would cut a pattern at, becomes U+FFFD as in stored text): text
filters are compared with `lower()` and `LIKE` patterns escaped by SQLAlchemy (`autoescape`),
and a search is turned into a full-text query that cannot be malformed (SQLite FTS5: each word
of it quoted; PostgreSQL: `plainto_tsquery`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, literal_column, or_, select, table, text

from armsledger.errors import NotInLedger
from armsledger.store.engine import Ledger
from armsledger.store.writes import clean
from armsledger.store.tables import (
    RECORD_TABLES, deal_items, deal_sources, deals, documents, transfers,
)

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class DealFilters:
    """What `armsledger transfers` narrows the deals by; None means any."""
    supplier: str | None = None
    recipient: str | None = None
    category: str | None = None
    status: str | None = None
    year: int | None = None
    search: str | None = None


def matching_documents(ledger: Ledger, query: str) -> Select:
    """The ids of documents whose title or text holds every word of `query` (full-text search)."""
    words = _WORD.findall(query)
    if not words:
        return select(documents.c.id).where(false())
    if ledger.is_sqlite:
        fts_query = " ".join('"' + word.replace('"', '""') + '"' for word in words)
        rowids = (select(literal_column("rowid")).select_from(table("document_fts"))
                  .where(text("document_fts MATCH :fts_query").bindparams(fts_query=fts_query)))
        return select(documents.c.id).where(documents.c.fts_rowid.in_(rowids))
    tsquery = func.plainto_tsquery(literal_column("'simple'::regconfig"), " ".join(words))
    return select(documents.c.id).where(literal_column("documents.search").op("@@")(tsquery))


def _names(id_column, name_column, value: str) -> ColumnElement:
    """An actor given by id (any case) or by a part of its name."""
    lowered = value.lower()
    return or_(func.lower(id_column) == lowered, func.lower(name_column).contains(lowered, autoescape=True))


def list_deals(ledger: Ledger, filters: DealFilters = DealFilters()) -> list[dict]:
    """The merged deals (`Deal.to_json()` each) that pass `filters`, in the merge's order (the
    order their documents tell them, `merge_transfers`)."""
    query = select(deals.c.deal).where(*deal_conditions(ledger, filters)).order_by(deals.c.position, deals.c.id)
    with ledger.reading() as conn:
        return [json.loads(row.deal) for row in conn.execute(query)]


def deal_conditions(ledger: Ledger, filters: DealFilters) -> list[ColumnElement]:
    """The WHERE conditions on `deals` that `filters` make (none for no filter)."""
    filters = DealFilters(**{key: clean(value) for key, value in vars(filters).items()})
    conditions: list[ColumnElement] = []
    if filters.supplier:
        conditions.append(_names(deals.c.supplier_id, deals.c.supplier_name, filters.supplier))
    if filters.recipient:
        conditions.append(_names(deals.c.recipient_id, deals.c.recipient_name, filters.recipient))
    if filters.status:
        conditions.append(deals.c.status == filters.status)
    if filters.category:
        conditions.append(exists().where(deal_items.c.deal_id == deals.c.id,
                                         func.lower(deal_items.c.category) == filters.category.lower()))
    if filters.year is not None:
        year = f"{filters.year:04d}"
        dated = (select(deal_sources.c.deal_id)
                 .join(documents, documents.c.id == deal_sources.c.document_id)
                 .outerjoin(transfers, transfers.c.record_id == deal_sources.c.record_id)
                 .where(or_(func.substr(documents.c.published, 1, 4) == year,
                            func.substr(transfers.c.date, 1, 4) == year)))
        conditions.append(deals.c.id.in_(dated))
    if filters.search:
        found = select(deal_sources.c.deal_id).where(
            deal_sources.c.document_id.in_(matching_documents(ledger, filters.search)))
        conditions.append(deals.c.id.in_(found))
    return conditions


def list_records(ledger: Ledger, kind: str, **filters: str | None) -> list[dict]:
    """The stored records of one kind (`transfers`, `aid`, `figures`, `legal_actions`, `quotes`),
    each its `armsledger/1` JSON with `document` (id, title, source, language, published), in
    document then position order.

    Filters, None meaning any: `measure`, `source_kind` (exact), `location` (a part of it, any
    case) for figures; `speaker` (a part of the name, or the actor id) for quotes."""
    records = RECORD_TABLES[kind]
    filters = {key: clean(value) for key, value in filters.items()}
    query = (select(records.c.record, documents.c.id, documents.c.title, documents.c.source, documents.c.language,
                    documents.c.published)
             .join(documents, documents.c.id == records.c.document_id)
             .order_by(documents.c.published, documents.c.id, records.c.position))
    conditions = []
    if filters.get("measure"):
        conditions.append(records.c.measure == filters["measure"])
    if filters.get("source_kind"):
        conditions.append(records.c.source_kind == filters["source_kind"])
    if filters.get("location"):
        conditions.append(func.lower(records.c.location).contains(filters["location"].lower(), autoescape=True))
    if filters.get("speaker"):
        conditions.append(_names(records.c.speaker_id, records.c.speaker, filters["speaker"]))
    if conditions:
        query = query.where(and_(*conditions))
    with ledger.reading() as conn:
        return [{**json.loads(row.record), "document": {"id": row.id, "title": row.title, "source": row.source,
                                                        "language": row.language, "published": row.published}}
                for row in conn.execute(query)]


def list_documents(ledger: Ledger, *, status: str | None = None, search: str | None = None) -> list[dict]:
    """The stored documents (no text), with how many records of each kind they have."""
    counts = {kind: select(func.count()).where(table_.c.document_id == documents.c.id).scalar_subquery()
              for kind, table_ in RECORD_TABLES.items()}
    query = (select(documents.c.id, documents.c.ref, documents.c.input, documents.c.source, documents.c.title,
                    documents.c.language, documents.c.published, documents.c.ingested_at,
                    documents.c.engine_version, documents.c.status, documents.c.skip_code,
                    documents.c.skip_reason, *(count.label(kind) for kind, count in counts.items()))
             .order_by(documents.c.published, documents.c.id))
    status, search = clean(status), clean(search)
    if status:
        query = query.where(documents.c.status == status)
    if search:
        query = query.where(documents.c.id.in_(matching_documents(ledger, search)))
    with ledger.reading() as conn:
        rows = conn.execute(query).mappings().all()
    return [{key: row[key] for key in ("id", "ref", "input", "source", "title", "language", "published",
                                       "ingested_at", "engine_version", "status", "skip_code", "skip_reason")}
            | {"records": {kind: row[kind] for kind in RECORD_TABLES}} for row in rows]


def document_titles(ledger: Ledger, ids: list[str]) -> dict[str, dict]:
    """Title, source, language and published date of the documents `ids` name."""
    if not ids:
        return {}
    with ledger.reading() as conn:
        rows = conn.execute(select(documents.c.id, documents.c.title, documents.c.source, documents.c.language,
                                   documents.c.published).where(documents.c.id.in_(ids))).mappings().all()
    return {row["id"]: dict(row) for row in rows}


def ledger_counts(ledger: Ledger) -> dict[str, int]:
    """How many documents, records of each kind and deals the ledger holds."""
    with ledger.reading() as conn:
        out = {"documents": conn.execute(select(func.count()).select_from(documents)).scalar_one()}
        for kind, table_ in RECORD_TABLES.items():
            out[kind] = conn.execute(select(func.count()).select_from(table_)).scalar_one()
        out["deals"] = conn.execute(select(func.count()).select_from(deals)).scalar_one()
        out["deal_sources"] = conn.execute(select(func.count()).select_from(deal_sources)).scalar_one()
    return out


def resolve_document(ledger: Ledger, doc_id: str) -> str:
    """The id of the stored document `doc_id` names, whole or by an unambiguous beginning.

    Raises NotInLedger when none (or more than one) matches."""
    doc_id = clean(doc_id)
    with ledger.reading() as conn:
        ids = conn.execute(select(documents.c.id).where(documents.c.id.startswith(doc_id, autoescape=True))
                           .order_by(documents.c.id).limit(2)).scalars().all()
    if doc_id in ids:
        return doc_id
    if len(ids) != 1:
        what = "no document" if not ids else "more than one document"
        raise NotInLedger(f"{what} has the id {doc_id!r} (armsledger documents lists them)")
    return ids[0]
