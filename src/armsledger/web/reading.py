"""What each view of the desk shows, as plain data: the HTML pages (`views`) render it, the JSON
API (`api`) returns it. One function a view: `ledger_view`, `deal_view`, `document_view`,
`country_view`. Records are shown with their review decisions applied (`store.review`).
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from armsledger.normalize.actors import lookup_actor, state_name
from armsledger.store import Ledger
from armsledger.store.browse import (
    country_records, deal_choices, deal_flows, deal_page, deal_timeline, document_meta, document_records,
    place_names, records_by_id, text_window,
)
from armsledger.store.deals import load_deal
from armsledger.store.queries import DealFilters, document_titles
from armsledger.store.review import (
    EDITABLE, apply_reviews, deal_documents, merge_decisions_of, reviews_of, unattached,
)
from armsledger.web.highlight import Span, record_spans, sentence_window

CHUNK = 20_000        # characters of a document's text on one page
EVIDENCE_LIMIT = 2_000  # characters of one evidence span shown on a deal page
KINDS = ("transfers", "aid", "figures", "legal_actions", "quotes")
COUNTRY_LIMIT = 100     # records of each kind on a country page (the years table counts them all)


@dataclass(frozen=True)
class LedgerQuery:
    """The ledger page's filters, sort and page, as the query string gives them."""
    supplier: str | None = None
    recipient: str | None = None
    category: str | None = None
    status: str | None = None
    year: int | None = None
    q: str | None = None
    sort: str = "date"
    order: str = "desc"
    page: int = 1
    per_page: int = 50

    @property
    def filters(self) -> DealFilters:
        return DealFilters(supplier=self.supplier or None, recipient=self.recipient or None,
                           category=self.category or None, status=self.status or None, year=self.year,
                           search=self.q or None)

    def params(self, **changes) -> dict:
        """The query string of this view with `changes`, without empty values."""
        values = {name: getattr(self, name) for name in self.__dataclass_fields__} | changes
        return {k: v for k, v in values.items() if v not in (None, "")}


