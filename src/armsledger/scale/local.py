"""Extraction on N processes of this machine, results in input order.

Each worker process builds its pipelines once (on its first document of each language) and
keeps them; partitions are submitted in a bounded window (twice the workers), so a corpus of
any size is streamed: memory holds a few partitions, never the whole corpus.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from armsledger.errors import ConfigError, InputError
from armsledger.model import Extraction, SourceDocument
from armsledger.pipeline import Options, extract_documents
from armsledger.scale.partitions import extract_partition, from_plain, partitions

PARTITION = 32  # documents sent to a worker at once


def extract_in_processes(items: Iterable[SourceDocument | InputError], options: Options = Options(),
                         workers: int = 1, partition: int = PARTITION) -> Iterator[Extraction | InputError]:
    """Like `pipeline.extract_documents`, on `workers` processes (1: in this process)."""
    if workers < 1:
        raise ConfigError(f"--workers must be 1 or more, not {workers}")
    if workers == 1:
        yield from extract_documents(items, options)
        return
    # "spawn": a fresh interpreter per worker, never a fork of a process holding models or threads
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        window: deque[Future] = deque()
        for chunk in partitions(items, partition):
            window.append(pool.submit(extract_partition, chunk, options))
            if len(window) >= 2 * workers:
                yield from _results(window.popleft())
        while window:
            yield from _results(window.popleft())


def _results(future: Future) -> Iterator[Extraction | InputError]:
    for result in future.result()["results"]:
        yield from_plain(result)
