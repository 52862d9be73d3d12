"""Validate the rows of a seating plan made upstream (准考证号, 考点, 考场, 座位号 per candidate).

Pure: no database. Each row must name its candidate (ID or registration number), its test
center (code or name), room, seat and ticket number; matching them to the exam is the
importing service's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from examdesk.exchange.headers import HeaderMap, SheetKind, map_headers
from examdesk.exchange.normalize import cell_text, id_number_damage, id_number_fix, id_number_text
from examdesk.exchange.problems import Checked, Problem, Problems
from examdesk.exchange.rowcheck import RowChecker, data_rows, report_duplicates
from examdesk.exchange.sheets import RawRow, RawSheet, read_table
from examdesk.i18n import translate
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress


@dataclass(frozen=True)
class SeatRecord:
    """One row of an upstream seating plan.

    Attributes:
        row: the 1-based Excel row.
        ticket_no: the admission ticket number, as text.
        name: the candidate's name, "" when the sheet has none (used only to cross-check).
        id_number: the candidate's ID number, or "".
        registration_no: the registration number, or "".
        center_code: the test center's code, or "".
        center_name: the test center's name, or "".
        room_no: the room's code.
        seat_no: the seat number.
    """

    row: int
    ticket_no: str
    name: str
    id_number: str
    registration_no: str
    center_code: str
    center_name: str
    room_no: str
    seat_no: int


#: What validating a seating sheet produced.
SeatingImport = Checked[SeatRecord]


def load_seating(path: str | Path, sheet: str | None = None) -> SeatingImport:
    """Read, map and validate a seating plan (see :func:`validate_seating`).

    Raises:
        BadInput: the file cannot be read or has no recognisable header row.
    """
    raw = read_table(path, sheet)
    return validate_seating(raw, map_headers(raw, SheetKind.SEATING))


def validate_seating(sheet: RawSheet, header: HeaderMap, progress: Progress = no_progress,
                     cancelled: Cancelled = never_cancelled) -> SeatingImport:
    """Check every data row of a seating sheet.

    Args:
        sheet: the sheet as read.
        header: its header mapping (``SheetKind.SEATING``).
        progress: receives (done, total, message) as rows are checked.
        cancelled: polled as rows are checked.

    Returns:
        The records of rows without errors, and every problem (including the same
        candidate, seat or ticket number on two rows).
    """
    problems = Problems(sheet.file_name, sheet.sheet_name)
    missing = list(header.problems(sheet.file_name, sheet.sheet_name))
    for fields, names in ((("id_number", "registration_no"), "证件号码 / 报名序号"),
                          (("center_code", "center_name"), "考点编号 / 考点名称")):
        if not any(f in header.columns for f in fields):
            missing.extend(_missing_one_of(sheet, header, names))
    if missing:
        return SeatingImport((), tuple(missing), (*sheet.notes, *header.notes()))
    checker = _Checker(header, problems)
    records = [r for row in data_rows(sheet, header, progress, cancelled)
               for r in [checker.check(row)] if r is not None]
    bad: set[int] = {p.row for p in problems.errors if p.row is not None}
    for field, key, what in (
        ("id_number", lambda r: r.id_number or r.registration_no,
         translate("Import", "this candidate is also in row {rows}")),
        ("ticket_no", lambda r: r.ticket_no,
         translate("Import", "this ticket number is also in row {rows}")),
        ("seat_no", lambda r: f"{r.center_code or r.center_name}/{r.room_no}/{r.seat_no}",
         translate("Import", "this seat is also given in row {rows}")),
    ):
        column = field if field in header.columns else "registration_no"
        bad |= report_duplicates(
            problems, header, column, {r.row: key(r) for r in records}, what,
            translate("Import", "give each candidate one seat and each seat one candidate"))
    kept = tuple(r for r in records if r.row not in bad)
    ordered = sorted(problems, key=lambda p: (p.row or 0, len(p.column), p.column))
    return SeatingImport(kept, tuple(ordered), (*sheet.notes, *header.notes()))


def _missing_one_of(sheet: RawSheet, header: HeaderMap, names: str) -> list[Problem]:
    problems = Problems(sheet.file_name, sheet.sheet_name)
    problems.add(
        translate("Import", "the header row (row {row}) has no column {columns}").format(
            row=header.header_row, columns=names),
        translate("Import", "add one of these columns"), row=header.header_row)
    return list(problems)


class _Checker(RowChecker):
    def check(self, row: RawRow) -> SeatRecord | None:
        if not self.start(row):
            return None
        ticket = self.code(row, "ticket_no", required=True)
        before = self.errors
        id_number = self.code(row, "id_number")
        registration_no = self.code(row, "registration_no")
        if not id_number and not registration_no and self.errors == before:
            field = "id_number" if "id_number" in self.header.columns else "registration_no"
            self.report(field, "", translate("Import", "the candidate is not named"),
                        translate("Import", "write the candidate's ID number or registration "
                                  "number"))
        center_code = cell_text(self.value(row, "center_code"))
        center_name = cell_text(self.value(row, "center_name"))
        if not center_code and not center_name:
            field = "center_code" if "center_code" in self.header.columns else "center_name"
            self.report(field, "", translate("Import", "the test center is missing"),
                        translate("Import", "write the test center's code or name"))
        room_no = cell_text(self.value(row, "room_no"))
        if not room_no:
            self.report("room_no", "", translate("Import", "the room number is missing"),
                        translate("Import", "write the room number as in the room list"))
        seat_no = self.seat(row)
        if self.errors or seat_no is None:
            return None
        return SeatRecord(row.number, ticket, cell_text(self.value(row, "name")), id_number,
                          registration_no, center_code, center_name, room_no, seat_no)

    def code(self, row: RawRow, field: str, *, required: bool = False) -> str:
        value = self.value(row, field)
        damage = id_number_damage(value)
        if damage is not None:
            self.report(field, value, damage, id_number_fix())
            return ""
        text = id_number_text(value)
        if required and not text:
            self.report(field, "", translate("Import", "the ticket number is missing"),
                        translate("Import", "write the candidate's admission ticket number"))
        return text

    def seat(self, row: RawRow) -> int | None:
        value = self.value(row, "seat_no")
        text = cell_text(value)
        if text.isdigit() and int(text) >= 1:
            return int(text)
        self.report("seat_no", value, translate("Import", "the seat number is not a whole "
                                                "number from 1"),
                    translate("Import", "write the seat number, e.g. 7"))
        return None
