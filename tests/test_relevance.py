"""The relevance pre-filter: what it keeps from the parser, and that it drops no gold record."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from armsledger.model import SourceDocument
from armsledger.pipeline import Options, extract_documents
from armsledger.relevance import LONG_TEXT, paragraphs, scan, text_for_parsing

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.mark.parametrize("text, anchors, guess", [
    ("The city council voted on the new budget on Tuesday, and the mayor said the parks would open in May.",
     (), "en"),
    ("Le conseil municipal a voté le budget mardi et la maire a dit que les parcs ouvriraient en mai.", (), "fr"),
    ("Norland ordered twelve Rafale for its air force.", ("rafale", "air force"), "en"),
    ("Le Norland a commandé douze frégates.", ("frégate", "frégates"), "fr"),
    ("Three civilians were killed in the shelling, the agency said.",
     ("shelling", "civilians", "killed"), "en"),
    ("Tanks, howitzers", ("tanks", "howitzer", "howitzers"), None),
])
def test_scan_finds_anchor_words_and_guesses_the_language(text, anchors, guess):
    assert scan(text) == type(scan(""))(anchors, guess)


def test_anchor_words_are_whole_words_unless_they_end_in_a_star():
    assert not scan("A tankard of ale, and a warmonger? No: a wardrobe.").relevant
    assert scan("The armed forces bought munitions.").anchors == ("armed forces", "munition", "munitions")


def test_text_for_parsing_keeps_short_texts_whole():
    text = "Sport.\n\nThe match ended 2-1.\n\nNorland ordered tanks."
    assert text_for_parsing(text) == text


def test_text_for_parsing_blanks_far_paragraphs_of_a_long_text_keeping_offsets():
    filler = "The local team won its match on Sunday after a long season of training and travel. " * 12
    paras = [filler] * 30
    paras[0] = "A long report on the region, written for this test. " * 3
    paras[15] = "Norland ordered 12 tanks from Sudmark, the ministry said."
    text = "\n\n".join(paras)
    assert len(text) > LONG_TEXT
    parsed = text_for_parsing(text)
    assert len(parsed) == len(text)
    kept = [i for i, (s, e) in enumerate(paragraphs(text)) if parsed[s:e].strip()]
    assert kept == [0, 14, 15, 16]
    assert parsed[parsed.index("Norland"):].startswith(paras[15])


def test_a_document_without_anchor_is_not_parsed_and_has_no_records():
    src = SourceDocument(text="The festival opened on Friday with \"a crowd like we have never seen\", "
                              "the organiser said.", source="festival.txt")
    [result] = extract_documents([src], Options(prefilter=True))
    data = result.to_json_dict()
    assert data["filtered"] is True
    assert data["document"]["language"] == "en"
    assert [data[k] for k in ("entities", "transfers", "aid", "figures", "legal_actions", "quotes")] == [[]] * 6
    [unfiltered] = extract_documents([src], Options())
    assert "filtered" not in unfiltered.to_json_dict() and unfiltered.quotes  # parsed, the quote is found


def _gold_documents() -> list[dict]:
    assert (SHARED / "tools" / "score.py").is_file(), "../shared is missing beside the repository"
    docs = []
    for gold in ("seed", "dev", "merge"):
        out = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), "corpus", str(SHARED / gold)],
                             capture_output=True, text=True, check=True).stdout
        docs += [json.loads(line) for line in out.splitlines() if line.strip()]
    return docs


def test_the_filter_drops_no_gold_document_nor_paragraph():
    """Every gold document is parsed whole with the filter on, so its extraction is the same
    as without the filter (the pipeline differs in nothing else)."""
    docs = _gold_documents()
    assert len(docs) > 90
    dropped = [d.get("source") or d["text"][:40] for d in docs if not scan(d["text"]).relevant]
    blanked = [d.get("source") or d["text"][:40] for d in docs if text_for_parsing(d["text"]) != d["text"]]
    assert (dropped, blanked) == ([], [])
