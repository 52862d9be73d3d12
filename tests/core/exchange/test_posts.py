"""Posts written in text: kinds, hours, roles, supplies, and the rows of a post sheet."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from examdesk.enums import PostKind, StaffRole
from examdesk.errors import BadInput
from examdesk.exchange.headers import SheetKind, map_headers
from examdesk.exchange.normalize import KnownName
from examdesk.exchange.posts import (
    BadValue,
    parse_headcount,
    parse_hours,
    parse_kind,
    parse_roles,
    parse_supplies,
    roles_text,
    supplies_text,
    validate_posts,
)
from examdesk.exchange.sheets import read_table
from examdesk.planning.post_templates import SupplyAmount
from tests.core.exchange.helpers import write_workbook

CENTERS = [KnownName("周口技师学院", ("01",)), KnownName("周口市第二高级中学", ("04",))]
HEADER = ("考点", "岗位", "名称", "地点", "开放时间", "需要人数", "人员类别", "电话", "物资")


@pytest.mark.parametrize(("text", "kind"), [
    ("医疗急救点", PostKind.MEDICAL), ("medical", PostKind.MEDICAL),
    ("保密室", PostKind.STRONG_ROOM), ("strong_room", PostKind.STRONG_ROOM),
    ("考务办公室", PostKind.EXAM_OFFICE), ("安保及交通疏导岗", PostKind.SECURITY),
    (" 医疗点 ", PostKind.MEDICAL), ("Radio_Monitoring", PostKind.RADIO_MONITORING),
])
def test_a_kind_of_post_is_read_from_its_label_a_variant_or_its_value(text, kind) -> None:
    assert parse_kind(text) is kind


def test_an_unknown_kind_lists_the_kinds() -> None:
    with pytest.raises(BadValue) as refused:
        parse_kind("食堂")
    assert "食堂 is not a kind of post" in str(refused.value)
    assert "保密室 (strong_room)" in refused.value.fix


@pytest.mark.parametrize(("text", "hours"), [
    ("07:30-17:00", (time(7, 30), time(17))), ("7:00—17:30", (time(7), time(17, 30))),
    ("０７：００～１２：００", (time(7), time(12))), ("07.30至11.30", (time(7, 30), time(11, 30))),
    ("", (None, None)),
])
def test_hours_are_read_as_written(text, hours) -> None:
    assert parse_hours(text) == hours


@pytest.mark.parametrize("text", ["7点半", "07:30", "25:00-26:00", "17:00-07:00", "07:60-08:00"])
def test_hours_that_are_not_hours_are_refused(text) -> None:
    with pytest.raises(BadInput):
        parse_hours(text)


def test_roles_and_supplies_are_read_and_written_back() -> None:
    assert parse_roles("主考、副主考 考务办公室") == {
        StaffRole.CHIEF_EXAMINER, StaffRole.DEPUTY_CHIEF, StaffRole.EXAM_OFFICE}
    assert parse_roles("") == frozenset()
    supplies = parse_supplies("急救箱 2 个、AED除颤仪1台；2B铅笔 100 支,饮用水1200瓶")
    assert supplies == (SupplyAmount("急救箱", 2, "个"), SupplyAmount("AED除颤仪", 1, "台"),
                        SupplyAmount("2B铅笔", 100, "支"), SupplyAmount("饮用水", 1200, "瓶"))
    assert parse_supplies(supplies_text(supplies)) == supplies
    assert parse_roles(roles_text(frozenset({StaffRole.CONFIDENTIAL}))) == {
        StaffRole.CONFIDENTIAL}
    assert parse_headcount(3.0) == 3 and parse_headcount("4人") == 4


@pytest.mark.parametrize(("parse", "text", "what"), [
    (parse_roles, "厨师", "厨师 is not a role"),
    (parse_supplies, "担架", "担架 has no quantity"),
    (parse_supplies, "担架 1 副、担架 2 副", "listed twice"),
    (parse_headcount, "三", "三 is not a number of people"),
    (parse_headcount, "100", "100 is not a number of people"),
])
def test_bad_values_say_what_is_wrong(parse, text, what) -> None:
    with pytest.raises(BadInput, match=what):
        parse(text)


def sheet(tmp_path: Path, *rows: tuple[object, ...], header=HEADER):
    path = write_workbook(tmp_path / "posts.xlsx", [header, *rows], title="岗位设置")
    raw = read_table(path)
    return validate_posts(raw, map_headers(raw, SheetKind.POSTS), CENTERS)


def test_a_post_sheet_gives_one_record_per_post(tmp_path) -> None:
    checked = sheet(
        tmp_path,
        ("01", "医疗急救点", "", "校医院", "07:30-17:00", 3, "", "0394-8888888", "急救箱 2 个"),
        ("周口市第二高级中学", "考生服务咨询台", "东门", "东门内侧", "", 2, "志愿者", "", ""),
    )
    assert checked.problems == ()
    medical, desk = checked.records
    assert (medical.center, medical.kind, medical.place, medical.hours, medical.headcount,
            medical.roles, medical.phone, medical.supplies) == (
        "周口技师学院", PostKind.MEDICAL, "校医院", (time(7, 30), time(17)), 3, frozenset(),
        "0394-8888888", (SupplyAmount("急救箱", 2, "个"),))
    assert (desk.name, desk.hours, desk.roles) == ("东门", (None, None),
                                                   {StaffRole.VOLUNTEER})


def test_rows_of_one_post_merge_when_they_agree(tmp_path) -> None:
    # the post roster export writes one row per shift
    header = ("考点", "岗位", "地点", "场次", "开放时间", "需要人数", "已安排", "人员")
    row = ("周口技师学院", "保密室", "考点保密室", "6月11日上午", "06:30-17:30", 2, 2, "张三、李四")
    checked = sheet(tmp_path, row, (*row[:3], "6月11日下午", *row[4:]), header=header)
    assert checked.problems == () and checked.notes == ()
    (record,) = checked.records
    assert record.kind is PostKind.STRONG_ROOM and record.roles is None  # no such column
    conflicting = sheet(tmp_path, row, (*row[:5], 3, *row[6:]), header=header)
    assert [r.row for r in conflicting.records] == [2]  # the later row is the one refused
    (problem,) = conflicting.problems
    assert (problem.row, problem.column) == (3, "B")
    assert "also in row 2, with other values" in problem.what


def test_every_problem_is_located(tmp_path) -> None:
    checked = sheet(
        tmp_path,
        ("09", "医疗急救点", "", "", "", 3, "", "", ""),
        ("01", "食堂", "", "", "7点", -1, "厨师", "", "毛巾"),
        ("", "医疗急救点", "", "", "", 3, "", "", ""),
    )
    assert checked.records == ()
    located = {(p.row, p.column, p.header) for p in checked.problems}
    assert located == {(2, "A", "考点"), (3, "B", "岗位"), (3, "E", "开放时间"),
                       (3, "F", "需要人数"), (3, "G", "人员类别"), (3, "I", "物资"),
                       (4, "A", "考点")}
    hours = next(p for p in checked.problems if p.column == "E")
    assert hours.what == "7点 cannot be read as hours" and "07:30-17:00" in hours.fix


def test_texts_longer_than_the_database_keeps_are_located(tmp_path) -> None:
    checked = sheet(tmp_path, ("01", "医疗急救点", "名" * 101, "地" * 201, "", 3, "", "1" * 41,
                               "药" * 101 + " 1 个"),
                    ("01", "保密室", "", "", "", 2, "", "", "保密柜 1 " + "个" * 21))
    assert checked.records == ()
    located = {(p.row, p.column): p.what for p in checked.problems}
    assert set(located) == {(2, "C"), (2, "D"), (2, "H"), (2, "I"), (3, "I")}
    assert "longer than the 200 that fit" in located[2, "D"]
    assert "at most 100 characters" in located[2, "I"]
    assert "at most 20 characters" in located[3, "I"]
