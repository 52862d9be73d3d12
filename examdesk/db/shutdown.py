"""An SQLite file checked on open after an unclean shutdown (docs/backups.md, "Crash safety").

Every process that opens an SQLite database writes a marker beside it
(``exam.db-open-<pid>@<host>``) and removes it when it closes its last connection to it, or
at a normal exit. A marker of this computer whose process is gone means that a process was
killed, crashed or lost its power while it had the database open: the next one to open the
file runs ``PRAGMA quick_check`` first (about 0.3 s for a province of 100,000 candidates;
``integrity_check`` takes about twice as long and adds only index-content checks) and refuses
a damaged file. Markers of other computers (a file on a network share) are left alone: whether
their process lives cannot be told from here.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import socket
import sqlite3
import threading
from pathlib import Path

from examdesk.errors import DatabaseError
from examdesk.i18n import translate

_SEPARATOR = "-open-"
_opened: dict[Path, int] = {}
_guard = threading.Lock()


def _marker(path: Path, pid: int, host: str) -> Path:
    return path.with_name(f"{path.name}{_SEPARATOR}{pid}@{host}")


def _left_behind(path: Path) -> list[Path]:
    """Markers of processes of this computer that ended without closing the database."""
    from examdesk.db.locks import _process_alive

    host = socket.gethostname()
    found = []
    for marker in path.parent.glob(f"{path.name}{_SEPARATOR}*"):
        pid_text, _, marker_host = marker.name[len(path.name) + len(_SEPARATOR):].partition("@")
        if marker_host != host or not pid_text.isdigit():
            continue
        pid = int(pid_text)
        if pid != os.getpid() and not _process_alive(pid):
            found.append(marker)
    return found


def check_after_crash(path: Path) -> bool:
    """If a process left the database without closing it, check the file.

    Returns:
        Whether the file was checked.

    Raises:
        DatabaseError: the file is damaged (code ``database-damaged``).
    """
    stale = _left_behind(path)
    if not stale or not path.exists():
        for marker in stale:
            with contextlib.suppress(OSError):
                marker.unlink()
        return False
    problem = quick_check(path)
    if problem is not None:
        from examdesk.db.backups import backup_folder_of_file

        raise DatabaseError(translate(
            "Database", "The database {file} is damaged ({problem}): it was not closed "
                        "properly. Restore the newest backup from {folder}.").format(
            file=path, problem=problem, folder=backup_folder_of_file(path)),
            code="database-damaged", file=str(path), problem=problem,
            folder=str(backup_folder_of_file(path)))
    for marker in stale:
        with contextlib.suppress(OSError):
            marker.unlink()
    return True


def quick_check(path: Path) -> str | None:
    """SQLite's ``quick_check`` of the file: None when sound, else its first complaint."""
    try:
        connection = sqlite3.connect(path, timeout=10)
        try:
            rows = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    if rows == ["ok"]:
        return None
    lines = [line for row in rows for line in row.splitlines() if not line.startswith("***")]
    return lines[0] if lines else "?"


def opened(path: Path) -> None:
    """Note that this process has the database open (writes its marker, once)."""
    with _guard:
        count = _opened.get(path, 0)
        _opened[path] = count + 1
        if count == 0:
            with contextlib.suppress(OSError):
                _marker(path, os.getpid(), socket.gethostname()).touch()


def closed(path: Path) -> None:
    """Note that one of this process's openings of the database is closed."""
    with _guard:
        count = _opened.get(path, 0) - 1
        if count > 0:
            _opened[path] = count
            return
        _opened.pop(path, None)
        with contextlib.suppress(OSError):
            _marker(path, os.getpid(), socket.gethostname()).unlink()


@atexit.register
def _at_exit() -> None:
    """A normal exit is a clean one, even without every database closed."""
    with _guard:
        for path in list(_opened):
            with contextlib.suppress(OSError):
                _marker(path, os.getpid(), socket.gethostname()).unlink()
        _opened.clear()
