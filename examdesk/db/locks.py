"""One plan-changing transaction at a time: the write lock, who holds it, and busy errors.

Every command that changes the plan opens :meth:`examdesk.db.Database.write`, which takes
the database's write lock first thing: ``BEGIN IMMEDIATE`` on SQLite, a transaction-level
advisory lock on PostgreSQL. The lock covers the whole database, on both servers: SQLite
cannot lock less than the file, and one rule for both keeps the two alike (docs/concurrency.md
says why the lock is not per exam). A writer first tries without waiting; when someone else
holds the lock it says whom it waits for (through a callback: the core prints nothing),
then waits up to a timeout and gives up with :class:`~examdesk.errors.DatabaseBusy`, whose
one line names the holder.

Who holds the lock: on PostgreSQL the holder's connection carries its user, purpose and
start in ``application_name`` (``pg_stat_activity`` shows it to everyone); on SQLite nothing
in the database can be read while the lock is held, so the holder writes a small file beside
the database, removed before it commits and ignored once its process is gone.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError, StatementError

from examdesk.errors import BadInput, DatabaseBusy
from examdesk.i18n import translate
from examdesk.progress import Cancelled, check_cancelled

# Seconds a writer waits for the lock: ``$EXAMDESK_LOCK_TIMEOUT``, else this.
TIMEOUT_VARIABLE = "EXAMDESK_LOCK_TIMEOUT"
DEFAULT_TIMEOUT = 60.0
# Seconds of one attempt at SQLite's lock while waiting.
_ATTEMPT = 0.25
# The connection execution option that makes SQLite's BEGIN take the write lock.
WRITE_OPTION = "examdesk_write_lock"
# ExamDesk's advisory lock on PostgreSQL: (namespace "EXMD", the writers of this database).
_PG_LOCK = "1163414852, 1"
_PG_APP = "examdesk"
# PostgreSQL's longest application_name, in bytes.
_PG_APP_BYTES = 63
# SQLSTATEs of a transaction that lost a race: lock_not_available, serialization_failure,
# deadlock_detected. PostgreSQL names them in Appendix A of its manual.
_PG_BUSY = frozenset({"55P03", "40001", "40P01"})

Waiting = Callable[["LockHolder"], None]


@dataclass(frozen=True)
class LockHolder:
    """Who holds the write lock, as far as can be told.

    Attributes:
        user: the holder's ExamDesk user ("" when unknown).
        purpose: what the holder does, e.g. ``allocate`` ("" when unknown).
        since: when the holder took the lock (None when unknown).
        pid: the holder's process on this computer (0 when unknown: PostgreSQL names the
            server's, not the holder's).
    """

    user: str = ""
    purpose: str = ""
    since: datetime | None = None
    pid: int = 0

    def __str__(self) -> str:
        if not self.user:
            return translate("Database", "another program")
        when = _clock(self.since)
        what, _, center = self.purpose.partition(_CENTER)
        purpose = translate("Database", "{purpose} center {center}").format(
            purpose=what, center=center) if center else what
        if purpose and when:
            return translate("Database", "{user} ({purpose}, since {time})").format(
                user=self.user, purpose=purpose, time=when)
        if purpose:
            return translate("Database", "{user} ({purpose})").format(
                user=self.user, purpose=purpose)
        return self.user

    @property
    def doing(self) -> str:
        """What the holder does, in words: "allocating seats for center 02" for the purpose
        ``allocate@02`` (:func:`run_purpose`); an unknown purpose as it is."""
        what, _, center = self.purpose.partition(_CENTER)
        doing = _doing().get(what, what)
        if center:
            return translate("Database", "{doing} for center {center}").format(
                doing=doing, center=center)
        return doing

    def sentence(self) -> str:
        """Who does what since when, e.g. "张老师 is allocating seats for center 02 since
        10:41:05" (for a status bar); a holder doing something else, or unknown, "is
        changing the database"."""
        if not self.user or self.purpose.partition(_CENTER)[0] not in _doing():
            return translate("Database", "{holder} is changing the database").format(
                holder=self)
        when = _clock(self.since)
        if not when:
            return translate("Database", "{user} is {doing}").format(
                user=self.user or translate("Database", "another program"), doing=self.doing)
        return translate("Database", "{user} is {doing} since {time}").format(
            user=self.user or translate("Database", "another program"), doing=self.doing,
            time=when)


