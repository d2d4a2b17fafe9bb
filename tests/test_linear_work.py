"""The work of extraction grows linearly with the text, on hostile texts too.

Each case builds a text of n, 2n, 4n and 8n repetitions of one shape (number words, thousands
of short "killed" rows, runs of quotation marks, money, dates, names with speech verbs, deals)
and runs it through a normaliser or the whole extraction. The work is counted, not timed: the
lines Python executes in armsledger's own code (spaCy's is not ours to count). A linear scan
does 8 times the work for 8 times the text; one that rescans the text or loops over every
earlier mention for each new one does 30 to 60 times, and fails here.

What this cannot see is work done inside one C call (a regular expression run over the whole
text, a slice of it): `test_regex_linear.py` audits the patterns, and the extractors read
windows of bounded size or sentences once, never the text from its start per mention.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable

import pytest

import armsledger
from armsledger.model import SourceDocument
from armsledger.normalize import dates, money, numbers

PACKAGE = os.path.dirname(armsledger.__file__)
SIZES = (1, 2, 4, 8)   # multiples of the base count of each case
MAX_GROWTH = 8 * 1.5   # the work for 8n may be at most 12 times the work for n
MAX_DOUBLING = 2.5     # and at most 2.5 times the work for half the text

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo"]
LAST = ["Abbott", "Brandt", "Castro", "Dunne", "Ebert", "Fischer", "Garnier", "Holm"]


def person(i: int) -> str:
    """An invented name, a different one for each i below 64."""
    return f"{FIRST[i % 8]} {LAST[i // 8 % 8]}"


def count_work(run: Callable[[], object]) -> int:
    """The lines executed (and frames entered) in armsledger's code while `run` runs."""
    lines = 0

    def local(frame, event, arg):
        nonlocal lines
        if event == "line":
            lines += 1
        return local

    def on_call(frame, event, arg):
        nonlocal lines
        if frame.f_code.co_filename.startswith(PACKAGE):
            lines += 1
            return local
        return None  # other code is not traced line by line; calls from it into ours still are

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        run()
    finally:
        sys.settrace(previous)
    return lines


def assert_linear(make_text: Callable[[int], str], base: int, run: Callable[[str], object]) -> None:
    """`run` on texts of base * SIZES repetitions of `make_text(i)` does work linear in size."""
    texts = {k: "".join(make_text(i) for i in range(base * k)) for k in SIZES}
    run(texts[SIZES[0]])  # warm up: lazily built patterns and tables are not the text's work
    work = {k: count_work(lambda k=k: run(texts[k])) for k in SIZES}
    report = ", ".join(f"{len(texts[k])} chars: {work[k]}" for k in SIZES)
    assert work[SIZES[-1]] <= MAX_GROWTH * work[SIZES[0]], f"work grows faster than the text: {report}"
    for small, large in zip(SIZES, SIZES[1:]):
        assert work[large] <= MAX_DOUBLING * work[small], f"work grows faster than the text: {report}"


def repeat(piece: str) -> Callable[[int], str]:
    return lambda i: piece


# ------------------------------------------------------------------------------ normalisers
NORMALISER_CASES = {
    "fr number words": ("fr", repeat("mille deux cent trente-quatre "), 40),
    "en number words": ("en", repeat("one thousand two hundred and thirty-four "), 40),
    "fr articles and connectors": ("fr", repeat("un et une et "), 40),
    "en killed rows": ("en", lambda i: f"{i + 12} killed\n", 100),
    "fr killed rows": ("fr", lambda i: f"{i + 3} tués, selon le ministère\n", 100),
    "quotation marks": ("fr", repeat("«»“”\" "), 100),
    "fr money": ("fr", lambda i: f"{i + 510} millions de dollars, ", 50),
    "en money": ("en", lambda i: f"${i + 1}.2 billion and ", 50),
    "fr dates": ("fr", lambda i: f"le {i % 28 + 1} mars {1990 + i % 30}, ", 50),
    "en dates": ("en", lambda i: f"on March {i % 28 + 1}, {1990 + i % 30}, ", 50),
    "masked numbers": ("en", lambda i: f"2024-01-{i % 28 + 1:02d} (202) 555-{i % 10000:04d} ", 50),
    "fr approximate counts": ("fr", repeat("une dizaine de centaines "), 50),
}


