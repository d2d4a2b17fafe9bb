"""The Typer application and its error handling: one red line, a traceback only with --debug."""
from __future__ import annotations

import logging
import sys
import traceback

import typer
from rich.console import Console
from rich.markup import escape

from armsledger.errors import ArmsledgerError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Arms transfers, military aid and the claims around them, extracted with evidence.")
err_console = Console(stderr=True, highlight=False)
state = {"debug": False}


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    state["debug"] = debug


def report_error(exc: BaseException, source: str | None = None) -> None:
    """Print one red line for an error on stderr (the message names the input); with --debug,
    the traceback of the exception behind a DocumentFailed before it."""
    cause = getattr(exc, "cause", None)
    if state["debug"] and cause is not None:
        err_console.print("".join(traceback.format_exception(cause)), markup=False, highlight=False)
    text = " ".join(str(exc).split())  # one line, whatever the message holds
    if source and not text.startswith(source):
        text = f"{source}: {text}"
    err_console.print(f"[red]armsledger: {escape(text)}[/red]", soft_wrap=True, markup=True, emoji=False)


class _OneLine(logging.Handler):
    """Library warnings (a document read with a fallback, ...) as one yellow line on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        text = " ".join(record.getMessage().split())
        err_console.print(f"[yellow]armsledger: {escape(text)}[/yellow]", soft_wrap=True, emoji=False)


def register_commands() -> None:
    """Import every command module (each registers its commands); none of them loads spaCy."""
    from armsledger.cli import deals, export, extract, ingest, query, serve  # noqa: F401


def main() -> None:
    register_commands()
    logger = logging.getLogger("armsledger")
    logger.addHandler(_OneLine())
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        app()
    except ArmsledgerError as exc:
        if state["debug"]:
            raise
        report_error(exc)
        sys.exit(2)
