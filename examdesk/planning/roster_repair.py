"""Repairing a roster the plan has moved under: re-roster only the rooms whose duties broke.

After seats, rooms or staff change, some duties break a hard rule (an invigilator now in front
of their own unit's candidates or a relative, two of one unit in a room, a duty in a room now
empty, a person no longer of the role or the center) and some rooms newly in use have nobody.
Making the whole roster again would give most invigilators other rooms the day before the
exam; :func:`repair_roster` keeps every duty that breaks nothing exactly as it is and fills
only the places the broken ones leave:

1. the duties breaking a rule are taken away (locked and post duties never are): for a room
   (room, session), only the people who break it, or all of its people when its leads are
   wrong; a room-session losing someone, or short of invigilators, is *re-rostered*;
2. :func:`~examdesk.planning.roster.make_roster` fills the re-rostered rooms around every
   other duty, held fixed; of what it makes, only those rooms' duties are taken, a rover for
   a floor of theirs that has none, and a reserve duty for a person the repair freed;
3. rooms still short, or a floor of theirs still without a rover, then take the reserves of
   their center and time slot (freed, they may be placed in a room, rove or be kept as
   reserves) and are filled again.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace

from examdesk.i18n import translate
from examdesk.planning.duty_plan import (
    Duty,
    DutyCenter,
    DutyKind,
    DutyRoom,
    DutySession,
    DutyStaff,
    RosterSettings,
    conflict,
)
from examdesk.planning.plan import PlanIssue
from examdesk.planning.roster import make_roster
from examdesk.planning.roster_check import check_roster
from examdesk.planning.roster_model import Ledger, RosterExam, floor_label, person_label
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress

_Place = tuple[int, int]  # (session id, room id)


@dataclass(frozen=True)
class DutyMove:
    """One person's duty in one session before and after a repair.

    Attributes:
        staff_id: who.
        session_id: when.
        person: how messages name them.
        session: the session's label.
        before: where they were ("" when they had no duty then).
        after: where they are now ("" when they have none now).
    """

    staff_id: int
    session_id: int
    person: str
    session: str
    before: str
    after: str


@dataclass(frozen=True)
class Repair:
    """A repaired roster and what the repair changed.

    Attributes:
        duties: the whole roster after the repair.
        removed: the duties taken away.
        added: the duties given.
        places: the (session, room) pairs re-rostered.
        moves: who moved where, by session and person.
        issues: what the repaired roster still breaks or lacks, errors first.
    """

    duties: tuple[Duty, ...]
    removed: tuple[Duty, ...]
    added: tuple[Duty, ...]
    places: tuple[_Place, ...]
    moves: tuple[DutyMove, ...]
    issues: tuple[PlanIssue, ...]


def repair_roster(centers: Sequence[DutyCenter], rooms: Sequence[DutyRoom],
                  sessions: Sequence[DutySession], staff: Sequence[DutyStaff],
                  settings: RosterSettings, duties: Sequence[Duty], *,
                  only: Collection[int] | None = None, progress: Progress = no_progress,
                  cancelled: Cancelled = never_cancelled) -> Repair:
    """Re-roster the rooms whose duties break a hard rule or lack invigilators.

    Args:
        centers: the test centers.
        rooms: every exam room; a room is staffed in the sessions that list it.
        sessions: the sessions.
        staff: every staff member with their roles.
        settings: the roster settings (its seed breaks ties).
        duties: the roster as it stands, posts included.
        only: repair only these test centers (ids); None repairs them all.
        progress: told how the filling goes.
        cancelled: checked while filling.

    Returns:
        The repaired roster, what changed and what is still wrong.

    Raises:
        OperationCancelled: the user cancelled.
    """
    exam = RosterExam(centers, rooms, sessions, staff, settings)
    scope = set(exam.center_by_id) if only is None else set(only)
    found = _Breakage(exam, duties, scope)
    places = found.places()
    solve = _Solve(exam, [c for c in exam.centers if c.id in scope], duties, found.dropped,
                   places, progress, cancelled)
    new = solve.run(frozenset())
    short = solve.short(new)
    if short:
        # the center's reserves of that time slot may fill what nobody free can
        reserves = {d for d in duties if d.kind is DutyKind.RESERVE and found.droppable(d)
                    and (d.center_id, exam.slot_of[d.session_id]) in short}
        if reserves:
            new = solve.run(frozenset(reserves))
    return solve.result(new, places)


class _Breakage:
    """Which duties break a hard rule, and which rooms must be re-rostered."""

    def __init__(self, exam: RosterExam, duties: Sequence[Duty], scope: set[int]) -> None:
        self.exam = exam
        self.scope = scope
        self.duties = duties
        self.dropped: set[Duty] = set()
        self.touched: set[_Place] = set()
        ledger = Ledger(exam)
        for duty in duties:
            if self._known(duty):
                ledger.add(duty)
            elif self.droppable(duty):
                self._drop(duty)
        self._people(ledger)
        for (session_id, room_id), members in ledger.members.items():
            self._room(session_id, exam.rooms[room_id], members)

    def droppable(self, duty: Duty) -> bool:
        """Whether the repair may take the duty away: not locked, not a post, in scope."""
        return (not duty.locked and duty.kind is not DutyKind.POST
                and duty.center_id in self.scope)

    def places(self) -> set[_Place]:
        """The room-sessions to fill: those losing someone, and those in use left short."""
        exam = self.exam
        have = _staffed(d for d in self.duties if d not in self.dropped)
        places = {p for p in self.touched if p[1] in exam.rooms
                  and exam.rooms[p[1]].center_id in self.scope}
        for session in exam.sessions:
            for center_id in self.scope:
                for room in exam.in_use(center_id, session.id):
                    if have[session.id, room.id] < exam.per_room:
                        places.add((session.id, room.id))
        return places

    def _known(self, duty: Duty) -> bool:
        exam = self.exam
        return (duty.staff_id in exam.staff and duty.session_id in exam.session_by_id
                and (duty.kind is not DutyKind.ROOM or duty.room_id in exam.rooms)
                and duty.center_id in exam.center_by_id)

    def _drop(self, duty: Duty) -> None:
        self.dropped.add(duty)
        if duty.kind is DutyKind.ROOM and duty.room_id is not None:
            self.touched.add((duty.session_id, duty.room_id))

    def _people(self, ledger: Ledger) -> None:
        """Rules 1, 4, 5, 6 and the roles: the duties of a person that cannot stand."""
        exam = self.exam
        for duty in ledger.duties:
            person = exam.staff[duty.staff_id]
            if self.droppable(duty) and not (exam.may_work(person, duty.center_id)
                                             and exam.may_take(person, duty.kind,
                                                               duty.center_id)):
                self._drop(duty)
        for (_staff_id, _slot), held in ledger.busy.items():
            standing = [d for d in held if d not in self.dropped]
            # the ones the repair may not move stay; of the others, the first
            fixed = [d for d in standing if not self.droppable(d)]
            for duty in [d for d in standing if self.droppable(d)][0 if fixed else 1:]:
                self._drop(duty)
        cap = exam.settings.max_sessions
        for _staff_id, held in ledger.held.items():
            standing = sorted((d for d in held if d not in self.dropped),
                              key=lambda d: exam.order[d.session_id])
            sessions = {d.session_id for d in standing}
            if len(sessions) <= cap or all(d.kind is DutyKind.POST for d in standing):
                continue
            for duty in reversed([d for d in standing if self.droppable(d)]):
                if len(sessions) <= cap:
                    break
                self._drop(duty)
                sessions = {d.session_id for d in standing if d not in self.dropped}

    def _room(self, session_id: int, room: DutyRoom, members: Sequence[Duty]) -> None:
        """Rules 2 and 3, the count and the lead of one room in one session."""
        exam = self.exam
        standing = sorted((d for d in members if d not in self.dropped),
                          key=lambda d: (not d.is_lead, d.staff_id))
        if room.id not in exam.session_by_id[session_id].room_ids:
            breaking = list(standing)  # nobody sits there that session
        else:
            breaking = [d for d in standing
                        if conflict(exam.staff[d.staff_id], room) is not None]
            units: set[str] = set()
            for duty in standing:
                unit = exam.staff[duty.staff_id].work_unit
                if duty not in breaking and unit and unit in units:
                    breaking.append(duty)
                elif duty not in breaking and unit:
                    units.add(unit)
            staying = [d for d in standing if d not in breaking]
            breaking.extend(d for d in staying[exam.per_room:])  # the lead stays first
            staying = staying[:exam.per_room]
            if sum(1 for d in staying if d.is_lead) > 1 or (
                    len(staying) == exam.per_room and not any(d.is_lead for d in staying)):
                breaking.extend(staying)  # the leads are wrong: the room is rostered again
        for duty in breaking:
            if self.droppable(duty):
                self._drop(duty)


class _Solve:
    """The filling of the re-rostered rooms around every other duty, held fixed."""

    def __init__(self, exam: RosterExam, centers: Sequence[DutyCenter], duties: Sequence[Duty],
                 dropped: set[Duty], places: set[_Place], progress: Progress,
                 cancelled: Cancelled) -> None:
        self.exam = exam
        self.centers = centers
        self.duties = duties
        self.dropped = dropped
        self.places = places
        self.progress = progress
        self.cancelled = cancelled
        self.kept: list[Duty] = []

    def run(self, freed: frozenset[Duty]) -> list[Duty]:
        """Fill the places; ``freed`` (reserves) may be placed anew. Returns the new duties."""
        exam = self.exam
        gone = self.dropped | freed
        self.kept = [d for d in self.duties if d not in gone]
        # held fixed: the solver never moves a locked duty
        roster = make_roster(self.centers, list(exam.rooms.values()), exam.sessions,
                             list(exam.staff.values()), exam.settings,
                             locked=[replace(d, locked=True) for d in self.kept],
                             progress=self.progress, cancelled=self.cancelled)
        held = {(d.staff_id, d.session_id) for d in self.kept}
        freed_in = {(d.staff_id, exam.slot_of[d.session_id]) for d in gone
                    if d.session_id in exam.slot_of}
        floors = {(session_id, exam.rooms[room_id].center_id, exam.rooms[room_id].floor)
                  for session_id, room_id in self.places}
        new: list[Duty] = []
        for duty in roster.duties:
            if (duty.staff_id, duty.session_id) in held:
                continue
            if duty.kind is DutyKind.ROOM:
                wanted = (duty.session_id, duty.room_id) in self.places
            elif duty.kind is DutyKind.ROVING:
                wanted = (duty.session_id, duty.center_id, duty.floor) in floors
            else:
                wanted = (duty.kind is DutyKind.RESERVE
                          and (duty.staff_id, exam.slot_of[duty.session_id]) in freed_in)
            if wanted:
                new.append(duty)
        return new

    def short(self, new: Sequence[Duty]) -> set[tuple[int, int]]:
        """The (center, time slot) pairs of places in use still short of invigilators, or
        with a floor of theirs still without a rover."""
        exam = self.exam
        duties = [*self.kept, *new]
        have = _staffed(duties)
        short = {(exam.rooms[room_id].center_id, exam.slot_of[session_id])
                 for session_id, room_id in self.places
                 if room_id in exam.session_by_id[session_id].room_ids
                 and have[session_id, room_id] < exam.per_room}
        roving = {(d.session_id, d.center_id, d.floor) for d in duties
                  if d.kind is DutyKind.ROVING}
        for session_id, room_id in self.places:
            room = exam.rooms[room_id]
            if (room_id in exam.session_by_id[session_id].room_ids
                    and room.floor in exam.floors(room.center_id, session_id)
                    and (session_id, room.center_id, room.floor) not in roving):
                short.add((room.center_id, exam.slot_of[session_id]))
        return short

    def result(self, new: Sequence[Duty], places: set[_Place]) -> Repair:
        """The repair: the roster, the changes and what is still wrong."""
        exam = self.exam
        before = set(self.duties)
        after = _with_leads([*self.kept, *new], places)
        staying = set(after)
        removed = tuple(d for d in self.duties if d not in staying)
        added = tuple(d for d in new if d not in before)
        was = {(d.staff_id, d.session_id): d for d in removed}
        now = {(d.staff_id, d.session_id): d for d in added}
        moves = tuple(
            DutyMove(staff_id, session_id, person_label(exam.staff[staff_id]),
                     exam.session_by_id[session_id].label,
                     duty_place(exam, was.get((staff_id, session_id))),
                     duty_place(exam, now.get((staff_id, session_id))))
            for staff_id, session_id in sorted(
                {*was, *now}, key=lambda k: (exam.order.get(k[1], -1), k[0]))
            if staff_id in exam.staff and session_id in exam.session_by_id)
        ordered = sorted(places, key=lambda p: (exam.order[p[0]], exam.rooms[p[1]].label))
        return Repair(tuple(after), removed, added, tuple(ordered), moves,
                      tuple(check_roster(exam, after)))


def _staffed(duties: Iterable[Duty]) -> Counter[_Place]:
    """How many invigilators each room has in each session."""
    return Counter((d.session_id, d.room_id) for d in duties
                   if d.kind is DutyKind.ROOM and d.room_id is not None)


def _with_leads(duties: list[Duty], places: set[_Place]) -> list[Duty]:
    """A re-rostered room whose lead left, and nobody came to lead it, gets one of its own."""
    members: defaultdict[_Place, list[int]] = defaultdict(list)
    for i, duty in enumerate(duties):
        if duty.kind is DutyKind.ROOM and (duty.session_id, duty.room_id) in places:
            members[duty.session_id, duty.room_id or 0].append(i)
    for held in members.values():
        movable = [i for i in held if not duties[i].locked]
        if movable and not any(duties[i].is_lead for i in held):
            first = min(movable, key=lambda i: duties[i].staff_id)
            duties[first] = replace(duties[first], is_lead=True)
    return duties


def duty_place(exam: RosterExam, duty: Duty | None) -> str:
    """Where a duty puts its person, as messages name it: ``02/02018 *``, ``reserve``...

    Args:
        exam: the exam.
        duty: the duty, or None for no duty.

    Returns:
        The place ("" for no duty).
    """
    if duty is None:
        return ""
    if duty.kind is DutyKind.ROOM:
        room = exam.rooms.get(duty.room_id or -1)
        label = room.label if room else str(duty.room_id)
        return f"{label} *" if duty.is_lead else label
    if duty.kind is DutyKind.ROVING:
        return translate("Duties", "roving, {floor}").format(floor=floor_label(duty.floor))
    if duty.kind is DutyKind.RESERVE:
        return translate("Duties", "reserve")
    if duty.kind is DutyKind.INSPECTOR:
        return translate("Duties", "inspector")
    return translate("Duties", "post")
