"""The desk's JSON API under /api/: the same views as the pages, and the same writes.

Reading is open. Writing needs `Authorization: Bearer TOKEN` (the token the desk was started
with); a browser's session cookie is not accepted here, so no cross-site request can write. The
reviewer's name is the `X-Reviewer` header (else "api"). Errors: `{"error": {"status", "code",
"message"}}`, documented in the OpenAPI schema at /api/openapi.json.
"""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Header, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from armsledger.errors import ArmsledgerError
from armsledger.store.browse import document_page
from armsledger.store.queries import ledger_counts
from armsledger.store.review import add_review, join_deals, split_deal
from armsledger.web.app import DeskError
from armsledger.web.auth import DeskAuth
from armsledger.web.reading import (
    LedgerQuery, country_view, deal_view, document_view, flows_view, ledger_view, timeline_view,
)
from armsledger.web.views import ledger_query


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody


ERRORS = {status: {"model": ErrorResponse} for status in (400, 401, 404, 422)}
router = APIRouter(prefix="/api", responses=ERRORS)


def api_writer(request: Request, authorization: str | None = Header(None),
               x_reviewer: str | None = Header(None)) -> str:
    """The reviewer's name for a write carrying the bearer token.

    Raises DeskError 401 without it (always, on a read-only desk)."""
    auth: DeskAuth = request.app.state.auth
    if auth.read_only:
        raise DeskError(401, "read_only", "this desk is read-only: start it with a token to write")
    if not auth.bearer_ok(authorization):
        raise DeskError(401, "unauthorized", "writing needs the header Authorization: Bearer TOKEN")
    return (x_reviewer or "api").strip()[:80] or "api"


@router.get("/counts", summary="How many documents, records of each kind and deals")
def counts(request: Request) -> dict:
    return ledger_counts(request.app.state.ledger)


@router.get("/deals", summary="Merged deals: filtered, sorted, paged, with totals by currency")
def deals(request: Request, query: LedgerQuery = Depends(ledger_query)) -> dict:
    data = ledger_view(request.app.state.ledger, query)
    data.pop("choices")
    return data


@router.get("/flows", summary="Supplier -> recipient pairs of the filtered deals, with how many deals each")
def flows(request: Request, query: LedgerQuery = Depends(ledger_query)) -> list[dict]:
    return flows_view(request.app.state.ledger, query)


@router.get("/timeline", summary="The filtered deals by year and item category")
def timeline(request: Request, query: LedgerQuery = Depends(ledger_query)) -> list[dict]:
    return timeline_view(request.app.state.ledger, query)


@router.get("/deals/{deal_id}", summary="One deal: its sources in time order with their evidence, values side by side")
def deal(request: Request, deal_id: str) -> dict:
    data = deal_view(request.app.state.ledger, deal_id)
    data.pop("editable")
    for source in data["sources"]:
        for excerpt in source["excerpts"]:
            excerpt["spans"] = [vars(s) for s in excerpt["spans"]]
    return data


@router.get("/documents", summary="Documents, newest first, optionally by full-text search")
def documents(request: Request, q: str | None = None, limit: int = Query(50, ge=1, le=200),
              offset: int = Query(0, ge=0)) -> dict:
    rows, total = document_page(request.app.state.ledger, search=q, limit=limit, offset=offset)
    return {"documents": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/documents/{doc_id}", summary="One document: a page of its text, its records (reviewed), decisions")
def document(request: Request, doc_id: str, at: int | None = Query(None, ge=0)) -> dict:
    data = document_view(request.app.state.ledger, doc_id, at=at)
    data["spans"] = [vars(s) for s in data["spans"]]
    data.pop("editable")
    return data


@router.get("/countries/{iso3}", summary="A country: transfers in and out by year, deals, aid, figures, legal actions, quotes")
def country(request: Request, iso3: str) -> dict:
    return country_view(request.app.state.ledger, iso3)


class ReviewIn(BaseModel):
    document_id: str
    kind: Literal["transfers", "aid", "figures", "legal_actions", "quotes"]
    record_id: str
    action: Literal["accept", "reject", "correct"]
    field: str | None = Field(None, description="For correct: a dotted path such as value.amount or items.0.quantity")
    value: str | int | float | bool | None = Field(None, description="For correct: the new value (empty: none)")


@router.post("/reviews", status_code=201, summary="Accept, reject or correct (one field of) a record")
def review(request: Request, body: ReviewIn, reviewer: str = Depends(api_writer)) -> dict:
    return add_review(request.app.state.ledger, document_id=body.document_id, kind=body.kind,
                      record_id=body.record_id, action=body.action, field=body.field, value=body.value,
                      made_by=reviewer)


class SplitIn(BaseModel):
    document_id: str


class JoinIn(BaseModel):
    other: str


def _changes(new: bool, changes) -> dict:
    return {"new_decision": new, "deals": vars(changes)}


@router.post("/deals/{deal_id}/split", summary="Take one source document out of a deal, then merge again")
def split(request: Request, deal_id: str, body: SplitIn, reviewer: str = Depends(api_writer)) -> dict:
    return _changes(*split_deal(request.app.state.ledger, deal_id, body.document_id, made_by=reviewer))


@router.post("/deals/{deal_id}/join", summary="Make two deals one, then merge again")
def join(request: Request, deal_id: str, body: JoinIn, reviewer: str = Depends(api_writer)) -> dict:
    return _changes(*join_deals(request.app.state.ledger, deal_id, body.other, made_by=reviewer))


class DocumentIn(BaseModel):
    text: str = Field(..., min_length=1)
    title: str | None = None
    source: str | None = None
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    language: Literal["auto", "fr", "en"] = "auto"


@router.post("/documents", status_code=201, summary="Ingest a text (extracted, stored, merged)")
async def add(request: Request, body: DocumentIn, reviewer: str = Depends(api_writer)) -> dict:
    from armsledger.web.adding import add_document
    try:
        ids = await run_in_threadpool(add_document, request.app.state.ledger, text=body.text, title=body.title,
                                      source=body.source, published=body.published, language=body.language)
    except ArmsledgerError as err:
        raise DeskError(422, err.code, err.message) from None
    return {"documents": ids}
