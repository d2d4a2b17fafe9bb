"""`armsledger ingest PATH...`: extract documents into the ledger, then merge the deals."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeRemainingColumn,
)
from rich.text import Text

from armsledger.cli import options as opt
from armsledger.cli.app import app, err_console, report_error
from armsledger.errors import ConfigError, InputError
from armsledger.ingest import READABLE_SUFFIXES, read_inputs
from armsledger.ingest.limits import Limits
from armsledger.model import ENGINE_VERSION
from armsledger.store import open_ledger
from armsledger.store.writes import count_to_reprocess

FEED_SUFFIXES = {".xml", ".rss", ".atom"}


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} docs/s")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(None, help="Files (.txt, .html, .htm, .jsonl, feeds), folders, or - for stdin."),
    db: str = opt.DB,
    reprocess: bool = typer.Option(False, "--reprocess",
                                   help="Also extract again the stored documents an older engine extracted."),
    every: bool = typer.Option(False, "--all", help="With --reprocess: extract again every stored document."),
    language: str = opt.LANGUAGE,
    published: str = opt.PUBLISHED,
    max_file_bytes: int = opt.MAX_FILE_BYTES,
    max_chars: int = opt.MAX_CHARS,
    batch_chars: int = opt.BATCH_CHARS,
    prefilter: bool = opt.PREFILTER_ON,
    workers: int = typer.Option(1, "--workers", min=1,
                                help="Extract on N processes of this machine (one pipeline each; this process writes)."),
    engine: str = typer.Option("local", "--engine", help="local (this machine) or dask (a Dask cluster)."),
    scheduler: str = typer.Option("local", "--scheduler",
                                  help="With --engine dask: a scheduler's address (tcp://HOST:8786), or local "
                                       "for a LocalCluster of --workers processes."),
) -> None:
    """Extract documents into the ledger (those it holds already are not extracted again), then merge the deals.

    Each document is stored whole or not at all, so an interrupted run is resumed by running it
    again. Unreadable documents are stored as skipped, one line each on stderr; the exit code is
    1 only when no document at all could be read, 2 for a bad option or an unusable ledger.
    """
    from armsledger.ledger import ingest as ingest_into  # loads spaCy: only when ingesting
    from armsledger.pipeline import Options

    paths = paths or []
    if every and not reprocess:
        raise ConfigError("--all goes with --reprocess (extract again every stored document)")
    if not paths and not reprocess:
        raise ConfigError("give the documents to ingest (PATH..., or - for stdin), or --reprocess")
    limits = Limits(max_file_bytes=max_file_bytes, max_document_chars=max_chars, batch_chars=batch_chars)
    options = Options(language=language, published=published, limits=limits, prefilter=prefilter)
    extract = _engine(engine, workers, scheduler)
    ledger = open_ledger(db)
    total = estimate_documents(paths)
    if total is not None and reprocess:
        total += count_to_reprocess(ledger, ENGINE_VERSION, every=every)
    with _progress(total) as (progress, task):
        def on_event(kind: str, name: str | None, error: InputError | None) -> None:
            if error is not None:
                report_error(error, name)
            progress.advance(task)

        report = ingest_into(ledger, read_inputs(paths, stdin=sys.stdin.buffer, limits=limits), options,
                             reprocess=("all" if every else "older") if reprocess else None, on_event=on_event,
                             extract=extract)
    print_report(report, ledger.location)
    ledger.close()
    if report.read == 0 and report.skipped:
        report_error(InputError(f"no document could be read ({sum(report.skipped.values())} failed)"))
        raise typer.Exit(1)


def _engine(engine: str, workers: int, scheduler: str):
    """The extraction engine the options name (see `ledger.Extractor`)."""
    from armsledger.pipeline import extract_documents
    if engine == "dask":
        from armsledger.scale.dask_runner import extract_on_dask
        return lambda items, options: extract_on_dask(items, options, scheduler=scheduler, workers=workers)
    if engine != "local":
        raise ConfigError(f"--engine must be local or dask, not {engine!r}")
    if scheduler != "local":
        raise ConfigError("--scheduler goes with --engine dask")
    if workers == 1:
        return extract_documents
    from armsledger.scale import extract_in_processes
    return lambda items, options: extract_in_processes(items, options, workers=workers)


class _progress:
    """A Rich progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, total: int | None):
        self.progress = Progress(SpinnerColumn(), TextColumn("documents"), BarColumn(), MofNCompleteColumn(),
                                 _RateColumn(), TimeRemainingColumn(), console=err_console, transient=True,
                                 disable=not err_console.is_terminal)
        self.total = total

    def __enter__(self):
        self.progress.start()
        return self.progress, self.progress.add_task("ingest", total=self.total)

    def __exit__(self, *exc) -> None:
        self.progress.stop()


def estimate_documents(paths: list[str]) -> int | None:
    """About how many documents `paths` hold (a JSON Lines file's lines, a feed's entries),
    for the progress bar; None when unknown (stdin)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        files = (sorted(p for p in Path(path).iterdir() if p.is_file() and not p.name.startswith(".")
                        and p.suffix.lower() in READABLE_SUFFIXES) if os.path.isdir(path) else [Path(path)])
        total += sum(_documents_in(f) for f in files)
    return total


def _documents_in(path: Path) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with open(path, "rb") as handle:
                return sum(1 for line in handle if line.strip())
        if suffix in FEED_SUFFIXES:
            data = path.read_bytes()
            return max(1, data.count(b"<item") + data.count(b"<entry"))
    except OSError:
        pass
    return 1


def print_report(report, location: str) -> None:
    """The run's summary on stdout: documents, records and deals."""
    skipped = sum(report.skipped.values())
    reasons = ", ".join(f"{code} ×{count}" for code, count in sorted(report.skipped.items()))
    docs = f"{report.new} new"
    if report.filtered:
        docs += f" ({report.filtered} with no anchor word: stored unparsed, no records)"
    docs += f", {report.present} already present"
    if report.reprocessed:
        docs += f", {report.reprocessed} reprocessed"
    docs += f", {skipped} skipped" + (f" ({reasons})" if reasons else "")
    records = ", ".join(f"{report.records.get(kind, 0)} {label}" for kind, label in (
        ("transfers", "transfers"), ("aid", "aid"), ("figures", "figures"), ("legal_actions", "legal actions"),
        ("quotes", "quotes")))
    deals = report.deals
    print(f"ledger     {location}")
    print(f"documents  {docs}")
    print(f"records    {records}")
    print(f"deals      {deals.created} created, {deals.updated} updated, {deals.removed} removed; "
          f"{deals.total} in the ledger")
