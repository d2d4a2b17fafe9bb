"""JSON Lines input: one document per line.

Each line is an object with `text` (plain text) or `html` (a page, read like an `.html` file);
optional `id` (kept as `ref`), `source` or `url`, `title`, `published` (YYYY-MM-DD, a time after
it is dropped), `language` (ISO 639-1, "fr-FR" gives "fr"). Blank lines are skipped. A bad line
gives an InputError with `source` = `path:LINE` and the other lines still give documents.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from armsledger.errors import EmptyInput, InputError, MalformedRecord
from armsledger.ingest.html import html_to_document
from armsledger.ingest.text import decode_bytes, iso_date, language_code, normalise_newlines
from armsledger.model.records import SourceDocument


def read_jsonl(data: bytes, source: str) -> Iterator[SourceDocument | InputError]:
    """Reader for `.jsonl`: yields a SourceDocument or an InputError per non-blank line;
    raises EmptyInput, BinaryInput or EncodingError for the whole file."""
    text = decode_bytes(data, source)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield record_to_document(_parse_line(line, where), where)
        except InputError as err:
            yield err


def _parse_line(line: str, where: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise MalformedRecord(f"line is not JSON: {err.msg} at column {err.colno}", source=where) from None
    if not isinstance(record, dict):
        raise MalformedRecord(f"line is a JSON {type(record).__name__}, not an object", source=where)
    return record


def record_to_document(record: dict[str, Any], where: str) -> SourceDocument:
    """A SourceDocument from one JSONL object; `where` (`path:LINE`) names it in errors and is
    the `source` when the record has neither `source` nor `url`.

    Raises MalformedRecord (no `text`/`html`, or not a string), EmptyInput (blank text),
    NoMainText (HTML without main text).
    """
    for key in ("text", "html"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise MalformedRecord(f"`{key}` must be a string, not {type(record[key]).__name__}", source=where)
    if record.get("text") is not None:
        if not record["text"].strip():
            raise EmptyInput("`text` is empty", source=where)
        document = SourceDocument(text=normalise_newlines(record["text"]))
    elif record.get("html") is not None:
        if not record["html"].strip():
            raise EmptyInput("`html` is empty", source=where)
        document = html_to_document(record["html"], where)
    else:
        raise MalformedRecord("record has neither `text` nor `html`", source=where)
    ref = record.get("id")
    return document.model_copy(update={
        "source": _string(record, "source") or _string(record, "url") or document.source or where,
        "title": _string(record, "title") or document.title,
        "published": iso_date(record.get("published")) or document.published,
        "language": language_code(record.get("language")),
        "ref": str(ref) if ref is not None and ref != "" else None,
    })


def _string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    return (value.strip() or None) if isinstance(value, str) else None
