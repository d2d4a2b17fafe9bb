"""Fuzz campaign: hostile input files through `armsledger extract`, checked batch by batch.

    .venv/bin/python bench/fuzz.py                         # 10,000 inputs, seed 0, 2 jobs
    .venv/bin/python bench/fuzz.py --inputs 600 --seed 3 --keep /tmp/fuzz [--json] [--strict]

Classes, in equal shares; each goes through its variants in a seeded shuffled order (the files are the
same for a seed, bar the port of the local trap server written into URLs):
  bytes          random bytes, NULs, truncated UTF-8 sequences, lone 0xFF/0xC0, CESU surrogates
  encodings      a sentence in UTF-16/32 with and without BOM, latin-1, cp1252, UTF-7, UTF-8 with a
                 stray byte, a BOM in the middle, overlong sequences
  long_lines     one line of 100k-900k letters, spaces, digits or words, 20k+ quotation marks, 50k
                 parentheses; some files over the 1,000,000-character document limit
  html           scripts, malformed tags, control characters, huge attributes, bad character references,
                 <base>, XXE and XInclude of /etc/passwd, entity expansion, deep nesting, lying
                 charsets, empty bodies, comments only
  feeds          RSS/Atom/RDF with missing parts, broken markup, control characters, a stray byte, lying
                 encodings, enclosures, external entities, 0 or 500 entries
  jsonl          good lines among a lone surrogate, 5,000-deep nesting, NUL, a bad byte, non-objects,
                 non-string text, 1e999/NaN/5,000-digit numbers, blank lines, odd fields; BOM, CRLF
  scripts        Arabic, Cyrillic, CJK, Devanagari, emoji, combining and bidi marks, zero-width
                 characters, homoglyphs, digits of other scripts, mixed with cue words
  numbers_dates  4,301+-digit numbers, 400-digit amounts, 1e999, number words repeated thousands of
                 times, relative and impossible dates; batched by --published (none, 0001-01-01, 9999-12-31)
  cues           random assemblies of the words the extractors react to, 8,000 short "killed" rows,
                 header titles that look like Rich markup
  empty          empty files, whitespace only, a header without body, in every format
  markup         Rich markup, ANSI/OSC escapes and control characters in texts, titles and file names;
                 about half of its batches print the Rich summary instead of --jsonl

A batch holds inputs of one class and option set (at most --batch inputs, --heavy-batch for long_lines,
and --batch-bytes, so that only a pathological input makes it slow) and one good canary document with its
own `source: canary-NNNN`, and is one `armsledger extract --jsonl FILES` process (--jobs at once, --timeout
seconds each; --scale shrinks the long inputs for a quick run). Columns, per class:
  crashes           batches with a traceback on stderr, an exit code not 0/1/2, or a signal
  hangs             batches over --timeout: sent SIGABRT (faulthandler dumps the stack), then killed
  wrong_exit        batches that ended without crash or hang, but not with 0 (the canary was readable)
  canaries_lost     batches that ended without crash or hang and without a record for their canary
  schema_errors     stdout lines not strict JSON (NaN/Infinity refused) or not valid against
                    ../shared/spec/records.schema.json
  evidence_outside  evidence spans (of records and items) and entity offsets not within the text
  bad_errors        stderr lines of batches that did not crash that are not one `armsledger: ...` line
                    without control characters (a library's warning counts)
  internal_errors   stderr lines with code AL108: an exception caught around one document, i.e. a bug
  leaks             stdout lines with /etc/passwd lines or the trap server's answer
  fetches           HTTP requests the tool sent to the trap server
  peak_rss_mb       the largest peak resident memory of one batch process (its own ru_maxrss)
The first --isolate crashing (and hanging) batches of a class are bisected, without the canary, to the
input that crashes (hangs) alone. The examples name files under --keep DIR, where runs/batch_NNNN.json
holds each batch's command, exit code, time and peak memory beside its .out and .err. Exit status 0 (a measurement),
or 1 with --strict when any problem was found. tests/test_fuzz_campaign.py runs a small campaign.
"""
from __future__ import annotations

import argparse
import codecs
import http.server
import json
import os
import random
import re
import resource
import shutil
import signal
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import jsonschema

SCHEMA = Path(__file__).resolve().parents[1].parent / "shared" / "spec" / "records.schema.json"
COLUMNS = ("inputs", "batches", "crashes", "hangs", "wrong_exit", "canaries_lost", "schema_errors",
           "evidence_outside", "bad_errors", "internal_errors", "leaks", "fetches", "peak_rss_mb")
PROBLEMS = COLUMNS[2:-1]
MAX_CHARS = 1_000_000  # a document's limit: files stay under it, bar the over_limit ones

FR = ["Les États-Unis ont approuvé la vente de 12 hélicoptères à la Pologne, a annoncé lundi le Pentagone.",
      "Selon le ministère de la Santé, 35 personnes ont été tuées et 120 blessées.",
      "« Nous livrerons 18 canons Caesar à l'Ukraine », a déclaré le ministre des Armées.",
      "La CPI a émis un mandat d'arrêt contre le dirigeant pour crimes de guerre.",
      "L'Allemagne a promis une aide militaire de 500 millions d'euros à l'Ukraine."]
EN = ["The State Department approved the possible sale of 24 AIM-120C-8 missiles to Taiwan for $1.2 billion.",
      "At least 14 people were killed, according to AFP.",
      "\"We will deliver the tanks next year,\" the minister said on Monday.",
      "The ICJ ordered provisional measures in the genocide case brought by South Africa.",
      "Germany pledged $2 billion in military aid to Ukraine last November."]
CANARIES = ["Les États-Unis ont approuvé la vente de 12 hélicoptères à la Pologne, a annoncé lundi le Pentagone.",
            "La France a livré six canons Caesar à l'Arménie, a indiqué le ministère des Armées.",
            "The United States approved the sale of 12 helicopters to Poland, the Pentagon said on Monday.",
            "Germany delivered 18 Leopard 2A6 tanks to Ukraine, the defence ministry said."]
CUES = ["Les États-Unis", "la France", "Israël", "to Ukraine", "à la Pologne", "a approuvé", "approved", "une vente de",
        "the sale of", "12", "3 845", "1,200", "plus de", "up to", "missiles", "AIM-120C-8", "KMU-572 F/B", "Caesar",
        "chars Leopard 2A6", "pour un montant de", "$1.2 billion", "510 millions de dollars", "«", "»", "\"", "“", "”",
        "(", ")", ",", ".", "\n\n", "a déclaré", "said", "M. Dupont", "Jane Smith", "selon le ministère de la Santé",
        "according to AFP", "tués", "killed", "blessés", "la CPI", "the ICJ", "mandat d'arrêt", "genocide", "lundi",
        "last November", "depuis octobre 2023", "Cette vente", "It includes", "Total ........ $50 million",
        "(i) Prospective Purchaser: Government of Chile", "ce dernier", "dont", "hier", "demain", "military aid"]
