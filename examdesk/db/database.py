"""Open a database, bringing its schema up to date first.

Opening is the one place where the schema changes: an SQLite file is copied aside before any
migration, and a database that a newer ExamDesk wrote is refused rather than damaged.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from examdesk import __version__
from examdesk.errors import BadInput, DatabaseError, DatabaseTooNew, NotAnExamDeskDatabase
from examdesk.i18n import translate

MIGRATIONS = Path(__file__).with_name("migrations")
ENV_VARIABLE = "EXAMDESK_DB"



def default_database_url() -> str:
    """The embedded SQLite database in the user's data folder (created on first use)."""
    folder = Path(platformdirs.user_data_dir("ExamDesk", appauthor=False))
    return f"sqlite:///{folder / 'examdesk.db'}"


def resolve_database_url(url: str | None = None) -> URL:
    """The URL to open: the one given, else ``$EXAMDESK_DB``, else the embedded default.

    Raises:
        BadInput: the text is not a database URL SQLAlchemy understands.
    """
    text = url or os.environ.get(ENV_VARIABLE) or default_database_url()
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise BadInput(
            translate("Database", "'{url}' is not a database URL; use e.g. sqlite:///exam.db or "
                "postgresql+psycopg://user@host/dbname").format(url=text)
        ) from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is the one we ship
    return parsed


def _alembic_config(connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    """The migration scripts, parsed once per process (they do not change while running)."""
    return ScriptDirectory(str(MIGRATIONS))


def head_revision() -> str:
    """The schema revision this version of ExamDesk writes."""
    head = _script().get_current_head()
    assert head is not None
    return head


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")  # several clerks, one file
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database))


def create_examdesk_engine(url: URL) -> Engine:
    """An engine with ExamDesk's connection settings (foreign keys and WAL on SQLite)."""
    try:
        if (path := _sqlite_file(url)) is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, pool_pre_ping=url.get_backend_name() != "sqlite")
    except (NoSuchModuleError, ArgumentError) as exc:
        raise BadInput(
            translate("Database", "Cannot use the database URL '{url}': {reason}").format(
                url=url.render_as_string(hide_password=True), reason=exc
            )
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        if _sqlite_file(url) is not None:
            with _reported(url), engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    return engine


@contextmanager
def _reported(url: URL) -> Iterator[None]:
    """Turn a driver's failure to connect or read into one clear sentence."""
    try:
        yield
    except DBAPIError as exc:
        raise DatabaseError(
            translate("Database", "Cannot open the database {url}: {reason}").format(
                url=url.render_as_string(hide_password=True),
                reason=" ".join(str(exc.orig).split()),
            )
        ) from None


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy an SQLite database aside (consistent even in WAL mode) and return the copy's path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{revision or 'empty'}.{stamp}.bak")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


@dataclass(frozen=True)
class Database:
    """An open ExamDesk database. Services receive Sessions from :meth:`session`."""

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def write(self, purpose: str = "") -> Iterator[Session]:
        """One unit of work that changes the plan: use it for every plan-changing command.

        Args:
            purpose: what the writer does, in a few words, for whoever has to wait for it.
        """
        with self.begin() as session:
            yield session

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages and window titles."""
        return self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _check_revision(engine: Engine, url: URL) -> str | None:
    with _reported(url):
        revision = current_revision(engine)
        tables = set(inspect(engine).get_table_names())
    if revision is None and tables - {"alembic_version"}:
        raise NotAnExamDeskDatabase(
            translate("Database", "{url} already holds tables that ExamDesk did not create; "
                "choose an empty database or an ExamDesk one.").format(
                url=url.render_as_string(hide_password=True)
            )
        )
    if revision is not None:
        try:
            known = _script().get_revision(revision)
        except Exception:  # alembic raises several types for an unknown id
            known = None
        if known is None:
            raise DatabaseTooNew(
                translate(
                    "Database",
                    "This database was written by a newer ExamDesk (schema {revision}); "
                    "this is ExamDesk {version}. Install the newer version to open it.",
                ).format(
                    revision=revision, version=__version__
                )
            )
    return revision


def open_database(url: str | URL | None = None, *, upgrade: bool = True) -> Database:
    """Open (and, unless told not to, create or upgrade) an ExamDesk database.

    Args:
        url: any SQLAlchemy URL; defaults to ``$EXAMDESK_DB`` or the embedded SQLite file.
        upgrade: apply pending migrations, after backing up an SQLite file that holds data.

    Raises:
        BadInput: the URL is malformed or names a driver that is not installed.
        DatabaseError: the server cannot be reached or the file is not a database.
        DatabaseTooNew: the schema was written by a newer ExamDesk.
        NotAnExamDeskDatabase: the database holds someone else's tables.
    """
    parsed = url if isinstance(url, URL) else resolve_database_url(url)
    engine = create_examdesk_engine(parsed)
    try:
        revision = _check_revision(engine, parsed)
        backup: Path | None = None
        if upgrade and revision != head_revision():
            path = _sqlite_file(parsed)
            if path is not None and revision is not None:
                backup = backup_sqlite(path, revision)
            _migrate(engine, "head")
    except BaseException:
        engine.dispose()
        raise
    return Database(
        url=parsed,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        backup_path=backup,
    )


def upgrade_to(engine: Engine, revision: str) -> None:
    """Apply migrations up to ``revision`` (tests and tools; the app uses :func:`open_database`)."""
    _migrate(engine, revision)


def _migrate(engine: Engine, revision: str) -> None:
    """Run the migrations up to ``revision`` in one transaction.

    SQLite alters a table by rebuilding it (Alembic's batch mode): with foreign keys on,
    dropping the old table would cascade-delete every row that refers to it, so they are
    off while migrating and the references are checked before committing.
    """
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:
            # outside any transaction: SQLite ignores this pragma inside one
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                command.upgrade(_alembic_config(connection), revision)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise DatabaseError(translate(
                        "Database", "Upgrading the database would break references between "
                                    "its tables; nothing was changed. Please report this."))
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def revisions() -> list[str]:
    """Every schema revision, oldest first."""
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]
