"""The ledger's commands as console scripts: queries start without spaCy, whole outputs,
corrections of the merge, errors in one red line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from armsledger.cli import main
from armsledger.model import document_id
from armsledger.store import open_ledger
from armsledger.store.deals import remerge
from armsledger.store.writes import write_extraction

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from ledger_records import extraction  # noqa: E402

FR = "La France a livré six canons Caesar à l'Ukraine."
EN = "France delivered six Caesar howitzers to Ukraine, the ministry said."


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run(capsys, monkeypatch):
    """Run `armsledger ARGS...` in this process (as the console script does) and capture it."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*args: str) -> Run:
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["armsledger", *args])
        code = 0
        try:
            main()
        except SystemExit as exit_:
            code = exit_.code or 0
        out = capsys.readouterr()
        return Run(code, out.out, out.err)
    return invoke


@pytest.fixture
def filled(ledger_url):
    ledger = open_ledger(ledger_url)
    write_extraction(ledger, extraction(FR, title="Livraison"), input_name="fr.txt")
    write_extraction(ledger, extraction(EN, title="Delivery", language="en", published="2025-06-02"),
                     input_name="en.txt")
    remerge(ledger)
    ledger.close()
    return ledger_url


def test_transfers_json_answers_without_loading_spacy(filled):
    code = ("import sys\nfrom armsledger.cli import main\ntry:\n    main()\nfinally:\n"
            "    sys.stderr.write('SPACY=%s\\n' % ('spacy' in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code, "transfers", "--db", filled, "--json"], capture_output=True,
                          text=True, env={**os.environ, "NO_COLOR": "1"}, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "SPACY=False\n"
    deals = json.loads(proc.stdout)
    # the French and the English report of one delivery: one deal with two sources
    assert [sorted(d) for d in deals] == [["id", "items", "quantities", "recipient", "sources", "status", "steps",
                                           "supplier", "values"]]
    (deal,) = deals
    assert (deal["supplier"]["id"], deal["recipient"]["id"]) == ("FRA", "UKR")
    assert [s["document"] for s in deal["sources"]] == [document_id(FR), document_id(EN)]
    assert all(s["items"] for s in deal["sources"])
    assert deal["quantities"] == [{"designation": "Caesar", "quantity": 6, "qualifier": None,
                                   "sources": [document_id(FR), document_id(EN)]}]
    assert deal["values"] == [{"amount": 1.5e8, "currency": "EUR", "qualifier": "exact",
                               "sources": [document_id(FR), document_id(EN)]}]


def sources_of_deals(run, db: str) -> list[list[str]]:
    """Each deal's source documents, deals in the ledger's order."""
    return [[s["document"] for s in d["sources"]] for d in json.loads(run("transfers", "--db", db, "--json").stdout)]


def test_split_and_join_are_stored_and_survive_a_remerge(filled, run):
    fr, en = document_id(FR), document_id(EN)
    assert sources_of_deals(run, filled) == [[fr, en]]
    (deal,) = json.loads(run("transfers", "--db", filled, "--json").stdout)

    split = run("deals", "split", deal["id"], en[:20], "--db", filled)
    assert (split.returncode, split.stderr) == (0, "")
    assert split.stdout == ("split decision stored; deals merged again: 1 created, 1 updated, 0 removed; "
                            "2 in the ledger\n")
    assert sorted(sources_of_deals(run, filled)) == sorted([[fr], [en]])
    deals = {d["sources"][0]["document"]: d["id"] for d in json.loads(run("transfers", "--db", filled, "--json").stdout)}
    assert deals[fr] == deal["id"]  # the deal keeps its id: its earliest record is the French one
    lonely = run("deals", "split", deals[fr], fr[:20], "--db", filled)
    assert lonely.returncode == 2 and "has no other source" in lonely.stderr

    joined = run("deals", "join", deals[fr], deals[en], "--db", filled)
    assert (joined.returncode, joined.stderr) == (0, "")
    assert joined.stdout == ("join decision stored; deals merged again: 0 created, 1 updated, 1 removed; "
                             "1 in the ledger\n")
    assert sources_of_deals(run, filled) == [[fr, en]]
    assert json.loads(run("transfers", "--db", filled, "--json").stdout)[0]["id"] == deal["id"]
    again = run("deals", "join", deals[fr], deal["id"], "--db", filled)
    assert again.returncode == 2 and "are the same deal" in again.stderr

    ledger = open_ledger(filled)
    from armsledger.store.deals import stored_decisions
    assert [(d.kind, d.documents, d.others, d.supplier, d.recipient) for d in stored_decisions(ledger)] == [
        ("split", (en,), (fr,), "FRA", "UKR"), ("join", (fr,), (en,), "FRA", "UKR")]
    # both decisions hold through a re-merge: split, then joined again, the deal is as it was
    changes = remerge(ledger)
    ledger.close()
    assert (changes.created, changes.updated, changes.removed, changes.total) == (0, 0, 0, 1)
    assert json.loads(run("transfers", "--db", filled, "--json").stdout) == [deal]


def test_a_split_made_again_after_a_join_wins(filled, run):
    """The user has the last word: split, join, then the same split again gives two deals."""
    fr, en = document_id(FR), document_id(EN)
    (deal,) = json.loads(run("transfers", "--db", filled, "--json").stdout)
    assert run("deals", "split", deal["id"], en, "--db", filled).returncode == 0
    ids = [d["id"] for d in json.loads(run("transfers", "--db", filled, "--json").stdout)]
    assert run("deals", "join", *ids, "--db", filled).returncode == 0
    assert sources_of_deals(run, filled) == [[fr, en]]
    again = run("deals", "split", deal["id"], en, "--db", filled)
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout.startswith("split decision stored; deals merged again:")
    assert sorted(sources_of_deals(run, filled)) == sorted([[fr], [en]])
    ledger = open_ledger(filled)
    from armsledger.store.deals import stored_decisions
    join, split = stored_decisions(ledger)  # the split made again is the latest decision now
    assert (join.kind, sorted(join.documents + join.others)) == ("join", sorted([fr, en]))
    assert (split.kind, split.documents, split.others) == ("split", (en,), (fr,))
    ledger.close()
    assert run("deals", "split", ids[0], fr, "--db", filled).returncode == 2  # nothing left to split


def test_deals_show_lists_sources_and_the_csv_of_documents(filled, run):
    (deal,) = json.loads(run("transfers", "--db", filled, "--json").stdout)
    shown = run("deals", "show", deal["id"], "--db", filled)
    assert shown.returncode == 0, shown.stderr
    # the count is the one both sources give (the merge keeps counts in `quantities`, not in `items`)
    assert shown.stdout.startswith(f"{deal['id']}  FRA → UKR  status delivered\n  6 Caesar [artillery]\n")
    assert "Sources (2)" in shown.stdout and "Steps (2)" in shown.stdout
    assert shown.stdout.index(document_id(FR)) < shown.stdout.index(document_id(EN))
    assert "Values (1)" in shown.stdout and "the sources disagree" not in shown.stdout
    assert f"150,000,000 EUR │ exact     │ {document_id(FR)[:19]} {document_id(EN)[:19]}" in shown.stdout
    listed = run("transfers", "--db", filled).stdout
    assert f"│ {deal['id']} │ FRA      │ UKR       │ 6 Caesar │ delivered │ 150,000,000 EUR │" in listed
    csv_out = run("documents", "--db", filled, "--csv").stdout.splitlines()
    assert csv_out[0] == "id,status,language,published,title,records,reason"
    assert sorted(line.split(",", 1)[1] for line in csv_out[1:]) == [
        "ok,en,2025-06-02,Delivery,5,", "ok,fr,2025-06-01,Livraison,5,"]


def test_hostile_cli_filters_find_nothing_and_break_nothing(filled, run):
    queries = [(command, option, value) for value in ("'; DROP TABLE deals; --", "%", "\" OR 1=1", "NEAR(", "x\\")
               for command, option in (("transfers", "--supplier"), ("transfers", "--search"),
                                       ("figures", "--location"), ("quotes", "--speaker"), ("documents", "--search"))]
    for args in queries:
        proc = run(*args, "--db", filled, "--json")
        assert (proc.returncode, json.loads(proc.stdout)) == (0, []), (args, proc.stderr)
    assert len(json.loads(run("documents", "--db", filled, "--json").stdout)) == 2


def test_a_bad_db_url_is_one_red_line_and_exit_2(tmp_path, run):
    for db, words in (("mysql://x@localhost/db", "not a mysql URL"),
                      ("postgresql://nobody@127.0.0.1:1/none", "cannot open the ledger")):
        proc = run("transfers", "--db", db)
        lines = proc.stderr.splitlines()
        assert proc.returncode == 2 and len(lines) == 1 and lines[0].startswith("armsledger: ")
        assert words in lines[0]
    unknown = run("deals", "show", "deal_nothing", "--db", str(tmp_path / "l.sqlite"))
    assert (unknown.returncode, unknown.stderr) == (
        2, "armsledger: no deal has the id 'deal_nothing' (armsledger transfers lists them) [AL402]\n")


def test_export_jsonl_gives_back_every_extraction_then_the_deals(run, filled, tmp_path):
    out = run("export", "--db", filled, "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    stored = {e.document.id: e.to_json_dict() for e in (extraction(FR, title="Livraison"),
                                                        extraction(EN, title="Delivery", language="en",
                                                                   published="2025-06-02"))}
    documents = [line for line in lines if line.get("schema") == "armsledger/1"]
    assert {d["document"]["id"] for d in documents} == set(stored)
    for doc in documents:
        want = stored[doc["document"]["id"]]
        assert {k: doc[k] for k in ("transfers", "aid", "figures", "legal_actions", "quotes")} == \
            {k: want[k] for k in ("transfers", "aid", "figures", "legal_actions", "quotes")}
    deals = [line for line in lines if line.get("kind") == "deal"]
    assert len(deals) == 1 and len(deals[0]["sources"]) == 2


def test_export_sipri_unroca_and_csv(run, filled, tmp_path):
    sipri = run("export", "--db", filled, "--format", "sipri").stdout.splitlines()
    assert sipri[0].startswith("supplier,recipient,designation,description,armament_category,order_year")
    assert sipri[1].startswith("FRA,UKR,Caesar,")
    unroca = run("export", "--db", filled, "--format", "unroca").stdout.splitlines()
    assert unroca[1].startswith("III,Large-calibre artillery systems,FRA,UKR,6,")
    out = run("export", "--db", filled, "--format", "csv", "--out", str(tmp_path / "csv"))
    assert out.returncode == 0
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == [
        "aid.csv", "deals.csv", "figures.csv", "legal_actions.csv", "quotes.csv", "transfers.csv"]
    assert len((tmp_path / "csv" / "transfers.csv").read_text().splitlines()) == 3
    refused = run("export", "--db", filled, "--format", "csv")
    assert refused.returncode == 2 and "--out" in refused.stderr
