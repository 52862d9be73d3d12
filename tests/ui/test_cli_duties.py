"""`examdesk roster`, `draw`, `posts`, `duty ...`, `check` with duties, and the duty exports."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from examdesk.db import open_database
from examdesk.enums import DutyKind
from examdesk.model import Duty, RoomDraw, Staff
from ui.cli import run

DUTY_HEADER = ("考点", "场次", "日期", "时间", "考场/岗位", "角色", "姓名", "性别", "工作单位",
               "手机")


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def demo(demo_copy_url):
    """The demo exam: seated, rostered (3 sessions a person) and its posts staffed."""
    return demo_copy_url


def duty_rows(url, **where):
    database = open_database(url)
    try:
        with database.begin() as session:
            query = select(Duty.staff_id, Duty.session_id, Duty.room_id, Duty.is_lead,
                           Duty.kind).order_by(Duty.staff_id, Duty.session_id)
            for key, value in where.items():
                query = query.where(getattr(Duty, key) == value)
            return [tuple(r) for r in session.execute(query)]
    finally:
        database.close()


def test_the_demo_roster_and_posts_are_complete_and_check_clean(capsys, demo):
    status, out, _ = examdesk(capsys, "--db", demo, "check", "--json")
    assert status == 0 and json.loads(out) == []
    rooms = duty_rows(demo, kind=DutyKind.ROOM)
    leads = [r for r in rooms if r[3]]
    # 120 初级 rooms sit 2 sessions, 80 中级 rooms 3: 480 room-sessions, 2 invigilators each
    assert len(rooms) == 960 and len(leads) == 480


def test_roster_is_reproducible_from_its_seed(capsys, demo):
    assert examdesk(capsys, "--db", demo, "roster", "--seed", "9")[0] == 0
    first = duty_rows(demo)
    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--seed", "9")
    assert status == 0 and "0 hard-rule violations" in out and "seed 9" in out
    assert duty_rows(demo) == first


def test_rostering_one_center_keeps_the_others_and_reports_no_false_problem(capsys, demo):
    others = [r for center in (1, 3, 4, 5) for r in duty_rows(demo, center_id=center)]
    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--center", "02", "--seed", "1")
    # the other centers' duties are what the center is rostered around, not duties of an
    # unknown center (it said so 1,184 times, and exit 1)
    assert "[duty-unknown]" not in out and "0 hard-rule violations" in out
    assert status == 0
    assert [r for center in (1, 3, 4, 5) for r in duty_rows(demo, center_id=center)] == others
    assert duty_rows(demo, center_id=2) and examdesk(capsys, "--db", demo, "check")[0] == 0


def test_a_short_center_is_explained_with_numbers(capsys, demo):
    status, out, _ = examdesk(capsys, "--db", demo, "exam", "set", "--max-sessions", "2")
    # the demo's roster gives people 3 sessions: the new limit breaks it, and says so
    assert status == 1 and "[over-max-sessions]" in out and "roster --repair" in out
    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--seed", "1")
    assert status == 1
    assert ("test center 04 needs 240 invigilator-sessions over 3 sessions; its 96 "
            "invigilators give at most 192 at 2 sessions each") in out
    assert "--max-sessions 3" in out
    status, out, _ = examdesk(capsys, "--db", demo, "check")
    assert status == 1 and "[room-not-staffed]" in out


def test_the_draw_is_reproducible_recorded_and_keeps_the_teams(capsys, demo):
    before = duty_rows(demo, kind=DutyKind.ROOM, center_id=1, session_id=2)
    status, out, _ = examdesk(capsys, "--db", demo, "draw", "--center", "01", "--session", "S2",
                              "--seed", "77")
    assert status == 0 and "seed 77" in out
    drawn = duty_rows(demo, kind=DutyKind.ROOM, center_id=1, session_id=2)
    assert sorted(r[0] for r in drawn) == sorted(r[0] for r in before)
    assert drawn != before  # rooms changed hands
    assert examdesk(capsys, "--db", demo, "check")[0] == 0  # and the rules still hold
    examdesk(capsys, "--db", demo, "draw", "--center", "01", "--session", "S2", "--seed", "5")
    examdesk(capsys, "--db", demo, "draw", "--center", "01", "--session", "S2", "--seed", "77")
    assert duty_rows(demo, kind=DutyKind.ROOM, center_id=1, session_id=2) == drawn
    database = open_database(demo)
    with database.begin() as session:
        seeds = session.scalars(select(RoomDraw.seed).order_by(RoomDraw.id)).all()
        assert seeds == [77, 5, 77] and session.scalar(select(RoomDraw.actor)) == "tester"
    database.close()
    status, _, err = examdesk(capsys, "--db", demo, "draw", "--center", "01", "--session", "S9")
    assert status == 2 and "S1, S2, S3, S4" in err


def test_replacing_a_person_lists_the_choices_and_locks_the_duty(capsys, demo):
    database = open_database(demo)
    with database.begin() as session:
        ill = session.execute(
            select(Staff.id_number, Staff.id).join(Duty, Duty.staff_id == Staff.id)
            .where(Duty.kind == DutyKind.ROOM, Duty.session_id == 2).order_by(Staff.id)).first()
    database.close()
    status, out, _ = examdesk(capsys, "--db", demo, "duty", "replace", ill[0], "--session", "S2")
    assert status == 0 and "could take over" in out
    listed = [line.split() for line in out.splitlines() if line.startswith("  ")]
    eligible = [line[0] for line in listed if "—" not in line]
    busy = [line[0] for line in listed if "—" in line and "already" in " ".join(line)]
    assert eligible and busy
    status, _, err = examdesk(capsys, "--db", demo, "duty", "replace", ill[0], "--session",
                              "S2", "--by", busy[0])
    assert status == 1 and "cannot take the duty" in err
    status, out, _ = examdesk(capsys, "--db", demo, "duty", "replace", ill[0], "--session",
                              "S2", "--by", eligible[0])
    assert status == 0 and "takes over; the duty is locked" in out
    taken = [r for r in duty_rows(demo, session_id=2, locked=True)]
    assert len(taken) == 1
    assert examdesk(capsys, "--db", demo, "check")[0] == 0
    # a new roster keeps the locked replacement
    assert examdesk(capsys, "--db", demo, "roster", "--seed", "3")[0] == 0
    assert [r for r in duty_rows(demo, session_id=2, locked=True)] == taken


def test_posts_report_coverage(capsys, demo):
    status, out, _ = examdesk(capsys, "--db", demo, "posts", "--center", "01")
    # center 01 seats only 初级 candidates: its 11 posts are staffed in the two sessions it
    # holds, not on the 中级-only afternoon of 6月10日
    assert status == 0 and "Posts staffed: 48 of 48 places in 22 post-sessions" in out
    assert "01 医疗急救点（考点医务室）: 6月11日上午 综合能力 3/3; 6月11日下午 实务(初级) 3/3\n" \
        in out
    assert "6月10日" not in out
    # a 中级-only center's afternoon shift is its own 中级 session (the two 实务 papers at
    # 14:00 share one staffing where a center holds both)
    status, out, _ = examdesk(capsys, "--db", demo, "posts", "--center", "04")
    assert status == 0 and ("04 保密室（考点保密室）: 6月10日下午 法规与政策 2/2; "
                            "6月11日上午 综合能力 2/2; 6月11日下午 实务(中级) 2/2\n") in out


def test_duty_exports_have_the_issue_columns(capsys, demo, tmp_path):
    path = tmp_path / "duties.xlsx"
    assert examdesk(capsys, "--db", demo, "export", "duties", path, "--center", "01")[0] == 0
    sheet = load_workbook(path).worksheets[0]
    assert tuple(c.value for c in sheet[1]) == DUTY_HEADER
    roles = {row[5] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"监考员", "监考员*"} <= roles
    assert examdesk(capsys, "--db", demo, "export", "posts", tmp_path / "p.xlsx")[0] == 0
    assert examdesk(capsys, "--db", demo, "export", "supplies", tmp_path / "s.xlsx")[0] == 0
    supplies = load_workbook(tmp_path / "s.xlsx").worksheets[0]
    water = [row for row in supplies.iter_rows(min_row=2, values_only=True)
             if row[0] == "01" and row[3] == "饮用水"]
    assert water == [("01", "周口技师学院", "饮水及物资发放点", "饮用水", 1200, "瓶")]


def test_supply_ratios_are_editable(capsys, demo):
    status, out, _ = examdesk(capsys, "--db", demo, "supplies", "show", "--center", "01")
    assert status == 0 and "01  饮水及物资发放点  饮用水  1,200 瓶" in out
    status, out, _ = examdesk(capsys, "--db", demo, "supplies", "set", "water_supplies", "饮用水",
                              "--per-candidate", "2")
    assert status == 0 and "01  饮水及物资发放点  饮用水  2,400 瓶" in out
    status, out, _ = examdesk(capsys, "--db", demo, "supplies", "set", "medical", "血压计",
                              "--fixed", "1", "--unit", "台")
    assert "05  医疗急救点  血压计  1 台" in out and "口罩  600 个" in out
    status, _, err = examdesk(capsys, "--db", demo, "supplies", "set", "medical", "纱布",
                              "--fixed", "-1")
    assert status == 2 and "negative" in err
