"""The 考点考场, 考生 and 工作人员 pages on the demo exam, in Chinese: each opens, searches by
pinyin initials and by Chinese from an input method, filters, shows a row's details, refreshes
only the rows a change touched, and exports its list to a workbook."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from examdesk.search import readings
from examdesk.services.exams import resolve_exam
from examdesk.services.rows.candidates import candidate_rows
from examdesk.services.rows.rooms import room_rows
from examdesk.services.rows.staff import staff_rows
from ui.window.background import Operations
from ui.window.pages import PageContext
from ui.window.pages.candidates import CandidatesPage
from ui.window.pages.listing import ListPage
from ui.window.pages.staff import StaffPage
from ui.window.pages.venues import VenuesPage

SHOTS = os.environ.get("EXAMDESK_SHOTS")


def open_page(cls, database, settings, qtbot) -> ListPage:
    operations = Operations(None, database)
    context = PageContext(operations, settings, lambda area, key: None)
    page = cls(context)
    # as the main window does: every change made goes to the pages' refresh
    operations.changed.connect(page.refresh)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitUntil(lambda: page.loaded, timeout=20_000)
    return page


def wait_idle(page, qtbot) -> None:
    qtbot.waitUntil(lambda: not page.context.operations.running(), timeout=20_000)


def shown(page: ListPage, column: int = 0) -> list[str]:
    model = page.table.model
    return [model.index(line, column).data() for line in range(model.rowCount())]


def initials(name: str) -> str:
    """What a clerk types for a name: the first letter of each character's pinyin."""
    return "".join(readings(char)[0][0] for char in name if readings(char))


def type_chinese(page: ListPage, text: str) -> None:
    commit(page.table.search_box, text)


def commit(line, text: str) -> None:
    """Chinese as an input method commits it into the line edit (replacing a selection)."""
    line.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(line, event)


