"""What a change to the plan does to the roster: the duties it breaks.

Seats, rooms and staff are what the roster was made for. Moving candidates can put an
invigilator in front of their own work unit's candidates or a relative, leave a rostered room
empty, or fill a room nobody is rostered to; changing a person's work unit, relatives, roles or
home center can break the 回避 rules or the roles of the duties they hold. A
:class:`DutyWatch` reads the roster's errors before a change and again after it, in the same
transaction: the errors that are new are the duties the change broke, each one naming who,
when, where and which rule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.enums import DutyKind
from examdesk.model import Duty as DutyRow
from examdesk.model import Room, Staff
from examdesk.planning.plan import PlanIssue
from examdesk.planning.roster import roster_issues
from examdesk.services.duty_data import DutyData, load_duty_data
from examdesk.services.exams import ExamRef


def rostered(data: DutyData) -> bool:
    """Whether anyone is rostered: duties other than posts (which are planned later)."""
    return any(d.kind is not DutyKind.POST for d in data.duties)


def roster_check(data: DutyData) -> tuple[PlanIssue, ...]:
    """Every problem of the roster in ``data``; none when nobody is rostered yet."""
    if not rostered(data):
        return ()
    return roster_issues(data.centers, data.rooms, data.sessions, data.staff, data.duties,
                         data.settings)


def match_issues(issues: Iterable[PlanIssue], known: Iterable[PlanIssue]) -> tuple[
        tuple[PlanIssue, ...], tuple[PlanIssue, ...]]:
    """``issues`` split into those ``known`` has (as many times as it has them) and the others.

    Issues are told apart by code and message, which name the person, session and room.
    """
    left = Counter((i.code, i.message) for i in known)
    found: list[PlanIssue] = []
    other: list[PlanIssue] = []
    for issue in issues:
        key = (issue.code, issue.message)
        if left[key]:
            left[key] -= 1
            found.append(issue)
        else:
            other.append(issue)
    return tuple(found), tuple(other)


def new_errors(before: Sequence[PlanIssue],
               after: Sequence[PlanIssue]) -> tuple[PlanIssue, ...]:
    """The errors of ``after`` that ``before`` did not have (as many times as it had them)."""
    return match_issues((i for i in after if i.is_error), (i for i in before if i.is_error))[1]


class DutyWatch:
    """The roster's errors before a change, to tell which duties the change broke.

    Make one before changing seats, rooms or staff, and call :meth:`broken` once the change
    is written (both in the caller's transaction). An exam without a roster costs nothing.

    Args:
        session: the caller's session.
        exam: the exam.
        centers: the test centers (ids) whose rooms the change touches; their duties are
            all it can break. None watches the whole exam (staff and room edits, a whole
            allocation).
    """

    def __init__(self, session: Session, exam: ExamRef,
                 centers: Collection[int] | None = None) -> None:
        self._session = session
        self._exam = exam
        self._centers = None if centers is None else frozenset(centers)
        self._before = self._load() if self._rostered() else None

    def broken(self) -> tuple[PlanIssue, ...]:
        """The roster errors the change brought: hard rules broken, rooms left unstaffed.

        Returns:
            The new errors, as ``examdesk check`` words them; empty when the change broke
            nothing or no roster was made.
        """
        if self._before is None:
            return ()
        after = self._load()
        # a person renamed or moved to another work unit is named as they are now, so that
        # only what the change broke differs
        label = {p.id: p.label for p in after.staff}
        before = replace(self._before, staff=tuple(
            replace(p, label=label.get(p.id, p.label)) for p in self._before.staff))
        return new_errors(roster_check(before), roster_check(after))

    def _rostered(self) -> bool:
        query = (select(DutyRow.id).join(Staff, Staff.id == DutyRow.staff_id)
                 .where(Staff.exam_id == self._exam.id, DutyRow.kind != DutyKind.POST))
        if self._centers is not None:
            query = query.where(DutyRow.center_id.in_(self._centers)
                                | DutyRow.room_id.in_(select(Room.id).where(
                                    Room.center_id.in_(self._centers))))
        return self._session.scalar(query.limit(1)) is not None

    def _load(self) -> DutyData:
        return load_duty_data(self._session, self._exam, centers=self._centers)
