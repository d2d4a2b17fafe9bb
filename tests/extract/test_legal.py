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
    text = ("La CPI a émis mardi un mandat d'arrêt contre le chef militaire soudanais Idris Kamal pour crimes "
            "de guerre. La CPI a également délivré un mandat d'arrêt contre Omar Haddad pour crimes de guerre.")
    la = only_action(extract(text))
    assert (la.court, la.action) == ("ICC", "arrest_warrant")
    assert la.subjects == ["Idris Kamal", "Omar Haddad"]
    assert la.respondent == "SDN"
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
    text = "Le Pérou a jugé inacceptable le mandat d'arrêt émis par la CPI contre son ministre Luis Arrano."
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
    text = ("La CPI a émis jeudi un mandat d'arrêt contre le général péruvien Luis Arrano pour crimes de guerre. "
            "En mars, la CPI avait délivré un mandat d'arrêt contre Marta Quispe pour torture.")
    assert [(la.subjects, la.respondent, la.charges) for la in extract(text).legal_actions] == [
        (["Luis Arrano"], "PER", ["crimes de guerre"]), (["Marta Quispe"], "PER", ["torture"])]


def test_en_warrant_subject_state_from_an_earlier_mention(extract):
    text = ("Peruvian general Luis Arrano denied the accusations. "
            "The ICC issued an arrest warrant for Luis Arrano on Friday.")
    assert records(extract(text, lang="en")) == [("ICC", "arrest_warrant", ["Luis Arrano"], "PER")]


# a court noun as a person's title names the court
def test_en_judge_title_names_the_court(extract):
    text = "Harlow federal judge Anna Brandt ruled on Monday that the exports to Peru were unlawful."
    assert [(la.court, la.action) for la in extract(text, lang="en").legal_actions] == [
        ("Harlow federal judge", "ruling")]


def test_fr_examining_judge_names_the_court(extract):
    text = "Le juge d'instruction de Lorvan Marc Lenoir a inculpé le ministre péruvien Luis Arrano pour corruption."
    assert records(extract(text)) == [("juge d'instruction de Lorvan", "indictment", ["Luis Arrano"], "PER")]


# a sentence that names no court speaks of the court of the sentence before
def test_en_case_filed_in_the_next_sentence_takes_the_court_before(extract):
    text = "The ICJ ordered Peru to halt its naval exercises. Chile had filed its case in March."
    assert records(extract(text, lang="en")) == [("ICJ", "provisional_measures", [], "PER"),
                                                 ("ICJ", "case", [], "PER")]


def test_fr_complaint_in_the_next_sentence_takes_the_court_before(extract):
    text = ("La CIJ a ordonné au Pérou de cesser ses exercices navals. "
            "Cette ordonnance répond à une plainte déposée par le Chili en mars.")
    assert records(extract(text)) == [("ICJ", "provisional_measures", [], "PER"), ("ICJ", "case", [], "PER")]


def test_en_pronoun_subject_of_an_order_to_someone_is_the_court(extract):
    text = "The ICJ heard both parties on Monday. It told Peru to halt its naval exercises."
    assert records(extract(text, lang="en")) == [("ICJ", "provisional_measures", [], "PER")]


def test_fr_pronoun_subject_of_an_order_to_someone_is_the_court(extract):
    text = "La CIJ a entendu les deux parties lundi. Elle a sommé le Pérou de cesser ses exercices navals."
    assert records(extract(text)) == [("ICJ", "provisional_measures", [], "PER")]


def test_en_other_acts_after_a_court_sentence_are_not_its_actions(extract):
    text = "The ICC opened an investigation in Peru. Peru arrested and convicted three soldiers."
    assert records(extract(text, lang="en")) == [("ICC", "investigation", [], "PER")]


def test_fr_other_acts_after_a_court_sentence_are_not_its_actions(extract):
    text = "La CPI a ouvert une enquête au Pérou. Le Pérou a arrêté et condamné trois soldats."
    assert records(extract(text)) == [("ICC", "investigation", [], "PER")]


# an accusation before a court is a case against its object; the claimant is its subject
def test_en_accusation_before_a_court_is_a_case_against_its_object(extract):
    assert records(extract("Chile accused Peru of genocide before the ICJ.", lang="en")) == [
        ("ICJ", "case", [], "PER")]


def test_fr_accusation_before_a_court_is_a_case_against_its_object(extract):
    assert records(extract("Le Chili a accusé le Pérou de génocide devant la CIJ.")) == [("ICJ", "case", [], "PER")]


def test_en_accusation_without_a_court_is_no_case(extract):
    text = "The ICJ heard both parties on Monday. Chile accused Peru of lying about the exercises."
    assert extract(text, lang="en").legal_actions == []


