"""The desk's HTML pages: what they show, escaping of hostile text, bounded long documents,
security headers, logging in and CSRF-checked forms."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape

from armsledger.model import document_id
from armsledger.web.app import CSP
from armsledger.web.reading import CHUNK
from desk_documents import CAESAR_EN, CAESAR_FR, HOSTILE, TOKEN, long_line_extraction

CAESAR_FR_ID, CAESAR_EN_ID, HOSTILE_ID = (document_id(d.text) for d in (CAESAR_FR, CAESAR_EN, HOSTILE))
LONG_ID = long_line_extraction().document.id


def caesar_deal(client) -> str:
    return next(d["id"] for d in client.get("/api/deals").json()["deals"]
                if CAESAR_FR_ID in [s["document"] for s in d["sources"]])


def login(client, name: str = "Ada") -> str:
    """Log in; returns the CSRF token the pages now carry."""
    response = client.post("/login", data={"token": TOKEN, "name": name, "next": "/"}, follow_redirects=False)
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
    return re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/").text).group(1)


@pytest.mark.parametrize("path", ["/", "/documents", "/documents/new", "/login", "/countries/UKR", "/nowhere",
                                  "/static/desk.css", "/api/deals"])
def test_every_response_carries_the_security_headers(client, path):
    headers = client.get(path).headers
    assert headers["content-security-policy"] == CSP
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert (headers["x-content-type-options"], headers["x-frame-options"]) == ("nosniff", "DENY")


def test_ledger_page(client):
    page = client.get("/", params={"sort": "value", "order": "desc"}).text
    assert '<p class="counts" id="counts"><strong>4</strong> deals\n · values: <span class="total">65,000,000 EUR</span>, ' \
           '<span class="total">400,000,000 USD</span>' in page
    rows = re.findall(r'<tr data-deal="([^"]+)">', page)
    assert len(rows) == 4
    # each deal once, its count beside its item: 12 Caesar from both reports, 6 from the other two
    assert re.findall(r'<a class="deal-link" href="/deals/deal_\w+">(.*?)</a>', page) == [
        '40 AIM-120 <span class="cat">missile</span>', '12 Caesar <span class="cat">artillery</span>',
        '4 radar <span class="cat">sensor</span>', '6 Caesar <span class="cat">artillery</span>']
    values = re.findall(r'<td class="num">([^<]+)</td>\s*<td class="num">(\d+)</td>', page)
    assert values == [("400,000,000", "1"), ("65,000,000", "2"), ("—", "1"), ("—", "2")]
    assert '<th class="sorted desc" aria-sort="descending"><a href="/?sort=value&amp;order=asc' in page
    assert '<img src="/pictures/flows.svg?" alt="Deals from supplier to recipient">' in page
    assert '<img src="/pictures/timeline.svg?" alt="Deals by year and category">' in page


def test_pictures_are_svg_images_of_the_filtered_ledger(client):
    flows = client.get("/pictures/flows.svg", params={"supplier": "USA"})
    assert flows.headers["content-type"] == "image/svg+xml"
    assert flows.text.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="chart"')
    assert flows.text.count('<path class="flow"') == 1 and "United States → Poland: 1 deal(s)" in flows.text
    timeline = client.get("/pictures/timeline.svg").text
    assert re.findall(r"<title>(\d{4} \w+: \d+)</title>", timeline) == [
        "2024 missile: 1", "2025 artillery: 2", "2025 sensor: 1"]
    hostile = client.get("/pictures/flows.svg", params={"supplier": "<script>"}).text
    assert "<script" not in hostile and "No deals to draw." in hostile


def test_ledger_page_filters_echo_escaped(client):
    page = client.get("/", params={"q": '"><script>alert(1)</script>', "supplier": "USA"}).text
    assert "<script>alert(1)</script>" not in page
    assert 'value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    assert "<strong>0</strong> deals" in page


def test_deal_page_shows_sources_in_time_order_with_highlighted_evidence(client):
    page = client.get(f"/deals/{caesar_deal(client)}").text
    assert page.index(CAESAR_FR.title) < page.index(CAESAR_EN.title)
    assert '<ul class="items"><li>12 Caesar <span class="cat">artillery</span></li></ul>' in page
    assert '<span class="disagree">the sources disagree</span>' in page
    assert '<mark class="hl hl-item"' in page and '<mark class="hl hl-transfer"' in page
    assert "Split this source off" not in page  # not logged in
    assert '<a href="/login">Log in to review</a>' in page


def test_document_page_highlights_every_record_by_kind(client):
    page = client.get(f"/documents/{CAESAR_FR_ID}").text
    kinds = set(re.findall(r'<mark class="hl hl-(\w+)"', page.split('<div class="doc-text"')[1]))
    assert kinds == {"transfer", "item", "figure", "quote"}
    records = re.findall(r'<article class="record record-(\w+)" id="rec-([^"]+)"', page)
    assert [kind for kind, _ in records] == ["transfers", "figures", "quotes"]
    for _, record_id in records:  # links both ways: the record to its words, the words' label to the record
        assert f'id="ev-{record_id}"' in page and f'href="#rec-{record_id}"' in page


def test_hostile_article_is_shown_escaped(client):
    page = client.get(f"/documents/{HOSTILE_ID}").text
    shown = page.split('<div class="doc-text" id="doc-text">')[1].split("</div>")[0]
    # the desk's own markup around the evidence, and nothing else: the text itself, escaped
    ours = re.compile(r'<span class="anchor" id="ev-\w+"></span>|<mark class="hl hl-\w+" data-records="[\w ]+">|</mark>'
                      r'|<a class="hl-label hl-label-\w+" href="#rec-\w+">[A-Z]+</a>')
    assert ours.sub("", shown) == str(escape(HOSTILE.text))
    assert "&lt;script&gt;document.title=&#39;PWNED-script&#39;&lt;/script&gt;" in shown
    assert "&amp;lt;b&amp;gt;pas gras&amp;lt;/b&amp;gt; &amp;amp;amp; &amp;#60;i&amp;#62;" in shown
    # the title and source, too; and no page holds a script tag or a javascript: link at all
    assert "<title>&lt;script&gt;document.title=&#39;PWNED-title&#39;&lt;/script&gt;Hostile · armsledger</title>" in page
    deal = next(d["id"] for d in client.get("/api/deals").json()["deals"]
                if HOSTILE_ID in [s["document"] for s in d["sources"]])
    for other in (page, client.get("/documents").text, client.get(f"/deals/{deal}").text, client.get("/").text):
        assert "<script" not in other and 'href="javascript:' not in other and "<img src=x" not in other


def test_a_5mb_line_is_shown_a_page_at_a_time(client):
    first = client.get(f"/documents/{LONG_ID}")
    assert first.status_code == 200
    assert len(first.content) < 3 * CHUNK + 20_000
    pages = -(-len(long_line_extraction().document.text) // CHUNK)
    assert pages == 250
    assert f"text page 1 of {pages}" in first.text and '<mark class="hl hl-transfer"' in first.text
    last_offset = long_line_extraction().transfers[1].evidence[0][0]
    last = client.get(f"/documents/{LONG_ID}", params={"at": last_offset})
    assert f"text page {pages} of {pages}" in last.text and len(last.content) < 3 * CHUNK + 20_000
    assert '<mark class="hl hl-item"' in last.text and "4 radars" in last.text
    assert "<script" not in first.text + last.text


def test_country_page_gives_plain_attribution(client):
    page = client.get("/countries/UKR").text
    assert '<span class="attribution">stated by ONU</span>' in page
    assert "<td>2025</td><td class=\"num\">0</td><td class=\"num\">4</td>" in page
    assert 'id="figures-chart"' in page and "<circle" in page


def test_errors_are_pages_with_the_same_fields(client):
    response = client.get("/deals/deal_nope")
    assert response.status_code == 404
    assert 'data-status="404" data-code="AL402"' in response.text
    assert "no deal has the id &#39;deal_nope&#39;" in response.text


# --- logging in and writing ----------------------------------------------------------------------

def test_wrong_token_does_not_log_in(client):
    response = client.post("/login", data={"token": "nope", "name": "Eve"}, follow_redirects=False)
    assert response.status_code == 401 and "set-cookie" not in response.headers
    assert "That is not the desk's token." in response.text


def test_forms_need_a_session_and_its_csrf_token(client):
    record = client.get(f"/api/documents/{CAESAR_FR_ID}").json()["records"]["transfers"][0]
    form = {"document_id": CAESAR_FR_ID, "kind": "transfers", "record_id": record["record_id"], "action": "reject"}
    assert client.post("/reviews", data=form, follow_redirects=False).status_code == 401
    csrf = login(client)
    assert client.post("/reviews", data=form, follow_redirects=False).status_code == 403
    assert client.post("/reviews", data={**form, "csrf": "0" * 64}, follow_redirects=False).status_code == 403
    assert client.get(f"/api/documents/{CAESAR_FR_ID}").json()["records"]["transfers"][0]["review"]["decisions"] == []
    done = client.post("/reviews", data={**form, "csrf": csrf}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/documents/{CAESAR_FR_ID}#rec-{record['record_id']}"
    page = client.get(f"/documents/{CAESAR_FR_ID}").text
    assert f'<article class="record record-transfers review-rejected" id="rec-{record["record_id"]}"' in page
    assert re.search(r'<li class="decision decision-reject">reject by Ada at \d{4}-\d\d-\d\dT', page)


def test_a_session_of_another_desk_token_is_refused(desk_db, client):
    from fastapi.testclient import TestClient

    from armsledger.web import create_app
    login(client)
    other = TestClient(create_app(desk_db, "another-token-456789"))
    other.cookies.update(client.cookies)
    assert "reviewing as" not in other.get("/").text


def test_split_from_the_deal_page(client):
    csrf = login(client)
    deal = caesar_deal(client)
    assert "Split this source off" in client.get(f"/deals/{deal}").text
    response = client.post(f"/deals/{deal}/split", data={"document": CAESAR_EN_ID, "csrf": csrf},
                           follow_redirects=False)
    assert response.status_code == 303
    remaining = client.get(response.headers["location"]).text
    assert CAESAR_FR.title in remaining and CAESAR_EN.title not in remaining


def test_add_a_document_from_the_page(client):
    csrf = login(client)
    text = "Londres a livré 14 chars Challenger à l'Ukraine, a annoncé le ministère britannique."
    response = client.post("/documents", data={"text": text, "title": "Challenger", "language": "fr",
                                               "published": "2025-01-20", "csrf": csrf}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/documents/{document_id(text)}"
    page = client.get(response.headers["location"]).text
    assert "<h1 class=\"doc-title\">Challenger</h1>" in page and '<mark class="hl hl-transfer"' in page


def test_upload_a_file(client):
    csrf = login(client)
    html = ("<html><head><title>Upload</title></head><body><article><p>Rome a livré 2 frégates FREMM à l'Égypte, "
            "a annoncé le ministère italien de la Défense dans un communiqué publié lundi.</p></article></body></html>"
            ).encode()
    response = client.post("/documents", data={"csrf": csrf, "language": "fr"},
                           files={"file": ("story.html", html, "text/html")}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert "frégates" in client.get(response.headers["location"]).text
