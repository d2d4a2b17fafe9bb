"""Every crash the hostile-input campaigns found (the robustness issue, bench/fuzz.py), as a
named regression test run through the real command line: the bad input gives one error line
naming it, and the good canary document beside it is still extracted."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARMSLEDGER = str(Path(sys.executable).parent / "armsledger")
CANARY = "source: canary\n\nLes États-Unis ont approuvé la vente de 12 hélicoptères à la Pologne.\n"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, list[dict], list[str]]:
    proc = subprocess.run([ARMSLEDGER, *args], input=stdin, capture_output=True, timeout=300)
    out = [json.loads(line, parse_constant=_no_constant) for line in proc.stdout.decode().splitlines() if line]
    return proc.returncode, out, proc.stderr.decode().splitlines()


def _no_constant(name: str):
    raise AssertionError(f"{name} is not JSON")


def batch(tmp_path: Path, name: str, content: bytes, *options: str) -> tuple[int, list[dict], list[str]]:
    """Extract `content` saved as `name` beside the canary; the canary must come out."""
    (tmp_path / name).write_bytes(content)
    (tmp_path / "canary.txt").write_text(CANARY, encoding="utf-8")
    code, out, err = run("extract", "--jsonl", *options, str(tmp_path / name), str(tmp_path / "canary.txt"))
    assert code == 0, err
    assert out[-1]["document"]["source"] == "canary"
    assert out[-1]["transfers"][0]["recipient"]["id"] == "POL"
    assert not any("Traceback" in line for line in err), err
    assert all(line.startswith("armsledger: ") for line in err), err
    return code, out[:-1], err


def test_jsonl_one_bad_line_of_each_kind_loses_only_that_line(tmp_path):
    good = '{"text": "La France a livré 6 canons Caesar à l\'Ukraine.", "id": "%d"}'
    lines = [good % 1, '{"text": "\x00 NUL"}', good % 3, '{"text": "caf\xe9"}', good % 5, "not json", good % 7,
             "[" * 3000 + "]" * 3000, good % 9, '{"text": "Un \\ud800 seul."}', good % 11]
    data = b"\n".join(line.encode("latin-1" if n == 4 else "utf-8") for n, line in enumerate(lines, 1)) + b"\n"
    _, out, err = batch(tmp_path, "corpus.jsonl", data)
    path = tmp_path / "corpus.jsonl"
    assert [doc["document"]["source"] for doc in out] == [f"{path}:{n}" for n in (1, 3, 5, 7, 9, 10, 11)]
    assert out[5]["document"]["text"] == "Un \ufffd seul."
    assert sorted(err) == sorted([  # a warning is said when its document is admitted, an error when written
        f"armsledger: {path}:2: line has a NUL byte at column 11 [AL102]",
        f"armsledger: {path}:4: line is not valid UTF-8: byte 0xE9 at column 14 [AL103]",
        f"armsledger: {path}:6: line is not JSON: Expecting value at column 1 [AL106]",
        f"armsledger: {path}:8: line nests JSON 3000 levels deep, over the limit of 100 [AL106]",
        f"armsledger: {path}:10: 1 lone surrogate(s) replaced by U+FFFD",
    ])


def test_lone_surrogate_in_a_title_and_text_is_replaced(tmp_path):
    line = '{"text": "Israël a acheté 3 radars \\udc80.", "title": "Titre \\ud800", "language": "fr"}\n'
    _, out, err = batch(tmp_path, "s.jsonl", line.encode())
    assert (out[0]["document"]["title"], out[0]["document"]["text"]) == ("Titre \ufffd", "Israël a acheté 3 radars \ufffd.")
    assert err == [f"armsledger: {tmp_path / 's.jsonl'}:1: 2 lone surrogate(s) replaced by U+FFFD"]


def test_integer_of_thousands_of_digits_in_json_is_that_lines_error(tmp_path):
    line = '{"text": "x", "id": ' + "9" * 5000 + "}\n"
    _, out, err = batch(tmp_path, "n.jsonl", line.encode())
    assert out == [] and len(err) == 1 and err[0].endswith("[AL106]") and ":1: line is not usable JSON" in err[0]


@pytest.mark.parametrize("name, content", [
    ("page.html", b"<html><body><p>La France a livr\xc3\xa9\x0b\x0c des chars\x01 au Maroc.</p></body></html>"),
    ("feed.rss", b"<rss version='2.0'><channel><item><title>T\x0b</title>"
                 b"<description>La France a livr\xc3\xa9\x0c des chars au Maroc.</description></item></channel></rss>"),
    ("line.jsonl", b'{"html": "<p>La France a livr\\u00e9\\u000b\\u000c des chars au Maroc.</p>"}\n'),
])
def test_xml_forbidden_control_characters_are_removed_before_lxml(tmp_path, name, content):
    _, out, err = batch(tmp_path, name, content)
    assert err == []
    assert out[0]["document"]["text"] == "La France a livré des chars au Maroc."


@pytest.mark.parametrize("content, message", [
    (b"<feed xmlns='http://www.w3.org/2005/Atom'><entry<title</content></feed>", "has no text [AL105]"),
    (b"<rss><channel><item><title>Only a title</title></item></channel></rss>", "has no text [AL105]"),
])
def test_broken_feed_entries_are_their_own_errors(tmp_path, content, message):
    _, out, err = batch(tmp_path, "broken.atom", content)
    assert out == [] and len(err) == 1 and err[0].endswith(message), err


def test_a_page_that_is_no_feed_is_refused_in_one_line(tmp_path):
    _, out, err = batch(tmp_path, "notes.xml", b"<notes><note>not a feed</note></notes>")
    assert out == [] and len(err) == 1 and "not an RSS or Atom feed" in err[0] and err[0].endswith("[AL106]")


def test_stray_byte_in_a_utf8_feed_refuses_that_entry_never_mojibake(tmp_path):
    feed = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            "<item><title>Un</title><description>L'Égypte a commandé 2 frégates.</description></item>"
            "<item><title>Deux</title><description>Le Pérou a reçu BAD des blindés.</description></item>"
            "</channel></rss>").encode("utf-8").replace(b"BAD", b"\xff")
    _, out, err = batch(tmp_path, "feed.xml", feed)
    assert [doc["document"]["text"] for doc in out] == ["L'Égypte a commandé 2 frégates."]
    assert err[-1] == f"armsledger: {tmp_path / 'feed.xml'}#2: feed entry 2 holds bytes that are not valid in " \
                      "the feed's encoding [AL103]"


def test_rich_markup_in_a_title_is_printed_as_text(tmp_path):
    (tmp_path / "t.txt").write_text("title: Kyiv [/UPDATE] [bold]\n\nLa France a livré 6 canons à l'Ukraine.\n",
                                    encoding="utf-8")
    proc = subprocess.run([ARMSLEDGER, "extract", str(tmp_path / "t.txt")], capture_output=True, text=True)
    assert proc.returncode == 0 and "Kyiv [/UPDATE] [bold]" in proc.stdout, proc.stderr


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_relative_dates_at_the_ends_of_the_calendar_lose_the_date_not_the_document(tmp_path, published):
    text = "Hier, 12 personnes ont été tuées, selon le ministère. Tomorrow and last November too.\n"
    _, out, err = batch(tmp_path, "d.txt", text.encode(), "--published", published)
    assert err == [] and out[0]["figures"][0]["value"] == 12


def test_absurd_numbers_are_no_value_and_the_output_stays_json(tmp_path):
    text = ("Le bilan est de " + "9" * 5000 + " morts. Il y a " + "9" * 400 + " dollars de missiles vendus au "
            "Maroc. 1e999 blessés.\n")
    _, out, err = batch(tmp_path, "n.txt", text.encode())
    assert err == []
    assert all(abs(f["value"]) < 1e300 for f in out[0]["figures"])


def test_json_and_jsonl_together_are_refused_with_exit_2(tmp_path):
    (tmp_path / "canary.txt").write_text(CANARY, encoding="utf-8")
    code, out, err = run("extract", "--json", "--jsonl", str(tmp_path / "canary.txt"))
    assert (code, out) == (2, [])
    assert err == ["armsledger: --json and --jsonl cannot be used together: choose one output [AL200]"]


@pytest.mark.parametrize("name, content", [
    ("xxe.html", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                 b"<html><body><p>Le Chili a achet\xc3\xa9 &e; 4 radars.</p></body></html>"),
    ("xxe.rss", b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                b"<rss version='2.0'><channel><item><description>Le Chili &e; a achet\xc3\xa9 4 radars."
                b"</description><enclosure url='http://127.0.0.1:9/x' type='text/plain'/></item></channel></rss>"),
    ("xinclude.html", b'<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><base href="file:///etc/"></head>'
                      b'<body><p>Le Chili a achet\xc3\xa9 4 radars.</p><xi:include href="/etc/passwd" parse="text"/>'
                      b"</body></html>"),
])
def test_nothing_in_an_input_reads_a_local_file(tmp_path, name, content):
    (tmp_path / name).write_bytes(content)
    proc = subprocess.run([ARMSLEDGER, "extract", "--jsonl", str(tmp_path / name)], capture_output=True, text=True)
    assert "root:" not in proc.stdout and "root:" not in proc.stderr
