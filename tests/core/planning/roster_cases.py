"""Builders, an outside check of the hard rules, and generated exams for the roster tests."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from hypothesis import strategies as st

from examdesk.enums import Gender, StaffRole
from examdesk.planning.duty_plan import (
    Duty,
    DutyCenter,
    DutyKind,
    DutyRoom,
    DutySession,
    DutyStaff,
    RosterSettings,
)
from examdesk.planning.roster import Roster, greedy_roster, make_roster, roster_issues

M, F = Gender.MALE, Gender.FEMALE
INVIGILATOR = frozenset({StaffRole.INVIGILATOR})
AM, PM = 9 * 60, 14 * 60


@dataclass
class Exam:
    """An exam's roster inputs, built up by a test."""

    centers: list[DutyCenter] = field(default_factory=list)
    rooms: list[DutyRoom] = field(default_factory=list)
    sessions: list[DutySession] = field(default_factory=list)
    staff: list[DutyStaff] = field(default_factory=list)
    settings: RosterSettings = field(default_factory=RosterSettings)

    def center(self, number: int) -> DutyCenter:
        center = DutyCenter(number, f"{number:02d}", f"考点{number:02d}")
        self.centers.append(center)
        return center

    def room(self, center: int, floor: str = "A 1", units: Iterable[str] = (),
             candidates: Iterable[str] = ()) -> DutyRoom:
        number = sum(1 for r in self.rooms if r.center_id == center) + 1
        room = DutyRoom(len(self.rooms) + 1, center, f"{center:02d}/{center:02d}{number:03d}",
                        floor, frozenset(units), frozenset(candidates))
        self.rooms.append(room)
        return room

    def session(self, label: str, rooms: Iterable[DutyRoom] | None = None,
                day: str = "2023-06-11", start: int = AM) -> DutySession:
        chosen = self.rooms if rooms is None else rooms
        session = DutySession(len(self.sessions) + 1, label, day, start,
                              frozenset(r.id for r in chosen))
        self.sessions.append(session)
        return session

    def person(self, center: int | None, gender: Gender = F, unit: str = "",
               roles: frozenset[StaffRole] = INVIGILATOR, **fields: Any) -> DutyStaff:
        person = DutyStaff(len(self.staff) + 1, f"P{len(self.staff) + 1}", gender, unit,
                           center, roles, **fields)
        self.staff.append(person)
        return person

    def people(self, center: int, count: int, **fields: Any) -> list[DutyStaff]:
        """``count`` invigilators, alternately men and women, each of their own unit."""
        return [self.person(center, (M, F)[i % 2], f"U{len(self.staff) + 1}", **fields)
                for i in range(count)]

    def with_settings(self, **changes: Any) -> Exam:
        self.settings = replace(self.settings, **changes)
        return self

    def args(self) -> tuple[list[DutyCenter], list[DutyRoom], list[DutySession],
                            list[DutyStaff], RosterSettings]:
        return self.centers, self.rooms, self.sessions, self.staff, self.settings

    def make(self, locked: Sequence[Duty] = ()) -> Roster:
        return make_roster(*self.args(), locked=locked)

    def greedy(self) -> Roster:
        return greedy_roster(*self.args())

    def issues(self, duties: Sequence[Duty]) -> list[str]:
        """The codes of the issues ``roster_issues`` finds in ``duties``."""
        return [i.code for i in roster_issues(self.centers, self.rooms, self.sessions,
                                              self.staff, duties, self.settings)]


def capped_day() -> Exam:
    """One center, two rooms, two sessions, five invigilators and two rovers, and a cap of
    one session per person: the day is short of invigilator-sessions."""
    exam = Exam()
    exam.center(1)
    exam.room(1)
    exam.room(1)
    exam.session("06-11 上午")
    exam.session("06-11 下午", start=PM)
    exam.people(1, 5)
    rover = frozenset({StaffRole.ROVING_INVIGILATOR})
    exam.person(1, M, roles=rover)
    exam.person(1, F, roles=rover)
    return exam.with_settings(max_sessions=1, reserve_ratio=0)


def room_duty(person: DutyStaff, session: DutySession, room: DutyRoom, *, lead: bool = False,
              locked: bool = False) -> Duty:
    return Duty(person.id, session.id, room.center_id, DutyKind.ROOM, StaffRole.INVIGILATOR,
                room_id=room.id, is_lead=lead, locked=locked)


def in_room(roster: Roster, session: DutySession, room: DutyRoom) -> list[Duty]:
    return [d for d in roster.duties if d.kind is DutyKind.ROOM
            and d.session_id == session.id and d.room_id == room.id]


def of_kind(roster: Roster, kind: DutyKind) -> list[Duty]:
    return [d for d in roster.duties if d.kind is kind]


