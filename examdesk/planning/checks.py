"""Checks of a seating plan: every problem with its cause, the numbers, and a fix.

A plan may come from our own allocation or from an upstream plan imported from a workbook
(national exams arrive already arranged), so nothing is assumed: seats may name rooms or
candidates we do not know, seat numbers may not exist, tickets may follow another pattern.
Everything is indexed once and each check walks its index, so a provincial plan (100,000
candidates, 3,400 rooms) is checked in a fraction of a second.

This module checks seats, candidates and rooms; the checks of ticket numbers are in
:mod:`examdesk.planning.ticket_checks`, and the wording both share in
:mod:`examdesk.planning.check_wording`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from functools import cache

from examdesk.enums import Corner, SeatOrder
from examdesk.i18n import translate
from examdesk.planning import remedies
from examdesk.planning.check_wording import SHOWN
from examdesk.planning.check_wording import center as _center
from examdesk.planning.check_wording import grid as _grid
from examdesk.planning.check_wording import issue as _issue
from examdesk.planning.check_wording import names as _names
from examdesk.planning.check_wording import room_with as _room_with
from examdesk.planning.check_wording import seat as _seat
from examdesk.planning.check_wording import who as _who
from examdesk.planning.plan import PlanCandidate, PlanIssue, PlanRoom, Rules, Seat, Severity
from examdesk.planning.seats import Grid, neighbours, seat_positions
from examdesk.planning.ticket_checks import ExpectedTickets, ticket_issues

# SHOWN is defined with the wording that uses it; it is imported from here
__all__ = ["SHOWN", "check_plan"]

_ALL = "all"
_Entry = tuple[Seat, PlanRoom, PlanCandidate]


def check_plan(
    rooms: Sequence[PlanRoom],
    candidates: Sequence[PlanCandidate],
    seats: Sequence[Seat],
    rules: Rules,
) -> tuple[PlanIssue, ...]:
    """Every problem of a seating plan.

    Args:
        rooms: the exam's rooms.
        candidates: the exam's active candidates (withdrawn ones left out).
        seats: the plan's seats, ours or imported.
        rules: the exam's rules and ticket pattern.

    Returns:
        The issues, errors first, then by test center, room and candidate.
    """
    plan = _Plan(rooms, candidates, seats, rules)
    issues = [
        *_records(plan),
        *_unplaced(plan),
        *_rooms(plan),
        *ticket_issues(plan.rooms, plan.in_room, rules, plan.tickets),
    ]
    issues.sort(key=lambda i: (not i.is_error, i.center, i.room, i.candidate, i.code, i.message))
    return tuple(issues)


class _Targets:
    """Free seats by scope (all, a center, a district, accessible rooms), for the fixes.

    A room can take candidates of a level when it holds only that level or nobody, and is
    neither spare nor locked (no allocation run may add to a locked room).
    """

    def __init__(self) -> None:
        self._total: Counter[tuple[str, str | None]] = Counter()
        self._best: dict[tuple[str, str | None], tuple[int, PlanRoom]] = {}
        self.spare: Counter[str] = Counter()

    def add(self, room: PlanRoom, free: int, level: str | None) -> None:
        scopes = [_ALL, f"center:{room.center_id}", f"district:{room.district}"]
        if room.accessible:
            scopes += ["accessible", f"accessible:{room.center_id}"]
        for scope in scopes:
            key = (scope, level)
            self._total[key] += free
            if key not in self._best or free > self._best[key][0]:
                self._best[key] = (free, room)

    def free(self, level: str, scope: str) -> int:
        # None stands for the empty rooms, which take any level
        return self._total[(scope, level)] + self._total[(scope, None)]

    def best(self, level: str, scopes: Iterable[str], need: int) -> tuple[PlanRoom, int] | None:
        for scope in scopes:
            found = [self._best[k] for k in ((scope, level), (scope, None)) if k in self._best]
            if found:
                free, room = max(found, key=lambda f: f[0])
                if free >= need:
                    return room, free
        return None


class _Plan:
    """The plan indexed once: seats by room and by candidate, free seats, expected tickets."""

    def __init__(
        self,
        rooms: Sequence[PlanRoom],
        candidates: Sequence[PlanCandidate],
        seats: Sequence[Seat],
        rules: Rules,
    ) -> None:
        self.rules = rules
        self.rooms = {room.id: room for room in rooms}
        self.candidates = {c.id: c for c in candidates}
        self.ordered = candidates
        self.in_room: dict[int, list[_Entry]] = {room.id: [] for room in rooms}
        self.stray: dict[int, list[Seat]] = defaultdict(list)
        self.lost: dict[int, list[Seat]] = defaultdict(list)
        self.twice: dict[int, list[Seat]] = {}
        self.placed: set[int] = set()
        first: dict[int, Seat] = {}
        for seat in seats:
            candidate = self.candidates.get(seat.candidate_id)
            if candidate is not None:
                if candidate.id in first:
                    self.twice.setdefault(candidate.id, [first[candidate.id]]).append(seat)
                else:
                    first[candidate.id] = seat
            room = self.rooms.get(seat.room_id)
            if room is None:
                self.lost[seat.room_id].append(seat)
            elif candidate is None:
                self.stray[room.id].append(seat)
            else:
                self.in_room[room.id].append((seat, room, candidate))
                self.placed.add(candidate.id)
        self.levels = {
            room_id: Counter(c.level for _s, _r, c in entries)
            for room_id, entries in self.in_room.items()
        }
        self.targets = _Targets()
        for room in sorted(rooms, key=lambda r: (r.center_code, r.code)):
            capacity = room.grid.capacity
            if room.spare:
                self.targets.spare[f"district:{room.district}"] += capacity
                self.targets.spare[_ALL] += capacity
            # a withdrawn candidate's seat stays taken until it is cleared
            free = capacity - len(self.in_room[room.id]) - len(self.stray.get(room.id, ()))
            levels = self.levels[room.id]
            if not room.spare and not room.locked and free > 0 and len(levels) <= 1:
                self.targets.add(room, free, next(iter(levels), None))
        self.tickets = ExpectedTickets(rules)

    def level(self, code: str) -> str:
        return self.rules.level_names.get(code, code)

    def free_seats(self, room: PlanRoom) -> list[int]:
        """The room's seat numbers nobody holds, withdrawn candidates included."""
        taken = {s.seat_no for s, _r, _c in self.in_room[room.id]}
        taken.update(s.seat_no for s in self.stray.get(room.id, ()))
        return [n for n in range(1, room.grid.capacity + 1) if n not in taken]


