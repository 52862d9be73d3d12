"""Run the window's use cases off the UI thread (docs/architecture.md, "One background helper").

A use case is a plain function of the core (or of ``ui/jobs``) taking ``progress`` and
``cancelled`` callables (examdesk/progress.py). :class:`Task` runs one on a QThread and delivers
progress, the result or the failure as signals, which Qt queues to the UI thread; the window
never blocks and never calls processEvents().

:class:`Operations` is what the window's pages use: it runs a use case in one transaction
(:meth:`Operations.write`, :meth:`Operations.read`) or as the use case manages them
(:meth:`Operations.run`), shows a progress dialog with a Cancel button only once the work has
taken :data:`PROGRESS_DELAY_MS` (quick work never flashes a dialog), shows a failure as an error
dialog with the message the core's error carries, and announces a successful change with
:attr:`Operations.changed`, so that every view refreshes. A heavy run goes through
:meth:`Operations.write_apart`: the same, with the run in a process of its own
(ui/window/apart.py), so that the window's process only waits for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from examdesk.errors import ExamDeskError
from examdesk.progress import Cancelled, OperationCancelled, Progress
from ui.jobs.bugs import described_bug
from ui.window.apart import Job, run_apart
from ui.window.signals import emit

if TYPE_CHECKING:
    from examdesk.db import Database, Session

T = TypeVar("T")
Operation = Callable[[Progress, Cancelled], Any]
# A use case in one transaction: ``work(session, progress, cancelled)``.
SessionWork = Callable[["Session", Progress, Cancelled], T]

# How long work runs before its progress dialog appears (ms): long enough that quick work
# (a count, one seat change) never flashes a dialog, short enough that a click is answered.
PROGRESS_DELAY_MS = 500


class Task(QThread):
    """One operation on its own thread.

    Signals:
        progressed(done, total, message): from the operation's progress callback.
        succeeded(result): the operation returned ``result``.
        failed(message): it raised; ``message`` is for the user (a bug is reported as one).
        cancelled_by_user(): it stopped because :meth:`cancel` was called.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled_by_user = Signal()

    def __init__(self, operation: Operation, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._operation = operation
        self._cancel = False

    def cancel(self) -> None:
        """Ask the operation to stop at its next check."""
        self._cancel = True

    def _progress(self, done: int, total: int, message: str) -> None:
        emit(self.progressed, done, total, message)

    def run(self) -> None:  # on the task's thread
        try:
            result = self._operation(self._progress, lambda: self._cancel)
        except OperationCancelled:
            emit(self.cancelled_by_user)
        except ExamDeskError as error:
            emit(self.failed, str(error))
        except Exception as error:  # a bug: the details go to stderr for the report
            kind, _, what = described_bug(error).partition(": ")  # no SQL values: ui/jobs/bugs.py
            emit(self.failed, self.tr("Internal error ({kind}: {error}); please report it.")
                 .replace("{kind}", kind).replace("{error}", what))
        else:
            emit(self.succeeded, result)


class ProgressDialog(QDialog):
    """What a long operation shows: what it does, how far it is, and a Cancel button.

    Window-modal: the window waits for the operation, but stays painted and movable.
    Closing it (Esc, the title bar) asks to cancel, as the button does.
    """

    cancel_requested = Signal()

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(title)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the work says how much there is
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.request_cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 50)

    def show_progress(self, done: int, total: int, message: str) -> None:
        """Show ``done`` of ``total`` (0: unknown) and what is being done."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)
        if message and self.cancel_button.isEnabled():
            self.label.setText(message)

    def request_cancel(self) -> None:
        """Ask the work to stop; it stops at its next safe point, writing nothing."""
        if self.cancel_button.isEnabled():
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Stopping…"))
            emit(self.cancel_requested)

    def reject(self) -> None:  # Esc: cancel, but stay until the work has stopped
        self.request_cancel()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.request_cancel()


class Running(QObject, Generic[T]):
    """One operation started by :class:`Operations`: its task, and its dialog once shown.

    Signals:
        done(): the operation ended, whichever way (after its callbacks ran).
    """

    done = Signal()

    def __init__(self, title: str, work: Operation, parent_widget: QWidget | None,
                 delay_ms: int, quiet: bool) -> None:
        super().__init__()
        self.title = title
        self.dialog: ProgressDialog | None = None
        #: How it ended: "succeeded", "failed", "cancelled" (empty while it runs).
        self.outcome = ""
        self.message = ""
        self.result: T | None = None
        self._parent_widget = parent_widget
        self._last_progress: tuple[int, int, str] = (0, 0, "")
        self.task = Task(work)
        self.task.progressed.connect(self._progressed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        if not quiet:
            self._timer.timeout.connect(self._show_dialog)

    def start(self) -> None:
        self._timer.start()
        self.task.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next safe point (its transaction rolls back)."""
        self.task.cancel()

    def is_running(self) -> bool:
        return not self.outcome

    def _show_dialog(self) -> None:
        if self.outcome or self.dialog is not None:
            return
        self.dialog = ProgressDialog(self.title, self._parent_widget)
        self.dialog.cancel_requested.connect(self.cancel)
        self.dialog.show_progress(*self._last_progress)
        self.dialog.show()

    def _progressed(self, done: int, total: int, message: str) -> None:
        self._last_progress = (done, total, message)
        if self.dialog is not None:
            self.dialog.show_progress(done, total, message)

    def close_dialog(self) -> None:
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None


