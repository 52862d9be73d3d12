"""The seating plan in the database: load it for the planning code, write allocations back.

The allocation and the checks (examdesk.planning) see only plain dataclasses; this module
builds them from the exam's rooms, candidates and seats, and writes what they decide in
the caller's transaction, audited with the user's name.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from examdesk.db.bulk import bulk_insert
from examdesk.enums import CandidateStatus
from examdesk.i18n import translate
from examdesk.model import Candidate, Exam, Level, Room, SeatAssignment, TestCenter
from examdesk.model.candidate import RetiredTicket
from examdesk.planning.allocation import allocate
from examdesk.planning.checks import check_plan
from examdesk.planning.plan import ExamCodes, PlanCandidate, PlanIssue, PlanRoom, Rules, Seat
from examdesk.planning.seats import Grid
from examdesk.planning.tickets import TicketPattern
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services import audit
from examdesk.services.attendance import follow_seats
from examdesk.services.audit import Actor, Permission
from examdesk.services.duty_watch import DutyWatch
from examdesk.services.exams import ExamRef, center_id
from examdesk.services.seeds import choose_seed


@dataclass(frozen=True)
class PlanData:
    """The exam's seating plan as the planning code takes it.

    Attributes:
        rooms: every room in fill order (centers in their order, then rooms).
        candidates: the active candidates.
        seats: the seats given so far.
        rules: the exam's allocation rules and ticket pattern.
        withdrawn: ids of candidates who withdrew.
    """

    rooms: tuple[PlanRoom, ...]
    candidates: tuple[PlanCandidate, ...]
    seats: tuple[Seat, ...]
    rules: Rules
    withdrawn: frozenset[int] = frozenset()


@dataclass(frozen=True)
class AllocationSummary:
    """What an allocation run did.

    Attributes:
        seed: the seed used (recorded with the plan).
        placed: candidates given a seat in this run.
        kept: candidates left where they were.
        rooms_used: rooms holding candidates after the run.
        neighbour_pairs: same-work-unit candidates in adjacent seats.
        notes: remarks, e.g. merged last rooms.
        broken_duties: the roster's errors the new seats brought (an invigilator now in
            front of their own unit's candidates, a room newly in use without invigilators,
            a duty in a room now empty), as `examdesk check` words them.
    """

    seed: int
    placed: int
    kept: int
    rooms_used: int
    neighbour_pairs: int
    notes: tuple[str, ...]
    broken_duties: tuple[PlanIssue, ...] = ()


def load_rules(session: Session, exam: ExamRef, seed: int | None = None) -> Rules:
    """The exam's allocation rules: levels, seat order, ticket pattern, retired tickets.

    Args:
        session: the caller's session.
        exam: the exam.
        seed: the seed for the rules; None takes the one recorded with the plan (or 0).
    """
    settings = session.get(Exam, exam.id)
    assert settings is not None
    levels = session.execute(
        select(Level.id, Level.code, Level.name).where(Level.exam_id == exam.id)
        .order_by(Level.sort_order, Level.code)).all()
    return Rules(
        levels=tuple(code for _id, code, _name in levels),
        level_names={code: name for _id, code, name in levels},
        seat_order=settings.seat_order,
        corner=settings.first_seat_corner,
        pattern=TicketPattern.from_setting(settings.ticket_pattern),
        codes=ExamCodes(year=settings.year, province=settings.province_code,
                        city=settings.city_code, county=settings.county_code),
        seed=seed if seed is not None else settings.allocation_seed or 0,
        by_district=settings.allocate_by_district,
        merge_tail=settings.merge_tail_max,
        retired_tickets=frozenset(session.scalars(
            select(RetiredTicket.ticket_no).where(RetiredTicket.exam_id == exam.id))),
    )


def plan_rooms(session: Session, exam: ExamRef,
               ids: Collection[int] | None = None) -> list[PlanRoom]:
    """The exam's rooms in fill order (centers in their order, then rooms), numbered within
    their center and within the exam as ticket numbers count them.

    Args:
        session: the caller's session.
        exam: the exam.
        ids: only these rooms (their numbers still count every room before them); None:
            every room.
    """
    order = (TestCenter.sort_order, TestCenter.code, Room.sort_order, Room.code)
    in_center: dict[int, int] = {}
    numbers: dict[int, tuple[int, int]] = {}
    if ids is not None:  # the numbers from the rooms' ids alone, the rest for ``ids`` only
        for position, (room_id, center_id) in enumerate(session.execute(
                select(Room.id, Room.center_id).join(TestCenter)
                .where(TestCenter.exam_id == exam.id).order_by(*order)), start=1):
            in_center[center_id] = in_center.get(center_id, 0) + 1
            if room_id in ids:
                numbers[room_id] = (in_center[center_id], position)
    query = (select(Room.id, Room.center_id, TestCenter.code.label("center_code"),
                    TestCenter.name.label("center_name"), TestCenter.district, Room.code,
                    Room.rows, Room.columns, Room.unusable_seats, Room.accessible, Room.spare,
                    Room.locked)
             .join(TestCenter).where(TestCenter.exam_id == exam.id).order_by(*order))
    if ids is not None:
        query = query.where(Room.id.in_(list(numbers)))
    rooms: list[PlanRoom] = []
    for row in session.execute(query):
        if ids is None:
            in_center[row.center_id] = in_center.get(row.center_id, 0) + 1
            number, exam_number = in_center[row.center_id], len(rooms) + 1
        else:
            number, exam_number = numbers[row.id]
        rooms.append(PlanRoom(
            id=row.id, center_id=row.center_id, center_code=row.center_code,
            center_name=row.center_name, district=row.district, code=row.code,
            number=number, exam_number=exam_number,
            grid=Grid(row.rows, row.columns,
                      frozenset((r, c) for r, c in row.unusable_seats or [])),
            accessible=row.accessible, spare=row.spare, locked=row.locked,
        ))
    return rooms


def load_plan(session: Session, exam: ExamRef, seed: int | None = None) -> PlanData:
    """Read the exam's rooms, candidates, seats and rules.

    Args:
        session: the caller's session.
        exam: the exam.
        seed: the seed for the rules; None takes the one recorded with the plan (or 0).

    Returns:
        The plan as plain data.
    """
    rules = load_rules(session, exam, seed)
    level_code = {level_id: code for level_id, code in session.execute(
        select(Level.id, Level.code).where(Level.exam_id == exam.id))}
    rooms = plan_rooms(session, exam)
    candidates: list[PlanCandidate] = []
    withdrawn: set[int] = set()
    for row in session.execute(
        select(Candidate.id, Candidate.level_id, Candidate.work_unit, Candidate.district,
               Candidate.needs_accessible_room, Candidate.registration_no, Candidate.name,
               Candidate.status)
        .where(Candidate.exam_id == exam.id).order_by(Candidate.id)
    ):
        if row.status is CandidateStatus.WITHDRAWN:
            withdrawn.add(row.id)
            continue
        candidates.append(PlanCandidate(
            id=row.id, level=level_code[row.level_id], work_unit=row.work_unit.strip(),
            district=row.district, needs_accessible=row.needs_accessible_room,
            label=f"{row.registration_no} {row.name}",
        ))
    seats = tuple(
        Seat(r.candidate_id, r.room_id, r.seat_no, r.ticket_no)
        for r in session.execute(
            select(SeatAssignment.candidate_id, SeatAssignment.room_id, SeatAssignment.seat_no,
                   SeatAssignment.ticket_no).where(SeatAssignment.exam_id == exam.id))
    )
    return PlanData(tuple(rooms), tuple(candidates), seats, rules, frozenset(withdrawn))


def check_exam(session: Session, exam: ExamRef) -> tuple[PlanIssue, ...]:
    """Every problem of the exam's seating plan, with its cause and a fix."""
    plan = load_plan(session, exam)
    return check_plan(plan.rooms, plan.candidates, plan.seats, plan.rules)


