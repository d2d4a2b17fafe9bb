"""The analyst's desk: a FastAPI application over one ledger, pages rendered on the server.

`create_app(db, token)` opens the ledger and wires the HTML pages (`views`), the JSON API under
`/api/` (`api`) and the static files. Every response carries a Content-Security-Policy that
allows scripts, styles and images from the desk itself only (no inline script or style), and
every error has one shape: JSON `{"error": {"status", "code", "message"}}` under `/api/`, the
same fields in an HTML page elsewhere.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from armsledger import __version__
from armsledger.errors import ArmsledgerError, ConfigError, InvalidReview, LedgerUnavailable, NotInLedger
from armsledger.store import Ledger, open_ledger
from armsledger.store.browse import refresh_statistics
from armsledger.web import formatting
from armsledger.web.auth import COOKIE, DeskAuth

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}

templates = Jinja2Templates(directory=str(HERE / "templates"))  # .html: autoescaped
formatting.register(templates.env)


class DeskError(Exception):
    """An error answered in the desk's one shape (status, stable code, message)."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def create_app(db: str | Ledger | None, token: str | None = None, *, max_upload_bytes: int = 10_000_000) -> FastAPI:
    """The desk over ledger `db` (a path, URL or open Ledger). Writes need `token`; without one
    the desk is read-only."""
    from armsledger.web import api, views

    ledger = db if isinstance(db, Ledger) else open_ledger(db)
    refresh_statistics(ledger)
    app = FastAPI(title="armsledger desk", version=__version__,
                  description="The analyst's desk: the ledger's deals, documents and countries, with review. "
                              "Reading is open; writing needs `Authorization: Bearer TOKEN`. Every error is "
                              '`{"error": {"status": int, "code": str, "message": str}}`.',
                  docs_url="/api/docs", redoc_url=None, openapi_url="/api/openapi.json")
    app.state.ledger = ledger
    app.state.auth = DeskAuth(token)
    app.state.max_upload_bytes = max_upload_bytes

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    _error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(views.router)
    return app


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, code: str, message: str):
    """The one error shape: JSON under /api/, an HTML page with the same fields elsewhere."""
    if _is_api(request):
        return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "code": code, "message": message,
                                                              **page_context(request)}, status_code=status)


HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
              413: "too_large", 422: "invalid", 500: "internal"}


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DeskError)
    async def desk_error(request: Request, exc: DeskError):
        return error_response(request, exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return error_response(request, exc.status_code, HTTP_CODES.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path"))
        return error_response(request, 422, "invalid", f"{where}: {first.get('msg')}" if where else first.get("msg"))

    @app.exception_handler(ArmsledgerError)
    async def armsledger_error(request: Request, exc: ArmsledgerError):
        status = {NotInLedger: 404, InvalidReview: 422, ConfigError: 400, LedgerUnavailable: 503}.get(type(exc), 500)
        return error_response(request, status, exc.code, exc.message)


def page_context(request: Request) -> dict:
    """What every page's layout needs: who is logged in, the CSRF token, whether writes exist."""
    auth: DeskAuth = request.app.state.auth
    session = auth.session(request.cookies.get(COOKIE))
    return {"session": session, "csrf": auth.csrf_token(session), "read_only": auth.read_only,
            "version": __version__}
