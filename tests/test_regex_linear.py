r"""A static audit of the regular expressions armsledger runs on user text: none may nest an
unbounded repeat inside another ("(a+)+", "(?:\s*\w+)*") or put two unbounded repeats over the
same characters side by side ("\s*\s*"). Python's `re` backtracks, and such patterns take
polynomial or exponential time on a hostile text (a few kilobytes can take minutes).

The patterns are gathered five ways, from the packages that read user text (normalize,
extract, ingest, nlp): compiled patterns held by the modules (also in dicts, lists, tuples and
objects), those the modules' cached builders return (per language), the lexicon's cue patterns,
every literal pattern passed to an `re` function in the source, and every pattern the code
compiles while it extracts a few invented texts. Each is parsed with `re._parser` and walked.

A repeat nested in an unbounded one is allowed when the outer one is bounded ("(?:\w+ ){0,3}")
or when each of its iterations opens with a character that nothing else in it can match and
is closed before the next one opens ("[a-z]+(?:-[a-z]+)*", "(?:\s+\w+)*"): then the text can
be split into iterations one way only. Not caught: overlapping alternatives inside a repeat
("(?:a|aa)*"), and repeats that are safe only because their input is a short window.
"""
from __future__ import annotations

import ast
import functools
import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path
from re import _constants as sre
from re import _parser as sre_parse

import pytest

import armsledger
from armsledger.model import SourceDocument

PACKAGE = Path(armsledger.__file__).parent
SUBPACKAGES = ("normalize", "extract", "ingest", "nlp")
REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT}
ONE_CHARACTER = (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.CATEGORY)
# characters to compare classes on: Latin-1 and Latin Extended, the punctuation and spaces of
# the press (dashes, quotes, no-break spaces), a few other scripts and digits
UNIVERSE = tuple(chr(c) for c in [*range(0x250), 0x2B9, 0x2BC, 0x300, 0x391, 0x3B1, 0x410, 0x430,
                                  0x5D0, 0x627, 0x660, 0x966, 0x2000, 0x2009, 0x200B, 0x2028,
                                  *range(0x2010, 0x2050), 0x20AC, 0x20B4, 0x20BD, 0x2212, 0x3000,
                                  0x4E00, 0xFEFF, 0xFF10])

# Patterns in files this change could not edit, with what is wrong; the test below checks they
# are still there and still flagged, so a fix shows up as a reminder to drop the entry.
KNOWN: dict[tuple[str, bytes | str], str] = {}  # (module, pattern) -> why it is tolerated for now


# ---------------------------------------------------------------------------------- analysis
def _category(cat: int, ch: str, ascii_only: bool) -> bool:
    if ascii_only and ord(ch) > 127 and cat in (sre.CATEGORY_DIGIT, sre.CATEGORY_SPACE, sre.CATEGORY_WORD):
        return False
    if cat in (sre.CATEGORY_DIGIT, sre.CATEGORY_NOT_DIGIT):
        return ch.isdecimal() == (cat == sre.CATEGORY_DIGIT)
    if cat in (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_SPACE):
        return ch.isspace() == (cat == sre.CATEGORY_SPACE)
    if cat in (sre.CATEGORY_WORD, sre.CATEGORY_NOT_WORD):
        return (ch.isalnum() or ch == "_") == (cat == sre.CATEGORY_WORD)
    return True  # line-break categories: assume the worst


def _matches(op: int, av, ch: str, flags: int) -> bool:
    """Does the one-character node (op, av) match `ch`?"""
    variants = {v for v in (ch, ch.lower(), ch.upper()) if len(v) == 1} if flags & re.IGNORECASE else {ch}
    ascii_only = bool(flags & re.ASCII)
    if op == sre.LITERAL:
        return chr(av) in variants
    if op == sre.NOT_LITERAL:
        return chr(av) not in variants
    if op == sre.ANY:
        return ch != "\n" or bool(flags & re.DOTALL)
    if op == sre.CATEGORY:
        return _category(av, ch, ascii_only)
    negate = bool(av) and av[0][0] == sre.NEGATE
    hit = any(item_op == sre.LITERAL and chr(item) == v
              or item_op == sre.RANGE and item[0] <= ord(v) <= item[1]
              or item_op == sre.CATEGORY and _category(item, v, ascii_only)
              for item_op, item in (av[1:] if negate else av) for v in variants)
    return hit != negate


