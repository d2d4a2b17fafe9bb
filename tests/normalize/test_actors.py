"""The actor gazetteers (normalize.actors): states, demonyms, metonyms and organisations."""
from __future__ import annotations

import csv
import importlib.util
import json
import re
from importlib import resources
from pathlib import Path

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.normalize.actors import (
    ORG_KINDS,
    ActorEntry,
    actor_surfaces,
    lookup_actor,
    org_kind,
    state_name,
)

DATA = resources.files("armsledger.normalize") / "data"
COUNTRIES = json.loads((DATA / "countries.json").read_text(encoding="utf-8"))
with (DATA / "orgs.csv").open(encoding="utf-8", newline="") as fh:
    ORG_ROWS = list(csv.DictReader(fh))
SPECIAL_ISO3 = {"XKX"}  # Kosovo: user-assigned code, not in ISO 3166-1


def facts(surface: str, lang: str | None) -> tuple[str, str, str, str] | None:
    e = lookup_actor(surface, lang)
    return None if e is None else (e.id, e.actor_id, e.label, e.kind)


# --- exact lookups ------------------------------------------------------------------------------
@pytest.mark.parametrize("surface, lang, expected", [
    # states by name, with articles, accents and apostrophes as the press writes them
    ("les États-Unis", "fr", ("USA", "USA", "GPE", "state")),
    ("Les Etats-Unis", "fr", ("USA", "USA", "GPE", "state")),
    ("the U.S.", "en", ("USA", "USA", "GPE", "state")),
    ("US", "en", ("USA", "USA", "GPE", "state")),
    ("Royaume-Uni", "fr", ("GBR", "GBR", "GPE", "state")),
    ("Britain", "en", ("GBR", "GBR", "GPE", "state")),
    ("la Corée du Sud", "fr", ("KOR", "KOR", "GPE", "state")),
    ("Taïwan", "fr", ("TWN", "TWN", "GPE", "state")),
    ("Türkiye", "en", ("TUR", "TUR", "GPE", "state")),
    ("Turquie", "fr", ("TUR", "TUR", "GPE", "state")),
    ("Tchéquie", "fr", ("CZE", "CZE", "GPE", "state")),
    ("Territoires palestiniens", "fr", ("PSE", "PSE", "GPE", "state")),
    ("Palestine", "en", ("PSE", "PSE", "GPE", "state")),
    ("Kosovo", "en", ("XKX", "XKX", "GPE", "state")),
    ("l'Arabie saoudite", "fr", ("SAU", "SAU", "GPE", "state")),
    ("Émirats arabes unis", "fr", ("ARE", "ARE", "GPE", "state")),
    ("Côte d’Ivoire", "fr", ("CIV", "CIV", "GPE", "state")),
    ("Israel's", "en", ("ISR", "ISR", "GPE", "state")),
    ("Argentine", "fr", ("ARG", "ARG", "GPE", "state")),  # a name before the demonym
    # metonyms
    ("la Maison Blanche", "fr", ("USA", "USA", "GPE", "metonym")),
    ("Maison-Blanche", "fr", ("USA", "USA", "GPE", "metonym")),
    ("the White House", "en", ("USA", "USA", "GPE", "metonym")),
    ("Washington", "en", ("USA", "USA", "GPE", "metonym")),
    ("Kyiv", "en", ("UKR", "UKR", "GPE", "metonym")),
    ("Kiev", "fr", ("UKR", "UKR", "GPE", "metonym")),
    ("Kyïv", "fr", ("UKR", "UKR", "GPE", "metonym")),
    ("le Kremlin", "fr", ("RUS", "RUS", "GPE", "metonym")),
    ("Moscou", "fr", ("RUS", "RUS", "GPE", "metonym")),
    ("Pékin", "fr", ("CHN", "CHN", "GPE", "metonym")),
    ("Beijing", "en", ("CHN", "CHN", "GPE", "metonym")),
    ("Séoul", "fr", ("KOR", "KOR", "GPE", "metonym")),
    ("Riyad", "fr", ("SAU", "SAU", "GPE", "metonym")),
    ("l’Élysée", "fr", ("FRA", "FRA", "GPE", "metonym")),
    ("l'Elysée", "fr", ("FRA", "FRA", "GPE", "metonym")),
    ("Downing Street", "en", ("GBR", "GBR", "GPE", "metonym")),
    ("Tel-Aviv", "fr", ("ISR", "ISR", "GPE", "metonym")),
    ("Varsovie", "fr", ("POL", "POL", "GPE", "metonym")),
    ("Le Caire", "fr", ("EGY", "EGY", "GPE", "metonym")),
    ("l'État hébreu", "fr", ("ISR", "ISR", "GPE", "metonym")),
    ("le pays du Matin clair", "fr", ("KOR", "KOR", "GPE", "metonym")),
    # demonyms, every gender and number
    ("israélien", "fr", ("ISR", "ISR", "GPE", "demonym")),
    ("israélienne", "fr", ("ISR", "ISR", "GPE", "demonym")),
    ("israéliens", "fr", ("ISR", "ISR", "GPE", "demonym")),
    ("Israéliennes", "fr", ("ISR", "ISR", "GPE", "demonym")),
    ("Américains", "fr", ("USA", "USA", "GPE", "demonym")),
    ("Ukrainiens", "fr", ("UKR", "UKR", "GPE", "demonym")),
    ("sud-coréenne", "fr", ("KOR", "KOR", "GPE", "demonym")),
    ("grecque", "fr", ("GRC", "GRC", "GPE", "demonym")),
    ("Israelis", "en", ("ISR", "ISR", "GPE", "demonym")),
    ("American", "en", ("USA", "USA", "GPE", "demonym")),
    ("Ukrainian", "en", ("UKR", "UKR", "GPE", "demonym")),
    # organisations: government bodies stand for their state
    ("Département d'État", "fr", ("STATE_DEPT", "USA", "ORG", "official")),
    ("le département d’Etat", "fr", ("STATE_DEPT", "USA", "ORG", "official")),
    ("State Department", "en", ("STATE_DEPT", "USA", "ORG", "official")),
    ("Pentagone", "fr", ("PENTAGON", "USA", "ORG", "official")),
    ("the Pentagon", "en", ("PENTAGON", "USA", "ORG", "official")),
    ("Congrès", "fr", ("CONGRESS", "USA", "ORG", "official")),
    ("Tsahal", "fr", ("IDF", "ISR", "ORG", "official")),
    ("l'armée israélienne", "fr", ("IDF", "ISR", "ORG", "official")),
    ("Bundeswehr", "fr", ("BUNDESWEHR", "DEU", "ORG", "official")),
    ("ministère de la Santé de Gaza", "fr", ("GAZA_MOH", "PSE", "ORG", "official")),
    ("Gaza’s Health Ministry", "en", ("GAZA_MOH", "PSE", "ORG", "official")),
    ("TECRO", "en", ("TECRO", "TWN", "ORG", "official")),
    # organisations that stand for themselves
    ("DSCA", "en", ("DSCA", "DSCA", "ORG", "official")),
    ("Agence de coopération pour la sécurité et la défense", "fr", ("DSCA", "DSCA", "ORG", "official")),
    ("Defense Security Cooperation Agency", "en", ("DSCA", "DSCA", "ORG", "official")),
    ("l'ONU", "fr", ("UN", "UN", "ORG", "official")),
    ("Nations unies", "fr", ("UN", "UN", "ORG", "official")),
    ("the United Nations", "en", ("UN", "UN", "ORG", "official")),
    ("l'Otan", "fr", ("NATO", "NATO", "ORG", "official")),
    ("NATO", "en", ("NATO", "NATO", "ORG", "official")),
    ("l'Union européenne", "fr", ("EU", "EU", "ORG", "official")),
    ("UE", "fr", ("EU", "EU", "ORG", "official")),
    ("Cour pénale internationale", "fr", ("ICC", "ICC", "ORG", "court")),
    ("CPI", "fr", ("ICC", "ICC", "ORG", "court")),
    ("International Court of Justice", "en", ("ICJ", "ICJ", "ORG", "court")),
    ("la CIJ", "fr", ("ICJ", "ICJ", "ORG", "court")),
    ("AFP", "fr", ("AFP", "AFP", "ORG", "agency")),
    ("Agence France-Presse", "en", ("AFP", "AFP", "ORG", "agency")),
    ("WAFA", "fr", ("WAFA", "WAFA", "ORG", "agency")),
    ("the Associated Press", "en", ("AP", "AP", "ORG", "agency")),
    ("Human Rights Watch", "en", ("HRW", "HRW", "ORG", "ngo")),
    ("CICR", "fr", ("ICRC", "ICRC", "ORG", "ngo")),
    ("SIPRI", "en", ("SIPRI", "SIPRI", "ORG", "expert")),
    ("Hamas", "fr", ("HAMAS", "HAMAS", "ORG", "armed_group")),
    ("le Hezbollah", "fr", ("HEZBOLLAH", "HEZBOLLAH", "ORG", "armed_group")),
    ("les Houthis", "fr", ("HOUTHIS", "HOUTHIS", "ORG", "armed_group")),
    # companies stand for themselves
    ("Lockheed Martin", "en", ("LOCKHEED", "LOCKHEED", "ORG", "company")),
    ("Thales", "fr", ("THALES", "THALES", "ORG", "company")),
    ("BAE Systems", "en", ("BAE_SYSTEMS", "BAE_SYSTEMS", "ORG", "company")),
    ("l'administration Biden", "fr", ("US_ADMIN", "USA", "ORG", "official")),
    # the same acronym means different things by language
    ("RSF", "fr", ("RSF_NGO", "RSF_NGO", "ORG", "ngo")),
    ("RSF", "en", ("RSF", "RSF", "ORG", "armed_group")),
    # English names in a French text fall back to the English entries
    ("State Department", "fr", ("STATE_DEPT", "USA", "ORG", "official")),
])
def test_lookup_actor(surface, lang, expected):
    assert facts(surface, lang) == expected


