"""The main window: for now, the exam and the counts of its plan.

It opens before any database does (ui/window/app.py): nothing here imports the services at
module level, so the window paints while the database is opened in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from examdesk import __version__
from examdesk.errors import ExamDeskError
from ui.window.background import Operations, Running
from ui.window.geometry import remember_geometry, restore_geometry
from ui.window.i18n import LANGUAGE_SETTING, LANGUAGES, saved_language
from ui.window.signals import emit

if TYPE_CHECKING:
    from examdesk.db import Database, Session
    from examdesk.services.stats import Overview

# Makes the print window over the main window (raises ExamDeskError when there is no exam).
PrintWindowFactory = Callable[[QWidget], QDialog]
# How often an active window asks whether another clerk changed the database (ms): one
# indexed query; counts load only when the answer changed.
POLL_MS = 3000
PREFERRED_SIZE = QSize(960, 600)
PRINT_WINDOW_SIZE = QSize(1000, 720)


class CountCard(QFrame):
    """A big number with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("countCard")
        self.value_label = QLabel("–")
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        self.value_label.setFont(font)
        self.caption_label = QLabel(caption)
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, value: int) -> None:
        self.value_label.setText(f"{value:,}")


def _overview_and_version(session: Session, _progress: object,
                          _cancelled: object) -> tuple[Overview, tuple[int, int]]:
    from examdesk.services.data_version import data_version
    from examdesk.services.stats import overview

    return overview(session), data_version(session)


def _version(session: Session, _progress: object, _cancelled: object) -> tuple[int, int]:
    from examdesk.services.data_version import data_version

    return data_version(session)