@functools.lru_cache(maxsize=None)
def _one_character(op: int, av, flags: int) -> frozenset[str]:
    return frozenset(ch for ch in UNIVERSE if _matches(op, av, ch, flags))


def _hashable(av):
    return tuple(av) if isinstance(av, list) else av


def characters(seq, flags: int) -> set[str]:
    """The characters (of UNIVERSE) that `seq` can consume anywhere."""
    out: set[str] = set()
    for op, av in seq:
        if op in REPEATS or op == sre.POSSESSIVE_REPEAT:
            out |= characters(av[2], flags)
        elif op == sre.SUBPATTERN:
            out |= characters(av[-1], (flags | av[1]) & ~av[2])
        elif op == sre.ATOMIC_GROUP:
            out |= characters(av, flags)
        elif op == sre.BRANCH:
            for alt in av[1]:
                out |= characters(alt, flags)
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue
        elif op in ONE_CHARACTER:
            out |= _one_character(op, _hashable(av), flags)
        else:  # back references, conditionals: anything
            out |= set(UNIVERSE)
    return out


def _min_width(node, state) -> int:
    return sre_parse.SubPattern(state, [node]).getwidth()[0]


def first_characters(seq, flags: int, state) -> set[str]:
    """The characters a match of `seq` can start with."""
    out: set[str] = set()
    for node in seq:
        op, av = node
        if op == sre.SUBPATTERN:
            out |= first_characters(av[-1], (flags | av[1]) & ~av[2], state)
        elif op == sre.BRANCH:
            for alt in av[1]:
                out |= first_characters(alt, flags, state)
        elif op in REPEATS or op == sre.POSSESSIVE_REPEAT:
            out |= first_characters(av[2], flags, state)
        elif op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            out |= characters([node], flags)
        if _min_width(node, state) >= 1:
            break
    return out


def delimited(body, flags: int, state) -> bool:
    """Does every iteration of a repeat of `body` open with a character (or a run of one class)
    that nothing else in the body matches, and close before the next one opens?"""
    while len(body) == 1 and body[0][0] == sre.SUBPATTERN:
        body = body[0][1][-1]
    if not body:
        return False
    (op, av), rest = body[0], list(body[1:])
    if op in REPEATS and av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] in ONE_CHARACTER:
        opener, one = characters(av[2], flags), av[1] == 1
    elif op in ONE_CHARACTER:
        opener, one = characters([(op, av)], flags), True
    else:
        return False
    if not opener or characters(rest, flags) & opener:
        return False
    # a run of the opening class must end inside the iteration, at something that must follow
    return one or any(_min_width(node, state) >= 1 for node in rest)


def problems(pattern: str | bytes, flags: int = 0) -> list[str]:
    """What makes `pattern` backtrack badly: nested unbounded repeats, two unbounded repeats in
    a row over the same characters. Empty when none."""
    parsed = sre_parse.parse(pattern, flags)
    flags |= parsed.state.flags
    found: list[str] = []

    def unbounded(av) -> bool:
        return av[1] == sre.MAXREPEAT

    def visit(seq, inside: bool) -> None:
        for op, av in seq:
            if op in REPEATS:
                if unbounded(av) and inside:
                    found.append(f"unbounded repeat inside an unbounded repeat ({str(av)[:60]})")
                    continue
                visit(av[2], inside or (unbounded(av) and not delimited(av[2], flags, parsed.state)))
            elif op == sre.SUBPATTERN:
                visit(av[-1], inside)
            elif op == sre.BRANCH:
                for alt in av[1]:
                    visit(alt, inside)
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                visit(av[1], inside)
            elif op == sre.GROUPREF_EXISTS:
                for alt in av[1:]:
                    if alt is not None:
                        visit(alt, inside)
            # atomic groups and possessive repeats never backtrack into themselves: skipped
        for (op1, av1), (op2, av2) in zip(seq, list(seq)[1:]):
            if op1 in REPEATS and op2 in REPEATS and unbounded(av1) and unbounded(av2) \
                    and characters(av1[2], flags) & first_characters(av2[2], flags, parsed.state):
                found.append(f"two unbounded repeats in a row over the same characters ({str(av1)[:60]})")

    visit(parsed, False)
    return found


