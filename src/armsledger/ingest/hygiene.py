"""Input hygiene at the door: what the parsers downstream cannot take is mended or refused here.

* Lone surrogates (a JSON `"\\ud800"` escape decodes to one) cannot be encoded as UTF-8, so
  language detection, spaCy's string store and the output would all fail on them: each is
  replaced by U+FFFD, one character for one so that offsets do not move.
* Control characters that XML 1.0 forbids (vertical tab, form feed, ...) make lxml refuse a
  whole page or feed: they are removed before lxml or feedparser sees the markup.
* JSON nested deeper than `MAX_JSON_DEPTH` is refused before the decoder recurses into it.

Every function here is one linear pass over its input.
"""
from __future__ import annotations

import re

from armsledger.model.records import SourceDocument

_SURROGATE = re.compile(r"[\ud800-\udfff]")
# XML 1.0 Char excludes C0 controls but tab, LF and CR, and the non-characters U+FFFE/U+FFFF
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_FORBIDDEN_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# what matters for nesting: escapes, quotes (brackets inside strings do not count) and brackets
_JSON_TOKEN = re.compile(r'\\.|["\[\]{}]', re.S)

MAX_JSON_DEPTH = 100


def replace_surrogates(text: str) -> tuple[str, int]:
    """`text` with every lone surrogate replaced by U+FFFD, and how many there were."""
    if not _SURROGATE.search(text):
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def scrub_document(document: SourceDocument) -> tuple[SourceDocument, int]:
    """The document with lone surrogates replaced in all of its strings, and how many there were."""
    changes, total = {}, 0
    for name in ("text", "source", "title", "published", "language", "ref"):
        value = getattr(document, name)
        if isinstance(value, str):
            clean, count = replace_surrogates(value)
            if count:
                changes[name], total = clean, total + count
    return (document.model_copy(update=changes) if changes else document), total


def strip_xml_forbidden(text: str) -> str:
    """`text` without the control characters XML forbids (see the module docstring)."""
    return _XML_FORBIDDEN.sub("", text)


def strip_xml_forbidden_bytes(data: bytes) -> bytes:
    """The same for ASCII-compatible bytes (UTF-8, latin-1, cp1252)."""
    return _XML_FORBIDDEN_BYTES.sub(b"", data)


def json_depth(line: str) -> int:
    """How deeply the arrays and objects of one JSON text nest (brackets inside strings do not count)."""
    depth = deepest = 0
    in_string = False
    for match in _JSON_TOKEN.finditer(line):
        token = match.group()
        if token == '"':
            in_string = not in_string
        elif in_string or token[0] == "\\":
            continue
        elif token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest
