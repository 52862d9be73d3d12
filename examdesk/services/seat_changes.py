"""Changes to a seating plan after allocation, without reshuffling anyone else.

Each change is one service call (the window and `examdesk seat ...` both use them), checked
against the plan's rules with the reason when refused, and recorded in the audit trail.
A withdrawn or moved candidate's ticket number is retired: it is never given to anyone else.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from examdesk.enums import CandidateStatus
from examdesk.errors import BadInput, PlanProblem
from examdesk.exchange.normalize import id_number_text
from examdesk.i18n import translate
from examdesk.model import Candidate, Room, SeatAssignment
from examdesk.model.candidate import RetiredTicket
from examdesk.planning.plan import PlanCandidate, PlanIssue, PlanRoom, Seat
from examdesk.planning.seats import neighbours, seat_positions
from examdesk.services import audit
from examdesk.services.audit import Actor
from examdesk.services.duty_watch import DutyWatch
from examdesk.services.exams import ExamRef
from examdesk.services.seating import PlanData, load_plan


@dataclass(frozen=True)
class SeatChange:
    """A change made, to show the user.

    Attributes:
        candidate: the candidate's label (registration number and name).
        room: the room's label (center/room), "" when the candidate has no seat now.
        seat_no: the seat number, 0 when none.
        ticket_no: the ticket number, "" when none.
        retired: the ticket number retired by the change, or "".
        broken_duties: the roster's errors the change brought (an invigilator now in front
            of their own unit's candidates or a relative, a room newly in use without
            invigilators, a duty in a room now empty); for a swap, those of the swap.
    """

    candidate: str
    room: str
    seat_no: int
    ticket_no: str
    retired: str = ""
    broken_duties: tuple[PlanIssue, ...] = ()


class _Plan:
    """The plan loaded once for one change, with the lookups every change needs."""

    def __init__(self, session: Session, exam: ExamRef) -> None:
        self.session = session
        self.exam = exam
        self.data: PlanData = load_plan(session, exam)
        self.rooms = {room.id: room for room in self.data.rooms}
        self.candidates = {c.id: c for c in self.data.candidates}
        self.seat_of = {s.candidate_id: s for s in self.data.seats}
        self.taken = {(s.room_id, s.seat_no): s.candidate_id for s in self.data.seats}
        self.taken_tickets = {s.ticket_no for s in self.data.seats}

    def candidate(self, who: str) -> PlanCandidate:
        """The active candidate with this ID number or registration number."""
        key = id_number_text(who)
        found = self.session.execute(
            select(Candidate.id, Candidate.status).where(
                Candidate.exam_id == self.exam.id,
                or_(Candidate.id_number == key, Candidate.registration_no == key))
        ).first()
        if found is None:
            raise BadInput(translate(
                "Seats", "No candidate of exam {exam} has the ID or registration number {who}."
            ).format(exam=self.exam.code, who=who))
        if found.status is CandidateStatus.WITHDRAWN:
            raise PlanProblem(translate(
                "Seats", "Candidate {who} has withdrawn and cannot be seated.").format(who=who))
        return self.candidates[found.id]

    def room(self, label: str) -> PlanRoom:
        """The room written as ROOM or CENTER/ROOM."""
        center, _, code = label.strip().rpartition("/")
        matches = [r for r in self.data.rooms
                   if r.code == code and (not center or r.center_code == center)]
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise BadInput(translate(
                "Seats", "Exam {exam} has no room {room}; write the room's code as in "
                         "'examdesk export rooms', or CENTER/ROOM.").format(
                exam=self.exam.code, room=label))
        raise BadInput(translate(
            "Seats", "Several test centers have a room {room} ({rooms}); write CENTER/ROOM."
        ).format(room=label, rooms=", ".join(r.label for r in matches)))

    def levels_in(self, room: PlanRoom) -> set[str]:
        return {self.candidates[c].level for (r, _n), c in self.taken.items()
                if r == room.id and c in self.candidates}

    def refuse_room(self, candidate: PlanCandidate, room: PlanRoom) -> None:
        """Raise the reason ``candidate`` may not sit in ``room``, if there is one."""
        if room.spare:
            raise PlanProblem(translate(
                "Seats", "Room {room} is a spare room and stays empty; choose another room or "
                         "mark it as not spare.").format(room=room.label))
        _refuse_locked(room)
        others = self.levels_in(room) - {candidate.level}
        if others:
            names = self.data.rules.level_names
            raise PlanProblem(translate(
                "Seats", "Room {room} holds {other} candidates and a room holds one level; "
                         "choose a room of {level}.").format(
                room=room.label, other="、".join(names[o] for o in sorted(others)),
                level=names[candidate.level]))
        if candidate.needs_accessible and not room.accessible:
            raise PlanProblem(translate(
                "Seats", "{who} needs an accessible room and {room} is not one.").format(
                who=candidate.label, room=room.label))

    def free_seat(self, candidate: PlanCandidate, room: PlanRoom, seat_no: int | None) -> int:
        """A free, usable seat of ``room`` whose ticket number was never issued.

        Without ``seat_no``, the first such seat where no neighbour works at the candidate's
        unit, else the first such seat.
        """
        positions = seat_positions(room.grid, self.data.rules.seat_order,
                                   self.data.rules.corner)
        if seat_no is not None:
            if not 1 <= seat_no <= len(positions):
                raise PlanProblem(translate(
                    "Seats", "Room {room} has seats 1 to {last}; choose one of them.").format(
                    room=room.label, last=len(positions)))
            if (room.id, seat_no) in self.taken:
                holder = self.candidates.get(self.taken[(room.id, seat_no)])
                raise PlanProblem(translate(
                    "Seats", "Seat {seat} of room {room} is taken by {who}; choose a free seat "
                             "or swap the two.").format(
                    seat=seat_no, room=room.label, who=holder.label if holder else "?"))
            if self.ticket(room, seat_no, candidate) in self.data.rules.retired_tickets:
                raise PlanProblem(translate(
                    "Seats", "Seat {seat} of room {room} had a ticket number that was withdrawn "
                             "and is never given again; choose another seat.").format(
                    seat=seat_no, room=room.label))
            return seat_no
        free = [
            number for number in range(1, len(positions) + 1)
            if (room.id, number) not in self.taken
            and self.ticket(room, number, candidate) not in self.data.rules.retired_tickets
        ]
        if not free:
            raise PlanProblem(translate(
                "Seats", "Room {room} has no free seat; choose another room.").format(
                room=room.label))
        return next((n for n in free if not self.clashes(candidate, room, n, positions)),
                    free[0])

    def clashes(self, candidate: PlanCandidate, room: PlanRoom, seat_no: int,
                positions: tuple[tuple[int, int], ...]) -> bool:
        if not candidate.work_unit:
            return False
        number_at = {p: i + 1 for i, p in enumerate(positions)}
        for position in neighbours(positions[seat_no - 1], room.grid):
            other = self.taken.get((room.id, number_at.get(position, 0)))
            if other is not None and other != candidate.id:
                neighbour = self.candidates.get(other)
                if neighbour is not None and neighbour.work_unit == candidate.work_unit:
                    return True
        return False

    def ticket(self, room: PlanRoom, seat_no: int, candidate: PlanCandidate) -> str:
        return self.data.rules.ticket(room, seat_no, candidate.level)

    def choose_room(self, candidate: PlanCandidate) -> PlanRoom:
        """The first room of the candidate's level with a free seat, else an empty room."""
        usable = [r for r in self.data.rooms if not r.spare and not r.locked
                  and (r.accessible or not candidate.needs_accessible)]
        # first the rooms already holding the level, then empty ones
        for wanted in ({candidate.level}, set()):
            for room in usable:
                if self.levels_in(room) == wanted:
                    try:
                        self.free_seat(candidate, room, None)
                    except PlanProblem:
                        continue
                    return room
        raise PlanProblem(translate(
            "Seats", "No room of {level} has a free seat and no room is empty; add a room or "
                     "mark a spare room as usable.").format(
            level=self.data.rules.level_names[candidate.level]))

    def seat(self, candidate: PlanCandidate, room: PlanRoom, seat_no: int) -> Seat:
        ticket = self.ticket(room, seat_no, candidate)
        if ticket in self.taken_tickets:
            raise PlanProblem(translate(
                "Seats", "The ticket number {ticket} of that seat is already someone's: the "
                         "exam's ticket pattern does not tell the rooms apart; add the center "
                         "field to it.").format(ticket=ticket))
        return Seat(candidate.id, room.id, seat_no, ticket)

    def retire(self, seat: Seat) -> None:
        self.session.execute(insert(RetiredTicket).values(
            exam_id=self.exam.id, ticket_no=seat.ticket_no, candidate_id=seat.candidate_id))

    def write(self, seat: Seat) -> None:
        self.session.execute(insert(SeatAssignment).values(
            candidate_id=seat.candidate_id, exam_id=self.exam.id, room_id=seat.room_id,
            seat_no=seat.seat_no, ticket_no=seat.ticket_no))


