"""Streaming workbooks out: styled headers, IDs as text, valid titles, all-or-nothing files."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from examdesk.errors import BadInput
from examdesk.exchange.sheets import CellValue, read_table
from examdesk.exchange.writer import Column, SheetData, sheet_title, write_workbook
from examdesk.progress import OperationCancelled
from tests.core.exchange.helpers import MAN

ID_WITH_X = "11010519491231002X"
COLUMNS = (Column("证件号码", 22.5, text=True), Column("姓名", 10),
           Column("准考证号", 16, text=True), Column("考场", 6))

Row = Sequence[CellValue | None]


def _sheet(rows: list[Row] | Iterator[Row], title: str = "考生名单") -> SheetData:
    return SheetData(title, COLUMNS, rows)


def _numbered_rows(count: int) -> Iterator[Row]:
    for number in range(count):
        yield (MAN, f"考生{number}", f"2024{number:08d}", number % 30 + 1)


@pytest.fixture
def openpyxl_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder where openpyxl streams write-only sheets during this test."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_the_header_is_bold_grey_frozen_and_filtered_with_the_column_widths(tmp_path):
    path = tmp_path / "out.xlsx"
    count = write_workbook(path, [_sheet([(MAN, "张三", "202400000001", 1),
                                          (MAN, "李四", "202400000002", 2)])])
    assert count == 2
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet.title == "考生名单"
    assert [cell.value for cell in sheet[1]] == ["证件号码", "姓名", "准考证号", "考场"]
    for cell in sheet[1]:
        assert cell.font.b is True
        assert (cell.fill.fill_type, cell.fill.fgColor.rgb) == ("solid", "FFD9D9D9")
    assert sheet["A2"].font.b is False and sheet["A2"].fill.fill_type is None
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D3"
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCD"}
    assert widths == {"A": 22.5, "B": 10, "C": 16, "D": 6}


def test_id_numbers_stay_exact_text_and_ints_in_text_columns_become_strings(tmp_path):
    path = tmp_path / "ids.xlsx"
    write_workbook(path, [_sheet([
        (ID_WITH_X, "王五", 202400000003, 3),
        (411623199607191697, "赵六", 2024.0, 4),
        ("０１２３", "孙七", None, None),
    ])])
    sheet = load_workbook(path).active
    assert sheet is not None
    cells = [(cell.value, cell.data_type, cell.number_format)
             for row in sheet.iter_rows(min_row=2, max_col=3) for cell in row if cell.column != 2]
    assert cells == [
        (ID_WITH_X, "s", "@"), ("202400000003", "s", "@"),
        ("411623199607191697", "s", "@"), ("2024", "s", "@"),
        ("０１２３", "s", "@"), (None, "n", "General"),
    ]
    # the number column stays a number
    assert (sheet["D2"].value, sheet["D2"].data_type) == (3, "n")
    rows = read_table(path).rows
    assert rows[1].cells[0] == ID_WITH_X and len(rows[1].cells[0]) == 18
    assert rows[2].cells[0] == "411623199607191697"
    assert rows[1].cells[2] == "202400000003"


def test_characters_beyond_the_bmp_survive_and_control_characters_are_dropped(tmp_path):
    path = tmp_path / "text.xlsx"
    write_workbook(path, [SheetData("𠮷野家", (Column("姓\x00名", 10), Column("备注", 30)), [
        ("𠮷田", "第一行\n第二行\t缩进"),
        ("张\x01三\x1f", "\x0bA\x08B\x7f"),
        ("\x00\x02", "\ufffe坏"),
    ])])
    table = read_table(path)
    assert table.sheet_name == "𠮷野家"
    assert [row.cells for row in table.rows] == [
        ("姓名", "备注"),
        ("𠮷田", "第一行\n第二行\t缩进"),
        ("张三", "AB\x7f"),
        ("", "坏"),
    ]


def test_strings_that_look_like_formulas_or_errors_stay_strings(tmp_path):
    path = tmp_path / "formula.xlsx"
    write_workbook(path, [SheetData("s", (Column("a", 10), Column("b", 10, text=True)), [
        ("=HYPERLINK(\"http://x\")", "=1+1"), ("#N/A", "#DIV/0!"),
        ("+1+cmd|' /C calc'!A0", "-2+3"), ("@SUM(A1:A2)", "-"),
    ])])
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [(c.value, c.data_type) for row in sheet.iter_rows(min_row=2) for c in row] == [
        ("=HYPERLINK(\"http://x\")", "s"), ("=1+1", "s"), ("#N/A", "s"), ("#DIV/0!", "s"),
        ("+1+cmd|' /C calc'!A0", "s"), ("-2+3", "s"), ("@SUM(A1:A2)", "s"), ("-", "s"),
    ]
    assert [row.cells for row in read_table(path).rows[1:]] == [
        ("=HYPERLINK(\"http://x\")", "=1+1"), ("#N/A", "#DIV/0!"),
        ("+1+cmd|' /C calc'!A0", "-2+3"), ("@SUM(A1:A2)", "-"),
    ]


def test_values_keep_their_types(tmp_path):
    path = tmp_path / "types.xlsx"
    write_workbook(path, [SheetData("t", (Column("a", 10),) * 4, [
        (date(2024, 5, 18), 1.5, True, ""),
    ])])
    # "" is an empty cell, read back as "" padding the row to the header's width
    assert read_table(path).rows[1].cells == (date(2024, 5, 18), 1.5, True, "")
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [c.data_type for c in sheet[2]] == ["d", "n", "b", "n"]
    assert sheet["D2"].value is None


def test_sheet_titles_are_made_valid_and_unique(tmp_path):
    path = tmp_path / "titles.xlsx"
    titles = ["2023/2024 考场:安排*[A]?\\", "名单", "名单", "名单", "SHEET", "sheet", "x" * 40,
              "x" * 40, "'引号'", "", "History", "𠮷" * 20]
    write_workbook(path, [SheetData(title, (Column("a", 5),), [("v",)]) for title in titles])
    assert load_workbook(path, read_only=True).sheetnames == [
        "2023_2024 考场_安排__A___", "名单", "名单 (2)", "名单 (3)", "SHEET", "sheet (2)",
        "x" * 31, "x" * 27 + " (2)", "引号", "Sheet (3)", "History (2)", "𠮷" * 15,
    ]


def test_sheet_title_counts_on_past_the_numbers_already_taken():
    assert sheet_title("名单", ["名单", "名单 (2)"]) == "名单 (3)"
    assert sheet_title("a" * 31, ["A" * 31]) == "a" * 27 + " (2)"


def test_sheets_add_up_and_a_long_row_widens_the_filter(tmp_path):
    path = tmp_path / "two.xlsx"
    count = write_workbook(path, [
        _sheet(_numbered_rows(3), "一"),
        SheetData("二", (Column("a", 5),), [("x", "beyond the columns")]),
    ])
    assert count == 4
    workbook = load_workbook(path)
    assert workbook["一"].auto_filter.ref == "A1:D4"
    assert workbook["二"].auto_filter.ref == "A1:B2"
    assert workbook["二"]["B2"].value == "beyond the columns"


def test_progress_is_told_every_5000_rows_and_at_saving(tmp_path):
    calls: list[tuple[int, int, str]] = []
    path = tmp_path / "big.xlsx"
    count = write_workbook(path, [_sheet(_numbered_rows(12_000))],
                           progress=lambda *call: calls.append(call))
    assert count == 12_000
    assert calls == [(5000, 0, "Writing big.xlsx"), (10_000, 0, "Writing big.xlsx"),
                     (12_000, 0, "Saving big.xlsx")]
    assert read_table(path).rows[-1].cells[1] == "考生11999"


def test_an_error_in_the_rows_leaves_the_existing_file_and_no_temporary_file(tmp_path,
                                                                            openpyxl_temp):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"the previous export")

    def failing_rows() -> Iterator[Row]:
        yield from _numbered_rows(1500)
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError, match="went away"):
        write_workbook(path, [_sheet(_numbered_rows(10), "first"), _sheet(failing_rows())])
    assert path.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx", "system-temp"]
    assert list(openpyxl_temp.iterdir()) == []


def test_cancelling_raises_and_writes_nothing(tmp_path, openpyxl_temp):
    path = tmp_path / "out.xlsx"
    with pytest.raises(OperationCancelled):
        write_workbook(path, [_sheet(_numbered_rows(10))], cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["system-temp"]
    assert list(openpyxl_temp.iterdir()) == []


def test_cancelling_midway_keeps_the_previous_file(tmp_path, openpyxl_temp):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"the previous export")
    looks: list[int] = []

    def cancelled() -> bool:
        looks.append(1)
        return len(looks) == 3  # the third look: after 2,000 rows

    with pytest.raises(OperationCancelled):
        write_workbook(path, [_sheet(_numbered_rows(5000))], cancelled=cancelled)
    assert len(looks) == 3
    assert path.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx", "system-temp"]
    assert list(openpyxl_temp.iterdir()) == []


def test_a_cancel_after_the_last_row_still_stops_the_save(tmp_path):
    path = tmp_path / "out.xlsx"
    looks: list[int] = []

    def cancelled() -> bool:
        looks.append(1)
        return len(looks) > 1  # the first look (row 1) passes, the one before saving stops

    with pytest.raises(OperationCancelled):
        write_workbook(path, [_sheet(_numbered_rows(10))], cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_bad_input_naming_the_file(tmp_path):
    path = tmp_path / "no such folder" / "out.xlsx"
    with pytest.raises(BadInput) as caught:
        write_workbook(path, [_sheet(_numbered_rows(1))])
    message = str(caught.value)
    assert "out.xlsx" in message and "no such folder" in message
    assert message.endswith(".") and "\n" not in message
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_target_is_bad_input(tmp_path):
    with pytest.raises(BadInput, match="is a folder"):
        write_workbook(tmp_path, [_sheet(_numbered_rows(1))])


def test_a_file_open_in_excel_is_bad_input_and_is_left_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"open in Excel")

    def locked(_source: object, _target: object) -> None:
        raise PermissionError(13, "Permission denied")  # what Windows says for a locked file

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(BadInput) as caught:
        write_workbook(path, [_sheet(_numbered_rows(1))])
    message = str(caught.value)
    assert str(path) in message and "close the file in Excel" in message
    assert message.endswith(".") and "\n" not in message
    assert path.read_bytes() == b"open in Excel"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_workbook_without_sheets_is_refused_and_not_written(tmp_path):
    with pytest.raises(ValueError, match="at least one sheet"):
        write_workbook(tmp_path / "none.xlsx", [])
    assert list(tmp_path.iterdir()) == []


def test_the_saved_file_is_readable_by_its_owner_only(tmp_path):
    if os.name != "posix":
        pytest.skip("file modes are POSIX")
    path = tmp_path / "out.xlsx"
    umask = os.umask(0o022)  # the usual umask made it 0644
    try:
        write_workbook(path, [_sheet(_numbered_rows(1))])
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o600  # exported lists hold personal data


def test_a_workbook_whose_audit_fails_is_not_written(tmp_path):
    path = tmp_path / "out.xlsx"
    path.write_bytes(b"the previous export")

    def busy(rows: int) -> None:
        assert rows == 1 and len(list(tmp_path.iterdir())) == 2  # saved beside, not moved
        raise RuntimeError("the database is busy")

    with pytest.raises(RuntimeError, match="busy"):
        write_workbook(path, [_sheet(_numbered_rows(1))], before_replace=busy)
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]
    assert path.read_bytes() == b"the previous export"
