"""Pictures drawn on the server as SVG: the supplier -> recipient flows of the ledger, its deals
by year and category, and a country's figures over time by source.

No script, no style attribute or element (the Content-Security-Policy forbids inline styles):
colours, fonts and sizes are presentation attributes, so a picture reads the same inline in a page
or as an image of its own (`/pictures/*.svg`). Every label is escaped.
"""
from __future__ import annotations

import math
from collections import defaultdict

from markupsafe import Markup, escape

PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#86bcb6", "#d37295"]


def _svg(width: int, height: int, body: list[str], title: str) -> Markup:
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
                  f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">'
                  f'<title>{escape(title)}</title><g font-family="system-ui, sans-serif" font-size="11" fill="#1d2330">'
                  f'{"".join(body)}</g></svg>')


def _party(row: dict, role: str) -> str:
    return row.get(f"{role}_name") or row.get(f"{role}_id") or "unknown"


def flow_diagram(flows: list[dict], *, width: int = 720) -> Markup:
    """Suppliers on the left, recipients on the right, one band per pair as wide as its deals."""
    if not flows:
        return _svg(width, 40, ['<text x="10" y="25" class="empty">No deals to draw.</text>'], "Flows")
    suppliers = list(dict.fromkeys(_party(f, "supplier") for f in flows))
    recipients = list(dict.fromkeys(_party(f, "recipient") for f in flows))
    row_height = 22
    height = max(len(suppliers), len(recipients)) * row_height + 30
    most = max(f["deals"] for f in flows)
    left, right = 180, width - 180

    def y(names: list[str], name: str) -> float:
        span = (height - 30) / len(names)
        return 20 + span * names.index(name) + span / 2

    body = []
    for i, flow in enumerate(flows):
        s, r = _party(flow, "supplier"), _party(flow, "recipient")
        y1, y2 = y(suppliers, s), y(recipients, r)
        stroke = 2 + 14 * flow["deals"] / most
        mid = (left + right) / 2
        colour = PALETTE[suppliers.index(s) % len(PALETTE)]
        body.append(f'<path class="flow" d="M{left},{y1:.1f} C{mid},{y1:.1f} {mid},{y2:.1f} {right},{y2:.1f}" '
                    f'stroke="{colour}" stroke-width="{stroke:.1f}" fill="none" stroke-opacity="0.55">'
                    f'<title>{escape(s)} → {escape(r)}: {flow["deals"]} deal(s)</title></path>')
    for name in suppliers:
        body.append(f'<text class="label" x="{left - 6}" y="{y(suppliers, name) + 4:.1f}" text-anchor="end">'
                    f'{escape(name[:28])}</text>')
    for name in recipients:
        body.append(f'<text class="label" x="{right + 6}" y="{y(recipients, name) + 4:.1f}">{escape(name[:28])}</text>')
    body.append(f'<text class="axis" x="{left}" y="12" text-anchor="end">supplier</text>'
                f'<text class="axis" x="{right}" y="12">recipient</text>')
    return _svg(width, height, body, "Deals from supplier to recipient")


