"""Backups of a whole database: made on request, made automatically before bulk changes,
and restored (docs/backups.md).

SQLite: SQLite's online backup API, which copies one consistent snapshot while others keep
working (a reader in WAL mode blocks no writer). PostgreSQL: ``pg_dump`` in its custom
format, when PostgreSQL's client programs are on PATH. A backup is written under a
temporary name and renamed once complete: a process killed while backing up never leaves a
half-written file under the backup's name.

Automatic backups go to a folder of their own (:func:`backup_folder`), created owner-only
(0700, files 0600: they hold personal data), and only the newest :func:`keep_count` are kept.
"""

from __future__ import annotations

import configparser
import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
from sqlalchemy.engine import URL

from examdesk.errors import BadInput, DatabaseError, ExamDeskError
from examdesk.i18n import translate

if TYPE_CHECKING:
    from examdesk.db.database import Database

# How many automatic backups are kept: ``$EXAMDESK_BACKUPS_KEEP``, else the ``keep`` of the
# settings file in the backup folder, else this. 0 turns automatic backups off.
KEEP_VARIABLE = "EXAMDESK_BACKUPS_KEEP"
DEFAULT_KEEP = 10
SETTINGS_FILE = "backups.ini"
# The first word of the purpose of a write (Database.write) that changes much of the plan
# at once: each is preceded by an automatic backup.
BULK_PURPOSES = frozenset({"import", "allocate", "roster", "posts", "draw", "purge",
                           "restore", "demo", "remedy"})
_SQLITE_HEADER = b"SQLite format 3\x00"
_PG_HEADER = b"PGDMP"
_PARTIAL = ".partial"
_FOLDER_MODE = 0o700
_FILE_MODE = 0o600
# Pages a restore copies between two reports of its progress (1 MB of 4 KB pages).
_RESTORE_STEP = 256

Progress = Callable[[int, int, str], None]