# ---- seats that name unknown candidates or rooms, candidates seated twice ---------------


def _records(plan: _Plan) -> list[PlanIssue]:
    issues = []
    for seat, room in ((s, plan.rooms[r]) for r, seats in plan.stray.items() for s in seats):
        issues.append(
            _issue(
                "unknown-candidate",
                translate(
                    "Plan",
                    "{seat} (ticket {ticket}) is given to candidate id {id}, who "
                    "withdrew or is not "
                    "in the exam",
                ).format(
                    seat=_seat(seat.seat_no, room), ticket=seat.ticket_no, id=seat.candidate_id
                ),
                translate(
                    "Plan", "clear the seat, or restore the candidate if they did not withdraw"
                ),
                room=room,
            )
        )
    for room_id, lost in sorted(plan.lost.items()):
        who = [plan.candidates[s.candidate_id] for s in lost if s.candidate_id in plan.candidates]
        labels = [
            _who(plan.candidates[s.candidate_id])
            if s.candidate_id in plan.candidates
            else translate("Plan", "candidate id {id}").format(id=s.candidate_id)
            for s in lost
        ]
        issues.append(
            _issue(
                "unknown-room",
                translate(
                    "Plan",
                    "{count} seats are in room id {id}, which is not one of the exam's "
                    "rooms: "
                    "{names}",
                ).format(count=len(lost), id=room_id, names=_names(labels)),
                translate(
                    "Plan",
                    "add the room to the exam if it is missing, or clear these seats and "
                    "{allocate}",
                ).format(allocate=remedies.allocate_keep("seat-again").text),
                who=who,
                remedies=(remedies.allocate_keep("seat-again"),),
            )
        )
    for candidate_id, seats in plan.twice.items():
        candidate = plan.candidates[candidate_id]
        where = []
        for s in seats:
            known = plan.rooms.get(s.room_id)
            where.append(
                _seat(s.seat_no, known)
                if known is not None
                else translate("Plan", "seat {seat} of room id {id}").format(
                    seat=s.seat_no, id=s.room_id
                )
            )
        issues.append(
            _issue(
                "placed-twice",
                translate(
                    "Plan",
                    "{who} has {count} seats: {seats}; a candidate sits in one seat for "
                    "all "
                    "sessions",
                ).format(who=_who(candidate), count=len(seats), seats=_names(where, len(where))),
                translate("Plan", "keep one of the seats and clear the others"),
                room=plan.rooms.get(seats[0].room_id),
                who=[candidate],
            )
        )
    return issues