def hard_breaks(exam: Exam, duties: Sequence[Duty]) -> list[str]:
    """The hard rules ``duties`` break, checked from the outside (not with roster_issues)."""
    person = {p.id: p for p in exam.staff}
    room = {r.id: r for r in exam.rooms}
    session = {s.id: s for s in exam.sessions}
    broken: list[str] = []
    times = Counter((d.staff_id, session[d.session_id].day, session[d.session_id].start_minutes)
                    for d in duties)
    broken += [f"rule 1: {key}" for key, n in times.items() if n > 1]
    sessions_of: dict[int, set[int]] = defaultdict(set)
    members: dict[tuple[int, int], list[Duty]] = defaultdict(list)
    for duty in duties:
        who = person[duty.staff_id]
        sessions_of[who.id].add(duty.session_id)
        if who.is_candidate:
            broken.append(f"rule 6: {who.id}")
        if not exam.settings.cross_center and who.home_center_id != duty.center_id:
            broken.append(f"rule 5: {who.id}")
        if duty.kind is DutyKind.ROOM:
            assert duty.room_id is not None
            here = room[duty.room_id]
            assert here.center_id == duty.center_id
            assert here.id in session[duty.session_id].room_ids
            assert StaffRole.INVIGILATOR in who.roles
            members[duty.session_id, here.id].append(duty)
            if who.relatives & here.candidate_ids or (who.work_unit
                                                      and who.work_unit in here.units):
                broken.append(f"rule 2: {who.id} in {here.label}")
    broken += [f"rule 4: {p}" for p, held in sessions_of.items()
               if len(held) > exam.settings.max_sessions]
    for (session_id, room_id), held in members.items():
        units = [person[d.staff_id].work_unit for d in held if person[d.staff_id].work_unit]
        if len(units) != len(set(units)):
            broken.append(f"rule 3: {room_id} in {session_id}")
        if len(held) > exam.settings.invigilators_per_room:
            broken.append(f"overstaffed: {room_id} in {session_id}")
        if sum(d.is_lead for d in held) != 1:
            broken.append(f"leads: {room_id} in {session_id}")
    return broken


def empty_places(exam: Exam, roster: Roster) -> list[tuple[DutySession, DutyRoom, int]]:
    """(session, room, places missing) for every room in use short of invigilators."""
    room = {r.id: r for r in exam.rooms}
    found = []
    for session in exam.sessions:
        for room_id in sorted(session.room_ids):
            have = len(in_room(roster, session, room[room_id]))
            if have < exam.settings.invigilators_per_room:
                found.append((session, room[room_id], exam.settings.invigilators_per_room - have))
    return found


# --- generated exams ------------------------------------------------------------------------------

UNITS = ("", "", "民政局", "团委", "妇联", "一中", "二中")


@st.composite
def small_exams(draw: st.DrawFn) -> Exam:
    """1-2 centers, 2-6 rooms, 1-3 sessions (two may start together), 4-30 staff."""
    exam = Exam()
    centers = [exam.center(n) for n in range(1, draw(st.integers(1, 2)) + 1)]
    serial = 0
    for _ in range(draw(st.integers(2, 6))):
        center = draw(st.sampled_from(centers)).id
        candidates = []
        for _ in range(draw(st.integers(1, 4))):
            serial += 1
            candidates.append(f"ID{serial:04d}")
        exam.room(center, draw(st.sampled_from(("A 1", "A 2", ""))),
                  draw(st.sets(st.sampled_from(UNITS[2:]), max_size=2)), candidates)
    times = [("2023-06-10", PM), ("2023-06-11", AM), ("2023-06-11", PM)]
    for n in range(draw(st.integers(1, 3))):
        day, start = times[draw(st.integers(0, 2))]  # two sessions may start together
        used = draw(st.sets(st.sampled_from(exam.rooms), min_size=1))
        exam.session(f"S{n + 1}", used, day, start)
    roles = [INVIGILATOR, INVIGILATOR, INVIGILATOR, frozenset({StaffRole.ROVING_INVIGILATOR}),
             frozenset({StaffRole.INSPECTOR}),
             frozenset({StaffRole.INVIGILATOR, StaffRole.ROVING_INVIGILATOR})]
    for _ in range(draw(st.integers(4, 30))):
        relatives = draw(st.sets(st.sampled_from([f"ID{i:04d}" for i in range(1, serial + 1)]),
                                 max_size=1)) if draw(st.integers(0, 4)) == 0 else set()
        exam.person(draw(st.sampled_from([*[c.id for c in centers], None])),
                    draw(st.sampled_from((M, F))), draw(st.sampled_from(UNITS)),
                    draw(st.sampled_from(roles)), relatives=frozenset(relatives),
                    is_candidate=draw(st.integers(0, 9)) == 0)
    exam.with_settings(invigilators_per_room=draw(st.integers(1, 3)),
                       max_sessions=draw(st.integers(1, 3)),
                       reserve_ratio=draw(st.sampled_from((0.0, 0.1, 0.5))),
                       cross_center=draw(st.booleans()), seed=draw(st.integers(-5, 2**40)))
    return exam
