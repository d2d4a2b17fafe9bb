"""Reading the ledger a page at a time, for the analyst's desk: deals paged and sorted with
counts and totals, a document's records and a window of its text, a country's records.

Every query is bounded: deals come `limit` at a time with an OFFSET over an indexed order,
aggregates run in SQL, and a document's text is read by `substr`, never whole, so a 5 MB
document costs what its window costs. Filters are `queries.DealFilters`, turned into SQL by
`queries.deal_conditions` (bound parameters only).
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, case, func, or_, select

from armsledger.errors import NotInLedger
from armsledger.store.engine import Ledger
from armsledger.store.queries import DealFilters, deal_conditions
from armsledger.store.tables import (
    RECORD_TABLES, aid, deal_items, deal_sources, deals, documents, figures, quotes, transfers,
)
from armsledger.store.writes import clean

MAX_PAGE = 200


def _deal_date() -> ColumnElement:
    """A deal's earliest date: its transfers' dates, else its documents' publication dates."""
    return (select(func.min(func.coalesce(transfers.c.date, documents.c.published)))
            .select_from(deal_sources)
            .join(documents, documents.c.id == deal_sources.c.document_id)
            .outerjoin(transfers, transfers.c.record_id == deal_sources.c.record_id)
            .where(deal_sources.c.deal_id == deals.c.id).scalar_subquery())


def _deal_value() -> ColumnElement:
    """The largest value a deal's sources report (any currency), for sorting."""
    return (select(func.max(transfers.c.value_amount)).select_from(deal_sources)
            .join(transfers, transfers.c.record_id == deal_sources.c.record_id)
            .where(deal_sources.c.deal_id == deals.c.id).scalar_subquery())


def _deal_source_count() -> ColumnElement:
    return select(func.count()).where(deal_sources.c.deal_id == deals.c.id).scalar_subquery()


SORTS = ("date", "supplier", "recipient", "status", "value", "sources", "id")


@dataclass
class DealPage:
    """One page of deals: each its `Deal.to_json()` with `date`, `value_max` and `source_count`;
    how many pass the filters; their values summed by currency (each deal counted once, at
    the largest value its sources give in that currency)."""
    deals: list[dict]
    total: int
    totals: dict[str, float] = field(default_factory=dict)
    limit: int = 50
    offset: int = 0


