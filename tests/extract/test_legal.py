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
