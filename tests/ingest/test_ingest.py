"""armsledger.ingest: every input kind, good and bad, written here into tmp_path."""
from __future__ import annotations

import io
import json
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from armsledger.errors import (BinaryInput, EmptyInput, EncodingError, InputError, InputTooLarge,
                               MalformedRecord, MissingInput, NoMainText)
from armsledger.ingest import MAX_FILE_BYTES, MAX_TEXT_CHARS, read_inputs
from armsledger.model.records import SourceDocument

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>France to sell Rafale jets to Indonesia | Example News</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>France to sell Rafale jets to Indonesia</h1>
<time datetime="2024-03-05">5 March 2024</time>
<p>France agreed on Tuesday to sell 42 Rafale fighter jets to Indonesia, the defence ministry said.</p>
<p>The deal is worth 8.1 billion dollars and includes training and spare parts.</p>
</article><footer>Copyright Example News</footer></body></html>
"""
PAGE_TEXT = ("France to sell Rafale jets to Indonesia\n"
             "France agreed on Tuesday to sell 42 Rafale fighter jets to Indonesia, the defence ministry said.\n"
             "The deal is worth 8.1 billion dollars and includes training and spare parts.")

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Defence wire</title><link>https://wire.example</link>
<language>fr-FR</language>
<item><title>Vente de Rafale</title><link>https://wire.example/rafale</link>
<guid>wire-1</guid><pubDate>Tue, 05 Mar 2024 23:30:00 -0500</pubDate>
<description>&lt;p&gt;La France vend 42 Rafale.&lt;/p&gt;&lt;p&gt;Le contrat est sign\u00e9.&lt;/p&gt;</description></item>
<item><title>Sans texte</title><link>https://wire.example/vide</link></item>
<item><title>Caracal</title><description>Douze h\u00e9licopt\u00e8res livr\u00e9s.</description></item>
</channel></rss>
"""


def read(*paths, stdin=None) -> list:
    return list(read_inputs([str(path) for path in paths], stdin=stdin))


def write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def only(items: list):
    assert len(items) == 1, items
    return items[0]


def test_limits_are_spacys_max_length_and_20_mb():
    assert MAX_TEXT_CHARS == 1_000_000
    assert MAX_FILE_BYTES == 20 * 1024 * 1024


def test_plain_text_is_one_document_named_by_its_path(tmp_path):
    path = write(tmp_path, "note.txt", "La France livre des Caesar.\r\nDeuxième ligne.\rTroisième.\n")
    assert only(read(path)) == SourceDocument(
        text="La France livre des Caesar.\nDeuxième ligne.\nTroisième.\n", source=str(path))


def test_headered_text_gives_metadata_and_the_rest_as_text(tmp_path):
    path = write(tmp_path, "a.txt", "source: https://news.example/a\ntitle: Rafale pour l'Inde\n"
                 "published: 2024-03-05\nlanguage: fr\ncompleteness: full\n\n"
                 "L'Inde achète 26 Rafale Marine.\n\nDeuxième paragraphe.\n")
    assert only(read(path)) == SourceDocument(
        text="L'Inde achète 26 Rafale Marine.\n\nDeuxième paragraphe.\n", source="https://news.example/a",
        title="Rafale pour l'Inde", published="2024-03-05", language="fr")


def test_header_keeps_published_only_when_it_is_a_date(tmp_path):
    path = write(tmp_path, "b.txt", "title: Undated\npublished: unknown\n\nBody text.")
    assert only(read(path)) == SourceDocument(text="Body text.", source=str(path), title="Undated")


def test_text_that_merely_starts_with_a_colon_line_is_not_a_header(tmp_path):
    text = "Note: the figures are provisional\n\nBody."
    assert only(read(write(tmp_path, "c.txt", text))).text == text


