"""Read documents from files, directories and stdin: `read_inputs(paths)`.

By extension: `.html`/`.htm` HTML (trafilatura), `.jsonl` one document a line, `.xml`/`.rss`/
`.atom` a feed (one document per entry), `.txt` and anything else plain text (with an optional
`key: value` header). A directory gives its non-hidden files with one of those known extensions,
sorted by name, not descending into subdirectories (so a corpus folder's `.gold.json` files are
not read as text). `-` is stdin, sniffed: JSONL if every non-blank line starts with `{`, a feed if
it starts with an `<rss`, `<feed` or `<rdf:RDF` element, HTML if it starts with `<`, else text.

A problem with one input is yielded as an InputError (not raised), so the caller can report it
in one line and go on; see `armsledger.errors` for the kinds. Whatever else a reader raises on
one input becomes that input's DocumentFailed: reading never stops a batch. (Lone surrogates a
JSON escape can bring are replaced by the pipeline, for readers and API callers alike.)
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from armsledger.errors import DocumentFailed, InputError, InputTooLarge, MissingInput
from armsledger.ingest.feed import read_feed
from armsledger.ingest.html import read_html
from armsledger.ingest.jsonl import read_jsonl, read_jsonl_lines
from armsledger.ingest.limits import MAX_FILE_BYTES, MAX_TEXT_CHARS, Limits
from armsledger.ingest.text import read_text
from armsledger.model.records import SourceDocument

__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_CHARS", "READABLE_SUFFIXES", "Limits", "read_inputs"]

Reader = Callable[[bytes, str], Iterator[SourceDocument | InputError]]
_READERS: dict[str, Reader] = {
    ".txt": read_text, ".html": read_html, ".htm": read_html, ".jsonl": read_jsonl,
    ".xml": read_feed, ".rss": read_feed, ".atom": read_feed,
}
READABLE_SUFFIXES = frozenset(_READERS)  # what a folder's files must end with to be read
STDIN = "<stdin>"
# A feed starts, after an XML declaration and comments, with its root element. The prolog is
# stepped over one item at a time: one regex with a repeated comment group could try
# exponentially many ways to split a head of repeated comments.
_PROLOG_ITEM = re.compile(rb"\s*(?:<\?xml[^>]*>|<!--(?:(?!-->).)*-->)", re.S)
_FEED_ROOT = re.compile(rb"\s*<(?:rss|feed|rdf:RDF)[\s>]")


def read_inputs(paths: Sequence[str], *, stdin: BinaryIO | None = None, limits: Limits = Limits()
                ) -> Iterator[SourceDocument | InputError]:
    """Yield, in input order, one SourceDocument or one InputError per document.

    `paths` are files, directories or `-` (stdin: `stdin`, else `sys.stdin.buffer`). An error
    names its input in `source`: the path, `path:LINE` for a JSONL line, `path#N` for a feed
    entry, `<stdin>`. Nothing is raised for bad input.
    """
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, limits)
        else:
            yield from _read_path(path, limits)


def _read_path(path: str, limits: Limits) -> Iterator[SourceDocument | InputError]:
    if os.path.isdir(path):
        for child in _directory_files(Path(path)):
            yield from _read_file(str(child), limits)
    else:
        yield from _read_file(path, limits)


def _directory_files(directory: Path) -> list[Path]:
    return sorted((child for child in directory.iterdir()
                   if not child.name.startswith(".") and child.is_file()
                   and child.suffix.lower() in _READERS), key=lambda child: child.name)


def _read_file(path: str, limits: Limits) -> Iterator[SourceDocument | InputError]:
    reader = _READERS.get(Path(path).suffix.lower(), read_text)
    limit = limits.max_file_bytes
    try:
        if reader is read_jsonl and os.path.isfile(path):
            yield from _read_jsonl_file(path, limits)
            return
        size = os.stat(path).st_size
        if size > limit:
            yield InputTooLarge(f"file is {size:,} bytes, over the {limit:,}-byte limit (--max-file-bytes)",
                                source=path)
            return
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        yield MissingInput("no such file or directory", source=path)
        return
    except OSError as err:
        yield MissingInput(f"cannot read: {err.strerror or err}", source=path)
        return
    if len(data) > limit:  # grew since stat, or a device/pipe reporting size 0
        yield InputTooLarge(f"input is over the {limit:,}-byte limit (--max-file-bytes)", source=path)
        return
    yield from _run(lambda: reader(data, path), path)


def _read_jsonl_file(path: str, limits: Limits) -> Iterator[SourceDocument | InputError]:
    # Streamed: a corpus file may be far larger than memory; only a line is bounded.
    with open(path, "rb") as handle:
        yield from _run(lambda: read_jsonl_lines(_bounded_lines(handle, limits.max_document_bytes), path,
                                                 limits.max_document_bytes), path)


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of a binary file without their newline; None for a line over `limit` bytes,
    which is skipped without being held in memory."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not (len(line) == limit + 1 and line.endswith(b"\n")):
            while line and not line.endswith(b"\n"):
                line = handle.readline(1 << 20)
            yield None
        else:
            yield line.removesuffix(b"\n")


def _read_stdin(stream: BinaryIO, limits: Limits) -> Iterator[SourceDocument | InputError]:
    limit = limits.max_file_bytes
    data = stream.read(limit + 1)
    if len(data) > limit:
        yield InputTooLarge(f"input is over the {limit:,}-byte limit (--max-file-bytes)", source=STDIN)
        return
    reader = _sniff(data)
    yield from _run(lambda: reader(data, STDIN), STDIN)


def _sniff(data: bytes) -> Reader:
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{") and all(line.lstrip().startswith(b"{")
                                     for line in head.splitlines() if line.strip()):
        return read_jsonl
    if _looks_like_feed(head[:4096]):
        return read_feed
    if head.startswith(b"<"):
        return read_html
    return read_text


def _looks_like_feed(head: bytes) -> bool:
    pos = 0
    while (item := _PROLOG_ITEM.match(head, pos)) is not None:
        pos = item.end()
    return _FEED_ROOT.match(head, pos) is not None


def _run(read: Callable[[], Iterator[SourceDocument | InputError]], source: str
         ) -> Iterator[SourceDocument | InputError]:
    # Readers raise for a whole-input problem and yield errors for a per-record one; anything
    # else they raise ends this input only (what it yielded before stands).
    try:
        yield from read()
    except InputError as err:
        yield err
    except Exception as exc:  # noqa: BLE001 - the fault boundary of one input
        yield DocumentFailed.wrap(exc, "reading", source)
