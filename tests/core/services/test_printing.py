"""The data of the printed sheets, read from the demo exam."""

from __future__ import annotations

import dataclasses

from examdesk.printing.door_list import DoorListSeat
from examdesk.services.exams import resolve_exam
from examdesk.services.printing import room_sheets


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
