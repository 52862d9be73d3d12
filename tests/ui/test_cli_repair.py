"""Changes that break the roster say so, `import seating` checks as `check` does, and
`roster --repair` mends only the rooms concerned (issue 11)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from examdesk.db import open_database
from examdesk.enums import DutyKind
from examdesk.model import (
    AuditEvent,
    Candidate,
    Duty,
    ExamSession,
    Room,
    RoomDraw,
    SeatAssignment,
    Staff,
    TestCenter,
)
from tests.core.exchange.helpers import (
    HEADER,
    ROOM_HEADER,
    candidate,
    resident_id,
    room,
    write_workbook,
)
from ui.cli import run

ISSUE = re.compile(r"^(?:Error|Warning|错误|警告) \[([a-z-]+)\]")


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def demo(demo_copy_url):
    """The demo exam, seated and rostered, in a database of this test's own."""
    return demo_copy_url


def duty_rows(url) -> set[tuple]:
    """Every duty as it is stored (who, when, where, what, lead, locked)."""
    database = open_database(url)
    try:
        with database.begin() as session:
            return {tuple(r) for r in session.execute(
                select(Duty.staff_id, Duty.session_id, Duty.center_id, Duty.kind, Duty.role,
                       Duty.room_id, Duty.floor, Duty.post_id, Duty.is_lead, Duty.locked))}
    finally:
        database.close()


def room_ids(url, labels) -> set[int]:
    database = open_database(url)
    try:
        with database.begin() as session:
            return {room_id for room_id, center, code in session.execute(
                select(Room.id, TestCenter.code, Room.code).join(TestCenter))
                if f"{center}/{code}" in labels}
    finally:
        database.close()


def issue_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if ISSUE.match(line)]


def codes_by_section(out: str, start: str) -> dict[str, list[str]]:
    """The issue codes printed under each title line after ``start``."""
    lines = out.splitlines()
    found: dict[str, list[str]] = {}
    title = ""
    for line in lines[lines.index(start) + 1:]:
        match = ISSUE.match(line)
        if match:
            found[title].append(match.group(1))
        else:
            title = line.split(":")[0]
            found.setdefault(title, [])
    return found


def check_errors(capsys, url) -> list[dict[str, str]]:
    status, out, _ = examdesk(capsys, "--db", url, "check", "--json")
    errors = [i for i in json.loads(out) if i["severity"] == "error"]
    assert status == (1 if errors else 0)
    return errors


def spare_room_plan(capsys, url, tmp_path) -> Path:
    """An upstream plan seating room 01001's candidates in spare room 01041 instead."""
    exported = tmp_path / "center.xlsx"
    assert examdesk(capsys, "--db", url, "export", "seating", exported, "--center", "01")[0] == 0
    rows = list(load_workbook(exported).worksheets[0].iter_rows(values_only=True))
    moved = [[*row[:2], "01041", *row[3:]] for row in rows[1:] if row[2] == "01001"]
    assert len(moved) == 30
    return write_workbook(tmp_path / "upstream.xlsx", [rows[0], *moved], "考场编排")


def assert_only_rooms_changed(before: set[tuple], after: set[tuple], rooms: set[int]) -> None:
    """Every duty outside ``rooms`` is as it was, but for people moved into or out of them."""
    assert before != after
    moved = {r[0] for r in before ^ after}
    into = {(r[0], r[1]) for r in after - before if r[5] in rooms}
    for row in before - after:
        assert row[5] in rooms or (row[0], row[1]) in into, row  # a reserve taken into one
    for row in after - before:
        assert row[5] in rooms or row[0] in moved, row


def test_replanning_a_center_names_the_duties_it_broke_and_the_repair_mends_only_those(
        capsys, demo):
    before = duty_rows(demo)
    status, out, _ = examdesk(capsys, "--db", demo, "allocate", "--center", "02", "--seed", "5")
    assert status == 1 and "Seated 1,200 candidates" in out  # written, with problems
    named = issue_lines(out)
    assert named and all("[conflict-unit]" in line for line in named)
    assert "examdesk roster --repair --center 02" in out
    # exactly what `check` finds now
    errors = check_errors(capsys, demo)
    assert sorted(f"Error [{i['code']}] {i['message']}" for i in errors) == sorted(named)

    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--repair", "--center", "02",
                              "--seed", "1")
    assert status == 0 and "every other duty kept; 0 errors left" in out
    assert re.search(r"^.+（.+）, 6月1\d日.+: 02/020\d\d( \*)? → ", out, re.MULTILINE)
    assert check_errors(capsys, demo) == []
    assert_only_rooms_changed(before, duty_rows(demo), room_ids(demo, {i["room"] for i in errors}))
    # repaired: nothing left to repair
    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--repair")
    assert status == 0 and "0 duties changed" in out


