"""Find the header row of a sheet and map its columns to our fields by their header text.

Registration systems and offices put title rows, notes and merged cells above the header,
name the same column in several ways (姓名 / 考生姓名 / Name), and add columns we do not
use. The header row is the one among the first rows that matches the most known names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from examdesk.errors import BadInput
from examdesk.exchange.normalize import cell_text, match_key
from examdesk.exchange.problems import Problem, Severity, column_letter, shorten
from examdesk.exchange.sheets import RawRow, RawSheet
from examdesk.i18n import translate

#: How many non-blank rows from the top may hold the header.
SCAN_ROWS = 20

# "*姓名", "证件号码（必填）", "手机号码(11位):" all name the same column
_REMARK = re.compile(r"\([^)]*\)|\[[^\]]*\]|[*:]")


class SheetKind(StrEnum):
    """What a sheet lists."""

    CANDIDATES = "candidates"
    ROOMS = "rooms"
    STAFF = "staff"
    SEATING = "seating"
    POSTS = "posts"


@dataclass(frozen=True)
class ColumnSpec:
    """A field we read and the header texts that name it.

    Attributes:
        field: our field name.
        aliases: accepted header texts; the first is the one shown to users.
        required: whether the sheet cannot be imported without this column.
    """

    field: str
    aliases: tuple[str, ...]
    required: bool = False

    @property
    def label(self) -> str:
        """The header text to show in messages."""
        return self.aliases[0]


CANDIDATE_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("serial", ("序号", "No.", "No", "#")),
    ColumnSpec("name", ("姓名", "考生姓名", "Name", "Full name", "Candidate name"), True),
    ColumnSpec("gender", ("性别", "Gender", "Sex")),
    ColumnSpec("id_type", ("证件类型", "证件种类", "ID type", "Document type")),
    ColumnSpec(
        "id_number",
        ("证件号码", "身份证号", "身份证号码", "证件号", "ID number", "ID No.", "ID card number"),
        True,
    ),
    ColumnSpec("level", ("报考级别", "报考等级", "级别", "等级", "Level"), True),
    ColumnSpec("subjects", ("报考科目", "考试科目", "科目", "Subjects", "Subject")),
    ColumnSpec(
        "work_unit",
        ("工作单位", "单位名称", "单位", "Work unit", "Employer", "Organization", "Organisation"),
    ),
    ColumnSpec(
        "phone",
        ("联系电话", "手机", "手机号", "手机号码", "电话", "Phone", "Mobile", "Telephone"),
    ),
    ColumnSpec(
        "registration_no",
        ("报名序号", "报名号", "报名编号", "Registration number", "Registration No."),
    ),
)

ROOM_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("serial", ("序号", "No.", "No", "#")),
    ColumnSpec("center_code", ("考点编号", "考点代码", "考点号", "Center code", "Centre code")),
    ColumnSpec("center_name", ("考点名称", "考点", "Test center", "Center", "Centre"), True),
    ColumnSpec("center_address", ("考点地址", "地址", "Address")),
    ColumnSpec("center_route", ("乘车路线", "交通路线", "Route")),
    ColumnSpec("room_no", ("考场号", "考场编号", "考场", "Room number", "Room No.", "Room"), True),
    ColumnSpec("building", ("楼栋", "教学楼", "楼号", "Building")),
    ColumnSpec("floor", ("楼层", "Floor")),
    ColumnSpec("classroom", ("教室", "考场位置", "教室号", "Classroom", "Location")),
    ColumnSpec("seat_rows", ("座位行数", "行数", "Rows", "Seat rows")),
    ColumnSpec("seat_columns", ("座位列数", "列数", "Columns", "Seat columns")),
    ColumnSpec("capacity", ("座位数", "容量", "考场容量", "Seats", "Capacity")),
    ColumnSpec("unusable", ("不可用座位", "空置座位", "Unusable seats")),
    ColumnSpec("accessible", ("无障碍考场", "无障碍", "Accessible")),
    ColumnSpec("spare", ("备用考场", "备用", "Spare", "Reserve")),
)

STAFF_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("serial", ("序号", "No.", "No", "#")),
    ColumnSpec("name", ("姓名", "Name", "Full name"), True),
    ColumnSpec("gender", ("性别", "Gender", "Sex")),
    ColumnSpec(
        "id_number",
        ("身份证号", "身份证号码", "证件号码", "证件号", "ID number", "ID No.", "ID card number"),
        True,
    ),
    ColumnSpec("work_unit", ("工作单位", "单位名称", "单位", "Work unit", "Employer")),
    ColumnSpec(
        "phone",
        ("手机号码", "手机", "手机号", "联系电话", "电话", "Phone", "Mobile", "Telephone"),
    ),
    ColumnSpec("role", ("人员类别", "岗位", "角色", "职务", "Role", "Post"), True),
    ColumnSpec("center", ("所属考点", "考点", "考点名称", "Test center", "Center", "Centre")),
    ColumnSpec(
        "avoid_ids",
        ("回避考生身份证号", "回避考生证件号码", "回避考生", "Relatives' ID numbers",
         "Avoid candidates"),
    ),
)

#: A seating plan made upstream: who sits where, with which ticket number. The candidate
#: is found by ID number or registration number, the center by code or name.
SEATING_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("serial", ("序号", "No.", "No", "#")),
    ColumnSpec("ticket_no", ("准考证号", "准考证号码", "Ticket number", "Admission ticket"), True),
    ColumnSpec("name", ("姓名", "考生姓名", "Name")),
    ColumnSpec("id_number", ("证件号码", "身份证号", "身份证号码", "证件号", "ID number")),
    ColumnSpec("registration_no", ("报名序号", "报名号", "Registration number")),
    ColumnSpec("center_code", ("考点编号", "考点代码", "考点号", "Center code")),
    ColumnSpec("center_name", ("考点名称", "考点", "Test center", "Center")),
    ColumnSpec("room_no", ("考场号", "考场编号", "考场", "Room number", "Room"), True),
    ColumnSpec("seat_no", ("座位号", "座号", "Seat number", "Seat"), True),
)

#: One center's post per row; the post roster `export posts` writes (one row per post and
#: shift) reads back too: its rows of one post are merged, its roster columns left alone.
POST_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("serial", ("序号", "No.", "No", "#")),
    ColumnSpec("center", ("考点", "考点名称", "考点编号", "考点代码", "Test center", "Center",
                          "Centre"), True),
    ColumnSpec("kind", ("岗位", "岗位类别", "岗位类型", "Post", "Kind of post"), True),
    ColumnSpec("name", ("名称", "岗位名称", "Name", "Post name")),
    ColumnSpec("place", ("地点", "位置", "岗位地点", "Place", "Location")),
    ColumnSpec("hours", ("开放时间", "值守时间", "时间", "Hours")),
    ColumnSpec("headcount", ("需要人数", "每场人数", "人数", "People per session",
                             "Headcount")),
    ColumnSpec("roles", ("人员类别", "值守人员类别", "Roles")),
    ColumnSpec("phone", ("电话", "联系电话", "Phone")),
    ColumnSpec("supplies", ("物资", "物资清单", "Supplies")),
    ColumnSpec("shift", ("场次", "Session")),
    ColumnSpec("report", ("报到时间", "报到", "Report time")),
    ColumnSpec("filled", ("已安排", "Filled")),
    ColumnSpec("people", ("人员", "值班人员", "People on duty")),
)

#: The post roster's columns that an import of posts reads and leaves alone.
POST_ROSTER_FIELDS = frozenset({"shift", "report", "filled", "people"})

COLUMNS: Mapping[SheetKind, tuple[ColumnSpec, ...]] = {
    SheetKind.CANDIDATES: CANDIDATE_COLUMNS,
    SheetKind.ROOMS: ROOM_COLUMNS,
    SheetKind.STAFF: STAFF_COLUMNS,
    SheetKind.SEATING: SEATING_COLUMNS,
    SheetKind.POSTS: POST_COLUMNS,
}


def header_key(text: str) -> str:
    """The comparison key of a header: width, case, spaces, ``*`` and (remarks) ignored.

    Args:
        text: the header text as written.

    Returns:
        The key that aliases are compared with.
    """
    return _REMARK.sub("", match_key(text))


@dataclass(frozen=True)
class IgnoredColumn:
    """A column whose header we do not know (or a second column for the same field).

    Attributes:
        index: the 0-based column index.
        header: its header text.
    """

    index: int
    header: str

    @property
    def letter(self) -> str:
        """The column's letter."""
        return column_letter(self.index)