@pytest.mark.parametrize("surface, lang", [
    ("un", "fr"),          # the article, not the UN
    ("us", "en"),          # the pronoun, not the US
    ("eu", "fr"),          # the participle
    ("Gaza", "fr"),        # a place, not a state actor
    ("Cisjordanie", "fr"),
    ("Congo", "fr"),       # two states
    ("Maurice", "fr"),     # a first name before Mauritius
    ("Grenade", "fr"),     # the weapon before Grenada
    ("La Haye", "fr"),     # seat of courts, not of a government
    ("Emmanuel Macron", "fr"),
    ("", None),
])
def test_lookup_actor_unknown(surface, lang):
    assert lookup_actor(surface, lang) is None


def test_tecro_is_not_a_country():
    entry = lookup_actor("TECRO", "en")
    assert entry.label == "ORG" and entry.kind == "official"
    assert state_name("TECRO", "en") is None
    assert "TECRO" not in COUNTRIES


# --- display names and kinds --------------------------------------------------------------------
@pytest.mark.parametrize("iso3, lang, name", [
    ("USA", "fr", "États-Unis"), ("USA", "en", "United States"),
    ("GBR", "fr", "Royaume-Uni"), ("KOR", "en", "South Korea"),
    ("PSE", "fr", "Palestine"), ("XKX", "en", "Kosovo"), ("TUR", "en", "Turkey"),
    ("DSCA", "en", None), ("ZZZ", "fr", None),
])
def test_state_name(iso3, lang, name):
    assert state_name(iso3, lang) == name


