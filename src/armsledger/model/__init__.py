"""The base layer: records, evidence and ids. Imports nothing else of armsledger but errors."""
from armsledger.model.records import (
    ENGINE_VERSION, SCHEMA_VERSION, Actor, Aid, Document, Entity, Extraction, Figure, FigureSource, Item,
    LegalAction, Money, Quote, SourceDocument, Transfer, document_id, record_id,
)

__all__ = [
    "ENGINE_VERSION", "SCHEMA_VERSION", "Actor", "Aid", "Document", "Entity", "Extraction", "Figure", "FigureSource",
    "Item", "LegalAction", "Money", "Quote", "SourceDocument", "Transfer", "document_id", "record_id",
]
