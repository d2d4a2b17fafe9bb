"""The extraction pipeline: source documents in, `armsledger/1` extractions out.

Composes the stages: language choice, the spaCy pipeline of that language (built once per
process), the extractors on one shared `DocContext`, and the records model. Documents are
processed in batches with `nlp.pipe`; results come back in input order. A document that
cannot be processed comes back as its `InputError`, and the batch goes on.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from armsledger.errors import ConfigError, InputError, InputTooLarge
from armsledger.extract.aid import extract_aid
from armsledger.extract.context import DocContext
from armsledger.extract.figures import extract_figures
from armsledger.extract.legal import extract_legal_actions
from armsledger.extract.quotes import extract_quotes
from armsledger.extract.transfers import extract_transfers
from armsledger.ingest import MAX_TEXT_CHARS
from armsledger.model import Document, Entity, Extraction, SourceDocument, document_id
from armsledger.nlp.langid import detect_language
from armsledger.nlp.lexicon import SUPPORTED_LANGUAGES
from armsledger.nlp.pipelines import get_pipeline, make_doc

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BATCH = 256  # documents parsed per nlp.pipe call (memory stays small: texts are capped)


@dataclass(frozen=True)
class Options:
    """How to read the documents: `language` is fr, en or auto (the document's own language
    when it declares a supported one, else detected); `published` applies to documents that
    carry no publication date of their own."""
    language: str = "auto"
    published: str | None = None

    def __post_init__(self) -> None:
        if self.language not in ("auto", *SUPPORTED_LANGUAGES):
            raise ConfigError(f"--language must be auto, {' or '.join(SUPPORTED_LANGUAGES)}, not {self.language!r}")
        if self.published is not None and not _valid_date(self.published):
            raise ConfigError(f"--published must be a real date as YYYY-MM-DD, not {self.published!r}")


def _valid_date(value: str) -> bool:
    try:
        return DATE_RE.match(value) is not None and bool(date.fromisoformat(value))
    except ValueError:
        return False


def choose_language(src: SourceDocument, options: Options) -> str:
    if options.language != "auto":
        return options.language
    declared = (src.language or "").strip().lower()[:2]
    if declared in SUPPORTED_LANGUAGES:
        return declared
    return detect_language(src.text)


def _published(src: SourceDocument, options: Options) -> str | None:
    if src.published and DATE_RE.match(src.published):
        return src.published
    return options.published


def analyse(doc, src: SourceDocument, lang: str, published: str | None) -> Extraction:
    """Run every extractor on a parsed spaCy doc and build the extraction."""
    ctx = DocContext(doc, lang, published)
    transfers, used_money = extract_transfers(ctx)
    return Extraction(
        document=Document(id=document_id(src.text), language=lang, published=published, title=src.title,
                          source=src.source, text=src.text),
        entities=entities_of(ctx),
        transfers=transfers,
        aid=extract_aid(ctx, used_money, transfers),
        figures=extract_figures(ctx),
        legal_actions=extract_legal_actions(ctx),
        quotes=extract_quotes(ctx),
    )


def entities_of(ctx: DocContext) -> list[Entity]:
    out = [Entity(text=e.text, label=e.label_, id=e.id_ or None, start=e.start_char, end=e.end_char)
           for e in ctx.ents if e.label_ in {"PERSON", "ORG", "GPE", "LOC", "WEAPON", "MONEY", "DATE"}]
    taken = {(e.start, e.end) for e in out}
    out += [Entity(text=m.text, label="MONEY", id=None, start=m.start, end=m.end) for m in ctx.money
            if (m.start, m.end) not in taken]
    out += [Entity(text=d.text, label="DATE", id=d.value, start=d.start, end=d.end) for d in ctx.dates
            if (d.start, d.end) not in taken]
    return sorted(out, key=lambda e: (e.start, e.end))


def extract_document(src: SourceDocument, options: Options = Options()) -> Extraction:
    """Extract one document. Raises InputTooLarge for a text over spaCy's limit."""
    result = next(extract_documents([src], options))
    if isinstance(result, InputError):
        raise result
    return result


def extract_documents(sources: Iterable[SourceDocument | InputError],
                      options: Options = Options()) -> Iterator[Extraction | InputError]:
    """Extractions (or the input's error) in input order, parsed in batches per language."""
    batch: list[SourceDocument | InputError] = []
    for src in sources:
        batch.append(src)
        if len(batch) >= BATCH:
            yield from _run_batch(batch, options)
            batch = []
    if batch:
        yield from _run_batch(batch, options)


def _run_batch(batch: list[SourceDocument | InputError], options: Options) -> list[Extraction | InputError]:
    results: list[Extraction | InputError | None] = [None] * len(batch)
    by_lang: dict[str, list[int]] = {}
    for i, src in enumerate(batch):
        if isinstance(src, InputError):
            results[i] = src
        elif len(src.text) > MAX_TEXT_CHARS:
            results[i] = InputTooLarge(
                f"text is {len(src.text):,} characters, over the {MAX_TEXT_CHARS:,} a document may have; "
                "split it into several documents", source=src.source or src.ref)
        else:
            by_lang.setdefault(choose_language(src, options), []).append(i)
    for lang, indices in by_lang.items():
        nlp = get_pipeline(lang)
        docs = nlp.pipe(make_doc(nlp, batch[i].text) for i in indices)
        for i, doc in zip(indices, docs, strict=True):
            src = batch[i]
            results[i] = analyse(doc, src, lang, _published(src, options))
    return results  # type: ignore[return-value]
