"""The desk's fixtures: one ledger made once per session from the written documents (through
the real pipeline), copied for each test that writes; the app over it; the write token."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desk_documents import DOCUMENTS, TOKEN, copy_ledger, long_line_extraction  # noqa: E402


def pytest_configure(config):
    # Starlette's TestClient asks for httpx2, which the lock does not have; httpx works.
    config.addinivalue_line("filterwarnings", "ignore:.*httpx2.*")


@pytest.fixture(scope="session")
def base_ledger(tmp_path_factory, nlp_ready) -> Path:
    """A ledger file with the written documents ingested by the real pipeline, the 5 MB-line
    document written directly. The merge makes the two Caesar reports (12 guns, French and English)
    one deal, and the hostile article and the long line (6 guns each) another. Never written to by
    tests."""
    from armsledger.ledger import ingest
    from armsledger.store import open_ledger
    from armsledger.store.writes import write_extraction
    path = tmp_path_factory.mktemp("desk") / "base.sqlite"
    ledger = open_ledger(str(path))
    write_extraction(ledger, long_line_extraction(), input_name="long-line.txt")
    report = ingest(ledger, DOCUMENTS)
    assert report.new == len(DOCUMENTS), report
    ledger.close()
    return path


@pytest.fixture
def desk_db(base_ledger, tmp_path) -> str:
    """A copy of the session's ledger that a test may write to."""
    return copy_ledger(base_ledger, tmp_path)


@pytest.fixture
def client(desk_db):
    """A TestClient over the desk on a fresh copy of the ledger, started with TOKEN."""
    from fastapi.testclient import TestClient

    from armsledger.web import create_app
    app = create_app(desk_db, TOKEN)
    with TestClient(app) as test_client:
        yield test_client
    app.state.ledger.close()


@pytest.fixture
def auth() -> dict:
    return {"Authorization": f"Bearer {TOKEN}", "X-Reviewer": "Ada"}
