"""The whole check of an exam's plan: what `examdesk check` prints and an import checks.

One function, so that every place that checks the plan (the check command, the import of a
seating plan, the window) finds the same problems: the seating plan's (grids, levels, ticket
numbers), then the roster's (the 回避 rules, rooms without invigilators, duties in rooms nobody
sits in), then the service posts' (posts short of people in a session their center holds,
duties outside a post's shifts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from examdesk.planning.plan import PlanIssue
from examdesk.services.audit import Actor
from examdesk.services.duty_data import load_duty_data
from examdesk.services.duty_watch import match_issues, roster_check
from examdesk.services.exams import ExamRef, center_codes
from examdesk.services.posts import post_problems
from examdesk.services.scope import visible_centers
from examdesk.services.seating import check_exam


@dataclass(frozen=True)
class PlanCheck:
    """Every problem of an exam's plan, by the part of the plan it is in.

    Attributes:
        seating: the seating plan's problems.
        roster: the invigilator roster's problems (none before the roster is made).
        posts: the service posts' problems.
    """

    seating: tuple[PlanIssue, ...]
    roster: tuple[PlanIssue, ...]
    posts: tuple[PlanIssue, ...] = ()

    @property
    def issues(self) -> tuple[PlanIssue, ...]:
        """Every problem, seating first."""
        return (*self.seating, *self.roster, *self.posts)

    @property
    def has_errors(self) -> bool:
        """Whether the plan cannot be used as it is."""
        return any(issue.is_error for issue in self.issues)

    def roster_split(self, broken: Sequence[PlanIssue]) -> tuple[tuple[PlanIssue, ...],
                                                                 tuple[PlanIssue, ...]]:
        """The roster's problems that a change broke (``broken``), and the others.

        Args:
            broken: what the change reported breaking (found in the same transaction).

        Returns:
            The roster problems among ``broken``, then the ones the roster had before.
        """
        return match_issues(self.roster, broken)


def check_exam_plan(session: Session, exam: ExamRef, *,
                    actor: Actor | None = None) -> PlanCheck:
    """Check the exam's whole plan, as `examdesk check` does.

    Args:
        session: the caller's session.
        exam: the exam.
        actor: who reads: a center desk gets the problems about its own center only (None:
            every problem).

    Returns:
        Every problem, each with its cause and a fix.
    """
    seen = visible_centers(actor, exam)
    staffing = load_duty_data(session, exam)  # read once for the roster and the posts
    check = PlanCheck(
        seating=check_exam(session, exam),
        roster=roster_check(staffing),
        posts=post_problems(session, exam, staffing),
    )
    if seen is None:
        return check
    codes = {code for cid, code in center_codes(session, exam).items() if cid in seen}
    # a few hundred problems at most: kept here rather than in each check
    return PlanCheck(*(tuple(i for i in part if issue_center(i) in codes)
                       for part in (check.seating, check.roster, check.posts)))


def issue_center(issue: PlanIssue) -> str:
    """The code of the test center a problem is about ("" when none): the seating checks
    name it, the roster's name a room as ``center/room``."""
    head, slash, _tail = issue.room.partition("/")
    return issue.center or (head if slash else "")
