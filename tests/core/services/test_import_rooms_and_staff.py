"""Importing rooms creates centers and rooms; importing staff links them to their centers."""

from __future__ import annotations

from sqlalchemy import func, select, update

from examdesk.enums import StaffRole
from examdesk.exchange.problems import Severity
from examdesk.model import (
    Candidate,
    Room,
    SeatAssignment,
    Staff,
    StaffRelative,
    StaffRoleAssignment,
    TestCenter,
)
from examdesk.services.imports.candidates import import_candidates
from examdesk.services.imports.rooms import import_rooms
from examdesk.services.imports.staff import import_staff
from tests.conftest import SAMPLES
from tests.core.exchange.helpers import (
    HEADER,
    MAN,
    OTHER_WOMAN,
    ROOM_HEADER,
    STAFF_HEADER,
    WOMAN,
    candidate,
    room,
    staff_member,
    write_workbook,
)


def run(exam, actor, importer, path, **options):
    with exam.db.begin() as session:
        return importer(session, actor, exam.exam, path, **options)


def scalar(exam, query):
    with exam.db.begin() as session:
        return session.scalar(query)


def test_the_sample_rooms_make_five_centers_and_205_rooms(empty_exam, actor):
    result = run(empty_exam, actor, import_rooms, SAMPLES / "rooms.xlsx")
    assert (result.rows, result.added, result.problems) == (205, 205, ())
    assert scalar(empty_exam, select(func.count(TestCenter.id))) == 5
    assert scalar(empty_exam, select(func.count(Room.id)).where(Room.spare)) == 5
    assert scalar(empty_exam, select(func.sum(Room.rows * Room.columns))) == 205 * 30
    with empty_exam.db.begin() as session:
        first = session.execute(select(TestCenter.code, TestCenter.name, Room.code, Room.floor)
                                .join(Room).order_by(Room.sort_order).limit(1)).one()
    assert tuple(first) == ("01", "周口技师学院", "01001", 1)
    again = run(empty_exam, actor, import_rooms, SAMPLES / "rooms.xlsx")
    assert (again.added, again.updated, again.unchanged, again.written) == (0, 0, 205, False)


def test_a_changed_grid_updates_the_room_and_is_reported(empty_exam, actor, tmp_path):
    run(empty_exam, actor, import_rooms, write_workbook(
        tmp_path / "a.xlsx", [ROOM_HEADER, room("01001"), room("01002")], "考点考场"))
    result = run(empty_exam, actor, import_rooms, write_workbook(
        tmp_path / "b.xlsx", [ROOM_HEADER, room("01001", rows=7.0), room("01002")], "考点考场"))
    assert (result.added, result.updated, result.unchanged) == (0, 1, 1)
    (warning,) = result.problems
    assert (warning.row, warning.column, warning.severity) == (2, "H", Severity.WARNING)
    assert scalar(empty_exam, select(Room.rows).where(Room.code == "01001")) == 7


def test_a_locked_room_or_one_with_seated_candidates_keeps_its_grid(empty_exam, actor, tmp_path):
    run(empty_exam, actor, import_rooms, write_workbook(
        tmp_path / "a.xlsx", [ROOM_HEADER, room("01001"), room("01002")], "考点考场"))
    run(empty_exam, actor, import_candidates, write_workbook(
        tmp_path / "c.xlsx", [HEADER, candidate(1, "张三", "男", MAN)]))
    with empty_exam.db.begin() as session:
        session.execute(update(Room).where(Room.code == "01001").values(locked=True))
        session.add(SeatAssignment(
            candidate_id=session.scalar(select(Candidate.id)), exam_id=empty_exam.exam.id,
            room_id=session.scalar(select(Room.id).where(Room.code == "01002")), seat_no=1,
            ticket_no="230101001"))
    result = run(empty_exam, actor, import_rooms, write_workbook(
        tmp_path / "b.xlsx", [ROOM_HEADER, room("01001", rows=7.0), room("01002", rows=7.0)],
        "考点考场"))
    problems = {p.row: p for p in result.errors}
    assert "locked" in problems[2].what and "1 candidates are seated" in problems[3].what
    assert not result.written
    with empty_exam.db.begin() as session:
        assert set(session.scalars(select(Room.rows))) == {6}


def test_a_new_center_without_a_code_gets_the_next_free_one(empty_exam, actor, tmp_path):
    run(empty_exam, actor, import_rooms, SAMPLES / "rooms.xlsx")
    result = run(empty_exam, actor, import_rooms, write_workbook(
        tmp_path / "n.xlsx", [ROOM_HEADER, room("1", code=None, name="周口市第三高级中学")],
        "考点考场"))
    assert result.added == 1 and result.problems == ()
    assert scalar(empty_exam, select(TestCenter.code).where(
        TestCenter.name == "周口市第三高级中学")) == "06"


