"""The ledger store: documents, their records, merged deals and merge decisions in SQLite or
PostgreSQL (SQLAlchemy Core; Alembic migrations applied on open).

Depends only on the base (`errors`, `model`) and the pure `merge`: never on spaCy, the
extractors or the pipeline, so that the ledger's queries answer without loading a model.
"""
from armsledger.store.engine import Ledger, open_ledger

__all__ = ["Ledger", "open_ledger"]
