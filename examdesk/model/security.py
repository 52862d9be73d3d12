"""Users of ExamDesk, the roles they hold, and the audit trail that makes every change
attributable."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from examdesk.enums import UserRole
from examdesk.model.base import Base, enum_column, timestamp, utcnow


class User(Base):
    """A person who signs in to ExamDesk; what the user may do is in :class:`UserGrant`.

    A user without a password (the demo records the operating-system login as one) cannot
    sign in; a database asks for a sign-in only once some active user has a password
    (examdesk/services/users.py).
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str | None] = mapped_column(String(256))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    # wrong passwords given in a row since the last sign-in (the lockout counts them)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # no sign-in before this time (after too many wrong passwords)
    locked_until: Mapped[datetime | None] = mapped_column(timestamp())


class UserGrant(Base):
    """One role a user holds: for one exam (or every exam), at one center (or every center).

    Deleting the exam or the center deletes the grant (never widens it to every center).
    """

    __tablename__ = "user_grants"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         index=True)
    role: Mapped[UserRole] = mapped_column(enum_column(UserRole))
    exam_id: Mapped[int | None] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"))
    center_id: Mapped[int | None] = mapped_column(
        ForeignKey("test_centers.id", ondelete="CASCADE"))


class AuditEvent(Base):
    """One change to the plan, one issued certificate, one export of personal data...

    ``actor`` keeps the user name as it was, so the trail survives a user being removed;
    ``exam_code`` keeps the exam's code as it was, so the trail survives the exam being
    deleted (``examdesk demo --replace``): the database then empties ``exam_id`` (ON DELETE
    SET NULL, migration 0016), the one change ever made to an old event besides the purge's.
    Only administrators read the events of an exam that is gone
    (examdesk/services/rows/audit.py).
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    exam_id: Mapped[int | None] = mapped_column(
        ForeignKey("exams.id", ondelete="SET NULL"), index=True
    )
    # the exam's code when the event was recorded ("" for an event of no exam)
    exam_code: Mapped[str] = mapped_column(String(32), default="", server_default="")
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
