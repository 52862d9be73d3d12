"""Two clerks change the same person: the second clerk's Save is refused in the form, which
keeps what they typed, says who changed the person and when and shows the values saved now;
Save over it replaces them deliberately, Cancel takes them. Real events; the other clerk
works through a second connection to the same database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from examdesk.db import Database, open_database
from examdesk.model import Room, Staff
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.room_edits import edit_room
from examdesk.services.staff_edits import edit_staff
from tests.ui.test_list_edits import type_into
from tests.ui.test_list_pages import open_page, shoot, wait_idle
from ui.window.pages.staff import StaffPage
from ui.window.pages.venues import VenuesPage
from ui.window.signals import emit

ZHANG = Actor("张老师")


@pytest.fixture
def other(demo_copy_url: str, demo_copy: Database) -> Iterator[Database]:
    """The other clerk's program, on the same database."""
    database = open_database(demo_copy_url)
    yield database
    database.close()


def phone_of(db: Database, staff_id: int) -> str:
    with db.begin() as session:
        return session.get(Staff, staff_id).phone


def test_a_person_changed_meanwhile_is_not_overwritten_unless_the_clerk_says_so(
        demo_copy, other, settings, qtbot) -> None:
    page = open_page(StaffPage, demo_copy, settings, qtbot)
    person = page.table.model.shown()[0]
    page.select(person.staff_id)
    qtbot.waitUntil(lambda: page.form.isEnabled(), timeout=20_000)
    type_into(qtbot, page, "phone", "13811112222")
    # meanwhile 张老师 changes the same person's phone at another desk
    with other.write("edit") as session:
        edit_staff(session, ZHANG, resolve_exam(session), person.staff_id, name=person.name,
                   roles=person.roles_text, gender=person.gender_label,
                   work_unit=person.work_unit, phone="13933334444",
                   center=person.home_center)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    conflict = page.form.conflict_label
    qtbot.waitUntil(conflict.isVisible, timeout=20_000)
    qtbot.waitUntil(lambda: page.detail_value("联系电话") == "13933334444", timeout=20_000)
    wait_idle(page, qtbot)
    shoot(page, "staff-conflict")
    said = conflict.text()
    assert said.startswith("张老师在 ") and "修改了" + person.name in said
    assert "未保存任何内容" in said and "13933334444" in said
    assert page.form.inputs["phone"].text() == "13811112222"  # what the clerk typed stays
    assert page.save_button.text() == "覆盖保存" and page.form.cancel_button.isVisible()
    assert phone_of(demo_copy, person.staff_id) == "13933334444"  # theirs kept
    # saved over it, deliberately
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form.saved_label.text() == "已保存。", timeout=20_000)
    wait_idle(page, qtbot)
    assert phone_of(demo_copy, person.staff_id) == "13811112222"
    assert not conflict.isVisible() and page.save_button.text() != "覆盖保存"


def test_cancel_after_a_conflict_takes_the_values_saved_now(
        demo_copy, other, settings, qtbot) -> None:
    page = open_page(VenuesPage, demo_copy, settings, qtbot)
    room = next(r for r in page.table.model.shown() if not r.locked)
    page.select(room.room_id)
    qtbot.waitUntil(lambda: page.form.isEnabled(), timeout=20_000)
    type_into(qtbot, page, "label", "101")
    with other.write("edit") as session:
        edit_room(session, ZHANG, resolve_exam(session), room.room_id, rows=room.rows,
                  columns=room.columns, building=room.building, floor=room.floor,
                  label="报告厅")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.form.conflict_label.isVisible, timeout=20_000)
    wait_idle(page, qtbot)
    qtbot.mouseClick(page.form.cancel_button, Qt.MouseButton.LeftButton)
    assert page.form.inputs["label"].text() == "报告厅"
    assert not page.form.conflict_label.isVisible()
    with demo_copy.begin() as session:
        assert session.get(Room, room.room_id).label == "报告厅"


def test_a_candidate_form_opened_before_an_allocation_is_refused_after_it(
        demo_copy, other, settings, qtbot) -> None:
    from examdesk.model import Candidate
    from examdesk.services import seating
    from ui.window.pages.candidates import CandidatesPage

    page = open_page(CandidatesPage, demo_copy, settings, qtbot)
    row = next(r for r in page.table.model.shown() if r.seated)
    page.select(row.candidate_id)
    qtbot.waitUntil(lambda: page.form.isEnabled(), timeout=20_000)
    type_into(qtbot, page, "phone", "13877778888")
    with other.write("allocate") as session:  # 张老师 seats everyone again meanwhile
        seating.allocate_exam(session, ZHANG, resolve_exam(session), seed=99)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.form.conflict_label.isVisible, timeout=20_000)
    wait_idle(page, qtbot)
    assert page.form.conflict_label.text().startswith("张老师在 ")
    assert page.form.inputs["phone"].text() == "13877778888"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)  # 覆盖保存
    qtbot.waitUntil(lambda: page.form.saved_label.text() == "已保存。", timeout=20_000)
    wait_idle(page, qtbot)
    with demo_copy.begin() as session:
        assert session.get(Candidate, row.candidate_id).phone == "13877778888"


def test_an_untouched_form_follows_another_clerks_change(
        demo_copy, other, settings, qtbot) -> None:
    page = open_page(StaffPage, demo_copy, settings, qtbot)
    person = page.table.model.shown()[0]
    page.select(person.staff_id)
    qtbot.waitUntil(lambda: page.form.isEnabled(), timeout=20_000)
    with other.write("edit") as session:
        edit_staff(session, ZHANG, resolve_exam(session), person.staff_id, name=person.name,
                   roles=person.roles_text, gender=person.gender_label,
                   work_unit=person.work_unit, phone="13933334444",
                   center=person.home_center)
    emit(page.context.operations.changed, None)  # as the window's poll does
    qtbot.waitUntil(lambda: page.form.inputs["phone"].text() == "13933334444",
                    timeout=20_000)
    wait_idle(page, qtbot)
    type_into(qtbot, page, "work_unit", "周口市教育局")  # now typed: saved without a conflict
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.form.saved_label.text() == "已保存。", timeout=20_000)
    wait_idle(page, qtbot)
    assert not page.form.conflict_label.isVisible()
