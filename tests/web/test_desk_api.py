"""The desk's JSON API: views, filters, one error shape, writes only with the token."""
from __future__ import annotations

import pytest

from armsledger.model import document_id
from desk_documents import CAESAR_EN, CAESAR_FR, HOSTILE, MISSILES_EN, long_line_extraction

CAESAR_FR_ID, CAESAR_EN_ID, MISSILES_ID, HOSTILE_ID = (document_id(d.text) for d in (CAESAR_FR, CAESAR_EN, MISSILES_EN,
                                                                                     HOSTILE))
LONG_ID = long_line_extraction().document.id


def deal_ids(client, **params) -> list[str]:
    response = client.get("/api/deals", params=params)
    assert response.status_code == 200, response.text
    return [d["id"] for d in response.json()["deals"]]


def deal_with(client, doc_id: str) -> dict:
    return next(d for d in client.get("/api/deals").json()["deals"] if doc_id in [s["document"] for s in d["sources"]])


def test_counts(client):
    # six transfer records, four deals: 12 Caesar (the French and English reports), 6 Caesar (the
    # hostile article and the long line), the AIM-120 missiles, the radars (no supplier: alone); two
    # quotes (the minister's, in French and English): the hostile article's quoted markup is no one's words
    assert client.get("/api/counts").json() == {
        "documents": 5, "transfers": 6, "aid": 0, "figures": 2, "legal_actions": 0, "quotes": 2, "deals": 4,
        "deal_sources": 6}


def test_deals_are_counted_totalled_and_paged(client):
    data = client.get("/api/deals", params={"per_page": 2, "sort": "date", "order": "asc"}).json()
    assert (data["total"], data["page"], data["per_page"], data["pages"]) == (4, 1, 2, 2)
    # each deal once, at the largest value its sources give: the Caesar deal's reports say 60 and 65 million
    assert data["totals"] == {"EUR": 65_000_000.0, "USD": 400_000_000.0}
    assert [d["date"] for d in data["deals"]] == ["2024-11-04", "2025-03-03"]  # "on Monday", "lundi"
    second = client.get("/api/deals", params={"per_page": 2, "page": 2, "sort": "date", "order": "asc"}).json()
    assert (second["total"], second["page"], second["pages"], second["totals"]) == (4, 2, 2, data["totals"])
    assert [([s["document"] for s in d["sources"]], d["date"], d["value_max"], d["source_count"])
            for d in data["deals"] + second["deals"]] == [
        ([MISSILES_ID], "2024-11-04", 400_000_000.0, 1),
        ([CAESAR_FR_ID, CAESAR_EN_ID], "2025-03-03", 65_000_000.0, 2),
        ([HOSTILE_ID, LONG_ID], "2025-04-01", None, 2),  # undated: the earliest publication
        ([LONG_ID], "2025-04-02", None, 1)]
    assert sorted(deal_ids(client)) == sorted(deal_ids(client, sort="supplier", order="asc"))


def test_flows_and_timeline(client):
    assert client.get("/api/flows", params={"recipient": "UKR"}).json() == [
        {"supplier_id": "FRA", "supplier_name": "France", "recipient_id": "UKR", "recipient_name": "Ukraine", "deals": 2}]
    assert client.get("/api/timeline", params={"year": "2024"}).json() == [
        {"year": "2024", "category": "missile", "deals": 1}]
    assert client.get("/api/timeline", params={"year": "2025"}).json() == [
        {"year": "2025", "category": "artillery", "deals": 2}, {"year": "2025", "category": "sensor", "deals": 1}]


def test_filters(client):
    missiles = deal_with(client, MISSILES_ID)["id"]
    caesar = deal_with(client, CAESAR_FR_ID)["id"]
    assert deal_ids(client, supplier="USA") == [missiles]
    assert deal_ids(client, supplier="united st") == [missiles]
    assert deal_ids(client, recipient="POL", status="approved", year="2024") == [missiles]
    assert deal_ids(client, q="howitzers") == [caesar]
    assert deal_ids(client, category="missile") == [missiles]
    six_guns = deal_with(client, HOSTILE_ID)["id"]
    assert sorted(deal_ids(client, category="artillery")) == sorted([caesar, six_guns])
    assert sorted(deal_ids(client, recipient="UKR")) == sorted([caesar, six_guns])
    assert deal_ids(client, year="1999") == []


@pytest.mark.parametrize("value", ["'; DROP TABLE deals; --", "%", "_", "\" OR 1=1 --", "NEAR(a b)", "*", "a AND OR",
                                   "\\", "\x00", "' UNION SELECT deal FROM deals --"])