SCRIPTS = ["مرحبا بالعالم", "Привет, мир", "你好，世界", "नमस्ते दुनिया", "🚀💥🇺🇦👨‍👩‍👧", "e\u0301\u0302\u0303",
           "\u200f\u202eabc\u202c", "\u200d\u200c\u200b", "\ufeff", "١٢ صاروخ", "１２", "१२", "한국어", "ภาษาไทย",
           "\u0600\u0601", "\U000e0001"]
MARKUP = ["[bold]", "[/]", "[/UPDATE]", "[red]alert[/red]", "[link=file:///etc/passwd]x[/link]", "[", "]",
          "\\[", "[/bold", ":smile:", "\x1b[31m", "\x1b[2J", "\x1b]8;;http://example.invalid\x1b\\", "\x08\x08", "\r",
          "%s {0}"]
DIGITS = ["١٢", "۱۲", "१२", "１２", "১২", "๑๒", "²", "½", "Ⅻ", "⑫", "𝟏𝟐", "12\u00a0000", "1 2", "0x1F"]
DATES = ["hier", "demain", "tomorrow", "yesterday", "last November", "next year", "l'an dernier", "le mois prochain",
         "il y a 3000 ans", "in 10,000 years", "le 31 février", "29 February 1900", "December 32, 2024", "en l'an 0",
         "in the year 99999", "9999-12-31", "0001-01-01", "lundi dernier", "next Monday"]
FEED_DATES = ["Mon, 03 Mar 2025 10:00:00 GMT", "2025-03-03T10:00:00Z", "Mon, 99 Foo 2025", "0001-01-01T00:00:00Z",
              "9999-12-31T23:59:59+14:00", "", "yesterday", "Tue, 31 Feb 2025 25:61:61 +9999", "2025-13-45"]
ODD_NUMBERS = ["1 000 000 000 000 000 000 000 morts", "1.000.000,5 euros", "1,2,3,4 missiles", "-5 killed", "0 killed",
               "0,000001 tués", "entre 5000 et 10 morts", "between 10 and 5 killed", "10^400 dollars", "$-3 billion",
               "NaN killed", "infinity missiles", "1e-999 killed", "$0.0000001 billion"]
TITLES = ["Kyiv [/UPDATE]", "[bold]Live[/]", "[/]", "[red]x", "Gaza [link=x]y[/link]", "\\[/x]", "«»", ""]
CONTROL = [chr(c) for c in (1, 2, 8, 11, 12, 14, 27, 31, 127)]
CONTROL_BYTES = [bytes([c]) for c in range(32)]
SEPARATORS = (" ", " ", " ", "\n", ", ", "", "\n\n")


@dataclass
class Gen:
    """What the generators share: the seeded random source, the size scale and the trap server's URL."""
    rng: random.Random
    scale: float
    trap: str
    tag: str = ""  # names the current input in trap URLs

    def size(self, lo: int, hi: int) -> int:
        return self.rng.randint(max(1, int(lo * self.scale)), max(1, int(hi * self.scale)))

    def pick(self, options):
        return self.rng.choice(options)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.rng.choices(alphabet, k=n))

    def digits(self, n: int) -> str:
        return str(self.rng.randint(1, 9)) + self.chars(string.digits, n - 1)

    def prose(self, n: int = 0) -> str:
        return " ".join(self.pick(FR + EN) for _ in range(n or self.rng.randint(1, 6)))

    def cues(self, n: int = 0, pool: list[str] = CUES) -> str:
        return "".join(self.pick(pool) + self.pick(SEPARATORS) for _ in range(n or self.rng.randint(1, 60)))

    def url(self) -> str:
        return f"{self.trap}/{self.tag}/{self.rng.randrange(1000)}"

    def sprinkle(self, data, pieces: list, k: int):
        """`data` (str or bytes) with `k` of `pieces` inserted at random places."""
        parts, last = [], 0
        for cut in sorted(self.rng.randint(0, len(data)) for _ in range(k)):
            parts += [data[last:cut], self.pick(pieces)]
            last = cut
        return data[:0].join(parts + [data[last:]])


Variants = dict[str, Callable[[], tuple[str, "str | bytes"]]]  # variant -> () -> (end of file name, content)


def bytes_variants(g: Gen) -> Variants:
    r = g.rng
    return {
        "random": lambda: (".txt", r.randbytes(g.size(1, 30_000))),
        "random_nuls": lambda: (".txt", g.sprinkle(r.randbytes(g.size(9, 30_000)), [b"\0", b"\0" * 64], 50)),
        "text_one_nul": lambda: (".txt", g.sprinkle(g.prose().encode(), [b"\0"], 1)),
        "truncated_utf8": lambda: (".txt", g.sprinkle(g.prose().encode(), [b"\xc3", b"\xe2\x82", b"\xf0\x9f\x98"], 9)),
        "lone_bytes": lambda: (".txt", g.sprinkle(g.prose().encode(), [b"\xff", b"\xfe", b"\xc0", b"\xf5"], 3)),
        "control_bytes": lambda: (".txt", g.sprinkle(g.prose().encode(), CONTROL_BYTES, r.randint(1, 400))),
        "cesu_surrogates": lambda: (".txt", g.sprinkle(g.prose().encode(), [b"\xed\xa0\x80", b"\xed\xbf\xbf"], 2)),
        "half_binary": lambda: (".txt", g.prose().encode() + r.randbytes(g.size(10, 5000)) + g.prose().encode()),
    }


