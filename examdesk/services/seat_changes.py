"""Changes to a seating plan after allocation, without reshuffling anyone else.

Each change is one service call (the window and the command line both use them), keyed by
the candidate's and room's ids (:mod:`examdesk.services.lookup` turns what a clerk typed into
them), checked against the plan's rules with the reason when refused (an error with a code and
fields), recorded in the audit trail, and returns what it changed. A withdrawn or moved
candidate's ticket number is retired: it is never given to anyone else.

A change reads the rules, the exam's rooms and the seats of the rooms it touches, never every
candidate of the exam (benchmarks/bench_seat_change.py).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, Select, delete, func, insert, select, update
from sqlalchemy.orm import Session

from examdesk.enums import CandidateStatus
from examdesk.errors import BadInput, PlanProblem
from examdesk.i18n import translate
from examdesk.model import Candidate, Level, Room, SeatAssignment
from examdesk.model import Duty as DutyRow
from examdesk.model.candidate import RetiredTicket
from examdesk.planning.plan import PlanCandidate, PlanIssue, PlanRoom, Seat
from examdesk.planning.seats import neighbours, seat_positions
from examdesk.services import audit, versions
from examdesk.services.attendance import follow_seats
from examdesk.services.audit import Actor, Permission
from examdesk.services.duty_watch import DutyWatch
from examdesk.services.exams import ExamRef
from examdesk.services.seating import load_rules, plan_rooms


@dataclass(frozen=True)
class SeatChange:
    """One candidate's seat as a change left it, to show the user.

    Attributes:
        candidate_id: the candidate's id.
        candidate: the candidate's label (registration number and name).
        room_id: the room's id, None when the candidate has no seat now.
        room: the room's label (center/room), "" when the candidate has no seat now.
        seat_no: the seat number, 0 when none.
        ticket_no: the ticket number, "" when none.
        retired: the ticket number retired by the change, or "".
    """

    candidate_id: int
    candidate: str
    room_id: int | None
    room: str
    seat_no: int
    ticket_no: str
    retired: str = ""


@dataclass(frozen=True)
class SeatChanges:
    """What one change to the seating plan changed, so that a view refreshes only that.

    Attributes:
        seats: each candidate's seat as the change left it, in the order named.
        candidates: the ids of the candidates whose seat or status changed.
        rooms: the ids of the rooms whose occupants (or lock) changed: where they sat and
            where they sit now.
        duties: the ids of the duties in those rooms, whose problems may have changed.
        broken_duties: the roster's errors the change brought (an invigilator now in front
            of their own unit's candidates or a relative, a room newly in use without
            invigilators, a duty in a room now empty).
    """

    seats: tuple[SeatChange, ...] = ()
    candidates: frozenset[int] = frozenset()
    rooms: frozenset[int] = frozenset()
    duties: frozenset[int] = frozenset()
    broken_duties: tuple[PlanIssue, ...] = ()


class _Plan:
    """The part of the plan one change needs: the rules, the rooms and, read when needed, the
    seats of the rooms the change touches; never every candidate of the exam."""

    def __init__(self, session: Session, exam: ExamRef) -> None:
        self.session = session
        self.exam = exam
        self.rules = load_rules(session, exam)
        self.rooms: dict[int, PlanRoom] = {}
        self.candidates: dict[int, PlanCandidate] = {}
        self._seats: dict[int, dict[int, Seat]] = {}
        self._freed: set[str] = set()

    def seats_in(self, room: PlanRoom) -> dict[int, Seat]:
        """The seats of ``room`` by number, their candidates read into :attr:`candidates`."""
        if room.id not in self._seats:
            seats: dict[int, Seat] = {}
            for row in self.session.execute(_candidate_rows().add_columns(
                    SeatAssignment.seat_no, SeatAssignment.ticket_no)
                    .join(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
                    .where(SeatAssignment.room_id == room.id)):
                self.candidates[row.id] = _plan_candidate(row)
                seats[row.seat_no] = Seat(row.id, room.id, row.seat_no, row.ticket_no)
            self._seats[room.id] = seats
        return self._seats[room.id]

    def candidate(self, candidate_id: int) -> tuple[PlanCandidate, Seat | None]:
        """The active candidate with this id, and their seat (None when they have none).

        Raises:
            BadInput: the exam has no candidate with this id (code ``candidate-not-found``).
            PlanProblem: the candidate has withdrawn (code ``candidate-withdrawn``).
        """
        row = self.session.execute(_candidate_rows().add_columns(
            Candidate.status, SeatAssignment.room_id, SeatAssignment.seat_no,
            SeatAssignment.ticket_no)
            .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
            .where(Candidate.id == candidate_id, Candidate.exam_id == self.exam.id)).first()
        if row is None:
            raise BadInput(translate(
                "Seats", "Exam {exam} has no candidate with the id {id}.").format(
                exam=self.exam.code, id=candidate_id), code="candidate-not-found",
                exam=self.exam.code, candidate_id=candidate_id)
        candidate = _plan_candidate(row)
        if row.status is CandidateStatus.WITHDRAWN:
            raise PlanProblem(translate(
                "Seats", "Candidate {who} has withdrawn and cannot be seated.").format(
                who=candidate.label), code="candidate-withdrawn", candidate_id=candidate.id,
                who=candidate.label)
        self.candidates[candidate.id] = candidate
        if row.room_id is None:
            return candidate, None
        return candidate, Seat(candidate.id, row.room_id, row.seat_no, row.ticket_no)

    def room(self, room_id: int) -> PlanRoom:
        """The exam's room with this id.

        Raises:
            BadInput: the exam has no such room (code ``room-not-found``).
        """
        if room_id not in self.rooms:
            self.rooms.update((r.id, r) for r in plan_rooms(self.session, self.exam, {room_id}))
        if room_id not in self.rooms:
            raise BadInput(translate("Seats", "Exam {exam} has no room with the id {id}.").format(
                exam=self.exam.code, id=room_id), code="room-not-found", exam=self.exam.code,
                room_id=room_id)
        return self.rooms[room_id]

    def free(self, seat: Seat) -> None:
        """Take ``seat`` out of the plan for the rest of this change (its holder moves)."""
        self.seats_in(self.room(seat.room_id)).pop(seat.seat_no, None)
        self._freed.add(seat.ticket_no)

    def ticket_taken(self, ticket: str) -> bool:
        """Whether a seat holds ``ticket`` (other than the seats this change frees)."""
        return ticket not in self._freed and self.session.scalar(
            select(SeatAssignment.candidate_id).where(
                SeatAssignment.exam_id == self.exam.id, SeatAssignment.ticket_no == ticket)
        ) is not None

    def levels_in(self, room: PlanRoom) -> set[str]:
        return {self.candidates[seat.candidate_id].level for seat in self.seats_in(room).values()}

    def refuse_room(self, candidate: PlanCandidate, room: PlanRoom) -> None:
        """Raise the reason ``candidate`` may not sit in ``room``, if there is one."""
        if room.spare:
            raise PlanProblem(translate(
                "Seats", "Room {room} is a spare room and stays empty; choose another room or "
                         "mark it as not spare.").format(room=room.label),
                code="room-spare", room_id=room.id, room=room.label)
        _refuse_locked(room)
        others = self.levels_in(room) - {candidate.level}
        if others:
            names = self.rules.level_names
            raise PlanProblem(translate(
                "Seats", "Room {room} holds {other} candidates and a room holds one level; "
                         "choose a room of {level}.").format(
                room=room.label, other="、".join(names[o] for o in sorted(others)),
                level=names[candidate.level]), code="room-other-level", room_id=room.id,
                room=room.label, levels=tuple(sorted(others)), level=candidate.level)
        _refuse_inaccessible(candidate, room)

    def free_seat(self, candidate: PlanCandidate, room: PlanRoom, seat_no: int | None) -> int:
        """A free, usable seat of ``room`` whose ticket number was never issued.

        Without ``seat_no``, the first such seat where no neighbour works at the candidate's
        unit, else the first such seat.
        """
        positions = seat_positions(room.grid, self.rules.seat_order, self.rules.corner)
        taken = self.seats_in(room)
        retired = self.rules.retired_tickets
        if seat_no is not None:
            if not 1 <= seat_no <= len(positions):
                raise PlanProblem(translate(
                    "Seats", "Room {room} has seats 1 to {last}; choose one of them.").format(
                    room=room.label, last=len(positions)), code="seat-out-of-range",
                    room_id=room.id, room=room.label, seat=seat_no, last=len(positions))
            if seat_no in taken:
                holder = self.candidates[taken[seat_no].candidate_id]
                raise PlanProblem(translate(
                    "Seats", "Seat {seat} of room {room} is taken by {who}; choose a free seat "
                             "or swap the two.").format(
                    seat=seat_no, room=room.label, who=holder.label), code="seat-taken",
                    room_id=room.id, room=room.label, seat=seat_no, holder_id=holder.id,
                    who=holder.label)
            if self.ticket(room, seat_no, candidate) in retired:
                raise PlanProblem(translate(
                    "Seats", "Seat {seat} of room {room} had a ticket number that was withdrawn "
                             "and is never given again; choose another seat.").format(
                    seat=seat_no, room=room.label), code="seat-ticket-retired",
                    room_id=room.id, room=room.label, seat=seat_no)
            return seat_no
        free = [number for number in range(1, len(positions) + 1)
                if number not in taken and self.ticket(room, number, candidate) not in retired]
        if not free:
            raise PlanProblem(translate(
                "Seats", "Room {room} has no free seat; choose another room.").format(
                room=room.label), code="room-full", room_id=room.id, room=room.label)
        return next((n for n in free if not self.clashes(candidate, room, n, positions)),
                    free[0])

    def clashes(self, candidate: PlanCandidate, room: PlanRoom, seat_no: int,
                positions: tuple[tuple[int, int], ...]) -> bool:
        if not candidate.work_unit:
            return False
        number_at = {p: i + 1 for i, p in enumerate(positions)}
        taken = self.seats_in(room)
        for position in neighbours(positions[seat_no - 1], room.grid):
            other = taken.get(number_at.get(position, 0))
            if (other is not None and other.candidate_id != candidate.id
                    and self.candidates[other.candidate_id].work_unit == candidate.work_unit):
                return True
        return False

    def ticket(self, room: PlanRoom, seat_no: int, candidate: PlanCandidate) -> str:
        return self.rules.ticket(room, seat_no, candidate.level)

    def choose_room(self, candidate: PlanCandidate) -> PlanRoom:
        """The first room of the candidate's level with a free seat, else an empty room.

        The rooms' levels and head counts are read in one query; a room's seats only for the
        rooms that may have a free seat.
        """
        levels: dict[int, set[str]] = {}
        seated: dict[int, int] = {}
        for room_id, level, count in self.session.execute(
                select(SeatAssignment.room_id, Level.code, func.count())
                .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
                .join(Level, Level.id == Candidate.level_id)
                .where(SeatAssignment.exam_id == self.exam.id)
                .group_by(SeatAssignment.room_id, Level.code)):
            levels.setdefault(room_id, set()).add(level)
            seated[room_id] = seated.get(room_id, 0) + count
        rooms = plan_rooms(self.session, self.exam)  # in fill order
        self.rooms.update((r.id, r) for r in rooms)
        usable = [r for r in rooms if not r.spare and not r.locked
                  and (r.accessible or not candidate.needs_accessible)
                  and seated.get(r.id, 0) < r.grid.capacity]
        # first the rooms already holding the level, then empty ones
        for wanted in ({candidate.level}, set()):
            for room in usable:
                if levels.get(room.id, set()) == wanted:
                    try:
                        self.free_seat(candidate, room, None)
                    except PlanProblem:
                        continue
                    return room
        raise PlanProblem(translate(
            "Seats", "No room of {level} has a free seat and no room is empty; add a room or "
                     "mark a spare room as usable.").format(
            level=self.rules.level_names[candidate.level]), code="no-free-room",
            level=candidate.level)

    def seat(self, candidate: PlanCandidate, room: PlanRoom, seat_no: int) -> Seat:
        ticket = self.ticket(room, seat_no, candidate)
        if self.ticket_taken(ticket):
            raise PlanProblem(translate(
                "Seats", "The ticket number {ticket} of that seat is already someone's: the "
                         "exam's ticket pattern does not tell the rooms apart; add the center "
                         "field to it.").format(ticket=ticket), code="ticket-clash",
                ticket=ticket)
        return Seat(candidate.id, room.id, seat_no, ticket)

    def retire(self, seat: Seat) -> None:
        self.session.execute(insert(RetiredTicket).values(
            exam_id=self.exam.id, ticket_no=seat.ticket_no, candidate_id=seat.candidate_id))

    def write(self, seat: Seat) -> None:
        self.session.execute(insert(SeatAssignment).values(
            candidate_id=seat.candidate_id, exam_id=self.exam.id, room_id=seat.room_id,
            seat_no=seat.seat_no, ticket_no=seat.ticket_no))

    def changes(self, seats: Sequence[SeatChange], rooms: Collection[int],
                watch: DutyWatch | None) -> SeatChanges:
        """The change set of a change that left ``seats`` and touched ``rooms``."""
        duties = frozenset(self.session.scalars(
            select(DutyRow.id).where(DutyRow.room_id.in_(sorted(rooms))))) if rooms else frozenset()
        return SeatChanges(tuple(seats), frozenset(s.candidate_id for s in seats),
                           frozenset(rooms), duties,
                           watch.broken() if watch is not None else ())


def add_candidate(session: Session, actor: Actor, exam: ExamRef, candidate_id: int, *,
                  room_id: int | None = None, seat_no: int | None = None,
                  read: Mapping[int, int] | None = None) -> SeatChanges:
    """Seat a candidate who has no seat (a late registration), leaving everyone else.

    Args:
        session: the caller's session.
        actor: who changes the plan.
        exam: the exam.
        candidate_id: the candidate (see :mod:`examdesk.services.lookup`).
        room_id: the room; None takes the first room of their level with a free seat.
        seat_no: the seat; None takes the first free seat away from colleagues.
        read: candidate id -> the version the window read (:func:`_unchanged`).

    Returns:
        The seat given, with the duties the new seat broke.

    Raises:
        BadInput: no such candidate or room.
        PlanProblem: the candidate has a seat (code ``candidate-seated``), or the rules
            refuse the room or seat.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    plan = _Plan(session, exam)
    candidate, held = plan.candidate(candidate_id)
    _unchanged(session, exam, plan, candidate, held, read)
    if held is not None:
        room = plan.room(held.room_id)
        raise PlanProblem(translate(
            "Seats", "{who} already sits in room {room}, seat {seat}.").format(
            who=candidate.label, room=room.label, seat=held.seat_no),
            code="candidate-seated", candidate_id=candidate.id, who=candidate.label,
            room_id=room.id, room=room.label, seat=held.seat_no)
    target = plan.room(room_id) if room_id is not None else plan.choose_room(candidate)
    plan.refuse_room(candidate, target)
    seat = plan.seat(candidate, target, plan.free_seat(candidate, target, seat_no))
    watch = DutyWatch(session, exam, {target.center_id})
    plan.write(seat)
    follow_seats(session, [candidate.id])
    _audit(session, actor, exam, "seat.add", candidate, seat, target)
    return plan.changes([_change(candidate, seat, target)], {target.id}, watch)


