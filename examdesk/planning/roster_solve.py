"""Filling a roster: inspectors, then room invigilators, rovers and reserves, slot by slot.

Centers are independent (staff work at their home center unless ``cross_center``), and within a
center the time slots are linked only by the session cap, so each (center, time slot) is one
small problem (docs/performance.md, "The invigilator roster": one model of the whole exam did
not even find a first solution).

The room invigilators of a problem are placed in rounds: every room still short takes one
person per round, in one :func:`scipy.optimize.linear_sum_assignment` matching of rooms to free
people. Forbidden pairs (回避, a partner of the same unit) cost :data:`FORBIDDEN`, so the
matching places as many people as the rules allow, and any forbidden pair it still returns is
dropped. The soft goals are costs of the later rounds: a second person of the first one's gender,
a partner or a room again. A short repair then moves an invigilator to a room nobody free may
take when someone free can take theirs. The first person of a room leads it.

How strongly load counts depends on the center's slack: when the people left cannot cover the
later slots unless the least-worked go first, load outweighs every soft goal; otherwise it only
breaks ties, and gender mix comes first. Rooms of every slot are filled before any rover or
reserve, since an empty room is worse than a missing reserve. ``settings.seed`` adds values
below one to the costs, so it only decides between equally good choices.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace

import numpy as np

from examdesk.enums import Gender, StaffRole
from examdesk.i18n import translate
from examdesk.planning.duty_plan import (
    Duty,
    DutyCenter,
    DutyKind,
    DutyRoom,
    DutySession,
    DutyStaff,
    conflict,
)
from examdesk.planning.roster_match import FORBIDDEN, Matrix, People, assign, noise
from examdesk.planning.roster_model import Ledger, RosterExam, center_label
from examdesk.progress import Cancelled, Progress, check_cancelled, never_cancelled, no_progress

#: Cost of one session already worked, when the center's staff are tight, and otherwise.
W_LOAD_TIGHT = 1000.0
W_LOAD = 4.0
#: A room left with invigilators of one gender.
W_GENDER = 50.0
#: Two people paired again.
W_PAIR = 20.0
#: A person in a room (or roving a floor) again.
W_AGAIN = 10.0
#: A rover taking a room, at a center with rovers: keep them for the floors.
W_ROVER = 2.0
#: Slack the later slots keep before load outweighs the soft goals.
_MARGIN = 1.1

_Row = tuple[DutySession, DutyRoom]


class Builder:
    """Builds one roster around the locked duties.

    Args:
        exam: the exam.
        locked: duties fixed beforehand; kept as they are.
        optimise: matchings with soft goals (make_roster), or the greedy baseline.
        progress: told how many (center, time slot) problems are done.
        cancelled: checked before each problem.
    """

    def __init__(self, exam: RosterExam, locked: Sequence[Duty], *, optimise: bool,
                 progress: Progress = no_progress,
                 cancelled: Cancelled = never_cancelled) -> None:
        self.exam = exam
        self.ledger = Ledger(exam)
        self.optimise = optimise
        self.progress = progress
        self.cancelled = cancelled
        self.seed = exam.settings.seed
        # locked duties naming what the exam does not hold are kept in the output as they
        # are; roster_issues names them
        self.unknown: list[Duty] = []
        for duty in locked:
            known = (duty.staff_id in exam.staff and duty.session_id in exam.session_by_id
                     and (duty.room_id is None or duty.room_id in exam.rooms))
            if known:
                self.ledger.add(duty)
            else:
                self.unknown.append(duty)
        self.partners: dict[int, set[int]] = defaultdict(set)
        self.room_history: dict[int, set[int]] = defaultdict(set)
        self.floor_history: dict[tuple[int, str], set[int]] = defaultdict(set)
        self._free: dict[int, list[DutyStaff]] = {}  # slot -> people free there, for _pool

    def duties(self) -> tuple[Duty, ...]:
        """The roster: locked and new duties, in sheet order."""
        return (*self.ledger.sorted_duties(), *self.unknown)

    def run(self) -> None:
        """Fill every duty the rules allow.

        Raises:
            OperationCancelled: the user cancelled.
        """
        exam = self.exam
        self._inspectors()
        steps = [(slot, c) for slot in range(len(exam.slot_sessions)) for c in exam.centers
                 if exam.center_sessions(c.id, slot)]
        done = 0
        for slot in range(len(exam.slot_sessions)):
            centers = [c for s, c in steps if s == slot]
            for center in centers:
                check_cancelled(self.cancelled)
                self.progress(done, len(steps), translate(
                    "Duties", "Invigilators for {center}, {session}").format(
                        center=center_label(center), session=exam.slot_label(slot, center.id)))
                self._fill_rooms(center, slot, away=False)
                done += 1
            for center in centers:
                if exam.settings.cross_center:
                    self._fill_rooms(center, slot, away=True)
                if self.optimise:
                    self._repair(center, slot)
                    self._mix(center, slot)
            self._remember(centers, slot)
        self.progress(done, len(steps), translate("Duties", "Rovers and reserves"))
        # every center's own staff first, then (cross_center) anyone still free
        for fill in (self._fill_roving, self._fill_reserves):
            self._free.clear()
            for away in (False, True) if exam.settings.cross_center else (False,):
                for slot, center in steps:
                    fill(center, slot, away=away)

    # --- who may be asked ---------------------------------------------------------------------

    def _pool(self, center_id: int, slot: int, kind: DutyKind, *, away: bool) -> list[DutyStaff]:
        exam, ledger = self.exam, self.ledger
        day = exam.slot_sessions[slot][0].day
        people: Sequence[DutyStaff] = exam.home[center_id]
        if away:
            if slot not in self._free:
                # scanned once per slot and pass, since a slot only fills up (the gender swaps
                # free a few people again, whom the visitors' pool may then miss)
                self._free[slot] = [p for p in exam.staff.values()
                                    if not p.is_candidate and ledger.is_free(p.id, slot)]
            people = [p for p in self._free[slot] if p.home_center_id != center_id]
        return [p for p in people
                if exam.may_work(p, center_id) and exam.may_take(p, kind, center_id)
                and ledger.is_free(p.id, slot) and not ledger.away_elsewhere(p, center_id, day)]

    def _ranked(self, people: Sequence[DutyStaff], *keys: int) -> list[DutyStaff]:
        # the least-worked first; the seed orders the equals
        tie = noise(self.seed, *keys, shape=(1, len(people)))[0]
        order = sorted(range(len(people)),
                       key=lambda j: (self.ledger.load(people[j].id), tie[j]))
        return [people[j] for j in order]

    # --- inspectors ---------------------------------------------------------------------------

    def _inspectors(self) -> None:
        exam, ledger = self.exam, self.ledger
        for center in exam.centers:
            inspectors = exam.inspectors(center.id)
            due = exam.inspections_due(center.id)
            slots = exam.center_slots(center.id)
            for n, slot in enumerate(slots):
                day = exam.slot_sessions[slot][0].day
                # as many per slot as spreads what is left evenly over the slots left, and
                # anyone who must take every slot left to reach their due
                want = math.ceil(sum(self._left(p, due) for p in inspectors) / (len(slots) - n))
                free = [p for p in self._ranked(inspectors, center.id, slot, 7)
                        if self._left(p, due) and ledger.is_free(p.id, slot)
                        and not ledger.away_elsewhere(p, center.id, day)]
                free.sort(key=lambda p: -self._left(p, due))
                forced = sum(1 for p in free if self._left(p, due) >= len(slots) - n)
                sessions = exam.center_sessions(center.id, slot)
                for i, person in enumerate(free[:max(want, forced)]):
                    ledger.add(Duty(person.id, sessions[i % len(sessions)].id, center.id,
                                    DutyKind.INSPECTOR, StaffRole.INSPECTOR))

    def _left(self, person: DutyStaff, due: int) -> int:
        # inspections still due, as far as the session cap allows
        cap_left = self.exam.settings.max_sessions - self.ledger.load(person.id)
        return max(0, min(due - self.ledger.inspections[person.id], cap_left))

    # --- rooms --------------------------------------------------------------------------------

    def _rows(self, center_id: int, slot: int) -> list[_Row]:
        return [(s, room) for s in self.exam.center_sessions(center_id, slot)
                for room in self.exam.in_use(center_id, s.id)]

    def _open(self, rows: Sequence[_Row]) -> list[_Row]:
        need = self.exam.per_room
        return [(s, r) for s, r in rows if len(self.ledger.members.get((s.id, r.id), ())) < need]

    def _seat(self, person: DutyStaff, session: DutySession, room: DutyRoom) -> None:
        lead = not self.ledger.has_lead(session.id, room.id)
        self.ledger.add(Duty(person.id, session.id, room.center_id, DutyKind.ROOM,
                             StaffRole.INVIGILATOR, room_id=room.id, is_lead=lead))

    def _fill_rooms(self, center: DutyCenter, slot: int, *, away: bool) -> None:
        rows = self._rows(center.id, slot)
        if not self._open(rows):
            return
        pool = self._pool(center.id, slot, DutyKind.ROOM, away=away)
        if not self.optimise:
            self._fill_greedily(center, slot, rows, pool)
            return
        # a visitor's sessions are their home center's capacity: the least-worked go first
        weight = W_LOAD_TIGHT if away else self._load_weight(center.id, slot)
        for round_ in range(2 * self.exam.per_room):
            open_rows = self._open(rows)
            people = [p for p in pool if self.ledger.is_free(p.id, slot)]
            if not open_rows or not people:
                return
            cost = self._costs(open_rows, people, weight, center, (slot, round_, int(away)))
            picks = assign(cost)
            if not picks:
                return
            for i, j in picks:
                self._seat(people[j], *open_rows[i])

    def _load_weight(self, center_id: int, slot: int) -> float:
        exam, ledger = self.exam, self.ledger
        later = [t for t in exam.center_slots(center_id) if t > slot]
        if not later:
            return W_LOAD
        need_now = sum(exam.per_room - len(ledger.members.get((s.id, r.id), ()))
                       for s, r in self._open(self._rows(center_id, slot)))
        need_later = sum(exam.per_room - len(ledger.members.get((s.id, r.id), ()))
                         for t in later for s, r in self._open(self._rows(center_id, t)))
        cap = exam.settings.max_sessions
        supply = sum(max(0, min(cap - ledger.load(p.id), len(later)))
                     for p in exam.home[center_id] if StaffRole.INVIGILATOR in p.roles)
        # worst case, each person placed now is one session fewer for the later slots
        return W_LOAD_TIGHT if supply - need_now < _MARGIN * need_later else W_LOAD

    def _costs(self, rows: Sequence[_Row], people: Sequence[DutyStaff], weight: float,
               center: DutyCenter, keys: tuple[int, int, int]) -> Matrix:
        ledger = self.ledger
        columns = People(people)
        members = [ledger.room_staff(s.id, r.id) for s, r in rows]
        cost: Matrix = np.where(columns.forbidden([r for _, r in rows], members), FORBIDDEN, 0.0)
        loads = np.array([ledger.load(p.id) for p in people], dtype=np.float64)
        cost += weight * loads[None, :]
        all_male = np.array([bool(m) and all(p.gender is Gender.MALE for p in m)
                             for m in members], dtype=np.bool_)
        all_female = np.array([bool(m) and all(p.gender is Gender.FEMALE for p in m)
                               for m in members], dtype=np.bool_)
        one_gender = ((all_male[:, None] & columns.male[None, :])
                      | (all_female[:, None] & ~columns.male[None, :]))
        cost += W_GENDER * one_gender
        for i, (_session, room) in enumerate(rows):
            for seen in self.room_history.get(room.id, ()):
                j = columns.column.get(seen)
                if j is not None:
                    cost[i, j] += W_AGAIN
            for member in members[i]:
                for partner in self.partners.get(member.id, ()):
                    j = columns.column.get(partner)
                    if j is not None:
                        cost[i, j] += W_PAIR
        if self.exam.has_rovers.get(center.id, False):
            rovers = np.array([StaffRole.ROVING_INVIGILATOR in p.roles for p in people])
            cost += W_ROVER * rovers[None, :]
        cost += noise(self.seed, center.id, *keys, shape=cost.shape)
        return cost

    def _fill_greedily(self, center: DutyCenter, slot: int, rows: Sequence[_Row],
                       pool: Sequence[DutyStaff]) -> None:
        # the baseline: most-constrained room first (fewest people 回避 allows), each place to
        # the least-worked person the rules allow, without looking at the soft goals
        open_rows = self._open(rows)
        people = self._ranked(pool, center.id, slot, 3)
        if not people:
            return
        columns = People(people)
        mask = columns.forbidden([r for _, r in open_rows],
                                 [self.ledger.room_staff(s.id, r.id) for s, r in open_rows])
        allowed = (~mask).sum(axis=1)
        used: set[int] = set()
        for i in sorted(range(len(open_rows)), key=lambda i: (allowed[i], open_rows[i][1].label)):
            session, room = open_rows[i]
            while len(self.ledger.members.get((session.id, room.id), ())) < self.exam.per_room:
                units = {p.work_unit for p in self.ledger.room_staff(session.id, room.id)}
                pick = next((j for j in range(len(people)) if j not in used and not mask[i, j]
                             and not (people[j].work_unit and people[j].work_unit in units)),
                            None)
                if pick is None:
                    break
                used.add(pick)
                self._seat(people[pick], session, room)

    def _repair(self, center: DutyCenter, slot: int) -> None:
        rows = self._rows(center.id, slot)
        open_rows = self._open(rows)
        if not open_rows:
            return
        free = self._pool(center.id, slot, DutyKind.ROOM, away=False)
        if self.exam.settings.cross_center:
            free += self._pool(center.id, slot, DutyKind.ROOM, away=True)
        if not free:
            return
        for session, room in open_rows:
            while (len(self.ledger.members.get((session.id, room.id), ())) < self.exam.per_room
                   and self._augment(session, room, rows, free, slot)):
                pass

    def _augment(self, session: DutySession, room: DutyRoom, rows: Sequence[_Row],
                 free: Sequence[DutyStaff], slot: int) -> bool:
        # someone free may not take this room, but may take the place of someone who may
        ledger = self.ledger
        available = [p for p in free if ledger.is_free(p.id, slot)]
        members = ledger.room_staff(session.id, room.id)
        for person in available:
            if _allowed(person, room, members):
                self._seat(person, session, room)
                return True
        for other_session, other in rows:
            if other_session.id == session.id and other.id == room.id:
                continue
            for duty in list(ledger.members.get((other_session.id, other.id), ())):
                mover = self.exam.staff[duty.staff_id]
                if duty.locked or not _allowed(mover, room, members):
                    continue
                staying = [p for p in ledger.room_staff(other_session.id, other.id)
                           if p.id != mover.id]
                for person in available:
                    if _allowed(person, other, staying):
                        ledger.remove(duty)
                        ledger.add(replace(duty, staff_id=person.id))
                        self._seat(mover, session, room)
                        return True
        return False

    def _mix(self, center: DutyCenter, slot: int) -> None:
        # The rounds fix the first invigilators before the second ones are chosen, and in a
        # tight slot load leaves the second round little choice. Swapping one person between
        # a women-only and a men-only room mixes both; a free person of the other gender
        # mixes a room alone, when it does not unbalance the load.
        rows = self._rows(center.id, slot)
        alike = {Gender.MALE: [], Gender.FEMALE: []}  # type: dict[Gender, list[_Row]]
        for row in rows:
            gender = self._one_gender(row)
            if gender is not None:
                alike[gender].append(row)
        women = alike[Gender.FEMALE]
        for men_row in alike[Gender.MALE]:
            for women_row in women:
                if self._swap(men_row, women_row):
                    women.remove(women_row)
                    break
            else:
                self._mix_with_free(center, slot, men_row)
        for women_row in women:
            self._mix_with_free(center, slot, women_row)

    def _one_gender(self, row: _Row) -> Gender | None:
        people = self.ledger.room_staff(row[0].id, row[1].id)
        genders = {p.gender for p in people}
        return genders.pop() if len(people) >= 2 and len(genders) == 1 else None

    def _swap(self, first: _Row, second: _Row) -> bool:
        ledger = self.ledger
        for one in self._movable(first):
            for other in self._movable(second):
                a = self.exam.staff[one.staff_id]
                b = self.exam.staff[other.staff_id]
                stay_first = [p for p in ledger.room_staff(first[0].id, first[1].id)
                              if p.id != a.id]
                stay_second = [p for p in ledger.room_staff(second[0].id, second[1].id)
                               if p.id != b.id]
                if (_allowed(b, first[1], stay_first) and _allowed(a, second[1], stay_second)
                        and not self._paired(b, stay_first) and not self._paired(a, stay_second)):
                    ledger.remove(one)
                    ledger.remove(other)
                    ledger.add(replace(one, staff_id=b.id))
                    ledger.add(replace(other, staff_id=a.id))
                    return True
        return False

    def _mix_with_free(self, center: DutyCenter, slot: int, row: _Row) -> None:
        ledger = self.ledger
        session, room = row
        free = self._pool(center.id, slot, DutyKind.ROOM, away=False)
        for duty in self._movable(row):
            leaving = self.exam.staff[duty.staff_id]
            staying = [p for p in ledger.room_staff(session.id, room.id) if p.id != leaving.id]
            for person in free:
                if (person.gender is not leaving.gender
                        and ledger.load(person.id) + 1 <= ledger.load(leaving.id)
                        and _allowed(person, room, staying) and not self._paired(person, staying)):
                    ledger.remove(duty)
                    ledger.add(replace(duty, staff_id=person.id))
                    return

    def _movable(self, row: _Row) -> list[Duty]:
        # the second invigilators first: the lead keeps the room where possible
        duties = self.ledger.members.get((row[0].id, row[1].id), [])
        return sorted((d for d in duties if not d.locked), key=lambda d: (d.is_lead, d.staff_id))

    def _paired(self, person: DutyStaff, others: Sequence[DutyStaff]) -> bool:
        return any(o.id in self.partners.get(person.id, ()) for o in others)

    def _remember(self, centers: Sequence[DutyCenter], slot: int) -> None:
        for center in centers:
            for session, room in self._rows(center.id, slot):
                ids = [d.staff_id for d in self.ledger.members.get((session.id, room.id), ())]
                self.room_history[room.id].update(ids)
                for person in ids:
                    self.partners[person].update(i for i in ids if i != person)

    # --- rovers and reserves ------------------------------------------------------------------

    def _fill_roving(self, center: DutyCenter, slot: int, *, away: bool) -> None:
        exam, ledger = self.exam, self.ledger
        rows = [(s, floor) for s in exam.center_sessions(center.id, slot)
                for floor in exam.floors(center.id, s.id)
                if not ledger.roving[center.id, s.id, floor]]
        people = self._pool(center.id, slot, DutyKind.ROVING, away=away)
        if not rows or not people:
            return
        if self.optimise:
            # rovers are few and every floor needs one in every session: the least-worked
            # first, so that the later sessions still have rovers
            cost = np.zeros((len(rows), len(people)))
            cost += W_LOAD_TIGHT * np.array([ledger.load(p.id) for p in people])[None, :]
            for i, (session, floor) in enumerate(rows):
                on_floor = [r for r in exam.in_use(center.id, session.id) if r.floor == floor]
                for j, person in enumerate(people):
                    if person.id in self.floor_history[center.id, floor]:
                        cost[i, j] += W_AGAIN
                    # a rover enters every room of the floor: better one without a relative
                    # or colleague among its candidates
                    if any(conflict(person, r) for r in on_floor):
                        cost[i, j] += W_PAIR
            cost += noise(self.seed, center.id, slot, 5, int(away), shape=cost.shape)
            picks = assign(cost)
        else:
            picks = list(zip(range(len(rows)), _indexes(people, self._ranked(people, slot, 5)),
                             strict=False))
        for i, j in picks:
            session, floor = rows[i]
            self.floor_history[center.id, floor].add(people[j].id)
            ledger.add(Duty(people[j].id, session.id, center.id, DutyKind.ROVING,
                            StaffRole.ROVING_INVIGILATOR, floor=floor))

    def _fill_reserves(self, center: DutyCenter, slot: int, *, away: bool) -> None:
        exam, ledger = self.exam, self.ledger
        for session in exam.center_sessions(center.id, slot):
            need = exam.reserves_needed(center.id, session.id) - ledger.reserves[
                center.id, session.id]
            if need <= 0:
                continue
            people = self._pool(center.id, slot, DutyKind.RESERVE, away=away)
            for person in self._ranked(people, center.id, session.id, 11)[:need]:
                ledger.add(Duty(person.id, session.id, center.id, DutyKind.RESERVE,
                                StaffRole.INVIGILATOR))


def _allowed(person: DutyStaff, room: DutyRoom, members: Sequence[DutyStaff]) -> bool:
    if conflict(person, room) is not None:
        return False
    return not (person.work_unit and any(m.work_unit == person.work_unit for m in members))


def _indexes(people: Sequence[DutyStaff], ranked: Sequence[DutyStaff]) -> Iterator[int]:
    column = {p.id: j for j, p in enumerate(people)}
    return (column[p.id] for p in ranked)
