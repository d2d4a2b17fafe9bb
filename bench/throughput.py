"""Throughput of armsledger's extraction against the bare spaCy parser it is built on.

For each language (fr, en) the same documents are processed two ways, in one run:

* bare       -- ``list(nlp.pipe(texts))`` with the packaged model as shipped: all its own
  components on (tagger/morphologizer and lemmatizer included), armsledger's off;
* trimmed    -- the same with only the packaged components armsledger keeps (it disables the
  morphology and lemma components, whose output no extractor reads);
* armsledger -- ``list(extract_documents(sources, Options(language=lang)))``, end to end:
  batching, the full pipeline (our components added), every extractor and the records.

Both sides use ONE loaded model: spaCy pipelines loaded side by side in one process were
measured to run up to ~25% apart from each other with identical components (whichever was
loaded later was slower), which would have been charged to our rules. It is loaded and
warmed up before any timing (the bare model reads the whole corpus once, so that the shared
vocabulary knows every word before either side is timed); the three measurements then run in
turn for ``--repeat`` rounds, each round starting with the next of them (a run's place in the
round was measured to move it by up to 10%), each after a garbage collection and with nothing
of the one before kept alive; the medians are reported, so drift of the machine affects all alike. Tokens are those of the bare model's
docs. ``ratio`` = armsledger docs/s / bare docs/s (the target is >= 0.85: at most 15% on top
of the packaged parser); ``rules ratio`` = armsledger / trimmed, the cost of our components and
extractors alone, without the saving of the disabled components. Small corpora give noisy numbers:
raise ``--multiply``. The corpus is the ``*.txt`` of gold folders (``key: value`` header
lines, a blank line, then the text), grouped by their ``language:`` header; without them,
the repo's ``samples/*.txt``. It is a measurement, not a test: the exit status is always 0.
"""
from __future__ import annotations

import argparse
import gc
from contextlib import contextmanager
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from armsledger.model import SourceDocument  # noqa: E402
from armsledger.nlp.pipelines import MODELS, UNUSED, get_pipeline  # noqa: E402
from armsledger.pipeline import Options, extract_documents  # noqa: E402



def read_doc(path: Path) -> SourceDocument:
    """A text file in the gold format (same reading as tools/score.py `read_doc`)."""
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = {}
    for line in head.splitlines():
        key, sep, val = line.partition(":")
        if sep and key.strip() in {"source", "title", "published", "language"}:
            meta[key.strip()] = val.strip()
    published = meta.get("published", "")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        published = None
    return SourceDocument(text=body, source=meta.get("source") or path.name, title=meta.get("title"),
                          published=published, language=meta.get("language"), ref=path.stem)


def load_corpus(dirs: list[Path]) -> tuple[dict[str, list[SourceDocument]], list[Path]]:
    """Documents by declared language (supported ones only), and the folders actually read."""
    used = [d for d in dirs if d.is_dir()]
    paths = sorted(p for d in used for p in d.rglob("*.txt"))
    if not paths:
        used = [ROOT / "samples"]
        paths = sorted(used[0].glob("*.txt"))
    corpus: dict[str, list[SourceDocument]] = {}
    for p in paths:
        doc = read_doc(p)
        lang = (doc.language or "").strip().lower()[:2]
        if lang in MODELS:
            corpus.setdefault(lang, []).append(doc)
    return corpus, used


@contextmanager
def only(nlp, names: list[str]):
    """Run `nlp` with exactly the components `names` enabled, then restore it."""
    was_disabled = list(nlp.disabled)
    for name in nlp.component_names:
        if name in names and name in nlp.disabled:
            nlp.enable_pipe(name)
        elif name not in names and name not in nlp.disabled:
            nlp.disable_pipe(name)
    try:
        yield
    finally:
        for name in nlp.component_names:
            if name in was_disabled and name not in nlp.disabled:
                nlp.disable_pipe(name)
            elif name not in was_disabled and name in nlp.disabled:
                nlp.enable_pipe(name)


