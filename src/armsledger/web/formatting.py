"""How values read on the desk's pages (Jinja filters): money, actors, ids, quantities."""
from __future__ import annotations

from urllib.parse import quote

from jinja2 import Environment

from armsledger.merge import counted_items
from armsledger.web.reading import attribution


def money(value: dict | None) -> str:
    """`1,200,000,000 USD` (with `about`, `more than`... before it), or an em dash."""
    if not value or value.get("amount") is None:
        return "—"
    qualifier = value.get("qualifier")
    prefix = "" if qualifier in (None, "exact") else qualifier.replace("_", " ") + " "
    return f"{prefix}{value['amount']:,.0f} {value.get('currency') or ''}".strip()


def amount(value: float | None, currency: str | None = None) -> str:
    return "—" if value is None else f"{value:,.0f} {currency or ''}".strip()


def actor(value: dict | None) -> str:
    """An actor as its name with its id: `Pologne (POL)`; `unknown` for none."""
    if not value:
        return "unknown"
    name, actor_id = value.get("name"), value.get("id")
    if name and actor_id and name != actor_id:
        return f"{name} ({actor_id})"
    return name or actor_id or "unknown"


def short_id(value: str | None) -> str:
    """`sha256:0123456789ab` for a long document id."""
    value = value or ""
    return value[:19] if value.startswith("sha256:") else value


def quantity(item: dict) -> str:
    q = item.get("quantity")
    if q is None:
        return ""
    qualifier = item.get("quantity_qualifier")
    return ("" if qualifier in (None, "exact") else qualifier.replace("_", " ") + " ") + f"{q:,}"


def path(value: str | None) -> str:
    """A value quoted for a URL path segment (ids hold colons, names spaces)."""
    return quote(value or "", safe=":")


def register(env: Environment) -> None:
    env.filters.update(money=money, amount=amount, actor=actor, short_id=short_id, quantity=quantity,
                       counted_items=counted_items,
                       attribution=attribution, path=path)
