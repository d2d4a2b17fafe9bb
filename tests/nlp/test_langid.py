"""armsledger.nlp.langid: French or English, default otherwise."""
from __future__ import annotations

from armsledger.nlp.langid import SUPPORTED, _detector, detect_language


def test_supported_languages():
    assert SUPPORTED == ("fr", "en")


def test_french_sentence():
    assert detect_language("Le ministère des Armées a annoncé la livraison de six avions Rafale à la Grèce.") == "fr"


def test_english_sentence():
    assert detect_language("The State Department approved a possible sale of Patriot missiles to Poland.") == "en"


def test_default_when_there_is_nothing_to_decide_on():
    assert detect_language("") == "en"
    assert detect_language("2024-03-05 12 345", default="fr") == "fr"


def test_only_the_opening_counts():
    french = "La France a livré des canons Caesar à l'Ukraine. " * 200  # > 5,000 characters
    assert detect_language(french + "The rest of this text is in English. " * 2000) == "fr"


def test_detector_is_built_once():
    assert _detector() is _detector()