def waiting_message(holder: LockHolder) -> str:
    """What a write that waits for the lock says in its progress."""
    return translate("Database", "Waiting until this has finished: {sentence}…").format(
        sentence=holder.sentence())


# Between a run's purpose and the test center it runs for (run_purpose): short, since
# PostgreSQL keeps the purpose in 20 bytes (application_name).
_CENTER = "@"


def run_purpose(what: str, center: str | None) -> str:
    """The purpose of a run for the whole exam (``allocate``) or one test center
    (``allocate@02``, which a waiting writer reads as "allocate center 02")."""
    return f"{what}{_CENTER}{center}" if center else what


def _doing() -> dict[str, str]:
    """The long runs' purposes in words (others are shown as given)."""
    return {
        "allocate": translate("Database", "allocating seats"),
        "roster": translate("Database", "making the roster"),
        "roster --repair": translate("Database", "repairing the roster"),
        "posts": translate("Database", "staffing the posts"),
        "posts init": translate("Database", "adding the standard posts"),
        "draw": translate("Database", "drawing rooms"),
        "demo": translate("Database", "loading the demo exam"),
        "upgrade the database": translate("Database", "upgrading the database"),
    }


def _clock(since: datetime | None) -> str:
    """A time of today as 10:41:05, of another day with its date (local time)."""
    if since is None:
        return ""
    local = since.astimezone()
    same_day = local.date() == datetime.now().astimezone().date()
    return local.strftime("%H:%M:%S" if same_day else "%Y-%m-%d %H:%M:%S")


def lock_timeout_from_environment() -> float:
    """``$EXAMDESK_LOCK_TIMEOUT`` in seconds, else :data:`DEFAULT_TIMEOUT`.

    Raises:
        BadInput: the variable is not a number of seconds.
    """
    given = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not given:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(given)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < 86_400:
        raise BadInput(translate(
            "Database", "{variable}={value} is not a number of seconds to wait for the "
                        "database; write e.g. {variable}=60.").format(
            variable=TIMEOUT_VARIABLE, value=given))
    return seconds


