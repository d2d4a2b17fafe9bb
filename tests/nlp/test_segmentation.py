"""Sentence segmentation (nlp/components/paragraphs.py, read by extract/context.py): a paragraph
break always ends a sentence; French clauses stay whole at hyphens, dashes, quotes and titles."""
from __future__ import annotations

import pytest

from armsledger.extract.context import DocContext
from armsledger.nlp.parsing import parse_texts
from armsledger.nlp.pipelines import get_pipeline


def sentences(text: str, lang: str = "fr") -> list[str]:
    doc = parse_texts(get_pipeline(lang), [text], 100_000)[0]
    return [s.text for s in DocContext(doc, lang, None).sentences]


def test_fr_hyphenated_words_stay_in_their_sentence(nlp_ready):
    text = ("Le contrat-cadre franco-belge a été signé par le chef d'état-major. "
            "Cette fois-ci, le ministre a-t-il répondu ?")
    assert sentences(text) == ["Le contrat-cadre franco-belge a été signé par le chef d'état-major.",
                               "Cette fois-ci, le ministre a-t-il répondu ?"]


def test_fr_spaced_dashes_do_not_cut_the_clause(nlp_ready):
    text = "Le ministère a validé la possible - et attendue - cession de douze vedettes à la Norvège."
    assert sentences(text) == [text]


def test_fr_closing_quote_keeps_its_speech_verb(nlp_ready):
    text = "« Nous tiendrons nos engagements », a déclaré M. Jacques Dorval. Mme Lina Orsat a confirmé."
    assert sentences(text) == ["« Nous tiendrons nos engagements », a déclaré M. Jacques Dorval.",
                               "Mme Lina Orsat a confirmé."]


def test_fr_blank_line_ends_a_sentence(nlp_ready):
    text = "Les livraisons reprendront en mars\n\nLe tribunal de Vellac a rejeté la demande."
    assert sentences(text) == ["Les livraisons reprendront en mars", "Le tribunal de Vellac a rejeté la demande."]


def test_fr_line_break_between_paragraphs_ends_a_sentence(nlp_ready):
    text = "Un intertitre sans point\nLa Cour a rejeté la requête du gouvernement."
    assert sentences(text) == ["Un intertitre sans point", "La Cour a rejeté la requête du gouvernement."]


def test_fr_dash_opening_a_line_starts_a_sentence(nlp_ready):
    text = "Le verdict est attendu.\n- Appel -\nLa défense fera appel de la décision."
    assert sentences(text) == ["Le verdict est attendu.", "- Appel -", "La défense fera appel de la décision."]


def test_en_wrapped_lines_are_not_paragraphs(nlp_ready):
    text = ("The Agency notified the Congress of a proposed sale of\n"
            "patrol boats to the Government of Norland under the Arms Export Control\n"
            "Act and related\nprovisions. The sale is estimated to cost $12 million.")
    assert sentences(text, "en") == [
        "The Agency notified the Congress of a proposed sale of\npatrol boats to the Government of Norland "
        "under the Arms Export Control\nAct and related\nprovisions.",
        "The sale is estimated to cost $12 million."]


def test_en_line_break_between_paragraphs_ends_a_sentence(nlp_ready):
    text = "Court rejects export challenge\nA district court in Vellan dismissed the lawsuit on Monday."
    assert sentences(text, "en") == ["Court rejects export challenge",
                                     "A district court in Vellan dismissed the lawsuit on Monday."]


def test_en_quote_and_title_stay_in_the_sentence(nlp_ready):
    text = '"We will appeal the ruling," said Gen. Tom Arkwright. The hearing ended on Friday.'
    assert sentences(text, "en") == ['"We will appeal the ruling," said Gen. Tom Arkwright.',
                                     "The hearing ended on Friday."]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_paragraph_breaks_hold_across_parsing_pieces(nlp_ready, lang):
    """A long text is parsed in pieces (nlp/parsing.py): no sentence runs across a paragraph, and
    every paragraph starts a sentence."""
    paragraph = "The witness spoke" if lang == "en" else "Le témoin a parlé"
    text = "\n\n".join(f"{paragraph} {i} fois" for i in range(400))
    doc = parse_texts(get_pipeline(lang), [text], 2_000)[0]
    got = DocContext(doc, lang, None).sentences
    assert all("\n" not in s.text for s in got)
    starts = {s.start for s in got}
    paragraph_starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
    assert all(p in starts for p in paragraph_starts)


@pytest.mark.parametrize("lang, text", [
    ("fr", "La Norlande a commandé 54 chars Leopard 2A8 et 12 hélicoptères Caracal auprès de ses voisins."),
    ("en", "Norland ordered 54 Leopard 2A8 tanks and 12 Caracal helicopters from its neighbours in May."),
])
def test_a_capitalised_name_in_mid_line_does_not_start_a_sentence(nlp_ready, lang, text):
    assert sentences(text, lang) == [text]
