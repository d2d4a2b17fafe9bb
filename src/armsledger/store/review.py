"""Review decisions on records: accept, reject, or correct one field; and splitting and joining
deals from the desk.

A decision is stored with who made it and when, keyed by the document id (the hash of its text,
stable), the record's kind, its `record_id` and its identity (`record_key`, plus its occurrence
among the document's records with the same key). Record ids change when the extractor does;
after `ingest --reprocess` a decision attaches again by its record id when that still exists,
else by identity. Decisions never change the stored records: they are an overlay
(`apply_reviews`) applied whenever records are shown or exported, so the extractor's own output
stays measurable against them.
"""
from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Iterable

from pydantic import ValidationError
from sqlalchemy import Column, Integer, String, Table, Text, insert, select

from armsledger.errors import ConfigError, InvalidReview, NotInLedger
from armsledger.merge import Decision
from armsledger.model import Aid, Figure, LegalAction, Quote, Transfer
from armsledger.store.deals import DealChanges, add_decision, load_deal, remerge
from armsledger.store.engine import Ledger
from armsledger.store.tables import RECORD_TABLES, metadata
from armsledger.store.writes import clean, dump_json, now

# Created by migration 0002.
reviews = Table(
    "reviews", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(80), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("record_id", String(40), nullable=False),
    Column("record_key", Text, nullable=False),
    Column("occurrence", Integer, nullable=False),
    Column("action", String(8), nullable=False),   # accept | reject | correct
    Column("field", Text),                         # correct: a dotted path (value.amount, items.0.quantity)
    Column("old_value", Text),                     # JSON
    Column("new_value", Text),                     # JSON
    Column("made_by", Text),
    Column("made_at", String(32), nullable=False),
    extend_existing=True,
)

ACTIONS = ("accept", "reject", "correct")
MODELS = {"transfers": Transfer, "aid": Aid, "figures": Figure, "legal_actions": LegalAction, "quotes": Quote}

# The fields a reviewer corrects, by kind: a dotted path into the record and how a typed value is read.
_ITEM = {"items.0.designation": str, "items.0.category": str, "items.0.quantity": int}
EDITABLE: dict[str, dict[str, type]] = {
    "transfers": {"supplier.id": str, "supplier.name": str, "recipient.id": str, "recipient.name": str,
                  "status": str, "channel": str, "date": str, "value.amount": float, "value.currency": str,
                  **_ITEM},
    "aid": {"donor.id": str, "recipient.id": str, "kind": str, "period": str, "value.amount": float,
            "value.currency": str},
    "figures": {"value": float, "value_high": float, "qualifier": str, "measure": str, "location": str,
                "subject": str, "source.name": str, "source.kind": str, "stance": str},
    "legal_actions": {"court": str, "action": str, "respondent": str, "date": str},
    "quotes": {"speaker": str, "speaker_role": str, "text": str, "direct": bool},
}


def record_key(kind: str, record: dict) -> str:
    """A record's identity within its document, which survives a change of extractor better than
    its id: the parties and first item of a transfer, the parties and kind of aid, the measure,
    value and place of a figure, the court and action of a legal action, the words of a quote."""
    def get(path: str):
        return _get(record, path)
    parts = {
        "transfers": ("supplier.id", "recipient.id", "items.0.designation"),
        "aid": ("donor.id", "recipient.id", "kind"),
        "figures": ("measure", "value", "location"),
        "legal_actions": ("court", "action", "respondent"),
        "quotes": ("speaker",),
    }[kind]
    key = "|".join("" if get(p) is None else str(get(p)) for p in parts)
    if kind == "quotes":
        key += "|" + " ".join(str(record.get("text") or "").split())[:120]
    return key


def identities(kind: str, records: list[dict]) -> list[tuple[str, int]]:
    """(key, occurrence) of each record: the n-th record of the document with that key."""
    seen: Counter = Counter()
    out = []
    for record in records:
        key = record_key(kind, record)
        out.append((key, seen[key]))
        seen[key] += 1
    return out


def _get(record: dict, path: str):
    value = record
    for part in path.split("."):
        if isinstance(value, list):
            value = value[int(part)] if part.isdigit() and int(part) < len(value) else None
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value


def _set(record: dict, path: str, value) -> None:
    parts = path.split(".")
    target = record
    for part, following in zip(parts, parts[1:]):
        if isinstance(target, list):
            index = int(part)
            if index >= len(target):
                raise InvalidReview(f"{path}: the record has no item {index}")
            target = target[index]
            continue
        if target.get(part) is None:
            target[part] = [] if following.isdigit() else {}
        target = target[part]
    target[parts[-1]] = value


