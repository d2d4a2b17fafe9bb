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


# --- ledgers on both back ends -----------------------------------------------------------------

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_server():
    """A private PostgreSQL server for the session; skipped when Debian's binaries are absent,
    unless ARMSLEDGER_REQUIRE_POSTGRES=1 (set by .ci/run), which makes that a failure."""
    import os

    from postgres_server import REQUIRE_VAR, PostgresServer, find_binaries
    binaries = find_binaries()
    if binaries is None:
        reason = ("PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb): "
                  "apt-get install postgresql to run the PostgreSQL half of the ledger tests")
        if os.environ.get(REQUIRE_VAR) == "1":
            pytest.fail(f"{reason} ({REQUIRE_VAR}=1 requires them)")
        pytest.skip(reason)
    server = PostgresServer(binaries)
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def ledger_url(request, tmp_path) -> str:
    """The URL of an empty ledger, on SQLite (a file) and on PostgreSQL (a new database)."""
    if request.param == "sqlite":
        return str(tmp_path / "ledger.sqlite")
    return request.getfixturevalue("postgres_server").new_database()


@pytest.fixture
def ledger(ledger_url):
    """An open empty ledger on each back end."""
    from armsledger.store import open_ledger
    opened = open_ledger(ledger_url)
    yield opened
    opened.close()
