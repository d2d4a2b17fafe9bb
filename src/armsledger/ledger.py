"""Keeping a ledger: readers, then the pipeline, then the store, then the merge.

`ingest(ledger, sources, options)` stores every document the sources give that the ledger does
not hold yet: a document already stored (the same text, whatever its name) is not extracted
again, so ingesting the same inputs twice changes nothing. Each document is written whole (a few
share one transaction), so a run killed at any moment leaves whole documents only and the next
run goes on from there. A document that cannot be read or extracted is stored as skipped with its
reason and the run goes on. With `reprocess`, stored documents are extracted again by this
engine ("older": those an older engine made; "all": every one), each document's records
replaced in one transaction. Last, the merge runs over every stored transfer, with the user's
decisions, and the deal tables are replaced in one transaction.
"""
from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Literal

from sqlalchemy import Connection
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from armsledger.errors import DocumentFailed, InputError, LedgerUnavailable
from armsledger.ingest.hygiene import scrub_document
from armsledger.model import ENGINE_VERSION, Extraction, SourceDocument, document_id
from armsledger.pipeline import Options, extract_documents
from armsledger.store import Ledger
from armsledger.store.engine import db_error_line
from armsledger.store.deals import DealChanges, remerge
from armsledger.store.writes import (
    Written, documents_to_reprocess, put_extraction, put_skipped, remove_stale_failures, stored_ids,
    unread_document_id,
)

Reprocess = Literal["older", "all"] | None
CHECK = 64  # inputs asked of the ledger at once (already stored?)
GROUP = 32  # documents written in one transaction, each whole
EventKind = Literal["new", "present", "skipped", "reprocessed"]


@dataclass
class IngestReport:
    """What one ingest did. `skipped` counts this run's unreadable documents by error code."""
    new: int = 0
    filtered: int = 0  # of the new ones: no anchor word, stored without parsing (no records)
    present: int = 0
    reprocessed: int = 0
    skipped: Counter = field(default_factory=Counter)
    records: Counter = field(default_factory=Counter)
    deals: DealChanges | None = None

    @property
    def read(self) -> int:
        """Documents that could be read (stored now, or before)."""
        return self.new + self.present + self.reprocessed


@dataclass(frozen=True)
class _Pending:
    """One input on its way through the pipeline, with what storing its result needs."""
    item: SourceDocument | InputError
    name: str | None
    doc_id: str | None        # the text's id, None for an input that could not be read
    replace: bool = False


Listener = Callable[[EventKind, str | None, InputError | None], None]
# How documents are extracted: results in input order (`pipeline.extract_documents`, or the
# engines of `armsledger.scale`: processes of this machine, a Dask cluster).
Extractor = Callable[[Iterable[SourceDocument | InputError], Options], Iterable[Extraction | InputError]]


def ingest(ledger: Ledger, sources: Iterable[SourceDocument | InputError], options: Options = Options(), *,
           reprocess: Reprocess = None, on_event: Listener | None = None,
           extract: Extractor = extract_documents) -> IngestReport:
    """Store the documents of `sources` (and, with `reprocess`, extract stored ones again), then
    merge. `on_event(kind, name, error)` hears of each document as it is done; `extract` runs
    the pipeline (here, or on other processes); this process is the single writer.

    Raises LedgerUnavailable when the ledger stops answering (what was committed stays)."""
    report = IngestReport()
    notify = on_event or (lambda *_: None)
    _store_all(ledger, _fresh(ledger, sources, report, notify), options, report, notify, extract)
    if reprocess:
        stored = (_Pending(src, src.source or src.ref, doc_id, replace=True)
                  for doc_id, src in documents_to_reprocess(ledger, ENGINE_VERSION, every=reprocess == "all"))
        _store_all(ledger, stored, options, report, notify, extract)
    report.deals = remerge(ledger)
    return report


def _fresh(ledger: Ledger, sources: Iterable[SourceDocument | InputError], report: IngestReport,
           notify: Listener) -> Iterator[_Pending]:
    """The inputs the ledger does not hold yet (the others are counted as present), asked of
    the ledger a chunk of inputs at a time."""
    seen: set[str] = set()  # ids of this run: the same text twice is extracted once
    inputs = iter(sources)
    while chunk := list(islice(inputs, CHECK)):
        ids = [None if isinstance(item, InputError) else document_id(scrub_document(item)[0].text) for item in chunk]
        with ledger.reading() as conn:
            stored = stored_ids(conn, {doc_id for doc_id in ids if doc_id})
        for item, doc_id in zip(chunk, ids):
            if isinstance(item, InputError):
                yield _Pending(item, item.source, None)
                continue
            name = item.source or item.ref
            if doc_id in seen or doc_id in stored:
                report.present += 1
                notify("present", name, None)
                continue
            seen.add(doc_id)
            yield _Pending(item, name, doc_id)


