"""Read one sheet of a workbook (.xlsx, .xlsm) or a CSV file into plain rows.

Workbooks are read with python-calamine, several times faster than openpyxl's read-only
mode on the 6,000-row sample. Every way a file can be unusable ends in a one-sentence
:class:`~examdesk.errors.BadInput` (which file, what is wrong, how to fix it), never a
traceback.
"""

from __future__ import annotations

import csv
import io
import math
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from examdesk.errors import BadInput
from examdesk.exchange import xlsx_guard
from examdesk.exchange.problems import MAX_SENTENCE, column_letter, shorten
from examdesk.i18n import translate

#: What a cell can hold once read; empty cells are "".
CellValue = str | int | float | bool | date | datetime | time | timedelta

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
CSV_SUFFIXES = frozenset({".csv"})

#: Every OLE2 compound file (old .xls, and Office's password-encrypted .xlsx) starts so.
OLE2_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
#: The stream an encrypted OOXML package carries inside its OLE2 container.
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_ZIP_SIGNATURE = b"PK\x03\x04"
# The most characters an Excel cell holds; a longer text is a damaged or forged file.
MAX_CELL_TEXT = 32767
# A CSV file is read whole: an exam list of 1,000,000 rows is far below this.
MAX_CSV_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class RawRow:
    """One non-blank row as read.

    Attributes:
        number: the 1-based row number as Excel shows it (for CSV, the record number).
        cells: the cell values from column A on; empty cells are "".
    """

    number: int
    cells: tuple[CellValue, ...]

    def cell(self, index: int) -> CellValue:
        """The value of the 0-based column ``index``, "" beyond the row's end."""
        return self.cells[index] if index < len(self.cells) else ""


@dataclass(frozen=True)
class RawSheet:
    """The non-blank rows of one sheet, with the names needed to locate problems.

    Attributes:
        file_name: the file's name without its folder.
        sheet_name: the sheet's name ("" for a CSV file).
        rows: the rows that hold at least one non-blank cell, in order.
        notes: remarks on how the sheet was read (formulas without a calculated value).
    """

    file_name: str
    sheet_name: str
    rows: tuple[RawRow, ...]
    notes: tuple[str, ...] = ()


def read_table(path: str | Path, sheet: str | None = None) -> RawSheet:
    """Read one sheet of an .xlsx/.xlsm workbook, or a CSV file.

    Args:
        path: the file to read.
        sheet: the sheet's name; None takes the first visible worksheet. Ignored for CSV.

    Returns:
        The sheet's non-blank rows with their Excel row numbers.

    Raises:
        BadInput: the file is missing, in the old .xls format, password-protected,
            damaged or not a spreadsheet, the sheet does not exist, or it is empty.
    """
    path = Path(path)
    head = _checked_head(path)
    if path.suffix.lower() in CSV_SUFFIXES:
        return _read_csv(path)
    return _read_workbook(path, head, sheet)


def sheet_names(path: str | Path) -> tuple[str, ...]:
    """The sheets a user can choose from: a workbook's visible worksheets in tab order (a CSV
    file has none), for a wizard's "choose the sheet" step.

    Raises:
        BadInput: as :func:`read_table`.
    """
    path = Path(path)
    head = _checked_head(path)
    if path.suffix.lower() in CSV_SUFFIXES:
        return ()
    with _open_workbook(path, head) as workbook:
        return tuple(meta.name for meta in workbook.sheets_metadata
                     if meta.typ == SheetTypeEnum.WorkSheet
                     and meta.visible == SheetVisibleEnum.Visible)


def _checked_head(path: Path) -> bytes:
    """The file's first bytes, once its name says it is a file we read and it can be read."""
    name = path.name
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise BadInput(
            translate(
                "Import",
                "{file} is in the old Excel 97-2003 format (.xls); open it in Excel and save it "
                "as an Excel workbook (.xlsx), then import that file.",
            ).format(file=name)
        )
    if suffix not in WORKBOOK_SUFFIXES | CSV_SUFFIXES:
        raise BadInput(
            translate(
                "Import",
                "{file} is not a file ExamDesk can import; save it as an Excel workbook (.xlsx) "
                "or as CSV (.csv) and import that file.",
            ).format(file=name)
        )
    try:
        return _read_head(path)
    except FileNotFoundError:
        raise BadInput(
            translate(
                "Import", "{file} does not exist; check the folder and the file name."
            ).format(file=path)
        ) from None
    except IsADirectoryError:
        raise BadInput(
            translate("Import", "{file} is a folder, not a file; choose a file inside it.").format(
                file=path
            )
        ) from None
    except OSError as error:
        raise BadInput(
            translate(
                "Import",
                "{file} cannot be read ({reason}); close it in other programs and check that "
                "you may read it.",
            ).format(file=path, reason=error.strerror or error)
        ) from None


