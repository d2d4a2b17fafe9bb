"""Extraction on two local processes gives the serial extractions, in input order."""
from __future__ import annotations

from pathlib import Path

from armsledger.errors import EmptyInput, InputError
from armsledger.model import SourceDocument
from armsledger.pipeline import extract_documents
from armsledger.scale import extract_in_processes
from armsledger.scale.partitions import partitions

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


def test_partitions_close_at_the_document_count_or_the_character_budget():
    docs = [SourceDocument(text="x" * n, source=f"d{k}") for k, n in enumerate([10, 10, 50, 5, 5, 5, 5])]
    docs.insert(3, EmptyInput("empty input", source="vide.txt"))  # an error travels, weighing nothing
    sizes = [[item.get("document", {}).get("source") or "error" for item in chunk]
             for chunk in partitions(docs, 3, max_chars=40)]
    assert sizes == [["d0", "d1", "d2"], ["error", "d3", "d4"], ["d5", "d6"]]
    sizes = [[item.get("document", {}).get("source") or "error" for item in chunk]
             for chunk in partitions(docs, 4, max_chars=20)]
    assert sizes == [["d0", "d1"], ["d2"], ["error", "d3", "d4", "d5"], ["d6"]]
