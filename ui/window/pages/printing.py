"""The 打印 area, the one place to print (File → Print and Ctrl+P open it): its form
(ui/window/print_form.py) offers the sheets declared in ui/jobs/sheets.py, prints them in the
background (fresh worker processes), previews them, and sends one to the system printer or
the PDF viewer. What each center has to print is read through the window's operations when
the page first opens and again after every change.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from examdesk.progress import Cancelled, Progress
from examdesk.services.printing import PrintChoices
from ui.jobs.print_run import PrintRequest, Written
from ui.window.pages import Page, PageContext
from ui.window.pages.runs import while_alive
from ui.window.print_form import Printer, PrintForm

if TYPE_CHECKING:
    from examdesk.db import Session
    from examdesk.services.audit import Actor

# Offered until the exam's centers have been read.
NO_CHOICES = PrintChoices("", "", (), ())


class PrintPage(Page):
    """Print the exam-day sheets to PDF files, preview them, send them to a printer."""

    reads_when_made = True

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.form = PrintForm(NO_CHOICES, self._printer(), parent=self)
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
            from ui.jobs.print_run import print_from
            from ui.window.apart import Job, run_apart

            database = operations.database
            assert database is not None
            url = database.url.render_as_string(hide_password=False)
            job = Job(print_from, (url, self.context.actor, request), notes="written")
            result: list[Written] = run_apart(job, progress, cancelled, written)
            return result

        return printer

    def refresh(self, changes: object | None = None) -> None:
        # what each center has to print may have changed: read it again (not while a run
        # goes on, which reads each center itself)
        if self._reading or self.form.is_running() or self.context.operations.database is None:
            return
        self._reading = True
        # the answer may come after the page is gone (the window closed meanwhile)
        actor = self.context.actor
        self.context.operations.read(
            self.tr("Reading the test centers"),
            lambda session, progress, cancelled: _read_choices(session, actor),
            on_success=while_alive(self, self._read),
            on_failure=while_alive(self, self._not_read), quiet=True)

    def select(self, key: Hashable) -> bool:
        """Choose the sheet with this key (``doubtful``: context.navigate("print",
        "doubtful") opens the area on it), or else the test center with this code."""
        index = self.form.sheet.findData(key)
        if index >= 0:
            self.form.sheet.setCurrentIndex(index)
            return True
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


def _read_choices(session: Session, actor: Actor) -> PrintChoices:
    from examdesk.services.exams import resolve_exam
    from examdesk.services.printing import print_choices

    return print_choices(session, resolve_exam(session), actor=actor)
