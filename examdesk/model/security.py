"""Users of ExamDesk and the audit trail that makes every change attributable."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from examdesk.enums import UserRole
from examdesk.model.base import Base, enum_column, timestamp, utcnow


class User(Base):
    """A person who signs in to ExamDesk; desk users are tied to one test center."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str | None] = mapped_column(String(256))
    role: Mapped[UserRole] = mapped_column(enum_column(UserRole), default=UserRole.VIEWER)
    center_id: Mapped[int | None] = mapped_column(
        ForeignKey("test_centers.id", ondelete="SET NULL")
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)


class AuditEvent(Base):
    """One change to the plan, one issued certificate, one export of personal data...

    ``actor`` keeps the user name as it was, so the trail survives a user being removed.
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    exam_id: Mapped[int | None] = mapped_column(
        ForeignKey("exams.id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(String(64), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