def encoding_variants(g: Gen) -> Variants:
    def text() -> str:
        head = g.pick(["", "source: enc\nlanguage: fr\n\n", "title: Défense\n\n"])
        return head + g.pick(FR + EN) + " « Déjà vu » — l’œuvre coûte 5 €."
    overlong = [b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf0\x80\x80\xaf", b"\xc1\xbf"]
    return {
        "utf16_bom": lambda: (".txt", g.pick([codecs.BOM_UTF16_LE + text().encode("utf-16-le"),
                                              codecs.BOM_UTF16_BE + text().encode("utf-16-be")])),
        "utf16_no_bom": lambda: (".txt", text().encode(g.pick(["utf-16-le", "utf-16-be"]))),
        "utf16_odd_length": lambda: (".txt", text().encode("utf-16")[:-1]),
        "utf32_bom": lambda: (".txt", text().encode("utf-32")),
        "utf32_no_bom": lambda: (".txt", text().encode(g.pick(["utf-32-le", "utf-32-be"]))),
        "latin1": lambda: (".txt", text().encode("latin-1", "replace")),
        "cp1252": lambda: (".txt", text().encode("cp1252", "replace")),
        "utf7": lambda: (".txt", text().encode("utf-7")),
        "utf8_stray_byte": lambda: (".txt", g.sprinkle(text().encode(), [b"\xff", b"\x81", b"\xc3"], 1)),
        "utf8_bom_in_middle": lambda: (".txt", g.sprinkle(text(), ["\ufeff"], 1)),
        "overlong": lambda: (".txt", g.sprinkle(text().encode(), overlong, g.rng.randint(1, 3))),
        "latin1_then_utf8": lambda: (".txt", text().encode("latin-1", "replace") + text().encode()),
        "html_utf16": lambda: (".html", f"<p>{text()}</p>".encode(g.pick(["utf-16", "utf-16-le"]))),
    }


def long_line_variants(g: Gen) -> Variants:
    letters = string.ascii_letters * 20 + "éàçÉ"

    def parentheses(n: int) -> str:
        return g.pick(["(" * (n // 2) + ")" * (n // 2), "()" * (n // 2), g.chars("()", n)])
    return {
        "letters": lambda: (".txt", g.chars(letters, g.size(100_000, 900_000))),
        "spaces": lambda: (".txt", g.sprinkle(" " * g.size(100_000, 900_000), ["missiles", "Ukraine", ""], 2)),
        "digits": lambda: (".txt", g.pick(["", "$"]) + g.chars(string.digits, g.size(100_000, 900_000))
                           + g.pick(["", " billion", " tués"])),
        "quotes": lambda: (".txt", g.sprinkle(g.prose(), [g.pick("\"«»“”'„") * g.size(20_000, 60_000)], 1)),
        "quote_pairs": lambda: (".txt", "".join(g.pick(['"a" ', "« b » ", "“c”"]) for _ in range(g.size(5000, 15000)))),
        "parentheses": lambda: (".txt", parentheses(g.size(50_000, 50_000))),
        "words": lambda: (".txt", g.cues(g.size(20_000, 60_000)).replace("\n", " ")),
        "over_limit": lambda: (".txt", g.chars(letters + " ", g.rng.randint(MAX_CHARS + 1, MAX_CHARS + 99_999))),
    }


def html_page(g: Gen, body: str, head: str = "", pre: str = "<!DOCTYPE html>\n") -> str:
    return (f'{pre}<html><head><meta charset="utf-8">{head}<title>{g.pick(TITLES)}</title></head>'
            f"<body>{body}</body></html>")


def html_paragraphs(g: Gen) -> str:
    return "".join(f"<p>{xml_escape(g.prose())}</p>" for _ in range(g.rng.randint(1, 8)))


def html_variants(g: Gen) -> Variants:
    r = g.rng
    broken = ["<p", "<b>", "</i>", "<<", ">>", "<div class=x", "</div></div>", "<a href='", "<!--", "-->", "<![CDATA[",
              "]]>", "<?php ", "&", "&amp", "<table><tr><td>", "</td>", "<script>", "</style>", "<br/", "<p/>"]
    references = ["&#xD800;", "&#0;", "&#1114112;", "&#x110000;", "&#xFFFFFFFFFF;", "&#99999999999999999999;", "&#-1;",
                  "&#x1F600;", "&nbsp", "&unknown;", "&#x;", "&#128;", "&#x7f;"]
    charsets = ['<meta charset="utf-16">', '<meta charset="x-nope">',
                '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">']
    dated = ('<script type="application/ld+json">{"datePublished": "%s", "headline": "[/b]"</script>'
             '<meta property="article:published_time" content="%s">')

    def doctype() -> str:  # an external entity (/etc/passwd, the trap) and an entity expanding 10^5 times
        expansion = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 6))
        return (f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/passwd">'
                f'<!ENTITY t SYSTEM "{g.url()}"><!ENTITY l0 "lol">{expansion}]>\n')

    def xinclude() -> str:
        page = html_page(g, f'{html_paragraphs(g)}<xi:include href="file:///etc/passwd" parse="text"/>'
                            f'<xi:include href="{g.url()}"/>')
        return page.replace("<html>", '<html xmlns:xi="http://www.w3.org/2001/XInclude">')

    def links() -> str:
        return (f'<base href="{g.url()}/"><link rel="canonical" href="{g.url()}">'
                '<meta property="og:url" content="javascript:alert(1)">')

    def deep() -> str:
        n = g.size(2_000, 20_000)
        return html_page(g, "<div>" * n + html_paragraphs(g) + "</div>" * n)
    return {
        "scripts_styles": lambda: (".html", html_page(g, f"<script>var s = '{g.prose(1)}';</script><style>p{{}}</style>"
                                                         f"<noscript>{g.prose(1)}</noscript>{html_paragraphs(g)}")),
        "malformed": lambda: (".html", "".join(g.pick(broken) + g.prose(1) for _ in range(r.randint(3, 60)))),
        "control_chars": lambda: (".htm", html_page(g, g.sprinkle(html_paragraphs(g), CONTROL, r.randint(1, 200)))),
        "huge_attribute": lambda: (".html", html_page(g, f'<div data-x="{"A" * g.size(100_000, 800_000)}">'
                                                         + html_paragraphs(g) + "<i a=1></i>" * r.randint(0, 3000))),
        "bad_references": lambda: (".html", html_page(g, g.sprinkle(html_paragraphs(g), references, r.randint(1, 30)))),
        "base_href": lambda: (".html", html_page(g, f'<a href="rel/x">{g.prose(1)}</a><img src="{g.url()}">'
                                                    f"{html_paragraphs(g)}", links())),
        "xxe_and_expansion": lambda: (".html", html_page(g, f"<p>{g.prose()} {g.pick(['&e;', '&t;', '&l5;'])}</p>",
                                                         pre=doctype())),
        "xinclude": lambda: (".html", xinclude()),
        "empty_body": lambda: (".html", g.pick(["<html><body></body></html>", "<body/>", html_page(g, "")])),
        "comments_only": lambda: (".html", "".join(f"<!-- {g.prose(1)} -->" for _ in range(r.randint(1, 50)))),
        "deep_nesting": lambda: (".html", deep()),
        "lying_charset": lambda: (".html", html_page(g, html_paragraphs(g), g.pick(charsets))),
        "odd_dates": lambda: (".html", html_page(g, html_paragraphs(g), dated % (g.pick(DATES), g.pick(FEED_DATES)))),
    }


def feed_entry(g: Gen, kind: str, text: str | None = None, extra: str = "") -> str:
    """An RSS item or Atom entry with a random subset of title, link, date and text (`text` if given)."""
    keep = {part for part in ("title", "link", "date", "text") if g.rng.random() < 0.7}
    link, date = f"https://example.org/{g.rng.randrange(10**6)}", ("pubDate" if kind == "rss" else "updated")
    parts = [f"<title>{xml_escape(g.prose(1))}</title>" * ("title" in keep),
             (f"<link>{link}</link>" if kind == "rss" else f'<link href="{link}"/>') * ("link" in keep),
             f"<{date}>{g.pick(FEED_DATES)}</{date}>" * ("date" in keep)]
    if "text" in keep or text is not None:
        tag = "description" if kind == "rss" else g.pick(["summary", "content"])
        body = xml_escape(g.prose()) if text is None else text
        parts.append(f'<{tag} type="{g.pick(["html", "text", "xhtml"])}">{body}</{tag}>')
    name = "item" if kind == "rss" else "entry"
    return f"<{name}>{''.join(parts)}{extra}</{name}>"


def feed_document(g: Gen, make: Callable[[str], str] | None = None, n: int = 0, encoding: str = "utf-8",
                  doctype: str = "") -> tuple[str, str]:
    """(extension, text) of an RSS or Atom feed of `n` (else 1 to 20) entries, each `make(kind)`."""
    kind = g.pick(["rss", "atom"])
    entries = "".join((make or (lambda kind: feed_entry(g, kind)))(kind) for _ in range(n or g.rng.randint(1, 20)))
    head = f'<?xml version="1.0" encoding="{encoding}"?>{doctype}'
    if kind == "atom":
        return g.pick([".xml", ".atom"]), f'{head}<feed xmlns="http://www.w3.org/2005/Atom"><title/>{entries}</feed>'
    language = g.pick(["fr", "en", "fr-FR", "xx", "", "[b]"])
    return g.pick([".xml", ".rss"]), (f'{head}<rss version="2.0"><channel><title>T</title><language>{language}'
                                      f"</language>{entries}</channel></rss>")


def feed_variants(g: Gen) -> Variants:
    r = g.rng
    broken = ["<feed>", "<entry<title", "</content>", "<rss><channel><item>", "<description><![CDATA[", "]]>", "</item",
              "<entry>", "<title>", "<!--", "<?xml version='1.0'?>", "&", "&#0;", "<summary type='html'>&lt;p"]

    def encoded(edit: Callable[[str], bytes]) -> tuple[str, bytes]:
        extension, text = feed_document(g)
        return extension, edit(text)

    def control() -> str:
        return g.sprinkle(g.pick([xml_escape(g.prose()), f"<![CDATA[{g.prose()}]]>"]), CONTROL, r.randint(1, 20))

    def html() -> str:
        return xml_escape(f"<script>x</script><p>{g.prose()}</p>{'<div>' * g.size(100, 3000)}&#xD800;&#0;")

    def entities() -> str:
        return f'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd"><!ENTITY t SYSTEM "{g.url()}">]>'

    def enclosures() -> str:
        return (f'<enclosure url="{g.url()}" length="99999999999999999999" type="audio/mpeg"/>'
                f'<link rel="enclosure" href="{g.url()}"/><comments>{g.url()}</comments>')

    def rdf() -> str:
        items = "".join(f'<item rdf:about="{i}"><title>t</title><description>{xml_escape(g.prose())}</description>'
                        "</item>" for i in range(r.randint(0, 10)))
        return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                f'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>T</title></channel>{items}</rdf:RDF>')
    return {
        "missing_parts": lambda: feed_document(g),
        "broken": lambda: (".xml", "".join(g.pick(broken) + xml_escape(g.prose(1)) for _ in range(r.randint(3, 40)))),
        "control_chars": lambda: feed_document(g, lambda kind: feed_entry(g, kind, control())),
        "stray_byte": lambda: encoded(lambda text: g.sprinkle(text.encode(), [b"\xff", b"\xc3", b"\x80"], 2)),
        "lying_encoding": lambda: feed_document(g, encoding=g.pick(["iso-8859-1", "utf-16", "shift_jis", "x-nope"])),
        "latin1_declared_utf8": lambda: encoded(lambda text: text.encode("latin-1", "replace")),
        "enclosures": lambda: feed_document(g, lambda kind: feed_entry(g, kind, extra=enclosures())),
        "external_entities": lambda: feed_document(g, lambda kind: feed_entry(g, kind, f"{g.prose(1)} &e; &t;"),
                                                   doctype=entities()),
        "zero_entries": lambda: feed_document(g, lambda kind: "", n=1),
        "many_entries": lambda: feed_document(g, n=g.size(500, 500)),
        "rdf": lambda: (".xml", rdf()),
        "html_in_text": lambda: feed_document(g, lambda kind: feed_entry(g, kind, html())),
    }


def jsonl_variants(g: Gen) -> Variants:
    r = g.rng

    def text() -> str:
        return json.dumps(g.prose(), ensure_ascii=r.random() < 0.5)

    def good() -> bytes:
        record = {"text": g.prose(), "source": f"doc-{r.randrange(10**6)}", "language": g.pick(["fr", "en", None])}
        return json.dumps(record, ensure_ascii=r.random() < 0.5).encode()

    def nested(n: int) -> str:
        return g.pick(["[" * n + "]" * n, '{"a":' * n + "1" + "}" * n, '{"text": ' + "[" * n + "]" * n + "}"])

    def odd_fields() -> str:
        return json.dumps({"text": g.prose(), "published": g.pick(["9999-12-31", "0000-00-00", "2024-02-30", {}, 2024]),
                           "language": g.pick(["zz", "", 42, "fr-FR", None, ["fr"]]), "url": "javascript:alert(1)",
                           "source": g.pick([123, "", "[bold]x[/]", None, "x" * 5000]), "id": g.pick([{}, [], 0, ""]),
                           "title": g.pick([["x"], "[/U]", 7])})
    lines: dict[str, Callable[[], str | bytes]] = {
        "surrogate": lambda: '{"text": "%s %s."}' % (g.prose(1).replace('"', ""), g.pick(["\\ud800", "\\udc00"])),
        "nesting": lambda: nested(r.randint(5_000, 20_000)),
        "nul": lambda: g.sprinkle(good(), [b"\0"], 1),
        "bad_byte": lambda: g.sprinkle(good(), [b"\xff", b"\xc3(", b"\x80"], 1),
        "non_object": lambda: g.pick(["[]", "42", '"text"', "null", "true", '[{"text": "x"}]', "{}"]),
        "text_not_string": lambda: '{"%s": %s}' % (g.pick(["text", "html"]), g.pick(["12", "[1]", '{"a": 1}', "true"])),
        "html_control": lambda: json.dumps({"html": g.sprinkle(f"<p>{g.prose()}</p>", CONTROL, r.randint(1, 20))}),
        "huge_numbers": lambda: '{"text": %s, "%s": %s}' % (text(), g.pick(["id", "published", "language", "source"]),
                                                            g.pick(["1e999", "-1e999", "9" * 5000, "NaN", "Infinity"])),
        "blank": lambda: g.pick(["", "   ", "\t", "\x0b", "\u3000"]),
        "odd_fields": odd_fields,
        "line_separators": lambda: json.dumps({"text": g.sprinkle(g.prose(), ["\u2028", "\u2029", "\x85", "\r"], 3)},
                                              ensure_ascii=False),
        "duplicate_keys": lambda: g.pick(['{"text": 1, "text": %s}', '{"text": %s, "text": null}']) % text(),
    }

    def jsonl(kind: str) -> tuple[str, bytes]:
        """Good lines, 1-3 lines of `kind` and up to 4 of other kinds; LF or CRLF, perhaps a BOM."""
        rows = [good() for _ in range(r.randint(0, 10))] + [lines[kind]() for _ in range(r.randint(1, 3))]
        rows += [lines[g.pick(sorted(lines))]() for _ in range(r.randint(0, 4))]
        r.shuffle(rows)
        data = g.pick([b"\n", b"\r\n"]).join(row if isinstance(row, bytes) else row.encode() for row in rows)
        return ".jsonl", codecs.BOM_UTF8 * (r.random() < 0.2) + data + g.pick([b"", b"\n"])
    return {kind: (lambda kind=kind: jsonl(kind)) for kind in lines}


def script_variants(g: Gen) -> Variants:
    r, homoglyphs = g.rng, str.maketrans("aeopcxyAEOPCXBHMT", "аеорсхуАЕОРСХВНМТ")
    bidi = ["\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u061c"]
    invisible = ["\u200d", "\u200b", "\u200c", "\u00ad", "\u2060", "\ufeff"]
    emoji = ["🚀", "🇺🇦", "👨‍👩‍👧", "🏳️‍🌈", "\U0001F600\ufe0f"]

    def head() -> str:
        return g.pick(["", "language: ar\n\n", "language: fr\n\n", "language: zh\n\n", "title: 你好\n\n"])

    def combining(text: str) -> str:
        return "".join(c + "".join(chr(r.randint(0x300, 0x36F)) for _ in range(r.randint(0, 8))) for c in text)
    return {
        "mixed": lambda: (".txt", head() + g.cues(r.randint(5, 200), CUES + SCRIPTS)),
        "only_script": lambda: (".txt", head() + (g.pick(SCRIPTS[:4]) + " ") * r.randint(1, 2000)),
        "homoglyphs": lambda: (".txt", head() + g.prose().translate(homoglyphs)),
        "combining_marks": lambda: (".txt", combining(g.prose())),
        "bidi": lambda: (".txt", g.sprinkle(g.prose(), bidi, r.randint(1, 40))),
        "zero_width": lambda: (".txt", g.sprinkle(g.cues(), invisible, r.randint(1, 60))),
        "foreign_digits": lambda: (".txt", f"Les États-Unis ont approuvé la vente de {g.pick(DIGITS)} missiles à la "
                                           f"Pologne. {g.pick(DIGITS)} killed, according to AFP."),
        "emoji": lambda: (".txt", g.sprinkle(g.cues(), emoji, r.randint(1, 50))),
    }


def number_variants(g: Gen) -> Variants:
    r = g.rng
    words = ["mille deux cent trente ", "one thousand two hundred ", "cent ", "quatre-vingt-dix-neuf "]

    def amount() -> str:
        return g.pick([f"The sale of 12 F-16 to Poland for ${'9' * 400} billion was approved.",
                       f"La vente de 12 Rafale à l'Inde pour {'9' * 400} milliards d'euros.",
                       f"Germany pledged €{g.digits(400)} in military aid to Ukraine."])

    def huge_integer() -> str:
        return (f"Les États-Unis ont approuvé la vente de {g.digits(r.randint(4_301, 20_000))} missiles à la Pologne "
                f"{g.pick(DATES)}. {g.digits(r.randint(4_301, 9_000))} killed.")

    def exponent() -> str:
        return (f"The State Department approved the sale of 1e999 missiles to Taiwan for "
                f"${g.pick(['1e999', '1E+999', '1e308'])} billion {g.pick(DATES)}. 1e999 killed.")

    def pairs(first: list[str], second: list[str]) -> str:
        return " ".join(f"{g.pick(first)} {g.pick(second)}" for _ in range(r.randint(1, 20)))

    def number_words() -> str:
        return g.pick(words) * g.size(3_000, 3_000) + g.pick(["missiles livrés à l'Ukraine.", "killed.", "morts."])
    return {
        "huge_integer": lambda: (".txt", huge_integer()),
        "huge_amount": lambda: (".txt", amount()),
        "exponent": lambda: (".txt", exponent()),
        "number_words": lambda: (".txt", number_words()),
        "dix_sept_chain": lambda: (".txt", f"Ils livreront {'-'.join(['dix-sept'] * g.size(500, 5000))} chars à Kyiv."),
        "relative_dates": lambda: (".txt", pairs(FR + EN, DATES)),
        "odd_numbers": lambda: (".txt", pairs(ODD_NUMBERS, CUES)),
        "mixed": lambda: (".txt", g.cues(r.randint(5, 200), CUES + DATES + ODD_NUMBERS + DIGITS)),
    }


def cue_variants(g: Gen) -> Variants:
    r = g.rng

    def killed_row() -> str:
        return (f"{r.randint(0, 10 ** r.randint(1, 6))} {g.pick(['killed', 'tués', 'dead', 'morts', 'injured'])}"
                + g.pick(["", ".", " in Gaza.", ", according to AFP.", " selon le ministère de la Santé."]))

    def quoted() -> str:
        return f"{g.pick('«“‘')} {g.cues(5)} {g.pick('»”’')} {g.pick(['a déclaré', 'said', ''])} "

    def odd_header() -> str:
        return (f"published: {g.pick(FEED_DATES)}\nlanguage: {g.pick(['zz', '', 'fr-FR', 'EN'])}\n"
                f"title: {'x' * r.randint(0, 10_000)}\n\n")

    def markup_header() -> str:
        return f"title: {g.pick(TITLES)}\nsource: {g.pick(TITLES)}\nlanguage: {g.pick(['fr', 'en', 'xx'])}\n\n"
    return {
        "assembly": lambda: (".txt", g.cues(r.randint(1, 400))),
        "killed_rows": lambda: (".txt", "\n".join(killed_row() for _ in range(g.size(8_000, 8_000)))),
        "markup_title": lambda: (".txt", markup_header() + g.cues()),
        "odd_header": lambda: (".txt", odd_header() + g.cues()),
        "nested_quotes": lambda: (".txt", "".join(quoted() for _ in range(r.randint(1, 300)))),
        "repeated_sentence": lambda: (".txt", (g.pick(FR + EN) + g.pick([" ", "\n"])) * g.size(100, 2_000)),
    }


def empty_variants(g: Gen) -> Variants:
    spaces = [" ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\u00a0", "\u2028", "\u3000"]
    boms = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE]
    return {
        "zero_bytes": lambda: (g.pick([".txt", ".html", ".htm", ".jsonl", ".xml", ".rss", ".atom"]), b""),
        "whitespace": lambda: (g.pick([".txt", ".html", ".jsonl", ".xml"]), "".join(g.pick(spaces) for _ in range(99))),
        "header_only": lambda: (".txt", "source: x\ntitle: y\n\n" + g.pick(["", " \n\t"])),
        "bom_only": lambda: (".txt", g.pick(boms) + g.pick([b"", b" \n"])),
        "empty_markup": lambda: (g.pick([".html", ".atom", ".xml"]), g.pick(["<html></html>", "<feed/>", "<rss/>"])),
        "empty_records": lambda: (".jsonl", g.pick(['{"text": ""}', '{"text": "   "}', '{"html": ""}', "\n\n\n"])),
    }


