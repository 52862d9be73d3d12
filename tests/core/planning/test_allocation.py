"""Seat allocation follows every rule of the exam, or says why it cannot, before seating anyone."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from examdesk.enums import Corner, SeatOrder
from examdesk.planning.allocation import (
    Allocation,
    AllocationImpossible,
    allocate,
    capacity_issues,
    same_unit_pairs,
)
from examdesk.planning.plan import PlanCandidate, PlanRoom, Rules, Seat
from examdesk.planning.seats import Grid
from examdesk.planning.tickets import TicketPattern
from examdesk.progress import OperationCancelled
from tests.core.planning.allocation_cases import (
    ASSISTANT,
    SOCIAL,
    assert_valid,
    exams,
    levels_by_room,
    make_people,
    make_rooms,
    make_rules,
    seats_by_room,
    surely_fits,
    surely_short,
)

# --- rule 1: one level per room, one seat per candidate --------------------------------------


def test_each_room_holds_one_level_and_each_candidate_one_seat() -> None:
    rooms = make_rooms(*[(6, 5)] * 4)
    candidates = make_people(ASSISTANT, 45, 1) + make_people(SOCIAL, 20, 101)
    allocation = allocate(rooms, candidates, make_rules())
    assert_valid(allocation, rooms, candidates, make_rules())
    assert len(allocation.seats) == 65
    assert levels_by_room(allocation, candidates) == {1: {ASSISTANT}, 2: {ASSISTANT},
                                                      3: {SOCIAL}}


# --- rule 2: rooms are handed to levels in order, per district when asked --------------------


def test_each_level_takes_rooms_in_order_and_the_next_level_starts_fresh() -> None:
    rooms = make_rooms(*[(6, 5)] * 5)
    candidates = make_people(ASSISTANT, 45, 1) + make_people(SOCIAL, 31, 101)
    allocation = allocate(rooms, candidates, make_rules())
    counts = {room_id: len(seats) for room_id, seats in seats_by_room(allocation).items()}
    assert counts == {1: 30, 2: 15, 3: 30, 4: 1}  # room 2 is part-filled, room 5 unused
    assert levels_by_room(allocation, candidates)[3] == {SOCIAL}


def test_the_exams_level_order_decides_who_walks_first() -> None:
    rooms = make_rooms(*[(6, 5)] * 3)
    candidates = make_people(ASSISTANT, 30, 1) + make_people(SOCIAL, 30, 101)
    rules = make_rules(levels=(SOCIAL, ASSISTANT))
    levels = levels_by_room(allocate(rooms, candidates, rules), candidates)
    assert levels == {1: {SOCIAL}, 2: {ASSISTANT}}


def test_by_district_candidates_stay_in_their_district() -> None:
    rooms = (make_rooms((6, 5), (6, 5), center="01", district="川汇区")
             + make_rooms((6, 5), center="02", district="商水县", first_id=3, first_number=1)
             + make_rooms((6, 5), center="03", district="", first_id=4, first_number=1))
    candidates = (make_people(ASSISTANT, 20, 1, district="商水县")
                  + make_people(ASSISTANT, 20, 101, district="川汇区")
                  + make_people(SOCIAL, 10, 201, district="川汇区")
                  + make_people(SOCIAL, 5, 301, district=""))
    rules = make_rules(by_district=True)
    allocation = allocate(rooms, candidates, rules)
    assert_valid(allocation, rooms, candidates, rules)
    district = {c.id: c.district for c in candidates}
    used = {room_id: {district[s.candidate_id] for s in seats}
            for room_id, seats in seats_by_room(allocation).items()}
    assert used == {1: {"川汇区"}, 2: {"川汇区"}, 3: {"商水县"}, 4: {""}}
    # without the setting everyone walks the same rooms from the first
    mixed = allocate(rooms, candidates, make_rules())
    assert {s.room_id for s in mixed.seats} == {1, 2, 3}


# --- rule 3: seat numbers follow the seat order and skip unusable desks -----------------------


def test_seat_numbers_run_from_one_and_skip_unusable_desks() -> None:
    grid = Grid(2, 3, frozenset({(1, 2)}))
    rooms = make_rooms(grid, grid)
    candidates = make_people(ASSISTANT, 7, 1)
    allocation = allocate(rooms, candidates, make_rules())
    assert [(s.room_id, s.seat_no) for s in allocation.seats] == [
        (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (2, 1), (2, 2)]


@pytest.mark.parametrize("order, apart", [
    # 2 x 3 from the front left; the two colleagues must sit in opposite outer columns
    (SeatOrder.ROWS, [{1, 3}, {1, 6}, {4, 3}, {4, 6}]),  # 1 2 3 / 4 5 6
    (SeatOrder.SNAKE, [{1, 5}, {1, 6}, {2, 5}, {2, 6}]),  # 1 4 5 / 2 3 6
])
def test_spacing_uses_the_positions_of_the_seat_order(order: SeatOrder,
                                                      apart: list[set[int]]) -> None:
    rooms = make_rooms((2, 3))
    candidates = make_people(ASSISTANT, 2, 1, work_unit="民政局") + make_people(ASSISTANT, 4, 9)
    for seed in range(10):
        rules = make_rules(seat_order=order, seed=seed)
        allocation = allocate(rooms, candidates, rules)
        assert {s.seat_no for s in allocation.seats if s.candidate_id < 9} in apart
        assert allocation.neighbour_pairs == 0


# --- rule 4: the seed decides everything ------------------------------------------------------


def test_same_inputs_and_seed_give_the_same_plan_in_any_input_order() -> None:
    rooms = make_rooms(*[(6, 5)] * 6)
    candidates = (make_people(ASSISTANT, 70, 1, work_unit="A")[:9]
                  + make_people(ASSISTANT, 70, 1)[9:] + make_people(SOCIAL, 60, 101))
    first = allocate(rooms, candidates, make_rules())
    shuffled = list(candidates)
    random.Random(5).shuffle(shuffled)
    assert allocate(rooms, shuffled, make_rules()) == first
    other = allocate(rooms, candidates, make_rules(seed=2024))
    assert other != first
    assert {s.candidate_id for s in other.seats} == {s.candidate_id for s in first.seats}


# --- rule 5: colleagues do not sit beside each other ------------------------------------------


def unit_exam(total: int, big: int, seed: int) -> list[PlanCandidate]:
    """``big`` candidates of one unit, 8% in units of 2-6, the rest without a unit."""
    rnd = random.Random(seed)
    units = ["市民政局"] * big
    while len(units) < big + total * 8 // 100:
        units += [f"单位{len(units)}"] * rnd.randint(2, 6)
    units = units[:big + total * 8 // 100]
    units += [""] * (total - len(units))
    rnd.shuffle(units)
    return [PlanCandidate(id=i + 1, level=ASSISTANT, work_unit=unit)
            for i, unit in enumerate(units)]


def plain_shuffle(allocation: Allocation, seed: int) -> list[Seat]:
    """The same people in the same rooms, in a plain seeded shuffle of the seats."""
    rnd = random.Random(seed)
    shuffled = []
    for seats in seats_by_room(allocation).values():
        people = [s.candidate_id for s in seats]
        rnd.shuffle(people)
        shuffled += [replace(s, candidate_id=c) for s, c in zip(seats, people, strict=True)]
    return shuffled


@pytest.mark.parametrize("order, corner", [(SeatOrder.ROWS, Corner.FRONT_LEFT),
                                           (SeatOrder.SNAKE, Corner.BACK_RIGHT)])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_unit_of_27_percent_still_sits_apart(order: SeatOrder, corner: Corner,
                                               seed: int) -> None:
    rooms = make_rooms(*[(6, 5)] * 12)
    candidates = unit_exam(300, 81, seed)
    rules = make_rules(levels=(ASSISTANT,), seat_order=order, corner=corner, seed=seed)
    allocation = allocate(rooms, candidates, rules)
    assert_valid(allocation, rooms, candidates, rules)
    assert allocation.neighbour_pairs == 0
    assert same_unit_pairs(plain_shuffle(allocation, seed), rooms, candidates, rules) > 20


def test_units_are_dealt_across_the_levels_rooms() -> None:
    rooms = make_rooms(*[(6, 5)] * 10)
    candidates = unit_exam(300, 81, 4)
    allocation = allocate(rooms, candidates, make_rules(levels=(ASSISTANT,)))
    unit = {c.id: c.work_unit for c in candidates}
    per_room = Counter(s.room_id for s in allocation.seats if unit[s.candidate_id] == "市民政局")
    assert sorted(per_room.values()) == [8] * 9 + [9]


def test_where_the_room_cannot_space_them_the_pairs_are_counted() -> None:
    rooms = make_rooms((1, 3))
    candidates = make_people(ASSISTANT, 3, 1, work_unit="民政局")
    allocation = allocate(rooms, candidates, make_rules())
    assert allocation.neighbour_pairs == 2  # seats 1-2 and 2-3


def test_the_swap_repair_undoes_what_the_seat_by_seat_pass_leaves() -> None:
    # A . A / B . B is the only way; for some shuffles the first pass paints itself into
    # a corner and a swap inside the room has to finish the job
    rooms = make_rooms((2, 3))
    candidates = (make_people(ASSISTANT, 2, 1, work_unit="民政局")
                  + make_people(ASSISTANT, 2, 3, work_unit="团委") + make_people(ASSISTANT, 2, 5))
    for seed in range(40):
        assert allocate(rooms, candidates, make_rules(seed=seed)).neighbour_pairs == 0


def test_a_part_filled_room_spreads_colleagues_onto_its_free_seats() -> None:
    rooms = make_rooms((1, 5))
    candidates = make_people(ASSISTANT, 3, 1, work_unit="民政局")
    allocation = allocate(rooms, candidates, make_rules())
    assert [s.seat_no for s in allocation.seats] == [1, 3, 5]
    assert allocation.neighbour_pairs == 0


def test_same_unit_pairs_counts_diagonal_neighbours_once() -> None:
    rooms = make_rooms((2, 2))
    candidates = make_people(ASSISTANT, 2, 1, work_unit="民政局") + make_people(ASSISTANT, 2, 9)
    diagonal = [Seat(1, 1, 1, ""), Seat(9, 1, 2, ""), Seat(10, 1, 3, ""), Seat(2, 1, 4, "")]
    assert same_unit_pairs(diagonal, rooms, candidates, make_rules()) == 1
    assert same_unit_pairs(diagonal[:2], rooms, candidates, make_rules()) == 0


# --- rule 6: accessible rooms ------------------------------------------------------------------


def test_accessible_rooms_are_reserved_for_each_level_in_room_order() -> None:
    rooms = make_rooms(*[(6, 5)] * 3) + make_rooms((6, 5), (2, 2), first_id=4, accessible=True)
    candidates = (make_people(ASSISTANT, 39, 1) + make_people(ASSISTANT, 1, 50,
                                                              needs_accessible=True)
                  + make_people(SOCIAL, 29, 101) + make_people(SOCIAL, 1, 150,
                                                               needs_accessible=True))
    rules = make_rules()
    allocation = allocate(rooms, candidates, rules)
    assert_valid(allocation, rooms, candidates, rules)
    room_of = {s.candidate_id: s.room_id for s in allocation.seats}
    assert room_of[50] == 4 and room_of[150] == 5
    assert levels_by_room(allocation, candidates) == {
        1: {ASSISTANT}, 2: {ASSISTANT}, 3: {SOCIAL}, 4: {ASSISTANT}, 5: {SOCIAL}}


def test_missing_accessible_seats_are_counted_per_level() -> None:
    rooms = make_rooms((6, 5), (6, 5)) + make_rooms((1, 2), first_id=3, accessible=True)
    candidates = (make_people(ASSISTANT, 3, 1, needs_accessible=True)
                  + make_people(SOCIAL, 4, 101, needs_accessible=True))
    with pytest.raises(AllocationImpossible) as caught:
        allocate(rooms, candidates, make_rules())
    assert [(i.code, i.message, i.fix) for i in caught.value.issues] == [
        ("accessible-seats-missing", "助理社会工作师 needs 1 more accessible seats",
         "mark another room of at least 1 seats accessible"),
        ("accessible-seats-missing", "社会工作师 needs 4 more accessible seats",
         "mark another room of at least 4 seats accessible")]


# --- rule 7: spare and locked rooms ------------------------------------------------------------


def test_spare_rooms_stay_empty_wherever_they_are() -> None:
    rooms = make_rooms((6, 5), spare=True) + make_rooms((6, 5), (6, 5), first_id=2)
    candidates = make_people(ASSISTANT, 40, 1)
    allocation = allocate(rooms, candidates, make_rules())
    assert {s.room_id for s in allocation.seats} == {2, 3}


def test_locked_rooms_keep_their_people_and_take_nobody_new() -> None:
    rooms = make_rooms((6, 5), locked=True) + make_rooms((6, 5), (6, 5), first_id=2)
    rooms += make_rooms((6, 5), first_id=4, locked=True)  # locked and empty: stays empty
    candidates = make_people(ASSISTANT, 40, 1)
    rules = make_rules()
    kept = [Seat(c.id, 1, 2 * i + 1, f"kept-{c.id}") for i, c in enumerate(candidates[:10])]
    allocation = allocate(rooms, candidates, rules, keep=kept)
    assert_valid(allocation, rooms, candidates, rules, keep=kept)
    assert seats_by_room(allocation)[1] == kept  # unchanged, gaps and all
    assert {s.room_id for s in allocation.seats} == {1, 2}


# --- rule 8: a level's last 1-3 candidates join its other rooms --------------------------------


def tail_exam(others: int) -> tuple[list[PlanRoom], list[PlanCandidate]]:
    """An accessible room reserved for two candidates, then rooms for the others."""
    rooms = make_rooms((6, 5), accessible=True) + make_rooms(*[(6, 5)] * 3, first_id=2)
    candidates = (make_people(ASSISTANT, 2, 1, needs_accessible=True)
                  + make_people(ASSISTANT, others, 10) + make_people(SOCIAL, 10, 101))
    return rooms, candidates


def test_a_tail_of_one_is_merged_into_the_levels_free_seats() -> None:
    rooms, candidates = tail_exam(31)
    rules = make_rules()
    allocation = allocate(rooms, candidates, rules)
    assert_valid(allocation, rooms, candidates, rules)
    counts = {room_id: len(seats) for room_id, seats in seats_by_room(allocation).items()}
    assert counts == {1: 3, 2: 30, 3: 10}  # room 3 goes to the next level instead
    assert levels_by_room(allocation, candidates)[3] == {SOCIAL}
    assert allocation.merged_tails == (
        "1 助理社会工作师 candidates of 01/01003 merged into the level's other rooms",)
    assert allocation.rooms_used == 3


def test_a_tail_above_the_setting_keeps_its_room() -> None:
    rooms, candidates = tail_exam(34)
    allocation = allocate(rooms, candidates, make_rules())
    counts = {room_id: len(seats) for room_id, seats in seats_by_room(allocation).items()}
    assert counts == {1: 2, 2: 30, 3: 4, 4: 10} and allocation.merged_tails == ()
    merged = allocate(rooms, candidates, make_rules(merge_tail=4))
    assert {r: len(s) for r, s in seats_by_room(merged).items()} == {1: 6, 2: 30, 3: 10}
    never = allocate(*tail_exam(31), make_rules(merge_tail=0))
    assert never.merged_tails == () and never.rooms_used == 4


# --- rule 9: ticket numbers --------------------------------------------------------------------


def test_every_ticket_follows_the_pattern() -> None:
    rooms = make_rooms((6, 5), (6, 5)) + make_rooms((6, 5), center="02", first_id=3,
                                                    first_number=1)
    candidates = make_people(ASSISTANT, 50, 1) + make_people(SOCIAL, 20, 101)
    rules = make_rules()
    allocation = allocate(rooms, candidates, rules)
    room = {r.id: r for r in rooms}
    level = {c.id: c.level for c in candidates}
    assert [s.ticket_no for s in allocation.seats] == [
        rules.ticket(room[s.room_id], s.seat_no, level[s.candidate_id])
        for s in allocation.seats]
    assert allocation.seats[0].ticket_no == "1010101"
    assert allocation.seats[-1].ticket_no == "2020120"


def test_a_retired_ticket_is_never_issued_again() -> None:
    rooms = make_rooms((1, 3), (1, 3))
    candidates = make_people(ASSISTANT, 3, 1)
    rules = make_rules(retired_tickets=frozenset({"1010101", "1010103"}))
    allocation = allocate(rooms, candidates, rules)
    assert [(s.room_id, s.seat_no) for s in allocation.seats] == [(1, 2), (2, 1), (2, 2)]
    assert not {s.ticket_no for s in allocation.seats} & rules.retired_tickets


def test_a_pattern_without_the_center_makes_two_centers_collide() -> None:
    rooms = make_rooms((1, 3)) + make_rooms((1, 3), center="02", first_id=2, first_number=1)
    candidates = make_people(ASSISTANT, 5, 1)
    pattern = TicketPattern.from_setting([{"field": "room", "width": 2},
                                          {"field": "seat", "width": 2}])
    with pytest.raises(AllocationImpossible) as caught:
        allocate(rooms, candidates, make_rules(pattern=pattern))
    assert [str(issue) for issue in caught.value.issues] == [
        f"01/01001 seat 0{n} and 02/02001 seat 0{n} would both have the ticket number 010{n}: "
        "add the center field to the ticket pattern, or number rooms across the exam with "
        "the exam_room field" for n in (1, 2)]
    assert str(caught.value).count("\n") == 1 and caught.value.exit_status == 1


@pytest.mark.parametrize("setting, says", [
    ([{"field": "room", "width": 1}, {"field": "seat", "width": 2}],
     "The ticket number's room field has 1 digits, but 10 needs 2: widen the room field of "
     "the exam's ticket pattern to 2 digits"),
    ([{"field": "room", "width": 2}, {"field": "seat", "width": 1}],
     "The ticket number's seat field has 1 digits, but 10 needs 2: widen the seat field of "
     "the exam's ticket pattern to 2 digits"),
])
def test_a_pattern_too_narrow_is_explained(setting: list[dict[str, Any]], says: str) -> None:
    rooms = make_rooms(*[(2, 5)] * 10)
    candidates = make_people(ASSISTANT, 91, 1)
    with pytest.raises(AllocationImpossible) as caught:
        allocate(rooms, candidates, make_rules(pattern=TicketPattern.from_setting(setting)))
    assert str(caught.value) == says


# --- rule 10: kept seats -----------------------------------------------------------------------


def test_new_candidates_fill_their_levels_rooms_and_never_another_levels() -> None:
    rooms = make_rooms(*[(6, 5)] * 3)
    first = make_people(ASSISTANT, 25, 1) + make_people(SOCIAL, 10, 101)
    rules = make_rules()
    before = allocate(rooms, first, rules)
    late = make_people(ASSISTANT, 3, 51) + make_people(SOCIAL, 25, 151)
    candidates = first[1:] + late  # candidate 1 withdrew: the kept seat list still names them
    allocation = allocate(rooms, candidates, rules, keep=before.seats)
    assert_valid(allocation, rooms, candidates, rules, keep=before.seats)
    kept = {s for s in before.seats if s.candidate_id != 1}
    assert kept <= set(allocation.seats)
    room_of = {s.candidate_id: s.room_id for s in allocation.seats}
    assert {room_of[c.id] for c in late[:3]} == {1}
    assert Counter(room_of[c.id] for c in late[3:]) == {2: 20, 3: 5}
    freed = next(s for s in before.seats if s.candidate_id == 1)
    assert (freed.room_id, freed.seat_no) in {(s.room_id, s.seat_no) for s in allocation.seats}


def test_kept_seats_count_for_spacing() -> None:
    rooms = make_rooms((1, 3))
    candidates = make_people(ASSISTANT, 2, 1, work_unit="民政局") + make_people(ASSISTANT, 1, 9)
    keep = [Seat(1, 1, 1, "x")]
    allocation = allocate(rooms, candidates, make_rules(), keep=keep)
    assert {s.candidate_id: s.seat_no for s in allocation.seats} == {1: 1, 9: 2, 2: 3}


@pytest.mark.parametrize("keep, code", [
    ([Seat(1, 1, 1, "a"), Seat(2, 1, 1, "b")], "seat-twice"),
    ([Seat(1, 1, 1, "a"), Seat(1, 1, 2, "b")], "keep-twice"),
    ([Seat(1, 1, 31, "a")], "keep-no-such-seat"),
    ([Seat(1, 9, 1, "a")], "keep-unknown-room"),
    ([Seat(1, 2, 1, "a")], "keep-in-spare-room"),
    ([Seat(1, 1, 1, "a"), Seat(101, 1, 2, "b")], "room-two-levels"),
])
def test_kept_seats_that_break_the_rules_are_refused(keep: list[Seat], code: str) -> None:
    rooms = make_rooms((6, 5)) + make_rooms((6, 5), first_id=2, spare=True)
    rooms += make_rooms((6, 5), first_id=3)
    candidates = make_people(ASSISTANT, 2, 1) + make_people(SOCIAL, 1, 101)
    with pytest.raises(AllocationImpossible) as caught:
        allocate(rooms, candidates, make_rules(), keep=keep)
    assert [issue.code for issue in caught.value.issues] == [code]
    assert capacity_issues(rooms, candidates, make_rules(), keep) == caught.value.issues


# --- rule 11: capacity, before anyone is seated ------------------------------------------------


def test_a_level_without_enough_seats_is_explained_with_numbers() -> None:
    rooms = make_rooms(*[(6, 5)] * 3)
    candidates = make_people(ASSISTANT, 40, 1) + make_people(SOCIAL, 42, 101)
    calls: list[tuple[int, int, str]] = []
    with pytest.raises(AllocationImpossible) as caught:
        allocate(rooms, candidates, make_rules(), progress=lambda *a: calls.append(a))
    assert str(caught.value) == (
        "12 社会工作师 candidates have no seat: the exam's 20 other free seats are in rooms of "
        "other levels: add a room of at least 12 seats")
    assert calls == []  # nobody was seated
    assert capacity_issues(rooms, candidates, make_rules()) == caught.value.issues
    assert capacity_issues(rooms, candidates[:70], make_rules()) == ()


def test_a_short_district_is_told_where_seats_are_free() -> None:
    rooms = (make_rooms((6, 5), center="01", district="周口")
             + make_rooms((6, 5), (6, 5), center="02", district="商丘", first_id=2,
                          first_number=1))
    candidates = (make_people(SOCIAL, 42, 1, district="周口")
                  + make_people(SOCIAL, 10, 101, district="商丘"))
    issues = capacity_issues(rooms, candidates, make_rules(by_district=True))
    assert [str(issue) for issue in issues] == [
        "District 周口 needs 12 more 社会工作师 seats: add a room of at least 12 seats in "
        "district 周口, or move 12 candidates to district 商丘, which has 50 free seats"]
    more = make_people(SOCIAL, 45, 201, district="商丘")
    issues = capacity_issues(rooms, candidates + more, make_rules(by_district=True))
    assert [str(issue) for issue in issues] == [
        "District 周口 needs 12 more 社会工作师 seats: move 5 candidates to district 商丘, "
        "which has 5 free seats, and add rooms for the other 7 in district 周口"]


def test_an_unknown_level_is_refused() -> None:
    candidates = make_people("9", 2, 1)
    issues = capacity_issues(make_rooms((6, 5)), candidates, make_rules())
    assert [issue.code for issue in issues] == ["unknown-level"]
    assert "2 candidates have the level 9" in issues[0].message


# --- rule 12: progress and cancelling ----------------------------------------------------------


def test_progress_reaches_the_total_and_names_the_level() -> None:
    rooms = make_rooms(*[(6, 5)] * 4)
    candidates = make_people(ASSISTANT, 45, 1) + make_people(SOCIAL, 40, 101)
    calls: list[tuple[int, int, str]] = []
    allocate(rooms, candidates, make_rules(), progress=lambda *a: calls.append(a))
    assert calls == [(2, 4, "Seating 助理社会工作师 candidates"),
                     (4, 4, "Seating 社会工作师 candidates")]


def test_cancelling_between_levels_stops_the_run() -> None:
    rooms = make_rooms(*[(6, 5)] * 4)
    candidates = make_people(ASSISTANT, 45, 1) + make_people(SOCIAL, 40, 101)
    calls: list[tuple[int, int, str]] = []
    with pytest.raises(OperationCancelled):
        allocate(rooms, candidates, make_rules(), progress=lambda *a: calls.append(a),
                 cancelled=lambda: bool(calls))
    assert len(calls) == 1


# --- properties over small generated exams -----------------------------------------------------

PROPERTY = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(exams())
def test_any_small_exam_is_seated_by_the_rules_or_refused_with_reasons(
        exam: tuple[list[PlanRoom], list[PlanCandidate], Rules]) -> None:
    rooms, candidates, rules = exam
    issues = capacity_issues(rooms, candidates, rules)
    try:
        allocation = allocate(rooms, candidates, rules)
    except AllocationImpossible as refused:
        event("refused")
        assert refused.issues == issues and issues
        assert {i.code for i in issues} <= {"seats-missing", "accessible-seats-missing"}
        assert all(i.message and i.fix for i in issues)
        assert not surely_fits(rooms, candidates, rules)
        return
    event("seated")
    event(f"merged tails: {len(allocation.merged_tails)}")
    assert issues == ()
    assert not surely_short(rooms, candidates, rules)
    assert_valid(allocation, rooms, candidates, rules)
    reordered = list(reversed(candidates))
    assert allocate(rooms, reordered, rules) == allocation
    # each level leaves at most one part-filled room (accessible rooms aside)
    level = {c.id: c.level for c in candidates}
    room = {r.id: r for r in rooms}
    part_filled = Counter(
        (room[room_id].district if rules.by_district else "", level[seats[0].candidate_id])
        for room_id, seats in seats_by_room(allocation).items()
        if len(seats) < room[room_id].grid.capacity and not room[room_id].accessible)
    assert all(n == 1 for n in part_filled.values())


@PROPERTY
@given(exams(), st.data())
def test_a_rerun_keeps_every_kept_seat(
        exam: tuple[list[PlanRoom], list[PlanCandidate], Rules], data: st.DataObject) -> None:
    rooms, candidates, rules = exam
    try:
        before = allocate(rooms, candidates, rules)
    except AllocationImpossible:
        assume(False)
        return
    keep = data.draw(st.lists(st.sampled_from(before.seats), unique=True)
                     if before.seats else st.just([]))
    locked = {r.id for r in rooms if data.draw(st.booleans())}
    keep += [s for s in before.seats if s.room_id in locked and s not in keep]
    rooms = [replace(r, locked=r.id in locked) for r in rooms]
    rules = replace(rules, seed=rules.seed + 1)
    try:
        after = allocate(rooms, candidates, rules, keep=keep)
    except AllocationImpossible as refused:
        event("rerun refused")
        assert {i.code for i in refused.issues} <= {"seats-missing",
                                                     "accessible-seats-missing"}
        return
    event("rerun seated")
    assert_valid(after, rooms, candidates, rules, keep=keep)
    assert set(keep) <= set(after.seats)
    for room_id in locked:
        assert [s for s in after.seats if s.room_id == room_id] == [
            s for s in before.seats if s.room_id == room_id]
