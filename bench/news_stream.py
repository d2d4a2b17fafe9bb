"""Ordinary news-like articles in French and English, generated for the stream benchmark.

Sport, economy, politics and weather, with names, numbers, dates, money and quotes, the way a
news wire reads when it reports no arms deal: the pre-filter must tell them from the relevant
articles, so they are built to look like news (never one text copied: each article draws its
sentences, names and numbers from a seeded generator). Everything here is invented.
"""
from __future__ import annotations

import random

FIRST = ["Marie", "Thomas", "Camille", "Lucas", "Sarah", "David", "Emma", "Paul", "Nina", "Julien", "Laura",
         "Hugo", "Claire", "Omar", "Ines", "Victor", "Anna", "Samuel", "Elena", "Marc"]
LAST = ["Martin", "Bernard", "Dubois", "Moreau", "Laurent", "Garcia", "Smith", "Johnson", "Brown", "Miller",
        "Wilson", "Lefebvre", "Roux", "Fontaine", "Chevalier", "Murphy", "Kowalski", "Rossi", "Novak", "Ortiz"]
TOWNS = ["Lyon", "Nantes", "Lille", "Bordeaux", "Rennes", "Leeds", "Bristol", "Denver", "Austin", "Porto",
         "Turin", "Ghent", "Graz", "Malmo", "Cork", "Tampere", "Brno", "Leipzig", "Seville", "Quebec"]
COMPANIES = ["Veralis", "Northwind Foods", "Castel Energie", "Brightpath Retail", "Lumen Telecom", "Agrinova",
             "Helix Pharma", "Ostara Bank", "Solvane", "Tidewater Logistics", "Maréchal Immobilier", "Quanta Soft"]