def withdraw_candidate(session: Session, actor: Actor, exam: ExamRef,
                       candidate_id: int, *,
                       read: Mapping[int, int] | None = None) -> SeatChanges:
    """Withdraw a candidate: the seat is freed and the ticket number retired for good.

    ``read``: candidate id -> the version the window read (:func:`_unchanged`).

    Raises:
        BadInput: no such candidate.
        PlanProblem: the candidate sits in a locked room, or has already withdrawn.
        EditConflict: the candidate or their seat changed after the window read them.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    plan = _Plan(session, exam)
    candidate, held = plan.candidate(candidate_id)
    _unchanged(session, exam, plan, candidate, held, read)
    retired = ""
    watch = None
    if held is not None:
        _refuse_locked(plan.room(held.room_id))
        watch = DutyWatch(session, exam, {plan.room(held.room_id).center_id})
        session.execute(delete(SeatAssignment).where(
            SeatAssignment.candidate_id == candidate.id))
        plan.retire(held)
        follow_seats(session, [candidate.id])
        retired = held.ticket_no
    session.execute(update(Candidate).where(Candidate.id == candidate.id)
                    .values(status=CandidateStatus.WITHDRAWN))
    audit.record(session, actor, "seat.withdraw", exam_id=exam.id, entity="candidate",
                 entity_id=candidate.id,
                 summary=translate("Audit", "Withdrew {candidate}").format(
                     candidate=candidate.label),
                 details={"retired_ticket": retired})
    return plan.changes([SeatChange(candidate.id, candidate.label, None, "", 0, "", retired)],
                        {held.room_id} if held is not None else set(), watch)


def move_candidate(session: Session, actor: Actor, exam: ExamRef, candidate_id: int,
                   room_id: int, *, seat_no: int | None = None,
                   read: Mapping[int, int] | None = None) -> SeatChanges:
    """Move one candidate to another seat; the old ticket number is retired.

    ``read``: candidate id -> the version the window read (:func:`_unchanged`).

    Raises:
        BadInput: no such candidate or room.
        PlanProblem: the candidate has no seat (code ``candidate-unseated``), or the rules
            refuse the room or seat.
        EditConflict: the candidate or their seat changed after the window read them.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    plan = _Plan(session, exam)
    candidate, held = plan.candidate(candidate_id)
    _unchanged(session, exam, plan, candidate, held, read)
    if held is None:
        raise _unseated(candidate)
    _refuse_locked(plan.room(held.room_id))
    target = plan.room(room_id)
    plan.free(held)
    plan.refuse_room(candidate, target)
    seat = plan.seat(candidate, target, plan.free_seat(candidate, target, seat_no))
    watch = DutyWatch(session, exam, {plan.room(held.room_id).center_id, target.center_id})
    session.execute(delete(SeatAssignment).where(SeatAssignment.candidate_id == candidate.id))
    retired = held.ticket_no if seat.ticket_no != held.ticket_no else ""
    if retired:
        plan.retire(held)
    plan.write(seat)
    follow_seats(session, [candidate.id])
    _audit(session, actor, exam, "seat.move", candidate, seat, target, held.ticket_no)
    return plan.changes([_change(candidate, seat, target, retired)],
                        {held.room_id, target.id}, watch)


