"""Adding, changing and deleting on the 考生, 考点考场 and 工作人员 pages, in Chinese, with real
events: a new record typed into the form appears in the table (searchable by pinyin
initials), a bad value is refused beside its field and writes nothing, a seated candidate is
not deleted (the refusal offers the withdrawal), a staff member on duty is deleted only once
the clerk agrees to remove their duties."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import func, select

from examdesk.idcard import with_check_character
from examdesk.model import AuditEvent, Candidate, Room, Staff
from examdesk.services.exams import resolve_exam
from examdesk.services.rows.candidates import candidate_rows
from tests.ui.test_list_pages import (
    SHOTS,
    commit,
    initials,
    open_page,
    retype,
    shoot,
    shown,
    spy_reads,
    wait_idle,
)
from ui.window.pages.candidates import CandidatesPage
from ui.window.pages.staff import StaffPage
from ui.window.pages.venues import VenuesPage

NEW_ID = with_check_character("41160219900307002")  # a woman born on 1990-03-07


def count(db, table) -> int:
    with db.begin() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


def answer(page, qtbot, shot: str = "") -> str:
    """Clicks the Yes of the question the page asks now; returns the question's text."""
    qtbot.waitUntil(lambda: page.question_box is not None
                    and page.question_box.isVisible(), timeout=20_000)
    box = page.question_box
    text = box.text()
    if SHOTS and shot:
        box.grab().save(str(Path(SHOTS) / f"{shot}.png"))
    qtbot.mouseClick(box.findChild(QPushButton, "yes"), Qt.MouseButton.LeftButton)
    return text


def type_into(qtbot, page, field: str, text: str) -> None:
    """Types Chinese as an input method commits it, other text key by key."""
    line = page.form.inputs[field]
    line.selectAll()
    if any(ord(char) > 0x2E7F for char in text):
        commit(line, text)
    else:
        qtbot.keyClicks(line, text)


def choose(box, text: str) -> None:
    box.setCurrentIndex(box.findText(text))


def test_a_candidate_added_through_the_form_is_found_by_pinyin(
        demo_copy, settings, qtbot, monkeypatch) -> None:
    page = open_page(CandidatesPage, demo_copy, settings, qtbot)
    total = page.table.model.total
    page.activateWindow()  # a shortcut works in the active window (as the clerk's is)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=20_000)
    page.table.view.setFocus()
    qtbot.keyClick(page.table.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.form.adding and page.details_title.text() == "新考生"
    assert page.form.inputs["id_number"].isEnabled()
    type_into(qtbot, page, "name", "欧阳晓梅")
    type_into(qtbot, page, "id_number", NEW_ID)
    choose(page.level_box, "助理社会工作师")
    type_into(qtbot, page, "subjects", "综合能力")
    type_into(qtbot, page, "work_unit", "周口市民政局")
    type_into(qtbot, page, "phone", "13903941234")
    asked = spy_reads(page, monkeypatch)
    shoot(page, "candidates-new")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.model.total == total + 1, timeout=20_000)
    wait_idle(page, qtbot)
    assert len(asked) == 1 and len(asked[0]) == 1  # only the new row was read
    assert page.details_title.text() == "欧阳晓梅"
    assert page.detail_value("性别") == "女"
    assert page.detail_value("报考科目") == "社会工作综合能力(初级)"
    assert page.form.saved_label.text() == "已添加。" and not page.form.adding
    qtbot.keyClicks(page.table.search_box, initials("欧阳晓梅"))
    assert "欧阳晓梅" in shown(page)


def test_a_bad_id_number_is_refused_beside_its_field_and_nothing_is_written(
        demo_copy, settings, qtbot) -> None:
    page = open_page(CandidatesPage, demo_copy, settings, qtbot)
    before = count(demo_copy, Candidate), count(demo_copy, AuditEvent)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page, "name", "欧阳晓梅")
    type_into(qtbot, page, "id_number", NEW_ID[:16] + "99")  # a mistyped check digit
    choose(page.level_box, "社会工作师")
    type_into(qtbot, page, "phone", "123")
    qtbot.keyClick(page.form.inputs["phone"], Qt.Key.Key_Return)
    error = page.form.errors["id_number"]
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    wait_idle(page, qtbot)
    assert error.text().startswith("最后一位（校验码）与前17位不符")
    assert page.form.errors["phone"].isVisible()
    assert not page.form.errors["name"].isVisible()
    assert (count(demo_copy, Candidate), count(demo_copy, AuditEvent)) == before
    assert page.form.adding  # what was typed stays, to be corrected
    shoot(page, "candidates-new-refused")
    qtbot.mouseClick(page.form.cancel_button, Qt.MouseButton.LeftButton)
    assert not page.form.adding


