"""Workbooks and CSV files made to break the reader: a located refusal, never an abort.

python-calamine aborts the whole process (exit 134) when a sheet's cells span too far; the
guard in examdesk/exchange/xlsx_guard.py refuses such a file first. The files are made here:
openpyxl writes a far cell, the malformed and lying ones are edited in the zip.
"""

from __future__ import annotations

import contextlib
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from examdesk.errors import BadInput
from examdesk.exchange import sheets as sheets_module
from examdesk.exchange import xlsx_guard
from examdesk.exchange.sheets import read_table, sheet_names


def small_workbook(path: Path, extra: Callable[[object], None] | None = None) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "报名信息"
    sheet.append(["序号", "姓名"])
    sheet.append([1, "张三"])
    if extra is not None:
        extra(sheet)
    workbook.save(path)
    return path


def edited(source: Path, target: Path, change: Callable[[bytes], bytes],
           member: str = "xl/worksheets/sheet1.xml") -> Path:
    """A copy of ``source`` with one zip member changed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info, change(data) if info.filename == member else data)
    return target


def refusal(path: Path) -> str:
    with pytest.raises(BadInput) as caught:
        read_table(path)
    return str(caught.value)


def test_one_value_at_the_last_cell_is_refused_naming_the_cell(tmp_path):
    def far(sheet):
        sheet["XFD1048576"] = 1

    message = refusal(small_workbook(tmp_path / "far.xlsx", far))
    assert message.startswith("far.xlsx, sheet 报名信息: cell XFD1048576 holds a value so far")
    assert "delete that cell" in message


def test_a_value_far_down_column_z_is_refused_but_a_long_list_is_not(tmp_path):
    def far(sheet):
        sheet["Z900000"] = "x"  # 26 columns x 900,000 rows: 23 million cells

    assert "cell Z900000" in refusal(small_workbook(tmp_path / "far.xlsx", far))

    def long(sheet):
        sheet["J120000"] = "x"  # 1.2 million cells: the provincial list's size

    assert read_table(small_workbook(tmp_path / "long.xlsx", long)).rows[-1].number == 120000


@pytest.mark.parametrize("reference", ["B99999999999", "2B", "XFE2", "B0", "b2", ""])
def test_a_cell_reference_excel_cannot_write_is_refused(tmp_path, reference):
    path = edited(small_workbook(tmp_path / "base.xlsx"), tmp_path / "bad.xlsx",
                  lambda data: data.replace(b'r="B2"', f'r="{reference}"'.encode()))
    message = refusal(path)
    assert message.startswith(f"bad.xlsx, sheet 报名信息: a cell is stored at “{reference}”")
    assert "open it in Excel, save it again" in message


@pytest.mark.parametrize(("cell", "found"), [
    (b'<c t="n" r="B99999999999">', "a cell is stored at “B99999999999”"),
    (b'<c t="n" r="XFD1048576">', "cell XFD1048576 holds a value so far"),
    (b'<c t="n">', None),  # no reference: the next column, as calamine reads it
])
def test_references_after_other_attributes_are_checked_too(tmp_path, cell, found):
    path = edited(small_workbook(tmp_path / "base.xlsx"), tmp_path / "order.xlsx",
                  lambda data: data.replace(b'<c r="A2" t="n">', cell))
    if found is None:
        assert len(read_table(path).rows) == 2
    else:
        assert found in refusal(path)


def test_a_row_number_beyond_the_sheet_is_refused(tmp_path):
    path = edited(small_workbook(tmp_path / "base.xlsx"), tmp_path / "bad.xlsx",
                  lambda data: data.replace(b'<row r="2"', b'<row r="99999999"'))
    assert "a row is stored as number “99999999”" in refusal(path)


def lying(far_cell: bytes) -> Callable[[bytes], bytes]:
    """An edit claiming the sheet spans A1:XFD1048576 and adding ``far_cell`` there."""
    def lie(data: bytes) -> bytes:
        data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
        return data.replace(b"</row></sheetData>",
                            b'</row><row r="1048576">' + far_cell + b"</row></sheetData>")
    return lie


def test_a_lying_dimension_with_a_far_corner_cell_is_refused(tmp_path):
    path = edited(small_workbook(tmp_path / "base.xlsx"), tmp_path / "lie.xlsx",
                  lying(b'<c r="XFD1048576"><v>1</v></c>'))
    assert "cell XFD1048576" in refusal(path)


def test_a_lying_dimension_alone_and_a_formatted_empty_far_cell_are_read(tmp_path):
    path = edited(small_workbook(tmp_path / "base.xlsx"), tmp_path / "lie.xlsx",
                  lying(b'<c r="XFD1048576" s="0"/>'))
    assert [row.cells for row in read_table(path).rows] == [("序号", "姓名"), (1, "张三")]


def test_a_prefixed_sheet_is_checked_too(tmp_path):
    def prefixed(data: bytes) -> bytes:
        data = re.sub(rb"<(/?)(\w+)", rb"<\1x:\2", data)
        data = data.replace(b"<x:worksheet xmlns=", b"<x:worksheet xmlns:x=")
        return data.replace(b'r="B2"', b'r="XFD1048576"')

    path = edited(small_workbook(tmp_path / "base.xlsx"), tmp_path / "x.xlsx", prefixed)
    assert "cell XFD1048576" in refusal(path)


def test_a_formula_without_a_calculated_value_is_named_in_a_note(tmp_path):
    def formulas(sheet):
        for row in range(3, 11):
            sheet[f"A{row}"] = row - 1
            sheet[f"B{row}"] = "=A1&\"x\""  # openpyxl stores no calculated value

    table = read_table(small_workbook(tmp_path / "formulas.xlsx", formulas))
    assert table.notes == (
        "Cells B3、B4、B5、B6、B7 and 3 more hold a formula that was never calculated (the "
        "file was not saved by Excel), so they were read as empty; open the file in Excel, "
        "save it and import it again if they matter.",)


def test_a_cached_formula_value_is_read_without_a_note(tmp_path):
    path = edited(small_workbook(tmp_path / "base.xlsx"), tmp_path / "cached.xlsx",
                  lambda data: data.replace(
                      b'<c r="A2" t="n"><v>1</v></c>',
                      b'<c r="A2"><f>0+1</f><v>1</v></c>'))
    table = read_table(path)
    assert table.notes == () and table.rows[1].cells[0] == 1


def test_a_cell_longer_than_excel_allows_is_refused_at_its_cell(tmp_path):
    path = edited(small_workbook(tmp_path / "base.xlsx"), tmp_path / "long.xlsx",
                  lambda data: data.replace("张三".encode(), b"x" * 40000))
    assert refusal(path) == (
        "long.xlsx, sheet 报名信息, cell B2: the text is 40,000 characters long, more than an "
        "Excel cell holds (32,767); the file is damaged or a wrong column was pasted: shorten "
        "the cell and import the file again.")


def test_a_part_that_unpacks_too_far_is_refused_before_reading(tmp_path, monkeypatch):
    path = small_workbook(tmp_path / "bomb.xlsx")
    monkeypatch.setattr(xlsx_guard, "MAX_PART_BYTES", 1000)  # stands for the real 128 MB
    message = refusal(path)
    assert message.startswith("bomb.xlsx unpacks to more than 0 MB in its part xl/")
    with pytest.raises(BadInput):
        sheet_names(path)


def with_huge_shared_string(source: Path, target: Path) -> Path:
    """A copy of ``source`` with a shared string of 200 MB (a zip of under 1 MB)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, old.read(info.filename))
        with new.open("xl/sharedStrings.xml", "w") as part:
            part.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
                       b' count="1" uniqueCount="1"><si><t>')
            for _ in range(200):
                part.write(b"x" * (1024 * 1024))
            part.write(b"</t></si></sst>")
    return target