def swap_candidates(session: Session, actor: Actor, exam: ExamRef, first_id: int,
                    second_id: int, *,
                    read: Mapping[int, int] | None = None) -> SeatChanges:
    """Swap the seats (and so the ticket numbers) of two candidates of one level.

    ``read``: candidate id -> the version the window read (:func:`_unchanged`).

    Raises:
        BadInput: no such candidate.
        PlanProblem: both are the same candidate (code ``swap-same``), one has no seat, they
            sit different levels (code ``swap-levels``), or a room is locked.
        EditConflict: a candidate or their seat changed after the window read them.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    plan = _Plan(session, exam)
    (a, seat_a), (b, seat_b) = plan.candidate(first_id), plan.candidate(second_id)
    _unchanged(session, exam, plan, a, seat_a, read)
    _unchanged(session, exam, plan, b, seat_b, read)
    if a.id == b.id:
        raise PlanProblem(translate(
            "Seats", "Both are {who}; name two different candidates to swap.").format(
            who=a.label), code="swap-same", candidate_id=a.id, who=a.label)
    for candidate, held in ((a, seat_a), (b, seat_b)):
        if held is None:
            raise _unseated(candidate)
        _refuse_locked(plan.room(held.room_id))
    assert seat_a is not None and seat_b is not None
    if a.level != b.level:
        raise PlanProblem(translate(
            "Seats", "{a} and {b} sit different levels and a room holds one level; swap "
                     "candidates of one level.").format(a=a.label, b=b.label),
            code="swap-levels", first_id=a.id, second_id=b.id, a=a.label, b=b.label)
    room_a, room_b = plan.room(seat_a.room_id), plan.room(seat_b.room_id)
    _refuse_inaccessible(a, room_b)
    _refuse_inaccessible(b, room_a)
    new_a = Seat(a.id, room_b.id, seat_b.seat_no, plan.ticket(room_b, seat_b.seat_no, a))
    new_b = Seat(b.id, room_a.id, seat_a.seat_no, plan.ticket(room_a, seat_a.seat_no, b))
    watch = DutyWatch(session, exam, {room_a.center_id, room_b.center_id})
    session.execute(delete(SeatAssignment).where(SeatAssignment.candidate_id.in_([a.id, b.id])))
    plan.write(new_a)
    plan.write(new_b)
    follow_seats(session, [a.id, b.id])
    _audit(session, actor, exam, "seat.swap", a, new_a, room_b, seat_a.ticket_no)
    _audit(session, actor, exam, "seat.swap", b, new_b, room_a, seat_b.ticket_no)
    return plan.changes([_change(a, new_a, room_b), _change(b, new_b, room_a)],
                        {room_a.id, room_b.id}, watch)


def lock_room(session: Session, actor: Actor, exam: ExamRef, room_id: int, *,
              locked: bool = True) -> str:
    """Lock a room so no later allocation changes who sits in it (or unlock it).

    Returns:
        The room's label.

    Raises:
        BadInput: no such room.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    target = _Plan(session, exam).room(room_id)
    session.execute(update(Room).where(Room.id == target.id).values(locked=locked))
    audit.record(session, actor, "seat.lock" if locked else "seat.unlock", exam_id=exam.id,
                 entity="room", entity_id=target.id,
                 summary=translate("Audit", "Room {room}").format(room=target.label))
    return target.label