# ---- candidates without a seat -----------------------------------------------------------


def _unplaced(plan: _Plan) -> list[PlanIssue]:
    rules, targets = plan.rules, plan.targets
    groups: dict[tuple[str, str], list[PlanCandidate]] = defaultdict(list)
    for c in plan.ordered:
        if c.id not in plan.placed:
            groups[(c.level, c.district if rules.by_district else "")].append(c)
    order = {code: i for i, code in enumerate(rules.levels)}
    issues = []
    for (level, district), group in sorted(
        groups.items(), key=lambda g: (order.get(g[0][0], len(order)), g[0])
    ):
        count, name = len(group), plan.level(level)
        scope = f"district:{district}" if district else _ALL
        free, spare = targets.free(level, scope), targets.spare[scope]
        if district:
            # rooms of centers without a district take anyone
            free += targets.free(level, "district:")
            spare += targets.spare["district:"]
            message = translate(
                "Plan", "{count} {level} candidates of district {district} have no seat: {names}"
            )
        else:
            message = translate("Plan", "{count} {level} candidates have no seat: {names}")
        message = message.format(
            count=count, level=name, district=district, names=_names([_who(c) for c in group])
        )
        allocate = remedies.allocate_keep("seat-them" if free >= count else "then")
        if free >= count and district:
            fix = translate(
                "Plan",
                "{allocate}: district {district} has {free} free seats in rooms of that "
                "level or empty rooms",
            )
        elif free >= count:
            fix = translate(
                "Plan",
                "{allocate}: the exam has {free} free seats in rooms of that level or empty "
                "rooms",
            )
        elif spare:
            fix = translate(
                "Plan",
                "add a room of at least {short} seats (or mark a spare room as usable), then "
                "{allocate}: only {free} seats are free in rooms of that level or empty rooms",
            )
        else:
            fix = translate(
                "Plan",
                "add a room of at least {short} seats, then {allocate}: only {free} seats are "
                "free in rooms of that level or empty rooms",
            )
        issues.append(
            _issue(
                "unplaced",
                message,
                fix.format(free=free, short=count - free, district=district,
                           allocate=allocate.text),
                who=group,
                remedies=(allocate,),
            )
        )
        if district and free < count:
            issues.append(_short(plan, level, district, count - free))
    return issues


def _short(plan: _Plan, level: str, district: str, short: int) -> PlanIssue:
    """The district's test centers lack seats; name another center with enough."""
    centers: dict[int, tuple[str, str]] = {}
    for room in plan.rooms.values():
        centers.setdefault(room.center_id, (room.center_code, room.district))
    own = sorted(code for code, d in centers.values() if d == district)
    free = {cid: plan.targets.free(level, f"center:{cid}") for cid in centers}
    others = sorted(
        (-free[cid], code)
        for cid, (code, d) in centers.items()
        if d != district and free[cid] >= short
    )
    name = plan.level(level)
    if len(own) == 1:
        message = translate(
            "Plan",
            "{center} needs {short} more {level} seats for the candidates of district {district}",
        ).format(center=_center(own[0]), short=short, level=name, district=district)
    elif own:
        message = translate(
            "Plan",
            "the test centers of district {district} ({centers}) need {short} more {level} seats",
        ).format(district=district, centers=", ".join(own), short=short, level=name)
    else:
        message = translate(
            "Plan",
            "district {district} has no test center for its {short} "
            "{level} "
            "candidates without a seat",
        ).format(district=district, short=short, level=name)
    here = (
        _center(own[0])
        if len(own) == 1
        else translate("Plan", "district {district}").format(district=district)
    )
    if others:
        fix = translate(
            "Plan",
            "add a room of at least {short} seats to {here} or move {short} "
            "candidates to "
            "{other}, which has {free} free {level} seats",
        ).format(
            short=short, here=here, other=_center(others[0][1]), free=-others[0][0], level=name
        )
    else:
        fix = translate("Plan", "add a room of at least {short} seats to {here}").format(
            short=short, here=here
        )
    return _issue("capacity-short", message, fix, center=own[0] if len(own) == 1 else "")


