"""The roster's view of an exam: what each center needs in each session, and who holds what.

:mod:`examdesk.planning.roster` builds rosters and checks them; both see the exam through
:class:`RosterExam` (the needs, the eligibility rules) and a roster through :class:`Ledger`
(who is busy when, who sits in which room), so the solver, the greedy baseline, the checks and
the explanations count the same things the same way.

Sessions that start at the same time on the same day (the 初级 and 中级 papers of one
afternoon) form one *time slot*: a person can be in one place only, so rule 1 ("nobody in two
places in one session") applies to the time slot, not only to the session.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from examdesk.enums import StaffRole
from examdesk.i18n import translate
from examdesk.planning.duty_plan import (
    Duty,
    DutyCenter,
    DutyKind,
    DutyRoom,
    DutySession,
    DutyStaff,
    RosterSettings,
)

#: Issue codes of broken hard rules: make_roster never causes one (locked duties may).
HARD_RULE_CODES = frozenset({
    "double-booked", "conflict-relative", "conflict-unit", "same-unit-pair",
    "over-max-sessions", "off-center", "candidate-on-duty", "no-lead", "two-leads",
    "wrong-role", "room-overstaffed", "room-not-in-use", "duty-unknown",
})

#: Issue codes of duties not filled: the roster is incomplete, not wrong.
STAFFING_CODES = frozenset({"room-not-staffed", "roving-missing", "reserves-short"})

_KIND_ORDER = {kind: i for i, kind in enumerate(DutyKind)}


def center_label(center: DutyCenter) -> str:
    """How messages name a test center, e.g. 考点02."""
    return translate("Duties", "test center {code}").format(code=center.code)


def person_label(person: DutyStaff) -> str:
    """How messages name a staff member: their label, or their id when it is empty."""
    return person.label or translate("Duties", "staff {id}").format(id=person.id)


def floor_label(floor: str) -> str:
    """How messages name a floor; rooms without one share an unnamed floor."""
    return floor or translate("Duties", "(no floor)")


def listing(labels: Sequence[str], limit: int = 5) -> str:
    """``labels`` joined into one list, cut after ``limit`` with "and N more"."""
    shown = translate("Duties", ", ").join(labels[:limit])
    if len(labels) <= limit:
        return shown
    return translate("Duties", "{names} and {more} more").format(
        names=shown, more=len(labels) - limit)


@dataclass(frozen=True)
class Gap:
    """Duties of one kind that a roster leaves empty in one place.

    Attributes:
        kind: what is missing (room, roving, reserve or inspector duties).
        center_id: the test center.
        session_id: the session; None for an inspector's sessions.
        missing: how many duties are missing.
        need: how many there should be.
        room: the room, for room duties.
        floors: the floors without a roving invigilator, for roving duties.
        staff_id: the inspector, for inspector duties.
    """

    kind: DutyKind
    center_id: int
    session_id: int | None
    missing: int
    need: int
    room: DutyRoom | None = None
    floors: tuple[str, ...] = ()
    staff_id: int | None = None


class RosterExam:
    """An exam's centers, rooms, sessions and staff, indexed once, with the roster's rules.

    Args:
        centers: the test centers.
        rooms: every exam room; a room is staffed in the sessions that list it.
        sessions: the sessions, in any order.
        staff: every staff member with their roles.
        settings: the roster settings.
    """

    def __init__(self, centers: Sequence[DutyCenter], rooms: Sequence[DutyRoom],
                 sessions: Sequence[DutySession], staff: Sequence[DutyStaff],
                 settings: RosterSettings) -> None:
        self.settings = settings
        self.centers = sorted(centers, key=lambda c: (c.code, c.id))
        self.center_by_id = {c.id: c for c in self.centers}
        self.rooms = {room.id: room for room in rooms}
        self.sessions = sorted(sessions, key=lambda s: (s.day, s.start_minutes, s.id))
        self.session_by_id = {s.id: s for s in self.sessions}
        self.order = {s.id: i for i, s in enumerate(self.sessions)}
        self.staff = {p.id: p for p in sorted(staff, key=lambda p: p.id)}
        times = sorted({(s.day, s.start_minutes) for s in self.sessions})
        slot_of_time = {time: i for i, time in enumerate(times)}
        self.slot_of = {s.id: slot_of_time[(s.day, s.start_minutes)] for s in self.sessions}
        self.slot_sessions: list[list[DutySession]] = [[] for _ in times]
        for session in self.sessions:
            self.slot_sessions[self.slot_of[session.id]].append(session)
        self._in_use: dict[tuple[int, int], tuple[DutyRoom, ...]] = {}
        for session in self.sessions:
            by_center: dict[int, list[DutyRoom]] = defaultdict(list)
            for room_id in session.room_ids:
                room = self.rooms.get(room_id)
                if room is not None and room.center_id in self.center_by_id:
                    by_center[room.center_id].append(room)
            for center_id, used in by_center.items():
                self._in_use[center_id, session.id] = tuple(
                    sorted(used, key=lambda r: (r.label, r.id)))
        self.home: dict[int, list[DutyStaff]] = defaultdict(list)
        for person in self.staff.values():
            if person.home_center_id is not None and not person.is_candidate:
                self.home[person.home_center_id].append(person)
        # "if a center has none, invigilators may rove": none of its own staff is a rover
        self.has_rovers = {c.id: any(StaffRole.ROVING_INVIGILATOR in p.roles
                                     for p in self.home[c.id]) for c in self.centers}

    @property
    def per_room(self) -> int:
        """Invigilators in every room in use."""
        return self.settings.invigilators_per_room

    def in_use(self, center_id: int, session_id: int) -> tuple[DutyRoom, ...]:
        """The center's rooms holding candidates in the session, by label."""
        return self._in_use.get((center_id, session_id), ())

    def center_sessions(self, center_id: int, slot: int | None = None) -> list[DutySession]:
        """The sessions in which the center has rooms in use (of one time slot, if given)."""
        sessions = self.sessions if slot is None else self.slot_sessions[slot]
        return [s for s in sessions if (center_id, s.id) in self._in_use]

    def center_slots(self, center_id: int) -> list[int]:
        """The time slots in which the center has rooms in use, in order."""
        return sorted({self.slot_of[s.id] for s in self.center_sessions(center_id)})

    def floors(self, center_id: int, session_id: int) -> tuple[str, ...]:
        """The floors of the center's rooms in use in the session; each needs a rover."""
        return tuple(sorted({room.floor for room in self.in_use(center_id, session_id)}))

    def reserves_needed(self, center_id: int, session_id: int) -> int:
        """Reserves of the center in the session: a share of the invigilators it needs."""
        need = len(self.in_use(center_id, session_id)) * self.per_room
        # rounded first so that 0.1 x 30 (3.0000000000000004 in floating point) asks for 3
        return math.ceil(round(self.settings.reserve_ratio * need, 9))

    def may_work(self, person: DutyStaff, center_id: int) -> bool:
        """Rules 5 and 6: at their home center (anywhere with cross_center), never a candidate."""
        if person.is_candidate:
            return False
        return person.home_center_id == center_id or self.settings.cross_center

    def workers(self, center_ids: set[int]) -> list[DutyStaff]:
        """Everyone who may work at any of the centers (rules 5 and 6), by id."""
        if self.settings.cross_center:
            return [p for p in self.staff.values() if not p.is_candidate]
        return sorted((p for c in center_ids for p in self.home[c]), key=lambda p: p.id)

    def may_take(self, person: DutyStaff, kind: DutyKind, center_id: int) -> bool:
        """Whether ``person``'s roles allow a duty of ``kind`` at the center."""
        roles = person.roles
        if kind is DutyKind.ROOM or kind is DutyKind.RESERVE:
            return StaffRole.INVIGILATOR in roles
        if kind is DutyKind.ROVING:
            return StaffRole.ROVING_INVIGILATOR in roles or (
                StaffRole.INVIGILATOR in roles and not self.has_rovers.get(center_id, False))
        if kind is DutyKind.INSPECTOR:
            return StaffRole.INSPECTOR in roles
        return True  # posts are filled (and checked) by the post filling

    def inspectors(self, center_id: int) -> list[DutyStaff]:
        """The center's inspectors: each inspects every session up to the session cap."""
        return [p for p in self.home[center_id] if StaffRole.INSPECTOR in p.roles]

    def inspections_due(self, center_id: int) -> int:
        """How many sessions each inspector of the center should inspect."""
        return min(self.settings.max_sessions, len(self.center_slots(center_id)))

    def slot_label(self, slot: int, center_id: int | None = None) -> str:
        """The labels of a time slot's sessions (those in use at the center, if given)."""
        sessions = (self.slot_sessions[slot] if center_id is None
                    else self.center_sessions(center_id, slot))
        return translate("Duties", ", ").join(s.label for s in sessions)