def markup_variants(g: Gen) -> Variants:
    names = ["_[bold].txt", "_[red]x.txt", "_:smile:.txt", "_\x1b[31m.txt", "_a\nb.txt", "_a\rb.txt", "_%s.txt"]

    def body() -> str:
        return g.cues(g.rng.randint(3, 60), CUES + MARKUP)

    def header() -> str:
        return f"title: {g.pick(MARKUP)}{g.prose(1)}{g.pick(MARKUP)}\nsource: {g.pick(MARKUP)}\n\n"

    def records() -> str:
        return "\n".join(json.dumps({"text": body(), "title": g.pick(MARKUP), "source": g.pick(MARKUP)})
                         for _ in range(g.rng.randint(1, 5)))
    return {
        "text": lambda: (".txt", body()),
        "header": lambda: (".txt", header() + body()),
        "name_unreadable": lambda: (g.pick(names), g.pick([b"\0\1\2", b"", b"\xff\xfe\xfd" * 10])),
        "name_readable": lambda: (g.pick(names), g.prose()),
        "jsonl": lambda: (".jsonl", records()),
    }


CLASSES: dict[str, Callable[[Gen], Variants]] = {
    "bytes": bytes_variants, "encodings": encoding_variants, "long_lines": long_line_variants, "html": html_variants,
    "feeds": feed_variants, "jsonl": jsonl_variants, "scripts": script_variants, "numbers_dates": number_variants,
    "cues": cue_variants, "empty": empty_variants, "markup": markup_variants,
}


