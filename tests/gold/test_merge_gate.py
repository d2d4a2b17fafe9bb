"""The merge gate: the ledger issue's acceptance command, run as a user runs it (`armsledger
ingest` into a fresh SQLite ledger, then `armsledger transfers --json`), scored by
../shared/tools/score_merge.py against the gold deal clusters of ../shared/merge, with floors
pinned in merge_floors.json."""
from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SCORE_MERGE = SHARED / "tools" / "score_merge.py"
ARMSLEDGER = Path(sys.executable).parent / "armsledger"   # the console script of this environment
FLOORS = json.loads((Path(__file__).parent / "merge_floors.json").read_text(encoding="utf-8"))


def test_the_merged_deals_of_the_merge_set_score_above_their_floors():
    assert SCORE_MERGE.is_file() and (SHARED / "merge" / "deals.json").is_file(), \
        f"{SHARED / 'merge'} is missing: clone the repository beside ../shared"
    exe = shlex.quote(str(ARMSLEDGER))
    cmd = f"{exe} ingest --db {{db}} {{input}} >/dev/null && {exe} transfers --db {{db}} --json"
    proc = subprocess.run([sys.executable, str(SCORE_MERGE), "run", str(SHARED / "merge"), "--cmd", cmd, "--json"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout)
    below = {key: (result[key], floor) for key, floor in FLOORS.items()
             if not key.startswith("_") and result[key] < floor}
    assert not below, f"merge below its floors (measured, floor): {below}; misses: {result['misses']}"
