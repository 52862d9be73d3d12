"""The data of the printed sheets, read from the demo exam."""

from __future__ import annotations

import dataclasses

from examdesk.db import open_database
from examdesk.printing.door_list import DoorListSeat
from examdesk.services.duties import draw_center
from examdesk.services.exams import resolve_exam
from examdesk.services.printing import print_choices, room_sheets


def test_door_lists_hold_every_seated_candidate_and_no_id_number(demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        lists = [r.door_list() for r in room_sheets(session, exam, photos=False)]
        one = [r.door_list() for r in room_sheets(session, exam, center="01", room="01001")]
    assert len(lists) == 200 and sum(len(d.seats) for d in lists) == 6000
    assert {f.name for f in dataclasses.fields(DoorListSeat)} == {"seat_no", "ticket_no", "name"}
    (room,) = one
    assert (room.center_name, room.room_code, room.room_location) == (
        "周口技师学院", "01001", "教学楼A 1楼 101")
    assert room.sessions == ("6月11日 09:00-11:00 社会工作综合能力(初级)",
                             "6月11日 14:00-16:00 社会工作实务(初级)")
    assert [s.seat_no for s in room.seats] == list(range(1, 31))
    assert room.seats[0].ticket_no == "12341010101"


def test_the_print_choices_say_what_each_center_has(demo_copy_url, actor):
    database = open_database(demo_copy_url)
    try:
        with database.begin() as session:
            choices = print_choices(session, resolve_exam(session))
        assert [c.code for c in choices.centers] == ["01", "02", "03", "04", "05"]
        first = choices.centers[0]
        assert first.sessions == ("S2", "S3") and first.rostered and first.posts
        assert first.drawn == ()
        assert all(c.sessions and c.rostered for c in choices.centers)
        with database.write("draw") as session:
            draw_center(session, actor, resolve_exam(session), center="01", session_code="S3",
                        seed=1, host="主考")
        with database.begin() as session:
            choices = print_choices(session, resolve_exam(session))
        assert choices.centers[0].drawn == ("S3",) and choices.centers[1].drawn == ()
    finally:
        database.close()
