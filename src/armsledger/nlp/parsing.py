"""Parse texts with a pipeline in bounded memory and time, one document's failure its own.

* A long text is parsed in pieces of at most `chunk_chars`, cut after a paragraph break (else a
  line break, a sentence end, a space), and the pieces are joined back into one Doc; pieces go
  to `nlp.pipe` in groups of at most `chunk_chars` characters. The parser's transient memory
  grows with what it is given at once (about 4 KB per character with the French model), so
  it is bounded by `chunk_chars`, not by the document or the batch.
* spaCy's tokenizer splits a run of prefix characters one at a time, in quadratic time (20,000
  quotation marks in a row: minutes). In the text handed to the tokenizer, a run of more than
  `MAX_RUN` characters without white space gets a space every `MAX_RUN` characters, one
  character for one, so offsets never move; the document text itself is not changed.
* `nlp.pipe` stops at the first exception; the documents from there on are parsed one by one,
  so the exception is the failing document's alone.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from armsledger.nlp.components.designations import TEXT_KEY

MAX_RUN = 100
_LONG_RUN = re.compile(r"\S{%d,}" % (2 * MAX_RUN + 1))
_CUTS = ("\n\n", "\n", ". ", " ")


def split_for_parsing(text: str, chunk_chars: int) -> list[str]:
    """`text` as consecutive pieces of at most `chunk_chars` characters (joined, they are `text`)."""
    pieces, start = [], 0
    while len(text) - start > chunk_chars:
        window = text[start:start + chunk_chars]
        cut = chunk_chars
        for separator in _CUTS:
            at = window.rfind(separator, chunk_chars // 4)
            if at > 0:
                cut = at + len(separator)
                break
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def tokenizer_text(text: str) -> str:
    """`text` with a space every MAX_RUN characters inside very long runs without white space."""
    if not _LONG_RUN.search(text):
        return text
    chars = list(text)
    for match in _LONG_RUN.finditer(text):
        for i in range(match.start() + MAX_RUN, match.end() - 1, MAX_RUN):
            chars[i] = " "
    return "".join(chars)


def make_doc(nlp: Language, text: str) -> Doc:
    """The tokenized doc of `text`, carrying the text itself for our components (see
    components/designations.doc_text): give these to `nlp.pipe`."""
    doc = nlp.make_doc(tokenizer_text(text))
    doc.user_data[TEXT_KEY] = text
    return doc


def parse_texts(nlp: Language, texts: Sequence[str], chunk_chars: int) -> list[Doc | Exception]:
    """One parsed Doc per text, in order, or the exception that text raised."""
    pieces = [(k, piece) for k, text in enumerate(texts) for piece in split_for_parsing(text, chunk_chars)]
    parsed: list[Doc | Exception] = []
    for group in _groups([piece for _, piece in pieces], chunk_chars):
        parsed += _parse_group(nlp, group)
    grouped: list[list[Doc | Exception]] = [[] for _ in texts]
    for (k, _), doc in zip(pieces, parsed, strict=True):
        grouped[k].append(doc)
    return [_join(parts, text) for parts, text in zip(grouped, texts, strict=True)]


def _groups(pieces: list[str], chunk_chars: int) -> list[list[str]]:
    groups: list[list[str]] = []
    size = chunk_chars
    for piece in pieces:
        if size + len(piece) > chunk_chars:
            groups.append([])
            size = 0
        groups[-1].append(piece)
        size += len(piece)
    return groups


def _parse_group(nlp: Language, group: list[str]) -> list[Doc | Exception]:
    parsed: list[Doc | Exception] = []
    try:
        for doc in nlp.pipe((make_doc(nlp, piece) for piece in group), batch_size=len(group)):
            parsed.append(doc)
    except Exception:  # noqa: BLE001 - find the failing document: the rest one by one
        for piece in group[len(parsed):]:
            try:
                parsed.append(nlp(make_doc(nlp, piece)))
            except Exception as exc:  # noqa: BLE001
                parsed.append(exc)
    return parsed


def _join(parts: list[Doc | Exception], text: str) -> Doc | Exception:
    failed = next((part for part in parts if isinstance(part, Exception)), None)
    if failed is not None:
        return failed
    if len(parts) == 1:
        return parts[0]
    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data"])
    doc.user_data[TEXT_KEY] = text
    weapons, offset = [], 0
    for part in parts:
        weapons += [dataclasses.replace(w, start=w.start + offset, end=w.end + offset)
                    for w in part._.weapons or []]
        offset += len(part.user_data[TEXT_KEY])
    doc._.weapons = weapons
    return doc


__all__ = ["MAX_RUN", "make_doc", "parse_texts", "split_for_parsing", "tokenizer_text"]