MONTHS = {"fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                 "octobre", "novembre", "décembre"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"]}
DAYS = {"fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]}

SENTENCES = {
    ("en", "sport"): [
        "{town} beat {town2} {a}-{b} on {day}, with {person} scoring twice in the second half.",
        "\"We played with courage and we never gave up,\" said coach {person} after the match.",
        "The club has now won {n} of its last {m} games and sits {k} points clear at the top of the table.",
        "{person} ran the {n}00 metres in {sec} seconds, a personal best, at the meeting in {town}.",
        "More than {big} fans filled the stadium in {town} for the final on {date}.",
        "The season resumes on {date} when {town} travels to {town2}.",
        "{person}, who joined the team from {town2} last summer, signed a new contract until {year}.",
        "The cyclists covered {n}{m} kilometres between {town} and {town2} in heavy rain.",
        "{person} saved two match points on the centre court before winning in {k} sets.",
    ],
    ("fr", "sport"): [
        "{town} a battu {town2} {a}-{b} {day}, grâce à un doublé de {person} en seconde période.",
        "« Nous avons joué avec du cœur et nous n'avons jamais lâché », a déclaré l'entraîneur {person}.",
        "Le club a remporté {n} de ses {m} derniers matchs et compte {k} points d'avance en tête du classement.",
        "{person} a couru le {n}00 mètres en {sec} secondes, un record personnel, lors du meeting de {town}.",
        "Plus de {big} supporters ont rempli le stade de {town} pour la finale du {date}.",
        "La saison reprendra le {date} avec un déplacement de {town} à {town2}.",
        "Arrivé de {town2} l'été dernier, {person} a prolongé son contrat jusqu'en {year}.",
        "Les coureurs ont parcouru {n}{m} kilomètres entre {town} et {town2} sous une pluie battante.",
        "La défense de {town} a tenu bon jusqu'à la dernière minute.",
    ],
    ("en", "economy"): [
        "{company} said on {day} its revenue rose {pct}% to {money} in the third quarter.",
        "Shares in {company} fell {pct}% in {town} after the group cut its forecast for {year}.",
        "\"Demand from households remains solid despite higher prices,\" chief executive {person} told analysts.",
        "Inflation slowed to {pct}% in {month}, the statistics office said, the lowest since {year}.",
        "The central bank kept its main rate at {pct}% and said it would watch wages closely.",
        "{company} plans to hire {n}00 people in {town} by {year} and to open {k} new stores.",
        "Unemployment stood at {pct}% at the end of {month}, down from {pct2}% a year earlier.",
        "The deal values {company} at {money}, including debt, according to a statement on {date}.",
        "The airline ordered {k} new aircraft for its routes from {town}, worth {money} at list prices.",
    ],
    ("fr", "economy"): [
        "{company} a annoncé {day} un chiffre d'affaires en hausse de {pct} % à {money} au troisième trimestre.",
        "L'action {company} a reculé de {pct} % à {town} après l'abaissement de ses prévisions pour {year}.",
        "« La demande des ménages reste solide malgré la hausse des prix », a expliqué le directeur général, {person}.",
        "L'inflation a ralenti à {pct} % en {month}, selon l'institut de statistique, son plus bas niveau depuis {year}.",
        "La banque centrale a maintenu son taux directeur à {pct} % et surveillera l'évolution des salaires.",
        "{company} prévoit de recruter {n}00 personnes à {town} d'ici {year} et d'ouvrir {k} nouveaux magasins.",
        "Le taux de chômage s'établissait à {pct} % fin {month}, contre {pct2} % un an plus tôt.",
        "L'opération valorise {company} à {money}, dette comprise, selon un communiqué publié le {date}.",
        "Le tribunal de commerce de {town} a validé le plan de reprise de {company}.",
    ],
    ("en", "politics"): [
        "The city council of {town} approved the new budget on {day} by {n} votes to {k}.",
        "\"This plan will bring new schools and better buses to every district,\" mayor {person} said.",
        "The opposition leader, {person}, called the reform \"rushed and unfair\" in a speech in {town}.",
        "Parliament will debate the pension bill on {date}, a spokesperson for the speaker said.",
        "Turnout reached {pct}% in the regional election, up from {pct2}% in {year}.",
        "{person} was elected party chair with {pct}% of the vote at the congress in {town}.",
        "The government promised {money} for hospitals and {k} new train lines over the next {n} years.",
        "A poll published on {date} puts the ruling party at {pct}%, {k} points ahead of its rival.",
    ],
    ("fr", "politics"): [
        "Le conseil municipal de {town} a adopté le nouveau budget {day} par {n} voix contre {k}.",
        "« Ce plan apportera de nouvelles écoles et de meilleurs bus dans chaque quartier », a assuré le maire, {person}.",
        "Le chef de l'opposition, {person}, a qualifié la réforme de « précipitée et injuste » lors d'un discours à {town}.",
        "Le Parlement examinera le projet de loi sur les retraites le {date}, a indiqué un porte-parole.",
        "La participation a atteint {pct} % aux élections régionales, contre {pct2} % en {year}.",
        "{person} a été élu à la tête du parti avec {pct} % des voix lors du congrès de {town}.",
        "Le gouvernement a promis {money} pour les hôpitaux et {k} nouvelles lignes de train sur {n} ans.",
        "Un sondage publié le {date} place le parti au pouvoir à {pct} %, {k} points devant son rival.",
    ],
    ("en", "weather"): [
        "Temperatures will reach {t} degrees in {town} on {day}, forecasters said.",
        "Heavy rain is expected across the region until {date}, with up to {n}{k} millimetres in places.",
        "\"Drivers should take care on the roads tonight,\" said {person} of the national weather service.",
        "The heatwave is the {k}th of the summer, and the driest {month} since records began in {year}.",
        "Snow closed {k} mountain passes near {town} and cut power to about {big} homes.",
        "Winds of {n}0 km/h are forecast along the coast between {town} and {town2}.",
        "A cooler week is ahead, with highs of {t} degrees and sunny spells from {day}.",
    ],
    ("fr", "weather"): [
        "Les températures atteindront {t} degrés à {town} {day}, selon les prévisionnistes.",
        "De fortes pluies sont attendues dans la région jusqu'au {date}, avec jusqu'à {n}{k} millimètres par endroits.",
        "« Les automobilistes doivent être prudents ce soir », a prévenu {person}, du service météorologique.",
        "Cette vague de chaleur est la {k}e de l'été, et ce mois de {month} le plus sec depuis {year}.",
        "La neige a fermé {k} cols près de {town} et privé d'électricité environ {big} foyers.",
        "Des vents de {n}0 km/h sont prévus sur le littoral entre {town} et {town2}.",
        "Une semaine plus fraîche s'annonce, avec des maximales de {t} degrés et des éclaircies dès {day}.",
    ],
}
# Sentences of ordinary news that hold a word the pre-filter anchors on (a former army officer,
# a court ruling on a merger): such an article is parsed for nothing. RARE of them do.
RARE = 0.02
TRAPS = {
    "en": ["{person}, a former army officer, will chair the commission on housing in {town}.",
           "A court in {town} ruled on {day} that the merger of {company} could go ahead, the judge said.",
           "The navy band will play on the harbour in {town} on {date}."],
    "fr": ["{person}, ancien officier de l'armée, présidera la commission sur le logement à {town}.",
           "Le tribunal de {town} a validé {day} la fusion de {company}, a indiqué la cour.",
           "La musique de la marine nationale jouera sur le port de {town} le {date}."],
}
TITLES = {"sport": {"en": "{town} wins in {town2}", "fr": "{town} s'impose à {town2}"},
          "economy": {"en": "{company} results for {year}", "fr": "Les résultats de {company} en {year}"},
          "politics": {"en": "Budget vote in {town}", "fr": "Vote du budget à {town}"},
          "weather": {"en": "Weather for {town}", "fr": "La météo à {town}"}}


def _slots(rng: random.Random, lang: str) -> dict[str, str]:
    money = (f"{rng.randint(2, 90)},{rng.randint(1, 9)} milliards d'euros" if lang == "fr"
             else f"${rng.randint(2, 90)}.{rng.randint(1, 9)} billion")
    month = rng.randrange(12)
    date = (f"{rng.randint(1, 28)} {MONTHS[lang][month]}" if lang == "fr"
            else f"{MONTHS[lang][month]} {rng.randint(1, 28)}")
    return {"town": rng.choice(TOWNS), "town2": rng.choice(TOWNS), "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "company": rng.choice(COMPANIES), "a": str(rng.randint(0, 5)), "b": str(rng.randint(0, 4)),
            "n": str(rng.randint(2, 9)), "m": str(rng.randint(10, 19)), "k": str(rng.randint(2, 9)),
            "big": f"{rng.randint(2, 60)},{rng.randint(100, 999)}".replace(",", " " if lang == "fr" else ","),
            "sec": f"{rng.randint(9, 11)}.{rng.randint(10, 99)}", "pct": f"{rng.randint(1, 9)}.{rng.randint(0, 9)}",
            "pct2": f"{rng.randint(1, 9)}.{rng.randint(0, 9)}", "t": str(rng.randint(-5, 38)),
            "year": str(rng.randint(2019, 2031)), "month": MONTHS[lang][month], "date": date,
            "day": rng.choice(DAYS[lang]), "money": money}


def article(rng: random.Random, lang: str | None = None, topic: str | None = None) -> dict:
    """One generated article: {"text", "title", "language", "published", "id"}."""
    lang = lang or rng.choice(["fr", "en"])
    topic = topic or rng.choice(list(TITLES))
    pool = SENTENCES[(lang, topic)]
    paragraphs = []
    for _ in range(rng.randint(4, 7)):
        picked = rng.sample(pool, rng.randint(2, 3))
        paragraphs.append(" ".join(s.format(**_slots(rng, lang)) for s in picked))
    if rng.random() < RARE:
        paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(TRAPS[lang]).format(**_slots(rng, lang)))
    text = "\n\n".join(paragraphs)
    if lang == "fr":
        text = text.replace(" %", "\u00a0%")
    return {"text": text, "title": TITLES[topic][lang].format(**_slots(rng, lang)), "language": lang,
            "published": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "topic": topic}