def timeline(rows: list[dict], *, width: int = 720, height: int = 220) -> Markup:
    """Deals per year as stacked bars, one colour per item category, with a legend."""
    if not rows:
        return _svg(width, 40, ['<text x="10" y="25" class="empty">No dated deals.</text>'], "Timeline")
    years = sorted({r["year"] for r in rows})
    categories = sorted({r["category"] for r in rows})
    per_year: dict[str, dict[str, int]] = defaultdict(dict)
    for r in rows:
        per_year[r["year"]][r["category"]] = r["deals"]
    top = max(sum(v.values()) for v in per_year.values())
    plot_left, plot_bottom, plot_height = 40, height - 40, height - 70
    bar = max(4.0, min(40.0, (width - plot_left - 150) / len(years) - 4))
    body = [f'<line class="axis" x1="{plot_left}" y1="{plot_bottom}" x2="{width - 150}" y2="{plot_bottom}" '
            'stroke="#888"/>',
            f'<text class="axis" x="{plot_left - 4}" y="{plot_bottom - plot_height + 4}" text-anchor="end">{top}</text>']
    for i, year in enumerate(years):
        x = plot_left + 4 + i * (bar + 4)
        base = plot_bottom
        for category in categories:
            n = per_year[year].get(category, 0)
            if not n:
                continue
            h = plot_height * n / top
            base -= h
            colour = PALETTE[categories.index(category) % len(PALETTE)]
            body.append(f'<rect class="bar" x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                        f'fill="{colour}"><title>{escape(year)} {escape(category)}: {n}</title></rect>')
        if len(years) <= 20 or i % math.ceil(len(years) / 20) == 0:
            body.append(f'<text class="axis" x="{x + bar / 2:.1f}" y="{plot_bottom + 14}" text-anchor="middle">'
                        f'{escape(year)}</text>')
    for j, category in enumerate(categories):
        colour = PALETTE[j % len(PALETTE)]
        body.append(f'<rect x="{width - 140}" y="{10 + j * 16}" width="10" height="10" fill="{colour}"/>'
                    f'<text class="label" x="{width - 125}" y="{19 + j * 16}">{escape(category)}</text>')
    return _svg(width, max(height, 20 + 16 * len(categories)), body, "Deals by year and category")


def figures_over_time(points: list[dict], *, width: int = 720, height: int = 260) -> Markup:
    """Figures as points (date, value), one colour and line per source; `points` are
    {date: YYYY-MM-DD, value, source, measure}."""
    points = [p for p in points if p.get("date") and isinstance(p.get("value"), (int, float))]
    if not points:
        return _svg(width, 40, ['<text x="10" y="25" class="empty">No dated figures.</text>'], "Figures")
    sources = list(dict.fromkeys(p["source"] for p in sorted(points, key=lambda p: p["date"])))[:len(PALETTE)]
    dates = sorted({p["date"] for p in points})
    low, high = _day(dates[0]), _day(dates[-1])
    top = max(p["value"] for p in points) or 1
    plot_left, plot_right, plot_top, plot_bottom = 60, width - 170, 15, height - 35

    def px(date: str) -> float:
        return plot_left + (plot_right - plot_left) * ((_day(date) - low) / (high - low) if high > low else 0.5)

    def py(value: float) -> float:
        return plot_bottom - (plot_bottom - plot_top) * value / top

    body = [f'<line class="axis" x1="{plot_left}" y1="{plot_bottom}" x2="{plot_right}" y2="{plot_bottom}" '
            'stroke="#888"/>',
            f'<line class="axis" x1="{plot_left}" y1="{plot_top}" x2="{plot_left}" y2="{plot_bottom}" stroke="#888"/>',
            f'<text class="axis" x="{plot_left - 4}" y="{plot_top + 8}" text-anchor="end">{top:,.0f}</text>',
            f'<text class="axis" x="{plot_left}" y="{plot_bottom + 16}">{escape(dates[0])}</text>',
            f'<text class="axis" x="{plot_right}" y="{plot_bottom + 16}" text-anchor="end">{escape(dates[-1])}</text>']
    for i, source in enumerate(sources):
        colour = PALETTE[i % len(PALETTE)]
        mine = sorted((p for p in points if p["source"] == source), key=lambda p: p["date"])
        if len(mine) > 1:
            path = " ".join(f"{px(p['date']):.1f},{py(p['value']):.1f}" for p in mine)
            body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
        for p in mine:
            body.append(f'<circle cx="{px(p["date"]):.1f}" cy="{py(p["value"]):.1f}" r="4" fill="{colour}">'
                        f'<title>{escape(p["date"])}: {p["value"]:,.0f} {escape(p.get("measure") or "")} '
                        f'({escape(source)})</title></circle>')
        body.append(f'<rect x="{plot_right + 12}" y="{10 + i * 16}" width="10" height="10" fill="{colour}"/>'
                    f'<text class="label" x="{plot_right + 27}" y="{19 + i * 16}">{escape(source[:22])}</text>')
    return _svg(width, height, body, "Figures over time by source")


def _day(date: str) -> int:
    """Days since year 0 of a YYYY-MM-DD (or YYYY-MM, YYYY) date, for placing it on an axis."""
    parts = [int(p) for p in date.split("-") if p.isdigit()] + [1, 1]
    return parts[0] * 372 + (parts[1] - 1) * 31 + parts[2]