@pytest.mark.parametrize("org_id, kind", [
    ("DSCA", "official"), ("STATE_DEPT", "official"), ("NATO", "official"), ("ICC", "court"),
    ("ICJ", "court"), ("AFP", "agency"), ("REUTERS", "agency"), ("MSF", "ngo"),
    ("SIPRI", "expert"), ("BOEING", "company"), ("HEZBOLLAH", "armed_group"), ("USA", None),
])
def test_org_kind(org_id, kind):
    assert org_kind(org_id) == kind


# --- surfaces for the phrase matcher ------------------------------------------------------------
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_surface_looks_up_to_its_entry(lang):
    for entry in actor_surfaces(lang):
        found = lookup_actor(entry.surface, lang)
        assert found is not None, entry
        assert (found.actor_id, found.label, found.kind) == (entry.actor_id, entry.label, entry.kind), entry


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_surfaces_are_distinct_and_long_enough(lang):
    surfaces = [e.surface for e in actor_surfaces(lang)]
    assert len(surfaces) == len(set(surfaces))
    assert all(len(s) >= 3 or s.isupper() for s in surfaces)
    assert all(s == s.strip() and "  " not in s for s in surfaces)


def test_surfaces_carry_typographic_variants():
    fr = {e.surface: e for e in actor_surfaces("fr")}
    assert fr["Département d’État"].actor_id == "USA"
    assert fr["département d'Etat"].actor_id == "USA"
    assert fr["Etats-Unis"].kind == "state"
    assert fr["israélienne"].kind == "demonym" and fr["Israéliennes"].kind == "demonym"
    assert "Gaza" not in fr and "TECRO" not in {e.surface for e in actor_surfaces("fr") if e.label == "GPE"}


