"""Parsing in bounded pieces: cuts, the tokenizer guard, and one Doc per text whatever the cut."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from armsledger.ingest.limits import Limits
from armsledger.model import SourceDocument
from armsledger.nlp.parsing import MAX_RUN, parse_texts, split_for_parsing, tokenizer_text
from armsledger.nlp.pipelines import get_pipeline
from armsledger.pipeline import Options, extract_documents

PARAGRAPHS = [
    "Les États-Unis ont approuvé la vente de 12 hélicoptères Black Hawk à la Pologne, a annoncé lundi le Pentagone.",
    "Selon le ministère de la Santé, 14 personnes ont été tuées et 30 blessées dans la frappe.",
    "« Nous attendons les premières livraisons l'an prochain », a déclaré Anna Kowalska, ministre de la Défense.",
]


@given(st.text(alphabet="ab \n.", max_size=400), st.integers(min_value=8, max_value=60))
def test_pieces_are_bounded_and_join_back_to_the_text(text, size):
    pieces = split_for_parsing(text, size)
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces)


def test_a_cut_falls_after_a_paragraph_break_when_there_is_one():
    text = "a" * 30 + ".\n\n" + "b" * 30 + ". " + "c" * 30
    assert split_for_parsing(text, 70) == ["a" * 30 + ".\n\n", "b" * 30 + ". " + "c" * 30]


def test_tokenizer_guard_breaks_only_long_runs_one_character_for_one():
    assert tokenizer_text('He said "no".') == 'He said "no".'
    run = '"' * (5 * MAX_RUN)
    guarded = tokenizer_text("x " + run + " y")
    assert len(guarded) == len(run) + 4 and guarded.count(" ") == 2 + 4
    assert guarded[2 + MAX_RUN] == " " and guarded[2 + MAX_RUN - 1] == '"'


def test_twenty_thousand_quotation_marks_parse_into_a_doc_of_the_same_text(nlp_ready):
    nlp = get_pipeline("en")
    text = 'He said ' + '"' * 20_000 + ' and left.'
    (doc,) = parse_texts(nlp, [text], 20_000)
    assert doc.user_data["armsledger_text"] == text and len(doc.text) == len(text)


def test_a_text_parsed_in_small_pieces_gives_the_records_of_the_text_parsed_whole(nlp_ready):
    text = "\n\n".join(PARAGRAPHS * 3)
    src = SourceDocument(text=text, language="fr", published="2025-07-01")
    (whole,) = extract_documents([src])
    (pieces,) = extract_documents([src], Options(limits=Limits(parse_chunk_chars=150)))
    assert pieces.model_dump() == whole.model_dump()
    assert whole.transfers and len(whole.figures) >= 2 and whole.quotes  # the comparison is not empty


def test_batches_bounded_by_characters_give_the_same_records_in_input_order(nlp_ready):
    sources = [SourceDocument(text=p, language="fr", published="2025-07-01") for p in PARAGRAPHS * 2]
    default = [x.model_dump() for x in extract_documents(sources)]
    small = [x.model_dump() for x in extract_documents(sources, Options(limits=Limits(batch_chars=100)))]
    assert small == default and [x["document"]["text"] for x in small] == PARAGRAPHS * 2
