"""Seat allocation: every active candidate gets one room and seat for all their sessions.

The method (docs/performance.md, "Seat allocation"):

1. Accessible rooms are reserved first, for every level in the exam's order and in room order,
   enough for the level's candidates who need one; those candidates sit there.
2. Each level then walks the rooms in fill order and takes the first rooms nobody holds until
   its other candidates fit, after filling the free seats of rooms it already holds through
   kept seats. Rooms per level start fresh, so each level may leave one part-filled room.
   Reserved accessible rooms keep their other seats free (accessible candidates often sit
   apart) unless the walk runs out of rooms; a last room of 1..``merge_tail`` candidates is
   emptied into those free seats instead, and goes back to the next level.
3. Inside a level, each work unit is dealt across the level's rooms (largest units first), then
   every room is filled seat by seat with the first candidate in shuffle order whose unit does
   not clash with the neighbours already seated, and a swap pass repairs what is left.

Everything is decided by ``Rules.seed``. Capacity is checked before anyone is placed, so a run
either returns a whole plan or raises :class:`AllocationImpossible` with every reason and a
fix for each.

This module checks the inputs, hands rooms to levels (steps 1 and 2) and puts the plan
together. The seating inside rooms (step 3) is in :mod:`examdesk.planning.placement`, the
wording of capacity shortfalls in :mod:`examdesk.planning.capacity`, and the ticket numbers of
the new seats in :mod:`examdesk.planning.numbering`.
"""

from __future__ import annotations

import gc
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import attrgetter

from examdesk.errors import PlanProblem
from examdesk.i18n import translate
from examdesk.planning.capacity import accessible_issue, shortfall_issues
from examdesk.planning.numbering import RoomTickets, collision_issues, overflow_issue, seat_label
from examdesk.planning.placement import (
    EMPTY,
    NO_UNIT,
    by_unit,
    deal,
    layout,
    same_unit_pairs,
    seat_room,
    unit_pairs,
)
from examdesk.planning.plan import PlanCandidate, PlanIssue, PlanRoom, Rules, Seat
from examdesk.planning.tickets import TicketOverflow
from examdesk.progress import Cancelled, Progress, check_cancelled, never_cancelled, no_progress

# same_unit_pairs lives in placement, with the seating it measures; it is imported from here
__all__ = ["Allocation", "AllocationImpossible", "allocate", "capacity_issues",
           "same_unit_pairs"]

_PROGRESS_ROOMS = 500


@dataclass(frozen=True)
class Allocation:
    """A complete seating plan.

    Attributes:
        seats: every active candidate's seat, kept ones included, sorted by room fill order
            and seat number.
        rooms_used: rooms holding at least one candidate.
        neighbour_pairs: pairs of candidates of one work unit in adjacent seats (the 8 seats
            around each other), over the whole plan.
        merged_tails: one note per level whose last 1..``merge_tail`` candidates were moved
            into the level's other rooms, e.g. "3 助理社会工作师 candidates of 考点01/01121
            merged into the level's other rooms".
    """

    seats: tuple[Seat, ...]
    rooms_used: int
    neighbour_pairs: int
    merged_tails: tuple[str, ...]


class AllocationImpossible(PlanProblem):
    """The candidates cannot be seated as the rules ask; ``issues`` says why and how to fix it.

    ``str(error)`` lists every issue, one per line.
    """

    code = "allocation-impossible"

    def __init__(self, issues: Sequence[PlanIssue]) -> None:
        self.issues = tuple(issues)
        super().__init__("\n".join(str(issue) for issue in self.issues), issues=self.issues)