def test_sql_metacharacters_in_filters_change_nothing(client, value):
    before = client.get("/api/counts").json()
    for name in ("q", "supplier", "recipient", "category", "status"):
        response = client.get("/api/deals", params={name: value})
        assert response.status_code == 200, (name, response.text)
        assert response.json()["deals"] == [], name
    assert client.get("/api/documents", params={"q": value}).status_code == 200
    assert client.get("/api/counts").json() == before


def test_errors_have_one_shape(client):
    assert client.get("/api/deals/deal_nope").json() == {"error": {
        "status": 404, "code": "AL402", "message": "no deal has the id 'deal_nope' (armsledger transfers lists them)"}}
    assert client.get("/api/documents/sha256:nope").json() == {"error": {
        "status": 404, "code": "AL402", "message": "no document has the id 'sha256:nope'"}}
    assert client.get("/api/deals", params={"sort": "bad"}).json() == {"error": {
        "status": 422, "code": "invalid", "message": "sort: one of date, supplier, recipient, status, value, sources, id"}}
    assert client.get("/api/deals", params={"per_page": 0}).json() == {"error": {
        "status": 422, "code": "invalid", "message": "per_page: Input should be greater than or equal to 1"}}
    assert client.get("/api/nowhere").json() == {"error": {"status": 404, "code": "not_found", "message": "Not Found"}}


def test_openapi_documents_every_view_and_the_error_shape(client):
    schema = client.get("/api/openapi.json").json()
    assert sorted(schema["paths"]) == ["/api/countries/{iso3}", "/api/counts", "/api/deals", "/api/deals/{deal_id}",
                                       "/api/deals/{deal_id}/join", "/api/deals/{deal_id}/split", "/api/documents",
                                       "/api/documents/{doc_id}", "/api/flows", "/api/reviews", "/api/timeline"]
    assert "ErrorResponse" in schema["components"]["schemas"]
    assert "404" in schema["paths"]["/api/deals/{deal_id}"]["get"]["responses"]


def test_deal_view_puts_sources_in_time_order_and_values_side_by_side(client):
    deal = deal_with(client, CAESAR_FR_ID)
    data = client.get(f"/api/deals/{deal['id']}").json()
    assert [s["document"] for s in data["sources"]] == [CAESAR_FR_ID, CAESAR_EN_ID]
    assert data["values"] == {"disagree": True, "rows": [
        {"amount": 60_000_000.0, "currency": "EUR", "qualifier": "exact", "sources": [CAESAR_FR_ID]},
        {"amount": 65_000_000.0, "currency": "EUR", "qualifier": "exact", "sources": [CAESAR_EN_ID]}]}
    assert data["quantities"] == [{"designation": "Caesar", "disagree": False, "reports": [
        {"quantity": 12, "sources": [CAESAR_FR_ID, CAESAR_EN_ID]}]}]  # one count, both documents give it
    assert [(s["status"], s["date"], s["document"]) for s in data["steps"]] == [
        ("delivered", "2025-03-03", CAESAR_FR_ID), ("delivered", "2025-03-04", CAESAR_EN_ID)]
    excerpt = data["sources"][0]["excerpts"][0]
    assert excerpt["text"].startswith("La France a livré 12 canons Caesar à l'Ukraine")
    assert {s["kind"] for s in excerpt["spans"]} == {"transfer", "item"}


def test_country_view(client):
    data = client.get("/api/countries/ukr").json()
    assert (data["iso3"], data["name"]) == ("UKR", "Ukraine")
    assert data["years"] == [{"year": "2025", "out": 0, "in": 4}]
    assert [f["attribution"] for f in data["figures"]] == ["stated by ONU"]
    assert [(p["date"], p["value"], p["source"]) for p in data["points"]] == [("2025-03-10", 35.0, "ONU")]
    assert [f["value"] for f in client.get("/api/countries/PSE").json()["figures"]] == [120.0]


# --- writes ---------------------------------------------------------------------------------------

def first_transfer(client, doc_id: str) -> dict:
    return client.get(f"/api/documents/{doc_id}").json()["records"]["transfers"][0]


WRITES = [("post", "/api/reviews", {"document_id": CAESAR_FR_ID, "kind": "transfers", "record_id": "x",
                                     "action": "accept"}),
          ("post", "/api/deals/deal_x/split", {"document_id": CAESAR_FR_ID}),
          ("post", "/api/deals/deal_x/join", {"other": "deal_y"}),
          ("post", "/api/documents", {"text": "La France a livré 3 canons Caesar à l'Ukraine."})]


@pytest.mark.parametrize("method,path,body", WRITES)
@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong-token-123"}, {"Authorization": "Basic x"},
                                     {"Cookie": "desk_session=forged.0"}])