def test_a_known_center_name_under_another_code_is_refused(empty_exam, actor, tmp_path):
    run(empty_exam, actor, import_rooms, SAMPLES / "rooms.xlsx")
    result = run(empty_exam, actor, import_rooms, write_workbook(
        tmp_path / "x.xlsx", [ROOM_HEADER, room("09001", code="09")], "考点考场"))
    (error,) = result.errors
    assert (error.row, error.column) == (2, "B") and "code 01" in error.what
    assert scalar(empty_exam, select(func.count(TestCenter.id))) == 5


def test_room_errors_write_nothing_unless_skipped(empty_exam, actor, tmp_path):
    path = write_workbook(tmp_path / "e.xlsx", [
        ROOM_HEADER, room("01001"), room("01002", rows="六"), room("01003")], "考点考场")
    refused = run(empty_exam, actor, import_rooms, path)
    assert refused.refused_rows == (3,) and not refused.written
    assert scalar(empty_exam, select(func.count(Room.id))) == 0
    skipped = run(empty_exam, actor, import_rooms, path, skip_invalid=True)
    assert skipped.added == 2 and skipped.written
    with empty_exam.db.begin() as session:
        assert set(session.scalars(select(Room.code))) == {"01001", "01003"}


def test_the_sample_staff_import_with_roles_centers_and_relatives(empty_exam, actor):
    run(empty_exam, actor, import_rooms, SAMPLES / "rooms.xlsx")
    result = run(empty_exam, actor, import_staff, SAMPLES / "staff.xlsx")
    assert (result.rows, result.added, result.problems) == (650, 650, ())
    assert scalar(empty_exam, select(func.count(Staff.id)).where(
        Staff.home_center_id.is_not(None))) == 650
    assert scalar(empty_exam, select(func.count()).select_from(StaffRoleAssignment).where(
        StaffRoleAssignment.role == StaffRole.INVIGILATOR)) == 480
    assert scalar(empty_exam, select(func.count()).select_from(StaffRelative)) == 14
    again = run(empty_exam, actor, import_staff, SAMPLES / "staff.xlsx")
    assert (again.unchanged, again.written) == (650, False)


def test_staff_before_their_centers_are_refused_with_the_fix(empty_exam, actor):
    result = run(empty_exam, actor, import_staff, SAMPLES / "staff.xlsx")
    assert result.refused == 650 and not result.written
    assert "import the rooms first" in result.errors[0].fix
    assert scalar(empty_exam, select(func.count(Staff.id))) == 0


def test_a_staff_update_replaces_roles_and_relatives(empty_exam, actor, tmp_path):
    run(empty_exam, actor, import_rooms, SAMPLES / "rooms.xlsx")
    run(empty_exam, actor, import_staff, write_workbook(tmp_path / "a.xlsx", [
        STAFF_HEADER, staff_member(1, "张三", "男", MAN, relatives=WOMAN)]))
    result = run(empty_exam, actor, import_staff, write_workbook(tmp_path / "b.xlsx", [
        STAFF_HEADER, staff_member(1, "张三", "男", MAN, role="巡考员、流动监考",
                                   center="周口市文昌中学", relatives=OTHER_WOMAN)]))
    assert result.updated == 1
    assert {p.column for p in result.warnings} == {"G", "H", "I"}
    with empty_exam.db.begin() as session:
        assert set(session.scalars(select(StaffRoleAssignment.role))) == {
            StaffRole.INSPECTOR, StaffRole.ROVING_INVIGILATOR}
        assert list(session.scalars(select(StaffRelative.id_number))) == [OTHER_WOMAN]
        assert session.scalar(select(TestCenter.code).join(
            Staff, Staff.home_center_id == TestCenter.id)) == "05"


def test_a_staff_member_who_is_also_a_candidate_is_flagged(empty_exam, actor, tmp_path):
    run(empty_exam, actor, import_rooms, SAMPLES / "rooms.xlsx")
    run(empty_exam, actor, import_candidates, write_workbook(
        tmp_path / "c.xlsx", [HEADER, candidate(1, "张三", "男", MAN)]))
    result = run(empty_exam, actor, import_staff, write_workbook(
        tmp_path / "s.xlsx", [STAFF_HEADER, staff_member(1, "张三", "男", MAN)]))
    (warning,) = result.problems
    assert warning.severity is Severity.WARNING and warning.column == "D"
    assert "also a candidate" in warning.what and result.added == 1