def _unchanged(session: Session, exam: ExamRef, plan: _Plan, candidate: PlanCandidate,
               held: Seat | None, read: Mapping[int, int] | None) -> None:
    """Refuse a change to a candidate whose row or seat changed since the window read it
    (a seat's change moves its candidate's version: examdesk/services/versions.py)."""
    if read is None or candidate.id not in read:
        return
    if held is None:
        seat = translate("Seats", "no seat")
    else:
        seat = translate("Seats", "room {room}, seat {seat}, ticket {ticket}").format(
            room=plan.room(held.room_id).label, seat=held.seat_no, ticket=held.ticket_no)
    versions.check_version(
        session, Candidate, candidate.id, read[candidate.id], exam_id=exam.id,
        about=[("candidate", candidate.id)], what=candidate.label, current=seat)


def _candidate_rows() -> Select[*tuple[Any, ...]]:
    return (select(Candidate.id, Level.code.label("level"), Candidate.work_unit,
                   Candidate.district, Candidate.needs_accessible_room,
                   Candidate.registration_no, Candidate.name)
            .join(Level, Level.id == Candidate.level_id))


def _plan_candidate(row: Row[Any]) -> PlanCandidate:
    return PlanCandidate(id=row.id, level=row.level, work_unit=row.work_unit.strip(),
                         district=row.district, needs_accessible=row.needs_accessible_room,
                         label=f"{row.registration_no} {row.name}")


