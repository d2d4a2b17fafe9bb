"""Every word of a language, as data: `lang/{fr,en}/*.json`, one file per concern, read here.

The extractors share one logic across languages; only these data files differ. Each file holds
top-level keys (its concern's word lists, a `_comment` saying what they are for); the files of a
language are read into one namespace, and a key defined by two files is an error. An entry is
matched as whole words, case-insensitive; a trailing `*` matches any word ending; an entry with
a `[...]` character class is taken as a regular expression; `'` also matches the curly `’`.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

from armsledger.errors import PipelineError

SUPPORTED_LANGUAGES = ("fr", "en")


def _entry_regex(entry: str) -> str:
    if "[" in entry:
        body = entry
    else:
        body = re.escape(entry).replace(r"\*", r"\w*")
    body = body.replace("'", "['’]").replace(r"\ ", r"\s+").replace(" ", r"\s+")
    return body


def cue_regex(entries: list[str], *, case_sensitive: bool = False) -> re.Pattern[str]:
    """One alternation for a list of cue entries, longest first, bounded by non-word characters."""
    ordered = sorted({e for e in entries if e}, key=len, reverse=True)
    if not ordered:
        return re.compile(r"(?!x)x")
    # an entry ending in an apostrophe ("qu'") runs straight into the next word
    alternation = "|".join(_entry_regex(e) + ("" if e.endswith(("'", "’")) else r"(?![\w])") for e in ordered)
    return re.compile(rf"(?<![\w-])(?:{alternation})", 0 if case_sensitive else re.IGNORECASE)


class Lexicon:
    """The cue words of one language, with compiled regexes cached by key path."""

    def __init__(self, lang: str, data: dict[str, Any]):
        self.lang = lang
        self.data = data
        self._compiled: dict[str, re.Pattern[str]] = {}

    def words(self, path: str) -> Any:
        node: Any = self.data
        for part in path.split("."):
            node = node[part]
        return node

    def rx(self, path: str) -> re.Pattern[str]:
        """The compiled regex for the list at `path` (dotted, e.g. "status.approved")."""
        if path not in self._compiled:
            self._compiled[path] = cue_regex(self.words(path))
        return self._compiled[path]

    def groups(self, path: str) -> dict[str, re.Pattern[str]]:
        """A {name: regex} map for a dict of lists at `path`, in file order."""
        return {name: self.rx(f"{path}.{name}") for name in self.words(path)}

    def has(self, path: str, text: str) -> bool:
        return self.rx(path).search(text) is not None


def read_language_data(lang: str) -> dict[str, dict[str, Any]]:
    """{file stem: its keys} for every data file of `lang` (the `_comment`s left out)."""
    folder = resources.files("armsledger.lang") / lang
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name)
    out = {}
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        data.pop("_comment", None)
        out[f.name.removesuffix(".json")] = data
    return out


@cache
def get_lexicon(lang: str) -> Lexicon:
    """The words of `lang`, loaded once per process. Raises PipelineError for other languages
    and for a key that two of its files define."""
    if lang not in SUPPORTED_LANGUAGES:
        raise PipelineError(f"no lexicon for language {lang!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    merged: dict[str, Any] = {}
    for name, data in read_language_data(lang).items():
        for key, value in data.items():
            if key in merged:
                raise PipelineError(f"lang/{lang}: key {key!r} defined twice (again in {name}.json)")
            merged[key] = value
    return Lexicon(lang, merged)


def words_in_every_language(path: str) -> list[str]:
    """The entries of the list at `path` in every supported language, in order, each once.

    For rules that read a text the same way whatever its language ("Block 52" in a French text,
    "1990 à 2000" in an English one); raises KeyError when a language lacks `path`.
    """
    return list(dict.fromkeys(w for lang in SUPPORTED_LANGUAGES for w in get_lexicon(lang).words(path)))


def phrase_regex(entries: Iterable[str], *, space: str = r"\s+") -> str:
    """An alternation (no group, no bounds) of literal phrases, longest first: a space matches
    `space`, an apostrophe also the curly `’`. For the normalisers, which bound it themselves."""
    return "|".join(re.escape(e).replace(r"\ ", space).replace("'", "['’]")
                    for e in sorted(entries, key=len, reverse=True))


def linked_regex(entries: Iterable[str]) -> str:
    """An alternation of link words before a noun ("de", "d'", "of "), each with the space after
    it: an entry ending in a space needs one ("of euros"), others may run into the noun ("d'euros")."""
    return "|".join(phrase_regex([e]) + ("" if e.endswith(" ") else r"\s*") for e in entries)
