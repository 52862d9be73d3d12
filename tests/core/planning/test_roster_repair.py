"""A repair re-rosters only the rooms whose duties broke, and keeps every other duty."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from examdesk.enums import StaffRole
from examdesk.planning.duty_plan import Duty, DutyKind, DutyRoom
from examdesk.planning.remedies import REPAIRABLE
from examdesk.planning.roster import HARD_RULE_CODES, roster_issues
from examdesk.planning.roster_repair import Repair, repair_roster
from tests.core.planning.roster_cases import (
    PM,
    UNITS,
    Exam,
    F,
    M,
    hard_breaks,
    room_duty,
    small_exams,
)


def three_rooms(people: int = 10) -> Exam:
    """One center, three rooms on two floors, a morning and an afternoon, staff to spare."""
    exam = Exam()
    exam.center(1)
    exam.room(1, "A 1", candidates={"ID1"})
    exam.room(1, "A 1", candidates={"ID2"})
    exam.room(1, "A 2", candidates={"ID3"})
    exam.session("上午")
    exam.session("下午", start=PM)
    exam.people(1, people)
    return exam.with_settings(reserve_ratio=0, max_sessions=2, seed=3)


def repair(exam: Exam, duties: list[Duty] | tuple[Duty, ...], **options: object) -> Repair:
    return repair_roster(*exam.args(), duties, **options)  # type: ignore[arg-type]


def rooms_of(duties: tuple[Duty, ...] | list[Duty]) -> set[tuple[int, int | None]]:
    return {(d.session_id, d.room_id) for d in duties if d.kind is DutyKind.ROOM}


def with_room(exam: Exam, room: DutyRoom, **changes: object) -> Exam:
    """The exam with ``room`` changed (e.g. other candidates seated in it)."""
    changed = replace(room, **changes)  # type: ignore[arg-type]
    exam.rooms = [changed if r.id == room.id else r for r in exam.rooms]
    return exam


def test_only_the_room_whose_invigilator_now_meets_their_own_unit_is_rerostered() -> None:
    exam = three_rooms()
    roster = exam.make()
    morning, room = exam.sessions[0], exam.rooms[1]
    here = next(d for d in roster.duties if d.session_id == morning.id and d.room_id == room.id
                and not d.is_lead)
    unit = exam.staff[here.staff_id - 1].work_unit
    with_room(exam, room, units=frozenset({unit}))  # a colleague of theirs is seated there now

    result = repair(exam, roster.duties)

    assert result.removed == (here,)
    assert [(d.session_id, d.room_id) for d in result.added] == [(morning.id, room.id)]
    assert result.places == ((morning.id, room.id),)
    assert set(roster.duties) - {here} <= set(result.duties)  # everything else as it was
    assert hard_breaks(exam, result.duties) == []
    assert [i for i in result.issues if i.is_error] == []
    [move] = [m for m in result.moves if m.staff_id == here.staff_id]
    assert (move.before, move.after) == (room.label, "")


def test_a_room_newly_in_use_is_staffed_and_a_room_left_empty_loses_its_duties() -> None:
    exam = three_rooms()
    afternoon = exam.sessions[1]
    exam.sessions[1] = replace(afternoon, room_ids=frozenset({1, 2}))
    roster = exam.make()
    # the candidates of room 2 now sit in room 3 in the afternoon
    exam.sessions[1] = replace(afternoon, room_ids=frozenset({1, 3}))

    result = repair(exam, roster.duties)

    assert rooms_of(result.duties) == {(1, 1), (1, 2), (1, 3), (2, 1), (2, 3)}
    assert rooms_of(result.removed) == {(2, 2)}
    assert rooms_of(result.added) == {(2, 3)}
    assert set(result.places) == {(2, 2), (2, 3)}
    # room 3 is on another floor: the afternoon's new floor gets a rover of its own
    [rover] = [d for d in result.added if d.kind is DutyKind.ROVING]
    assert (rover.session_id, rover.floor) == (2, "A 2")
    assert hard_breaks(exam, result.duties) == []
    assert [i for i in result.issues if i.is_error] == []


def test_a_lead_who_leaves_is_replaced_by_the_one_who_stays_when_nobody_is_free() -> None:
    exam = three_rooms(people=6)  # exactly two per room: nobody free in the morning
    exam.sessions = exam.sessions[:1]
    roster = exam.make()
    room = exam.rooms[0]
    lead = next(d for d in roster.duties if d.room_id == room.id and d.is_lead)
    with_room(exam, room, units=frozenset({exam.staff[lead.staff_id - 1].work_unit}))

    result = repair(exam, roster.duties)

    staying = [d for d in result.duties if d.room_id == room.id]
    assert len(staying) == 1 and staying[0].is_lead and staying[0].staff_id != lead.staff_id
    # (nobody was ever free to rove either)
    assert [i.code for i in result.issues if i.is_error] == ["room-not-staffed",
                                                             "roving-missing"]
    assert hard_breaks(exam, result.duties) == []


def test_reserves_of_the_session_fill_a_room_nobody_else_may_take() -> None:
    exam = three_rooms(people=9)  # 6 in rooms, a rover on each floor, 1 reserve
    exam.sessions = exam.sessions[:1]
    exam.with_settings(reserve_ratio=0.1)
    roster = exam.make()
    [reserve] = [d for d in roster.duties if d.kind is DutyKind.RESERVE]
    room = exam.rooms[2]
    leaving = next(d for d in roster.duties if d.room_id == room.id and not d.is_lead)
    with_room(exam, room, units=frozenset({exam.staff[leaving.staff_id - 1].work_unit}))

    result = repair(exam, roster.duties)

    assert len([d for d in result.duties if d.room_id == room.id]) == 2
    assert any(d.staff_id == reserve.staff_id and d.room_id == room.id for d in result.added)
    assert hard_breaks(exam, result.duties) == []
    # the rooms the reserve did not go to are as they were
    others = [d for d in roster.duties if d.kind is DutyKind.ROOM and d.room_id != room.id]
    assert set(others) <= set(result.duties)


def test_a_reserve_roves_on_a_new_floor_when_nobody_else_is_free() -> None:
    exam = Exam()
    exam.center(1)
    first = exam.room(1, "A 1", candidates={"ID1"})
    second = exam.room(1, "A 1", candidates={"ID2"})
    exam.room(1, "A 2", candidates={"ID3"})
    exam.session("上午", rooms=[first, second])
    exam.people(1, 6)  # 4 in the rooms, the rover of floor A 1, 1 reserve: nobody free
    exam.with_settings(reserve_ratio=0.25, max_sessions=1, seed=3)
    roster = exam.make()
    [reserve] = [d for d in roster.duties if d.kind is DutyKind.RESERVE]
    # the candidates of room 2 now sit in room 3, a floor up: its invigilators follow them,
    # and the new floor needs a rover, whom only the reserve can be
    exam.sessions[0] = replace(exam.sessions[0], room_ids=frozenset({1, 3}))

    result = repair(exam, roster.duties)

    rovers = {d.floor for d in result.duties if d.kind is DutyKind.ROVING}
    assert rovers == {"A 1", "A 2"}
    assert reserve not in result.duties  # the reserve was needed after all
    assert len([d for d in result.duties if d.room_id == 3]) == 2
    assert [i.code for i in result.issues if i.is_error] == []
    assert [i.code for i in result.issues] == ["reserves-short"]
    assert hard_breaks(exam, result.duties) == []


def test_the_problems_a_repair_mends_offer_it_for_their_center() -> None:
    exam = three_rooms()
    roster = exam.make()
    exam.sessions[1] = replace(exam.sessions[1], room_ids=frozenset({1, 2}))
    # room 3 is empty in the afternoon now, and room 1 lost an invigilator in the morning
    missing = [next(d for d in roster.duties if d.session_id == 1 and d.room_id == 1)]
    centers, rooms, sessions, staff, settings = exam.args()
    issues = roster_issues(centers, rooms, sessions, staff,
                           [d for d in roster.duties if d not in missing], settings)
    offered = {i.code: [(r.action, r.field("center")) for r in i.remedies] for i in issues}
    assert offered["room-not-in-use"] == [("repair-roster", "01")]
    assert offered["room-not-staffed"] == [("repair-roster", "01")]
    assert all(("repair-roster", "01") in offered[code]
               for code in offered if code in REPAIRABLE)
    assert all(r.action != "repair-roster" for i in issues if i.code not in REPAIRABLE
               for r in i.remedies)


def test_locked_and_post_duties_are_kept_even_when_they_break_a_rule() -> None:
    exam = three_rooms()
    roster = exam.make()
    room = exam.rooms[0]
    duty = next(d for d in roster.duties if d.room_id == room.id and d.session_id == 1)
    locked = replace(duty, locked=True)
    duties = [locked if d == duty else d for d in roster.duties]
    with_room(exam, room, units=frozenset({exam.staff[duty.staff_id - 1].work_unit}))

    result = repair(exam, duties)

    assert locked in result.duties and result.removed == ()
    assert "conflict-unit" in [i.code for i in result.issues]


def test_a_person_who_is_no_longer_an_invigilator_or_of_the_center_loses_those_duties() -> None:
    exam = three_rooms()
    exam.center(2)
    roster = exam.make()
    first, second = roster.duties[0].staff_id, roster.duties[1].staff_id
    exam.staff[first - 1] = replace(exam.staff[first - 1], roles=frozenset({StaffRole.INSPECTOR}))
    exam.staff[second - 1] = replace(exam.staff[second - 1], home_center_id=2)

    result = repair(exam, roster.duties)

    assert {d.staff_id for d in result.removed} == {first, second}
    assert not [d for d in result.duties if d.staff_id in (first, second)]
    assert hard_breaks(exam, result.duties) == []
    assert [i for i in result.issues if i.is_error] == []


def test_only_the_named_center_is_repaired() -> None:
    exam = three_rooms()
    exam.center(2)
    exam.room(2, "B 1", candidates={"ID9"})
    exam.sessions = [replace(s, room_ids=s.room_ids | {4}) for s in exam.sessions]
    exam.people(2, 6)
    roster = exam.make()
    for room in (exam.rooms[0], exam.rooms[3]):
        units = {exam.staff[d.staff_id - 1].work_unit for d in roster.duties
                 if d.room_id == room.id}
        with_room(exam, room, units=frozenset(units))

    result = repair(exam, roster.duties, only={2})

    assert {d.center_id for d in (*result.removed, *result.added)} == {2}
    assert {i.center for i in result.issues if i.code == "conflict-unit"} == {"01"}


def test_same_unit_partners_and_a_person_twice_at_once_are_repaired() -> None:
    exam = three_rooms()
    exam.sessions = exam.sessions[:1]
    roster = exam.make()
    a, b = [d for d in roster.duties if d.room_id == 1]
    c = next(d for d in roster.duties if d.room_id == 2)
    # a's partner now works where a works; c is also put in room 3 at the same time
    exam.staff[b.staff_id - 1] = replace(exam.staff[b.staff_id - 1],
                                         work_unit=exam.staff[a.staff_id - 1].work_unit)
    twice = room_duty(exam.staff[c.staff_id - 1], exam.sessions[0], exam.rooms[2])
    duties = [d for d in roster.duties if not (d.room_id == 3 and not d.is_lead)] + [twice]
    # (two duties of one person in one session cannot be stored; the check still finds them)

    result = repair(exam, duties)

    assert hard_breaks(exam, result.duties) == []
    assert [i for i in result.issues if i.is_error] == []


@st.composite
def changed_exams(draw: st.DrawFn) -> tuple[Exam, tuple[Duty, ...]]:
    """A generated exam rostered, then changed under its roster: seats, sessions, staff."""
    exam = draw(small_exams())
    duties = exam.make().duties
    for i, room in enumerate(exam.rooms):
        if draw(st.integers(0, 2)) == 0:
            exam.rooms[i] = replace(room, units=frozenset(
                draw(st.sets(st.sampled_from(UNITS[2:]), max_size=2))))
    for i, session in enumerate(exam.sessions):
        if draw(st.integers(0, 2)) == 0:
            exam.sessions[i] = replace(session, room_ids=frozenset(
                r.id for r in draw(st.sets(st.sampled_from(exam.rooms), min_size=1))))
    for i, person in enumerate(exam.staff):
        if draw(st.integers(0, 5)) == 0:
            exam.staff[i] = replace(person, work_unit=draw(st.sampled_from(UNITS)),
                                    gender=draw(st.sampled_from((M, F))))
    return exam, duties


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changed_exams())
def test_generated_repairs_keep_the_rules_and_change_only_the_broken_rooms(
        case: tuple[Exam, tuple[Duty, ...]]) -> None:
    exam, duties = case
    result = repair(exam, duties)
    assert hard_breaks(exam, result.duties) == []
    assert [i.code for i in result.issues if i.code in HARD_RULE_CODES] == []
    # every duty kept is as it was; every new one is in a re-rostered room, a rover for a
    # floor of one, or a reserve for someone the repair moved
    assert set(duties) - set(result.removed) <= set(result.duties)
    places = set(result.places)
    room = {r.id: r for r in exam.rooms}
    floors = {(s, room[r].center_id, room[r].floor) for s, r in places}
    freed = {d.staff_id for d in result.removed}
    for duty in result.added:
        assert ((duty.kind is DutyKind.ROOM and (duty.session_id, duty.room_id) in places)
                or (duty.kind is DutyKind.ROVING
                    and (duty.session_id, duty.center_id, duty.floor) in floors)
                or (duty.kind is DutyKind.RESERVE and duty.staff_id in freed)), duty
    for duty in result.removed:
        assert duty.kind is not DutyKind.ROOM or (duty.session_id, duty.room_id) in places