def _read_head(path: Path) -> bytes:
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # a device such as /dev/zero, or a pipe, would be read forever (or block)
        raise BadInput(translate(
            "Import",
            "{file} is not a regular file (a device or a pipe); save the data in a file and "
            "import that file.",
        ).format(file=path))
    with path.open("rb") as stream:
        return stream.read(8)


def _open_workbook(path: Path, head: bytes) -> CalamineWorkbook:
    if head.startswith(OLE2_SIGNATURE):
        raise BadInput(_ole2_message(path))
    if not head.startswith(_ZIP_SIGNATURE):
        raise BadInput(xlsx_guard.damaged_message(path.name))
    xlsx_guard.check_parts(path)
    with _reader_failure_is_damage(path.name):
        return CalamineWorkbook.from_path(str(path))


@contextmanager
def _reader_failure_is_damage(file_name: str) -> Iterator[None]:
    """calamine's errors, and its panics (a date cell holding a number no date has: pyo3
    raises them as PanicException, a BaseException; a duration too long for Python's
    timedelta is an OverflowError), become the damaged-file message."""
    try:
        yield
    except (CalamineError, ValueError, OSError, OverflowError):
        raise BadInput(xlsx_guard.damaged_message(file_name)) from None
    except BaseException as error:
        if type(error).__name__ != "PanicException":
            raise
        raise BadInput(xlsx_guard.damaged_message(file_name)) from None


def _read_workbook(path: Path, head: bytes, sheet: str | None) -> RawSheet:
    name = path.name
    with _open_workbook(path, head) as workbook:
        sheet_name = _choose_sheet(workbook, name, sheet)
        scan = xlsx_guard.scan_sheet(path, sheet_name)
        with _reader_failure_is_damage(name):
            grid = workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
    rows = _numbered_rows(grid)
    if not rows:
        raise BadInput(
            translate(
                "Import",
                "Sheet {sheet} of {file} is empty; choose the sheet that holds the data or "
                "paste the data into it.",
            ).format(sheet=shorten(sheet_name), file=name)
        )
    _check_cells(rows, translate("Import", "{file}, sheet {sheet}").format(
        file=name, sheet=shorten(sheet_name)))
    return RawSheet(name, sheet_name, rows, _uncalculated_notes(scan))


def _uncalculated_notes(scan: xlsx_guard.SheetScan) -> tuple[str, ...]:
    if not scan.uncalculated_count:
        return ()
    cells = "、".join(scan.uncalculated)
    if scan.uncalculated_count > len(scan.uncalculated):
        cells = translate("Import", "{cells} and {more} more").format(
            cells=cells, more=scan.uncalculated_count - len(scan.uncalculated))
    return (translate(
        "Import",
        "Cells {cells} hold a formula that was never calculated (the file was not saved by "
        "Excel), so they were read as empty; open the file in Excel, save it and import it "
        "again if they matter.",
    ).format(cells=cells),)


def _check_cells(rows: Sequence[RawRow], where: str) -> None:
    """Refuse what no Excel cell can hold, naming the first such cell: a text longer than
    :data:`MAX_CELL_TEXT`, or a number that is infinite or not a number (what a number of
    thousands of digits, or "inf", written into the file's XML is read as)."""
    for row in rows:
        for index, cell in enumerate(row.cells):
            if isinstance(cell, str):
                if len(cell) > MAX_CELL_TEXT:
                    raise BadInput(translate(
                        "Import",
                        "{where}, cell {cell}: the text is {length:,} characters long, more "
                        "than an Excel cell holds ({most:,}); the file is damaged or a wrong "
                        "column was pasted: shorten the cell and import the file again.",
                    ).format(where=where, cell=f"{column_letter(index)}{row.number}",
                             length=len(cell), most=MAX_CELL_TEXT))
            elif isinstance(cell, float) and not math.isfinite(cell):
                raise BadInput(translate(
                    "Import",
                    "{where}, cell {cell}: the number is infinite or not a number, which no "
                    "Excel cell holds (the file is damaged, or has a number of hundreds of "
                    "digits); type the value again and import the file again.",
                ).format(where=where, cell=f"{column_letter(index)}{row.number}"))


def _choose_sheet(workbook: CalamineWorkbook, file_name: str, wanted: str | None) -> str:
    names = workbook.sheet_names
    if wanted is not None:
        if wanted in names:
            return wanted
        # a trailing space typed in a sheet tab is invisible in Excel
        stripped = [n for n in names if n.strip() == wanted.strip()]
        if len(stripped) == 1:
            return stripped[0]
        raise BadInput(
            translate(
                "Import",
                "{file} has no sheet named {sheet}; choose one of its sheets: {sheets}.",
            ).format(file=file_name, sheet=shorten(wanted),
                     sheets=shorten(", ".join(names), MAX_SENTENCE))
        )
    for meta in workbook.sheets_metadata:
        if meta.typ == SheetTypeEnum.WorkSheet and meta.visible == SheetVisibleEnum.Visible:
            return meta.name
    if names:
        return names[0]
    raise BadInput(
        translate(
            "Import", "{file} holds no worksheet; open it in Excel and check its content."
        ).format(file=file_name)
    )


def _read_csv(path: Path) -> RawSheet:
    name = path.name
    try:
        data = _csv_bytes(path)
    except OSError as error:
        raise BadInput(
            translate(
                "Import",
                "{file} cannot be read ({reason}); close it in other programs and check that "
                "you may read it.",
            ).format(file=path, reason=error.strerror or error)
        ) from None
    if data.startswith(_ZIP_SIGNATURE) or data.startswith(OLE2_SIGNATURE):
        raise BadInput(
            translate(
                "Import",
                "{file} is an Excel workbook, not a CSV text file; rename it to .xlsx, or save "
                "it from Excel as CSV.",
            ).format(file=name)
        )
    text = _decode(data, name)
    delimiter = _delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise BadInput(xlsx_guard.damaged_message(name)) from None
    rows = _numbered_rows(records)
    if not rows:
        raise BadInput(
            translate(
                "Import", "{file} is empty; export the data again and import the new file."
            ).format(file=name)
        )
    _check_cells(rows, name)
    return RawSheet(name, "", rows)


def _csv_bytes(path: Path) -> bytes:
    """The file's bytes: a regular file of at most :data:`MAX_CSV_BYTES` (a device such as
    /dev/zero, or a pipe that never ends, would be read forever)."""
    with path.open("rb") as stream:
        data = stream.read(MAX_CSV_BYTES + 1)
    if len(data) > MAX_CSV_BYTES:
        raise BadInput(translate(
            "Import",
            "{file} is larger than {megabytes:,} MB, far more than an exam list holds; split "
            "it, or check that it is the right file.",
        ).format(file=path.name, megabytes=MAX_CSV_BYTES // (1024 * 1024)))
    return data


def _decode(data: bytes, file_name: str) -> str:
    # Excel's "CSV UTF-8" writes a BOM; plain "CSV" on a Chinese Windows writes GB18030
    # (a superset of GBK and GB2312). Invalid UTF-8 is very unlikely to be Chinese text
    # that happens to decode, so trying UTF-8 first is safe.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break  # a binary file that happened to decode
        return text
    raise BadInput(
        translate(
            "Import",
            "{file} is not a text file in UTF-8 or GB18030; save it from Excel as "
            "“CSV UTF-8” and import that file.",
        ).format(file=file_name)
    )


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    if "\t" in first_line and "," not in first_line:
        return "\t"
    return ","


def _blank(cells: Sequence[CellValue]) -> bool:
    return all(isinstance(cell, str) and not cell.strip() for cell in cells)


def _ole2_message(path: Path) -> str:
    # Office wraps a password-encrypted .xlsx in an OLE2 container holding an
    # "EncryptionInfo" stream; an OLE2 file without it is an old .xls given a new name.
    with path.open("rb") as stream:
        content = stream.read()
    if _ENCRYPTION_STREAM in content:
        return translate(
            "Import",
            "{file} is protected by a password; open it in Excel, remove the password "
            "(File > Info > Protect Workbook > Encrypt with Password) and save it again.",
        ).format(file=path.name)
    return translate(
        "Import",
        "{file} is password-protected or an old .xls workbook renamed to .xlsx; open it in "
        "Excel, remove any password and save it as an Excel workbook (.xlsx).",
    ).format(file=path.name)


def _numbered_rows(grid: Sequence[Sequence[CellValue]]) -> tuple[RawRow, ...]:
    """The non-blank rows with their 1-based spreadsheet row numbers."""
    return tuple(
        RawRow(number, tuple(cells))
        for number, cells in enumerate(grid, start=1)
        if not _blank(cells)
    )
