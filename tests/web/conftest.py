"""The desk's fixtures: one ledger made once per session from the written documents (through
the real pipeline), copied for each test that writes; the app over it; the write token."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desk_documents import CAESAR_EN, CAESAR_FR, DOCUMENTS, long_line_text  # noqa: E402



def pytest_configure(config):
    # Starlette's TestClient asks for httpx2, which the lock does not have; httpx works.
    config.addinivalue_line("filterwarnings", "ignore:.*httpx2.*")


TOKEN = "test-token-0123456789"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def long_line_extraction():
    """The 5 MB-line document with two records, at its start and at its end."""
    from armsledger.model import Actor, Document, Extraction, Item, Transfer, document_id
    text = long_line_text()
    head_end = text.index("\n")
    tail = text.rindex("Fin:")
    return Extraction(
        document=Document(id=document_id(text), language="fr", published="2025-04-02", title="Long line",
                          source="test:long-line", text=text),
        transfers=[Transfer(supplier=Actor(id="FRA", name="France"), recipient=Actor(id="UKR", name="Ukraine"),
                            items=[Item(designation="Caesar", category="artillery", quantity=6,
                                        evidence=[(text.index("6 canons"), text.index("6 canons") + 14)])],
                            status="delivered", evidence=[(0, head_end)]),
                   Transfer(supplier=None, recipient=Actor(id="POL", name="Pologne"),
                            items=[Item(designation="radar", category="sensor", quantity=4,
                                        evidence=[(text.index("4 radars"), text.index("4 radars") + 8)])],
                            status="delivered", evidence=[(tail, len(text) - 1)])],
    ).with_record_ids()


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


def copy_ledger(base: Path, folder: Path) -> str:
    target = folder / "desk.sqlite"
    shutil.copyfile(base, target)
    return str(target)


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
