"""`examdesk allocate`, `check`, `seat ...`, `import seating` and `export seating`."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from examdesk.exchange.sheets import read_table
from tests.core.exchange.helpers import (
    HEADER,
    ROOM_HEADER,
    candidate,
    resident_id,
    room,
    write_workbook,
)
from ui.cli import run

LATE = resident_id("41160219900101001")
WITHDRAWN = "411681196910024745"  # 20234116000001 谢萍 (社会工作师)
SEATING_HEADER = ("考点编号", "考点名称", "考场号", "座位号", "准考证号", "姓名", "性别",
                  "身份证号", "报考级别", "报考科目", "工作单位")


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def demo(demo_copy_url):
    """The demo exam, loaded as `examdesk demo` loads it, in a database of this test's own."""
    return demo_copy_url


@pytest.fixture
def allocated(capsys, demo):
    status, out, _ = examdesk(capsys, "--db", demo, "allocate", "--seed", "7")
    assert status == 0 and "Seated 6,000 candidates" in out and "seed 7" in out
    return demo


def seating(capsys, url, tmp_path, name="s.xlsx", *options):
    path = tmp_path / name
    assert examdesk(capsys, "--db", url, "export", "seating", path, *options)[0] == 0
    return read_table(path).rows


def test_the_reference_exam_allocates_with_no_problem(capsys, allocated, tmp_path):
    status, out, _ = examdesk(capsys, "--db", allocated, "check")
    assert status == 0 and "0 errors, 0 warnings" in out
    status, out, _ = examdesk(capsys, "--db", allocated, "stats", "--json")
    assert json.loads(out)["seated_candidates"] == 6000
    path = tmp_path / "plan.xlsx"
    examdesk(capsys, "--db", allocated, "export", "seating", path)
    sheet = load_workbook(path).worksheets[0]
    assert tuple(c.value for c in sheet[1]) == SEATING_HEADER
    assert sheet["E2"].value == "12341010101" and sheet["D2"].value == 1


def test_the_same_seed_gives_the_same_plan_and_another_seed_another(capsys, allocated,
                                                                     tmp_path):
    first = seating(capsys, allocated, tmp_path, "a.xlsx")
    assert examdesk(capsys, "--db", allocated, "allocate", "--seed", "7")[0] == 0
    assert seating(capsys, allocated, tmp_path, "b.xlsx") == first
    assert examdesk(capsys, "--db", allocated, "allocate", "--seed", "8")[0] == 0
    assert seating(capsys, allocated, tmp_path, "c.xlsx") != first


def test_keep_seats_only_the_newcomers(capsys, allocated, tmp_path):
    before = seating(capsys, allocated, tmp_path, "before.xlsx")
    assert examdesk(capsys, "--db", allocated, "seat", "withdraw", "20234116000001")[0] == 0
    # the withdrawn seat's number is retired, so the newcomer needs a new room
    rooms = write_workbook(tmp_path / "room.xlsx", [
        ROOM_HEADER, room("05099", code="05", name="周口市文昌中学", address=None)], "考点考场")
    assert examdesk(capsys, "--db", allocated, "import", "rooms", rooms)[0] == 0
    late = write_workbook(tmp_path / "late.xlsx", [
        HEADER, [*candidate(1, "晚到", "男", LATE, level="社会工作师",
                            subjects="法规与政策")[:9], "20234116009999"]])
    assert examdesk(capsys, "--db", allocated, "import", "candidates", late)[0] == 0
    status, out, _ = examdesk(capsys, "--db", allocated, "allocate", "--keep")
    # seated, and the new room, in use now, has no invigilators: named, with the repair
    assert status == 1 and "Seated 1 candidates (5,999 kept" in out
    assert "[room-not-staffed] 05/05099 has 0 of 2 invigilators" in out
    assert "examdesk roster --repair --center 05" in out
    after = {row.cells[7]: row.cells for row in seating(capsys, allocated, tmp_path,
                                                         "after.xlsx")[1:]}
    assert after[LATE][:4] == ("05", "周口市文昌中学", "05099", 1)
    assert all(after[row.cells[7]] == row.cells for row in before[1:]
               if row.cells[7] != WITHDRAWN)
    # the seating is sound; the new room has no invigilators until the roster is made again
    status, out, _ = examdesk(capsys, "--db", allocated, "check", "--json")
    assert status == 1 and {(i["code"], i["room"]) for i in json.loads(out)
                            if i["severity"] == "error"} == {("room-not-staffed", "05/05099")}
    assert examdesk(capsys, "--db", allocated, "roster", "--seed", "1")[0] == 0
    assert examdesk(capsys, "--db", allocated, "check")[0] == 0


