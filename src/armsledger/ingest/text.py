"""Plain text input: byte checks, decoding, newline normalisation and the `key: value` header.

Decoding policy (pinned by tests/ingest/test_ingest.py):

* valid UTF-8 is read as is; a UTF-8 BOM is dropped;
* UTF-16 and UTF-32 are read only when they start with a BOM (without one their NUL bytes make
  the file look binary, and it is refused as BinaryInput);
* bytes that are not UTF-8 are accepted as cp1252 (the Windows superset of latin-1, which is what
  legacy French files use) only when they look like a single-byte text: no UTF-8 multi-byte
  sequence anywhere (that would mean a UTF-8 file with stray bytes, which cp1252 would turn into
  mojibake), every byte defined in cp1252, and at most 30% non-ASCII bytes;
* anything else is refused with EncodingError naming the offset of the first byte that is not UTF-8.

Offsets of later stages point into the returned text, so apart from turning CRLF and CR into LF
the text is kept exactly as read.
"""
from __future__ import annotations

import logging

import codecs
import datetime as dt
import re
from collections.abc import Iterator

from armsledger.errors import BinaryInput, EmptyInput, EncodingError, InputError
from armsledger.model.records import SourceDocument

log = logging.getLogger("armsledger.ingest")

BOMS = (  # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes a text may contain: printable ASCII, the usual whitespace controls, BEL, BS, ESC, and
# every byte >= 0x80 (UTF-8 or cp1252). The rest are control bytes that only binaries have.
_TEXT_BYTES = bytes([7, 8, 9, 10, 11, 12, 13, 27]) + bytes(range(0x20, 0x7F)) + bytes(range(0x80, 0x100))
_MAX_CONTROL_SHARE = 0.05
_MAX_NON_ASCII_SHARE = 0.30
UTF8_MULTIBYTE = re.compile(rb"[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}")
_NON_ASCII = bytes(range(0x80, 0x100))
_CONTROL_CHARS = re.compile(r"[\x00-\x06\x0E-\x1A\x1C-\x1F\x7F]")

_HEADER_LINE = re.compile(r"[A-Za-z][\w-]*:(?:[ \t].*)?")
_HEADER_KEYS = ("source", "title", "published", "language")
_HEADER_SCAN_CHARS = 8_192
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_LANGUAGE = re.compile(r"([A-Za-z]{2})(?:$|[-_])")


def check_bytes(data: bytes, source: str) -> None:
    """Refuse empty, whitespace-only and binary bytes (EmptyInput, BinaryInput); else return None."""
    if not data.strip():
        raise EmptyInput("empty file" if not data else "file holds only whitespace", source=source)
    if any(data.startswith(bom) for bom, _ in BOMS):
        return  # UTF-16/32 text has NUL bytes; it is checked after decoding
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryInput(f"binary file: NUL byte at offset {nul}", source=source)
    control = len(data.translate(None, _TEXT_BYTES))
    if control > _MAX_CONTROL_SHARE * len(data):
        raise BinaryInput(f"binary file: {control} of {len(data)} bytes are control bytes", source=source)


def decode_bytes(data: bytes, source: str) -> str:
    """Decode file bytes by the policy above and normalise newlines; never returns a blank text.

    Raises EmptyInput, BinaryInput or EncodingError, each with `source`.
    """
    check_bytes(data, source)
    for bom, codec in BOMS:
        if data.startswith(bom):
            text = _decode_with_bom(data, bom, codec, source)
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            text = _decode_legacy(data, err.start, source)
    if not text.strip():
        raise EmptyInput("file holds only whitespace", source=source)
    return normalise_newlines(text)


def _decode_with_bom(data: bytes, bom: bytes, codec: str, source: str) -> str:
    try:
        text = data[len(bom):].decode(codec)
    except UnicodeDecodeError as err:
        name = codec.upper().replace("-LE", "").replace("-BE", "")
        raise EncodingError(f"not valid {name} despite its byte-order mark: "
                            f"bad byte at offset {len(bom) + err.start}", source=source) from None
    sample = text[:65_536]
    if len(_CONTROL_CHARS.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInput("binary content behind a byte-order mark", source=source)
    return text


def _decode_legacy(data: bytes, bad: int, source: str) -> str:
    non_ascii = len(data) - len(data.translate(None, _NON_ASCII))
    if non_ascii <= _MAX_NON_ASCII_SHARE * len(data) and not UTF8_MULTIBYTE.search(data):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            log.warning("%s: not valid UTF-8 (byte 0x%02X at offset %d); read as Windows-1252 [AL103]",
                        source, data[bad], bad)
            return text
    raise EncodingError(f"not valid UTF-8: byte 0x{data[bad]:02X} at offset {bad} "
                        "(and not plain cp1252/latin-1 text)", source=source)


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF; change nothing else."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def iso_date(value: object) -> str | None:
    """`YYYY-MM-DD` if `value` is a string starting with a real date of that form, else None.

    A time after the date ("2024-03-05T10:00:00Z") is dropped; "unknown", "2024-03" and
    "2024-02-30" give None.
    """
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def language_code(value: object) -> str | None:
    """The lower-case ISO 639-1 code at the start of `value` ("fr", "FR", "fr-FR"), else None."""
    if not isinstance(value, str):
        return None
    match = _LANGUAGE.match(value.strip())
    return match.group(1).lower() if match else None


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split a leading `key: value` header block, ended by a blank line, from the body.

    A header needs every line before the first blank line to be `key: value` and at least one
    of the keys source, title, published, language; otherwise the whole text is the body.
    Keys come back lower-cased; blank lines after the header are not part of the body.
    """
    head, sep, _ = text[:_HEADER_SCAN_CHARS].partition("\n\n")
    if not sep or not head.strip():
        return {}, text
    lines = head.split("\n")
    if not all(_HEADER_LINE.fullmatch(line) for line in lines):
        return {}, text
    fields = {}
    for line in lines:
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    if not any(key in fields for key in _HEADER_KEYS):
        return {}, text
    body = text[len(head) + 2:]
    return fields, body.lstrip("\n")


def text_to_document(text: str, source: str) -> SourceDocument:
    """A SourceDocument from decoded text, taking metadata from a leading header if there is one.

    `published` is kept only when it is a date (see `iso_date`); a header without a body raises
    EmptyInput.
    """
    fields, body = split_header(text)
    if not body.strip():
        raise EmptyInput("no text after the header", source=source)
    return SourceDocument(
        text=body,
        source=fields.get("source") or source,
        title=fields.get("title") or None,
        published=iso_date(fields.get("published")),
        language=language_code(fields.get("language")),
    )


def read_text(data: bytes, source: str) -> Iterator[SourceDocument | InputError]:
    """Reader for `.txt` and unknown files: one SourceDocument; raises InputError."""
    yield text_to_document(decode_bytes(data, source), source)
