"""Exam-day records: temporary ID certificates, attendance marks and incidents."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from examdesk.enums import (
    AttendanceStatus,
    CertificateStatus,
    Gender,
    IdCheck,
    IncidentKind,
    IncidentStatus,
)
from examdesk.model.base import Base, enum_column, timestamp, utcnow, version_column
from examdesk.model.candidate import Candidate
from examdesk.model.exam import ExamSession

certificate_sessions = Table(
    "certificate_sessions",
    Base.metadata,
    Column(
        "certificate_id",
        ForeignKey("temp_id_certificates.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("session_id", ForeignKey("exam_sessions.id", ondelete="CASCADE"), primary_key=True),
)


class TempIdCertificate(Base):
    """A temporary identity certificate (临时身份证明) issued by police on exam day.

    Name, gender, ID and ticket number are copied as printed, so the record stays true to the
    paper even if the candidate's record is corrected later. Valid for this exam only.
    """

    __tablename__ = "temp_id_certificates"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"))
    serial_no: Mapped[str] = mapped_column(String(32))
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    center_id: Mapped[int] = mapped_column(ForeignKey("test_centers.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    gender: Mapped[Gender] = mapped_column(enum_column(Gender))
    id_number: Mapped[str] = mapped_column(String(32))
    ticket_no: Mapped[str] = mapped_column(String(32), default="")
    officer_name: Mapped[str] = mapped_column(String(50))
    police_unit: Mapped[str] = mapped_column(String(100))
    issued_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    # the signed-in user; None on a database without users, where ``issued_by`` names them
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    status: Mapped[CertificateStatus] = mapped_column(
        enum_column(CertificateStatus), default=CertificateStatus.VALID
    )
    void_reason: Mapped[str] = mapped_column(Text, default="")
    # the photo taken at the desk (JPEG, as the photo import stores them); None: the
    # certificate prints the registration photo. Read only when printed.
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)

    candidate: Mapped[Candidate] = relationship()
    sessions: Mapped[list[ExamSession]] = relationship(secondary=certificate_sessions)

    __table_args__ = (
        UniqueConstraint("exam_id", "serial_no"),
        Index("ix_temp_id_certificates_exam_id_center_id", "exam_id", "center_id"),
    )


class DoubtfulEntry(Base):
    """A candidate let in as 存疑 (doubtful): identity not confirmed at the gate.

    Cleared when two invigilators confirm the identity in the room (``confirmed_by`` then
    ``second_confirmed_by``, two different people); otherwise it stays open and is on the
    center's end-of-day list.
    """

    __tablename__ = "doubtful_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"))
    center_id: Mapped[int] = mapped_column(ForeignKey("test_centers.id", ondelete="CASCADE"))
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(100))
    confirmed_by: Mapped[str] = mapped_column(String(50), default="")
    second_confirmed_by: Mapped[str] = mapped_column(String(50), default="")
    cleared_at: Mapped[datetime | None] = mapped_column(timestamp())

    __table_args__ = (Index("ix_doubtful_entries_exam_id_center_id", "exam_id", "center_id"),)


class AttendanceMark(Base):
    """Whether a candidate sat a session, and which document they showed.

    ``marked_by`` is the name of whoever marked it, as the audit trail records it: a database
    without users has no user row to point at (``marked_by_id`` is then None).

    ``room_id`` is the room the candidate sits in, so that the live board counts a sitting's
    marks per room without joining the seats (examdesk/services/board.py). It is the room the
    mark was made in, and it follows the candidate when their seat changes afterwards (None
    while they have no seat): a mark counts where the room's expected candidates count the
    candidate, as the attendance counts have always done (examdesk/services/attendance.py,
    sitting_counts and follow_seats).
    """

    __tablename__ = "attendance_marks"

    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    session_id: Mapped[int] = mapped_column(
        ForeignKey("exam_sessions.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[AttendanceStatus] = mapped_column(enum_column(AttendanceStatus))
    id_check: Mapped[IdCheck | None] = mapped_column(enum_column(IdCheck))
    marked_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    marked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
    marked_by: Mapped[str] = mapped_column(String(64), default="")
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="SET NULL"))

    __table_args__ = (
        UniqueConstraint("candidate_id", "session_id"),
        # the board's count of a sitting's marks per room and status reads only this index
        Index("ix_attendance_marks_session_id_room_id_status", "session_id", "room_id",
              "status"),
    )


class RoomSitting(Base):
    """A room in one session after the papers are collected: the answer sheets handed in,
    counted by the room's desk, and whether the room's papers are sealed.

    Sealing while the counts do not reconcile (see examdesk/services/attendance.py) needs a
    reason, kept in ``seal_reason``.
    """

    __tablename__ = "room_sittings"

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"))
    session_id: Mapped[int] = mapped_column(
        ForeignKey("exam_sessions.id", ondelete="CASCADE"), index=True)
    answer_sheets: Mapped[int | None] = mapped_column(Integer)
    sealed_at: Mapped[datetime | None] = mapped_column(timestamp())
    sealed_by: Mapped[str] = mapped_column(String(64), default="")
    seal_reason: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    __table_args__ = (UniqueConstraint("room_id", "session_id"),)


class Incident(Base):
    """Something that happened in a room or at a center and goes on the record (a
    candidate's violation is a :class:`~examdesk.model.violations.Violation`).

    ``reported_by`` is the signed-in user's name; ``reported_by_id`` the user's row where
    the database has users (None otherwise).
    """

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: moved by every UPDATE (a trigger of migration 0012; docs/concurrency.md)
    version: Mapped[int] = version_column()
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    center_id: Mapped[int | None] = mapped_column(
        ForeignKey("test_centers.id", ondelete="CASCADE")
    )
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("exam_sessions.id", ondelete="CASCADE")
    )
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="SET NULL")
    )
    kind: Mapped[IncidentKind] = mapped_column(enum_column(IncidentKind))
    people: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text)
    action_taken: Mapped[str] = mapped_column(Text, default="")
    occurred_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    reported_by: Mapped[str] = mapped_column(String(100), default="")
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[IncidentStatus] = mapped_column(
        enum_column(IncidentStatus), default=IncidentStatus.OPEN)
    closed_at: Mapped[datetime | None] = mapped_column(timestamp())
    closed_by: Mapped[str] = mapped_column(String(100), default="")
    severity: Mapped[int] = mapped_column(Integer, default=1)
