"""RSS and Atom input: one SourceDocument per entry, via feedparser.

Entry text is the longest `content` value, else the `summary`, as text (HTML is flattened with
`html_fragment_text`). `source` is the entry link, `ref` its id (guid), `published` the date of
`published` (or `updated`) as written in the feed, i.e. in the feed's own time zone.

We decode the bytes ourselves, by the byte-order mark or the XML declaration (UTF-8 when it
names none), so that a stray byte is never read as mojibake: the bytes that are not valid in
the feed's encoding become U+FFFD, the entries that hold one are refused (EncodingError, with
the entry named) and the other entries are read. Control characters XML forbids are removed
first, as lxml would refuse the feed for them. Each entry is read inside its own fault
boundary: what one entry raises is that entry's error.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import codecs
import io
import logging
import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from armsledger.errors import DocumentFailed, EmptyInput, EncodingError, InputError, MalformedRecord, NoMainText
from armsledger.ingest.html import html_fragment_text
from armsledger.ingest.hygiene import strip_xml_forbidden
from armsledger.ingest.text import BOMS, check_bytes, language_code, normalise_newlines
from armsledger.model.records import SourceDocument

log = logging.getLogger("armsledger.ingest")
_DECLARATION_TEXT = re.compile(r"^\s*<\?xml\b[^>]{0,500}?\?>")
_DECLARATION = re.compile(rb"^\s*<\?xml\b[^>]{0,500}?\?>")
_DECLARED_ENCODING = re.compile(rb"""\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")


def read_feed(data: bytes, source: str) -> Iterator[SourceDocument | InputError]:
    """Reader for `.xml`/`.rss`/`.atom`: yields a SourceDocument per entry, or NoMainText for
    an entry without text (`source` = `path#N`, N counted from 1); raises EmptyInput (empty
    file, or a feed without entries), BinaryInput or MalformedRecord (not a feed).
    """
    check_bytes(data, source)
    markup, bad_bytes = _decode_feed(data, source)
    # A stream of UTF-8 bytes: feedparser never takes the content for a URL to fetch or a file
    # name to open (it does both with str and bytes).
    parsed = feedparser.parse(io.BytesIO(markup.encode("utf-8")))
    if not parsed.entries:
        if parsed.get("version"):
            raise EmptyInput("feed has no entries", source=source)
        reason = str(parsed.get("bozo_exception") or "").strip().splitlines()
        raise MalformedRecord("not an RSS or Atom feed" + (f": {reason[0][:160]}" if reason else ""),
                              source=source)
    language = language_code((parsed.get("feed") or {}).get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{number}"
        try:
            yield _entry_document(entry, number, where, language, bad_bytes)
        except InputError as err:
            yield err
        except Exception as exc:  # noqa: BLE001 - one entry's failure is that entry's error
            yield DocumentFailed.wrap(exc, "reading a feed entry", where)


def _decode_feed(data: bytes, source: str) -> tuple[str, int]:
    """The feed as text (declaration rewritten to UTF-8, forbidden controls removed), and how
    many bytes were not valid in its encoding."""
    bom, codec = next(((bom, codec) for bom, codec in BOMS if data.startswith(bom)), (b"", None))
    if codec:
        data = data[len(bom):]
    else:
        declaration = _DECLARATION.match(data[:600])
        declared = _DECLARED_ENCODING.search(declaration.group()) if declaration else None
        codec = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        codecs.lookup(codec)
    except LookupError:
        raise MalformedRecord(f"feed declares an unknown encoding {codec!r}", source=source) from None
    bad = 0
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        bad_offset = err.start
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
        log.warning("%s: not valid %s (byte 0x%02X at offset %d): the entries holding such bytes are "
                    "refused [AL103]", source, codec.upper(), data[bad_offset], bad_offset)
    text = _DECLARATION_TEXT.sub("", strip_xml_forbidden(text), count=1)
    return text, bad


def _entry_document(entry: Any, number: int, where: str, language: str | None, bad_bytes: int) -> SourceDocument:
    text = _entry_text(entry)
    link = _string(entry.get("link"))
    title = _string(entry.get("title"))
    if not text:
        raise NoMainText(f"feed entry {number} has no text" + (f" ({link})" if link else ""), source=where)
    if bad_bytes and ("\ufffd" in text or "\ufffd" in (title or "")):
        raise EncodingError(f"feed entry {number} holds bytes that are not valid in the feed's encoding",
                            source=where)
    return SourceDocument(text=text, source=link or where, title=title, published=_entry_date(entry),
                          language=language, ref=_string(entry.get("id")))


def _string(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _entry_text(entry: Any) -> str:
    parts = [part for part in entry.get("content") or [] if isinstance(part.get("value"), str) and part["value"]]
    if parts:
        best = max(parts, key=lambda part: len(part["value"]))
        value, kind = best["value"], best.get("type") or ""
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary") or "", detail.get("type") or "text/html"
    if not isinstance(value, str):
        return ""
    if "html" in kind:
        return html_fragment_text(value)
    return normalise_newlines(value).strip()


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated"):
        written = entry.get(key)
        if not written or not isinstance(written, str):
            continue
        try:  # RFC 822 (RSS), then RFC 3339 (Atom): the date in the feed's own zone
            return email.utils.parsedate_to_datetime(written).date().isoformat()
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
        try:
            return dt.datetime.fromisoformat(written.strip().replace("Z", "+00:00")).date().isoformat()
        except (ValueError, OverflowError):
            pass
        parsed: time.struct_time | None = entry.get(f"{key}_parsed")
        if parsed:  # feedparser's own reading, normalised to UTC
            return time.strftime("%Y-%m-%d", parsed)
    return None
