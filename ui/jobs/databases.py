"""Choosing a database: what a file or a server holds, looked at before anything is opened.

The window's database dialog tests a connection with :func:`check_database` before it opens
anything, and creates a new SQLite file only when the clerk asked for a new one: a mistyped
path must not silently become a new, empty exam database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from examdesk.db import open_database, resolve_database_url
from examdesk.db.database import current_revision, head_revision
from examdesk.db.urls import file_url, readable_url, server_url, with_connect_timeout
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.services.stats import overview

# Seconds a connection test waits for a server before it says it cannot reach it.
CONNECT_TIMEOUT = 5


@dataclass(frozen=True)
class DatabaseCheck:
    """What a database holds, as far as choosing it goes."""

    url: str  # as shown: the password hidden
    server: bool  # PostgreSQL (shared) rather than an SQLite file on this computer
    exists: bool  # False: an SQLite file that is not there yet, or a server database without tables
    needs_upgrade: bool  # written by an older ExamDesk: opening it upgrades it (after a backup)
    exams: tuple[str, ...]  # the exams it holds, newest first


def shown(url: str) -> str:
    """A database as the clerk sees it (examdesk/db/urls.py: readable_url)."""
    return readable_url(url)


def check_database(url: str) -> DatabaseCheck:
    """Connects to the database and reads what it holds, changing nothing (an SQLite file
    that does not exist is not created).

    Raises:
        BadInput: the URL is malformed, or an SQLite file's folder does not exist or cannot
            be written.
        DatabaseError: the server cannot be reached, refuses the login, or the file is not a
            database; DatabaseTooNew, NotAnExamDeskDatabase as :func:`open_database`.
    """
    parsed = resolve_database_url(url)
    server = parsed.get_backend_name() != "sqlite"
    if not server and parsed.database not in (None, "", ":memory:"):
        path = Path(str(parsed.database))
        if not path.exists():
            folder_problem(path)
            return DatabaseCheck(readable_url(parsed), False, False, False, ())
    database = open_database(with_connect_timeout(parsed, CONNECT_TIMEOUT), upgrade=False)
    try:
        revision = current_revision(database.engine)
        if revision is None:
            return DatabaseCheck(shown(url), server, False, False, ())
        if revision != head_revision():
            return DatabaseCheck(shown(url), server, True, True, ())
        with database.begin() as session:
            exams = tuple(exam.name for exam in overview(session).exams)
        return DatabaseCheck(shown(url), server, True, False, exams)
    finally:
        database.close()


def folder_problem(path: Path) -> None:
    """Raises BadInput when a new SQLite file cannot be made at ``path``: its folder (say a
    network drive that is not connected) is missing or read-only."""
    folder = path.parent
    if not folder.is_dir():
        raise BadInput(translate(
            "Databases", "The folder {folder} does not exist (is a network drive disconnected?). "
            "Choose another place for the database.").format(folder=folder))
    if not os.access(folder, os.W_OK):
        raise BadInput(translate(
            "Databases", "ExamDesk may not write in the folder {folder}. Choose another place "
            "for the database.").format(folder=folder))


__all__ = ["DatabaseCheck", "check_database", "file_url", "folder_problem", "server_url", "shown"]
