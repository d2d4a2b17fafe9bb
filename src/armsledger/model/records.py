"""Pydantic models of the `armsledger/1` record contract (shared/spec/records.md).

Provenance is a type: every record class requires `evidence`, a non-empty list of
`(start, end)` character offsets into `Document.text`. Building a record without it fails.
"""
from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SCHEMA_VERSION = "armsledger/1"

Span = tuple[int, int]
Evidence = Annotated[list[Span], Field(min_length=1)]
Qualifier = Literal["exact", "about", "more_than", "at_least", "up_to", "fewer_than"]
Category = Literal["aircraft", "air_defence", "anti_submarine", "armoured_vehicle", "artillery", "engine",
                   "missile", "naval_weapon", "satellite", "sensor", "ship", "other"]
Status = Literal["requested", "proposed", "approved", "signed", "delivered", "cancelled", "rejected", "unknown"]


def document_id(text: str) -> str:
    """`sha256:` + hex digest of the UTF-8 text: the stable id of a document."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    text: str


class Actor(BaseModel):
    id: str
    name: str | None = None


class Money(BaseModel):
    amount: float
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
    supplier: Actor | None
    recipient: Actor | None
    items: list[Item] = []
    value: Money | None = None
    status: Status = "unknown"
    channel: Literal["FMS", "DCS", "grant", "unknown"] = "unknown"
    announced_by: list[Actor] = []
    contractor: list[str] | None = None
    date: Annotated[str, Field(pattern=r"^\d{4}-\d{2}(-\d{2})?$")] | None = None
    evidence: Evidence


class Aid(_Record):
    donor: Actor | None
    recipient: Actor | None
    value: Money | None
    kind: Literal["military_financing", "military_aid", "spending", "loan"]
    period: Literal["annual", "cumulative", "one_off"] | None = None
    period_start: str | None = None
    evidence: Evidence


class FigureSource(BaseModel):
    name: str | None
    kind: Literal["official", "agency", "ngo", "expert", "publication", "unknown"]


class Figure(_Record):
    value: float
    value_high: float | None = None
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
    court: str
    action: Literal["arrest_warrant", "case", "ruling", "provisional_measures", "investigation", "indictment"]
    subjects: list[str] = []
    respondent: str | None = None
    charges: list[str] = []
    date: str | None = None
    evidence: Evidence


class Quote(_Record):
    speaker: str | None
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
    document: Document
    entities: list[Entity] = []
    transfers: list[Transfer] = []
    aid: list[Aid] = []
    figures: list[Figure] = []
    legal_actions: list[LegalAction] = []
    quotes: list[Quote] = []

    def to_json_dict(self) -> dict:
        """The JSON-ready dict, with `schema` first as in the contract."""
        return self.model_dump(mode="json", by_alias=True)
