"""Adding, changing and deleting a staff member by hand: the staff import's rules (ID number,
gender, roles, home center, phone), a duplicate refused at its field, a person on duty deleted
only when the clerk says to remove their duties, audited with before and after."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from examdesk.enums import Gender, StaffRole
from examdesk.errors import BadInput
from examdesk.idcard import with_check_character
from examdesk.model import AuditEvent, Duty, Staff, StaffRoleAssignment
from examdesk.services.exams import resolve_exam
from examdesk.services.rows.staff import staff_rows
from examdesk.services.staff_edits import delete_staff, edit_staff, new_staff

# a man born on 1985-11-20 in Zhoukou (sequence 013: odd)
NEW_ID = with_check_character("41160219851120013")


def rows(db):
    with db.begin() as session:
        exam = resolve_exam(session)
        return exam, staff_rows(session, exam)


def counts(db) -> tuple[int, int, int]:
    with db.begin() as session:
        return tuple(session.scalar(select(func.count()).select_from(table)) or 0
                     for table in (Staff, Duty, AuditEvent))


def audit_of(db, staff_id: int) -> list[tuple[str, dict]]:
    with db.begin() as session:
        return [(e.action, e.details) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "staff",
                                     AuditEvent.entity_id == str(staff_id))
            .order_by(AuditEvent.id))]


def test_a_staff_member_is_added_as_an_import_row_would_be(demo_copy, actor) -> None:
    exam, before = rows(demo_copy)
    center = next(r for r in before if r.home_center)
    with demo_copy.write("add") as session:
        changes = new_staff(session, actor, exam, name="赵 建国", id_number=NEW_ID,
                            roles="监考、志愿者", work_unit="周口市第一中学",
                            phone="139 0394 1234", center=center.home_center_code)
    (added,) = changes.staff
    _exam, after = rows(demo_copy)
    row = next(r for r in after if r.staff_id == added)
    assert (row.name, row.gender, row.roles, row.home_center, row.phone, row.duties) == (
        "赵 建国", Gender.MALE, (StaffRole.INVIGILATOR, StaffRole.VOLUNTEER),
        center.home_center, "13903941234", 0)
    assert len(after) == len(before) + 1
    ((action, details),) = audit_of(demo_copy, added)
    assert action == "staff.add" and details["after"]["roles"] == "监考员、志愿者"


@pytest.mark.parametrize(("values", "fields"), [
    ({"id_number": NEW_ID[:17] + ("0" if NEW_ID[17] != "0" else "1")}, {"id_number"}),
    ({"name": ""}, {"name"}),
    ({"gender": "女"}, {"gender"}),
    ({"roles": ""}, {"role"}),
    ({"roles": "厨师"}, {"role"}),
    ({"center": "不存在的学校"}, {"center"}),
    ({"phone": "110"}, {"phone"}),
    ({"name": "", "roles": "厨师"}, {"name", "role"}),
])
def test_each_bad_value_is_refused_beside_its_field_and_nothing_is_written(
        demo_copy, actor, values, fields) -> None:
    exam, _before = rows(demo_copy)
    written = counts(demo_copy)
    typed = {"name": "赵建国", "id_number": NEW_ID, "roles": "监考员", **values}
    with demo_copy.write("add") as session, pytest.raises(BadInput) as refused:
        new_staff(session, actor, exam, **typed)
    assert refused.value.code == "staff-value"
    assert set(refused.value.fields["problems"]) == fields
    assert counts(demo_copy) == written


def test_a_taken_id_number_is_refused_at_the_field(demo_copy, actor) -> None:
    exam, before = rows(demo_copy)
    someone = before[0]
    written = counts(demo_copy)
    with demo_copy.write("add") as session, pytest.raises(BadInput) as refused:
        new_staff(session, actor, exam, name="赵建国", id_number=someone.id_number,
                  roles="监考员")
    assert (refused.value.code, refused.value.fields["field"]) == (
        "staff-duplicate", "id_number")
    assert someone.name in str(refused.value)
    assert counts(demo_copy) == written


def test_a_change_is_audited_before_and_after_and_touches_only_that_person(
        demo_copy, actor) -> None:
    exam, before = rows(demo_copy)
    person = next(r for r in before if r.duties == 0)
    with demo_copy.write("edit") as session:
        changes = edit_staff(session, actor, exam, person.staff_id, name=person.name,
                             roles="医务人员", work_unit="周口市中心医院", phone="",
                             center="")
    assert changes.staff == {person.staff_id}
    _exam, after = rows(demo_copy)
    row = next(r for r in after if r.staff_id == person.staff_id)
    assert (row.roles, row.work_unit, row.home_center, row.id_number) == (
        (StaffRole.MEDICAL,), "周口市中心医院", "", person.id_number)
    action, details = audit_of(demo_copy, person.staff_id)[-1]
    assert action == "staff.edit"
    assert details["roles"] == [person.roles_text, "医务人员"]
    assert details["work_unit"] == [person.work_unit, "周口市中心医院"]
    assert [r for r in after if r.staff_id != person.staff_id] == \
        [r for r in before if r.staff_id != person.staff_id]


def test_a_person_on_duty_is_deleted_only_with_their_duties_named(demo_copy, actor) -> None:
    exam, before = rows(demo_copy)
    busy = next(r for r in before if r.duties)
    written = counts(demo_copy)
    with demo_copy.write("delete") as session, pytest.raises(BadInput) as refused:
        delete_staff(session, actor, exam, busy.staff_id)
    assert refused.value.code == "staff-on-duty"
    assert refused.value.fields["count"] == busy.duties
    assert len(refused.value.fields["duties"]) == busy.duties
    assert counts(demo_copy) == written
    with demo_copy.write("delete") as session:
        changes = delete_staff(session, actor, exam, busy.staff_id, with_duties=True)
    assert changes.removed == {busy.staff_id} and changes.duties == busy.duties
    assert counts(demo_copy)[:2] == (written[0] - 1, written[1] - busy.duties)
    with demo_copy.begin() as session:
        assert not session.scalars(select(StaffRoleAssignment).where(
            StaffRoleAssignment.staff_id == busy.staff_id)).all()
    action, details = audit_of(demo_copy, busy.staff_id)[-1]
    assert action == "staff.delete" and len(details["duties"]) == busy.duties
    assert details["before"]["id_number"] == busy.id_number


def test_a_person_without_duties_is_deleted(demo_copy, actor) -> None:
    exam, before = rows(demo_copy)
    idle = next(r for r in before if r.duties == 0)
    with demo_copy.write("delete") as session:
        changes = delete_staff(session, actor, exam, idle.staff_id)
    assert changes.removed == {idle.staff_id} and changes.duties == 0
    _exam, after = rows(demo_copy)
    assert [r.staff_id for r in after] == [r.staff_id for r in before if r is not idle]
