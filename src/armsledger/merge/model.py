"""The data the merge reads and writes (plain, frozen where it is input).

Decisions are written in document ids and actor ids, never in record or deal ids: a document's
id is the hash of its text and survives `ingest --reprocess`, while record ids change with the
extractor and deal ids with the merge.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class TransferSource:
    """One transfer record of one stored document, with what the merge needs of its document."""
    record_id: str
    document_id: str            # "sha256:..."
    transfer_index: int         # the record's position in its document's `transfers`
    transfer: dict[str, Any]    # the armsledger/1 transfer record as JSON (supplier, items, ...)
    language: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Decision:
    """A user's correction of the merge, kept across re-merging and `--reprocess`.

    split: the transfers of `documents` with these parties never share a deal with those of
        `others` (the documents of the deal they were split from).
    join: the transfers of `documents` and of `others` with these parties are one deal.
    """
    kind: Literal["split", "join"]
    documents: tuple[str, ...]
    others: tuple[str, ...]
    supplier: str | None = None   # actor ids; None matches any
    recipient: str | None = None
    made_by: str | None = None
    made_at: str | None = None


@dataclass
class Deal:
    """One real-world deal: its parties, items, life steps, values side by side, and sources.

    `to_json()` is what `armsledger transfers --json` prints for it.
    """
    id: str
    supplier: dict[str, Any] | None
    recipient: dict[str, Any] | None
    items: list[dict[str, Any]] = field(default_factory=list)
    status: str = "unknown"
    steps: list[dict[str, Any]] = field(default_factory=list)       # {status, date, document, record_id}
    values: list[dict[str, Any]] = field(default_factory=list)      # {amount, currency, qualifier, sources}
    quantities: list[dict[str, Any]] = field(default_factory=list)  # {designation, quantity, sources}
    sources: list[dict[str, Any]] = field(default_factory=list)     # {document, record_id, items, ...}

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "supplier": self.supplier, "recipient": self.recipient, "items": self.items,
                "status": self.status, "steps": self.steps, "values": self.values,
                "quantities": self.quantities, "sources": self.sources}