class Ledger:
    """The duties of a roster, indexed by person, time slot and room.

    Args:
        exam: the exam the duties belong to; duties naming an unknown session are not added.
    """

    def __init__(self, exam: RosterExam) -> None:
        self.exam = exam
        self.duties: list[Duty] = []
        self.busy: dict[tuple[int, int], list[Duty]] = defaultdict(list)  # (staff, slot)
        self.members: dict[tuple[int, int], list[Duty]] = defaultdict(list)  # (session, room)
        self.roving: Counter[tuple[int, int, str]] = Counter()  # (center, session, floor)
        self.reserves: Counter[tuple[int, int]] = Counter()  # (center, session)
        self.inspections: Counter[int] = Counter()  # staff
        self.held: dict[int, list[Duty]] = defaultdict(list)  # staff
        self._sessions: dict[int, Counter[int]] = defaultdict(Counter)  # staff -> sessions
        self.days: dict[tuple[int, str], set[int]] = defaultdict(set)  # (staff, day) -> centers

    def add(self, duty: Duty) -> None:
        """Record ``duty``."""
        session = self.exam.session_by_id[duty.session_id]
        self.duties.append(duty)
        self.busy[duty.staff_id, self.exam.slot_of[duty.session_id]].append(duty)
        self.held[duty.staff_id].append(duty)
        self._sessions[duty.staff_id][duty.session_id] += 1
        self.days[duty.staff_id, session.day].add(duty.center_id)
        if duty.kind is DutyKind.ROOM and duty.room_id is not None:
            self.members[duty.session_id, duty.room_id].append(duty)
        elif duty.kind is DutyKind.ROVING:
            self.roving[duty.center_id, duty.session_id, duty.floor] += 1
        elif duty.kind is DutyKind.RESERVE:
            self.reserves[duty.center_id, duty.session_id] += 1
        elif duty.kind is DutyKind.INSPECTOR:
            self.inspections[duty.staff_id] += 1

    def remove(self, duty: Duty) -> None:
        """Take back a room duty recorded by :meth:`add` (the solver's repair moves people)."""
        self.duties.remove(duty)
        self.busy[duty.staff_id, self.exam.slot_of[duty.session_id]].remove(duty)
        self.held[duty.staff_id].remove(duty)
        sessions = self._sessions[duty.staff_id]
        sessions[duty.session_id] -= 1
        if not sessions[duty.session_id]:
            del sessions[duty.session_id]
        if duty.room_id is not None:
            self.members[duty.session_id, duty.room_id].remove(duty)

    def load(self, staff_id: int) -> int:
        """How many sessions the person works, posts included."""
        return len(self._sessions[staff_id])

    def is_free(self, staff_id: int, slot: int) -> bool:
        """Whether the person holds nothing in the time slot and is under the session cap."""
        return (not self.busy.get((staff_id, slot))
                and self.load(staff_id) < self.exam.settings.max_sessions)

    def away_elsewhere(self, person: DutyStaff, center_id: int, day: str) -> bool:
        """Whether the person already works at another center that day (one center a day)."""
        return bool(self.days.get((person.id, day), set()) - {center_id})

    def room_staff(self, session_id: int, room_id: int) -> list[DutyStaff]:
        """The invigilators of a room in a session, lead first."""
        duties = sorted(self.members.get((session_id, room_id), ()),
                        key=lambda d: (not d.is_lead, d.staff_id))
        return [self.exam.staff[d.staff_id] for d in duties]

    def has_lead(self, session_id: int, room_id: int) -> bool:
        """Whether the room has a lead invigilator in the session."""
        return any(d.is_lead for d in self.members.get((session_id, room_id), ()))

    def sorted_duties(self) -> tuple[Duty, ...]:
        """The duties by session, center, kind, room or floor, lead first, then person."""
        exam = self.exam
        rooms = exam.rooms
        code = {c.id: c.code for c in exam.centers}

        def key(d: Duty) -> tuple[int, str, int, str, bool, int]:
            place = rooms[d.room_id].label if d.room_id in rooms else d.floor
            return (exam.order.get(d.session_id, -1), code.get(d.center_id, ""),
                    _KIND_ORDER[d.kind], place, not d.is_lead, d.staff_id)

        return tuple(sorted(self.duties, key=key))