def test_a_seated_candidate_is_not_deleted_and_the_refusal_offers_to_withdraw(
        demo_copy, settings, qtbot, monkeypatch) -> None:
    page = open_page(CandidatesPage, demo_copy, settings, qtbot)
    seated = next(r for r in page.table.model.shown() if r.seated)
    page.select(seated.candidate_id)
    total = page.table.model.total
    page.table.view.setFocus()
    qtbot.keyClick(page.table.view, Qt.Key.Key_Delete)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    text = answer(page, qtbot, "candidates-delete-seated")  # 退考…
    assert "不能删除" in text and seated.ticket_no in text and "请先办理退考" in text
    qtbot.waitUntil(lambda: page.detail_value("状态") == "已退考", timeout=20_000)
    wait_idle(page, qtbot)
    assert page.table.model.total == total
    # withdrawn, they can go
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert seated.name in answer(page, qtbot)
    qtbot.waitUntil(lambda: page.table.model.total == total - 1, timeout=20_000)
    wait_idle(page, qtbot)
    assert not page.table.model.has_key(seated.candidate_id)
    assert page.message.text() == f"已删除 {seated.name}。"


def test_a_seated_candidates_level_change_is_refused_beside_the_level(
        demo_copy, settings, qtbot) -> None:
    page = open_page(CandidatesPage, demo_copy, settings, qtbot)
    seated = next(r for r in page.table.model.shown() if r.seated
                  and r.level == "社会工作师")
    page.select(seated.candidate_id)
    assert not page.form.inputs["id_number"].isEnabled()
    choose(page.level_box, "助理社会工作师")
    assert page.subjects_line.text() == ""  # the other level's papers: all of them
    type_into(qtbot, page, "work_unit", "新单位")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    error = page.form.errors["level"]
    wait_idle(page, qtbot)
    qtbot.waitUntil(error.isVisible, timeout=20_000)
    wait_idle(page, qtbot)
    assert "不能更改级别" in error.text()
    with demo_copy.begin() as session:
        assert candidate_rows(session, resolve_exam(session),
                              ids=[seated.candidate_id])[0].work_unit == seated.work_unit


def test_a_room_added_and_an_empty_room_deleted(demo_copy, settings, qtbot) -> None:
    page = open_page(VenuesPage, demo_copy, settings, qtbot)
    model = page.table.model
    room = next(r for r in model.shown() if r.seated)
    page.select(room.room_id)
    total = model.total
    # the form's list of centers is read in the background too
    qtbot.waitUntil(lambda: page.center_box.count() > 0, timeout=30_000)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.details_title.text() == "新考场" and page.code_box.isVisible()
    assert page.center_box.currentData() == room.center_id
    qtbot.keyClicks(page.code_box, room.code)  # taken in this center
    page.label_box.setFocus()
    commit(page.label_box, "阶梯教室")
    shoot(page, "venues-new")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.errors["code"].isVisible, timeout=20_000)
    wait_idle(page, qtbot)
    assert page.errors["code"].text() == (
        f"{room.center_name}已有 {room.code} 考场；请换一个考场号。")
    shoot(page, "venues-new-refused")
    retype(qtbot, page.code_box, "099")
    page.accessible_box.setFocus()
    qtbot.keyClick(page.accessible_box, Qt.Key.Key_Space)
    assert page.accessible_box.isChecked()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.total == total + 1, timeout=20_000)
    wait_idle(page, qtbot)
    assert page.details_title.text() == f"{room.center_name} 099"
    assert page.detail_value("座位数") == "30"
    assert page.detail_value("无障碍") == "是" and not page.accessible_box.isVisible()
    # an occupied room stays
    page.select(room.room_id)
    page.table.view.setFocus()
    qtbot.keyClick(page.table.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.question_box is not None, timeout=20_000)
    wait_idle(page, qtbot)
    assert "请先把考生移出" in page.question_box.text()
    page.question_box.close()
    # the new, empty one goes
    rooms = count(demo_copy, Room)
    page.select(next(r.room_id for r in model.shown() if r.code == "099"
                     and r.center_id == room.center_id))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert "099" in answer(page, qtbot)
    qtbot.waitUntil(lambda: model.total == total, timeout=20_000)
    wait_idle(page, qtbot)
    assert count(demo_copy, Room) == rooms - 1