def shoot(page: ListPage, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()  # lay out the details just filled
        page.grab().save(str(Path(SHOTS) / f"{name}.png"))


@pytest.fixture
def demo_rows(demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        return (candidate_rows(session, exam), room_rows(session, exam),
                staff_rows(session, exam))


PAGES = [(CandidatesPage, 0), (VenuesPage, 1), (StaffPage, 2)]


@pytest.mark.parametrize(("cls", "which"), PAGES)
def test_each_page_opens_with_every_row_and_its_model_keeps_qts_rules(
        cls, which, demo_db, demo_rows, settings, qtbot, qtmodeltester) -> None:
    page = open_page(cls, demo_db, settings, qtbot)
    assert page.table.model.rowCount() == len(demo_rows[which])
    qtmodeltester.check(page.table.model)
    shoot(page, cls.__name__)


def test_candidates_found_by_pinyin_initials_and_by_chinese(
        demo_db, demo_rows, settings, qtbot) -> None:
    page = open_page(CandidatesPage, demo_db, settings, qtbot)
    someone = demo_rows[0][0]
    type_chinese(page, someone.name)
    assert someone.name in shown(page)
    assert all(someone.name in name for name in shown(page))
    page.table.search_box.clear()
    qtbot.keyClicks(page.table.search_box, initials(someone.name))
    assert someone.name in shown(page)
    assert page.table.model.rowCount() < len(demo_rows[0])


def test_a_candidate_filter_narrows_and_selecting_shows_the_full_id_number(
        demo_db, demo_rows, settings, qtbot) -> None:
    page = open_page(CandidatesPage, demo_db, settings, qtbot)
    box = page.table.facet_boxes["center"]
    seated = next(r for r in demo_rows[0] if r.seated)
    box.setCurrentIndex(box.findData(seated.center_name))
    assert set(shown(page, 4)) == {seated.center_name}
    assert 0 < page.table.model.rowCount() < len(demo_rows[0])
    assert page.select(seated.candidate_id)
    assert page.details_title.text() == seated.name
    assert page.detail_value("证件号码") == seated.id_number
    assert page.detail_value("准考证号") == seated.ticket_no
    shoot(page, "candidates-details")


def test_withdrawing_reads_again_only_that_candidate(
        demo_copy, settings, qtbot, monkeypatch) -> None:
    page = open_page(CandidatesPage, demo_copy, settings, qtbot)
    model = page.table.model
    seated = next(r for r in model.shown() if r.seated)
    others = [r for r in model.shown() if r.candidate_id != seated.candidate_id]
    page.select(seated.candidate_id)
    read = page.read_rows
    asked: list[object] = []
    monkeypatch.setattr(page, "read_rows", lambda session, exam, ids=None: (
        asked.append(ids), read(session, exam, ids=ids))[1])
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.withdraw_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail_value("状态") == "已退考", timeout=20_000)
    wait_idle(page, qtbot)
    assert asked == [[seated.candidate_id]]  # the change set's rows, not the table
    assert page.table.current_key() == seated.candidate_id
    line = model.line_of(seated.candidate_id)
    assert line is not None and model.row_at(line).ticket_no == ""
    assert [r for r in model.shown() if r.candidate_id != seated.candidate_id] == others
    assert not page.withdraw_button.isEnabled()


def test_rooms_filter_by_center_and_show_a_rooms_details(
        demo_db, demo_rows, settings, qtbot) -> None:
    page = open_page(VenuesPage, demo_db, settings, qtbot)
    room = max(demo_rows[1], key=lambda r: r.seated)
    box = page.table.facet_boxes["center"]
    box.setCurrentIndex(box.findData(room.center_name))
    assert set(shown(page, 1)) == {room.center_name}
    type_chinese(page, room.center_name)
    assert page.table.model.rowCount() == sum(
        1 for r in demo_rows[1] if r.center_name == room.center_name)
    assert page.select(room.room_id)
    assert page.detail_value("已安排") == str(room.seated)
    assert page.detail_value("座位数") == str(room.capacity)
    shoot(page, "venues-details")


def test_staff_show_their_duties(demo_db, demo_rows, settings, qtbot) -> None:
    page = open_page(StaffPage, demo_db, settings, qtbot)
    member = max(demo_rows[2], key=lambda r: r.duties)
    qtbot.keyClicks(page.table.search_box, initials(member.name))
    assert member.name in shown(page)
    box = page.table.facet_boxes["role"]
    box.setCurrentIndex(box.findData(member.roles_text))
    assert set(shown(page, 5)) == {member.roles_text}
    assert page.select(member.staff_id)
    assert page.detail_value("证件号码") == member.id_number
    qtbot.waitUntil(lambda: page.duties is not None
                    and page.duties.rowCount() == member.duties, timeout=20_000)
    shoot(page, "staff-details")


@pytest.mark.parametrize(("cls", "title"), [
    (CandidatesPage, "考生名单"), (VenuesPage, "考点考场"), (StaffPage, "工作人员")])
def test_export_writes_the_workbook_of_examdesk_export(
        cls, title, demo_copy, settings, qtbot, tmp_path, monkeypatch) -> None:
    from examdesk.services import exports

    page = open_page(cls, demo_copy, settings, qtbot)
    target = tmp_path / "list"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "list.xlsx" in page.message.text(), timeout=30_000)
    book = load_workbook(tmp_path / "list.xlsx", read_only=True)
    values = [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    headers = {"考生名单": exports.CANDIDATE_COLUMNS, "考点考场": exports.ROOM_COLUMNS,
               "工作人员": exports.STAFF_COLUMNS}[title]
    header_names = [getattr(h, "header", h) for h in headers]
    assert any(all(name in row for name in header_names[:3]) for row in values[:5])
    wait_idle(page, qtbot)


def spy_reads(page: ListPage, monkeypatch) -> list[object]:
    """The ``ids`` of every read of the page's rows from now on."""
    read = page.read_rows
    asked: list[object] = []
    monkeypatch.setattr(page, "read_rows", lambda session, exam, ids=None: (
        asked.append(ids), read(session, exam, ids=ids))[1])
    return asked


def retype(qtbot, widget, text: str) -> None:
    line = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    line.selectAll()
    qtbot.keyClicks(line, text)


def test_shrinking_an_occupied_room_is_refused_beside_the_field_and_writes_nothing(
        demo_copy, settings, qtbot, monkeypatch) -> None:
    page = open_page(VenuesPage, demo_copy, settings, qtbot)
    room = next(r for r in page.table.model.shown() if r.seated and not r.locked)
    page.select(room.room_id)
    asked = spy_reads(page, monkeypatch)
    changes: list[object] = []
    page.context.operations.changed.connect(changes.append)
    retype(qtbot, page.columns_box, str(room.columns - 1))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    error = page.errors["columns"]
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    wait_idle(page, qtbot)
    assert error.text() == (f"此考场已安排 {room.seated} 名考生，座位不能更改。"
                            "请先把考生移出。")
    assert not page.errors["rows"].isVisible()
    assert asked == [] and changes == []
    with demo_copy.begin() as session:
        again = room_rows(session, resolve_exam(session), ids=[room.room_id])
    assert again == [room]
    shoot(page, "venues-refused")


def test_a_good_room_edit_refreshes_only_its_row(demo_copy, settings, qtbot, monkeypatch) -> None:
    page = open_page(VenuesPage, demo_copy, settings, qtbot)
    model = page.table.model
    room = next(r for r in model.shown() if not r.seated and not r.locked)
    others = [r for r in model.shown() if r.room_id != room.room_id]
    page.select(room.room_id)
    asked = spy_reads(page, monkeypatch)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    retype(qtbot, page.floor_box, "7")  # the floor is not searched: the line is refreshed
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail_value("位置").endswith("7楼"), timeout=20_000)
    wait_idle(page, qtbot)
    assert asked == [[room.room_id]]
    line = model.line_of(room.room_id)
    assert changed == [(line, line)]
    assert [r for r in model.shown() if r.room_id != room.room_id] == others
    assert page.saved_label.text() == "已保存。"