@pytest.mark.slow
def test_a_small_workbook_holding_a_200_mb_shared_string_is_refused_quickly(tmp_path):
    target = with_huge_shared_string(small_workbook(tmp_path / "base.xlsx"),
                                     tmp_path / "huge.xlsx")
    assert target.stat().st_size < 1024 * 1024
    message = refusal(target)
    assert message == ("huge.xlsx unpacks to more than 128 MB in its part xl/sharedStrings.xml, "
                       "far more than an exam list holds (a cell with pages of text, or a "
                       "damaged file); open it in Excel, delete what does not belong to the "
                       "list, save it and import it again.")


@pytest.mark.parametrize(("number", "style"), [(-1e300, "yyyy-mm-dd"), (1e20, "[h]:mm:ss"),
                                               (-1e15, "hh:mm:ss")])
def test_a_date_or_time_cell_no_date_has_is_the_damaged_message(tmp_path, number, style):
    def cell(sheet):
        sheet["A3"] = number
        sheet["A3"].number_format = style

    # the reader panics (or overflows) on it: caught, never a traceback
    assert "dates.xlsx is damaged" in refusal(small_workbook(tmp_path / "dates.xlsx", cell))


def test_a_flipped_byte_anywhere_is_read_or_refused_never_an_exception(tmp_path):
    good = small_workbook(tmp_path / "good.xlsx").read_bytes()
    path = tmp_path / "flipped.xlsx"
    for position in range(0, len(good), 7):
        path.write_bytes(good[:position] + bytes([good[position] ^ 0x55]) + good[position + 1:])
        with contextlib.suppress(BadInput):
            read_table(path)


def test_a_damaged_zip_is_the_damaged_message(tmp_path):
    path = small_workbook(tmp_path / "cut.xlsx")
    path.write_bytes(path.read_bytes()[:2000])
    assert "cut.xlsx is damaged or is not an Excel workbook" in refusal(path)


@pytest.mark.skipif(os.name != "posix", reason="devices and pipes are POSIX")
def test_a_device_or_a_pipe_named_csv_is_refused(tmp_path):
    device = tmp_path / "zero.csv"
    device.symlink_to("/dev/zero")
    assert refusal(device) == (f"{device} is not a regular file (a device or a pipe); save "
                               "the data in a file and import that file.")
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    assert "is not a regular file" in refusal(pipe)  # refused before opening: no blocking


def test_a_csv_beyond_the_size_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text("姓名\n" + "张三\n" * 1000, encoding="utf-8")
    monkeypatch.setattr(sheets_module, "MAX_CSV_BYTES", 1000)
    assert refusal(path).startswith("big.csv is larger than 0 MB")


def test_a_csv_cell_longer_than_excel_allows_is_refused_at_its_cell(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text("姓名,单位\n张三," + "x" * 33000 + "\n", encoding="utf-8")
    assert refusal(path).startswith("long.csv, cell B2: the text is 33,000 characters long")


def test_a_sheet_cut_inside_a_cell_reference_is_the_damaged_message(tmp_path):
    # the worksheet's XML ends in the middle of a reference, as in a file cut short by a
    # failed copy: found by the import's property test (it was an internal error)
    source = small_workbook(tmp_path / "whole.xlsx")
    cut = edited(source, tmp_path / "cut.xlsx",
                 lambda data: data[:data.rindex(b'<c r="') + len(b'<c r="B')])
    try:
        read_table(cut)
    except BadInput as refused:
        assert str(refused).startswith("cut.xlsx")
