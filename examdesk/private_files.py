"""Files and folders that hold personal data, created readable by their owner only.

Candidates' names, ID numbers and phones end up in the database, its backups, the exported
workbooks, the printed PDFs, the print cache and the import fix-up reports (issue 13,
"Personal data"). Every writer of such a file goes through this module, so each one is made
``0600`` in a folder ExamDesk creates ``0700`` (on POSIX; Windows keeps the folder's own
access list, which these modes do not change). A file is written whole beside its target and
moved into place only at the end; :func:`write_private` and the workbooks' writer
(examdesk/exchange/writer.py) call ``before_replace`` between the two, where a caller records
the file in the audit trail: a file whose audit row cannot be committed is never moved into
place.

Existing folders are left as they are: a clerk's own export folder keeps its permissions.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

#: The mode of a file with personal data: read and written by its owner only.
FILE_MODE = 0o600
#: The mode of a folder ExamDesk creates for such files.
FOLDER_MODE = 0o700

_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def make_folder(folder: Path) -> None:
    """Create ``folder`` and its missing parents, each ``0700``; an existing one is kept.

    Raises:
        OSError: a folder cannot be created.
    """
    missing: list[Path] = []
    path = Path(folder)
    while not path.exists():
        missing.append(path)
        if path.parent == path:
            break
        path = path.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise
    if not Path(folder).is_dir():
        raise NotADirectoryError(f"{folder} is not a folder")


def make_private(path: Path) -> None:
    """Make an existing file or folder of ExamDesk's own (the print cache) its owner's only:
    ``0600``, a folder ``0700`` (no-op on Windows, where the modes mean little).

    Raises:
        OSError: the mode cannot be changed.
    """
    if os.name != "posix":
        return
    mode = FOLDER_MODE if path.is_dir() else FILE_MODE
    if path.stat().st_mode & 0o777 != mode:
        path.chmod(mode)


def create_private(path: Path) -> None:
    """Create ``path`` empty, ``0600``; fail if it exists.

    Raises:
        FileExistsError: it exists.
        OSError: it cannot be created.
    """
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, FILE_MODE))


def ensure_private_file(path: Path) -> None:
    """Create ``path`` empty and ``0600`` unless it exists (an SQLite file before its first
    connection: SQLite gives its -wal and -shm files the database file's mode)."""
    with contextlib.suppress(FileExistsError):
        create_private(path)


def temporary_beside(target: Path, suffix: str = ".part") -> Path:
    """A new empty ``0600`` file in ``target``'s folder, to be moved onto ``target``.

    Raises:
        OSError: the folder cannot be written.
    """
    while True:
        temporary = target.with_name(f".~{secrets.token_hex(6)}{suffix}")
        try:
            create_private(temporary)
            return temporary
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue


def write_private(target: Path, data: bytes,
                  before_replace: Callable[[], object] | None = None) -> None:
    """Write ``data`` to ``target`` whole, ``0600``: to a file beside it, then renamed.

    Args:
        target: the file to create or replace.
        data: its content.
        before_replace: called once the data is on disk and before the rename (the audit
            row's commit); when it raises, the file is removed and ``target`` is left as it
            was.

    Raises:
        OSError: the file cannot be written.
    """
    temporary = temporary_beside(target)
    try:
        with os.fdopen(os.open(temporary, os.O_WRONLY | _BINARY), "wb") as stream:
            stream.write(data)
        if before_replace is not None:
            before_replace()
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