class Operations(QObject):
    """Runs the window's use cases in the background; one per window, handed to its pages.

    Signals:
        changed(result): a writing operation succeeded (its result, for views that refresh
            only what changed), or another clerk changed the database (``None``). Views
            connect to it rather than to each other.
    """

    changed = Signal(object)

    def __init__(self, parent_widget: QWidget | None = None,
                 database: Database | None = None,
                 delay_ms: int = PROGRESS_DELAY_MS) -> None:
        super().__init__(parent_widget)
        self.database = database
        self._parent_widget = parent_widget
        self._delay_ms = delay_ms
        self._running: list[Running[Any]] = []

    def write(self, purpose: str, title: str, work: SessionWork[T], *,
              on_success: Callable[[T], None] | None = None,
              on_failure: Callable[[str], None] | None = None) -> Running[T]:
        """Run ``work`` in one writing transaction (``Database.write(purpose)``): committed
        when it returns, rolled back when it fails or is cancelled; :attr:`changed` follows
        its success."""
        database = self._database()

        def in_transaction(progress: Progress, cancelled: Cancelled) -> T:
            from examdesk.db.locks import waiting_message

            # waiting for another clerk's run says so in the progress dialog
            with database.write(purpose, waiting=lambda holder: progress(
                    0, 0, waiting_message(holder)), cancelled=cancelled) as session:
                return work(session, progress, cancelled)

        return self.run(title, in_transaction, on_success=on_success, on_failure=on_failure,
                        changes=True)

    def write_apart(self, purpose: str, title: str, run: Callable[..., T], *,
                    on_success: Callable[[T], None] | None = None,
                    on_failure: Callable[[str], None] | None = None,
                    **options: Any) -> Running[T]:
        """As :meth:`write`, in a process of its own (ui/window/apart.py): for a heavy run
        (seating, the roster), which on a worker thread would keep the window waiting.

        ``run(session, progress=..., cancelled=..., **options)`` must be module-level (e.g.
        of ui/jobs/runs.py), and ``options`` must pickle: pass the clerk's actor among them.
        Progress, Cancel, the error dialog and :attr:`changed` are as for :meth:`write`.
        """
        from ui.jobs.runs import in_transaction

        url = self._database().url.render_as_string(hide_password=False)
        return self.apart(title, Job(in_transaction, (url, purpose, run), options),
                          on_success=on_success, on_failure=on_failure, changes=True)

    def apart(self, title: str, job: Job, *,
              on_success: Callable[[Any], None] | None = None,
              on_failure: Callable[[str], None] | None = None,
              changes: bool = False,
              note: Callable[[Any], None] | None = None) -> Running[Any]:
        """As :meth:`run`, with ``job`` in a process of its own that the worker thread waits
        for; ``note`` is given what the job tells as it goes (see :class:`Job`)."""
        return self.run(title, lambda progress, cancelled: run_apart(job, progress, cancelled,
                                                                     note),
                        on_success=on_success, on_failure=on_failure, changes=changes)

    def read(self, title: str, work: SessionWork[T], *,
             on_success: Callable[[T], None] | None = None,
             on_failure: Callable[[str], None] | None = None,
             quiet: bool = False) -> Running[T]:
        """Run ``work`` on one consistent snapshot (``Database.begin()``)."""
        database = self._database()

        def in_snapshot(progress: Progress, cancelled: Cancelled) -> T:
            with database.begin() as session:
                return work(session, progress, cancelled)

        return self.run(title, in_snapshot, on_success=on_success, on_failure=on_failure,
                        quiet=quiet)

    def run(self, title: str, work: Callable[[Progress, Cancelled], T], *,
            on_success: Callable[[T], None] | None = None,
            on_failure: Callable[[str], None] | None = None,
            changes: bool = False, quiet: bool = False) -> Running[T]:
        """Run ``work(progress, cancelled)`` on a worker thread.

        Args:
            title: what the work does, for its progress dialog and its error dialog.
            work: the use case; it opens its own transactions (e.g. the print run, which reads
                each center in a snapshot of its own).
            on_success: given the result, on the UI thread.
            on_failure: given the message instead of the error dialog.
            changes: whether success changed the database (then :attr:`changed` follows).
            quiet: no progress dialog and no error dialog (a background poll).

        Returns:
            The running operation (to cancel it, or for a test to watch it).
        """
        running: Running[T] = Running(title, work, self._parent_widget, self._delay_ms, quiet)

        def succeeded(result: T) -> None:
            running.result = result
            running.outcome = "succeeded"
            running.close_dialog()
            if on_success is not None:
                on_success(result)
            if changes:
                emit(self.changed, result)

        def failed(message: str) -> None:
            running.outcome = "failed"
            running.message = message
            running.close_dialog()
            if on_failure is not None:
                on_failure(message)
            elif not quiet:
                self.show_error(title, message)

        def cancelled() -> None:
            running.outcome = "cancelled"
            running.close_dialog()

        def finished() -> None:
            if running in self._running:
                self._running.remove(running)
            running.task.deleteLater()
            emit(running.done)

        running.task.succeeded.connect(succeeded)
        running.task.failed.connect(failed)
        running.task.cancelled_by_user.connect(cancelled)
        running.task.finished.connect(finished)
        self._running.append(running)
        running.start()
        return running

    def show_error(self, title: str, message: str) -> QMessageBox:
        """An error dialog over the window saying ``message`` (not a status line)."""
        box = QMessageBox(QMessageBox.Icon.Critical, title, message,
                          QMessageBox.StandardButton.Ok, self._parent_widget)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def running(self) -> list[Running[Any]]:
        """The operations not finished yet."""
        return list(self._running)

    def shutdown(self) -> None:
        """Cancel every operation and wait until each has stopped (the window closes)."""
        for running in list(self._running):
            running.cancel()
        for running in list(self._running):
            running.task.wait()

    def _database(self) -> Database:
        if self.database is None:
            raise RuntimeError("no database is open")
        return self.database
