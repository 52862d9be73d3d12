"""The main window: for now, the exam and the counts of its plan."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
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
from examdesk.services.stats import Overview

OverviewLoader = Callable[[], Overview]
#: Makes the print window over the main window (raises ExamDeskError when there is no exam).
PrintWindowFactory = Callable[[QWidget], QDialog]


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


class MainWindow(QMainWindow):
    """Shows the exams in the database and what their plan holds.

    The window never queries the database itself: ``load_overview`` (a service call wrapped
    by the application) returns a frozen :class:`Overview`.
    """

    def __init__(self, load_overview: OverviewLoader, database_label: str,
                 parent: QWidget | None = None,
                 print_window: PrintWindowFactory | None = None) -> None:
        super().__init__(parent)
        self._load_overview = load_overview
        self._print_window = print_window
        self.print_dialog: QDialog | None = None
        self.setWindowTitle(self.tr("ExamDesk"))
        self.resize(960, 600)

        self.exam_label = QLabel()
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
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", database_label))
        self._build_menus()
        self.refresh()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.refresh)
        file_menu.addAction(refresh)
        self.print_action = QAction(self.tr("&Print sheets…"), self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.open_print_window)
        self.print_action.setEnabled(self._print_window is not None)
        file_menu.addAction(self.print_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ExamDesk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def refresh(self) -> None:
        """Load the overview again and show it."""
        overview = self._load_overview()
        if overview.exams:
            self.exam_label.setText("\n".join(e.name for e in overview.exams))
        else:
            self.exam_label.setText(
                self.tr("No exam yet: load the demo with 'examdesk demo' or import one.")
            )
        counts = overview.stats.as_dict()
        for key, card in self.cards.items():
            card.set_value(counts[key])

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
        self.print_dialog.show()
        self.print_dialog.raise_()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About ExamDesk"),
            self.tr("ExamDesk %1: exam logistics for examination centers.").replace(
                "%1", __version__),
        )