def _no_progress(_done: int, _total: int, _message: str) -> None:
    return None


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, as far as restoring it goes.

    Attributes:
        path: the file.
        backend: ``sqlite`` or ``postgresql``.
        revision: the schema revision it was written at (None: an empty database).
    """

    path: Path
    backend: str
    revision: str | None


def is_bulk(purpose: str) -> bool:
    """Whether a write of this purpose is preceded by an automatic backup."""
    return purpose.split(" ", 1)[0] in BULK_PURPOSES


# --- where and how many -------------------------------------------------------------------

def backup_folder(url: URL) -> Path:
    """Where the automatic backups of a database go: beside an SQLite file
    (``exam.db`` -> ``exam.db-backups``); for a server, in the user's data folder, one
    folder per server and database."""
    if url.get_backend_name() == "sqlite":
        return backup_folder_of_file(Path(str(url.database)))
    name = f"{url.host or 'localhost'}-{url.port or 5432}-{url.database or ''}"
    name = re.sub(r"[^\w.-]", "_", name)
    return Path(platformdirs.user_data_dir("ExamDesk", appauthor=False)) / "backups" / name


def backup_folder_of_file(path: Path) -> Path:
    """Where the automatic backups of the SQLite file at ``path`` go."""
    return path.with_name(f"{path.name}-backups")


def keep_count(folder: Path) -> int:
    """How many automatic backups to keep in ``folder`` (0: none are taken).

    Raises:
        BadInput: the environment variable or the settings file holds no whole number.
    """
    given = os.environ.get(KEEP_VARIABLE, "").strip()
    where = KEEP_VARIABLE
    if not given:
        settings = folder / SETTINGS_FILE
        parser = configparser.ConfigParser()
        with contextlib.suppress(OSError, configparser.Error):
            parser.read(settings, encoding="utf-8")
        given = parser.get("backups", "keep", fallback="").strip()
        where = str(settings)
        if not given:
            return DEFAULT_KEEP
    if not given.isdigit() or int(given) > 10_000:
        raise BadInput(translate(
            "Backups", "{where}: keep = {value} is not a number of backups to keep; write a "
                       "whole number such as {default} (0: no automatic backups).").format(
            where=where, value=given, default=DEFAULT_KEEP))
    return int(given)


def _make_folder(folder: Path) -> None:
    """Create the backup folder owner-only, with its settings file, if missing."""
    folder.mkdir(mode=_FOLDER_MODE, parents=True, exist_ok=True)
    os.chmod(folder, _FOLDER_MODE)  # mkdir's mode is filtered by the umask
    settings = folder / SETTINGS_FILE
    if not settings.exists():
        note = translate("Backups", "How many automatic backups ExamDesk keeps in this "
                                    "folder (0: none are taken).")
        _write_private(settings, f"# {note}\n[backups]\nkeep = {DEFAULT_KEEP}\n".encode())


def _write_private(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, _FILE_MODE)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)


# --- making a backup ----------------------------------------------------------------------

def backup_database(database: Database, target: Path, progress: Progress = _no_progress) -> Path:
    """Write a backup of the whole database to ``target`` (replaced if it exists), owner-only.

    Raises:
        BadInput: PostgreSQL's ``pg_dump`` is not installed, or ``target`` cannot be written.
        DatabaseError: the backup failed.
    """
    if database.engine.dialect.name == "sqlite":
        return _written_whole(target, lambda partial: _backup_sqlite(database, partial,
                                                                      progress))
    return _written_whole(target, lambda partial: _pg_dump(database.url, partial))


def _written_whole(target: Path, write: Callable[[Path], None]) -> Path:
    """``write`` the file under a temporary name beside ``target``, owner-only, then rename
    it: a process killed meanwhile leaves no half-written file under the backup's name."""
    partial = target.with_name(f"{target.name}.{os.getpid()}{_PARTIAL}")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, _FILE_MODE)
        os.close(descriptor)
    except OSError as error:
        raise BadInput(translate("Backups", "Cannot write the backup {path}: {reason}").format(
            path=target, reason=error.strerror or error)) from None
    try:
        write(partial)
        os.chmod(partial, _FILE_MODE)
        os.replace(partial, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise BadInput(translate("Backups", "Cannot write the backup {path}: {reason}").format(
            path=target, reason=error.strerror or error)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return target


def _backup_sqlite(database: Database, target: Path, progress: Progress) -> None:
    source_path = str(database.url.database)
    message = translate("Backups", "Backing up the database")
    progress(0, 1, message)
    source = sqlite3.connect(source_path, timeout=database.lock_timeout)
    try:
        copy = sqlite3.connect(target)
        try:
            # one step: one snapshot of the source, which in WAL mode blocks no writer
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            copy.close()
    except sqlite3.Error as error:
        raise DatabaseError(translate(
            "Backups", "The backup of the database failed: {reason}").format(
            reason=error)) from None
    finally:
        source.close()
    progress(1, 1, message)


def pg_client(program: str) -> str | None:
    """The path of one of PostgreSQL's client programs (``pg_dump``, ``pg_restore``), or
    None when it is not on PATH."""
    return shutil.which(program)


def _pg_arguments(url: URL) -> tuple[list[str], dict[str, str]]:
    """Connection options and environment for PostgreSQL's client programs: the password
    goes through the environment, never the command line (which others can read)."""
    arguments = ["--no-password"]
    if url.host:
        arguments += ["--host", url.host]
    if url.port:
        arguments += ["--port", str(url.port)]
    if url.username:
        arguments += ["--username", url.username]
    environment = {**os.environ, "PGAPPNAME": "examdesk backup"}
    if url.password:
        environment["PGPASSWORD"] = str(url.password)
    return arguments, environment


def _run_client(command: list[str], environment: dict[str, str], what: str) -> str:
    try:
        done = subprocess.run(command, env=environment, capture_output=True, text=True,
                              check=False)
    except OSError as error:
        raise DatabaseError(translate("Backups", "{program} could not be started: {reason}")
                            .format(program=what, reason=error)) from None
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        raise DatabaseError(translate("Backups", "{program} failed: {reason}").format(
            program=what, reason=lines[-1] if lines else done.returncode))
    return done.stdout


def no_pg_client(program: str) -> BadInput:
    """The error when one of PostgreSQL's client programs is missing."""
    return BadInput(translate(
        "Backups", "PostgreSQL's {program} is not installed (or not on PATH); install "
                   "PostgreSQL's client programs of the server's version to back up or "
                   "restore a PostgreSQL database.").format(program=program),
        code="no-pg-client", program=program)


def _pg_dump(url: URL, target: Path) -> None:
    program = pg_client("pg_dump")
    if program is None:
        raise no_pg_client("pg_dump")
    arguments, environment = _pg_arguments(url)
    _run_client([program, *arguments, "--format=custom", "--file", str(target),
                 "--dbname", str(url.database)], environment, "pg_dump")


# --- automatic backups --------------------------------------------------------------------

@dataclass(frozen=True)
class AutomaticBackup:
    """What happened to the automatic backup before a bulk change.

    Attributes:
        path: the backup taken (None: none was taken).
        reason: why none was taken ("" when one was, or when automatic backups are off).
    """

    path: Path | None
    reason: str = ""


def without_automatic_backups(url: URL) -> str | None:
    """Why bulk changes of this database will go without their automatic backup, said once
    when a window opens it: PostgreSQL without ``pg_dump`` (None: they are backed up, or
    automatic backups are turned off)."""
    if url.get_backend_name() == "sqlite" or pg_client("pg_dump") is not None:
        return None
    try:
        if keep_count(backup_folder(url)) == 0:
            return None
    except BadInput as error:
        return str(error)
    return translate("Backups", "Bulk changes of this database will not be backed up "
                                "automatically: PostgreSQL's pg_dump is not installed.")


def automatic_backup(database: Database, purpose: str) -> AutomaticBackup:
    """Back up the database before a bulk change of this purpose, keeping the newest
    :func:`keep_count` automatic backups. On PostgreSQL without ``pg_dump``, or when the
    backup cannot be written, no backup is taken and the reason says so (the change goes
    ahead).

    Raises:
        BadInput: the number of backups to keep is not a number.
    """
    if (database.url.get_backend_name() == "sqlite" and not database.url.database) \
            or database.url.database == ":memory:":
        return AutomaticBackup(None)
    folder = backup_folder(database.url)
    keep = keep_count(folder)
    if keep == 0:
        return AutomaticBackup(None)
    if database.engine.dialect.name != "sqlite" and pg_client("pg_dump") is None:
        return AutomaticBackup(None, translate(
            "Backups", "No automatic backup was taken before this change: PostgreSQL's "
                       "pg_dump is not installed."))
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    word = re.sub(r"[^\w-]", "-", purpose.split(" ", 1)[0]) or "change"
    suffix = ".db" if database.engine.dialect.name == "sqlite" else ".dump"
    try:
        _make_folder(folder)
        target = backup_database(database, folder / f"{stamp}-{word}{suffix}")
    except (OSError, ExamDeskError) as error:
        # e.g. another clerk's backup folder beside a shared file: the change goes ahead
        reason = f"{folder}: {error.strerror or error}" if isinstance(error, OSError) \
            else str(error)
        return AutomaticBackup(None, translate(
            "Backups", "No automatic backup was taken before this change: {reason}").format(
            reason=reason))
    prune(folder, keep)
    return AutomaticBackup(target)


def backup_before_upgrade(url: URL) -> Path | None:
    """Back a PostgreSQL database up before its schema is upgraded (None: ``pg_dump`` is not
    installed, or automatic backups are off). An SQLite file is copied aside by
    examdesk/db/database.py itself."""
    folder = backup_folder(url)
    if keep_count(folder) == 0 or pg_client("pg_dump") is None:
        return None
    _make_folder(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = _written_whole(folder / f"{stamp}-upgrade.dump",
                            lambda partial: _pg_dump(url, partial))
    prune(folder, keep_count(folder))
    return target


def automatic_backups(folder: Path) -> list[Path]:
    """The automatic backups in ``folder``, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir()
                  if re.fullmatch(r"\d{8}-\d{6}-\d{6}-[\w-]+\.(db|dump)", path.name))


def prune(folder: Path, keep: int) -> None:
    """Remove all but the newest ``keep`` automatic backups, and partial files that a
    killed process left behind."""
    for path in automatic_backups(folder)[:-keep] if keep else automatic_backups(folder):
        with contextlib.suppress(OSError):
            path.unlink()
    for partial in folder.glob(f"*{_PARTIAL}"):
        pid = partial.name[:-len(_PARTIAL)].rsplit(".", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                partial.unlink()


def _alive(pid: int) -> bool:
    from examdesk.db.locks import _process_alive

    return pid == os.getpid() or _process_alive(pid)


# --- restoring ----------------------------------------------------------------------------

def read_backup(path: Path) -> BackupInfo:
    """What the backup at ``path`` holds.

    Raises:
        BadInput: the file is missing, is not an ExamDesk backup, or was written by a newer
            ExamDesk than this one.
    """
    from examdesk.db.database import _too_new, known_revisions

    try:
        with path.open("rb") as stream:
            header = stream.read(16)
    except OSError as error:
        raise BadInput(translate("Backups", "Cannot read {path}: {reason}").format(
            path=path, reason=error.strerror or error)) from None
    if header.startswith(_SQLITE_HEADER):
        backend, revision, ours = "sqlite", *_sqlite_revision(path)
    elif header.startswith(_PG_HEADER):
        backend, revision, ours = "postgresql", *_pg_revision(path)
    else:
        ours, backend, revision = False, "", None
    if not ours:
        raise BadInput(translate(
            "Backups", "{path} is not an ExamDesk backup; choose a file that "
                       "ExamDesk's backup wrote.").format(path=path), code="not-a-backup")
    if revision is not None and revision not in known_revisions():
        raise BadInput(translate("Backups", "{path}: {reason}").format(
            path=path, reason=_too_new(revision)), code="backup-too-new")
    return BackupInfo(path, backend, revision)


def _sqlite_revision(path: Path) -> tuple[str | None, bool]:
    """The revision an SQLite backup holds, and whether it is an ExamDesk database."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None, False
    try:
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            return None, False
        stored = [row[0] for row in connection.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.Error:
        return None, False
    finally:
        connection.close()
    if len(stored) > 1:
        return ", ".join(stored), True
    return (stored[0] if stored else None), "exams" in tables or not stored


def _pg_revision(path: Path) -> tuple[str | None, bool]:
    """The revision a pg_dump archive holds, and whether it is an ExamDesk database."""
    program = pg_client("pg_restore")
    if program is None:
        raise no_pg_client("pg_restore")
    script = _run_client([program, "--data-only", "--table", "alembic_version", "--file", "-",
                          str(path)], dict(os.environ), "pg_restore")
    lines = script.splitlines()
    for number, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line:
            rows = []
            for row in lines[number + 1:]:
                if row == "\\.":
                    break
                rows.append(row.strip())
            return (", ".join(rows) or None), True
    return None, False


def restore_database(database: Database, info: BackupInfo,
                     progress: Progress = _no_progress) -> None:
    """Replace everything the database holds with the backup's contents.

    SQLite: once no other writer holds the write lock, SQLite's backup API copies the backup
    into the database in one transaction (others wait; a process killed midway leaves the
    database as it was). PostgreSQL: ``pg_restore --clean`` in one transaction, holding
    ExamDesk's write lock.

    Raises:
        BadInput: the backup is of the other kind of database, or PostgreSQL's
            ``pg_restore`` is missing.
        DatabaseError: the restore failed; nothing was changed.
    """
    backend = database.engine.dialect.name
    if info.backend != backend:
        raise BadInput(translate(
            "Backups", "{path} is a backup of an {kind} database; it can only be restored "
                       "into an {kind} database.").format(
            path=info.path, kind="SQLite" if info.backend == "sqlite" else "PostgreSQL"),
            code="backup-other-backend")
    message = translate("Backups", "Restoring the database")
    if backend == "sqlite":
        _restore_sqlite(database, info.path, progress, message)
        return
    if pg_client("pg_restore") is None:
        raise no_pg_client("pg_restore")
    progress(0, 1, message)
    with database.write("restore"):
        _pg_restore(database.url, info.path)
    progress(1, 1, message)


# Run first in the restore's transaction: the tables a newer schema added (not in an older
# backup) must go too, or upgrading the restored database would find them there already.
# Every table, and ExamDesk's functions (the row versions' trigger function, migration 0009):
# the archive creates them again.
_DROP_TABLES = """DO $$ DECLARE t record; f record; BEGIN
FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() LOOP
EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', t.tablename); END LOOP;
FOR f IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema() AND p.proname LIKE 'examdesk\\_%' LOOP
EXECUTE format('DROP FUNCTION IF EXISTS %s CASCADE', f.signature); END LOOP; END $$;
"""


def _pg_restore(url: URL, path: Path) -> None:
    """Replace the database's tables with the archive's in one transaction: pg_restore
    writes the archive as SQL, which psql runs after dropping every table (without psql:
    ``pg_restore --clean``, which drops only the archive's own tables)."""
    restore, psql = pg_client("pg_restore"), pg_client("psql")
    assert restore is not None
    arguments, environment = _pg_arguments(url)
    if psql is None:
        _run_client([restore, *arguments, "--clean", "--if-exists", "--single-transaction",
                     "--exit-on-error", "--no-owner", "--dbname", str(url.database),
                     str(path)], environment, "pg_restore")
        return
    with tempfile.TemporaryFile() as restore_errors, tempfile.TemporaryFile() as psql_errors:
        reader = subprocess.Popen([restore, "--no-owner", "--file", "-", str(path)],
                                  stdout=subprocess.PIPE, stderr=restore_errors,
                                  env=environment)
        writer = subprocess.Popen(
            [psql, *arguments, "--no-psqlrc", "--quiet", "--single-transaction",
             "--set", "ON_ERROR_STOP=1", "--dbname", str(url.database), "--file", "-"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=psql_errors,
            env=environment)
        assert reader.stdout is not None and writer.stdin is not None
        try:
            writer.stdin.write(_DROP_TABLES.encode())
            shutil.copyfileobj(reader.stdout, writer.stdin, 1 << 20)
            writer.stdin.close()
        except BrokenPipeError:  # psql stopped at an error: said below
            pass
        reader.stdout.close()
        ended = (writer.wait(), reader.wait())  # both waited for, whatever happened
        # psql first: when it stops at an error, pg_restore only dies of the broken pipe
        for status, errors, name in ((ended[0], psql_errors, "psql"),
                                     (ended[1], restore_errors, "pg_restore")):
            if status != 0:
                errors.seek(0)
                lines = [line for line in errors.read().decode(errors="replace").splitlines()
                         if line.strip()]
                raise DatabaseError(translate("Backups", "{program} failed: {reason}").format(
                    program=name, reason=lines[-1] if lines else status))


def _restore_sqlite(database: Database, source: Path, progress: Progress,
                    message: str) -> None:
    with database.write("restore"):
        pass  # wait (saying for whom) until no other writer holds the lock
    reader = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(str(database.url.database),
                                 timeout=max(database.lock_timeout, 1.0))
        try:
            # the destination's write transaction lasts from the first step to the last:
            # others wait for it, and a process killed midway changes nothing
            def copied(_status: int, remaining: int, total: int) -> None:
                progress(total - remaining, total, message)

            reader.backup(target, pages=_RESTORE_STEP, progress=copied, sleep=0.05)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise DatabaseError(translate(
            "Backups", "Restoring the database failed, nothing was changed: {reason}").format(
            reason=error)) from None
    finally:
        reader.close()
    database.engine.dispose()  # pooled connections may hold the old schema
