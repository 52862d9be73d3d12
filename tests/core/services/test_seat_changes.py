"""Changes after allocation: each one checked against the rules, nobody else moved."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from examdesk.enums import CandidateStatus
from examdesk.errors import BadInput, PlanProblem
from examdesk.model import AuditEvent, Candidate, Duty, SeatAssignment
from examdesk.model.candidate import RetiredTicket
from examdesk.services import lookup, seat_changes
from examdesk.services.exams import resolve_exam
from examdesk.services.imports.candidates import import_candidates
from examdesk.services.imports.rooms import import_rooms
from tests.core.exchange.helpers import (
    HEADER,
    ROOM_HEADER,
    candidate,
    resident_id,
    room,
    write_workbook,
)

#: Six 初级 candidates (registration numbers 2023411600000N) and two 中级.
PEOPLE = [resident_id(f"411602199001{n:02d}00{n % 2}") for n in range(1, 9)]


@pytest.fixture
def small_exam(empty_exam, actor, tmp_path):
    """Center 01: rooms 01001, 01002 (2 x 3), spare 01003; center 02: accessible 02001."""
    rooms = write_workbook(tmp_path / "rooms.xlsx", [
        ROOM_HEADER,
        room("01001", rows=2, columns=3), room("01002", rows=2, columns=3),
        room("01003", rows=2, columns=3, spare="是"),
        room("02001", code="02", name="周口市第一高级中学", address="", rows=2, columns=3,
             accessible="是"),
    ], "考点考场")
    people = write_workbook(tmp_path / "people.xlsx", [HEADER] + [
        candidate(n, f"考生{n}", "男" if n % 2 else "女", PEOPLE[n - 1],
                  level="助理社会工作师" if n <= 6 else "社会工作师",
                  subjects="综合能力" if n <= 6 else "法规与政策")
        for n in range(1, 9)])
    with empty_exam.db.begin() as session:
        import_rooms(session, actor, empty_exam.exam, rooms)
        result = import_candidates(session, actor, empty_exam.exam, people)
        assert result.errors == ()
    return empty_exam


@pytest.fixture
def do(small_exam, actor):
    """Run a change naming candidates and rooms as a clerk types them (through the lookup);
    the one seat it left (a tuple of two for a swap), or the room's label for a lock."""
    def run(function, *names, room=None, **options):
        with small_exam.db.begin() as session:
            exam = small_exam.exam
            if function is seat_changes.lock_room:
                ids = [lookup.find_room(session, exam, names[0]).one().id]
            else:
                ids = [lookup.find_candidate(session, exam, name).one().id for name in names]
            if room is not None:
                room_id = lookup.find_room(session, exam, room).one().id
                if function is seat_changes.move_candidate:
                    ids.append(room_id)
                else:
                    options["room_id"] = room_id
            changes = function(session, actor, exam, *ids, **options)
        if isinstance(changes, str):
            return changes
        return changes.seats[0] if len(changes.seats) == 1 else changes.seats
    return run


def seat_of(exam, who):
    with exam.db.begin() as session:
        return session.execute(
            select(SeatAssignment.seat_no, SeatAssignment.ticket_no)
            .join(Candidate).where(Candidate.registration_no == who)).first()


def reg(n: int) -> str:
    return f"2023411600{n:04d}"


def test_a_late_candidate_gets_the_first_free_seat_of_a_room_of_their_level(do, small_exam):
    first = do(seat_changes.add_candidate, reg(1))
    assert (first.room, first.seat_no, first.ticket_no) == ("01/01001", 1, "12341010101")
    by_id = do(seat_changes.add_candidate, PEOPLE[1])  # by ID number as well
    # seat 2 is next to seat 1, whose candidate works at the same unit (周口市民政局)
    assert (by_id.room, by_id.seat_no) == ("01/01001", 3)
    senior = do(seat_changes.add_candidate, reg(7))
    assert senior.room == "01/01002"  # 01001 holds 初级: 中级 takes the next empty room
    with pytest.raises(PlanProblem, match="already sits in room 01/01001, seat 1"):
        do(seat_changes.add_candidate, reg(1))


