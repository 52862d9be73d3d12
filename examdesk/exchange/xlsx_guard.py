"""Look inside a workbook's zip before python-calamine reads it.

python-calamine builds a dense grid from A1 to the farthest cell that holds a value, and
allocates it at once: one value at XFD1048576 (or a cell reference it misreads, such as
``B99999999999``) asks for hundreds of GiB, and the Rust allocator then aborts the whole
process (exit 134, no message, nothing to catch). Python cannot recover from that, so the
extent is checked first, from the sheet's XML, streamed in chunks and never held whole:

- every cell reference must be one Excel can write (A1 to XFD1048576);
- the area from A1 to the farthest cell holding a value must fit :data:`MAX_AREA` cells;
- the parts calamine reads whole (shared strings, styles, the workbook) must stay under
  :data:`MAX_PART_BYTES` once decompressed (a 218 KB zip can unpack to 200 MB);
- a formula cell without the value Excel calculated (a file written by a program, never
  opened in Excel) is read as empty: the scan names such cells so the user is told.

Every refusal is a :class:`~examdesk.errors.BadInput` naming the file, the sheet and the
cell, and saying how to fix it. docs/input-hardening.md says why each limit is what it is.
"""

from __future__ import annotations

import contextlib
import functools
import posixpath
import re
import zipfile
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from examdesk.errors import BadInput
from examdesk.i18n import translate

# The farthest cell Excel has: column XFD, row 1,048,576.
MAX_COLUMNS = 16384
MAX_ROWS = 1048576
# Cells from A1 to the farthest value: calamine keeps about 40 bytes a cell (its grid and
# the Python lists made from it), so 10 million cells stay far below 1 GB; the provincial
# candidate list (102,000 rows of 12 columns) is 1.2 million.
MAX_AREA = 10_000_000
# A part calamine reads whole (shared strings, styles...), decompressed.
MAX_PART_BYTES = 128 * 1024 * 1024
# A worksheet's XML, decompressed: it is streamed, so this bounds time, not memory.
MAX_SHEET_BYTES = 2 * 1024 * 1024 * 1024
# Uncalculated formula cells named in the note; the rest are counted.
NAMED_CELLS = 5

_CHUNK = 1 << 20
# Without a place to cut within this many bytes, the XML is not a sheet Excel wrote.
_MAX_CARRY = 8 * _CHUNK

_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")


@dataclass(frozen=True)
class _Patterns:
    """The expressions for one namespace prefix ("" or e.g. "x:", as .NET writers use):
    a literal tag name lets the engine skip ahead, several times faster than an optional
    prefix tried at every "<"."""

    cell_start: re.Pattern[bytes]
    bad_cell_ref: re.Pattern[bytes]
    bad_row_ref: re.Pattern[bytes]
    value_cell: re.Pattern[bytes]
    formula_end: re.Pattern[bytes]
    no_value_formula: re.Pattern[bytes]
    sheet_data_end: re.Pattern[bytes]
    cuts: tuple[bytes, ...]
    # the fast path, for cells whose reference is their first attribute (as Excel writes)
    cell: bytes
    cell_with_ref: bytes
    row: bytes
    row_with_ref: bytes
    bad_first_ref: re.Pattern[bytes]
    bad_first_row: re.Pattern[bytes]
    first_ref_rows: re.Pattern[bytes]
    first_ref_letters: re.Pattern[bytes]


