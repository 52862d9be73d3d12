"""The audit trail (who changed what, when) and the actor on whose behalf a service acts.

An :class:`Actor` is who is signed in: the user's name, as recorded in the trail, and what
the user may do. A database without users is a single-user file: its actor has no grants
(``grants is None``) and may do everything, and the trail records the operating-system
login (or ``$EXAMDESK_USER``). A database with users gives each signed-in user the
:class:`Grant` rows an administrator gave: a role, for one exam or every exam, at one test
center or every center. The services ask the actor (:meth:`Actor.require`,
:meth:`Actor.centers`) so that the window and the command line obey the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.enums import UserRole
from examdesk.errors import AccessDenied
from examdesk.i18n import translate
from examdesk.identity import user_name
from examdesk.model import AuditEvent, Exam, User


class Permission(StrEnum):
    """What a service may be asked to do on behalf of a user."""

    MANAGE_USERS = "manage-users"  # accounts, roles, settings of the database
    EDIT_PLAN = "edit-plan"  # imports, seating, roster, posts, draws, exam settings
    EXAM_DAY = "exam-day"  # temporary IDs, attendance, violations at a test center
    READ_PERSONAL = "read-personal"  # names with ID numbers, phones, photos
    PRINT_PERSONAL = "print-personal"  # sheets and exports that hold personal data
    READ = "read"  # the plan: counts, rooms, seats, duties (personal data masked)


# Which permissions each role gives, within the exam and center its grant names.
ROLE_PERMISSIONS: dict[UserRole, frozenset[Permission]] = {
    UserRole.ADMIN: frozenset(Permission),
    UserRole.PLANNER: frozenset(Permission) - {Permission.MANAGE_USERS},
    UserRole.DESK: frozenset({Permission.EXAM_DAY, Permission.READ_PERSONAL,
                              Permission.PRINT_PERSONAL, Permission.READ}),
    UserRole.VIEWER: frozenset({Permission.READ}),
}


def _permission_label(permission: Permission) -> str:
    labels = {
        Permission.MANAGE_USERS: translate("Access", "manage users"),
        Permission.EDIT_PLAN: translate("Access", "change the plan"),
        Permission.EXAM_DAY: translate("Access", "do exam-day work"),
        Permission.READ_PERSONAL: translate("Access", "read personal data"),
        Permission.PRINT_PERSONAL: translate("Access", "print or export personal data"),
        Permission.READ: translate("Access", "read the plan"),
    }
    return labels[permission]


@dataclass(frozen=True)
class Grant:
    """One role a user holds: for one exam (or every exam), at one center (or every center).

    Attributes:
        role: what the user may do there.
        exam_id: the exam, or None for every exam.
        center_id: the test center, or None for every center of the exam.
    """

    role: UserRole
    exam_id: int | None = None
    center_id: int | None = None

    def covers(self, exam_id: int | None, center_id: int | None) -> bool:
        """Whether this grant reaches that exam and center (None: the whole exam)."""
        if self.exam_id is not None and self.exam_id != exam_id:
            return False
        return self.center_id is None or self.center_id == center_id


@dataclass(frozen=True)
class Actor:
    """The person on whose behalf a service acts, and what that person may do.

    Attributes:
        username: the name the audit trail records.
        user_id: the user's row, or None (a database without users, or a name not yet
            stored).
        grants: the user's roles; None for a database without users, where the actor may
            do everything.
    """

    username: str
    user_id: int | None = None
    grants: tuple[Grant, ...] | None = None

    @classmethod
    def from_environment(cls) -> Actor:
        """The actor of a database without users: ``$EXAMDESK_USER``, else the OS login."""
        return cls(username=user_name())

    @property
    def unrestricted(self) -> bool:
        """Whether the actor may do everything (a database without users)."""
        return self.grants is None

    def may(self, permission: Permission, exam_id: int | None = None,
            center_id: int | None = None) -> bool:
        """Whether the actor may do that in that exam (every exam when None) and center.

        ``center_id`` None asks for the whole exam: only a grant for every center gives it.
        """
        if self.grants is None:
            return True
        return any(permission in ROLE_PERMISSIONS[grant.role]
                   and grant.covers(exam_id, center_id) for grant in self.grants)

    def require(self, permission: Permission, exam_id: int | None = None,
                center_id: int | None = None, *, center_code: str = "") -> None:
        """Raise :class:`~examdesk.errors.AccessDenied` unless :meth:`may` allows it.

        Args:
            center_code: the center's code, named in the message when a center is asked.
        """
        if self.may(permission, exam_id, center_id):
            return
        what = _permission_label(permission)
        if center_id is None and exam_id is None:  # e.g. managing users
            message = translate("Access", "User {user} may not {what}.")
        elif center_id is None:
            message = translate("Access", "User {user} may not {what} in this exam.")
        else:
            message = translate("Access",
                                "User {user} may not {what} at test center {center}.")
        raise AccessDenied(
            message.format(user=self.username, what=what, center=center_code or center_id),
            user=self.username, permission=str(permission), exam_id=exam_id,
            center_id=center_id)

    def centers(self, exam_id: int, permission: Permission = Permission.READ
                ) -> frozenset[int] | None:
        """The centers of the exam the actor may see (with that permission); None for all.

        An empty set: the actor may see no center of this exam.
        """
        if self.grants is None:
            return None
        centers: set[int] = set()
        for grant in self.grants:
            if permission not in ROLE_PERMISSIONS[grant.role]:
                continue
            if grant.exam_id is not None and grant.exam_id != exam_id:
                continue
            if grant.center_id is None:
                return None
            centers.add(grant.center_id)
        return frozenset(centers)


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
    """Append one event to the audit trail, in the caller's transaction.

    The event keeps the exam's code beside its id: deleting the exam empties the id (the
    database's ON DELETE SET NULL), and the code still says which exam it was about.
    """
    user_id = actor.user_id
    if user_id is None:
        user_id = session.scalar(select(User.id).where(User.username == actor.username))
    exam_code = ""
    if exam_id is not None:
        exam_code = session.scalar(select(Exam.code).where(Exam.id == exam_id)) or ""
    session.add(
        AuditEvent(
            user_id=user_id,
            actor=actor.username,
            action=action,
            exam_id=exam_id,
            exam_code=exam_code,
            entity=entity,
            entity_id=str(entity_id),
            summary=summary,
            details=details or {},
        )
    )