def test_missing_path(tmp_path):
    error = only(read(tmp_path / "nope.txt"))
    assert type(error) is MissingInput
    assert error.source == str(tmp_path / "nope.txt")
    assert str(error) == f"{tmp_path / 'nope.txt'}: no such file or directory [AL107]"


def test_empty_and_whitespace_only_files(tmp_path):
    empty, blank = write(tmp_path, "empty.txt", b""), write(tmp_path, "blank.txt", " \n\t\r\n")
    bom_only = write(tmp_path, "bom.txt", b"\xef\xbb\xbf\n")
    errors = read(empty, blank, bom_only)
    assert [type(error) for error in errors] == [EmptyInput, EmptyInput, EmptyInput]
    assert [error.source for error in errors] == [str(empty), str(blank), str(bom_only)]
    assert errors[0].message == "empty file"


def test_binary_files(tmp_path):
    png = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    controls = write(tmp_path, "controls.txt", bytes([1, 2, 3, 4, 5, 6, 0x10, 0x11]) * 100 + b"text")
    errors = read(png, controls)
    assert [type(error) for error in errors] == [BinaryInput, BinaryInput]
    assert errors[0].message == "binary file: NUL byte at offset 8"
    assert errors[1].source == str(controls)


def test_invalid_utf8_is_refused_with_the_offset_of_the_first_bad_byte(tmp_path):
    # UTF-8 with a stray latin-1 byte: decoding it as cp1252 would garble "café" into "cafÃ©".
    data = "Le café coûte ".encode("utf-8") + b"\xe9t\xe9 cher."
    error = only(read(write(tmp_path, "mixed.txt", data)))
    assert type(error) is EncodingError
    assert error.message == "not valid UTF-8: byte 0xE9 at offset 16 (and not plain cp1252/latin-1 text)"


def test_byte_undefined_in_cp1252_is_refused(tmp_path):
    error = only(read(write(tmp_path, "undefined.txt", b"abc \x81 def")))
    assert type(error) is EncodingError
    assert "offset 4" in error.message


def test_cp1252_text_is_accepted(tmp_path):
    text = "Livraisons d’armes à l’Ukraine – déjà 3 milliards €.\n"
    assert only(read(write(tmp_path, "legacy.txt", text.encode("cp1252")))).text == text


def test_byte_order_marks(tmp_path):
    utf8 = write(tmp_path, "bom8.txt", b"\xef\xbb\xbfAvec BOM.")
    utf16 = write(tmp_path, "bom16.txt", "\ufeffEn UTF-16 : frégate.\r\n".encode("utf-16-le"))
    broken16 = write(tmp_path, "broken16.txt", "\ufeffab".encode("utf-16-le") + b"\x00")
    docs = read(utf8, utf16, broken16)
    assert [doc.text for doc in docs[:2]] == ["Avec BOM.", "En UTF-16 : frégate.\n"]
    assert type(docs[2]) is EncodingError and "offset 6" in docs[2].message


def test_text_over_max_text_chars_stays_one_document_and_is_fast(tmp_path):
    line = "France delivered 12 CAESAR howitzers to Ukraine in 2022, the ministry said.\n"
    text = line * (20_000_000 // len(line))
    path = write(tmp_path, "big.txt", text)
    start = time.perf_counter()
    doc = only(read(path))
    assert time.perf_counter() - start < 5
    assert type(doc) is SourceDocument and len(doc.text) > 19 * MAX_TEXT_CHARS and doc.text == text


def test_file_over_max_file_bytes_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_FILE_BYTES + 1)
    error = only(read(path))
    assert type(error) is InputTooLarge
    assert error.message == f"file is {MAX_FILE_BYTES + 1:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit (--max-file-bytes)"


def test_html_page_gives_main_text_title_and_date(tmp_path):
    path = write(tmp_path, "page.html", PAGE)
    assert only(read(path)) == SourceDocument(
        text=PAGE_TEXT, source=str(path), title="France to sell Rafale jets to Indonesia",
        published="2024-03-05")


