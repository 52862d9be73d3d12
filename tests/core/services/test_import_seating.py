"""An upstream seating plan: every row it cannot mean is refused where it is, nothing written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from examdesk.exchange.problems import Severity
from examdesk.model import Candidate, Room, SeatAssignment, TestCenter
from examdesk.services import demo, lookup, seat_changes
from examdesk.services.exams import resolve_exam
from examdesk.services.imports.seating import import_seating
from tests.core.exchange.helpers import write_workbook

HEADER = ("准考证号", "姓名", "证件号码", "考点编号", "考场号", "座位号")


@pytest.fixture
def plan(db, actor):
    """The demo exam, allocated; returns (db, exam, the first three seats as rows)."""
    with db.begin() as session:
        demo.load_demo(session, actor)
    with db.begin() as session:
        exam = resolve_exam(session)
        rows = [
            list(r) for r in session.execute(
                select(SeatAssignment.ticket_no, Candidate.name, Candidate.id_number,
                       TestCenter.code, Room.code, SeatAssignment.seat_no)
                .join(Candidate).join(Room, Room.id == SeatAssignment.room_id)
                .join(TestCenter).order_by(SeatAssignment.ticket_no).limit(3))
        ]
    return db, exam, rows


def run(db, actor, exam, path, **options):
    with db.begin() as session:
        return import_seating(session, actor, exam, path, **options)


def seats(db):
    with db.begin() as session:
        return sorted(tuple(r) for r in session.execute(
            select(SeatAssignment.candidate_id, SeatAssignment.room_id, SeatAssignment.seat_no,
                   SeatAssignment.ticket_no)))


def test_the_plan_as_exported_imports_unchanged(plan, actor, tmp_path):
    db, exam, rows = plan
    result = run(db, actor, exam, write_workbook(tmp_path / "p.xlsx", [HEADER, *rows]))
    assert (result.unchanged, result.problems, result.written) == (3, (), False)


def test_swapping_two_seats_in_the_file_moves_both(plan, actor, tmp_path):
    db, exam, rows = plan
    first, second = rows[0], rows[1]
    first[5], second[5] = second[5], first[5]
    first[0], second[0] = second[0], first[0]
    result = run(db, actor, exam, write_workbook(tmp_path / "p.xlsx", [HEADER, first, second]))
    assert (result.updated, result.errors) == (2, ())
    with db.begin() as session:
        assert session.scalar(select(SeatAssignment.seat_no).join(Candidate).where(
            Candidate.id_number == first[2])) == first[5]


@pytest.mark.parametrize("damage, column, says", [
    (lambda r: r.__setitem__(2, "110101199003078515"), "C", "no candidate of the exam"),
    (lambda r: r.__setitem__(3, "99"), "D", "test center is not in the exam"),
    (lambda r: r.__setitem__(4, "01999"), "E", "no room with this number"),
    (lambda r: r.__setitem__(5, "第一"), "F", "not a whole number"),
    (lambda r: r.__setitem__(0, None), "A", "ticket number is missing"),
    (lambda r: r.__setitem__(2, None), "C", "candidate is not named"),
    (lambda r: r.__setitem__(2, 411623197212119166.0), "C", "15 digits"),
])
def test_a_row_that_cannot_be_placed_is_refused_at_its_cell(plan, actor, tmp_path, damage,
                                                             column, says):
    db, exam, rows = plan
    damage(rows[1])
    before = seats(db)
    result = run(db, actor, exam, write_workbook(tmp_path / "p.xlsx", [HEADER, *rows]))
    (error,) = result.errors
    assert (error.row, error.column) == (3, column) and says in error.what
    assert not result.written and seats(db) == before


def test_two_rows_for_one_seat_one_ticket_or_one_candidate(plan, actor, tmp_path):
    db, exam, rows = plan
    twice = list(rows[0])
    result = run(db, actor, exam, write_workbook(tmp_path / "p.xlsx", [HEADER, *rows, twice]))
    messages = {(p.row, p.column): p.what for p in result.errors}
    assert "also in row 5" in messages[(2, "C")] and "also in row 2" in messages[(5, "C")]
    assert "also in row 5" in messages[(2, "A")] and "also given in row 5" in messages[(2, "F")]
    assert not result.written


def test_seats_and_tickets_of_candidates_not_in_the_file_stay_theirs(plan, actor, tmp_path):
    db, exam, rows = plan
    mover = list(rows[0])
    mover[5] = rows[1][5]  # the second candidate's seat; that candidate is not in the file
    result = run(db, actor, exam, write_workbook(tmp_path / "p.xlsx", [HEADER, mover]))
    (error,) = result.errors
    assert error.column == "F" and "not in the file" in error.what
    thief = list(rows[0])
    thief[0] = rows[2][0]
    result = run(db, actor, exam, write_workbook(tmp_path / "q.xlsx", [HEADER, thief]))
    (error,) = result.errors
    assert error.column == "A" and "not in the file" in error.what


def test_a_retired_ticket_and_a_withdrawn_candidate_are_refused(plan, actor, tmp_path):
    db, exam, rows = plan
    with db.begin() as session:
        seat_changes.withdraw_candidate(
            session, actor, exam, lookup.find_candidate(session, exam, rows[0][2]).one().id)
    result = run(db, actor, exam, write_workbook(tmp_path / "p.xlsx", [HEADER, rows[0]]))
    (error,) = result.errors
    assert "has withdrawn" in error.what
    reused = list(rows[1])
    reused[0] = rows[0][0]
    result = run(db, actor, exam, write_workbook(tmp_path / "q.xlsx", [HEADER, reused]))
    (error,) = result.errors
    assert error.column == "A" and "never given again" in error.what


def test_another_name_for_the_candidate_is_a_warning(plan, actor, tmp_path):
    db, exam, rows = plan
    rows[0][1] = "别人"
    result = run(db, actor, exam, write_workbook(tmp_path / "p.xlsx", [HEADER, rows[0]]))
    (warning,) = result.problems
    assert warning.severity is Severity.WARNING and warning.column == "B"


def test_a_sheet_without_candidate_or_center_columns_names_them(plan, actor, tmp_path):
    db, exam, rows = plan
    path = write_workbook(tmp_path / "p.xlsx", [("准考证号", "考场号", "座位号"),
                                                 [rows[0][0], rows[0][4], rows[0][5]]])
    result = run(db, actor, exam, path)
    texts = " ".join(p.what for p in result.errors)
    assert "证件号码 / 报名序号" in texts and "考点编号 / 考点名称" in texts
    with db.begin() as session:
        assert session.scalar(select(func.count()).select_from(SeatAssignment)) == 6000
