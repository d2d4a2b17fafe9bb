"""Quotes (extract/quotes.py, extract/attribution.py): quoted words of three words or more, with the speaker."""
from __future__ import annotations



def said(x) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in x.quotes]


def test_fr_attribution_after_the_quote(extract):
    text = "« Nous livrerons ces systèmes avant la fin de l'année », a déclaré Margarita Robles."
    x = extract(text)
    assert said(x) == [("Margarita Robles", "Nous livrerons ces systèmes avant la fin de l'année")]
    q = x.quotes[0]
    assert q.direct is True
    assert [text[s:e].strip() for s, e in q.evidence] == ["Nous livrerons ces systèmes avant la fin de l'année"]


def test_fr_attribution_before_the_quote(extract):
    x = extract("Margarita Robles a déclaré que l'Espagne tiendrait parole : "
                "« Nous livrerons ces systèmes avant l'hiver. »")
    assert said(x) == [("Margarita Robles", "Nous livrerons ces systèmes avant l'hiver.")]


def test_fr_role_before_the_name(extract):
    x = extract("La ministre de la Défense, Claire Dupont, a déclaré : « Ces chars arriveront au printemps. »")
    assert [(q.speaker, q.speaker_role) for q in x.quotes] == [("Claire Dupont", "ministre de la Défense")]


def test_fr_pronoun_resolves_to_the_person_before(extract):
    x = extract("« Ces chars arriveront au printemps », a déclaré Claire Dupont. "
                "« C'est une étape décisive pour notre défense », a-t-elle ajouté.")
    assert said(x) == [("Claire Dupont", "Ces chars arriveront au printemps"),
                       ("Claire Dupont", "C'est une étape décisive pour notre défense")]


def test_fr_pronoun_resolves_to_a_person_named_without_quote(extract):
    x = extract("La ministre Claire Dupont a salué l'accord. "
                "« C'est une étape décisive pour notre défense », a-t-elle ajouté.")
    assert said(x) == [("Claire Dupont", "C'est une étape décisive pour notre défense")]


def test_fr_honorific_resolves_to_the_full_name(extract):
    x = extract("Claire Dupont s'est rendue à Oslo mardi. "
                "« Nous resterons aux côtés de nos partenaires », a déclaré Mme Dupont.")
    assert said(x) == [("Claire Dupont", "Nous resterons aux côtés de nos partenaires")]


def test_fr_honorific_with_role_given_earlier(extract):
    x = extract("La ministre des Armées Claire Dupont a rencontré son homologue japonais. "
                "« Nous resterons aux côtés de nos partenaires », a déclaré Mme Dupont.")
    assert [(q.speaker, q.speaker_role) for q in x.quotes] == [("Claire Dupont", "ministre des Armées")]


def test_fr_organisation_by_its_acronym(extract):
    x = extract("La Direction générale de l'armement (DGA) a publié un communiqué jeudi. "
                "« Les premiers véhicules seront livrés en 2026 », a précisé la Direction générale de l'armement.")
    assert said(x) == [("DGA", "Les premiers véhicules seront livrés en 2026")]


def test_fr_statement_speaks_for_the_body_that_issued_it(extract):
    x = extract("La Direction générale de l'armement (DGA) a confirmé la commande. "
                "« Les premiers véhicules seront livrés en 2026 », indique le communiqué.")
    assert said(x) == [("DGA", "Les premiers véhicules seront livrés en 2026")]


def test_fr_headline_quote_is_not_counted(extract):
    assert extract("« Un accord historique »\nLe gouvernement japonais a signé le contrat mardi.").quotes == []


def test_fr_quotes_under_three_words_are_not_counted(extract):
    x = extract("Le ministre a parlé d'un « succès » et d'une « étape clé », a déclaré Claire Dupont.")
    assert x.quotes == []


def test_en_said_after_the_quote(extract):
    x = extract("\"We will stand by our allies in the region\", said John Smith.", lang="en")
    assert said(x) == [("John Smith", "We will stand by our allies in the region")]


def test_en_surname_said_gives_the_full_name(extract):
    x = extract("John Smith visited Oslo. \"This sale will strengthen our partnership,\" Smith said.", lang="en")
    assert said(x) == [("John Smith", "This sale will strengthen our partnership")]


def test_en_surname_said_before_the_quote(extract):
    x = extract("John Smith spoke in Tokyo. Smith said: \"The first launchers will arrive next spring.\"", lang="en")
    assert said(x) == [("John Smith", "The first launchers will arrive next spring.")]