def ledger_view(ledger: Ledger, query: LedgerQuery) -> dict:
    """The ledger page: a page of deals, how many, totals by currency, the filters' choices (the
    pictures are their own requests: `flows_view`, `timeline_view`)."""
    page = deal_page(ledger, query.filters, sort=query.sort, descending=query.order != "asc",
                     limit=query.per_page, offset=(max(1, query.page) - 1) * query.per_page)
    return {"deals": page.deals, "total": page.total, "totals": page.totals, "page": query.page,
            "per_page": page.limit, "pages": max(1, -(-page.total // page.limit)), "choices": deal_choices(ledger)}


def flows_view(ledger: Ledger, query: LedgerQuery) -> list[dict]:
    """Supplier -> recipient pairs of the filtered deals, with how many deals each."""
    return deal_flows(ledger, query.filters)


def timeline_view(ledger: Ledger, query: LedgerQuery) -> list[dict]:
    """The filtered deals by year and category."""
    return deal_timeline(ledger, query.filters)


def _source_date(source: dict) -> str:
    transfer = source.get("record") or {}
    return transfer.get("date") or (source.get("doc") or {}).get("published") or "9999"


def deal_view(ledger: Ledger, deal_id: str) -> dict:
    """A deal with each source's document, its transfer record (reviewed) and the sentences of
    its evidence, sources in time order; values and quantities side by side with their sources.

    Raises NotInLedger for an unknown deal."""
    deal = load_deal(ledger, deal_id)
    doc_ids = deal_documents(deal)
    titles = document_titles(ledger, doc_ids)
    record_ids = [s["record_id"] for s in deal.get("sources") or [] if s.get("record_id")]
    records = records_by_id(ledger, "transfers", record_ids)
    decisions = reviews_of(ledger, doc_ids)
    sources = []
    for source in deal.get("sources") or []:
        record = records.get(source.get("record_id"))
        doc_id = source.get("document")
        shown = None
        if record is not None:
            all_transfers = document_records(ledger, doc_id)["transfers"] if decisions else [record]
            shown = apply_reviews("transfers", [record], decisions, all_records=all_transfers)[0]
        sources.append({"document": doc_id, "record_id": source.get("record_id"), "doc": titles.get(doc_id) or {},
                        "record": shown, "excerpts": _excerpts(ledger, doc_id, shown) if shown else []})
    sources.sort(key=_source_date)
    return {"deal": deal, "sources": sources, "values": _side_by_side_values(deal, sources),
            "quantities": _side_by_side_quantities(deal, sources),
            "steps": sorted(deal.get("steps") or [], key=lambda s: s.get("date") or "9999"),
            "merge_decisions": merge_decisions_of(ledger, doc_ids), "editable": EDITABLE["transfers"]}


def _excerpts(ledger: Ledger, doc_id: str, record: dict) -> list[dict]:
    """The sentences around a record's evidence, each {start, end, text, spans}; bounded."""
    spans = record_spans("transfers", record)
    main = [s for s in spans if s.kind == "transfer"] or spans
    out = []
    for span in main[:5]:
        end = min(span.end, span.start + EVIDENCE_LIMIT)
        lo = max(0, span.start - 600)
        around = text_window(ledger, doc_id, lo, end - lo + 600)
        first, last = sentence_window(span.start, end, around, lo)
        out.append({"start": first, "end": last, "text": around[first - lo:last - lo],
                    "spans": [s for s in spans if s.start < last and s.end > first]})
    return out


def _side_by_side_values(deal: dict, sources: list[dict]) -> dict:
    """The values the deal's sources give: the merge's own when it made them, else each
    source's transfer value; `disagree` when they differ."""
    rows = [{"amount": v.get("amount"), "currency": v.get("currency"), "qualifier": v.get("qualifier"),
             "sources": [s if isinstance(s, str) else s.get("document") for s in v.get("sources") or []]}
            for v in deal.get("values") or []]
    if not rows:
        for source in sources:
            value = (source.get("record") or {}).get("value")
            if value:
                rows.append({"amount": value.get("amount"), "currency": value.get("currency"),
                             "qualifier": value.get("qualifier"), "sources": [source["document"]]})
    return {"rows": rows, "disagree": len({(r["amount"], r["currency"]) for r in rows}) > 1}


def _side_by_side_quantities(deal: dict, sources: list[dict]) -> list[dict]:
    """Per item designation, the quantity each source gives; `disagree` when they differ."""
    by_item: dict[str, list[dict]] = {}
    for q in deal.get("quantities") or []:
        by_item.setdefault(q.get("designation") or "?", []).append(
            {"quantity": q.get("quantity"), "sources": q.get("sources") or []})
    if not by_item:
        for source in sources:
            for item in (source.get("record") or {}).get("items") or []:
                by_item.setdefault(item.get("designation") or "?", []).append(
                    {"quantity": item.get("quantity"), "sources": [source["document"]]})
    return [{"designation": d, "reports": reports, "disagree": len({r["quantity"] for r in reports}) > 1}
            for d, reports in by_item.items()]


def chunk_start(at: int | None, length: int) -> int:
    """The start of the text page that holds offset `at`."""
    at = min(max(0, at or 0), max(0, length - 1))
    return at - at % CHUNK


def document_view(ledger: Ledger, doc_id: str, *, at: int | None = None) -> dict:
    """A document: its metadata, one page of its text (CHUNK characters holding offset `at`)
    with the spans of every record in it, its records (reviewed) and the decisions on them.

    Raises NotInLedger for an unknown document."""
    meta = document_meta(ledger, doc_id)
    start = chunk_start(at, meta["length"])
    text = text_window(ledger, meta["id"], start, CHUNK)
    decisions = reviews_of(ledger, [meta["id"]])
    records = {kind: apply_reviews(kind, items, decisions)
               for kind, items in document_records(ledger, meta["id"]).items()}
    spans: list[Span] = [span for kind in KINDS for r in records[kind] if (r.get("review") or {}).get("status")
                         != "rejected" for span in record_spans(kind, r)]
    return {"document": meta, "text": text, "start": start, "end": start + len(text),
            "pages": [(i, i // CHUNK + 1) for i in range(0, meta["length"], CHUNK)],
            "records": records, "spans": spans, "decisions": decisions,
            "unattached": unattached(decisions, records), "editable": EDITABLE,
            "merge_decisions": merge_decisions_of(ledger, [meta["id"]])}


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    data = json.loads((Path(__file__).resolve().parent / "data" / "places.json").read_text(encoding="utf-8"))
    return {name: iso3 for name, iso3 in data.items() if not name.startswith("_")}


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


@lru_cache(maxsize=4096)
def _actor_of(name: str) -> str | None:
    """The actor (a state, for places) a figure's location or a respondent names, None if unknown."""
    entry = lookup_actor(name)
    return entry.actor_id if entry else _places().get(_fold(name))


def country_view(ledger: Ledger, iso3: str) -> dict:
    """What the ledger holds about one country (or organisation) `iso3`, with plain attribution
    for each figure."""
    iso3 = iso3.upper()
    names = place_names(ledger)
    data = country_records(ledger, iso3, locations=[n for n in names["locations"] if _actor_of(n) == iso3],
                           respondents=[n for n in names["respondents"] if _actor_of(n) == iso3], limit=COUNTRY_LIMIT)
    for figure in data["figures"]:
        figure["attribution"] = attribution(figure)
    points = [{"date": (f.get("period_start") or (f.get("document") or {}).get("published")), "value": f.get("value"),
               "measure": f.get("measure"), "source": (f.get("source") or {}).get("name") or "the publication"}
              for f in data["figures"]]
    return {"iso3": iso3, "name": state_name(iso3, "en") or iso3, **data, "points": points}


def attribution(figure: dict) -> str:
    """Who gives a figure and how, in plain words: "reported by WAFA", "stated by the
    publication", "estimated by experts"."""
    source = figure.get("source") or {}
    name, kind = source.get("name"), source.get("kind")
    if kind == "publication" or not name:
        who = "the publication" if kind == "publication" or not kind or kind == "unknown" else {
            "expert": "experts", "ngo": "an NGO", "agency": "an agency", "official": "officials"}.get(kind, "a source")
    else:
        who = name
    verb = {"asserted": "stated by", "reported": "reported by", "estimated": "estimated by",
            "disputed": "disputed, as given by"}.get(figure.get("stance"), "given by")
    return f"{verb} {who}"
