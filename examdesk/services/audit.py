"""The audit trail: who changed what, when."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.identity import user_name
from examdesk.model import AuditEvent, User


@dataclass(frozen=True)
class Actor:
    """The person on whose behalf a service acts."""

    username: str

    @classmethod
    def from_environment(cls) -> Actor:
        """``$EXAMDESK_USER``, else the operating-system login name."""
        return cls(username=user_name())


def record(
    session: Session,
    actor: Actor,
    action: str,
    *,
    exam_id: int | None = None,
    entity: str = "",
    entity_id: str | int = "",
    summary: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    """Append one event to the audit trail, in the caller's transaction."""
    user_id = session.scalar(select(User.id).where(User.username == actor.username))
    session.add(
        AuditEvent(
            user_id=user_id,
            actor=actor.username,
            action=action,
            exam_id=exam_id,
            entity=entity,
            entity_id=str(entity_id),
            summary=summary,
            details=details or {},
        )
    )
