"""File → 备份数据库… and 恢复数据库…: the whole database saved to one file and put back
(ui/jobs/backups.py; docs/backups.md)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.jobs import backups

if TYPE_CHECKING:
    from examdesk.db import Database
    from ui.window.background import Operations


class BackupCommands(QObject):
    """The two commands of the File menu, on the window's database and operations.

    Attributes:
        question: the confirmation a restore asks for, while it is open (for tests).
    """

    def __init__(self, window: QWidget, operations: Operations,
                 database: Any, said: Any, actor: Any) -> None:
        super().__init__(window)
        self.window = window
        self.operations = operations
        self._database = database  # () -> the open Database or None
        self._said = said  # (text) -> shown in the status bar
        self._actor = actor  # () -> the signed-in Actor
        self.question: QMessageBox | None = None

    def _open(self) -> Database | None:
        database: Database | None = self._database()
        return database

    def back_up(self) -> None:
        """Ask where, then write the backup in the background (with its progress)."""
        database = self._open()
        if database is None:
            return
        server = database.engine.dialect.name != "sqlite"
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        suggested = self.tr("examdesk-backup-{stamp}").replace("{stamp}", stamp) + (
            ".dump" if server else ".db")
        kinds = self.tr("PostgreSQL backups (*.dump)") if server else \
            self.tr("Database backups (*.db)")
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Back up the database"),
                                              suggested, kinds)
        if not name:
            return
        title = self.tr("Backing up the database")
        actor = self._actor()
        self.operations.run(
            title, lambda progress, _cancelled: backups.backup_to(database, Path(name),
                                                                  progress, actor),
            on_success=lambda path: self._said(
                self.tr("The database was backed up to {path}").replace("{path}", str(path))))

    def restore(self) -> None:
        """Ask which backup, say what it replaces and ask to go ahead, then restore it."""
        database = self._open()
        if database is None:
            return
        server = database.engine.dialect.name != "sqlite"
        kinds = self.tr("PostgreSQL backups (*.dump)") if server else \
            self.tr("Database backups (*.db)")
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Restore the database"),
                                              "", kinds + ";;" + self.tr("All files (*)"))
        if not name:
            return
        self.operations.run(
            self.tr("Reading the backup"),
            lambda _progress, _cancelled: backups.restore_plan(database, Path(name)),
            on_success=lambda plan: self._ask(database, plan))

    def _ask(self, database: Database, plan: backups.RestorePlan) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Restore the database"),
            plan.question + "\n\n" + self.tr("What the database holds now is backed up "
                                             "first. Restore the backup?"),
            QMessageBox.StandardButton.Cancel, self.window)
        replace = box.addButton(self.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self._restore(database, plan) if button is replace else None)
        box.finished.connect(lambda _result: setattr(self, "question", None))
        self.question = box
        box.open()

    def _restore(self, database: Database, plan: backups.RestorePlan) -> None:
        actor = self._actor()

        def restored(done: backups.Restored) -> None:
            text = self.tr("The backup {path} was restored.").replace("{path}",
                                                                     str(plan.info.path))
            if done.saved is not None:
                text += " " + self.tr("What the database held before was saved as "
                                      "{path}.").replace("{path}", str(done.saved))
            self._said(text)

        self.operations.run(
            self.tr("Restoring the database"),
            lambda progress, _cancelled: backups.restore(database, plan, progress, actor),
            on_success=restored, changes=True)
