"""Attendance on exam day: marks per room and session, the counts and their reconciliation
(issue 14, "Attendance and counts"); two desks marking one room lose no mark."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from examdesk.db import open_database
from examdesk.enums import AttendanceStatus, UserRole
from examdesk.errors import AccessDenied, BadInput, PlanProblem
from examdesk.model import AttendanceMark, AuditEvent, Room
from examdesk.services import attendance, lookup
from examdesk.services.attendance import room_attendance, sitting_counts
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import ExamRef, resolve_exam

PRESENT, ABSENT, LATE = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.LATE


def _first_room(db, center: str = "01") -> tuple[ExamRef, int, int, list[int]]:
    """The exam, the center's first room, its first session and its candidates then."""
    with db.begin() as session:
        exam = resolve_exam(session)
        counts = sitting_counts(session, exam, center=lookup.find_center(
            session, exam, center).one().id)
        first = counts[0]
        seats = room_attendance(session, exam, first.room_id, first.session_id).seats
    return exam, first.room_id, first.session_id, [s.candidate_id for s in seats]


def test_a_room_is_marked_counted_reconciled_and_sealed(demo_copy, actor):
    exam, room, sitting, people = _first_room(demo_copy)
    with demo_copy.begin() as session:
        before = sitting_counts(session, exam, room_id=room, session_id=sitting)[0]
    assert before.expected == len(people) > 3
    assert (before.present, before.absent, before.late, before.unmarked) == (0, 0, 0,
                                                                             len(people))
    assert not before.mismatch  # nobody marked yet: the session may not have begun
    with demo_copy.write("attendance") as session:
        counts = attendance.mark(session, actor, exam, room_id=room, session_id=sitting,
                                 marks={people[0]: ABSENT, people[1]: LATE},
                                 all_present=True)
    assert (counts.present, counts.late, counts.absent, counts.unmarked) == (
        len(people) - 2, 1, 1, 0)
    seats = {s.candidate_id: s for s in _seats(demo_copy, exam, room, sitting)}
    assert counts.absent_tickets == (seats[people[0]].ticket_no,)
    assert counts.mismatch and counts.problems == (
        "The answer sheets handed in are not entered.",)
    with demo_copy.write("attendance") as session, pytest.raises(PlanProblem) as refused:
        attendance.seal(session, actor, exam, room_id=room, session_id=sitting)
    assert refused.value.code == "seal-mismatch"
    with demo_copy.write("attendance") as session:
        counts = attendance.set_answer_sheets(session, actor, exam, room_id=room,
                                              session_id=sitting, count=len(people) - 2)
    assert counts.mismatch  # one sheet short of those who sat
    assert f"but {len(people) - 1} candidates sat" in counts.problems[0]
    with demo_copy.write("attendance") as session:
        sealed = attendance.seal(session, actor, exam, room_id=room, session_id=sitting,
                                 reason="一名考生交白卷未交答题卡，已记录")
    assert sealed.sealed
    with demo_copy.write("attendance") as session, pytest.raises(PlanProblem):
        attendance.seal(session, actor, exam, room_id=room, session_id=sitting, reason="x")
    with demo_copy.begin() as session:
        events = session.execute(select(AuditEvent.action, AuditEvent.details)
                                 .where(AuditEvent.action.like("attendance.%"))
                                 .order_by(AuditEvent.id)).all()
        mark = session.scalars(select(AttendanceMark).where(
            AttendanceMark.candidate_id == people[0])).one()
    assert [e.action for e in events] == ["attendance.mark", "attendance.answer_sheets",
                                          "attendance.seal"]
    assert events[0].details[seats[people[0]].ticket_no] == ["", "absent"]
    assert events[2].details["reason"] == "一名考生交白卷未交答题卡，已记录"
    assert mark.marked_by == "tester" and mark.marked_by_id is not None  # the demo's user


def _seats(db, exam, room, sitting):
    with db.begin() as session:
        return room_attendance(session, exam, room, sitting).seats


