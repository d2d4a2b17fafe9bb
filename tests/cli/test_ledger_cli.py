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
    assert [sorted(d) for d in deals] == [["id", "items", "quantities", "recipient", "sources", "status", "steps",
                                           "supplier", "values"]] * 2
    assert {(d["supplier"]["id"], d["recipient"]["id"]) for d in deals} == {("FRA", "UKR")}
    assert all(s["document"].startswith("sha256:") and s["items"] for d in deals for s in d["sources"])


def test_split_and_join_are_stored_and_survive_a_remerge(filled, run):
    deals = json.loads(run("transfers", "--db", filled, "--json").stdout)
    first, second = deals[0]["id"], deals[1]["id"]
    joined = run("deals", "join", first, second, "--db", filled)
    assert joined.returncode == 0, joined.stderr
    assert joined.stdout.startswith("join decision stored; deals merged again:")
    assert run("deals", "join", first, second, "--db", filled).stdout.startswith("join decision was stored already")
    doc = deals[1]["sources"][0]["document"]
    split = run("deals", "split", second, doc[:20], "--db", filled)
    # the placeholder merge keeps one deal per record: the second deal has no other source
    assert split.returncode == 2 and "has no other source" in split.stderr
    ledger = open_ledger(filled)
    from armsledger.store.deals import stored_decisions
    (decision,) = stored_decisions(ledger)
    assert (decision.kind, decision.supplier, decision.recipient) == ("join", "FRA", "UKR")
    assert set(decision.documents + decision.others) == {d["sources"][0]["document"] for d in deals}


def test_deals_show_lists_sources_and_the_csv_of_documents(filled, run):
    deal = json.loads(run("transfers", "--db", filled, "--json").stdout)[0]
    shown = run("deals", "show", deal["id"], "--db", filled)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(f"{deal['id']}  FRA → UKR  status delivered\n  6 Caesar [artillery]\n")
    assert "Sources (1)" in shown.stdout and deal["sources"][0]["document"] in shown.stdout
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