@functools.cache
def _patterns(prefix: bytes) -> _Patterns:
    p = re.escape(prefix)
    # openpyxl writes an empty <v/> after a formula it could not calculate
    formula_end = (rb"<" + p + rb"f\b[^>]*?(?:/>|>[^<]*</" + p + rb"f>)\s*(?:<" + p
                   + rb"v\s*/>|<" + p + rb"v>\s*</" + p + rb"v>)?\s*</" + p + rb"c>")
    return _Patterns(
        cell_start=re.compile(rb"<" + p + rb"c[\s>/]"),
        bad_cell_ref=re.compile(
            rb"<" + p + rb"c\s[^>]*?\br=\"(?![A-Z]{1,3}[1-9][0-9]{0,6}\")([^\"]*)\""),
        bad_row_ref=re.compile(
            rb"<" + p + rb"row\s[^>]*?\br=\"(?![1-9][0-9]{0,6}\")([^\"]*)\""),
        value_cell=re.compile(
            rb"<" + p + rb"c\s[^>]*?\br=\"([A-Z]{1,3})([0-9]{1,7})\"[^>]*?(?<!/)>"),
        formula_end=re.compile(formula_end),
        no_value_formula=re.compile(
            rb"<" + p + rb"c\s[^>]*?\br=\"([A-Z]{1,3}[0-9]{1,7})\"[^>/]*>\s*" + formula_end),
        sheet_data_end=re.compile(rb"</" + p + rb"sheetData>"),
        cuts=(b"</" + prefix + b"c>", b"</" + prefix + b"row>"),
        cell=b"<" + prefix + b"c",
        cell_with_ref=b"<" + prefix + b'c r="',
        row=b"<" + prefix + b"row",
        row_with_ref=b"<" + prefix + b'row r="',
        bad_first_ref=re.compile(
            rb"<" + p + rb"c r=\"(?![A-Z]{1,3}[1-9][0-9]{0,6}\")([^\"]*)\""),
        bad_first_row=re.compile(rb"<" + p + rb"row r=\"(?![1-9][0-9]{0,6}\")([^\"]*)\""),
        first_ref_rows=re.compile(rb"<" + p + rb"c r=\"[A-Z]{1,3}([0-9]{1,7})"),
        first_ref_letters=re.compile(rb"<" + p + rb"c r=\"([A-Z]+)"),
    )


# What zipfile raises for a damaged archive: RuntimeError for an encrypted member,
# NotImplementedError for an unknown compression or zip version, zlib.error for flipped
# bytes in the compressed data.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, ValueError,
               EOFError, NotImplementedError, RuntimeError)

_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(frozen=True)
class SheetScan:
    """What the scan of one sheet's XML found.

    Attributes:
        uncalculated: the cells (as A1 references) holding a formula without a calculated
            value, at most :data:`NAMED_CELLS` of them.
        uncalculated_count: how many such cells there are in all.
    """

    uncalculated: tuple[str, ...] = ()
    uncalculated_count: int = 0


def column_number(letters: str | bytes) -> int:
    """The 1-based number of Excel's column ``letters`` (A -> 1, XFD -> 16384)."""
    number = 0
    for letter in letters.encode("ascii") if isinstance(letters, str) else letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def check_parts(path: Path) -> None:
    """Refuse a workbook whose parts read whole would unpack to more than they may.

    Raises:
        BadInput: the zip is damaged, or a part other than a worksheet unpacks to more
            than :data:`MAX_PART_BYTES`.
    """
    with _zip(path) as archive:
        for info in archive.infolist():
            name = info.filename
            if name.startswith("xl/worksheets/") or not name.endswith((".xml", ".rels")):
                continue
            for _chunk in _chunks(archive, path, info, MAX_PART_BYTES):
                pass


def scan_sheet(path: Path, sheet: str) -> SheetScan:
    """Check the cells of ``sheet`` in the workbook at ``path`` before calamine reads it.

    Args:
        path: the .xlsx/.xlsm file.
        sheet: the sheet's name, as the workbook lists it.

    Returns:
        The formula cells that have no calculated value.

    Raises:
        BadInput: a cell reference is not one Excel can write, the cells holding values
            span more than :data:`MAX_AREA` cells, or the sheet's XML is not what Excel
            writes (too large, or without a place to cut it).
    """
    with _zip(path) as archive:
        member = _sheet_member(archive, path, sheet)
        if member is None:
            return SheetScan()  # calamine will say what is wrong with the workbook
        # closed on a refusal too: the member holds the file open
        with contextlib.closing(_chunks(archive, path, member, MAX_SHEET_BYTES)) as chunks:
            return _Scanner(path.name, sheet).scan(chunks)