def deal_page(ledger: Ledger, filters: DealFilters = DealFilters(), *, sort: str = "date", descending: bool = True,
              limit: int = 50, offset: int = 0) -> DealPage:
    """The deals that pass `filters`, sorted by `sort` (one of SORTS), `limit` from `offset`.

    Raises ValueError for an unknown sort."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}")
    limit, offset = max(1, min(limit, MAX_PAGE)), max(0, offset)
    conditions = deal_conditions(ledger, filters)
    date, value, count = _deal_date().label("date"), _deal_value().label("value_max"), \
        _deal_source_count().label("source_count")
    key = {"date": date, "supplier": func.lower(deals.c.supplier_name), "recipient": func.lower(deals.c.recipient_name),
           "status": deals.c.status, "value": value, "sources": count, "id": deals.c.id}[sort]
    # NULLs last either way, then id: a total order, so OFFSET pages never overlap
    order = ([] if sort == "id" else [case((key.is_(None), 1), else_=0)]) + \
        [key.desc() if descending else key.asc()] + ([] if sort == "id" else [deals.c.id])
    # first the page's ids (only the sort key is computed for every deal), then their details
    page_ids = select(deals.c.id).where(*conditions).order_by(*order).limit(limit).offset(offset)
    with ledger.reading() as conn:
        ids = list(conn.execute(page_ids).scalars())
        rows = {row.id: row for row in conn.execute(select(deals.c.id, deals.c.deal, date, value, count)
                                                    .where(deals.c.id.in_(ids)))} if ids else {}
        total = conn.execute(select(func.count()).select_from(deals).where(*conditions)).scalar_one()
        totals = _value_totals(conn, conditions)
    page = [{**json.loads(rows[i].deal), "date": rows[i].date, "value_max": rows[i].value_max,
             "source_count": rows[i].source_count} for i in ids]
    return DealPage(page, total, totals, limit, offset)


def _value_totals(conn, conditions: list[ColumnElement]) -> dict[str, float]:
    per_deal = (select(deal_sources.c.deal_id, transfers.c.value_currency.label("currency"),
                       func.max(transfers.c.value_amount).label("amount"))
                .join(transfers, transfers.c.record_id == deal_sources.c.record_id)
                .where(transfers.c.value_amount.is_not(None),
                       *_within(conditions))
                .group_by(deal_sources.c.deal_id, transfers.c.value_currency).subquery())
    rows = conn.execute(select(per_deal.c.currency, func.sum(per_deal.c.amount))
                        .group_by(per_deal.c.currency).order_by(per_deal.c.currency)).all()
    return {currency or "?": amount for currency, amount in rows}


def _within(conditions: list[ColumnElement]) -> list[ColumnElement]:
    """Deal sources of the deals that pass `conditions` (no condition at all: every one)."""
    return [deal_sources.c.deal_id.in_(select(deals.c.id).where(*conditions))] if conditions else []


def deal_flows(ledger: Ledger, filters: DealFilters = DealFilters(), *, limit: int = 30) -> list[dict]:
    """Supplier -> recipient pairs of the filtered deals with how many deals each, most first."""
    query = (select(deals.c.supplier_id, func.min(deals.c.supplier_name).label("supplier_name"),
                    deals.c.recipient_id, func.min(deals.c.recipient_name).label("recipient_name"),
                    func.count().label("deals"))
             .where(*deal_conditions(ledger, filters))
             .group_by(deals.c.supplier_id, deals.c.recipient_id)
             .order_by(func.count().desc(), deals.c.supplier_id, deals.c.recipient_id).limit(limit))
    with ledger.reading() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def deal_timeline(ledger: Ledger, filters: DealFilters = DealFilters()) -> list[dict]:
    """How many filtered deals each year has, by the category of their first item category
    (alphabetically; `unknown` for none)."""
    dated = (select(deal_sources.c.deal_id,
                    func.substr(func.min(func.coalesce(transfers.c.date, documents.c.published)), 1, 4).label("year"))
             .join(documents, documents.c.id == deal_sources.c.document_id)
             .outerjoin(transfers, transfers.c.record_id == deal_sources.c.record_id)
             .where(*_within(deal_conditions(ledger, filters)))
             .group_by(deal_sources.c.deal_id).subquery())
    category = (select(deal_items.c.deal_id, func.min(deal_items.c.category).label("category"))
                .group_by(deal_items.c.deal_id).subquery())
    query = (select(dated.c.year, func.coalesce(category.c.category, "unknown").label("category"),
                    func.count().label("deals"))
             .outerjoin(category, category.c.deal_id == dated.c.deal_id)
             .where(dated.c.year.is_not(None))
             .group_by(dated.c.year, func.coalesce(category.c.category, "unknown"))
             .order_by(dated.c.year, func.coalesce(category.c.category, "unknown")))
    with ledger.reading() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def deal_of_document(ledger: Ledger, document_id: str) -> str | None:
    """The id of a deal that has `document_id` among its sources (the first by id), None when none has."""
    with ledger.reading() as conn:
        return conn.execute(select(deal_sources.c.deal_id).where(deal_sources.c.document_id == clean(document_id))
                            .order_by(deal_sources.c.deal_id).limit(1)).scalar_one_or_none()


def deal_choices(ledger: Ledger) -> dict[str, list[str]]:
    """The values the ledger's filters can take: statuses and item categories present."""
    with ledger.reading() as conn:
        statuses = conn.execute(select(deals.c.status).distinct().order_by(deals.c.status)).scalars().all()
        categories = conn.execute(select(deal_items.c.category).where(deal_items.c.category.is_not(None))
                                  .distinct().order_by(deal_items.c.category)).scalars().all()
    return {"status": [s for s in statuses if s], "category": list(categories)}


# --- documents ---------------------------------------------------------------------------------

DOCUMENT_FIELDS = ("id", "ref", "input", "source", "title", "language", "published", "ingested_at",
                   "engine_version", "status", "skip_code", "skip_reason")


def document_meta(ledger: Ledger, doc_id: str) -> dict:
    """A stored document without its text, with `length` (characters of its text).

    Raises NotInLedger when it is not stored."""
    doc_id = clean(doc_id)
    with ledger.reading() as conn:
        row = conn.execute(select(*(documents.c[name] for name in DOCUMENT_FIELDS),
                                  func.length(documents.c.text).label("length"))
                           .where(documents.c.id == doc_id)).mappings().first()
    if row is None:
        raise NotInLedger(f"no document has the id {doc_id!r}")
    return dict(row) | {"length": row["length"] or 0}


def text_window(ledger: Ledger, doc_id: str, start: int, length: int) -> str:
    """`length` characters of a document's text from offset `start` (0-based), read by the database."""
    with ledger.reading() as conn:
        return conn.execute(select(func.substr(documents.c.text, max(0, start) + 1, max(0, length)))
                            .where(documents.c.id == clean(doc_id))).scalar_one_or_none() or ""


def document_records(ledger: Ledger, doc_id: str) -> dict[str, list[dict]]:
    """A document's records of every kind, each its `armsledger/1` JSON, in document order."""
    out = {}
    with ledger.reading() as conn:
        for kind, table in RECORD_TABLES.items():
            rows = conn.execute(select(table.c.record).where(table.c.document_id == clean(doc_id))
                                .order_by(table.c.position)).scalars().all()
            out[kind] = [json.loads(row) for row in rows]
    return out


def records_by_id(ledger: Ledger, kind: str, ids: list[str]) -> dict[str, dict]:
    """Records of one kind by record id (those not stored are absent)."""
    table = RECORD_TABLES[kind]
    if not ids:
        return {}
    with ledger.reading() as conn:
        rows = conn.execute(select(table.c.record_id, table.c.record).where(table.c.record_id.in_(ids))).all()
    return {row.record_id: json.loads(row.record) for row in rows}