@dataclass(frozen=True)
class HeaderMap:
    """Where the header is and which column holds each field.

    Attributes:
        kind: what the sheet lists.
        header_row: the 1-based row number of the header.
        data_after: data rows are those numbered above this (a two-row header ends lower).
        columns: field -> 0-based column index, for the fields found.
        headers: column index -> header text as written, for the mapped columns.
        ignored: unknown or repeated columns, left out of the import.
        missing: required fields with no column.
    """

    kind: SheetKind
    header_row: int
    data_after: int
    columns: Mapping[str, int]
    headers: Mapping[int, str]
    ignored: tuple[IgnoredColumn, ...]
    missing: tuple[ColumnSpec, ...]

    def notes(self) -> list[str]:
        """One translated note per ignored column."""
        return [
            translate("Import", "Column {letter} ({header}) is not used and was ignored.").format(
                letter=column.letter, header=shorten(column.header)
            )
            for column in self.ignored
        ]

    def problems(self, file_name: str, sheet_name: str) -> list[Problem]:
        """The missing required columns as one error (empty when none is missing).

        Args:
            file_name: the file's name, for the message.
            sheet_name: the sheet's name, for the message.

        Returns:
            A list holding at most one error.
        """
        if not self.missing:
            return []
        return [
            Problem(
                file=file_name,
                sheet=sheet_name,
                row=self.header_row,
                column="",
                header="",
                value="",
                what=translate(
                    "Import", "the header row (row {row}) has no column {columns}"
                ).format(row=self.header_row, columns=", ".join(s.label for s in self.missing)),
                fix=translate(
                    "Import", "add the column with one of these headers: {aliases}"
                ).format(
                    aliases="; ".join(" / ".join(s.aliases) for s in self.missing)
                ),
                severity=Severity.ERROR,
            )
        ]


