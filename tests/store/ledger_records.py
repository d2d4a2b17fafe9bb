"""Extractions written by hand for the store tests (no language model involved)."""
from __future__ import annotations

from armsledger.model import (
    Actor, Aid, Document, Extraction, Figure, FigureSource, Item, LegalAction, Money, Quote, Transfer, document_id,
)


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
