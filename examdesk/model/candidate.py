"""Candidates (考生), the papers they sit, their photos and their seats."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from examdesk.enums import CandidateStatus, Gender, IdType
from examdesk.model.base import Base, enum_column, timestamp, utcnow, version_column
from examdesk.model.exam import Level, Subject
from examdesk.model.venue import Room

candidate_subjects = Table(
    "candidate_subjects",
    Base.metadata,
    Column("candidate_id", ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True),
    Column("subject_id", ForeignKey("subjects.id", ondelete="CASCADE"), primary_key=True),
)


class Candidate(Base):
    """A registered candidate of one exam at one level."""

    __tablename__ = "candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: changes with every change of the row: a form's save is refused when it moved since
    #: the form read it (examdesk/services/versions.py)
    version: Mapped[int] = version_column()
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"))
    registration_no: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    gender: Mapped[Gender] = mapped_column(enum_column(Gender))
    id_type: Mapped[IdType] = mapped_column(enum_column(IdType), default=IdType.RESIDENT_ID)
    id_number: Mapped[str] = mapped_column(String(32))
    birth_date: Mapped[date | None] = mapped_column(Date)
    level_id: Mapped[int] = mapped_column(ForeignKey("levels.id"), index=True)
    work_unit: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    district: Mapped[str] = mapped_column(String(50), default="")
    needs_accessible_room: Mapped[bool] = mapped_column(Boolean, default=False)
    special_needs: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[CandidateStatus] = mapped_column(
        enum_column(CandidateStatus), default=CandidateStatus.ACTIVE
    )

    level: Mapped[Level] = relationship()
    subjects: Mapped[list[Subject]] = relationship(secondary=candidate_subjects)
    seat: Mapped[SeatAssignment | None] = relationship(
        back_populates="candidate", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        # one person, one registration per exam, whatever the document type
        UniqueConstraint("exam_id", "id_number"),
        UniqueConstraint("exam_id", "registration_no"),
    )


class CandidatePhoto(Base):
    """A candidate's ID photo, resized, kept apart so that candidate lists stay light."""

    __tablename__ = "candidate_photos"

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    mime_type: Mapped[str] = mapped_column(String(32), default="image/jpeg")
    data: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)


class SeatAssignment(Base):
    """Where a candidate sits for all of their sessions, and their admission ticket number.

    The database guarantees one seat per candidate (primary key), one candidate per seat and
    one holder per ticket number in an exam.
    """

    __tablename__ = "seat_assignments"

    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"))
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"))
    seat_no: Mapped[int] = mapped_column(Integer)
    ticket_no: Mapped[str] = mapped_column(String(32))
    #: a new seat starts from the clock, a changed one adds one: a candidate's form reads it
    #: with the candidate's (examdesk/services/versions.py)
    version: Mapped[int] = version_column()

    candidate: Mapped[Candidate] = relationship(back_populates="seat")
    room: Mapped[Room] = relationship()

    __table_args__ = (
        UniqueConstraint("room_id", "seat_no"),
        UniqueConstraint("exam_id", "ticket_no"),
        CheckConstraint("seat_no >= 1", name="seat_no_positive"),
    )


class RetiredTicket(Base):
    """A ticket number that was issued and withdrawn; it is never given to anyone else."""

    __tablename__ = "retired_tickets"

    exam_id: Mapped[int] = mapped_column(
        ForeignKey("exams.id", ondelete="CASCADE"), primary_key=True
    )
    ticket_no: Mapped[str] = mapped_column(String(32), primary_key=True)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="SET NULL")
    )
    retired_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
