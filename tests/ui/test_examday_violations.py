"""考务日 → 违纪 and 事件/医疗: a clerk records a violation coded to the regulation (the
consequence shown as the act is chosen), records and closes an incident, and logs a
treatment at the medical post, all with real events."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QWidget

from tests.ui.test_cli_violations import _ticket
from ui.window.background import Operations
from ui.window.pages import PageContext

SHOTS = os.environ.get("EXAMDESK_SHOTS")


def _type_chinese(widget: QWidget, text: str) -> None:
    widget.setFocus()
    event = QInputMethodEvent()  # Chinese comes from an input method
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _down(qtbot, combo, times: int) -> None:
    for _ in range(times):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_a_violation_an_incident_and_a_treatment(examdesk_app, qtbot, settings, demo_copy,
                                                 qtmodeltester, monkeypatch, tmp_path):
    from ui.window.pages.examday import ExamDayPage

    ticket = _ticket(str(demo_copy.url))
    window = QMainWindow()
    qtbot.addWidget(window)
    operations = Operations(window, demo_copy)
    area = ExamDayPage(PageContext(operations, settings, lambda a, k: None))
    operations.changed.connect(area.refresh)  # as the main window does
    window.setCentralWidget(area)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert [area.tabs.tabText(i) for i in range(area.tabs.count())] == [
        "看板", "临时身份证明", "考勤", "违纪", "事件/医疗", "热线"]
    page = area.tab_page("violations")  # shown, as the clerk clicks its tab
    qtbot.waitUntil(lambda: page.act_box.count() == 23, timeout=60_000)

    qtbot.keyClicks(page.who, ticket)
    qtbot.keyClick(page.session_box, Qt.Key.Key_Down)  # S1 -> S2
    qtbot.keyClicks(page.act_box, "7")  # the first act of article 7 (7.1)
    _down(qtbot, page.act_box, 4)  # 7.5
    assert page.act_box.currentData() == "7.5"
    assert "记录期限五年" in page.consequence.text()
    _type_chinese(page.text, "考试中使用手机")
    photo = tmp_path / "phone.jpg"
    photo.write_bytes(b"\xff\xd8 a phone under the desk")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: ([str(photo)], ""))
    qtbot.mouseClick(page.photo_button, Qt.MouseButton.LeftButton)
    assert page.photo_label.text() == "phone.jpg"
    _down(qtbot, page.signature_box, 2)  # refused to sign
    _type_chinese(page.witness, "李巡考")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.model.total == 1, timeout=60_000)
    qtmodeltester.check(page.table.model)
    row = page.table.model.row_at(0)
    assert (row.ticket_no, row.act.code, row.witness) == (ticket, "7.5", "李巡考")
    assert row.evidence == ("phone.jpg",) and page.photo_label.text() == ""
    assert page.result.text().startswith("已记录第 1 号：")
    if SHOTS:
        window.grab().save(f"{SHOTS}/examday_violations.png")
    # the record printed into the folder chosen
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path))
    view = page.table.view
    rect = view.visualRect(page.table.model.index(0, 6))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    printed = tmp_path / "违纪记录-01-1.pdf"
    qtbot.waitUntil(lambda: page.result.text() == f"已写入 {printed}", timeout=60_000)
    assert printed.stat().st_size > 0
    # the candidate signs after all
    qtbot.keyClick(page.signature_box, Qt.Key.Key_Up)  # refused -> signed
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.model.row_at(0).signature is not None
                    and page.table.model.row_at(0).signature.value == "signed", timeout=60_000)
    assert page.table.model.row_at(0).witness == ""

    incidents = area.tab_page("incidents")
    qtbot.waitUntil(lambda: incidents.session_box.count() > 0, timeout=60_000)
    _down(qtbot, incidents.kind_box, 2)  # 停电或设备
    qtbot.keyClick(incidents.session_box, Qt.Key.Key_Down)
    qtbot.keyClicks(incidents.who, ticket)
    _type_chinese(incidents.text, "考场停电")
    qtbot.mouseClick(incidents.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: incidents.table.model.total == 1, timeout=60_000)
    qtmodeltester.check(incidents.table.model)
    view = incidents.table.view
    rect = view.visualRect(incidents.table.model.index(0, 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(incidents.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: incidents.table.model.row_at(0).status.value == "closed",
                    timeout=60_000)
    assert incidents.table.model.row_at(0).kind_label == "停电或设备"

    qtbot.keyClicks(incidents.medical_who, ticket)
    _type_chinese(incidents.complaint, "低血糖")
    qtbot.mouseClick(incidents.returned, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(incidents.medical_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: incidents.medical_table.model.total == 1, timeout=60_000)
    logged = incidents.medical_table.model.row_at(0)
    assert ticket in logged.person and logged.returned is True
    qtbot.waitUntil(lambda: not operations.running(), timeout=60_000)  # the refreshes too
    if SHOTS:
        window.grab().save(f"{SHOTS}/examday_incidents.png")


def test_a_viewer_sees_the_tabs_but_records_nothing(examdesk_app, qtbot, settings, demo_copy):
    from examdesk.enums import UserRole
    from examdesk.services.audit import Actor, Grant
    from ui.window.pages.examday import ExamDayPage

    window = QMainWindow()
    qtbot.addWidget(window)
    viewer = Actor("viewer", None, (Grant(UserRole.VIEWER),))
    operations = Operations(window, demo_copy)
    area = ExamDayPage(PageContext(operations, settings, lambda a, k: None, viewer))
    window.setCentralWidget(area)
    page = area.tab_page("violations")
    qtbot.waitUntil(lambda: page.act_box.count() == 23, timeout=60_000)
    assert not page.record_button.isEnabled()
    assert page.record_button.toolTip() == "用户 viewer 无权办理考务日事务。"
    incidents = area.tab_page("incidents")
    assert not any(button.isEnabled() for button in (
        incidents.add_button, incidents.close_button, incidents.medical_button))
    qtbot.waitUntil(lambda: not operations.running(), timeout=60_000)


def test_the_recorder_sees_and_changes_the_two_invigilators(examdesk_app, qtbot, settings,
                                                            demo_copy, tmp_path):
    from sqlalchemy import delete, func, select

    from examdesk.model import Duty, ExamSession, Room, SeatAssignment, TestCenter, Violation
    from ui.window.pages.examday import ExamDayPage

    ticket = _ticket(str(demo_copy.url))
    with demo_copy.write("test") as session:  # a room of center 02 nobody invigilates in S2
        s2 = session.scalar(select(ExamSession.id).where(ExamSession.code == "S2"))
        unwatched, room = session.execute(
            select(SeatAssignment.ticket_no, Room.id).join(Room).join(TestCenter)
            .join(Duty, Duty.room_id == Room.id)
            .where(TestCenter.code == "02", Duty.session_id == s2)
            .order_by(SeatAssignment.ticket_no).limit(1)).one()
        session.execute(delete(Duty).where(Duty.room_id == room, Duty.session_id == s2))
    window = QMainWindow()
    qtbot.addWidget(window)
    operations = Operations(window, demo_copy)
    area = ExamDayPage(PageContext(operations, settings, lambda a, k: None))
    operations.changed.connect(area.refresh)
    window.setCentralWidget(area)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = area.tab_page("violations")
    qtbot.waitUntil(lambda: page.act_box.count() == 23, timeout=60_000)
    first, second = page.invigilator_boxes

    qtbot.keyClicks(page.who, ticket)
    qtbot.keyClick(page.session_box, Qt.Key.Key_Down)  # S1 -> S2: the boxes are read
    qtbot.waitUntil(lambda: second.count() > 3, timeout=60_000)
    # the two on duty in the candidate's room, chosen; then the center's other invigilators
    assert first.currentText().endswith("（在岗）") and second.currentText().endswith("（在岗）")
    assert first.currentData() != second.currentData() and page.invigilator_note.text() == ""
    assert not second.itemText(3).endswith("（在岗）")
    lead = first.currentText().removesuffix("（在岗）")
    qtbot.keyClick(second, Qt.Key.Key_Up)  # the lead again
    assert "同一人" in page.invigilator_note.text()
    _type_chinese(page.text, "携带手机")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)  # refused beside them
    assert "同一人" in page.invigilator_note.text()
    qtbot.waitUntil(lambda: not operations.running(), timeout=60_000)  # reads of the tab
    with demo_copy.begin() as session:  # nothing recorded
        assert session.scalar(select(func.count()).select_from(Violation)) == 0
    window.grab().save(str(tmp_path / "same.png"))
    if SHOTS:
        window.grab().save(f"{SHOTS}/examday_violation_same_invigilator.png")
    _down(qtbot, second, 2)  # another invigilator of the center
    other = second.currentText()
    assert page.invigilator_note.text() == "" and "（在岗）" not in other
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.model.total == 1, timeout=60_000)
    assert page.table.model.row_at(0).invigilators == (lead, other)
    assert page.table.model.index(0, 9).data() == f"{lead}、{other}"
    assert first.count() == 0  # the form is ready for the next candidate

    qtbot.keyClicks(page.who, unwatched)
    qtbot.keyClick(page.who, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: first.count() > 1, timeout=60_000)
    assert first.currentText() == second.currentText() == "（无）"
    assert "无人在岗" in page.invigilator_note.text()
    if SHOTS:
        window.grab().save(f"{SHOTS}/examday_violation_nobody_on_duty.png")
    page.who.clear()  # a ticket nobody holds: said beside the empty boxes
    qtbot.keyClicks(page.who, "99999999999")
    qtbot.keyClick(page.who, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "99999999999" in page.invigilator_note.text(), timeout=60_000)
    assert first.count() == second.count() == 0
    qtbot.waitUntil(lambda: not operations.running(), timeout=60_000)
