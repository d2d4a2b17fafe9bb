"""`armsledger_designations`: keep military designations whole as single tokens.

spaCy's tokenizers split "KMU-558B/B" at the slash and "MK 82" at the space; the French model
then tags the pieces as places. Running first in the pipeline, this component merges every
match of the designation grammar (normalize.weapons.DESIGNATION_RE) into one token, so the
tagger, parser and NER see one word.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from armsledger.normalize.weapons import DESIGNATION_RE


TEXT_KEY = "armsledger_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, computed once: spaCy rebuilds it from the tokens at every access, which cost
    more than all our rules together; merging tokens never changes it."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


class DesignationMerger:
    def __call__(self, doc: Doc) -> Doc:
        spans = []
        text = doc_text(doc)
        for m in DESIGNATION_RE.finditer(text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and len(span) > 1:
                spans.append(span)
        if spans:
            with doc.retokenize() as retok:
                last_end = -1
                for span in spans:
                    if span.start >= last_end:  # the retokenizer refuses overlapping merges
                        retok.merge(span)
                        last_end = span.end
        return doc


@Language.factory("armsledger_designations")
def make_designation_merger(nlp: Language, name: str) -> DesignationMerger:
    return DesignationMerger()
