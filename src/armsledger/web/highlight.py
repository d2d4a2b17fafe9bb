"""Evidence highlighted in text, like displaCy's entity view: each record's spans marked by
kind, with a label linking to the record, and an anchor the record links back to.

Spans of several records overlap (a transfer's sentence holds its items' words): the text is
cut at every span boundary and each piece is marked with the kind of the narrowest span
covering it. Every piece of text is escaped here; the result is Markup, so templates insert it
as it is.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

KIND_CLASSES = {"transfers": "transfer", "items": "item", "aid": "aid", "figures": "figure",
                "legal_actions": "legal", "quotes": "quote"}
KIND_LABELS = {"transfer": "TRANSFER", "item": "ITEM", "aid": "AID", "figure": "FIGURE", "legal": "LEGAL",
               "quote": "QUOTE"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str        # a KIND_CLASSES value
    record_id: str


def record_spans(kind: str, record: dict) -> list[Span]:
    """The evidence spans of a record (its items' too, as `item` spans), in text order."""
    rid = record.get("record_id") or ""
    spans = [Span(s, e, KIND_CLASSES[kind], rid) for s, e in record.get("evidence") or []]
    for item in record.get("items") or []:
        spans += [Span(s, e, "item", rid) for s, e in item.get("evidence") or []]
    return sorted(spans, key=lambda s: (s.start, s.end))


def highlight(text: str, offset: int, spans: list[Span], *, anchors: bool = True) -> Markup:
    """`text` (which starts at character `offset` of its document) with `spans` (in document
    offsets) marked. With `anchors`, an element `ev-RECORD` marks where each record's first
    span starts, for links from the record to its words."""
    end_of_text = offset + len(text)
    visible = [s for s in spans if s.end > offset and s.start < end_of_text and s.end > s.start]
    cuts = {offset, end_of_text}
    for span in visible:
        cuts.add(max(span.start, offset))
        cuts.add(min(span.end, end_of_text))
    first_start: dict[str, int] = {}
    for span in sorted(spans, key=lambda s: s.start):
        first_start.setdefault(span.record_id, span.start)
    anchored: set[str] = set()
    out: list[str] = []
    points = sorted(cuts)
    for a, b in zip(points, points[1:]):
        if anchors:
            for span in visible:
                rid = span.record_id
                if rid not in anchored and max(first_start[rid], offset) == a:
                    anchored.add(rid)
                    out.append(f'<span class="anchor" id="ev-{escape(rid)}"></span>')
        piece = escape(text[a - offset:b - offset])
        covering = [s for s in visible if s.start <= a and s.end >= b]
        if not covering:
            out.append(str(piece))
            continue
        narrow = min(covering, key=lambda s: (s.end - s.start, s.kind))
        records = " ".join(sorted({s.record_id for s in covering}))
        out.append(f'<mark class="hl hl-{narrow.kind}" data-records="{escape(records)}">{piece}</mark>')
        ending = {}
        for span in covering:
            if span.end == b:
                ending.setdefault(span.kind, span.record_id)
        for kind, rid in sorted(ending.items()):
            out.append(f'<a class="hl-label hl-label-{kind}" href="#rec-{escape(rid)}">{KIND_LABELS[kind]}</a>')
    return Markup("".join(out))


def sentence_window(start: int, end: int, text: str, text_offset: int, *, limit: int = 600) -> tuple[int, int]:
    """The bounds (document offsets) of the sentences around [start, end) within `text` (which
    starts at `text_offset`), at most `limit` characters either side of the span."""
    lo = max(text_offset, start - limit)
    hi = min(text_offset + len(text), end + limit)
    before = text[lo - text_offset:start - text_offset]
    cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("! "), before.rfind("? "))
    first = lo + cut + 1 if cut >= 0 else lo
    after = text[end - text_offset:hi - text_offset]
    stops = [i for i in (after.find(". "), after.find("\n"), after.find("! "), after.find("? ")) if i >= 0]
    last = end + min(stops) + 1 if stops else hi
    return first, last
