"""Aid (extract/aid.py): money for military purposes that is not one deal."""
from __future__ import annotations



def only_aid(x):
    assert len(x.aid) == 1, x.aid
    return x.aid[0]


def ids(a) -> tuple[str | None, str | None]:
    return (a.donor.id if a.donor else None, a.recipient.id if a.recipient else None)


def money(a) -> tuple[float, str, str | None]:
    return (a.value.amount, a.value.currency, a.value.qualifier)


def test_fr_annual_military_financing(extract):
    text = "Washington alloue 3,8 milliards de dollars de financement militaire annuel à son allié, la Jordanie."
    x = extract(text)
    a = only_aid(x)
    assert a.donor.id == "USA" and a.donor.name == "Washington"
    assert money(a) == (3_800_000_000, "USD", "exact")
    assert a.kind == "military_financing"
    assert a.period == "annual"
    assert a.period_start is None
    assert {"3,8 milliards de dollars", text} <= {text[s:e] for s, e in a.evidence}
    assert x.transfers == []


def test_fr_annual_military_financing_recipient_named_plainly(extract):
    a = only_aid(extract("Washington alloue 3,8 milliards de dollars de financement militaire annuel à la Jordanie."))
    assert ids(a) == ("USA", "JOR")
    assert (a.kind, a.period) == ("military_financing", "annual")


def test_fr_recipient_after_apposition_with_article(extract):
    a = only_aid(extract("Washington alloue 3,8 milliards de dollars de financement militaire annuel "
                         "à son allié, la Jordanie."))
    assert ids(a) == ("USA", "JOR")


def test_fr_cumulative_since(extract):
    text = ("Depuis octobre 2023, les États-Unis ont dépensé plus de 17 milliards de dollars en aide militaire "
            "à l'Ukraine.")
    a = only_aid(extract(text))
    assert ids(a) == ("USA", "UKR")
    assert money(a) == (17_000_000_000, "USD", "more_than")
    assert a.kind == "military_aid"  # named military aid wins over the spending verb
    assert a.period == "cumulative"
    assert a.period_start == "2023-10"


def test_fr_cumulative_spending_on_arms(extract):
    a = only_aid(extract("Depuis octobre 2023, les États-Unis ont dépensé plus de 17 milliards de dollars "
                         "en armes et munitions."))
    assert a.donor.id == "USA"
    assert money(a) == (17_000_000_000, "USD", "more_than")
    assert (a.kind, a.period, a.period_start) == ("spending", "cumulative", "2023-10")


def test_fr_recipient_after_pour(extract):
    a = only_aid(extract("Depuis octobre 2023, les États-Unis ont dépensé plus de 17 milliards de dollars "
                         "en armes et munitions pour l'Ukraine."))
    assert ids(a) == ("USA", "UKR")


def test_fr_yearly_amounts_share_donor_and_recipient(extract):
    x = extract("L'Allemagne a fourni 5 milliards d'euros d'aide militaire à l'Ukraine en 2023, "
                "puis 7 milliards d'euros en 2024.")
    assert [(ids(a), a.value.amount, a.value.currency, a.kind, a.period) for a in x.aid] == [
        (("DEU", "UKR"), 5_000_000_000, "EUR", "military_aid", "annual"),
        (("DEU", "UKR"), 7_000_000_000, "EUR", "military_aid", "annual"),
    ]


def test_fr_loan(extract):
    x = extract("La France a accordé un prêt de 500 millions d'euros à la Pologne pour financer ses dépenses "
                "militaires.")
    a = only_aid(x)
    assert ids(a) == ("FRA", "POL")
    assert money(a) == (500_000_000, "EUR", "exact")
    assert a.kind == "loan"
    assert a.period == "one_off"
    assert x.transfers == []


def test_fr_loan_to_buy_arms_is_aid(extract):
    x = extract("La France a accordé un prêt de 500 millions d'euros à la Pologne pour l'achat d'armes.")
    assert x.transfers == []
    a = only_aid(x)
    assert (ids(a), a.kind) == (("FRA", "POL"), "loan")


