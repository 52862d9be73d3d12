"""What of an exam an actor may see: the test centers a read is limited to, and whether the
personal fields (ID numbers, phones, photos) are shown or masked.

A center desk sees only its own center's candidates, rooms, staff, duties and posts; asking
for another center by name is refused (:class:`~examdesk.errors.AccessDenied`), never
answered with an empty list. A viewer reads every center with the personal fields masked as
public sheets mask them (:func:`examdesk.printing.common.mask_id`). The reads limit the rows
in SQL (``center_id IN (...)``): a desk's list costs no more than today's list of one center.

An actor of None is the core calling itself (a plan check, a planner's run): unrestricted, as
is the actor of a database without users.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, Select

from examdesk.printing.common import mask_id
from examdesk.services.audit import Actor, Permission

if TYPE_CHECKING:  # examdesk.services.lookup reads through this module
    from examdesk.services.exams import ExamRef

_Q = TypeVar("_Q", bound=Select[*tuple[Any, ...]])


def visible_centers(actor: Actor | None, exam: ExamRef, center: int | None = None, *,
                    code: str = "", permission: Permission = Permission.READ
                    ) -> frozenset[int] | None:
    """The centers a read for ``actor`` is limited to; None: no limit.

    Args:
        actor: who reads (None: unrestricted).
        exam: the exam.
        center: the center asked for by name, if any (the read limits itself to it).
        code: its code, named in a refusal.
        permission: what the read needs (READ; PRINT_PERSONAL for a file with personal data).

    Raises:
        AccessDenied: ``center`` is a center the actor may not see, or the actor may see no
            center of the exam.
    """
    if actor is None:
        return None
    if center is not None:
        actor.require(permission, exam.id, center, center_code=code)
        return None  # the read keeps to the center asked for
    centers = actor.centers(exam.id, permission)
    if centers is not None and not centers:
        actor.require(permission, exam.id)  # refuses: no center of this exam at all
    return centers


def limited(query: _Q, column: Any, centers: Collection[int] | None) -> _Q:
    """``query`` kept to rows whose ``column`` (a center ID) is one of ``centers``."""
    if centers is None:
        return query
    condition: ColumnElement[bool] = column.in_(sorted(centers))
    return query.where(condition)


def personal_centers(actor: Actor | None, exam: ExamRef) -> frozenset[int] | None:
    """The centers whose people the actor may read in full (ID numbers, phones, photos);
    None: every center."""
    if actor is None:
        return None
    return actor.centers(exam.id, Permission.READ_PERSONAL)


def shows_personal(personal: frozenset[int] | None, center: int | None) -> bool:
    """Whether a person at ``center`` (None: not seated, no home center) is shown in full,
    given :func:`personal_centers`."""
    return personal is None or (center is not None and center in personal)


def masked(text: str) -> str:
    """An ID number or phone as public sheets show it: its middle hidden."""
    return mask_id(text) if text else text
