"""A UN-Register-style CSV of merged deals: one row per item that falls in categories I-VII."""
from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from armsledger.export.deals import actor_id, categories, comments, deal_dict, item_facts, item_rows, unroca_category

UNROCA_COLUMNS = ["category", "category_name", "exporter", "importer", "number_of_items", "state_of_origin",
                  "intermediate_location", "description", "comments", "year", "status"]


def write_unroca(deals: Iterable[Any], out: TextIO) -> int:
    """Write the header and one row per deal item with a UN Register category; return the rows.

    The number of items is the number delivered when a source reports a delivery, else the number
    ordered; the year is the first delivery year, else the order year. State of origin and
    intermediate location are left empty (the records do not say); `status` lets a reader keep
    only delivered transfers, as the Register counts them."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(UNROCA_COLUMNS)
    names = categories()["unroca_categories"]
    n = 0
    for deal in map(deal_dict, deals):
        for item in item_rows(deal):
            cat = unroca_category(item)
            if cat is None:
                continue
            facts = item_facts(deal, item)
            number = facts["number_delivered"] if facts["number_delivered"] is not None else facts["number_ordered"]
            year = facts["delivery_years"][0] if facts["delivery_years"] else facts["order_year"]
            name, described = item.get("designation") or item.get("family") or "", item.get("description") or ""
            label = described if name and name in described else " ".join(x for x in (name, described) if x)
            writer.writerow([cat, names[cat], actor_id(deal.get("supplier")), actor_id(deal.get("recipient")),
                             "" if number is None else number, "", "", label, comments(deal, facts),
                             "" if year is None else year, deal.get("status") or ""])
            n += 1
    return n