def test_fr_humanitarian_aid_is_not_military_aid(extract):
    x = extract("Le Japon a promis 2 milliards de dollars d'aide humanitaire à l'Ukraine.")
    assert x.aid == [] and x.transfers == []


def test_en_pledge_of_military_aid(extract):
    text = "Japan pledged $2 billion in military aid to Ukraine."
    a = only_aid(extract(text, lang="en"))
    assert ids(a) == ("JPN", "UKR")
    assert a.donor.name == "Japan" and a.recipient.name == "Ukraine"
    assert money(a) == (2_000_000_000, "USD", "exact")
    assert a.kind == "military_aid"
    assert a.period == "one_off"
    assert {"$2 billion", text} <= {text[s:e] for s, e in a.evidence}


def test_en_cumulative_spending_since(extract):
    a = only_aid(extract("The United States has spent more than $60 billion on weapons for Ukraine "
                         "since February 2022.", lang="en"))
    assert ids(a) == ("USA", "UKR")
    assert money(a) == (60_000_000_000, "USD", "more_than")
    assert (a.kind, a.period, a.period_start) == ("spending", "cumulative", "2022-02")


# --- who gives and who receives, read from the parse of the amount's clause ---------------------

def record(a) -> tuple:
    return (a.donor.id if a.donor else None, a.donor.name if a.donor else None,
            a.recipient.id if a.recipient else None, a.recipient.name if a.recipient else None,
            a.value.amount, a.value.currency, a.value.qualifier, a.kind, a.period, a.period_start)


def test_en_possessor_of_the_aid_noun_is_the_donor_not_the_speaker(extract):
    a = only_aid(extract("Spain's military aid to Moldova reached €40 million, Portugal said.", lang="en"))
    assert record(a) == ("ESP", "Spain", "MDA", "Moldova", 40_000_000, "EUR", "exact", "military_aid", "one_off", None)


def test_fr_demonym_of_the_aid_noun_is_the_donor_not_the_source(extract):
    a = only_aid(extract("L'aide militaire espagnole à la Moldavie atteint 40 millions d'euros, selon Lisbonne."))
    assert record(a) == ("ESP", "espagnole", "MDA", "Moldavie", 40_000_000, "EUR", "exact", "military_aid",
                         "one_off", None)


