"""The 临时身份证明 tab of the 考务日 area, driven as the officer does: type, (choose,) Enter;
the certificate is printed at once; a candidate of another center is named; Void asks why."""

from __future__ import annotations

import os
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMainWindow
from sqlalchemy import select

from examdesk.model import Candidate, Room, SeatAssignment, TestCenter
from ui.window import clock
from ui.window.background import Operations
from ui.window.pages import PageContext

SHOTS = os.environ.get("EXAMDESK_SHOTS")
MORNING = datetime(2023, 6, 11, 8, 30)


def typed_chinese(widget, text: str) -> None:
    """Chinese comes from an input method."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def seated(database, center: str, n: int = 0):
    with database.begin() as session:
        return session.execute(
            select(SeatAssignment.ticket_no, Candidate.name, Candidate.id_number)
            .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
            .join(Room, Room.id == SeatAssignment.room_id)
            .join(TestCenter, TestCenter.id == Room.center_id)
            .where(TestCenter.code == center).order_by(SeatAssignment.ticket_no)
            .offset(n).limit(1)).one()


@pytest.fixture(autouse=True)
def exam_morning(monkeypatch):
    """The desks' clock reads the exam's morning (the demo exam was in 2023)."""
    monkeypatch.setattr(clock, "now", lambda: MORNING)


def make_desk(qtbot, settings, database, tmp_path):
    from ui.window.pages.examday import ExamDayPage

    window = QMainWindow()
    qtbot.addWidget(window)
    operations = Operations(window, database)
    area = ExamDayPage(PageContext(operations, settings, lambda a, k: None))
    operations.changed.connect(area.refresh)  # as the main window does
    window.setCentralWidget(area)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = area.tab_page("tempid")  # shown, as the desk clicks its tab
    page.folder = tmp_path / "certificates"
    sent: list = []
    page.send = lambda path, _parent: sent.append(path)
    qtbot.waitUntil(lambda: page.center_box.count() > 0, timeout=60_000)
    return window, page, sent


def test_type_enter_and_the_certificate_is_on_the_printer(examdesk_app, qtbot, settings,
                                                          demo_copy, tmp_path):
    window, page, sent = make_desk(qtbot, settings, demo_copy, tmp_path)
    assert area_tab_title(window) == "临时身份证明"
    page.center_box.setCurrentIndex(page.center_box.findData("01"))
    someone = seated(demo_copy, "01", 4)
    typed_chinese(page.officer, "王警官")
    typed_chinese(page.unit, "周口市公安局川汇分局")
    with qtbot.waitSignal(page.found, timeout=30_000):
        qtbot.keyClicks(page.search, someone.ticket_no[-5:])
    assert page.hits[0].ticket_no == someone.ticket_no
    card = page.card.text()
    assert someone.name in card and "S2 09:00-11:00" in card and "第 01001 考场" in card
    assert page.warning.isHidden()
    if SHOTS:
        window.grab().save(f"{SHOTS}/tempid_found.png")
    with qtbot.waitSignal(page.printed, timeout=60_000):
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert [p.name for p in sent] == ["临时身份证明-01-0001.pdf"] and sent[0].stat().st_size
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=30_000)
    assert page.table.item(0, 0).text() == "01-0001"
    assert page.table.item(0, 2).text() == someone.name
    # the officer and unit are remembered for the desk
    assert settings.value("tempid/officer") == "王警官"
    # the same candidate again: the valid certificate is named, Issue is off
    with qtbot.waitSignal(page.found, timeout=30_000):
        qtbot.keyClicks(page.search, someone.ticket_no)
    assert "01-0001" in page.warning.text() and not page.issue_button.isEnabled()
    if SHOTS:
        window.grab().save(f"{SHOTS}/tempid_issued.png")
    # void it, saying why
    page.ask_reason = lambda row: ("身份证已找到", True)
    rect = page.table.visualItemRect(page.table.item(0, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.void_button.isEnabled()
    with qtbot.waitSignal(page.listed, timeout=30_000):
        qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "身份证已找到" in page.table.item(0, 8).text(), timeout=30_000)
    qtbot.waitUntil(lambda: not page.context.operations.running())


def test_a_candidate_of_another_center_is_sent_there(examdesk_app, qtbot, settings,
                                                     demo_copy, tmp_path):
    window, page, _sent = make_desk(qtbot, settings, demo_copy, tmp_path)
    page.center_box.setCurrentIndex(page.center_box.findData("02"))
    elsewhere = seated(demo_copy, "01", 0)
    with qtbot.waitSignal(page.found, timeout=30_000):
        qtbot.keyClicks(page.search, elsewhere.id_number[-6:])
    assert page.warning.isVisible() and "考点是 01 " in page.warning.text()
    if SHOTS:
        window.grab().save(f"{SHOTS}/tempid_elsewhere.png")
    qtbot.waitUntil(lambda: not page.context.operations.running())


def test_enter_pressed_before_the_hits_came_issues_to_the_candidate_typed(
        examdesk_app, qtbot, settings, demo_copy, tmp_path):
    _window, page, sent = make_desk(qtbot, settings, demo_copy, tmp_path)
    page.center_box.setCurrentIndex(page.center_box.findData("01"))
    first, second = seated(demo_copy, "01", 0), seated(demo_copy, "01", 1)
    typed_chinese(page.officer, "王警官")
    typed_chinese(page.unit, "川汇分局")
    with qtbot.waitSignal(page.found, timeout=30_000):
        qtbot.keyClicks(page.search, first.ticket_no)
    page.search.clear()
    with qtbot.waitSignal(page.printed, timeout=60_000):
        qtbot.keyClicks(page.search, second.ticket_no)
        qtbot.keyClick(page.search, Qt.Key.Key_Return)  # at once: the first's hits still shown
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=30_000)
    assert page.table.item(0, 1).text() == second.ticket_no and len(sent) == 1
    qtbot.waitUntil(lambda: not page.context.operations.running())


def area_tab_title(window) -> str:
    tabs = window.centralWidget().tabs
    return tabs.tabText(tabs.currentIndex())


def test_a_doubtful_candidate_is_let_in_and_cleared_by_two_invigilators(
        examdesk_app, qtbot, settings, demo_copy, tmp_path):
    window, page, _sent = make_desk(qtbot, settings, demo_copy, tmp_path)
    page.center_box.setCurrentIndex(page.center_box.findData("01"))
    someone = seated(demo_copy, "01", 2)
    with qtbot.waitSignal(page.found, timeout=30_000):
        qtbot.keyClicks(page.search, someone.ticket_no)
    answers = iter(["照片与本人差异较大", "监考员甲", "监考员乙"])
    page.ask_text = lambda _title, _label: (next(answers), True)
    with qtbot.waitSignal(page.listed, timeout=30_000):
        qtbot.mouseClick(page.doubt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.doubt_table.rowCount() == 1, timeout=30_000)
    page.lists.setCurrentIndex(1)
    assert page.doubt_table.item(0, 3).text() == "照片与本人差异较大"
    rect = page.doubt_table.visualItemRect(page.doubt_table.item(0, 0))
    qtbot.mouseClick(page.doubt_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    for expected in ("1/2：监考员甲", "已核实：监考员甲、监考员乙"):
        with qtbot.waitSignal(page.listed, timeout=30_000):
            qtbot.mouseClick(page.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda e=expected: page.doubt_table.item(0, 5).text() == e,
                        timeout=30_000)
    assert not page.confirm_button.isEnabled()
    if SHOTS:
        window.grab().save(f"{SHOTS}/tempid_doubtful.png")
    qtbot.waitUntil(lambda: not page.context.operations.running())
