"""JSON Lines input: one document per line.

Each line is an object with `text` (plain text) or `html` (a page, read like an `.html` file);
optional `id` (kept as `ref`), `source` or `url`, `title`, `published` (YYYY-MM-DD, a time after
it is dropped), `language` (ISO 639-1, "fr-FR" gives "fr"). Blank lines are skipped.

Each line is its own document, down to its bytes: a NUL byte, a byte that is not UTF-8, text that
is not JSON or JSON nested deeper than `MAX_JSON_DEPTH` condemns that line only, as an InputError
with `source` = `path:LINE`, and the other lines still give documents. Only a file whose first
lines are all bytes that are not text is judged whole (binary, not UTF-8), and an empty one.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from armsledger.errors import BinaryInput, EmptyInput, EncodingError, InputError, InputTooLarge, MalformedRecord
from armsledger.ingest.html import html_to_document
from armsledger.ingest.hygiene import MAX_JSON_DEPTH, json_depth
from armsledger.ingest.text import BOMS, decode_bytes, iso_date, language_code, normalise_newlines
from armsledger.model.records import SourceDocument


def read_jsonl(data: bytes, source: str) -> Iterator[SourceDocument | InputError]:
    """Reader for `.jsonl` bytes (stdin): see `read_jsonl_lines`."""
    if any(data.startswith(bom) for bom, codec in BOMS if codec != "utf-8"):  # UTF-16/32: decoded whole
        data = decode_bytes(data, source).encode("utf-8")
    yield from read_jsonl_lines(iter(data.split(b"\n")), source, len(data) + 1)


def read_jsonl_lines(lines: Iterator[bytes | None], source: str, max_line_bytes: int
                     ) -> Iterator[SourceDocument | InputError]:
    """A SourceDocument or an InputError per non-blank line (None stands for a line over
    `max_line_bytes`, refused with InputTooLarge). Raises EmptyInput for a file without a
    non-blank line, and BinaryInput or EncodingError when its first `_LEADING_LINES` lines
    are all bytes that are not text (a binary file is one error, not one per line)."""
    leading: list[InputError] = []  # errors before the first good line, held back
    good = False
    for number, raw in enumerate(lines, start=1):
        where = f"{source}:{number}"
        if raw is not None:
            raw = (raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw).removesuffix(b"\r")
            if not raw.strip():
                continue
        try:
            if raw is None:
                raise InputTooLarge(f"line is over the {max_line_bytes:,}-byte limit of a document (--max-chars)",
                                    source=where)
            result: SourceDocument | InputError = record_to_document(_parse_line(_decode_line(raw, where), where),
                                                                     where)
        except InputError as err:
            result = err
        if good:
            yield result
        elif isinstance(result, InputError):
            leading.append(result)
            if len(leading) == _LEADING_LINES and _all_bytes_errors(leading):
                raise _whole_file(leading[0], source)
        else:
            good = True
            yield from leading
            yield result
    if not good:
        if not leading:
            raise EmptyInput("file holds no JSON line", source=source)
        if _all_bytes_errors(leading) and len(leading) > 1:
            raise _whole_file(leading[0], source)
        yield from leading


_LEADING_LINES = 10


def _all_bytes_errors(errors: list[InputError]) -> bool:
    return all(isinstance(err, (BinaryInput, EncodingError)) for err in errors)


def _whole_file(first: InputError, source: str) -> InputError:
    return type(first)(f"not JSON Lines: no line is text ({first.message} on line 1)", source=source)


def _decode_line(raw: bytes, where: str) -> str:
    # JSON is UTF-8 (RFC 8259): no legacy fallback for a line, unlike a text file
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise BinaryInput(f"line has a NUL byte at column {nul + 1}", source=where)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise EncodingError(f"line is not valid UTF-8: byte 0x{raw[err.start]:02X} at column {err.start + 1}",
                            source=where) from None


def _parse_line(line: str, where: str) -> dict[str, Any]:
    depth = json_depth(line)
    if depth > MAX_JSON_DEPTH:
        raise MalformedRecord(f"line nests JSON {depth} levels deep, over the limit of {MAX_JSON_DEPTH}",
                              source=where)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise MalformedRecord(f"line is not JSON: {err.msg} at column {err.colno}", source=where) from None
    except (ValueError, RecursionError) as err:  # an integer of thousands of digits, ...
        raise MalformedRecord(f"line is not usable JSON: {str(err)[:120]}", source=where) from None
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
