"""The Typer application and its error handling: one red line, a traceback only with --debug."""
from __future__ import annotations

import sys

import typer
from rich.console import Console

from armsledger.errors import ArmsledgerError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Arms transfers, military aid and the claims around them, extracted with evidence.")
err_console = Console(stderr=True, highlight=False)
state = {"debug": False}


@app.callback()
def _root(debug: bool = typer.Option(False, "--debug", help="Show tracebacks on errors.")) -> None:
    state["debug"] = debug


def report_error(exc: BaseException, source: str | None = None) -> None:
    """Print one red line for an error on stderr (the message names the input)."""
    text = str(exc)
    if source and not text.startswith(source):
        text = f"{source}: {text}"
    err_console.print(f"[red]armsledger: {text}[/red]", soft_wrap=True, markup=True, emoji=False)


def main() -> None:
    from armsledger.cli import extract  # noqa: F401  (registers the command)
    try:
        app()
    except ArmsledgerError as exc:
        if state["debug"]:
            raise
        report_error(exc)
        sys.exit(2)