class WriteLock:
    """One writer's claim on the lock: who, what for, how long it waits, whom it tells."""

    def __init__(self, user: str, purpose: str, timeout: float, waiting: Waiting | None,
                 holder_file: Path | None, cancelled: Cancelled | None = None) -> None:
        self.user = user
        self.purpose = purpose
        self.timeout = timeout
        self.waiting = waiting
        self.holder_file = holder_file
        # the window's Cancel while waiting: looked at between attempts of _ATTEMPT seconds
        self.cancelled = cancelled
        self._wrote = False

    def told_waiting(self, holder: LockHolder) -> None:
        """Tell the user that this writer waits, and for whom."""
        if self.waiting is not None:
            self.waiting(holder)

    def timed_out(self, holder: LockHolder) -> DatabaseBusy:
        """The error when the lock did not come free in time."""
        if self.timeout <= 0:
            return DatabaseBusy(translate(
                "Database", "{holder} is changing the database; nothing was changed. Try "
                            "again when it has finished.").format(holder=holder))
        return DatabaseBusy(translate(
            "Database", "{holder} is still changing the database after {seconds:g} s of "
                        "waiting; nothing was changed. Try again when it has finished, or "
                        "wait longer with {variable}=seconds.").format(
            holder=holder, seconds=self.timeout, variable=TIMEOUT_VARIABLE))

    # SQLite ---------------------------------------------------------------------------

    def begin_sqlite(self, connection: Connection) -> None:
        """``BEGIN IMMEDIATE``: try, tell and wait when busy, then name ourselves holder.

        Called from the engine's ``begin`` event (examdesk/db/database.py), in place of the
        plain ``BEGIN`` that readers get.
        """
        usual = int(connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one())
        deadline = time.monotonic() + self.timeout
        told = False
        try:
            while True:
                # SQLite's busy handler retries within each attempt; short attempts let
                # Ctrl+C through (a signal is handled only once the driver returns)
                left = min(_ATTEMPT, deadline - time.monotonic()) if told else 0
                connection.exec_driver_sql(f"PRAGMA busy_timeout={max(0, int(left * 1000))}")
                try:
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                    break
                except OperationalError as exc:
                    if not is_busy(exc) or time.monotonic() >= deadline:
                        raise
                if self.cancelled is not None:
                    check_cancelled(self.cancelled)
                if not told:
                    self.told_waiting(sqlite_holder(self.holder_file))
                    told = True
        except OperationalError as exc:
            if is_busy(exc):
                raise self.timed_out(sqlite_holder(self.holder_file)) from None
            raise
        finally:
            connection.exec_driver_sql(f"PRAGMA busy_timeout={usual}")
        self._write_holder_file()

    def _write_holder_file(self) -> None:
        """Say who holds the lock, for writers that have to wait (best effort)."""
        if self.holder_file is None:
            return
        record = {"user": self.user, "purpose": self.purpose, "pid": os.getpid(),
                  "host": socket.gethostname(), "since": datetime.now(UTC).isoformat()}
        scratch = self.holder_file.with_name(f"{self.holder_file.name}.{os.getpid()}")
        try:
            scratch.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            os.replace(scratch, self.holder_file)
            self._wrote = True
        except OSError:
            with contextlib.suppress(OSError):
                scratch.unlink()

    def release(self) -> None:
        """Remove the holder file, before the transaction ends (so never a successor's)."""
        if self._wrote and self.holder_file is not None:
            with contextlib.suppress(OSError):
                self.holder_file.unlink()
            self._wrote = False

    # PostgreSQL -----------------------------------------------------------------------

    def lock_postgresql(self, connection: Connection) -> None:
        """Take the advisory lock as the transaction's first statement.

        The transaction must be READ COMMITTED: the statements after the lock then see
        everything the previous holder committed (a REPEATABLE READ snapshot would be taken
        by the lock's own statement, before the wait).
        """
        got = connection.execute(text(
            f"SELECT set_config('application_name', :name, true), "
            f"pg_try_advisory_xact_lock({_PG_LOCK})"), {"name": self._application_name()}
        ).one()[1]
        if got:
            return
        if self.timeout <= 0:
            raise self.timed_out(postgresql_holder(connection))
        self.told_waiting(postgresql_holder(connection))
        if self.cancelled is not None:
            self._wait_postgresql_cancellably(connection, self.cancelled)
        else:
            connection.execute(text("SELECT set_config('lock_timeout', :wait, true)"),
                               {"wait": f"{max(1, int(self.timeout * 1000))}ms"})
            try:
                connection.execute(text(f"SELECT pg_advisory_xact_lock({_PG_LOCK})"))
            except OperationalError as exc:
                if not is_busy(exc):
                    raise
                # this transaction is aborted: ask on a connection of its own
                raise self.timed_out(current_holder(connection.engine)) from None
        connection.execute(text("SET LOCAL lock_timeout TO DEFAULT"))
        connection.execute(text("SELECT set_config('application_name', :name, true)"),
                           {"name": self._application_name()})  # since: now, not the wait

    def _wait_postgresql_cancellably(self, connection: Connection,
                                     cancelled: Cancelled) -> None:
        """Wait in attempts of :data:`_ATTEMPT` seconds, each in a savepoint (a lock timeout
        aborts what it runs in), looking at ``cancelled`` between them."""
        deadline = time.monotonic() + self.timeout
        while True:
            left = min(_ATTEMPT, deadline - time.monotonic())
            if left <= 0:
                raise self.timed_out(current_holder(connection.engine))
            attempt = connection.begin_nested()
            try:
                connection.execute(text("SELECT set_config('lock_timeout', :wait, true)"),
                                   {"wait": f"{max(1, int(left * 1000))}ms"})
                connection.execute(text(f"SELECT pg_advisory_xact_lock({_PG_LOCK})"))
            except OperationalError as exc:
                attempt.rollback()
                if not is_busy(exc):
                    raise
                check_cancelled(cancelled)
                continue
            attempt.commit()  # RELEASE SAVEPOINT: the lock stays the transaction's
            return

    def _application_name(self) -> str:
        return application_name(self.user, self.purpose, datetime.now(UTC))


def holder_file_of(database: str | None) -> Path | None:
    """The file beside an SQLite database that names its lock holder (None: no file)."""
    if database in (None, "", ":memory:") or str(database).startswith("file:"):
        return None
    path = Path(str(database))
    return path.with_name(f"{path.name}-writer")


def sqlite_holder(holder_file: Path | None) -> LockHolder:
    """Who the holder file names, unless it is gone or its process has ended."""
    if holder_file is None:
        return LockHolder()
    try:
        record: dict[str, Any] = json.loads(holder_file.read_text(encoding="utf-8"))
        pid, host = int(record["pid"]), str(record["host"])
        since = datetime.fromisoformat(str(record["since"]))
        holder = LockHolder(str(record["user"]), str(record["purpose"]), since, pid)
    except (OSError, ValueError, KeyError, TypeError):
        return LockHolder()
    if host == socket.gethostname() and not _process_alive(pid):
        return LockHolder()  # left behind by a process that ended without cleaning up
    return holder


