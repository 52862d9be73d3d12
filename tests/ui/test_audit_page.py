"""The 审计 area, in Chinese: the trail newest first, a page at a time, filtered by user,
kind of action and person concerned, an event's values before and after beside it, exported
to a workbook; read-only, and refused to a user who may not read it."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton
from sqlalchemy import func, select

from examdesk.enums import AttendanceStatus, UserRole
from examdesk.model import AuditEvent
from examdesk.services import attendance, tempids, violations
from examdesk.services.attendance import room_attendance, sitting_counts
from examdesk.services.audit import Actor, Grant
from examdesk.services.candidate_edits import edit_candidate_phone
from examdesk.services.exams import resolve_exam
from examdesk.services.lookup import find_candidate, find_center
from examdesk.services.rows.audit import PAGE
from tests.core.test_audit_trail import add_old_events
from tests.ui.test_list_pages import open_page as list_page
from tests.ui.test_window_areas import shown_window
from ui.window.background import Operations
from ui.window.pages import PageContext
from ui.window.pages.audit import AuditPage

SHOTS = os.environ.get("EXAMDESK_SHOTS")
TICKET = "12341010101"  # the demo's first ticket
OLD = 600  # events of last year, more than a page


@pytest.fixture
def trail(demo_copy):
    """The demo with 600 room edits of last year by wang, then a phone changed by clerk-b."""
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        add_old_events(session, exam.id, "wang", OLD)
        who = find_candidate(session, exam, TICKET).one()
        edit_candidate_phone(session, Actor("clerk-b"), exam, who.id, "13800000000")
    return demo_copy


def events(database) -> int:
    with database.begin() as session:
        return session.scalar(select(func.count(AuditEvent.id))) or 0


def open_page(database, settings, qtbot, actor: Actor | None = None) -> AuditPage:
    if actor is None:
        return list_page(AuditPage, database, settings, qtbot)
    page = AuditPage(PageContext(Operations(None, database), settings,
                                 lambda area, key: None, actor))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)
    return page


def read_again(page: AuditPage, qtbot, action) -> None:
    """Do ``action`` (a filter's change) and wait for the page to have read again."""
    with qtbot.waitSignal(page.table.model.modelReset, timeout=20_000):
        action()
    qtbot.waitUntil(lambda: not page.context.operations.running(), timeout=20_000)


def column(page: AuditPage, number: int) -> list[str]:
    model = page.table.model
    return [model.index(line, number).data() for line in range(model.rowCount())]


def shoot(page: AuditPage, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        page.grab().save(str(Path(SHOTS) / f"{name}.png"))


def test_the_trail_opens_newest_first_with_the_selected_events_changes(
        examdesk_app, qtbot, trail, settings, qtmodeltester):
    total = events(trail)
    page = open_page(trail, settings, qtbot)
    qtmodeltester.check(page.table.model)
    assert [page.table.model.headerData(n, Qt.Orientation.Horizontal) for n in range(5)] == [
        "时间", "用户", "操作", "涉及", "摘要"]
    assert page.table.model.rowCount() == PAGE
    assert page.count_label.text() == f"显示 {PAGE} 条，共 {total:,} 条"
    assert column(page, 1)[0] == "clerk-b" and column(page, 2)[0] == "修改考生"
    assert column(page, 3)[0].startswith("考生 ")
    # written while the window's process spoke Chinese
    assert column(page, 4)[0] == f"修改 {column(page, 3)[0][3:]} 的电话"
    # the newest is selected: its phone before and after
    lines = dict(page.detail_lines())
    assert lines["用户"] == "clerk-b" and lines["phone"].endswith("→ 13800000000")
    shoot(page, "audit-page")

    # the next page, older events, on More
    more = page.findChild(QPushButton, "more")
    read_again(page, qtbot, lambda: qtbot.mouseClick(more, Qt.MouseButton.LeftButton))
    assert page.table.model.rowCount() == min(2 * PAGE, total)
    ids = [row.event_id for row in page.table.model.rows()]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)

    # a row clicked: its details
    view = page.table.view
    rect = view.visualRect(page.table.model.index(3, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = page.current_row()
    assert chosen is not None and chosen.user == "wang"
    assert dict(page.detail_lines())["capacity"] == f"30 → {chosen.details['capacity'][1]}"


def test_the_filters_keep_a_user_a_kind_and_a_person(examdesk_app, qtbot, trail, settings):
    page = open_page(trail, settings, qtbot)
    page.user_box.setFocus()
    read_again(page, qtbot, lambda: qtbot.keyClicks(page.user_box, "wang"))
    assert page.user_box.currentText() == "wang"
    assert set(column(page, 1)) == {"wang"}
    assert page.count_label.text() == f"显示 {PAGE} 条，共 {OLD} 条"
    qtbot.keyClick(page.user_box, Qt.Key.Key_Home)  # 全部用户, then the first: clerk-b
    qtbot.keyClick(page.user_box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: set(column(page, 1)) == {"clerk-b"}, timeout=20_000)
    assert page.user_box.currentText() == "clerk-b"
    qtbot.keyClick(page.user_box, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: len(set(column(page, 1))) > 1, timeout=20_000)

    page.kind_box.setFocus()
    for _ in range(page.kind_box.count()):  # down to 考场 (kinds and actions by name)
        if page.kind_box.currentData() == "room":
            break
        qtbot.keyClick(page.kind_box, Qt.Key.Key_Down)
    assert page.kind_box.currentText() == "考场"
    qtbot.waitUntil(lambda: set(column(page, 2)) == {"修改考场"}, timeout=20_000)
    qtbot.keyClick(page.kind_box, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: len(set(column(page, 2))) > 1, timeout=20_000)
    qtbot.mouseClick(page.person_line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.person_line, TICKET)
    read_again(page, qtbot,
               lambda: qtbot.keyClick(page.person_line, Qt.Key.Key_Return))
    assert column(page, 2) == ["修改考生"]
    qtbot.keyClicks(page.person_line, "0")  # nobody has this ticket number
    read_again(page, qtbot,
               lambda: qtbot.keyClick(page.person_line, Qt.Key.Key_Return))
    assert page.table.model.rowCount() == 0 and page.count_label.text() == "显示 0 条，共 0 条"
    shoot(page, "audit-nobody")


def test_the_filtered_trail_exports_and_the_export_is_audited(
        examdesk_app, qtbot, trail, settings, tmp_path, monkeypatch):
    page = open_page(trail, settings, qtbot)
    page.user_box.setFocus()
    read_again(page, qtbot, lambda: qtbot.keyClicks(page.user_box, "wang"))
    target = tmp_path / "审计.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    before = events(trail)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "审计.xlsx" in page.message.text(), timeout=20_000)
    assert page.message.text() == f"已将 {OLD} 条记录写入 {target}"
    lines = list(load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(lines) == OLD + 1 and {line[2] for line in lines[1:]} == {"wang"}
    assert events(trail) == before + 1  # the export itself


def test_a_user_who_may_not_read_the_trail_sees_why(examdesk_app, qtbot, demo_db, settings):
    desk = Actor("desk01", grants=(Grant(UserRole.DESK, None, 1),))
    page = open_page(demo_db, settings, qtbot, actor=desk)
    assert page.refused.isVisible() and not page.splitter.isVisible()
    assert page.refused.text() == "用户 desk01 无权查看审计记录。"


def test_the_area_opens_with_ctrl_8(examdesk_app, qtbot, demo_db, settings):
    window = shown_window(qtbot, demo_db, settings)
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "audit"
    page = window.pages["audit"]
    assert isinstance(page, AuditPage)
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)
    assert page.table.model.rowCount() > 0
    if SHOTS:
        QApplication.processEvents()
        window.grab().save(str(Path(SHOTS) / "audit-window.png"))


def test_the_days_filter_keeps_the_events_of_those_days(examdesk_app, qtbot, trail, settings):
    page = open_page(trail, settings, qtbot)
    for box, edit in ((page.since_box, page.since_edit), (page.until_box, page.until_edit)):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # ticked: today, the list empties
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        qtbot.keyClick(edit, Qt.Key.Key_Home)
        qtbot.keyClicks(edit, "2025-06-01")
        qtbot.waitUntil(lambda: not page.context.operations.running() and not page._reading,
                        timeout=20_000)
    assert page.since_edit.date().toString("yyyy-MM-dd") == "2025-06-01"
    assert page.until_edit.date().toString("yyyy-MM-dd") == "2025-06-01"
    qtbot.waitUntil(lambda: page.count_label.text() == f"显示 {PAGE} 条，共 {OLD} 条",
                    timeout=20_000)
    assert set(column(page, 1)) == {"wang"}


@pytest.fixture
def exam_day(examdesk_app, demo_copy):
    """A desk's morning at center 01, recorded while the process speaks Chinese (the window's
    language, installed by ``examdesk_app``): a temporary ID issued, the first room's
    marks, a violation. Returns the database, the room and session as summaries name them,
    the violator's ticket and the certificate holder's name.
    """
    clerk = Actor("desk-clerk")
    with demo_copy.write("exam day") as session:
        exam = resolve_exam(session)
        first = sitting_counts(session, exam, center=find_center(session, exam, "01")
                               .one().id)[0]
        seats = room_attendance(session, exam, first.room_id, first.session_id).seats
        tempids.issue(session, clerk, exam, seats[0].candidate_id, officer="王警官",
                      unit="川汇分局", now=datetime(2023, 6, 11, 8, 30))
        attendance.mark(session, clerk, exam, room_id=first.room_id,
                        session_id=first.session_id, marks={
                            seats[1].candidate_id: AttendanceStatus.ABSENT,
                            seats[2].candidate_id: AttendanceStatus.LATE,
                            seats[3].candidate_id: AttendanceStatus.PRESENT})
        violations.record_violation(session, clerk, exam, who=seats[3].ticket_no,
                                    session_code=first.session, act_code="7.5",
                                    description="考试中使用手机")
    return demo_copy, first.label, first.session, seats[3].ticket_no, seats[0].name


def test_exam_day_events_read_in_chinese_on_the_page_and_in_the_export(
        examdesk_app, qtbot, exam_day, settings, tmp_path, monkeypatch):
    database, room, sitting, ticket, name = exam_day
    page = open_page(database, settings, qtbot)
    page.resize(1366, 768)
    actions = ["记录违纪", "标记考勤", "开具临时身份证明"]
    summaries = [f"考生 {ticket}：人社部令第31号 7.5", f"考场 {room} 场次 {sitting}：标记 3 人",
                 f"为 {name} 开具临时身份证明 01-0001"]
    assert column(page, 2)[:3] == actions and column(page, 4)[:3] == summaries
    assert column(page, 3)[:3] == ["违纪记录 1", f"考场 {room.split('/')[1]}",
                                   "临时身份证明 01-0001"]
    assert dict(page.detail_lines())["操作"] == "记录违纪"
    shoot(page, "audit-exam-day")

    target = tmp_path / "审计.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "审计.xlsx" in page.message.text(), timeout=20_000)
    lines = list(load_workbook(target, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert lines[0][3] == "操作" and lines[0][7] == "摘要"
    assert [(line[3], line[7]) for line in lines[1:4]] == list(zip(actions, summaries,
                                                                   strict=True))