# ---- one room at a time ------------------------------------------------------------------


def _rooms(plan: _Plan) -> list[PlanIssue]:
    issues: list[PlanIssue] = []
    for room_id, entries in plan.in_room.items():
        if not entries:
            continue
        room = plan.rooms[room_id]
        issues += _seating(plan, room, entries)
        issues += _levels(plan, room)
        if room.spare:
            who = [c for _s, _r, c in entries]
            issues.append(
                _issue(
                    "spare-used",
                    translate(
                        "Plan",
                        "spare room {room} holds {count} candidates: {names}; spare "
                        "rooms stay "
                        "empty for emergencies",
                    ).format(room=room.label, count=len(who), names=_names([_who(c) for c in who])),
                    translate(
                        "Plan",
                        "move them to other rooms, or clear the room's spare mark if it "
                        "is to be "
                        "used",
                    ),
                    room=room,
                    who=who,
                )
            )
        for seat, _r, c in entries:
            if c.needs_accessible and not room.accessible:
                target = plan.targets.best(
                    c.level, (f"accessible:{room.center_id}", "accessible"), 1
                )
                issues.append(
                    _issue(
                        "not-accessible",
                        translate(
                            "Plan",
                            "{who} needs an accessible room but sits in {seat}, which "
                            "is not "
                            "accessible",
                        ).format(who=_who(c), seat=_seat(seat.seat_no, room)),
                        translate("Plan", "move {who} to {room}").format(
                            who=_who(c), room=_room_with(target)
                        )
                        if target
                        else translate(
                            "Plan",
                            "no accessible room has a free {level} seat: mark an "
                            "accessible room "
                            "as such, or empty one",
                        ).format(level=plan.level(c.level)),
                        room=room,
                        who=[c],
                    )
                )
        if plan.rules.by_district and room.district:
            issues += _district(plan, room, entries)
        issues += _neighbours(plan, room, entries)
    return issues


def _seating(plan: _Plan, room: PlanRoom, entries: list[_Entry]) -> list[PlanIssue]:
    capacity = room.grid.capacity
    numbers = [s.seat_no for s, _r, _c in entries]
    if len(set(numbers)) == len(numbers) and min(numbers) >= 1 and max(numbers) <= capacity:
        return []  # the usual room: every seat its own and inside the grid
    on_seat: dict[int, list[_Entry]] = defaultdict(list)
    outside: list[_Entry] = []
    for entry in entries:
        seat, _r, c = entry
        if not 1 <= seat.seat_no <= capacity:
            outside.append(entry)
        elif all(other.id != c.id for _s, _r2, other in on_seat[seat.seat_no]):
            on_seat[seat.seat_no].append(entry)
    extras: list[_Entry] = []
    doubled = []
    for seat_no, holders in sorted(on_seat.items()):
        if len(holders) > 1:
            # the holder whose ticket is the seat's own number stays
            holders.sort(
                key=lambda e: e[0].ticket_no != plan.tickets.expected(room, seat_no, e[2].level)
            )
            doubled.append((seat_no, holders))
            extras += holders[1:]
    held = len(outside) + sum(len(h) for h in on_seat.values())
    free = plan.free_seats(room)
    if held > capacity:
        # the room cannot hold them all: one issue about the room, not one per seat
        return [_over(plan, room, held, outside + extras, free)]
    issues = []
    for seat, _r, c in outside:
        issues.append(
            _issue(
                "seat-outside",
                translate(
                    "Plan",
                    "{who} sits on seat {seat} of {room}, which does not exist: the "
                    "room has "
                    "{capacity} seats ({grid})",
                ).format(
                    who=_who(c),
                    seat=seat.seat_no,
                    room=room.label,
                    capacity=capacity,
                    grid=_grid(room.grid),
                ),
                _move(plan, room, [c], free),
                room=room,
                who=[c],
            )
        )
    for seat_no, holders in doubled:
        who = [c for _s, _r, c in holders]
        issues.append(
            _issue(
                "seat-twice",
                translate("Plan", "{seat} is given to {count} candidates: {names}").format(
                    seat=_seat(seat_no, room), count=len(who), names=_names([_who(c) for c in who])
                ),
                _move(plan, room, who[1:], free),
                room=room,
                who=who,
            )
        )
    return issues


