"""Extraction on two local processes gives the serial extractions, in input order."""
from __future__ import annotations

from pathlib import Path

from armsledger.errors import InputError
from armsledger.pipeline import extract_documents
from armsledger.scale import extract_in_processes

from conftest import OPTIONS, corpus, plain  # tests/scale/conftest.py


def test_two_processes_give_the_serial_extractions_in_order():
    items = corpus(20)
    assert plain(extract_in_processes(items, OPTIONS, workers=2, partition=3)) == plain(extract_documents(items, OPTIONS))


def test_only_the_dask_runner_imports_dask():
    src = Path(__file__).resolve().parents[2] / "src" / "armsledger"
    importers = sorted(str(p.relative_to(src)) for p in src.rglob("*.py")
                       if any(line.lstrip().startswith(("import dask", "from dask", "import distributed",
                                                        "from distributed"))
                              for line in p.read_text(encoding="utf-8").splitlines()))
    assert importers == ["scale/dask_runner.py"]


def test_input_errors_pass_through_a_pool_as_errors():
    items = corpus(12)
    out = list(extract_in_processes(items, OPTIONS, workers=2, partition=2))
    assert [type(r).__name__ for r in out if isinstance(r, InputError)] == ["EmptyInput", "InputTooLarge"]
