"""Ingest throughput into SQLite against `extract` alone, and the peak memory of a large ingest.

    .venv/bin/python bench/ingest.py [--multiply 3] [--repeat 3] [--memory 10000]

Throughput: the same documents (the seed and dev texts, else `samples/`, each copy made
unique by a numbered last line so that the ledger stores every copy) go through
`extract_documents` alone and through `armsledger.ledger.ingest` into a fresh SQLite ledger,
alternating, in one process with the models loaded once; medians are reported, with the
ratio ingest ÷ extract docs/s (storage and merge should cost under 10%: ratio ≥ 0.90).
Memory: `--memory N` writes N generated documents to a JSON Lines file and runs
`armsledger ingest` on it in a child process, whose peak RSS (from `wait4`) is reported with
that of a run of N/10 documents: a streaming ingest has the same peak for both.
The exit status is always 0: this is a measurement, not a test.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from throughput import load_corpus  # noqa: E402

from armsledger.ledger import ingest  # noqa: E402
from armsledger.model import SourceDocument  # noqa: E402
from armsledger.nlp.pipelines import get_pipeline  # noqa: E402
from armsledger.pipeline import Options, extract_documents  # noqa: E402
from armsledger.store import open_ledger  # noqa: E402


def corpus(multiply: int) -> list[SourceDocument]:
    dirs = [ROOT.parent / "shared" / "seed", ROOT.parent / "shared" / "dev"]
    by_lang, _ = load_corpus([d for d in dirs if d.exists()] or [ROOT / "samples"])
    docs = [doc for group in by_lang.values() for doc in group]
    return [doc.model_copy(update={"text": f"{doc.text}\n\n(copy {n})"}) for n in range(multiply) for doc in docs]


def time_extract(docs: list[SourceDocument]) -> float:
    start = time.perf_counter()
    for _ in extract_documents(docs, Options()):
        pass
    return time.perf_counter() - start


def time_ingest(docs: list[SourceDocument], folder: Path, run: int) -> float:
    ledger = open_ledger(str(folder / f"bench-{run}.sqlite"))
    start = time.perf_counter()
    ingest(ledger, docs, Options())
    elapsed = time.perf_counter() - start
    ledger.close()
    return elapsed


def peak_rss_mb(jsonl: Path, db: Path) -> tuple[float, float]:
    script = Path(sys.executable).parent / "armsledger"
    start = time.perf_counter()
    child = subprocess.Popen([str(script), "ingest", str(jsonl), "--db", str(db)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_maxrss / 1024, time.perf_counter() - start


def write_generated(path: Path, count: int) -> None:
    suppliers = ["La France", "L'Allemagne", "L'Italie", "L'Espagne", "La Suède", "La Norvège", "La Pologne"]
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            text = (f"{suppliers[i % 7]} a livré {i % 90 + 2} canons Caesar à l'Ukraine, a annoncé le ministère "
                    f"le {i % 28 + 1} mars. Selon l'ONU, au moins {i % 50 + 3} civils ont été tués (dépêche {i}).")
            out.write(json.dumps({"id": f"g{i}", "language": "fr", "published": "2026-03-30", "text": text},
                                 ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--multiply", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory", type=int, default=0, help="documents of the memory run (0: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docs = corpus(args.multiply)
        get_pipeline("fr"), get_pipeline("en")
        time_extract(docs[:20])  # warm up
        extract_s, ingest_s = [], []
        for run in range(args.repeat):
            extract_s.append(time_extract(docs))
            ingest_s.append(time_ingest(docs, folder, run))
        e, i = statistics.median(extract_s), statistics.median(ingest_s)
        print("docs  extract s  extract docs/s  ingest s  ingest docs/s  ratio")
        print(f"{len(docs):>4}  {e:>9.1f}  {len(docs) / e:>14.1f}  {i:>8.1f}  {len(docs) / i:>13.1f}  {e / i:>5.3f}")
        if args.memory:
            print("\ndocuments  peak RSS MB  seconds")
            for count in (args.memory // 10, args.memory):
                jsonl = folder / f"gen-{count}.jsonl"
                write_generated(jsonl, count)
                rss, seconds = peak_rss_mb(jsonl, folder / f"mem-{count}.sqlite")
                print(f"{count:>9}  {rss:>11.0f}  {seconds:>7.1f}")


if __name__ == "__main__":
    main()