@dataclass
class Input:
    index: int
    cls: str
    path: Path
    published: str | None = None  # the --published of its batch
    summary: bool = False         # its batch prints the Rich summary, not --jsonl


def generate_inputs(n: int, seed: int, scale: float, folder: Path, trap: str) -> list[Input]:
    """Write `n` input files into `folder`: the classes in turn, each cycling through its variants."""
    g = Gen(random.Random(seed), scale, trap)
    variants = {cls: make(g) for cls, make in CLASSES.items()}
    decks: dict[str, list[str]] = defaultdict(list)
    inputs = []
    for i in range(n):
        cls = list(CLASSES)[i % len(CLASSES)]
        decks[cls] = decks[cls] or g.rng.sample(sorted(variants[cls]), len(variants[cls]))
        variant, g.tag = decks[cls].pop(), f"i{i}"
        end, data = variants[cls][variant]()
        if isinstance(data, str):
            data = data.encode()
            if len(data) >= MAX_CHARS and variant != "over_limit":  # cut at a character boundary
                data = data[:MAX_CHARS - 1000].decode("utf-8", "ignore").encode()
        path = folder / f"{cls}_{i:05d}_{variant}{end}"
        path.write_bytes(data)
        published = g.rng.choice([None, "0001-01-01", "9999-12-31"]) if cls == "numbers_dates" else None
        inputs.append(Input(i, cls, path, published, cls == "markup" and g.rng.random() < 0.5))
    return inputs


