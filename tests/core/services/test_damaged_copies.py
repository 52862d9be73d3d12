"""Damaged copies of the sample workbooks: each damage is found where it is, nothing is written.

Every copy starts as a bundled sample, gets one kind of damage that real files have, and is
imported into an exam whose rooms are loaded (so staff can name their centers). The
problem must be reported at the damaged cell, and the import must write nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select

from examdesk.exchange.problems import Severity
from examdesk.model import Candidate, Room, Staff
from examdesk.services.imports.candidates import import_candidates
from examdesk.services.imports.rooms import import_rooms
from examdesk.services.imports.staff import import_staff
from tests.conftest import SAMPLES
from tests.core.exchange.helpers import resident_id

CANDIDATE_ID = "411623197212119166"  # row 2 of candidates-small.xlsx: 曾轩, 女


@dataclass(frozen=True)
class Damage:
    """One damage: what to do to the sheet and where the importer must point."""

    sample: str
    damage: Callable[[Worksheet], None]
    row: int | None
    column: str
    says: str
    severity: Severity = Severity.ERROR


def set_cell(ref: str, value: object) -> Callable[[Worksheet], None]:
    def apply(sheet: Worksheet) -> None:
        sheet[ref] = value
    return apply


def copy_row(source: int, target: int) -> Callable[[Worksheet], None]:
    def apply(sheet: Worksheet) -> None:
        for cell in sheet[source]:
            sheet.cell(target, cell.column, cell.value)
    return apply


def delete_column(index: int) -> Callable[[Worksheet], None]:
    def apply(sheet: Worksheet) -> None:
        sheet.delete_cols(index)
    return apply


CANDIDATES = "candidates-small.xlsx"
DAMAGES = {
    # candidates
    "id stored as a number": Damage(CANDIDATES, set_cell("E2", float(CANDIDATE_ID)), 2, "E",
                                    "15 digits"),
    "id in scientific notation": Damage(CANDIDATES, set_cell("E3", "4.11602E+17"), 3, "E",
                                        "scientific notation"),
    "id check digit": Damage(CANDIDATES, set_cell("E2", CANDIDATE_ID[:-1] + "0"), 2, "E",
                             "check digit"),
    "id birth date": Damage(CANDIDATES, set_cell("E2", resident_id("41162319721311916")), 2,
                            "E", "birth date"),
    "id length": Damage(CANDIDATES, set_cell("E2", CANDIDATE_ID[:17]), 2, "E", "18 characters"),
    "gender against id": Damage(CANDIDATES, set_cell("C2", "男"), 2, "C", "does not match"),
    "missing name": Damage(CANDIDATES, set_cell("B4", None), 4, "B", "name is missing"),
    "missing id": Damage(CANDIDATES, set_cell("E4", "  "), 4, "E", "ID number is missing"),
    "missing column": Damage(CANDIDATES, delete_column(5), 1, "", "no column 证件号码"),
    "duplicate row": Damage(CANDIDATES, copy_row(7, 302), 7, "E", "also in row 302"),
    "unknown level": Damage(CANDIDATES, set_cell("F2", "高级社会工作师"), 2, "F",
                            "not one of the exam's levels"),
    "unknown subject": Damage(CANDIDATES, set_cell("G2", "社会工作综合能力(初级)、心理学"), 2, "G",
                              "not a subject of level"),
    "subject of the other level": Damage(CANDIDATES, set_cell("G2", "社会工作法规与政策"), 2,
                                         "G", "belongs to level"),
    "bad phone": Damage(CANDIDATES, set_cell("I2", "1310365681"), 2, "I", "not a mobile",
                        Severity.WARNING),
    "unknown document type": Damage(CANDIDATES, set_cell("D2", "学生证"), 2, "D",
                                    "document type is unknown"),
    # rooms
    "rows not a number": Damage("rooms.xlsx", set_cell("H3", "六"), 3, "H", "whole number"),
    "room twice": Damage("rooms.xlsx", copy_row(2, 207), 2, "D", "also in row 207"),
    "center code with two names": Damage("rooms.xlsx", set_cell("B3", "周口技师学院分校"), 3, "B",
                                         "named 周口技师学院 in row 2"),
    "yes/no word": Damage("rooms.xlsx", set_cell("J2", "可能"), 2, "J", "neither yes nor no"),
    "floor": Damage("rooms.xlsx", set_cell("F2", "顶楼"), 2, "F", "floor"),
    # staff
    "unknown role": Damage("staff.xlsx", set_cell("G2", "厨师"), 2, "G", "role"),
    "unknown center": Damage("staff.xlsx", set_cell("H2", "周口市第九中学"), 2, "H",
                             "not in the exam"),
    "staff id as a number": Damage("staff.xlsx", set_cell("D2", 411624197409099070.0), 2, "D",
                                   "15 digits"),
    "relative id": Damage("staff.xlsx", set_cell("I2", "41162419740909907"), 2, "I",
                          "18 characters"),
    "staff twice": Damage("staff.xlsx", copy_row(2, 652), 2, "D", "also in row 652"),
}


def add_capacity(sheet: Worksheet) -> None:
    """The room sample has no 座位数 column: add one stating 40 seats for a 6 x 5 room."""
    sheet["L1"], sheet["L2"] = "座位数", 40


DAMAGES["capacity above the grid"] = Damage("rooms.xlsx", add_capacity, 2, "L", "only 30 seats")

IMPORTERS = {CANDIDATES: import_candidates, "rooms.xlsx": import_rooms, "staff.xlsx": import_staff}
COUNTED = {CANDIDATES: Candidate.id, "rooms.xlsx": Room.id, "staff.xlsx": Staff.id}


@pytest.fixture
def exam_with_rooms(empty_exam, actor):
    with empty_exam.db.begin() as session:
        import_rooms(session, actor, empty_exam.exam, SAMPLES / "rooms.xlsx")
    return empty_exam


@pytest.mark.parametrize("name", DAMAGES)
def test_a_damaged_copy_is_reported_at_the_cell_and_nothing_is_written(
        name, exam_with_rooms, actor, tmp_path):
    case = DAMAGES[name]
    workbook = load_workbook(SAMPLES / case.sample)
    sheet = workbook.worksheets[0]
    case.damage(sheet)
    path = tmp_path / f"damaged-{case.sample}"
    workbook.save(path)
    with exam_with_rooms.db.begin() as session:
        before = session.scalar(select(func.count(COUNTED[case.sample])))
    with exam_with_rooms.db.begin() as session:
        result = IMPORTERS[case.sample](session, actor, exam_with_rooms.exam, path)
    found = [p for p in result.problems if (p.row, p.column) == (case.row, case.column)]
    assert found, f"expected a problem at row {case.row} column {case.column}: {result.problems}"
    assert any(case.says in p.what and p.severity is case.severity for p in found), found
    assert str(found[0]).startswith(("Error: damaged-", "Warning: damaged-"))
    with exam_with_rooms.db.begin() as session:
        after = session.scalar(select(func.count(COUNTED[case.sample])))
    if case.severity is Severity.ERROR:
        assert not result.written and after == before
    else:  # a warning does not stop the import
        assert result.written and after == before + result.added


def test_a_messy_but_valid_copy_imports_every_row(empty_exam, actor, tmp_path):
    workbook = load_workbook(SAMPLES / CANDIDATES)
    sheet = workbook.worksheets[0]
    sheet.insert_rows(1, 2)
    sheet["A1"] = "2023年度社会工作者职业水平考试周口考区报名信息"
    sheet.merge_cells("A1:J1")
    sheet["A2"] = "导出时间：2023-04-01"
    sheet["B3"] = "考生姓名"  # another name for 姓名
    sheet["K3"] = "备注"  # a column we do not use
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    sheet["E4"] = f" {CANDIDATE_ID.translate(wide)}\u3000"
    x_id = next(c.value for c in sheet["E"][3:] if str(c.value).endswith("X"))
    x_row = next(c.row for c in sheet["E"][3:] if c.value == x_id)
    sheet[f"E{x_row}"] = x_id.lower()
    sheet["G5"] = sheet["G5"].value.replace("、", " ， ")
    sheet["F6"] = "初级" if sheet["F6"].value == "助理社会工作师" else "中级"
    path = tmp_path / "messy.xlsx"
    workbook.save(path)
    with empty_exam.db.begin() as session:
        result = import_candidates(session, actor, empty_exam.exam, path)
    assert result.errors == () and result.added == 300
    assert result.notes == ("Column K (备注) is not used and was ignored.",)
    with empty_exam.db.begin() as session:
        stored = set(session.scalars(select(Candidate.id_number)))
    assert CANDIDATE_ID in stored and x_id in stored


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_the_sample_as_csv_imports_every_row(encoding, empty_exam, actor, tmp_path):
    workbook = load_workbook(SAMPLES / CANDIDATES, read_only=True)
    lines = [",".join("" if v is None else str(int(v) if isinstance(v, float) else v)
                      for v in row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    workbook.close()
    path = tmp_path / "candidates.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    with empty_exam.db.begin() as session:
        result = import_candidates(session, actor, empty_exam.exam, path)
    assert (result.added, result.problems) == (300, ())
