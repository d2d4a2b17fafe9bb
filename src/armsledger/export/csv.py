"""One CSV per record kind: the records of many extractions (or the merged deals) as flat rows."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from armsledger.export.deals import actor_id, deal_dict, money

# The columns of each kind; nested values are flattened by `_cell`.
COLUMNS: dict[str, list[str]] = {
    "transfers": ["document_id", "record_id", "supplier", "recipient", "items", "value_amount", "value_currency",
                  "value_qualifier", "status", "channel", "announced_by", "contractor", "date", "year", "framework",
                  "evidence"],
    "aid": ["document_id", "record_id", "donor", "recipient", "value_amount", "value_currency", "value_qualifier",
            "kind", "period", "period_start", "evidence"],
    "figures": ["document_id", "record_id", "value", "value_high", "qualifier", "measure", "description", "subject",
                "location", "period_start", "source_name", "source_kind", "stance", "evidence"],
    "legal_actions": ["document_id", "record_id", "court", "action", "subjects", "respondent", "charges", "date",
                      "evidence"],
    "quotes": ["document_id", "record_id", "speaker", "speaker_role", "text", "direct", "evidence"],
    "deals": ["deal_id", "supplier", "recipient", "items", "status", "steps", "values", "quantities", "documents"],
}
RECORD_KINDS = tuple(COLUMNS)


def write_records_csv(kind: str, extractions: Iterable[dict[str, Any]], out: TextIO,
                      deals: Iterable[Any] = ()) -> int:
    """Write the header of `kind` and one row per record of that kind (per deal for "deals");
    return the number of rows. Raises ValueError for an unknown kind."""
    if kind not in COLUMNS:
        raise ValueError(f"unknown record kind {kind!r}; one of {', '.join(RECORD_KINDS)}")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS[kind])
    rows = (_deal_row(deal_dict(d)) for d in deals) if kind == "deals" else \
        (_record_row(kind, ex["document"]["id"], r) for ex in extractions for r in ex.get(kind) or [])
    n = 0
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in COLUMNS[kind]])
        n += 1
    return n


def _record_row(kind: str, doc_id: str, r: dict[str, Any]) -> dict[str, Any]:
    row = dict(r, document_id=doc_id)
    value = r.get("value")
    if kind in ("transfers", "aid"):
        row.update(value_amount=(value or {}).get("amount"), value_currency=(value or {}).get("currency"),
                   value_qualifier=(value or {}).get("qualifier"))
    if kind == "figures":
        row.update(source_name=(r.get("source") or {}).get("name"), source_kind=(r.get("source") or {}).get("kind"))
    if kind == "transfers":
        row["items"] = "; ".join(_item(it) for it in r.get("items") or [])
    return row


def _deal_row(d: dict[str, Any]) -> dict[str, Any]:
    return {"deal_id": d.get("id"), "supplier": d.get("supplier"), "recipient": d.get("recipient"),
            "items": "; ".join(_item(it) for it in d.get("items") or []), "status": d.get("status"),
            "steps": "; ".join(f"{s.get('status')} {s.get('date') or '?'}" for s in d.get("steps") or []),
            "values": "; ".join(f"{money(v.get('amount'), v.get('currency'))} ({len(v.get('sources') or [])})"
                                for v in d.get("values") or []),
            "quantities": "; ".join(f"{q.get('quantity')} {q.get('designation') or ''} ({len(q.get('sources') or [])})"
                                    .replace("  ", " ") for q in d.get("quantities") or []),
            "documents": "; ".join(dict.fromkeys(s.get("document") for s in d.get("sources") or []))}


def _item(it: dict[str, Any]) -> str:
    name = it.get("designation") or it.get("family") or it.get("description") or "?"
    qty = f"{it['quantity']} " if isinstance(it.get("quantity"), int) else ""
    return f"{qty}{name} [{it.get('category') or '?'}]"


def _cell(value: Any) -> str:
    """Actors as their ids, spans as start-end, lists joined with "; ", other objects as JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return actor_id(value) if "id" in value else json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, list):
        if value and all(isinstance(s, list) and len(s) == 2 for s in value):
            return ";".join(f"{s}-{e}" for s, e in value)
        return "; ".join(_cell(v) for v in value)
    return str(value)