def test_fr_accusation_without_a_court_is_no_case(extract):
    text = "La CIJ a entendu les deux parties lundi. Le Chili a accusé le Pérou de mentir sur les exercices."
    assert extract(text).legal_actions == []


def test_en_object_of_an_accusation_wins_over_an_against_further_down(extract):
    text = "Chile accused Peru of crimes against Bolivians before the ICJ."
    assert records(extract(text, lang="en")) == [("ICJ", "case", [], "PER")]


def test_fr_object_of_an_accusation_wins_over_a_contre_further_down(extract):
    text = "Le Chili a accusé le Pérou de crimes contre les Boliviens devant la CIJ."
    assert records(extract(text)) == [("ICJ", "case", [], "PER")]


# the respondent through the mention chain: "the company", a pronoun, an unknown company by name
def test_en_the_company_is_its_antecedent_organisation(extract):
    text = ("Greenpeace filed a lawsuit against Thales in March. "
            "A district court in Harlow ruled against the company on Tuesday.")
    assert records(extract(text, lang="en")) == [("district court in Harlow", "ruling", [], "THALES")]


def test_fr_la_societe_is_its_antecedent_organisation(extract):
    text = ("Greenpeace a porté plainte contre Thales en mars. "
            "Le tribunal judiciaire de Lorvan a condamné la société mardi.")
    assert records(extract(text)) == [("tribunal judiciaire de Lorvan", "ruling", [], "THALES")]


def test_en_pronoun_object_of_a_conviction_is_its_antecedent(extract):
    text = "Activists sued Thales in March. A district court in Harlow fined it on Tuesday."
    assert records(extract(text, lang="en")) == [("district court in Harlow", "ruling", [], "THALES")]


def test_fr_clitic_object_of_a_conviction_is_its_antecedent(extract):
    text = "Le tribunal correctionnel de Lorvan a reconnu Thales coupable et l'a condamnée à une amende."
    assert records(extract(text)) == [("tribunal correctionnel de Lorvan", "ruling", [], "THALES")]


def test_en_pronoun_object_of_a_dismissal_is_the_case_not_a_party(extract):
    text = ("A district court in Harlow heard the lawsuit of three charities against Denmark, backed by Norway. "
            "The judge dismissed it on Monday.")
    assert records(extract(text, lang="en")) == [("district court in Harlow", "case", [], "DNK"),
                                                 ("district court in Harlow", "ruling", [], "DNK")]


def test_fr_clitic_object_of_a_dismissal_is_the_case_not_a_party(extract):
    text = ("Le tribunal administratif de Lorvan a examiné le recours de trois associations contre le Danemark, "
            "soutenues par la Norvège. Le juge l'a rejeté lundi.")
    assert records(extract(text)) == [("tribunal administratif de Lorvan", "case", [], "DNK"),
                                      ("tribunal administratif de Lorvan", "ruling", [], "DNK")]


# the decision of a court that ordered provisional measures is that order
def test_en_the_decision_of_the_order_is_the_order(extract):
    text = ("The ICJ ordered Peru to halt its naval exercises on Monday. "
            "Peru said it would ignore the court's decision.")
    assert records(extract(text, lang="en")) == [("ICJ", "provisional_measures", [], "PER")]


def test_fr_the_decision_of_the_order_is_the_order(extract):
    text = ("La CIJ a ordonné lundi au Pérou de cesser ses exercices navals. "
            "Le Pérou a dit qu'il ignorerait la décision de la Cour.")
    assert records(extract(text)) == [("ICJ", "provisional_measures", [], "PER")]


# a ruling that names no party takes the respondent of the court's next action
def test_en_ruling_before_its_case_takes_the_case_respondent(extract):
    text = ("A district court in Harlow ruled on Monday that the exports were unlawful. "
            "The lawsuit against Denmark had been brought by three charities.")
    assert records(extract(text, lang="en")) == [("district court in Harlow", "ruling", [], "DNK"),
                                                 ("district court in Harlow", "case", [], "DNK")]


def test_fr_ruling_before_its_case_takes_the_case_respondent(extract):
    text = ("Le tribunal administratif de Lorvan a jugé lundi les exportations illégales. "
            "La requête contre le Danemark avait été déposée par trois associations.")
    assert records(extract(text)) == [("tribunal administratif de Lorvan", "ruling", [], "DNK"),
                                      ("tribunal administratif de Lorvan", "case", [], "DNK")]


# a regional government stands for its state
def test_en_regional_government_is_its_state(extract):
    text = "A Brussels court ordered the Flemish government to stop the transit of shells."
    assert records(extract(text, lang="en")) == [("Brussels court", "ruling", [], "BEL")]


def test_fr_regional_government_is_its_state(extract):
    text = "Un tribunal de Gand a ordonné au gouvernement flamand d'interdire le transit de munitions."
    assert records(extract(text)) == [("tribunal de Gand", "ruling", [], "BEL")]


