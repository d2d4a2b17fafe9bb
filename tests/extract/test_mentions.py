"""The mention layer (extract/mentions.py): typed mentions, and every kind of link of the chain.

Each test parses one invented text and asks what a word of it stands for."""
from __future__ import annotations

import pytest

from armsledger.extract.context import DocContext
from armsledger.extract.mentions import mentions_of
from armsledger.nlp.pipelines import get_pipeline


def layer(text: str, lang: str):
    ctx = DocContext(get_pipeline(lang)(text), lang, "2025-07-01")
    return ctx, mentions_of(ctx)


def token(ctx, word: str, nth: int = -1):
    """The `nth` token spelled `word` (the last one by default)."""
    return [t for t in ctx.doc if t.text == word][nth]


def resolved(text: str, word: str, lang: str, nth: int = -1):
    ctx, m = layer(text, lang)
    ref = m.resolve(token(ctx, word, nth))
    return (ref.name, ref.kind) if ref is not None else None


@pytest.fixture(autouse=True)
def _warm(nlp_ready):
    yield


# ---------------------------------------------------------------- typed mentions
def test_mentions_are_typed_with_their_place_in_the_parse():
    ctx, m = layer("Anna Kowalska said 40 people were killed on Monday.", "en")
    kinds = {(x.text, x.kind, x.role) for x in m.mentions}
    assert ("Anna Kowalska", "person", "subject") in kinds
    assert any(x.kind == "number" and x.text == "40" for x in m.mentions)
    person = next(x for x in m.mentions if x.kind == "person")
    assert ctx.doc[person.verb].text == "said" and not person.negated
    assert [x.id for x in m.mentions] == list(range(len(m.mentions)))


def test_negated_verb_is_marked():
    _, m = layer("Anna Kowalska did not confirm the figures.", "en")
    person = next(x for x in m.mentions if x.kind == "person")
    assert person.negated


# ---------------------------------------------------------------- full name <- surname <- title + surname
def test_en_surname_and_title_join_the_full_name():
    ctx, m = layer("Anna Kowalska arrived in Oslo. Kowalska said little. Ms. Kowalska left.", "en")
    persons = [x for x in m.mentions if x.kind == "person"]
    assert len({x.entity for x in persons}) == 1
    assert m.entities[persons[0].entity].name == "Anna Kowalska"


def test_fr_title_and_surname_join_the_full_name():
    ctx, m = layer("Paul Girard est arrivé à Lyon. Mme Berthier a salué M. Girard.", "fr")
    girard = [x for x in m.mentions if x.kind == "person" and "Girard" in x.text]
    assert len({x.entity for x in girard}) == 1


# ---------------------------------------------------------------- acronym <-> long form
def test_en_acronym_in_parentheses_is_the_same_body():
    ctx, m = layer("The Northern Relief Coalition (NRC) opened a depot. The NRC said it was full.", "en")
    orgs = {x.entity for x in m.mentions if x.kind == "org"}
    assert len(orgs) == 1
    assert m.resolve(token(ctx, "NRC")).name == "NRC"


def test_fr_acronym_spelling_the_initials_is_the_same_body():
    ctx, m = layer("L'Agence Centrale des Achats Militaires a signé. Selon l'ACAM, tout est prêt.", "fr")
    assert len({x.entity for x in m.mentions if x.kind == "org"}) == 1


# ---------------------------------------------------------------- role noun <- person
def test_en_role_noun_is_the_person_introduced_with_it():
    assert resolved("Defence Minister Paul Girard visited the base. The minister said it was ready.",
                    "minister", "en") == ("Paul Girard", "person")


def test_fr_role_noun_is_the_person_introduced_with_it():
    assert resolved("Le ministre des Armées, Paul Girard, a visité la base. Le ministre a jugé la base prête.",
                    "ministre", "fr") == ("Paul Girard", "person")


# ---------------------------------------------------------------- pronouns by kind
def test_en_he_is_a_person_it_a_body():
    text = "The Northern Relief Coalition hired Paul Girard. He said the trucks left. It said the road was open."
    assert resolved(text, "He", "en") == ("Paul Girard", "person")
    assert resolved(text, "It", "en") == ("Northern Relief Coalition", "org")


def test_fr_inverted_pronoun_is_the_person_named_before():
    text = "Claire Berthier a visité le dépôt. « Les camions partiront demain », a-t-elle ajouté."
    ctx, m = layer(text, "fr")
    tok = next(t for t in ctx.doc if t.dep_ == "expl:subj" or t.text.endswith("elle"))
    assert m.resolve(tok).name == "Claire Berthier"


