"""Gold files from reviewed documents: NAME.txt (header lines, a blank line, the text) and
NAME.gold.json (the records a careful reader takes from it), in the format of
`../shared/spec/records.md` that `../shared/tools/score.py` reads, so that the extractor can be
measured on a user's own corrected documents.

Pure writers over plain data: the records given are already reviewed (corrections applied);
rejected ones are left out here. Evidence and ids are left out (gold needs neither).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

KINDS = ("transfers", "aid", "figures", "legal_actions", "quotes")
_DROP = {"record_id", "evidence", "review"}


def gold_name(doc_id: str) -> str:
    """A file name for a document: `doc_` and 16 hex digits of its id."""
    return "doc_" + re.sub(r"[^0-9a-f]", "", doc_id.removeprefix("sha256:"))[:16]


def _one_line(value: str | None) -> str:
    return " ".join(str(value or "").split())


def gold_text(document: dict, text: str) -> str:
    """NAME.txt: `source:`, `title:`, `published:`, `language:` lines, a blank line, the text as stored."""
    header = [f"{key}: {_one_line(document.get(key))}" for key in ("source", "title", "published", "language")
              if _one_line(document.get(key))]
    return "\n".join(header) + "\n\n" + text


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _DROP}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def gold_records(records: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The gold object: every kind's records, rejected ones left out, without evidence or ids."""
    return {kind: [_strip(r) for r in records.get(kind) or [] if (r.get("review") or {}).get("status") != "rejected"]
            for kind in KINDS}


def write_gold(folder: Path, document: dict, text: str, records: dict[str, list[dict]]) -> Path:
    """Write NAME.txt and NAME.gold.json for one document into `folder`; returns the .gold.json path."""
    folder.mkdir(parents=True, exist_ok=True)
    name = gold_name(document["id"])
    with open(folder / f"{name}.txt", "w", encoding="utf-8", newline="") as handle:
        handle.write(gold_text(document, text))
    target = folder / f"{name}.gold.json"
    target.write_text(json.dumps(gold_records(records), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target