def test_everyone_present_keeps_the_absentees_already_marked(demo_copy, actor):
    exam, room, sitting, people = _first_room(demo_copy)
    with demo_copy.write("attendance") as session:
        attendance.mark(session, actor, exam, room_id=room, session_id=sitting,
                        marks={people[2]: ABSENT})
    with demo_copy.write("attendance") as session:  # another desk, later, "全部到场"
        counts = attendance.mark(session, Actor("desk2"), exam, room_id=room,
                                 session_id=sitting, all_present=True)
    assert counts.absent == 1 and counts.present == len(people) - 1
    with demo_copy.begin() as session:  # a name without a user row (a database without
        # users): the mark names who made it, with no row to point at
        assert session.execute(select(AttendanceMark.marked_by, AttendanceMark.marked_by_id)
                               .where(AttendanceMark.candidate_id == people[0])).one() == (
            "desk2", None)
    with demo_copy.write("attendance") as session:  # a correction is a mark of its own
        counts = attendance.mark(session, actor, exam, room_id=room, session_id=sitting,
                                 marks={people[2]: LATE})
    assert (counts.absent, counts.late, counts.unmarked) == (0, 1, 0)
    assert {s.candidate_id: s.status for s in _seats(demo_copy, exam, room, sitting)}[
        people[2]] is LATE


def test_two_desks_marking_one_room_at_once_lose_no_mark(demo_copy, demo_copy_url, actor):
    exam, room, sitting, people = _first_room(demo_copy)
    other = open_database(demo_copy_url)
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def desk(db, name: str, mine: list[int], status: AttendanceStatus) -> None:
        try:
            start.wait()
            for cid in mine:  # one mark per click, as the seat grid sends them
                with db.write("attendance") as session:
                    attendance.mark(session, Actor(name), exam, room_id=room,
                                    session_id=sitting, marks={cid: status},
                                    all_present=cid == mine[-1])
        except BaseException as exc:
            errors.append(exc)

    half = len(people) // 2
    threads = [threading.Thread(target=desk, args=(demo_copy, "desk1", people[:4], ABSENT)),
               threading.Thread(target=desk, args=(other, "desk2", people[half:half + 4],
                                                   LATE))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.close()
    assert not errors
    marks = {s.candidate_id: s.status for s in _seats(demo_copy, exam, room, sitting)}
    assert all(marks[cid] is ABSENT for cid in people[:4])
    assert all(marks[cid] is LATE for cid in people[half:half + 4])
    assert sum(1 for s in marks.values() if s is PRESENT) == len(people) - 8
    with demo_copy.begin() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "attendance.mark")) == 8


def test_a_desk_marks_its_own_center_only(demo_copy):
    exam, room, sitting, _people = _first_room(demo_copy, "02")
    with demo_copy.begin() as session:
        own = lookup.find_center(session, exam, "01").one().id
        desk = Actor("desk01", None, (Grant(UserRole.DESK, exam.id, own),))
        assert {c.center for c in sitting_counts(session, exam, actor=desk)} == {"01"}
        with pytest.raises(AccessDenied):
            room_attendance(session, exam, room, sitting, actor=desk)
    for change in (
        lambda s: attendance.mark(s, desk, exam, room_id=room, session_id=sitting,
                                  all_present=True),
        lambda s: attendance.set_answer_sheets(s, desk, exam, room_id=room,
                                               session_id=sitting, count=3),
        lambda s: attendance.seal(s, desk, exam, room_id=room, session_id=sitting,
                                  reason="x"),
    ):
        with demo_copy.write("attendance") as session, pytest.raises(AccessDenied) as refused:
            change(session)
        assert "desk01" in str(refused.value) and "02" in str(refused.value)
    with demo_copy.begin() as session:
        assert session.scalar(select(func.count()).select_from(AttendanceMark)) == 0


