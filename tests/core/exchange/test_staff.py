"""Validating staff rows: ID numbers, roles, test centers and relatives to avoid."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from examdesk.enums import Gender, StaffRole
from examdesk.exchange.normalize import KnownName
from examdesk.exchange.problems import Severity
from examdesk.exchange.rooms import load_rooms
from examdesk.exchange.staff import StaffImport, load_staff
from tests.core.exchange.helpers import (
    CENTERS,
    MAN,
    OTHER_WOMAN,
    STAFF_HEADER,
    WOMAN,
    resident_id,
    staff_member,
    write_workbook,
)

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"
#: A valid resident ID ending in X, from the sample.
WITH_X = "41162819930604811X"


def _load(tmp_path: Path, *rows: list[object], header: tuple[str, ...] = STAFF_HEADER,
          centers: Sequence[KnownName] = CENTERS) -> StaffImport:
    path = write_workbook(tmp_path / "s.xlsx", [["工作人员名单"], header, *rows], title="工作人员",
                          merge="A1:I1")
    return load_staff(path, centers)


def _problems(result: StaffImport) -> list[tuple[int | None, str, Severity]]:
    return [(p.row, p.column, p.severity) for p in result.problems]


def _rows(result: StaffImport) -> list[int]:
    return [r.row for r in result.records]


def test_the_sample_reads_cleanly_with_the_centers_of_the_room_sample():
    centers = load_rooms(SAMPLES / "rooms.xlsx").records
    assert {(c.center_name, c.center_code) for c in centers} == {
        (c.name, c.abbreviations[0]) for c in CENTERS}
    result = load_staff(SAMPLES / "staff.xlsx", CENTERS)
    assert len(result.records) == 650
    assert result.problems == ()
    assert result.notes == ()
    first = result.records[0]
    assert (first.row, first.name, first.gender, first.id_number, first.birth_date) == (
        2, "徐峰婧", Gender.MALE, "411624197409099070", date(1974, 9, 9))
    assert (first.work_unit, first.phone, first.roles, first.center, first.relatives) == (
        "周口市人事考试中心", "18232352769", (StaffRole.CHIEF_EXAMINER,), "周口技师学院", ())
    with_relatives = [r for r in result.records if r.relatives]
    assert len(with_relatives) == 14
    assert all(len(r.relatives) == 1 and len(r.relatives[0]) == 18 for r in with_relatives)
    assert len({r.id_number for r in result.records}) == 650
    assert {r.center for r in result.records} == {c.name for c in CENTERS}


def test_a_clean_row_becomes_a_record_with_values_normalised(tmp_path):
    result = _load(tmp_path, staff_member(
        1, "\u3000𠮷田 优子\u00a0", "", f" {WITH_X.lower()} ", role="监考、巡考 监考员",
        center="01", relatives=f"{WOMAN}，{OTHER_WOMAN[:17]}{OTHER_WOMAN[17].lower()}、{WOMAN}",
        phone="１３１ ０３６５ ６８１２",
    ))
    assert result.problems == ()
    [record] = result.records
    assert record.row == 3
    assert record.name == "𠮷田 优子"
    assert (record.id_number, record.gender, record.birth_date) == (
        WITH_X, Gender.MALE, date(1993, 6, 4))
    assert record.roles == (StaffRole.INVIGILATOR, StaffRole.INSPECTOR)
    assert record.center == "周口技师学院"
    assert record.relatives == (WOMAN, OTHER_WOMAN)
    assert record.phone == "13103656812"


def test_name_id_number_and_role_are_required(tmp_path):
    result = _load(tmp_path, staff_member(1, "", "男", "", role=""),
                   staff_member(2, "张三", "男", MAN))
    assert _problems(result) == [
        (3, "B", Severity.ERROR), (3, "D", Severity.ERROR), (3, "G", Severity.ERROR)]
    assert [p.what for p in result.problems] == [
        "the name is missing", "the ID number is missing", "the role is missing"]
    assert _rows(result) == [4]


def test_bad_id_numbers_are_explained_as_for_candidates(tmp_path):
    wrong_check = MAN[:17] + ("0" if MAN[17] != "0" else "1")
    result = _load(
        tmp_path,
        staff_member(1, "张三", "男", wrong_check),
        staff_member(2, "李四", "男", MAN[:15]),
        staff_member(3, "王五", "男", resident_id("41162319970230169")),
        staff_member(4, "赵六", "男", int(MAN)),
        staff_member(5, "孙七", "女", "4.11602E+17"),
        staff_member(6, "周八", "女", "E12345678"),
        staff_member(7, "钱九", "女", WOMAN),
    )
    assert _problems(result) == [(row, "D", Severity.ERROR) for row in range(3, 9)]
    assert [p.what for p in result.problems] == [
        "the last character (check digit) does not fit the other 17: a digit is mistyped",
        "a resident ID number has 18 characters",
        "the birth date inside this ID number does not exist",
        "Excel stored this ID number as a number and kept only its first 15 digits",
        "this ID number was saved in scientific notation, so its last digits are lost",
        "a resident ID number has 18 characters",
    ]
    assert result.problems[3].fix == "format the column as text and export again"
    assert _rows(result) == [9]


def test_a_gender_contradicting_the_id_number_is_an_error(tmp_path):
    result = _load(tmp_path, staff_member(1, "张三", "女", MAN),
                   staff_member(2, "李四", "男性", MAN[:-2] + "X"))
    assert _problems(result) == [(3, "C", Severity.ERROR), (4, "D", Severity.ERROR)]
    assert result.problems[0].what == "the gender does not match the ID number (it says 男)"
    assert result.records == ()


def test_a_bad_phone_is_a_warning_and_the_row_is_kept(tmp_path):
    result = _load(tmp_path, staff_member(1, "张三", "男", MAN, phone="1310365681"),
                   staff_member(2, "李四", "女", WOMAN, phone="0394-8234567"))
    assert _problems(result) == [(3, "F", Severity.WARNING)]
    assert [r.phone for r in result.records] == ["", "0394-8234567"]
    assert result.errors == ()


@pytest.mark.parametrize(("written", "role"), [
    ("监考", StaffRole.INVIGILATOR), ("监考老师", StaffRole.INVIGILATOR),
    ("invigilator", StaffRole.INVIGILATOR), ("流动监考员", StaffRole.ROVING_INVIGILATOR),
    ("流动监考", StaffRole.ROVING_INVIGILATOR), ("巡考", StaffRole.INSPECTOR),
    ("考务", StaffRole.EXAM_OFFICE), ("考务人员", StaffRole.EXAM_OFFICE),
    ("医务", StaffRole.MEDICAL), ("医生", StaffRole.MEDICAL), ("护士", StaffRole.MEDICAL),
    ("医护人员", StaffRole.MEDICAL), ("志愿服务", StaffRole.VOLUNTEER),
    ("公安", StaffRole.POLICE), ("民警", StaffRole.POLICE), ("警察", StaffRole.POLICE),
    ("供电", StaffRole.POWER), ("电力保障", StaffRole.POWER), ("无线电", StaffRole.RADIO),
    ("无线电监测员", StaffRole.RADIO), ("主考官", StaffRole.CHIEF_EXAMINER),
    ("副主考官", StaffRole.DEPUTY_CHIEF), ("保密", StaffRole.CONFIDENTIAL),
    ("Chief Examiner", StaffRole.CHIEF_EXAMINER), ("deputy_chief", StaffRole.DEPUTY_CHIEF),
    ("考务 办公室", StaffRole.EXAM_OFFICE),
])
def test_roles_written_in_the_ways_offices_write_them(tmp_path, written, role):
    result = _load(tmp_path, staff_member(1, "张三", "男", MAN, role=written))
    assert result.problems == ()
    assert result.records[0].roles == (role,)


def test_an_unknown_role_is_an_error_listing_the_roles(tmp_path):
    result = _load(tmp_path, staff_member(1, "张三", "男", MAN, role="监考员、司机"),
                   staff_member(2, "李四", "女", WOMAN, role="保密员/主考"),
                   staff_member(3, "王五", "女", OTHER_WOMAN, role="Chief examiner, invigilator"))
    assert _problems(result) == [(3, "G", Severity.ERROR)]
    problem = result.problems[0]
    assert (problem.what, problem.value) == ("this role is unknown", "司机")
    assert problem.fix == (
        "write one or more of: 主考, 副主考, 考务办公室, 保密员, 巡考员, 监考员, 流动监考, "
        "医务人员, 志愿者, 公安民警, 供电保障, 无线电监测, separated by 、")
    assert [(r.row, r.roles) for r in result.records] == [
        (4, (StaffRole.CONFIDENTIAL, StaffRole.CHIEF_EXAMINER)),
        (5, (StaffRole.CHIEF_EXAMINER, StaffRole.INVIGILATOR)),
    ]


def test_the_center_must_be_one_of_the_exam(tmp_path):
    result = _load(
        tmp_path,
        staff_member(1, "张三", "男", MAN, center="周口师范学院"),
        staff_member(2, "李四", "女", WOMAN, center="周口市第"),
        staff_member(3, "王五", "女", OTHER_WOMAN, center="周口市文昌"),
        staff_member(4, "赵六", "男", WITH_X, role="主考", center=""),
    )
    assert _problems(result) == [(3, "H", Severity.ERROR), (4, "H", Severity.ERROR)]
    assert (result.problems[0].what, result.problems[0].fix) == (
        "this test center is not in the exam", "import the rooms first, or correct the name")
    assert result.problems[1].what == "this could mean 周口市第一高级中学, 周口市第二高级中学"
    assert [(r.row, r.center) for r in result.records] == [(5, "周口市文昌中学"), (6, None)]


def test_without_centers_any_written_center_is_unknown(tmp_path):
    result = _load(tmp_path, staff_member(1, "张三", "男", MAN),
                   staff_member(2, "李四", "女", WOMAN, center=None), centers=())
    assert _problems(result) == [(3, "H", Severity.ERROR)]
    assert _rows(result) == [4]


def test_relatives_must_be_valid_resident_ids_other_than_ones_own(tmp_path):
    result = _load(
        tmp_path,
        staff_member(1, "张三", "男", MAN, relatives=f"{WOMAN[:17]}0、{OTHER_WOMAN}、1234"),
        staff_member(2, "李四", "女", WOMAN, relatives=f"{MAN} {WOMAN}"),
        staff_member(3, "王五", "女", OTHER_WOMAN, relatives=int(MAN)),
        staff_member(4, "赵六", "男", WITH_X, relatives=f"{MAN}\n{WOMAN}"),
    )
    assert _problems(result) == [
        (3, "I", Severity.ERROR), (3, "I", Severity.ERROR), (4, "I", Severity.ERROR),
        (5, "I", Severity.ERROR)]
    assert [p.what for p in result.problems] == [
        "the last character (check digit) does not fit the other 17: a digit is mistyped",
        "a resident ID number has 18 characters",
        "this is the staff member's own ID number",
        "Excel stored this ID number as a number and kept only its first 15 digits",
    ]
    assert [p.value for p in result.problems[:3]] == [f"{WOMAN[:17]}0", "1234", WOMAN]
    [record] = result.records
    assert (record.row, record.relatives) == (6, (MAN, WOMAN))


def test_a_person_twice_is_reported_on_every_row(tmp_path):
    result = _load(tmp_path, staff_member(1, "张三", "男", WITH_X),
                   staff_member(2, "李四", "女", WOMAN),
                   staff_member(3, "张三", "男", WITH_X.lower(), role="巡考员"))
    assert _problems(result) == [(3, "D", Severity.ERROR), (5, "D", Severity.ERROR)]
    assert [p.what for p in result.problems] == [
        "this ID number is also in row 5", "this ID number is also in row 3"]
    assert _rows(result) == [4]


def test_a_note_row_below_the_data_is_not_a_person(tmp_path):
    note: list[object] = [2, *[None] * 8]
    result = _load(tmp_path, staff_member(1, "张三", "男", MAN), note)
    assert result.problems == ()
    assert _rows(result) == [3]


def test_missing_required_columns_stop_before_the_rows(tmp_path):
    path = write_workbook(tmp_path / "s.xlsx", [["姓名", "身份证号", "备注"], ["张三", MAN, ""]])
    result = load_staff(path, CENTERS)
    assert result.records == ()
    [problem] = result.problems
    assert problem.row == 1 and "人员类别" in problem.what
    assert result.notes == ("Column C (备注) is not used and was ignored.",)
