"""岗位物资: the posts and duties tables, the draw for a session the center holds, staffing
the posts, and an export."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from examdesk.services.exams import resolve_exam
from examdesk.services.post_schedule import held_sessions
from examdesk.services.rows.choices import filter_choices
from ui.window.background import Operations
from ui.window.pages import PageContext

SHOTS = os.environ.get("EXAMDESK_SHOTS")


def make_page(qtbot, settings, database):
    from ui.window.pages.posts import PostsPage

    window = QMainWindow()
    qtbot.addWidget(window)
    operations = Operations(window, database)
    calls: list[tuple[str, object]] = []
    page = PostsPage(PageContext(operations, settings, lambda a, k: calls.append((a, k))))
    operations.changed.connect(page.refresh)  # as the main window does
    window.setCentralWidget(page)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(page.duties.model.modelReset, timeout=60_000):
        page.refresh()
    return window, page, calls


def _held(database) -> tuple[str, set[str], set[str]]:
    """A center's code, the session codes it holds, and every session's code."""
    with database.begin() as session:
        exam = resolve_exam(session)
        choices = filter_choices(session, exam)
        held = held_sessions(session, exam)
        center = choices.centers[0]
        codes = {s.id: s.code for s in choices.sessions}
        return center.code, {codes[s] for s in held[center.id]}, set(codes.values())


def test_a_draw_for_a_session_the_center_holds(examdesk_app, qtbot, settings, demo_copy,
                                               qtmodeltester):
    window, page, calls = make_page(qtbot, settings, demo_copy)
    qtmodeltester.check(page.posts.model)
    qtmodeltester.check(page.duties.model)
    assert page.posts.model.total > 0 and page.duties.model.total > 0
    assert not page.draw_button.isEnabled()  # no center chosen
    center, held, every = _held(demo_copy)
    page.center_box.setCurrentIndex(page.center_box.findData(center))
    offered = {page.session_box.itemData(i) for i in range(page.session_box.count())}
    assert offered == held and offered <= every
    assert page.draw_button.isEnabled()
    page.host_edit.setFocus()
    event = QInputMethodEvent()  # Chinese comes from an input method
    event.setCommitString("王主考")
    QApplication.sendEvent(page.host_edit, event)
    with qtbot.waitSignal(page.runner.finished, timeout=60_000):
        qtbot.mouseClick(page.draw_button, Qt.MouseButton.LeftButton)
    text = page.result.summary.text()
    assert "主持人 王主考" in text and center in text
    if SHOTS:
        window.grab().save(f"{SHOTS}/posts_drawn.png")
    # a double-click on a duty opens its staff member
    page.tabs.setCurrentWidget(page.duties)
    view = page.duties.view
    rect = view.visualRect(page.duties.model.index(0, 5))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert set(calls) == {("staff", page.duties.model.row_at(0).staff_id)}
    if SHOTS:
        window.grab().save(f"{SHOTS}/posts_duties.png")
    qtbot.waitUntil(lambda: not page.context.operations.running())


def test_staffing_the_posts_and_exporting_them(examdesk_app, qtbot, settings, demo_copy,
                                               tmp_path):
    _window, page, _ = make_page(qtbot, settings, demo_copy)
    with qtbot.waitSignal(page.posts.model.modelReset, timeout=60_000):
        qtbot.mouseClick(page.posts_button, Qt.MouseButton.LeftButton)
    assert "岗位人员已安排" in page.result.summary.text()
    running = page.export("supplies", str(tmp_path / "物资.xlsx"))
    with qtbot.waitSignal(running.done, timeout=60_000):
        pass
    assert running.outcome == "succeeded", running.message
    assert (tmp_path / "物资.xlsx").exists()
    qtbot.waitUntil(lambda: not page.context.operations.running())


def test_making_the_roster_of_one_center(examdesk_app, qtbot, settings, demo_copy):
    _window, page, _ = make_page(qtbot, settings, demo_copy)
    page.center_box.setCurrentIndex(page.center_box.findData("01"))
    qtbot.keyClicks(page.seed_edit, "5")
    with qtbot.waitSignal(page.runner.finished, timeout=300_000) as ran:
        qtbot.mouseClick(page.roster_button, Qt.MouseButton.LeftButton)
    summary = ran.args[0].summary
    assert "种子 5" in summary and "已安排" in summary
    qtbot.waitUntil(lambda: not page.context.operations.running())
