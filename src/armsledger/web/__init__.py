"""The analyst's desk: a local web application over the ledger (FastAPI, pages rendered on the
server, a JSON API under /api/). Sits on top of the store; spaCy loads only when a document is
added from the desk."""
from armsledger.web.app import create_app

__all__ = ["create_app"]
