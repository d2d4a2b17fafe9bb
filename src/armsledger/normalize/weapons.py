"""The weapons catalogue: designations, system names and generic equipment nouns in raw text.

Pure Python (no spaCy). Three sources, all read from `data/` once per process:

- `DESIGNATION_RE`, a grammar of US/NATO-style designations (standards.md §6.1): aircraft and
  missile MDS (F-35A, AIM-120C-8), unit items (KMU-572 F/B, GBU-31(V)1/B), Navy marks (MK 48 Mod 6),
  Army M-numbers (M1A2 SEPv3), JETDS (AN/MPQ-64F1), engines (F117-PW-100) and a few Soviet forms;
- `weapons.csv`: designation prefixes and system names with family, SIPRI category and description;
- `equipment_nouns.csv`: generic nouns that make an item without a designation ("patrol boats",
  "canons"), and support words (`is_item=no`) that must never become items.

`find_weapons` returns the non-overlapping matches of all three, longest first.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from armsledger.lang import SUPPORTED_LANGUAGES, get_lexicon
from armsledger.normalize.spans import SpanCover

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_D = f"[-{_DASHES}]"  # any dash

# One letter + one digit is too ambiguous ("A-1", "C-4"); only these known aircraft pass.
_ONE_DIGIT = "|".join(f"{a}{_D}{n}" for a, n in
                      (("B", "[12]"), ("E", "[2378]"), ("F", "[45]"), ("K", "[29]"), ("P", "[38]"),
                       ("C", "2"), ("T", "[67]")))
_SERIES = "[A-HJ-NP-Z]"  # series letters skip I and O

DESIGNATION_RE: re.Pattern[str] = re.compile(rf"""
(?<![\w/{_DASHES}-])
(?!(?:EU|UE|US|JP){_D}|K{_D}12(?!\d)|T{_D}20(?!\d)|M23\b|S[DHR]{_D}\d{{3}})
(?:
    AN/[A-Z]{{3}}{_D}\d{{1,4}}{_SERIES}?\d?(?:\(V\)\d{{0,2}})?(?:/[A-Z0-9]{{1,4}}(?![a-z]))?   # JETDS
  | [FJT]\d{{2,3}}{_D}[A-Z]{{2,3}}{_D}\d{{1,4}}[A-Z]?\d{{0,2}}                         # engines
  | (?!USB)[CDJNXYZ]?[ABCFGHLMPRSU][DEGILMNQSTUW][BMNRS]{_D}\d{{1,3}}{_SERIES}?(?:{_D}\d{{1,2}}(?!\d))?  # missiles
  | (?!(?:USA|UAE){_D})[ABDFGKMPSTUVWZ][ACDEFGIJKLMNPQRSTVWXY][ABCDEGHKMNQRSTWXYZ]{_D}\d{{2,3}}{_SERIES}?\d?
        (?:\(V\)\d{{0,2}})?                                                          # bare JETDS
  | [A-Z]{{2}}U{_D}(?!(?:19|20)\d\d(?!\d))\d{{1,4}}{_SERIES}?(?:\(V\)\d{{0,2}})?(?:\s?[A-Z]?/[A-Z](?![a-z]))?  # unit items
  | (?:MK|Mk|Mark)\s?{_D}?(?:\d{{1,3}}|[IVX]{{1,4}})(?:\s?(?:Mod|MOD)\s?\d{{1,2}})?(?:\s(?:LWT|HWT|VLS|ADCAP)\b)?
  | M(?:\d{{2,4}}|\d(?=A\d))(?:A\d{{1,2}}C?)*(?:E\d)?(?:\s?SEP\s?[vV]?\d)?(?!\s+(?:[Mm]otorway|autoroute))
  | PAC{_D}[23](?:\s(?:MSE|CRI))? | GEM{_D}T
  | Type\s0\d{{2}}[A-Z]{{0,2}}(?:/[A-Z])?                                               # PLA Navy types
  | (?:Su|MiG|Mi|Ka|Tu|Kh|BMP|BTR|BMD){_D}\d{{1,3}}[A-Z]{{0,3}} | S{_D}[2-5]00[A-Z]{{0,2}}
  | (?:F/A|FA|KF|AV|(?=[A-Z]{{2}})(?:[GJNXYZ]?[ACDEHKLMOQRSTUVW]?[ABCEFKLOPRSTUVX][DGHQSVZ]?
                                   |[GJNXYZ]?[ACDEHKLMOQRSTUVW]?[DGHQSVZ]))
        {_D}\d{{1,3}}{_SERIES}{{0,2}}(?:{_D}\d{{2}}(?!\d))?                               # aircraft
  | (?:[ABCEFJKPT]{_D}(?:\d{{2,3}}|\d(?={_SERIES}))|{_ONE_DIGIT}){_SERIES}{{0,2}}(?:{_D}\d{{2}}(?!\d))?
)
(?:\s[A-HJ-NP-Z](?![\w'’])(?!\s+[a-zà-ÿ]))?        # French "F-35 A"
(?:\s?(?:Block|BLOCK)\s?(?:\d{{1,3}}|[IVX]{{1,4}})(?![\w]))?
s?(?![A-Za-z0-9])
""", re.VERBOSE)

_NAME_STOPS = [r"Mistral\s+AI", r"Patriot\s+Act", r"Inter\s+Milan", r"AC\s+Milan", r"Milan\s+AC",
               r"The\s+Lancet", r"Typhoon\s+[A-Z][a-z]+", r"Grand\s+Prix"]


@dataclass(frozen=True)
class WeaponMatch:
    start: int
    end: int
    text: str
    designation: str | None
    family: str | None
    category: str | None
    kind: str  # "designation" | "name" | "generic"
    description: str | None


@dataclass(frozen=True)
class _Row:
    match: str
    family: str | None
    category: str | None
    kind: str
    description: str | None


def normalise_designation(text: str) -> str:
    """Unicode dashes to "-", whitespace collapsed, a plural "s" after a designation dropped."""
    text = re.sub(f"[{_DASHES}]", "-", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(?<=[0-9A-Z)])s+$", "", text)


def _key(text: str) -> str:
    k = normalise_designation(text).upper()
    if k.startswith("AN/"):
        k = k[3:]
    if k.startswith("MARK") and k[4:5] in (" ", "-") or re.match(r"MARK\d", k):
        k = "MK" + k[4:]
    return re.sub(r"[\s\-/’']", "", k)


def read_data_csv(name: str) -> list[dict[str, str]]:
    """The rows of a table of `normalize/data/` (a CSV with a header), every cell stripped."""
    path = resources.files("armsledger.normalize") / "data" / name
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


@cache
def _ambiguous() -> frozenset[str]:
    """Names that are also ordinary words, people, places or brands (data/ambiguous_names.csv):
    kept only near equipment words."""
    return frozenset(r["name"] for r in read_data_csv("ambiguous_names.csv"))


@cache
def catalogue_rows() -> tuple[_Row, ...]:
    return tuple(_Row(r["match"], r["family"] or None, r["category"] or None, r["kind"],
                      r["description"] or None) for r in read_data_csv("weapons.csv"))


@cache
def _catalogue() -> dict[str, _Row]:
    """Rows by comparison key; an open prefix ("Su-") keeps its trailing dash."""
    rows: dict[str, _Row] = {}
    for row in catalogue_rows():
        rows.setdefault(_key(row.match) + ("-" if row.match.endswith("-") else ""), row)
    return rows


def _lookup_row(designation: str) -> _Row | None:
    rows, k = _catalogue(), _key(designation)
    for i in range(len(k), 0, -1):
        nxt = k[i:i + 1]
        open_row = rows.get(k[:i] + "-")
        if open_row is not None and nxt.isdigit():
            return open_row
        row = rows.get(k[:i])
        if row is not None and not (k[i - 1].isdigit() and nxt.isdigit()):
            return row
    return None


def lookup_designation(designation: str) -> tuple[str | None, str | None] | None:
    """(family, category) of the longest catalogue prefix of `designation`, or None if unknown.

    Compared upper-cased without spaces, dashes or slashes; a prefix ending in a digit never
    stops before another digit (M109 is not a prefix of M1097)."""
    row = _lookup_row(designation)
    return None if row is None else (row.family, row.category)


def describe_designation(designation: str) -> str | None:
    """The catalogue's short description ("main battle tank") of `designation` or its family
    name, or None if unknown (same matching as `lookup_designation`)."""
    row = _lookup_row(designation)
    return None if row is None else row.description


class PrefixedRegex:
    """A large alternation of literals, its alternatives grouped by their first character behind
    a lookahead on it: Python's `re` tries the alternatives of an alternation one by one at
    every word start, which over the whole catalogue cost more than the parser on short texts;
    grouped, it tries a few dozen lookaheads and then only the alternatives of that letter.

    `alternatives` are (literal, pattern) pairs in the order the alternation tries them (the
    order is kept within each group); `template` wraps the alternation (`{}`)."""

    def __init__(self, alternatives: list[tuple[str, str]], template: str, flags: int = 0):
        fold = bool(flags & re.IGNORECASE)
        groups: dict[str, list[str]] = {}
        for lit, pattern in alternatives:
            if lit:
                groups.setdefault(lit[0].lower() if fold else lit[0], []).append(pattern)
        alternation = "|".join(f"(?={re.escape(first)})(?:{'|'.join(patterns)})"
                               for first, patterns in groups.items())
        self.rx = re.compile(template.format(alternation), flags)

    def finditer(self, text: str):
        return self.rx.finditer(text)


def _flex(text: str) -> str:
    """A literal as a regex that tolerates dash variants, runs of spaces and curly apostrophes."""
    out = []
    for ch in text:
        if ch == "-":
            out.append(_D)
        elif ch == " ":
            out.append(r"\s+")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


@cache
def _names_re() -> PrefixedRegex:
    forms: set[tuple[str, str]] = set()
    for row in catalogue_rows():
        m = row.match
        if m.endswith("-"):
            continue
        variants = {m}
        if any(c.islower() for c in m) and len(m) >= 4:
            variants.add(m.upper())
        letters = re.sub(r"[^A-Za-z]", "", m)
        if m.isupper() and len(letters) >= 5 and row.kind == "name":
            variants.add(m[0] + m[1:].lower())
        if row.kind == "designation":
            tail = "(?:[A-Z][A-Z0-9]*)?" if m[-1].isdigit() else "(?:[0-9][A-Z0-9]*)?"
        else:
            tail = rf"(?:{_D}\d{{1,3}}[A-Z]{{0,2}})?"
        forms.update((v, tail) for v in variants)
    alts = [(v, _flex(v) + tail) for v, tail in sorted(forms, key=lambda f: -len(f[0]))]
    return PrefixedRegex(alts, rf"(?<![\w/{_DASHES}-])(?P<w>{{}})(?P<pl>(?<=[a-z])s)?(?![\w])")


def _noun_key(text: str) -> str:
    return re.sub(rf"[\s\-{_DASHES}'’]", "", text.lower())


@cache
def _nouns(lang: str) -> tuple[PrefixedRegex | None, dict[str, dict[str, str]]]:
    table: dict[str, dict[str, str]] = {}
    forms: set[str] = set()
    for r in read_data_csv("equipment_nouns.csv"):
        if r["lang"] != lang:
            continue
        for form in [r["noun"], *r["plural"].split("|")]:
            if form:
                forms.add(form)
                table.setdefault(_noun_key(form), r)
    if not forms:
        return None, table
    alts = [(form, _flex(form).replace(_D, f"(?:{_D}|\\s)?")) for form in sorted(forms, key=len, reverse=True)]
    return PrefixedRegex(alts, rf"(?<![\w{_DASHES}-])(?:{{}})(?![\w])", re.IGNORECASE), table


def _is_item(row: dict[str, str] | None) -> bool:
    """Is a row of equipment_nouns.csv a noun of equipment (is_item=yes), not of support?"""
    return row is not None and row["is_item"] == "yes"


_STOP_RE = re.compile("|".join(f"(?:{s})" for s in _NAME_STOPS))


# a count written in figures right before a name ("96 Apaches", "48 K9s"), not a year ("in 2024 Milan")
# (its groups of thousands share one separator, so the pattern reads a count one way only)
_COUNT_BEFORE = re.compile(r"(?<![\d,.])(?!(?:19|20)\d\d\s)\d{1,3}(?:([ .,\u00a0\u202f])\d{3}(?:\1\d{3})*)?\s+$")


def _has_context(text: str, start: int, end: int, lang: str) -> bool:
    """Is an equipment word of `lang` or a designation within 40 characters of [start, end), or
    a count right before it?"""
    if _COUNT_BEFORE.search(text, max(0, start - 12), start):
        return True
    window = text[max(0, start - 40):start] + " " + text[end:end + 40]
    context = get_lexicon(lang).rx("equipment_context") if lang in SUPPORTED_LANGUAGES else None
    if context is not None and context.search(window) or DESIGNATION_RE.search(window):
        return True
    nouns, table = _nouns(lang)  # any equipment noun of the language ("mortier autopropulseur K9")
    return nouns is not None and any(_is_item(table.get(_noun_key(m.group()))) for m in nouns.finditer(window))


_TITLE_WORD_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")


def _inside_name(text: str, start: int, end: int) -> bool:
    """A capitalised equipment noun followed by another capitalised word is a word of a name
    ("Guided Multiple Launch Rocket System", "Integrated Air and Missile Defense", "Raytheon
    Missile Systems Company"), not the noun of an item."""
    return text[start].isupper() and _TITLE_WORD_AFTER.match(text, end) is not None


_OPEN_BEFORE = re.compile(r"\(\s*$")
_CLOSE_AFTER = re.compile(r"\s*\)")
_LONG_FORM_STOP = re.compile(r"[\d(),;:.\"“”«»]")


def _long_form(short: str, before: str) -> int | None:
    """Where, in `before` (the text up to the parenthesis), the spelled-out name of acronym
    `short` starts: Schwartz & Hearst's rule (each letter of the acronym found right to left,
    the first one at the start of a word), within len+5 words and without figures or
    punctuation; None when the words do not spell it."""
    letters = [c.lower() for c in short if c.isalpha()]
    if len(letters) < 2 or 2 * len(letters) < sum(c.isalnum() for c in short):
        return None
    stops = [m.end() for m in _LONG_FORM_STOP.finditer(before)]
    words = before[stops[-1] if stops else 0:].split()[-min(len(letters) + 5, 2 * len(letters)):]
    window = " ".join(words)
    if len(words) < 2:
        return None
    k, pos = len(letters) - 1, len(window) - 1
    while k >= 0:
        c = letters[k]
        while pos >= 0 and (window[pos].lower() != c or (k == 0 and pos > 0 and window[pos - 1].isalnum())):
            pos -= 1
        if pos < 0:
            return None
        pos, k = pos - 1, k - 1
    start = window.rfind(" ", 0, pos + 1) + 1
    if " " not in window[start:].strip():
        return None  # one word is a name, not a spelled-out acronym
    return len(before.rstrip()) - len(window) + start


def _spelled_out(text: str, cands: list) -> list:
    """'Guided Multiple Launch Rocket System (GMLRS)': a name in parentheses after the words
    that spell it out is one mention covering both, so the count before the words counts it."""
    out = []
    for start, end, prio, match in cands:
        if match is None or match.kind == "generic":
            continue
        opened = _OPEN_BEFORE.search(text, max(0, start - 3), start)
        closed = _CLOSE_AFTER.match(text, end)
        if opened is None or closed is None:
            continue
        before = text[max(0, opened.start() - 200):opened.start()]
        at = _long_form(match.text, before)
        if at is None:
            continue
        new_start = opened.start() - len(before) + at
        out.append((new_start, closed.end(), prio, WeaponMatch(
            new_start, closed.end(), text[new_start:closed.end()], match.designation, match.family,
            match.category, match.kind, match.description)))
    return out


def find_weapons(text: str, lang: str) -> list[WeaponMatch]:
    """All weapon mentions in `text`: designations, catalogue names and generic nouns of `lang`.

    Overlaps are resolved longest first (designation > name > generic at equal length); support
    words ("spare parts", "formation") and idioms ("think tank") block what they cover and are
    themselves left out. Sorted by start offset."""
    cands: list[tuple[int, int, int, WeaponMatch | None]] = []  # (start, end, priority, match)
    for m in DESIGNATION_RE.finditer(text):
        desig = normalise_designation(m.group())
        row = _lookup_row(desig)
        cands.append((m.start(), m.end(), 0, WeaponMatch(
            m.start(), m.end(), m.group(), desig, row.family if row else None,
            row.category if row else None, "designation", row.description if row else None)))
    for m in _STOP_RE.finditer(text):
        cands.append((m.start(), m.end(), 1, None))
    for m in _names_re().finditer(text):
        written = m.group("w")
        row = _lookup_row(written)
        if row is None:
            continue
        if row.match in _ambiguous() and not _has_context(text, m.start(), m.end(), lang):
            continue
        cands.append((m.start(), m.end(), 2, WeaponMatch(
            m.start(), m.end(), m.group(), normalise_designation(written), row.family, row.category,
            "name" if row.kind == "name" else "designation", row.description)))
    rx, table = _nouns(lang)
    if rx is not None:
        for m in rx.finditer(text):
            r = table.get(_noun_key(m.group()))
            if r is None:
                continue
            item = _is_item(r)
            if item and _inside_name(text, m.start(), m.end()):
                continue
            cands.append((m.start(), m.end(), 3 if item else 1, WeaponMatch(
                m.start(), m.end(), m.group(), None, None, r["category"] or None, "generic",
                r["noun"]) if item else None))
    cands += _spelled_out(text, cands)
    cands.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken = SpanCover(len(text))
    kept: list[WeaponMatch] = []
    for start, end, _prio, match in cands:
        if taken.overlaps(start, end):
            continue
        taken.add(start, end)
        if match is not None:
            kept.append(match)
    return sorted(kept, key=lambda w: w.start)


def is_support_noun(text: str, lang: str) -> bool:
    """True when `text` names support, services or consumables (is_item=no) and no equipment."""
    rx, table = _nouns(lang)
    if rx is None:
        return False
    has_support = any(
        (r := table.get(_noun_key(m.group()))) is not None and r["is_item"] == "no"
        for m in rx.finditer(text))
    return has_support and not find_weapons(text, lang)
