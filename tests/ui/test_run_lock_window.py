"""Another clerk's long run, seen from the window: the status bar says who runs what for which
test center since when, and a form's Save waits with that in its progress dialog (not a
frozen window), then saves once the run's process is gone (killed with SIGKILL)."""

from __future__ import annotations

import os
import signal
import sys

import pytest
from PySide6.QtCore import Qt

from examdesk.db import open_database
from examdesk.db.locks import run_purpose
from examdesk.model import Staff
from tests.core.test_run_lock import start_holder
from tests.ui.test_list_edits import type_into
from tests.ui.test_list_pages import open_page, wait_idle
from tests.ui.test_main_window import shown_window
from ui.window.pages.staff import StaffPage

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
SHOTS = os.environ.get("EXAMDESK_SHOTS")


def test_the_window_shows_another_clerks_run_and_a_save_waits_for_it(
        examdesk_app, qtbot, demo_copy_url, settings) -> None:
    mine = open_database(demo_copy_url)
    child = start_holder(demo_copy_url, run_purpose("allocate", "02"), "张三")
    try:
        window = shown_window(qtbot, mine, settings, poll_ms=100)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        label = window.lock_label
        qtbot.waitUntil(label.isVisible, timeout=20_000)
        assert label.text().startswith("张三正在为考点 02 分配座位（自 ")
        if SHOTS:
            for width in (1366, 1024):
                window.resize(width, 768)
                window.grab().save(f"{SHOTS}/run-lock-status-{width}.png")
        page = open_page(StaffPage, mine, settings, qtbot)
        person = page.table.model.shown()[0]
        page.select(person.staff_id)
        qtbot.waitUntil(lambda: page.form.isEnabled(), timeout=20_000)
        type_into(qtbot, page, "phone", "13855556666")
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

        def dialog_waits() -> bool:
            return any(r.dialog is not None
                       and "张三正在为考点 02 分配座位" in r.dialog.label.text()
                       for r in page.context.operations.running())

        qtbot.waitUntil(dialog_waits, timeout=20_000)
        if SHOTS:
            dialog = next(r.dialog for r in page.context.operations.running() if r.dialog)
            dialog.grab().save(f"{SHOTS}/run-lock-waiting.png")
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        assert child.stdout is not None
        child.stdout.close()
    qtbot.waitUntil(lambda: page.form.saved_label.text() == "已保存。", timeout=30_000)
    wait_idle(page, qtbot)
    with mine.begin() as session:
        assert session.get(Staff, person.staff_id).phone == "13855556666"
    window.activateWindow()  # (it polls while the clerk looks at it)
    qtbot.waitUntil(lambda: not label.isVisible(), timeout=20_000)
    window.close()
    mine.close()
