"""The 打印 area's form: choose a sheet, a center and a session, print to PDF files, preview
them, send one to a printer or open it in the PDF viewer (ui/window/pages/printing.py shows it).

The sheets offered, and why one has nothing to print, come from their declaration
(ui/jobs/sheets.py). The print run is the one both faces run (ui/jobs/print_run.py); it runs
on a background task with worker processes started fresh (a process with threads must not
fork). Esc stops a run; closing the window, or quitting, while a print runs stops the run
first and closes once it has stopped, so no thread or worker process is left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QPointF,
    QSize,
    QStandardPaths,
    QStringListModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
    QStandardItemModel,
)
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
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from examdesk.progress import Cancelled, Progress
from examdesk.services.printing import PrintChoices
from ui.jobs.print_run import CannotWrite, PrintRequest, Unwritable, Written
from ui.jobs.sheets import SHEETS, Nothing, NothingToPrint, Reason, SheetSpec, sheet
from ui.window.background import Task
from ui.window.signals import emit

if TYPE_CHECKING:
    from ui.window.system_print import PdfPrintJob

# The most lines of the status and warnings shown at once (more scroll).
STATUS_LINES = 8
# Starts a print run: (request, progress, cancelled, told of each file written) -> the files.
Printer = Callable[[PrintRequest, Progress, Cancelled, Callable[[Written], None]],
                   list[Written]]
# Each zoom step multiplies the preview's size by this.
ZOOM_STEP = 1.25


def default_folder() -> Path:
    """Where prints go unless the user chooses: Documents/ExamDesk."""
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "ExamDesk"


class _StatusArea(QScrollArea):
    """The status lines: as tall as their text, up to the area's maximum height (a scroll
    area otherwise asks for room it does not need, taken from the preview)."""

    def sizeHint(self) -> QSize:
        widget = self.widget()
        wanted = widget.heightForWidth(self.viewport().width()) if widget is not None else 0
        return QSize(super().sizeHint().width(),
                     min(max(wanted, 0) + 2 * self.frameWidth(), self.maximumHeight()))

    def minimumSizeHint(self) -> QSize:
        # a scroll area's own minimum holds both scroll bars: far more than one line of text
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # wrapped to another width, the text needs another height


class PrintForm(QWidget):
    """Choose what to print, print it in the background, and preview the files."""

    # A file written, sent from the task's thread (Qt queues it to the window's).
    file_written = Signal(object)
    # The previewed file went to a printer: the pages sent.
    sent_to_printer = Signal(int)

    def __init__(self, choices: PrintChoices, printer: Printer, folder: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices
        self._printer = printer
        self._task: Task | None = None
        self._paper: PdfPrintJob | None = None  # the file being sent to a printer
        self._top: QWidget | None = None  # the window the form is in (its close is watched)
        self._close_top_when_stopped = False
        self.files: list[Written] = []
        self.file_written.connect(self._file_written)

        self.sheet = QComboBox()
        for spec in SHEETS:
            self.sheet.addItem(spec.title(), spec.key)
        self.sheet.setCurrentIndex(self.sheet.findData("pack"))
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setVisible(False)
        self.center = QComboBox()
        self._fill_centers()
        self.session = QComboBox()
        self._fill_sessions()
        # the day a sheet of one day covers (the doubtful list): one of the exam's, or the
        # sheet's own default, which the core works out (ui/jobs/sheets.py, load_day)
        self.day = QComboBox()
        self._fill_days()
        self.folder = QLineEdit(str(folder or default_folder()))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)

        form = QFormLayout()
        self.exam_label = QLabel(choices.exam_name)
        form.addRow(self.exam_label)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow("", self.why)
        form.addRow(self.tr("Test center"), self.center)
        form.addRow(self.tr("Session"), self.session)
        form.addRow(self.tr("Exam day"), self.day)
        self._form = form
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
        status_area = self._status_area = _StatusArea()
        status_area.setWidget(self.status)
        status_area.setWidgetResizable(True)
        status_area.setFrameShape(QFrame.Shape.NoFrame)
        status_area.setMaximumHeight(self.fontMetrics().lineSpacing() * STATUS_LINES)
        status_area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        status_area.setVisible(False)
        self.error = self._error_box()

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
        viewer = QWidget()
        viewer_layout = QVBoxLayout(viewer)
        viewer_layout.setContentsMargins(0, 0, 0, 0)
        viewer_layout.addLayout(self._preview_tools())
        viewer_layout.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(self.file_list)
        splitter.addWidget(viewer)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 720])

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(status_area)
        layout.addWidget(splitter, 1)

        self.sheet.currentIndexChanged.connect(self._offer_sheets)
        self.center.currentIndexChanged.connect(self._center_chosen)
        self.session.currentIndexChanged.connect(self._offer_sheets)
        self._offer_sheets()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._abandon)

    # -- what to print -----------------------------------------------------------------------

    def request(self) -> PrintRequest:
        """What the form asks for."""
        chosen = sheet(self.sheet.currentData())
        return PrintRequest(chosen.key, Path(self.folder.text().strip()),
                            self._choices.exam_code, self.center.currentData(),
                            None if chosen.dated else self.session.currentData(),
                            day=self.day.currentData() if chosen.dated else None)

    def set_choices(self, choices: PrintChoices) -> None:
        """Offer ``choices`` (read again: a draw held since, say), keeping what was chosen."""
        self._choices = choices
        self.exam_label.setText(choices.exam_name)
        self.center.blockSignals(True)
        self._fill_centers()
        self.center.blockSignals(False)
        self._fill_sessions()
        self._fill_days()
        self._offer_sheets()

    def _fill_days(self) -> None:
        """The exam's days, after the default, keeping the day chosen."""
        chosen = self.day.currentData()
        self.day.clear()
        self.day.addItem(self.tr("Today, or the exam's last day before today"), None)
        for day in self._choices.days:
            self.day.addItem(day.isoformat(), day)
        self.day.setCurrentIndex(max(0, self.day.findData(chosen)))

    def _fill_centers(self) -> None:
        chosen = self.center.currentData()
        self.center.clear()
        self.center.addItem(self.tr("All test centers"), None)
        for c in self._choices.centers:
            self.center.addItem(f"{c.code} {c.name}", c.code)
        self.center.setCurrentIndex(max(0, self.center.findData(chosen)))

    def _center_chosen(self) -> None:
        self._fill_sessions()
        self._offer_sheets()

    def _fill_sessions(self) -> None:
        """The sessions of the center chosen (all of them for every center), keeping the
        session chosen when the center holds it."""
        chosen = self.session.currentData()
        code = self.center.currentData()
        held = next((c.sessions for c in self._choices.centers if c.code == code), None)
        self.session.blockSignals(True)
        self.session.clear()
        self.session.addItem(self.tr("All sessions"), None)
        for session_code, label in self._choices.sessions:
            if held is None or session_code in held:
                self.session.addItem(f"{session_code} {label}", session_code)
        self.session.setCurrentIndex(max(0, self.session.findData(chosen)))
        self.session.blockSignals(False)

    def blocked(self, spec: SheetSpec) -> Nothing | None:
        """Why ``spec`` has nothing to print for the center and session chosen (at none of
        the centers, when all are chosen); ``None`` when it may have something."""
        code = self.center.currentData()
        centers = [c for c in self._choices.centers if code is None or c.code == code]
        reasons = [spec.blocked(c, self.session.currentData()) for c in centers]
        if not centers:
            return spec.nothing(None)
        if all(reasons):
            return reasons[0]
        return None

    def _offer_sheets(self) -> None:
        """Offer the sheets that have something to print; say why the others have not."""
        model = self.sheet.model()
        assert isinstance(model, QStandardItemModel)
        for row, spec in enumerate(SHEETS):
            item = model.item(row)
            nothing = self.blocked(spec)
            item.setEnabled(nothing is None)
            item.setToolTip(self.why_nothing(nothing) if nothing else "")
        chosen = sheet(self.sheet.currentData())
        self._form.setRowVisible(self.day, chosen.dated)
        self._form.setRowVisible(self.session, not chosen.dated)  # a day's list: all sessions
        nothing = self.blocked(chosen)
        self.why.setText(self.why_nothing(nothing) if nothing else "")
        self.why.setVisible(nothing is not None)
        self.print_button.setEnabled(nothing is None and self._task is None)

    def why_nothing(self, nothing: Nothing) -> str:
        """Why a sheet has nothing to print, and what to do, in the window's words."""
        match nothing.reason:
            case Reason.NOT_SEATED:
                return self.tr("No room holds seated candidates yet: seat the candidates "
                               "first.")
            case Reason.NOT_SAT_IN_SESSION:
                return self.tr("Nobody sits a paper here in session %1: choose another "
                               "session.").replace("%1", nothing.session or "")
            case Reason.NO_DUTIES:
                return self.tr("Nobody is on duty here yet: make the roster first.")
            case Reason.NO_DRAW:
                return self.tr("No draw has been held yet: the draw result can be printed "
                               "once the session's morning draw is held.")
            case Reason.NO_POSTS:
                return self.tr("This test center has no service posts: add its posts first.")
            case Reason.NOT_ALLOWED:
                return self.tr("Your role prints no sheets with personal data: only door "
                               "lists, seating charts and center summaries.")
            case _:
                return self.tr("There is nothing to print here.")

    def unwritable(self, error: CannotWrite) -> str:
        """Why the files cannot be written, and what to do, in the window's words."""
        match error.problem:
            case Unwritable.FOLDER:
                return self.tr("The folder %1 cannot be created (%2): choose another folder "
                               "with Browse….").replace("%1", str(error.path)).replace(
                    "%2", error.reason)
            case Unwritable.IN_USE:
                return self.tr("%1 cannot be written: it is open in another program (a PDF "
                               "viewer?) or the folder is protected. Close it, or choose "
                               "another folder, and print again.").replace("%1", str(error.path))
            case _:
                return self.tr("%1 cannot be written (%2).").replace(
                    "%1", str(error.path)).replace("%2", error.reason)

    # -- the run -----------------------------------------------------------------------------

    def start(self) -> None:
        """Print what the form asks for, in the background."""
        if self._task is not None or self.blocked(sheet(self.sheet.currentData())):
            return
        request = self.request()
        self.files = []
        self.file_names.setStringList([])
        self.document.close()
        self._show_error("")
        self._say(self.tr("Printing…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.print_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        signal = self.file_written

        def written(file: Written) -> None:  # from the print run's thread; Qt queues it
            emit(signal, file)

        printer = self._printer

        def operation(progress: Progress, cancelled: Cancelled
                      ) -> list[Written] | Nothing | CannotWrite:
            try:
                return printer(request, progress, cancelled, written)
            except NothingToPrint as error:
                return error.nothing  # for this window to word
            except CannotWrite as error:
                return error  # likewise

        task = Task(operation, self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._done)
        task.failed.connect(self._failed)
        task.cancelled_by_user.connect(self._stopped)
        task.finished.connect(self._finished)
        self._task = task
        task.start()

    def stop(self) -> None:
        """Stop at the next batch, part merged or file (files already written stay)."""
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)
            self._say(self.tr("Stopping…"))

    def is_running(self) -> bool:
        """Whether a print run is going on."""
        return self._task is not None

    def _progressed(self, done: int, total: int, center_name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if center_name and self.cancel_button.isEnabled():
            self._say(self.tr("Printing %1…").replace("%1", center_name))

    def _file_written(self, written: Written) -> None:
        self.files.append(written)
        self.file_names.setStringList([w.path.name for w in self.files])
        if len(self.files) == 1:  # preview the first while the others print
            self.file_list.setCurrentIndex(self.file_names.index(0))

    def _done(self, result: list[Written] | Nothing | CannotWrite) -> None:
        if isinstance(result, Nothing):
            self._show_error(self.why_nothing(result), QStyle.StandardPixmap.SP_MessageBoxWarning)
            self._say("")
            return
        if isinstance(result, CannotWrite):
            self._show_error(self.unwritable(result))
            self._say("")
            return
        files = self.files = result
        names = [w.path.name for w in files]
        if names != self.file_names.stringList():  # listed as written: keep what is previewed
            self.file_names.setStringList(names)
        pages = sum(w.pages for w in files)
        warnings = [w for f in files for w in f.warnings]
        text = self.tr("%1 files, %2 pages, in %3").replace("%1", str(len(files))).replace(
            "%2", f"{pages:,}").replace("%3", self.folder.text())
        problems = {p for f in files for p in f.problems}
        if problems:
            self._show_error(self.tr(
                "Printed with problems: characters no font has are blank boxes in %1 places "
                "(listed below); write them in by hand there.").replace("%1", str(len(problems))),
                QStyle.StandardPixmap.SP_MessageBoxWarning)
        if warnings:
            text += "\n" + "\n".join(dict.fromkeys(warnings))
        self._say(text)
        if files and not self.file_list.currentIndex().isValid():
            self.file_list.setCurrentIndex(self.file_names.index(0))

    def _failed(self, message: str) -> None:
        self._say("")
        self._show_error(message)

    def _stopped(self) -> None:
        if self.files:
            self._say(self.tr("Stopped; the %1 files already written are kept.")
                                .replace("%1", str(len(self.files))))
        else:
            self._say(self.tr("Stopped; no file was written."))

    def _finished(self) -> None:
        self._task = None
        self.progress.setVisible(False)
        self.cancel_button.setEnabled(False)
        self._offer_sheets()
        if self._close_top_when_stopped and self._top is not None:
            self._close_top_when_stopped = False
            self._top.close()

    def _say(self, text: str) -> None:
        """Show ``text`` in the status lines (as tall as it needs, up to STATUS_LINES)."""
        self.status.setText(text)
        self._status_area.setVisible(bool(text))
        self._status_area.updateGeometry()

    # -- errors ------------------------------------------------------------------------------

    def _error_box(self) -> QFrame:
        box = QFrame()
        box.setObjectName("error")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setStyleSheet("QFrame#error { border: 1px solid #c62828; border-radius: 3px;"
                          " background: #fdecea; } QFrame#error QLabel { color: #8e0000; }")
        self.error_icon = QLabel()
        self.error_text = QLabel()
        self.error_text.setWordWrap(True)
        self.error_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(box)
        row.addWidget(self.error_icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.error_text, 1)
        box.setVisible(False)
        return box

    def _show_error(self, message: str, icon: QStyle.StandardPixmap =
                    QStyle.StandardPixmap.SP_MessageBoxCritical) -> None:
        """Show ``message`` as an error (an empty one hides the box)."""
        self.error_text.setText(message)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.error_icon.setPixmap(self.style().standardIcon(icon).pixmap(size, size))
        self.error.setVisible(bool(message))

    # -- the preview -------------------------------------------------------------------------

    def _preview_tools(self) -> QHBoxLayout:
        def tool(text: str, tip: str, slot: Callable[[], None],
                 keys: QKeySequence.StandardKey | None = None) -> QToolButton:
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            if keys is not None:
                button.setShortcut(QKeySequence(keys))
            return button

        self.previous_page = tool("◀", self.tr("Previous page"), lambda: self._go(-1))
        self.next_page = tool("▶", self.tr("Next page"), lambda: self._go(1))
        self.page_label = QLabel()
        self.zoom_out = tool("−", self.tr("Zoom out"), lambda: self._zoom(1 / ZOOM_STEP),
                             QKeySequence.StandardKey.ZoomOut)
        self.zoom_in = tool("+", self.tr("Zoom in"), lambda: self._zoom(ZOOM_STEP),
                            QKeySequence.StandardKey.ZoomIn)
        self.fit_width = tool(self.tr("Fit width"), self.tr("Fit the page's width"),
                              lambda: self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.whole_page = tool(self.tr("Whole page"), self.tr("Show the whole page"),
                               lambda: self.preview.setZoomMode(QPdfView.ZoomMode.FitInView))
        navigator = self.preview.pageNavigator()
        navigator.currentPageChanged.connect(self._show_page_number)
        self.document.pageCountChanged.connect(self._show_page_number)
        tools = QHBoxLayout()
        for widget in (self.previous_page, self.page_label, self.next_page):
            tools.addWidget(widget)
        tools.addStretch(1)
        for widget in (self.zoom_out, self.zoom_in, self.fit_width, self.whole_page):
            tools.addWidget(widget)
        tools.addSpacing(12)
        self.send_button = QPushButton(self.tr("Print on paper…"))
        self.send_button.setToolTip(self.tr("Send this file to a printer"))
        self.send_button.clicked.connect(self.send_to_printer)
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        self.open_button.setToolTip(self.tr("Open this file in the computer's PDF viewer"))
        self.open_button.clicked.connect(self.open_in_viewer)
        tools.addWidget(self.send_button)
        tools.addWidget(self.open_button)
        self._show_page_number()
        return tools

    def _go(self, step: int) -> None:
        navigator = self.preview.pageNavigator()
        page = min(max(navigator.currentPage() + step, 0), max(self.document.pageCount() - 1, 0))
        navigator.jump(page, QPointF(), navigator.currentZoom())

    def _zoom(self, factor: float) -> None:
        current = (self.preview.zoomFactor()
                   if self.preview.zoomMode() is QPdfView.ZoomMode.Custom else 1.0)
        self.preview.setZoomMode(QPdfView.ZoomMode.Custom)
        self.preview.setZoomFactor(min(max(current * factor, 0.25), 8.0))

    def _show_page_number(self) -> None:
        pages = self.document.pageCount()
        page = self.preview.pageNavigator().currentPage()
        self.page_label.setText(f"{page + 1} / {pages}" if pages else "")
        shown = self.shown_file() is not None
        self.send_button.setEnabled(shown and self._paper is None)
        self.open_button.setEnabled(shown)
        self.previous_page.setEnabled(page > 0)
        self.next_page.setEnabled(page + 1 < pages)

    def shown_file(self) -> Path | None:
        """The written file in the preview, if any."""
        row = self.file_list.currentIndex().row()
        return self.files[row].path if 0 <= row < len(self.files) else None

    def send_to_printer(self) -> None:
        """Ask for a printer in the system's print dialog and send it the previewed file."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ui.window.system_print import PdfPrintJob

        path = self.shown_file()
        if path is None or self._paper is not None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", path.name))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        job = self._paper = PdfPrintJob(path, printer, self)
        job.progressed.connect(self._paper_progressed)
        job.finished.connect(self._paper_done)
        self.send_button.setEnabled(False)
        job.start()

    def _paper_progressed(self, done: int, total: int) -> None:
        self._say(self.tr("Sending page %1 of %2 to the printer…").replace(
            "%1", str(done)).replace("%2", str(total)))

    def _paper_done(self, pages: int) -> None:
        job = self._paper
        self._paper = None
        if job is not None:
            job.deleteLater()
            if job.error:
                self._show_error(self.tr("%1 could not be sent to the printer.").replace(
                    "%1", job.error))
            else:
                self._say(self.tr("%1: %2 pages sent to the printer.").replace(
                    "%1", job.path.name).replace("%2", str(pages)))
        emit(self.sent_to_printer, pages)
        self._show_page_number()

    def open_in_viewer(self) -> None:
        """Open the previewed file in the computer's PDF viewer."""
        path = self.shown_file()
        if path is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self._show_error(self.tr("No program opens PDF files on this computer: open %1 "
                                     "from its folder.").replace("%1", str(path)))

    def _show_file(self) -> None:
        row = self.file_list.currentIndex().row()
        if 0 <= row < len(self.files):
            self.document.load(str(self.files[row].path))
            self.preview.pageNavigator().jump(0, QPointF(), 0)
            self._show_page_number()

    # -- folder ------------------------------------------------------------------------------

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save in"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text()))

    # -- the window it is in ------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        top = self.window()
        if top is not self and top is not self._top:
            top.installEventFilter(self)  # closing it while a print runs: stop first
            self._top = top
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._task is not None:
            self.stop()  # Esc stops a run, as a progress dialog's Cancel would
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._top and event.type() is QEvent.Type.Close
                and self._task is not None):
            # the window is closing (quit) while a print runs: stop, then close it
            event.ignore()
            self._close_top_when_stopped = True
            self.stop()
            return True
        return super().eventFilter(watched, event)

    def _abandon(self) -> None:
        """The application quits with a run going: stop it and wait for its workers."""
        if self._task is not None:
            self._task.cancel()
            self._task.wait()
