"""Keeping a ledger (`armsledger.ledger.ingest`): idempotent, resumable after kill -9, skipped
documents kept with their reason, --reprocess replacing records; on SQLite and PostgreSQL."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from armsledger.ingest import read_inputs
from armsledger.ledger import ingest
from armsledger.pipeline import Options
from armsledger.store import open_ledger
from armsledger.store.location import resolve_url
from armsledger.store.queries import ledger_counts

sys.path.insert(0, str(Path(__file__).resolve().parent / "store"))
from ledger_records import snapshot  # noqa: E402

SUPPLIERS = ["La France", "L'Allemagne", "L'Italie", "L'Espagne", "La Suède", "La Norvège"]


def write_corpus(path: Path, count: int = 36) -> Path:
    """A JSON Lines corpus of short French texts written for the test, each a different deal."""
    lines = []
    for i in range(count):
        supplier = SUPPLIERS[i % len(SUPPLIERS)]
        lines.append({"id": f"doc-{i}", "language": "fr", "published": f"2025-{1 + i % 12:02d}-10",
                      "text": f"{supplier} a livré {i + 2} canons Caesar à l'Ukraine, a annoncé le ministère."})
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


def test_ingesting_twice_changes_nothing(ledger, tmp_path, nlp_ready):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 6)
    (tmp_path / "vide.txt").write_bytes(b"")
    first = ingest(ledger, read_inputs([str(corpus), str(tmp_path / "vide.txt")]))
    before = snapshot(ledger.url.render_as_string(hide_password=False))
    second = ingest(ledger, read_inputs([str(corpus), str(tmp_path / "vide.txt")]))
    assert (first.new, first.present, dict(first.skipped)) == (6, 0, {"AL101": 1})
    assert first.records["transfers"] == 6 and first.deals.created == 6
    # the unreadable input is reported again, not stored again
    assert (second.new, second.present, dict(second.skipped), second.deals.created) == (0, 6, {"AL101": 1}, 0)
    assert snapshot(ledger.url.render_as_string(hide_password=False)) == before
    assert ledger_counts(ledger)["documents"] == 7


REFUSE = {  # a real trigger of each back end refusing one document's row, as a store may
    "sqlite": ["CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.ref = 'doc-2' "
               "BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END"],
    "postgresql": ["CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "IF NEW.ref = 'doc-2' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; "
                   "RETURN NEW; END $$",
                   "CREATE TRIGGER refuse BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION refuse()"],
}


def test_a_document_the_store_refuses_is_skipped_and_the_others_written_with_it_are_kept(ledger, tmp_path,
                                                                                        nlp_ready):
    # documents are written a few to a transaction: one refused row must not take the others along
    corpus = write_corpus(tmp_path / "corpus.jsonl", 5)
    with ledger.writing() as conn:
        for statement in REFUSE[ledger.engine.dialect.name]:
            conn.execute(text(statement))
    report = ingest(ledger, read_inputs([str(corpus)]))
    assert (report.new, report.present, dict(report.skipped)) == (4, 0, {"AL108": 1})
    assert report.records["transfers"] == 4
    with ledger.reading() as conn:
        rows = conn.execute(text("SELECT ref, status, skip_code FROM documents ORDER BY ref")).all()
    # the refused one is kept as skipped, by its input's name and reason
    assert sorted(map(tuple, rows), key=str) == [
        ("doc-0", "ok", None), ("doc-1", "ok", None), ("doc-3", "ok", None), ("doc-4", "ok", None),
        (None, "skipped", "AL108")]


def test_reprocess_all_replaces_each_documents_records_with_the_same_ids(ledger, tmp_path, nlp_ready):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 3)
    ingest(ledger, read_inputs([str(corpus)]))
    before = snapshot(ledger.url.render_as_string(hide_password=False))
    older = ingest(ledger, [], reprocess="older")
    again = ingest(ledger, [], reprocess="all")
    assert (older.reprocessed, again.reprocessed, again.records["transfers"]) == (0, 3, 3)
    assert (again.deals.created, again.deals.removed) == (0, 0)
    assert snapshot(ledger.url.render_as_string(hide_password=False)) == before


def _command() -> list[str]:
    script = Path(sys.executable).parent / "armsledger"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from armsledger.cli import main; main()"]


def _stored(url: str) -> int:
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
    except Exception:  # noqa: BLE001 - not created yet
        return 0
    finally:
        engine.dispose()


def test_kill_9_in_the_middle_then_again_gives_the_ledger_of_an_uninterrupted_run(ledger_url, tmp_path, nlp_ready):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 36)
    reference = tmp_path / "reference.sqlite"
    ingest(open_ledger(str(reference)), read_inputs([str(corpus)]), Options())
    args = [*_command(), "ingest", str(corpus), "--db", ledger_url, "--batch-chars", "1"]  # a commit per parse
    env = {**os.environ, "NO_COLOR": "1"}
    run = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    while _stored(ledger_url) < 4 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)
    run.wait()
    partial = _stored(ledger_url)
    assert 4 <= partial < 36, f"the run was not killed in the middle ({partial} documents stored)"
    # the next run (in this process: its model is loaded already) goes on from there
    again = ingest(open_ledger(ledger_url), read_inputs([str(corpus)]), Options())
    assert (again.new, again.present, sum(again.skipped.values())) == (36 - partial, partial, 0)
    assert snapshot(ledger_url) == snapshot(str(reference))
