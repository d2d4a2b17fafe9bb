"""Read documents from files, directories and stdin: `read_inputs(paths)`.

By extension: `.html`/`.htm` HTML (trafilatura), `.jsonl` one document a line, `.xml`/`.rss`/
`.atom` a feed (one document per entry), `.txt` and anything else plain text (with an optional
`key: value` header). A directory gives its non-hidden files with one of those known extensions,
sorted by name, not descending into subdirectories (so a corpus folder's `.gold.json` files are
not read as text). `-` is stdin, sniffed: JSONL if every non-blank line starts with `{`, a feed if
it starts with an `<rss`, `<feed` or `<rdf:RDF` element, HTML if it starts with `<`, else text.

A problem with one input is yielded as an InputError (not raised), so the caller can report it
in one line and go on; see `armsledger.errors` for the kinds.
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from armsledger.errors import InputError, InputTooLarge, MissingInput
from armsledger.ingest.feed import read_feed
from armsledger.ingest.html import read_html
from armsledger.ingest.jsonl import read_jsonl
from armsledger.ingest.limits import MAX_FILE_BYTES, MAX_TEXT_CHARS
from armsledger.ingest.text import read_text
from armsledger.model.records import SourceDocument

__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_CHARS", "read_inputs"]

Reader = Callable[[bytes, str], Iterator[SourceDocument | InputError]]
_READERS: dict[str, Reader] = {
    ".txt": read_text, ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl,
    ".xml": read_feed, ".rss": read_feed, ".atom": read_feed,
}
STDIN = "<stdin>"
_FEED_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.S)


def read_inputs(paths: Sequence[str], *, stdin: BinaryIO | None = None
                ) -> Iterator[SourceDocument | InputError]:
    """Yield, in input order, one SourceDocument or one InputError per document.

    `paths` are files, directories or `-` (stdin: `stdin`, else `sys.stdin.buffer`). An error
    names its input in `source`: the path, `path:LINE` for a JSONL line, `path#N` for a feed
    entry, `<stdin>`. Nothing is raised for bad input.
    """
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer)
        else:
            yield from _read_path(path)


def _read_path(path: str) -> Iterator[SourceDocument | InputError]:
    if os.path.isdir(path):
        for child in _directory_files(Path(path)):
            yield from _read_file(str(child))
    else:
        yield from _read_file(path)


def _directory_files(directory: Path) -> list[Path]:
    return sorted((child for child in directory.iterdir()
                   if not child.name.startswith(".") and child.is_file()
                   and child.suffix.lower() in _READERS), key=lambda child: child.name)


def _read_file(path: str) -> Iterator[SourceDocument | InputError]:
    try:
        size = os.stat(path).st_size
        if size > MAX_FILE_BYTES:
            yield InputTooLarge(f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit", source=path)
            return
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        yield MissingInput("no such file or directory", source=path)
        return
    except OSError as err:
        yield MissingInput(f"cannot read: {err.strerror or err}", source=path)
        return
    if len(data) > MAX_FILE_BYTES:  # grew since stat, or a device/pipe reporting size 0
        yield InputTooLarge(f"input is over the {MAX_FILE_BYTES:,}-byte limit", source=path)
        return
    yield from _run(_READERS.get(Path(path).suffix.lower(), read_text), data, path)


def _read_stdin(stream: BinaryIO) -> Iterator[SourceDocument | InputError]:
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        yield InputTooLarge(f"input is over the {MAX_FILE_BYTES:,}-byte limit", source=STDIN)
        return
    yield from _run(_sniff(data), data, STDIN)


def _sniff(data: bytes) -> Reader:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") and all(line.lstrip().startswith(b"{")
                                     for line in head.splitlines() if line.strip()):
        return read_jsonl
    if _FEED_START.match(head[:4096]):
        return read_feed
    if head.startswith(b"<"):
        return read_html
    return read_text


def _run(reader: Reader, data: bytes, source: str) -> Iterator[SourceDocument | InputError]:
    # Readers raise for a whole-input problem and yield errors for a per-record one.
    try:
        yield from reader(data, source)
    except InputError as err:
        yield err
