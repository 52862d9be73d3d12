"""The invigilator roster in the database: make it, repair it, write it.

Locked duties (replacements, hand-made assignments) and post duties stay as they are; the
roster is solved around them. With a center, only that center's duties are made again. A
repair makes again only the rooms whose duties a change to the plan broke. The roster's
check is part of the plan's (examdesk/services/plan_check.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import delete, select, tuple_
from sqlalchemy.orm import Session

from examdesk.enums import DutyKind
from examdesk.errors import PlanProblem
from examdesk.i18n import translate
from examdesk.model import Duty as DutyRow
from examdesk.model import RoomDraw, Staff
from examdesk.planning.duty_plan import Duty
from examdesk.planning.plan import PlanIssue
from examdesk.planning.roster import RosterMetrics, make_roster
from examdesk.planning.roster_repair import DutyMove, repair_roster
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.duties import forget_draws, write_duties
from examdesk.services.duty_data import DutyData, load_duty_data
from examdesk.services.duty_watch import rostered
from examdesk.services.exams import ExamRef, center_id
from examdesk.services.seeds import choose_seed


@dataclass(frozen=True)
class RosterResult:
    """What a roster run did.

    Attributes:
        seed: the seed used.
        written: duties written.
        issues: every gap, explained, and any rule a locked duty breaks.
        metrics: violations, unfilled places and soft-goal misses.
        draws_forgotten: the recorded draws the new teams replaced (docs/draw.md).
    """

    seed: int
    written: int
    issues: tuple[PlanIssue, ...]
    metrics: RosterMetrics
    draws_forgotten: int = 0


def roster_exam(
    session: Session,
    actor: Actor,
    exam: ExamRef,
    *,
    seed: int | None = None,
    center: str | None = None,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> RosterResult:
    """Make the invigilator roster and write it in the caller's transaction.

    The draws of the centers rostered again are forgotten: their drawn teams are replaced by
    provisional ones, to be drawn again.

    Args:
        session: the caller's session.
        actor: who rosters, for the audit trail.
        exam: the exam.
        seed: breaks ties reproducibly; None draws one.
        center: a test center's code: roster only it.
        progress: receives (done, total, message).
        cancelled: polled between centers and time slots.

    Returns:
        What was written and every gap with its reason.

    Raises:
        BadInput: no test center has the code ``center``.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    chosen = choose_seed(seed)
    only = center_id(session, exam, center)
    data = load_duty_data(session, exam, seed=chosen)
    centers = [c for c in data.centers if only is None or c.id == only]

    def redone(duty_kind: DutyKind, duty_center: int, locked: bool) -> bool:
        return (duty_kind is not DutyKind.POST and not locked
                and (only is None or duty_center == only))

    kept = [d for d in data.duties if not redone(d.kind, d.center_id, d.locked)]
    result = make_roster(centers, data.rooms, data.sessions, data.staff, data.settings,
                         locked=kept, progress=progress, cancelled=cancelled)
    kept_keys = {(d.staff_id, d.session_id) for d in kept}
    new = [d for d in result.duties if (d.staff_id, d.session_id) not in kept_keys]
    staff_of_exam = select(Staff.id).where(Staff.exam_id == exam.id)
    query = delete(DutyRow).where(DutyRow.staff_id.in_(staff_of_exam),
                                  DutyRow.kind != DutyKind.POST, DutyRow.locked.is_(False))
    if only is not None:
        query = query.where(DutyRow.center_id == only)
    session.execute(query)
    write_duties(session, new)
    forgotten = forget_draws(session, exam, only)  # the drawn teams are replaced
    audit.record(
        session, actor, "duties.roster", exam_id=exam.id, entity="exam", entity_id=exam.id,
        summary=translate("Audit", "Rostered {count} duties with seed {seed}").format(
            count=len(new), seed=chosen),
        details={"seed": chosen, "center": center or "", "duties": len(new),
                 "unfilled": result.metrics.unfilled,
                 "hard_violations": result.metrics.hard_violations,
                 "draws_forgotten": forgotten},
    )
    return RosterResult(chosen, len(new), result.issues, result.metrics, forgotten)


@dataclass(frozen=True)
class AfterDraw:
    """Rooms a repair gave other invigilators in a session their center had already drawn.

    The draw stands (docs/draw.md): the other rooms keep the teams that drew them, and the
    sheets of these rooms name the people the repair put there.

    Attributes:
        center: the test center's code.
        session: the session's label.
        rooms: the rooms' labels.
    """

    center: str
    session: str
    rooms: tuple[str, ...]


