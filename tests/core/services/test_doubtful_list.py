"""存疑考生情况表: a center's end-of-day list holds the doubtful candidates still open at the
day's end (carried from the day before too) in full, with masked ID numbers, and those two
invigilators cleared that day in short; a center with none gets a list saying so; a desk
prints its own center's only."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from examdesk.enums import UserRole
from examdesk.errors import AccessDenied
from examdesk.model import DoubtfulEntry
from examdesk.printing.common import mask_id
from examdesk.services import doubtful
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import center_codes, resolve_exam
from examdesk.services.printing_doubtful import doubtful_lists, list_day
from reports.doubtful_list import render_doubtful_lists
from tests.core.services.test_tempids import seated
from tests.reports.pdftools import fonts_all_embedded, page_count, save, squeezed, text

DAY1, DAY2 = date(2023, 6, 10), date(2023, 6, 11)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A local moment of the exam, as the desks' clocks show it, in UTC as stored."""
    return datetime(day.year, day.month, day.day, hour, minute).astimezone().astimezone(UTC)


def test_the_end_of_day_list_of_a_center(demo_copy, tmp_path):
    gate = Actor("gate01")
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        people = [seated(session, "01", n) for n in range(7)]
        made = [doubtful.record(session, gate, exam, p.id, f"照片与本人差异较大 {n}")
                for n, p in enumerate(people)]
        for n in (1, 2, 3, 4):
            doubtful.confirm(session, gate, exam, made[n].id, "王老师")
        for n in (2, 3, 4):
            doubtful.confirm(session, gate, exam, made[n].id, "李老师")
        # when each was recorded and cleared: 0 the day before, still open; 1 one
        # confirmation; 2 and 3 cleared on the day; 4 cleared the day after (open at the end
        # of the day); 5 still open; 6 recorded the day after (not on the list)
        times = {0: (at(DAY1, 13, 40), None), 1: (at(DAY2, 8, 31), None),
                 2: (at(DAY2, 8, 35), at(DAY2, 9, 40)), 3: (at(DAY2, 13, 50), at(DAY2, 15)),
                 4: (at(DAY2, 14, 5), at(date(2023, 6, 12), 9)), 5: (at(DAY2, 10, 59), None),
                 6: (at(date(2023, 6, 12), 8), None)}
        for n, (recorded, cleared) in times.items():
            entry = session.get(DoubtfulEntry, made[n].id)
            entry.recorded_at, entry.cleared_at = recorded, cleared
        other = seated(session, "02")
        desk02 = Actor("desk02", None, (Grant(UserRole.DESK, exam.id, other[6]),))
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        assert list_day(session, exam, DAY2) == DAY2
        assert list_day(session, exam, date(2023, 6, 20)) == DAY2  # the morning after
        assert list_day(session, exam, date(2023, 6, 1)) == date(2023, 6, 1)
        (mine,) = doubtful_lists(session, exam, center="01", day=DAY2)
        assert (mine.center_code, mine.day) == ("01", "2023年6月11日")
        assert [line.name for line in mine.open] == [people[n].name for n in (0, 1, 5, 4)]
        first = mine.open[0]
        assert first.id_number == mask_id(people[0].id_number) != people[0].id_number
        assert (first.ticket, first.recorded_by, first.recorded_at, first.confirmed_by) == (
            people[0].ticket_no, "gate01", "06-10 13:40", ())
        assert first.session in ("", "S1 14:00-16:00")  # S1 is not every candidate's
        assert [line.confirmed_by for line in mine.open[1:]] == [("王老师",), (), ("王老师",)]
        assert mine.open[1].session.startswith("S2 ") and mine.open[2].session.startswith("S2 ")
        assert [(line.name, line.confirmed_by, line.cleared_at) for line in mine.cleared] == [
            (people[2].name, ("王老师", "李老师"), "06-11 09:40"),
            (people[3].name, ("王老师", "李老师"), "06-11 15:00")]
        (before,) = doubtful_lists(session, exam, center="01", day=DAY1)
        assert [line.name for line in before.open] == [people[0].name] and not before.cleared
        # every center the desk may print, each with its list: none at 02
        (theirs,) = doubtful_lists(session, exam, actor=desk02, day=DAY2)
        assert theirs.center_code == "02" and theirs.open == theirs.cleared == ()
        with pytest.raises(AccessDenied):
            doubtful_lists(session, exam, actor=desk02, center="01", day=DAY2)
        assert [d.center_code for d in doubtful_lists(session, exam, day=DAY2)] == list(
            center_codes(session, exam).values())
    pdf = save(tmp_path, render_doubtful_lists([mine, theirs], ())[0], "list.pdf")
    assert page_count(pdf) == 2 and fonts_all_embedded(pdf)
    words = squeezed(text(pdf, 1, 1))
    for needed in ("存疑考生情况表", "未解除的存疑考生（4人）", mask_id(people[0].id_number),
                   people[5].name, "已解除的（2人）", "王老师、李老师", "考点主考（签名）"):
        assert squeezed(needed) in words
    assert people[0].id_number not in words
    assert "本日无未解除的存疑考生" in squeezed(text(pdf, 2, 2))