def test_import_seating_checks_as_check_does_and_tells_plan_from_roster(capsys, demo,
                                                                       tmp_path):
    # a roster problem from before: a re-planned center
    assert examdesk(capsys, "--db", demo, "allocate", "--center", "02", "--seed", "5")[0] == 1
    path = spare_room_plan(capsys, demo, tmp_path)

    status, out, _ = examdesk(capsys, "--db", demo, "import", "seating", path)

    assert status == 1 and "30 updated" in out
    _, check_out, _ = examdesk(capsys, "--db", demo, "check")
    assert sorted(issue_lines(out)) == sorted(issue_lines(check_out))
    assert out.splitlines()[-1] == check_out.splitlines()[-1]  # "N errors, M warnings ..."
    sections = codes_by_section(out, "The plan, checked as 'examdesk check' does:")
    assert set(sections["The imported seating plan"]) == {"spare-used", "ticket-mismatch"}
    assert set(sections["The roster, where the imported seats broke it"]) == {
        "room-not-staffed", "room-not-in-use", "roving-missing"}
    assert set(sections["The roster, as it was before the import"]) == {"conflict-unit"}
    assert "examdesk roster --repair --center 01" in out

    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--repair", "--seed", "2")
    assert status == 0
    assert {i["code"] for i in check_errors(capsys, demo)} == {"spare-used", "ticket-mismatch"}


def test_a_seat_move_into_a_room_of_an_invigilators_colleague_is_named(capsys, demo,
                                                                       tmp_path):
    rooms = write_workbook(tmp_path / "rooms.xlsx", [
        ROOM_HEADER, room("05098", code="05", name="周口市文昌中学", address=None, floor=9.0),
        room("05099", code="05", name="周口市文昌中学", address=None, floor=9.0)], "考点考场")
    status, out, _ = examdesk(capsys, "--db", demo, "import", "rooms", rooms)
    assert status == 0 and "This change broke" not in out  # new rooms hold nobody yet
    first = resident_id("41160219900101001")
    late = write_workbook(tmp_path / "late.xlsx", [HEADER, [*candidate(
        1, "晚到", "男", first, level="社会工作师", subjects="法规与政策")[:9], "20234116009998"]])
    assert examdesk(capsys, "--db", demo, "import", "candidates", late)[0] == 0
    # a room in use without invigilators is named
    status, out, _ = examdesk(capsys, "--db", demo, "seat", "add", first, "--room", "05/05098")
    assert status == 1 and "[room-not-staffed] 05/05098 has 0 of 2 invigilators" in out
    assert "[roving-missing]" in out and "examdesk roster --repair --center 05" in out
    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--repair", "--center", "05",
                              "--seed", "1")
    assert status == 0 and "→ 05/05098" in out
    database = open_database(demo)
    with database.begin() as session:
        name, unit = session.execute(
            select(Staff.name, Staff.work_unit).join(Duty, Duty.staff_id == Staff.id)
            .join(Room, Room.id == Duty.room_id)
            .where(Room.code == "05098", Staff.work_unit != "")).first()
    database.close()
    # a colleague of theirs registers late and is seated next door, then moved in
    colleague = resident_id("41160219900101003")
    row = candidate(2, "同事", "男", colleague, level="社会工作师", subjects="法规与政策")
    row[7] = unit
    late = write_workbook(tmp_path / "colleague.xlsx", [HEADER, [*row[:9], "20234116009999"]])
    assert examdesk(capsys, "--db", demo, "import", "candidates", late)[0] == 0
    assert examdesk(capsys, "--db", demo, "seat", "add", colleague, "--room", "05099")[0] == 1

    status, out, _ = examdesk(capsys, "--db", demo, "seat", "move", colleague, "--room",
                              "05/05098")

    assert status == 1
    assert (f"Error [conflict-unit] {name}（{unit}） may not invigilate 05/05098 in "
            f"6月10日下午 法规与政策: candidates of their own work unit ({unit}) sit in this "
            "room") in out
    assert "examdesk roster --repair --center 05" in out


