"""The public Python API: its names are pinned, the CLI and the library give the same records,
and records carry what a store keys on (record ids, engine version, the caller's id)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import armsledger
from armsledger.errors import EmptyInput

TEXT = ("Le Brésil a commandé 4 sous-marins à la France, a indiqué Reuters.\n\n"
        "« Ces navires protégeront nos côtes », a déclaré la DSCA.")


def test_all_is_pinned():
    assert armsledger.__all__ == [
        "__version__", "extract_text", "extract_document", "extract_documents", "Options", "read_inputs", "Limits",
        "SourceDocument", "Extraction", "ENGINE_VERSION", "SCHEMA_VERSION", "ArmsledgerError", "InputError",
        "DocumentFailed", "ConfigError"]
    assert all(getattr(armsledger, name) is not None for name in armsledger.__all__)


def test_import_armsledger_loads_no_model():
    code = "import sys, armsledger; print('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_extract_text_gives_records_with_stable_ids_and_the_engine_version(nlp_ready):
    x = armsledger.extract_text(TEXT, language="fr", published="2025-03-02", ref="my-42")
    assert x.engine_version == armsledger.ENGINE_VERSION
    assert (x.document.ref, x.document.published, x.document.language) == ("my-42", "2025-03-02", "fr")
    (transfer,) = x.transfers
    assert (transfer.supplier.id, transfer.recipient.id) == ("FRA", "BRA")
    (quote,) = x.quotes
    assert (quote.speaker, quote.speaker_id) == ("DSCA", "DSCA")
    again = armsledger.extract_text(TEXT, language="fr", published="2025-03-02")
    ids = [r.record_id for r in (*x.transfers, *x.quotes)]
    assert ids == [r.record_id for r in (*again.transfers, *again.quotes)]
    assert ids[0].startswith("tr_") and ids[1].startswith("qu_") and len(set(ids)) == 2
    other = armsledger.extract_text(TEXT + "\n", language="fr", published="2025-03-02")
    assert other.transfers[0].record_id != ids[0]  # another text, another document


def test_extract_text_refuses_a_blank_text():
    with pytest.raises(EmptyInput):
        armsledger.extract_text("  \n")


def test_the_command_line_gives_what_the_library_gives(nlp_ready, tmp_path):
    (tmp_path / "a.txt").write_text("language: fr\npublished: 2025-03-02\n\n" + TEXT, encoding="utf-8")
    command = [str(Path(sys.executable).parent / "armsledger"), "extract", "--jsonl", str(tmp_path / "a.txt")]
    out = subprocess.run(command, capture_output=True, text=True).stdout
    cli = json.loads(out)
    lib = armsledger.extract_text(TEXT, language="fr", published="2025-03-02", source=str(tmp_path / "a.txt"))
    assert cli == lib.to_json_dict()
