"""Throughput on a realistic stream: most articles report no arms deal, aid, figure or court.

The stream: every gold document of `../shared/{seed,dev,merge}` (the relevant ones, about 5%)
placed at seeded random positions among articles of ordinary news (`news_stream.py`: sport,
economy, politics, weather in French and English, with names, numbers, dates, money and
quotes; 2% of them hold a word the pre-filter anchors on). Measured in one run, one process each:

* bare spaCy  -- the packaged `fr_core_news_md` / `en_core_web_sm` pipelines (all their own
  components, ours off; one loaded model per language, as in throughput.py) over every text of
  the stream, by its declared language, with `nlp.pipe`;
* armsledger  -- `extract_documents` with the relevance pre-filter, end to end (the filter,
  language choice, parse of what it keeps, extractors, records), on the same documents;
* ingest      -- `armsledger.ledger.ingest` of the same documents into a new SQLite ledger
  (pre-filter, extraction, documents written a few to a transaction, each whole; the merge at
  the end): what a monitor of a stream runs;
* workers     -- `extract_in_processes` with 1, 2 and N processes on a corpus of relevant
  documents only (the gold texts, repeated), where the parse is all the work;
* memory      -- with `--memory N`, the peak RSS of this process at 2k, 10k and 20k documents of
  an N-document stream ingested into SQLite (it must stay flat: nothing is kept).

The last line is `speedup X.XX`: armsledger's ingest docs/s over bare spaCy docs/s on the stream.
A measurement, not a test: the exit status is always 0.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from news_stream import article  # noqa: E402
from throughput import only, read_doc  # noqa: E402

from armsledger.ledger import ingest  # noqa: E402
from armsledger.model import SourceDocument  # noqa: E402
from armsledger.nlp.pipelines import get_pipeline  # noqa: E402
from armsledger.pipeline import Options, extract_documents  # noqa: E402
from armsledger.scale.local import WorkerPool  # noqa: E402
from armsledger.store import open_ledger  # noqa: E402

GOLD = [ROOT.parent / "shared" / name for name in ("seed", "dev", "merge")]


def relevant_documents() -> list[SourceDocument]:
    paths = sorted(p for d in GOLD if d.is_dir() for p in d.rglob("*.txt"))
    if not paths:
        sys.exit("stream: no gold documents under ../shared (seed, dev, merge)")
    return [read_doc(p) for p in paths]


def ordinary(rng: random.Random, k: int) -> SourceDocument:
    a = article(rng)
    return SourceDocument(text=a["text"], title=a["title"], language=a["language"], published=a["published"],
                          source=f"news-{k:06d}")


def stream(n: int, seed: int, relevant: list[SourceDocument]):
    """`n` documents: the relevant ones at seeded positions, ordinary news around them."""
    rng = random.Random(seed)
    at = dict(zip(sorted(rng.sample(range(n), min(len(relevant), n))), relevant))
    for k in range(n):
        yield at[k] if k in at else ordinary(rng, k)


def bare_rate(docs: list[SourceDocument]) -> float:
    by_lang: dict[str, list[str]] = {}
    for d in docs:
        by_lang.setdefault(d.language, []).append(d.text)
    elapsed = 0.0
    for lang, texts in by_lang.items():
        nlp = get_pipeline(lang)
        packaged = [name for name in nlp.component_names if not name.startswith("armsledger_")]
        with only(nlp, packaged):
            list(nlp.pipe(texts[:4]))  # warm-up, untimed
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts):
                pass
            elapsed += time.perf_counter() - t0
    return len(docs) / elapsed


def armsledger_rate(docs: list[SourceDocument], prefilter: bool = True) -> tuple[float, int]:
    options = Options(prefilter=prefilter)
    list(extract_documents(docs[:4], options))  # warm-up (models, automaton), untimed
    t0 = time.perf_counter()
    parsed = 0
    for result in extract_documents(docs, options):
        parsed += not getattr(result, "filtered", True)
    return len(docs) / (time.perf_counter() - t0), parsed


def workers_rate(docs: list[SourceDocument], workers: int) -> float:
    """Docs/s of `workers` processes, timed once they have all started and loaded the models."""
    if workers == 1:
        return armsledger_rate(docs)[0]
    with WorkerPool(workers) as pool:
        pool.ready()
        t0 = time.perf_counter()
        for _ in pool.extract(docs, Options(prefilter=True)):
            pass
        return len(docs) / (time.perf_counter() - t0)


def ingest_rate(docs: list[SourceDocument], folder: Path) -> tuple[float, str]:
    """Docs/s of an ingest of `docs` into a new SQLite ledger, and its summary line."""
    ledger = open_ledger(str(folder / "stream.sqlite"))
    t0 = time.perf_counter()
    report = ingest(ledger, docs, Options(prefilter=True))
    elapsed = time.perf_counter() - t0
    ledger.close()
    return len(docs) / elapsed, (f"{report.new} new ({report.filtered} filtered), "
                                 f"{sum(report.records.values())} records, {report.deals.total} deals")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory(n: int, seed: int, relevant: list[SourceDocument], folder: Path) -> list[tuple[int, float]]:
    """Peak RSS after 2k, 10k, 20k (and n) documents of an n-document ingest."""
    marks, out, done = {2_000, 10_000, 20_000, n}, [], [0]

    def on_event(*_) -> None:
        done[0] += 1
        if done[0] in marks:
            out.append((done[0], peak_rss_mb()))

    ledger = open_ledger(str(folder / "memory.sqlite"))
    ingest(ledger, stream(n, seed, relevant), Options(prefilter=True), on_event=on_event)
    ledger.close()
    out.append((n, peak_rss_mb()))  # after the merge at the end
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000, help="documents in the stream (default 2000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="N of the workers rows")
    ap.add_argument("--relevant-copies", type=int, default=3, help="repeats of the gold texts for the workers rows")
    ap.add_argument("--memory", type=int, default=0, metavar="N", help="also extract a stream of N documents and "
                    "report the peak RSS at 2k, 10k, 20k (e.g. 20000)")
    args = ap.parse_args(argv)

    relevant = relevant_documents()
    docs = list(stream(args.docs, args.seed, relevant))
    share = sum(1 for d in docs if d in relevant) / len(docs)
    print(f"stream: {len(docs)} documents, {share:.1%} from the gold sets, "
          f"{sum(len(d.text) for d in docs) / len(docs):.0f} characters on average")
    bare = bare_rate(docs)
    ours, parsed = armsledger_rate(docs)
    with tempfile.TemporaryDirectory() as folder:
        stored, summary = ingest_rate(docs, Path(folder))
    print(f"{'':<38}{'docs/s':>10}")
    print(f"{'bare spaCy (packaged pipelines)':<38}{bare:>10.1f}")
    print(f"{'armsledger extract, pre-filter':<38}{ours:>10.1f}   parsed {parsed} of {len(docs)}")
    print(f"{'armsledger ingest into SQLite':<38}{stored:>10.1f}   {summary}")

    corpus = relevant * args.relevant_copies
    print(f"\nrelevant corpus: {len(corpus)} documents (the gold texts x{args.relevant_copies})")
    one = None
    for workers in sorted({1, 2, args.workers}):
        rate = workers_rate(corpus, workers)
        one = one or rate
        print(f"  {workers} worker(s){rate:>12.1f} docs/s   x{rate / one:.2f}")

    if args.memory:
        print(f"\npeak RSS while ingesting a stream of {args.memory} documents into SQLite:")
        with tempfile.TemporaryDirectory() as folder:
            for k, mb in memory(args.memory, args.seed + 1, relevant, Path(folder)):
                print(f"  after {k:>6} documents: {mb:7.0f} MB")
    print(f"speedup {stored / bare:.2f}")


if __name__ == "__main__":
    main()
