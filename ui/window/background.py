"""Run one long operation off the UI thread (docs/architecture.md, "One background helper").

The operation is a plain function of the core taking ``progress`` and ``cancelled`` callables;
:class:`Task` runs it on a QThread and delivers progress, the result or the failure as signals,
which Qt queues to the UI thread. The window never blocks and never calls processEvents().
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from examdesk.errors import ExamDeskError
from examdesk.progress import Cancelled, OperationCancelled, Progress

Operation = Callable[[Progress, Cancelled], Any]


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

    def run(self) -> None:  # on the task's thread
        try:
            result = self._operation(self.progressed.emit, lambda: self._cancel)
        except OperationCancelled:
            self.cancelled_by_user.emit()
        except ExamDeskError as error:
            self.failed.emit(str(error))
        except Exception as error:  # a bug: keep the details for the report
            traceback.print_exc()
            self.failed.emit(self.tr("Internal error ({kind}: {error}); please report it.")
                             .replace("{kind}", type(error).__name__)
                             .replace("{error}", str(error)))
        else:
            self.succeeded.emit(result)
