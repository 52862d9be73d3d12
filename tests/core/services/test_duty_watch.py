"""What a change breaks in the roster: found in the centers it touches, the same as the whole
exam's check before and after, and never a problem the roster already had."""

from __future__ import annotations

from collections import defaultdict

from openpyxl import load_workbook
from sqlalchemy import event, select

from examdesk.db import open_database
from examdesk.enums import DutyKind
from examdesk.model import Candidate, SeatAssignment
from examdesk.planning.plan import PlanIssue, Severity
from examdesk.services import exports, lookup, seat_changes, seating
from examdesk.services.duty_data import load_duty_data
from examdesk.services.duty_watch import DutyWatch, new_errors, roster_check
from examdesk.services.exams import resolve_exam
from examdesk.services.imports.staff import import_staff
from examdesk.services.plan_check import check_exam_plan


def colleague_swap(session, exam) -> tuple[str, str]:
    """Two candidates of one level whose swap seats one of them before an invigilator of
    their own work unit, in a room of another test center."""
    data = load_duty_data(session, exam)
    center_of = {r.id: r.center_id for r in data.rooms}
    seated = session.execute(select(SeatAssignment.room_id, Candidate.level_id,
                                    Candidate.work_unit, Candidate.id_number)
                             .join(Candidate)).all()
    level_of = {room_id: level for room_id, level, _u, _i in seated}
    by_unit = defaultdict(list)
    for room_id, level, unit, id_number in seated:
        by_unit[unit, level].append((room_id, id_number))
    staff = {p.id: p for p in data.staff}
    for duty in data.duties:
        if duty.kind is not DutyKind.ROOM or not staff[duty.staff_id].work_unit:
            continue
        level = level_of[duty.room_id]
        for room_id, id_number in by_unit.get((staff[duty.staff_id].work_unit, level), ()):
            if center_of[room_id] != center_of[duty.room_id]:
                other = next(i for r, _l, _u, i in seated if r == duty.room_id)
                return id_number, other
    raise AssertionError("the demo has no such pair")


def test_a_swap_names_what_the_whole_exams_check_finds_new(demo_copy, actor):
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        first, second = colleague_swap(session, exam)
        before = roster_check(load_duty_data(session, exam))
        changes = seat_changes.swap_candidates(
            session, actor, exam, *(lookup.find_candidate(session, exam, who).one().id
                                    for who in (first, second)))
        after = roster_check(load_duty_data(session, exam))
    broken = changes.broken_duties
    assert broken
    assert {i.code for i in broken} <= {"conflict-unit", "conflict-relative"}
    # read in the two centers only, the same as the whole exam before and after
    assert broken == new_errors(before, after)


def test_a_problem_the_roster_had_is_not_named_again_when_its_person_is_renamed(
        demo_copy, actor, tmp_path):
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        summary = seating.allocate_exam(session, actor, exam, center="02", seed=5)
    [conflict, *_] = summary.broken_duties
    person = conflict.message.split("（")[0]
    path = tmp_path / "staff.xlsx"
    with demo_copy.begin() as session:
        exports.export_staff(session, actor, exam, path)
    workbook = load_workbook(path)
    for row in workbook.worksheets[0].iter_rows(min_row=2):
        if row[1].value == person:
            row[1].value = person + "新"  # corrected name; the conflict was there before
    workbook.save(path)
    with demo_copy.begin() as session:
        result = import_staff(session, actor, exam, path)
        check = check_exam_plan(session, exam)
    assert result.updated == 1 and result.broken_duties == ()
    assert any(i.message.startswith(person + "新（") for i in check.roster)


def test_the_errors_new_after_a_change_count_repeats() -> None:
    twice = PlanIssue("room-not-staffed", "01/01001 has 0 of 2 invigilators in S1", "assign")
    other = PlanIssue("conflict-unit", "A may not invigilate 01/01002 in S1", "swap")
    warning = PlanIssue("same-gender-rooms", "2 rooms", "swap", Severity.WARNING)
    assert new_errors([twice], [twice, twice, other, warning]) == (twice, other)
    assert new_errors([twice, other], [other]) == ()


def test_a_watch_of_an_exam_without_a_roster_costs_one_query(own_exam_copy_url):
    database = open_database(own_exam_copy_url)
    statements = []

    def count(*_args: object) -> None:
        statements.append(1)

    with database.begin() as session:
        exam = resolve_exam(session)
        event.listen(session.connection(), "before_cursor_execute", count)
        watch = DutyWatch(session, exam)
        assert watch.broken() == ()
        event.remove(session.connection(), "before_cursor_execute", count)
    database.close()
    assert len(statements) == 1
