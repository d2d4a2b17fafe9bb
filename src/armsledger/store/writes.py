"""Writing documents and their records: each document whole in one transaction, or not at all.

A document is keyed by its id: the `sha256:` hash of its text, or, for an input that could not
be read (no text, so no hash), `input:` + a hash of the input's name and the reason
(`unread_document_id`), so that the same failure is reported again on the next run but stored
once. A document written with text makes any stored failure of the same input name stale: it is
removed in the same transaction.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import Connection, Table, delete, func, insert, select, text, update

from armsledger.errors import InputError
from armsledger.model import Extraction, SourceDocument
from armsledger.store.engine import Ledger
from armsledger.store.tables import (
    RECORD_TABLES, STATUS_FILTERED, STATUS_OK, STATUS_SKIPPED, actors, documents, evidence, items,
)

PAGE = 200  # documents looked at per query when reprocessing
INT_LIMIT = 2**31 - 1  # what an INTEGER column holds on both back ends; the JSON keeps any value


@dataclass
class Written:
    """What writing one document did: `present` when it was stored already (nothing written)."""
    present: bool = False
    records: dict[str, int] = field(default_factory=dict)
    failure_id: str | None = None  # the id of the skipped document's row it wrote, if any


def unread_document_id(input_name: str, error: InputError) -> str:
    """The id of an input that could not be read: its name and reason, hashed."""
    digest = hashlib.sha256(f"{input_name}|{error.code}|{error.message}".encode("utf-8", "replace")).hexdigest()
    return "input:" + digest


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def dump_json(value) -> str:
    """Compact JSON, never NaN (the records are valid JSON already)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def clean(value):
    """A string safe for every back end: PostgreSQL text refuses NUL, which becomes U+FFFD
    (one character for one, so evidence offsets do not move)."""
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


def small_int(value) -> int | None:
    return value if isinstance(value, int) and -INT_LIMIT <= value <= INT_LIMIT else None


def stored_status(conn: Connection, doc_id: str) -> str | None:
    """The stored status of a document (ok, filtered or skipped), None when it is not in the ledger."""
    return conn.execute(select(documents.c.status).where(documents.c.id == doc_id)).scalar_one_or_none()


def write_extraction(ledger: Ledger, extraction: Extraction, *, input_name: str | None,
                     replace: bool = False) -> Written:
    """Store one extraction and its records in one transaction.

    A document already stored is left as it is (`Written(present=True)`) unless `replace`,
    which swaps its records for these (`ingest --reprocess`).
    """
    with ledger.writing() as conn:
        return put_extraction(conn, ledger, extraction, input_name=input_name, replace=replace)


def put_extraction(conn: Connection, ledger: Ledger, extraction: Extraction, *, input_name: str | None,
                   replace: bool = False, known_new: bool = False, clear_failures: bool = True) -> Written:
    """`write_extraction` inside the caller's write transaction (several documents may share one:
    each is still whole or absent). `known_new`: the caller has just asked the ledger and it
    does not hold the document (a row that appeared since fails the insert: the caller's
    transaction is rolled back). `clear_failures=False`: the caller removes the stored failures
    of the input itself (`remove_stale_failures`, once for several documents)."""
    doc = extraction.document
    if not known_new and stored_status(conn, doc.id) is not None:
        if not replace:
            return Written(present=True)
        delete_records(conn, doc.id)
        conn.execute(update(documents).where(documents.c.id == doc.id).values(
            _document_row(extraction, input_name, with_text=False)))
    else:
        _insert_document(conn, ledger, {"id": doc.id, **_document_row(extraction, input_name)})
    if clear_failures:
        _remove_stale_failures(conn, input_name)
    return Written(records=_insert_records(conn, extraction))


def write_skipped(ledger: Ledger, error: InputError, *, input_name: str | None, document: SourceDocument | None,
                  doc_id: str, engine_version: str | None, replace: bool = False) -> Written:
    """Store a document that could not be extracted, with its reason.

    `document` is its text when it was read (then `doc_id` is its text's id and `--reprocess`
    may try it again), None when it could not be read (`doc_id` from `unread_document_id`).
    """
    with ledger.writing() as conn:
        return put_skipped(conn, ledger, error, input_name=input_name, document=document, doc_id=doc_id,
                           engine_version=engine_version, replace=replace)


def put_skipped(conn: Connection, ledger: Ledger, error: InputError, *, input_name: str | None,
                document: SourceDocument | None, doc_id: str, engine_version: str | None,
                replace: bool = False) -> Written:
    """`write_skipped` inside the caller's write transaction."""
    row = {"input": clean(input_name), "status": STATUS_SKIPPED, "skip_code": error.code,
           "skip_reason": clean(error.message), "ingested_at": now(), "engine_version": engine_version,
           "entities": None}
    if document is not None:
        row |= {"ref": clean(document.ref), "source": clean(document.source), "title": clean(document.title),
                "language": clean(document.language), "published": clean(document.published)}
    if stored_status(conn, doc_id) is not None:
        if not replace:
            return Written(present=True)
        delete_records(conn, doc_id)
        conn.execute(update(documents).where(documents.c.id == doc_id).values(row))
    else:
        _insert_document(conn, ledger, {"id": doc_id, **row,
                                        "text": clean(document.text) if document is not None else None})
    if document is not None:
        _remove_stale_failures(conn, input_name)
    return Written(failure_id=doc_id)


