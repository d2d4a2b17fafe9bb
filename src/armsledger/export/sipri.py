"""A SIPRI-trade-register-style CSV of merged deals: one row per item family of a deal."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from armsledger.export.deals import actor_id, categories, comments, deal_dict, item_facts, item_rows

SIPRI_COLUMNS = ["supplier", "recipient", "designation", "description", "armament_category", "order_year",
                 "number_ordered", "delivery_years", "number_delivered", "status", "comments"]


def write_sipri(deals: Iterable[Any], out: TextIO) -> int:
    """Write the header and one row per item of each deal; return the number of rows.

    Parties are ISO 3166 alpha-3 codes or organisation ids; the armament category is SIPRI's
    label for the item's category; delivery years are joined with ";"; unknown numbers and years
    are empty; `status` is the deal's most advanced step; `comments` holds the values side by side,
    other numbers reported and the sources."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(SIPRI_COLUMNS)
    labels = categories()["sipri_categories"]
    n = 0
    for deal in map(deal_dict, deals):
        for item in item_rows(deal):
            facts = item_facts(deal, item)
            writer.writerow([actor_id(deal.get("supplier")), actor_id(deal.get("recipient")),
                             item.get("designation") or item.get("family") or "", item.get("description") or "",
                             labels.get(item.get("category") or "", ""), _cell(facts["order_year"]),
                             _cell(facts["number_ordered"]), ";".join(map(str, facts["delivery_years"])),
                             _cell(facts["number_delivered"]), deal.get("status") or "", comments(deal, facts)])
            n += 1
    return n


def _cell(value: Any) -> str:
    return "" if value is None else str(value)
