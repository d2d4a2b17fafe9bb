"""HTML input: the main text, title, date and URL of a page, via trafilatura.

trafilatura finds the main text. When it finds none (a bare fragment such as `<p>…</p>`, or a
page it judges to be all boilerplate) we fall back to the visible text of `<body>` without
scripts, styles, navigation, asides and forms; only when that is empty too is the page refused
with NoMainText.
"""
from __future__ import annotations

import functools
from collections.abc import Iterator
from configparser import ConfigParser

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from armsledger.errors import InputError, NoMainText
from armsledger.ingest.hygiene import strip_xml_forbidden
from armsledger.ingest.limits import MAX_FILE_BYTES
from armsledger.ingest.text import decode_bytes, iso_date, normalise_newlines
from armsledger.model.records import SourceDocument

# Only dates the markup states (meta, <time>, JSON-LD, URL); the extensive search would also
# take a date mentioned in the body, which for news is often not the publication date.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_SKIP_TAGS = ("script", "style", "noscript", "template", "nav", "aside", "form", "head")
_BLOCK_TAGS = ("p", "div", "br", "li", "dd", "dt", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
               "blockquote", "pre", "section", "article", "header", "footer", "figcaption",
               "table", "ul", "ol", "dl", "address", "hr")
# The text is already decoded; a <meta charset> or XML declaration must not re-decode it.
_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")


@functools.cache
def _trafilatura_config() -> ConfigParser:
    config = use_config()
    # Below MIN_EXTRACTED_SIZE characters trafilatura swaps its result for a "baseline" dump
    # that joins headline, dateline and paragraphs into one line; short notices are common in
    # our input, so trust the main extractor down to 100 characters (default 250).
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "100")
    config.set("DEFAULT", "MAX_FILE_SIZE", str(MAX_FILE_BYTES))  # default 20 MB would refuse
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # SIGALRM-based; breaks outside the main thread
    return config


def html_to_document(html: str, source: str) -> SourceDocument:
    """A SourceDocument from an HTML page: main text, title, `published` (YYYY-MM-DD) and, when
    the page declares its URL (canonical link, og:url), that URL as `source`, else `source`.

    Raises NoMainText (with `source`) when the page has no text outside boilerplate.
    """
    html = strip_xml_forbidden(html)
    try:
        found = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=_DATE_PARAMS, config=_trafilatura_config())
    except Exception:  # noqa: BLE001 - trafilatura raises assorted errors on broken markup
        found = None
    text = normalise_newlines(found.text or "").strip() if found else ""
    title = found.title if found else None
    if not text:
        text, title = _body_text(html, source)
    return SourceDocument(
        text=text,
        source=(found.url if found else None) or source,
        title=title or None,
        published=iso_date(found.date) if found else None,
    )


def _body_text(html: str, source: str) -> tuple[str, str | None]:
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=_UTF8_PARSER)
    except (etree.ParserError, ValueError):
        raise NoMainText("HTML could not be parsed", source=source) from None
    title = root.findtext(".//title")
    body = root.find("body")
    if body is None:
        raise NoMainText("HTML has no <body>", source=source)
    text = element_text(body)
    if not text:
        raise NoMainText("HTML has no main text", source=source)
    return text, title.strip() if title else None


def element_text(element: etree._Element) -> str:
    """The visible text of an HTML element: one line per block, runs of spaces collapsed,
    blank lines dropped; scripts, styles, navigation, asides and forms left out."""
    etree.strip_elements(element, *_SKIP_TAGS, etree.Comment, etree.ProcessingInstruction,
                         with_tail=False)
    for block in element.iter(*_BLOCK_TAGS):
        block.tail = "\n" + (block.tail or "")
        if block.tag != "br":
            block.text = "\n" + (block.text or "")
    lines = (" ".join(line.split()) for line in element.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def html_fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed summary): see `element_text`; "" if none."""
    fragment = strip_xml_forbidden(fragment)
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return normalise_newlines(fragment).strip()
    return element_text(root)


def read_html(data: bytes, source: str) -> Iterator[SourceDocument | InputError]:
    """Reader for `.html`/`.htm`: one SourceDocument; raises InputError."""
    yield html_to_document(decode_bytes(data, source), source)