# ---------------------------------------------------------------- "the ministry" <- the ministry named before
def test_en_definite_body_noun_is_the_body_with_that_word():
    text = ("The Ministry of Water of Ruritania opened a depot next to the Northern Relief Coalition. "
            "The ministry said the depot was full.")
    assert resolved(text, "ministry", "en") == ("Ministry of Water of Ruritania", "org")


def test_fr_definite_body_noun_is_the_body_named_before():
    text = "La Coalition du Nord pour le secours a ouvert un dépôt. La coalition a indiqué que le dépôt était plein."
    name, kind = resolved(text, "coalition", "fr")
    assert "Coalition du Nord" in name and kind == "org"


# ---------------------------------------------------------------- "the latter" / "ce dernier"
def test_en_the_latter_is_the_one_named_last():
    assert resolved("Anna Kowalska met Paul Girard. The latter said the talks went well.", "latter",
                    "en") == ("Paul Girard", "person")


def test_fr_ce_dernier_is_the_one_named_last():
    assert resolved("Claire Berthier a reçu Paul Girard. Ce dernier a salué un accord.", "dernier",
                    "fr") == ("Paul Girard", "person")


# ---------------------------------------------------------------- statements -> their issuer
def test_en_statement_is_its_issuer():
    text = "The Northern Relief Coalition said the road was open. The statement added that trucks left."
    assert resolved(text, "statement", "en") == ("Northern Relief Coalition", "org")


def test_fr_communique_is_its_issuer():
    text = "La Direction des achats (DAC) a annoncé la commande. Le communiqué précise que tout est prêt."
    assert resolved(text, "communiqué", "fr") == ("DAC", "org")


# ---------------------------------------------------------------- a spokesperson for X -> X
def test_en_spokesperson_for_a_body_is_the_body():
    ctx, m = layer("A spokesperson for the Northern Relief Coalition said the road was open.", "en")
    ref = m.resolve(token(ctx, "spokesperson"))
    assert (ref.name, ref.kind, ref.role) == ("Northern Relief Coalition", "org", "spokesperson")


def test_fr_spokesperson_of_a_ministry_is_the_ministry():
    ctx, m = layer("Le porte-parole du ministère de l'Eau a indiqué que la route était ouverte.", "fr")
    ref = m.resolve(token(ctx, "porte-parole"))
    assert (ref.name, ref.role) == ("ministère de l'Eau", "porte-parole")


# ---------------------------------------------------------------- unnamed speakers: the text's own phrase
def test_en_unnamed_speaker_keeps_its_first_mention():
    text = "A farmer from the valley saw the trucks. The farmer said they left at dawn."
    assert resolved(text, "farmer", "en") == ("farmer from the valley", "group")


def test_fr_collective_speaker_is_its_noun_phrase():
    assert resolved("Des habitants du quartier ont affirmé que le pont était détruit.", "habitants",
                    "fr") == ("habitants du quartier", "group")


# ---------------------------------------------------------------- roles, kinds of text, later mentions
def test_role_before_a_name_after_a_preposition_fr():
    ctx, m = layer("Après le chancelier allemand Olaf Brandt dans la journée, le président a signé.", "fr")
    assert next(e.role for e in m.entities if e.kind == "person") == "chancelier allemand"


def test_role_of_the_first_of_two_names_is_not_the_second_s_fr():
    ctx, m = layer("Le président français Louis Marchal et son homologue ukrainien Petro Bondar ont signé.", "fr")
    roles = {e.name: e.role for e in m.entities if e.kind == "person"}
    assert roles["Louis Marchal"] == "président français"
    assert roles["Petro Bondar"] != "président français Louis Marchal"


def test_a_body_mentioned_again_is_found_between_its_mentions():
    ctx, m = layer("La Cour pénale internationale (CPI) a émis un mandat. Le général Ivan Sokol est visé. "
                   "Il dirige le Conseil de sécurité. La CPI a publié un communiqué.", "fr")
    where = ctx.text.index("Il dirige")
    assert m.last(("court",), where).name == "Cour pénale internationale"


def test_text_nouns_take_the_kind_of_the_text_named_before():
    ctx, m = layer("Les deux pays ont signé un accord de défense. Dans ce texte, Paris promet des canons.", "fr")
    assert m.document_kind(token(ctx, "texte")) == "agreement_nouns"
    assert resolved("Les deux pays ont signé un accord de défense. Dans ce texte, Paris promet des canons.",
                    "texte", "fr") == ("accord de défense", "org")


def test_parenthesised_name_of_a_described_body():
    assert resolved("According to a statement by the agency in charge of arms exports (Defense Security "
                    "Cooperation Agency), the sale will not alter the balance.", "statement", "en")[0] in {
        "DSCA", "Defense Security Cooperation Agency"}
