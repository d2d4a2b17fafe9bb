"""Adding a document from the desk: pasted text or an uploaded file, ingested like
`armsledger ingest` does it (the same readers, pipeline, store and merge).

The pipeline (and spaCy) is imported on the first document added, not when the desk starts.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from armsledger.errors import ConfigError, InputError
from armsledger.model import SourceDocument, document_id
from armsledger.store import Ledger

LANGUAGES = ("auto", "fr", "en")
UPLOAD_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom"}


def add_document(ledger: Ledger, *, text: str | None = None, data: bytes | None = None, filename: str | None = None,
                 title: str | None = None, source: str | None = None, published: str | None = None,
                 language: str = "auto") -> list[str]:
    """Ingest pasted `text`, or the bytes of an uploaded file, into the ledger and merge again.
    Returns the ids of the documents it holds (new or stored before).

    Raises ConfigError when nothing is given or the language is unknown, InputError (the
    reader's or the pipeline's) when no document could be read."""
    from armsledger.ingest import read_inputs
    from armsledger.ingest.hygiene import scrub_document
    from armsledger.ingest.limits import Limits
    from armsledger.ledger import ingest
    from armsledger.pipeline import Options

    if language not in LANGUAGES:
        raise ConfigError(f"language must be one of {', '.join(LANGUAGES)}")
    published = published or None
    options = Options(language=language, published=published, limits=Limits())
    if data:
        suffix = Path(filename or "upload.txt").suffix.lower()
        suffix = suffix if suffix in UPLOAD_SUFFIXES else ".txt"
        with tempfile.TemporaryDirectory(prefix="armsledger-desk-") as folder:
            path = Path(folder) / f"upload{suffix}"
            path.write_bytes(data)
            items = list(read_inputs([str(path)], limits=options.limits))
        items = [_named(item, filename, title, source) for item in items]
    elif text and text.strip():
        items = [SourceDocument(text=text, title=title or None, source=source or "desk", published=published,
                                language=None if language == "auto" else language)]
    else:
        raise ConfigError("paste a text or choose a file")
    errors: list[InputError] = []
    report = ingest(ledger, items, options, on_event=lambda kind, name, error: errors.append(error) if error else None)
    ids = [document_id(scrub_document(item)[0].text) for item in items if isinstance(item, SourceDocument)]
    if errors and report.new + report.present == 0:
        raise errors[0]
    return ids


def _named(item, filename: str | None, title: str | None, source: str | None):
    """An uploaded document named after its file (the reader saw a temporary path)."""
    if isinstance(item, InputError):
        item.source = filename or "upload"
        return item
    return item.model_copy(update={"source": source or filename or "upload", "title": title or item.title})
