"""The dependency direction of STYLE.md: the base, the normalisers, the readers, the merge and the
exports never load spaCy, so that tools built on them (exports, the ledger) start without a
language model."""
import subprocess
import sys

LIGHT = ["armsledger.errors", "armsledger.model", "armsledger.normalize.numbers", "armsledger.normalize.money",
         "armsledger.normalize.dates", "armsledger.normalize.actors", "armsledger.normalize.weapons",
         "armsledger.ingest", "armsledger.merge", "armsledger.export"]


def test_base_normalize_ingest_merge_and_export_do_not_import_spacy():
    code = "import sys\n" + "".join(f"import {m}\n" for m in LIGHT) + \
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('armsledger.extract')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_model_imports_nothing_of_ours_but_errors():
    code = ("import sys, armsledger.model\n"
            "print(sorted(m for m in sys.modules if m.startswith('armsledger.') and m not in "
            "{'armsledger.model', 'armsledger.model.records', 'armsledger.errors'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_store_merge_and_the_ledger_commands_do_not_import_spacy():
    code = ("import sys\nimport armsledger.store, armsledger.store.queries, armsledger.store.deals, "
            "armsledger.store.writes, armsledger.merge\n"
            "from armsledger.cli.app import register_commands\nregister_commands()\n"
            "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith(('armsledger.extract', "
            "'armsledger.nlp', 'armsledger.pipeline'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