def gaps(exam: RosterExam, ledger: Ledger) -> list[Gap]:
    """Every duty the roster leaves empty: room places, rovers, reserves and inspections.

    Args:
        exam: the exam.
        ledger: the roster.

    Returns:
        The gaps, by center and session.
    """
    found: list[Gap] = []
    for center in exam.centers:
        for session in exam.center_sessions(center.id):
            found.extend(_session_gaps(exam, ledger, center.id, session.id))
        due = exam.inspections_due(center.id)
        for person in exam.inspectors(center.id):
            done = ledger.inspections[person.id]
            if done < due:
                found.append(Gap(DutyKind.INSPECTOR, center.id, None, due - done, due,
                                 staff_id=person.id))
    return found


def _session_gaps(exam: RosterExam, ledger: Ledger, center_id: int,
                  session_id: int) -> Iterator[Gap]:
    for room in exam.in_use(center_id, session_id):
        have = len(ledger.members.get((session_id, room.id), ()))
        if have < exam.per_room:
            yield Gap(DutyKind.ROOM, center_id, session_id, exam.per_room - have,
                      exam.per_room, room=room)
    floors = exam.floors(center_id, session_id)
    bare = tuple(f for f in floors if not ledger.roving[center_id, session_id, f])
    if bare:
        yield Gap(DutyKind.ROVING, center_id, session_id, len(bare), len(floors), floors=bare)
    need = exam.reserves_needed(center_id, session_id)
    have = ledger.reserves[center_id, session_id]
    if have < need:
        yield Gap(DutyKind.RESERVE, center_id, session_id, need - have, need)


