"""The plan's problems as a table: each with the IDs of the center, room, candidate, staff
member and service post it is about, so that a double-click can open them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.i18n import translate
from examdesk.model import Candidate, Room, TestCenter
from examdesk.planning.plan import PlanIssue, Remedy, Severity
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef
from examdesk.services.plan_check import PlanCheck, check_exam_plan
from examdesk.services.rows.common import ID_CHUNK
from examdesk.services.scope import visible_centers


class PlanPart(StrEnum):
    """The part of the plan a problem is in."""

    SEATING = "seating"
    ROSTER = "roster"
    POSTS = "posts"


@dataclass(frozen=True, slots=True)
class ProblemRow:
    """One problem of the plan.

    Attributes:
        number: its place in the check's list, from 0 (problems have no ID of their own).
        part: seating plan, roster or posts.
        code: the problem's stable code, e.g. ``seat-twice``.
        severity: error or warning.
        message: what is wrong (translated).
        fix: how to fix it (translated).
        center_id: the test center it is about (None when none or not known).
        room_id: the room it is about (None when none or not known).
        candidate_id: the candidate it is about (None when not about one).
        center_code: the center's code as the check names it ("" when none).
        room: the room as the check names it ("" when none).
        candidate: the candidate as the check names them: registration number and name.
        remedies: the operations its fix asks for (examdesk/planning/remedies.py).
        staff_id: the staff member it is about (None when not about one).
        post_id: the service post it is about (None when not about one).
    """

    number: int
    part: PlanPart
    code: str
    severity: Severity
    message: str
    fix: str
    center_id: int | None
    room_id: int | None
    candidate_id: int | None
    center_code: str
    room: str
    candidate: str
    remedies: tuple[Remedy, ...] = ()
    staff_id: int | None = None
    post_id: int | None = None

    @property
    def target(self) -> tuple[str, int] | None:
        """The area and row a double-click opens: the candidate it is about, else the staff
        member, else the room, else the post (None: it is about none of them)."""
        for area, key in (("candidates", self.candidate_id), ("staff", self.staff_id),
                          ("venues", self.room_id), ("posts", self.post_id)):
            if key is not None:
                return area, key
        return None

    @property
    def is_error(self) -> bool:
        """Whether the plan cannot be used as it is."""
        return self.severity is Severity.ERROR

    @property
    def severity_label(self) -> str:
        """Error or warning, in the user's language."""
        if self.severity is Severity.ERROR:
            return translate("Rows", "error")
        return translate("Rows", "warning")

    @property
    def part_label(self) -> str:
        """The part of the plan, in the user's language."""
        if self.part is PlanPart.SEATING:
            return translate("Rows", "seating plan")
        if self.part is PlanPart.ROSTER:
            return translate("Rows", "roster")
        return translate("Rows", "posts")

    @property
    def search_key(self) -> int:
        """Its place in the list."""
        return self.number

    @property
    def search_name(self) -> str:
        """The candidate's name, found by its pinyin too ("" when not about one)."""
        return self.candidate.partition(" ")[2]

    @property
    def search_fields(self) -> tuple[str, ...]:
        """What is wrong, the fix, the center, the room and the candidate."""
        return (self.message, self.fix, self.center_code, self.room, self.candidate)


def problem_rows(
    session: Session, exam: ExamRef, check: PlanCheck | None = None, *,
    center_id: int | None = None, severity: Severity | None = None,
    part: PlanPart | None = None, actor: Actor | None = None,
) -> list[ProblemRow]:
    """The plan's problems, errors first as the check lists them, with their IDs.

    Args:
        session: the caller's session.
        exam: the exam.
        check: the check just made (None: check the plan now, as ``examdesk check`` does).
        center_id: only the problems about this test center.
        severity: only errors, or only warnings.
        part: only this part's.
        actor: who reads: a center desk gets the problems about its own center only (None:
            all).

    Returns:
        The rows; their numbers are their places in the whole list, whatever the filter.

    Raises:
        AccessDenied: ``center_id`` is a center the actor may not see.
    """
    seen = visible_centers(actor, exam, center_id)
    if check is None:
        check = check_exam_plan(session, exam)
    parts = [(PlanPart.SEATING, i) for i in check.seating]
    parts += [(PlanPart.ROSTER, i) for i in check.roster]
    parts += [(PlanPart.POSTS, i) for i in check.posts]
    rows = _rows(session, exam, parts)
    return [row for row in rows
            if (center_id is None or row.center_id == center_id)
            and (seen is None or row.center_id in seen)
            and (severity is None or row.severity is severity)
            and (part is None or row.part is part)]


def issue_rows(session: Session, exam: ExamRef, part: PlanPart,
               issues: Sequence[PlanIssue]) -> list[ProblemRow]:
    """A run's problems as rows, with the IDs of what each is about (a double-click on a
    run's problem opens it as one in the check's list does).

    Args:
        session: the caller's session.
        exam: the exam.
        part: the part of the plan the run made.
        issues: the problems, numbered from 0 in this order.
    """
    return _rows(session, exam, [(part, issue) for issue in issues])


def _rows(session: Session, exam: ExamRef,
          parts: Sequence[tuple[PlanPart, PlanIssue]]) -> list[ProblemRow]:
    centers = {code: cid for cid, code in session.execute(
        select(TestCenter.id, TestCenter.code).where(TestCenter.exam_id == exam.id))}
    rooms = {(center, code): rid for rid, center, code in session.execute(
        select(Room.id, TestCenter.code, Room.code).join(TestCenter)
        .where(TestCenter.exam_id == exam.id))}
    candidates = _candidates(session, exam, (issue.candidate for _, issue in parts))
    rows = []
    for number, (in_part, issue) in enumerate(parts):
        center, room = _place(issue)
        rows.append(ProblemRow(
            number, in_part, issue.code, issue.severity, issue.message, issue.fix,
            centers.get(center), rooms.get((center, room)),
            candidates.get(_registration(issue.candidate)), issue.center, issue.room,
            issue.candidate, issue.remedies, issue.staff_id, issue.post_id))
    return rows


def _place(issue: PlanIssue) -> tuple[str, str]:
    # the seating checks name a room by its code, the roster's by center/code
    head, slash, tail = issue.room.partition("/")
    if slash:
        return issue.center or head, tail
    return issue.center, issue.room


def _registration(label: str) -> str:
    # the checks name a candidate by registration number and name (services/seating.py)
    return label.partition(" ")[0]


def _candidates(session: Session, exam: ExamRef, labels: Iterable[str]) -> dict[str, int]:
    numbers = sorted({_registration(label) for label in labels if label})
    found: dict[str, int] = {}
    for start in range(0, len(numbers), ID_CHUNK):
        found.update((number, cid) for cid, number in session.execute(
            select(Candidate.id, Candidate.registration_no).where(
                Candidate.exam_id == exam.id,
                Candidate.registration_no.in_(numbers[start:start + ID_CHUNK]))))
    return found
