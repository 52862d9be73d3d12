"""The plan checks find each kind of problem and say it with the numbers and a fix."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from examdesk.enums import Corner, SeatOrder
from examdesk.model.exam import DEFAULT_TICKET_PATTERN
from examdesk.planning.checks import check_plan
from examdesk.planning.plan import (
    ExamCodes,
    PlanCandidate,
    PlanIssue,
    PlanRoom,
    Rules,
    Seat,
    Severity,
)
from examdesk.planning.seats import Grid
from examdesk.planning.tickets import TicketPattern

#: [center 2][room 2][seat 2]: seat 3 of the second room of center 01 is 010203.
PATTERN = TicketPattern.from_setting([{"field": "center", "width": 2},
                                      {"field": "room", "width": 2},
                                      {"field": "seat", "width": 2}])
ASSISTANT, SOCIAL = "1", "2"
NAMES = {ASSISTANT: "助理社会工作师", SOCIAL: "社会工作师"}


def make_rules(**changes: Any) -> Rules:
    rules = Rules(levels=(ASSISTANT, SOCIAL), level_names=NAMES, seat_order=SeatOrder.ROWS,
                  corner=Corner.FRONT_LEFT, pattern=PATTERN, codes=ExamCodes(2023, "41", "4116"))
    return replace(rules, **changes)


def make_room(room_id: int, center: str, code: str, number: int, **changes: Any) -> PlanRoom:
    district = {"01": "川汇区", "02": "商水县"}[center]
    return replace(PlanRoom(id=room_id, center_id=int(center), center_code=center,
                            center_name=f"考点{center}", district=district, code=code,
                            number=number, exam_number=room_id, grid=Grid(2, 3)), **changes)


@dataclass
class Case:
    """A plan that starts correct; each test damages it."""

    rooms: list[PlanRoom]
    candidates: list[PlanCandidate]
    seats: list[Seat] = field(default_factory=list)
    rules: Rules = field(default_factory=make_rules)

    def check(self) -> tuple[PlanIssue, ...]:
        return check_plan(self.rooms, self.candidates, self.seats, self.rules)

    def room(self, room_id: int) -> PlanRoom:
        return next(r for r in self.rooms if r.id == room_id)

    def candidate(self, candidate_id: int) -> PlanCandidate:
        return next(c for c in self.candidates if c.id == candidate_id)

    def place(self, candidate_id: int, room_id: int, seat_no: int, ticket: str | None = None,
              *, also: bool = False) -> None:
        """Seat a candidate (dropping their other seats unless ``also``)."""
        if not also:
            self.unseat(candidate_id)
        if ticket is None:
            ticket = self.rules.ticket(self.room(room_id), seat_no,
                                       self.candidate(candidate_id).level)
        self.seats.append(Seat(candidate_id, room_id, seat_no, ticket))

    def unseat(self, *candidate_ids: int) -> None:
        self.seats = [s for s in self.seats if s.candidate_id not in candidate_ids]

    def change_room(self, room_id: int, **changes: Any) -> None:
        self.rooms = [replace(r, **changes) if r.id == room_id else r for r in self.rooms]

    def change_candidate(self, candidate_id: int, **changes: Any) -> None:
        self.candidates = [replace(c, **changes) if c.id == candidate_id else c
                           for c in self.candidates]

    def add(self, candidate_id: int, level: str, **changes: Any) -> None:
        self.candidates.append(PlanCandidate(candidate_id, level, work_unit=f"单位{candidate_id}",
                                             label=f"R{candidate_id:03d} 考生{candidate_id}",
                                             **changes))


def correct_plan(rules: Rules | None = None) -> Case:
    """Three rooms of 2x3: 4 助理 in 01/101, 3 社会工作师 in 01/102, 02/201 empty."""
    case = Case(rooms=[make_room(1, "01", "101", 1), make_room(2, "01", "102", 2),
                       make_room(3, "02", "201", 1)], candidates=[],
                rules=rules or make_rules())
    for i in range(1, 8):
        case.add(i, ASSISTANT if i <= 4 else SOCIAL)
        case.place(i, 1 if i <= 4 else 2, i if i <= 4 else i - 4)
    return case


def only(issues: tuple[PlanIssue, ...], code: str) -> PlanIssue:
    """The one issue of ``code``, and nothing else in the plan."""
    assert [i.code for i in issues] == [code], [str(i) for i in issues]
    return issues[0]


def test_a_correct_plan_has_no_issue():
    case = correct_plan()
    assert case.seats[0].ticket_no == "010101" and case.seats[4].ticket_no == "010201"
    assert case.check() == ()


@pytest.mark.parametrize("setting", [
    DEFAULT_TICKET_PATTERN,
    [{"field": "literal", "value": "0"}, {"field": "county", "width": 4},
     {"field": "center", "width": 2}, {"field": "room", "width": 2}, {"field": "seat", "width": 2}],
    # the seat in the middle, and twice: the check splices seat numbers into the room's number
    [{"field": "seat", "width": 3}, {"field": "exam_room", "width": 2},
     {"field": "level", "width": 1}, {"field": "seat", "width": 2}],
])
@pytest.mark.parametrize("order", list(SeatOrder))
def test_plans_numbered_by_other_patterns_have_no_issue(setting, order):
    pattern = TicketPattern.from_setting(setting)
    case = correct_plan(make_rules(pattern=pattern, seat_order=order,
                                   codes=ExamCodes(2023, "41", "4116", "411602")))
    case.rooms = case.rooms[:2]  # the default pattern's room field restarts in each center
    assert case.check() == ()
    case.place(3, 1, 5)
    case.seats[-1] = replace(case.seats[-1], seat_no=3)  # ticket of seat 5 on seat 3
    assert [i.code for i in case.check()] == ["ticket-mismatch"]


def test_unplaced_candidates_are_counted_per_level_with_the_free_seats():
    case = correct_plan()
    case.unseat(3, 4)
    issue = only(case.check(), "unplaced")
    assert issue.is_error
    assert issue.message == "2 助理社会工作师 candidates have no seat: R003 考生3, R004 考生4"
    # 01/101 has 4 free seats of its level, 02/201 is empty with 6
    assert issue.fix == ("seat them, keeping everyone else's seat: the exam has 10 free "
                         "seats in rooms of that level or empty rooms")
    # the operation, for the command line to name its command and a window its button
    (remedy,) = issue.remedies
    assert remedy.action == "allocate-keep" and remedy.text in issue.fix


def test_unplaced_without_enough_seats_asks_for_a_room_of_the_missing_size():
    case = correct_plan()
    for i in range(8, 23):
        case.add(i, SOCIAL)
    case.change_room(3, locked=True)  # a locked room takes nobody new
    case.rooms.append(make_room(4, "02", "299", 2, spare=True))
    issue = only(case.check(), "unplaced")
    assert issue.message.startswith("15 社会工作师 candidates have no seat: R008 考生8, ")
    assert issue.message.endswith("R012 考生12 and 10 more")
    assert issue.fix.startswith("add a room of at least 12 seats (or mark a spare room as "
                                "usable), then seat them, keeping everyone else's seat: only "
                                "3 seats")
    assert [r.action for r in issue.remedies] == ["allocate-keep"]


def test_a_district_short_of_seats_names_a_center_with_room_to_spare():
    case = correct_plan(make_rules(by_district=True))
    for i in range(8, 16):
        case.add(i, SOCIAL, district="川汇区")
    issues = case.check()
    assert [i.code for i in issues] == ["unplaced", "capacity-short"]
    unplaced, short = issues
    # 8 need seats, 01/102 has 3 free: 5 short; 考点02 (商水县) has an empty room of 6
    assert short.center == "01"
    assert short.message == ("test center 01 needs 5 more 社会工作师 seats for the candidates "
                             "of district 川汇区")
    assert short.fix == ("add a room of at least 5 seats to test center 01 or move 5 "
                         "candidates to test center 02, which has 6 free 社会工作师 seats")
    assert unplaced.message.startswith("8 社会工作师 candidates of district 川汇区 have no seat")
    assert "add a room of at least 5 seats" in unplaced.fix


def test_a_candidate_with_two_seats():
    case = correct_plan()
    case.place(1, 3, 1, also=True)
    issue = only(case.check(), "placed-twice")
    assert issue.candidate == "R001 考生1"
    assert issue.message.startswith("R001 考生1 has 2 seats: seat 1 of 01/101, seat 1 of 02/201")
    assert issue.fix == "keep one of the seats and clear the others"


def test_a_seat_given_to_a_withdrawn_candidate():
    case = correct_plan()
    case.seats.append(Seat(99, 3, 2, "020102"))
    issue = only(case.check(), "unknown-candidate")
    assert (issue.center, issue.room) == ("02", "201")
    assert issue.message == ("seat 2 of 02/201 (ticket 020102) is given to candidate id 99, "
                             "who withdrew or is not in the exam")


def test_a_seat_in_an_unknown_room_leaves_the_candidate_unplaced():
    case = correct_plan()
    case.place(7, 42, 1, "990101")
    issues = case.check()
    assert sorted(i.code for i in issues) == ["unknown-room", "unplaced"]
    lost = next(i for i in issues if i.code == "unknown-room")
    assert lost.message == ("1 seats are in room id 42, which is not one of the exam's rooms: "
                            "R007 考生7")
    assert lost.candidate == "R007 考生7"


@pytest.mark.parametrize("unusable, grid", [
    (frozenset(), "2 rows x 3 columns"),
    (frozenset({(2, 3)}), "2 rows x 3 columns less 1 unusable desks"),
])
def test_a_seat_number_the_room_does_not_have(unusable, grid):
    case = correct_plan()
    case.change_room(1, grid=Grid(2, 3, unusable))
    capacity = 6 - len(unusable)
    case.place(4, 1, 9)
    issue = only(case.check(), "seat-outside")
    assert issue.message == (f"R004 考生4 sits on seat 9 of 01/101, which does not exist: the "
                             f"room has {capacity} seats ({grid})")
    assert issue.fix == "move R004 考生4 to seat 4, free in this room"


def test_two_candidates_on_one_seat():
    case = correct_plan()
    case.place(2, 1, 1)
    issue = only(case.check(), "seat-twice")  # the shared ticket is not reported again
    assert issue.message == "seat 1 of 01/101 is given to 2 candidates: R001 考生1, R002 考生2"
    assert issue.fix == "move R002 考生2 to seat 2, free in this room"


def test_a_room_with_more_candidates_than_seats_is_one_issue():
    case = correct_plan()
    for i, seat_no in zip(range(8, 12), (5, 6, 7, 8), strict=True):
        case.add(i, ASSISTANT)
        case.place(i, 1, seat_no)
    issue = only(case.check(), "over-capacity")
    assert issue.message == ("01/101 holds 8 candidates but has 6 seats (2 rows x 3 columns): "
                             "2 of them sit on a seat that does not exist or is taken: "
                             "R010 考生10, R011 考生11")
    assert issue.fix == "move 2 of them to 02/201, which has 6 free seats for them"


def test_a_room_holding_two_levels():
    case = correct_plan()
    case.place(5, 1, 5)
    issue = only(case.check(), "mixed-levels")
    assert issue.message == ("01/101 holds candidates of 2 levels (助理社会工作师 4, "
                             "社会工作师 1); levels sit in separate rooms because their papers "
                             "and end times differ")
    assert issue.fix == ("move the 1 社会工作师 candidates to 01/102, which has 4 free seats "
                         "for them")


def test_candidates_in_a_spare_room():
    case = correct_plan()
    case.change_room(2, spare=True)
    issue = only(case.check(), "spare-used")
    assert (issue.center, issue.room) == ("01", "102")
    assert issue.message == ("spare room 01/102 holds 3 candidates: R005 考生5, R006 考生6, "
                             "R007 考生7; spare rooms stay empty for emergencies")


def test_a_candidate_needing_an_accessible_room():
    case = correct_plan()
    case.change_candidate(1, needs_accessible=True)
    assert only(case.check(), "not-accessible").fix.startswith(
        "no accessible room has a free 助理社会工作师 seat")
    case.change_room(3, accessible=True)
    issue = only(case.check(), "not-accessible")
    assert issue.message == ("R001 考生1 needs an accessible room but sits in seat 1 of 01/101, "
                             "which is not accessible")
    assert issue.fix == "move R001 考生1 to 02/201, which has 6 free seats for them"


def test_a_ticket_that_is_not_the_seats_number():
    case = correct_plan()
    case.place(2, 1, 2, "010109")
    issue = only(case.check(), "ticket-mismatch")
    assert issue.candidate == "R002 考生2"
    assert issue.message == ("1 ticket numbers in 01/101 are not what the exam's ticket pattern "
                             "makes: R002 考生2 on seat 2 has 010109, should be 010102 (seat "
                             "field 09 instead of 02)")


def test_tickets_of_another_pattern_are_one_issue():
    case = correct_plan(make_rules(pattern=TicketPattern.from_setting([
        {"field": "exam_room", "width": 3}, {"field": "seat", "width": 2}])))
    case.rules = make_rules()
    issue = only(case.check(), "ticket-mismatch")
    assert issue.message.startswith("none of the 7 ticket numbers is what the exam's ticket "
                                    "pattern makes (fields that differ: length)")
    assert issue.fix.startswith("if the numbers came from an upstream plan")


def test_a_pattern_too_narrow_is_one_issue():
    case = correct_plan()
    case.change_room(3, center_code="123")
    case.place(1, 3, 1, "X1")
    case.place(2, 3, 2, "X2")
    case.unseat(3, 4)
    case.place(3, 3, 3, "X3")
    case.place(4, 3, 4, "X4")
    issue = only(case.check(), "pattern-too-narrow")
    assert issue.message == ("the exam's ticket pattern is too narrow for this exam (the center "
                             "field has 2 digits but 123 needs 3): 4 seats cannot get a number")
    assert issue.fix == ("widen the center field to 3 digits in the exam's ticket pattern, then "
                         "renumber the tickets")


def test_one_ticket_on_two_seats():
    case = correct_plan()
    case.place(5, 2, 1, "010101")
    issues = case.check()
    assert [i.code for i in issues] == ["ticket-twice", "ticket-mismatch"]
    twice = issues[0]
    assert twice.message == ("ticket 010101 is on 2 seats: R001 考生1 on seat 1 of 01/101, "
                             "R005 考生5 on seat 1 of 01/102")
    assert twice.fix == ("keep 010101 for R001 考生1 and give the others the numbers the "
                         "pattern makes (R005 考生5: 010201)")


def test_a_pattern_that_does_not_tell_centers_apart():
    rules = make_rules(pattern=TicketPattern.from_setting([{"field": "room", "width": 2},
                                                           {"field": "seat", "width": 2}]))
    case = correct_plan(rules)
    case.place(4, 3, 1)  # 02/201 is room 1 of its center, like 01/101
    issue = only(case.check(), "ticket-twice")
    assert issue.message == ("the exam's ticket pattern gives 1 numbers to more than one seat, "
                             "e.g. 0101 to seat 1 of 01/101 and seat 1 of 02/201: it does not "
                             "tell these rooms apart")
    assert issue.fix.startswith("add the center field to the exam's ticket pattern")


def test_a_retired_ticket_given_again():
    case = correct_plan(make_rules(retired_tickets=frozenset({"010103"})))
    issue = only(case.check(), "ticket-retired")
    assert issue.message == ("R003 考生3 on seat 3 of 01/101 has ticket 010103, which was issued "
                             "once and withdrawn")
    assert issue.fix == ("move R003 考生3 to another seat and leave this one empty: its number "
                         "may not be given again")


def test_neighbours_from_one_work_unit_are_a_warning_per_room():
    case = correct_plan()
    for i in (1, 2, 4):  # seats 1, 2 and 4: (1,1), (1,2), (2,1), all touching
        case.change_candidate(i, work_unit="民政局")
    issue = only(case.check(), "same-unit-neighbours")
    assert issue.severity is Severity.WARNING and issue.room == "101"
    assert issue.message.startswith("01/101 has 3 pairs of neighbouring candidates from the "
                                    "same work unit (e.g. seats 1 and 2, 民政局)")
    for i in (1, 2, 4):
        case.change_candidate(i, work_unit="")  # no unit never clashes
    assert case.check() == ()


def test_a_candidate_seated_in_another_district():
    case = correct_plan(make_rules(by_district=True))
    case.change_candidate(5, district="商水县")
    issue = only(case.check(), "district")
    assert issue.severity is Severity.WARNING
    assert issue.message == ("01/102 is in district 川汇区 but holds 1 candidates of other "
                             "districts: R005 考生5 (商水县)")
    assert issue.fix == "move them to 02/201, which has 6 free seats for them"
    case.rules = make_rules(by_district=False)
    assert case.check() == ()


def test_errors_come_first_then_by_center_and_room():
    case = correct_plan(make_rules(by_district=True))
    case.change_candidate(5, district="商水县")
    case.change_room(3, spare=True)
    case.place(4, 3, 1)
    case.change_candidate(6, work_unit="民政局")
    case.change_candidate(7, work_unit="民政局")
    issues = case.check()
    assert [(i.code, i.center, i.room) for i in issues] == [
        ("spare-used", "02", "201"),
        ("same-unit-neighbours", "01", "102"),
        ("district", "01", "102"),  # names R005 考生5; the room-wide warning names nobody
    ]