def document_page(ledger: Ledger, *, search: str | None = None, limit: int = 50, offset: int = 0
                  ) -> tuple[list[dict], int]:
    """Documents newest first, `limit` from `offset`, optionally by full-text `search`; and how many."""
    from armsledger.store.queries import matching_documents
    limit, offset = max(1, min(limit, MAX_PAGE)), max(0, offset)
    conditions = [documents.c.id.in_(matching_documents(ledger, clean(search)))] if search else []
    query = (select(*(documents.c[name] for name in DOCUMENT_FIELDS)).where(*conditions)
             .order_by(documents.c.published.desc(), documents.c.id).limit(limit).offset(offset))
    with ledger.reading() as conn:
        rows = [dict(row) for row in conn.execute(query).mappings()]
        total = conn.execute(select(func.count()).select_from(documents).where(*conditions)).scalar_one()
    return rows, total


# --- countries ---------------------------------------------------------------------------------

def _with_document(table, condition, limit: int) -> list[dict]:
    return (select(table.c.record, documents.c.id, documents.c.title, documents.c.source, documents.c.published)
            .join(documents, documents.c.id == table.c.document_id).where(condition)
            .order_by(documents.c.published, documents.c.id, table.c.position).limit(limit))


def _rows(conn, query) -> list[dict]:
    return [{**json.loads(row.record), "document": {"id": row.id, "title": row.title, "source": row.source,
                                                    "published": row.published}}
            for row in conn.execute(query)]


def country_records(ledger: Ledger, iso3: str, *, locations: list[str] = (), respondents: list[str] = (),
                    limit: int = 500) -> dict:
    """What the ledger holds about one actor: its transfers out and in by year, the deals it is a
    party to, aid given and received, figures whose location is one of `locations` and legal
    actions whose respondent is one of `respondents` (names the caller resolved to it), its
    quotes. At most `limit` of each."""
    iso3 = clean(iso3)
    legal = RECORD_TABLES["legal_actions"]
    year = func.substr(func.coalesce(transfers.c.date, documents.c.published), 1, 4)
    with ledger.reading() as conn:
        by_year = defaultdict(lambda: {"out": 0, "in": 0})
        for direction, column in (("out", transfers.c.supplier_id), ("in", transfers.c.recipient_id)):
            rows = conn.execute(select(year.label("year"), func.count()).join(
                documents, documents.c.id == transfers.c.document_id).where(column == iso3)
                .group_by(year)).all()
            for y, n in rows:
                if y:
                    by_year[y][direction] = n
        party = or_(deals.c.supplier_id == iso3, deals.c.recipient_id == iso3)
        deal_rows = conn.execute(select(deals.c.deal, _deal_date().label("date")).where(party)
                                 .order_by(_deal_date(), deals.c.id).limit(limit)).all()
        out = {
            "years": [{"year": y, **counts} for y, counts in sorted(by_year.items())],
            "deals": [{**json.loads(row.deal), "date": row.date} for row in deal_rows],
            "aid": _rows(conn, _with_document(aid, or_(aid.c.donor_id == iso3, aid.c.recipient_id == iso3), limit)),
            "figures": _rows(conn, _with_document(figures, figures.c.location.in_(list(locations)), limit))
            if locations else [],
            "legal_actions": _rows(conn, _with_document(
                legal, legal.c.respondent.in_(list(respondents)), limit)) if respondents else [],
            "quotes": _rows(conn, _with_document(quotes, quotes.c.speaker_id == iso3, limit)),
        }
    return out


def place_names(ledger: Ledger) -> dict[str, list[str]]:
    """Every distinct figure location and legal respondent in the ledger (names to resolve to
    actors; a few hundred at most in practice)."""
    legal = RECORD_TABLES["legal_actions"]
    with ledger.reading() as conn:
        return {"locations": list(conn.execute(select(figures.c.location).where(figures.c.location.is_not(None))
                                               .distinct()).scalars()),
                "respondents": list(conn.execute(select(legal.c.respondent).where(legal.c.respondent.is_not(None))
                                                 .distinct()).scalars())}


def actor_name(ledger: Ledger, actor_id: str) -> str | None:
    """The first name seen for an actor id, None when the ledger does not know it."""
    from armsledger.store.tables import actors
    with ledger.reading() as conn:
        return conn.execute(select(actors.c.name).where(actors.c.id == clean(actor_id))).scalar_one_or_none()


def refresh_statistics(ledger: Ledger) -> None:
    """Let SQLite's planner know the tables' sizes (ANALYZE, sampled): without statistics it joins
    a page's aggregates in a worse order, two to four times slower at 10,000 deals. PostgreSQL
    keeps its own (autovacuum); nothing to do there."""
    if ledger.is_sqlite:
        with ledger.writing() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit=2000")
            conn.exec_driver_sql("ANALYZE")


__all__ = ["DealPage", "SORTS", "actor_name", "country_records", "deal_choices", "deal_flows", "deal_of_document", "deal_page",
           "deal_timeline", "document_meta", "document_page", "document_records", "place_names",
           "records_by_id", "refresh_statistics", "text_window"]
