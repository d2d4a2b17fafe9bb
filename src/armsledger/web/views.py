"""The desk's HTML pages: the ledger, a deal, a document, a country, adding a document, logging
in; and the forms that write (review, split, join, add), each POST with a CSRF token.

Everything reads without JavaScript: sorting, filtering and paging are links and GET forms.
"""
from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from armsledger.errors import ArmsledgerError
from armsledger.store.browse import SORTS, deal_of_document, document_page
from armsledger.store.deals import load_deal
from armsledger.store.review import add_review, join_deals, split_deal
from armsledger.web.app import DeskError, page_context, templates
from armsledger.web.auth import COOKIE, DeskAuth, Session
from armsledger.web.formatting import path
from armsledger.web.highlight import highlight
from armsledger.web.reading import (
    COUNTRY_LIMIT, LedgerQuery, country_view, deal_view, document_view, flows_view, ledger_view, timeline_view,
)
from armsledger.web.svg import figures_over_time, flow_diagram, timeline

router = APIRouter(include_in_schema=False)


def _year(value: str | None) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 4:
        raise DeskError(422, "invalid", "year: give a year such as 2025")
    return int(value)


def ledger_query(supplier: str | None = None, recipient: str | None = None, category: str | None = None,
                 status: str | None = None, year: str | None = None, q: str | None = None,
                 sort: str = Query("date"), order: str = Query("desc", pattern="^(asc|desc)$"),
                 page: int = Query(1, ge=1, le=100_000), per_page: int = Query(50, ge=1, le=200)) -> LedgerQuery:
    """The ledger's query string, checked (the API reads the same)."""
    if sort not in SORTS:
        raise DeskError(422, "invalid", f"sort: one of {', '.join(SORTS)}")
    return LedgerQuery(supplier=supplier, recipient=recipient, category=category, status=status, year=_year(year),
                       q=q, sort=sort, order=order, page=page, per_page=per_page)


def _render(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, template, {**page_context(request), **context}, status_code=status)


@router.get("/", response_class=HTMLResponse)
def ledger_page(request: Request, query: LedgerQuery = Depends(ledger_query)):
    data = ledger_view(request.app.state.ledger, query)

    def link(**changes) -> str:
        return "/?" + urlencode(query.params(**changes))

    def sort_link(column: str) -> str:
        order = "asc" if query.sort == column and query.order == "desc" else "desc"
        return link(sort=column, order=order, page=1)

    filters = urlencode({k: v for k, v in query.params().items() if k not in ("sort", "order", "page", "per_page")})
    return _render(request, "ledger.html", {**data, "query": query, "link": link, "sort_link": sort_link,
                                            "picture_query": filters})


SVG_TYPE = "image/svg+xml"


@router.get("/pictures/flows.svg")
def flows_picture(request: Request, query: LedgerQuery = Depends(ledger_query)):
    """The supplier -> recipient flows of the filtered ledger, as an SVG image."""
    return Response(str(flow_diagram(flows_view(request.app.state.ledger, query))), media_type=SVG_TYPE)


@router.get("/pictures/timeline.svg")
def timeline_picture(request: Request, query: LedgerQuery = Depends(ledger_query)):
    """The filtered deals by year and category, as an SVG image."""
    return Response(str(timeline(timeline_view(request.app.state.ledger, query))), media_type=SVG_TYPE)


