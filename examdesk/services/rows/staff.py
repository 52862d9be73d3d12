"""The staff table: each person with their roles, home test center and relatives."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from examdesk.enums import Gender, StaffRole
from examdesk.labels import STAFF_ROLE_LABELS
from examdesk.model import Duty, Staff, StaffRelative, StaffRoleAssignment, TestCenter
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef
from examdesk.services.rows.common import Only, PersonRow, ordered
from examdesk.services.scope import (
    limited,
    masked,
    personal_centers,
    shows_personal,
    visible_centers,
)


@dataclass(frozen=True, slots=True)
class StaffRow(PersonRow):
    """One staff member as the staff table shows them.

    Attributes:
        staff_id: the person's ID.
        name: the name.
        gender: the gender.
        id_number: the ID number.
        work_unit: the work unit ("" when none).
        phone: the mobile phone ("" when none).
        home_center_id: the test center they work at (None when not given).
        home_center_code: its code ("" when none).
        home_center: its name ("" when none).
        roles: the roles they may take, in the order of :class:`StaffRole`.
        relatives: the ID numbers of relatives who sit the exam (回避), sorted.
        duties: the sessions they have a duty in.
        version: the row's version, handed back with a change (examdesk/services/versions.py).
    """

    staff_id: int
    name: str
    gender: Gender
    id_number: str
    work_unit: str
    phone: str
    home_center_id: int | None
    home_center_code: str
    home_center: str
    roles: tuple[StaffRole, ...]
    relatives: tuple[str, ...]
    duties: int
    version: int = 0

    @property
    def roles_text(self) -> str:
        """The roles as the staff sheet writes them: ``主考、监考员``."""
        return "、".join(STAFF_ROLE_LABELS[role] for role in self.roles)

    @property
    def relatives_text(self) -> str:
        """The relatives' ID numbers joined with ``、``."""
        return "、".join(self.relatives)

    @property
    def search_key(self) -> int:
        """The person's ID."""
        return self.staff_id

    @property
    def search_fields(self) -> tuple[str, ...]:
        """ID number, work unit and phone."""
        return (self.id_number, self.work_unit, self.phone)


def staff_rows(
    session: Session, exam: ExamRef, *, center_id: int | None = None,
    role: StaffRole | None = None, ids: Collection[int] | None = None,
    actor: Actor | None = None, permission: Permission = Permission.READ,
) -> list[StaffRow]:
    """The exam's staff in the order they were registered.

    Args:
        session: the caller's session.
        exam: the exam.
        center_id: only those whose home is this test center.
        role: only those who may take this role.
        ids: only these people.
        actor: who reads: a center desk gets its center's staff only (by home center), a
            viewer the personal fields masked (None: all).
        permission: what the reader needs of the centers read (an export of personal data:
            PRINT_PERSONAL).

    Returns:
        The rows, read in four queries (people, roles, relatives, duties counted).

    Raises:
        AccessDenied: ``center_id`` is a center the actor may not see.
    """
    centers = visible_centers(actor, exam, center_id, permission=permission)
    personal = personal_centers(actor, exam)
    only = Only(ids)
    people = only.where(select(Staff.id).where(Staff.exam_id == exam.id), Staff.id)
    roles: defaultdict[int, list[StaffRole]] = defaultdict(list)
    for staff_id, held in session.execute(
        select(StaffRoleAssignment.staff_id, StaffRoleAssignment.role)
        .where(StaffRoleAssignment.staff_id.in_(people))
    ):
        roles[staff_id].append(held)
    relatives: defaultdict[int, list[str]] = defaultdict(list)
    for staff_id, id_number in session.execute(
        select(StaffRelative.staff_id, StaffRelative.id_number)
        .where(StaffRelative.staff_id.in_(people)).order_by(StaffRelative.id_number)
    ):
        relatives[staff_id].append(id_number)
    duties: dict[int, int] = {
        staff_id: count for staff_id, count in session.execute(
            select(Duty.staff_id, func.count()).where(Duty.staff_id.in_(people))
            .group_by(Duty.staff_id))}
    query = (
        select(Staff.id, Staff.name, Staff.gender, Staff.id_number, Staff.work_unit, Staff.phone,
               Staff.home_center_id, TestCenter.code.label("center_code"),
               TestCenter.name.label("center"), Staff.version)
        .outerjoin(TestCenter, TestCenter.id == Staff.home_center_id)
        .where(Staff.exam_id == exam.id).order_by(Staff.id)
    )
    if center_id is not None:
        query = query.where(Staff.home_center_id == center_id)
    query = limited(query, Staff.home_center_id, centers)
    query = only.where(query, Staff.id)
    every = tuple(StaffRole)
    rows = [
        StaffRow(r.id, r.name, r.gender, r.id_number, r.work_unit, r.phone, r.home_center_id,
                 r.center_code or "", r.center or "", ordered(roles[r.id], every),
                 tuple(relatives[r.id]), duties.get(r.id, 0), r.version)
        for r in session.execute(query)
        if only.keeps(r.id) and (role is None or role in roles[r.id])
    ]
    if personal is None:
        return rows
    return [row if shows_personal(personal, row.home_center_id) else replace(
        row, id_number=masked(row.id_number), phone=masked(row.phone),
        relatives=tuple(masked(r) for r in row.relatives)) for row in rows]
