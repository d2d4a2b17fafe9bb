"""Legal actions (extract/legal.py): one record per court and action, subjects and charges pooled."""
from __future__ import annotations


def only_action(x):
    assert len(x.legal_actions) == 1, x.legal_actions
    return x.legal_actions[0]


def test_fr_icc_warrants_for_two_subjects_in_one_sentence(extract):
    text = ("La Cour pénale internationale a émis des mandats d'arrêt contre l'ancien président soudanais "
            "Omar el-Béchir et Ahmed Haroun pour crimes de guerre et crimes contre l'humanité.")
    la = only_action(extract(text))
    assert (la.court, la.action) == ("ICC", "arrest_warrant")
    assert la.subjects == ["Omar el-Béchir", "Ahmed Haroun"]
    assert la.respondent == "SDN"
    assert la.charges == ["crimes de guerre", "crimes contre l'humanité"]
    assert (0, len(text)) in la.evidence


def test_fr_icc_warrants_in_two_sentences_merge(extract):
    text = ("La CPI a émis un mandat d'arrêt contre le chef militaire libyen Khaled el-Hishri pour crimes de "
            "guerre. La CPI a également délivré un mandat d'arrêt contre Osama Elmasry Njeem pour crimes de guerre.")
    la = only_action(extract(text))
    assert (la.court, la.action) == ("ICC", "arrest_warrant")
    assert la.subjects == ["Khaled el-Hishri", "Osama Elmasry Njeem"]
    assert la.respondent == "LBY"
    assert la.charges == ["crimes de guerre"]
    second = text.index("La CPI a également")
    assert (0, second - 1) in la.evidence and (second, len(text)) in la.evidence


def test_fr_icj_case_against_a_state(extract):
    la = only_action(extract("Le Myanmar est poursuivi pour génocide devant la Cour internationale de Justice."))
    assert (la.court, la.action) == ("ICJ", "case")
    assert la.subjects == []
    assert la.respondent == "MMR"
    assert la.charges == ["génocide"]


def test_fr_court_without_action_gives_nothing(extract):
    assert extract("Le ministre japonais s'est rendu mardi à la Cour internationale de Justice.").legal_actions == []


def test_en_icj_provisional_measures(extract):
    la = only_action(extract("The International Court of Justice ordered provisional measures against Myanmar "
                             "on Thursday.", lang="en"))
    assert (la.court, la.action) == ("ICJ", "provisional_measures")
    assert la.respondent == "MMR"
    assert la.charges == []
    assert la.date == "2025-06-26"  # the Thursday before 2025-07-01


def test_en_icc_warrants_for_two_subjects(extract):
    la = only_action(extract("The ICC issued arrest warrants for Omar al-Bashir and Ahmed Haroun on charges of "
                             "war crimes.", lang="en"))
    assert (la.court, la.action) == ("ICC", "arrest_warrant")
    assert la.subjects == ["Omar al-Bashir", "Ahmed Haroun"]
    assert la.charges == ["war crimes"]


def records(x):
    return [(la.court, la.action, la.subjects, la.respondent) for la in x.legal_actions]


# national courts by their noun phrase, accents optional
def test_fr_national_court_by_its_noun_phrase_orders(extract):
    text = "Un tribunal civil de Valmont a ordonné à l'État belge de suspendre les livraisons d'obus."
    assert records(extract(text)) == [("tribunal civil de Valmont", "ruling", [], "BEL")]


def test_fr_court_noun_without_accents(extract):
    text = "La cour d'appel de Lorvan a rejete mardi la plainte deposee contre la Norvège."
    assert records(extract(text)) == [("cour d'appel de Lorvan", "ruling", [], "NOR"),
                                      ("cour d'appel de Lorvan", "case", [], "NOR")]


def test_en_court_in_a_city_rules(extract):
    text = "A district court in Harlow dismissed the lawsuit against Denmark on Monday."
    assert records(extract(text, lang="en")) == [("district court in Harlow", "ruling", [], "DNK"),
                                                 ("district court in Harlow", "case", [], "DNK")]


