"""Throughput of armsledger's extraction against the bare spaCy parser it is built on.

For each language (fr, en) the same documents are processed two ways, in one run:

* bare       -- ``list(nlp.pipe(texts))`` with the packaged model's own components only: the
  same loaded pipeline with armsledger's components disabled (``nlp.select_pipes``);
* armsledger -- ``list(extract_documents(sources, Options(language=lang)))``, end to end:
  batching, the full pipeline (our components added), every extractor and the records.

Both sides use ONE loaded model: spaCy pipelines loaded side by side in one process were
measured to run up to ~25% apart from each other with identical components (whichever was
loaded later was slower), which would have been charged to our rules. It is loaded and
warmed up before any timing; the two measurements then alternate
(bare, armsledger, bare, armsledger, ...) for ``--repeat`` rounds and the medians are
reported, so drift of the machine affects both alike. Tokens are those of the bare model's
docs. ``ratio`` = armsledger docs/s / bare docs/s: 1.0 means our rules cost nothing, 0.85
(the target) means they add 15% on top of the parser. Small corpora give noisy numbers:
raise ``--multiply``. The corpus is the ``*.txt`` of gold folders (``key: value`` header
lines, a blank line, then the text), grouped by their ``language:`` header; without them,
the repo's ``samples/*.txt``. It is a measurement, not a test: the exit status is always 0.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from armsledger.model import SourceDocument  # noqa: E402
from armsledger.nlp.pipelines import MODELS, get_pipeline  # noqa: E402
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


def bench_language(lang: str, sources: list[SourceDocument], repeat: int) -> dict:
    texts = [s.text for s in sources]
    options = Options(language=lang)
    full = get_pipeline(lang)
    ours = [name for name in full.pipe_names if name.startswith("armsledger_")]
    with full.select_pipes(disable=ours):
        list(full.pipe(texts[:2]))  # warm-up, untimed
    list(extract_documents(sources[:2], options))
    bare_times, full_times, tokens, errors = [], [], 0, 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        with full.select_pipes(disable=ours):
            docs = list(full.pipe(texts))
        bare_times.append(time.perf_counter() - t0)
        tokens = sum(len(d) for d in docs)
        del docs
        t0 = time.perf_counter()
        results = list(extract_documents(sources, options))
        full_times.append(time.perf_counter() - t0)
        errors = sum(isinstance(r, Exception) for r in results)
        del results
    if errors:
        print(f"warning: {lang}: {errors} document(s) came back as input errors", file=sys.stderr)
    bare_t, full_t = statistics.median(bare_times), statistics.median(full_times)
    n = len(sources)
    return {"language": lang, "docs": n, "tokens": tokens,
            "bare_docs_s": n / bare_t, "bare_tokens_s": tokens / bare_t,
            "armsledger_docs_s": n / full_t, "armsledger_tokens_s": tokens / full_t,
            "ratio": bare_t / full_t}


def print_table(rows: list[dict]) -> None:
    heads = ["lang", "docs", "tokens", "bare docs/s", "bare tok/s", "armsl. docs/s", "armsl. tok/s", "ratio"]
    cells = [[r["language"], str(r["docs"]), str(r["tokens"]), f"{r['bare_docs_s']:.1f}",
              f"{r['bare_tokens_s']:.0f}", f"{r['armsledger_docs_s']:.1f}",
              f"{r['armsledger_tokens_s']:.0f}", f"{r['ratio']:.3f}"] for r in rows]
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