# a government noun that names no state is the state of the national court
def test_en_the_government_ordered_by_a_national_court_is_its_state(extract):
    text = "A Danish court ordered the authorities to suspend the export licences."
    assert records(extract(text, lang="en")) == [("Danish court", "ruling", [], "DNK")]


def test_fr_the_government_ordered_by_a_national_court_is_its_state(extract):
    text = "Un tribunal danois a ordonné aux autorités de suspendre les licences d'exportation."
    assert records(extract(text)) == [("tribunal danois", "ruling", [], "DNK")]


# one record per action and respondent: the persons of one warrant pool, charges or not
def test_en_warrants_for_two_persons_without_charges_are_one_record(extract):
    text = "The ICC issued arrest warrants for Omar al-Bashir and Ahmed Haroun on Friday."
    assert records(extract(text, lang="en")) == [("ICC", "arrest_warrant", ["Omar al-Bashir", "Ahmed Haroun"], None)]


def test_fr_warrants_for_two_persons_without_charges_are_one_record(extract):
    text = "La CPI a émis vendredi des mandats d'arrêt contre Luis Arrano et Marta Quispe."
    assert records(extract(text)) == [("ICC", "arrest_warrant", ["Luis Arrano", "Marta Quispe"], None)]


def test_en_requested_warrants_are_no_record(extract):
    text = "The ICC prosecutor requested arrest warrants for Omar al-Bashir and Ahmed Haroun."
    assert extract(text, lang="en").legal_actions == []


def test_fr_requested_warrants_are_no_record(extract):
    text = "Le procureur de la CPI a requis des mandats d'arrêt contre Luis Arrano et Marta Quispe."
    assert extract(text).legal_actions == []


# indictments by prosecutors; a court named by its own name
def test_en_prosecutors_charging_persons_indict_them(extract):
    text = "Prosecutors in Lorvan charged two Peruvian officers with torture."
    x = extract(text, lang="en")
    assert records(x) == [("Prosecutors in Lorvan", "indictment", [], "PER")]
    assert x.legal_actions[0].charges == ["torture"]


def test_fr_prosecutors_charging_persons_indict_them(extract):
    text = "Le parquet de Lorvan a inculpé deux officiers péruviens pour torture."
    x = extract(text)
    assert records(x) == [("parquet de Lorvan", "indictment", [], "PER")]
    assert x.legal_actions[0].charges == ["torture"]


def test_en_court_by_its_own_name(extract):
    text = "The Council of State rejected the appeal brought by three charities against the Danish government."
    assert records(extract(text, lang="en")) == [("Council of State", "ruling", [], "DNK"),
                                                 ("Council of State", "case", [], "DNK")]


def test_fr_court_by_its_own_name_accents_optional(extract):
    text = "Le Conseil d'Etat a rejeté le recours déposé par trois associations contre le gouvernement danois."
    assert records(extract(text)) == [("Conseil d'Etat", "ruling", [], "DNK"), ("Conseil d'Etat", "case", [], "DNK")]


# the party a ruling favours is the claimant, not the respondent
def test_en_party_the_court_sided_with_is_not_the_respondent(extract):
    text = "A district court in Harlow sided with Chile on Monday, ordering Peru to halt its naval exercises."
    assert records(extract(text, lang="en")) == [("district court in Harlow", "ruling", [], "PER")]


def test_fr_party_the_court_gave_reason_to_is_not_the_respondent(extract):
    text = "Le tribunal de Lorvan a donné raison au Chili lundi, ordonnant au Pérou de cesser ses exercices navals."
    assert records(extract(text)) == [("tribunal de Lorvan", "ruling", [], "PER")]


def test_en_party_the_court_sided_with_is_never_the_respondent(extract):
    text = "A district court in Harlow sided with Chile on Monday."
    assert records(extract(text, lang="en")) == [("district court in Harlow", "ruling", [], None)]


def test_fr_party_the_court_gave_reason_to_is_never_the_respondent(extract):
    text = "Le tribunal de Lorvan a donné raison au Chili lundi."
    assert records(extract(text)) == [("tribunal de Lorvan", "ruling", [], None)]


# a definite decision noun is the decision recorded before, whatever court its sentence names
def test_en_the_decision_appealed_to_another_court_is_the_ruling_before(extract):
    text = ("A Danish court ordered the government to suspend the export licences. "
            "The government said it would appeal the decision to the Supreme Court.")
    x = extract(text, lang="en")
    assert records(x) == [("Danish court", "ruling", [], "DNK")]
    assert len(x.legal_actions[0].evidence) == 2