@dataclass(frozen=True)
class SoftCounts:
    """The soft goals a roster misses (see :class:`examdesk.planning.roster.RosterMetrics`)."""

    same_gender_rooms: int
    repeated_pairs: int
    repeated_rooms: int
    load_spread: int


def soft_counts(exam: RosterExam, ledger: Ledger) -> SoftCounts:
    """Count the soft goals a roster misses.

    Args:
        exam: the exam.
        ledger: the roster.

    Returns:
        Same-gender rooms, pairs and rooms repeated in later sessions, and the load spread.
    """
    same_gender = repeated_pairs = repeated_rooms = 0
    pairs: set[tuple[int, int]] = set()
    rooms: set[tuple[int, int]] = set()
    for (_session_id, room_id), duties in sorted(
            ledger.members.items(), key=lambda item: (exam.order[item[0][0]], item[0][1])):
        people = sorted({d.staff_id for d in duties})
        if len(people) >= 2 and len({exam.staff[p].gender for p in people}) == 1:
            same_gender += 1
        for i, first in enumerate(people):
            if (first, room_id) in rooms:
                repeated_rooms += 1
            rooms.add((first, room_id))
            for second in people[i + 1:]:
                if (first, second) in pairs:
                    repeated_pairs += 1
                pairs.add((first, second))
    loads = [ledger.load(p) for p, held in ledger.held.items() if held]
    spread = max(loads) - min(loads) if loads else 0
    return SoftCounts(same_gender, repeated_pairs, repeated_rooms, spread)
