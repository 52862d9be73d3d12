"""Builders, a whole-plan validator and generated exams for the allocation tests."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from examdesk.enums import Corner, SeatOrder
from examdesk.planning.allocation import Allocation, same_unit_pairs
from examdesk.planning.plan import ExamCodes, PlanCandidate, PlanRoom, Rules, Seat
from examdesk.planning.seats import Grid
from examdesk.planning.tickets import TicketPattern

ASSISTANT, SOCIAL, SENIOR = "1", "2", "3"
NAMES = {ASSISTANT: "助理社会工作师", SOCIAL: "社会工作师", SENIOR: "高级社会工作师"}
#: level(1) center(2) room(2) seat(2): unique for every seat of the tests' exams
PATTERN = TicketPattern.from_setting([
    {"field": "level", "width": 1}, {"field": "center", "width": 2},
    {"field": "room", "width": 2}, {"field": "seat", "width": 2}])


def make_rules(**changes: Any) -> Rules:
    rules = Rules(levels=(ASSISTANT, SOCIAL), level_names=NAMES, seat_order=SeatOrder.ROWS,
                  corner=Corner.FRONT_LEFT, pattern=PATTERN, codes=ExamCodes(2023, "41", "4116"),
                  seed=2023)
    return replace(rules, **changes)


def make_rooms(*grids: Grid | tuple[int, int], center: str = "01", district: str = "",
               first_id: int = 1, first_number: int | None = None,
               **flags: Any) -> list[PlanRoom]:
    """Rooms of one center from id ``first_id``, each a Grid or (rows, columns).

    Room numbers inside the center start at ``first_number`` (default: the first id).
    """
    rooms = []
    for i, grid in enumerate(grids):
        room_id = first_id + i
        number = (first_number or first_id) + i
        rooms.append(PlanRoom(
            id=room_id, center_id=int(center), center_code=center, center_name=f"考点{center}",
            district=district, code=f"{center}{number:03d}", number=number,
            exam_number=room_id, grid=grid if isinstance(grid, Grid) else Grid(*grid),
            **flags))
    return rooms


def make_people(level: str, count: int, first_id: int, **fields: Any) -> list[PlanCandidate]:
    return [PlanCandidate(id=first_id + i, level=level, label=f"#{first_id + i}", **fields)
            for i in range(count)]


def seats_by_room(allocation: Allocation) -> dict[int, list[Seat]]:
    rooms: dict[int, list[Seat]] = defaultdict(list)
    for seat in allocation.seats:
        rooms[seat.room_id].append(seat)
    return rooms


def levels_by_room(allocation: Allocation, candidates: Sequence[PlanCandidate]
                   ) -> dict[int, set[str]]:
    level = {c.id: c.level for c in candidates}
    rooms: dict[int, set[str]] = defaultdict(set)
    for seat in allocation.seats:
        rooms[seat.room_id].add(level[seat.candidate_id])
    return rooms


def assert_valid(allocation: Allocation, rooms: Sequence[PlanRoom],
                 candidates: Sequence[PlanCandidate], rules: Rules,
                 keep: Sequence[Seat] = ()) -> None:
    """Every rule a finished plan must satisfy, checked from the outside."""
    room = {r.id: r for r in rooms}
    order = {r.id: i for i, r in enumerate(rooms)}
    person = {c.id: c for c in candidates}
    seats = allocation.seats
    assert sorted(s.candidate_id for s in seats) == sorted(person)  # everyone exactly once
    assert len({(s.room_id, s.seat_no) for s in seats}) == len(seats)  # no seat twice
    assert [(order[s.room_id], s.seat_no) for s in seats] == sorted(
        (order[s.room_id], s.seat_no) for s in seats)
    kept = {s.candidate_id: s for s in keep if s.candidate_id in person}
    for seat in seats:
        here, who = room[seat.room_id], person[seat.candidate_id]
        assert 1 <= seat.seat_no <= here.grid.capacity
        if who.id in kept:
            assert seat == kept[who.id]
            continue
        assert not here.spare and not here.locked
        assert seat.ticket_no == rules.ticket(here, seat.seat_no, who.level)
        assert seat.ticket_no not in rules.retired_tickets
        if who.needs_accessible:
            assert here.accessible
        if rules.by_district:
            assert here.district == who.district
    assert len({s.ticket_no for s in seats}) == len(seats)
    assert all(len(levels) == 1 for levels in levels_by_room(allocation, candidates).values())
    assert allocation.rooms_used == len({s.room_id for s in seats})
    assert allocation.neighbour_pairs == same_unit_pairs(seats, rooms, candidates, rules)


# --- generated exams ------------------------------------------------------------------------------

DISTRICTS = ("", "川汇区", "商水县")
UNITS = ("", "", "", "民政局", "团委", "妇联")


@st.composite
def exams(draw: st.DrawFn) -> tuple[list[PlanRoom], list[PlanCandidate], Rules]:
    levels = (ASSISTANT, SOCIAL, SENIOR)[: draw(st.integers(1, 3))]
    by_district = draw(st.booleans())
    rooms = []
    for i in range(draw(st.integers(1, 6))):
        rows, columns = draw(st.integers(1, 6)), draw(st.integers(1, 6))
        cells = [(r, c) for r in range(1, rows + 1) for c in range(1, columns + 1)]
        unusable = draw(st.sets(st.sampled_from(cells), max_size=len(cells) // 3))
        center = draw(st.sampled_from(("01", "02")))
        rooms.append(PlanRoom(
            id=i + 1, center_id=int(center), center_code=center, center_name=center,
            district=draw(st.sampled_from(DISTRICTS)), code=f"{i + 1:03d}", number=i + 1,
            exam_number=i + 1, grid=Grid(rows, columns, frozenset(unusable)),
            accessible=draw(st.booleans()), spare=draw(st.integers(0, 5)) == 0))
    # ids in any order: the plan must not depend on it
    ids = draw(st.lists(st.integers(1, 10**6), max_size=120, unique=True))
    candidates = [
        PlanCandidate(id=candidate_id, level=draw(st.sampled_from(levels)),
                      work_unit=draw(st.sampled_from(UNITS)),
                      district=draw(st.sampled_from(DISTRICTS)),
                      needs_accessible=draw(st.integers(0, 9)) == 0)
        for candidate_id in ids]
    rules = make_rules(
        levels=levels, by_district=by_district, seed=draw(st.integers(0, 2**32)),
        merge_tail=draw(st.integers(0, 3)), seat_order=draw(st.sampled_from(SeatOrder)),
        corner=draw(st.sampled_from(Corner)),
        pattern=TicketPattern.from_setting([{"field": "level", "width": 1},
                                            {"field": "exam_room", "width": 2},
                                            {"field": "seat", "width": 2}]))
    return rooms, candidates, rules


def groups(rooms: Sequence[PlanRoom], candidates: Sequence[PlanCandidate],
           rules: Rules) -> dict[str, tuple[list[PlanRoom], list[PlanCandidate]]]:
    split: dict[str, tuple[list[PlanRoom], list[PlanCandidate]]] = defaultdict(
        lambda: ([], []))
    for room in rooms:
        split[room.district if rules.by_district else ""][0].append(room)
    for candidate in candidates:
        split[candidate.district if rules.by_district else ""][1].append(candidate)
    return split


def surely_fits(rooms: Sequence[PlanRoom], candidates: Sequence[PlanCandidate],
                rules: Rules) -> bool:
    """Enough seats whatever the walk does: each level wastes less than one room."""
    if any(c.needs_accessible for c in candidates):
        return False
    for group_rooms, people in groups(rooms, candidates, rules).values():
        seats = [r.grid.capacity for r in group_rooms if not r.spare]
        levels = len({c.level for c in people})
        if sum(seats) < len(people) + max(levels - 1, 0) * max(seats, default=0):
            return False
    return True


def surely_short(rooms: Sequence[PlanRoom], candidates: Sequence[PlanCandidate],
                 rules: Rules) -> bool:
    """Not enough seats, or accessible seats, even if every free seat could be used."""
    for group_rooms, people in groups(rooms, candidates, rules).values():
        usable = [r for r in group_rooms if not r.spare]
        if sum(r.grid.capacity for r in usable) < len(people):
            return True
        accessible = sum(r.grid.capacity for r in usable if r.accessible)
        if accessible < sum(c.needs_accessible for c in people):
            return True
    return False
