"""The gold gate: the extractor scored against the shared gold sets, with floors pinned in
floors.json. It runs the extraction in this process (one model load) and lets
../shared/tools/score.py do the scoring, exactly as users of `score.py run` would see it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from armsledger.model import SourceDocument
from armsledger.pipeline import extract_documents

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8"))
GOLD_SETS = [k for k in FLOORS if not k.startswith("_")]


def _folders(gold: str) -> list[Path]:
    """The folders of a gold set's key: "dev" or, joined by "+", several scored as one ("dev+merge")."""
    return [SHARED / part for part in gold.split("+")]


def test_the_shared_gold_sets_are_beside_the_repository():
    # CI needs them: a missing ../shared is a failure, never a silent skip
    assert SCORE.is_file(), f"{SCORE} is missing: clone the repository beside ../shared"
    assert all(folder.is_dir() for gold in GOLD_SETS for folder in _folders(gold)), GOLD_SETS


def _corpus(gold: str) -> list[dict]:
    out = subprocess.run([sys.executable, str(SCORE), "corpus", *map(str, _folders(gold))],
                         capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def predictions(tmp_path_factory) -> dict[str, Path]:
    """One prediction file per gold set, made in one pass over all documents."""
    corpora = {gold: _corpus(gold) for gold in GOLD_SETS}
    cache: dict[tuple, dict] = {}
    docs = {(d["text"], d.get("language"), d.get("published")) for c in corpora.values() for d in c}
    keys = sorted(docs, key=str)
    sources = [SourceDocument(text=t, language=lang, published=pub) for t, lang, pub in keys]
    for key, result in zip(keys, extract_documents(sources)):
        cache[key] = result.to_json_dict()
    out = {}
    for gold, corpus in corpora.items():
        path = tmp_path_factory.mktemp("gold") / "pred.jsonl"
        lines = [json.dumps(cache[(d["text"], d.get("language"), d.get("published"))], ensure_ascii=False)
                 for d in corpus]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out[gold] = path
    return out


@pytest.mark.parametrize("gold", GOLD_SETS)
def test_gold_scores_stay_above_their_floors(gold: str, predictions: dict[str, Path]) -> None:
    res = json.loads(subprocess.run(
        [sys.executable, str(SCORE), "compare", *map(str, _folders(gold)), "--pred", str(predictions[gold]), "--json"],
        capture_output=True, text=True, check=True).stdout)
    assert res["schema_errors"] == []
    floors = {k: v for k, v in FLOORS[gold].items() if k not in {"sections", "strict_sections", "checks"}}
    floors.update({f"{k} F1": v for k, v in FLOORS[gold].get("sections", {}).items()})
    floors.update({f"{k} strict F1": v for k, v in FLOORS[gold].get("strict_sections", {}).items()})
    floors.update({f"{k} accuracy": v for k, v in FLOORS[gold].get("checks", {}).items()})
    got = {k: res[k] for k in floors if k in res}
    got.update({f"{k} F1": res["sections"][k]["f1"] for k in FLOORS[gold].get("sections", {})})
    got.update({f"{k} strict F1": res["sections"][k]["strict_f1"] for k in FLOORS[gold].get("strict_sections", {})})
    got.update({f"{k} accuracy": res["checks"][k]["accuracy"] for k in FLOORS[gold].get("checks", {})})
    low = {k: (got[k], floors[k]) for k in floors if got[k] < floors[k]}
    assert not low, f"{gold}: below the floor (measured, floor): {low}"
