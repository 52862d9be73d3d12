"""Issue 14's "done when", as the desk of test center 01 runs the reference exam's day: the
window started as `examdesk --db URL` starts it, a desk user signs in, and in the 考务日 area
(Ctrl+9) a temporary ID certificate is found, issued and printed; the candidate's room is
marked (the certificate checked in the room), reconciled and sealed; a violation is
recorded with its article and printed; and the board shows the numbers the exports hold.

Every step is a click, a key or typed text; the only things replaced are the system's folder
dialog (a path is returned as if the clerk had picked it), the desk's printer (the file it is
sent is kept) and the desks' clock (ui/window/clock.py: the exam was in 2023). Screenshots of
each tab are saved at 1366x768 (to ``$EXAMDESK_SHOTS`` when set).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from sqlalchemy import select

from examdesk.db import open_database
from examdesk.model import Candidate, Room, SeatAssignment, TestCenter
from tests.reports.pdftools import text
from tests.ui import test_cli_users, test_opening
from tests.ui.test_cli_exchange import examdesk
from tests.ui.test_examday_attendance import click_seat, status, type_chinese
from tests.ui.test_login import login_dialog, type_in
from tests.ui.test_walkthrough import open_area, shots_folder
from ui.window import clock
from ui.window.pages.examday import TABS

pytestmark = pytest.mark.slow

start = test_opening.start  # the window as `examdesk` starts it
users_url = test_cli_users.users_url  # the demo with boss (admin) and desk01 (center 01)
no_terminal = test_cli_users.no_terminal

GATE = datetime(2023, 6, 11, 8, 35)  # candidates queue at the gate
IN_THE_ROOMS = datetime(2023, 6, 11, 10, 15)  # the first sitting under way, doors closed


def someone_at(url: str, center: str, n: int):
    """The ``n``-th seated candidate of ``center`` (by ticket): ticket, seat, name, ID number,
    room."""
    database = open_database(url)
    try:
        with database.begin() as session:
            return session.execute(
                select(SeatAssignment.ticket_no, SeatAssignment.seat_no.label("seat"),
                       Candidate.name, Candidate.id_number, Room.code.label("room"))
                .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
                .join(Room, Room.id == SeatAssignment.room_id)
                .join(TestCenter, TestCenter.id == Room.center_id)
                .where(TestCenter.code == center).order_by(SeatAssignment.ticket_no)
                .offset(n).limit(1)).one()
    finally:
        database.close()


def show_tab(qtbot, area, key: str):
    """Click the tab ``key`` of the 考务日 area; its page."""
    bar = area.tabs.tabBar()
    index = [tab.key for tab in TABS].index(key)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert area.tabs.currentIndex() == index
    return area.pages[key]


def choose(qtbot, combo, prefix: str) -> None:
    """Pick the item of a combo box that starts with ``prefix``, with the arrow keys."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText().startswith(prefix):
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    raise AssertionError((prefix, [combo.itemText(i) for i in range(combo.count())]))


def shot(window, folder: Path, name: str) -> None:
    QApplication.processEvents()
    assert window.grab().save(str(folder / name))


def sheet_rows(path: Path, sheet: str | None = None) -> list[dict[str, object]]:
    book = load_workbook(path, read_only=True)
    try:
        rows = list((book[sheet] if sheet else book.active).iter_rows(values_only=True))
    finally:
        book.close()
    header, *lines = rows
    return [dict(zip(header, line, strict=False)) for line in lines]