class _Scanner:
    """Streams one worksheet's XML, keeping only the extent and a few cell names."""

    def __init__(self, file_name: str, sheet: str) -> None:
        self.file_name = file_name
        self.sheet = sheet
        self.last_row = 0
        self.last_column = 0
        self.last_cell = ""
        self.cells = 0
        self.uncalculated: list[str] = []
        self.uncalculated_count = 0
        self.patterns = _patterns(b"")
        # the extent of every cell, empty ones too: when under MAX_AREA, nothing is far
        self.bound_row = 0
        self.bound_column = 0
        self.precise = False

    def scan(self, chunks: Iterator[bytes]) -> SheetScan:
        carry = b""
        first = True
        for chunk in chunks:
            buffer = carry + chunk
            if first:
                first = False
                root = _PREFIX.search(buffer[:4096])
                if root is not None and root.group(1):
                    self.patterns = _patterns(root.group(1))
            cut = max(_end_of(buffer, mark) for mark in self.patterns.cuts)
            if cut == 0:
                cut = buffer.rfind(b">") + 1  # before the cells: nothing spans a cut
            if len(buffer) - cut > _MAX_CARRY:
                raise BadInput(self._message_damaged())
            part, carry = buffer[:cut], buffer[cut:]
            end = self.patterns.sheet_data_end.search(part)
            if end is not None:
                self._part(part[: end.start()])
                break
            self._part(part)
        else:
            self._part(carry)
        return SheetScan(tuple(self.uncalculated), self.uncalculated_count)

    def _part(self, part: bytes) -> None:
        # Bulk regular expressions and counts, not a loop over the cells: the provincial
        # candidate list has over a million cells, and this runs before every import.
        if self.precise or not self._fast(part):
            self._precise(part)
        if self.patterns.formula_end.search(part) is None:
            return
        for ref in self.patterns.no_value_formula.findall(part):
            self.uncalculated_count += 1
            if len(self.uncalculated) < NAMED_CELLS:
                self.uncalculated.append(ref.decode("ascii"))

    def _fast(self, part: bytes) -> bool:
        """Check ``part`` when every cell and row starts with its reference (as Excel and
        openpyxl write them), bounding the extent by every cell, empty ones too.

        Returns:
            False when the precise check must decide: references written otherwise, one
            that is wrong (for its message), or an extent over the limit.
        """
        patterns = self.patterns
        cells = part.count(patterns.cell_with_ref)
        if (part.count(patterns.cell) != cells
                or part.count(patterns.row) != part.count(patterns.row_with_ref)
                or patterns.bad_first_ref.search(part) is not None
                or patterns.bad_first_row.search(part) is not None):
            return False
        if cells:
            rows = patterns.first_ref_rows.findall(part)
            letters = patterns.first_ref_letters.findall(part)
            if len(rows) != cells or len(letters) != cells:
                return False  # a reference cut short (a truncated file): the precise check
            row = max(map(int, rows))
            column = max(map(column_number, set(letters)))
            bound_row, bound_column = max(self.bound_row, row), max(self.bound_column, column)
            if bound_row > MAX_ROWS or bound_column > MAX_COLUMNS or (
                    bound_row * bound_column > MAX_AREA):
                # from here on, cell by cell: the earlier parts count with their bounds
                self.precise = True
                self.last_row, self.last_column = self.bound_row, self.bound_column
                return False
            self.bound_row, self.bound_column = bound_row, bound_column
        self.cells += cells
        return True

    def _precise(self, part: bytes) -> None:
        """Check ``part`` with references anywhere in the tags, skipping empty cells."""
        patterns = self.patterns
        self.cells += len(patterns.cell_start.findall(part))
        bad_row = patterns.bad_row_ref.search(part)
        if bad_row is not None:
            raise BadInput(self._message_bad_row(bad_row.group(1).decode("ascii", "replace")))
        bad = patterns.bad_cell_ref.search(part)
        if bad is not None:
            raise BadInput(self._message_bad_ref(bad.group(1).decode("ascii", "replace")))
        # formatted empty cells (<c r="X9" s="1"/>) are skipped, as calamine skips them
        found = patterns.value_cell.findall(part)
        if found:
            letters, numbers = zip(*found, strict=True)
            self.last_row = max(self.last_row, max(map(int, numbers)))
            self.last_column = max(self.last_column, *map(column_number, set(letters)))
            if self.last_row > MAX_ROWS or self.last_column > MAX_COLUMNS:
                raise BadInput(self._message_bad_ref(self._farthest(found, 1)))
            if self.last_row * self.last_column > MAX_AREA:
                raise BadInput(self._message_far(self._farthest(found, MAX_AREA)))
        # cells written without a reference sit one after another: count them
        if self.cells > MAX_AREA:
            raise BadInput(self._message_far(""))
        self.bound_row = max(self.bound_row, self.last_row)
        self.bound_column = max(self.bound_column, self.last_column)

    def _farthest(self, found: list[tuple[bytes, bytes]], most: int) -> str:
        """The first cell of ``found`` beyond the sheet (``most`` 1) or the allowed area."""
        for letters, number in found:
            column, row = column_number(letters), int(number)
            if column > MAX_COLUMNS or row > MAX_ROWS or (
                    most > 1 and row * column > most):
                return (letters + number).decode("ascii")
        return ""

    def _where(self) -> str:
        return translate("Import", "{file}, sheet {sheet}").format(
            file=self.file_name, sheet=self.sheet[:80])

    def _message_bad_ref(self, ref: str) -> str:
        return translate(
            "Import",
            "{where}: a cell is stored at “{ref}”, which is not a cell of a worksheet (A1 to "
            "XFD1048576): the file is damaged or was not written by Excel; open it in Excel, "
            "save it again and import that file.",
        ).format(where=self._where(), ref=ref[:20])

    def _message_bad_row(self, row: str) -> str:
        return translate(
            "Import",
            "{where}: a row is stored as number “{row}”, which is not a row of a worksheet (1 "
            "to 1048576): the file is damaged or was not written by Excel; open it in Excel, "
            "save it again and import that file.",
        ).format(where=self._where(), row=row[:20])

    def _message_far(self, ref: str) -> str:
        if not ref:
            return translate(
                "Import",
                "{where} holds more than {most:,} cells, more than any list ExamDesk imports; "
                "copy only the rows and columns to import to a new sheet and import that.",
            ).format(where=self._where(), most=MAX_AREA)
        return translate(
            "Import",
            "{where}: cell {cell} holds a value so far from A1 that the sheet would span more "
            "than {most:,} cells; delete that cell (or the rows and columns around it that "
            "hold nothing to import), save the file and import it again.",
        ).format(where=self._where(), cell=ref, most=MAX_AREA)

    def _message_damaged(self) -> str:
        return translate(
            "Import",
            "{where} is not stored the way Excel stores a sheet (a cell or a tag is "
            "megabytes long); open the file in Excel, save it again and import that file.",
        ).format(where=self._where())