def _process_alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return bool(ok) and code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, alive
    return True


def postgresql_holder(connection: Connection) -> LockHolder:
    """Who holds ExamDesk's advisory lock on this database, from ``pg_stat_activity``."""
    namespace, key = (int(part) for part in _PG_LOCK.split(","))
    row = connection.execute(text(
        "SELECT a.application_name, a.xact_start, a.usename FROM pg_locks l "
        "JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = :namespace "
        "AND l.objid = :key AND l.objsubid = 2 "
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"),
        {"namespace": namespace, "key": key}).first()
    if row is None:
        return LockHolder()
    return (holder_of_application(str(row.application_name or ""))
            or LockHolder(str(row.usename or ""), "", row.xact_start))


def application_name(user: str, purpose: str, since: datetime) -> str:
    """``examdesk:<unix time>:<user>:<purpose>``, URL-quoted (PostgreSQL keeps only ASCII)
    and within PostgreSQL's 63 bytes: the purpose gets up to 20, the user the rest, each
    cut after a whole character."""
    prefix = f"{_PG_APP}:{int(since.timestamp())}:"
    doing = _quoted_within(purpose, 20)
    return prefix + _quoted_within(user, _PG_APP_BYTES - len(prefix) - len(doing) - 1) + ":" \
        + doing


def _quoted_within(text: str, limit: int) -> str:
    quoted = quote(text, safe=" ")
    while len(quoted) > limit:
        text = text[:-1]
        quoted = quote(text, safe=" ")
    return quoted


def holder_of_application(name: str) -> LockHolder | None:
    """The holder an :func:`application_name` names (None: not one of ExamDesk's)."""
    parts = name.split(":", 3)
    if len(parts) != 4 or parts[0] != _PG_APP or not parts[1].isdigit():
        return None
    return LockHolder(unquote(parts[2]), unquote(parts[3]),
                      datetime.fromtimestamp(int(parts[1]), UTC))


def current_holder(engine: Engine) -> LockHolder:
    """Who holds the write lock now, asked on a connection of its own (best effort)."""
    if engine.dialect.name == "sqlite":
        return sqlite_holder(holder_file_of(engine.url.database))
    try:
        with engine.connect() as connection:
            return postgresql_holder(connection)
    except SQLAlchemyError:
        return LockHolder()


def held_by_another(connection: Connection, *, at_least: float = 1.0) -> LockHolder | None:
    """Who holds the write lock now, if it is someone else than this process and they have
    held it for ``at_least`` seconds (a clerk's save takes an instant: only a run is worth
    saying). None: nobody, as far as can be told.

    Asked on the caller's connection (a read transaction: it never waits).
    """
    if connection.dialect.name == "sqlite":
        holder = sqlite_holder(holder_file_of(connection.engine.url.database))
    else:
        holder = postgresql_holder(connection)
    if not holder.user or holder.since is None or holder.pid == os.getpid():
        return None
    if (datetime.now(UTC) - holder.since).total_seconds() < at_least:
        return None
    return holder


def is_busy(exc: BaseException) -> bool:
    """Whether a database error means another transaction got in the way."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    if isinstance(orig, sqlite3.OperationalError):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
        return "locked" in str(orig)
    return getattr(orig, "sqlstate", None) in _PG_BUSY


def busy_error(engine: Engine) -> DatabaseBusy:
    """The error for a transaction that another one got in the way of."""
    return DatabaseBusy(translate(
        "Database", "{holder} is changing the database at the same time; nothing was "
                    "changed. Try again when it has finished.").format(
        holder=current_holder(engine)))


def described_safely(exc: BaseException) -> str | None:
    """A database error in one line without its SQL or parameters (None: not one).

    Parameters and a server's DETAIL line can hold candidates' names and ID numbers; the
    driver's first line names the constraint or the fault, which is enough for a report.
    """
    if not isinstance(exc, SQLAlchemyError):
        return None
    if not isinstance(exc, DBAPIError):
        # a value SQLAlchemy could not convert: its message quotes the value
        orig = exc.orig if isinstance(exc, StatementError) else None
        return type(orig if orig is not None else exc).__name__
    lines = str(exc.orig).strip().splitlines()
    return f"{type(exc.orig).__name__}: {lines[0]}" if lines else type(exc.orig).__name__
