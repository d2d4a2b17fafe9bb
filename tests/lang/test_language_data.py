"""The language data files: complete, parallel across languages, and every key read by code."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from armsledger.lang import SUPPORTED_LANGUAGES, get_lexicon, read_language_data

SRC = Path(__file__).resolve().parents[2] / "src" / "armsledger"
ENGLISH_ONLY = {"notices"}  # the US notice layouts are English texts


def _string_literals() -> set[str]:
    found = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_every_file_says_what_it_holds(lang):
    folder = SRC / "lang" / lang
    import json
    for path in sorted(folder.glob("*.json")):
        assert json.loads(path.read_text(encoding="utf-8")).get("_comment"), path.name


def test_both_languages_have_the_same_concerns_and_keys():
    fr, en = read_language_data("fr"), read_language_data("en")
    assert set(fr) == set(en) - ENGLISH_ONLY
    for concern in fr:
        assert set(fr[concern]) == set(en[concern]), concern


def test_no_data_key_is_left_unread():
    """A top-level key is read when some code names it (`words("key")`, `rx("key.sub")`)."""
    literals = _string_literals()
    unread = []
    for lang in SUPPORTED_LANGUAGES:
        for key in get_lexicon(lang).data:
            if key not in literals and not any(lit.startswith(key + ".") for lit in literals):
                unread.append(f"{lang}:{key}")
    assert unread == []
