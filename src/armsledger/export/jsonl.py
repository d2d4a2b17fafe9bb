"""JSON Lines: every extraction as its `armsledger/1` object, then every merged deal."""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from armsledger.export.deals import deal_dict


def write_jsonl(extractions: Iterable[dict[str, Any]], deals: Iterable[Any], out: TextIO) -> int:
    """Write one line per extraction (unchanged, it carries `schema`), then one per deal
    (`{"kind": "deal", ...Deal.to_json()}`); return the number of lines. Non-ASCII kept."""
    n = 0
    for ex in extractions:
        out.write(json.dumps(ex, ensure_ascii=False) + "\n")
        n += 1
    for deal in deals:
        out.write(json.dumps({"kind": "deal", **deal_dict(deal)}, ensure_ascii=False) + "\n")
        n += 1
    return n
