"""Counts of everything in the database, for `examdesk stats` and the main window."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from examdesk.model import (
    Candidate,
    CandidateStatus,
    Duty,
    Exam,
    ExamSession,
    Incident,
    Post,
    Room,
    SeatAssignment,
    Staff,
    TempIdCertificate,
    TestCenter,
)


@dataclass(frozen=True)
class Stats:
    """How much of each thing the database holds (all exams together).

    ``seats`` counts usable seats in rooms that are not spare; ``candidates`` counts active
    candidates (withdrawn ones are kept for the record but sit nothing).
    """

    exams: int
    sessions: int
    centers: int
    rooms: int
    spare_rooms: int
    seats: int
    candidates: int
    seated_candidates: int
    staff: int
    duties: int
    posts: int
    certificates: int
    incidents: int

    def as_dict(self) -> dict[str, int]:
        """Plain English snake_case keys, as ``examdesk stats --json`` prints them."""
        return asdict(self)


def _count(session: Session, column: Any, *where: ColumnElement[bool]) -> int:
    statement = select(func.count(column))
    for condition in where:
        statement = statement.where(condition)
    return int(session.scalar(statement) or 0)


def collect(session: Session) -> Stats:
    """Count everything with one query per table."""
    usable = 0
    spare = 0
    rooms = 0
    for rows, columns, unusable, is_spare in session.execute(
        select(Room.rows, Room.columns, Room.unusable_seats, Room.spare)
    ):
        rooms += 1
        if is_spare:
            spare += 1
        else:
            usable += rows * columns - len(unusable or [])
    active = Candidate.status == CandidateStatus.ACTIVE
    return Stats(
        exams=_count(session, Exam.id),
        sessions=_count(session, ExamSession.id),
        centers=_count(session, TestCenter.id),
        rooms=rooms,
        spare_rooms=spare,
        seats=usable,
        candidates=_count(session, Candidate.id, active),
        seated_candidates=_count(
            session, SeatAssignment.candidate_id,
            SeatAssignment.candidate_id.in_(select(Candidate.id).where(active)),
        ),
        staff=_count(session, Staff.id),
        duties=_count(session, Duty.id),
        posts=_count(session, Post.id),
        certificates=_count(session, TempIdCertificate.id),
        incidents=_count(session, Incident.id),
    )


@dataclass(frozen=True)
class ExamInfo:
    """An exam as listed in the window's header."""

    code: str
    name: str
    year: int


@dataclass(frozen=True)
class Overview:
    """What the main window shows on opening: the exams and the counts."""

    exams: tuple[ExamInfo, ...]
    stats: Stats


def overview(session: Session) -> Overview:
    """The exams (newest first) and the counts of everything."""
    exams = tuple(
        ExamInfo(code, name, year)
        for code, name, year in session.execute(
            select(Exam.code, Exam.name, Exam.year).order_by(Exam.year.desc(), Exam.code)
        )
    )
    return Overview(exams=exams, stats=collect(session))
