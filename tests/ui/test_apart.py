"""Heavy runs in a process of their own (ui/window/apart.py): the window's process only
waits, and the clerk sees what a run on a thread showed: its progress, Cancel writing nothing,
the core's refusal in the same error dialog, in Chinese, and no process left behind when the
window closes mid-run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox

from examdesk.errors import PlanProblem
from examdesk.progress import never_cancelled, no_progress
from examdesk.services.audit import Actor
from examdesk.services.lookup import NotFound
from examdesk.services.stats import collect
from tests.ui import apart_jobs
from ui.jobs import runs
from ui.window.apart import Job, run_apart
from ui.window.background import Operations, ProgressDialog
from ui.window.pages import PageContext
from ui.window.pages.runs import Runner

ROOT = Path(__file__).resolve().parents[2]


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


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def _error_boxes(window) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def _refusal(database, **options) -> NotFound:
    """The core's refusal of a run, as it is raised in this process."""
    try:
        with database.write("test") as session:
            runs.allocate(session, Actor("tester"), **options)
    except NotFound as error:
        return error
    raise AssertionError("the run was not refused")


def test_a_job_apart_tells_as_it_goes_and_returns_its_result():
    told: list[int] = []
    job = Job(apart_jobs.tell, (3,), notes="told")
    assert run_apart(job, no_progress, never_cancelled, told.append) == [0, 1, 2]
    assert told == [0, 1, 2]


def test_an_error_apart_arrives_whole_with_its_code_and_fields(demo_copy):
    expected = _refusal(demo_copy, center="99")
    url = demo_copy.url.render_as_string(hide_password=False)
    job = Job(runs.in_transaction, (url, "allocate", runs.allocate),
              {"actor": Actor("tester"), "center": "99"})
    with pytest.raises(NotFound) as raised:
        run_apart(job, no_progress, never_cancelled)
    assert str(raised.value) == str(expected)
    assert raised.value.code == expected.code == "center-not-found"
    assert raised.value.fields == expected.fields
    with pytest.raises(PlanProblem) as refused:
        run_apart(Job(apart_jobs.refuse, kwargs={"code": "room-locked"}), no_progress,
                  never_cancelled)
    assert refused.value.code == "room-locked" and refused.value.fields == {"room": "01001"}


def test_a_run_apart_shows_its_progress_and_cancel_writes_nothing(window, qtbot, demo_copy):
    operations = Operations(window, demo_copy, delay_ms=0)
    changes: list[object] = []
    operations.changed.connect(changes.append)
    running = operations.write_apart("allocate", "编排座位", apart_jobs.withdraw_then_work,
                                     actor=Actor("tester"))
    qtbot.waitUntil(lambda: running.dialog is not None
                    and running.dialog.label.text().startswith("正在编排 01 考点"),
                    timeout=60_000)
    dialog = running.dialog
    assert dialog.windowTitle() == "编排座位" and dialog.cancel_button.text() == "取消"
    assert (dialog.bar.value(), dialog.bar.maximum()) == (3, 10)
    child = int(dialog.label.text().split()[-1])
    assert child != os.getpid()  # the run works in a process of its own

    with qtbot.waitSignal(running.done, timeout=60_000):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert running.outcome == "cancelled"
    assert not [d for d in window.findChildren(ProgressDialog) if d.isVisible()]
    assert not _error_boxes(window) and changes == []
    assert _candidates(demo_copy) == 6000  # its withdrawal was rolled back
    assert _gone(child)


def test_a_refused_run_apart_shows_the_cores_words_in_the_error_dialog(
        window, qtbot, settings, demo_copy):
    expected = str(_refusal(demo_copy, center="99"))
    assert "没有编号为 99 的考点" in expected
    operations = Operations(window, demo_copy)
    changes: list[object] = []
    operations.changed.connect(changes.append)
    runner = Runner(PageContext(operations, settings, lambda _area, _key: None))
    running = runner.allocate(None, "99", False)
    with qtbot.waitSignal(running.done, timeout=60_000):
        pass
    (box,) = _error_boxes(window)
    assert box.icon() == QMessageBox.Icon.Critical and box.windowTitle() == "分配座位"
    assert box.text() == expected
    assert running.outcome == "failed" and changes == []


QUIT_DURING_A_RUN = """
import sys
from PySide6.QtCore import QSettings, QTimer
from examdesk.db import open_database
from examdesk.services.audit import Actor
from tests.ui import apart_jobs
from ui.window.app import create_application, create_main_window

app = create_application(language="zh_CN")
database = open_database(sys.argv[1])
window = create_main_window(database, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()

def start():
    running = window.operations.write_apart("allocate", "编排座位",
                                            apart_jobs.withdraw_then_work,
                                            actor=Actor("tester"))
    def progressed(done, total, message):
        if window.isVisible():  # the run works: the clerk quits
            print(message.split()[-1], flush=True)
            window.close()
    running.task.progressed.connect(progressed)

QTimer.singleShot(0, start)
app.exec()
database.close()
print("closed", flush=True)
"""


@pytest.mark.slow
def test_quitting_during_a_run_apart_stops_its_process_and_writes_nothing(
        demo_copy_url, tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", QUIT_DURING_A_RUN, demo_copy_url, str(tmp_path / "s.ini")],
        capture_output=True, text=True, timeout=300, check=False, cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    child, closed = result.stdout.split()
    assert closed == "closed" and _gone(int(child))
    from examdesk.db import open_database

    database = open_database(demo_copy_url)
    try:
        assert _candidates(database) == 6000
    finally:
        database.close()
