"""What the merge compares of one transfer record: its blocking key and its comparison profile.

A `Report` is one `TransferSource` read for comparison: parties, item keys (family, else the
catalogue's family of the designation, else the designation, compared as `score.py` compares
designations: case, spaces, dashes, dots, slashes and accents do not count), quantities per item
key, categories, a rough value in US dollars, the month and year of its step, its document's month of
publication and the rank of its step in a deal's life.

`compatible(a, b)` says whether two reports can be one deal (hard rules); `link_score(a, b)` how
strongly they look like one (None when their items do not name a common family). Both are
symmetric and pure.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from armsledger.merge.model import TransferSource
from armsledger.normalize.weapons import lookup_designation

__all__ = ["Report", "STEP_RANK", "compatible", "counted_apart", "item_key", "link_score", "read_report", "same_quantity"]

# The steps of one deal's life, in order. A cancellation or a refusal may end it at any step.
STEP_RANK = {"requested": 0, "proposed": 1, "approved": 2, "signed": 3, "delivered": 4}
END_STEPS = ("cancelled", "rejected")

QUANTITY_TOLERANCE = 0.05      # 117 and 116 of one item are one order; 30 and 24 are two
VALUE_RATIO_MAX = 1.6          # values further apart (roughly in US dollars) are two deals
VALUE_RATIO_SAME = 1.1         # values this close count as agreeing
SAME_STEP_MONTHS = 6           # two signatures (or approvals) further apart are two contracts
DELIVERY_SPAN_MONTHS = 72      # deliveries of one deal spread over years
DEAL_SPAN_MONTHS = 120         # from the first step to the last
STEP_ORDER_SLACK = 1           # a month of slack for dates resolved from "last week"


def item_key(text: str) -> str:
    """A designation or family as compared: accents folded, upper case, no spacing or punctuation."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\s\-\u2010-\u2015./'\"’]", "", folded).upper()


@cache
def _usd_rates() -> dict[str, float]:
    path = resources.files("armsledger.merge") / "data" / "usd_rates.json"
    return {k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items() if not k.startswith("_")}


def _month(date: str | None) -> int | None:
    m = re.match(r"^(\d{4})-(\d{2})", date or "")
    return int(m.group(1)) * 12 + int(m.group(2)) - 1 if m else None


def _actor_id(actor: Any) -> str:
    return str((actor.get("id") if isinstance(actor, dict) else actor) or "").upper()


def _family_key(item: dict[str, Any]) -> str | None:
    family, designation = item.get("family"), item.get("designation")
    if not family and designation:
        known = lookup_designation(designation)
        family = (known[0] if known else None) or designation
    return item_key(family) if family else None


@dataclass(frozen=True)
class Report:
    """One transfer record as the merge compares it. `n` is its place in the sorted input."""
    n: int
    source: TransferSource
    supplier: str                                   # "" when the record has none
    recipient: str
    named: frozenset[str]                           # item keys (families)
    designations: dict[str, frozenset[str]]         # item key -> designation keys written
    quantities: dict[str, int]                      # item key -> units, when every item of it has a number
    categories: frozenset[str]                      # SIPRI categories of the items, "other" left out
    counts: dict[str, frozenset[int]]               # category -> item quantities and their total
    usd: float | None
    month: int | None                               # the step's month (the record's date)
    year: int | None                                # the step's year (the record's `year`, else its date's)
    published: int | None                           # the document's month of publication
    rank: int | None                                # STEP_RANK of the status; None: unknown or an end
    channel: str | None                             # FMS, DCS, grant; None when unknown
    framework: bool = False                         # a framework agreement, not a firm contract

    @property
    def document(self) -> str:
        return self.source.document_id

    @property
    def parties_known(self) -> bool:
        return bool(self.supplier and self.recipient)

    def reverses(self, other: "Report") -> bool:
        """Both name both parties, the other way round (an extractor may swap buyer and seller)."""
        return self.parties_known and other.parties_known and self.supplier != self.recipient and \
            (self.supplier, self.recipient) == (other.recipient, other.supplier)


def read_report(n: int, source: TransferSource) -> Report:
    """The comparison profile of one transfer record."""
    t = source.transfer
    named, designations, totals, partial, categories = set(), {}, {}, set(), set()
    counts: dict[str, list[int | None]] = {}
    for item in t.get("items") or []:
        if not isinstance(item, dict):
            continue
        if item.get("category") and item["category"] != "other":
            categories.add(item["category"])
            q = item.get("quantity")
            counts.setdefault(item["category"], []).append(q if isinstance(q, int) and q > 0 else None)
        key = _family_key(item)
        if key is None:
            continue
        named.add(key)
        if item.get("designation"):
            designations.setdefault(key, set()).add(item_key(item["designation"]))
        if isinstance(item.get("quantity"), int) and item["quantity"] > 0:
            totals[key] = totals.get(key, 0) + item["quantity"]
        else:
            partial.add(key)
    value, usd = t.get("value"), None
    if isinstance(value, dict) and isinstance(value.get("amount"), (int, float)) and value["amount"] > 0:
        rate = _usd_rates().get(str(value.get("currency") or "").upper())
        usd = value["amount"] * rate if rate else None
    channel = t.get("channel") if t.get("channel") not in (None, "", "unknown") else None
    return Report(n=n, source=source, supplier=_actor_id(t.get("supplier")), recipient=_actor_id(t.get("recipient")),
                  named=frozenset(named), designations={k: frozenset(v) for k, v in designations.items()},
                  quantities={k: q for k, q in totals.items() if k not in partial},
                  categories=frozenset(categories), counts=_counts(counts), usd=usd, **_when(t),
                  published=_month(source.published), rank=STEP_RANK.get(t.get("status") or ""), channel=channel,
                  framework=t.get("framework") is True)