@router.get("/deals/{deal_id}", response_class=HTMLResponse)
def deal_page(request: Request, deal_id: str):
    data = deal_view(request.app.state.ledger, deal_id)
    for source in data["sources"]:
        for excerpt in source["excerpts"]:
            excerpt["html"] = highlight(excerpt["text"], excerpt["start"], excerpt["spans"], anchors=False)
    return _render(request, "deal.html", data)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, q: str | None = None, page: int = Query(1, ge=1, le=100_000)):
    rows, total = document_page(request.app.state.ledger, search=q, limit=50, offset=(page - 1) * 50)
    return _render(request, "documents.html", {"documents": rows, "total": total, "q": q or "", "page": page,
                                               "pages": max(1, -(-total // 50)),
                                               "link": lambda **c: "/documents?" + urlencode(
                                                   {k: v for k, v in ({"q": q, "page": page} | c).items() if v})})


@router.get("/documents/new", response_class=HTMLResponse)
def new_document_page(request: Request):
    return _render(request, "add.html", {})


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page_view(request: Request, doc_id: str, at: int | None = Query(None, ge=0)):
    data = document_view(request.app.state.ledger, doc_id, at=at)
    data["html"] = highlight(data["text"], data["start"], data["spans"])
    return _render(request, "document.html", data)


@router.get("/countries/{iso3}", response_class=HTMLResponse)
def country_page(request: Request, iso3: str):
    if not (2 <= len(iso3) <= 20 and iso3.replace("_", "").isalnum()):
        raise DeskError(404, "not_found", "a country is its ISO 3166 alpha-3 code, as /countries/UKR")
    data = country_view(request.app.state.ledger, iso3)
    return _render(request, "country.html", {**data, "figures_svg": figures_over_time(data["points"]),
                                             "limit": COUNTRY_LIMIT})


async def form_writer(request: Request) -> Session:
    """The session of a form that writes: logged in, with this session's CSRF token.

    Raises DeskError 401 without a session (or on a read-only desk), 403 for a bad CSRF token."""
    auth: DeskAuth = request.app.state.auth
    if auth.read_only:
        raise DeskError(401, "read_only", "this desk is read-only: start it with a token to review")
    session = auth.session(request.cookies.get(COOKIE))
    if session is None:
        raise DeskError(401, "unauthorized", "log in with the desk's token to change anything")
    form = await request.form()
    if not auth.csrf_ok(session, form.get("csrf")):
        raise DeskError(403, "csrf", "the form's CSRF token is missing or wrong: reload the page and try again")
    return session


# --- logging in ----------------------------------------------------------------------------------

@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/"):
    return _render(request, "login.html", {"next": _local(next), "failed": False})


@router.post("/login")
def login(request: Request, token: str = Form(""), name: str = Form(""), next: str = Form("/")):
    auth: DeskAuth = request.app.state.auth
    if not auth.token_matches(token):
        return _render(request, "login.html", {"next": _local(next), "failed": True}, status=401)
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(COOKIE, auth.new_session(name.strip()[:80] or "reviewer"), httponly=True, samesite="strict",
                        path="/")
    return response


@router.post("/logout")
def logout(request: Request, session: Session = Depends(form_writer)):
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


def _local(target: str | None) -> str:
    """A redirect target on this site only (never //host or a scheme)."""
    target = target or "/"
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"


# --- writing -------------------------------------------------------------------------------------

@router.post("/reviews")
def review(request: Request, session: Session = Depends(form_writer), document_id: str = Form(...),
           kind: str = Form(...), record_id: str = Form(...), action: str = Form(...), field: str = Form(""),
           value: str = Form(""), next: str = Form("")):
    add_review(request.app.state.ledger, document_id=document_id, kind=kind, record_id=record_id, action=action,
               field=field or None, value=value, made_by=session.name)
    target = _local(next) if next else f"/documents/{path(document_id)}#rec-{record_id}"
    return RedirectResponse(target, status_code=303)


@router.post("/deals/{deal_id}/split")
def split(request: Request, deal_id: str, session: Session = Depends(form_writer), document: str = Form(...)):
    ledger = request.app.state.ledger
    deal = load_deal(ledger, deal_id)
    others = [s["document"] for s in deal["sources"] if s.get("document") != document]
    split_deal(ledger, deal["id"], document, made_by=session.name)
    remaining = deal_of_document(ledger, others[0]) if others else None
    return RedirectResponse(f"/deals/{path(remaining)}" if remaining else "/", status_code=303)


@router.post("/deals/{deal_id}/join")
def join(request: Request, deal_id: str, session: Session = Depends(form_writer), other: str = Form(...)):
    ledger = request.app.state.ledger
    documents = [s["document"] for s in load_deal(ledger, deal_id)["sources"]]
    join_deals(ledger, deal_id, other.strip(), made_by=session.name)
    joined = deal_of_document(ledger, documents[0]) if documents else None
    return RedirectResponse(f"/deals/{path(joined)}" if joined else "/", status_code=303)


@router.post("/documents")
async def add(request: Request, session: Session = Depends(form_writer), text: str = Form(""),
              file: UploadFile | None = File(None), title: str = Form(""), source: str = Form(""),
              published: str = Form(""), language: str = Form("auto")):
    from armsledger.web.adding import add_document
    limit = request.app.state.max_upload_bytes
    data = await file.read(limit + 1) if file is not None and file.filename else None
    if data is not None and len(data) > limit:
        raise DeskError(413, "too_large", f"the file is over {limit:,} bytes")
    try:
        ids = await run_in_threadpool(add_document, request.app.state.ledger, text=text, data=data,
                                      filename=file.filename if file is not None else None, title=title,
                                      source=source, published=published, language=language)
    except ArmsledgerError as err:
        raise DeskError(422, err.code, err.message) from None
    return RedirectResponse(f"/documents/{path(ids[0])}" if ids else "/documents", status_code=303)