def test_the_desk_of_center_01_runs_its_exam_day_in_the_window(
        users_url, start, qtbot, settings, monkeypatch, tmp_path, capsys) -> None:
    shots = shots_folder(tmp_path)
    now = [GATE]
    monkeypatch.setattr(clock, "now", lambda: now[0])
    monkeypatch.delenv("EXAMDESK_PASSWORD", raising=False)
    # the desk's officer and police unit, given on its first certificate (remembered since)
    settings.setValue("tempid/officer", "王警官")
    settings.setValue("tempid/unit", "周口市公安局川汇分局")
    candidate = someone_at(users_url, "01", 4)

    # the desk of center 01 signs in and opens 考务日 (Ctrl+9)
    started = start(users_url)
    window = started.window
    window.resize(1366, 768)
    dialog = login_dialog(qtbot, started)
    with qtbot.waitSignal(window.refreshed, timeout=30_000):
        type_in(qtbot, dialog, "desk01", "desk-secret")
    area = open_area(qtbot, window, "examday")

    # 1. the temporary ID desk: the last six digits of the ID number, then Enter
    desk = show_tab(qtbot, area, "tempid")
    printed: list[Path] = []
    desk.send = lambda path, _parent: printed.append(path)
    qtbot.waitUntil(lambda: desk.center_box.count() > 0, timeout=60_000)
    assert desk.center_box.currentData() == "01"
    actions = 0
    with qtbot.waitSignal(desk.found, timeout=30_000):
        qtbot.keyClicks(desk.search, candidate.id_number[-6:])
        actions += 1
    assert desk.hits[0].ticket_no == candidate.ticket_no and desk.warning.isHidden()
    assert candidate.name in desk.card.text() and f"第 {candidate.room} 考场" in desk.card.text()
    session_code = desk.hits[0].sessions[0].label.split()[0]  # the morning's paper
    with qtbot.waitSignal(desk.printed, timeout=60_000):
        qtbot.keyClick(desk.search, Qt.Key.Key_Return)
        actions += 1
    assert actions <= 3
    (certificate,) = printed
    assert certificate.name == "临时身份证明-01-0001.pdf"
    printed_text = text(certificate)
    assert "临时身份证明" in printed_text and candidate.id_number in printed_text
    assert candidate.name in printed_text and "王警官" in printed_text
    qtbot.waitUntil(lambda: desk.table.rowCount() == 1, timeout=30_000)
    shot(window, shots, "examday-1-tempid.png")

    # 2. the doors are closed: the candidate's room is marked and reconciled
    now[0] = IN_THE_ROOMS
    room_page = show_tab(qtbot, area, "attendance")
    qtbot.waitUntil(lambda: room_page.room is not None, timeout=60_000)
    choose(qtbot, room_page.session_box, session_code)
    choose(qtbot, room_page.room_box, f"01/{candidate.room}")
    qtbot.waitUntil(lambda: room_page.room is not None
                    and room_page.room.counts.room_id == room_page.room_box.currentData()
                    and room_page.room.counts.session_id == room_page.session_box.currentData(),
                    timeout=30_000)
    expected = room_page.room.counts.expected
    qtbot.mouseClick(room_page.all_present, Qt.MouseButton.LeftButton)  # 全部到场
    qtbot.waitUntil(lambda: room_page.room.counts.present == expected, timeout=30_000)
    # the certificate is on the room's exceptions list: checked against its holder, then typed
    assert room_page.certificates.isVisible()
    assert room_page.certificates.text().startswith(
        f"待在考场核验的临时身份证明：01-0001（{int(candidate.seat):02d} {candidate.name}）")
    shot(window, shots, "examday-2-certificate-to-check.png")
    qtbot.keyClicks(room_page.ticket, "01-0001")
    qtbot.keyClick(room_page.ticket, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not room_page.certificates.isVisible(), timeout=30_000)
    holder = next(s for s in room_page.room.seats if s.ticket_no == candidate.ticket_no)
    assert (holder.certificate, holder.certificate_checked) == ("01-0001", True)
    seats = [s.seat_no for s in room_page.room.seats
             if s.ticket_no != candidate.ticket_no][-2:]
    for seat, wanted in ((seats[0], "absent"), (seats[1], "absent"), (seats[1], "late")):
        click_seat(qtbot, room_page, seat)  # present -> absent -> late
        qtbot.waitUntil(lambda seat=seat, wanted=wanted: status(room_page, seat).value == wanted,
                        timeout=30_000)
    assert room_page.counts.text() == (f"应考 {expected} · 到场 {expected - 2} · "
                                       "迟到 1 · 缺考 1 · 未标记 0")
    room_page.sheets.lineEdit().selectAll()
    qtbot.keyClicks(room_page.sheets.lineEdit(), str(expected - 1))  # every paper handed in
    before = room_page.room
    qtbot.mouseClick(room_page.save_sheets, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: room_page.room is not before, timeout=30_000)
    assert room_page.problems.text() == "核对无误。" and room_page.seal.isEnabled()
    before = room_page.room
    qtbot.mouseClick(room_page.seal, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: room_page.room is not before, timeout=30_000)
    assert room_page.counts.text().endswith(" · 已封存")
    shot(window, shots, "examday-2-sealed.png")

    # 3. a phone in the same room: the act picked from the regulation, recorded and printed
    violations = show_tab(qtbot, area, "violations")
    qtbot.waitUntil(lambda: violations.act_box.count() > 0, timeout=60_000)
    qtbot.keyClicks(violations.who, candidate.ticket_no)
    choose(qtbot, violations.session_box, "6月11日上午")  # the sessions by their names
    violations.act_box.setFocus()
    qtbot.keyClicks(violations.act_box, "7")  # the first act of article 7 (7.1)
    for _ in range(4):
        qtbot.keyClick(violations.act_box, Qt.Key.Key_Down)  # 7.5
    assert violations.act_box.currentData() == "7.5"
    type_chinese(violations.text, "考试中使用手机")
    qtbot.mouseClick(violations.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: violations.table.model.total == 1, timeout=60_000)
    assert violations.result.text().startswith("已记录第 1 号：")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(tmp_path))
    view = violations.table.view
    rect = view.visualRect(violations.table.model.index(0, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(violations.print_button, Qt.MouseButton.LeftButton)
    record = tmp_path / "违纪记录-01-1.pdf"
    qtbot.waitUntil(lambda: violations.result.text() == f"已写入 {record}", timeout=60_000)
    record_text = text(record)
    assert "第七条第（五）项" in record_text and candidate.name in record_text
    assert "人社部令第31号" in record_text.replace(" ", "")
    shot(window, shots, "examday-3-violation.png")

    # 4. the board, read in the background, holds what the exports hold
    board = show_tab(qtbot, area, "board")
    with qtbot.waitSignal(board.loaded, timeout=30_000):
        board.refresh()  # the next tick, without waiting its 5 s
    assert board.board is not None and not board.board.whole
    assert board.board.clock is not None and session_code in board.board.clock.sessions
    header = [board.table.horizontalHeaderItem(c).text() for c in range(board.table.columnCount())]
    shown = dict(zip(header, [board.table.item(1, c).text() for c in range(len(header))],
                     strict=True))
    assert shown["考点"].startswith("01 ")
    shot(window, shots, "examday-4-board.png")

    monkeypatch.setenv("EXAMDESK_USER", "desk01")
    monkeypatch.setenv("EXAMDESK_PASSWORD", "desk-secret")
    for what in ("attendance", "tempids", "incidents"):
        status_, _out, err = examdesk(capsys, "--db", users_url, "export", what,
                                      tmp_path / f"{what}.xlsx")
        assert (status_, err) == (0, ""), err
    sitting = set(board.board.clock.sessions)
    rooms = [r for r in sheet_rows(tmp_path / "attendance.xlsx")
             if r["考点编号"] == "01" and r["场次"] in sitting]
    certificates = [r for r in sheet_rows(tmp_path / "tempids.xlsx")
                    if r["考点编号"] == "01" and r["状态"] == "有效"]
    recorded = [r for r in sheet_rows(tmp_path / "incidents.xlsx", "违纪记录")
                if r["考点编号"] == "01"]
    assert int(shown["应考"]) == sum(int(r["应考人数"]) for r in rooms) > 0
    assert int(shown["实到"]) == sum(int(r["实到人数"]) for r in rooms) == expected - 1
    assert int(shown["缺考"]) == sum(int(r["缺考人数"]) for r in rooms) == 1
    assert int(shown["未标记"]) == sum(int(r["未标记"]) for r in rooms)
    assert int(shown["临时身份证明"]) == len(certificates) == 1
    assert int(shown["违纪"]) == len(recorded) == 1

    # 5. the day ends: from the desk's 存疑考生 list to the center's printed list
    desk = show_tab(qtbot, area, "tempid")
    bar = desk.lists.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    qtbot.mouseClick(desk.doubt_list_button, Qt.MouseButton.LeftButton)
    assert window.current_area() == "print"
    assert window.pages["print"].form.sheet.currentText() == "存疑考生情况表"
    qtbot.waitUntil(lambda: not window.operations.running(), timeout=30_000)