def test_an_impossible_allocation_explains_itself_and_writes_nothing(capsys, demo, tmp_path):
    path = write_workbook(tmp_path / "more.xlsx", [
        HEADER, [*candidate(1, "多一个", "男", resident_id("41160219900101001"))[:9],
                 "20234116009999"]])
    assert examdesk(capsys, "--db", demo, "import", "candidates", path)[0] == 0
    status, out, err = examdesk(capsys, "--db", demo, "allocate", "--seed", "1")
    assert status == 1 and out == ""
    # 3,601 初级 candidates take 121 rooms, which leaves 30 中级 candidates without a seat
    assert "30 社会工作师 candidates have no seat" in err and "add a room" in err
    # the demo's plan (6,000 seated) is left as it was
    assert json.loads(examdesk(capsys, "--db", demo, "stats", "--json")[1])[
        "seated_candidates"] == 6000


def test_seat_commands_change_one_thing_and_refuse_with_a_reason(capsys, allocated):
    status, out, _ = examdesk(capsys, "--db", allocated, "seat", "withdraw", "20234116000001")
    assert status == 0 and "withdrawn" in out and "is retired" in out
    status, _, err = examdesk(capsys, "--db", allocated, "seat", "move", "20234116000002",
                              "--room", "01001", "--seat", "1")
    assert status == 1 and "taken by" in err
    assert examdesk(capsys, "--db", allocated, "seat", "lock", "01/01001")[0] == 0
    status, _, err = examdesk(capsys, "--db", allocated, "seat", "swap", "20234116000002",
                              "20234116000001")
    assert status == 1 and "has withdrawn" in err
    status, _, err = examdesk(capsys, "--db", allocated, "seat", "add", "20234116000002")
    assert status == 1 and "already sits" in err
    status, _, err = examdesk(capsys, "--db", allocated, "seat", "add", "nobody")
    assert status == 2 and err.count("\n") == 1
    assert examdesk(capsys, "--db", allocated, "check")[0] == 0


def test_a_center_is_replanned_alone(capsys, allocated, tmp_path):
    before = seating(capsys, allocated, tmp_path, "before.xlsx")
    status, out, _ = examdesk(capsys, "--db", allocated, "allocate", "--center", "02",
                              "--seed", "99")
    assert "kept where they were" in out
    named = {line.split("]")[0] + "]" for line in out.splitlines() if line.startswith("Error [")}
    after = seating(capsys, allocated, tmp_path, "after.xlsx")
    outside = [r.cells for r in before[1:] if r.cells[0] != "02"]
    assert outside == [r.cells for r in after[1:] if r.cells[0] != "02"]
    inside_before = sorted(r.cells[7] for r in before[1:] if r.cells[0] == "02")
    inside_after = [r for r in after[1:] if r.cells[0] == "02"]
    assert sorted(r.cells[7] for r in inside_after) == inside_before
    assert [r.cells for r in before[1:] if r.cells[0] == "02"] != [r.cells for r in inside_after]
    # the seats are sound; only the roster may now meet new candidates (回避), and the
    # allocation said so
    check_status, out, _ = examdesk(capsys, "--db", allocated, "check", "--json")
    errors = {i["code"] for i in json.loads(out) if i["severity"] == "error"}
    assert errors <= {"conflict-unit", "conflict-relative", "room-not-staffed"}
    assert status == check_status and named == {f"Error [{code}]" for code in errors}
    assert examdesk(capsys, "--db", allocated, "roster", "--seed", "1")[0] == 0
    assert examdesk(capsys, "--db", allocated, "check")[0] == 0


