"""Overlap questions about character spans, answered without scanning every span.

The normalisers and extractors ask, once per mention, whether a span overlaps any of many
others (masked numbers, dates already taken, money already counted). Scanning a list for each
question made long texts quadratic. `SpanIndex` answers for a fixed set of spans in O(log n);
`SpanCover` for a set that grows, in time proportional to the span asked about. Spans are
[start, end) character offsets; the answers are exactly those of the list scans they replace.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

__all__ = ["SpanCover", "SpanIndex"]


class SpanIndex:
    """A fixed set of [start, end) spans, sorted by start with the furthest end reached so far."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """`any(s < end and start < e for s, e in spans)`."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._reach[i - 1] > start

    def contains(self, pos: int) -> bool:
        """`any(s <= pos < e for s, e in spans)`."""
        i = bisect_right(self._starts, pos)
        return i > 0 and self._reach[i - 1] > pos


class SpanCover:
    """A growing set of spans over a text of `length` characters: the characters covered are
    marked, so an overlap question costs the length of the span asked about."""

    def __init__(self, length: int):
        self._marks = bytearray(length)
        self._spans: list[tuple[int, int]] = []  # every span, for an odd question (empty, negative)
        self._odd: list[tuple[int, int]] = []    # spans not marked (empty, negative): scanned

    def add(self, start: int, end: int) -> None:
        self._spans.append((start, end))
        if not 0 <= start < end:
            self._odd.append((start, end))
            return
        if end > len(self._marks):
            self._marks.extend(bytes(end - len(self._marks)))
        self._marks[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """`any(s < end and start < e for s, e in spans)` over the spans added so far."""
        if not 0 <= start < end:
            return any(s < end and start < e for s, e in self._spans)
        return self._marks.find(1, start, end) != -1 or any(s < end and start < e for s, e in self._odd)
