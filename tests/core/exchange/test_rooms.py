"""Validating room rows: grids, capacities, flags, and the rows of each test center agreeing."""

from __future__ import annotations

from pathlib import Path

from examdesk.exchange.problems import Severity
from examdesk.exchange.rooms import RoomImport, load_rooms
from tests.core.exchange.helpers import ROOM_HEADER, room, write_workbook

SAMPLE = Path(__file__).resolve().parents[3] / "resources" / "samples" / "rooms.xlsx"


def _load(tmp_path: Path, *rows: list[object], header: tuple[str, ...] = ROOM_HEADER) -> RoomImport:
    path = write_workbook(tmp_path / "r.xlsx", [header, *rows], title="考点考场")
    return load_rooms(path)


def _problems(result: RoomImport) -> list[tuple[int | None, str, Severity]]:
    return [(p.row, p.column, p.severity) for p in result.problems]


def _rows(result: RoomImport) -> list[int]:
    return [r.row for r in result.records]


def test_the_sample_reads_cleanly():
    result = load_rooms(SAMPLE)
    assert len(result.records) == 205
    assert result.problems == ()
    assert result.notes == ()
    assert len({(r.center_code, r.center_name) for r in result.records}) == 5
    first, last = result.records[0], result.records[-1]
    assert (first.row, first.center_code, first.center_name, first.center_address) == (
        2, "01", "周口技师学院", "周口市川汇区文昌大道中段")
    assert (first.room_no, first.building, first.floor, first.label) == (
        "01001", "教学楼A", 1, "101")
    assert (first.rows, first.columns, first.unusable_seats, first.capacity) == (6, 5, (), 30)
    assert (first.accessible, first.spare) == (True, False)
    assert (last.room_no, last.floor, last.spare) == ("05041", 5, True)
    assert sum(r.accessible for r in result.records) == 5
    assert sum(r.spare for r in result.records) == 5


def test_numbers_typed_in_many_ways_are_read(tmp_path):
    result = _load(
        tmp_path,
        room(7.0, rows="6", columns="５", floor="3楼"),
        room("０１００２", rows=6, columns=5.0, floor="3层", accessible="Y", spare="√"),
        room("01003", floor="3F", accessible="", spare=""),
        room("01004", floor="-1"),
        room("01005", floor="B1"),
        room("01006", floor=None, accessible="是", spare="否"),
        room("01007", floor="b2", accessible="ｙｅｓ", spare="0"),
    )
    assert result.problems == ()
    assert [(r.room_no, r.rows, r.columns, r.floor) for r in result.records] == [
        ("7", 6, 5, 3), ("01002", 6, 5, 3), ("01003", 6, 5, 3), ("01004", 6, 5, -1),
        ("01005", 6, 5, -1), ("01006", 6, 5, None), ("01007", 6, 5, -2)]
    assert [(r.accessible, r.spare) for r in result.records] == [
        (False, False), (True, True), (False, False), (False, False), (False, False),
        (True, False), (True, False)]


def test_center_name_and_room_number_are_required(tmp_path):
    result = _load(tmp_path, room("01001", name=""), room(""), room("01003"))
    assert _problems(result) == [(2, "B", Severity.ERROR), (3, "D", Severity.ERROR)]
    assert [p.what for p in result.problems] == [
        "the test center is missing", "the room number is missing"]
    assert _rows(result) == [4]


def test_texts_longer_than_the_database_holds(tmp_path):
    result = _load(
        tmp_path,
        room("0" * 17),
        room("01002", code="1" * 17, name="长" * 101, address="址" * 201),
        room("01003", building="楼" * 51, label="教" * 51),
        room("0" * 16, name="学" * 100, address="路" * 200, building="楼" * 50,
             label="教" * 50, code="9" * 16),
    )
    assert _problems(result) == [
        (2, "D", Severity.ERROR),
        (3, "A", Severity.ERROR), (3, "B", Severity.ERROR), (3, "C", Severity.ERROR),
        (4, "E", Severity.ERROR), (4, "G", Severity.ERROR),
    ]
    assert result.problems[0].what == "this is 17 characters long, longer than the 16 that fit"
    assert result.problems[0].fix == "shorten it to at most 16 characters"
    assert result.problems[3].fix == "shorten it to at most 200 characters"
    assert _rows(result) == [5]


