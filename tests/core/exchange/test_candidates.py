"""Validating candidate rows: every problem located, clean records for the rest."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

from examdesk.enums import Gender, IdType
from examdesk.exchange.candidates import CandidateImport, load_candidates
from examdesk.exchange.problems import Severity
from examdesk.exchange.rowcheck import NAME_LENGTH
from tests.core.exchange.helpers import (
    HEADER,
    LEVELS,
    MAN,
    OTHER_WOMAN,
    WOMAN,
    candidate,
    resident_id,
    write_workbook,
)
from tests.reports.longest import LATIN_NAME

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "samples" / "candidates.xlsx"


def _load(tmp_path: Path, *rows: list[object], header: tuple[str, ...] = HEADER) -> CandidateImport:
    path = write_workbook(tmp_path / "c.xlsx", [["考生报名信息表"], header, *rows], merge="A1:J1")
    return load_candidates(path, LEVELS)


def _problems(result: CandidateImport) -> list[tuple[int | None, str, str]]:
    return [(p.row, p.column, p.what) for p in result.problems]


def test_the_sample_reads_cleanly():
    result = load_candidates(SAMPLE, LEVELS)
    assert len(result.records) == 6000
    assert result.problems == ()
    assert result.notes == ()
    first = result.records[0]
    assert (first.row, first.name, first.gender, first.id_number, first.level) == (
        2, "谢萍", Gender.FEMALE, "411681196910024745", "社会工作师")
    assert first.birth_date == date(1969, 10, 2)
    assert first.subjects == ("社会工作综合能力(中级)", "社会工作实务(中级)", "社会工作法规与政策")
    assert len({r.id_number for r in result.records}) == 6000


def test_a_clean_row_becomes_a_record_with_values_normalised(tmp_path):
    full_width_id = MAN[:6].translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"}) + MAN[6:]
    result = _load(tmp_path, candidate(
        1, "\u3000𠮷田 优子\u00a0", "男", f" {full_width_id} ", level="初级",
        subjects="综合能力，实务 综合能力", phone="１３１ ０３６５ ６８１２",
    ))
    assert result.problems == ()
    [record] = result.records
    assert record.row == 3
    assert record.name == "𠮷田 优子"  # outside the BMP, inner space kept
    assert record.id_number == MAN and record.id_type is IdType.RESIDENT_ID
    assert record.level == "助理社会工作师"
    assert record.subjects == ("社会工作综合能力(初级)", "社会工作实务(初级)")
    assert record.phone == "13103656812"
    assert record.registration_no == "20234116000001"


def test_english_headers_and_gender_taken_from_the_id(tmp_path):
    result = _load(tmp_path, ["Li Ming", MAN, "Level 2 is unknown"], ["王芳", WOMAN, "中级"],
                   header=("Name", "ID number", "Level"))
    assert _problems(result) == [(3, "C", "this level is not one of the exam's levels")]
    assert "write one of: 助理社会工作师, 社会工作师" in str(result.problems[0])
    [record] = result.records
    assert (record.name, record.gender, record.subjects) == ("王芳", Gender.FEMALE, ())


def test_an_id_stored_as_a_number_is_reported_with_the_fix(tmp_path):
    result = _load(tmp_path, candidate(1, "张三", "男", int(MAN)),
                   candidate(2, "李四", "女", "4.11602E+17"))
    assert [(p.row, p.column, p.header) for p in result.problems] == [
        (3, "E", "证件号码"), (4, "E", "证件号码")]
    assert all("format the column as text and export again" in str(p) for p in result.problems)
    assert "15 digits" in result.problems[0].what
    assert "scientific notation" in result.problems[1].what
    assert result.records == ()


def test_bad_checksum_length_birth_date_and_wrong_gender(tmp_path):
    wrong_check = MAN[:17] + ("0" if MAN[17] != "0" else "1")
    no_such_day = resident_id("41162319970230169")
    result = _load(
        tmp_path,
        candidate(1, "张三", "男", wrong_check),
        candidate(2, "李四", "男", MAN[:15]),
        candidate(3, "王五", "男", no_such_day),
        candidate(4, "赵六", "女", MAN),
        candidate(5, "钱七", "女", WOMAN),
    )
    assert _problems(result) == [
        (3, "E", "the last character (check digit) does not fit the other 17: a digit is "
                 "mistyped"),
        (4, "E", "a resident ID number has 18 characters"),
        (5, "E", "the birth date inside this ID number does not exist"),
        (6, "C", "the gender does not match the ID number (it says 男)"),
    ]
    assert [r.row for r in result.records] == [7]


def test_missing_required_values(tmp_path):
    result = _load(tmp_path, candidate(1, "", "男", ""), candidate(2, "张三", "", MAN, level=""))
    assert _problems(result) == [
        (3, "B", "the name is missing"),
        (3, "E", "the ID number is missing"),
        (4, "F", "the level is missing"),
    ]


def test_a_name_longer_than_the_database_holds_is_refused(tmp_path):
    longest = candidate(1, LATIN_NAME, "男", "E12345678")
    longest[3] = "护照"
    too_long = candidate(2, LATIN_NAME + "X", "男", "E12345679")
    too_long[3] = "护照"
    result = _load(tmp_path, longest, too_long)
    # what is accepted is what every sheet is laid out to print whole (tests/reports)
    assert [r.name for r in result.records] == [LATIN_NAME]
    assert _problems(result) == [
        (4, "B", f"this is {NAME_LENGTH + 1} characters long, longer than the {NAME_LENGTH} "
                 "that fit")]


def test_duplicate_rows_are_both_reported(tmp_path):
    row = candidate(1, "张三", "男", MAN)
    again = candidate(2, "张三", "男", MAN.lower())
    result = _load(tmp_path, row, candidate(3, "李四", "女", WOMAN), again)
    assert [(p.row, p.what) for p in result.problems] == [
        (3, "this ID number is also in row 5"), (5, "this ID number is also in row 3")]
    assert [r.name for r in result.records] == ["李四"]


def test_levels_and_subjects_by_abbreviation_prefix_and_width(tmp_path):
    result = _load(
        tmp_path,
        candidate(1, "张三", "男", MAN, level="社会工作师", subjects="法规、社会工作实务（中级）"),
        candidate(2, "李四", "女", WOMAN, level="社会工作", subjects="综合能力"),
        candidate(3, "王五", "女", OTHER_WOMAN, subjects="社会工作法规与政策"),
        candidate(4, "赵六", "男", resident_id("41162319800101001"), level="初级",
                  subjects="社会工作"),
        candidate(5, "孙八", "男", resident_id("41162319800101003"), level="高级"),
    )
    assert _problems(result) == [
        (5, "G", "this subject belongs to level 社会工作师, not 助理社会工作师"),
        (6, "G", "this could mean 社会工作综合能力(初级), 社会工作实务(初级)"),
        (7, "F", "this level is not one of the exam's levels"),
    ]
    assert result.problems[1].fix == "write the full name"
    assert [(r.row, r.level, r.subjects) for r in result.records] == [
        (3, "社会工作师", ("社会工作法规与政策", "社会工作实务(中级)")),
        (4, "社会工作师", ("社会工作综合能力(中级)",)),
    ]


def test_an_empty_subject_cell_is_an_error(tmp_path):
    result = _load(tmp_path, candidate(1, "张三", "男", MAN, subjects=""))
    assert _problems(result) == [(3, "G", "no subject is listed")]


def test_a_bad_phone_is_a_warning_and_the_row_is_kept(tmp_path):
    result = _load(tmp_path, candidate(1, "张三", "男", MAN, phone="1310365681"),
                   candidate(2, "李四", "女", WOMAN, phone="0394-8234567"))
    [problem] = result.problems
    assert (problem.row, problem.column, problem.severity) == (3, "I", Severity.WARNING)
    assert [r.phone for r in result.records] == ["", "0394-8234567"]
    assert result.errors == ()


def test_other_documents_skip_the_resident_id_checks(tmp_path):
    row = candidate(1, "John Smith", "男", "E12345678")
    row[3] = "护照"
    unknown = candidate(2, "李四", "女", WOMAN)
    unknown[3] = "军官证"
    result = _load(tmp_path, row, unknown)
    assert _problems(result) == [(4, "D", "this document type is unknown")]
    [record] = result.records
    assert (record.id_type, record.id_number, record.birth_date) == (
        IdType.PASSPORT, "E12345678", None)


def test_missing_required_columns_stop_before_the_rows(tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", [["姓名", "性别", "备注"], ["张三", "男", ""]])
    result = load_candidates(path, LEVELS)
    assert result.records == ()
    [problem] = result.problems
    assert problem.row == 1 and "证件号码, 报考级别" in problem.what
    assert result.notes == ("Column C (备注) is not used and was ignored.",)


def test_a_note_row_below_the_data_is_not_a_candidate(tmp_path):
    note = [None] * 10
    note[0] = 1
    result = _load(tmp_path, candidate(1, "张三", "男", MAN), note)
    assert result.problems == () and len(result.records) == 1


def test_the_exchange_modules_touch_no_database_and_no_qt():
    forbidden = {"sqlalchemy", "alembic", "PySide6", "examdesk.db", "examdesk.services"}
    for module in (ROOT / "examdesk" / "exchange").glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not any(name == f or name.startswith(f + ".") for f in forbidden), (
                    module.name, name)