def _change(candidate: PlanCandidate, seat: Seat, room: PlanRoom,
            retired: str = "") -> SeatChange:
    return SeatChange(candidate.id, candidate.label, room.id, room.label, seat.seat_no,
                      seat.ticket_no, retired)


def _unseated(candidate: PlanCandidate) -> PlanProblem:
    return PlanProblem(translate("Seats", "{who} has no seat yet.").format(who=candidate.label),
                       code="candidate-unseated", candidate_id=candidate.id,
                       who=candidate.label)


def _refuse_locked(room: PlanRoom) -> None:
    """Nobody is seated into, moved out of or withdrawn from a locked room."""
    if room.locked:
        raise PlanProblem(translate("Seats", "Room {room} is locked; unlock it first.").format(
            room=room.label), code="room-locked", room_id=room.id, room=room.label)


def _refuse_inaccessible(candidate: PlanCandidate, room: PlanRoom) -> None:
    if candidate.needs_accessible and not room.accessible:
        raise PlanProblem(translate(
            "Seats", "{who} needs an accessible room and {room} is not one.").format(
            who=candidate.label, room=room.label), code="room-not-accessible",
            candidate_id=candidate.id, who=candidate.label, room_id=room.id, room=room.label)


def _audit(session: Session, actor: Actor, exam: ExamRef, action: str,
           candidate: PlanCandidate, seat: Seat, room: PlanRoom, before: str = "") -> None:
    audit.record(
        session, actor, action, exam_id=exam.id, entity="candidate", entity_id=candidate.id,
        summary=translate("Audit", "{candidate} to room {room}, seat {seat} ({ticket})").format(
            candidate=candidate.label, room=room.label, seat=seat.seat_no,
            ticket=seat.ticket_no),
        details={"room": room.label, "seat": seat.seat_no, "ticket": seat.ticket_no,
                 "previous_ticket": before},
    )
