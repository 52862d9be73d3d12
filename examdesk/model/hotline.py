"""The consultation hotline's call log (考试咨询电话记录)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from examdesk.model.base import Base, timestamp, utcnow


class HotlineCall(Base):
    """One call to the exam's hotline: who called, about what, what they were told.

    ``follow_up`` is what still has to be done for the caller (empty: nothing);
    ``taken_by`` is the signed-in user who took the call, as the audit trail names them.
    """

    __tablename__ = "hotline_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    exam_id: Mapped[int] = mapped_column(ForeignKey("exams.id", ondelete="CASCADE"), index=True)
    called_at: Mapped[datetime] = mapped_column(timestamp(), default=utcnow)
    caller_phone: Mapped[str] = mapped_column(String(40), default="")
    topic: Mapped[str] = mapped_column(String(100))
    answer: Mapped[str] = mapped_column(Text, default="")
    follow_up: Mapped[str] = mapped_column(Text, default="")
    taken_by: Mapped[str] = mapped_column(String(100))
    taken_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"))
