"""Build `src/armsledger/normalize/data/countries.json`, the state gazetteer.

Usage (from the repository root):

    .venv/bin/python tools/build_countries.py          # rewrite countries.json
    .venv/bin/python tools/build_countries.py --check  # fail if countries.json is stale

Sources, in order of precedence for the display name (the first name of each language):
1. `countries_extra.json` (hand-curated): common short forms ("États-Unis", "UK"), demonyms,
   metonyms (capitals, seats of government), and a `_drop` list of library names that collide
   with common words or first names ("Maurice", "Grenade", "Jersey").
2. babel's CLDR territory names for 'fr' and 'en'.
3. pycountry's name, common_name and official_name (English), and their French translations
   from pycountry's own iso3166-1 gettext catalogue.

Library names in ISO's inverted style ("Korea, Republic of") are skipped, parenthetical
qualifiers are cut ("Myanmar (Burma)" -> "Myanmar"), and names shorter than three characters
are kept only as upper-case acronyms. A surface that would name two different states in one
language is dropped from the library names and reported (the curated file must not collide).
French demonyms in the curated file are singular adjectives; this script adds the plurals and
the capitalised nouns ("israélien" -> "israéliens", "Israélien", "Israéliens").
Output: one state per line, keys sorted, ISO 3166-1 alpha-3 codes (plus XKX for Kosovo).
"""
from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
import unicodedata
from pathlib import Path

import pycountry
from babel import Locale

DATA = Path(__file__).resolve().parents[1] / "src" / "armsledger" / "normalize" / "data"
EXTRA = DATA / "countries_extra.json"
OUT = DATA / "countries.json"
LANGS = ("fr", "en")
SECTIONS = ("names", "demonyms", "metonyms")
# ISO 3166 user-assigned codes in use: babel's alpha-2 -> our alpha-3
SPECIAL = {"XK": "XKX"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s-]+", " ", text.casefold()).strip()


def clean(name: str | None) -> str | None:
    """A library name made fit for matching running text, or None when it is not."""
    if not name or "," in name:
        return None
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    name = re.sub(r"^(?:the\s+|L['’])", "", name)
    name = name.replace("’", "'").replace(" - ", "-")
    if len(name) < 3 and not name.isupper():
        return None
    return name or None


def french_forms(adjectives: list[str]) -> list[str]:
    """All genders and numbers of French demonym adjectives, then the capitalised nouns."""
    forms: list[str] = []
    for adj in adjectives:
        forms += [adj, adj if adj[-1] in "sxz" else adj + "s"]
    nouns = ["-".join(p[:1].upper() + p[1:] for p in f.split("-")) for f in forms]
    return list(dict.fromkeys(forms + nouns))


def library_names() -> dict[str, dict[str, list[str]]]:
    fr_cat = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    territories = {lang: Locale(lang).territories for lang in LANGS}
    out: dict[str, dict[str, list[str]]] = {}
    for c in pycountry.countries:
        english = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)]
        raw = {"fr": [territories["fr"].get(c.alpha_2)] + [fr_cat.gettext(n) for n in english if n],
               "en": [territories["en"].get(c.alpha_2)] + english}
        out[c.alpha_3] = {lang: [n for n in map(clean, names) if n] for lang, names in raw.items()}
    for alpha2, alpha3 in SPECIAL.items():
        out[alpha3] = {lang: [n for n in [clean(territories[lang].get(alpha2))] if n] for lang in LANGS}
    return out


def build() -> dict[str, dict]:
    extra = json.loads(EXTRA.read_text(encoding="utf-8"))
    curated: dict[str, dict] = extra["countries"]
    drop = {lang: {fold(n) for n in extra["_drop"].get(lang, [])} for lang in LANGS}
    library = library_names()
    unknown = set(curated) - set(library)
    if unknown:
        sys.exit(f"countries_extra.json: unknown ISO3 codes {sorted(unknown)}")

    # a library name claimed by two states in one language is ambiguous: report and drop it
    owners: dict[tuple[str, str], set[str]] = {}
    for iso3, by_lang in library.items():
        for lang, names in by_lang.items():
            for n in names:
                owners.setdefault((lang, fold(n)), set()).add(iso3)
    claimed: dict[tuple[str, str], str] = {}
    for iso3, entry in curated.items():
        for section in SECTIONS:
            for lang, names in entry.get(section, {}).items():
                for n in names:
                    key = (lang, fold(n))
                    if claimed.setdefault(key, iso3) != iso3:
                        sys.exit(f"countries_extra.json: {lang} {n!r} given to {claimed[key]} and {iso3}")
                    others = owners.get(key, set()) - {iso3}
                    if others:  # the curated file decides: the library's other owners lose it
                        print(f"note: {lang} {n!r} kept for {iso3}, dropped from {sorted(others)}",
                              file=sys.stderr)
                    owners[key] = {iso3}
    ambiguous = {k for k, v in owners.items() if len(v) > 1}
    for lang, key in sorted(ambiguous):
        print(f"note: {lang} {key!r} names {sorted(owners[(lang, key)])}; dropped", file=sys.stderr)

    out: dict[str, dict] = {}
    for iso3 in sorted(library):
        entry = curated.get(iso3, {})
        record: dict[str, dict[str, list[str]]] = {s: {} for s in SECTIONS}
        for lang in LANGS:
            names = entry.get("names", {}).get(lang, []) + [
                n for n in library[iso3][lang]
                if fold(n) not in drop[lang] and owners.get((lang, fold(n))) == {iso3}]
            record["names"][lang] = list(dict.fromkeys(names))
            demonyms = entry.get("demonyms", {}).get(lang, [])
            record["demonyms"][lang] = french_forms(demonyms) if lang == "fr" else demonyms
            taken = {fold(n) for n in record["names"][lang]}
            record["metonyms"][lang] = [m for m in entry.get("metonyms", {}).get(lang, [])
                                        if fold(m) not in taken]
        if any(record["names"].values()):  # every library name dropped (JEY): leave it out
            out[iso3] = record
    return out


def dump(data: dict[str, dict]) -> str:
    lines = [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if countries.json is stale")
    args = parser.parse_args()
    text = dump(build())
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            sys.exit("countries.json is stale: run tools/build_countries.py")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 2} states)")


if __name__ == "__main__":
    main()
