"""`examdesk import` and `examdesk export`: options, output and exit codes are a contract."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from PIL import Image

from examdesk import idcard
from examdesk.exchange.sheets import read_table
from tests.conftest import SAMPLES
from tests.core.exchange.helpers import HEADER, MAN, WOMAN, candidate, write_workbook
from ui.cli import run


def examdesk(capsys, *argv: str) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def counts(capsys, db_url) -> dict[str, int]:
    status, out, _ = examdesk(capsys, "stats", "--json", "--db", db_url)
    assert status == 0
    return json.loads(out)


@pytest.fixture
def exam_url(capsys, db_url):
    """A database with the demo exam's levels, subjects and sessions only."""
    status, out, _ = examdesk(capsys, "--db", db_url, "demo", "--exam-only")
    assert status == 0 and "SW2023-ZK" in out
    return db_url


@pytest.fixture
def bad_list(tmp_path):
    """Two good candidates and one whose ID number has a wrong check digit (row 3)."""
    return write_workbook(tmp_path / "bad.xlsx", [
        HEADER, candidate(1, "张三", "男", MAN), candidate(2, "李四", "女", MAN[:-1] + "0"),
        candidate(3, "王芳", "女", WOMAN)])


def test_the_samples_import_cleanly_and_in_order(capsys, exam_url):
    for what, rows in (("rooms", 205), ("candidates", 6000), ("staff", 650)):
        status, out, err = examdesk(capsys, "import", what, SAMPLES / f"{what}.xlsx",
                                    "--db", exam_url)
        assert (status, err) == (0, ""), out
        assert f"{rows:,} rows read: {rows:,} added" in out and "0 errors" in out
    found = counts(capsys, exam_url)
    assert (found["centers"], found["rooms"], found["candidates"], found["staff"]) == (
        5, 205, 6000, 650)


def test_a_refused_row_writes_nothing_and_exits_2(capsys, exam_url, bad_list):
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "candidates", bad_list)
    assert status == 2
    assert "Error: bad.xlsx, sheet 报名信息, row 3, column E (证件号码)" in out
    assert "Nothing was written" in out
    assert err == "examdesk: 1 rows refused.\n"
    assert counts(capsys, exam_url)["candidates"] == 0


def test_skip_invalid_writes_the_valid_rows_and_still_exits_2(capsys, exam_url, bad_list):
    status, out, _ = examdesk(capsys, "--db", exam_url, "import", "candidates", bad_list,
                              "--skip-invalid")
    assert status == 2 and "2 added" in out and "1 refused" in out
    assert counts(capsys, exam_url)["candidates"] == 2


def test_a_dry_run_writes_nothing(capsys, exam_url):
    status, out, _ = examdesk(capsys, "--db", exam_url, "import", "candidates",
                              SAMPLES / "candidates-small.xlsx", "--dry-run")
    assert status == 0 and "300 added" in out and "Dry run" in out
    assert counts(capsys, exam_url)["candidates"] == 0


def test_the_report_highlights_problems_and_imports_once_fixed(capsys, exam_url, bad_list,
                                                               tmp_path):
    report = tmp_path / "report.xlsx"
    status, out, _ = examdesk(capsys, "--db", exam_url, "import", "candidates", bad_list,
                              "--report", report)
    assert status == 2 and "Report written" in out
    workbook = load_workbook(report)
    sheet = workbook.worksheets[0]
    assert sheet["K1"].value == "Problems" and "check digit" in sheet["K3"].value
    assert sheet["E3"].fill.fgColor.rgb.endswith("FFC7CE") and sheet["K2"].value is None
    sheet["E3"] = idcard.with_check_character("41160219850101002")  # the clerk's fix
    workbook.save(report)
    status, out, _ = examdesk(capsys, "--db", exam_url, "import", "candidates", report)
    assert status == 0 and "3 added" in out and "Column K (Problems) is not used" in out


def test_the_sheet_option_and_a_missing_sheet(capsys, exam_url, tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", [HEADER, candidate(1, "张三", "男", MAN)],
                          title="第二批")
    assert examdesk(capsys, "--db", exam_url, "import", "candidates", path,
                    "--sheet", "第二批")[0] == 0
    status, _, err = examdesk(capsys, "--db", exam_url, "import", "candidates", path,
                              "--sheet", "第一批")
    assert status == 2 and err.count("\n") == 1 and "第二批" in err


@pytest.mark.parametrize("content, says", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "password-protected or an old .xls"),
    (b"PK\x03\x04 broken", "damaged"),
])
def test_unreadable_workbooks_are_one_line_and_exit_2(capsys, exam_url, tmp_path, content,
                                                      says):
    path = tmp_path / "list.xlsx"
    path.write_bytes(content)
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "candidates", path)
    assert status == 2 and out == "" and err.count("\n") == 1 and says in err