def _normalise_all(text: str, lang: str) -> None:
    numbers._scan_cached.cache_clear()  # the scan is cached per text; count it every time
    numbers.find_numbers(text, lang)
    money.find_money(text, lang)
    dates.find_dates(text, lang, "2025-07-01")


@pytest.mark.parametrize("case", list(NORMALISER_CASES))
def test_normalisers_work_linearly(case):
    lang, make_text, base = NORMALISER_CASES[case]
    assert_linear(make_text, base, lambda text: _normalise_all(text, lang))


# ------------------------------------------------------------------------------ extraction
EXTRACTION_CASES = {
    "fr number words": ("fr", repeat("mille deux cent trente-quatre "), 20),
    "en number words": ("en", repeat("one thousand two hundred and thirty-four "), 20),
    "en killed rows, one sentence": ("en", lambda i: f"{i + 1000} killed, officials said\n", 25),
    "fr killed rows with a source": ("fr", lambda i: f"{i + 2} tués, selon le ministère de la Santé\n", 25),
    "quotation marks": ("fr", repeat("«»“”\" "), 40),
    "fr quotes with speakers": ("fr", lambda i: f"« Nous livrerons {i} chars », a déclaré {person(i)}. ", 15),
    "en quotes with speakers": ("en", lambda i: f"“We will deliver {i} tanks,” said {person(i)}. ", 15),
    "fr names and speech verbs": ("fr", lambda i: f"{person(i)} a déclaré que {i + 1} civils ont été tués. ", 15),
    "en names and speech verbs": ("en", lambda i: f"Minister {person(i)} said {i + 2} people were killed. ", 15),
    "en aid amounts": ("en", lambda i: f"Germany pledged €{i + 1} million in military aid to Ukraine. ", 15),
    "fr dates": ("fr", lambda i: f"le {i % 28 + 1} mars 2024, ", 40),
    "en deals": ("en", lambda i: f"The United States approved the sale of {i + 1} F-16 aircraft to Poland "
                                 f"for ${i + 1} million. ", 12),
    "en court actions": ("en", lambda i: f"The ICC issued an arrest warrant against {person(i)} for war crimes. ", 12),
    "en items in one sentence": ("en", lambda i: f"{i + 1} M1A2 Abrams tanks, ", 25),
}


@pytest.mark.parametrize("case", list(EXTRACTION_CASES))
def test_extraction_works_linearly(case, nlp_ready):
    from armsledger.pipeline import extract_documents
    lang, make_text, base = EXTRACTION_CASES[case]

    def extract(text: str) -> None:
        numbers._scan_cached.cache_clear()
        (result,) = extract_documents([SourceDocument(text=text, language=lang, published="2025-07-01")])
        assert not isinstance(result, Exception), result

    assert_linear(make_text, base, extract)


# ------------------------------------------------------------------------------ the merge
def test_merge_works_linearly_in_a_block_of_one_family_with_many_counts():
    """A ledger of many reports of one buyer, seller and family, each of a count no other agrees
    with (6% apart and more, beyond the merge's 5%): only reports whose counts agree are compared,
    so the merge's work grows with the reports, not with their pairs."""
    from armsledger.merge import TransferSource, merge_transfers

    def reports(k: int) -> list[TransferSource]:
        return [TransferSource(record_id=f"tr_{i}", document_id=f"sha256:{i:064x}", transfer_index=0,
                               transfer={"supplier": {"id": "FRA"}, "recipient": {"id": "UKR"}, "status": "delivered",
                                         "items": [{"designation": "Caesar", "family": "Caesar", "category": "artillery",
                                                    "quantity": int(10 * 1.06 ** i)}], "date": "2026-03-01"},
                               published="2026-03-02") for i in range(60 * k)]

    merge_transfers(reports(1))  # warm up
    work = {k: count_work(lambda k=k: merge_transfers(reports(k))) for k in SIZES}
    assert work[SIZES[-1]] <= MAX_GROWTH * work[SIZES[0]], f"the merge's work grows faster than its input: {work}"