def test_a_staff_member_added_changed_and_deleted_with_their_duties(
        demo_copy, settings, qtbot, qtmodeltester) -> None:
    page = open_page(StaffPage, demo_copy, settings, qtbot)
    model = page.table.model
    total = model.total
    busy = max(model.shown(), key=lambda r: r.duties)
    # a new person
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, page, "name", "赵建国")
    type_into(qtbot, page, "id_number", with_check_character("41160219851120013"))
    type_into(qtbot, page, "role", "监考员、厨师")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.form.errors["role"].isVisible, timeout=20_000)
    wait_idle(page, qtbot)
    assert page.form.errors["role"].text().startswith("“厨师”：岗位无法识别")
    shoot(page, "staff-new-refused")
    type_into(qtbot, page, "role", "监考员、志愿者")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: model.total == total + 1, timeout=20_000)
    wait_idle(page, qtbot)
    assert page.details_title.text() == "赵建国"
    assert page.detail_value("岗位") == "监考员、志愿者"
    qtmodeltester.check(model)
    # a person on duty: asked twice, their duties named
    staff = count(demo_copy, Staff)
    page.select(busy.staff_id)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert busy.name in answer(page, qtbot)
    second = answer(page, qtbot, "staff-delete-on-duty")
    assert f"有 {busy.duties} 项任务" in second
    qtbot.waitUntil(lambda: model.total == total, timeout=20_000)
    wait_idle(page, qtbot)
    assert count(demo_copy, Staff) == staff - 1
    assert not model.has_key(busy.staff_id)
    qtmodeltester.check(model)


@pytest.mark.parametrize("cls", [CandidatesPage, VenuesPage, StaffPage])
def test_each_page_offers_add_and_delete(cls, demo_db, settings, qtbot) -> None:
    page = open_page(cls, demo_db, settings, qtbot)
    assert page.add_button is not None and page.delete_button is not None
    assert page.add_button.isEnabled()
    assert not page.delete_button.isEnabled()  # nothing selected yet
    page.select(page.table.model.shown()[0].__getattribute__(
        {CandidatesPage: "candidate_id", VenuesPage: "room_id", StaffPage: "staff_id"}[cls]))
    assert page.delete_button.isEnabled() and page.form.isEnabled()
    shoot(page, f"{cls.__name__}-form")


def test_a_person_saved_before_the_centers_were_read_keeps_their_home_center(
        demo_copy, settings, qtbot, monkeypatch) -> None:
    # the list of centers comes from a background read: on a busy server it can come after
    # the clerk has saved; the person's home center must not become the list's first choice
    held: list = []
    monkeypatch.setattr(StaffPage, "read_centers", lambda self, on_success: held.append(
        (self, on_success)))
    page = open_page(StaffPage, demo_copy, settings, qtbot)
    person = next(row for row in page.table.model.shown() if row.home_center)
    page.select(person.staff_id)
    qtbot.waitUntil(lambda: page.form.isEnabled(), timeout=20_000)
    assert page.center_box.count() == 0  # not read yet
    type_into(qtbot, page, "phone", "13811112222")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form.saved_label.text().startswith("已保存"), timeout=20_000)
    with demo_copy.begin() as session:
        stored = session.get(Staff, person.staff_id)
        assert (stored.phone, stored.home_center.name) == ("13811112222", person.home_center)
    # the centers come at last: the form shows the person's
    from examdesk.services.rows.choices import Choice

    with demo_copy.begin() as session:
        from examdesk.model import TestCenter

        centers = [Choice(c.id, c.code, c.name) for c in session.scalars(
            select(TestCenter).order_by(TestCenter.code))]
    for one, on_success in held:
        if one is page:
            on_success(centers)
    assert page.center_box.currentData() == person.home_center