# ---------------------------------------------------------------------------------- gathering
def _modules() -> list:
    out = []
    for sub in SUBPACKAGES:
        package = importlib.import_module(f"armsledger.{sub}")
        out.append(package)
        out += [importlib.import_module(info.name)
                for info in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
    return out


def _gather(obj, where: str, found: dict, depth: int = 0, seen: set | None = None) -> None:
    """Every compiled pattern reachable from `obj` (containers, armsledger objects)."""
    seen = set() if seen is None else seen
    if id(obj) in seen or depth > 4:
        return
    seen.add(id(obj))
    if isinstance(obj, re.Pattern):
        found.setdefault((obj.pattern, obj.flags), where)
    elif isinstance(obj, dict):
        for key, value in obj.items():
            _gather(value, f"{where}[{key!r}]", found, depth + 1, seen)
    elif isinstance(obj, (list, tuple, set, frozenset)):
        for i, value in enumerate(obj):
            _gather(value, f"{where}[{i}]", found, depth + 1, seen)
    elif hasattr(obj, "__dict__") and type(obj).__module__.startswith("armsledger"):
        _gather(vars(obj), where, found, depth + 1, seen)


def _cached_builders(module):
    """(name, result) of the module's cached functions that take nothing or a language."""
    for name, fn in vars(module).items():
        if not hasattr(fn, "cache_info") or getattr(fn, "__module__", None) != module.__name__:
            continue
        required = [p for p in inspect.signature(fn).parameters.values() if p.default is p.empty]
        if not required:
            yield f"{module.__name__}.{name}()", fn()
        elif [p.name for p in required] == ["lang"]:
            for lang in ("fr", "en"):
                yield f"{module.__name__}.{name}({lang!r})", fn(lang)


def _lexicon_paths(node, prefix: str = ""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _lexicon_paths(value, f"{prefix}.{key}" if prefix else key)
    elif isinstance(node, list) and all(isinstance(x, str) for x in node):
        yield prefix


_RE_CALLS = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "finditer": 2, "findall": 2,
             "split": 3, "sub": 4, "subn": 4}  # the position of `flags` in each


def _flags(node) -> int | None:
    """The value of a flags expression (re.I | re.X ...), None when not a constant one."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        return int(getattr(re, node.attr))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flags(node.left), _flags(node.right)
        return None if left is None or right is None else left | right
    if isinstance(node, ast.Constant) and isinstance(node.value, int):
        return node.value
    return None


def _literal_patterns(found: dict) -> None:
    """Literal patterns passed to `re.<function>(...)` anywhere in the source."""
    for sub in SUBPACKAGES:
        for path in sorted((PACKAGE / sub).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                        and node.func.attr in _RE_CALLS and node.args
                        and isinstance(node.args[0], ast.Constant)):
                    continue
                flag_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
                if flag_node is None and len(node.args) > _RE_CALLS[node.func.attr]:
                    flag_node = node.args[_RE_CALLS[node.func.attr]]
                flags = 0 if flag_node is None else _flags(flag_node)
                if flags is not None:
                    found.setdefault((node.args[0].value, flags), f"{path.relative_to(PACKAGE)}:{node.lineno}")


# invented texts that take every extractor down its paths (and the samples next to them)
TEXTS = [
    ("fr", "Washington a approuvé lundi la vente de 48 missiles AIM-120C-8 et de quatre radars à la "
           "Pologne pour un montant estimé à 1,4 milliard de dollars, a indiqué l'Agence de coopération "
           "de sécurité de défense (DSCA). « Cette vente renforcera la sécurité de nos alliés », a déclaré "
           "Jean Martin, porte-parole du département d'État. Selon le ministère de la Santé, au moins 120 "
           "personnes ont été tuées et plus de 300 blessées depuis le 7 octobre 2023, dont 40 enfants. "
           "La CPI a émis un mandat d'arrêt contre Ivan Petrov pour crimes de guerre. L'Allemagne a promis "
           "une aide militaire de 500 millions d'euros par an à l'Ukraine. Ces chars seront livrés en 2026."),
    ("en", "The State Department approved the possible sale of twelve (12) F-16 aircraft and 200 AIM-9X "
           "missiles to Taiwan for an estimated $1.7 billion, the Defense Security Cooperation Agency announced "
           "on Tuesday. \u201cThis sale will improve the security of the recipient,\u201d said Mary Collins, a "
           "spokesperson. She added: \u201cDeliveries begin next year.\u201d The death toll rose to 31, according "
           "to the Health Ministry, while dozens were injured. The ICJ ordered provisional measures against "
           "Russia. Germany pledged \u20ac300 million in military aid to Ukraine last November, including "
           "ammunition for HIMARS systems (40 installed and 5 spare). The principal contractor will be "
           "Lockheed Martin of Bethesda."),
    ("en", "(i) Prospective Purchaser: Government of Chile\n(ii) Total Estimated Value:\nMajor Defense "
           "Equipment * $20 million\nTOTAL ....... $50 million\n(iii) Description and Quantity or Quantities "
           "of Articles or Services under Consideration for Purchase: Twelve (12) AIM-120C-8 missiles."),
]


def _runtime_patterns(found: dict) -> None:
    """The patterns armsledger code compiles (or finds in `re`'s cache) while extracting."""
    from armsledger.pipeline import extract_documents
    original = re._compile

    def spy(pattern, flags):
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename == re.__file__:
            frame = frame.f_back
        if frame is not None and frame.f_code.co_filename.startswith(str(PACKAGE)):
            found.setdefault((pattern, int(flags)), f"compiled at {Path(frame.f_code.co_filename).name}:"
                                                    f"{frame.f_lineno}")
        return original(pattern, flags)

    samples = Path(__file__).resolve().parents[1] / "samples"
    texts = TEXTS + [("auto", p.read_text(encoding="utf-8")) for p in sorted(samples.glob("*.txt"))]
    re._compile = spy
    try:
        list(extract_documents([SourceDocument(text=t, language=None if lang == "auto" else lang,
                                               published="2025-07-01") for lang, t in texts]))
    finally:
        re._compile = original


@pytest.fixture(scope="module")
def patterns(nlp_ready) -> dict[tuple, str]:
    """(pattern, flags) -> where it was found, for every pattern of the packages."""
    found: dict[tuple, str] = {}
    for module in _modules():
        _gather(vars(module), module.__name__, found)
        for where, value in _cached_builders(module):
            _gather(value, where, found)
    from armsledger.lang import get_lexicon
    for lang in ("fr", "en"):
        lexicon = get_lexicon(lang)
        cues = {key: value for key, value in lexicon.data.items() if key != "notices"}  # notices: raw regexes,
        for path in _lexicon_paths(cues):                                             # compiled by notices.py
            _gather(lexicon.rx(path), f"lexicon {lang}: {path}", found)
    _literal_patterns(found)
    _runtime_patterns(found)
    return found


# ---------------------------------------------------------------------------------- tests
@pytest.mark.parametrize("pattern", [r"(a+)+", r"(?:\s*\w+)*", r"\s*\s*", r"(\d+,?)*", r"(?:x\w*)*y",
                                     r"(?:-\w*-?)*", r"(?:<!--.*?-->\s*)*", r"\w+\w*"])
def test_the_audit_flags_backtracking_patterns(pattern):
    assert problems(pattern)


@pytest.mark.parametrize("pattern", [r"(?:\w+ ){0,3}", r"[^\W\d_]+(?:-[^\W\d_]+)*", r"(?:\s+\w+)*",
                                     r"(\d+,)*x", r"(?:,\d+)*", r"\d{1,3}(?:([ .,])\d{3})(?:\1\d{3})*",
                                     r"(?:\W*\w[\w'’-]*){1,7}", r"\s*(?:de\s+)?$"])
def test_the_audit_passes_patterns_that_split_one_way(pattern):
    assert not problems(pattern)


def test_patterns_were_gathered(patterns):
    """Every way finds patterns (a change that hid them would leave the audit vacuous)."""
    where = " ".join(patterns.values())
    for source in ("armsledger.normalize.numbers", "armsledger.extract.figures", "armsledger.ingest",
                   "('fr')", "lexicon fr:", "lexicon en:", ".py:", "compiled at"):
        assert source in where, source
    assert len(patterns) > 200


def test_no_pattern_nests_unbounded_repeats(patterns):
    bad = {f"{where}: {pattern!r}": found for (pattern, flags), where in patterns.items()
           if (found := problems(pattern, flags)) and (where.split("[")[0], pattern) not in KNOWN}
    assert not bad, "\n".join(f"{k}\n    {v}" for k, v in bad.items())


