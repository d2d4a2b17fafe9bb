"""Pydantic models of the `armsledger/1` record contract (shared/spec/records.md).

Provenance is a type: every record class requires `evidence`, a non-empty list of
`(start, end)` character offsets into `Document.text`. Building a record without it fails.

Ready for a store: an `Extraction` carries the `engine_version` that made it, and each record
a `record_id` derived from the document id, its kind and its content (`record_id`), so the same
text through the same engine gives the same ids. Fields beyond the contract are additions that
`armsledger/1` allows; the listed ones keep their meaning.
"""
from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, FiniteFloat, field_validator

SCHEMA_VERSION = "armsledger/1"
# The version of the extraction engine: raise it whenever the records a text gives may change,
# so that a ledger knows which stored documents `ingest --reprocess` must extract again.
ENGINE_VERSION = "0.3.0"

Span = tuple[int, int]
Evidence = Annotated[list[Span], Field(min_length=1)]
Qualifier = Literal["exact", "about", "more_than", "at_least", "up_to", "fewer_than"]
Category = Literal["aircraft", "air_defence", "anti_submarine", "armoured_vehicle", "artillery", "engine",
                   "missile", "naval_weapon", "satellite", "sensor", "ship", "other"]
Status = Literal["requested", "proposed", "approved", "signed", "delivered", "cancelled", "rejected", "unknown"]


def document_id(text: str) -> str:
    """`sha256:` + hex digest of the UTF-8 text: the stable id of a document."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


RECORD_PREFIXES = {"transfers": "tr", "aid": "ai", "figures": "fi", "legal_actions": "la", "quotes": "qu"}


def record_id(doc_id: str, kind: str, content: dict) -> str:
    """The stable id of a record: its kind's prefix and 16 hex digits of a hash of the document
    id, the kind and the record's content (evidence included, `record_id` left out)."""
    body = {key: value for key, value in content.items() if key != "record_id"}
    digest = hashlib.sha256(f"{doc_id}|{kind}|{json.dumps(body, sort_keys=True, ensure_ascii=False)}"
                            .encode("utf-8", "surrogatepass")).hexdigest()
    return f"{RECORD_PREFIXES[kind]}_{digest[:16]}"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("evidence", check_fields=False)
    @classmethod
    def _spans_ordered(cls, spans: list[Span]) -> list[Span]:
        for start, end in spans:
            if not 0 <= start <= end:
                raise ValueError(f"bad evidence span {(start, end)}")
        return sorted(set(spans))


class SourceDocument(BaseModel):
    """A document as read from input, before extraction."""
    text: str
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None
    ref: str | None = None  # the caller's own id (JSONL `id`), kept for messages


class Document(BaseModel):
    id: str
    language: str
    published: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None
    title: str | None = None
    source: str | None = None
    ref: str | None = None  # the caller's own id (a JSONL `id`, a feed entry's guid)
    text: str


class Actor(BaseModel):
    id: str
    name: str | None = None


class Money(BaseModel):
    amount: FiniteFloat  # never NaN or Infinity: the output is always JSON
    currency: str
    qualifier: Qualifier | None = "exact"


class Item(_Record):
    designation: str | None
    family: str | None = None
    description: str | None = None
    category: Category | None = None
    quantity: int | None = None
    quantity_qualifier: Qualifier | None = None
    evidence: Evidence


class Transfer(_Record):
    record_id: str | None = None
    supplier: Actor | None
    recipient: Actor | None
    items: list[Item] = []
    value: Money | None = None
    status: Status = "unknown"
    channel: Literal["FMS", "DCS", "grant", "unknown"] = "unknown"
    announced_by: list[Actor] = []
    contractor: list[str] | None = None
    date: Annotated[str, Field(pattern=r"^\d{4}-\d{2}(-\d{2})?$")] | None = None
    # an addition to armsledger/1: the year the text dates this deal's step to ("signed in 2022",
    # "a 2015 contract"), or the year of `date`; None when the text dates it to no year before
    # the news. The merge tells contracts of other years apart by it.
    year: int | None = None
    # an addition to armsledger/1: the deal is a framework agreement ("accord-cadre"), totals a
    # buyer may order under later contracts, not a firm contract; the merge keeps the two apart
    framework: bool = False
    evidence: Evidence


class Aid(_Record):
    record_id: str | None = None
    donor: Actor | None
    recipient: Actor | None
    value: Money | None
    kind: Literal["military_financing", "military_aid", "spending", "loan"]
    period: Literal["annual", "cumulative", "one_off"] | None = None
    period_start: str | None = None
    evidence: Evidence


class FigureSource(BaseModel):
    name: str | None
    id: str | None = None  # the actor id of the source when it is a known actor
    kind: Literal["official", "agency", "ngo", "expert", "publication", "unknown"]


class Figure(_Record):
    record_id: str | None = None
    value: FiniteFloat
    value_high: FiniteFloat | None = None
    qualifier: Qualifier = "exact"
    measure: Literal["killed", "injured", "missing", "displaced", "detained", "destroyed", "other"]
    description: str | None = None
    subject: str | None = None
    location: str | None = None
    period_start: str | None = None
    source: FigureSource
    stance: Literal["asserted", "reported", "estimated", "disputed"]
    evidence: Evidence


class LegalAction(_Record):
    record_id: str | None = None
    court: str
    action: Literal["arrest_warrant", "case", "ruling", "provisional_measures", "investigation", "indictment"]
    subjects: list[str] = []
    respondent: str | None = None
    charges: list[str] = []
    date: str | None = None
    evidence: Evidence


class Quote(_Record):
    record_id: str | None = None
    speaker: str | None
    speaker_id: str | None = None  # the actor id of the speaker when it is a known actor
    speaker_role: str | None = None
    text: str
    direct: bool = True
    evidence: Evidence


class Entity(BaseModel):
    text: str
    label: Literal["PERSON", "ORG", "GPE", "LOC", "WEAPON", "MONEY", "DATE"]
    id: str | None = None
    start: int
    end: int


class Extraction(BaseModel):
    """One document's output: exactly the `armsledger/1` object."""
    model_config = ConfigDict(populate_by_name=True)

    schema_: str = Field(SCHEMA_VERSION, alias="schema")
    engine_version: str = ENGINE_VERSION
    document: Document
    entities: list[Entity] = []
    transfers: list[Transfer] = []
    aid: list[Aid] = []
    figures: list[Figure] = []
    legal_actions: list[LegalAction] = []
    quotes: list[Quote] = []
    # True when the relevance pre-filter found nothing to parse: the document has no records.
    filtered: bool = False

    def to_json_dict(self) -> dict:
        """The JSON-ready dict, with `schema` first as in the contract; `filtered` only when true."""
        return self.model_dump(mode="json", by_alias=True, exclude=None if self.filtered else {"filtered"})

    def with_record_ids(self) -> "Extraction":
        """This extraction with every record's `record_id` set (see `record_id`)."""
        update = {}
        for kind in RECORD_PREFIXES:
            records = getattr(self, kind)
            update[kind] = [r.model_copy(update={"record_id": record_id(self.document.id, kind,
                                                                        r.model_dump(mode="json"))})
                            for r in records]
        return self.model_copy(update=update)
