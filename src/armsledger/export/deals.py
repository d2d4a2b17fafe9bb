"""What the tabular exports read of a merged deal: per item, the numbers ordered and delivered,
the years of order and delivery, the values and the sources."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from importlib import resources
from typing import Any

from armsledger.normalize.weapons import describe_designation


def deal_dict(deal: Any) -> dict[str, Any]:
    """A `Deal` or its JSON dict, as the dict."""
    return deal.to_json() if hasattr(deal, "to_json") else dict(deal)


@cache
def categories() -> dict[str, Any]:
    path = resources.files("armsledger.export") / "data" / "categories.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _key(text: str | None) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text or "") if not unicodedata.combining(c))
    return re.sub(r"[\s\-\u2010-\u2015./'\"’]", "", folded).upper()


def group_key(item: dict[str, Any]) -> str:
    """Items of one row: the same family, else the same designation, else the same category."""
    if item.get("family"):
        return "f:" + _key(item["family"])
    if item.get("designation"):
        return "d:" + _key(item["designation"])
    return "c:" + str(item.get("category") or "")


def same_item(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return group_key(a) == group_key(b)


def item_rows(deal: dict[str, Any]) -> list[dict[str, Any]]:
    """The deal's items, one per family (the first written stands for its variants)."""
    return list({group_key(it): it for it in reversed(deal.get("items") or [])}.values())[::-1]


def unroca_category(item: dict[str, Any]) -> str | None:
    """The UN Register category (I-VII) of an item, or None when it falls in none."""
    cats = categories()
    for family, cat in cats["unroca_by_family"].items():
        if item.get("family") and _key(family) == _key(item["family"]):
            return cat
    for name in (item.get("designation"), item.get("family")):
        described = describe_designation(name) if name else None
        if described in cats["unroca_by_description"]:
            return cats["unroca_by_description"][described]
    words = (item.get("description") or "").lower()
    for phrase, cat in sorted(cats["unroca_by_word"].items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", words):
            return cat
    return None


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and re.match(r"^\d{4}", date) else None


def _step_year(step: dict[str, Any]) -> int | None:
    """The year of a deal's step: the one its record names ("signed in 2022"), else its date's."""
    return step.get("year") if isinstance(step.get("year"), int) else _year(step.get("date"))


def item_facts(deal: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    """Numbers ordered and delivered of one item of a deal, the order year and delivery years.

    The number ordered is the one most sources give (the earliest source's on a tie); the
    others are listed in `other_numbers`. Delivered: the numbers sources with the `delivered`
    status give for the item. Years: of the earliest signature step, and of every delivery, as
    the steps' records date them (`year`, else `date`)."""
    ordered: Counter[int] = Counter()
    first_seen: dict[int, int] = {}
    delivered: list[int] = []
    for rank, src in enumerate(deal.get("sources") or []):
        for it in src.get("items") or []:
            if isinstance(it, dict) and isinstance(it.get("quantity"), int) and same_item(it, item):
                q = it["quantity"]
                ordered[q] += 1
                first_seen.setdefault(q, rank)
                if src.get("status") == "delivered":
                    delivered.append(q)
    number = min(ordered, key=lambda q: (-ordered[q], first_seen[q])) if ordered else None
    steps = deal.get("steps") or []
    signed = sorted(y for s in steps if s.get("status") == "signed" and (y := _step_year(s)))
    deliveries = sorted({y for s in steps if s.get("status") == "delivered" and (y := _step_year(s))})
    return {"number_ordered": number, "other_numbers": sorted(q for q in ordered if q != number),
            "number_delivered": max(delivered) if delivered else None,
            "order_year": signed[0] if signed else None, "delivery_years": deliveries}


def money(amount: float | None, currency: str | None) -> str:
    """510000000, "USD" -> "510 million USD"; 3.75e9 -> "3.75 billion"."""
    if amount is None:
        return ""
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if abs(amount) >= scale:
            return f"{amount / scale:g} {word} {currency or ''}".strip()
    return f"{amount:g} {currency or ''}".strip()


def comments(deal: dict[str, Any], facts: dict[str, Any]) -> str:
    """Values side by side with their number of sources, other numbers reported, the sources."""
    parts = []
    for v in deal.get("values") or []:
        n = len(v.get("sources") or [])
        qual = "" if v.get("qualifier") in (None, "exact") else f"{v['qualifier'].replace('_', ' ')} "
        parts.append(f"value {qual}{money(v.get('amount'), v.get('currency'))} ({n} source{'s' * (n != 1)})")
    if facts["other_numbers"]:
        parts.append("also reported: " + ", ".join(str(q) for q in facts["other_numbers"]))
    refs = [s.get("source") or s.get("title") or s.get("document") for s in deal.get("sources") or []]
    parts.append("sources: " + " | ".join(dict.fromkeys(r for r in refs if r)))
    return "; ".join(parts)


def actor_id(actor: Any) -> str:
    return str((actor.get("id") if isinstance(actor, dict) else actor) or "")
