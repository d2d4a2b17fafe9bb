"""The span indexes answer exactly as the list scans they replace, for any spans at all
(empty, inverted, nested, overlapping, out of the text)."""
from hypothesis import given
from hypothesis import strategies as st

from armsledger.normalize.spans import SpanCover, SpanIndex

offsets = st.integers(min_value=-3, max_value=40)
spans = st.lists(st.tuples(offsets, offsets), max_size=12)


@given(spans, offsets, offsets)
def test_span_index_overlaps_as_a_scan(found, start, end):
    assert SpanIndex(found).overlaps(start, end) == any(s < end and start < e for s, e in found)


@given(spans, offsets)
def test_span_index_contains_as_a_scan(found, pos):
    assert SpanIndex(found).contains(pos) == any(s <= pos < e for s, e in found)


@given(spans, st.lists(st.tuples(offsets, offsets), max_size=12))
def test_span_cover_overlaps_as_a_scan_while_it_grows(added, questions):
    cover, so_far = SpanCover(30), []
    for (s, e), (start, end) in zip(added, questions + [(0, 0)] * len(added)):
        assert cover.overlaps(start, end) == any(a < end and start < b for a, b in so_far)
        cover.add(s, e)
        so_far.append((s, e))
