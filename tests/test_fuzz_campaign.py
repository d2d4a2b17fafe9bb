"""A small seeded run of the fuzz campaign (bench/fuzz.py) through the installed CLI: every class of
hostile input, and not one crash, hang, wrong exit code, lost canary, schema error or evidence span
outside its text.

The inputs are a tenth of their full size (long lines of 10k-90k characters, 800 "killed" rows, ...) and
the batches larger, so that the run takes about a minute on two idle cores (15 CLI starts of ~6 s each);
`python bench/fuzz.py` runs them at full size.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "bench" / "fuzz.py"
MUST_BE_ZERO = ("crashes", "hangs", "wrong_exit", "canaries_lost", "schema_errors", "evidence_outside")


def load_fuzz():
    spec = importlib.util.spec_from_file_location("armsledger_bench_fuzz", FUZZ)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_a_small_seeded_campaign_finds_no_problem(tmp_path):
    fuzz = load_fuzz()
    if not fuzz.SCHEMA.is_file():
        pytest.fail(f"{fuzz.SCHEMA} is missing: this test needs ../shared (the records schema) beside the repo")
    exe = Path(sys.executable).parent / "armsledger"
    if not exe.is_file():
        pytest.fail(f"{exe} is missing: install the package in this Python's environment (make setup)")
    summary = fuzz.run_campaign(inputs=300, seed=1, batch=50, heavy_batch=14, batch_bytes=5_000_000, jobs=2,
                                scale=0.1, keep=tmp_path, isolate_first=0, exe=exe, quiet=True)
    table = summary["table"]
    assert all(table[cls]["inputs"] and table[cls]["batches"] for cls in fuzz.CLASSES), table
    problems = {kind: table["total"][kind] for kind in MUST_BE_ZERO if table["total"][kind]}
    shown = {cls: {kind: lines for kind, lines in kinds.items() if kind in MUST_BE_ZERO}
             for cls, kinds in summary["examples"].items()}
    assert not problems, f"{problems}; examples: {shown}"
