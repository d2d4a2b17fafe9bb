"""RSS and Atom input: one SourceDocument per entry, via feedparser.

Entry text is the longest `content` value, else the `summary`, as text (HTML is flattened with
`html_fragment_text`). `source` is the entry link, `ref` its id (guid), `published` the date of
`published` (or `updated`) as written in the feed, i.e. in the feed's own time zone.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from armsledger.errors import EmptyInput, InputError, MalformedRecord, NoMainText
from armsledger.ingest.html import html_fragment_text
from armsledger.ingest.text import check_bytes, language_code, normalise_newlines
from armsledger.model.records import SourceDocument


def read_feed(data: bytes, source: str) -> Iterator[SourceDocument | InputError]:
    """Reader for `.xml`/`.rss`/`.atom`: yields a SourceDocument per entry, or NoMainText for
    an entry without text (`source` = `path#N`, N counted from 1); raises EmptyInput (empty
    file, or a feed without entries), BinaryInput or MalformedRecord (not a feed).
    """
    check_bytes(data, source)
    # A stream of bytes: feedparser then honours the XML encoding declaration, and never takes
    # the content for a URL to fetch or a file name to open (it does both with str and bytes).
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        if parsed.get("version"):
            raise EmptyInput("feed has no entries", source=source)
        reason = parsed.get("bozo_exception")
        raise MalformedRecord("not an RSS or Atom feed" + (f": {reason}" if reason else ""), source=source)
    language = language_code(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        text = _entry_text(entry)
        link = entry.get("link") or None
        if not text:
            where = f" ({link})" if link else ""
            yield NoMainText(f"feed entry {number} has no text{where}", source=f"{source}#{number}")
            continue
        yield SourceDocument(
            text=text,
            source=link or f"{source}#{number}",
            title=(entry.get("title") or "").strip() or None,
            published=_entry_date(entry),
            language=language,
            ref=entry.get("id") or None,
        )


def _entry_text(entry: Any) -> str:
    parts = [part for part in entry.get("content", []) if part.get("value")]
    if parts:
        best = max(parts, key=lambda part: len(part["value"]))
        value, kind = best["value"], best.get("type", "")
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary", ""), detail.get("type", "text/html")
    if "html" in kind:
        return html_fragment_text(value)
    return normalise_newlines(value).strip()


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated"):
        written = entry.get(key)
        if not written:
            continue
        try:  # RFC 822 (RSS), then RFC 3339 (Atom): the date in the feed's own zone
            return email.utils.parsedate_to_datetime(written).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.datetime.fromisoformat(written.strip().replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed:  # feedparser's own reading, normalised to UTC
            return time.strftime("%Y-%m-%d", parsed)
    return None