def parse_value(kind: str, field: str, raw: str | None):
    """A typed value from what a form sends: empty means none; numbers and booleans read as such.

    Raises InvalidReview for a field that cannot be corrected or a value of the wrong type."""
    if field not in EDITABLE.get(kind, {}):
        raise InvalidReview(f"{kind} records have no correctable field {field!r} "
                            f"(one of: {', '.join(EDITABLE.get(kind, {}))})")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    kind_of = EDITABLE[kind][field]
    if not isinstance(raw, str):
        return raw
    raw = clean(raw.strip())
    try:
        if kind_of is int:
            return int(raw.replace(" ", "").replace(",", ""))
        if kind_of is float:
            return float(raw.replace(" ", "").replace(",", ""))
    except ValueError:
        raise InvalidReview(f"{field}: {raw!r} is not a number") from None
    if kind_of is bool:
        if raw.lower() in {"true", "yes", "1", "oui"}:
            return True
        if raw.lower() in {"false", "no", "0", "non"}:
            return False
        raise InvalidReview(f"{field}: {raw!r} is not true or false")
    return raw


def _validated(kind: str, record: dict) -> dict:
    body = {key: value for key, value in record.items() if key != "review"}
    try:
        MODELS[kind].model_validate(body)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InvalidReview(f"the corrected record is not valid: {where}: {first['msg']}") from None
    return record


def add_review(ledger: Ledger, *, document_id: str, kind: str, record_id: str, action: str,
               field: str | None = None, value=None, made_by: str | None = None) -> dict:
    """Store one decision on a stored record and return it (as `reviews_of` gives it).

    Raises NotInLedger when the record is not a record of that document, InvalidReview for an
    unknown action or field, or a correction that would make an invalid record."""
    if kind not in RECORD_TABLES:
        raise InvalidReview(f"no record kind {kind!r} (one of: {', '.join(RECORD_TABLES)})")
    if action not in ACTIONS:
        raise InvalidReview(f"action must be one of {', '.join(ACTIONS)}, not {action!r}")
    document_id, record_id = clean(document_id), clean(record_id)
    table = RECORD_TABLES[kind]
    with ledger.reading() as conn:
        records = [json.loads(r) for r in conn.execute(select(table.c.record).where(
            table.c.document_id == document_id).order_by(table.c.position)).scalars()]
    index = next((i for i, r in enumerate(records) if r.get("record_id") == record_id), None)
    if index is None:
        raise NotInLedger(f"document {document_id} has no {kind} record {record_id!r}")
    key, occurrence = identities(kind, records)[index]
    current = apply_reviews(kind, [records[index]], reviews_of(ledger, [document_id]))[0]
    row = {"document_id": document_id, "kind": kind, "record_id": record_id, "record_key": key,
           "occurrence": occurrence, "action": action, "field": None, "old_value": None, "new_value": None,
           "made_by": clean(made_by), "made_at": now()}
    if action == "correct":
        if not field:
            raise InvalidReview("a correction names the field it corrects")
        new = parse_value(kind, field, value)
        changed = copy.deepcopy(current)
        _set(changed, field, new)
        _validated(kind, changed)
        row |= {"field": field, "old_value": dump_json(_get(current, field)), "new_value": dump_json(new)}
    with ledger.writing() as conn:
        row["id"] = conn.execute(insert(reviews).returning(reviews.c.id), row).scalar_one()
    return _decision(row)


def _decision(row) -> dict:
    row = dict(row)
    for name in ("old_value", "new_value"):
        row[name] = json.loads(row[name]) if row[name] is not None else None
    return row


def reviews_of(ledger: Ledger, document_ids: Iterable[str]) -> list[dict]:
    """The decisions on the records of these documents, oldest first."""
    ids = [clean(d) for d in document_ids]
    if not ids:
        return []
    with ledger.reading() as conn:
        rows = conn.execute(select(reviews).where(reviews.c.document_id.in_(ids)).order_by(reviews.c.id)).mappings()
        return [_decision(row) for row in rows]


def reviewed_documents(ledger: Ledger) -> list[str]:
    """Ids of the documents with at least one decision, in id order."""
    with ledger.reading() as conn:
        return list(conn.execute(select(reviews.c.document_id).distinct().order_by(reviews.c.document_id)).scalars())


