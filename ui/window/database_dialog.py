"""Choosing the database to work in: a recent one, an SQLite file, or a PostgreSQL server.

Nothing is opened before it has been looked at (ui/jobs/databases.py): the dialog says what
the choice holds (its exams, an upgrade it needs, that it is empty) or what is wrong with it,
and a new SQLite file is made only through "New file…". A connection test runs on a worker
thread so that a server that does not answer never freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from examdesk.errors import ExamDeskError
from ui.jobs.databases import DatabaseCheck, check_database, file_url, server_url, shown
from ui.window.signals import emit

Checker = Callable[[str], DatabaseCheck]
FILE_FILTER = "ExamDesk (*.db *.sqlite *.examdesk);;* (*)"


class _Result(QObject):
    done = Signal(object, object)  # (url, DatabaseCheck | ExamDeskError)


class _Check(QRunnable):
    """Checks one URL on the thread pool and reports back through a queued signal."""

    def __init__(self, url: str, checker: Checker, result: _Result) -> None:
        super().__init__()
        self.url, self.checker, self.result = url, checker, result

    def run(self) -> None:
        try:
            outcome: DatabaseCheck | ExamDeskError = self.checker(self.url)
        except ExamDeskError as error:
            outcome = error
        emit(self.result.done, self.url, outcome)


class DatabaseDialog(QDialog):
    """Asks which database to open; ``chosen_url`` holds the answer once accepted.

    A choice is accepted only once its check came back without an error: an existing
    ExamDesk database, an empty one (ExamDesk creates its tables), or a new file the clerk
    asked for.
    """

    def __init__(self, recent: Sequence[str] = (), current: str | None = None,
                 checker: Checker = check_database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a database"))
        self.chosen_url: str | None = None
        self._checker = checker
        self._pending: str | None = None
        self._new = False
        self._open_when_checked = False
        self._checked: dict[str, DatabaseCheck] = {}
        self._result = _Result(self)
        self._result.done.connect(self._checked_one, Qt.ConnectionType.QueuedConnection)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._file_page(recent, current), self.tr("On this computer"))
        self.tabs.addTab(self._server_page(), self.tr("On a server (PostgreSQL)"))
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.verdict.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)  # a driver's reason
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.verdict)
        layout.addWidget(self.buttons)
        self.resize(640, 420)

    # --- the two pages ------------------------------------------------------------------------

    def _file_page(self, recent: Sequence[str], current: str | None) -> QWidget:
        page = QWidget()
        self.recent_list = QListWidget()
        for url in recent:
            item = QListWidgetItem(shown(url) + (self.tr(" (open now)") if url == current else ""))
            item.setData(Qt.ItemDataRole.UserRole, url)
            item.setToolTip(shown(url))
            self.recent_list.addItem(item)
        self.recent_list.currentItemChanged.connect(self._recent_chosen)
        self.recent_list.itemDoubleClicked.connect(self._open_recent)
        self.open_file_button = QPushButton(self.tr("Open file…"))
        self.open_file_button.clicked.connect(self._open_file)
        self.new_file_button = QPushButton(self.tr("New file…"))
        self.new_file_button.clicked.connect(self._new_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_file_button)
        buttons.addWidget(self.new_file_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Recent databases:")))
        layout.addWidget(self.recent_list, 1)
        layout.addLayout(buttons)
        return page

    def _server_page(self) -> QWidget:
        page = QWidget()
        self.host = QLineEdit()
        self.host.setPlaceholderText("192.168.1.10")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database_name = QLineEdit("examdesk")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.url_field = QLineEdit()
        self.url_field.setPlaceholderText("postgresql://user@host:5432/examdesk")
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self._test_server)
        form = QFormLayout(page)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Database:"), self.database_name)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Or the URL:"), self.url_field)
        form.addRow("", self.test_button)
        for field in (self.host, self.database_name, self.user, self.password, self.url_field):
            field.textEdited.connect(self._server_edited)
        self.port.valueChanged.connect(self._server_edited)
        return page

    # --- choosing -------------------------------------------------------------------------

    def _recent_chosen(self, item: QListWidgetItem | None, _old: object) -> None:
        if item is not None:
            self.consider(item.data(Qt.ItemDataRole.UserRole))

    def _open_recent(self, item: QListWidgetItem) -> None:
        url = item.data(Qt.ItemDataRole.UserRole)
        if url in self._checked and url == self._pending:
            self.accept()
        else:  # opened as soon as its check comes back well
            self.consider(url)
            self._open_when_checked = True

    def _open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a database file"), "",
                                              FILE_FILTER)
        if path:
            self.consider(file_url(path))

    def _new_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New database file"),
                                              "examdesk.db", FILE_FILTER)
        if path:
            self.consider(file_url(path), new=True)

    def _server_edited(self) -> None:
        self.open_button.setEnabled(False)
        self._pending = None
        self.verdict.clear()

    def _test_server(self) -> None:
        try:
            url = self.url_field.text().strip() or server_url(
                self.host.text(), self.port.value(), self.database_name.text(),
                self.user.text(), self.password.text())
        except ExamDeskError as error:
            self._say_error(str(error))
            return
        self.consider(url)

    def consider(self, url: str, new: bool = False) -> None:
        """Looks at a database in the background; the verdict says what it holds."""
        self._pending = url
        self._new = new
        self._open_when_checked = False
        self.open_button.setEnabled(False)
        self.test_button.setEnabled(False)
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.tr("Looking at %1…").replace("%1", shown(url)))
        QThreadPool.globalInstance().start(_Check(url, self._checker, self._result))

    def _checked_one(self, url: str, outcome: DatabaseCheck | ExamDeskError) -> None:
        self.test_button.setEnabled(True)
        if url != self._pending:
            return  # the clerk chose something else meanwhile
        if isinstance(outcome, ExamDeskError):
            self._say_error(str(outcome))
            return
        if not outcome.exists and not outcome.server and not self._new:
            self._say_error(self.tr("There is no database file %1. Use \"New file…\" to "
                                    "create one.").replace("%1", outcome.url))
            return
        self._checked[url] = outcome
        self.verdict.setStyleSheet("")
        self.verdict.setText(self.describe(outcome))
        self.open_button.setEnabled(True)
        if self._open_when_checked:
            self.accept()

    def describe(self, check: DatabaseCheck) -> str:
        if not check.exists:
            return (self.tr("A new database will be created: %1").replace("%1", check.url)
                    if not check.server else
                    self.tr("Connected. The database is empty: ExamDesk will create its "
                            "tables."))
        if check.needs_upgrade:
            return self.tr("An ExamDesk database from an older version: it will be upgraded "
                           "when opened (a file is backed up first).")
        if not check.exams:
            return self.tr("An ExamDesk database without an exam yet.")
        return self.tr("An ExamDesk database with: %1").replace("%1", "、".join(check.exams))

    def _say_error(self, message: str) -> None:
        self.open_button.setEnabled(False)
        self.verdict.setStyleSheet("color: #b00020;")
        self.verdict.setText(message)

    def accept(self) -> None:
        if self._pending is None or self._pending not in self._checked:
            return
        self.chosen_url = self._pending
        super().accept()

