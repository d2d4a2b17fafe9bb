"""Peak memory of `armsledger extract` on the largest documents it accepts.

Each case runs the real command line in a child process on generated text (never a copy of a
real article) and reads the child's own peak resident set size from the kernel (`wait4`):

* `model only`: the French model loaded, nothing parsed (the floor every run pays);
* `1 x 1M prose`: one document of just under 1,000,000 characters of news-like paragraphs;
* `1 x 1M lines`: one such document of short lines (the case that once took 15.7 GB);
* `10 x 1M`: ten of them in one run;
* `1 x 1.5M`: a document over the limit, refused before any memory is spent.

    .venv/bin/python bench/memory.py [--docs 10] [--json]

The exit status is 0: this is a measurement; the README shows its table.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARMSLEDGER = str(Path(sys.executable).parent / "armsledger")
LIMIT = 1_000_000

SUBJECTS = ["Le ministère de la Défense", "Le gouvernement", "Un porte-parole de l'armée", "L'agence nationale",
            "Le Parlement", "Le commandement régional", "Une délégation officielle", "Le Premier ministre"]
VERBS = ["a annoncé", "a confirmé", "a démenti", "a précisé", "a indiqué", "a rappelé"]
OBJECTS = ["la livraison de {n} véhicules blindés", "un contrat de {n} millions d'euros", "la commande de {n} radars",
           "un exercice conjoint de {n} jours", "le départ de {n} soldats", "une aide de {n} millions de dollars",
           "la visite de {n} experts", "le remplacement de {n} hélicoptères"]
PLACES = ["à Lyon", "près de la frontière", "lundi", "la semaine dernière", "dans la capitale", "en mars 2024"]


def prose(rng: random.Random, size: int) -> str:
    """Paragraphs of four to eight sentences, about `size` characters."""
    parts, total = [], 0
    while total < size:
        sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS).format(n=rng.randint(2, 900))}"
                     f" {rng.choice(PLACES)}." for _ in range(rng.randint(4, 8))]
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        total += len(paragraph)
    return "".join(parts)[:size]


def short_lines(rng: random.Random, size: int) -> str:
    """Lines of a few words each, as in a table dump."""
    parts, total = [], 0
    while total < size:
        line = f"{rng.randint(1, 99)} tués {rng.choice(PLACES)}\n"
        parts.append(line)
        total += len(line)
    return "".join(parts)[:size]


def peak_rss_mb(command: list[str]) -> tuple[float, float, int, str]:
    """Run `command`; its peak RSS in MB (its own, from wait4), seconds, exit code, last stderr line."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode(errors="replace").strip().splitlines()
    return usage.ru_maxrss / 1024, time.monotonic() - start, proc.returncode, (lines[-1] if lines else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10, help="documents in the many-documents case")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for i in range(args.docs):
            path = folder / f"doc{i:02d}.txt"
            path.write_text("language: fr\n\n" + prose(rng, LIMIT - 1_000), encoding="utf-8")
            files.append(str(path))
        lines = folder / "lines.txt"
        lines.write_text("language: fr\n\n" + short_lines(rng, LIMIT - 1_000), encoding="utf-8")
        over = folder / "over.txt"
        over.write_text("language: fr\n\n" + prose(rng, LIMIT + 500_000), encoding="utf-8")
        model_only = [sys.executable, "-c", "from armsledger.nlp.pipelines import get_pipeline; get_pipeline('fr')"]
        cases = [
            ("model only", model_only),
            ("1 x 1M prose", [ARMSLEDGER, "extract", "--jsonl", files[0]]),
            ("1 x 1M lines", [ARMSLEDGER, "extract", "--jsonl", str(lines)]),
            (f"{args.docs} x 1M prose", [ARMSLEDGER, "extract", "--jsonl", *files]),
            ("1 x 1.5M (refused)", [ARMSLEDGER, "extract", "--jsonl", str(over)]),
        ]
        rows = []
        for name, command in cases:
            rss, seconds, code, last = peak_rss_mb(command)
            rows.append({"case": name, "peak_rss_mb": round(rss), "seconds": round(seconds, 1), "exit": code,
                         "stderr": last[:100]})
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'case':<22} {'peak RSS MB':>11} {'seconds':>8} {'exit':>4}  last stderr line")
    for row in rows:
        print(f"{row['case']:<22} {row['peak_rss_mb']:>11} {row['seconds']:>8} {row['exit']:>4}  {row['stderr']}")


if __name__ == "__main__":
    main()
