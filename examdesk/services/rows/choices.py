"""What a table's filters offer: the exam's test centers, levels and sessions."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.model import Level, TestCenter
from examdesk.services.audit import Actor
from examdesk.services.duty_data import session_label
from examdesk.services.exams import ExamRef, exam_sessions
from examdesk.services.scope import limited, visible_centers


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a filter.

    Attributes:
        id: what the read models filter by (center_id, level_id, session_id).
        code: its code (考点编号, level code, S1...).
        name: what the user reads.
    """

    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """The entries of the filters by center, level and session, in the exam's order.

    Roles and statuses are closed vocabularies (:class:`examdesk.enums.StaffRole`,
    :class:`examdesk.enums.CandidateStatus`); rooms are a center's :func:`room_rows`.

    Attributes:
        centers: the test centers in their order.
        levels: the levels in their order.
        sessions: the sessions in time order, named as messages name them.
    """

    centers: tuple[Choice, ...]
    levels: tuple[Choice, ...]
    sessions: tuple[Choice, ...]


def filter_choices(session: Session, exam: ExamRef, *,
                   actor: Actor | None = None) -> FilterChoices:
    """The exam's test centers, levels and sessions for the tables' filters.

    Args:
        session: the caller's session.
        exam: the exam.
        actor: who reads: a center desk is offered its own center only (None: all).

    Returns:
        The choices, read in three small queries.
    """
    centers = tuple(Choice(*row) for row in session.execute(limited(
        select(TestCenter.id, TestCenter.code, TestCenter.name)
        .where(TestCenter.exam_id == exam.id).order_by(TestCenter.sort_order, TestCenter.code),
        TestCenter.id, visible_centers(actor, exam))))
    levels = tuple(Choice(*row) for row in session.execute(
        select(Level.id, Level.code, Level.name)
        .where(Level.exam_id == exam.id).order_by(Level.sort_order, Level.code)))
    sessions = tuple(
        Choice(s.id, s.code, session_label(s.name, s.date.isoformat(),
                                           s.start_time.hour * 60))
        for s in exam_sessions(session, exam))
    return FilterChoices(centers, levels, sessions)