def apply_reviews(kind: str, records: list[dict], decisions: list[dict], *, all_records: list[dict] | None = None
                  ) -> list[dict]:
    """`records` (of one kind, all of one document) with the decisions on them applied, each with
    `review`: {status: accepted|rejected|corrected|None, decisions: [...]}. A decision attaches
    by record id, else by identity (key and occurrence among `all_records`, by default `records`).
    The last accept or reject wins; corrections apply in order."""
    identity = identities(kind, all_records if all_records is not None else records)
    by_id = {r.get("record_id"): i for i, r in enumerate(all_records if all_records is not None else records)}
    ours = [d for d in decisions if d["kind"] == kind]
    out = []
    for record in records:
        index = by_id.get(record.get("record_id"))
        key = identity[index] if index is not None else None
        mine = [d for d in ours if d["record_id"] == record.get("record_id")
                or (d["record_id"] not in by_id and (d["record_key"], d["occurrence"]) == key)]
        shown = copy.deepcopy(record)
        status = None
        for decision in mine:
            if decision["action"] == "correct":
                try:
                    _set(shown, decision["field"], decision["new_value"])
                except (InvalidReview, ValueError, TypeError, AttributeError):
                    continue  # the record changed shape since: the correction no longer fits
                status = status if status == "rejected" else "corrected"
            else:
                status = "accepted" if decision["action"] == "accept" else "rejected"
        shown["review"] = {"status": status, "decisions": mine}
        out.append(shown)
    return out


def reviewed_records(ledger: Ledger, document_id: str, records: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """A document's records of every kind (as `browse.document_records` gives them) with its decisions applied."""
    decisions = reviews_of(ledger, [document_id])
    return {kind: apply_reviews(kind, items, decisions) for kind, items in records.items()}


def unattached(decisions: list[dict], records: dict[str, list[dict]]) -> list[dict]:
    """The decisions that no current record takes (its record is gone after a reprocess)."""
    taken = {id(d) for items in records.values() for r in items for d in r.get("review", {}).get("decisions", [])}
    return [d for d in decisions if id(d) not in taken]


# --- splitting and joining deals ---------------------------------------------------------------

def deal_documents(deal: dict) -> list[str]:
    """The ids of a deal's source documents, in source order, once each."""
    return list(dict.fromkeys(source["document"] for source in deal.get("sources") or [] if source.get("document")))


def split_deal(ledger: Ledger, deal_id: str, document_id: str, *, made_by: str | None = None
               ) -> tuple[bool, DealChanges]:
    """Take one source document out of a deal (a stored `split` decision), then merge again.
    Returns whether the decision is new, and what the merge changed.

    Raises NotInLedger for an unknown deal, ConfigError when the document is not one of its
    sources or is its only one."""
    deal = load_deal(ledger, deal_id)
    sources = deal_documents(deal)
    if document_id not in sources:
        raise ConfigError(f"document {document_id} is not a source of deal {deal['id']}")
    others = tuple(d for d in sources if d != document_id)
    if not others:
        raise ConfigError(f"deal {deal['id']} has no other source to split {document_id} from")
    decision = Decision(kind="split", documents=(document_id,), others=others,
                        supplier=(deal.get("supplier") or {}).get("id"),
                        recipient=(deal.get("recipient") or {}).get("id"), made_by=made_by)
    return add_decision(ledger, decision), remerge(ledger)


def join_deals(ledger: Ledger, first: str, second: str, *, made_by: str | None = None) -> tuple[bool, DealChanges]:
    """Make two deals one (a stored `join` decision), then merge again.

    Raises NotInLedger for an unknown deal, ConfigError when both name the same deal."""
    one, other = load_deal(ledger, first), load_deal(ledger, second)
    if one["id"] == other["id"]:
        raise ConfigError(f"{first} and {second} are the same deal")
    decision = Decision(kind="join", documents=tuple(deal_documents(one)), others=tuple(deal_documents(other)),
                        supplier=_shared_party(one, other, "supplier"),
                        recipient=_shared_party(one, other, "recipient"), made_by=made_by)
    return add_decision(ledger, decision), remerge(ledger)


def _shared_party(one: dict, other: dict, role: str) -> str | None:
    """The actor id both deals have in `role`, else None (any)."""
    a, b = (one.get(role) or {}).get("id"), (other.get(role) or {}).get("id")
    return a if a == b else None


def merge_decisions_of(ledger: Ledger, document_ids: Iterable[str]) -> list[dict]:
    """The split and join decisions that name any of these documents, oldest first."""
    from armsledger.store.deals import stored_decisions
    wanted = set(document_ids)
    return [vars(d) | {"documents": list(d.documents), "others": list(d.others)}
            for d in stored_decisions(ledger) if wanted & (set(d.documents) | set(d.others))]