def test_a_staff_import_giving_an_invigilator_another_unit_names_their_duties(capsys, demo,
                                                                              tmp_path):
    database = open_database(demo)
    with database.begin() as session:
        staff_id, id_number, name, room_id, label = session.execute(
            select(Staff.id, Staff.id_number, Staff.name, Room.id,
                   TestCenter.code + "/" + Room.code)
            .join(Duty, Duty.staff_id == Staff.id).join(Room, Room.id == Duty.room_id)
            .join(TestCenter, TestCenter.id == Room.center_id)
            .where(Duty.kind == DutyKind.ROOM).order_by(Duty.id)).first()
        unit = session.scalar(
            select(Candidate.work_unit).join(SeatAssignment)
            .where(SeatAssignment.room_id == room_id).order_by(Candidate.id))
    database.close()
    path = tmp_path / "staff.xlsx"
    assert examdesk(capsys, "--db", demo, "export", "staff", path)[0] == 0
    workbook = load_workbook(path)
    for row in workbook.worksheets[0].iter_rows(min_row=2):
        if row[3].value == id_number:
            row[4].value = unit  # they now work where some of their candidates work
    workbook.save(path)
    before = duty_rows(demo)

    status, out, _ = examdesk(capsys, "--db", demo, "import", "staff", path)

    assert status == 1 and "1 updated" in out
    named = issue_lines(out)
    assert named and all(f"[conflict-unit] {name}（{unit}） may not invigilate " in line
                         for line in named)
    assert any(f" may not invigilate {label} in " in line for line in named)
    center = label.split("/")[0]
    assert f"examdesk roster --repair --center {center}" in out
    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--repair", "--center", center,
                              "--seed", "1")
    assert status == 0 and f"{name}（{unit}）" in out
    assert check_errors(capsys, demo) == []
    assert_only_rooms_changed(before, duty_rows(demo), {room_id})
    assert not [r for r in duty_rows(demo) if r[0] == staff_id and r[5] == room_id]


def test_changes_that_break_nothing_exit_0(capsys, demo):
    database = open_database(demo)
    with database.begin() as session:
        # two candidates of one room swap seats: the room holds the same people
        first, second = session.scalars(
            select(Candidate.id_number).join(SeatAssignment)
            .where(SeatAssignment.room_id == 1).order_by(SeatAssignment.seat_no).limit(2))
    database.close()
    status, out, _ = examdesk(capsys, "--db", demo, "seat", "swap", first, second)
    assert status == 0 and "This change broke" not in out
    assert examdesk(capsys, "--db", demo, "seat", "lock", "01/01001")[0] == 0
    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--repair")
    assert status == 0 and "0 duties changed" in out


def colleague_swap(url, center: str, session_code: str) -> tuple[str, str, str]:
    """Two candidates of one level at ``center`` whose swap seats one of them before an
    invigilator of their own work unit in ``session_code``: their ID numbers, and the room."""
    database = open_database(url)
    try:
        with database.begin() as session:
            duties = session.execute(
                select(Staff.work_unit, Room.id, TestCenter.code + "/" + Room.code)
                .join(Duty, Duty.staff_id == Staff.id).join(Room, Room.id == Duty.room_id)
                .join(TestCenter).join(ExamSession, ExamSession.id == Duty.session_id)
                .where(TestCenter.code == center, ExamSession.code == session_code,
                       Staff.work_unit != "").order_by(Room.code, Staff.id)).all()
            for unit, room_id, label in duties:
                inside = session.execute(
                    select(Candidate.id_number, Candidate.level_id, Candidate.work_unit)
                    .join(SeatAssignment).where(SeatAssignment.room_id == room_id)).all()
                if any(u == unit for _i, _l, u in inside):
                    continue
                level = inside[0][1]
                colleague = session.scalar(
                    select(Candidate.id_number).join(SeatAssignment)
                    .join(Room, Room.id == SeatAssignment.room_id).join(TestCenter)
                    .where(TestCenter.code == center, Candidate.work_unit == unit,
                           Candidate.level_id == level).limit(1))
                if colleague is not None:
                    return colleague, inside[0][0], label
    finally:
        database.close()
    raise AssertionError("no such pair in the demo")


