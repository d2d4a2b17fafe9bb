"""Every sample document extracts to `armsledger/1` JSON with sound evidence."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from armsledger.errors import InputError
from armsledger.ingest import read_inputs
from armsledger.pipeline import extract_documents

# ../shared beside the repository, never an absolute path; missing, it is a failure, not a skip
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "shared" / "spec" / "records.schema.json"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".html"}
                      and p.name != "README.md") if SAMPLES.is_dir() else []
RECORD_KINDS = ("transfers", "aid", "figures", "legal_actions", "quotes")


@pytest.fixture(scope="module")
def extracted(nlp_ready) -> dict[str, dict]:
    results = list(extract_documents(read_inputs([str(p) for p in SAMPLE_FILES])))
    assert len(results) == len(SAMPLE_FILES)
    out = {}
    for path, result in zip(SAMPLE_FILES, results):
        assert not isinstance(result, InputError), result
        out[path.name] = result.to_json_dict()
    return out


def test_there_are_samples():
    assert {p.suffix for p in SAMPLE_FILES} == {".txt", ".html"}


def test_the_shared_schema_is_beside_the_repository():
    assert SCHEMA_PATH.is_file(), f"{SCHEMA_PATH} is missing: clone the repository beside ../shared"


@pytest.mark.parametrize("name", [p.name for p in SAMPLE_FILES])
def test_sample_validates_against_schema(extracted, name):
    from jsonschema import Draft202012Validator
    validator = Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    errors = sorted(validator.iter_errors(extracted[name]), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def _check_spans(text: str, spans, where: str) -> None:
    assert spans, f"{where}: no evidence"
    for start, end in spans:
        assert 0 <= start < end <= len(text), f"{where}: span {(start, end)} outside 0..{len(text)}"
        assert text[start:end].strip(), f"{where}: span {(start, end)} holds no text"


@pytest.mark.parametrize("name", [p.name for p in SAMPLE_FILES])
def test_sample_records_have_evidence_in_the_text(extracted, name):
    data = extracted[name]
    text = data["document"]["text"]
    assert data["schema"] == "armsledger/1"
    assert any(data[kind] for kind in RECORD_KINDS), f"{name}: no records at all"
    for kind in RECORD_KINDS:
        for i, record in enumerate(data[kind]):
            _check_spans(text, record["evidence"], f"{name} {kind}[{i}]")
            for j, item in enumerate(record.get("items", [])):
                _check_spans(text, item["evidence"], f"{name} {kind}[{i}].items[{j}]")


@pytest.mark.parametrize("name", [p.name for p in SAMPLE_FILES])
def test_sample_entities_point_at_their_text(extracted, name):
    data = extracted[name]
    text = data["document"]["text"]
    for e in data["entities"]:
        assert 0 <= e["start"] < e["end"] <= len(text)
        assert text[e["start"]:e["end"]] == e["text"]
