"""The base layer: records, evidence and ids. Imports nothing else of armsledger but errors."""
from armsledger.model.records import (
    SCHEMA_VERSION, Actor, Aid, Document, Entity, Extraction, Figure, FigureSource, Item,
    LegalAction, Money, Quote, SourceDocument, Transfer, document_id,
)

__all__ = [
    "SCHEMA_VERSION", "Actor", "Aid", "Document", "Entity", "Extraction", "Figure", "FigureSource",
    "Item", "LegalAction", "Money", "Quote", "SourceDocument", "Transfer", "document_id",
]