def test_rooms_of_another_level_spare_rooms_and_taken_seats_are_refused(do):
    do(seat_changes.add_candidate, reg(1))
    with pytest.raises(PlanProblem, match="holds 助理社会工作师 candidates"):
        do(seat_changes.add_candidate, reg(7), room="01001")
    with pytest.raises(PlanProblem, match="spare room"):
        do(seat_changes.add_candidate, reg(7), room="01003")
    with pytest.raises(PlanProblem, match="taken by 20234116000001 考生1"):
        do(seat_changes.add_candidate, reg(2), room="01001", seat_no=1)
    with pytest.raises(PlanProblem, match="seats 1 to 6"):
        do(seat_changes.add_candidate, reg(2), room="01001", seat_no=7)
    with pytest.raises(BadInput, match="no room 09009"):
        do(seat_changes.add_candidate, reg(2), room="09009")
    with pytest.raises(BadInput, match="No candidate"):
        do(seat_changes.add_candidate, "20239999999999")


def test_an_accessible_need_is_met_or_refused(do, small_exam):
    with small_exam.db.begin() as session:
        session.execute(update(Candidate).where(Candidate.registration_no == reg(3))
                        .values(needs_accessible_room=True))
    with pytest.raises(PlanProblem, match="needs an accessible room"):
        do(seat_changes.add_candidate, reg(3), room="01001")
    assert do(seat_changes.add_candidate, reg(3)).room == "02/02001"


def test_a_withdrawal_frees_the_seat_and_retires_the_ticket_for_good(do, small_exam):
    do(seat_changes.add_candidate, reg(1))
    gone = do(seat_changes.withdraw_candidate, reg(1))
    assert gone.retired == "12341010101" and seat_of(small_exam, reg(1)) is None
    with small_exam.db.begin() as session:
        assert session.scalar(select(Candidate.status).where(
            Candidate.registration_no == reg(1))) is CandidateStatus.WITHDRAWN
        assert session.scalar(select(RetiredTicket.ticket_no)) == "12341010101"
    # seat 1 would give the withdrawn number again: the next candidate gets seat 2
    assert do(seat_changes.add_candidate, reg(2)).seat_no == 2
    with pytest.raises(PlanProblem, match="withdrawn and is never given again"):
        do(seat_changes.add_candidate, reg(4), room="01001", seat_no=1)
    with pytest.raises(PlanProblem, match="has withdrawn"):
        do(seat_changes.add_candidate, reg(1))


def test_a_move_retires_the_old_ticket_and_a_swap_exchanges_seats(do, small_exam):
    do(seat_changes.add_candidate, reg(1))
    do(seat_changes.add_candidate, reg(2))
    moved = do(seat_changes.move_candidate, reg(1), room="01001", seat_no=6)
    assert (moved.seat_no, moved.ticket_no, moved.retired) == (6, "12341010106", "12341010101")
    first, second = do(seat_changes.swap_candidates, reg(1), reg(2))
    assert (first.seat_no, second.seat_no) == (3, 6)
    assert seat_of(small_exam, reg(2)) == (6, "12341010106")
    do(seat_changes.add_candidate, reg(7))
    with pytest.raises(PlanProblem, match="different levels"):
        do(seat_changes.swap_candidates, reg(1), reg(7))


def test_a_candidate_is_not_swapped_with_themselves(do, small_exam):
    do(seat_changes.add_candidate, reg(1))
    before = seat_of(small_exam, reg(1))
    # named twice alike, or once by registration number and once by ID number
    for first, second in ((reg(1), reg(1)), (reg(1), PEOPLE[0]), (PEOPLE[0], reg(1))):
        with pytest.raises(PlanProblem, match="name two different candidates") as refused:
            do(seat_changes.swap_candidates, first, second)
        assert refused.value.code == "swap-same"
    assert seat_of(small_exam, reg(1)) == before
    with small_exam.db.begin() as session:
        assert session.scalar(select(AuditEvent.id).where(
            AuditEvent.action == "seat.swap")) is None


