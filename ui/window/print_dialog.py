"""The print window: choose a sheet, a center and a session, print to PDF files, preview them.

The print run is the one both faces run (ui/jobs/print_run.py); it runs on a background task
with worker processes started fresh (a process with threads must not fork).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QStringListModel, Qt, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from examdesk.progress import Cancelled, Progress
from examdesk.services.printing import PrintChoices
from ui.jobs.print_run import FILE_NAMES, PrintRequest, Written
from ui.window.background import Task

# The most lines of the status and warnings shown at once (more scroll).
STATUS_LINES = 8
#: Starts a print run: (request, progress, cancelled) -> the files written.
Printer = Callable[[PrintRequest, Progress, Cancelled], list[Written]]


def default_folder() -> Path:
    """Where prints go unless the user chooses: Documents/ExamDesk."""
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "ExamDesk"


class PrintDialog(QDialog):
    """Choose what to print, print it in the background, and preview the files."""

    def __init__(self, choices: PrintChoices, printer: Printer, folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self._printer = printer
        self._task: Task | None = None
        self.files: list[Written] = []
        self.setWindowTitle(self.tr("Print sheets"))
        self.resize(1000, 720)

        self.sheet = QComboBox()
        for key, name in FILE_NAMES.items():
            self.sheet.addItem(name, key)
        self.sheet.setCurrentIndex(self.sheet.findData("pack"))
        self.center = QComboBox()
        self.center.addItem(self.tr("All test centers"), None)
        for code, name in choices.centers:
            self.center.addItem(f"{code} {name}", code)
        self.session = QComboBox()
        self.session.addItem(self.tr("All sessions"), None)
        for code, label in choices.sessions:
            self.session.addItem(f"{code} {label}", code)
        self.folder = QLineEdit(str(folder or default_folder()))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        form = QFormLayout()
        form.addRow(QLabel(choices.exam_name))
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Test center"), self.center)
        form.addRow(self.tr("Session"), self.session)
        form.addRow(self.tr("Save in"), folder_row)

        self.print_button = QPushButton(self.tr("Print to PDF"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Stop"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.stop)
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_folder.clicked.connect(self._open_folder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_folder)

        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # A run may list hundreds of warnings (a center's name with a rare character is named
        # on every page): they scroll, and the preview keeps its room.
        status_area = QScrollArea()
        status_area.setWidget(self.status)
        status_area.setWidgetResizable(True)
        status_area.setFrameShape(QFrame.Shape.NoFrame)
        status_area.setMaximumHeight(self.fontMetrics().lineSpacing() * STATUS_LINES)

        self.file_names = QStringListModel(self)
        self.file_list = QListView()
        self.file_list.setModel(self.file_names)
        self.file_list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.file_list.selectionModel().currentChanged.connect(self._show_file)
        self.document = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        splitter = QSplitter()
        splitter.addWidget(self.file_list)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 720])

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(status_area)
        layout.addWidget(splitter, 1)

    def request(self) -> PrintRequest:
        """What the form asks for."""
        return PrintRequest(self.sheet.currentData(), Path(self.folder.text().strip()),
                            self._choices.exam_code, self.center.currentData(),
                            self.session.currentData())

    def start(self) -> None:
        """Print what the form asks for, in the background."""
        request = self.request()
        self.files = []
        self.file_names.setStringList([])
        self.document.close()
        self.status.setText(self.tr("Printing…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.print_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        task = Task(lambda progress, cancelled: self._printer(request, progress, cancelled),
                    self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled_by_user.connect(self._stopped)
        task.finished.connect(self._finished)
        self._task = task
        task.start()

    def stop(self) -> None:
        """Stop after the batches being drawn (files already written stay)."""
        if self._task is not None:
            self._task.cancel()
            self.status.setText(self.tr("Stopping…"))

    def is_running(self) -> bool:
        """Whether a print run is going on."""
        return self._task is not None

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if message:
            self.status.setText(self.tr("Printing %1").replace("%1", message))

    def _done(self, files: list[Written]) -> None:
        self.files = files
        self.file_names.setStringList([w.path.name for w in files])
        pages = sum(w.pages for w in files)
        warnings = [w for f in files for w in f.warnings]
        text = self.tr("%1 files, %2 pages, in %3").replace("%1", str(len(files))).replace(
            "%2", f"{pages:,}").replace("%3", self.folder.text())
        problems = {p for f in files for p in f.problems}
        if problems:
            text += "\n" + self.tr(
                "Printed with problems: characters no font has are blank boxes in %1 places "
                "(listed below); write them in by hand there.").replace("%1", str(len(problems)))
        if warnings:
            text += "\n" + "\n".join(dict.fromkeys(warnings))
        self.status.setText(text)
        if files:
            self.file_list.setCurrentIndex(self.file_names.index(0))

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def _stopped(self) -> None:
        self.status.setText(self.tr("Stopped; the files already written are kept."))

    def _finished(self) -> None:
        self._task = None
        self.progress.setVisible(False)
        self.print_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _show_file(self) -> None:
        row = self.file_list.currentIndex().row()
        if 0 <= row < len(self.files):
            self.document.load(str(self.files[row].path))

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save in"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    def closeEvent(self, event: QCloseEvent) -> None:
        # a running task needs the dialog: stop it and wait for its batches
        if self._task is not None:
            self._task.cancel()
            self._task.wait()
        super().closeEvent(event)
