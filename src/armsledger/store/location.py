"""Where the ledger is: `--db`, else `ARMSLEDGER_DB`, else a file in the user's data directory.

A value is a file path (SQLite), `sqlite:///PATH`, or `postgresql://user@host:port/db`
(`postgresql+psycopg://` is accepted too; psycopg 3 is the driver either way).
"""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from armsledger.errors import ConfigError

ENV_VAR = "ARMSLEDGER_DB"
DEFAULT_FILE = "armsledger.sqlite"
_POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg"}


def default_path() -> Path:
    """The ledger used when neither `--db` nor ARMSLEDGER_DB says: in the user's data directory."""
    return Path(user_data_dir("armsledger", appauthor=False)) / DEFAULT_FILE


def resolve_url(db: str | None) -> URL:
    """The SQLAlchemy URL of the ledger `db` names (see the module docstring).

    Raises ConfigError for a URL of another kind or one that cannot be parsed.
    """
    value = db if db else os.environ.get(ENV_VAR) or str(default_path())
    if "://" not in value:
        return URL.create("sqlite", database=str(Path(value).expanduser().resolve()))
    try:
        url = make_url(value)
    except (ArgumentError, ValueError) as err:
        raise ConfigError(f"--db: {value!r} is not a database URL ({err})") from None
    if url.drivername in _POSTGRES_SCHEMES:
        if not url.database:
            raise ConfigError("--db: a PostgreSQL URL must name a database, as postgresql://USER@HOST:PORT/DB")
        return url.set(drivername="postgresql+psycopg")
    if url.drivername == "sqlite":
        if not url.database or url.database == ":memory:":
            raise ConfigError("--db: a SQLite ledger needs a file, as sqlite:///PATH or a plain path")
        return url
    raise ConfigError(f"--db must be a file path, sqlite:///PATH or postgresql://..., not a {url.drivername} URL")


def describe(url: URL) -> str:
    """The ledger's location for messages, without a password."""
    if url.drivername == "sqlite":
        path = Path(str(url.database))
        return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else str(path)
    return url.set(drivername="postgresql").render_as_string(hide_password=True)