def test_an_old_xls_file_is_refused_with_the_fix(capsys, exam_url, tmp_path):
    path = tmp_path / "list.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    status, _, err = examdesk(capsys, "--db", exam_url, "import", "rooms", path)
    assert status == 2 and "save it as an Excel workbook (.xlsx)" in err


def test_export_then_import_into_a_new_exam_round_trips(capsys, demo_url, databases,
                                                        tmp_path):
    fresh = databases.new_url()
    assert examdesk(capsys, "--db", fresh, "demo", "--exam-only")[0] == 0
    for what in ("rooms", "candidates", "staff"):
        first = tmp_path / f"{what}-1.xlsx"
        status, out, _ = examdesk(capsys, "--db", demo_url, "export", what, first)
        assert status == 0 and "Wrote" in out
        status, out, _ = examdesk(capsys, "--db", fresh, "import", what, first)
        assert status == 0 and "0 errors, 0 warnings" in out, out
        second = tmp_path / f"{what}-2.xlsx"
        assert examdesk(capsys, "--db", fresh, "export", what, second)[0] == 0
        # the fresh exam is not allocated: compare what was imported, in any order (the
        # demo lists its candidates by seat, the fresh exam by registration number)
        imported = slice(1, 10) if what == "candidates" else slice(None)
        assert sorted(tuple(map(str, r.cells[imported])) for r in read_table(first).rows) == sorted(
            tuple(map(str, r.cells[imported])) for r in read_table(second).rows)


def test_exported_ids_are_text_cells_under_a_frozen_header(capsys, demo_url, tmp_path):
    path = tmp_path / "c.xlsx"
    assert examdesk(capsys, "--db", demo_url, "export", "candidates", path)[0] == 0
    sheet = load_workbook(path).worksheets[0]
    assert sheet.title == "考生名单" and sheet.freeze_panes == "A2"
    assert sheet["E1"].value == "证件号码" and sheet["E1"].font.b
    assert sheet["E2"].data_type == "s" and len(sheet["E2"].value) == 18
    assert sheet["E2"].number_format == "@" and sheet.max_row == 6001


def test_export_of_one_center(capsys, demo_url, tmp_path):
    path = tmp_path / "r.xlsx"
    status, out, _ = examdesk(capsys, "--db", demo_url, "export", "rooms", path,
                              "--center", "02")
    assert status == 0 and "Wrote 41 rows" in out
    status, _, err = examdesk(capsys, "--db", demo_url, "export", "rooms", path,
                              "--center", "99")
    assert status == 2 and "01, 02, 03, 04, 05" in err


def test_photos_by_command(capsys, exam_url, tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", [HEADER, candidate(1, "张三", "男", MAN),
                                                candidate(2, "李四", "女", WOMAN)])
    assert examdesk(capsys, "--db", exam_url, "import", "candidates", path)[0] == 0
    folder = tmp_path / "photos"
    folder.mkdir()
    Image.new("RGB", (300, 400), "white").save(folder / f"{MAN}.jpg")
    Image.new("RGB", (300, 400), "white").save(folder / "110101199003078515.jpg")
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "photos", folder)
    assert status == 2 and "110101199003078515.jpg" in out and "photo files refused" in err
    report = tmp_path / "photos.xlsx"
    status, out, _ = examdesk(capsys, "--db", exam_url, "import", "photos", folder,
                              "--skip-invalid", "--report", report)
    assert status == 2 and "1 candidates have no photo" in out and "20234116000002 李四" in out
    sheets = load_workbook(report).worksheets
    assert [s.max_row for s in sheets] == [2, 2]


def test_the_exam_must_be_named_when_there_are_several(capsys, databases, tmp_path):
    url = databases.new_url()
    assert examdesk(capsys, "--db", url, "demo", "--exam-only")[0] == 0
    assert examdesk(capsys, "--db", url, "demo", "--exam-only", "--scale", "2")[0] == 0
    path = SAMPLES / "rooms.xlsx"
    status, _, err = examdesk(capsys, "--db", url, "import", "rooms", path)
    assert status == 2 and "--exam CODE" in err and "SW2023-HA, SW2023-ZK" in err
    status, _, _ = examdesk(capsys, "--db", url, "import", "rooms", path, "--exam", "sw2023-zk")
    assert status == 0


def test_import_needs_what_and_a_file(capsys):
    assert examdesk(capsys, "import")[0] == 2
    status, _, err = examdesk(capsys, "import", "seats", "x.xlsx")
    assert status == 2 and "invalid choice" in err


def test_a_header_without_rows_is_bad_input(capsys, exam_url, tmp_path):
    path = write_workbook(tmp_path / "h.xlsx", [["报名信息"], HEADER])
    status, out, err = examdesk(capsys, "--db", exam_url, "import", "candidates", path)
    assert status == 2 and out == ""
    assert "header row (row 2) but no data below it" in err and err.count("\n") == 1