def allocate(rooms: Sequence[PlanRoom], candidates: Sequence[PlanCandidate], rules: Rules, *,
             keep: Sequence[Seat] = (), progress: Progress = no_progress,
             cancelled: Cancelled = never_cancelled) -> Allocation:
    """Seat every candidate.

    Args:
        rooms: the exam's rooms in fill order (centers in their order, then rooms in order).
        candidates: the active candidates, kept ones included; their order does not matter.
        rules: the exam's allocation settings.
        keep: seats that stay exactly as they are, tickets included (``--keep``, and everyone
            in a locked room). A kept seat of someone not in ``candidates`` (withdrawn) is
            left out, which frees it.
        progress: told how many of the rooms to fill are done.
        cancelled: checked between levels and every few hundred rooms.

    Returns:
        The plan; the same inputs and seed always give the same plan.

    Raises:
        AllocationImpossible: the rooms cannot hold the candidates under the rules, a kept seat
            contradicts them, or the ticket pattern cannot number the seats; nobody is placed.
        OperationCancelled: the user cancelled.
    """
    with _no_cyclic_gc():
        exam = _Exam(rooms, candidates, rules, keep)
        shares = exam.hand_out()
        if exam.issues:
            raise AllocationImpossible(exam.issues)
        total = sum(len(share.rooms()) for share in shares)
        done = 0
        for share in shares:
            check_cancelled(cancelled)
            for _room in exam.seat_share(share):
                done += 1
                if done % _PROGRESS_ROOMS == 0:
                    progress(done, total, exam.seating_message(share))
                    check_cancelled(cancelled)
            progress(done, total, exam.seating_message(share))
        return exam.result()


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cycle collector while the plan's objects are made.

    A provincial plan makes some 200,000 small objects and no reference cycles; the collector
    would otherwise scan them again and again, a quarter of the allocation's time at
    100,000 candidates. Reference counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def capacity_issues(rooms: Sequence[PlanRoom], candidates: Sequence[PlanCandidate],
                    rules: Rules, keep: Sequence[Seat] = ()) -> tuple[PlanIssue, ...]:
    """Why the candidates cannot be seated, without seating anyone.

    Covers kept seats that contradict the rules, levels (per district with ``by_district``)
    without enough seats and missing accessible seats. Ticket numbers are checked by
    :func:`allocate` only, because they depend on where everyone sits.

    Args:
        rooms: the rooms in fill order.
        candidates: the active candidates.
        rules: the exam's allocation settings.
        keep: the seats that must stay.

    Returns:
        The issues, each with a fix; empty when everyone fits.
    """
    exam = _Exam(rooms, candidates, rules, keep)
    exam.hand_out()
    return tuple(exam.issues)


# --- the exam as indexes ---------------------------------------------------------------------


@dataclass
class _Share:
    """One level's rooms in one group (the whole exam, or one district)."""

    group: str
    level: str
    accessible: list[int]  # candidate indexes needing an accessible room, in shuffle order
    others: list[int]
    accessible_quota: dict[int, int]  # room index -> how many accessible-needing candidates
    other_quota: dict[int, int]

    def rooms(self) -> list[int]:
        return sorted({r for r, n in self.accessible_quota.items() if n}
                      | {r for r, n in self.other_quota.items() if n})