def test_en_court_named_by_its_place_compound(extract):
    text = "The Harlow court ordered Norway to halt the export of shells."
    assert records(extract(text, lang="en")) == [("Harlow court", "ruling", [], "NOR")]


# the respondent from the parse: the "against" complement, a passive subject, a demand's content
def test_fr_case_against_a_state_in_a_participle(extract):
    text = "Les juges de la CIJ ont examiné l'affaire intentée par le Chili contre le Pérou."
    assert records(extract(text)) == [("ICJ", "case", [], "PER")]


def test_en_ruling_on_a_demand_takes_the_party_of_the_demand(extract):
    text = "The ICJ rejected Chile's demand that Peru stop its naval exercises."
    assert records(extract(text, lang="en")) == [("ICJ", "ruling", [], "PER")]


def test_fr_ruling_on_a_request_to_order_takes_the_ordered_party(extract):
    text = "La CIJ a rejeté la demande du Chili d'ordonner au Pérou de cesser ses exercices navals."
    assert records(extract(text)) == [("ICJ", "ruling", [], "PER")]


def test_en_dismissed_case_gives_the_case_and_the_ruling(extract):
    text = "The ICJ dismissed a case by Chile accusing Peru of violating the treaty."
    assert records(extract(text, lang="en")) == [("ICJ", "ruling", [], "PER"), ("ICJ", "case", [], "PER")]


def test_en_requested_order_is_no_record(extract):
    text = "Chile asked the ICJ to order an immediate halt of the exercises."
    assert extract(text, lang="en").legal_actions == []


def test_fr_requested_order_is_no_record(extract):
    text = "Le Chili a demandé à la CIJ d'ordonner l'arrêt immédiat des exercices."
    assert extract(text).legal_actions == []


def test_fr_other_subject_of_a_court_verb_is_no_ruling(extract):
    text = "Le Pérou a jugé inacceptable le mandat d'arrêt de la CPI contre son ministre Luis Arrano."
    assert [(la.court, la.action) for la in extract(text).legal_actions] == [("ICC", "arrest_warrant")]


def test_en_other_subject_of_a_court_verb_is_no_ruling(extract):
    text = "Peru rejected the ICC's arrest warrant against its minister Luis Arrano."
    assert [(la.court, la.action) for la in extract(text, lang="en").legal_actions] == [("ICC", "arrest_warrant")]


# a court phrase without a place is the court named before it
def test_en_court_periphrasis_is_the_court_named_before(extract):
    text = ("The International Court of Justice heard Chile on Monday. "
            "The top UN court then ordered provisional measures against Peru.")
    assert records(extract(text, lang="en")) == [("ICJ", "provisional_measures", [], "PER")]


def test_fr_court_periphrasis_is_the_court_named_before(extract):
    text = ("La Cour internationale de justice a entendu le Chili lundi. "
            "La haute juridiction de l'ONU a ensuite ordonné des mesures conservatoires contre le Pérou.")
    assert records(extract(text)) == [("ICJ", "provisional_measures", [], "PER")]


# warrants: separate persons on separate charges stay separate; the person's state from the text
def test_fr_warrants_for_other_persons_on_other_charges_stay_apart(extract):
    text = ("La CPI a émis un mandat d'arrêt contre le général péruvien Luis Arrano pour crimes de guerre. "
            "En mars, la CPI avait émis un mandat d'arrêt contre Marta Quispe pour torture.")
    assert [(la.subjects, la.respondent, la.charges) for la in extract(text).legal_actions] == [
        (["Luis Arrano"], "PER", ["crimes de guerre"]), (["Marta Quispe"], "PER", ["torture"])]


def test_en_warrant_subject_state_from_an_earlier_mention(extract):
    text = ("Peruvian general Luis Arrano denied the accusations. "
            "The ICC issued an arrest warrant for Luis Arrano on Friday.")
    assert records(extract(text, lang="en")) == [("ICC", "arrest_warrant", ["Luis Arrano"], "PER")]