def test_writes_refuse_requests_without_the_token(client, method, path, body, headers):
    before = client.get("/api/counts").json()
    response = client.request(method, path, json=body, headers=headers)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert client.get("/api/counts").json() == before


def test_a_read_only_desk_refuses_every_write(desk_db, auth):
    from fastapi.testclient import TestClient

    from armsledger.web import create_app
    with TestClient(create_app(desk_db, None)) as read_only:
        for method, path, body in WRITES:
            response = read_only.request(method, path, json=body, headers=auth)
            assert response.json()["error"] == {"status": 401, "code": "read_only",
                                                "message": "this desk is read-only: start it with a token to write"}


def test_review_correct_accept_reject(client, auth):
    record = first_transfer(client, CAESAR_FR_ID)
    base = {"document_id": CAESAR_FR_ID, "kind": "transfers", "record_id": record["record_id"]}
    made = client.post("/api/reviews", json={**base, "action": "correct", "field": "value.amount",
                                             "value": "62 000 000"}, headers=auth)
    assert made.status_code == 201
    decision = made.json()
    assert {k: decision[k] for k in ("action", "field", "old_value", "new_value", "made_by")} == {
        "action": "correct", "field": "value.amount", "old_value": 60_000_000.0, "new_value": 62_000_000.0,
        "made_by": "Ada"}
    shown = first_transfer(client, CAESAR_FR_ID)
    assert shown["value"] == {"amount": 62_000_000.0, "currency": "EUR", "qualifier": "exact"}
    assert shown["review"]["status"] == "corrected"
    client.post("/api/reviews", json={**base, "action": "reject"}, headers=auth)
    assert first_transfer(client, CAESAR_FR_ID)["review"]["status"] == "rejected"
    client.post("/api/reviews", json={**base, "action": "accept"}, headers=auth)
    assert [d["action"] for d in first_transfer(client, CAESAR_FR_ID)["review"]["decisions"]] == [
        "correct", "reject", "accept"]


@pytest.mark.parametrize("field,value,message", [
    ("status", "bogus", "the corrected record is not valid: status: Input should be 'requested', 'proposed', "
                        "'approved', 'signed', 'delivered', 'cancelled', 'rejected' or 'unknown'"),
    ("value.amount", "lots", "value.amount: 'lots' is not a number"),
    ("evidence", "[]", "transfers records have no correctable field 'evidence' (one of: supplier.id, supplier.name, "
                       "recipient.id, recipient.name, status, channel, date, value.amount, value.currency, "
                       "items.0.designation, items.0.category, items.0.quantity)"),
])
def test_a_correction_that_makes_an_invalid_record_is_refused(client, auth, field, value, message):
    record = first_transfer(client, CAESAR_FR_ID)
    response = client.post("/api/reviews", json={"document_id": CAESAR_FR_ID, "kind": "transfers",
                                                 "record_id": record["record_id"], "action": "correct",
                                                 "field": field, "value": value}, headers=auth)
    assert response.json() == {"error": {"status": 422, "code": "AL403", "message": message}}
    assert first_transfer(client, CAESAR_FR_ID)["review"] == {"status": None, "decisions": []}


def test_split_and_join(client, auth):
    deal = deal_with(client, CAESAR_FR_ID)
    response = client.post(f"/api/deals/{deal['id']}/split", json={"document_id": CAESAR_EN_ID}, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["new_decision"] is True
    assert deal_with(client, CAESAR_FR_ID)["id"] != deal_with(client, CAESAR_EN_ID)["id"]
    again = client.post(f"/api/deals/{deal_with(client, CAESAR_FR_ID)['id']}/split",
                        json={"document_id": CAESAR_FR_ID}, headers=auth)
    assert again.json()["error"]["code"] == "AL200"  # a deal of one source has nothing to split from
    joined = client.post(f"/api/deals/{deal_with(client, CAESAR_FR_ID)['id']}/join",
                         json={"other": deal_with(client, CAESAR_EN_ID)["id"]}, headers=auth)
    assert joined.status_code == 200 and joined.json()["new_decision"] is True


def test_add_a_document(client, auth):
    text = "Berlin a livré 4 chars Leopard à la Lituanie, a annoncé le ministère allemand."
    response = client.post("/api/documents", json={"text": text, "title": "Leopard", "language": "fr",
                                                   "published": "2025-05-05"}, headers=auth)
    assert response.status_code == 201, response.text
    assert response.json() == {"documents": [document_id(text)]}
    shown = client.get(f"/api/documents/{document_id(text)}").json()
    assert (shown["document"]["title"], shown["text"]) == ("Leopard", text)
    assert client.get("/api/counts").json()["documents"] == 6
