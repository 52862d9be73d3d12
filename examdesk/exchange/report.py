"""The problem report: the imported sheet written back with its problems marked on it.

The user opens the report in Excel, fixes the marked cells and imports the report itself.
So the data stays where it was (row 12 stays row 12, so the row numbers in messages still
point at the right rows), values keep their types, and the problems go into one added column
that the importer ignores as unknown. A second sheet lists every problem for sorting and
filtering.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import column_index_from_string, get_column_letter

from examdesk.exchange.problems import Problem, Severity
from examdesk.exchange.sheets import CellValue, RawRow, RawSheet
from examdesk.exchange.writer import (
    HEADER_FONT,
    WRAP,
    Column,
    SheetData,
    TextCells,
    WorkbookCell,
    WriteOnlySheet,
    append_table,
    new_cell,
    plain_value,
    save_atomically,
    sheet_title,
)
from examdesk.i18n import translate

ERROR_FILL = PatternFill(fill_type="solid", start_color="FFFFC7CE", end_color="FFFFC7CE")
WARNING_FILL = PatternFill(fill_type="solid", start_color="FFFFEB9C", end_color="FFFFEB9C")
#: Width of the added problems column, in Excel character units.
PROBLEMS_WIDTH = 60.0

# A string with a digit is one that Excel would turn into a number or a date when the user
# edits the cell (IDs, phone numbers, 2024-05-01); "@" keeps it text.
_DIGIT = re.compile(r"\d")


def write_problem_report(
    sheet: RawSheet,
    header_row: int | None,
    problems: Sequence[Problem],
    path: str | Path,
    notes: Sequence[str] = (),
    before_replace: Callable[[], object] | None = None,
) -> None:
    """Write the imported sheet with its problems marked, to fix in Excel and import again.

    The first sheet holds the imported rows at their original row numbers with the values as
    read, each problem cell filled light red (error) or light yellow (warning), and one added
    column after the last used one listing each row's problems. Problems of the whole sheet
    (no row) are listed in that column's header cell. The second sheet lists every problem,
    then ``notes``.

    Args:
        sheet: the sheet as read.
        header_row: the header's row number, or None when no header was found (row 1 then
            holds the problems column's header).
        problems: the problems, in the order to list them.
        path: the workbook to create or replace.
        notes: remarks on the sheet as a whole, e.g. ignored columns.
        before_replace: called before the workbook is moved into place (the audit row's
            commit); when it raises, nothing is written.

    Raises:
        BadInput: the file cannot be written there; nothing was written.
    """

    def fill(workbook: Workbook) -> None:
        header = 1 if header_row is None else header_row
        _write_marked_sheet(workbook, sheet, header, problems)
        _write_problem_list(workbook, problems, notes)

    save_atomically(path, fill,
                    None if before_replace is None else lambda _none: before_replace())


def problem_line(problem: Problem) -> str:
    """One problem as written in the problems column: ``E 证件号码: what; fix``.

    Args:
        problem: the problem.

    Returns:
        The column letter and header (those known), what is wrong and how to fix it.
    """
    place = " ".join(part for part in (problem.column, problem.header) if part)
    reason = f"{problem.what}; {problem.fix}"
    return f"{place}: {reason}" if place else reason


def _write_marked_sheet(
    workbook: Workbook, sheet: RawSheet, header: int, problems: Sequence[Problem]
) -> None:
    used = max((_used_width(row) for row in sheet.rows), default=0)
    indexes = [_column_index(problem.column) for problem in problems]
    # after the last used column, and after any column a problem points at beyond it
    extra = max([used, *(index + 1 for index in indexes if index is not None)])
    lines: dict[int, list[str]] = {}
    marks: dict[int, dict[int, Severity]] = {}
    for problem, index in zip(problems, indexes, strict=True):
        number = header if problem.row is None else problem.row
        lines.setdefault(number, []).append(problem_line(problem))
        row_marks = marks.setdefault(number, {})
        column = extra if index is None else index
        if row_marks.get(column) is not Severity.ERROR:  # an error outweighs a warning
            row_marks[column] = problem.severity

    title = sheet.sheet_name or Path(sheet.file_name).stem or "Sheet1"
    out = workbook.create_sheet(sheet_title(title, workbook.sheetnames))
    out.column_dimensions[get_column_letter(extra + 1)].width = PROBLEMS_WIDTH
    by_number = {row.number: row for row in sheet.rows}
    last = max([header, *by_number, *lines])
    text_cells = TextCells(out)
    for number in range(1, last + 1):
        raw = by_number.get(number)
        row_marks = marks.get(number, {})
        row_lines = lines.get(number, [])
        if number == header:
            row_lines = [translate("Import", "Problems"), *row_lines]
        values = _data_cells(out, text_cells, raw.cells if raw else (), row_marks, extra)
        if row_lines or extra in row_marks:
            values.extend([None] * (extra - len(values)))
            values.append(
                new_cell(
                    out,
                    "\n".join(row_lines),
                    font=HEADER_FONT if number == header else None,
                    fill=_fill(row_marks.get(extra)),
                    alignment=WRAP,
                )
            )
        out.append(values)


def _data_cells(
    out: WriteOnlySheet,
    text_cells: TextCells,
    cells: tuple[CellValue, ...],
    marks: dict[int, Severity],
    extra: int,
) -> list[object]:
    width = max(len(cells), max(marks, default=-1) + 1)
    width = min(width, extra)  # the problems column is written by the caller
    values: list[object] = []
    for index in range(width):
        value = cells[index] if index < len(cells) else ""
        is_code = isinstance(value, str) and _DIGIT.search(value) is not None
        severity = marks.get(index)
        cell: WorkbookCell
        if severity is not None:
            cell = new_cell(out, value, text=is_code, fill=_fill(severity))
        elif is_code:
            cell = text_cells.cell(index, value)
        else:
            cell = plain_value(out, value)
        values.append(cell)
    return values


def _write_problem_list(
    workbook: Workbook, problems: Sequence[Problem], notes: Sequence[str]
) -> None:
    columns = (
        Column(translate("Import", "Severity"), 10),
        Column(translate("Import", "Row"), 8),
        Column(translate("Import", "Column"), 8),
        Column(translate("Import", "Header"), 18, text=True),
        Column(translate("Import", "Value"), 24, text=True),
        Column(translate("Import", "What is wrong"), 50),
        Column(translate("Import", "How to fix"), 50),
    )
    rows = (
        (
            translate("Import", "Error") if problem.is_error else translate("Import", "Warning"),
            problem.row,
            problem.column,
            problem.header,
            problem.value,
            problem.what,
            problem.fix,
        )
        for problem in problems
    )
    listing, _count = append_table(
        workbook, SheetData(translate("Import", "Problem list"), columns, rows)
    )
    if notes:
        listing.append([])  # a blank row keeps the notes out of the filtered table
        for note in notes:
            listing.append([plain_value(listing, note)])


def _fill(severity: Severity | None) -> PatternFill | None:
    if severity is None:
        return None
    return ERROR_FILL if severity is Severity.ERROR else WARNING_FILL


def _used_width(row: RawRow) -> int:
    for index in range(len(row.cells) - 1, -1, -1):
        if row.cells[index] != "":
            return index + 1
    return 0


def _column_index(letter: str) -> int | None:
    if not letter:
        return None
    try:
        return int(column_index_from_string(letter)) - 1
    except ValueError:
        return None
