"""Validate the rows of a room list (考点考场) into clean records and located problems.

Pure: no database. Each row is one exam room with its test center; the centers are
derived from the rows, so the rows of one center must agree on its code, name and address.
A room is a grid of single desks: the sheet gives its rows and columns, its capacity, or
both (a capacity below the grid leaves the last seats at the back empty).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from examdesk.exchange.headers import ROOM_COLUMNS, HeaderMap, SheetKind, map_headers
from examdesk.exchange.normalize import cell_text, half_width, match_key, split_list
from examdesk.exchange.problems import Checked, Problems, Severity, other_rows
from examdesk.exchange.rowcheck import RowChecker, data_rows
from examdesk.exchange.sheets import CellValue, RawRow, RawSheet, read_table
from examdesk.i18n import translate
from examdesk.labels import NO_WORDS, YES_WORDS
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress

#: The most rows, and the most columns, of seats a room may have (as the database allows).
MAX_SIDE = 50
# The highest floor (and the deepest basement) a room can be on.
MAX_FLOOR = 200
# Numbers beyond this are all alike: too large for any count of a room.
_HUGE = 10**9
#: Columns of the grid laid out for a room that gives only its capacity.
DEFAULT_COLUMNS = 5

# The longest text each column of the rooms sheet may hold: the database's column widths.
LENGTHS = {
    "center_code": 16, "center_name": 100, "center_address": 200, "center_route": 500,
    "room_no": 16, "building": 50, "classroom": 50,
}
_YES = frozenset(match_key(word) for word in YES_WORDS)
_NO = frozenset(match_key(word) for word in NO_WORDS)
# match_key has already folded the width and the case: "３Ｆ" is "3f" here
_WHOLE = re.compile(r"-?\d+(?:\.0*)?")
_FLOOR = re.compile(r"(-?\d+)(?:楼|层|f)?")
_BASEMENT = re.compile(r"b([1-9]\d*)")


@dataclass(frozen=True)
class RoomRecord:
    """One valid room row, cleaned.

    Attributes:
        row: the 1-based Excel row it came from.
        center_code: the test center's code, "" when the sheet has none for it.
        center_name: the test center's name (as in the center's first row).
        center_address: the center's address (the first one written for it), or "".
        room_no: the room number as text, leading zeros kept.
        building: the building, or "".
        floor: the floor (negative below ground), or None.
        label: the classroom (教室), or "".
        rows: rows of seats, front to back.
        columns: seats in each row.
        unusable_seats: (row, column) pairs left empty, 1-based, row 1 at the front.
        accessible: whether the room is accessible (无障碍考场).
        spare: whether the room is held in reserve (备用考场).
        center_route: how candidates get to the center (the first route written for it),
            or "": printed in its candidate notice.
    """

    row: int
    center_code: str
    center_name: str
    center_address: str
    room_no: str
    building: str
    floor: int | None
    label: str
    rows: int
    columns: int
    unusable_seats: tuple[tuple[int, int], ...]
    accessible: bool
    spare: bool
    center_route: str = ""

    @property
    def capacity(self) -> int:
        """Usable seats: the grid less its unusable seats."""
        return self.rows * self.columns - len(self.unusable_seats)


#: What validating a room sheet produced.
RoomImport = Checked[RoomRecord]


def load_rooms(path: str | Path, sheet: str | None = None) -> RoomImport:
    """Read, map and validate a room list: :func:`read_table`, then the rows.

    Args:
        path: the .xlsx, .xlsm or .csv file.
        sheet: the sheet's name; None takes the first visible one.

    Returns:
        The clean records and every problem.

    Raises:
        BadInput: the file cannot be read or has no recognisable header row.
    """
    raw = read_table(path, sheet)
    return validate_rooms(raw, map_headers(raw, SheetKind.ROOMS))


def validate_rooms(sheet: RawSheet, header: HeaderMap, progress: Progress = no_progress,
                   cancelled: Cancelled = never_cancelled) -> RoomImport:
    """Check every data row of a room sheet, then the rows of each center together.

    Args:
        sheet: the sheet as read.
        header: its header mapping (from :func:`map_headers` with ``SheetKind.ROOMS``).
        progress: receives (done, total, message) as rows are checked.
        cancelled: polled as rows are checked.

    Returns:
        The records of rows without errors, and every problem. When a required column is
        missing, that single error is returned and no row is checked.
    """
    problems = Problems(sheet.file_name, sheet.sheet_name)
    missing = header.problems(sheet.file_name, sheet.sheet_name)
    if missing:
        return RoomImport((), tuple(missing), (*sheet.notes, *header.notes()))
    checker = _RowChecker(header, problems)
    drafts = [
        draft
        for row in data_rows(sheet, header, progress, cancelled)
        for draft in [checker.check(row)]
        if draft is not None
    ]
    centers = _Centers(drafts, checker)
    _report_duplicates(drafts, centers, checker)
    bad_rows = {p.row for p in problems.errors if p.row is not None}
    records = tuple(
        centers.complete(d.record) for d in drafts if d.record is not None and d.row not in bad_rows
    )
    ordered = sorted(problems, key=lambda p: (p.row or 0, p.column.rjust(3)))
    return RoomImport(records, tuple(ordered), (*sheet.notes, *header.notes()))


@dataclass(frozen=True)
class _Draft:
    row: int
    code: str
    name: str
    address: str
    room_no: str
    record: RoomRecord | None  # None when the row has errors
    route: str = ""


@dataclass(frozen=True)
class _Seats:
    rows: int
    columns: int
    unusable: tuple[tuple[int, int], ...]


class _RowChecker(RowChecker):
    """Checks one room row at a time."""

    def check(self, row: RawRow) -> _Draft | None:
        if not self.start(row):
            return None  # a note or a bare serial number below the data
        code = self.text(row, "center_code")
        name = self.text(row, "center_name")
        if not name:
            self.report("center_name", "", translate("Import", "the test center is missing"),
                        translate("Import", "write the name of the test center the room is in"))
        address = self.text(row, "center_address")
        route = self.text(row, "center_route")
        room_no = self.text(row, "room_no")
        if not room_no:
            self.report("room_no", "", translate("Import", "the room number is missing"),
                        translate("Import", "write the room's number, e.g. 01001"))
        building = self.text(row, "building")
        label = self.text(row, "classroom")
        floor = self.floor(row)
        seats = self.seats(row)
        accessible = self.flag(row, "accessible")
        spare = self.flag(row, "spare")
        record = None
        if not self.errors and name and room_no and seats is not None:
            record = RoomRecord(
                row=row.number, center_code=code, center_name=name, center_address=address,
                room_no=room_no, building=building, floor=floor, label=label,
                rows=seats.rows, columns=seats.columns, unusable_seats=seats.unusable,
                accessible=accessible, spare=spare, center_route=route,
            )
        return _Draft(row.number, code, name, address, room_no, record, route)

    def text(self, row: RawRow, field: str) -> str:
        value = self.value(row, field)
        text = cell_text(value)
        if field in ("center_code", "room_no"):
            text = half_width(text)  # codes typed with a Chinese input method
        self.length(field, value, text, LENGTHS[field])
        return text

    def floor(self, row: RawRow) -> int | None:
        value = self.value(row, "floor")
        if not cell_text(value):
            return None
        floor = _floor_number(value)
        if floor is None:
            self.report("floor", value, translate("Import", "this is not a floor number"),
                        translate("Import", "write the floor as a whole number, e.g. 3, or B1 "
                                  "for the first floor below ground"))
        return floor

    def flag(self, row: RawRow, field: str) -> bool:
        value = self.value(row, field)
        key = match_key(cell_text(value))
        if key in _YES:
            return True
        if key not in _NO:
            self.report(field, value, translate("Import", "this is neither yes nor no"),
                        translate("Import", "write 是 or 否"))
        return False

    def count(self, row: RawRow, field: str) -> tuple[bool, int | None]:
        """Whether the cell is filled in, and its whole number (None if blank or wrong)."""
        value = self.value(row, field)
        if not cell_text(value):
            return False, None
        number = _whole_number(value)
        high = MAX_SIDE * MAX_SIDE if field == "capacity" else MAX_SIDE
        if field == "capacity":
            whole = translate("Import", "the number of seats is not a whole number")
            out_of_range = translate("Import", "a room has at least 1 seat")
            fix = translate("Import", "write the number of seats candidates can use, e.g. 30")
        elif field == "seat_rows":
            whole = translate("Import", "the number of seat rows is not a whole number")
            out_of_range = translate("Import", "a room has 1 to {most} rows of seats")
            fix = translate("Import", "write the number of rows of desks from the front to "
                            "the back, e.g. 6")
        else:
            whole = translate("Import", "the number of seat columns is not a whole number")
            out_of_range = translate("Import", "a room has 1 to {most} columns of seats")
            fix = translate("Import", "write the number of desks in each row, e.g. 5")
        if number is None:
            self.report(field, value, whole, fix)
        elif number < 1 or number > high:
            if field == "capacity" and number > high:
                out_of_range = translate("Import", "a room has 1 to {most} seats")
            self.report(field, value, out_of_range.format(most=high), fix)
            number = None
        return True, number

    def seats(self, row: RawRow) -> _Seats | None:
        given_rows, rows = self.count(row, "seat_rows")
        given_columns, columns = self.count(row, "seat_columns")
        given_capacity, capacity = self.count(row, "capacity")
        if not given_rows and not given_columns:
            if not given_capacity:
                field = "seat_rows" if "seat_rows" in self.header.columns else "capacity"
                self.report(
                    field, "", translate("Import", "the room's seats are not given"),
                    translate("Import", "fill in {rows} and {columns} (or {capacity}), adding "
                              "the columns if the sheet has none").format(
                        rows=_label("seat_rows"), columns=_label("seat_columns"),
                        capacity=_label("capacity")),
                )
                return None
            if cell_text(self.value(row, "unusable")):
                self.report(
                    "unusable", self.value(row, "unusable"),
                    translate("Import", "unusable seats need the room's rows and columns"),
                    translate("Import", "fill in {rows} and {columns}").format(
                        rows=_label("seat_rows"), columns=_label("seat_columns")),
                )
                return None
            return None if capacity is None else self.default_grid(capacity)
        if given_rows != given_columns:
            if given_rows:
                field, what = "seat_columns", translate(
                    "Import", "the number of seat columns is missing")
            else:
                field, what = "seat_rows", translate(
                    "Import", "the number of seat rows is missing")
            self.report(field, "", what, translate(
                "Import", "write both the rows and the columns of seats, or neither and only "
                          "the number of seats"))
            return None
        if rows is None or columns is None or (given_capacity and capacity is None):
            return None
        grid = rows * columns
        unusable = self.unusable(row, rows, columns)
        if unusable is None:
            return None
        if unusable:
            if capacity is not None and capacity != grid - len(unusable):
                self.report(
                    "capacity", capacity,
                    translate("Import", "the grid less the unusable seats leaves {seats} seats")
                    .format(seats=grid - len(unusable)),
                    translate("Import", "correct the number of seats or the unusable seats"),
                )
                return None
            return _Seats(rows, columns, unusable)
        if capacity is None or capacity == grid:
            return _Seats(rows, columns, ())
        if capacity > grid:
            self.report(
                "capacity", capacity,
                translate("Import", "the grid has only {seats} seats ({rows} rows of {columns})")
                .format(seats=grid, rows=rows, columns=columns),
                translate("Import", "correct the number of seats, or the rows and columns"),
            )
            return None
        self.report(
            "capacity", capacity,
            translate("Import", "the grid has {seats} seats: the last {empty} at the back are "
                      "left empty").format(seats=grid, empty=grid - capacity),
            translate("Import", "if other seats are the unusable ones, change the room's seat "
                      "plan after the import"),
            Severity.WARNING,
        )
        return _Seats(rows, columns, _back_seats(rows, columns, grid - capacity))

    def unusable(
        self, row: RawRow, rows: int, columns: int
    ) -> tuple[tuple[int, int], ...] | None:
        """The seats listed as unusable (``6-5、6-4``: row-column), or None after an error."""
        text = half_width(cell_text(self.value(row, "unusable")))
        seats: set[tuple[int, int]] = set()
        for item in split_list(text):
            match = _SEAT.fullmatch(item)
            seat = (int(match[1]), int(match[2])) if match else None
            if seat is None or not (1 <= seat[0] <= rows and 1 <= seat[1] <= columns):
                self.report(
                    "unusable", item,
                    translate("Import", "this is not a seat of the {rows} x {columns} grid")
                    .format(rows=rows, columns=columns) if seat else
                    translate("Import", "an unusable seat is written as row-column"),
                    translate("Import", "list the seats as row-column, e.g. 6-5、6-4"),
                )
                return None
            seats.add(seat)
        return tuple(sorted(seats))

    def default_grid(self, capacity: int) -> _Seats | None:
        columns = min(DEFAULT_COLUMNS, capacity)
        rows = math.ceil(capacity / columns)
        if rows > MAX_SIDE:
            self.report(
                "capacity", capacity,
                translate("Import", "without a seat grid a room can have at most {most} seats")
                .format(most=MAX_SIDE * DEFAULT_COLUMNS),
                translate("Import", "write the rows and columns of seats in {rows} and "
                          "{columns}").format(rows=_label("seat_rows"),
                                              columns=_label("seat_columns")),
            )
            return None
        self.report(
            "capacity", capacity,
            translate("Import", "no seat grid given; laid out as {rows} rows of {columns} "
                      "columns").format(rows=rows, columns=columns),
            translate("Import", "if the desks stand otherwise, write the rows and columns in "
                      "{rows} and {columns}").format(rows=_label("seat_rows"),
                                                     columns=_label("seat_columns")),
            Severity.WARNING,
        )
        return _Seats(rows, columns, _back_seats(rows, columns, rows * columns - capacity))


class _Centers:
    """The test centers the rows describe; reports rows that disagree about one.

    A center is known by its code when the row gives one, else by its name (or by the code
    another row gives for that name). The first row of a center sets its code and name;
    its address is the first one written.
    """

    def __init__(self, drafts: list[_Draft], checker: _RowChecker) -> None:
        self.key_of_row: dict[int, str] = {}
        self.code: dict[str, str] = {}
        self.name: dict[str, str] = {}
        self.address: dict[str, tuple[int, str]] = {}
        self.route: dict[str, str] = {}  # the first one written: routes are long, worded freely
        first_by_code: dict[str, _Draft] = {}
        first_by_name: dict[str, _Draft] = {}  # the first row giving the name with a code
        for draft in drafts:
            if not (draft.code and draft.name):
                continue
            checker.row = draft.row
            first = first_by_code.setdefault(match_key(draft.code), draft)
            if match_key(first.name) != match_key(draft.name):
                checker.report(
                    "center_name", draft.name,
                    translate("Import", "test center {code} is named {name} in row {row}")
                    .format(code=first.code, name=first.name, row=first.row),
                    translate("Import", "write the same name in every row of the test center, "
                              "or correct the code"),
                )
            first = first_by_name.setdefault(match_key(draft.name), draft)
            if match_key(first.code) != match_key(draft.code):
                checker.report(
                    "center_code", draft.code,
                    translate("Import", "test center {name} has code {code} in row {row}")
                    .format(name=first.name, code=first.code, row=first.row),
                    translate("Import", "write the same code in every row of the test center, "
                              "or correct the name"),
                )
        for draft in drafts:
            if draft.code:
                key = "code:" + match_key(draft.code)
            elif match_key(draft.name) in first_by_name:
                key = "code:" + match_key(first_by_name[match_key(draft.name)].code)
            else:
                key = "name:" + match_key(draft.name)
            self.key_of_row[draft.row] = key
            if draft.code and not self.code.get(key):
                self.code[key] = draft.code
            if draft.name:
                self.name.setdefault(key, draft.name)
            if draft.route:
                self.route.setdefault(key, draft.route)
            if not draft.address:
                continue
            kept = self.address.setdefault(key, (draft.row, draft.address))
            checker.row = draft.row
            if match_key(kept[1]) != match_key(draft.address):
                checker.report(
                    "center_address", draft.address,
                    translate("Import", "the test center's address is {address} in row {row}, "
                              "which is kept").format(address=kept[1], row=kept[0]),
                    translate("Import", "write the same address in every row of the test "
                              "center"),
                    Severity.WARNING,
                )

    def complete(self, record: RoomRecord) -> RoomRecord:
        """``record`` with its center's code, name and address as the center's rows agree."""
        key = self.key_of_row[record.row]
        return replace(
            record, center_code=self.code.get(key, ""),
            center_name=self.name.get(key, record.center_name),
            center_address=self.address.get(key, (0, ""))[1],
            center_route=self.route.get(key, ""),
        )


def _report_duplicates(drafts: list[_Draft], centers: _Centers, checker: _RowChecker) -> None:
    """Report every row giving a room number another row gives for the same center."""
    rows_by_room: defaultdict[tuple[str, str], list[_Draft]] = defaultdict(list)
    for draft in drafts:
        if draft.room_no and (draft.code or draft.name):
            rows_by_room[centers.key_of_row[draft.row], match_key(draft.room_no)].append(draft)
    for same in (same for same in rows_by_room.values() if len(same) > 1):
        rows = [d.row for d in same]
        for draft in same:
            checker.row = draft.row
            checker.report(
                "room_no", draft.room_no,
                translate("Import", "this room of the test center is also in row {rows}")
                .format(rows=other_rows(rows, draft.row)),
                translate("Import", "keep one row per room and delete the others, or correct "
                          "the room number"),
            )


#: An unusable seat, row-column: 6-5, 6－5, 6排5列, 6排5座
_SEAT = re.compile(r"(\d+)\s*(?:[-－—–]|排)\s*(\d+)\s*[列座号]?")


def _whole_number(value: CellValue) -> int | None:
    """The cell's whole number, :data:`_HUGE` (with its sign) for any larger one: the range
    checks then refuse it, and no number of thousands of digits reaches ``int()`` or the
    database."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return _bounded(value)
    if isinstance(value, float):
        return _bounded(int(value)) if value.is_integer() else None  # inf, NaN: not whole
    key = match_key(cell_text(value))
    return _parsed(key.split(".")[0]) if _WHOLE.fullmatch(key) else None


def _floor_number(value: CellValue) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        floor = _whole_number(value)
    elif match := _FLOOR.fullmatch(key := match_key(cell_text(value))):
        floor = _parsed(match[1])
    elif match := _BASEMENT.fullmatch(key):
        floor = -_parsed(match[1])
    else:
        return None
    return floor if floor is not None and abs(floor) <= MAX_FLOOR else None


def _parsed(digits: str) -> int:
    """``digits`` (with an optional minus) as a number, at most :data:`_HUGE` either way."""
    if len(digits.lstrip("-")) > len(str(_HUGE)):
        return -_HUGE if digits.startswith("-") else _HUGE
    return _bounded(int(digits))


def _bounded(number: int) -> int:
    return max(-_HUGE, min(_HUGE, number))


def _back_seats(rows: int, columns: int, count: int) -> tuple[tuple[int, int], ...]:
    """The last ``count`` seats: the back row's highest columns first, then the row before."""
    seats = [(r, c) for r in range(rows, 0, -1) for c in range(columns, 0, -1)][:count]
    return tuple(sorted(seats))


def _label(field: str) -> str:
    """The header shown for ``field`` in messages, e.g. 座位行数."""
    return next(spec.label for spec in ROOM_COLUMNS if spec.field == field)
