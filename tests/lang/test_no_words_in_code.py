"""Pipeline code holds no word of a language: the words live in `lang/{fr,en}/*.json` (STYLE.md).

Every string literal (docstrings left out) of the modules under `extract/` and `normalize/` is
read for runs of three or more letters, once regex escapes (`\\s`, `\\b`), group syntax
(`(?P<year>`), inline flags (`(?i:`) and `\\N{...}` are taken out. A run is allowed when it is a
technical token: a top-level key (or dotted path) of the language data, a snake_case name, a
name the same file defines (class, function, field, regex group), a name of the record vocabulary
(every identifier-like literal and field name in `model/`: field values such as "approved",
"official"), an actor kind ("demonym", the kinds of `orgs.csv`), a regex group name of the language
data, an ISO 4217 code, or one of TECHNICAL below (parser labels, encodings). Any other run is taken to be a word of French or English;
a literal holding one is flagged. No dictionary is asked: a made-up word is flagged too, which is
what we want (it is either data or a name that should say what it is).

KNOWN lists the files that still hold words, with how many literals are flagged. The test fails
when a file gets worse, and when a listed file gets better or clean: then lower or drop its entry.
"""
from __future__ import annotations

import ast
import csv
import json
import re
from pathlib import Path

import pycountry
import pytest

from armsledger.lang import SUPPORTED_LANGUAGES, get_lexicon

SRC = Path(__file__).resolve().parents[2] / "src" / "armsledger"
CHECKED = ("extract", "normalize")

# Tokens that are names, not words: spaCy labels (NER, POS, Universal Dependencies and ClearNLP
# dependency labels with their subtypes, morphology), the normalisers' match kinds, encodings.
TECHNICAL = {
    "PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "FAC", "MISC", "PROPN", "NOUN", "VERB", "ADJ",
    "ADV", "ADP", "AUX", "DET", "NUM", "PRON", "PUNCT", "SCONJ", "CCONJ", "PART", "SYM", "INTJ",
    "nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "obj", "dobj", "iobj", "obl", "nmod",
    "npadvmod", "amod", "advmod", "nummod", "appos", "conj", "compound", "pobj", "prep", "poss",
    "agent", "acl", "relcl", "advcl", "xcomp", "ccomp", "aux", "auxpass", "cop", "det", "dep",
    "punct", "flat", "fixed", "case", "mark", "root", "ROOT", "attr", "pass", "subj", "mod",
    "name", "tmod", "Gender", "Number", "Person", "Masc", "Fem", "Sing", "Plur",
    # more dependency labels and subtypes of both parsers, and morphology features and values
    "arg", "parataxis", "dislocated", "vocative", "orphan", "goeswith", "reparandum", "list", "discourse",
    "dative", "oprd", "prt", "neg", "predet", "preconj", "quantmod", "intj", "meta", "npmod",
    "Tense", "Fut", "Pres", "Past", "Imp", "Mood", "Cnd", "Ind", "Sub", "VerbForm", "Part", "Inf", "Fin",
    "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "NN", "NNS", "NNP", "NNPS", "JJ", "PRP", "IN", "CD",
    "Ger", "Voice", "Pass", "Act", "PronType", "Rel", "Dem", "Prs", "Poss", "Definite", "Def", "Ind", "Reflex", "Yes",
    # the kinds of the normalisers' matches (NumberMatch, RawNumber, DateMatch, ActorEntry) and
    # the sections of countries.json
    "digits", "words", "approx", "absolute", "relative", "since", "state", "demonym", "metonym",
    "states", "demonyms", "metonyms",
    "utf", "NFC", "NFD", "NFKC", "NFKD",
}


def _lexicon_keys() -> set[str]:
    """The keys of the language data that name a table or a list, at any depth ("future" in a
    frame's status table); not those that map a word to its value ("milliards": 1e9)."""
    keys: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, (dict, list)):
                    keys.add(key)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for lang in SUPPORTED_LANGUAGES:
        walk(get_lexicon(lang).data)
    return keys


def _data_names() -> set[str]:
    """Regex group names in the language data ("purchaser") and the org kinds of orgs.csv."""
    names = set()
    for lang in SUPPORTED_LANGUAGES:
        names |= set(_GROUP_NAME.findall(json.dumps(get_lexicon(lang).data, ensure_ascii=False)))
    with open(SRC / "normalize" / "data" / "orgs.csv", encoding="utf-8", newline="") as f:
        names |= {row["kind"] for row in csv.DictReader(f)}
    return names