class NoHeaderRow(BadInput):
    """No row near the top names a known column: a wizard offers to choose the header row
    (:class:`HeaderChoice`), the command line says what to add.

    Attributes:
        file: the file's name.
        sheet: the sheet's name ("" for CSV).
    """

    code = "import.no-header-row"

    def __init__(self, file: str, sheet: str, message: str) -> None:
        super().__init__(message)
        self.file = file
        self.sheet = sheet


@dataclass(frozen=True)
class HeaderChoice:
    """The user's corrections to the detected header (an import wizard edits them).

    Attributes:
        row: the header's 1-based row number; None: detected.
        columns: field -> 0-based column index holding it, or None to read the field from no
            column; the fields not named keep the detected column. A column holds one field:
            giving it to a field takes it from the field detected there.
    """

    row: int | None = None
    columns: Mapping[str, int | None] = field(default_factory=dict)


def map_headers(
    sheet: RawSheet, kind: SheetKind, choice: HeaderChoice | None = None
) -> HeaderMap:
    """Find the header row among the first rows of ``sheet`` and map its columns.

    Args:
        sheet: the sheet as read.
        kind: what the sheet lists, choosing the known columns.
        choice: the user's header row and columns, over the detected ones.

    Returns:
        The mapping, with ignored and missing columns.

    Raises:
        BadInput: no row among the first 20 names any known column (and no row was chosen),
            the chosen row is blank or not in the sheet, or a chosen field is not one of
            ``kind``'s.
    """
    specs = COLUMNS[kind]
    by_key: dict[str, ColumnSpec] = {}
    for known in specs:
        for alias in known.aliases:
            by_key.setdefault(header_key(alias), known)
    if choice is not None and choice.row is not None:
        chosen = next((i for i, row in enumerate(sheet.rows) if row.number == choice.row), None)
        if chosen is None:
            raise BadInput(translate(
                "Import", "{file}: row {row} of sheet {sheet} is blank or beyond the last row; "
                          "choose the row that names the columns."
            ).format(file=sheet.file_name, row=choice.row,
                     sheet=shorten(sheet.sheet_name or sheet.file_name)))
        start = max(chosen - 1, 0)
        return _with_choice(_mapped(sheet.rows[start : chosen + 2], chosen - start, kind,
                                    by_key), sheet, choice, specs)
    scanned = sheet.rows[:SCAN_ROWS]
    best: tuple[int, int] = (0, -1)  # (fields matched, position in scanned)
    for position, row in enumerate(scanned):
        found = {by_key[k].field for k in map(_key, row.cells) if k in by_key}
        if len(found) > best[0]:
            best = (len(found), position)
    if best[0] == 0:
        raise NoHeaderRow(
            sheet.file_name, sheet.sheet_name,
            translate(
                "Import",
                "{file}: no header row found in the first {count} rows of sheet {sheet}; add a "
                "header row naming the columns, e.g. {examples}.",
            ).format(
                file=sheet.file_name,
                count=SCAN_ROWS,
                sheet=shorten(sheet.sheet_name or sheet.file_name),
                examples=", ".join(s.label for s in specs if s.required),
            )
        )
    mapped = _mapped(scanned, best[1], kind, by_key)
    return mapped if choice is None else _with_choice(mapped, sheet, choice, specs)


