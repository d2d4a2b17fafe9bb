"""Placeholder merge: one deal per transfer record (replaced by the real merge)."""
from __future__ import annotations

from collections.abc import Iterable

from armsledger.merge.model import Deal, Decision, TransferSource


def merge_transfers(sources: Iterable[TransferSource], decisions: Iterable[Decision] = ()) -> list[Deal]:
    """The deals the transfer records report. Deterministic: the same input gives the same deals."""
    deals = []
    for s in sorted(sources, key=lambda s: s.record_id):
        t = s.transfer
        deals.append(Deal(id="deal_" + s.record_id.removeprefix("tr_"), supplier=t.get("supplier"),
                          recipient=t.get("recipient"), items=list(t.get("items") or []),
                          status=t.get("status") or "unknown",
                          sources=[{"document": s.document_id, "record_id": s.record_id,
                                    "items": list(t.get("items") or [])}]))
    return deals
