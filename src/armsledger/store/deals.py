"""Merged deals and manual merge decisions: what the merge reads from the ledger and writes back.

`transfer_sources` streams every stored transfer as a `TransferSource`, `stored_decisions` gives
the user's decisions, and `replace_deals` swaps the whole deal tables for the merge's output in
one transaction, telling which deal ids are new, changed or gone.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import InterfaceError, OperationalError

from armsledger.errors import LedgerUnavailable, NotInLedger
from armsledger.merge import Deal, Decision, TransferSource, counted_items, merge_transfers
from armsledger.store.engine import Ledger, db_error_line
from armsledger.store.tables import deal_items, deal_sources, deals, decisions, documents, transfers
from armsledger.store.writes import clean, dump_json, now, small_int

PAGE = 500  # transfers read per query: the merge's input is streamed, not loaded at once by us


@dataclass(frozen=True)
class DealChanges:
    """Deal ids compared before and after a merge."""
    created: int
    updated: int
    removed: int
    total: int


def transfer_sources(ledger: Ledger) -> Iterator[TransferSource]:
    """Every stored transfer record with its document's language, date, source and title, in
    record id order, read a page at a time."""
    query = (select(transfers.c.record_id, transfers.c.document_id, transfers.c.position, transfers.c.record,
                    documents.c.language, documents.c.published, documents.c.source, documents.c.title)
             .join(documents, documents.c.id == transfers.c.document_id)
             .order_by(transfers.c.record_id).limit(PAGE))
    last = None
    while True:
        with ledger.reading() as conn:
            page = conn.execute(query if last is None else query.where(transfers.c.record_id > last)).all()
        for row in page:
            yield TransferSource(record_id=row.record_id, document_id=row.document_id,
                                 transfer_index=row.position, transfer=json.loads(row.record),
                                 language=row.language, published=row.published, source=row.source,
                                 title=row.title)
        if len(page) < PAGE:
            return
        last = page[-1].record_id


def stored_decisions(ledger: Ledger) -> list[Decision]:
    """The user's merge decisions, oldest first."""
    with ledger.reading() as conn:
        rows = conn.execute(select(decisions).order_by(decisions.c.id)).all()
    return [Decision(kind=row.kind, documents=tuple(json.loads(row.documents)), others=tuple(json.loads(row.others)),
                     supplier=row.supplier, recipient=row.recipient, made_by=row.made_by, made_at=row.made_at)
            for row in rows]


def add_decision(ledger: Ledger, decision: Decision) -> bool:
    """Store a decision; False when the same one is stored already and is the latest.

    Decisions apply oldest first, so the same decision made again after others (a split, a join
    of the same documents, then the split again) moves to the end: the user's last word wins."""
    row = {"kind": decision.kind, "documents": dump_json(list(decision.documents)),
           "others": dump_json(list(decision.others)), "supplier": decision.supplier,
           "recipient": decision.recipient, "made_by": decision.made_by, "made_at": decision.made_at or now()}
    with ledger.writing() as conn:
        same = select(decisions.c.id).where(*(decisions.c[key] == row[key] if row[key] is not None
                                              else decisions.c[key].is_(None)
                                              for key in ("kind", "documents", "others", "supplier", "recipient")))
        found = conn.execute(same).scalars().all()
        if found:
            latest = conn.execute(select(func.max(decisions.c.id))).scalar_one()
            if latest in found:
                return False
            conn.execute(delete(decisions).where(decisions.c.id.in_(found)))
        conn.execute(insert(decisions), row)
    return True


def remerge(ledger: Ledger) -> DealChanges:
    """Merge every stored transfer with the stored decisions and replace the deals.

    Raises LedgerUnavailable when the ledger stops answering (the old deals then stay)."""
    try:
        return replace_deals(ledger, merge_transfers(transfer_sources(ledger), stored_decisions(ledger)))
    except (OperationalError, InterfaceError) as err:
        raise LedgerUnavailable(f"the ledger stopped answering: {db_error_line(err)}", source=ledger.location) from None


def replace_deals(ledger: Ledger, merged: list[Deal]) -> DealChanges:
    """Replace every stored deal by `merged`, in one transaction."""
    new = {deal.id: dump_json(deal.to_json()) for deal in merged}
    with ledger.writing() as conn:
        old = dict(conn.execute(select(deals.c.id, deals.c.deal)).all())
        conn.execute(delete(deal_items))
        conn.execute(delete(deal_sources))
        conn.execute(delete(deals))
        if merged:
            conn.execute(insert(deals), [_deal_row(deal, new[deal.id], n) for n, deal in enumerate(merged)])
            source_rows = [{"deal_id": deal.id, "position": i, "document_id": source.get("document"),
                            "record_id": source.get("record_id")}
                           for deal in merged for i, source in enumerate(deal.sources)]
            if source_rows:
                conn.execute(insert(deal_sources), source_rows)
            item_rows = [{"deal_id": deal.id, "position": i, "designation": clean(item.get("designation")),
                          "category": item.get("category"), "quantity": small_int(item.get("quantity"))}
                         for deal in merged for i, item in enumerate(counted_items(deal.to_json()))]
            if item_rows:
                conn.execute(insert(deal_items), item_rows)
    return DealChanges(created=len(new.keys() - old.keys()),
                       updated=sum(1 for key in new.keys() & old.keys() if new[key] != old[key]),
                       removed=len(old.keys() - new.keys()), total=len(new))


def _deal_row(deal: Deal, data: str, position: int) -> dict:
    supplier, recipient = deal.supplier or {}, deal.recipient or {}
    return {"id": deal.id, "supplier_id": supplier.get("id"), "supplier_name": clean(supplier.get("name")),
            "recipient_id": recipient.get("id"), "recipient_name": clean(recipient.get("name")),
            "status": deal.status, "deal": data, "position": position}


def load_deal(ledger: Ledger, deal_id: str) -> dict:
    """A stored deal's JSON, by its id or an unambiguous beginning of it.

    Raises NotInLedger when no deal (or more than one) matches."""
    deal_id = clean(deal_id)
    with ledger.reading() as conn:
        row = conn.execute(select(deals.c.deal).where(deals.c.id == deal_id)).first()
        if row is None:
            rows = conn.execute(select(deals.c.deal).where(deals.c.id.startswith(deal_id, autoescape=True))
                                .limit(2)).all()
            if len(rows) != 1:
                what = "no deal" if not rows else "more than one deal"
                raise NotInLedger(f"{what} has the id {deal_id!r} (armsledger transfers lists them)")
            row = rows[0]
    return json.loads(row.deal)