def test_seat_rows_and_columns_must_be_whole_numbers_from_1_to_50(tmp_path):
    result = _load(
        tmp_path,
        room("01001", rows=6.5),
        room("01002", columns="六"),
        room("01003", rows=0),
        room("01004", columns=51),
        room("01005", rows=50, columns="50"),
    )
    assert _problems(result) == [
        (2, "H", Severity.ERROR), (3, "I", Severity.ERROR), (4, "H", Severity.ERROR),
        (5, "I", Severity.ERROR)]
    assert [p.what for p in result.problems] == [
        "the number of seat rows is not a whole number",
        "the number of seat columns is not a whole number",
        "a room has 1 to 50 rows of seats",
        "a room has 1 to 50 columns of seats",
    ]
    assert result.problems[0].fix == (
        "write the number of rows of desks from the front to the back, e.g. 6")
    assert result.problems[1].fix == "write the number of desks in each row, e.g. 5"
    assert [(r.row, r.capacity) for r in result.records] == [(6, 2500)]


def test_a_capacity_above_the_grid_is_an_error(tmp_path):
    result = _load(tmp_path, room("01001", capacity=31), room("01002", capacity=30))
    assert _problems(result) == [(2, "J", Severity.ERROR)]
    assert result.problems[0].what == "the grid has only 30 seats (6 rows of 5)"
    assert _rows(result) == [3]


def test_a_capacity_below_the_grid_leaves_the_back_seats_empty(tmp_path):
    result = _load(tmp_path, room("01001", capacity=27), room("01002", capacity="23"))
    assert _problems(result) == [(2, "J", Severity.WARNING), (3, "J", Severity.WARNING)]
    assert result.problems[0].what == (
        "the grid has 30 seats: the last 3 at the back are left empty")
    first, second = result.records
    assert first.unusable_seats == ((6, 3), (6, 4), (6, 5))
    assert first.capacity == 27
    assert second.unusable_seats == ((5, 4), (5, 5), (6, 1), (6, 2), (6, 3), (6, 4), (6, 5))
    assert second.capacity == 23


def test_a_capacity_below_1_is_an_error(tmp_path):
    result = _load(tmp_path, room("01001", capacity=0),
                   room("01002", rows=None, columns=None, capacity=-3))
    assert _problems(result) == [(2, "J", Severity.ERROR), (3, "J", Severity.ERROR)]
    assert {p.what for p in result.problems} == {"a room has at least 1 seat"}
    assert result.records == ()


def test_a_capacity_without_a_grid_is_laid_out_five_seats_a_row(tmp_path):
    result = _load(
        tmp_path,
        room("01001", rows=None, columns=None, capacity=32),
        room("01002", rows=None, columns=None, capacity=3),
        room("01003", rows=None, columns=None, capacity=251),
    )
    assert _problems(result) == [
        (2, "J", Severity.WARNING), (3, "J", Severity.WARNING), (4, "J", Severity.ERROR)]
    assert result.problems[0].what == "no seat grid given; laid out as 7 rows of 5 columns"
    assert result.problems[1].what == "no seat grid given; laid out as 1 rows of 3 columns"
    assert result.problems[2].what == "without a seat grid a room can have at most 250 seats"
    first, second = result.records
    assert (first.rows, first.columns, first.capacity) == (7, 5, 32)
    assert first.unusable_seats == ((7, 3), (7, 4), (7, 5))
    assert (second.rows, second.columns, second.unusable_seats) == (1, 3, ())


def test_no_grid_and_no_capacity_is_an_error_naming_the_columns(tmp_path):
    result = _load(tmp_path, room("01001", rows=None, columns=None), room("01002"))
    assert _problems(result) == [(2, "H", Severity.ERROR)]
    assert result.problems[0].fix == (
        "fill in 座位行数 and 座位列数 (or 座位数), adding the columns if the sheet has none")
    assert _rows(result) == [3]


def test_a_sheet_without_seat_columns_is_an_error_at_no_column(tmp_path):
    result = _load(tmp_path, ["01", "周口技师学院", "01001"],
                   header=("考点编号", "考点名称", "考场号"))
    assert _problems(result) == [(2, "", Severity.ERROR)]
    assert result.problems[0].what == "the room's seats are not given"


def test_rows_without_columns_or_columns_without_rows(tmp_path):
    result = _load(tmp_path, room("01001", columns=None), room("01002", rows=None, capacity=30))
    assert _problems(result) == [(2, "I", Severity.ERROR), (3, "H", Severity.ERROR)]
    assert [p.what for p in result.problems] == [
        "the number of seat columns is missing", "the number of seat rows is missing"]
    assert result.records == ()


def test_a_floor_that_is_not_a_number_is_an_error(tmp_path):
    result = _load(tmp_path, room("01001", floor="三楼"), room("01002", floor=2.5),
                   room("01003", floor="二层半"), room("01004", floor=2.0))
    assert _problems(result) == [
        (2, "F", Severity.ERROR), (3, "F", Severity.ERROR), (4, "F", Severity.ERROR)]
    assert result.problems[0].fix == (
        "write the floor as a whole number, e.g. 3, or B1 for the first floor below ground")
    assert [(r.row, r.floor) for r in result.records] == [(5, 2)]


