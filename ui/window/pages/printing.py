"""The 打印 area: the print window's form, run, preview, printer and viewer, as a page.

The page hosts the print window's widget (ui/window/print_dialog.py) without its frame: the
same sheets (declared in ui/jobs/sheets.py), the same print run in the background (fresh
worker processes), the same preview, and from the preview the system printer and the PDF
viewer. What each center has to print is read through the window's operations when the page
first opens and again after every change.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from examdesk.progress import Cancelled, Progress
from examdesk.services.printing import PrintChoices
from ui.jobs.print_run import PrintRequest, Written
from ui.window.pages import Page, PageContext
from ui.window.print_dialog import PrintDialog, Printer

if TYPE_CHECKING:
    from examdesk.db import Session

# Offered until the exam's centers have been read.
NO_CHOICES = PrintChoices("", "", (), ())


class EmbeddedPrintDialog(PrintDialog):
    """The print window's widget inside a page: Esc stops a run but hides nothing, the
    page's size is not kept as the print window's, and closing the window while a run goes on
    stops the run first and closes the window once it has stopped (its thread must not outlive
    the window)."""

    def __init__(self, printer: Printer, parent: QWidget | None = None) -> None:
        super().__init__(NO_CHOICES, printer, parent=None)
        self.setWindowFlags(Qt.WindowType.Widget)
        if parent is not None:
            self.setParent(parent)
        self._top: QWidget | None = None
        self._close_top_when_stopped = False

    def reject(self) -> None:
        self.stop()

    def hideEvent(self, event: QHideEvent) -> None:
        QWidget.hideEvent(self, event)

    def showEvent(self, event: QShowEvent) -> None:
        top = self.window()
        if top is not self and top is not self._top:
            top.installEventFilter(self)
            self._top = top
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._top and event.type() is QEvent.Type.Close
                and self.is_running()):
            event.ignore()
            self._close_top_when_stopped = True
            self.stop()
            return True
        return super().eventFilter(watched, event)

    def _finished(self) -> None:
        super()._finished()
        if self._close_top_when_stopped and self._top is not None:
            self._close_top_when_stopped = False
            self._top.close()


class PrintPage(Page):
    """Print the exam-day sheets to PDF files, preview them, send them to a printer."""

    reads_when_made = True

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.form = EmbeddedPrintDialog(self._printer(), self)
        self.no_exam = QLabel()
        self.no_exam.setWordWrap(True)
        self.no_exam.setContentsMargins(12, 12, 12, 12)
        self.no_exam.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.no_exam.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.no_exam, 1)
        layout.addWidget(self.form, 1)
        self._reading = False
        self.loaded = False  # the exam's centers have been read at least once
        self.refresh()

    def _printer(self) -> Printer:
        operations = self.context.operations

        def printer(request: PrintRequest, progress: Progress, cancelled: Cancelled,
                    written: Callable[[Written], None]) -> list[Written]:
            # in a process of its own (reading, rendering, merging): the window never waits
            from examdesk.services.audit import Actor
            from ui.jobs.print_run import print_from
            from ui.window.apart import Job, run_apart

            database = operations.database
            assert database is not None
            url = database.url.render_as_string(hide_password=False)
            job = Job(print_from, (url, Actor.from_environment(), request), notes="written")
            result: list[Written] = run_apart(job, progress, cancelled, written)
            return result

        return printer

    def refresh(self, changes: object | None = None) -> None:
        # what each center has to print may have changed: read it again (not while a run
        # goes on, which reads each center itself)
        if self._reading or self.form.is_running() or self.context.operations.database is None:
            return
        self._reading = True
        self.context.operations.read(
            self.tr("Reading the test centers"), _read_choices, on_success=self._read,
            on_failure=self._not_read, quiet=True)

    def select(self, key: Hashable) -> bool:
        """Choose the test center with this code."""
        index = self.form.center.findData(key)
        if index < 0:
            return False
        self.form.center.setCurrentIndex(index)
        return True

    def is_running(self) -> bool:
        """Whether a print run goes on."""
        return self.form.is_running()

    def _read(self, choices: PrintChoices) -> None:
        self._reading = False
        self.loaded = True
        self.no_exam.setVisible(False)
        self.form.setVisible(True)
        self.form.set_choices(choices)

    def _not_read(self, message: str) -> None:
        self._reading = False
        self.loaded = True
        self.no_exam.setText(message)
        self.no_exam.setVisible(True)
        self.form.setVisible(False)  # nothing it offers can be printed


def _read_choices(session: Session, _progress: Progress, _cancelled: Cancelled
                  ) -> PrintChoices:
    from examdesk.services.exams import resolve_exam
    from examdesk.services.printing import print_choices

    return print_choices(session, resolve_exam(session))
