"""Extraction on a Dask cluster (dask.distributed): the only module that imports dask.

`extract_on_dask(items, options, scheduler)` sends partitions of plain documents to the
cluster's workers (`partitions.extract_partition`) and yields their results in input order.
Each worker process builds its spaCy pipelines once, on its first partition of a language, and
keeps them (the per-process cache of `nlp.pipelines`); only plain dicts travel. Partitions are
submitted in a bounded window, so the client streams a corpus of any size. A worker that dies
mid-run loses its partitions to the scheduler, which runs them again on another worker; a bad
document is that document's error in the results, never the job's.

`scheduler` is "local" (a LocalCluster of `workers` processes on this machine, one thread each)
or the address of a running scheduler ("tcp://10.0.0.5:8786"), whose workers need armsledger
installed with the same pinned dependencies (`make setup`), models included.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from dask.distributed import Client, Future, LocalCluster

from armsledger.errors import ConfigError, InputError
from armsledger.model import Extraction, SourceDocument
from armsledger.pipeline import Options
from armsledger.scale.partitions import extract_partition, in_order, partitions

PARTITION = 32


@contextmanager
def dask_client(scheduler: str, workers: int | None = None) -> Iterator[Client]:
    """A client of the scheduler at `scheduler`, or of a LocalCluster ("local") it closes after."""
    if scheduler == "local":
        with LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(scheduler, timeout="20s")
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    with client:
        yield client


def extract_on_client(client: Client, items: Iterable[SourceDocument | InputError], options: Options = Options(),
                      partition: int = PARTITION, pids: set[int] | None = None) -> Iterator[Extraction | InputError]:
    """The extractions of `items` computed on `client`'s cluster, in input order; the worker
    processes that did the work are added to `pids` when given."""
    def collect(future: Future) -> dict:
        done = future.result()
        future.release()
        if pids is not None:
            pids.add(done["pid"])
        return done

    width = 2 * max(1, len(client.scheduler_info().get("workers", {})))
    yield from in_order(partitions(items, partition),
                        lambda chunk: client.submit(extract_partition, chunk, options, pure=False), width, collect)


def extract_on_dask(items: Iterable[SourceDocument | InputError], options: Options = Options(), *,
                    scheduler: str = "local", workers: int | None = None,
                    partition: int = PARTITION) -> Iterator[Extraction | InputError]:
    """Like `pipeline.extract_documents`, on a Dask cluster (see the module docstring)."""
    with dask_client(scheduler, workers) as client:
        yield from extract_on_client(client, items, options, partition)