@dataclass
class Run:
    """One `armsledger` process and what it left."""
    argv: list[str]
    out: Path  # stdout and stderr go to out.out and out.err
    code: int | None = None  # exit code, or minus the signal that killed it
    hung: bool = False
    seconds: float = 0.0
    rss_mb: float = 0.0
    stdout: bytes = b""
    stderr: str = ""


@dataclass
class Batch:
    number: int
    inputs: list[Input]
    canary: Path
    position: int  # of the canary among the files
    run: Run | None = None

    @property
    def cls(self) -> str:
        return self.inputs[0].cls

    @property
    def canary_source(self) -> str:
        return f"canary-{self.number:04d}"

    def argv(self, exe: Path, inputs: list[Input] | None = None) -> list[str]:
        """The batch's command, or the command for some of its `inputs` without the canary."""
        files = [str(x.path) for x in inputs or self.inputs]
        if inputs is None:
            files.insert(self.position, str(self.canary))
        first = self.inputs[0]
        return ([str(exe), "extract"] + ["--jsonl"] * (not first.summary)
                + ["--published", first.published] * bool(first.published) + files)


def make_batches(inputs: list[Input], size: int, heavy: int, max_bytes: int, seed: int, folder: Path) -> list[Batch]:
    """Batches of inputs of one class and option set, each with a canary file of its own in `folder`."""
    rng, groups, batches = random.Random(f"{seed}-canaries"), defaultdict(list), []
    for x in inputs:
        groups[x.cls, x.published, x.summary].append(x)

    def close(chunk: list[Input]) -> None:
        canary = folder / f"canary_{len(batches):04d}.txt"
        canary.write_text(f"source: canary-{len(batches):04d}\n\n{rng.choice(CANARIES)}\n", encoding="utf-8")
        batches.append(Batch(len(batches), chunk, canary, rng.randint(0, len(chunk))))
    for (cls, _, _), members in groups.items():
        chunk, used = [], 0
        for x in members:
            nbytes = x.path.stat().st_size
            if chunk and (len(chunk) >= (heavy if cls == "long_lines" else size) or used + nbytes > max_bytes):
                close(chunk)
                chunk, used = [], 0
            chunk, used = chunk + [x], used + nbytes
        close(chunk)
    return batches


def run_all(runs: list[Run], jobs: int, timeout: float, progress: Callable[[int], None] = lambda done: None) -> None:
    """Run the processes, `jobs` at a time, each reaped with wait4 for its own peak RSS."""
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}  # a hung process dumps its Python stack on SIGABRT
    waiting, running, finished = list(runs), {}, 0
    while waiting or running:
        while waiting and len(running) < jobs:
            run = waiting.pop(0)
            with open(f"{run.out}.out", "wb") as out, open(f"{run.out}.err", "wb") as err:
                proc = subprocess.Popen(run.argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                                        start_new_session=True)
            running[proc.pid] = [run, proc, time.monotonic(), None]
        time.sleep(0.05)
        for pid, (run, proc, started, aborted) in list(running.items()):
            done, status, usage = os.wait4(pid, os.WNOHANG)
            now = time.monotonic()
            if not done:  # not reaped yet, so its pid and process group are still its own
                if aborted is None and now - started > timeout:
                    run.hung, running[pid][3] = True, now
                    os.killpg(pid, signal.SIGABRT)
                elif aborted is not None and now - aborted > 5:
                    os.killpg(pid, signal.SIGKILL)
                continue
            proc.returncode = run.code = os.waitstatus_to_exitcode(status)
            run.seconds, run.rss_mb = round(now - started, 1), round(usage.ru_maxrss / 1024, 1)
            run.stdout = Path(f"{run.out}.out").read_bytes()
            run.stderr = Path(f"{run.out}.err").read_bytes().decode("utf-8", "replace")
            del running[pid]
            finished += 1
            progress(finished)


