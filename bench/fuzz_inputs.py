"""The inputs of the fuzz campaign (bench/fuzz.py): the word lists, the eleven classes of hostile
input and `generate_inputs`, which writes them for a seed. See fuzz.py for the classes."""
from __future__ import annotations

import codecs
import json
import random
import string
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

MAX_CHARS = 1_000_000  # a document's limit: files stay under it, bar the over_limit ones

FR = ["Les États-Unis ont approuvé la vente de 12 hélicoptères à la Pologne, a annoncé lundi le Pentagone.",
      "Selon le ministère de la Santé, 35 personnes ont été tuées et 120 blessées.",
      "« Nous livrerons 18 canons Caesar à l'Ukraine », a déclaré le ministre des Armées.",
      "La CPI a délivré un mandat d'arrêt visant l'ancien général pour crimes contre l'humanité.",
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