def stored_ids(conn: Connection, doc_ids: Collection[str]) -> set[str]:
    """Which of `doc_ids` the ledger holds (one query)."""
    return set(conn.execute(select(documents.c.id).where(documents.c.id.in_(list(doc_ids)))).scalars())


def _document_row(extraction: Extraction, input_name: str | None, *, with_text: bool = True) -> dict:
    doc = extraction.document
    row = {"ref": clean(doc.ref), "input": clean(input_name), "source": clean(doc.source), "title": clean(doc.title),
           "language": doc.language, "published": doc.published, "ingested_at": now(),
           "engine_version": extraction.engine_version,
           "status": STATUS_FILTERED if extraction.filtered else STATUS_OK, "skip_code": None,
           "skip_reason": None,
           "entities": dump_json([e.model_dump(mode="json") for e in extraction.entities])}
    if with_text:
        row["text"] = clean(doc.text)
    return row


def _insert_document(conn: Connection, ledger: Ledger, row: dict) -> None:
    if ledger.is_sqlite and row.get("text") is not None:
        result = conn.execute(text("INSERT INTO document_fts (title, text) VALUES (:title, :text)"),
                              {"title": row.get("title") or "", "text": row["text"]})
        row["fts_rowid"] = result.lastrowid
    conn.execute(insert(documents), row)


def _remove_stale_failures(conn: Connection, input_name: str | None) -> None:
    """An input read at last: its stored failures (no text, keyed by name and reason) go."""
    if input_name:
        remove_stale_failures(conn, [input_name])


def remove_stale_failures(conn: Connection, input_names: Collection[str], keep: Collection[str] = ()) -> None:
    """Inputs read at last: their stored failures (no text, keyed by name and reason) go, all in
    one statement, except the rows `keep` names (failures written in the same transaction)."""
    names = [clean(name) for name in input_names if name]
    if names:
        conn.execute(delete(documents).where(documents.c.input.in_(names), documents.c.text.is_(None),
                                             documents.c.status == STATUS_SKIPPED,
                                             documents.c.id.not_in(list(keep))))


def delete_records(conn: Connection, doc_id: str) -> None:
    """Remove every record of a document (with items and evidence), keeping the document."""
    conn.execute(delete(evidence).where(evidence.c.document_id == doc_id))
    transfer_ids = select(RECORD_TABLES["transfers"].c.record_id).where(
        RECORD_TABLES["transfers"].c.document_id == doc_id)
    conn.execute(delete(items).where(items.c.record_id.in_(transfer_ids)))
    for table in RECORD_TABLES.values():
        conn.execute(delete(table).where(table.c.document_id == doc_id))


def _insert_records(conn: Connection, extraction: Extraction) -> dict[str, int]:
    doc_id = extraction.document.id
    counts: dict[str, int] = {}
    seen: set[str] = set()
    item_rows, evidence_rows, actor_rows = [], [], {}
    for kind, table in RECORD_TABLES.items():
        rows = []
        for position, record in enumerate(getattr(extraction, kind)):
            if record.record_id in seen:  # the same record twice in one document: stored once
                continue
            seen.add(record.record_id)
            data = record.model_dump(mode="json")
            rows.append({"record_id": record.record_id, "document_id": doc_id, "position": position,
                         "record": dump_json(data), **COLUMNS[kind](data)})
            evidence_rows += _evidence_rows(record.record_id, doc_id, 0, data["evidence"])
            for index, item in enumerate(data.get("items") or []):
                item_rows.append({"record_id": record.record_id, "position": index, **_item_columns(item)})
                evidence_rows += _evidence_rows(record.record_id, doc_id, index + 1, item["evidence"])
            for actor in _actors_of(kind, data):
                actor_rows.setdefault(actor[0], {"id": clean(actor[0]), "name": clean(actor[1])})
        if rows:
            conn.execute(insert(table), rows)
        counts[kind] = len(rows)
    if item_rows:
        conn.execute(insert(items), item_rows)
    if evidence_rows:
        conn.execute(insert(evidence), _unique(evidence_rows))
    if actor_rows:
        insert_ignoring_duplicates(conn, actors, list(actor_rows.values()))
    return counts


def _unique(rows: list[dict]) -> list[dict]:
    keys = set()
    out = []
    for row in rows:
        key = (row["record_id"], row["part"], row["span_start"], row["span_end"])
        if key not in keys:
            keys.add(key)
            out.append(row)
    return out


def _evidence_rows(record_id: str, doc_id: str, part: int, spans: list) -> list[dict]:
    return [{"record_id": record_id, "part": part, "span_start": start, "span_end": end, "document_id": doc_id}
            for start, end in spans]