def _timed(fn) -> tuple[float, object]:
    gc.collect()  # each measurement starts without the garbage of the one before
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def bench_language(lang: str, sources: list[SourceDocument], repeat: int) -> dict:
    texts = [s.text for s in sources]
    options = Options(language=lang)
    nlp = get_pipeline(lang)
    ours = [name for name in nlp.component_names if name.startswith("armsledger_")]
    packaged = [name for name in nlp.component_names if name not in ours]       # the model as shipped
    trimmed = [name for name in packaged if name not in UNUSED.get(lang, ())]   # what we keep of it
    with only(nlp, packaged):
        list(nlp.pipe(texts))  # warm-up, untimed: the vocabulary meets every word once
    list(extract_documents(sources[:2], options))
    times: dict[str, list[float]] = {"bare": [], "trimmed": [], "full": []}
    counted = {"tokens": 0, "errors": 0}

    def bare() -> None:
        with only(nlp, packaged):
            t, docs = _timed(lambda: list(nlp.pipe(texts)))
        times["bare"].append(t)
        counted["tokens"] = sum(len(d) for d in docs)

    def trimmed_run() -> None:
        with only(nlp, trimmed):
            t, _ = _timed(lambda: list(nlp.pipe(texts)))
        times["trimmed"].append(t)

    def full() -> None:
        t, results = _timed(lambda: list(extract_documents(sources, options)))
        times["full"].append(t)
        counted["errors"] = sum(isinstance(r, Exception) for r in results)

    runs = [bare, trimmed_run, full]
    for k in range(repeat):  # each round starts with another of them: no side keeps one place
        for run in runs[k % 3:] + runs[:k % 3]:
            run()  # nothing of one measurement stays alive through the next
    tokens, errors = counted["tokens"], counted["errors"]
    if errors:
        print(f"warning: {lang}: {errors} document(s) came back as input errors", file=sys.stderr)
    bare_t, trimmed_t, full_t = (statistics.median(times[k]) for k in ("bare", "trimmed", "full"))
    n = len(sources)
    return {"language": lang, "docs": n, "tokens": tokens,
            "bare_docs_s": n / bare_t, "bare_tokens_s": tokens / bare_t,
            "armsledger_docs_s": n / full_t, "armsledger_tokens_s": tokens / full_t,
            "ratio": bare_t / full_t, "rules_ratio": trimmed_t / full_t}


def print_table(rows: list[dict]) -> None:
    heads = ["lang", "docs", "tokens", "bare docs/s", "bare tok/s", "armsl. docs/s", "armsl. tok/s", "ratio",
             "rules ratio"]
    cells = [[r["language"], str(r["docs"]), str(r["tokens"]), f"{r['bare_docs_s']:.1f}",
              f"{r['bare_tokens_s']:.0f}", f"{r['armsledger_docs_s']:.1f}",
              f"{r['armsledger_tokens_s']:.0f}", f"{r['ratio']:.3f}", f"{r['rules_ratio']:.3f}"] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]
    for line in [heads, ["-" * w for w in widths], *cells]:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths))))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", nargs="+", type=Path,
                    default=[ROOT.parent / "shared" / "seed", ROOT.parent / "shared" / "dev"],
                    help="gold folders whose *.txt are the corpus (default: ../shared/seed ../shared/dev)")
    ap.add_argument("--multiply", type=int, default=5, help="repeat the corpus N times (default 5)")
    ap.add_argument("--repeat", type=int, default=3, help="timed rounds per pipeline (default 3)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    corpus, used = load_corpus(args.corpus)
    if not corpus:
        print("no documents in a supported language found", file=sys.stderr)
        return 0
    rows = []
    for lang in sorted(corpus):
        sources = corpus[lang] * max(1, args.multiply)
        try:
            rows.append(bench_language(lang, sources, max(1, args.repeat)))
        except Exception as exc:  # a measurement: report and stop, never fail
            print(f"error: {lang}: {type(exc).__name__}: {exc}", file=sys.stderr)
            break
    if args.json:
        print(json.dumps({"corpus": [str(d) for d in used], "multiply": args.multiply,
                          "repeat": args.repeat, "results": rows}, indent=2))
    elif rows:
        print(f"corpus: {', '.join(map(str, used))}  x{args.multiply}, median of {args.repeat}")
        print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
