"""armsledger: arms transfers, military aid and the claims around them, with evidence.

The public Python API; the command line calls these same functions:

    >>> import armsledger
    >>> x = armsledger.extract_text("La France a livré 6 canons Caesar à l'Ukraine.", language="fr")
    >>> [t.recipient.id for t in x.transfers]
    ['UKR']

`extract_documents(sources, options)` streams many documents (`SourceDocument`s, or the
`InputError`s a reader yielded) and yields, in input order, each one's `Extraction` or its
error: one document's failure never stops the others. `read_inputs(paths)` reads files,
folders, JSON Lines, feeds and stdin into those sources.

Names are loaded on first use, so `import armsledger.store` (or the ledger's commands) does not
load spaCy.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

_EXPORTS = {
    "extract_text": "armsledger.pipeline",
    "extract_document": "armsledger.pipeline",
    "extract_documents": "armsledger.pipeline",
    "Options": "armsledger.pipeline",
    "read_inputs": "armsledger.ingest",
    "Limits": "armsledger.ingest.limits",
    "SourceDocument": "armsledger.model",
    "Extraction": "armsledger.model",
    "ENGINE_VERSION": "armsledger.model",
    "SCHEMA_VERSION": "armsledger.model",
    "ArmsledgerError": "armsledger.errors",
    "InputError": "armsledger.errors",
    "DocumentFailed": "armsledger.errors",
    "ConfigError": "armsledger.errors",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:
    from armsledger.errors import ArmsledgerError, ConfigError, DocumentFailed, InputError
    from armsledger.ingest import read_inputs
    from armsledger.ingest.limits import Limits
    from armsledger.model import ENGINE_VERSION, SCHEMA_VERSION, Extraction, SourceDocument
    from armsledger.pipeline import Options, extract_document, extract_documents, extract_text


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'armsledger' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
