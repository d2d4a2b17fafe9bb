"""`armsledger serve`: the analyst's desk, a local web application over the ledger."""
from __future__ import annotations

import secrets
from pathlib import Path

import typer

from armsledger.cli import options as opt
from armsledger.cli.app import app, err_console
from armsledger.errors import ConfigError


def read_token(token_file: str | None, read_only: bool) -> str | None:
    """The write token: the first line of `token_file`, else a new random one; None when read-only.

    Raises ConfigError for an unreadable or empty file."""
    if read_only:
        return None
    if token_file is None:
        return secrets.token_urlsafe(24)
    try:
        token = Path(token_file).read_text(encoding="utf-8").strip().splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"--token-file {token_file}: cannot be read ({err})") from None
    if not token or len(token[0].strip()) < 8:
        raise ConfigError(f"--token-file {token_file}: the token must be one line of at least 8 characters")
    return token[0].strip()


@app.command()
def serve(db: str = opt.DB,
          host: str = typer.Option("127.0.0.1", "--host", help="The address to listen on (loopback by default)."),
          port: int = typer.Option(8000, "--port", help="The port to listen on."),
          token_file: str = typer.Option(None, "--token-file",
                                         help="A file whose first line is the write token (default: a new token, printed)."),
          read_only: bool = typer.Option(False, "--read-only", help="No writes at all: no review, no adding documents.")
          ) -> None:
    """Start the analyst's desk: the ledger, its deals, documents and countries in a browser, with review."""
    import uvicorn

    from armsledger.web import create_app

    token = read_token(token_file, read_only)
    desk = create_app(db, token)
    where = f"http://{host}:{port}/"
    err_console.print(f"armsledger desk on {where} over {desk.state.ledger.location}", highlight=False)
    if read_only:
        err_console.print("read-only: nothing can be written", highlight=False)
    elif token_file is None:
        err_console.print(f"write token: {token}", highlight=False, markup=False)
    uvicorn.run(desk, host=host, port=port, log_level="warning")
