"""Opening the ledger: the engine for its URL, SQLite's settings, and the migrations.

`open_ledger(db)` resolves where the ledger is (`location.resolve_url`), creates the engine,
and brings the schema to the newest revision with Alembic before anything else touches it.
SQLite runs in WAL mode (readers never wait for the writer, and a killed writer loses only
its open transaction) with foreign keys on; its transactions are opened explicitly (`BEGIN`,
or `BEGIN IMMEDIATE` for `Ledger.writing()`), not by the driver's guesswork.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from armsledger.errors import LedgerUnavailable
from armsledger.store.location import describe, resolve_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class Ledger:
    """An open ledger: its engine and where it is. Functions of `armsledger.store` take one."""
    engine: Engine
    url: URL

    @property
    def location(self) -> str:
        return describe(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection in a transaction that only reads."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A connection in one write transaction: committed whole on exit, rolled back on error.
        On SQLite it takes the write lock at once, so it waits for another writer instead of failing."""
        with self.engine.connect().execution_options(sqlite_begin="BEGIN IMMEDIATE") as conn, conn.begin():
            yield conn

    def close(self) -> None:
        self.engine.dispose()


def open_ledger(db: str | None = None) -> Ledger:
    """Open (creating it if needed) the ledger `db` names: a path, sqlite:///PATH, postgresql://...,
    or None for ARMSLEDGER_DB or the default file. Migrations are applied before it is returned.

    Raises ConfigError for a bad URL, LedgerUnavailable when it cannot be opened or migrated.
    """
    url = resolve_url(db)
    if url.drivername == "sqlite":
        try:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LedgerUnavailable(f"cannot create its folder: {err.strerror or err}", source=describe(url)) from None
        engine = create_engine(url, connect_args={"timeout": 60})
        _configure_sqlite(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    ledger = Ledger(engine, url)
    try:
        migrate(ledger)
    except (SQLAlchemyError, DBAPIError, CommandError, OSError) as err:
        engine.dispose()
        raise LedgerUnavailable(f"cannot open the ledger: {db_error_line(err)}", source=describe(url)) from None
    return ledger


def db_error_line(err: BaseException) -> str:
    """The first line of a database error's own message, for a one-line report."""
    text = str(getattr(err, "orig", None) or err).strip()
    return (text.splitlines() or [type(err).__name__])[0][:300]


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves (see _on_begin)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a killed process loses no commit
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(ledger: Ledger) -> None:
    """Bring the schema to the newest revision (nothing to do when it is there already).

    Raises LedgerUnavailable when the ledger was migrated by a newer armsledger."""
    config = _alembic_config()
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with ledger.engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    if current == heads:
        return
    known = {rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()}
    if current - known:
        raise LedgerUnavailable(f"the ledger's schema ({', '.join(sorted(current))}) is newer than this "
                                "armsledger: upgrade armsledger", source=ledger.location)
    with ledger.engine.connect().execution_options(sqlite_begin="BEGIN IMMEDIATE") as conn, conn.begin():
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