def test_actor_surfaces_rejects_other_languages():
    with pytest.raises(ValueError):
        actor_surfaces("de")


# --- the data files -----------------------------------------------------------------------------
def test_country_keys_are_iso3():
    alpha3 = {c.alpha_3 for c in pycountry.countries} | SPECIAL_ISO3
    assert set(COUNTRIES) <= alpha3
    assert {"USA", "PSE", "XKX", "TWN", "UKR", "ISR"} <= set(COUNTRIES)


def test_country_records_have_the_documented_shape():
    for iso3, record in COUNTRIES.items():
        assert set(record) == {"names", "demonyms", "metonyms"}, iso3
        for section in record.values():
            assert set(section) == {"fr", "en"}, iso3
            assert all(isinstance(s, str) and s for forms in section.values() for s in forms), iso3


def test_coverage():
    named = [k for k, r in COUNTRIES.items() if r["names"]["fr"] and r["names"]["en"]]
    with_demonyms = [k for k, r in COUNTRIES.items() if r["demonyms"]["fr"] and r["demonyms"]["en"]]
    assert len(named) >= 120
    assert len(with_demonyms) >= 80


def test_french_demonyms_come_in_every_gender_and_number():
    fr = COUNTRIES["ISR"]["demonyms"]["fr"]
    assert {"israélien", "israélienne", "israéliens", "israéliennes",
            "Israélien", "Israélienne", "Israéliens", "Israéliennes"} <= set(fr)


def test_org_rows_are_valid():
    assert ORG_ROWS and list(ORG_ROWS[0]) == ["id", "actor_id", "kind", "lang", "name"]
    org_ids = {r["id"] for r in ORG_ROWS}
    seen = set()
    for row in ORG_ROWS:
        assert row["kind"] in ORG_KINDS, row
        assert row["lang"] in {"fr", "en", "*"}, row
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", row["id"]), row
        assert row["actor_id"] in COUNTRIES or row["actor_id"] in org_ids, row
        assert row["name"] == row["name"].strip() and row["name"], row
        for lang in (["fr", "en"] if row["lang"] == "*" else [row["lang"]]):
            assert (lang, row["name"]) not in seen, row
            seen.add((lang, row["name"]))
    # an organisation standing for itself must not pass for a state
    assert not {r["actor_id"] for r in ORG_ROWS if r["actor_id"] == r["id"]} & set(COUNTRIES)
    # one organisation, one kind and one actor
    for org_id in org_ids:
        rows = [r for r in ORG_ROWS if r["id"] == org_id]
        assert len({(r["kind"], r["actor_id"]) for r in rows}) == 1, org_id


def test_countries_json_is_up_to_date():
    """countries.json is what tools/build_countries.py makes from the pinned libraries."""
    script = Path(__file__).resolve().parents[2] / "tools" / "build_countries.py"
    spec = importlib.util.spec_from_file_location("build_countries", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.dump(module.build()) == (DATA / "countries.json").read_text(encoding="utf-8")


# --- properties ---------------------------------------------------------------------------------
ENTRIES = [e for lang in ("fr", "en") for e in actor_surfaces(lang)]


@settings(max_examples=300)
@given(st.sampled_from(ENTRIES), st.sampled_from(["upper", "lower", "article", "spaces"]))
def test_lookup_forgives_case_articles_and_spacing(entry: ActorEntry, change: str):
    surface = entry.surface
    if entry.surface.isupper() and " " not in entry.surface:
        change = "article"  # acronyms match only as written
    if change == "upper":
        surface = surface.upper()
    elif change == "lower":
        surface = surface.lower()
    elif change == "article":
        surface = "the " + surface
    else:
        surface = f"  {surface} "
    found = lookup_actor(surface)
    assert found is not None and found.actor_id == lookup_actor(entry.surface).actor_id
