"""The window's one background helper: a use case on a worker thread in one transaction, a
progress dialog only for long work, Cancel that writes nothing, errors in an error dialog, and
the views told of every change."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from examdesk.errors import PlanProblem
from examdesk.progress import check_cancelled
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.lookup import find_candidate
from examdesk.services.seat_changes import withdraw_candidate
from examdesk.services.stats import collect
from ui.window.background import PROGRESS_DELAY_MS, Operations, ProgressDialog

WHO = "411621196606098081"  # the ID number of the demo's first ticket, 12341010101
TICKET = "12341010101"


@pytest.fixture
def window(examdesk_app, qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _candidates(database) -> int:
    with database.begin() as session:
        return collect(session).candidates


def _withdraw_who(session):
    exam = resolve_exam(session)
    return withdraw_candidate(session, Actor("tester"), exam,
                              find_candidate(session, exam, WHO).one().id)


def _withdraw(session, progress, cancelled):
    return _withdraw_who(session)


def _visible(window, kind) -> list:
    return [widget for widget in window.findChildren(kind) if widget.isVisible()]


def _error_boxes(window) -> list[QMessageBox]:
    return _visible(window, QMessageBox)


def test_quick_work_commits_and_tells_the_views_without_a_dialog(window, qtbot, demo_copy):
    operations = Operations(window, demo_copy)
    changes = []
    operations.changed.connect(changes.append)
    running = operations.write("seat withdraw", "Withdraw", _withdraw)
    with qtbot.waitSignal(running.done):
        pass
    assert running.outcome == "succeeded", running.message
    assert running.dialog is None and not window.findChildren(ProgressDialog)  # no flash
    assert changes == [running.result] and running.result.seats[0].retired == TICKET
    assert _candidates(demo_copy) == 5999  # committed


def test_long_work_shows_progress_after_a_delay_and_cancel_writes_nothing(
        window, qtbot, demo_copy):
    operations = Operations(window, demo_copy)
    changes = []
    operations.changed.connect(changes.append)
    stop = threading.Event()

    def long_work(session, progress, cancelled):
        _withdraw_who(session)
        step = 0
        while not stop.is_set():  # works until the user cancels
            progress(min(step, 9), 10, "正在编排 01 考点")
            check_cancelled(cancelled)
            step += 1
            stop.wait(0.01)

    started = time.monotonic()
    running = operations.write("allocate", "编排座位", long_work)
    assert running.dialog is None
    qtbot.waitUntil(lambda: running.dialog is not None and running.dialog.isVisible())
    assert time.monotonic() - started >= PROGRESS_DELAY_MS / 1000 * 0.9
    dialog = running.dialog
    assert dialog.windowTitle() == "编排座位" and dialog.cancel_button.text() == "取消"
    qtbot.waitUntil(lambda: dialog.bar.maximum() == 10 and dialog.bar.value() >= 1)
    assert dialog.label.text() == "正在编排 01 考点"

    with qtbot.waitSignal(running.done, timeout=10_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    stop.set()
    assert running.outcome == "cancelled"
    assert running.dialog is None and not _visible(window, ProgressDialog)
    assert not _error_boxes(window)  # a cancel is not an error
    assert changes == []
    assert _candidates(demo_copy) == 6000  # the withdrawal was rolled back


def test_escape_on_the_progress_dialog_cancels_too(window, qtbot, demo_copy):
    operations = Operations(window, demo_copy, delay_ms=50)

    def until_cancelled(session, progress, cancelled):
        gate = threading.Event()
        while True:
            check_cancelled(cancelled)
            gate.wait(0.01)

    running = operations.read("Check", until_cancelled)
    qtbot.waitUntil(lambda: running.dialog is not None and running.dialog.isVisible())
    with qtbot.waitSignal(running.done, timeout=10_000):
        qtbot.keyClick(running.dialog, Qt.Key.Key_Escape)
    assert running.outcome == "cancelled"


def test_a_refusal_is_shown_as_an_error_dialog_with_the_core_message(
        window, qtbot, demo_copy):
    operations = Operations(window, demo_copy)
    changes = []
    operations.changed.connect(changes.append)

    def refused(session, progress, cancelled):
        raise PlanProblem("01 考点的 01001 考场已锁定，不能改动。")

    running = operations.write("seat move", "调整座位", refused)
    with qtbot.waitSignal(running.done):
        pass
    (box,) = _error_boxes(window)
    assert box.icon() == QMessageBox.Icon.Critical and box.windowTitle() == "调整座位"
    assert box.text() == "01 考点的 01001 考场已锁定，不能改动。"
    assert running.outcome == "failed" and changes == []
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _error_boxes(window))


def test_a_bug_is_an_error_dialog_not_a_traceback(window, qtbot, demo_db, capsys):
    operations = Operations(window, demo_db)

    def broken(session, progress, cancelled):
        return {}["missing"]

    running = operations.read("Counts", broken)
    with qtbot.waitSignal(running.done):
        pass
    (box,) = _error_boxes(window)
    assert box.text().startswith("内部错误") and "KeyError" in box.text()
    assert "Traceback" not in box.text()
    assert "Traceback" in capsys.readouterr().err  # kept for the report


def test_quiet_work_shows_neither_progress_nor_errors(window, qtbot, demo_db):
    operations = Operations(window, demo_db, delay_ms=0)
    failures = []

    def broken(session, progress, cancelled):
        raise PlanProblem("nothing to see")

    running = operations.read("Poll", broken, quiet=True, on_failure=failures.append)
    with qtbot.waitSignal(running.done):
        pass
    assert failures == ["nothing to see"]
    assert running.dialog is None and not _error_boxes(window)


def test_closing_the_window_cancels_and_waits(window, qtbot, demo_copy):
    operations = Operations(window, demo_copy, delay_ms=60_000)

    def until_cancelled(session, progress, cancelled):
        _withdraw_who(session)
        gate = threading.Event()
        while True:
            check_cancelled(cancelled)
            gate.wait(0.01)

    running = operations.write("allocate", "Allocate", until_cancelled)
    operations.shutdown()
    assert running.task.isFinished()
    assert _candidates(demo_copy) == 6000


def test_thousands_of_progress_reports_do_not_bring_the_window_down():
    # PySide6 6.12.0's emit loses a reference to True each time: a few hundred progress
    # reports aborted the process (ui/window/signals.py); a print run makes thousands
    code = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
from ui.window.background import Operations

app = QApplication([])
window = QWidget()
operations = Operations(window)

def work(progress, cancelled):
    for step in range(5000):
        progress(step, 5000, "page")
        cancelled()
    return "printed"

running = operations.run("Print", work)
running.done.connect(app.quit)
app.exec()
print(running.outcome, running.result)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=False,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.split() == ["succeeded", "printed"]