def add_candidate(session: Session, actor: Actor, exam: ExamRef, who: str, *,
                  room: str | None = None, seat_no: int | None = None) -> SeatChange:
    """Seat a candidate who has no seat (a late registration), leaving everyone else.

    Args:
        session: the caller's session.
        actor: who changes the plan.
        exam: the exam.
        who: the candidate's ID number or registration number.
        room: ROOM or CENTER/ROOM; None takes the first room of their level with a free seat.
        seat_no: the seat; None takes the first free seat away from colleagues.

    Returns:
        The seat given.

    Raises:
        BadInput: no such candidate or room.
        PlanProblem: the candidate has a seat, or the rules refuse the room or seat.
    """
    plan = _Plan(session, exam)
    candidate = plan.candidate(who)
    if candidate.id in plan.seat_of:
        held = plan.seat_of[candidate.id]
        raise PlanProblem(translate(
            "Seats", "{who} already sits in room {room}, seat {seat}; use 'examdesk seat move'."
        ).format(who=candidate.label, room=plan.rooms[held.room_id].label, seat=held.seat_no))
    target = plan.room(room) if room is not None else plan.choose_room(candidate)
    plan.refuse_room(candidate, target)
    seat = plan.seat(candidate, target, plan.free_seat(candidate, target, seat_no))
    watch = DutyWatch(session, exam, {target.center_id})
    plan.write(seat)
    _audit(session, actor, exam, "seat.add", candidate, seat, target)
    return SeatChange(candidate.label, target.label, seat.seat_no, seat.ticket_no,
                      broken_duties=watch.broken())