def test_a_damaged_upstream_plan_is_reported_problem_by_problem(capsys, allocated, tmp_path):
    path = tmp_path / "upstream.xlsx"
    examdesk(capsys, "--db", allocated, "export", "seating", path)
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    sheet["E5"] = "12341010199"       # ticket that the pattern does not make
    sheet["D12"] = 45                 # a seat the room does not have
    sheet["C20"] = "99999"            # a room the center does not have
    sheet["H30"] = "110101199003078515"  # nobody in the exam
    workbook.save(path)
    status, out, _ = examdesk(capsys, "--db", allocated, "import", "seating", path)
    assert status == 2 and "Nothing was written" in out
    assert "row 20, column C (考场号)" in out and "row 30, column H (身份证号)" in out
    status, out, _ = examdesk(capsys, "--db", allocated, "import", "seating", path,
                              "--skip-invalid")
    assert status == 2
    assert "[seat-outside]" in out and "[ticket-mismatch]" in out and "seat 45" in out
    status, out, _ = examdesk(capsys, "--db", allocated, "check", "--json")
    codes = sorted(issue["code"] for issue in json.loads(out))
    assert status == 1 and codes == ["seat-outside", "ticket-mismatch"]


def test_allocation_follows_the_exam_settings(capsys, demo, tmp_path):
    status, out, _ = examdesk(capsys, "--db", demo, "exam", "set", "--center-order", "03,01",
                              "--ticket-pattern", "0 center:2 room:2 seat:2",
                              "--seat-order", "snake", "--first-seat", "back_right")
    assert status == 0 and "center order           03,01,02,04,05" in out
    status, out, _ = examdesk(capsys, "--db", demo, "allocate", "--seed", "5")
    assert status == 1 and "examdesk roster --repair" in out  # the roster no longer fits
    rows = seating(capsys, demo, tmp_path)
    first = rows[1].cells
    assert first[0] == "03" and first[4] == "0030101"  # center 03 is filled first
    status, out, _ = examdesk(capsys, "--db", demo, "exam", "show", "--json")
    shown = json.loads(out)
    levels = shown.pop("levels")  # added with the abbreviations; the settings' keys stay
    assert shown == {
        "seat_order": "snake", "first_seat": "back_right",
        "ticket_pattern": "0 center:2 room:2 seat:2", "by_district": False,
        "merge_tail": 3, "center_order": ["03", "01", "02", "04", "05"],
        "invigilators_per_room": 2, "max_sessions": 3, "reserve_ratio": 0.1,
        "cross_center": False,
        # the phones the candidate notice publishes (issue 14)
        "tech_service_phone": "0394-8238110", "hotline_phone": "0394-8238118"}
    assert [level["name"] for level in levels] == ["助理社会工作师", "社会工作师"]
    assert examdesk(capsys, "--db", demo, "roster", "--seed", "1")[0] == 0  # new rooms, new team
    assert examdesk(capsys, "--db", demo, "check")[0] == 0


@pytest.mark.parametrize("option, value, says", [
    ("--ticket-pattern", "level:1 room:2", "no seat field"),
    ("--ticket-pattern", "level=1", "is not name:width"),
    ("--center-order", "09", "09"),
    ("--merge-tail", "11", "between 0 and 10"),
    ("--max-sessions", "0", "between 1 and 20"),
])
def test_settings_that_cannot_work_are_refused(capsys, demo, option, value, says):
    status, _, err = examdesk(capsys, "--db", demo, "exam", "set", option, value)
    assert status in (1, 2) and says in err and err.count("\n") == 1
