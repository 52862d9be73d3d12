"""Finding the header row and mapping columns by their header text."""

from __future__ import annotations

from pathlib import Path

import pytest

from examdesk.errors import BadInput
from examdesk.exchange.headers import COLUMNS, SheetKind, header_key, map_headers
from examdesk.exchange.sheets import read_table
from tests.core.exchange.helpers import HEADER, MAN, candidate, write_workbook

SAMPLES = Path(__file__).resolve().parents[3] / "resources" / "samples"


def test_no_alias_names_two_fields_of_one_kind():
    for kind, specs in COLUMNS.items():
        owners: dict[str, str] = {}
        for spec in specs:
            for alias in spec.aliases:
                assert owners.setdefault(header_key(alias), spec.field) == spec.field, (kind, alias)


def test_header_below_a_merged_title_and_notes(tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", [
        ["2023年度社会工作者职业水平考试考生报名信息表"],
        ["填表说明：证件号码请设置为文本格式", None, None, "制表日期：2023-05-01"],
        [],
        HEADER,
        candidate(1, "张三", "男", MAN),
    ], merge="A1:J1")
    mapping = map_headers(read_table(path), SheetKind.CANDIDATES)
    assert mapping.header_row == 4
    assert mapping.data_after == 4
    assert mapping.columns["name"] == 1
    assert mapping.columns["id_number"] == 4
    assert mapping.headers[4] == "证件号码"
    assert mapping.missing == ()
    assert mapping.ignored == ()


def test_english_full_width_spaced_and_remarked_headers(tmp_path):
    header = ["ＮＡＭＥ", " id  number ", "Level", "*报考科目", "手机号码（11位）", "备注"]
    path = write_workbook(tmp_path / "e.xlsx", [header])
    mapping = map_headers(read_table(path), SheetKind.CANDIDATES)
    assert dict(mapping.columns) == {
        "name": 0, "id_number": 1, "level": 2, "subjects": 3, "phone": 4,
    }
    assert [(c.letter, c.header) for c in mapping.ignored] == [("F", "备注")]
    assert mapping.notes() == ["Column F (备注) is not used and was ignored."]


def test_a_repeated_column_is_ignored_and_the_first_kept(tmp_path):
    path = write_workbook(tmp_path / "r.xlsx", [["姓名", "手机", "身份证号", "联系电话", "级别"]])
    mapping = map_headers(read_table(path), SheetKind.CANDIDATES)
    assert mapping.columns["phone"] == 1
    assert [c.header for c in mapping.ignored] == ["联系电话"]


def test_missing_required_columns_are_one_error_naming_them_and_the_row(tmp_path):
    path = write_workbook(tmp_path / "m.xlsx", [["考生名单"], ["姓名", "性别", "工作单位"]])
    mapping = map_headers(read_table(path), SheetKind.CANDIDATES)
    assert [s.field for s in mapping.missing] == ["id_number", "level"]
    [problem] = mapping.problems("m.xlsx", "报名信息")
    assert problem.row == 2 and problem.is_error
    assert "row 2" in problem.what and "证件号码, 报考级别" in problem.what
    assert "身份证号" in problem.fix


def test_two_row_header_with_a_merged_group_label(tmp_path):
    path = write_workbook(tmp_path / "rooms.xlsx", [
        ["考点名称", "考场号", "座位", None, "备用考场"],
        [None, None, "行数", "列数", None],
        ["周口技师学院", "01001", 6, 5, "否"],
    ], merge="C1:D1")
    mapping = map_headers(read_table(path), SheetKind.ROOMS)
    assert mapping.header_row == 1
    assert mapping.data_after == 2
    assert {k: mapping.columns[k] for k in ("center_name", "room_no", "seat_rows", "seat_columns",
                                            "spare")} == {
        "center_name": 0, "room_no": 1, "seat_rows": 2, "seat_columns": 3, "spare": 4}


def test_no_header_at_all_is_refused(tmp_path):
    path = write_workbook(tmp_path / "n.xlsx", [["张三", MAN], ["李四", MAN]])
    with pytest.raises(BadInput, match="no header row found in the first 20 rows"):
        map_headers(read_table(path), SheetKind.CANDIDATES)


@pytest.mark.parametrize(("name", "kind"), [
    ("candidates.xlsx", SheetKind.CANDIDATES),
    ("rooms.xlsx", SheetKind.ROOMS),
    ("staff.xlsx", SheetKind.STAFF),
])
def test_the_sample_headers_map_completely(name, kind):
    mapping = map_headers(read_table(SAMPLES / name), kind)
    assert mapping.header_row == 1
    assert mapping.missing == ()
    assert mapping.ignored == ()
    assert len(mapping.columns) == len(read_table(SAMPLES / name).rows[0].cells)
