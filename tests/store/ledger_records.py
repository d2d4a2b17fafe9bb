"""Extractions written by hand for the store tests (no language model involved)."""
from __future__ import annotations

from sqlalchemy import func, select

from armsledger.model import (
    Actor, Aid, Document, Extraction, Figure, FigureSource, Item, LegalAction, Money, Quote, Transfer, document_id,
)
from armsledger.store import open_ledger
from armsledger.store.tables import RECORD_TABLES, deal_sources, deals, documents


def extraction(text: str, *, supplier: str = "FRA", recipient: str = "UKR", designation: str = "Caesar",
               category: str = "artillery", quantity: int = 6, published: str = "2025-06-01",
               title: str = "Livraison", language: str = "fr") -> Extraction:
    """One document with a transfer, an aid record, a figure, a legal action and a quote."""
    end = len(text)
    return Extraction(
        document=Document(id=document_id(text), language=language, published=published, title=title,
                          source="test", ref="ref-" + title, text=text),
        transfers=[Transfer(supplier=Actor(id=supplier, name=supplier.title()),
                            recipient=Actor(id=recipient, name=recipient.title()),
                            items=[Item(designation=designation, category=category, quantity=quantity,
                                        evidence=[(0, min(5, end))])],
                            value=Money(amount=1.5e8, currency="EUR"), status="delivered", date="2025-05",
                            evidence=[(0, end)])],
        aid=[Aid(donor=Actor(id=supplier), recipient=Actor(id=recipient), value=Money(amount=1e9, currency="EUR"),
                 kind="military_aid", evidence=[(0, end)])],
        figures=[Figure(value=12, measure="killed", location="Kharkiv", stance="reported",
                        source=FigureSource(name="the United Nations", id="UN", kind="official"),
                        evidence=[(0, end)])],
        legal_actions=[LegalAction(court="ICC", action="investigation", evidence=[(0, end)])],
        quotes=[Quote(speaker="Anna Weber", speaker_role="minister", text="Nous livrerons.", evidence=[(0, end)])],
    ).with_record_ids()


def snapshot(url: str) -> dict:
    """What must be the same between two ledgers: ids of documents, records and deals, and counts."""
    ledger = open_ledger(url)
    with ledger.reading() as conn:
        out = {"documents": conn.execute(select(documents.c.id, documents.c.status).order_by(documents.c.id)).all(),
               "deals": conn.execute(select(deals.c.id).order_by(deals.c.id)).scalars().all(),
               "deal_sources": conn.execute(select(func.count()).select_from(deal_sources)).scalar_one()}
        for kind, table in RECORD_TABLES.items():
            out[kind] = conn.execute(select(table.c.record_id).order_by(table.c.record_id)).scalars().all()
    ledger.close()
    return out
