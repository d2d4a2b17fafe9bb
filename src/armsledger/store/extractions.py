"""The stored documents back as `armsledger/1` extractions, streamed one document at a time."""
from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy import select

from armsledger.model import SCHEMA_VERSION
from armsledger.store.browse import document_records
from armsledger.store.engine import Ledger
from armsledger.store.tables import STATUS_FILTERED, STATUS_OK, documents


def stored_extractions(ledger: Ledger) -> Iterator[dict]:
    """Every extracted document (ok or filtered) as its `armsledger/1` object, in id order:
    the document, its entities and its records as they were stored. Memory holds one document."""
    with ledger.reading() as conn:
        ids = conn.execute(select(documents.c.id).where(documents.c.status.in_((STATUS_OK, STATUS_FILTERED)))
                           .order_by(documents.c.id)).scalars().all()
    for doc_id in ids:
        with ledger.reading() as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).one()
        out = {"schema": SCHEMA_VERSION, "engine_version": row.engine_version,
               "document": {"id": row.id, "language": row.language, "published": row.published,
                            "title": row.title, "source": row.source, "ref": row.ref, "text": row.text},
               "entities": json.loads(row.entities) if row.entities else [],
               **document_records(ledger, doc_id)}
        if row.status == STATUS_FILTERED:
            out["filtered"] = True
        yield out
