"""The live board counts a sitting's marks by the room each mark carries (migration 0015);
what it shows per test center stays what `examdesk attendance show --json` counts, also after
a marked candidate's seat changed (issue 14, "the board showing the same numbers as the
exports")."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime

from sqlalchemy import select

from examdesk.db import open_database
from examdesk.model import AttendanceMark, Candidate, Room, SeatAssignment, TestCenter
from examdesk.services.audit import Actor
from examdesk.services.board import read_board
from examdesk.services.exams import resolve_exam
from ui.cli import run

SESSION = "S2"
DAY2_MORNING = datetime(2023, 6, 11, 8, 40)


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def shown(capsys, url: str) -> dict[str, tuple[int, int]]:
    """`attendance show --json` of the session: center -> (sat, absent)."""
    status, out, _err = examdesk(capsys, "--db", url, "attendance", "show", "--json",
                                 "--session", SESSION)
    assert status in (0, 1)  # 1: rooms that do not reconcile yet
    counts: Counter[tuple[str, str]] = Counter()
    for row in json.loads(out):
        counts[row["center"], "sat"] += row["present"] + row["late"]
        counts[row["center"], "absent"] += row["absent"]
    return {center: (counts[center, "sat"], counts[center, "absent"])
            for center, _ in counts if counts[center, "sat"] or counts[center, "absent"]}


def board(url: str) -> dict[str, tuple[int, int]]:
    """The board's lines for the session: center -> (present, absent)."""
    database = open_database(url)
    try:
        with database.begin() as session:
            read = read_board(session, Actor("li"), resolve_exam(session), now=DAY2_MORNING,
                              session_code=SESSION)
    finally:
        database.close()
    return {line.code: (line.present, line.absent) for line in read.centers
            if line.present or line.absent}


def test_the_board_counts_what_attendance_show_counts_after_a_marked_seat_moved(
        capsys, demo_copy_url):
    url = demo_copy_url
    for room, extra in (("01/01001", ("--absent", "12341010102", "--late", "12341010103")),
                        ("01/01002", ())):
        status, _out, err = examdesk(capsys, "--db", url, "attendance", "mark", "--session",
                                     SESSION, "--room", room, "--all-present", *extra)
        assert (status, err) == (0, "")
    before = board(url)
    assert before == shown(capsys, url) == {"01": (before["01"][0], 1)}

    database = open_database(url)
    try:
        with database.begin() as session:
            def seat_of(ticket: str) -> tuple[int, int, int]:
                candidate, room, level = session.execute(
                    select(SeatAssignment.candidate_id, SeatAssignment.room_id,
                           Candidate.level_id)
                    .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
                    .where(SeatAssignment.ticket_no == ticket)).one()
                return candidate, room, level

            absentee, _room, level = seat_of("12341010102")
            late, _room, _level = seat_of("12341010103")
            def ticket_in(center: str, room: str | None = None) -> str | None:
                """A ticket of the same level at that center (in that room)."""
                return session.scalar(
                    select(SeatAssignment.ticket_no)
                    .join(Room, Room.id == SeatAssignment.room_id).join(TestCenter)
                    .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
                    .where(TestCenter.code == center, Candidate.level_id == level,
                           *([Room.code == room] if room else []))
                    .order_by(SeatAssignment.ticket_no))

            elsewhere, next_door = ticket_in("02"), ticket_in("01", "01002")
    finally:
        database.close()
    assert elsewhere is not None and next_door is not None
    # the absentee swaps seats with an unmarked candidate of another center, the late one
    # with a present one of the next room, and a present one withdraws (their mark stays,
    # counted nowhere: they have no seat)
    for argv in (("swap", "12341010102", elsewhere), ("swap", "12341010103", next_door),
                 ("withdraw", "12341010104")):
        status, _out, err = examdesk(capsys, "--db", url, "seat", *argv)
        assert status == 0, err

    after = board(url)
    assert after == shown(capsys, url)
    # a mark counts where its candidate sits now: the room that now expects them
    assert after == {"01": (before["01"][0] - 1, 0), "02": (0, 1)}
    database = open_database(url)
    try:
        with database.begin() as session:
            rooms = dict(session.execute(
                select(AttendanceMark.candidate_id, AttendanceMark.room_id)
                .where(AttendanceMark.candidate_id.in_([absentee, late]))).all())
            seats = dict(session.execute(
                select(SeatAssignment.candidate_id, SeatAssignment.room_id)
                .where(SeatAssignment.candidate_id.in_([absentee, late]))).all())
    finally:
        database.close()
    assert rooms == seats


def test_marks_follow_their_candidates_when_a_center_is_allocated_again(capsys,
                                                                        demo_copy_url):
    from examdesk.services.seating import allocate_exam

    url = demo_copy_url
    status, _out, err = examdesk(capsys, "--db", url, "attendance", "mark", "--session",
                                 SESSION, "--room", "01/01001", "--all-present", "--absent",
                                 "12341010102")
    assert (status, err) == (0, "")
    database = open_database(url)
    try:
        with database.write("allocate") as session:
            allocate_exam(session, Actor("li"), resolve_exam(session), seed=7, center="01")
        with database.begin() as session:
            rooms = dict(session.execute(
                select(AttendanceMark.candidate_id, AttendanceMark.room_id)).all())
            seats = dict(session.execute(
                select(SeatAssignment.candidate_id, SeatAssignment.room_id)
                .where(SeatAssignment.candidate_id.in_(rooms))).all())
    finally:
        database.close()
    assert rooms == seats and len(set(rooms.values())) > 1  # the room's people, spread
    assert board(url) == shown(capsys, url) == {"01": (len(rooms) - 1, 1)}