def _end_of(buffer: bytes, mark: bytes) -> int:
    found = buffer.rfind(mark)
    return 0 if found < 0 else found + len(mark)


def _zip(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except _ZIP_ERRORS:
        raise BadInput(damaged_message(path.name)) from None


def _chunks(archive: zipfile.ZipFile, path: Path, member: zipfile.ZipInfo | str,
            limit: int) -> Generator[bytes, None, None]:
    """The decompressed bytes of ``member``, chunk by chunk, refused beyond ``limit``."""
    name = member.filename if isinstance(member, zipfile.ZipInfo) else member
    total = 0
    try:
        stream: IO[bytes]
        with archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise BadInput(translate(
                        "Import",
                        "{file} unpacks to more than {megabytes:,} MB in its part {part}, far "
                        "more than an exam list holds (a cell with pages of text, or a damaged "
                        "file); open it in Excel, delete what does not belong to the list, "
                        "save it and import it again.",
                    ).format(file=path.name, megabytes=limit // (1024 * 1024), part=name[:80]))
                yield chunk
    except _ZIP_ERRORS:
        raise BadInput(damaged_message(path.name)) from None


def _read_small(archive: zipfile.ZipFile, path: Path, name: str) -> bytes | None:
    if name not in archive.namelist():
        return None
    return b"".join(_chunks(archive, path, name, MAX_PART_BYTES))


def _sheet_member(archive: zipfile.ZipFile, path: Path, sheet: str) -> str | None:
    """The zip member holding ``sheet``, from the workbook's list and its relationships."""
    workbook = _read_small(archive, path, "xl/workbook.xml")
    relations = _read_small(archive, path, "xl/_rels/workbook.xml.rels")
    if workbook is None or relations is None:
        return None
    try:
        sheets = ElementTree.fromstring(workbook)
        rels = ElementTree.fromstring(relations)
    except ElementTree.ParseError:
        raise BadInput(damaged_message(path.name)) from None
    rel_id = next((element.get(_R_ID) for element in sheets.iter()
                   if element.tag.endswith("}sheet") and element.get("name") == sheet), None)
    target = next((element.get("Target") for element in rels.iter(_RELATIONSHIPS)
                   if element.get("Id") == rel_id), None)
    if rel_id is None or target is None:
        return None
    member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
        posixpath.join("xl", target))
    return member if member in archive.namelist() else None


def damaged_message(file_name: str) -> str:
    """The message for a workbook that cannot be read at all."""
    return translate(
        "Import",
        "{file} is damaged or is not an Excel workbook; open it in Excel and save it again "
        "as .xlsx (or export the data again).",
    ).format(file=file_name)
