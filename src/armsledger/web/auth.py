"""Who may write: the desk's one write token, the browser's session cookie, and CSRF tokens.

Reading needs nothing. Writing (review, split, join, adding a document) needs the token the
server was started with: the API takes it as `Authorization: Bearer TOKEN`; a browser logs in
once with it and gets a session cookie (HttpOnly, SameSite=Strict) signed with an HMAC keyed by
the token. Every form that writes carries a CSRF token, an HMAC of the session's nonce, checked
on POST: a page on another site can neither read it nor send the cookie. Without a token
(`read_only`) nothing can be written. Comparisons are constant-time.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass

COOKIE = "desk_session"


@dataclass(frozen=True)
class Session:
    """A logged-in browser: the reviewer's name and the nonce its CSRF token is derived from."""
    name: str
    nonce: str


class DeskAuth:
    """Checks the write token, makes and reads session cookies, derives CSRF tokens."""

    def __init__(self, token: str | None):
        self.token = token or None
        self._key = hashlib.sha256(b"armsledger-desk|" + token.encode()).digest() if token else b""

    @property
    def read_only(self) -> bool:
        return self.token is None

    def _sign(self, message: str) -> str:
        return hmac.new(self._key, message.encode(), hashlib.sha256).hexdigest()

    def token_matches(self, given: str | None) -> bool:
        """Whether `given` is the write token (never when the desk is read-only)."""
        return bool(self.token and given) and hmac.compare_digest(given.encode(), self.token.encode())

    def bearer_ok(self, authorization: str | None) -> bool:
        """Whether an `Authorization` header carries the write token."""
        scheme, _, value = (authorization or "").partition(" ")
        return scheme.lower() == "bearer" and self.token_matches(value.strip())

    def new_session(self, name: str) -> str:
        """The cookie value of a new session for reviewer `name`."""
        body = base64.urlsafe_b64encode(json.dumps({"name": name, "nonce": secrets.token_hex(16)})
                                        .encode()).decode()
        return f"{body}.{self._sign('session|' + body)}"

    def session(self, cookie: str | None) -> Session | None:
        """The session a cookie value holds, None when absent, forged or the desk is read-only."""
        if self.read_only or not cookie or "." not in cookie:
            return None
        body, _, signature = cookie.rpartition(".")
        if not hmac.compare_digest(signature, self._sign("session|" + body)):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(body.encode()))
            return Session(name=str(data["name"]), nonce=str(data["nonce"]))
        except (ValueError, KeyError, TypeError):
            return None

    def csrf_token(self, session: Session | None) -> str:
        """The CSRF token forms of this session carry ("" without a session)."""
        return self._sign("csrf|" + session.nonce) if session else ""

    def csrf_ok(self, session: Session | None, given: str | None) -> bool:
        return bool(session and given) and hmac.compare_digest(given, self.csrf_token(session))