def test_html_meta_date_canonical_url_and_latin1_bytes(tmp_path):
    page = ('<html><head><title>Vente</title><meta name="date" content="2024-03-06">'
            '<link rel="canonical" href="https://example.org/fr/vente"></head><body><article>'
            "<p>La France a vendu douze hélicoptères Caracal à l'Irak, selon le ministère des Armées.</p>"
            "</article></body></html>")
    doc = only(read(write(tmp_path, "vente.htm", page.encode("cp1252"))))
    assert doc == SourceDocument(
        text="La France a vendu douze hélicoptères Caracal à l'Irak, selon le ministère des Armées.",
        source="https://example.org/fr/vente", title="Vente", published="2024-03-06")


def test_html_without_body_or_main_text(tmp_path):
    no_body = write(tmp_path, "head.html", "<html><head><title>Only a head</title></head></html>")
    empty_body = write(tmp_path, "empty.html", "<html><body>  </body></html>")
    only_script = write(tmp_path, "script.html", "<html><body><script>var x = 1;</script></body></html>")
    errors = read(no_body, empty_body, only_script)
    assert [type(error) for error in errors] == [NoMainText, NoMainText, NoMainText]
    assert [error.source for error in errors] == [str(no_body), str(empty_body), str(only_script)]


def test_html_fragment_falls_back_to_body_text(tmp_path):
    doc = only(read(write(tmp_path, "frag.html", "<p>Un paragraphe.</p><p>Un autre.</p>")))
    assert doc.text == "Un paragraphe.\nUn autre."