def _when(t: dict[str, Any]) -> dict[str, int | None]:
    """The month and year of a record's step: its `year` ("signed in 2022") wins over a date of
    another year, whose month is then dropped (a date taken from the news beside an old deal)."""
    month = _month(t.get("date"))
    year = t.get("year") if isinstance(t.get("year"), int) and not isinstance(t.get("year"), bool) else None
    if month is not None and year is not None and month // 12 != year:
        month = None
    return {"month": month, "year": year if year is not None else (month // 12 if month is not None else None)}


def _counts(by_category: dict[str, list[int | None]]) -> dict[str, frozenset[int]]:
    """Per category, the quantities of its items and, when all are known, their sum."""
    out = {}
    for cat, qs in by_category.items():
        known = [q for q in qs if q is not None]
        if known:
            out[cat] = frozenset(known + ([sum(known)] if len(known) == len(qs) else []))
    return out


def same_quantity(a: int, b: int) -> bool:
    """Two counts of one item that are one order's (117 and 116; not 30 and 24)."""
    return abs(a - b) <= max(2, QUANTITY_TOLERANCE * max(a, b))


def _step_times(a: Report, b: Report) -> tuple[int, int, int, int] | None:
    """The two steps' times in months, the span two steps of one kind may be apart, and the slack
    of their order: by month when both give one; a year at a time when both give only a year
    (the next year may still be within SAME_STEP_MONTHS); None when one gives neither."""
    if a.month is not None and b.month is not None:
        return a.month, b.month, SAME_STEP_MONTHS, STEP_ORDER_SLACK
    if a.year is not None and b.year is not None:
        return a.year * 12, b.year * 12, 12, 0
    return None


def _times_compatible(a: Report, b: Report) -> bool:
    times = _step_times(a, b)
    if times is not None:
        ta, tb, same_step, slack = times
        if abs(ta - tb) > DEAL_SPAN_MONTHS:
            return False
        if a.rank is None or b.rank is None:
            return True
        if a.rank == b.rank:
            span = DELIVERY_SPAN_MONTHS if a.rank == STEP_RANK["delivered"] else same_step
            return abs(ta - tb) <= span
        early, late = (ta, tb) if a.rank < b.rank else (tb, ta)
        return early <= late + slack
    # One undated report: the step it tells of had happened by its publication, so a dated step
    # of the same kind or an earlier kind cannot come after that.
    for undated, dated in ((a, b), (b, a)):
        if undated.month is None and dated.month is not None and undated.published is not None \
                and undated.rank is not None and dated.rank is not None and dated.rank <= undated.rank:
            if dated.month > undated.published + STEP_ORDER_SLACK:
                return False
    return True


def counted_apart(a: Report, b: Report) -> bool:
    """Do the two reports count an item key they share differently (two deals, whatever else)?"""
    return any(key in a.quantities and key in b.quantities and not same_quantity(a.quantities[key], b.quantities[key])
               for key in a.named & b.named)


def compatible(a: Report, b: Report) -> bool:
    """Whether two reports can tell of one deal: other documents, the same parties where both
    name them (or both parties swapped), items of a common family (or, without families, a common category), the same
    quantity of a common item, values the same order of magnitude, the same channel, both or
    neither a framework agreement, and steps whose dates follow a deal's life."""
    if a.document == b.document:
        return False    # two records of one document are two deals as that document tells it
    if not a.reverses(b) and ((a.supplier and b.supplier and a.supplier != b.supplier) or
                              (a.recipient and b.recipient and a.recipient != b.recipient)):
        return False
    if a.named and b.named:
        if not a.named & b.named:
            return False
    else:
        if a.categories and b.categories and not a.categories & b.categories:
            return False
        # without item keys on one side, a number of units given per category must agree
        for cat in set(a.counts) & set(b.counts):
            if not any(same_quantity(x, y) for x in a.counts[cat] for y in b.counts[cat]):
                return False
    if counted_apart(a, b):
        return False
    if a.usd and b.usd and max(a.usd, b.usd) / min(a.usd, b.usd) > VALUE_RATIO_MAX:
        return False
    if a.channel and b.channel and a.channel != b.channel:
        return False
    if a.framework != b.framework:
        return False    # a framework agreement's totals and a contract made under it are two deals
    return _times_compatible(a, b)


def link_score(a: Report, b: Report) -> float | None:
    """How strongly two compatible reports look like one deal; None when they share no item key
    (no evidence either way). The share of item keys in common, plus one for the same quantity of
    a common item, one for the same value, a half for a designation written alike, a half for the
    same step in the same month; less a half when both write designations of a common family,
    none a variant of the other, and no number agrees (66 F-16V and 66 F-16C may be one deal; a
    Hornet and a Super Hornet without numbers are not)."""
    common = a.named & b.named
    if not common:
        return None
    score = len(common) / len(a.named | b.named)
    same_quantity = any(k in a.quantities and k in b.quantities for k in common)
    same_value = bool(a.usd and b.usd and max(a.usd, b.usd) / min(a.usd, b.usd) <= VALUE_RATIO_SAME)
    if a.reverses(b) and not (same_quantity or same_value):
        return None     # swapped parties: only a number in common makes it the same deal
    score += same_quantity + same_value
    shared, conflict = False, False
    for k in common:
        da, db = a.designations.get(k, frozenset()), b.designations.get(k, frozenset())
        if da & db:
            shared = True
        elif da and db and not any(x.startswith(y) or y.startswith(x) for x in da for y in db):
            conflict = True
    score += 0.5 * shared - 0.5 * (conflict and not (shared or same_quantity or same_value))
    if a.rank is not None and a.rank == b.rank and a.month is not None and a.month == b.month:
        score += 0.5
    return score
