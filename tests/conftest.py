"""Shared fixtures: the spaCy pipelines are built once per test session."""
from __future__ import annotations

import pytest

from armsledger.model import Extraction, SourceDocument
from armsledger.pipeline import extract_document
from armsledger.nlp.pipelines import get_pipeline


def extract(text: str, lang: str = "fr", published: str | None = "2025-07-01") -> Extraction:
    """Extract one short text, in the language given (no detection)."""
    return extract_document(SourceDocument(text=text, language=lang, published=published))


@pytest.fixture(scope="session")
def nlp_ready() -> None:
    """Load both pipelines once (a few seconds); `get_pipeline` caches them per process."""
    get_pipeline("fr")
    get_pipeline("en")


@pytest.fixture(scope="session", name="extract")
def extract_fixture(nlp_ready):
    """The `extract(text, lang="fr", published="2025-07-01")` helper, pipelines warm."""
    return extract
