"""Exam-day violations coded to the regulation, their evidence, and the medical post's log.

The acts a regulation lists (e.g. 专业技术人员资格考试违纪违规行为处理规定, 人社部令第31号)
are rows of ``violation_acts``, seeded by migration 0012: a revised regulation is a data
update (new rows under its own ``regulation``, the old ones retired), not a code change.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from examdesk.enums import Signature
from examdesk.model.base import Base, enum_column, timestamp, utcnow, version_column


class ViolationAct(Base):
    """One act of a candidate a regulation lists, with the consequence it sets.

    Attributes:
        regulation: the regulation's short name and number (人社部令第31号).
        code: what the recorder types, ``<article>.<item>`` (6.1 is 第六条第(一)项).
        article, item: the article and its numbered item.
        wording: the act as the regulation words it (in our own paraphrase where marked).
        consequence: the consequence the article sets, as staff read it.
        consequence_code: a short key for sorting and counting (subject_void, all_void_5y,
            all_void_long, removed).
        retired: a revised regulation replaced it; old records keep pointing at it.
    """

    __tablename__ = "violation_acts"

    id: Mapped[int] = mapped_column(primary_key=True)
    regulation: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(16))
    article: Mapped[int] = mapped_column(Integer)
    item: Mapped[int] = mapped_column(Integer)
    wording: Mapped[str] = mapped_column(Text)
    consequence: Mapped[str] = mapped_column(Text)
    consequence_code: Mapped[str] = mapped_column(String(32))
    retired: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (UniqueConstraint("regulation", "code"),)


class Violation(Base):
    """A candidate's violation recorded in a room (考场违纪记录).

    Room, seat and ticket are kept as they were at the time, so the record stays true to
    the paper if the candidate is moved later. ``recorded_by`` is the signed-in user's name
    (a database without users has no user rows to refer to).
    """

    __tablename__ = "violations"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: moved by every UPDATE (a trigger of migration 0012): a later signature is compared
    #: with the version the form read (examdesk/services/versions.py)
    version: Mapped[int] = version_column()
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exam_sessions.id", ondelete="CASCADE"))
    center_id: Mapped[int] = mapped_column(ForeignKey("test_centers.id", ondelete="CASCADE"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="SET NULL"))
    seat_no: Mapped[int] = mapped_column(Integer, default=0)
    ticket_no: Mapped[str] = mapped_column(String(32), default="")
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), index=True)
    act_id: Mapped[int] = mapped_column(ForeignKey("violation_acts.id"))
    occurred_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    description: Mapped[str] = mapped_column(Text)
    invigilator1_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff.id", ondelete="SET NULL"))
    invigilator2_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff.id", ondelete="SET NULL"))
    signature: Mapped[Signature | None] = mapped_column(enum_column(Signature))
    witness: Mapped[str] = mapped_column(String(100), default="")
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)


class ViolationEvidence(Base):
    """A photo (or other file) kept as evidence, stored in the database so that every desk
    of a shared database sees it (docs/violations.md)."""

    __tablename__ = "violation_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    violation_id: Mapped[int] = mapped_column(
        ForeignKey("violations.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class MedicalVisit(Base):
    """One line of the medical post's log: who was treated, when, for what, how it ended."""

    __tablename__ = "medical_visits"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("test_centers.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("exam_sessions.id", ondelete="SET NULL"))
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="SET NULL"))
    person: Mapped[str] = mapped_column(String(100))
    treated_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    complaint: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(Text, default="")
    returned: Mapped[bool | None] = mapped_column(Boolean)
    recorded_by: Mapped[str] = mapped_column(String(100))
