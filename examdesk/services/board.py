"""The live board's read model: per test center and for the whole district, the current
sitting and its clock, attendance, certificates, incidents and staffed posts (issue 14,
"Live board").

One read is a handful of grouped aggregates over the exam-day tables (no row is loaded), so
that the 看板 tab can ask every few seconds even at provincial scale (benchmarks/bench_board.py).

A *sitting* is what the board calls the current session: the exam's sessions that start at the
same date and time (levels with different papers sit in separate sessions at once, e.g. 实务
初级 and 实务 中级), as a post's shift groups them (examdesk/planning/post_hours.py, Shift).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from time import monotonic
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from examdesk.enums import AttendanceStatus, CertificateStatus, IncidentStatus
from examdesk.model import (
    AttendanceMark,
    DoubtfulEntry,
    Duty,
    Exam,
    ExamSession,
    Incident,
    Post,
    Room,
    SeatAssignment,
    TempIdCertificate,
    TestCenter,
    Violation,
    certificate_sessions,
)
from examdesk.model.candidate import candidate_subjects
from examdesk.model.exam import session_subjects
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef


@dataclass(frozen=True)
class Clock:
    """A sitting's times, in the exam's local time.

    Attributes:
        sessions: the codes of its sessions.
        names: their names.
        entry: when candidates are let in (start minus the exam's admission setting).
        start: when the papers start.
        cutoff: when nobody is let in any more (start plus the exam's entry cut-off setting).
        end: when the last of its papers ends.
    """

    sessions: tuple[str, ...]
    names: tuple[str, ...]
    entry: datetime
    start: datetime
    cutoff: datetime
    end: datetime

    def phase(self, now: datetime) -> str:
        """Where ``now`` is in the sitting: ``before``, ``entry`` (candidates are let in),
        ``late`` (started, late entry still allowed), ``closed`` (doors closed, papers on)
        or ``ended``."""
        if now < self.entry:
            return "before"
        if now < self.start:
            return "entry"
        if now < self.cutoff:
            return "late"
        if now < self.end:
            return "closed"
        return "ended"

    def as_dict(self) -> dict[str, Any]:
        return {"sessions": list(self.sessions), "names": list(self.names),
                **{key: getattr(self, key).isoformat(timespec="minutes")
                   for key in ("entry", "start", "cutoff", "end")}}


@dataclass(frozen=True)
class CenterBoard:
    """One test center's line of the board (or the district's totals).

    Attributes:
        center_id: the center's id; None for the district's totals.
        expected: candidates seated there who sit a paper of the sitting.
        present: marked present in the sitting.
        absent: marked absent (缺考) in the sitting.
        certificates: valid temporary ID certificates of the center covering the sitting.
        doubtful: doubtful candidates (存疑) not yet cleared (the whole exam).
        violations: violations recorded in the sitting.
        incidents: incidents still open at the center (the whole exam).
        posts_required: people the center's posts open during the sitting need.
        posts_staffed: people on those posts' duties for the sitting.
    """

    center_id: int | None
    code: str
    name: str
    expected: int = 0
    present: int = 0
    absent: int = 0
    certificates: int = 0
    doubtful: int = 0
    violations: int = 0
    incidents: int = 0
    posts_required: int = 0
    posts_staffed: int = 0

    @property
    def unmarked(self) -> int:
        """Expected candidates not yet marked present or absent."""
        return max(self.expected - self.present - self.absent, 0)

    def as_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "expected": self.expected,
                "present": self.present, "absent": self.absent, "unmarked": self.unmarked,
                "certificates": self.certificates, "doubtful": self.doubtful,
                "violations": self.violations, "incidents": self.incidents,
                "posts_required": self.posts_required, "posts_staffed": self.posts_staffed}


_COUNTS = ("expected", "present", "absent", "certificates", "doubtful", "violations",
           "incidents", "posts_required", "posts_staffed")


@dataclass(frozen=True)
class Board:
    """The board as read at ``read_at``.

    Attributes:
        clock: the current sitting (None: the exam has no session).
        phase: where the reading time is in it (:meth:`Clock.phase`).
        centers: the centers the reader may see, in the exam's order.
        district: the totals over ``centers``.
        whole: whether ``centers`` are all the exam's (else the reader's only).
    """

    read_at: datetime
    clock: Clock | None
    phase: str
    centers: tuple[CenterBoard, ...]
    district: CenterBoard = field(default_factory=lambda: CenterBoard(None, "", ""))
    whole: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {"read_at": self.read_at.isoformat(timespec="seconds"),
                "clock": self.clock.as_dict() if self.clock else None, "phase": self.phase,
                "district": self.district.as_dict(),
                "centers": [center.as_dict() for center in self.centers]}


@dataclass(frozen=True)
class _Sitting:
    day: date
    start: time
    sessions: tuple[Any, ...]  # rows of (id, code, name, date, start_time, end_time)

    def clock(self, admit_before: int, cutoff: int) -> Clock:
        start = datetime.combine(self.day, self.start)
        end = max(datetime.combine(self.day, row.end_time) for row in self.sessions)
        return Clock(tuple(row.code for row in self.sessions),
                     tuple(row.name for row in self.sessions),
                     start - timedelta(minutes=admit_before), start,
                     start + timedelta(minutes=cutoff), end)


def _sittings(rows: Iterable[Any]) -> list[_Sitting]:
    grouped: dict[tuple[date, time], list[Any]] = defaultdict(list)
    for row in rows:
        grouped[(row.date, row.start_time)].append(row)
    return [_Sitting(day, start, tuple(found)) for (day, start), found in sorted(grouped.items())]


def current_sitting(sittings: Sequence[_Sitting], now: datetime, admit_before: int
                    ) -> _Sitting | None:
    """The sitting under way at ``now`` (from its entry to its end), else the next one, else
    the last one."""
    if not sittings:
        return None
    for sitting in sittings:
        clock = sitting.clock(admit_before, 0)
        if now < clock.end:
            return sitting
    return sittings[-1]


class BoardReader:
    """Reads the board again and again, as the 看板 tab does every few seconds.

    The candidates expected in a sitting are plan data (seats and the subjects candidates
    sit), the one costly count of a read and unchanged on exam day but for a rare seat change:
    the reader keeps them up to ``plan_age`` seconds (the other counts are read every time).
    """

    def __init__(self, plan_age: float = 60.0) -> None:
        self.plan_age = plan_age
        self._expected: dict[tuple[int, ...], tuple[float, list[tuple[int, int]]]] = {}

    def expected(self, session: Session, exam: ExamRef, slot: Sequence[int]
                 ) -> list[tuple[int, int]]:
        """(center id, candidates expected) for the sessions ``slot``, kept a while."""
        key = (exam.id, *sorted(slot))
        kept = self._expected.get(key)
        if kept is not None and monotonic() - kept[0] < self.plan_age:
            return kept[1]
        # a candidate sits one paper of a sitting (its sessions are of different levels)
        counts = [(center, int(count)) for center, count in session.execute(
            select(Room.center_id, func.count())
            .select_from(session_subjects)
            .join(candidate_subjects,
                  candidate_subjects.c.subject_id == session_subjects.c.subject_id)
            .join(SeatAssignment, SeatAssignment.candidate_id == candidate_subjects.c.candidate_id)
            .join(Room, Room.id == SeatAssignment.room_id)
            .where(SeatAssignment.exam_id == exam.id, session_subjects.c.session_id.in_(slot))
            .group_by(Room.center_id))]
        self._expected[key] = (monotonic(), counts)
        return counts

    def read(self, session: Session, actor: Actor, exam: ExamRef, *,
             now: datetime | None = None, session_code: str | None = None) -> Board:
        """See :func:`read_board`."""
        return _read(self, session, actor, exam, now, session_code)


def read_board(session: Session, actor: Actor, exam: ExamRef, *,
               now: datetime | None = None, session_code: str | None = None) -> Board:
    """The board at ``now`` (local time; default: the clock's), for the centers the actor
    may see (each count read now).

    Args:
        session_code: show the sitting of this session instead of the current one.
    """
    return BoardReader(plan_age=0).read(session, actor, exam, now=now,
                                        session_code=session_code)


def _read(reader: BoardReader, session: Session, actor: Actor, exam: ExamRef,
          now: datetime | None, session_code: str | None) -> Board:
    now = now or datetime.now()
    exam_row = session.get(Exam, exam.id)
    assert exam_row is not None
    visible = actor.centers(exam.id, Permission.READ)
    every = session.execute(select(TestCenter.id, TestCenter.code, TestCenter.name)
                            .where(TestCenter.exam_id == exam.id)
                            .order_by(TestCenter.sort_order, TestCenter.code)).all()
    centers = [row for row in every if visible is None or row.id in visible]
    sittings = _sittings(session.execute(
        select(ExamSession.id, ExamSession.code, ExamSession.name, ExamSession.date,
               ExamSession.start_time, ExamSession.end_time)
        .where(ExamSession.exam_id == exam.id)
        .order_by(ExamSession.date, ExamSession.start_time, ExamSession.code)))
    if session_code is not None:
        chosen = next((s for s in sittings if session_code in [r.code for r in s.sessions]),
                      None)
    else:
        chosen = current_sitting(sittings, now, exam_row.admit_before_minutes)
    clock = (chosen.clock(exam_row.admit_before_minutes, exam_row.entry_cutoff_minutes)
             if chosen else None)
    slot = [row.id for row in chosen.sessions] if chosen else []
    counts: dict[int, dict[str, int]] = {row.id: defaultdict(int) for row in centers}

    def add(name: str, rows: Iterable[Any]) -> None:
        for center_id, value in rows:
            if center_id in counts:
                counts[center_id][name] += int(value or 0)

    if slot:
        add("expected", reader.expected(session, exam, slot))
        # a mark carries the room its candidate sits in (examdesk/services/attendance.py,
        # follow_seats), so the marks are counted per room from their own index alone and
        # only those few counts meet the rooms; a late candidate sat the paper: present (the
        # 考勤 tab counts them apart)
        per_room = (select(AttendanceMark.room_id, AttendanceMark.status,
                           func.count().label("marks"))
                    .where(AttendanceMark.session_id.in_(slot))
                    .group_by(AttendanceMark.room_id, AttendanceMark.status).subquery())
        marks = session.execute(
            select(Room.center_id, per_room.c.status, func.sum(per_room.c.marks))
            .join(Room, Room.id == per_room.c.room_id)
            .group_by(Room.center_id, per_room.c.status)).all()
        add("present", ((center, count) for center, status, count in marks
                        if status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE)))
        add("absent", ((center, count) for center, status, count in marks
                       if status is AttendanceStatus.ABSENT))
        add("posts_staffed", session.execute(
            select(Post.center_id, func.count(Duty.id)).select_from(Duty)
            .join(Post, Post.id == Duty.post_id)
            .where(Duty.session_id.in_(slot)).group_by(Post.center_id)))
        assert clock is not None
        opens, closes = clock.start.time(), clock.end.time()
        add("posts_required", (
            (row.center_id, row.required_headcount) for row in session.execute(
                select(Post.center_id, Post.required_headcount, Post.opens_at, Post.closes_at)
                .join(TestCenter, TestCenter.id == Post.center_id)
                .where(TestCenter.exam_id == exam.id))
            if (row.opens_at is None or row.opens_at < closes)
            and (row.closes_at is None or row.closes_at > opens)))
    # the sitting's: a certificate covering one of its sessions, a violation in one (on the
    # second day, the first day's are history; open records of any day stay on the board)
    add("certificates", session.execute(
        select(TempIdCertificate.center_id, func.count(TempIdCertificate.id.distinct()))
        .join(certificate_sessions,
              certificate_sessions.c.certificate_id == TempIdCertificate.id)
        .where(TempIdCertificate.exam_id == exam.id,
               TempIdCertificate.status == CertificateStatus.VALID,
               certificate_sessions.c.session_id.in_(slot))
        .group_by(TempIdCertificate.center_id)))
    add("doubtful", session.execute(
        select(DoubtfulEntry.center_id, func.count(DoubtfulEntry.id))
        .where(DoubtfulEntry.exam_id == exam.id, DoubtfulEntry.cleared_at.is_(None))
        .group_by(DoubtfulEntry.center_id)))
    add("violations", session.execute(
        select(Violation.center_id, func.count(Violation.id))
        .where(Violation.exam_id == exam.id, Violation.session_id.in_(slot))
        .group_by(Violation.center_id)))
    add("incidents", session.execute(
        select(Incident.center_id, func.count(Incident.id))
        .where(Incident.exam_id == exam.id, Incident.status == IncidentStatus.OPEN)
        .group_by(Incident.center_id)))
    lines = []
    for row in centers:
        found = counts[row.id]
        # a center that holds no paper in the sitting has no post to staff for it
        required = found["posts_required"] if found["expected"] else 0
        lines.append(CenterBoard(row.id, row.code, row.name, **{
            **{name: found[name] for name in _COUNTS}, "posts_required": required}))
    district = CenterBoard(None, "", "", **{
        name: sum(getattr(line, name) for line in lines) for name in _COUNTS})
    return Board(now, clock, clock.phase(now) if clock else "", tuple(lines), district,
                 whole=len(centers) == len(every))

