"""Opening a database from the window: in the background, with every failure explained.

A database the window cannot open (a folder on a drive that is not connected, a file that is
not a database, a server that does not answer) is said in a dialog that offers to choose
another; a file that does not exist is created only once the user said so, since a mistyped
path would otherwise quietly become a new, empty database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from examdesk.progress import Cancelled, Progress
from ui.window.background import Operations
from ui.window.signals import emit

if TYPE_CHECKING:
    from examdesk.db import Database


@dataclass(frozen=True)
class Missing:
    """The SQLite file a URL names does not exist (nothing was created)."""

    file: Path


@dataclass(frozen=True)
class Damaged:
    """The SQLite file was left open by a process that ended uncleanly, and is damaged."""

    url: str | None
    folder: Path  # where its automatic backups are
    message: str


def _open(url: str | None, create: bool) -> Database | Missing | Damaged:
    # on the worker thread: the database layer (SQLAlchemy, Alembic) loads here, after the
    # window is painted
    from examdesk.db import open_database, sqlite_file
    from examdesk.errors import DatabaseError

    file = sqlite_file(url)
    if file is not None and not create and not file.exists():
        return Missing(file)
    try:
        return open_database(url)
    except DatabaseError as error:
        if error.code != "database-damaged":
            raise
        return Damaged(url, Path(str(error.fields["folder"])), str(error))


class DatabaseOpener(QObject):
    """Opens a database for a window, asking the user where it must.

    Signals:
        opened(database): the database is open (the caller owns it now).
        abandoned(message): the user gave up (quit instead of choosing another database);
            ``message`` says what was wrong, empty when nothing was.
    """

    opened = Signal(object)
    abandoned = Signal(str)

    def __init__(self, window: QWidget, operations: Operations) -> None:
        super().__init__(window)
        self._window = window
        self._operations = operations
        self.question: QMessageBox | None = None
        self._last_file: Path | None = None

    def open(self, url: str | None, *, ask_before_creating: bool = True) -> None:
        """Open ``url`` (None: ``$EXAMDESK_DB``, else the embedded database) in the
        background; a file that does not exist is created only after asking, unless
        ``ask_before_creating`` is False (the user just chose it)."""

        def work(_progress: Progress, _cancelled: Cancelled) -> Database | Missing | Damaged:
            return _open(url, not ask_before_creating)

        self._operations.run(self.tr("Opening the database"), work,
                             on_success=self._opened, on_failure=self._failed)

    def _opened(self, result: Database | Missing | Damaged) -> None:
        if isinstance(result, Damaged):
            self._ask(QMessageBox.Icon.Critical, self.tr("Cannot open the database"),
                      result.message, self.tr("Restore a backup over it, choose another "
                                              "database, or quit."),
                      create=None, damaged=result)
        elif isinstance(result, Missing):
            self._last_file = result.file
            if result.file.parent.is_dir():
                text = self.tr("There is no database at %1.").replace("%1", str(result.file))
            else:  # a drive not connected, a folder renamed: say it before offering to create
                text = self.tr("There is no database at %1, nor its folder %2: is its drive "
                               "connected?").replace("%1", str(result.file)).replace(
                    "%2", str(result.file.parent))
            self._ask(QMessageBox.Icon.Question, self.tr("New database?"), text,
                      self.tr("Create a new, empty database there, or choose another?"),
                      create=result.file)
        else:
            emit(self.opened, result)

    def _failed(self, message: str) -> None:
        self._ask(QMessageBox.Icon.Critical, self.tr("Cannot open the database"), message,
                  self.tr("Choose another database, or quit."), create=None)

    def _ask(self, icon: QMessageBox.Icon, title: str, text: str, question: str,
             create: Path | None, damaged: Damaged | None = None) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self._window)
        box.setInformativeText(question)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        create_button = None
        if create is not None:
            create_button = box.addButton(self.tr("Create"), QMessageBox.ButtonRole.AcceptRole)
        restore_button = None
        if damaged is not None:
            restore_button = box.addButton(self.tr("Restore a backup…"),
                                           QMessageBox.ButtonRole.AcceptRole)
        choose = box.addButton(self.tr("Choose another…"), QMessageBox.ButtonRole.ActionRole)
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(create_button or restore_button or choose)
        box.setEscapeButton(quit_button)

        def answered(button: QAbstractButton) -> None:
            self.question = None
            if create is not None and button is create_button:
                self.open(f"sqlite:///{create}", ask_before_creating=False)
            elif damaged is not None and button is restore_button:
                self.restore_over(damaged)
            elif button is choose:
                self.choose_another(text)
            else:
                emit(self.abandoned, "" if create is not None else text)

        box.buttonClicked.connect(answered)
        self.question = box
        box.open()

    def restore_over(self, damaged: Damaged) -> None:
        """Let the user pick a backup (starting in the database's backup folder), restore it
        over the damaged file, then open it."""
        start = damaged.folder if damaged.folder.is_dir() else Path.home()
        name, _ = QFileDialog.getOpenFileName(
            self._window, self.tr("Choose a backup"), str(start),
            self.tr("ExamDesk databases (*.db);;All files (*)"))
        if not name:
            self._ask(QMessageBox.Icon.Critical, self.tr("Cannot open the database"),
                      damaged.message, self.tr("Restore a backup over it, choose another "
                                               "database, or quit."),
                      create=None, damaged=damaged)
            return

        def work(progress: Progress, _cancelled: Cancelled) -> object:
            from ui.jobs.backups import restore_into

            return restore_into(damaged.url, Path(name), progress)

        self._operations.run(self.tr("Restoring the database"), work,
                             on_success=lambda _done: self.open(damaged.url),
                             on_failure=self._failed)

    def choose_another(self, why: str = "") -> None:
        """Let the user pick an SQLite file, existing or new, and open it."""
        chosen = self.choose_file()
        if chosen is None:
            emit(self.abandoned, why)
        else:
            self.open(f"sqlite:///{chosen}", ask_before_creating=False)

    def choose_file(self) -> Path | None:
        """The file dialog: an existing database to open, or a new name to create one."""
        start = self._last_file.parent if self._last_file is not None else Path.home()
        if not start.is_dir():
            start = Path.home()
        name, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Choose a database"), str(start),
            self.tr("ExamDesk databases (*.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        return Path(name) if name else None
