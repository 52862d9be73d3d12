"""Open a database, bringing its schema up to date first.

Opening is the one place where the schema changes: an SQLite file is copied aside before any
migration, and a database that a newer ExamDesk wrote is refused rather than damaged.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from examdesk import __version__
from examdesk.db.backups import (
    AutomaticBackup,
    automatic_backup,
    backup_before_upgrade,
    is_bulk,
)
from examdesk.db.locks import (
    WRITE_OPTION,
    Waiting,
    WriteLock,
    busy_error,
    holder_file_of,
    is_busy,
    lock_timeout_from_environment,
)
from examdesk.db.shutdown import check_after_crash, closed, opened
from examdesk.db.urls import readable_url
from examdesk.errors import BadInput, DatabaseError, DatabaseTooNew, NotAnExamDeskDatabase
from examdesk.i18n import translate
from examdesk.identity import user_name
from examdesk.private_files import ensure_private_file, make_folder

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from examdesk.progress import Cancelled

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
    if url is not None and not url.strip():
        # an empty --db (a script's unset variable) must not open the default database
        raise BadInput(translate(
            "Database", "The database URL is empty; give one such as sqlite:///exam.db or "
                        "postgresql+psycopg://user@host/dbname."))
    text = url or os.environ.get(ENV_VARIABLE) or default_database_url()
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise BadInput(
            translate("Database", "'{url}' is not a database URL; use e.g. sqlite:///exam.db or "
                "postgresql+psycopg://user@host/dbname").format(url=_without_password(text))
        ) from None
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # psycopg 3 is the one we ship
    return parsed


def _without_password(text: str) -> str:
    """A text that failed to parse as a URL, safe to echo: what stands between the last ":"
    and the "@" after it (user:secret@host, with or without a scheme) is starred out, and
    the text is cut to 80 characters."""
    at = text.rfind("@")
    colon = text.rfind(":", 0, at) if at > 0 else -1
    if colon >= 0 and "/" not in text[colon + 1:at]:
        text = f"{text[:colon + 1]}***{text[at:]}"
    return text if len(text) <= 80 else text[:79] + "…"


def _alembic_config(connection: Any) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    """The migration scripts, parsed once per process (they do not change while running)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS))


@cache
def known_revisions() -> tuple[str, ...]:
    """Every schema revision this version knows, oldest first, from the migrations' file
    names: each starts with its revision (``0007_roving_floors.py`` is revision 0007, its
    parent the one before; tests/core/test_database.py holds Alembic to the same).

    Opening a database that is up to date therefore never loads Alembic, which takes a
    quarter of a second the window's start-up cannot spare (docs/performance.md, "Start-up").
    """
    return tuple(sorted(path.name.split("_", 1)[0]
                        for path in (MIGRATIONS / "versions").glob("[0-9]*_*.py")))


def head_revision() -> str:
    """The schema revision this version of ExamDesk writes."""
    return known_revisions()[-1]


def _sqlite_connected(busy_ms: int, wal: bool) -> Any:
    """The ``connect`` hook: ExamDesk's pragmas, and the driver's own BEGIN turned off.

    The sqlite3 driver's legacy mode emits BEGIN only before the first write, so the reads
    of a transaction each saw the database as it was at that moment. With its
    ``isolation_level`` set to None it emits nothing and :func:`_sqlite_begin` does: the
    fix SQLAlchemy documents in its SQLite dialect ("Enabling Non-Legacy SQLite
    Transactional Modes"). SQLAlchemy's own isolation-level options would switch the
    legacy mode back on: ExamDesk never passes them for SQLite.
    """

    def connected(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_ms}")  # several clerks, one file
        cursor.execute("PRAGMA synchronous=NORMAL")
        # outside any transaction, where SQLite allows the change; never on a file that
        # opening then refuses (a newer ExamDesk's, someone else's): WAL mode is written
        # into the file, which must stay exactly as it was
        if wal and _ours_to_switch(cursor):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    return connected


