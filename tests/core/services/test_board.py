"""The live board's read model: the current sitting and its clock, attendance, certificates,
incidents and posts per center and for the district, limited to the centers the reader
may see."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select

from examdesk.enums import AttendanceStatus, CertificateStatus, Gender, IncidentKind, UserRole
from examdesk.model import (
    AttendanceMark,
    Incident,
    Room,
    SeatAssignment,
    TempIdCertificate,
    TestCenter,
    User,
)
from examdesk.services.audit import Actor, Grant
from examdesk.services.board import BoardReader, read_board
from examdesk.services.exams import resolve_exam

DAY2_MORNING = datetime(2023, 6, 11, 8, 40)


def _exam_day(database) -> tuple[int, list[int]]:
    """Center 01's first ten candidates marked in the morning sitting (S2): 8 present, 2
    absent; one certificate valid and one void at 01 for that sitting, one of the day before;
    two incidents at 01.

    Returns:
        center 01's id and the marked candidates.
    """
    with database.write("test") as session:
        exam = resolve_exam(session)
        user = session.scalar(select(User.id))
        center = session.scalar(select(TestCenter.id).where(TestCenter.code == "01"))
        seats = dict(session.execute(
            select(SeatAssignment.candidate_id, SeatAssignment.room_id)
            .join(Room, Room.id == SeatAssignment.room_id)
            .where(Room.center_id == center).order_by(SeatAssignment.candidate_id).limit(10)
        ).all())
        candidates = list(seats)
        from examdesk.model import ExamSession
        morning = session.scalar(select(ExamSession.id).where(ExamSession.code == "S2"))
        session.execute(insert(AttendanceMark), [
            {"candidate_id": c, "session_id": morning, "marked_by_id": user,
             "room_id": seats[c],
             "status": AttendanceStatus.ABSENT if n < 2 else AttendanceStatus.PRESENT}
            for n, c in enumerate(candidates)])
        from examdesk.model import certificate_sessions

        day1 = session.scalar(select(ExamSession.id).where(ExamSession.code == "S1"))
        session.execute(insert(TempIdCertificate), [
            {"exam_id": exam.id, "serial_no": f"01-000{n}", "candidate_id": candidates[n],
             "center_id": center, "name": "x", "gender": Gender.FEMALE, "id_number": "x",
             "officer_name": "x", "police_unit": "x", "issued_by_id": user, "status": status}
            for n, status in enumerate((CertificateStatus.VALID, CertificateStatus.VOID,
                                        CertificateStatus.VALID))])
        # the first two cover the morning's paper; the third was the day before's (S1)
        ids = session.scalars(select(TempIdCertificate.id).order_by(TempIdCertificate.serial_no))
        session.execute(insert(certificate_sessions), [
            {"certificate_id": cid, "session_id": morning if n < 2 else day1}
            for n, cid in enumerate(ids)])
        session.execute(insert(Incident), [
            {"exam_id": exam.id, "center_id": center, "kind": IncidentKind.MEDICAL,
             "description": "x", "reported_by_id": user} for _ in range(2)])
    return center, candidates


def test_the_board_counts_per_center_and_for_the_district(demo_copy):
    center, _ = _exam_day(demo_copy)
    with demo_copy.begin() as session:
        board = read_board(session, Actor("li"), resolve_exam(session), now=DAY2_MORNING)
    assert board.clock is not None and board.clock.sessions == ("S2",)
    assert [f"{t:%H:%M}" for t in (board.clock.entry, board.clock.start, board.clock.cutoff,
                                   board.clock.end)] == ["08:30", "09:00", "09:05", "11:00"]
    assert board.phase == "entry"
    first = board.centers[0]
    assert (first.center_id, first.code) == (center, "01")
    assert (first.present, first.absent, first.certificates, first.incidents) == (8, 2, 1, 2)
    assert first.expected > 100 and first.unmarked == first.expected - 10
    assert first.doubtful == 0 and first.violations == 0
    assert all(line.present == line.absent == 0 for line in board.centers[1:])
    assert len(board.centers) == 5 and board.whole
    for name in ("expected", "present", "absent", "certificates", "incidents",
                 "posts_required", "posts_staffed"):
        assert getattr(board.district, name) == sum(getattr(c, name) for c in board.centers)
    # the demo's posts are staffed in full
    assert board.district.posts_required == board.district.posts_staffed > 0
    assert board.as_dict()["district"]["present"] == 8


def test_the_current_sitting_follows_the_clock(demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        shown = {when: read_board(session, Actor("li"), exam, now=when)
                 for when in (datetime(2023, 6, 1), datetime(2023, 6, 10, 14, 3),
                              datetime(2023, 6, 10, 15, 0), datetime(2023, 6, 11, 11, 30),
                              datetime(2023, 6, 12))}
        chosen = read_board(session, Actor("li"), exam, session_code="S4")
    assert [(b.clock.sessions if b.clock else (), b.phase) for b in shown.values()] == [
        (("S1",), "before"), (("S1",), "late"), (("S1",), "closed"),
        (("S3", "S4"), "before"), (("S3", "S4"), "ended")]
    # a sitting of two sessions ends with the later paper
    assert chosen.clock is not None and f"{chosen.clock.end:%H:%M}" == "16:30"


def test_a_desk_sees_its_own_center_only_and_the_reader_keeps_the_plan_counts(demo_copy):
    center, _ = _exam_day(demo_copy)
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        desk = Actor("zhao", grants=(Grant(UserRole.DESK, exam.id, center),))
        board = read_board(session, desk, exam, now=DAY2_MORNING)
        assert [line.code for line in board.centers] == ["01"] and not board.whole
        assert board.district.present == 8
        reader = BoardReader()
        first = reader.read(session, desk, exam, now=DAY2_MORNING)
        again = reader.read(session, desk, exam, now=DAY2_MORNING)
        assert first == again and first.centers == board.centers


def test_the_board_counts_late_candidates_doubtful_ones_violations_and_open_incidents(
        demo_copy):
    """What the other exam-day desks record shows on the board as they record it."""
    from examdesk.model import ExamSession
    from examdesk.services import doubtful, incidents, violations

    center, candidates = _exam_day(demo_copy)
    actor = Actor("li")
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        morning = session.scalar(select(ExamSession.id).where(ExamSession.code == "S2"))
        late = session.scalar(select(AttendanceMark).where(
            AttendanceMark.candidate_id == candidates[9], AttendanceMark.session_id == morning))
        assert late is not None
        late.status = AttendanceStatus.LATE  # sat the paper: still present
        doubtful.record(session, actor, exam, candidates[3], "照片与本人不符")
        ticket = session.scalar(select(SeatAssignment.ticket_no).where(
            SeatAssignment.candidate_id == candidates[4]))
        assert ticket is not None
        violations.record_violation(session, actor, exam, who=ticket, session_code="S2",
                                    act_code=violations.acts(session)[0].code,
                                    description="携带手机进入考场")
        opened = session.scalars(select(Incident.id).where(Incident.center_id == center))
        incidents.close_incident(session, actor, exam, next(iter(opened)))
    with demo_copy.begin() as session:
        board = read_board(session, actor, resolve_exam(session), now=DAY2_MORNING)
    first = board.centers[0]
    assert (first.present, first.absent) == (8, 2)
    assert (first.doubtful, first.violations, first.incidents) == (1, 1, 1)
    assert (board.district.doubtful, board.district.violations) == (1, 1)