def _defined_names(tree: ast.AST) -> set[str]:
    """Classes, functions, fields and assigned names of a module: "NumberMatch" in `__all__`."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def _record_vocabulary() -> set[str]:
    """Field names and identifier-like values of the records (`model/`): "approved", "demonym"."""
    names = set()
    for path in (SRC / "model").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= _defined_names(tree)
        names |= {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                  and _IDENTIFIER.fullmatch(n.value)}
    return names


PATH_CALLS = {"files", "joinpath", "open", "Path", "import_module"}
_FILE_OR_MODULE = re.compile(r"[\w-]+\.(?:json|csv|txt|jsonl)|armsledger(?:\.\w+)*")
_REGEX_NOISE = re.compile(r"\\[A-Za-z]|\\N\{[^}]*\}|\(\?P[<=][A-Za-z_]\w*>?|\(\?[aiLmsux-]+[:)]")
_GROUP_NAME = re.compile(r"\(\?P<([A-Za-z_]\w*)>")
_RUN = re.compile(r"[^\W\d_]{3,}")
_IDENTIFIER = re.compile(r"[A-Za-z_][\w.:]*")


def _docstrings(tree: ast.AST) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _not_text(tree: ast.AST) -> set[int]:
    """Literals that are no text to match: error messages (inside `raise`), resource paths
    (arguments of `files`, `joinpath`, `open`, `Path`, and `files(...) / "data"`) and keys of a
    subscript (`row["lang"]`: a column or field name)."""
    ids = set()

    def path_call(node: ast.AST) -> bool:
        return isinstance(node, ast.Call) and (
            isinstance(node.func, ast.Attribute) and node.func.attr in PATH_CALLS
            or isinstance(node.func, ast.Name) and node.func.id in PATH_CALLS)

    for node in ast.walk(tree):
        path_division = isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and any(
            path_call(n) for n in ast.walk(node))
        if isinstance(node, ast.Raise) or path_call(node) or path_division:
            ids |= {id(n) for n in ast.walk(node) if isinstance(n, ast.Constant)}
        elif isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            ids.add(id(node.slice))
    return ids


def _literals(tree: ast.AST) -> list[str]:
    skip = _docstrings(tree) | _not_text(tree)
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip]


def _is_technical_literal(literal: str, keys: set[str], names: set[str]) -> bool:
    """The whole literal names something: a data key or path, a snake_case name, a known name."""
    if _FILE_OR_MODULE.fullmatch(literal):
        return True
    if not _IDENTIFIER.fullmatch(literal):
        return False
    return "_" in literal or literal in keys or literal.split(".")[0] in keys or literal in names


def _word_runs(literal: str, names: set[str]) -> list[str]:
    """The runs of letters in `literal` that are not technical tokens."""
    return [run for run in _RUN.findall(_REGEX_NOISE.sub(" ", literal))
            if run not in names and not (len(run) == 3 and run.isupper()
                                         and pycountry.currencies.get(alpha_3=run))]


def flagged_literals(path: Path, keys: set[str], vocabulary: set[str]) -> list[str]:
    """The literals of `path` that hold a word of a language."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    literals = _literals(tree)
    groups = {name for lit in literals for name in _GROUP_NAME.findall(lit)}
    names = TECHNICAL | vocabulary | groups | _defined_names(tree)
    return [lit for lit in literals if not _is_technical_literal(lit, keys, names) and _word_runs(lit, names)]


# Files that still hold words, being moved to lang/ by others: {path under src/armsledger: count}.
KNOWN: dict[str, int] = {
    "extract/aid.py": 1,
    "extract/attribution.py": 9,
    "extract/frames.py": 15,
    "extract/items.py": 5,
    "extract/legal.py": 2,
    "extract/mentions.py": 27,
    "extract/parties.py": 9,
    "extract/quotes.py": 3,
    "extract/transfers.py": 14,
    "normalize/weapons.py": 26,
}


def _checked_files() -> list[Path]:
    return sorted(p for sub in CHECKED for p in (SRC / sub).rglob("*.py"))


@pytest.fixture(scope="module")
def flagged() -> dict[str, list[str]]:
    keys, vocabulary = _lexicon_keys(), _record_vocabulary() | _data_names()
    return {str(p.relative_to(SRC)): found for p in _checked_files()
            if (found := flagged_literals(p, keys, vocabulary))}


def test_no_new_words_in_code(flagged):
    worse = {f: (len(lits), KNOWN.get(f, 0), lits[:8]) for f, lits in flagged.items() if len(lits) > KNOWN.get(f, 0)}
    assert not worse, "words of a language in code (move them to lang/<lang>/*.json):\n" + "\n".join(
        f"{f}: {n} literals flagged, {known} known; e.g. {examples}" for f, (n, known, examples) in worse.items())


def test_known_entries_are_still_needed(flagged):
    """A file that got better (or clean) lowers (or leaves) its KNOWN entry."""
    better = {f: (len(flagged.get(f, [])), n) for f, n in KNOWN.items() if len(flagged.get(f, [])) < n}
    assert not better, "lower or remove these KNOWN entries: " + ", ".join(
        f"{f} now {now} (was {was})" for f, (now, was) in better.items())


def test_known_files_exist():
    assert all((SRC / f).is_file() for f in KNOWN)


@pytest.mark.parametrize("module", ["normalize/money.py", "normalize/numbers.py", "normalize/dates.py",
                                    "normalize/spans.py"])
def test_the_normalisers_hold_no_words(flagged, module):
    assert module not in KNOWN
    assert flagged.get(module, []) == []


@pytest.mark.parametrize("literal,expected", [
    ("milliards", True), (r"\s+(?:de|d['’])\s*(milliers|millions)", True), ("the", True),
    ("about", False), ("approved", False), ("scale_words", False), ("qualifiers", False), ("status.approved", False),
    (r"(?P<year>\d{4})", False), ("nsubj", False), ("PROPN", False), ("USD", False),
    (r"\s*(?:\Z|[^\w\s])", False), ("utf-8", False), ("orgs.csv", False), ("NFKD", False), ("[ \u00a0\u202f]", False),
])
def test_the_rule(literal, expected):
    names = TECHNICAL | _record_vocabulary() | _data_names() | set(_GROUP_NAME.findall(literal))
    keys = _lexicon_keys() | {"status"}
    assert (not _is_technical_literal(literal, keys, names) and bool(_word_runs(literal, names))) is expected