def withdraw_candidate(session: Session, actor: Actor, exam: ExamRef, who: str) -> SeatChange:
    """Withdraw a candidate: the seat is freed and the ticket number retired for good.

    Raises:
        BadInput: no such candidate.
        PlanProblem: the candidate sits in a locked room, or has already withdrawn.
    """
    plan = _Plan(session, exam)
    candidate = plan.candidate(who)
    retired = ""
    held = plan.seat_of.get(candidate.id)
    watch = None
    if held is not None:
        _refuse_locked(plan.rooms[held.room_id])
        watch = DutyWatch(session, exam, {plan.rooms[held.room_id].center_id})
        session.execute(delete(SeatAssignment).where(
            SeatAssignment.candidate_id == candidate.id))
        plan.retire(held)
        retired = held.ticket_no
    session.execute(update(Candidate).where(Candidate.id == candidate.id)
                    .values(status=CandidateStatus.WITHDRAWN))
    audit.record(session, actor, "seat.withdraw", exam_id=exam.id, entity="candidate",
                 entity_id=candidate.id, summary=f"withdrew {candidate.label}",
                 details={"retired_ticket": retired})
    return SeatChange(candidate.label, "", 0, "", retired,
                      broken_duties=watch.broken() if watch is not None else ())


def move_candidate(session: Session, actor: Actor, exam: ExamRef, who: str, room: str, *,
                   seat_no: int | None = None) -> SeatChange:
    """Move one candidate to another seat; the old ticket number is retired.

    Raises:
        BadInput: no such candidate or room.
        PlanProblem: the candidate has no seat, or the rules refuse the room or seat.
    """
    plan = _Plan(session, exam)
    candidate = plan.candidate(who)
    held = plan.seat_of.get(candidate.id)
    if held is None:
        raise PlanProblem(translate(
            "Seats", "{who} has no seat yet; use 'examdesk seat add'.").format(
            who=candidate.label))
    _refuse_locked(plan.rooms[held.room_id])
    target = plan.room(room)
    del plan.taken[(held.room_id, held.seat_no)]
    plan.taken_tickets.discard(held.ticket_no)
    plan.refuse_room(candidate, target)
    seat = plan.seat(candidate, target, plan.free_seat(candidate, target, seat_no))
    watch = DutyWatch(session, exam, {plan.rooms[held.room_id].center_id, target.center_id})
    session.execute(delete(SeatAssignment).where(SeatAssignment.candidate_id == candidate.id))
    if seat.ticket_no != held.ticket_no:
        plan.retire(held)
    plan.write(seat)
    _audit(session, actor, exam, "seat.move", candidate, seat, target, held.ticket_no)
    return SeatChange(candidate.label, target.label, seat.seat_no, seat.ticket_no,
                      held.ticket_no if seat.ticket_no != held.ticket_no else "",
                      broken_duties=watch.broken())