TRACEBACK = "Traceback (most recent call last)"
FRAME = re.compile(r'([\w./<>+-]+\.py)"?(?:, line |:)(\d+),? in (\w+)')
EXCEPTION = re.compile(r"^((?:\w+\.)*[A-Z]\w*(?:Error|Exception|Exit|Interrupt|Iteration|Warning)\b.*)$", re.M)
SGR = re.compile(r"\x1b\[[0-9;]*m")  # colours, in case Rich thinks stderr is a terminal
CONTROL_CHAR = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
LEAK = re.compile(rb"\b[\w-]+:x:\d+:\d+:|FUZZTRAP-BODY")


def is_crash(run: Run) -> bool:
    return not run.hung and (TRACEBACK in run.stderr or run.code not in (0, 1, 2))


def where_it_failed(stderr: str) -> str:
    """The last exception line of a traceback or faulthandler dump, then its innermost armsledger frame
    and, when the innermost frame is a library's, that one too."""
    def shown(frame: tuple[str, str, str]) -> str:
        return f"{frame[0].split('/src/')[-1].split('site-packages/')[-1]}:{frame[1]} in {frame[2]}"
    frames = FRAME.findall(stderr)
    if "most recent call first" in stderr:  # faulthandler
        frames.reverse()
    ours = [frame for frame in frames if "armsledger/" in frame[0]]
    where = shown(ours[-1]) if ours else "?"
    if frames and frames[-1] not in ours:
        where += f" -> {shown(frames[-1])}"
    exceptions = EXCEPTION.findall(stderr)
    return f"{exceptions[-1].strip()[:240]} at {where}" if exceptions else f"at {where}"


def spans_outside(data: dict) -> list[str]:
    """The evidence spans (records, items) and entity offsets of one record line outside its text."""
    n, spans = len(data["document"]["text"]), []
    for section in ("transfers", "aid", "figures", "legal_actions", "quotes"):
        for k, record in enumerate(data[section]):
            spans += [(f"{section}[{k}]", span) for span in record["evidence"]]
            spans += [(f"{section}[{k}].items[{j}]", span) for j, item in enumerate(record.get("items") or [])
                      for span in item.get("evidence") or []]
    spans += [(f"entities[{k}]", [e["start"], e["end"]]) for k, e in enumerate(data["entities"])]
    return [f"{where} {span} (text of {n} characters)" for where, span in spans if not 0 <= span[0] <= span[1] <= n]


def refuse_constant(name: str) -> None:
    raise ValueError(f"non-standard JSON constant {name}")


def check_batch(b: Batch, validator: jsonschema.Draft202012Validator) -> tuple[Counter, dict[str, list[str]]]:
    """The problems of one finished batch: counts and details by column."""
    run, counts, details = b.run, Counter(), defaultdict(list)

    def add(kind: str, detail: str, count: int = 1) -> None:
        counts[kind] += count
        details[kind].append(detail)
    first_error = next((line for line in run.stderr.splitlines() if line.strip()), "")[:300]
    crashed, summary = is_crash(run), b.inputs[0].summary
    if run.hung:
        add("hangs", f"over the timeout, {where_it_failed(run.stderr)}")
    elif crashed:
        add("crashes", where_it_failed(run.stderr) if TRACEBACK in run.stderr else f"exit {run.code}; {first_error}")
    elif run.code != 0:
        add("wrong_exit", f"exit {run.code} though the canary was readable; {first_error}")
    sources, lines = set(), run.stdout.splitlines()
    for number, raw in enumerate(lines, 1):
        if LEAK.search(raw):
            add("leaks", f"stdout line {number}: {LEAK.search(raw).group(0)!r}")
        if summary or (run.hung and number == len(lines)):  # the last line may be cut by the kill
            continue
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=refuse_constant)
        except ValueError as err:  # UnicodeDecodeError too
            add("schema_errors", f"line {number} is not strict JSON: {str(err)[:160]}")
            continue
        source = data.get("document", {}).get("source") if isinstance(data, dict) else None
        sources.add(source)
        error = next(validator.iter_errors(data), None)
        if error:
            add("schema_errors", f"{source}: {error.message[:200]} at /{'/'.join(map(str, error.absolute_path))}")
        elif outside := spans_outside(data):
            add("evidence_outside", f"{source}: {outside[0]}", len(outside))
    canary_seen = b.canary_source.encode() in run.stdout if summary else b.canary_source in sources
    if not (crashed or run.hung or canary_seen):
        add("canaries_lost", f"no record for {b.canary_source}; {first_error}")
    for line in run.stderr.splitlines():
        if "[AL108]" in line:
            add("internal_errors", line[:400])
        plain = SGR.sub("", line)
        if not (crashed or run.hung) and (not plain.startswith("armsledger:") or CONTROL_CHAR.search(plain)):
            add("bad_errors", repr(line[:200]))
    return counts, details


