"""Extraction on several processes: a local pool (`extract_in_processes`) or a Dask cluster
(`scale.dask_runner`, the only module that imports dask). Texts go in and plain dicts come out
(`partitions`): no spaCy object ever crosses a process boundary, and each worker process builds
its pipelines once."""
from armsledger.scale.local import extract_in_processes
from armsledger.scale.partitions import extract_partition, from_plain, to_plain

__all__ = ["extract_in_processes", "extract_partition", "from_plain", "to_plain"]