def swap_candidates(session: Session, actor: Actor, exam: ExamRef, first: str,
                    second: str) -> tuple[SeatChange, SeatChange]:
    """Swap the seats (and so the ticket numbers) of two candidates of one level.

    Raises:
        BadInput: no such candidate.
        PlanProblem: both name the same candidate, one has no seat, they sit different
            levels, or a room is locked.
    """
    plan = _Plan(session, exam)
    a, b = plan.candidate(first), plan.candidate(second)
    if a.id == b.id:  # also when named once by ID number and once by registration number
        raise PlanProblem(translate(
            "Seats", "{first} and {second} are both {who}; name two different candidates to "
                     "swap.").format(first=first, second=second, who=a.label))
    seats = [plan.seat_of.get(a.id), plan.seat_of.get(b.id)]
    for candidate, held in zip((a, b), seats, strict=True):
        if held is None:
            raise PlanProblem(translate(
                "Seats", "{who} has no seat yet; use 'examdesk seat add'.").format(
                who=candidate.label))
        _refuse_locked(plan.rooms[held.room_id])
    seat_a, seat_b = seats
    assert seat_a is not None and seat_b is not None
    if a.level != b.level:
        raise PlanProblem(translate(
            "Seats", "{a} and {b} sit different levels and a room holds one level; swap "
                     "candidates of one level.").format(a=a.label, b=b.label))
    room_a, room_b = plan.rooms[seat_a.room_id], plan.rooms[seat_b.room_id]
    for candidate, room in ((a, room_b), (b, room_a)):
        if candidate.needs_accessible and not room.accessible:
            raise PlanProblem(translate(
                "Seats", "{who} needs an accessible room and {room} is not one.").format(
                who=candidate.label, room=room.label))
    new_a = Seat(a.id, room_b.id, seat_b.seat_no, plan.ticket(room_b, seat_b.seat_no, a))
    new_b = Seat(b.id, room_a.id, seat_a.seat_no, plan.ticket(room_a, seat_a.seat_no, b))
    watch = DutyWatch(session, exam, {room_a.center_id, room_b.center_id})
    session.execute(delete(SeatAssignment).where(SeatAssignment.candidate_id.in_([a.id, b.id])))
    plan.write(new_a)
    plan.write(new_b)
    _audit(session, actor, exam, "seat.swap", a, new_a, room_b, seat_a.ticket_no)
    _audit(session, actor, exam, "seat.swap", b, new_b, room_a, seat_b.ticket_no)
    broken = watch.broken()
    return (SeatChange(a.label, room_b.label, new_a.seat_no, new_a.ticket_no,
                       broken_duties=broken),
            SeatChange(b.label, room_a.label, new_b.seat_no, new_b.ticket_no,
                       broken_duties=broken))


def lock_room(session: Session, actor: Actor, exam: ExamRef, room: str, *,
              locked: bool = True) -> str:
    """Lock a room so no later allocation changes who sits in it (or unlock it).

    Returns:
        The room's label.

    Raises:
        BadInput: no such room.
    """
    target = _Plan(session, exam).room(room)
    session.execute(update(Room).where(Room.id == target.id).values(locked=locked))
    audit.record(session, actor, "seat.lock" if locked else "seat.unlock", exam_id=exam.id,
                 entity="room", entity_id=target.id, summary=f"room {target.label}")
    return target.label


def _refuse_locked(room: PlanRoom) -> None:
    """Nobody is seated into, moved out of or withdrawn from a locked room."""
    if room.locked:
        raise PlanProblem(translate(
            "Seats", "Room {room} is locked; unlock it first with 'examdesk seat lock "
                     "{room} --unlock'.").format(room=room.label))


def _audit(session: Session, actor: Actor, exam: ExamRef, action: str,
           candidate: PlanCandidate, seat: Seat, room: PlanRoom, before: str = "") -> None:
    audit.record(
        session, actor, action, exam_id=exam.id, entity="candidate", entity_id=candidate.id,
        summary=f"{candidate.label} -> {room.label} seat {seat.seat_no} ({seat.ticket_no})",
        details={"room": room.label, "seat": seat.seat_no, "ticket": seat.ticket_no,
                 "previous_ticket": before},
    )
