"""The problem report: the imported rows where they were, problems marked, ready to re-import."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from examdesk.errors import BadInput
from examdesk.exchange.candidates import validate_candidates
from examdesk.exchange.headers import SheetKind, map_headers
from examdesk.exchange.problems import Problem, Severity
from examdesk.exchange.report import problem_line, write_problem_report
from examdesk.exchange.sheets import RawSheet, read_table
from tests.core.exchange.helpers import (
    HEADER,
    LEVELS,
    MAN,
    OTHER_WOMAN,
    WOMAN,
    candidate,
)
from tests.core.exchange.helpers import write_workbook as write_source

RED = "FFFFC7CE"
YELLOW = "FFFFEB9C"
ID_WITH_X = "11010519491231002X"


def _problem(row: int | None, column: str, header: str, what: str,
             severity: Severity = Severity.ERROR, value: str = "") -> Problem:
    return Problem(file="c.xlsx", sheet="报名信息", row=row, column=column, header=header,
                   value=value, what=what, fix=f"fix {what}", severity=severity)


PROBLEMS = (
    _problem(4, "E", "证件号码", "bad check digit", value=MAN),
    _problem(4, "C", "性别", "gender differs from the ID", Severity.WARNING),
    _problem(5, "E", "证件号码", "odd ID", Severity.WARNING),
    _problem(5, "E", "证件号码", "ID repeated"),
    _problem(7, "", "", "row repeats row 4"),
    _problem(7, "", "", "row looks odd", Severity.WARNING),
    _problem(None, "", "", "no subjects column"),
    _problem(9, "B", "姓名", "rare character", Severity.WARNING),
    _problem(8, "", "", "stray note", Severity.WARNING),
    _problem(3, "H", "工作单位", "header typed twice", Severity.WARNING),
)
NOTES = ("Column K (备注) is not used and was ignored.", "Second note")


@pytest.fixture
def source(tmp_path: Path) -> RawSheet:
    path = write_source(tmp_path / "c.xlsx", [
        ["2023年社会工作者职业水平考试报名信息"],
        [],
        HEADER,
        candidate(1, "张三", "男", MAN),
        candidate(2, "李四", "女", WOMAN),
        [],
        candidate(3, "王五", "女", OTHER_WOMAN),
        [],
        candidate(4, "𠮷田", "女", ID_WITH_X),
    ])
    return read_table(path)


@pytest.fixture
def report(tmp_path: Path, source: RawSheet) -> Path:
    path = tmp_path / "report.xlsx"
    write_problem_report(source, 3, PROBLEMS, path, NOTES)
    return path


def _fills(path: Path, title: str) -> dict[str, str]:
    sheet = load_workbook(path)[title]
    return {cell.coordinate: cell.fill.fgColor.rgb
            for row in sheet.iter_rows() for cell in row if cell.fill.fill_type == "solid"}


def test_rows_keep_their_numbers_title_and_values(report, source):
    assert [row.number for row in source.rows] == [1, 3, 4, 5, 7, 9]
    workbook = load_workbook(report)
    assert workbook.sheetnames == ["报名信息", "Problem list"]
    sheet = workbook["报名信息"]
    assert sheet["A1"].value == "2023年社会工作者职业水平考试报名信息"
    assert all(cell.value is None for cell in sheet[2])
    assert [cell.value for cell in sheet[3]][:10] == list(HEADER)
    assert [sheet[f"B{n}"].value for n in (4, 5, 6, 7, 8, 9)] == [
        "张三", "李四", None, "王五", None, "𠮷田"]
    # ID numbers, phones and registration numbers are text cells formatted "@"
    for coordinate, value in (("E4", MAN), ("E9", ID_WITH_X), ("I4", "13103656812"),
                              ("J7", "20234116000003"), ("E5", WOMAN)):
        cell = sheet[coordinate]
        assert (cell.value, cell.data_type, cell.number_format) == (value, "s", "@")
    # numbers stay numbers, other text stays general
    assert (sheet["A4"].value, sheet["A4"].data_type) == (1, "n")
    assert (sheet["B4"].data_type, sheet["B4"].number_format) == ("s", "General")


def test_problem_cells_are_filled_red_for_errors_and_yellow_for_warnings(report):
    assert _fills(report, "报名信息") == {
        "E4": RED, "C4": YELLOW,
        "E5": RED,  # a warning and an error in one cell: the error wins
        "K7": RED,  # row problems without a column mark the problems cell; error first
        "K3": RED,  # the sheet's own problem (no row) belongs to the header row
        "H3": YELLOW, "K8": YELLOW, "B9": YELLOW,
    }


def test_the_problems_column_follows_the_last_column(report):
    sheet = load_workbook(report)["报名信息"]
    line = problem_line
    assert sheet["K3"].value == "\n".join(["Problems", line(PROBLEMS[6]), line(PROBLEMS[9])])
    assert sheet["K3"].value.splitlines()[1:] == [
        "no subjects column; fix no subjects column",
        "H 工作单位: header typed twice; fix header typed twice",
    ]
    assert sheet["K3"].font.b is True
    assert sheet["K4"].value == (
        "E 证件号码: bad check digit; fix bad check digit\n"
        "C 性别: gender differs from the ID; fix gender differs from the ID")
    assert sheet["K5"].value == ("E 证件号码: odd ID; fix odd ID\n"
                                 "E 证件号码: ID repeated; fix ID repeated")
    assert sheet["K7"].value == ("row repeats row 4; fix row repeats row 4\n"
                                 "row looks odd; fix row looks odd")
    assert sheet["K8"].value == "stray note; fix stray note"
    assert [sheet[f"K{n}"].value for n in (1, 2, 6)] == [None, None, None]
    assert all(sheet[f"K{n}"].alignment.wrap_text for n in (3, 4, 5, 7, 8, 9))
    assert sheet.column_dimensions["K"].width == 60
    assert sheet.max_column == 11


def test_the_problem_list_sheet_lists_every_problem_then_the_notes(report):
    sheet = load_workbook(report)["Problem list"]
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert rows[0] == ("Severity", "Row", "Column", "Header", "Value", "What is wrong",
                       "How to fix")
    assert rows[1] == ("Error", 4, "E", "证件号码", MAN, "bad check digit", "fix bad check digit")
    assert rows[2][:3] == ("Warning", 4, "C")
    assert rows[7] == ("Error", None, None, None, None, "no subjects column",
                       "fix no subjects column")
    assert [row[:2] for row in rows[1:11]] == [
        ("Error", 4), ("Warning", 4), ("Warning", 5), ("Error", 5), ("Error", 7),
        ("Warning", 7), ("Error", None), ("Warning", 9), ("Warning", 8), ("Warning", 3)]
    assert rows[11] == (None,) * 7
    assert [row[0] for row in rows[12:]] == list(NOTES)
    assert sheet["E2"].number_format == "@"
    assert sheet["A1"].font.b is True and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G11"


def test_the_report_reads_back_as_the_original_rows_plus_the_problems(report, source):
    again = read_table(report)
    assert (again.file_name, again.sheet_name) == ("report.xlsx", "报名信息")
    by_number = {row.number: row for row in again.rows}
    assert sorted(by_number) == [1, 3, 4, 5, 7, 8, 9]  # row 8 now holds a problem
    for row in source.rows:
        assert by_number[row.number].cells[:10] == row.cells
    assert by_number[8].cells[:10] == ("",) * 10
    assert by_number[4].cells[10].startswith("E 证件号码: bad check digit")


def test_the_importer_ignores_the_problems_column(report, source):
    original = map_headers(source, SheetKind.CANDIDATES)
    again_sheet = read_table(report)
    again = map_headers(again_sheet, SheetKind.CANDIDATES)
    assert (again.header_row, dict(again.columns)) == (original.header_row,
                                                       dict(original.columns))
    assert [(column.letter, column.header.splitlines()[0]) for column in again.ignored] == [
        ("K", "Problems")]
    records = validate_candidates(source, original, LEVELS).records
    assert records
    assert validate_candidates(again_sheet, again, LEVELS).records == records


def test_a_csv_source_keeps_its_strings_and_names_the_sheet_after_the_file(tmp_path):
    csv_path = tmp_path / "考生名单.csv"
    csv_path.write_text("姓名,证件号码,序号\n张三,110105194912310021,1\n\n李四,11010519491231002X,2\n",
                        encoding="utf-8")
    source = read_table(csv_path)
    assert [row.number for row in source.rows] == [1, 2, 4]
    out = tmp_path / "report.xlsx"
    write_problem_report(source, None, [_problem(4, "B", "证件号码", "bad")], out)
    sheet = load_workbook(out)["考生名单"]
    assert sheet["D1"].value == "Problems"  # no header found: the problems header goes in row 1
    assert sheet["D4"].value == "B 证件号码: bad; fix bad"
    assert (sheet["C2"].value, sheet["C2"].data_type, sheet["C2"].number_format) == (
        "1", "s", "@")
    assert _fills(out, "考生名单") == {"B4": RED}
    again = read_table(out)
    assert [(row.number, row.cells[:3]) for row in again.rows] == [
        (row.number, row.cells) for row in source.rows]


def test_a_problem_beyond_the_data_moves_the_problems_column_after_it(tmp_path):
    source = read_table(write_source(tmp_path / "s.xlsx", [["姓名", "证件号码"], ["张三", MAN]]))
    out = tmp_path / "report.xlsx"
    write_problem_report(source, 1, [_problem(2, "D", "", "value in an unnamed column")], out)
    sheet = load_workbook(out).active
    assert sheet is not None
    assert (sheet["E1"].value, sheet["E2"].value) == (
        "Problems", "D: value in an unnamed column; fix value in an unnamed column")
    assert _fills(out, sheet.title) == {"D2": RED}


def test_an_unwritable_report_is_bad_input(tmp_path, source):
    with pytest.raises(BadInput) as caught:
        write_problem_report(source, 3, PROBLEMS, tmp_path / "missing" / "report.xlsx")
    message = str(caught.value)
    assert "report.xlsx" in message and message.endswith(".") and "\n" not in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.xlsx"]
