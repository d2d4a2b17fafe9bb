"""`armsledger export --format gold`: reviewed documents as score.py's gold files, so that the
extractor is measured on a user's own corrected documents."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from armsledger.cli import main
from armsledger.store import open_ledger
from armsledger.store.review import add_review
from armsledger.store.writes import write_extraction

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from ledger_records import extraction  # noqa: E402

SCORE = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score.py"
TEXT = "La France a livré six canons Caesar à l'Ukraine,\nselon le ministère."


def test_export_gold_applies_corrections_and_leaves_rejected_records_out(tmp_path, monkeypatch, capsys):
    db = str(tmp_path / "ledger.sqlite")
    ledger = open_ledger(db)
    ex = extraction(TEXT, title="Livraison\nde canons")
    write_extraction(ledger, ex, input_name="a.txt")
    write_extraction(ledger, extraction("Un autre texte, sans décision.", title="Autre"), input_name="b.txt")
    doc = ex.document.id
    add_review(ledger, document_id=doc, kind="transfers", record_id=ex.transfers[0].record_id, action="correct",
               field="value.amount", value="2e8", made_by="Ada")
    for kind in ("figures", "aid", "legal_actions"):
        add_review(ledger, document_id=doc, kind=kind, record_id=getattr(ex, kind)[0].record_id, action="reject")
    ledger.close()
    out = tmp_path / "gold"
    monkeypatch.setattr(sys, "argv", ["armsledger", "export", "--format", "gold", "--out", str(out), "--db", db])
    try:
        main()
    except SystemExit as exit_:
        assert not exit_.code
    assert capsys.readouterr().out == f"1 document(s) written to {out} as NAME.txt + NAME.gold.json\n"
    name = "doc_" + doc.removeprefix("sha256:")[:16]
    assert sorted(p.name for p in out.iterdir()) == [f"{name}.gold.json", f"{name}.txt"]
    assert (out / f"{name}.txt").read_text(encoding="utf-8") == (
        "source: test\ntitle: Livraison de canons\npublished: 2025-06-01\nlanguage: fr\n\n" + TEXT)
    assert json.loads((out / f"{name}.gold.json").read_text(encoding="utf-8")) == {
        "transfers": [{"supplier": {"id": "FRA", "name": "Fra"}, "recipient": {"id": "UKR", "name": "Ukr"},
                       "items": [{"designation": "Caesar", "family": None, "description": None,
                                  "category": "artillery", "quantity": 6, "quantity_qualifier": None}],
                       "value": {"amount": 2e8, "currency": "EUR", "qualifier": "exact"}, "status": "delivered",
                       "channel": "unknown", "announced_by": [], "contractor": None, "date": "2025-05",
                       "year": None, "framework": False}],
        "aid": [], "figures": [], "legal_actions": [],
        "quotes": [{"speaker": "Anna Weber", "speaker_id": None, "speaker_role": "minister",
                    "text": "Nous livrerons.", "direct": True}]}

    # score.py reads them: the extractor's own records, measured against the corrected ones
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps(ex.to_json_dict(), ensure_ascii=False) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SCORE), "compare", str(out), "--pred", str(pred), "--json"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["documents"] == 1
    transfers, figures = result["sections"]["transfers"], result["sections"]["figures"]
    assert (transfers["f1"], transfers["strict_f1"]) == (1.0, 0.0)  # found, but with the value the reviewer corrected
    assert (figures["gold"], figures["predicted"], figures["precision"]) == (0, 1, 0.0)  # the rejected figure
