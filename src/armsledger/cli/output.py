"""How the ledger's commands print rows: a readable table (default), `--json` or `--csv`."""
from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from armsledger.errors import ConfigError

console = Console(highlight=False)

Column = tuple[str, Callable[[dict], object]]  # a heading and how to read it from a row


def check_format(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise ConfigError("--json and --csv cannot be used together: choose one output")


def emit(rows: list[dict], columns: Sequence[Column], *, as_json: bool, as_csv: bool, title: str,
         json_rows: list | None = None) -> None:
    """Print `rows`: the JSON objects (`json_rows`, else the rows) as one array, CSV of `columns`,
    or a Rich table of `columns` titled `title`."""
    check_format(as_json, as_csv)
    if as_json:
        sys.stdout.write(json.dumps(rows if json_rows is None else json_rows, ensure_ascii=False, indent=2,
                                    allow_nan=False) + "\n")
        return
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow([heading for heading, _ in columns])
        for row in rows:
            writer.writerow([_cell(read(row)) for _, read in columns])
        return
    table = Table(title=f"{title} ({len(rows)})")
    for heading, _ in columns:
        table.add_column(heading)
    for row in rows:
        table.add_row(*(escape(_cell(read(row))) for _, read in columns))  # "[x]" is text, not markup
    console.print(table)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def actor(value: dict | None) -> str:
    """An actor as its id, else its name, else ?."""
    if not value:
        return "?"
    return value.get("id") or value.get("name") or "?"


def money(value: dict | None) -> str:
    if not value:
        return ""
    return f"{value.get('amount'):,.0f} {value.get('currency')}"


def item_line(item: dict) -> str:
    quantity = item.get("quantity")
    name = item.get("designation") or item.get("description") or "?"
    return f"{quantity} {name}" if quantity is not None else name


def short_id(doc_id: str | None) -> str:
    """A document id cut to 19 characters (`sha256:` and 12 hex digits), enough to name it."""
    return (doc_id or "")[:19]
