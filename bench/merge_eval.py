"""Measure the cross-document deal merge on a merge folder, without the store.

Two modes, both scored with `../shared/tools/score_merge.py compare`:

- `--extracted` (default): `armsledger extract --jsonl` on the folder's documents (run once and
  cached under /tmp, `--refresh` to run it again), one `TransferSource` per transfer record;
- `--gold`: one `TransferSource` per gold transfer (`*.gold.json`), the document id being the
  hash of the text as `score.py`'s `read_doc` reads it. This measures the merge on perfect
  extraction, apart from what the extractor misses.

    .venv/bin/python bench/merge_eval.py [--gold] [--dir ../shared/merge] [--out FILE] [--json]

The exit status is that of the scorer: this is a measurement, not a test.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

from armsledger.merge import TransferSource, merge_transfers
from armsledger.model.records import document_id, record_id

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _read_doc(path: Path) -> dict:
    sys.path.insert(0, str(SHARED / "tools"))
    from score import read_doc  # the scorer's own reader: the same text, so the same document id
    return read_doc(path)


def gold_sources(folder: Path) -> list[TransferSource]:
    """One source per gold transfer of the folder's documents."""
    sources = []
    for gold in sorted(folder.rglob("*.gold.json")):
        doc = _read_doc(gold.with_name(gold.name[: -len(".gold.json")] + ".txt"))
        did = document_id(doc["text"])
        for i, t in enumerate(json.loads(gold.read_text(encoding="utf-8")).get("transfers") or []):
            sources.append(TransferSource(record_id=record_id(did, "transfers", t), document_id=did,
                                          transfer_index=i, transfer=t, language=doc.get("language"),
                                          published=doc.get("published"), source=doc.get("source"),
                                          title=doc.get("title")))
    return sources


def extracted_sources(folder: Path, refresh: bool) -> list[TransferSource]:
    """One source per transfer record `armsledger extract --jsonl` gives on the folder."""
    key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:10]
    docs, cache = Path(f"/tmp/merge_eval_{key}.docs.jsonl"), Path(f"/tmp/merge_eval_{key}.extract.jsonl")
    if refresh or not cache.exists():
        corpus = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "corpus", str(folder)],
                                capture_output=True, text=True, check=True).stdout
        docs.write_text(corpus, encoding="utf-8")
        out = subprocess.run([str(ROOT / ".venv" / "bin" / "armsledger"), "extract", "--jsonl", str(docs)],
                             capture_output=True, text=True, check=True).stdout
        cache.write_text(out, encoding="utf-8")
    sources = []
    for line in cache.read_text(encoding="utf-8").splitlines():
        ex = json.loads(line)
        d = ex["document"]
        for i, t in enumerate(ex.get("transfers") or []):
            sources.append(TransferSource(record_id=t.get("record_id") or record_id(d["id"], "transfers", t),
                                          document_id=d["id"], transfer_index=i, transfer=t,
                                          language=d.get("language"), published=d.get("published"),
                                          source=d.get("source"), title=d.get("title")))
    return sources


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=str(SHARED / "merge"))
    ap.add_argument("--gold", action="store_true", help="merge the gold transfers (perfect extraction)")
    ap.add_argument("--refresh", action="store_true", help="extract again instead of reading the cache")
    ap.add_argument("--out", default=None, help="where to write the merged deals (default /tmp)")
    ap.add_argument("--json", action="store_true", help="the scorer's JSON output")
    a = ap.parse_args(argv)
    folder = Path(a.dir)
    sources = gold_sources(folder) if a.gold else extracted_sources(folder, a.refresh)
    deals = merge_transfers(sources, ())
    out = Path(a.out or f"/tmp/merge_eval_{'gold' if a.gold else 'extracted'}.json")
    out.write_text(json.dumps([d.to_json() for d in deals], ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(sources)} transfer records -> {len(deals)} deals ({out})", file=sys.stderr)
    cmd = [sys.executable, str(SHARED / "tools" / "score_merge.py"), "compare", str(folder), "--pred", str(out)]
    return subprocess.run(cmd + (["--json"] if a.json else [])).returncode


if __name__ == "__main__":
    sys.exit(main())
