"""A double-click on a problem opens what it is about, in the check's list (编排) and in a
run's: a candidate on 考生, a staff member on 工作人员 (selected, their details shown), a room
on 考点考场, a post on 岗位物资."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from sqlalchemy import select

from examdesk.model import Duty
from examdesk.model.staff import DutyKind
from examdesk.services.exams import resolve_exam
from examdesk.services.plan_check import check_exam_plan
from examdesk.services.rows.problems import PlanPart, issue_rows, problem_rows
from tests.ui.test_window_areas import shown_window
from ui.window.pages.runs import RunOutcome

SHOTS = os.environ.get("EXAMDESK_SHOTS")


def _move_home(database) -> tuple[int, str]:
    """Make an invigilator of the first room belong to another test center (their duties
    there break the home-center rule); their id and name."""
    from examdesk.model import Staff, TestCenter

    with database.write("test") as session:
        duty = session.scalars(select(Duty).where(Duty.kind == DutyKind.ROOM)
                               .order_by(Duty.id)).first()
        person = session.get(Staff, duty.staff_id)
        person.home_center_id = session.scalars(
            select(TestCenter.id).where(TestCenter.id != duty.center_id)).first()
        return person.id, person.name


def _short_room_and_post(database) -> tuple[int, int]:
    """Drop an invigilator from a room and a person from a post; the room's and post's ids."""
    with database.write("test") as session:
        room_duty = session.scalars(select(Duty).where(Duty.kind == DutyKind.ROOM,
                                                       Duty.is_lead.is_(False))
                                    .order_by(Duty.id.desc())).first()
        post_duty = session.scalars(select(Duty).where(Duty.kind == DutyKind.POST)
                                    .order_by(Duty.id)).first()
        found = room_duty.room_id, post_duty.post_id
        session.delete(room_duty)
        session.delete(post_duty)
        return found


def _double_click(qtbot, view, index) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_checks_problems_name_the_staff_member_and_the_post(demo_copy):
    staff_id, _name = _move_home(demo_copy)
    room_id, post_id = _short_room_and_post(demo_copy)
    with demo_copy.begin() as session:
        rows = problem_rows(session, resolve_exam(session))
    away = [r for r in rows if r.code == "off-center"]
    assert away and {r.target for r in away} == {("staff", staff_id)}
    unstaffed = [r for r in rows if r.code == "room-not-staffed"]
    assert [r.target for r in unstaffed] == [("venues", room_id)]
    assert unstaffed[0].staff_id is None
    short = [r for r in rows if r.code == "post-short"]
    assert [r.target for r in short] == [("posts", post_id)]
    # a run's problems are placed the same way
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        roster = check_exam_plan(session, exam).roster
        again = issue_rows(session, exam, PlanPart.ROSTER, roster)
    assert [r.target for r in again] == [r.target for r in rows if r.part is PlanPart.ROSTER]


def test_a_double_click_on_a_roster_problem_opens_the_staff_member(examdesk_app, qtbot,
                                                                   demo_copy, settings):
    staff_id, name = _move_home(demo_copy)
    window = shown_window(qtbot, demo_copy, settings)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["plan"]
    qtbot.waitUntil(lambda: page.problems.model.total > 0, timeout=60_000)
    problems = page.problems.model.shown()
    line = next(n for n, p in enumerate(problems) if p.code == "off-center")
    assert name in problems[line].message and "考点" in problems[line].message
    _double_click(qtbot, page.problems.view, page.problems.model.index(line, 5))
    assert window.current_area() == "staff"
    staff = window.pages["staff"]
    qtbot.waitUntil(lambda: staff.table.current_key() == staff_id, timeout=60_000)
    qtbot.waitUntil(lambda: staff.details_title.text() == name, timeout=30_000)
    if SHOTS:
        window.grab().save(f"{SHOTS}/problem_opened_staff.png")
    qtbot.waitUntil(lambda: not window.operations.running(), timeout=30_000)


def test_a_double_click_on_a_runs_problem_opens_the_staff_member(examdesk_app, qtbot,
                                                                 demo_copy, settings):
    staff_id, _name = _move_home(demo_copy)
    room_id, _post_id = _short_room_and_post(demo_copy)
    with demo_copy.begin() as session:
        roster = check_exam_plan(session, resolve_exam(session)).roster
    window = shown_window(qtbot, demo_copy, settings)
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["posts"]
    # a roster run ended with these problems (the pane shows what a run returned)
    page.show_outcome(RunOutcome("排监考", "", tuple(roster)))
    listed = page.result.problems
    row = next(n for n, issue in enumerate(roster) if issue.code == "off-center")
    _double_click(qtbot, listed, listed.model().index(row, 0))
    qtbot.waitUntil(lambda: window.current_area() == "staff", timeout=30_000)
    staff = window.pages["staff"]
    qtbot.waitUntil(lambda: staff.table.current_key() == staff_id, timeout=60_000)
    # a room's problem opens the room
    row = next(n for n, issue in enumerate(roster) if issue.code == "room-not-staffed")
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    _double_click(qtbot, listed, listed.model().index(row, 0))
    qtbot.waitUntil(lambda: window.current_area() == "venues", timeout=30_000)
    venues = window.pages["venues"]
    qtbot.waitUntil(lambda: venues.table.current_key() == room_id, timeout=60_000)
    qtbot.waitUntil(lambda: not window.operations.running(), timeout=30_000)
