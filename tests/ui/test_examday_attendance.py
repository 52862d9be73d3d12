"""考务日 → 考勤: a room's attendance marked from the seat grid and by ticket number, the counts
and the reconciliation before 封存 (issue 14)."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from examdesk.enums import AttendanceStatus, UserRole
from examdesk.services import lookup
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import resolve_exam
from ui.window.background import Operations
from ui.window.pages import PageContext

SHOTS = os.environ.get("EXAMDESK_SHOTS")


def make_page(qtbot, settings, database, actor=None):
    from ui.window.pages.examday import ExamDayPage

    window = QMainWindow()
    qtbot.addWidget(window)
    operations = Operations(window, database)
    context = (PageContext(operations, settings, lambda a, k: None) if actor is None else
               PageContext(operations, settings, lambda a, k: None, actor))
    area = ExamDayPage(context)
    operations.changed.connect(area.refresh)  # as the main window does
    window.setCentralWidget(area)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = area.tab_page("attendance")
    assert area.tabs.tabText(area.tabs.currentIndex()) == "考勤"
    qtbot.waitUntil(lambda: page.room is not None, timeout=60_000)
    return window, page


def click_seat(qtbot, page, seat_no: int, times: int = 1) -> None:
    for _ in range(times):
        seat = next(s for s in page.room.seats if s.seat_no == seat_no)
        before = page.room
        qtbot.mouseClick(page.grid, Qt.MouseButton.LeftButton,
                         pos=page.grid.seat_rect(seat).center().toPoint())
        qtbot.waitUntil(lambda before=before: page.room is not before, timeout=30_000)


def status(page, seat_no: int) -> AttendanceStatus | None:
    return next(s.status for s in page.room.seats if s.seat_no == seat_no)


def type_chinese(widget, text: str) -> None:
    widget.setFocus()
    event = QInputMethodEvent()  # Chinese comes from an input method
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_a_room_is_marked_reconciled_and_sealed(examdesk_app, qtbot, settings, demo_copy):
    window, page = make_page(qtbot, settings, demo_copy)
    counts = page.room.counts
    assert page.room_box.currentText().startswith(counts.label)
    assert counts.unmarked == counts.expected > 4
    assert not page.seal.isEnabled()
    before = page.room
    qtbot.mouseClick(page.all_present, Qt.MouseButton.LeftButton)  # 全部到场
    qtbot.waitUntil(lambda: page.room is not before, timeout=30_000)
    assert page.room.counts.present == counts.expected
    click_seat(qtbot, page, 2)  # present -> absent
    click_seat(qtbot, page, 3, times=2)  # present -> absent -> late
    assert (status(page, 2), status(page, 3)) == (AttendanceStatus.ABSENT,
                                                  AttendanceStatus.LATE)
    fourth = next(s for s in page.room.seats if s.seat_no == 4)
    assert page.mark_as.currentText() == "缺考"
    before = page.room
    qtbot.keyClicks(page.ticket, fourth.ticket_no)
    qtbot.keyClick(page.ticket, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.room is not before, timeout=30_000)
    assert status(page, 4) is AttendanceStatus.ABSENT and page.ticket.text() == ""
    # a ticket of another room marks nobody here, and says where its candidate sits
    qtbot.keyClicks(page.ticket, "12341010102")
    qtbot.keyClick(page.ticket, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.ticket_note.text().endswith("该考生在考场 01/01001。"),
                    timeout=30_000)
    assert page.ticket_note.text().startswith("准考证号 12341010102 不属于考场")
    page.ticket.clear()
    assert page.counts.text() == (f"应考 {counts.expected} · 到场 {counts.expected - 3} · "
                                  "迟到 1 · 缺考 2 · 未标记 0")
    assert page.problems.text() == "尚未填写收回的答题卡数。"
    assert "c00000" in page.problems.styleSheet() and not page.seal.isEnabled()
    # one answer sheet short of those who sat
    page.sheets.lineEdit().selectAll()
    qtbot.keyClicks(page.sheets.lineEdit(), str(counts.expected - 3))
    before = page.room
    qtbot.mouseClick(page.save_sheets, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.room is not before, timeout=30_000)
    assert page.room.counts.answer_sheets == counts.expected - 3
    assert page.problems.text().startswith(f"收回答题卡 {counts.expected - 3} 份，但实考 "
                                           f"{counts.expected - 2} 人")
    assert not page.seal.isEnabled()  # refused while mismatched, unless a reason is given
    if SHOTS:
        window.grab().save(f"{SHOTS}/examday_attendance.png")
    type_chinese(page.reason, "一名考生未交答题卡，已记录")
    assert page.seal.isEnabled()
    before = page.room
    qtbot.mouseClick(page.seal, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.room is not before, timeout=30_000)
    assert page.room.counts.sealed and page.counts.text().endswith(" · 已封存")
    assert not page.seal.isEnabled()


def test_a_desk_sees_its_own_center_rooms_only(examdesk_app, qtbot, settings, demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        center = lookup.find_center(session, exam, "02").one().id
    desk = Actor("desk02", None, (Grant(UserRole.DESK, exam.id, center),))
    _window, page = make_page(qtbot, settings, demo_db, desk)
    rooms = [page.room_box.itemText(i) for i in range(page.room_box.count())]
    assert rooms and all(r.startswith("02/") for r in rooms)
    assert page.all_present.isEnabled()


def test_a_viewer_sees_the_room_but_marks_nothing(examdesk_app, qtbot, settings, demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
    viewer = Actor("viewer", None, (Grant(UserRole.VIEWER, exam.id),))
    _window, page = make_page(qtbot, settings, demo_db, viewer)
    assert page.room.seats and not page.all_present.isEnabled()
    assert page.all_present.toolTip() == "您无权在该考点登记考勤。"
    before = page.room
    seat = page.room.seats[0]
    qtbot.mouseClick(page.grid, Qt.MouseButton.LeftButton,
                     pos=page.grid.seat_rect(seat).center().toPoint())
    assert page.room is before and seat.status is None  # no write was started
