"""The accuracy table of the README: score.py on the gold sets, by language and source type.

Groups the documents of `../shared/dev` and `../shared/merge` by language (the folder, or the
`_fr`/`_en` ending of a merge document) and source type (the name's prefix: news, claims, legal,
aid; notices), links each group into a temporary folder, and runs
`score.py run GROUP --json --cmd '.venv/bin/armsledger extract --jsonl {input}'` on it, then on
dev+merge as a whole. Prints a Markdown table. A measurement, not a test.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
CMD = f"{ROOT}/.venv/bin/armsledger extract --jsonl {{input}}"
SECTIONS = ["transfers", "items", "aid", "figures", "legal_actions", "quotes"]


def kind_of(path: Path) -> tuple[str, str]:
    """(language, source type) of a gold text."""
    name = path.stem
    if path.parent.name == "notices":
        return "en", "notices"
    if path.parent.name == "merge" or name.startswith("m") and re.match(r"m\d", name):
        return name.rsplit("_", 1)[-1].replace("notice", "en"), "merge"
    lang = path.parent.name
    prefix = name.split("_")[0]
    return lang, {"fr": "news", "en": "news"}.get(prefix, prefix)


def score(paths: list[Path]) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        for p in paths:
            for suffix in (".txt", ".gold.json"):
                src = p.with_name(p.stem + suffix)
                (Path(folder) / src.name).symlink_to(src)
        out = subprocess.run([sys.executable, str(SCORE), "run", folder, "--json", "--cmd", CMD],
                             capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def row(label: str, paths: list[Path]) -> str:
    r = score(paths)
    cells = [f"{r['sections'][k]['f1']:.2f}" if r["sections"][k]["gold"] else "–" for k in SECTIONS]
    return f"| {label} | {len(paths)} | {r['micro_f1']:.3f} | {r['strict_micro_f1']:.3f} | " + " | ".join(cells) + " |"


def main() -> None:
    texts = sorted(p for d in (SHARED / "dev", SHARED / "merge") for p in d.rglob("*.txt"))
    groups: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for p in texts:
        groups[kind_of(p)].append(p)
    print("| documents | docs | micro F1 | strict F1 | " + " | ".join(SECTIONS) + " |")
    print("|---|---|---|---|" + "---|" * len(SECTIONS))
    print(row("seed (FR)", sorted((SHARED / "seed").rglob("*.txt"))))
    for (lang, kind), paths in sorted(groups.items(), key=lambda g: (g[0][1] == "merge", g[0][0], g[0][1])):
        print(row(f"{lang.upper()} {kind}", paths))
    for lang in ("fr", "en"):
        print(row(f"{lang.upper()}, all dev and merge", [p for (lg, _), ps in groups.items() if lg == lang for p in ps]))
    whole = score(texts)
    print(row("dev + merge", texts))
    checks = ", ".join(f"{k} {v['accuracy']:.2f}" for k, v in whole["checks"].items() if v["accuracy"] is not None)
    print(f"\nChecks on dev + merge: {checks}.")


if __name__ == "__main__":
    main()
