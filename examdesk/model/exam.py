"""The exam, its levels, subjects and sessions."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from examdesk.enums import Corner, SeatOrder
from examdesk.model.base import Base, enum_column, json_default_list, timestamp, utcnow

if TYPE_CHECKING:
    from examdesk.model.venue import TestCenter

#: The common 11-digit admission ticket form: level, year, province, city, room, seat
#: (docs/domain.md, "Admission ticket numbers").
DEFAULT_TICKET_PATTERN: list[dict[str, Any]] = [
    {"field": "level", "width": 1},
    {"field": "year", "width": 2},
    {"field": "province", "width": 2},
    {"field": "city", "width": 2},
    {"field": "room", "width": 2},
    {"field": "seat", "width": 2},
]

DEFAULT_ACCEPTED_ID_TYPES = ["resident_id", "passport", "hk_macao_permit", "taiwan_permit"]

#: The most sessions one staff member works. Three, not two: the reference district (4
#: sessions, 96 invigilators per center for up to 40 rooms) cannot be rostered at two, so a
#: new exam starts where the demo's data works (docs/exam-settings.md).
DEFAULT_MAX_SESSIONS = 3


class Exam(Base):
    """One exam in one exam district (考区), with the settings that vary by province or year."""

    __tablename__ = "exams"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    province_code: Mapped[str] = mapped_column(String(2), default="")
    city_code: Mapped[str] = mapped_column(String(4), default="")
    county_code: Mapped[str] = mapped_column(String(6), default="")
    # settings, each with its default (docs/domain.md, "Settings and their defaults")
    ticket_pattern: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, default=lambda: [dict(f) for f in DEFAULT_TICKET_PATTERN]
    )
    seat_order: Mapped[SeatOrder] = mapped_column(enum_column(SeatOrder), default=SeatOrder.ROWS)
    first_seat_corner: Mapped[Corner] = mapped_column(
        enum_column(Corner), default=Corner.FRONT_LEFT
    )
    admit_before_minutes: Mapped[int] = mapped_column(Integer, default=30)
    entry_cutoff_minutes: Mapped[int] = mapped_column(Integer, default=5)
    early_leave_minutes: Mapped[int] = mapped_column(Integer, default=120)
    absence_record_minutes: Mapped[int] = mapped_column(Integer, default=30)
    accepted_id_types: Mapped[list[str]] = mapped_column(
        JSON, default=lambda: list(DEFAULT_ACCEPTED_ID_TYPES)
    )
    invigilators_per_room: Mapped[int] = mapped_column(Integer, default=2)
    max_sessions_per_invigilator: Mapped[int] = mapped_column(
        Integer, default=DEFAULT_MAX_SESSIONS)
    reserve_ratio: Mapped[float] = mapped_column(Float, default=0.1)
    allocation_seed: Mapped[int | None] = mapped_column(Integer)
    #: candidates sit in test centers of their own district (Candidate.district)
    allocate_by_district: Mapped[bool] = mapped_column(Boolean, default=False)
    #: a level's last room with this many candidates or fewer is merged into earlier rooms
    merge_tail_max: Mapped[int] = mapped_column(Integer, default=3)
    #: staff may be rostered outside their home test center
    cross_center_duties: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the phones published in the candidate notice (考生须知): technical service, and the
    #: consultation hotline (empty: not published yet)
    tech_service_phone: Mapped[str] = mapped_column(String(40), default="")
    hotline_phone: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)

    levels: Mapped[list[Level]] = relationship(
        back_populates="exam", cascade="all, delete-orphan", passive_deletes=True
    )
    sessions: Mapped[list[ExamSession]] = relationship(
        back_populates="exam", cascade="all, delete-orphan", passive_deletes=True
    )
    centers: Mapped[list[TestCenter]] = relationship(
        back_populates="exam", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
        CheckConstraint("entry_cutoff_minutes >= 0", name="entry_cutoff"),
        CheckConstraint("admit_before_minutes >= 0", name="admit_before"),
        CheckConstraint("invigilators_per_room >= 1", name="invigilators_per_room"),
        CheckConstraint("max_sessions_per_invigilator >= 1", name="max_sessions"),
        CheckConstraint("reserve_ratio >= 0 AND reserve_ratio < 1", name="reserve_ratio"),
        CheckConstraint("merge_tail_max BETWEEN 0 AND 10", name="merge_tail_max"),
    )


class Level(Base):
    """A level (级别) of the exam, e.g. 助理社会工作师 (初级); each has its own papers."""

    __tablename__ = "levels"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(50), default="")
    #: other ways staff write the level (社工师 for 社会工作师), accepted by imports
    abbreviations: Mapped[list[str]] = mapped_column(JSON, default=json_default_list)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    exam: Mapped[Exam] = relationship(back_populates="levels")
    subjects: Mapped[list[Subject]] = relationship(
        back_populates="level", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        UniqueConstraint("exam_id", "code"),
        UniqueConstraint("exam_id", "name"),
    )


class Subject(Base):
    """A paper (科目) of one level."""

    __tablename__ = "subjects"

    id: Mapped[int] = mapped_column(primary_key=True)
    level_id: Mapped[int] = mapped_column(ForeignKey("levels.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(50), default="")
    #: other ways staff write the subject (中级实务), accepted by imports within its level
    abbreviations: Mapped[list[str]] = mapped_column(JSON, default=json_default_list)

    level: Mapped[Level] = relationship(back_populates="subjects")

    __table_args__ = (
        UniqueConstraint("level_id", "code"),
        UniqueConstraint("level_id", "name"),
    )


session_subjects = Table(
    "session_subjects",
    Base.metadata,
    Column("session_id", ForeignKey("exam_sessions.id", ondelete="CASCADE"), primary_key=True),
    Column("subject_id", ForeignKey("subjects.id", ondelete="CASCADE"), primary_key=True),
)


class ExamSession(Base):
    """A sitting (场次): a date and time at which some levels sit some papers.

    Levels with different end times sit in separate sessions that may overlap in time
    (e.g. 实务 初级 14:00-16:00 and 实务 中级 14:00-16:30); they never share a room.
    """

    __tablename__ = "exam_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100), default="")
    date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    end_time: Mapped[time] = mapped_column(Time)

    exam: Mapped[Exam] = relationship(back_populates="sessions")
    subjects: Mapped[list[Subject]] = relationship(secondary=session_subjects)

    __table_args__ = (
        UniqueConstraint("exam_id", "code"),
        CheckConstraint("end_time > start_time", name="ends_after_start"),
    )