def allocate_exam(
    session: Session,
    actor: Actor,
    exam: ExamRef,
    *,
    seed: int | None = None,
    center: str | None = None,
    keep: bool = False,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> AllocationSummary:
    """Seat the exam's candidates and give them ticket numbers, in the caller's transaction.

    Args:
        session: the caller's session.
        actor: who allocates, for the audit trail.
        exam: the exam.
        seed: the shuffle's seed; None draws a new one. It is recorded with the plan.
        center: a test center's code: re-plan only the candidates seated there, in its rooms.
        keep: place only candidates without a seat; everyone else stays where they are.
        progress: receives (done, total, message).
        cancelled: polled between levels.

    Returns:
        What the run did, with the duties of the roster the new seats broke.

    Raises:
        AllocationImpossible: the candidates cannot all be seated (each reason with a fix);
            nothing is written.
        BadInput: no test center has the code ``center``.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    chosen = choose_seed(seed)
    plan = load_plan(session, exam, seed=chosen)
    rooms = list(plan.rooms)
    candidates = list(plan.candidates)
    locked = {room.id for room in rooms if room.locked}
    kept = [s for s in plan.seats if s.room_id in locked or keep]
    wanted = center_id(session, exam, center)
    if wanted is not None:
        here = {room.id for room in rooms if room.center_id == wanted}
        seated_here = {s.candidate_id for s in plan.seats if s.room_id in here}
        rooms = [room for room in rooms if room.id in here]
        candidates = [c for c in candidates if c.id in seated_here]
        kept = [s for s in kept if s.room_id in here]
    result = allocate(rooms, candidates, plan.rules, keep=kept, progress=progress,
                      cancelled=cancelled)
    watch = DutyWatch(session, exam, centers=None if wanted is None else {wanted})
    kept_ids = {s.candidate_id for s in kept}
    new = [s for s in result.seats if s.candidate_id not in kept_ids]
    moved = [c.id for c in candidates if c.id not in kept_ids]
    for start in range(0, len(moved), 5000):
        session.execute(delete(SeatAssignment).where(
            SeatAssignment.candidate_id.in_(moved[start : start + 5000])))
    bulk_insert(session, SeatAssignment, [
        {"candidate_id": s.candidate_id, "exam_id": exam.id, "room_id": s.room_id,
         "seat_no": s.seat_no, "ticket_no": s.ticket_no}
        for s in new
    ])
    follow_seats(session, moved)
    session.execute(update(Exam).where(Exam.id == exam.id).values(allocation_seed=chosen))
    audit.record(
        session, actor, "seating.allocate", exam_id=exam.id, entity="exam", entity_id=exam.id,
        summary=translate("Audit", "Allocated {count} candidates with seed {seed}").format(
            count=len(new), seed=chosen),
        details={"seed": chosen, "placed": len(new), "kept": len(kept_ids),
                 "center": center or "", "keep": keep, "rooms_used": result.rooms_used,
                 "neighbour_pairs": result.neighbour_pairs},
    )
    return AllocationSummary(seed=chosen, placed=len(new), kept=len(kept_ids),
                             rooms_used=result.rooms_used,
                             neighbour_pairs=result.neighbour_pairs, notes=result.merged_tails,
                             broken_duties=watch.broken())

