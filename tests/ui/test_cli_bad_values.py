"""`examdesk import` of files with values made to break it: located messages, bounded output,
nothing written, the same on SQLite and PostgreSQL (issue 13, "Bad input, hardened")."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.conftest import SAMPLES
from tests.core.exchange.helpers import (
    HEADER,
    MAN,
    ROOM_HEADER,
    STAFF_HEADER,
    candidate,
    room,
    staff_member,
    write_workbook,
)
from tests.ui.test_cli_exchange import counts, examdesk


@pytest.fixture
def exam_url(capsys, db_url):
    """The demo exam's levels and subjects, and the sample's test centers and rooms."""
    assert examdesk(capsys, "--db", db_url, "demo", "--exam-only")[0] == 0
    assert examdesk(capsys, "--db", db_url, "import", "rooms", SAMPLES / "rooms.xlsx")[0] == 0
    return db_url


def with_numbers(path: Path, numbers: dict[str, str]) -> Path:
    """``path`` with the text cells holding a key of ``numbers`` turned into number cells
    holding its value as written (openpyxl cannot write inf or a 3,000-digit number)."""
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    for marker, number in numbers.items():
        sheet = re.sub(rb'(<c r="[A-Z]+\d+")[^>]*><is><t>' + marker.encode() + rb"</t></is></c>",
                       rb"\1><v>" + number.encode() + rb"</v></c>", sheet)
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    return path


def test_ten_thousand_copies_of_a_row_print_bounded_lines(capsys, exam_url, tmp_path):
    rows = [HEADER] + [candidate(1, "张三", "男", MAN)] * 10000
    path = write_workbook(tmp_path / "copies.xlsx", rows)
    before = counts(capsys, exam_url)
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "candidates", path)
    assert status == 2 and counts(capsys, exam_url) == before
    output = out + err
    # 1.2 GB before, each row listing all the others; now each of the 20,000 errors (the ID
    # number's and the registration number's) names five other rows and counts the rest
    assert output.count("\n") < 20010 and len(output) < 500 * 10000
    assert ("copies.xlsx, sheet 报名信息, row 2, column E (证件号码) “" + MAN
            + "”: this ID number is also in row 3, 4, 5, 6, 7 and 9,994 more") in output
    assert "row 10001, column E (证件号码) “" + MAN + "”: this ID number is also in row " \
           "2, 3, 4, 5, 6 and 9,994 more" in output


def test_two_copies_still_name_each_other(capsys, exam_url, tmp_path):
    path = write_workbook(tmp_path / "two.xlsx", [HEADER, candidate(1, "张三", "男", MAN),
                                                  candidate(2, "张三", "男", MAN)])
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "candidates", path)
    assert status == 2
    assert "row 2, column E (证件号码) “" + MAN + "”: this ID number is also in row 3" in out + err


def test_room_counts_of_thousands_of_digits_are_located_errors(capsys, exam_url, tmp_path):
    path = write_workbook(tmp_path / "rooms.xlsx", [
        ROOM_HEADER,
        room("01031", rows="9" * 5000),
        room("01032", capacity="11111111111111111111", rows=None, columns=None),
        room("01033", floor="1" * 30),
        room("01034", columns=1e308),
    ])
    before = counts(capsys, exam_url)
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "rooms", path)
    assert status == 2 and counts(capsys, exam_url) == before
    assert "internal error" not in err
    assert "row 2, column H (座位行数)" in out + err
    assert "a room has 1 to 50 rows of seats" in out + err
    assert "row 3, column J (座位数) “11111111111111111111”: a room has 1 to 2500 seats" in \
        out + err
    assert "row 4, column F (楼层)" in out + err and "this is not a floor number" in out + err
    assert "row 5, column I (座位列数)" in out + err


@pytest.mark.parametrize("number", ["inf", "NaN", "-inf", "9" * 3000])
def test_a_number_cell_no_excel_holds_is_refused_at_its_cell(capsys, exam_url, tmp_path,
                                                              number):
    path = with_numbers(write_workbook(tmp_path / "ids.xlsx", [
        HEADER, candidate(1, "张三", "男", "MARK")]), {"MARK": number})
    before = counts(capsys, exam_url)
    status, _, err = examdesk(capsys, "--db", exam_url, "import", "candidates", path)
    assert status == 2 and counts(capsys, exam_url) == before
    assert err == ("examdesk: ids.xlsx, sheet 报名信息, cell E2: the number is infinite or not a "
                   "number, which no Excel cell holds (the file is damaged, or has a number of "
                   "hundreds of digits); type the value again and import the file again.\n")


def test_texts_longer_than_their_columns_are_refused_alike_on_both_databases(
        capsys, exam_url, tmp_path):
    too_long = candidate(1, "张三", "男", MAN)
    too_long[7] = "单" * 201  # 工作单位: String(200)
    too_long[9] = "9" * 33  # 报名序号: String(32)
    path = write_workbook(tmp_path / "long.xlsx", [HEADER, too_long])
    before = counts(capsys, exam_url)
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "candidates", path)
    assert status == 2 and counts(capsys, exam_url) == before
    assert "internal error" not in err
    assert "row 2, column H (工作单位) “" in out + err
    assert "this is 201 characters long, longer than the 200 that fit; shorten it to at most " \
           "200 characters" in out + err
    assert "row 2, column J (报名序号) “999999999999999999999999999999999”: this is 33 " \
           "characters long, longer than the 32 that fit" in out + err


def test_a_long_staff_work_unit_is_refused_alike(capsys, exam_url, tmp_path):
    member = staff_member(1, "李老师", "男", MAN)
    member[4] = "单" * 201
    path = write_workbook(tmp_path / "staff.xlsx", [STAFF_HEADER, member], title="工作人员")
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "staff", path)
    assert status == 2 and "internal error" not in err
    assert "column E (工作单位)" in out + err and "longer than the 200 that fit" in out + err


def test_an_echoed_value_and_header_are_shortened(capsys, exam_url, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "报名信息"
    sheet.append([*HEADER, "备注" + "长" * 5000])
    sheet.append([*candidate(1, "张三", "男", MAN[:17] + "长" * 20000), "x"])
    workbook.save(tmp_path / "echo.xlsx")
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "candidates",
                                tmp_path / "echo.xlsx")
    assert status == 2
    assert max(len(line) for line in (out + err).splitlines()) < 600
    assert "…" in out + err


def test_a_forged_sheet_name_is_shortened_where_echoed(capsys, exam_url, tmp_path):
    path = write_workbook(tmp_path / "named.xlsx", [HEADER])  # a header, no data
    with zipfile.ZipFile(path) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        'name="报名信息"'.encode(), f'name="{"表" * 5000}"'.encode())
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "candidates", path)
    assert (status, out) == (2, "") and err.count("\n") == 1 and len(err) < 400
    assert "named.xlsx: sheet " + "表" * 79 + "… has a header row (row 1) but no data" in err
