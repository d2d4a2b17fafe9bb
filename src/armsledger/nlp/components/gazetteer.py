"""`armsledger_gazetteer`: the entity ruler fed by our data files, the authority over NER.

It finds states (names, demonyms, seat-of-government metonyms), organisations and weapons with
the ids of normalize/actors and normalize/weapons, then rebuilds `doc.ents`: our matches win,
the statistical entities fill the gaps (persons, places), relabelled to the armsledger labels.
Weapon matches are kept with their catalogue facts in `doc._.weapons`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from armsledger.nlp.components.designations import doc_text
from armsledger.normalize.actors import actor_surfaces
from armsledger.normalize.weapons import find_weapons

# statistical labels (fr: PER/ORG/LOC/MISC; en: OntoNotes) to ours; unlisted labels are dropped
MODEL_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE",
                "FAC": "LOC", "NORP": "GPE", "MONEY": "MONEY", "DATE": "DATE"}

if not Doc.has_extension("weapons"):
    Doc.set_extension("weapons", default=None)


def _variants(surface: str, kind: str, lang: str) -> set[str]:
    forms = {surface}
    if surface[:1].islower():
        forms.add(surface[:1].upper() + surface[1:])
    elif kind == "demonym" and lang == "fr" and not surface.isupper():  # French adjectives are lower-case
        forms.add(surface[:1].lower() + surface[1:])
    return forms


class Gazetteer:
    def __init__(self, nlp: Language, lang: str):
        self.lang = lang
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entries: dict[str, tuple[str, str]] = {}  # match key -> (label, actor id)
        by_key: dict[str, list] = {}
        for entry in actor_surfaces(lang):
            key = f"{entry.label}|{entry.actor_id}|{entry.id}"
            self.entries[key] = (entry.label, entry.actor_id)
            by_key.setdefault(key, []).extend(_variants(entry.surface, entry.kind, lang))
        for key, forms in by_key.items():
            self.matcher.add(key, [nlp.make_doc(f) for f in sorted(set(forms))])

    def __call__(self, doc: Doc) -> Doc:
        ours: list[Span] = []
        weapons = find_weapons(doc_text(doc), self.lang)
        doc._.weapons = weapons
        for w in weapons:
            span = doc.char_span(w.start, w.end, label="WEAPON", alignment_mode="expand")
            if span is not None:
                ours.append(Span(doc, span.start, span.end, label="WEAPON", span_id=w.family or ""))
        for match_id, start, end in self.matcher(doc):
            label, actor_id = self.entries[doc.vocab.strings[match_id]]
            ours.append(Span(doc, start, end, label=label, span_id=actor_id))
        ours = filter_spans(ours)
        taken = {i for s in ours for i in range(s.start, s.end)}
        model = []
        for ent in doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            if label and not any(i in taken for i in range(ent.start, ent.end)):
                model.append(Span(doc, ent.start, ent.end, label=label))
        doc.ents = sorted(filter_spans(ours + model), key=lambda s: s.start)
        return doc


@Language.factory("armsledger_gazetteer", default_config={"lang": "fr"})
def make_gazetteer(nlp: Language, name: str, lang: str) -> Gazetteer:
    return Gazetteer(nlp, lang)
