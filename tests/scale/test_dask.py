"""Scale-out on a real Dask cluster: a LocalCluster of two worker processes on this machine."""
from __future__ import annotations

import os
import sys
from pathlib import Path
import signal
import threading

import pytest
from dask.distributed import Client, LocalCluster

from armsledger.ledger import ingest
from armsledger.pipeline import extract_documents
from armsledger.store import open_ledger
from armsledger.scale.dask_runner import extract_on_client
from armsledger.scale.partitions import worker_info

from conftest import OPTIONS, corpus, plain  # tests/scale/conftest.py

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from ledger_records import snapshot  # noqa: E402

@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def test_a_cluster_gives_the_serial_extractions_using_two_workers_each_building_its_pipeline_once(client):
    items = corpus(48)
    serial = plain(extract_documents(items, OPTIONS))
    pids: set[int] = set()
    distributed = plain(extract_on_client(client, items, OPTIONS, partition=4, pids=pids))
    assert distributed == serial
    assert len(pids) >= 2 and os.getpid() not in pids
    workers = client.run(worker_info).values()
    assert [w["builds"] for w in workers] == [{"en": 1}, {"en": 1}] and {w["pid"] for w in workers} == pids
    errors = [r for r in distributed if isinstance(r, tuple)]
    assert errors == [("error", "EmptyInput", "empty.txt"), ("error", "InputTooLarge", "long.txt")]
    assert sum(1 for r in distributed if isinstance(r, dict) and r["transfers"]) == 46


def test_a_worker_killed_mid_run_does_not_stop_the_job(client):
    items = corpus(60)
    serial = plain(extract_documents(items, OPTIONS))
    victims = [w["pid"] for w in client.run(worker_info).values()]
    results, killed = [], threading.Event()
    for k, result in enumerate(extract_on_client(client, items, OPTIONS, partition=3)):
        results.append(result)
        if k == 5 and not killed.is_set():  # the first partitions are back: kill a worker now
            os.kill(victims[0], signal.SIGKILL)
            killed.set()
    assert killed.is_set()
    assert plain(results) == serial


def test_ingest_on_the_cluster_gives_the_ledger_of_a_serial_ingest(client, tmp_path):
    items = corpus(30)
    serial_db, dask_db = str(tmp_path / "serial.sqlite"), str(tmp_path / "dask.sqlite")
    for db, engine in ((serial_db, extract_documents),
                       (dask_db, lambda docs, options: extract_on_client(client, docs, options, partition=4))):
        ledger = open_ledger(db)
        report = ingest(ledger, items, OPTIONS, extract=engine)
        ledger.close()
        assert (report.new, dict(report.skipped)) == (28, {"AL101": 1, "AL104": 1})
    assert snapshot(dask_db) == snapshot(serial_db)
    assert len(snapshot(dask_db)["deals"]) > 5