def test_en_demonym_adjective_is_the_donor(extract):
    a = only_aid(extract("Danish military aid to Georgia totals $90 million, Estonia said.", lang="en"))
    assert record(a) == ("DNK", "Danish", "GEO", "Georgia", 90_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_en_receiver_subject_and_from_complement(extract):
    a = only_aid(extract("Georgia will receive $300 million in military aid from Japan, Estonia said.", lang="en"))
    assert record(a) == ("JPN", "Japan", "GEO", "Georgia", 300_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_fr_receiver_subject_and_de_complement(extract):
    a = only_aid(extract("La Moldavie recevra 300 millions de dollars d'aide militaire du Canada."))
    assert record(a) == ("CAN", "Canada", "MDA", "Moldavie", 300_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_en_package_from_a_state(extract):
    a = only_aid(extract("A new military aid package from Norway, worth $200 million, will go to Georgia.", lang="en"))
    assert record(a) == ("NOR", "Norway", "GEO", "Georgia", 200_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_fr_aid_of_a_state(extract):
    a = only_aid(extract("L'aide militaire de la Suède, d'un montant de 1 milliard d'euros, ira à la Moldavie."))
    assert record(a) == ("SWE", "Suède", "MDA", "Moldavie", 1_000_000_000, "EUR", "exact", "military_aid",
                         "one_off", None)


def test_en_agent_of_a_passive(extract):
    a = only_aid(extract("The $1 billion in military aid pledged by Sweden will go to Georgia.", lang="en"))
    assert record(a) == ("SWE", "Sweden", "GEO", "Georgia", 1_000_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_fr_agent_of_a_passive(extract):
    a = only_aid(extract("Une aide militaire de 500 millions d'euros a été débloquée par l'Espagne pour la Moldavie."))
    assert record(a) == ("ESP", "Espagne", "MDA", "Moldavie", 500_000_000, "EUR", "exact", "military_aid",
                         "one_off", None)


def test_fr_subject_of_the_giving_verb(extract):
    a = only_aid(extract("Madrid a annoncé une nouvelle enveloppe de 2 milliards d'euros d'aide militaire "
                         "pour la Moldavie, a indiqué Lisbonne."))
    assert record(a) == ("ESP", "Madrid", "MDA", "Moldavie", 2_000_000_000, "EUR", "exact", "military_aid",
                         "one_off", None)


def test_en_subject_of_the_giving_verb(extract):
    a = only_aid(extract("Japan announced a $500 million military aid package for Georgia, Estonia said.", lang="en"))
    assert record(a) == ("JPN", "Japan", "GEO", "Georgia", 500_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_fr_recipient_nearest_the_amount_not_the_place(extract):
    a = only_aid(extract("Au sommet de mardi à Varsovie, l'Espagne s'est engagée à fournir du matériel militaire "
                         "à la Moldavie pour un montant de 70 millions d'euros."))
    assert (ids(a), money(a)) == (("ESP", "MDA"), (70_000_000, "EUR", "exact"))


def test_fr_state_compared_to_is_not_the_donor(extract):
    x = extract("Le montant de ce soutien militaire atteindrait environ 10 millions d'euros, deux fois moins "
                "que le Portugal.")
    assert x.aid == []


def test_en_state_compared_to_is_not_the_donor(extract):
    x = extract("The cost of this military aid would reach about $10 million, less than Portugal.", lang="en")
    assert x.aid == []


def test_fr_converted_amount_in_brackets_is_one_record(extract):
    a = only_aid(extract("En mai, Madrid a suspendu une aide militaire de 30 millions de dollars "
                         "(27 millions d'euros) à la Moldavie."))
    assert record(a) == ("ESP", "Madrid", "MDA", "Moldavie", 30_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_en_converted_amount_in_brackets_is_one_record(extract):
    a = only_aid(extract("Spain suspended $30 million (€27 million) in military aid to Moldova.", lang="en"))
    assert record(a) == ("ESP", "Spain", "MDA", "Moldova", 30_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_en_mixed_total_gives_only_its_military_part(extract):
    x = extract("Norway pledged $90 million to Georgia, including $60 million in military assistance.", lang="en")
    assert [record(a) for a in x.aid] == [
        ("NOR", "Norway", "GEO", "Georgia", 60_000_000, "USD", "exact", "military_aid", "one_off", None)]


def test_fr_mixed_total_gives_only_its_military_part(extract):
    x = extract("La Norvège a promis 90 millions d'euros à la Moldavie, dont 60 millions d'euros d'aide militaire.")
    assert [record(a) for a in x.aid] == [
        ("NOR", "Norvège", "MDA", "Moldavie", 60_000_000, "EUR", "exact", "military_aid", "one_off", None)]


def test_fr_donor_named_in_the_sentence_before(extract):
    x = extract("La Norvège livre désormais des armes. "
                "Le coût de cette aide militaire à la Moldavie s'élèverait à 50 millions d'euros.")
    assert [record(a) for a in x.aid] == [
        ("NOR", "Norvège", "MDA", "Moldavie", 50_000_000, "EUR", "exact", "military_aid", "one_off", None)]


def test_en_donor_named_in_the_sentence_before_and_its_dollars(extract):
    x = extract("Georgia thanked Australia for its help. "
                "This week's budget holds $12.5 million in defence assistance for Georgia.", lang="en")
    assert [record(a) for a in x.aid] == [
        ("AUS", "Australia", "GEO", "Georgia", 12_500_000, "AUD", "exact", "military_aid", "one_off", None)]


def test_en_canadian_donor_bare_dollars_are_canadian(extract):
    a = only_aid(extract("Canada pledged $40 million in military aid to Georgia.", lang="en"))
    assert record(a) == ("CAN", "Canada", "GEO", "Georgia", 40_000_000, "CAD", "exact", "military_aid", "one_off", None)


def test_en_us_dollars_stay_us_dollars(extract):
    a = only_aid(extract("Canada pledged US$40 million in military aid to Georgia.", lang="en"))
    assert (ids(a), money(a)) == (("CAN", "GEO"), (40_000_000, "USD", "exact"))


def test_en_a_state_paying_itself_is_no_aid(extract):
    x = extract("Poland's $3 billion defence support budget for Poland was approved.", lang="en")
    assert x.aid == []


def test_fr_price_of_a_sale_is_no_aid(extract):
    x = extract("Madrid a approuvé la vente à la Moldavie d'équipements militaires avec un soutien technique, "
                "pour 80 millions d'euros.")
    assert x.aid == []


def test_fr_donations_are_aid(extract):
    a = only_aid(extract("Jusqu'ici, Madrid a concédé 20 millions d'euros en dons d'équipements militaires "
                         "à la Moldavie."))
    assert record(a) == ("ESP", "Madrid", "MDA", "Moldavie", 20_000_000, "EUR", "exact", "military_aid",
                         "cumulative", None)


def test_fr_requested_aid_is_no_aid(extract):
    x = extract("Le ministre moldave réclamait une hausse de l'aide militaire de 50 millions d'euros par an, "
                "mais Madrid ne l'a pas suivi.")
    assert x.aid == []


def test_en_requested_aid_is_no_aid(extract):
    x = extract("Georgia requested $50 million in military aid from Spain, which has not answered.", lang="en")
    assert x.aid == []


def test_fr_needed_aid_is_no_aid(extract):
    assert extract("La Moldavie a besoin de 40 millions d'euros d'aide militaire, selon son ministre.").aid == []


def test_en_needed_aid_is_no_aid(extract):
    assert extract("Georgia needs $40 million in military aid, its minister said.", lang="en").aid == []


def test_fr_pronoun_subject_of_reported_clause_is_the_teller_state(extract):
    a = only_aid(extract("Le ministère espagnol de la Défense a indiqué qu'il enverrait 40 millions d'euros "
                         "d'aide militaire à la Moldavie."))
    assert record(a) == ("ESP", "espagnol", "MDA", "Moldavie", 40_000_000, "EUR", "exact", "military_aid",
                         "one_off", None)


def test_en_pronoun_subject_of_reported_clause_is_the_teller_state(extract):
    a = only_aid(extract("The Spanish defence ministry said it would send €40 million in military aid to Moldova.",
                         lang="en"))
    assert record(a) == ("ESP", "Spanish", "MDA", "Moldova", 40_000_000, "EUR", "exact", "military_aid",
                         "one_off", None)


def test_en_giver_with_recipient_object(extract):
    a = only_aid(extract("Japan gave Georgia $40 million in military aid last year.", lang="en"))
    assert record(a) == ("JPN", "Japan", "GEO", "Georgia", 40_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_fr_giver_with_recipient_before_the_amount(extract):
    a = only_aid(extract("Madrid a versé à Chisinau 40 millions d'euros d'aide militaire."))
    assert record(a) == ("ESP", "Madrid", "MDA", "Chisinau", 40_000_000, "EUR", "exact", "military_aid",
                         "one_off", None)


def test_en_in_support_of_names_the_recipient_not_the_donor(extract):
    a = only_aid(extract("Japan sent $40 million in military aid in support of Georgia.", lang="en"))
    assert record(a) == ("JPN", "Japan", "GEO", "Georgia", 40_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_fr_au_profit_de_names_the_recipient(extract):
    a = only_aid(extract("Le Japon a débloqué 40 millions d'euros d'aide militaire au profit de la Moldavie."))
    assert record(a) == ("JPN", "Japon", "MDA", "Moldavie", 40_000_000, "EUR", "exact", "military_aid", "one_off", None)


def test_en_subject_thanking_for_aid_is_the_recipient(extract):
    a = only_aid(extract("Georgia welcomed Japan's $40 million military aid package.", lang="en"))
    assert record(a) == ("JPN", "Japan", "GEO", "Georgia", 40_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_fr_subject_thanking_for_aid_is_the_recipient(extract):
    a = only_aid(extract("La Moldavie a salué l'aide militaire japonaise de 40 millions d'euros."))
    assert record(a) == ("JPN", "japonaise", "MDA", "Moldavie", 40_000_000, "EUR", "exact", "military_aid",
                         "one_off", None)


def test_en_value_of_a_given_weapons_package_is_no_aid(extract):
    x = extract("The Pentagon announced a fresh arms package for Georgia on Monday, valued at $40 million. "
                "The package includes 20 Javelin missiles.", lang="en")
    assert x.aid == []
    assert [(t.supplier.id, t.recipient.id, t.channel) for t in x.transfers] == [("USA", "GEO", "grant")]


def test_fr_value_of_a_given_weapons_package_is_no_aid(extract):
    x = extract("Madrid a annoncé lundi un nouveau paquet d'armes pour la Moldavie, d'une valeur de 40 millions "
                "d'euros. Le paquet comprend 20 missiles Javelin.")
    assert x.aid == []
    assert [(t.supplier.id, t.recipient.id) for t in x.transfers] == [("ESP", "MDA")]


def test_en_running_total_now_reached_is_cumulative(extract):
    a = only_aid(extract("Japan's military aid to Georgia now reaches $75 million.", lang="en"))
    assert record(a) == ("JPN", "Japan", "GEO", "Georgia", 75_000_000, "USD", "exact", "military_aid",
                         "cumulative", None)


def test_fr_running_total_now_reached_is_cumulative(extract):
    a = only_aid(extract("L'aide militaire japonaise à la Moldavie atteint désormais 75 millions d'euros."))
    assert record(a) == ("JPN", "japonaise", "MDA", "Moldavie", 75_000_000, "EUR", "exact", "military_aid",
                         "cumulative", None)


def test_en_object_of_provide_with_is_the_recipient(extract):
    a = only_aid(extract("Madrid will provide Chisinau with €40 million in military aid.", lang="en"))
    assert record(a) == ("ESP", "Madrid", "MDA", "Chisinau", 40_000_000, "EUR", "exact", "military_aid",
                         "one_off", None)


def test_fr_object_of_doter_is_the_recipient(extract):
    a = only_aid(extract("Madrid a doté la Moldavie de 40 millions d'euros d'aide militaire."))
    assert record(a) == ("ESP", "Madrid", "MDA", "Moldavie", 40_000_000, "EUR", "exact", "military_aid",
                         "one_off", None)


def test_en_possessor_beside_a_from_donor_is_the_recipient(extract):
    a = only_aid(extract("Georgia's military aid from Japan totals $75 million, Estonia said.", lang="en"))
    assert record(a) == ("JPN", "Japan", "GEO", "Georgia", 75_000_000, "USD", "exact", "military_aid", "one_off", None)


def test_en_year_after_the_recipient_is_annual(extract):
    a = only_aid(extract("The Netherlands has committed €40 million in military support to Georgia for 2024.",
                         lang="en"))
    assert record(a) == ("NLD", "Netherlands", "GEO", "Georgia", 40_000_000, "EUR", "exact", "military_aid",
                         "annual", None)


def test_fr_year_after_the_recipient_is_annual(extract):
    a = only_aid(extract("Les Pays-Bas ont engagé 40 millions d'euros de soutien militaire à la Moldavie pour 2024."))
    assert record(a) == ("NLD", "Pays-Bas", "MDA", "Moldavie", 40_000_000, "EUR", "exact", "military_aid",
                         "annual", None)
