"""A partition of documents extracted in one worker process, plain dicts in and out.

The unit of work of every engine: a list of plain documents (`to_plain`) goes to a worker,
which extracts them with the pipeline of its own process (built on first use, then kept) and
sends back one plain result per document: `{"extraction": <armsledger/1 dict>}` or
`{"error": ...}` (`errors.error_to_dict`). `from_plain` turns a result back into an
`Extraction` or the document's `InputError`.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from armsledger.errors import InputError, error_from_dict, error_to_dict
from armsledger.model import Extraction, SourceDocument
from armsledger.pipeline import Options, extract_documents


def to_plain(item: SourceDocument | InputError) -> dict:
    """A document read (or the error reading it gave) as a plain dict for a worker."""
    if isinstance(item, InputError):
        return {"error": error_to_dict(item)}
    return {"document": item.model_dump()}


def from_plain(result: dict) -> Extraction | InputError:
    """A worker's plain result back as an Extraction, or the document's error."""
    if "error" in result:
        return error_from_dict(result["error"])  # type: ignore[return-value]
    return Extraction.model_validate(result["extraction"])


def extract_partition(items: list[dict], options: Options) -> dict:
    """Extract a partition in this process: {"pid": this process, "results": one per item}."""
    def sources() -> Iterator[SourceDocument | InputError]:
        for item in items:
            if "error" in item:
                yield error_from_dict(item["error"])  # type: ignore[misc]
            else:
                yield SourceDocument.model_validate(item["document"])

    results = []
    for result in extract_documents(sources(), options):
        if isinstance(result, InputError):
            results.append({"error": error_to_dict(result)})
        else:
            results.append({"extraction": result.to_json_dict()})
    return {"pid": os.getpid(), "results": results}


def worker_info() -> dict:
    """This process: its pid and the pipelines it has built, by language (`client.run(worker_info)`)."""
    from armsledger.nlp.pipelines import BUILDS
    return {"pid": os.getpid(), "builds": dict(BUILDS)}


def in_order(chunks: Iterable[list[dict]], submit: Callable[[list[dict]], Any], width: int,
             collect: Callable[[Any], dict] = lambda future: future.result()) -> Iterator[Extraction | InputError]:
    """The results of every chunk in input order, with at most `width` chunks in flight: each is
    handed to `submit` (which returns a future of `extract_partition`) and its future, once the
    oldest, to `collect` (which waits for and returns its plain result)."""
    window: deque = deque()
    for chunk in chunks:
        window.append(submit(chunk))
        if len(window) >= width:
            yield from map(from_plain, collect(window.popleft())["results"])
    while window:
        yield from map(from_plain, collect(window.popleft())["results"])


def partitions(items: Iterable[SourceDocument | InputError], size: int,
               max_chars: int | None = None) -> Iterator[list[dict]]:
    """Plain partitions of at most `size` documents (and, with `max_chars`, closed once their
    texts reach that many characters, so that long documents travel in smaller partitions and
    the workers' shares of the work stay even), read lazily from `items`."""
    chunk: list[dict] = []
    chars = 0
    for item in items:
        chunk.append(to_plain(item))
        chars += len(item.text) if isinstance(item, SourceDocument) else 0
        if len(chunk) >= size or (max_chars is not None and chars >= max_chars):
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk
