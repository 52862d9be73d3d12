"""Write workbooks row by row: exports, and the problem report that users fix and re-import.

openpyxl's write-only mode streams each appended row to disk, so memory stays flat whatever
the number of rows (docs/architecture.md, "Excel in and out"). The workbook is saved to a
temporary file beside the target and moved into place only when complete: a failure or a cancel
never leaves half a workbook behind, nor damages the file it would have replaced.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from examdesk.errors import BadInput
from examdesk.exchange.sheets import CellValue
from examdesk.i18n import translate
from examdesk.private_files import temporary_beside
from examdesk.progress import Cancelled, Progress, check_cancelled, never_cancelled, no_progress

#: openpyxl ships no type information; these name what the values are.
WriteOnlySheet = Any
WorkbookCell = Any

T = TypeVar("T")

#: Rows between two looks at the cancel flag.
CANCEL_EVERY = 1000
#: Rows between two progress reports.
PROGRESS_EVERY = 5000
#: Excel's longest sheet title, in UTF-16 code units.
MAX_TITLE = 31
#: The number format that makes Excel keep a cell as text when it is edited.
TEXT_FORMAT = "@"

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill(fill_type="solid", start_color="FFD9D9D9", end_color="FFD9D9D9")
WRAP = Alignment(wrap_text=True, vertical="top")

# XML 1.0 cannot hold these (tab, LF and CR are allowed); lone surrogates cannot be encoded.
_XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Excel keeps "History" for its change-tracking sheet and refuses it as a title.
_RESERVED_TITLES = frozenset({"history"})


@dataclass(frozen=True)
class Column:
    """One column of an exported sheet.

    Attributes:
        header: the header text.
        width: the column width in Excel character units.
        text: write the values as text cells formatted "@" (ID numbers, ticket numbers,
            codes), so that Excel never shows an 18-digit ID as 4.11E+17.
    """

    header: str
    width: float
    text: bool = False


@dataclass(frozen=True)
class SheetData:
    """One sheet to export.

    Attributes:
        title: the sheet title; made valid and unique when the workbook is written.
        columns: the columns, in order; their headers form row 1.
        rows: the data rows, read once; None is an empty cell.
    """

    title: str
    columns: tuple[Column, ...]
    rows: Iterable[Sequence[CellValue | None]]


def write_workbook(
    path: str | Path,
    sheets: Iterable[SheetData],
    *,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    before_replace: Callable[[int], object] | None = None,
) -> int:
    """Write ``sheets`` into a new .xlsx workbook at ``path``, streaming the rows.

    Each sheet gets a bold header row on a grey fill, frozen below the header, with an
    auto-filter and the columns' widths.

    Args:
        path: the workbook to create or replace.
        sheets: the sheets in order; at least one.
        progress: told ``(rows written, 0, message)`` every 5,000 rows.
        cancelled: looked at every 1,000 rows.
        before_replace: called with the number of rows before the workbook is moved into
            place (see :func:`save_atomically`).

    Returns:
        The number of data rows written, over all sheets.

    Raises:
        BadInput: the file cannot be written there (missing folder, no permission, the
            file is open in Excel); nothing was written.
        OperationCancelled: the user cancelled; nothing was written.
        ValueError: ``sheets`` is empty.
    """
    name = Path(path).name
    writing = translate("Export", "Writing {file}").format(file=name)
    done = 0

    def tick() -> None:
        nonlocal done
        if done % CANCEL_EVERY == 0:
            check_cancelled(cancelled)
        done += 1
        if done % PROGRESS_EVERY == 0:
            progress(done, 0, writing)

    def fill(workbook: Workbook) -> int:
        count = 0
        for data in sheets:
            count += append_table(workbook, data, tick)[1]
        check_cancelled(cancelled)  # the last rows may have come after the last look
        progress(done, 0, translate("Export", "Saving {file}").format(file=name))
        return count

    return save_atomically(path, fill, before_replace)


def append_table(
    workbook: Workbook, data: SheetData, tick: Callable[[], None] | None = None
) -> tuple[WriteOnlySheet, int]:
    """Add ``data`` as a sheet with a styled, frozen, filtered header row.

    Args:
        workbook: a write-only workbook.
        data: the sheet; its title is made valid and unique in ``workbook``.
        tick: called before each data row (progress and cancel).

    Returns:
        The sheet, still open for more rows below the table, and the number of data rows.
    """
    sheet = workbook.create_sheet(sheet_title(data.title, workbook.sheetnames))
    # widths and the frozen pane go into the sheet's XML before the first row
    for index, column in enumerate(data.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.append(
        [new_cell(sheet, c.header, font=HEADER_FONT, fill=HEADER_FILL) for c in data.columns]
    )
    text = [column.text for column in data.columns]
    text_cells = TextCells(sheet)
    width = len(text)
    count = 0
    for values in data.rows:
        if tick is not None:
            tick()
        row: list[object] = []
        for index, value in enumerate(values):
            if value is None:
                row.append(None)
            elif index < width and text[index]:
                row.append(text_cells.cell(index, value))
            else:
                row.append(plain_value(sheet, value))
        sheet.append(row)
        width = max(width, len(row))
        count += 1
    if width:
        sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{count + 1}"
    return sheet, count


def save_atomically(path: str | Path, fill: Callable[[Workbook], T],
                    before_replace: Callable[[T], object] | None = None) -> T:
    """Create a write-only workbook, let ``fill`` add its sheets, and save it at ``path``.

    The workbook is saved to a temporary file in the target's folder, created before
    ``fill`` runs so that an unwritable folder fails at once, and moved onto ``path`` only
    when complete. When anything fails, the temporary files are removed and an existing
    file at ``path`` is left as it was.

    Args:
        path: the workbook to create or replace.
        fill: adds the sheets; its result is returned.
        before_replace: called with that result once the workbook is saved and before it
            is moved onto ``path`` (the audit row's commit: examdesk/private_files.py);
            when it raises, nothing is left at ``path``.

    Returns:
        What ``fill`` returned.

    Raises:
        BadInput: the file cannot be written there.
        ValueError: ``fill`` added no sheet.
    """
    target = Path(path)
    if target.is_dir():
        raise BadInput(
            translate(
                "Export", "{file} is a folder; choose a file name inside it, such as {example}."
            ).format(file=target, example=target / "export.xlsx")
        )
    temp = _create_temporary(target)
    workbook = Workbook(write_only=True)
    try:
        result = fill(workbook)
        if not workbook.worksheets:
            raise ValueError("a workbook needs at least one sheet")
        try:
            workbook.save(str(temp))
        except OSError as error:
            raise BadInput(_unwritable_message(target, error)) from None
        if before_replace is not None:
            before_replace(result)
        try:
            os.replace(temp, target)
        except OSError as error:
            raise BadInput(_unwritable_message(target, error)) from None
        return result
    except BaseException:
        _discard(workbook)
        raise
    finally:
        with suppress(OSError):
            temp.unlink(missing_ok=True)  # already gone after a successful replace


def sheet_title(wanted: str, taken: Iterable[str]) -> str:
    """A sheet title Excel accepts, close to ``wanted`` and unique among ``taken``.

    Forbidden characters (``[]:*?/\\``) become "_", the title is cut to 31 characters, and a
    title already taken (Excel ignores case) gets " (2)", " (3)"... appended.

    Args:
        wanted: the title asked for.
        taken: the titles already in the workbook.

    Returns:
        The title to use.
    """
    base = _TITLE_FORBIDDEN.sub("_", clean_text(wanted))
    used = {title.casefold() for title in taken} | _RESERVED_TITLES
    title = _fit_title(base, MAX_TITLE)
    number = 1
    while title.casefold() in used:
        number += 1
        suffix = f" ({number})"
        title = _fit_title(base, MAX_TITLE - len(suffix)) + suffix
    return title


def clean_text(text: str) -> str:
    """``text`` without the characters that XML 1.0, and so a workbook, cannot hold.

    Control characters arrive in data pasted from web forms and old systems. openpyxl
    raises IllegalCharacterError on them, which would lose a whole export over one
    invisible character; they carry no meaning, so they are dropped.

    Args:
        text: any text.

    Returns:
        The text without C0 control characters other than tab and line breaks.
    """
    return _XML_FORBIDDEN.sub("", text)


def as_text(value: CellValue) -> str:
    """``value`` as the text a text cell holds.

    Args:
        value: a cell value.

    Returns:
        Strings cleaned; numbers as digits (calamine reads every number as a float, so a
        code typed as a number arrives as 1234.0 and is written "1234"); dates as ISO.
    """
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def plain_value(sheet: WriteOnlySheet, value: CellValue) -> object:
    """What to append for ``value`` in a column without a style.

    Args:
        sheet: the write-only sheet being written.
        value: a cell value.

    Returns:
        The value itself, None for "", or a cell when a string would otherwise be taken
        for a formula or an error code.
    """
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    if not text:
        return None
    if text[0] in "=#":
        return new_cell(sheet, text)
    return text


def new_cell(
    sheet: WriteOnlySheet,
    value: CellValue | None,
    *,
    text: bool = False,
    font: Font | None = None,
    fill: PatternFill | None = None,
    alignment: Alignment | None = None,
) -> WorkbookCell:
    """A cell for a write-only sheet, with its style.

    Strings are always written as strings: openpyxl would store "=1+1" as a live formula
    and "#N/A" as an error, changing the value and running formulas that came from data.

    Args:
        sheet: the write-only sheet being written.
        value: the value; None or "" leaves the cell empty.
        text: write the value as text formatted "@".
        font: the font, if not the default.
        fill: the fill, if any.
        alignment: the alignment, if not the default.

    Returns:
        The cell, to be appended in a row.
    """
    cell = WriteOnlyCell(sheet)
    if value is not None:
        if text or isinstance(value, str):
            string = as_text(value)
            if string:
                cell.value = string
                cell.data_type = "s"
        else:
            cell.value = value
    if text:
        cell.number_format = TEXT_FORMAT
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    return cell


class TextCells:
    """Text cells formatted "@" for one write-only sheet, one cell reused per column.

    A write-only sheet writes each row as it is appended, so the same styled cell can carry
    a column's value row after row; a new styled cell per value made a 100,000-row export
    about 2 s slower.
    """

    def __init__(self, sheet: WriteOnlySheet) -> None:
        """Prepare text cells for ``sheet``.

        Args:
            sheet: the write-only sheet being written.
        """
        self._sheet = sheet
        self._cells: dict[int, WorkbookCell] = {}

    def cell(self, column: int, value: CellValue) -> WorkbookCell | None:
        """The column's text cell holding ``value``; valid until the row is appended.

        Args:
            column: the 0-based column index.
            value: the value, written as text.

        Returns:
            The cell, or None when the text is empty.
        """
        string = as_text(value)
        if not string:
            return None
        cell = self._cells.get(column)
        if cell is None:
            cell = self._cells[column] = new_cell(self._sheet, None, text=True)
        cell.value = string
        cell.data_type = "s"
        return cell


def _fit_title(base: str, limit: int) -> str:
    # Excel counts UTF-16 code units: a character beyond the BMP (𠮷) counts twice. A title
    # may not start or end with an apostrophe.
    kept: list[str] = []
    units = 0
    for char in base:
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            break
        kept.append(char)
    return "".join(kept).strip(" '") or "Sheet"


def _create_temporary(target: Path) -> Path:
    # readable by its owner only: exported lists hold personal data (examdesk/private_files.py)
    try:
        return temporary_beside(target, ".tmp")
    except OSError as error:
        raise BadInput(_unwritable_message(target, error)) from None


def _unwritable_message(target: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return translate(
            "Export",
            "{file} cannot be saved because the folder {folder} does not exist; choose an "
            "existing folder or create it first.",
        ).format(file=target.name, folder=target.parent)
    if isinstance(error, PermissionError):
        # on Windows a workbook open in Excel cannot be replaced: the commonest case
        return translate(
            "Export",
            "{file} cannot be written because it is open in another program or the folder "
            "is protected; close the file in Excel, or choose another folder, and try again.",
        ).format(file=target)
    return translate(
        "Export",
        "{file} cannot be written ({reason}); check that the disk has free space and that "
        "you may write to the folder, and try again.",
    ).format(file=target, reason=error.strerror or error)


def _discard(workbook: Workbook) -> None:
    # openpyxl streams each write-only sheet into a file in the system temp folder and only
    # removes it when the workbook is saved or Python exits; a desktop app runs for days, so
    # close and remove them now. This reaches into openpyxl's internals, hence getattr and
    # best effort: the worst case is openpyxl's own removal at exit.
    for sheet in workbook.worksheets:
        with suppress(Exception):
            rows = getattr(sheet, "_rows", None)
            if rows is not None:
                rows.close()  # ends the sheet's XML so the stream below can close cleanly
            writer = getattr(sheet, "_writer", None)
            if writer is not None:
                writer.close()
                writer.cleanup()