def test_a_room_renamed_in_chinese_is_found_by_its_new_name(
        demo_copy, settings, qtbot) -> None:
    page = open_page(VenuesPage, demo_copy, settings, qtbot)
    room = next(r for r in page.table.model.shown() if not r.locked)
    page.select(room.room_id)
    page.label_box.selectAll()
    commit(page.label_box, "阶梯教室")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail_value("教室") == "阶梯教室", timeout=20_000)
    wait_idle(page, qtbot)
    type_chinese(page, "阶梯")
    assert [r.room_id for r in page.table.model.shown()] == [room.room_id]


def test_a_candidates_photo_is_shown_beside_their_details(demo_copy, settings, qtbot) -> None:
    from io import BytesIO

    from PIL import Image

    from examdesk.model import CandidatePhoto

    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        someone = candidate_rows(session, exam)[3]
        data = BytesIO()
        Image.new("RGB", (300, 400), "red").save(data, "JPEG")
        session.add(CandidatePhoto(candidate_id=someone.candidate_id, data=data.getvalue()))
    page = open_page(CandidatesPage, demo_copy, settings, qtbot)
    page.select(someone.candidate_id)
    qtbot.waitUntil(lambda: page.photo.pixmap() is not None
                    and not page.photo.pixmap().isNull(), timeout=20_000)
    assert page.photo.pixmap().width() == 120
    page.select(next(r.candidate_id for r in page.table.model.shown()
                     if r.candidate_id != someone.candidate_id))
    assert page.photo.pixmap().isNull()
    wait_idle(page, qtbot)


def test_a_wrong_phone_is_refused_beside_the_field_and_a_good_one_refreshes_its_row(
        demo_copy, settings, qtbot, monkeypatch) -> None:
    page = open_page(CandidatesPage, demo_copy, settings, qtbot)
    model = page.table.model
    someone = model.shown()[2]
    page.select(someone.candidate_id)
    asked = spy_reads(page, monkeypatch)
    retype(qtbot, page.phone_box, "12345")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.phone_error.isVisible, timeout=20_000)
    wait_idle(page, qtbot)
    assert page.phone_error.text() == (
        "不是手机号码（以1开头的11位数字），也不是带区号的固定电话；请改正号码，或留空。")
    assert asked == []
    with demo_copy.begin() as session:
        assert candidate_rows(session, resolve_exam(session),
                              ids=[someone.candidate_id]) == [someone]
    shoot(page, "candidates-refused")
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    retype(qtbot, page.phone_box, "0394-8234567")
    qtbot.keyClick(page.phone_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.detail_value("联系电话") == "0394-8234567", timeout=20_000)
    wait_idle(page, qtbot)
    assert asked == [[someone.candidate_id]]
    assert changed == [(2, 2)]
    assert not page.phone_error.isVisible()