def _ours_to_switch(cursor: Any) -> bool:
    """Whether an SQLite file not yet in WAL mode may be switched: it is new and empty, or
    an ExamDesk database of a schema this version knows."""
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return False  # already switched: nothing to write
    tables = {row[0] for row in cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return True
    if "alembic_version" not in tables:
        return False
    stored = [row[0] for row in cursor.execute("SELECT version_num FROM alembic_version")]
    return len(stored) <= 1 and all(revision in known_revisions() for revision in stored)


def _sqlite_begin(connection: Connection) -> None:
    """The ``begin`` hook: BEGIN for one snapshot; BEGIN IMMEDIATE for a writer.

    A reader in WAL mode keeps its snapshot while writers commit; a writer takes the write
    lock before its first read, so what it reads stays true until it commits.
    """
    lock = connection.get_execution_options().get(WRITE_OPTION)
    if isinstance(lock, WriteLock):
        lock.begin_sqlite(connection)
    else:
        connection.exec_driver_sql("BEGIN")


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(str(url.database))


def create_examdesk_engine(url: URL, lock_timeout: float | None = None) -> Engine:
    """An engine with ExamDesk's connection settings.

    SQLite: foreign keys, WAL, real transactions (:func:`_sqlite_connected`). PostgreSQL:
    REPEATABLE READ, so that a reader (``check``, printing) sees one snapshot throughout;
    writers switch to READ COMMITTED under the write lock (:meth:`Database.write`). Both:
    SQL parameters are never put into error messages (they hold personal data).

    Args:
        url: the database.
        lock_timeout: seconds SQLite waits for a lock (default: ``$EXAMDESK_LOCK_TIMEOUT``).
    """
    if lock_timeout is None:
        lock_timeout = lock_timeout_from_environment()
    backend = url.get_backend_name()
    options: dict[str, Any] = {"hide_parameters": True}
    if backend == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
        if "application_name" not in url.query:
            options["connect_args"] = {"application_name": "examdesk"}
    if (path := _sqlite_file(url)) is not None:
        _make_folder(path)
        _create_private(path)
    try:
        engine = create_engine(url, pool_pre_ping=backend != "sqlite", **options)
    except (NoSuchModuleError, ArgumentError) as exc:
        raise BadInput(
            translate("Database", "Cannot use the database URL '{url}': {reason}").format(
                url=url.render_as_string(hide_password=True), reason=exc
            )
        ) from None
    if engine.dialect.name == "sqlite":
        file = _sqlite_file(url) is not None
        event.listen(engine, "connect", _sqlite_connected(int(lock_timeout * 1000), file))
        event.listen(engine, "begin", _sqlite_begin)
        if file:  # a file that is not a database fails here, with a clear message
            with _reported(url), engine.connect():
                pass
    return engine


def sqlite_file(url: str | URL | None = None) -> Path | None:
    """The SQLite file a database URL names (resolved as :func:`open_database` resolves it),
    or None for a server or an in-memory database. Nothing is created or opened.

    Raises:
        BadInput: the text is not a database URL.
    """
    return _sqlite_file(url if isinstance(url, URL) else resolve_database_url(url))


def _make_folder(path: Path) -> None:
    """Create the folder of a new SQLite file: a folder on a drive that is not connected (a
    network share, a USB stick) fails here, and says so."""
    try:
        make_folder(path.parent)
    except OSError as error:
        raise DatabaseError(
            translate("Database", "The folder {folder} for the database {file} cannot be "
                                  "created ({reason}): is its drive connected?").format(
                folder=path.parent, file=path.name, reason=error.strerror or error)
        ) from None


def _create_private(path: Path) -> None:
    """Create a new SQLite file empty and readable by its owner only, before SQLite opens it
    (its -wal and -shm files take the database file's mode): it holds personal data
    (examdesk/private_files.py). An existing file is left exactly as it is."""
    with suppress(OSError):  # SQLite's own attempt says why, in the words _reported gives
        ensure_private_file(path)


@contextmanager
def _reported(url: URL) -> Iterator[None]:
    """Turn a driver's failure to connect or read into one clear sentence."""
    try:
        yield
    except DBAPIError as exc:
        raise DatabaseError(
            translate("Database", "Cannot open the database {url}: {reason}").format(
                url=readable_url(url),
                reason=" ".join(str(exc.orig).split()),
            )
        ) from None


def backup_sqlite(path: Path, revision: str | None) -> Path:
    """Copy an SQLite database aside (consistent even in WAL mode) and return the copy's path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{revision or 'empty'}.{stamp}.bak")
    ensure_private_file(target)  # a copy of personal data: its owner's only
    source = sqlite3.connect(path)
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT, 0o600))  # personal data: owner-only
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


class SignedIn:
    """The name of the user signed in through a :class:`Database` ("" until someone signs
    in: then ``$EXAMDESK_USER`` or the operating-system login holds the lock).

    Mutable, and shared by the copies ``dataclasses.replace`` makes of the database: a face
    signs in after it opened the database.
    """

    def __init__(self, name: str = "") -> None:
        self.name = name


@dataclass(frozen=True)
class Database:
    """An open ExamDesk database. Services receive Sessions from :meth:`begin` and
    :meth:`write`.

    Attributes:
        url: where it is.
        engine: its engine.
        sessions: makes its sessions.
        backup_path: the copy an upgrade made of an SQLite file, if one was made.
        lock_timeout: seconds a writer waits for another to finish.
        signed_in: who is signed in through this database (:class:`SignedIn`); other
            clerks see that name while its writes hold the lock.
        waiting: told whom a writer waits for, before it waits.
        backed_up: told of the automatic backup before each bulk change
            (examdesk/db/backups.py), taken or not.
    """

    url: URL
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None
    lock_timeout: float = field(default_factory=lock_timeout_from_environment)
    signed_in: SignedIn = field(default_factory=lambda: SignedIn())
    waiting: Waiting | None = None
    backed_up: Callable[[AutomaticBackup], None] | None = None

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """One unit of work on one consistent snapshot: committed when the block ends,
        rolled back if it raises. For reading; a change to the plan uses :meth:`write`."""
        with self._busy_explained(), self.sessions.begin() as session:
            yield session

    @contextmanager
    def write(self, purpose: str = "", waiting: Waiting | None = None,
              cancelled: Cancelled | None = None) -> Iterator[Session]:
        """One unit of work that changes the plan: use it for every plan-changing command.

        Writers of a database go one at a time (examdesk/db/locks.py): the block starts
        once this one holds the write lock, so what it reads stays true until it commits.
        A writer that has to wait tells :attr:`waiting`, then waits up to
        :attr:`lock_timeout`. A bulk change (an import, allocation, roster, draw...: see
        examdesk/db/backups.py) is preceded by an automatic backup, under the lock.

        Args:
            purpose: what the writer does, in a few words (the command, e.g. ``allocate``),
                for whoever has to wait for it.
            waiting: told whom this writer waits for, instead of :attr:`waiting`.
            cancelled: looked at while waiting (a window's Cancel); when it says so, the
                wait ends with :class:`~examdesk.progress.OperationCancelled`.

        Raises:
            DatabaseBusy: another writer held the lock for longer than the timeout.
        """
        lock = WriteLock(self.signed_in.name or user_name(), purpose, self.lock_timeout,
                         waiting or self.waiting, holder_file_of(self.url.database), cancelled)
        with self._busy_explained(), self.sessions.begin() as session:
            if self.engine.dialect.name == "postgresql":
                lock.lock_postgresql(session.connection(
                    execution_options={"isolation_level": "READ COMMITTED"}))
            else:
                session.connection(execution_options={WRITE_OPTION: lock})
            try:
                if is_bulk(purpose):  # under the lock: the state just before the change
                    taken = automatic_backup(self, purpose)
                    if self.backed_up is not None:
                        self.backed_up(taken)
                yield session
            finally:
                lock.release()

    @contextmanager
    def _busy_explained(self) -> Iterator[None]:
        """A transaction that another got in the way of fails with one clear line."""
        try:
            yield
        except DBAPIError as exc:
            if is_busy(exc):
                raise busy_error(self.engine) from None
            raise

    @property
    def display_url(self) -> str:
        """The URL without its password, for messages and window titles."""
        return self.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()
        if (file := _sqlite_file(self.url)) is not None:
            closed(file)


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for an empty database)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        stored = [row[0] for row in connection.exec_driver_sql(
            "SELECT version_num FROM alembic_version")]
    if len(stored) > 1:  # ExamDesk's migrations are one line: never two heads
        raise DatabaseTooNew(_too_new(", ".join(stored)))
    return stored[0] if stored else None


def _too_new(revision: str) -> str:
    return translate(
        "Database",
        "This database was written by a newer ExamDesk (schema {revision}); "
        "this is ExamDesk {version}. Install the newer version to open it.",
    ).format(revision=revision, version=__version__)


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
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNew(_too_new(revision))
    return revision


def open_database(url: str | URL | None = None, *, upgrade: bool = True,
                  waiting: Waiting | None = None,
                  backed_up: Callable[[AutomaticBackup], None] | None = None,
                  checked: bool = True) -> Database:
    """Open (and, unless told not to, create or upgrade) an ExamDesk database.

    Args:
        url: any SQLAlchemy URL; defaults to ``$EXAMDESK_DB`` or the embedded SQLite file.
        upgrade: apply pending migrations, after backing up an SQLite file that holds data.
        waiting: told whom a writer waits for (e.g. to print it), before it waits.
        backed_up: told of the automatic backup before each bulk change.
        checked: check an SQLite file that a process left without closing it
            (examdesk/db/shutdown.py); False only to restore a backup over it.

    Raises:
        BadInput: the URL is malformed or names a driver that is not installed.
        DatabaseError: the server cannot be reached, the file is not a database, or it is
            damaged (code ``database-damaged``).
        DatabaseTooNew: the schema was written by a newer ExamDesk.
        NotAnExamDeskDatabase: the database holds someone else's tables.
    """
    parsed = url if isinstance(url, URL) else resolve_database_url(url)
    timeout = lock_timeout_from_environment()
    file = _sqlite_file(parsed)
    if file is not None and checked:
        check_after_crash(file)
    engine = create_examdesk_engine(parsed, timeout)
    try:
        revision = _check_revision(engine, parsed)
        backup: Path | None = None
        if upgrade and revision != head_revision():
            path = _sqlite_file(parsed)
            if path is not None and revision is not None:
                backup = backup_sqlite(path, revision)
            elif revision is not None and engine.dialect.name == "postgresql":
                backup = backup_before_upgrade(parsed)  # when pg_dump is installed
            _migrate(engine, "head", waiting)
    except BaseException:
        engine.dispose()
        raise
    if file is not None:
        opened(file)
    return Database(
        url=parsed,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        backup_path=backup,
        lock_timeout=timeout,
        waiting=waiting,
        backed_up=backed_up,
    )


def upgrade_to(engine: Engine, revision: str) -> None:
    """Apply migrations up to ``revision`` (tests and tools; the app uses :func:`open_database`)."""
    _migrate(engine, revision)


def _migrate(engine: Engine, revision: str, waiting: Waiting | None = None) -> None:
    """Run the migrations up to ``revision`` in one transaction, holding the write lock.

    SQLite alters a table by rebuilding it (Alembic's batch mode): with foreign keys on,
    dropping the old table would cascade-delete every row that refers to it, so they are
    off while migrating and the references are checked before committing. Two programs
    opening an old database at once upgrade it once: the second waits for the lock, then
    finds it upgraded.
    """
    sqlite = engine.dialect.name == "sqlite"
    lock = WriteLock(user_name(), "upgrade the database",
                     lock_timeout_from_environment(), waiting,
                     holder_file_of(engine.url.database))
    with engine.connect() as connection:
        if sqlite:
            # on the driver's connection, outside any transaction: SQLite ignores this
            # pragma inside one, and SQLAlchemy would begin one before executing it
            _driver_pragma(connection, "foreign_keys=OFF")
            connection.execution_options(**{WRITE_OPTION: lock})
        else:
            connection.execution_options(isolation_level="READ COMMITTED")
        try:
            with connection.begin():
                if not sqlite:
                    lock.lock_postgresql(connection)
                try:
                    from alembic import command

                    command.upgrade(_alembic_config(connection), revision)
                    if sqlite and connection.exec_driver_sql(
                            "PRAGMA foreign_key_check").first():
                        raise DatabaseError(translate(
                            "Database", "Upgrading the database would break references "
                                        "between its tables; nothing was changed. Please "
                                        "report this."))
                finally:
                    lock.release()
        finally:
            if sqlite:
                _driver_pragma(connection, "foreign_keys=ON")


def _driver_pragma(connection: Connection, pragma: str) -> None:
    """Run a PRAGMA on the driver's connection, outside any transaction."""
    driver = connection.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA {pragma}")


def revisions() -> list[str]:
    """Every schema revision, oldest first."""
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]