def _mapped(scanned: tuple[RawRow, ...], position: int, kind: SheetKind,
            by_key: Mapping[str, ColumnSpec]) -> HeaderMap:
    """The mapping of the header at ``scanned[position]`` (its neighbours may complete it)."""
    specs = COLUMNS[kind]
    header = scanned[position]
    columns: dict[str, int] = {}
    headers: dict[int, str] = {}
    ignored: list[IgnoredColumn] = []
    for index, value in enumerate(header.cells):
        text = cell_text(value)
        if not text:
            continue
        spec = by_key.get(header_key(text))
        if spec is None or spec.field in columns:
            ignored.append(IgnoredColumn(index, text))
            continue
        columns[spec.field] = index
        headers[index] = text
    data_after = header.number
    # A two-row header (a merged group label such as 座位 over 行数 | 列数, or a label
    # merged down over two rows) leaves blanks or unknown labels in the chosen row: take
    # those columns from the rows just above and below.
    for neighbour in _neighbours(scanned, position):
        for index, value in enumerate(neighbour.cells):
            spec = by_key.get(_key(value))
            if spec is not None and spec.field not in columns and index not in headers:
                columns[spec.field] = index
                headers[index] = cell_text(value)
                data_after = max(data_after, neighbour.number)
    ignored = [column for column in ignored if column.index not in headers]
    missing = tuple(spec for spec in specs if spec.required and spec.field not in columns)
    return HeaderMap(
        kind=kind,
        header_row=header.number,
        data_after=data_after,
        columns=columns,
        headers=headers,
        ignored=tuple(ignored),
        missing=missing,
    )


def _with_choice(mapped: HeaderMap, sheet: RawSheet, choice: HeaderChoice,
                 specs: tuple[ColumnSpec, ...]) -> HeaderMap:
    """``mapped`` with the user's columns over the detected ones."""
    if not choice.columns:
        return mapped
    known = {spec.field: spec for spec in specs}
    unknown = sorted(set(choice.columns) - set(known))
    if unknown:
        raise BadInput(translate(
            "Import", "{file}: this sheet has no field {fields}; choose among {known}."
        ).format(file=sheet.file_name, fields=", ".join(unknown), known=", ".join(known)))
    cells = next(row.cells for row in sheet.rows if row.number == mapped.header_row)
    columns = dict(mapped.columns)
    for name, index in choice.columns.items():
        columns.pop(name, None)
        if index is not None:
            for other in [f for f, i in columns.items() if i == index]:
                del columns[other]
            columns[name] = index
    headers: dict[int, str] = {}
    for name, index in columns.items():
        text = mapped.headers.get(index) or (cell_text(cells[index]) if index < len(cells) else "")
        headers[index] = text or known[name].label
    ignored = tuple(IgnoredColumn(index, text) for index, value in enumerate(cells)
                    for text in [cell_text(value)] if text and index not in headers)
    return HeaderMap(
        kind=mapped.kind, header_row=mapped.header_row, data_after=mapped.data_after,
        columns=columns, headers=headers, ignored=ignored,
        missing=tuple(s for s in specs if s.required and s.field not in columns),
    )


def _key(value: object) -> str:
    return header_key(value) if isinstance(value, str) else ""


def _neighbours(rows: tuple[RawRow, ...], position: int) -> list[RawRow]:
    number = rows[position].number
    return [
        row
        for row in rows[max(position - 1, 0) : position + 2]
        if abs(row.number - number) == 1
    ]
