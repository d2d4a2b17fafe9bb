"""End to end in a real browser: Debian's Chromium, headless, driven by Playwright for Python,
against the desk served by uvicorn on a loopback port. One server and one browser for the
session; screenshots of each page go to test-artifacts/ (ignored by git).

Outside CI the tests skip, saying why, when Chromium or Playwright is missing; under
ARMSLEDGER_REQUIRE_BROWSER=1 (set by .ci/run) that is a failure.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time

import pytest

from armsledger.model import document_id
from desk_documents import ARTIFACTS, CAESAR_EN, CAESAR_FR, HOSTILE, TOKEN, copy_ledger

CHROMIUM = "/usr/bin/chromium"
REQUIRE_VAR = "ARMSLEDGER_REQUIRE_BROWSER"


def _browser_missing() -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"Chromium not found at {CHROMIUM}: apt-get install chromium to run the browser tests"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (make setup installs it from the lock)"
    return None


@pytest.fixture(scope="session")
def desk_url(base_ledger, tmp_path_factory):
    """The desk over a copy of the session's ledger, served by uvicorn in a thread."""
    import uvicorn

    from armsledger.web import create_app
    app = create_app(copy_ledger(base_ledger, tmp_path_factory.mktemp("browser")), TOKEN)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the desk did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    app.state.ledger.close()


@pytest.fixture(scope="session")
def browser():
    missing = _browser_missing()
    if missing:
        if os.environ.get(REQUIRE_VAR) == "1":
            pytest.fail(f"{missing} ({REQUIRE_VAR}=1 requires it)")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


class Watch:
    """What a page did that it should not: dialogs opened, console errors other than the CSP
    refusing something, scripts run (seen as a changed title)."""

    def __init__(self, page):
        self.dialogs, self.errors = [], []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: self.errors.append(str(error)))


@pytest.fixture
def page(browser, desk_url):
    context = browser.new_context(base_url=desk_url, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.watch = Watch(tab)
    yield tab
    assert tab.watch.dialogs == [] and tab.watch.errors == []
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_open_the_ledger_and_filter(page):
    page.goto("/")
    assert page.locator("#counts strong").inner_text() == "4"
    assert page.locator("table#deals tbody tr").count() == 4
    shot(page, "ledger")
    page.fill("input[name=supplier]", "USA")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"supplier=USA"))
    assert page.locator("table#deals tbody tr").count() == 1
    assert "AIM-120" in page.locator("table#deals tbody").inner_text()
    page.click("th >> text=Value")  # sorting is a link: works without script
    assert "sort=value" in page.url
    shot(page, "ledger-filtered")


def test_open_a_deal_then_a_document_and_see_its_highlights(page):
    page.goto("/?q=howitzers")
    page.click("a.deal-link")
    page.wait_for_url(re.compile(r"/deals/"))
    assert page.locator(".source").count() == 2
    assert "Caesar" in " ".join(page.locator("blockquote.excerpt").first.locator("mark.hl-item").all_inner_texts())
    assert page.locator(".disagree").inner_text() == "the sources disagree"
    shot(page, "deal")
    page.click(f"text={CAESAR_FR.title}")
    page.wait_for_url(re.compile(r"/documents/sha256"))
    marks = page.locator("#doc-text mark.hl")
    assert marks.count() >= 4
    assert set(page.eval_on_selector_all("#doc-text mark.hl", "els => els.map(e => e.className)")) >= {
        "hl hl-transfer", "hl hl-item", "hl hl-figure", "hl hl-quote"}
    colours = set(page.eval_on_selector_all("#doc-text mark.hl",
                                            "els => els.map(e => getComputedStyle(e).backgroundColor)"))
    assert len(colours) >= 4  # the stylesheet loaded under the CSP: one colour per kind
    page.click("#doc-text a.hl-label-figure")
    assert page.url.endswith("#rec-" + page.locator("article.record-figures").get_attribute("data-record"))
    shot(page, "document")


def test_a_hostile_article_runs_no_script_and_leaks_no_markup(page):
    page.goto(f"/documents/{document_id(HOSTILE.text)}")
    page.wait_for_load_state("load")
    # a script of the article would have set the title to PWNED-...: it is the escaped title, as written
    assert page.title() == "<script>document.title='PWNED-title'</script>Hostile · armsledger"
    assert page.evaluate("document.querySelectorAll('#doc-text script, #doc-text img, #doc-text svg, "
                         "#doc-text style, #doc-text a[href^=javascript]').length") == 0
    # the text the reader sees, without the desk's labels, is the article's text as written
    shown = page.evaluate("""() => { const copy = document.querySelector('#doc-text').cloneNode(true);
        copy.querySelectorAll('.hl-label').forEach(label => label.remove()); return copy.textContent; }""")
    assert shown == HOSTILE.text
    assert page.locator("h1.doc-title").inner_text() == "<script>document.title='PWNED-title'</script>Hostile"
    shot(page, "hostile")


def test_a_5mb_line_opens_quickly(page):
    from desk_documents import long_line_extraction
    started = time.monotonic()
    page.goto(f"/documents/{long_line_extraction().document.id}")
    assert time.monotonic() - started < 5
    assert "text page 1 of 250" in page.locator(".text-pager").inner_text()
    assert page.title() == "Long line · armsledger"


def test_country_page(page):
    page.goto("/countries/UKR")
    assert page.locator("h1").inner_text() == "Ukraine UKR"
    assert page.locator(".attribution").first.inner_text() == "stated by ONU"
    assert page.locator("#figures-chart circle").count() == 1
    shot(page, "country")


def login(page) -> None:
    page.goto("/login")
    page.fill("input[name=name]", "Ada")
    page.fill("input[name=token]", TOKEN)
    page.click("#login-form button")
    page.wait_for_url(re.compile(r"/$"))
    assert "reviewing as Ada" in page.locator("header .who").inner_text()


def test_correct_a_record_and_see_it_after_a_reload(page):
    login(page)
    page.goto(f"/documents/{document_id(CAESAR_EN.text)}")
    card = page.locator("article.record-transfers").first
    assert "65,000,000 EUR" in card.inner_text()
    card.locator("select[name=field]").select_option("value.amount")
    card.locator("input[name=value]").fill("64000000")
    card.locator("button.btn-correct").click()
    page.wait_for_load_state("load")
    page.reload()
    card = page.locator("article.record-transfers").first
    assert "64,000,000 EUR" in card.inner_text()
    assert card.locator(".review-status").inner_text() == "corrected"
    assert re.search(r"correct value\.amount: 65000000\.0 → 64000000\.0 by Ada at \d{4}-",
                     card.locator(".decisions").inner_text())
    shot(page, "review")


def test_split_a_deal(page):
    login(page)
    page.goto("/?q=howitzers")
    page.click("a.deal-link")
    assert page.locator(".source").count() == 2
    page.locator(f".source[data-document='{document_id(CAESAR_EN.text)}'] .split-form button").click()
    page.wait_for_url(re.compile(r"/deals/"))
    assert page.locator(".source").count() == 1
    assert CAESAR_FR.title in page.locator(".sources").inner_text()
    shot(page, "split")