def test_a_locked_room_refuses_every_change(do, small_exam):
    do(seat_changes.add_candidate, reg(1))
    assert do(seat_changes.lock_room, "01/01001") == "01/01001"
    with pytest.raises(PlanProblem, match="locked"):
        do(seat_changes.add_candidate, reg(2), room="01001")
    with pytest.raises(PlanProblem, match="locked"):
        do(seat_changes.withdraw_candidate, reg(1))
    with pytest.raises(PlanProblem, match="locked"):
        do(seat_changes.move_candidate, reg(1), room="01002")
    do(seat_changes.lock_room, "01001", locked=False)
    assert do(seat_changes.move_candidate, reg(1), room="01001", seat_no=3).seat_no == 3


def test_every_change_is_attributed(do, small_exam):
    do(seat_changes.add_candidate, reg(1))
    do(seat_changes.withdraw_candidate, reg(1))
    with small_exam.db.begin() as session:
        actions = session.execute(select(AuditEvent.action, AuditEvent.actor)
                                  .where(AuditEvent.action.like("seat.%"))
                                  .order_by(AuditEvent.id)).all()
    assert [tuple(a) for a in actions] == [("seat.add", "tester"), ("seat.withdraw", "tester")]


def test_a_change_returns_what_it_changed(demo_copy, actor):
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        a, room_a, level = session.execute(
            select(SeatAssignment.candidate_id, SeatAssignment.room_id, Candidate.level_id)
            .join(Candidate).order_by(SeatAssignment.room_id, SeatAssignment.seat_no)).first()
        b, room_b = session.execute(
            select(SeatAssignment.candidate_id, SeatAssignment.room_id).join(Candidate)
            .where(Candidate.level_id == level, SeatAssignment.room_id != room_a)
            .order_by(SeatAssignment.room_id)).first()
        in_rooms = set(session.scalars(select(Duty.id).where(Duty.room_id.in_([room_a, room_b]))))
        changes = seat_changes.swap_candidates(session, actor, exam, a, b)
        session.rollback()
    assert changes.candidates == {a, b} and changes.rooms == {room_a, room_b}
    assert in_rooms and changes.duties == in_rooms  # the demo is rostered
    assert [(s.candidate_id, s.room_id) for s in changes.seats] == [(a, room_b), (b, room_a)]


def test_a_withdrawal_touches_the_room_it_left(do, small_exam, actor):
    do(seat_changes.add_candidate, reg(1))
    with small_exam.db.begin() as session:
        exam = small_exam.exam
        who = lookup.find_candidate(session, exam, reg(1)).one()
        room = lookup.find_room(session, exam, "01/01001").one()
        changes = seat_changes.withdraw_candidate(session, actor, exam, who.id)
    assert changes.candidates == {who.id} and changes.rooms == {room.id}
    (seat,) = changes.seats
    assert (seat.room_id, seat.room, seat.seat_no, seat.retired) == (None, "", 0, "12341010101")
    assert changes.broken_duties == () and changes.duties == frozenset()  # no roster yet


def test_a_refusal_carries_a_code_and_the_fields_a_face_needs(do, small_exam):
    do(seat_changes.add_candidate, reg(1))
    with pytest.raises(PlanProblem) as taken:
        do(seat_changes.add_candidate, reg(2), room="01001", seat_no=1)
    assert taken.value.code == "seat-taken" and taken.value.exit_status == 1
    assert {k: taken.value.fields[k] for k in ("room", "seat", "who")} == {
        "room": "01/01001", "seat": 1, "who": "20234116000001 考生1"}
    with pytest.raises(PlanProblem) as seated:
        do(seat_changes.add_candidate, reg(1))
    assert seated.value.code == "candidate-seated" and seated.value.fields["seat"] == 1
    assert "examdesk" not in str(seated.value)  # the command line adds its command
    with pytest.raises(PlanProblem) as unseated:
        do(seat_changes.move_candidate, reg(2), room="01001")
    assert unseated.value.code == "candidate-unseated"
    do(seat_changes.lock_room, "01001")
    with pytest.raises(PlanProblem) as locked:
        do(seat_changes.withdraw_candidate, reg(1))
    assert (locked.value.code, locked.value.fields["room"]) == ("room-locked", "01/01001")
    do(seat_changes.lock_room, "01001", locked=False)
    with pytest.raises(PlanProblem) as levels:
        do(seat_changes.add_candidate, reg(7), room="01001")
    assert (levels.value.code, levels.value.fields["levels"]) == ("room-other-level", ("1",))