@dataclass(frozen=True)
class RepairResult:
    """What a roster repair did.

    Attributes:
        seed: the seed used.
        rooms: the rooms re-rostered, as (session label, room label).
        moves: who moved where, by session and person.
        issues: what the roster still breaks or lacks (of the repaired centers), errors
            first; no error means the roster is clean.
        after_draw: the drawn sessions whose rooms the repair changed, by center and session.
    """

    seed: int
    rooms: tuple[tuple[str, str], ...]
    moves: tuple[DutyMove, ...]
    issues: tuple[PlanIssue, ...]
    after_draw: tuple[AfterDraw, ...] = ()


def repair_exam_roster(
    session: Session,
    actor: Actor,
    exam: ExamRef,
    *,
    seed: int | None = None,
    center: str | None = None,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> RepairResult:
    """Re-roster only the rooms whose duties break a rule or lack invigilators.

    Every other duty stays exactly as it is; locked and post duties always do. A draw the
    center has held stays recorded, as after a replacement: the repaired rooms of a drawn
    session are named in ``after_draw``. Written in the caller's transaction.

    Args:
        session: the caller's session.
        actor: who repairs, for the audit trail.
        exam: the exam.
        seed: breaks ties reproducibly; None draws one.
        center: a test center's code: repair only it.
        progress: receives (done, total, message).
        cancelled: polled while filling.

    Returns:
        The rooms re-rostered, who moved where, and what is still wrong.

    Raises:
        BadInput: no test center has the code ``center``.
        PlanProblem: the exam has no roster to repair.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    chosen = choose_seed(seed)
    only = center_id(session, exam, center)
    data = load_duty_data(session, exam, seed=chosen)
    if not rostered(data):
        raise PlanProblem(translate(
            "Duties", "The exam has no roster to repair yet; make one first."),
            code="no-roster")
    repair = repair_roster(data.centers, data.rooms, data.sessions, data.staff, data.settings,
                           data.duties, only=None if only is None else {only},
                           progress=progress, cancelled=cancelled)
    for start in range(0, len(repair.removed), 500):
        session.execute(delete(DutyRow).where(tuple_(DutyRow.staff_id, DutyRow.session_id).in_(
            [(d.staff_id, d.session_id) for d in repair.removed[start : start + 500]])))
    write_duties(session, repair.added)
    after_draw = _after_draw(session, exam, data, (*repair.removed, *repair.added))
    audit.record(
        session, actor, "duties.repair", exam_id=exam.id, entity="exam", entity_id=exam.id,
        summary=translate("Audit", "Repaired {count} room-sessions with seed {seed}").format(
            count=len(repair.places), seed=chosen),
        details={"seed": chosen, "center": center or "", "rooms": len(repair.places),
                 "removed": len(repair.removed), "added": len(repair.added),
                 "changed_after_draw": [f"{a.session} {room}" for a in after_draw
                                        for room in a.rooms]},
    )
    rooms = {r.id: r.label for r in data.rooms}
    sessions = {s.id: s.label for s in data.sessions}
    codes = {c.code for c in data.centers if only is None or c.id == only}
    # what the repair left is beyond another repair: its fix is the issue's own words
    issues = tuple(replace(i, remedies=tuple(r for r in i.remedies
                                             if r.action != "repair-roster"))
                   for i in repair.issues if not i.center or i.center in codes)
    return RepairResult(chosen, tuple((sessions[s], rooms[r]) for s, r in repair.places),
                        repair.moves, issues, after_draw)


def _after_draw(session: Session, exam: ExamRef, data: DutyData,
                changed: Sequence[Duty]) -> tuple[AfterDraw, ...]:
    """The rooms whose invigilators ``changed`` in sessions their center has drawn."""
    drawn = {(center_of, session_id) for center_of, session_id in session.execute(
        select(RoomDraw.center_id, RoomDraw.session_id).where(RoomDraw.exam_id == exam.id))}
    if not drawn:
        return ()
    by_id = {r.id: r for r in data.rooms}
    rooms: defaultdict[tuple[int, int], set[str]] = defaultdict(set)
    for d in changed:
        room = by_id.get(d.room_id or 0) if d.kind is DutyKind.ROOM else None
        if room is not None and (room.center_id, d.session_id) in drawn:
            rooms[room.center_id, d.session_id].add(room.label)
    return tuple(AfterDraw(c.code, s.label, tuple(sorted(rooms[c.id, s.id])))
                 for c in data.centers for s in data.sessions if (c.id, s.id) in rooms)