def _store_all(ledger: Ledger, pending: Iterator[_Pending], options: Options, report: IngestReport,
               notify: Listener, extract: Extractor) -> None:
    # The pipeline gives one result per input, in input order: the queue pairs them again.
    queue: deque[_Pending] = deque()

    def feed() -> Iterator[SourceDocument | InputError]:
        for p in pending:
            queue.append(p)
            yield p.item

    group: list[tuple[_Pending, Extraction | InputError]] = []
    for result in extract(feed(), options):
        group.append((queue.popleft(), result))
        if len(group) >= GROUP:
            _store_group(ledger, group, report, notify)
            group = []
    if group:
        _store_group(ledger, group, report, notify)


def _store_group(ledger: Ledger, group: list[tuple[_Pending, Extraction | InputError]], report: IngestReport,
                 notify: Listener) -> None:
    """Write a few documents in one transaction (each whole: a kill leaves all of them or
    none). When the store refuses one document's rows, the transaction is rolled back and each
    document is written alone, so that one is skipped with its reason and the others are kept."""
    try:
        with _writing(ledger) as conn:
            written = [_put(conn, ledger, p, result, grouped=True) for p, result in group]
            # the inputs read at last lose their stored failures, in one statement for the group
            remove_stale_failures(conn, [p.name for p, result in group if isinstance(result, Extraction)],
                                  keep=[w.failure_id for w in written if w.failure_id])
    except SQLAlchemyError:
        for p, result in group:
            _store_one(ledger, p, result, report, notify)
        return
    for (p, result), w in zip(group, written):
        _count(p, result, w, report, notify)


def _store_one(ledger: Ledger, p: _Pending, result: Extraction | InputError, report: IngestReport,
               notify: Listener) -> None:
    try:
        with _writing(ledger) as conn:
            written = _put(conn, ledger, p, result)
    except SQLAlchemyError as err:  # this document's rows were refused: it is skipped, the run goes on
        error = DocumentFailed.wrap(err, "storing", p.name)
        try:
            with ledger.writing() as conn:
                _put_failure(conn, ledger, p, error, keep_text=False)
        except SQLAlchemyError as err:
            raise LedgerUnavailable(f"cannot store a skipped document: {db_error_line(err)}",
                                    source=ledger.location) from None
        result, written = error, Written()
    _count(p, result, written, report, notify)


@contextmanager
def _writing(ledger: Ledger) -> Iterator[Connection]:
    """`ledger.writing()`, where a ledger that stops answering raises LedgerUnavailable (what
    was committed stays); the other errors of the store reach the caller."""
    try:
        with ledger.writing() as conn:
            yield conn
    except (OperationalError, InterfaceError) as err:
        raise LedgerUnavailable(f"the ledger stopped answering: {db_error_line(err)}", source=ledger.location) from None


def _put(conn: Connection, ledger: Ledger, p: _Pending, result: Extraction | InputError,
         grouped: bool = False) -> Written:
    """Write one input's result in the caller's transaction: its extraction, or its failure.
    `grouped`: in a group's transaction, which asked the ledger about its inputs just before
    (`_fresh`) and clears their failures at its end; a document alone checks both itself."""
    if isinstance(result, Extraction):
        return put_extraction(conn, ledger, result, input_name=p.name, replace=p.replace,
                              known_new=grouped and not p.replace, clear_failures=not grouped)
    return _put_failure(conn, ledger, p, result, keep_text=p.replace or isinstance(result, DocumentFailed))


def _put_failure(conn: Connection, ledger: Ledger, p: _Pending, error: InputError, *, keep_text: bool) -> Written:
    """Keep a skipped document: by its text's id with its text when `keep_text` (it was read
    and failed in the extractor: `--reprocess` may try it again), else by its input's name and
    reason."""
    by_text = keep_text and p.doc_id is not None and isinstance(p.item, SourceDocument)
    document = scrub_document(p.item)[0] if by_text else None
    doc_id = p.doc_id if by_text else unread_document_id(p.name or "", error)
    return put_skipped(conn, ledger, error, input_name=p.name, document=document, doc_id=doc_id,
                       engine_version=ENGINE_VERSION, replace=p.replace)


def _count(p: _Pending, result: Extraction | InputError, written: Written, report: IngestReport,
           notify: Listener) -> None:
    """Tell the report and the listener what storing one input did (once it is committed)."""
    if isinstance(result, InputError):
        report.skipped[result.code] += 1
        notify("skipped", p.name, result)
    elif written.present:
        report.present += 1
        notify("present", p.name, None)
    else:
        report.records.update(written.records)
        report.filtered += result.filtered and not p.replace
        kind: EventKind = "reprocessed" if p.replace else "new"
        setattr(report, kind, getattr(report, kind) + 1)
        notify(kind, p.name, None)