class MainWindow(QMainWindow):
    """Shows the exams in the database and what their plan holds.

    The window opens empty and shows a database once :meth:`attach` gives it one. It never
    queries the database on the UI thread: counts load through :attr:`operations`, after
    every change made in this window (``Operations.changed``) and, while the window is
    active, after another clerk's (a cheap poll of the data version every ``poll_ms``).

    Signals:
        refreshed(): the counts on show are the database's as of now.
        first_painted(): the window was painted for the first time (and the event loop
            turned since): what the start-up leaves till later can start now.
    """

    refreshed = Signal()
    first_painted = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None,
                 poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.settings = settings
        self.database: Database | None = None
        self.operations = Operations(self)
        self.operations.changed.connect(self.refresh)
        self._print_window: PrintWindowFactory | None = None
        self.print_dialog: QDialog | None = None
        self._version: tuple[int, int] | None = None
        self._loading: Running[Any] | None = None
        self._again = False
        self._painted = False
        self.setWindowTitle(self.tr("ExamDesk"))

        self.exam_label = QLabel(self.tr("Opening the database…"))
        self.exam_label.setObjectName("examTitle")
        self.exam_label.setWordWrap(True)
        title_font = self.exam_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        self.exam_label.setFont(title_font)

        captions = {
            "centers": self.tr("Test centers"),
            "rooms": self.tr("Rooms"),
            "seats": self.tr("Seats"),
            "candidates": self.tr("Candidates"),
            "seated_candidates": self.tr("Seated candidates"),
            "sessions": self.tr("Sessions"),
            "staff": self.tr("Staff"),
            "duties": self.tr("Duties"),
            "posts": self.tr("Service posts"),
            "certificates": self.tr("Temporary ID certificates"),
            "incidents": self.tr("Incidents"),
            "spare_rooms": self.tr("Spare rooms"),
        }
        self.cards = {key: CountCard(caption) for key, caption in captions.items()}
        grid = QGridLayout()
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 4, index % 4)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.exam_label)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.setCentralWidget(central)
        # a permanent widget: a menu's status tips replace the temporary message, not this
        self.database_label = QLabel(self.tr("No database open"))
        self.database_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_menus()
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(poll_ms)
        self.poll_timer.timeout.connect(self.poll)
        restore_geometry(self, settings, "main", PREFERRED_SIZE)
        self.setAcceptDrops(True)  # a workbook dropped on the window opens the import wizard

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.setStatusTip(self.tr("Load the counts again"))
        self.refresh_action.triggered.connect(self.refresh)
        file_menu.addAction(self.refresh_action)
        self.print_action = QAction(self.tr("&Print sheets…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.setStatusTip(self.tr("Print the exam-day sheets to PDF files"))
        self.print_action.triggered.connect(self.open_print_window)
        self.print_action.setEnabled(False)
        file_menu.addAction(self.print_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        current = saved_language(self.settings)
        for code, name in LANGUAGES.items():  # each language in its own words
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, code=code: self.choose_language(code))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ExamDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def attach(self, database: Database,
               print_window: PrintWindowFactory | None = None) -> None:
        """Show ``database``: its name in the status bar, its counts, its print window."""
        self.database = database
        self.operations.database = database
        self._print_window = print_window
        self.print_action.setEnabled(print_window is not None)
        self.database_label.setText(
            self.tr("Database: %1").replace("%1", database.display_url))
        self._version = None
        self.refresh()
        if self.isActiveWindow():
            self.poll_timer.start()

    def refresh(self) -> None:
        """Load the overview again, in the background, and show it."""
        if self.database is None:
            return
        if self._loading is not None:  # a change came in while loading: load once more
            self._again = True
            return
        self._loading = self.operations.read(
            self.tr("Loading the counts"), _overview_and_version, quiet=True,
            on_success=self._show, on_failure=self._load_failed)
        self._loading.done.connect(self._loaded)

    def _loaded(self) -> None:
        self._loading = None
        if self._again:
            self._again = False
            self.refresh()

    def _show(self, loaded: tuple[Overview, tuple[int, int]]) -> None:
        overview, self._version = loaded
        if overview.exams:
            self.exam_label.setText("\n".join(e.name for e in overview.exams))
        else:
            self.exam_label.setText(
                self.tr("No exam yet: load the demo with 'examdesk demo' or import one.")
            )
        counts = overview.stats.as_dict()
        for key, card in self.cards.items():
            card.set_value(counts[key])
        emit(self.refreshed)

    def _load_failed(self, message: str) -> None:
        self.operations.show_error(self.tr("Loading the counts"), message)

    def poll(self) -> None:
        """Ask whether the database changed since the counts were loaded; load them if so."""
        if self.database is None or self._loading is not None:
            return
        self.operations.read("", _version, quiet=True, on_success=self._polled,
                             on_failure=lambda _message: None)  # the next poll tries again

    def _polled(self, version: tuple[int, int]) -> None:
        if self._version is not None and version != self._version:
            emit(self.operations.changed, None)  # another clerk's change: views refresh

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, lambda: emit(self.first_painted))

    def changeEvent(self, event: QEvent) -> None:
        # poll only while the clerk looks at the window; catch up on coming back to it
        if event.type() == QEvent.Type.ActivationChange and self.database is not None:
            if self.isActiveWindow():
                self.poll()
                self.poll_timer.start()
            else:
                self.poll_timer.stop()
        super().changeEvent(event)

    def open_print_window(self) -> None:
        """Show the print window (one at a time)."""
        if self._print_window is None:
            return
        if self.print_dialog is None:
            try:
                self.print_dialog = self._print_window(self)
            except ExamDeskError as error:
                QMessageBox.information(self, self.tr("Print sheets"), str(error))
                return
            restore_geometry(self.print_dialog, self.settings, "print", PRINT_WINDOW_SIZE)
            dialog = self.print_dialog
            dialog.finished.connect(lambda _result: remember_geometry(
                dialog, self.settings, "print"))
        self.print_dialog.show()
        self.print_dialog.raise_()

    def choose_language(self, code: str) -> None:
        """Keep ``code`` as the window's language, from the next start on."""
        self.settings.setValue(LANGUAGE_SETTING, code)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"),
                          self.tr("ExamDesk speaks %1 from its next start.").replace(
                              "%1", LANGUAGES[code]),
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def open_import_wizard(self, path: str | None = None) -> QDialog | None:
        """The import wizard over the window (on ``path``: a file dropped on the window)."""
        if self.database is None:
            return None
        from ui.window.import_wizard import open_import_wizard

        return open_import_wizard(self.operations, self, path)

    def _dropped_file(self, event: QDragEnterEvent | QDropEvent) -> str | None:
        urls = event.mimeData().urls()
        path = urls[0].toLocalFile() if len(urls) == 1 else ""
        return path if path.lower().endswith((".xlsx", ".xlsm", ".csv")) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.database is not None and self._dropped_file(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event)
        if path and self.open_import_wizard(path) is not None:
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        remember_geometry(self, self.settings, "main")
        self.poll_timer.stop()
        self.operations.shutdown()
        super().closeEvent(event)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ExamDesk"),
            self.tr("ExamDesk %1: exam logistics for examination centers.").replace(
                "%1", __version__),
        )
