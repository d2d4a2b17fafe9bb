"""US arms-sale notices: the layouts of DSCA/State Department press releases and of the
Federal Register / Congressional Record 36(b)(1) transmittals, read as one deal.

The patterns are data (lang/en/notices.json): the purchaser line or "possible Foreign
Military Sale to X", the "Total ....... $N million" line or "estimated cost of $N", and the
blocks that list equipment ("(iii) Description and Quantity...", "X has requested to buy ...").
A notice is an approval notified to Congress: supplier USA, status `approved`, channel `FMS`,
never `signed` ("is no sign that a contract is final").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from armsledger.extract.context import DocContext, Mention
from armsledger.lang import get_lexicon
from armsledger.normalize.money import MoneyMatch


@cache
def notice_patterns() -> dict:
    data = get_lexicon("en").words("notices")  # US notices are written in English
    return {key: [re.compile(p, re.I) for p in value] if key in {"markers", "purchaser", "total_value", "item_blocks", "item_blocks_in_sentence",
                                                                  "request_lists"}
            else value for key, value in data.items()}


@dataclass
class NoticeFacts:
    recipient: Mention | None
    value: MoneyMatch | None
    value_about: bool
    blocks: list[tuple[int, int]]


def is_notice(ctx: DocContext) -> bool:
    """True when the text carries the wording of a US arms-sale notification."""
    return any(p.search(ctx.text) for p in notice_patterns()["markers"])


def read_notice(ctx: DocContext) -> NoticeFacts:
    pats = notice_patterns()
    text = ctx.text
    recipient = None
    for p in pats["purchaser"]:
        for m in p.finditer(text):
            states = [a for a in ctx.within(ctx.actors, m.start("span"), m.end("span")) if a.kind != "demonym"]
            if states:
                recipient = states[0]
                break
        if recipient:
            break
    value, about = None, False
    for p in pats["total_value"]:
        m = p.search(text)
        if m:
            value = next((x for x in ctx.money if x.start <= m.start("span") < x.end or
                          m.start("span") <= x.start < m.end("span")), None)
            if value is not None:
                window = text[max(0, m.start() - 400):value.start]
                about = pats["estimate_words"] in window.lower()
                break
    blocks = {(m.start(), m.end()) for p in pats["item_blocks"] for m in p.finditer(text)}
    blocks |= set(_blocks_in_sentence(text, pats["item_blocks_in_sentence"])) | set(request_lists(ctx))
    return NoticeFacts(recipient, value, about, sorted(blocks))


def request_lists(ctx: DocContext) -> list[tuple[int, int]]:
    """The spans of a notice's request lists ("The Government of X has requested to buy thirty-two
    (32) ...; four (4) ..."), from the start of the request's sentence to the end of its
    enumeration: what the notified sale is, in detail."""
    return ctx.remember(request_lists, lambda: _blocks_in_sentence(ctx.text, notice_patterns()["request_lists"]))


def _blocks_in_sentence(text: str, patterns: list[re.Pattern]) -> list[tuple[int, int]]:
    """The spans the `patterns` match, each from the start of the sentence where it opens (a
    block that opens with a cue starts with the cue's sentence; found from the cue back in
    code, since a pattern that opens with "[^.\n]*" rescans a whole line at every offset)."""
    stops = [m.end() for m in _STOP.finditer(text)]
    return sorted({(_sentence_start(stops, m.start()), m.end()) for p in patterns for m in p.finditer(text)})


_STOP = re.compile(r"[.\n]")


def _sentence_start(stops: list[int], at: int) -> int:
    """Where the sentence holding offset `at` starts: after the last full stop or line break
    (`stops`: the offsets just after each, in order)."""
    k = bisect_right(stops, at) - 1
    return stops[k] if k >= 0 else 0


def is_support_phrase(ctx: DocContext, start: int, end: int) -> bool:
    """A platform named only as the object of support ("logistics support for C-17 aircraft",
    "C-17 Logistics Support", "F-16 program"): not an item of the deal."""
    patterns = notice_patterns()
    rx = _support_re(tuple(patterns["support_words"]))
    links = _support_re(tuple(patterns["support_links"]))
    before = ctx.text[max(0, start - 45):start]
    after = ctx.text[end:end + 30]
    if re.search(rf"\b(?:{rx})\w*[\w\s,]{{0,25}}?\b(?:{links})\s+(?:\S+\s+){{0,2}}$", before, re.I):
        return True
    # "250 M204 machine guns, and non-MDE for spare parts": support that a link gives to something else
    return re.match(rf"\s*(?:(?!(?:{links})\s)[\w-]+\s+){{0,4}}(?:{rx})\b", after, re.I) is not None


@cache
def _support_re(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
