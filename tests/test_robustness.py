"""Whatever the words, extraction returns schema-shaped records whose evidence lies inside the
text: a property test over texts assembled from the pieces the extractors react to."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from armsledger.model import SourceDocument
from armsledger.pipeline import extract_documents

PIECES = ["Les États-Unis", "la France", "Israël", "to Ukraine", "à la Pologne", "a approuvé", "approved",
          "une vente de", "the sale of", "12", "3 845", "1,200", "plus de", "up to", "missiles", "AIM-120C-8",
          "KMU-572 F/B", "chars Leopard 2A6", "Caesar", "pour un montant de", "$1.2 billion", "510 millions de dollars",
          "«", "»", "\"", "“", "”", "(", ")", ",", ".", "\n\n", "a déclaré", "said", "M. Dupont", "Jane Smith",
          "selon le ministère de la Santé", "according to AFP", "tués", "killed", "blessés", "la CPI", "the ICJ",
          "mandat d'arrêt", "genocide", "lundi", "last November", "depuis octobre 2023", "Cette vente", "It includes",
          "(i) Prospective Purchaser: Government of Chile", "Total ........ $50 million", "ce dernier", "dont"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), lang=st.sampled_from(["fr", "en"]))
def test_any_assembly_of_cues_extracts_with_evidence_inside_the_text(pieces, lang, nlp_ready):
    text = " ".join(pieces)
    if not text.strip():
        return
    (result,) = list(extract_documents([SourceDocument(text=text, language=lang, published="2025-07-01")]))
    data = result.to_json_dict()
    n = len(data["document"]["text"])
    for section in ("transfers", "aid", "figures", "legal_actions", "quotes"):
        for record in data[section]:
            assert record["evidence"], section
            assert all(0 <= a <= b <= n for a, b in record["evidence"]), (section, record["evidence"], n)
            for item in record.get("items", []):
                assert all(0 <= a <= b <= n for a, b in item["evidence"])