def test_tickets_of_another_room_are_refused_naming_where_they_sit(demo_copy, actor):
    exam, room, sitting, _people = _first_room(demo_copy)
    seats = _seats(demo_copy, exam, room, sitting)
    with demo_copy.begin() as session:
        other_room = session.scalar(select(Room.id).where(Room.id != room, Room.spare.is_(False))
                                    .order_by(Room.id).limit(1))
        counts = sitting_counts(session, exam, room_id=other_room)
        elsewhere = room_attendance(session, exam, other_room, counts[0].session_id).seats[0]
        assert room_tickets(session, exam, room, sitting, [seats[0].ticket_no]) == {
            seats[0].ticket_no: seats[0].candidate_id}
        with pytest.raises(BadInput) as refused:
            room_tickets(session, exam, room, sitting, [elsewhere.ticket_no])
        assert counts[0].label in str(refused.value)
        with pytest.raises(BadInput) as refused:
            room_tickets(session, exam, room, sitting, ["99999999999"])
        assert refused.value.code == "ticket-not-in-room"
    with demo_copy.write("attendance") as session, pytest.raises(BadInput):
        attendance.mark(session, actor, exam, room_id=room, session_id=sitting,
                        marks={elsewhere.candidate_id: ABSENT})


room_tickets = attendance.room_tickets


def test_counts_add_up_per_center_session_and_district(demo_copy, actor):
    exam, room, sitting, people = _first_room(demo_copy)
    with demo_copy.write("attendance") as session:
        attendance.mark(session, actor, exam, room_id=room, session_id=sitting,
                        marks={people[0]: ABSENT}, all_present=True)
    with demo_copy.begin() as session:
        counts = sitting_counts(session, exam)
    district = attendance.totals(counts)
    centers = attendance.totals_by(counts, "center")
    sessions = attendance.totals_by(counts, "session")
    assert [c.label for c in centers] == ["01", "02", "03", "04", "05"]
    for grouping in (centers, sessions):
        assert sum(t.expected for t in grouping) == district.expected
        assert sum(t.absent for t in grouping) == district.absent == 1
    assert district.present == len(people) - 1
    assert district.unmarked == district.expected - len(people)
    assert district.mismatched == 1  # the marked room, its answer sheets not entered


def test_a_temporary_id_is_checked_in_the_room_and_its_holder_marked_present(demo_copy, actor,
                                                                             chinese):
    from datetime import datetime

    from examdesk.enums import IdCheck
    from examdesk.model import ExamSession
    from examdesk.services import tempids

    exam, room, sitting, people = _first_room(demo_copy)
    holder, other = people[3], people[4]
    with demo_copy.write("test") as session:
        code, day = session.execute(select(ExamSession.code, ExamSession.date).where(
            ExamSession.id == sitting)).one()
        gate = datetime.combine(day, datetime.min.time()).replace(hour=7)
        serial = tempids.issue(session, actor, exam, holder, officer="王警官", unit="川汇分局",
                               sessions=[code], now=gate).serial
        voided = tempids.issue(session, actor, exam, other, officer="王警官", unit="川汇分局",
                               sessions=[code], now=gate).serial
        tempids.void(session, actor, exam, voided, reason="身份证已找到")
        attendance.mark(session, actor, exam, room_id=room, session_id=sitting,
                        marks={holder: ABSENT})  # marked absent before they came in
    seat = next(s for s in _seats(demo_copy, exam, room, sitting) if s.candidate_id == holder)
    assert (seat.certificate, seat.certificate_checked) == (serial, False)

    with demo_copy.write("test") as session:
        counts = attendance.check_certificates(session, actor, exam, room_id=room,
                                               session_id=sitting, serials=[serial.lower()])
        marked = session.execute(select(AttendanceMark.status, AttendanceMark.id_check).where(
            AttendanceMark.candidate_id == holder, AttendanceMark.session_id == sitting)).one()
    assert tuple(marked) == (PRESENT, IdCheck.TEMP_CERTIFICATE) and counts.absent == 0
    seats = _seats(demo_copy, exam, room, sitting)
    assert [(s.certificate, s.certificate_checked) for s in seats if s.certificate] == [
        (serial, True)]  # the voided one is not the room's to check

    for wrong, says in ((voided, "作废"), ("01-9999", "01-9999")):
        with demo_copy.write("test") as session, pytest.raises(BadInput) as refused:
            attendance.check_certificates(session, actor, exam, room_id=room,
                                          session_id=sitting, serials=[wrong])
        assert says in str(refused.value), str(refused.value)
