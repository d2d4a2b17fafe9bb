"""The extraction pipeline: source documents in, `armsledger/1` extractions out.

Composes the stages: language choice, the spaCy pipeline of that language (built once per
process), the extractors on one shared `DocContext`, and the records model. Documents are
processed in batches with `nlp.pipe`, bounded by count and by characters, each batch inside
`nlp.memory_zone()` so that its memory is released; results come back in input order.

Every document has its own fault boundary: a document that cannot be read or is over the
limits comes back as its `InputError`, and whatever one document raises while being parsed or
extracted comes back as its `DocumentFailed`. The batch always goes on.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from armsledger.errors import ConfigError, DocumentFailed, EmptyInput, InputError, InputTooLarge
from armsledger.extract.aid import extract_aid
from armsledger.extract.context import DocContext
from armsledger.extract.figures import extract_figures
from armsledger.extract.legal import extract_legal_actions
from armsledger.extract.quotes import extract_quotes
from armsledger.extract.transfers import extract_transfers
from armsledger.ingest.hygiene import scrub_document
from armsledger.ingest.limits import Limits
from armsledger.model import Document, Entity, Extraction, Figure, Quote, SourceDocument, document_id
from armsledger.normalize.actors import lookup_actor
from armsledger.nlp.langid import detect_language
from armsledger.lang import SUPPORTED_LANGUAGES
from armsledger.nlp.parsing import parse_texts
from armsledger.nlp.pipelines import get_pipeline
from armsledger.relevance import scan, text_for_parsing

log = logging.getLogger("armsledger.pipeline")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BATCH = 256  # documents parsed per nlp.pipe call at most (and Limits.batch_chars characters)


@dataclass(frozen=True)
class Options:
    """How to read the documents: `language` is fr, en or auto (the document's own language
    when it declares a supported one, else detected); `published` applies to documents that
    carry no publication date of their own; `limits` bound sizes and batches; `prefilter`
    keeps documents without any anchor word from the parser (`armsledger.relevance`)."""
    language: str = "auto"
    published: str | None = None
    limits: Limits = Limits()
    prefilter: bool = False  # skip the parse of documents (and paragraphs) the relevance scan finds empty

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


def choose_language(src: SourceDocument, options: Options, detect: Callable[[str], str] = detect_language) -> str:
    """The language given by the options, else the one the document declares, else `detect(text)`."""
    if options.language != "auto":
        return options.language
    declared = (src.language or "").strip().lower()[:2]
    if declared in SUPPORTED_LANGUAGES:
        return declared
    return detect(src.text)


def _document(src: SourceDocument, lang: str, published: str | None) -> Document:
    return Document(id=document_id(src.text), language=lang, published=published, title=src.title,
                    source=src.source, ref=src.ref, text=src.text)


def _published(src: SourceDocument, options: Options) -> str | None:
    if src.published and DATE_RE.match(src.published):
        return src.published
    return options.published


def analyse(doc, src: SourceDocument, lang: str, published: str | None) -> Extraction:
    """Run every extractor on a parsed spaCy doc and build the extraction, records with ids."""
    ctx = DocContext(doc, lang, published)
    transfers, used_money = extract_transfers(ctx)
    return Extraction(
        document=_document(src, lang, published),
        entities=entities_of(ctx),
        transfers=transfers,
        aid=extract_aid(ctx, used_money, transfers),
        figures=[_with_source_id(f, lang) for f in extract_figures(ctx)],
        legal_actions=extract_legal_actions(ctx),
        quotes=[_with_speaker_id(q, lang) for q in extract_quotes(ctx)],
    ).with_record_ids()


def _actor_id(name: str | None, lang: str) -> str | None:
    entry = lookup_actor(name, lang) if name else None
    return entry.id if entry else None  # the body itself (an org id or ISO3), not the state it stands for


def _with_source_id(figure: Figure, lang: str) -> Figure:
    source_id = _actor_id(figure.source.name, lang)
    if source_id is None:
        return figure
    return figure.model_copy(update={"source": figure.source.model_copy(update={"id": source_id})})


def _with_speaker_id(quote: Quote, lang: str) -> Quote:
    speaker_id = _actor_id(quote.speaker, lang)
    return quote.model_copy(update={"speaker_id": speaker_id}) if speaker_id else quote


def entities_of(ctx: DocContext) -> list[Entity]:
    out = [Entity(text=e.text, label=e.label_, id=e.id_ or None, start=e.start_char, end=e.end_char)
           for e in ctx.ents if e.label_ in {"PERSON", "ORG", "GPE", "LOC", "WEAPON", "MONEY", "DATE"}]
    taken = {(e.start, e.end) for e in out}
    out += [Entity(text=m.text, label="MONEY", id=None, start=m.start, end=m.end) for m in ctx.money
            if (m.start, m.end) not in taken]
    out += [Entity(text=d.text, label="DATE", id=d.value, start=d.start, end=d.end) for d in ctx.dates
            if (d.start, d.end) not in taken]
    return sorted(out, key=lambda e: (e.start, e.end))


def extract_text(text: str, *, language: str = "auto", published: str | None = None, source: str | None = None,
                 title: str | None = None, ref: str | None = None) -> Extraction:
    """Extract one text given as a string: `language` fr, en or auto; `published` YYYY-MM-DD
    dates it (relative dates resolve against it). Raises its InputError (EmptyInput for a blank
    text, InputTooLarge, DocumentFailed) or ConfigError for a bad option."""
    if not text.strip():
        raise EmptyInput("text is empty", source=source or ref)
    src = SourceDocument(text=text, language=None if language == "auto" else language, source=source,
                         title=title, ref=ref, published=published)
    return extract_document(src, Options(language=language, published=published))


def extract_document(src: SourceDocument, options: Options = Options()) -> Extraction:
    """Extract one document. Raises its InputError (InputTooLarge, DocumentFailed, ...)."""
    result = next(extract_documents([src], options))
    if isinstance(result, InputError):
        raise result
    return result


def extract_documents(sources: Iterable[SourceDocument | InputError],
                      options: Options = Options()) -> Iterator[Extraction | InputError]:
    """Extractions (or the input's error) in input order, parsed in batches per language."""
    batch: list[SourceDocument | InputError] = []
    chars = 0
    for src in sources:
        size = len(src.text) if isinstance(src, SourceDocument) else 0
        if batch and chars + size > options.limits.batch_chars:  # a long text starts a batch of its own
            yield from _run_batch(batch, options)
            batch, chars = [], 0
        batch.append(src)
        chars += size
        if len(batch) >= BATCH:
            yield from _run_batch(batch, options)
            batch, chars = [], 0
    if batch:
        yield from _run_batch(batch, options)


def _admit(src: SourceDocument, options: Options) -> SourceDocument:
    """The document cleaned for the parser; raises InputTooLarge."""
    limit = options.limits.max_document_chars
    if len(src.text) > limit:
        raise InputTooLarge(f"text is {len(src.text):,} characters, over the {limit:,} a document may have "
                            "(--max-chars); split it into several documents", source=src.source or src.ref)
    src, replaced = scrub_document(src)
    if replaced:
        log.warning("%s: %d lone surrogate(s) replaced by U+FFFD", src.source or src.ref, replaced)
    return src


def _unparsed(src: SourceDocument, options: Options, guess: str | None) -> Extraction:
    """The extraction of a document the pre-filter keeps from the parser: no records. Its
    language is the one given or declared, else the scan's guess (lingua is not asked)."""
    lang = choose_language(src, options, detect=lambda _text: guess or "en")
    return Extraction(document=_document(src, lang, _published(src, options)), filtered=True)


def _run_batch(batch: list[SourceDocument | InputError], options: Options) -> list[Extraction | InputError]:
    results: list[Extraction | InputError | None] = [None] * len(batch)
    admitted: dict[str, list[tuple[int, SourceDocument]]] = {}
    for i, src in enumerate(batch):
        if isinstance(src, InputError):
            results[i] = src
            continue
        try:
            clean = _admit(src, options)
            relevance = scan(clean.text) if options.prefilter else None
            if relevance is not None and not relevance.relevant:
                results[i] = _unparsed(clean, options, relevance.language_guess)
                continue
            lang = choose_language(clean, options)
        except InputError as err:
            results[i] = err
        except Exception as exc:  # noqa: BLE001 - the document's fault boundary
            results[i] = DocumentFailed.wrap(exc, "preparing", src.source or src.ref)
        else:
            admitted.setdefault(lang, []).append((i, clean))
    for lang, members in admitted.items():
        nlp = get_pipeline(lang)
        with nlp.memory_zone():  # strings and vocabulary entries of this batch are freed on exit
            texts = [text_for_parsing(src.text) if options.prefilter else src.text for _, src in members]
            docs = parse_texts(nlp, texts, options.limits.parse_chunk_chars)
            for k, (i, src) in enumerate(members):
                results[i] = _analyse_safely(docs[k], src, lang, options)
                docs[k] = None  # type: ignore[call-overload]  # a parsed long text is large: let it go
    return results  # type: ignore[return-value]


def _analyse_safely(doc, src: SourceDocument, lang: str, options: Options) -> Extraction | InputError:
    where = src.source or src.ref
    if isinstance(doc, Exception):
        return DocumentFailed.wrap(doc, "parsing", where)
    try:
        return analyse(doc, src, lang, _published(src, options))
    except Exception as exc:  # noqa: BLE001 - the document's fault boundary
        return DocumentFailed.wrap(exc, "extracting", where)