def isolate(b: Batch, kind: str, exe: Path, jobs: int, timeout: float, folder: Path) -> str:
    """Bisect a crashing or hanging batch, without its canary, down to the input that fails so alone
    (both halves run at once)."""
    fails, verb = (lambda run: run.hung, "hangs") if kind == "hangs" else (is_crash, "crashes")
    suspects, step = b.inputs, 0
    while len(suspects) > 1:
        halves = [suspects[:len(suspects) // 2], suspects[len(suspects) // 2:]]
        runs = [Run(b.argv(exe, half), folder / f"batch_{b.number:04d}_bisect{step}{k}")
                for k, half in enumerate(halves)]
        run_all(runs, jobs, timeout)
        failing, step = [half for half, run in zip(halves, runs) if fails(run)], step + 1
        if not failing:
            return f"{verb} only with several of " + ", ".join(repr(x.path.name) for x in suspects[:8])
        suspects = failing[0]
    return f"{verb} alone: {suspects[0].path.name!r}"


def start_trap() -> http.server.ThreadingHTTPServer:
    """A local HTTP server that the inputs' URLs point at: every request it gets is a fetch too many."""
    class Trap(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.server.hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"FUZZTRAP-BODY")
        do_HEAD = do_POST = do_GET

        def log_message(self, *args) -> None:
            pass
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trap)
    server.hits = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def run_campaign(inputs: int = 10_000, seed: int = 0, batch: int = 50, heavy_batch: int = 2,
                 batch_bytes: int = 500_000, jobs: int = 2, timeout: float = 60.0, scale: float = 1.0,
                 keep: Path | None = None, isolate_first: int = 1, exe: Path | None = None,
                 quiet: bool = False) -> dict:
    """Generate, run and check a campaign: {"table": {class or "total": {column: n}}, "examples": {class:
    {column: [detail]}}, "crash_causes": [...], "internal_error_causes": [...], ...}.

    Raises FileNotFoundError when ../shared (the records schema) is missing."""
    if not SCHEMA.is_file():
        raise FileNotFoundError(f"{SCHEMA} is missing: the fuzz campaign needs ../shared beside the repo")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    exe = exe or Path(sys.executable).parent / "armsledger"
    resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))  # SIGABRT: no core
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="armsledger-fuzz-"))
    for sub in ("inputs", "canaries", "runs"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    trap, started = start_trap(), time.monotonic()
    table = {cls: dict.fromkeys(COLUMNS, 0) for cls in CLASSES}
    examples: dict[str, dict[str, list[str]]] = defaultdict(dict)
    causes: dict[str, dict[str, dict]] = {"crashes": {}, "internal_errors": {}}

    def progress(done: int) -> None:
        if not quiet and done % 10 == 0:
            print(f"fuzz: {done}/{len(batches)} batches, {time.monotonic() - started:.0f} s", file=sys.stderr)

    def note(cls: str, kind: str, details: list[str]) -> None:
        listed = examples[cls].setdefault(kind, [])
        listed += [detail.replace(f"{folder}/", "") for detail in details[:3 - len(listed)]]

    def tally(kind: str, cause: str, cls: str) -> None:  # causes alike but for their numbers count as one
        seen = causes[kind].setdefault(re.sub(r"\d+", "N", cause), {"cause": cause, "count": 0, "classes": []})
        seen["count"] += 1
        seen["classes"] += [cls] * (cls not in seen["classes"])
    try:
        items = generate_inputs(inputs, seed, scale, folder / "inputs", f"http://127.0.0.1:{trap.server_port}")
        batches = make_batches(items, batch, heavy_batch, batch_bytes, seed, folder / "canaries")
        for b in batches:
            b.run = Run(b.argv(exe), folder / "runs" / f"batch_{b.number:04d}")
        by_size = sorted(batches, key=lambda b: -sum(x.path.stat().st_size for x in b.inputs))  # big ones first
        run_all([b.run for b in by_size], jobs, timeout, progress)
        for b in batches:  # beside its .out and .err: how to run a batch again, and what it did
            Path(f"{b.run.out}.json").write_text(json.dumps({"argv": b.run.argv, "exit": b.run.code, "hung": b.run.hung,
                                                             "seconds": b.run.seconds, "peak_rss_mb": b.run.rss_mb},
                                                            indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        for x in items:
            table[x.cls]["inputs"] += 1
        for b in batches:
            row, names = table[b.cls], [x.path.name for x in b.inputs]
            row["batches"] += 1
            row["peak_rss_mb"] = max(row["peak_rss_mb"], b.run.rss_mb)
            label = f"batch {b.number:04d} ({len(names)} files: {', '.join(map(repr, names[:3]))}"
            label += ", ...)" if len(names) > 3 else ")"
            counts, details = check_batch(b, validator)
            for kind, count in counts.items():
                row[kind] += count
                if kind == "crashes":
                    tally(kind, details[kind][0], b.cls)
                for line in details[kind] if kind == "internal_errors" else []:
                    tally(kind, line[line.find("failed while"):], b.cls)
                if kind in ("crashes", "hangs") and len(examples[b.cls].get(kind, [])) < isolate_first:
                    details[kind] = [f"{details[kind][0]}; {isolate(b, kind, exe, jobs, timeout, folder / 'runs')}"]
                note(b.cls, kind, [f"{label}: {detail}" for detail in details[kind]])
        by_tag = {f"i{x.index}": x for x in items}
        for path in trap.hits:
            x = by_tag.get(path.split("/")[1]) if path.count("/") > 1 else None
            table[x.cls if x else "html"]["fetches"] += 1
            note(x.cls if x else "html", "fetches", [f"GET {path} (input {x.path.name if x else '?'!r})"])
    finally:
        trap.shutdown()
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    total = {col: (max if col == "peak_rss_mb" else sum)(row[col] for row in table.values()) for col in COLUMNS}
    return {"seed": seed, "inputs": inputs, "seconds": round(time.monotonic() - started, 1),
            "folder": str(folder) if keep else None, "table": {**table, "total": total}, "examples": dict(examples),
            **{f"{kind}_causes": sorted(found.values(), key=lambda cause: -cause["count"])
               for kind, found in (("crash", causes["crashes"]), ("internal_error", causes["internal_errors"]))}}


def print_report(summary: dict) -> None:
    widths = [max(len(column), 7) for column in COLUMNS]
    print("class".ljust(14) + " ".join(column.rjust(w) for column, w in zip(COLUMNS, widths)))
    for cls, row in summary["table"].items():
        print(cls.ljust(14) + " ".join(str(row[column]).rjust(w) for column, w in zip(COLUMNS, widths)))
    print(f"\n{summary['inputs']} inputs, seed {summary['seed']}, {summary['seconds']} s; "
          + (f"files in {summary['folder']}" if summary["folder"] else "--keep DIR keeps the files"))
    for cls, kinds in summary["examples"].items():
        for kind, lines in kinds.items():
            print(f"\n[{cls}] {kind}:\n" + "\n".join(f"  - {line}" for line in lines))
    for kind, unit in (("crash", "batches"), ("internal_error", "lines")):
        if summary[f"{kind}_causes"]:
            print(f"\nDistinct {kind.replace('_', ' ')} causes:")
            for cause in summary[f"{kind}_causes"]:
                print(f"  - {cause['cause']}  ({cause['count']} {unit}: {', '.join(cause['classes'])})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", type=int, default=10_000, help="input files to generate (default 10,000)")
    ap.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    ap.add_argument("--batch", type=int, default=50, help="inputs per batch (default 50)")
    ap.add_argument("--heavy-batch", type=int, default=2, help="long_lines inputs per batch (default 2)")
    ap.add_argument("--batch-bytes", type=int, default=500_000, help="input bytes per batch (default 500,000)")
    ap.add_argument("--jobs", type=int, default=2, help="batches run at once (default 2)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds a batch may take (default 60)")
    ap.add_argument("--scale", type=float, default=1.0, help="factor on the sizes of long inputs (default 1)")
    ap.add_argument("--isolate", type=int, default=1, help="crashing and hanging batches bisected per class (1)")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="write inputs and outputs to DIR and keep them")
    ap.add_argument("--armsledger", type=Path, help="the console script (default: the one beside this Python)")
    ap.add_argument("--json", action="store_true", help="print the table, examples and causes as JSON")
    ap.add_argument("--strict", action="store_true", help="exit 1 when any problem was found")
    args = ap.parse_args(argv)
    try:
        summary = run_campaign(args.inputs, args.seed, args.batch, args.heavy_batch, args.batch_bytes, args.jobs,
                               args.timeout, args.scale, args.keep, args.isolate, args.armsledger)
    except FileNotFoundError as err:
        print(f"fuzz: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print_report(summary)
    return 1 if args.strict and any(summary["table"]["total"][kind] for kind in PROBLEMS) else 0


if __name__ == "__main__":
    sys.exit(main())
