"""编排: seating the candidates in the background (progress, Cancel writing nothing), the
plan's problems from 检查, a double-click on a problem opening its room."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMainWindow

from examdesk.db import open_database
from examdesk.services.stats import collect
from ui.window.background import Operations, ProgressDialog
from ui.window.pages import PageContext

SHOTS = os.environ.get("EXAMDESK_SHOTS")


class Navigation:
    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def __call__(self, area: str, key: object) -> None:
        self.calls.append((area, key))


def make_page(qtbot, settings, database, delay_ms=500):
    from ui.window.pages.plan import PlanPage

    window = QMainWindow()
    qtbot.addWidget(window)
    operations = Operations(window, database, delay_ms=delay_ms)
    navigation = Navigation()
    page = PlanPage(PageContext(operations, settings, navigation))
    operations.changed.connect(page.refresh)  # as the main window does
    window.setCentralWidget(page)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window, page, navigation


def _load(qtbot, page) -> None:
    with qtbot.waitSignal(page.problems.model.modelReset, timeout=60_000):
        page.refresh()


def _seated(database) -> int:
    with database.begin() as session:
        return collect(session).seated_candidates


def _finish(qtbot, page, running) -> None:
    with qtbot.waitSignal(running.done, timeout=120_000):
        pass


@pytest.mark.slow
def test_allocation_on_an_exam_with_nothing_allocated_shows_progress_and_a_summary(
        examdesk_app, qtbot, settings, own_exam_copy_url, monkeypatch, tmp_path):
    from tests.ui import apart_jobs
    from ui.jobs import runs

    # the run works in a process of its own: its first report waits there until the dialog
    # has shown it (tests/ui/apart_jobs.py)
    gate = tmp_path / "seen"
    monkeypatch.setenv("EXAMDESK_TEST_GATE", str(gate))
    monkeypatch.setattr(runs, "allocate", apart_jobs.allocate_held)
    database = open_database(own_exam_copy_url)
    try:
        window, page, _ = make_page(qtbot, settings, database, delay_ms=0)
        _load(qtbot, page)
        assert page.seats.model.total == 0
        page.seed_edit.setFocus()
        qtbot.keyClicks(page.seed_edit, "7")
        qtbot.mouseClick(page.allocate_button, Qt.MouseButton.LeftButton)
        running = page.context.operations.running()[-1]
        qtbot.waitUntil(lambda: running.dialog is not None
                        and running.dialog.label.text() != running.title, timeout=60_000)
        assert running.dialog.isVisible()
        gate.touch()
        with qtbot.waitSignal(page.seats.model.modelReset, timeout=120_000):
            _finish(qtbot, page, running)
        assert running.outcome == "succeeded", running.message
        assert "种子 7" in page.result.summary.text()
        assert page.seats.model.total == _seated(database) > 0
        if SHOTS:
            window.grab().save(f"{SHOTS}/plan_allocated.png")
        qtbot.waitUntil(lambda: not page.context.operations.running())
    finally:
        database.close()


@pytest.mark.slow
def test_a_cancelled_allocation_writes_nothing(examdesk_app, qtbot, settings,
                                               own_exam_copy_url, monkeypatch, tmp_path):
    from tests.ui import apart_jobs
    from ui.jobs import runs

    # held at its first report until the clerk cancels it (tests/ui/apart_jobs.py)
    monkeypatch.setenv("EXAMDESK_TEST_GATE", str(tmp_path / "never"))
    monkeypatch.setattr(runs, "allocate", apart_jobs.allocate_held)
    database = open_database(own_exam_copy_url)
    try:
        _window, page, _ = make_page(qtbot, settings, database, delay_ms=0)
        _load(qtbot, page)  # nobody seated: nothing to ask
        qtbot.mouseClick(page.allocate_button, Qt.MouseButton.LeftButton)
        running = page.context.operations.running()[-1]
        qtbot.waitUntil(lambda: running.dialog is not None
                        and running.dialog.label.text() != running.title, timeout=60_000)
        dialog = running.dialog
        assert isinstance(dialog, ProgressDialog)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        _finish(qtbot, page, running)
        assert running.outcome == "cancelled"
        assert _seated(database) == 0
        assert not page.result.isVisible()
        qtbot.waitUntil(lambda: not page.context.operations.running())
    finally:
        database.close()


def _break_the_plan(database) -> int:
    """Unseat the first candidate and drop a room's lead invigilator; the candidate's id."""
    from sqlalchemy import delete, select

    from examdesk.model import Duty, SeatAssignment

    with database.write("test") as session:
        seat = session.scalars(select(SeatAssignment).order_by(SeatAssignment.ticket_no)).first()
        session.execute(delete(SeatAssignment)
                        .where(SeatAssignment.candidate_id == seat.candidate_id))
        lead = session.scalars(select(Duty).where(Duty.is_lead).order_by(Duty.id)).first()
        session.execute(delete(Duty).where(Duty.id == lead.id))
        return seat.candidate_id


def test_check_shows_the_plans_problems_a_double_click_opens_the_room_and_a_remedy_runs(
        examdesk_app, qtbot, settings, demo_copy, qtmodeltester):
    unseated = _break_the_plan(demo_copy)
    window, page, navigation = make_page(qtbot, settings, demo_copy)
    _load(qtbot, page)
    qtmodeltester.check(page.seats.model)
    qtmodeltester.check(page.problems.model)
    with qtbot.waitSignal(page.problems.model.modelReset, timeout=60_000):
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    problems = page.problems.model.shown()
    assert problems, "the demo has problems"
    assert "3 个错误" in page.result.summary.text() and "检查编排" in page.result.summary.text()
    line = next(n for n, p in enumerate(problems)
                if p.room_id is not None and p.candidate_id is None)
    view = page.problems.view
    rect = view.visualRect(page.problems.model.index(line, 3))
    view.scrollTo(page.problems.model.index(line, 3))
    rect = view.visualRect(page.problems.model.index(line, 3))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert set(navigation.calls) == {("venues", problems[line].room_id)}
    if SHOTS:
        window.grab().save(f"{SHOTS}/plan_checked.png")
    # the settings are another page's: the link opens it
    link = page.settings_link
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton,
                     pos=QPoint(link.width() // 2, link.height() // 2))
    qtbot.waitUntil(lambda: ("exam", None) in navigation.calls)
    # the unseated candidate's problem offers to seat them, keeping every other seat
    unplaced = next(n for n, p in enumerate(problems) if p.code == "unplaced")
    assert problems[unplaced].candidate_id == unseated
    rect = view.visualRect(page.problems.model.index(unplaced, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.remedy_button.isVisible() and "座" in page.remedy_button.text()
    with qtbot.waitSignal(page.seats.model.modelReset, timeout=60_000):
        qtbot.mouseClick(page.remedy_button, Qt.MouseButton.LeftButton)
    assert page.seats.model.has_key(unseated)
    assert "unplaced" not in {p.code for p in page.problems.model.shown()}
    qtbot.waitUntil(lambda: not page.context.operations.running())


def _button(box, text: str):
    (button,) = [b for b in box.buttons() if b.text() == text]
    return button


@pytest.mark.slow
def test_a_run_that_breaks_duties_offers_their_repair(examdesk_app, qtbot, settings,
                                                      demo_copy):
    window, page, _ = make_page(qtbot, settings, demo_copy)
    _load(qtbot, page)
    page.center_box.setCurrentIndex(page.center_box.findData("01"))
    page.seed_edit.setFocus()
    qtbot.keyClicks(page.seed_edit, "11")
    # the seats given are changed only once the clerk says so
    qtbot.mouseClick(page.allocate_button, Qt.MouseButton.LeftButton)
    question = page.question
    assert question is not None and question.isVisible()
    assert "重新分配会改变他们的座位和准考证号" in question.text()
    qtbot.mouseClick(_button(question, "取消"), Qt.MouseButton.LeftButton)
    assert "分配座位" not in [r.title for r in page.context.operations.running()]
    assert not page.result.isVisible()
    qtbot.mouseClick(page.allocate_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.runner.finished, timeout=120_000) as ran:
        qtbot.mouseClick(_button(page.question, "重新分配"), Qt.MouseButton.LeftButton)
    outcome = ran.args[0]
    assert outcome.broken, "seating center 01 again breaks some of its duties"
    repair = page.result.remedy_buttons[0]
    assert repair.text() == "修复相关考场的监考安排" and repair.isVisible()
    assert "此次更改使监考安排出现问题" in page.result.problems.item(0).text()
    if SHOTS:
        window.grab().save(f"{SHOTS}/plan_broken.png")
    with qtbot.waitSignal(page.runner.finished, timeout=120_000) as repaired:
        qtbot.mouseClick(repair, Qt.MouseButton.LeftButton)
    assert "已重新安排" in repaired.args[0].summary
    assert not any(i.is_error for i in repaired.args[0].issues)
    qtbot.waitUntil(lambda: not page.context.operations.running())
