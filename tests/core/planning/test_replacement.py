"""Replacing a person on duty offers the eligible first and names the rule excluding the rest."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from examdesk.enums import Gender, StaffRole
from examdesk.errors import PlanProblem
from examdesk.planning.duty_plan import Duty, DutyKind, DutyRoom, DutyStaff, RosterSettings
from examdesk.planning.replacement import Option, replacement_options

CENTER, OTHER_CENTER = 1, 2
MORNING, AFTERNOON, EVENING = 10, 11, 12
INVIGILATOR = frozenset({StaffRole.INVIGILATOR})
DEFAULTS = RosterSettings()  # at most 2 sessions, own center only

ROOMS = [
    DutyRoom(1, CENTER, "01/01001", floor="A 1", units=frozenset({"一中"}),
             candidate_ids=frozenset({"ID-IN-ROOM-1"})),
    DutyRoom(2, CENTER, "01/01002", floor="A 1", units=frozenset({"二中"}),
             candidate_ids=frozenset({"ID-IN-ROOM-2"})),
    DutyRoom(3, CENTER, "01/01003", floor="A 2"),
]

ILL = DutyStaff(1, "病人", Gender.MALE, work_unit="三中", home_center_id=CENTER,
                roles=INVIGILATOR)
PARTNER = DutyStaff(2, "搭档", Gender.FEMALE, work_unit="四中", home_center_id=CENTER,
                    roles=INVIGILATOR)
ROOM_DUTY = Duty(ILL.id, MORNING, CENTER, DutyKind.ROOM, StaffRole.INVIGILATOR, room_id=1,
                 is_lead=True)
PARTNER_DUTY = Duty(PARTNER.id, MORNING, CENTER, DutyKind.ROOM, StaffRole.INVIGILATOR,
                    room_id=1)


def person(person_id: int, label: str, **fields: Any) -> DutyStaff:
    """An invigilator of the center with a unit of their own, changed by ``fields``."""
    plain = DutyStaff(person_id, label, Gender.MALE, work_unit=f"unit{person_id}",
                      home_center_id=CENTER, roles=INVIGILATOR)
    return replace(plain, **fields)


def options(candidates: Sequence[DutyStaff], other_duties: Sequence[Duty] = (),
            duty: Duty = ROOM_DUTY, settings: RosterSettings = DEFAULTS,
            ) -> tuple[Option, ...]:
    """The options for replacing ``duty`` (the ill lead of room 1, by default)."""
    duties = [ROOM_DUTY, PARTNER_DUTY, *other_duties]
    return replacement_options(duty, duties, [ILL, PARTNER, *candidates], ROOMS, settings)


def reason_of(found: tuple[Option, ...], person_id: int) -> str | None:
    return next(o.reason for o in found if o.staff.id == person_id)


def test_the_ill_person_is_not_offered_and_the_eligible_come_first() -> None:
    free = person(10, "乙")
    busy_once = person(11, "甲")
    candidate = person(12, "丙", is_candidate=True)
    found = options([candidate, busy_once, free],
                    [Duty(11, AFTERNOON, CENTER, DutyKind.ROOM, StaffRole.INVIGILATOR,
                          room_id=2)])
    assert [o.staff.id for o in found] == [10, 11, 2, 12]
    assert [o.reason is None for o in found] == [True, True, False, False]
    assert ILL.id not in {o.staff.id for o in found}


def test_eligible_sort_by_sessions_worked_then_label() -> None:
    a, b, c = person(20, "B"), person(21, "A"), person(22, "C")
    found = options([a, b, c], [
        Duty(22, AFTERNOON, CENTER, DutyKind.ROOM, StaffRole.INVIGILATOR, room_id=3)])
    assert [o.staff.label for o in found if o.eligible] == ["A", "B", "C"]


def test_a_reserve_of_the_center_and_session_comes_first() -> None:
    reserve = person(30, "Z")
    other = person(31, "A")
    found = options([other, reserve], [
        Duty(30, MORNING, CENTER, DutyKind.RESERVE, StaffRole.INVIGILATOR)])
    assert [o.staff.id for o in found if o.eligible] == [30, 31]


def test_already_on_duty_in_the_session() -> None:
    found = options([person(40, "在岗")], [
        Duty(40, MORNING, CENTER, DutyKind.ROOM, StaffRole.INVIGILATOR, room_id=3)])
    assert reason_of(found, 40) == "already invigilates 01/01003 in this session"


def test_a_reserve_at_another_center_is_busy() -> None:
    found = options([person(41, "备")], [
        Duty(41, MORNING, OTHER_CENTER, DutyKind.RESERVE, StaffRole.INVIGILATOR)])
    assert reason_of(found, 41) == "is already a reserve at another test center in this session"


def test_a_relative_in_the_room() -> None:
    found = options([person(50, "亲属", relatives=frozenset({"ID-IN-ROOM-1"}))])
    assert reason_of(found, 50) == "a relative sits in this room"


def test_own_units_candidates_in_the_room() -> None:
    found = options([person(51, "本单位", work_unit="一中")])
    assert reason_of(found, 51) == "candidates of their own work unit (一中) sit in this room"


def test_same_unit_as_the_other_invigilator() -> None:
    found = options([person(52, "同单位", work_unit="四中")])
    assert reason_of(found, 52) == "same work unit (四中) as 搭档, the room's other invigilator"


def test_at_the_session_cap() -> None:
    capped = person(60, "满")
    duties = [Duty(60, s, CENTER, DutyKind.ROOM, StaffRole.INVIGILATOR, room_id=3)
              for s in (AFTERNOON, EVENING)]
    assert reason_of(options([capped], duties), 60) == (
        "already works 2 sessions, the most allowed")
    # a higher cap lets them in
    assert reason_of(options([capped], duties, settings=RosterSettings(max_sessions=3)),
                     60) is None


def test_another_centers_staff_only_when_allowed() -> None:
    away = person(70, "外", home_center_id=OTHER_CENTER)
    homeless = person(71, "无", home_center_id=None)
    found = options([away, homeless])
    assert reason_of(found, 70) == "belongs to another test center"
    assert reason_of(found, 71) is None
    assert reason_of(options([away], settings=RosterSettings(cross_center=True)), 70) is None


def test_sits_the_exam() -> None:
    found = options([person(80, "考生", is_candidate=True, relatives=frozenset({"x"}))])
    assert reason_of(found, 80) == "sits the exam"


def test_lacks_the_role() -> None:
    found = options([person(81, "志愿者", roles=frozenset({StaffRole.VOLUNTEER}))])
    assert reason_of(found, 81) == "lacks the role 监考员"


def test_roving_takes_roving_or_plain_invigilators_and_checks_the_floor() -> None:
    roving = Duty(ILL.id, MORNING, CENTER, DutyKind.ROVING, StaffRole.ROVING_INVIGILATOR,
                  floor="A 1")
    rover = person(90, "流", roles=frozenset({StaffRole.ROVING_INVIGILATOR}))
    plain = person(91, "监")
    related = person(92, "亲", relatives=frozenset({"ID-IN-ROOM-2"}))
    inspector = person(93, "巡", roles=frozenset({StaffRole.INSPECTOR}))
    found = options([rover, plain, related, inspector], duty=roving)
    assert reason_of(found, 90) is None
    assert reason_of(found, 91) is None
    assert reason_of(found, 92) == "on this floor, 01/01002: a relative sits in this room"
    assert reason_of(found, 93) == "lacks the role 监考员/流动监考"


def test_post_duties_do_not_cap_post_staff() -> None:
    post = Duty(ILL.id, MORNING, CENTER, DutyKind.POST, StaffRole.MEDICAL, post_id=5)
    doctor = person(95, "医", roles=frozenset({StaffRole.MEDICAL}))
    worked = [Duty(95, s, CENTER, DutyKind.POST, StaffRole.MEDICAL, post_id=5)
              for s in (AFTERNOON, EVENING)]
    assert reason_of(options([doctor], worked, duty=post), 95) is None
    # an invigilator who could also stand in at the post is capped as usual
    both = replace(doctor, roles=frozenset({StaffRole.MEDICAL, StaffRole.INVIGILATOR}))
    room_duties = [replace(d, kind=DutyKind.ROOM, post_id=None, room_id=3) for d in worked]
    assert reason_of(options([both], room_duties, duty=post), 95) == (
        "already works 2 sessions, the most allowed")


def test_the_excluded_are_listed_nearest_to_eligible_first() -> None:
    found = options([
        person(100, "考生", is_candidate=True),
        person(101, "亲属", relatives=frozenset({"ID-IN-ROOM-1"})),
        person(102, "外", home_center_id=OTHER_CENTER),
        person(103, "志愿者", roles=frozenset({StaffRole.VOLUNTEER})),
    ])
    assert [o.staff.id for o in found if not o.eligible] == [102, 2, 101, 103, 100]


def test_a_room_duty_in_an_unknown_room_is_refused() -> None:
    with pytest.raises(PlanProblem, match="room 99"):
        options([], duty=replace(ROOM_DUTY, room_id=99))