class _Exam:
    """The inputs as indexes, the kept seats, and the plan as it is built."""

    def __init__(self, rooms: Sequence[PlanRoom], candidates: Sequence[PlanCandidate],
                 rules: Rules, keep: Sequence[Seat]) -> None:
        self.rooms = list(rooms)
        self.rules = rules
        # sorting by id first makes the shuffle independent of the input order
        self.candidates = sorted(candidates, key=attrgetter("id"))
        self.issues: list[PlanIssue] = []
        self.notes: list[str] = []
        self.room_index = {room.id: i for i, room in enumerate(self.rooms)}
        self.candidate_index = {c.id: i for i, c in enumerate(self.candidates)}
        names = sorted({c.work_unit for c in self.candidates if c.work_unit})
        unit_ids = {name: i for i, name in enumerate(names)}
        self.unit = [unit_ids[c.work_unit] if c.work_unit else NO_UNIT for c in self.candidates]
        self.layouts = [layout(room.grid, rules.seat_order, rules.corner) for room in self.rooms]
        self.occupant: list[list[int] | None] = [None] * len(self.rooms)  # seat -> unit
        self.kept: list[dict[int, int]] = [{} for _ in self.rooms]  # seat -> candidate
        self.kept_seats: dict[int, Seat] = {}  # candidate index -> its kept seat
        self.holder: list[str | None] = [None] * len(self.rooms)  # the level a room holds
        self.placed: dict[int, tuple[str, dict[int, int]]] = {}  # room -> level, seat -> cand
        self._free: dict[tuple[int, str], list[int]] = {}
        self.tickets = RoomTickets(self.rooms, rules)
        self._check_candidates()
        self._check_keep(keep)
        rng = random.Random(rules.seed)
        keys = [rng.random() for _ in self.candidates]  # a shuffle, 3x faster than shuffle()
        order = sorted(range(len(keys)), key=keys.__getitem__)
        self.rank = [0] * len(order)
        for position, candidate in enumerate(order):
            self.rank[candidate] = position
        self.shuffled = order

    # --- checks of the inputs ---------------------------------------------------------------

    def _check_candidates(self) -> None:
        seen: set[int] = set()
        twice = len(self.candidate_index) != len(self.candidates)
        for c in self.candidates if twice else ():
            if c.id in seen:
                self.issues.append(PlanIssue(
                    "candidate-twice",
                    translate("Plan", "Candidate {candidate} is listed twice").format(
                        candidate=c.label or c.id),
                    translate("Plan", "list each candidate once"), candidate=c.label))
            seen.add(c.id)
        levels = set(self.rules.levels)
        unknown = Counter(c.level for c in self.candidates if c.level not in levels)
        for level, count in sorted(unknown.items()):
            self.issues.append(PlanIssue(
                "unknown-level",
                translate("Plan", "{count} candidates have the level {level}, which is not one "
                                  "of the exam's levels").format(count=count, level=level),
                translate("Plan", "correct their level, or add the level to the exam")))

    def _check_keep(self, keep: Sequence[Seat]) -> None:
        # kept seats are trusted as they are, except where they contradict the plan's shape
        for seat in sorted(keep, key=lambda s: (s.room_id, s.seat_no, s.candidate_id)):
            r = self.room_index.get(seat.room_id)
            c = self.candidate_index.get(seat.candidate_id)
            if c is None:
                continue  # not an active candidate (withdrawn): the seat is free again
            if r is None:
                self.issues.append(PlanIssue(
                    "keep-unknown-room",
                    translate("Plan", "{candidate} keeps a seat in room {room}, which is not "
                                      "among the rooms to plan").format(
                        candidate=self.candidates[c].label or seat.candidate_id,
                        room=seat.room_id),
                    translate("Plan", "reseat the candidate: leave the seat out of the kept "
                                      "seats"), candidate=self.candidates[c].label))
                continue
            room, candidate = self.rooms[r], self.candidates[c]
            where = seat_label(room, seat.seat_no)
            label = candidate.label or str(candidate.id)
            if not 1 <= seat.seat_no <= room.grid.capacity:
                self._keep_issue("keep-no-such-seat", room, label, translate(
                    "Plan", "{room} has {capacity} seats, so the kept seat {seat} of {candidate} "
                            "does not exist").format(room=room.label, capacity=room.grid.capacity,
                                                     seat=seat.seat_no, candidate=label),
                    translate("Plan", "reseat the candidate: leave the seat out of the kept "
                                      "seats"))
            elif c in self.kept_seats:
                self._keep_issue("keep-twice", room, label, translate(
                    "Plan", "{candidate} keeps two seats: {first} and {second}").format(
                        candidate=label, second=where,
                        first=self._kept_label(self.kept_seats[c])),
                    translate("Plan", "keep one of the two seats only"))
            elif seat.seat_no - 1 in self.kept[r]:
                other = self.candidates[self.kept[r][seat.seat_no - 1]]
                self._keep_issue("seat-twice", room, label, translate(
                    "Plan", "{seat} is kept for two candidates: {first} and {second}").format(
                        seat=where, first=other.label or other.id, second=label),
                    translate("Plan", "keep the seat for one of them only"))
            elif room.spare:
                self._keep_issue("keep-in-spare-room", room, label, translate(
                    "Plan", "{room} is a spare room, but {candidate} keeps a seat in it").format(
                        room=room.label, candidate=label),
                    translate("Plan", "clear the room's spare flag, or reseat the candidate"))
            elif self.holder[r] not in (None, candidate.level):
                self._keep_issue("room-two-levels", room, label, translate(
                    "Plan", "{room} would hold two levels: {candidate} ({level}) keeps a seat "
                            "among {other} candidates").format(
                        room=room.label, candidate=label, level=self._name(candidate.level),
                        other=self._name(self.holder[r] or "")),
                    translate("Plan", "keep seats of one level only in each room"))
            else:
                self.kept[r][seat.seat_no - 1] = c
                self.kept_seats[c] = seat
                self.holder[r] = candidate.level

    def _keep_issue(self, code: str, room: PlanRoom, label: str, message: str,
                    fix: str) -> None:
        self.issues.append(PlanIssue(code, message, fix, center=room.center_code,
                                     room=room.code, candidate=label))

    def _kept_label(self, seat: Seat) -> str:
        return seat_label(self.rooms[self.room_index[seat.room_id]], seat.seat_no)

    def _name(self, level: str) -> str:
        return self.rules.level_names.get(level, level)

    # --- free seats -----------------------------------------------------------------------

    def free(self, r: int, level: str) -> list[int]:
        """Seat indexes of room ``r`` that new ``level`` candidates may take, in seat order."""
        key = (r, level)
        seats = self._free.get(key)
        if seats is None:
            kept = self.kept[r]
            seats = [s for s in range(self.rooms[r].grid.capacity) if s not in kept]
            retired = self.rules.retired_tickets
            if retired and seats:
                tickets = self.tickets.for_room(r, level)
                seats = [s for s in seats if tickets[s] not in retired]
            self._free[key] = seats
        return seats

    # --- handing rooms to levels ------------------------------------------------------------

    def hand_out(self) -> list[_Share]:
        """Decide how many candidates of each level go into which room; record shortfalls."""
        if self.issues:
            return []  # kept seats that contradict the rules make every count meaningless
        groups: dict[str, list[int]] = defaultdict(list)
        for r, room in enumerate(self.rooms):
            groups[room.district if self.rules.by_district else ""].append(r)
        new: dict[str, dict[str, tuple[list[int], list[int]]]] = defaultdict(dict)
        for c in self.shuffled:
            candidate = self.candidates[c]
            if c in self.kept_seats:
                continue
            group = candidate.district if self.rules.by_district else ""
            accessible, others = new[group].setdefault(candidate.level, ([], []))
            (accessible if candidate.needs_accessible else others).append(c)
        shares: list[_Share] = []
        shortfalls: list[tuple[str, str, int]] = []
        left: dict[tuple[str, str], int] = {}  # (group, level) -> free seats it keeps
        try:
            for group in sorted(set(groups) | set(new)):
                self._hand_out_group(group, groups.get(group, []), new.get(group, {}), shares,
                                     shortfalls, left)
            # extended as they come: issues found before a TicketOverflow still count
            self.issues.extend(shortfall_issues(self.rooms, self.rules, shortfalls, groups, left,
                                                self._open_seats))
        except TicketOverflow as overflow:
            self.issues.append(overflow_issue(overflow))
        return shares

    def _hand_out_group(self, group: str, rooms: list[int],
                        new: dict[str, tuple[list[int], list[int]]], shares: list[_Share],
                        shortfalls: list[tuple[str, str, int]],
                        left: dict[tuple[str, str], int]) -> None:
        usable = [r for r in rooms if not self.rooms[r].spare and not self.rooms[r].locked]
        holder = self.holder  # kept rooms already hold their level
        reserved: dict[str, list[int]] = {}
        # accessible rooms first, for every level, so an earlier level's walk cannot take them
        for level in self.rules.levels:
            accessible, _others = new.get(level, ([], []))
            missing = len(accessible) - sum(
                len(self.free(r, level)) for r in usable
                if holder[r] == level and self.rooms[r].accessible)
            reserved[level] = []
            for r in usable:
                if missing <= 0:
                    break
                if holder[r] is None and self.rooms[r].accessible and self.free(r, level):
                    holder[r] = level
                    reserved[level].append(r)
                    missing -= len(self.free(r, level))
            if missing > 0:
                self.issues.append(accessible_issue(self.rules, group, level, missing))
        for level in self.rules.levels:
            accessible, others = new.get(level, ([], []))
            share = _Share(group, level, accessible, others, {}, {})
            mine = [r for r in usable if holder[r] == level and r not in reserved[level]]
            room_left = {r: len(self.free(r, level)) for r in sorted(mine + reserved[level])}
            waiting = len(accessible)
            for r in room_left:
                if self.rooms[r].accessible and waiting:
                    share.accessible_quota[r] = n = min(room_left[r], waiting)
                    room_left[r] -= n
                    waiting -= n
            waiting = len(others)
            # rooms the level holds through kept seats fill first: a rerun fills their gaps
            waiting = _take(share.other_quota, room_left, mine, waiting)
            walked: list[int] = []
            for r in usable:
                if not waiting:
                    break
                if holder[r] is None and self.free(r, level):
                    holder[r] = level
                    walked.append(r)
                    room_left[r] = len(self.free(r, level))
                    waiting = _take(share.other_quota, room_left, [r], waiting)
            # reserved accessible rooms keep their free seats unless nothing else is left
            waiting = _take(share.other_quota, room_left, reserved[level], waiting)
            if waiting:
                shortfalls.append((group, level, waiting))
            if walked:
                self._merge_tail(share, walked[-1], room_left)
            left[group, level] = sum(room_left.values())
            if share.accessible or share.others:
                shares.append(share)

    def _merge_tail(self, share: _Share, last: int, room_left: dict[int, int]) -> None:
        tail = share.other_quota.get(last, 0)
        others = [r for r in sorted(room_left) if r != last]
        if not 1 <= tail <= self.rules.merge_tail or sum(room_left[r] for r in others) < tail:
            return
        del share.other_quota[last]
        del room_left[last]
        self.holder[last] = None  # back to the pool: the next level starts in it
        # earliest free seats first: rooms in fill order, and seat order inside each room
        _take(share.other_quota, room_left, others, tail)
        self.notes.append(translate(
            "Plan", "{count} {level} candidates of {room} merged into the level's other "
                    "rooms").format(
                count=tail, level=self._name(share.level), room=self.rooms[last].label))

    def _open_seats(self, r: int, level: str) -> int:
        # the seats room r could still give the level: none once a level holds it, and none
        # in a spare or locked room
        room = self.rooms[r]
        if self.holder[r] is not None or room.spare or room.locked:
            return 0
        return len(self.free(r, level))

    # --- placing ----------------------------------------------------------------------------

    def seating_message(self, share: _Share) -> str:
        """The progress line while ``share`` is seated."""
        return translate("Plan", "Seating {level} candidates").format(
            level=self._name(share.level))

    def seat_share(self, share: _Share) -> Iterable[int]:
        """Seat one level of one group, room by room; yields each room when it is done."""
        rooms: dict[int, list[int]] = defaultdict(list)
        for quota, candidates in ((share.accessible_quota, share.accessible),
                                  (share.other_quota, share.others)):
            for r, dealt in deal(by_unit(candidates, self.unit), quota).items():
                rooms[r].extend(dealt)
        for r in sorted(rooms):
            dealt = sorted(rooms[r], key=self.rank.__getitem__)
            self._seat_room(r, share.level, dealt)
            yield r

    def _seat_room(self, r: int, level: str, dealt: list[int]) -> None:
        near = self.layouts[r][1]
        occupant = self._occupants(r)
        free = self.free(r, level)
        self.placed[r] = (level, seat_room(free, dealt, self.unit, occupant, near))

    def _occupants(self, r: int) -> list[int]:
        occupant = self.occupant[r]
        if occupant is None:
            occupant = [EMPTY] * self.rooms[r].grid.capacity
            for s, c in self.kept[r].items():
                occupant[s] = self.unit[c]
            self.occupant[r] = occupant
        return occupant

    # --- the result ---------------------------------------------------------------------------

    def result(self) -> Allocation:
        """The plan: tickets for the new seats, checked for uniqueness with the kept ones."""
        seats: list[Seat] = []
        rooms: list[int] = []  # the room index of each seat, for messages
        pairs = 0
        kept: dict[int, list[Seat]] = defaultdict(list)
        for seat in self.kept_seats.values():
            kept[self.room_index[seat.room_id]].append(seat)
        try:
            for r in sorted(kept.keys() | self.placed.keys()):
                room_seats = kept.get(r, [])
                if r in self.placed:
                    level, placed = self.placed[r]
                    tickets = self.tickets.for_room(r, level)
                    room_id = self.rooms[r].id
                    candidates = self.candidates
                    room_seats = room_seats + [
                        Seat(candidates[c].id, room_id, s + 1,
                             tickets[s] or self.rules.ticket(self.rooms[r], s + 1, level))
                        for s, c in placed.items()]
                room_seats.sort(key=lambda seat: seat.seat_no)
                seats.extend(room_seats)
                rooms.extend([r] * len(room_seats))
                pairs += unit_pairs(self._occupants(r), self.layouts[r][1])
        except TicketOverflow as overflow:  # a seat number too wide, said by the pattern
            raise AllocationImpossible([overflow_issue(overflow)]) from None
        issues = collision_issues(seats, rooms, self.rooms, self.rules.pattern, self._keeps_seat)
        if issues:
            raise AllocationImpossible(issues)
        return Allocation(seats=tuple(seats), rooms_used=len(set(rooms)), neighbour_pairs=pairs,
                          merged_tails=tuple(self.notes))

    def _keeps_seat(self, candidate_id: int) -> bool:
        return self.candidate_index[candidate_id] in self.kept_seats


# --- helpers without state -----------------------------------------------------------------


def _take(quota: dict[int, int], room_left: dict[int, int], rooms: Iterable[int],
          waiting: int) -> int:
    """Give ``waiting`` candidates to ``rooms`` in order, each up to its free seats."""
    for r in rooms:
        if not waiting:
            break
        n = min(room_left[r], waiting)
        if n:
            quota[r] = quota.get(r, 0) + n
            room_left[r] -= n
            waiting -= n
    return waiting
