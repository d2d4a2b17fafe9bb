"""The console script `armsledger extract`, run as a subprocess on files written into a temporary folder.

Each run that extracts a document loads a spaCy model (a few seconds), so every run of this module
is started once, all of them side by side in threads, by the module-scoped `runs` fixture; the tests
then check the results. Runs where every input is refused never load a model.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

SCHEMA_PATH = Path("/work/shared/spec/records.schema.json")

FR_TEXT = "Le Japon a commandé 12 lanceurs Patriot aux États-Unis."
EN_TEXT = "Norway will donate 20 CV90 vehicles to Ukraine."
FR_TEXT_2 = "L'Espagne a livré six lanceurs Patriot à l'Ukraine, a annoncé Madrid."
STDIN_TEXT = "Le Brésil a acheté 36 avions Gripen à la Suède."


def _command() -> list[str]:
    script = Path(sys.executable).parent / "armsledger"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from armsledger.cli import main; main()"]


def run_cli(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "TERM": "dumb"}
    return subprocess.run([*_command(), "extract", *args], cwd=cwd, input=stdin, capture_output=True,
                          env=env, timeout=120)


def out_lines(proc) -> list[str]:
    return proc.stdout.decode("utf-8").splitlines()


def err_lines(proc) -> list[str]:
    return [line for line in proc.stderr.decode("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def validate():
    """Validate a JSON object against the shared schema; a no-op when the schema file is absent."""
    if not SCHEMA_PATH.exists():
        return lambda data: None
    from jsonschema import Draft202012Validator
    validator = Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    return validator.validate


# file name -> a word of the problem the one stderr line must name
BAD_FILES = {
    "vide.txt": "empty",
    "donnees.bin": "binary",
    "latin.txt": "UTF-8",
    "enorme.txt": "1,000,000",
    "sans_corps.html": "body",
}


def write_inputs(d: Path) -> None:
    good = [{"id": "a", "text": FR_TEXT, "language": "fr", "published": "2025-06-01"},
            {"id": "b", "text": EN_TEXT, "language": "en"}]
    (d / "batch.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in good) + "\n",
                                   encoding="utf-8")
    (d / "vente.txt").write_text(FR_TEXT + "\n", encoding="utf-8")
    (d / "livraison.txt").write_text(FR_TEXT_2 + "\n", encoding="utf-8")
    (d / "bon.txt").write_text(EN_TEXT + "\n", encoding="utf-8")
    # bad inputs
    (d / "vide.txt").write_bytes(b"")
    (d / "donnees.bin").write_bytes(bytes(range(256)) * 64)
    # latin-1 "été" next to bytes that are neither UTF-8 nor cp1252 text
    (d / "latin.txt").write_bytes("Le Japon a commandé ".encode("utf-8") + b"des chars \xe9t\xe9 \xff\xfe\x81.")
    sentence = "Le Japon a commandé douze lanceurs Patriot aux États-Unis pour sa défense aérienne. "
    big = (sentence * (20_000_000 // len(sentence.encode("utf-8")) + 1)).encode("utf-8")
    assert len(big) >= 20_000_000
    (d / "enorme.txt").write_bytes(big)
    (d / "sans_corps.html").write_text("<html><head><title>Vente de Patriot</title></head></html>\n",
                                       encoding="utf-8")
    (d / "lot.jsonl").write_text(json.dumps({"text": FR_TEXT, "language": "fr"}, ensure_ascii=False) + "\n"
                                 + '{"text": "Le Japon a commandé, "language": "fr"\n'
                                 + json.dumps({"text": FR_TEXT_2, "language": "fr"}, ensure_ascii=False) + "\n",
                                 encoding="utf-8")


RUNS: dict[str, tuple[tuple[str, ...], bytes | None]] = {
    "jsonl": (("--jsonl", "batch.jsonl"), None),
    "json": (("--json", "--published", "2025-07-01", "vente.txt"), None),
    "summary": (("livraison.txt",), None),
    # every bad file, a JSONL with one broken line between two good ones, a good file, then stdin
    "mixed": (("--jsonl", *BAD_FILES, "lot.jsonl", "bon.txt", "-"), STDIN_TEXT.encode("utf-8")),
    # nothing readable at all
    "all_bad": (("--jsonl", *BAD_FILES, "absent.txt"), None),
    "bad_language": (("--language", "xx", "vente.txt"), None),
    "bad_published": (("--published", "2025-13-45", "--jsonl", "vente.txt"), None),
    "bad_published_shape": (("--published", "1er juillet", "vente.txt"), None),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    d = tmp_path_factory.mktemp("cli")
    write_inputs(d)
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {name: pool.submit(run_cli, *args, cwd=d, stdin=data) for name, (args, data) in RUNS.items()}
        return {name: f.result() for name, f in futures.items()}


# --- good inputs -----------------------------------------------------------------------------------

def test_jsonl_two_documents_in_order(runs, validate):
    proc = runs["jsonl"]
    assert proc.returncode == 0, proc.stderr
    assert err_lines(proc) == []
    lines = out_lines(proc)
    assert len(lines) == 2
    data = [json.loads(line) for line in lines]
    for d in data:
        validate(d)
    assert [d["document"]["text"] for d in data] == [FR_TEXT, EN_TEXT]
    assert [d["document"]["language"] for d in data] == ["fr", "en"]
    assert data[0]["document"]["published"] == "2025-06-01"
    assert [(t["supplier"]["id"], t["recipient"]["id"]) for t in data[0]["transfers"]] == [("USA", "JPN")]
    assert [(t["supplier"]["id"], t["recipient"]["id"]) for t in data[1]["transfers"]] == [("NOR", "UKR")]


def test_json_one_file_gives_one_object(runs, validate):
    proc = runs["json"]
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert isinstance(data, dict)
    validate(data)
    assert data["schema"] == "armsledger/1"
    assert data["document"]["source"] == "vente.txt"
    assert data["document"]["published"] == "2025-07-01"
    (t,) = data["transfers"]
    assert (t["supplier"]["id"], t["recipient"]["id"], t["status"]) == ("USA", "JPN", "signed")


def test_rich_summary_names_supplier_and_recipient(runs):
    proc = runs["summary"]
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert "ESP → UKR" in out
    assert "Patriot" in out and "delivered" in out
    assert not out.lstrip().startswith("{")


def test_stdin_dash(runs, validate):
    proc = runs["mixed"]
    data = json.loads(out_lines(proc)[-1])  # stdin was the last input
    validate(data)
    assert data["document"]["source"] == "<stdin>"
    assert data["document"]["text"] == STDIN_TEXT
    assert [(t["supplier"]["id"], t["recipient"]["id"]) for t in data["transfers"]] == [("SWE", "BRA")]


# --- bad inputs --------------------------------------------------------------------------------------

def test_mixed_run_keeps_the_good_documents(runs, validate):
    proc = runs["mixed"]
    assert proc.returncode == 0, proc.stderr
    data = [json.loads(line) for line in out_lines(proc)]
    for d in data:
        validate(d)
    assert [d["document"]["text"].strip() for d in data] == [FR_TEXT, FR_TEXT_2, EN_TEXT, STDIN_TEXT]


def test_mixed_run_one_stderr_line_per_bad_input(runs):
    lines = err_lines(runs["mixed"])
    assert len(lines) == len(BAD_FILES) + 1, lines  # + the broken JSONL line


@pytest.mark.parametrize("name, problem", sorted(BAD_FILES.items()))
def test_bad_file_reported_in_one_line_beside_good_ones(runs, name, problem):
    naming = [line for line in err_lines(runs["mixed"]) if name in line]
    assert len(naming) == 1, err_lines(runs["mixed"])
    assert problem in naming[0]


def test_broken_jsonl_line_reported_with_its_line_number(runs):
    naming = [line for line in err_lines(runs["mixed"]) if "lot.jsonl" in line]
    assert len(naming) == 1
    assert "lot.jsonl:2" in naming[0] and "JSON" in naming[0]


def test_nothing_readable_exits_1(runs):
    proc = runs["all_bad"]
    assert proc.returncode == 1
    assert proc.stdout == b""


@pytest.mark.parametrize("name, problem", sorted({**BAD_FILES, "absent.txt": "no such file"}.items()))
def test_bad_file_named_once_when_nothing_is_readable(runs, name, problem):
    naming = [line for line in err_lines(runs["all_bad"]) if name in line]
    assert len(naming) == 1, err_lines(runs["all_bad"])
    assert problem in naming[0]


# --- bad options ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("run, option, value", [("bad_language", "--language", "xx"),
                                                 ("bad_published", "--published", "2025-13-45")])
def test_bad_option_gives_one_line_and_exit_2(runs, run, option, value):
    proc = runs[run]
    assert proc.returncode == 2
    assert proc.stdout == b""
    (line,) = err_lines(proc)
    assert option in line and value in line


def test_bad_published_shape_option(runs):
    proc = runs["bad_published_shape"]
    assert proc.returncode == 2
    (line,) = err_lines(proc)
    assert "--published" in line


def test_windows_1252_file_is_read_with_one_warning_line(tmp_path):
    # a plain latin-1/cp1252 file is not valid UTF-8: it is read all the same, and the user told so
    (tmp_path / "ancien.txt").write_bytes("Les États-Unis ont approuvé une vente de 12 chars Abrams à la Pologne.".encode("cp1252"))
    proc = run_cli("--jsonl", "ancien.txt", cwd=tmp_path)
    assert proc.returncode == 0
    assert err_lines(proc) == ["armsledger: ancien.txt: not valid UTF-8 (byte 0xC9 at offset 4); "
                               "read as Windows-1252 [AL103]"]
    doc = json.loads(out_lines(proc)[0])
    assert doc["document"]["text"].startswith("Les États-Unis")
    assert [t["recipient"]["id"] for t in doc["transfers"]] == ["POL"]


def test_mixed_languages_are_detected_per_document(tmp_path):
    lines = [{"id": "a", "text": "Le gouvernement français a annoncé la livraison de douze canons Caesar à l'Ukraine."},
             {"id": "b", "text": "The State Department approved a possible sale of 24 AIM-9X missiles to Spain."}]
    (tmp_path / "mixed.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                                          encoding="utf-8")
    proc = run_cli("--jsonl", "mixed.jsonl", cwd=tmp_path)
    assert proc.returncode == 0
    docs = [json.loads(line) for line in out_lines(proc)]
    assert [d["document"]["language"] for d in docs] == ["fr", "en"]
    assert [t["recipient"]["id"] for d in docs for t in d["transfers"]] == ["UKR", "ESP"]
