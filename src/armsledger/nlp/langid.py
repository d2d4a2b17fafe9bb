"""Which of the supported languages a text is written in, via lingua."""
from __future__ import annotations

import functools

from lingua import IsoCode639_1, LanguageDetector, LanguageDetectorBuilder

SUPPORTED = ("fr", "en")  # ISO 639-1 codes of the languages we have pipelines for
SAMPLE_CHARS = 5_000  # the opening of a text decides; whole 20 MB texts would be slow


@functools.cache
def _detector() -> LanguageDetector:
    # Built once per process: loading the language models is the expensive part.
    codes = [IsoCode639_1.from_str(code) for code in SUPPORTED]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()


def detect_language(text: str, default: str = "en") -> str:
    """The ISO 639-1 code (one of SUPPORTED) of the language of the first SAMPLE_CHARS of
    `text`; `default` when the text has no letters or lingua cannot decide."""
    sample = text[:SAMPLE_CHARS]
    if not any(char.isalpha() for char in sample):
        return default
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else default