def test_jsonl_good_lines_survive_a_broken_one(tmp_path):
    lines = [
        '{"id": 7, "text": "Texte un.", "url": "https://a.example/1", "title": "Un", '
        '"published": "2024-03-05T10:00:00Z", "language": "fr-FR"}',
        '{"text": "broken',
        "",
        '{"html": ' + json.dumps(PAGE) + ', "source": "https://b.example/2"}',
        '{"title": "neither text nor html"}',
        '["a", "list"]',
        '{"text": "   "}',
        '{"text": "Deux.\\r\\nLignes.", "published": "unknown"}',
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    items = read(path)
    assert [type(item) for item in items] == [SourceDocument, MalformedRecord, SourceDocument,
                                              MalformedRecord, MalformedRecord, EmptyInput, SourceDocument]
    assert [item.source for item in items] == [
        "https://a.example/1", f"{path}:2", "https://b.example/2", f"{path}:5", f"{path}:6", f"{path}:7",
        f"{path}:8"]
    assert items[0] == SourceDocument(text="Texte un.", source="https://a.example/1", title="Un",
                                      published="2024-03-05", language="fr", ref="7")
    assert items[1].message.startswith("line is not JSON: Unterminated string")
    assert items[2] == SourceDocument(text=PAGE_TEXT, source="https://b.example/2",
                                      title="France to sell Rafale jets to Indonesia", published="2024-03-05")
    assert items[3].message == "record has neither `text` nor `html`"
    assert items[4].message == "line is a JSON list, not an object"
    assert items[6] == SourceDocument(text="Deux.\nLignes.", source=f"{path}:8")


def test_rss_feed_gives_one_document_per_entry(tmp_path):
    path = write(tmp_path, "wire.rss", FEED)
    items = read(path)
    assert items[0] == SourceDocument(
        text="La France vend 42 Rafale.\nLe contrat est signé.", source="https://wire.example/rafale",
        title="Vente de Rafale", published="2024-03-05", language="fr", ref="wire-1")
    assert type(items[1]) is NoMainText and items[1].source == f"{path}#2"
    assert items[1].message == "feed entry 2 has no text (https://wire.example/vide)"
    assert items[2] == SourceDocument(text="Douze hélicoptères livrés.", source=f"{path}#3",
                                      title="Caracal", language="fr")
    assert len(items) == 3


def test_atom_feed_and_xml_that_is_not_a_feed(tmp_path):
    atom = write(tmp_path, "a.atom", """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:feed</id><updated>2024-03-05T00:00:00Z</updated>
<entry><title>Frigates</title><id>urn:1</id><link href="https://n.example/f"/><updated>2024-03-04T09:00:00+02:00</updated>
<content type="html">&lt;p&gt;Two frigates were delivered.&lt;/p&gt;</content></entry></feed>""")
    not_feed = write(tmp_path, "config.xml", "<config><key>value</key></config>")
    doc, error = read(atom, not_feed)
    assert doc == SourceDocument(text="Two frigates were delivered.", source="https://n.example/f",
                                 title="Frigates", published="2024-03-04", ref="urn:1")
    assert type(error) is MalformedRecord and error.message.startswith("not an RSS or Atom feed")


def test_feed_content_is_never_taken_for_a_file_name(tmp_path):
    secret = write(tmp_path, "secret.rss", FEED)
    error = only(read(write(tmp_path, "pointer.rss", str(secret))))
    assert type(error) is MalformedRecord


def test_inputs_come_back_in_order(tmp_path):
    first, last = write(tmp_path, "1.txt", "One."), write(tmp_path, "2.txt", "Two.")
    items = read(first, tmp_path / "missing.txt", last)
    assert [type(item) for item in items] == [SourceDocument, MissingInput, SourceDocument]
    assert [item.text for item in (items[0], items[2])] == ["One.", "Two."]


def test_directory_expands_to_its_known_files_sorted_by_name(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "sub").mkdir()
    for name, text in [("b.txt", "B."), ("a.txt", "A."), (".hidden.txt", "H."), ("a.gold.json", "{}"),
                       ("c.jsonl", '{"text": "C."}'), ("sub/d.txt", "D.")]:
        write(corpus, name, text)
    items = read(corpus)
    assert [(item.text, item.source) for item in items] == [
        ("A.", str(corpus / "a.txt")), ("B.", str(corpus / "b.txt")), ("C.", f"{corpus / 'c.jsonl'}:1")]


def test_unknown_extension_given_explicitly_is_text(tmp_path):
    assert only(read(write(tmp_path, "notes.md", "# Title\n"))).text == "# Title\n"


def test_stdin_is_sniffed():
    jsonl = io.BytesIO(b'{"text": "Un."}\n\n{"text": "Deux."}\n')
    html = io.BytesIO(PAGE.encode("utf-8"))
    feed = io.BytesIO(FEED.encode("utf-8"))
    text = io.BytesIO("title: Titre\n\n{pas du JSON}\n".encode("utf-8"))
    assert [(doc.text, doc.source) for doc in read("-", stdin=jsonl)] == [("Un.", "<stdin>:1"), ("Deux.", "<stdin>:3")]
    assert only(read("-", stdin=html)) == SourceDocument(
        text=PAGE_TEXT, source="<stdin>", title="France to sell Rafale jets to Indonesia", published="2024-03-05")
    assert [doc.source for doc in read("-", stdin=feed)] == ["https://wire.example/rafale", "<stdin>#2", "<stdin>#3"]
    assert only(read("-", stdin=text)) == SourceDocument(text="{pas du JSON}\n", source="<stdin>", title="Titre")


def test_stdin_errors_name_stdin():
    error = only(read("-", stdin=io.BytesIO(b"\x00\x01binary")))
    assert type(error) is BinaryInput and error.source == "<stdin>"
    assert isinstance(error, InputError)


@settings(max_examples=50, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\r\t"), min_size=1))
def test_any_utf8_text_reads_back_with_only_newlines_normalised(tmp_path_factory, body):
    text = "Body\n" + body  # the first line is not `key: value`, so there is never a header
    path = tmp_path_factory.mktemp("prop") / "p.txt"
    path.write_bytes(text.encode("utf-8"))
    assert only(read(path)).text == text.replace("\r\n", "\n").replace("\r", "\n")
