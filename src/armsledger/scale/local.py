"""Extraction on N processes of this machine, results in input order.

Each worker process builds the pipelines of `preload` as it starts (others on first use) and
keeps them; partitions are small (`PARTITION` documents or `PARTITION_CHARS` characters, so
that no worker waits while the other finishes a long partition at the end) and submitted in a
bounded window (four a worker), so a corpus of any size is streamed: memory holds a few
partitions, never the whole corpus.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, wait

from armsledger.errors import ConfigError, InputError
from armsledger.lang import SUPPORTED_LANGUAGES
from armsledger.model import Extraction, SourceDocument
from armsledger.pipeline import Options, extract_documents
from armsledger.scale.partitions import extract_partition, in_order, partitions

PARTITION = 16  # documents sent to a worker at once, at most
PARTITION_CHARS = 80_000  # characters: a partition is closed once its texts reach this


def _preload(languages: tuple[str, ...]) -> None:
    from armsledger.nlp.pipelines import get_pipeline
    for lang in languages:
        get_pipeline(lang)


def _pid(_: int) -> int:
    return os.getpid()


class WorkerPool:
    """`workers` extraction processes ("spawn": fresh interpreters, never forks of a process
    that holds models or threads). Use as a context manager; `ready()` waits until every
    worker has started and built its pipelines."""

    def __init__(self, workers: int, preload: tuple[str, ...] = SUPPORTED_LANGUAGES):
        if workers < 1:
            raise ConfigError(f"--workers must be 1 or more, not {workers}")
        self.workers = workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_preload, initargs=(preload,))

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc) -> None:
        self._pool.shutdown(cancel_futures=True)

    def ready(self) -> set[int]:
        """The worker pids, once all of them run (each has built its preloaded pipelines)."""
        pids: set[int] = set()
        while len(pids) < self.workers:
            futures = [self._pool.submit(_pid, k) for k in range(4 * self.workers)]
            wait(futures)
            pids |= {f.result() for f in futures}
        return pids

    def extract(self, items: Iterable[SourceDocument | InputError], options: Options = Options(),
                partition: int = PARTITION) -> Iterator[Extraction | InputError]:
        """The extractions of `items`, in input order."""
        yield from in_order(partitions(items, partition, PARTITION_CHARS),
                            lambda chunk: self._pool.submit(extract_partition, chunk, options), 4 * self.workers)


def extract_in_processes(items: Iterable[SourceDocument | InputError], options: Options = Options(),
                         workers: int = 1, partition: int = PARTITION) -> Iterator[Extraction | InputError]:
    """Like `pipeline.extract_documents`, on `workers` processes (1: in this process); fewer
    than 1 is a ConfigError (from WorkerPool)."""
    if workers == 1:
        yield from extract_documents(items, options)
        return
    with WorkerPool(workers) as pool:
        yield from pool.extract(items, options, partition)
