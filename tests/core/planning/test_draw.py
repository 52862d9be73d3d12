"""The morning draw moves whole teams onto rooms, reproducibly, never against the 回避 rules."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from examdesk.enums import Gender, StaffRole
from examdesk.errors import PlanProblem
from examdesk.planning.draw import MAX_SHUFFLES, DrawResult, draw_rooms
from examdesk.planning.duty_plan import Duty, DutyKind, DutyRoom, DutyStaff

CENTER, SESSION = 1, 7


def make_rooms(count: int) -> list[DutyRoom]:
    """Rooms 1..count; room r seats candidate ``c{r}`` from unit ``unit{r}``."""
    return [DutyRoom(r, CENTER, f"01/0100{r}", units=frozenset({f"unit{r}"}),
                     candidate_ids=frozenset({f"c{r}"})) for r in range(1, count + 1)]


def make_roster(count: int, relatives: dict[int, set[str]] | None = None,
                units: dict[int, str] | None = None,
                ) -> tuple[list[Duty], list[DutyStaff]]:
    """Room r's team: lead 100+r and second 200+r; ``relatives``/``units`` by staff id."""
    relatives = relatives or {}
    units = units or {}
    staff, duties = [], []
    for r in range(1, count + 1):
        for person_id, lead in ((100 + r, True), (200 + r, False)):
            staff.append(DutyStaff(
                person_id, f"P{person_id}", Gender.MALE if lead else Gender.FEMALE,
                work_unit=units.get(person_id, f"staff-unit{person_id}"),
                home_center_id=CENTER, roles=frozenset({StaffRole.INVIGILATOR}),
                relatives=frozenset(relatives.get(person_id, set())),
            ))
            duties.append(Duty(person_id, SESSION, CENTER, DutyKind.ROOM,
                               StaffRole.INVIGILATOR, room_id=r, is_lead=lead))
    return duties, staff


def rooms_of(result: DrawResult) -> dict[int, int]:
    """Lead's staff id -> drawn room."""
    return {d.staff_id: d.room_id for d in result.duties if d.is_lead and d.room_id}


def assert_teams_kept(result: DrawResult, duties: Sequence[Duty]) -> None:
    by_room: dict[int | None, set[tuple[int, bool]]] = {}
    for d in result.duties:
        by_room.setdefault(d.room_id, set()).add((d.staff_id, d.is_lead))
    before: dict[int | None, set[tuple[int, bool]]] = {}
    for d in duties:
        before.setdefault(d.room_id, set()).add((d.staff_id, d.is_lead))
    assert sorted(map(sorted, by_room.values())) == sorted(map(sorted, before.values()))
    assert set(by_room) == set(before)  # the same rooms, each with one team


def test_the_same_seed_gives_the_same_draw_whatever_the_input_order() -> None:
    duties, staff = make_roster(8)
    rooms = make_rooms(8)
    first = draw_rooms(duties, rooms, staff, seed=42)
    again = draw_rooms(list(reversed(duties)), list(reversed(rooms)), staff[::-1], seed=42)
    assert first == again
    assert first.seed == 42
    assert first.attempts == 1  # no 回避 here: the first shuffle is valid
    assert_teams_kept(first, duties)
    assert len(first.duties) == 16
    assert all(d.kind is DutyKind.ROOM and d.session_id == SESSION for d in first.duties)


def test_different_seeds_draw_different_rooms() -> None:
    duties, staff = make_roster(8)
    rooms = make_rooms(8)
    draws = {tuple(sorted(rooms_of(draw_rooms(duties, rooms, staff, seed)).items()))
             for seed in range(10)}
    assert len(draws) >= 8  # 8! orders: ten seeds nearly always differ
    identity = tuple((100 + r, r) for r in range(1, 9))
    assert draws != {identity}


def test_a_relative_in_a_room_keeps_the_team_out_of_it() -> None:
    # the lead of room 1's team has a relative in room 2, the second of room 3's team works
    # at the unit whose candidates sit in room 1
    duties, staff = make_roster(3, relatives={101: {"c2"}}, units={203: "unit1"})
    rooms = make_rooms(3)
    for seed in range(30):
        drawn = rooms_of(draw_rooms(duties, rooms, staff, seed))
        assert drawn[101] != 2
        assert drawn[103] != 1


def test_conflicts_that_leave_one_valid_draw_get_it_by_repair() -> None:
    # team r is barred from every room before r: only room r is left for it in the end
    n = 8
    relatives = {100 + r: {f"c{k}" for k in range(1, r)} for r in range(1, n + 1)}
    duties, staff = make_roster(n, relatives=relatives)
    for seed in range(5):
        result = draw_rooms(duties, make_rooms(n), staff, seed)
        assert rooms_of(result) == {100 + r: r for r in range(1, n + 1)}
        # 1 shuffle in 8! is the identity: the shuffles fail and matching repairs the last
        assert result.attempts == MAX_SHUFFLES + 1
        assert_teams_kept(result, duties)


def test_a_locked_team_keeps_its_room() -> None:
    duties, staff = make_roster(6)
    duties = [Duty(d.staff_id, d.session_id, d.center_id, d.kind, d.role, room_id=d.room_id,
                   is_lead=d.is_lead, locked=d.room_id == 4) for d in duties]
    for seed in range(10):
        result = draw_rooms(duties, make_rooms(6), staff, seed)
        assert rooms_of(result)[104] == 4
        assert {d.room_id for d in result.duties if d.staff_id == 204} == {4}


def test_a_team_barred_from_every_room_is_named_with_the_reasons() -> None:
    duties, staff = make_roster(2, relatives={102: {"c1"}}, units={202: "unit2"})
    with pytest.raises(PlanProblem) as raised:
        draw_rooms(duties, make_rooms(2), staff, seed=0)
    text = str(raised.value)
    assert "the team of 01/01002 (P102*, P202)" in text
    assert "01/01001: P102, a relative sits in this room" in text
    assert "01/01002: P202, candidates of their own work unit (unit2) sit in this room" in text


def test_two_teams_fighting_over_one_room_are_named() -> None:
    # teams 1 and 2 may both only take room 3
    duties, staff = make_roster(3, relatives={101: {"c1", "c2"}, 102: {"c1", "c2"}})
    with pytest.raises(PlanProblem) as raised:
        draw_rooms(duties, make_rooms(3), staff, seed=0)
    text = str(raised.value)
    assert "may only take 01/01003, one room fewer than there are teams" in text
    assert "the team of 01/01001 (P101*, P201)" in text
    assert "the team of 01/01002 (P102*, P202)" in text
    assert "01/01001: P102, a relative sits in this room" in text


def test_duties_of_two_sessions_are_refused() -> None:
    duties, staff = make_roster(2)
    other = Duty(201, SESSION + 1, CENTER, DutyKind.ROOM, StaffRole.INVIGILATOR, room_id=2)
    with pytest.raises(PlanProblem, match="one test center in one session"):
        draw_rooms([*duties[:3], other], make_rooms(2), staff, seed=0)


def test_nothing_to_draw_is_an_empty_draw() -> None:
    assert draw_rooms([], make_rooms(2), [], seed=3) == DrawResult(3, (), 0)