def test_fr_the_decision_appealed_to_another_court_is_the_ruling_before(extract):
    text = ("Un tribunal danois a ordonné au gouvernement de suspendre les licences d'exportation. "
            "Le gouvernement a annoncé qu'il porterait la décision devant la Cour suprême.")
    x = extract(text)
    assert records(x) == [("tribunal danois", "ruling", [], "DNK")]
    assert len(x.legal_actions[0].evidence) == 2


# with no respondent anywhere, a national court's own state
def test_en_national_court_state_is_the_last_resort(extract):
    text = "A court in Copenhagen rejected an urgent application by five charities."
    assert records(extract(text, lang="en")) == [("court in Copenhagen", "ruling", [], "DNK"),
                                                 ("court in Copenhagen", "case", [], "DNK")]


def test_fr_national_court_state_is_the_last_resort(extract):
    text = "Le tribunal de Copenhague a rejeté la requête déposée par cinq associations."
    assert records(extract(text)) == [("tribunal de Copenhague", "ruling", [], "DNK"),
                                      ("tribunal de Copenhague", "case", [], "DNK")]


# an investigation targeting someone is against them
def test_en_investigation_targeting_a_company(extract):
    text = "Prosecutors in Lorvan opened an investigation targeting Thales for corruption."
    assert records(extract(text, lang="en")) == [("Prosecutors in Lorvan", "investigation", [], "THALES")]


def test_fr_investigation_visant_a_company(extract):
    text = "Le parquet de Lorvan a ouvert une enquête visant Thales pour corruption."
    assert records(extract(text)) == [("parquet de Lorvan", "investigation", [], "THALES")]


# a pronoun in the "against" complement is its antecedent
def test_en_against_it_is_the_antecedent_company(extract):
    text = "Amnesty sued Thales in 2023. A court in Lorvan dismissed the lawsuit against it on Monday."
    assert records(extract(text, lang="en")) == [("court in Lorvan", "ruling", [], "THALES"),
                                                 ("court in Lorvan", "case", [], "THALES")]


def test_fr_contre_elle_is_the_antecedent_company(extract):
    text = "Amnesty a attaqué Thales en justice en 2023. Le tribunal de Lorvan a rejeté lundi la plainte contre elle."
    assert records(extract(text)) == [("tribunal de Lorvan", "ruling", [], "THALES"),
                                      ("tribunal de Lorvan", "case", [], "THALES")]


# the court of the sentence before only after one of its actions, or for a subject standing for it
def test_en_decision_after_a_court_named_in_passing_is_no_ruling(extract):
    text = ("The deal was challenged in court by activists. "
            "The decision to sell the jets was criticised by the opposition.")
    assert extract(text, lang="en").legal_actions == []


def test_fr_decision_after_a_court_named_in_passing_is_no_ruling(extract):
    text = ("Le contrat a été contesté devant le tribunal de Lorvan par des militants. "
            "La décision de vendre les avions a été critiquée par l'opposition.")
    assert extract(text).legal_actions == []


# the claimant is who files, not who rejects what was filed
def test_en_who_rejects_a_complaint_is_not_its_claimant(extract):
    text = "Russia rejected the complaint filed by Ukraine at the ICJ."
    assert records(extract(text, lang="en")) == [("ICJ", "case", [], "RUS")]


def test_fr_who_rejects_a_complaint_is_not_its_claimant(extract):
    text = "La Russie a rejeté la plainte déposée par l'Ukraine devant la CIJ."
    assert records(extract(text)) == [("ICJ", "case", [], "RUS")]


def test_en_a_court_telling_something_is_no_order(extract):
    text = "The ICJ heard both parties on Monday. It told reporters that a decision would follow."
    assert extract(text, lang="en").legal_actions == []


def test_fr_a_court_telling_something_is_no_order(extract):
    text = "La CIJ a entendu les deux parties lundi. Elle a intimé aux journalistes qu'une décision suivrait."
    assert extract(text).legal_actions == []


# a state's court by its possessor; the words of a charge are no party
def test_en_court_of_a_state_by_its_possessor(extract):
    text = "Canada's Federal Court ruled that the government had acted lawfully."
    assert records(extract(text, lang="en")) == [("Canada's Federal Court", "ruling", [], "CAN")]


def test_fr_court_of_a_state_by_its_complement(extract):
    text = "La Cour fédérale du Canada a jugé que le gouvernement avait agi légalement."
    assert records(extract(text)) == [("Cour fédérale du Canada", "ruling", [], "CAN")]


def test_en_against_in_a_charge_is_no_party(extract):
    text = "A court in Lorvan convicted three officers of crimes against humanity."
    assert records(extract(text, lang="en")) == [("court in Lorvan", "ruling", [], None)]


def test_fr_contre_in_a_charge_is_no_party(extract):
    text = "Le tribunal de Lorvan a condamné trois officiers pour crimes contre l'humanité."
    assert records(extract(text)) == [("tribunal de Lorvan", "ruling", [], None)]
