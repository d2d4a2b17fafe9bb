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
    x = extract("Le Service de santé des armées (SSA) a publié un communiqué jeudi. "
                "« Les premiers véhicules seront livrés en 2026 », a précisé le Service de santé des armées.")
    assert said(x) == [("SSA", "Les premiers véhicules seront livrés en 2026")]


def test_fr_statement_speaks_for_the_body_that_issued_it(extract):
    x = extract("Le Service de santé des armées (SSA) a confirmé la commande. "
                "« Les premiers véhicules seront livrés en 2026 », indique le communiqué.")
    assert said(x) == [("SSA", "Les premiers véhicules seront livrés en 2026")]


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


# ---------------------------------------------------------------- speakers read from the parse
def test_en_organisation_unknown_to_the_gazetteer_speaks(extract):
    x = extract('The Northern Relief Coalition said: "The convoy reached the town on Monday."', lang="en")
    assert said(x) == [("Northern Relief Coalition", "The convoy reached the town on Monday.")]


def test_en_spokesperson_for_a_body_speaks_for_the_body(extract):
    x = extract('A spokesperson for the Northern Relief Coalition said: "The convoy reached the town on Monday."',
                lang="en")
    assert [(q.speaker, q.speaker_role, q.text) for q in x.quotes] == [
        ("Northern Relief Coalition", "spokesperson", "The convoy reached the town on Monday.")]


def test_en_collective_speaker_is_the_texts_own_noun_phrase(extract):
    x = extract('Officials said the new contract was "a major step for the whole region."', lang="en")
    assert said(x) == [("officials", "a major step for the whole region.")]


def test_en_unnamed_speaker_after_the_quote_without_its_relative_clause(extract):
    x = extract('"The convoy reached the town before dawn," said one villager, who asked not to be identified.', lang="en")
    assert said(x) == [("villager", "The convoy reached the town before dawn")]


def test_en_it_resolves_to_an_organisation_not_a_person(extract):
    x = extract('Anna Kowalska met officials of the Northern Relief Coalition on Tuesday. '
                '"The first trucks are already on their way," it said.', lang="en")
    assert said(x) == [("Northern Relief Coalition", "The first trucks are already on their way")]


def test_en_she_resolves_to_a_person_not_an_organisation(extract):
    x = extract('The Northern Relief Coalition met Anna Kowalska on Tuesday. '
                '"The first trucks are already on their way," she said.', lang="en")
    assert said(x) == [("Anna Kowalska", "The first trucks are already on their way")]


def test_en_definite_body_noun_resolves_to_the_body_named_before(extract):
    x = extract('The Northern Relief Coalition published its figures on Monday. '
                '"The first trucks are already on their way," the coalition added.', lang="en")
    assert said(x) == [("Northern Relief Coalition", "The first trucks are already on their way")]


def test_fr_collective_speaker_before_a_colon(extract):
    x = extract("Des manifestants ont scandé : « Non à la guerre ici ».")
    assert said(x) == [("manifestants", "Non à la guerre ici")]


def test_fr_inverted_subject_unknown_organisation(extract):
    x = extract("« Les livraisons reprendront lundi prochain », affirme la Coalition du Nord.")
    assert said(x) == [("Coalition du Nord", "Les livraisons reprendront lundi prochain")]


def test_fr_unnamed_official_is_the_texts_own_noun_phrase(extract):
    x = extract("Un responsable militaire a déclaré : « Les frappes ont visé des dépôts de munitions ».")
    assert said(x) == [("responsable militaire", "Les frappes ont visé des dépôts de munitions")]


def test_fr_incise_between_commas_names_the_speaker_after_its_verb(extract):
    x = extract("Ce contrat, a expliqué la Croix-Rouge, sert « les intérêts de toute la région ».")
    assert said(x) == [("Croix-Rouge", "les intérêts de toute la région")]


def test_fr_spokesperson_of_a_body_speaks_for_the_body(extract):
    x = extract("Le porte-parole de la Coalition du Nord a déclaré : « Les camions sont arrivés à Kharkiv ».")
    assert [(q.speaker, q.speaker_role, q.text) for q in x.quotes] == [
        ("Coalition du Nord", "porte-parole", "Les camions sont arrivés à Kharkiv")]


# ---------------------------------------------------------------- where the quote's words start and stop
def test_en_quote_over_two_paragraphs_is_one_quote(extract):
    x = extract("“We will keep training their crews,” said Defence Minister Tom Reyes.\n\n"
                "“Our support will not weaken.\n\n“This is about the freedom of a whole people.”", lang="en")
    assert said(x) == [("Tom Reyes", "We will keep training their crews"),
                       ("Tom Reyes", "Our support will not weaken. This is about the freedom of a whole people.")]
    assert len(x.quotes[1].evidence) == 2


def test_fr_unclosed_straight_quote_stops_at_its_incise(extract):
    x = extract("L'accord prévoit \"la fabrication conjointe des obus dans les usines locales, a indiqué "
                "le porte-parole de l'armée de l'air dans un communiqué.\n"
                "\"Ce contrat est le plus important de notre histoire\", a déclaré le bureau du président.")
    assert said(x) == [("armée de l'air", "la fabrication conjointe des obus dans les usines locales"),
                       ("bureau du président", "Ce contrat est le plus important de notre histoire")]


def test_quoted_words_no_one_says_are_no_quote(extract):
    x = extract("L'aide doit permettre à l'allié de garder un « avantage militaire qualitatif » dans la région. "
                "Le Pentagone a commandé des torpilles MK 54 (pour \"Lightweight Hybrid Torpedo\").")
    assert x.quotes == []


# ---------------------------------------------------------------- speakers named outside the quote's sentence
def test_fr_speaker_of_the_sentence_before(extract):
    x = extract("La Ruritanie a dénoncé mercredi la vente et promis des sanctions. "
                "\"La Ruritanie usera de tous les moyens à sa disposition pour défendre sa souveraineté.\"")
    assert said(x) == [("Ruritanie", "La Ruritanie usera de tous les moyens à sa disposition pour défendre sa souveraineté.")]


def test_en_first_quote_takes_the_speaker_of_the_next(extract):
    x = extract("The count covers one hospital, while “two other clinics also received many wounded”. "
                "“The search goes on in the rubble,” added the Ruritanian Red Crescent.", lang="en")
    assert [s for s, _ in said(x)] == ["Ruritanian Red Crescent", "Ruritanian Red Crescent"]


def test_fr_impersonal_incise_reads_the_statement(extract):
    x = extract("Les pièces ont été livrées vendredi, a annoncé le ministère ruritanien de la Défense.\n\n"
                "«La première cargaison est arrivée au port militaire», lit-on dans le communiqué du ministère.")
    assert said(x) == [("ministère ruritanien de la Défense", "La première cargaison est arrivée au port militaire")]


def test_fr_impersonal_incise_names_a_place(extract):
    x = extract("Lima pourrait décider de \"s'associer à un constructeur suédois\" pour ses blindés, "
                "espère-t-on à Stockholm.")
    assert said(x) == [("Stockholm", "s'associer à un constructeur suédois")]
