"""The desk's fixtures: one ledger made once per session from the written documents (through
the real pipeline), copied for each test that writes; the app over it; the write token."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desk_documents import (  # noqa: E402
    CAESAR_EN, CAESAR_FR, DOCUMENTS, TOKEN, copy_ledger, long_line_extraction,
)



def pytest_configure(config):
    # Starlette's TestClient asks for httpx2, which the lock does not have; httpx works.
    config.addinivalue_line("filterwarnings", "ignore:.*httpx2.*")


def join_caesar_reports(ledger) -> None:
    """Make the two Caesar reports one deal when the merge did not (the placeholder merge keeps
    one deal per record; the real merge joins them): the desk's split needs a deal of two sources."""
    from armsledger.merge import Deal
    from armsledger.model import document_id
    from armsledger.store.deals import replace_deals
    from armsledger.store.queries import list_deals
    deals = list_deals(ledger)
    caesar = {document_id(CAESAR_FR.text), document_id(CAESAR_EN.text)}
    if any({s["document"] for s in d["sources"]} >= caesar for d in deals):
        return
    parts = [d for d in deals if {s["document"] for s in d["sources"]} & caesar]
    rest = [Deal(**d) for d in deals if d not in parts]
    joined = Deal(**{**parts[0], "sources": [s for d in parts for s in d["sources"]]})
    replace_deals(ledger, rest + [joined])


@pytest.fixture(scope="session")
def base_ledger(tmp_path_factory, nlp_ready) -> Path:
    """A ledger file with the written documents ingested by the real pipeline, the 5 MB-line
    document written directly, and the two Caesar reports in one deal. Never written to by tests."""
    from armsledger.ledger import ingest
    from armsledger.store import open_ledger
    from armsledger.store.writes import write_extraction
    path = tmp_path_factory.mktemp("desk") / "base.sqlite"
    ledger = open_ledger(str(path))
    write_extraction(ledger, long_line_extraction(), input_name="long-line.txt")
    report = ingest(ledger, DOCUMENTS)
    assert report.new == len(DOCUMENTS), report
    join_caesar_reports(ledger)
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