def _move(plan: _Plan, room: PlanRoom, who: list[PlanCandidate], free: list[int]) -> str:
    """Send each candidate to a free seat of ``room`` (taken from ``free``) or elsewhere."""
    moves, rest = [], []
    for c in who:
        seat_no = next(
            (
                n
                for n in free
                if plan.tickets.expected(room, n, c.level) not in plan.rules.retired_tickets
            ),
            None,
        )
        if seat_no is None:
            rest.append(c)
            continue
        free.remove(seat_no)
        moves.append(translate("Plan", "{who} to seat {seat}").format(who=_who(c), seat=seat_no))
    parts = []
    if moves:
        parts.append(
            translate("Plan", "move {moves}, free in this room").format(
                moves=translate("Plan", ", ").join(moves)
            )
        )
    if rest:
        target = plan.targets.best(rest[0].level, (f"center:{room.center_id}", _ALL), len(rest))
        names = _names([_who(c) for c in rest])
        parts.append(
            translate("Plan", "move {names} to {room}").format(names=names, room=_room_with(target))
            if target
            else translate(
                "Plan",
                "move {names} to another room: no room of their level has a free seat, add one",
            ).format(names=names)
        )
    return translate("Plan", "; ").join(parts)


def _over(
    plan: _Plan, room: PlanRoom, held: int, misplaced: list[_Entry], free: list[int]
) -> PlanIssue:
    capacity, excess = room.grid.capacity, held - room.grid.capacity
    level = Counter(c.level for _s, _r, c in misplaced).most_common(1)[0][0]
    message = translate(
        "Plan",
        "{room} holds {held} candidates but has {capacity} seats "
        "({grid}): {count} "
        "of them sit on a seat that does not exist or is taken: {names}",
    ).format(
        room=room.label,
        held=held,
        capacity=capacity,
        grid=_grid(room.grid),
        count=len(misplaced),
        names=_names([_who(c) for _s, _r, c in misplaced]),
    )
    target = plan.targets.best(level, (f"center:{room.center_id}", _ALL), excess)
    parts = [
        translate("Plan", "move {excess} of them to {room}").format(
            excess=excess, room=_room_with(target)
        )
        if target
        else translate(
            "Plan",
            "move {excess} of them to other {level} rooms (none has {excess} free "
            "seats: add "
            "a room)",
        ).format(excess=excess, level=plan.level(level))
    ]
    if len(misplaced) > excess:
        parts.append(
            translate("Plan", "give the other {rest} the free seats {seats} of this room").format(
                rest=len(misplaced) - excess,
                seats=", ".join(str(n) for n in free[: len(misplaced) - excess]),
            )
        )
    return _issue(
        "over-capacity",
        message,
        translate("Plan", "; ").join(parts),
        room=room,
        who=[c for _s, _r, c in misplaced],
    )