def test_yes_and_no_cells_accept_only_yes_or_no_words(tmp_path):
    result = _load(tmp_path, room("01001", accessible="可以"), room("01002", spare="备用"),
                   room("01003", accessible="Yes", spare="NO"))
    assert _problems(result) == [(2, "K", Severity.ERROR), (3, "L", Severity.ERROR)]
    assert {p.fix for p in result.problems} == {"write 是 or 否"}
    [record] = result.records
    assert (record.row, record.accessible, record.spare) == (4, True, False)


def test_a_room_twice_in_one_center_is_reported_on_every_row(tmp_path):
    result = _load(
        tmp_path,
        room("01001"),
        room("01001", code="02", name="周口职业技术学院", address=""),  # another center
        room("01001"),
        room("01002"),
        room(" 01001", code="０１"),  # the same code and number, typed differently
    )
    assert _problems(result) == [
        (2, "D", Severity.ERROR), (4, "D", Severity.ERROR), (6, "D", Severity.ERROR)]
    assert [p.what for p in result.problems] == [
        "this room of the test center is also in row 4, 6",
        "this room of the test center is also in row 2, 6",
        "this room of the test center is also in row 2, 4",
    ]
    assert _rows(result) == [3, 5]


def test_without_codes_rooms_are_grouped_by_the_center_name(tmp_path):
    result = _load(
        tmp_path,
        room("1", code=None),
        room("1", code=None, name="周口市文昌中学", address=""),
        room("1", code=None),
    )
    assert _problems(result) == [(2, "D", Severity.ERROR), (4, "D", Severity.ERROR)]
    [record] = result.records
    assert (record.row, record.center_code, record.center_name) == (3, "", "周口市文昌中学")


def test_one_code_with_two_names_and_one_name_with_two_codes(tmp_path):
    result = _load(
        tmp_path,
        room("01001"),
        room("01002", name="周口技师学院南校区"),  # code 01 named otherwise
        room("02001", code="02"),  # 周口技师学院 with another code
        room("01003", code=None),  # no code: the name's code 01 is taken
    )
    assert _problems(result) == [(3, "B", Severity.ERROR), (4, "A", Severity.ERROR)]
    assert result.problems[0].what == "test center 01 is named 周口技师学院 in row 2"
    assert result.problems[1].what == "test center 周口技师学院 has code 01 in row 2"
    assert [(r.row, r.center_code) for r in result.records] == [(2, "01"), (5, "01")]


def test_a_differing_address_is_a_warning_and_the_first_is_kept(tmp_path):
    result = _load(
        tmp_path,
        room("01001", address=""),
        room("01002"),
        room("01003", address="周口市川汇区文昌大道"),
    )
    assert _problems(result) == [(4, "C", Severity.WARNING)]
    assert result.problems[0].what == (
        "the test center's address is 周口市川汇区文昌大道中段 in row 3, which is kept")
    assert {r.center_address for r in result.records} == {"周口市川汇区文昌大道中段"}
    assert _rows(result) == [2, 3, 4]


def test_blank_rows_and_a_trailing_note_row_are_skipped(tmp_path):
    header = ("序号", *ROOM_HEADER)
    note: list[object] = [3, *[None] * len(ROOM_HEADER)]
    result = _load(tmp_path, [1, *room("01001")], [None] * 13, [2, *room("01002")], note,
                   header=header)
    assert result.problems == ()
    assert [(r.row, r.room_no) for r in result.records] == [(2, "01001"), (4, "01002")]


def test_missing_required_columns_stop_before_the_rows(tmp_path):
    result = _load(tmp_path, ["01", "101"], header=("考点编号", "教室"))
    assert result.records == ()
    [problem] = result.problems
    assert (problem.row, problem.severity) == (1, Severity.ERROR)
    assert "考点名称, 考场号" in problem.what


def test_unusable_seats_are_listed_row_column(tmp_path):
    header = (*ROOM_HEADER, "不可用座位")
    result = _load(
        tmp_path,
        [*room("01001", capacity=28), "6-5、6－4"],
        [*room("01002"), "1排2列"],
        [*room("01003"), "7-1"],
        [*room("01004", capacity=30), "6-5"],
        [*room("01005", rows=None, columns=None, capacity=30), "6-5"],
        [*room("01006"), "front row"],
        header=header,
    )
    assert [(r.room_no, r.unusable_seats, r.capacity) for r in result.records] == [
        ("01001", ((6, 4), (6, 5)), 28), ("01002", ((1, 2),), 29)]
    assert _problems(result) == [
        (4, "M", Severity.ERROR),  # 7-1 is outside the 6 x 5 grid
        (5, "J", Severity.ERROR),  # 30 seats stated, 29 left
        (6, "M", Severity.ERROR),  # no grid to place it in
        (7, "M", Severity.ERROR),  # not row-column
    ]
    assert "6 x 5" in result.problems[0].what
