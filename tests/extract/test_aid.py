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