def test_a_repair_after_the_draw_keeps_it_and_names_the_rooms_it_changed(capsys, demo):
    assert examdesk(capsys, "--db", demo, "draw", "--center", "02", "--session", "S2",
                    "--seed", "77")[0] == 0
    colleague, other, label = colleague_swap(demo, "02", "S2")
    status, out, _ = examdesk(capsys, "--db", demo, "seat", "swap", colleague, other)
    assert status == 1 and f" may not invigilate {label} in 6月11日上午 综合能力: " in out

    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--repair", "--center", "02",
                              "--seed", "1")

    assert status == 0
    # the draw was held: it stays, as after a replacement, and the rooms drawn by others
    # are named (a new draw would send every team of the center to another room)
    drawn = [line for line in out.splitlines() if "had drawn" in line]
    assert drawn == [
        f"Test center 02 had drawn its rooms for 6月11日上午 综合能力 before this repair. The "
        f"draw stands; in {label} the invigilators are now people who did not draw the room: "
        "tell them, and print the center's duty sheet, their duty cards and those rooms' "
        "sheets again."]
    database = open_database(demo)
    with database.begin() as session:
        assert session.scalar(select(func.count(RoomDraw.id))) == 1
        details = session.scalar(select(AuditEvent.details)
                                 .where(AuditEvent.action == "duties.repair"))
    database.close()
    assert details["changed_after_draw"] == [f"6月11日上午 综合能力 {label}"]


def test_the_broken_duties_and_the_repair_in_chinese(examdesk_app, capsys, demo):
    status, out, _ = examdesk(capsys, "--db", demo, "allocate", "--center", "02", "--seed", "5")
    assert status == 1
    assert "此次更改破坏了监考安排（新增 2 个问题）：" in out
    assert re.search(r"^错误 \[conflict-unit\] ", out, re.MULTILINE)
    assert "只重新安排相关考场、保留其他所有任务：examdesk roster --repair --center 02" in out
    status, out, _ = examdesk(capsys, "--db", demo, "roster", "--repair", "--seed", "1")
    assert status == 0 and "其他任务全部保持不变；剩余错误 0 个" in out
    assert re.search(r"^.+（.+），6月1\d日.+：02/020\d\d( \*)? → ", out, re.MULTILINE)


def test_a_repair_names_itself_by_its_command_to_whoever_waits(examdesk_app, capsys, demo,
                                                                write_purposes):
    # what another user's waiting message says, in whatever language they read it
    assert examdesk(capsys, "--db", demo, "roster", "--repair", "--seed", "1")[0] == 0
    assert write_purposes == ["roster --repair"]


def test_import_seating_sections_in_chinese(examdesk_app, capsys, demo, tmp_path):
    path = spare_room_plan(capsys, demo, tmp_path)
    status, out, _ = examdesk(capsys, "--db", demo, "import", "seating", path)
    assert status == 1
    for line in ("按“examdesk check”检查整个方案：", "导入的考场编排：2 个问题。",
                 "监考安排中被导入的座位破坏之处：8 个问题。", "导入前监考安排原有的问题：0 个。"):
        assert line in out.splitlines()


def test_repair_needs_a_roster_and_a_known_center(capsys, own_exam_copy_url, demo):
    status, _, err = examdesk(capsys, "--db", own_exam_copy_url, "roster", "--repair")
    assert status == 1 and "no roster to repair yet" in err and "examdesk roster" in err
    status, _, err = examdesk(capsys, "--db", demo, "roster", "--repair", "--center", "99")
    assert status == 2 and "99" in err and len(err.strip().splitlines()) == 1


def test_the_seats_of_an_exam_without_a_roster_break_nothing(capsys, own_exam_copy_url):
    status, out, _ = examdesk(capsys, "--db", own_exam_copy_url, "allocate", "--seed", "1")
    assert status == 0 and "This change broke" not in out


def test_a_staffing_setting_that_breaks_the_roster_names_the_duties(capsys, demo_copy_url):
    url = demo_copy_url
    # seat order and ticket pattern decide the next allocation only: nothing is broken
    status, out, _ = examdesk(capsys, "--db", url, "exam", "set", "--seat-order", "snake")
    assert status == 0 and "broke the roster" not in out
    status, out, _ = examdesk(capsys, "--db", url, "exam", "set", "--invigilators-per-room",
                              "3")
    assert status == 1 and "This change broke the roster" in out
    assert "[room-not-staffed]" in out or "[room-short]" in out
    assert "examdesk roster --repair" in out
    status, out, _ = examdesk(capsys, "--db", url, "exam", "set", "--invigilators-per-room",
                              "2")
    assert status == 0 and "broke the roster" not in out  # back as the roster was made