def _levels(plan: _Plan, room: PlanRoom) -> list[PlanIssue]:
    counts = plan.levels[room.id]
    if len(counts) < 2:
        return []
    order = {code: i for i, code in enumerate(plan.rules.levels)}
    ranked = sorted(counts.items(), key=lambda lc: (-lc[1], order.get(lc[0], len(order)), lc[0]))
    listed = translate("Plan", ", ").join(
        translate("Plan", "{level} {count}").format(level=plan.level(code), count=n)
        for code, n in ranked
    )
    message = translate(
        "Plan",
        "{room} holds candidates of {count} levels ({levels}); levels sit "
        "in separate "
        "rooms because their papers and end times differ",
    ).format(room=room.label, count=len(counts), levels=listed)
    minority = ranked[1:]
    moved = translate("Plan", ", ").join(
        translate("Plan", "{count} {level}").format(count=n, level=plan.level(code))
        for code, n in minority
    )
    target = None
    if len(minority) == 1:
        code, n = minority[0]
        target = plan.targets.best(code, (f"center:{room.center_id}", _ALL), n)
    fix = (
        translate("Plan", "move the {moved} candidates to {room}").format(
            moved=moved, room=_room_with(target)
        )
        if target
        else translate(
            "Plan", "move the {moved} candidates to rooms of their own level or empty rooms"
        ).format(moved=moved)
    )
    return [_issue("mixed-levels", message, fix, room=room)]


def _district(plan: _Plan, room: PlanRoom, entries: list[_Entry]) -> list[PlanIssue]:
    away = [c for _s, _r, c in entries if c.district and c.district != room.district]
    if not away:
        return []
    message = translate(
        "Plan",
        "{room} is in district {district} but holds {count} candidates of other districts: {names}",
    ).format(
        room=room.label,
        district=room.district,
        count=len(away),
        names=_names(
            [
                translate("Plan", "{who} ({district})").format(who=_who(c), district=c.district)
                for c in away
            ]
        ),
    )
    homes = {(c.district, c.level) for c in away}
    target = None
    if len(homes) == 1:
        home, level = next(iter(homes))
        target = plan.targets.best(level, (f"district:{home}",), len(away))
    fix = (
        translate("Plan", "move them to {room}").format(room=_room_with(target))
        if target
        else translate("Plan", "move them to test centers of their own districts")
    )
    return [_issue("district", message, fix, room=room, who=away, severity=Severity.WARNING)]


@cache
def _ahead(grid: Grid, order: SeatOrder, corner: Corner) -> tuple[tuple[int, ...], ...]:
    """Per seat number, its neighbours with higher numbers (each pair counted once)."""
    positions = seat_positions(grid, order, corner)
    number = {p: n for n, p in enumerate(positions, 1)}
    return (
        (),
        *(
            tuple(m for q in neighbours(p, grid) if (m := number.get(q, 0)) > n)
            for n, p in enumerate(positions, 1)
        ),
    )


def _neighbours(plan: _Plan, room: PlanRoom, entries: list[_Entry]) -> list[PlanIssue]:
    capacity = room.grid.capacity
    units: dict[int, list[str]] = defaultdict(list)
    for seat, _r, c in entries:
        if c.work_unit and 1 <= seat.seat_no <= capacity:
            units[seat.seat_no].append(c.work_unit)
    if sum(len(u) for u in units.values()) == len({u for us in units.values() for u in us}):
        return []  # no unit twice in the room, so no two neighbours share one
    ahead = _ahead(room.grid, plan.rules.seat_order, plan.rules.corner)
    pairs, example = 0, ""
    for seat_no, here in units.items():
        for other in ahead[seat_no]:
            for unit in units.get(other, ()):
                if unit in here:
                    pairs += here.count(unit)
                    example = example or translate("Plan", "seats {a} and {b}, {unit}").format(
                        a=seat_no, b=other, unit=unit
                    )
    if not pairs:
        return []
    return [
        _issue(
            "same-unit-neighbours",
            translate(
                "Plan",
                "{room} has {pairs} pairs of neighbouring candidates from the same work "
                "unit (e.g. "
                "{example}); colleagues side by side can help each other",
            ).format(room=room.label, pairs=pairs, example=example),
            translate(
                "Plan", "swap one candidate of each pair with a candidate from another work unit"
            ),
            room=room,
            severity=Severity.WARNING,
        )
    ]