def insert_ignoring_duplicates(conn: Connection, table: Table, rows: list[dict]) -> None:
    """INSERT, leaving rows whose key is there already (concurrent writers included)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    conn.execute(dialect_insert(table).on_conflict_do_nothing(), rows)


def _actor(value: dict | None) -> tuple[str | None, str | None]:
    return (value.get("id"), value.get("name")) if value else (None, None)


def _money(value: dict | None) -> tuple[float | None, str | None]:
    return (value.get("amount"), value.get("currency")) if value else (None, None)


def _actors_of(kind: str, data: dict) -> Iterable[tuple[str, str | None]]:
    found: list[dict | None] = []
    if kind == "transfers":
        found = [data.get("supplier"), data.get("recipient"), *(data.get("announced_by") or [])]
    elif kind == "aid":
        found = [data.get("donor"), data.get("recipient")]
    elif kind == "figures":
        found = [data.get("source")]
    elif kind == "quotes":
        found = [{"id": data.get("speaker_id"), "name": data.get("speaker")}]
    return [(a["id"], a.get("name")) for a in found if a and a.get("id")]


def _transfer_columns(data: dict) -> dict:
    supplier_id, supplier_name = _actor(data.get("supplier"))
    recipient_id, recipient_name = _actor(data.get("recipient"))
    amount, currency = _money(data.get("value"))
    return {"supplier_id": supplier_id, "supplier_name": clean(supplier_name), "recipient_id": recipient_id,
            "recipient_name": clean(recipient_name), "status": data.get("status"), "channel": data.get("channel"),
            "date": data.get("date"), "value_amount": amount, "value_currency": currency}


def _aid_columns(data: dict) -> dict:
    amount, currency = _money(data.get("value"))
    return {"donor_id": _actor(data.get("donor"))[0], "recipient_id": _actor(data.get("recipient"))[0],
            "kind": data.get("kind"), "value_amount": amount, "value_currency": currency,
            "period": data.get("period")}


def _figure_columns(data: dict) -> dict:
    source = data.get("source") or {}
    return {"measure": data.get("measure"), "value": data.get("value"), "value_high": data.get("value_high"),
            "qualifier": data.get("qualifier"), "location": clean(data.get("location")),
            "subject": clean(data.get("subject")), "source_name": clean(source.get("name")),
            "source_id": source.get("id"), "source_kind": source.get("kind"), "stance": data.get("stance")}


def _legal_columns(data: dict) -> dict:
    return {"court": clean(data.get("court")), "action": data.get("action"),
            "respondent": clean(data.get("respondent")), "date": clean(data.get("date"))}


def _quote_columns(data: dict) -> dict:
    return {"speaker": clean(data.get("speaker")), "speaker_id": data.get("speaker_id"),
            "speaker_role": clean(data.get("speaker_role")), "text": clean(data.get("text")),
            "direct": data.get("direct")}


def _item_columns(item: dict) -> dict:
    return {"designation": clean(item.get("designation")), "family": clean(item.get("family")),
            "description": clean(item.get("description")), "category": item.get("category"),
            "quantity": small_int(item.get("quantity")), "quantity_qualifier": item.get("quantity_qualifier")}


COLUMNS = {"transfers": _transfer_columns, "aid": _aid_columns, "figures": _figure_columns,
           "legal_actions": _legal_columns, "quotes": _quote_columns}


def count_documents(ledger: Ledger) -> dict[str, int]:
    """How many documents the ledger holds, by status."""
    with ledger.reading() as conn:
        rows = conn.execute(select(documents.c.status, func.count()).group_by(documents.c.status)).all()
    return {status: count for status, count in rows}


def _version(value: str | None) -> tuple:
    parts = []
    for part in (value or "0").split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def documents_to_reprocess(ledger: Ledger, engine_version: str, *, every: bool = False
                           ) -> Iterator[tuple[str, SourceDocument]]:
    """Stored documents with text that `engine_version` should extract again: those made by an
    older engine, or all of them with `every`. Read a page at a time, in id order."""
    query = (select(documents.c.id, documents.c.engine_version).where(documents.c.text.is_not(None))
             .order_by(documents.c.id).limit(PAGE))
    current = _version(engine_version)
    last = None
    while True:
        with ledger.reading() as conn:
            page = conn.execute(query if last is None else query.where(documents.c.id > last)).all()
            wanted = [row.id for row in page if every or _version(row.engine_version) < current]
            rows = conn.execute(select(documents.c.id, documents.c.text, documents.c.source, documents.c.title,
                                       documents.c.published, documents.c.language, documents.c.ref)
                                .where(documents.c.id.in_(wanted)).order_by(documents.c.id)).all() if wanted else []
        for row in rows:
            yield row.id, SourceDocument(text=row.text, source=row.source, title=row.title, published=row.published,
                                         language=row.language, ref=row.ref)
        if len(page) < PAGE:
            return
        last = page[-1].id


def count_to_reprocess(ledger: Ledger, engine_version: str, *, every: bool = False) -> int:
    """How many documents `documents_to_reprocess` would give."""
    with ledger.reading() as conn:
        versions = conn.execute(select(documents.c.engine_version, func.count()).where(documents.c.text.is_not(None))
                                .group_by(documents.c.engine_version)).all()
    current = _version(engine_version)
    return sum(count for version, count in versions if every or _version(version) < current)
