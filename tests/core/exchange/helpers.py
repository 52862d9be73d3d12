"""Small workbooks built in tmp_path for the importer's tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from examdesk import idcard
from examdesk.exchange.candidates import KnownLevel
from examdesk.exchange.normalize import KnownName

HEADER = ("序号", "姓名", "性别", "证件类型", "证件号码", "报考级别", "报考科目", "工作单位",
          "联系电话", "报名序号")

LEVELS = (
    KnownLevel(
        "助理社会工作师", ("初级",),
        (KnownName("社会工作综合能力(初级)", ("综合能力",)),
         KnownName("社会工作实务(初级)", ("实务",))),
    ),
    KnownLevel(
        "社会工作师", ("中级",),
        (KnownName("社会工作综合能力(中级)", ("综合能力",)),
         KnownName("社会工作实务(中级)", ("实务",)),
         KnownName("社会工作法规与政策", ("法规与政策",))),
    ),
)


def resident_id(first17: str) -> str:
    """A valid resident ID number from its first 17 digits."""
    return idcard.with_check_character(first17)


#: Valid IDs: the 17th digit is odd for men, even for women.
MAN = resident_id("41162319960719169")
WOMAN = resident_id("41160219730122104")
OTHER_WOMAN = resident_id("41162519810207400")


def candidate(number: int, name: str, gender: str, id_number: object,
              level: str = "助理社会工作师",
              subjects: str = "社会工作综合能力(初级)、社会工作实务(初级)",
              phone: object = "13103656812") -> list[object]:
    """One candidate row in the sample's column order."""
    return [number, name, gender, "居民身份证", id_number, level, subjects, "周口市民政局",
            phone, f"2023411600{number:04d}"]


def write_workbook(path: Path, rows: Sequence[Sequence[object]], title: str = "报名信息",
                   merge: str | None = None) -> Path:
    """Write ``rows`` from A1 into a one-sheet workbook (``None`` cells stay empty)."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    if merge:
        sheet.merge_cells(merge)
    workbook.save(path)
    return path


#: The room sample's columns plus a capacity: A code … J 座位数, K 无障碍考场, L 备用考场.
ROOM_HEADER = ("考点编号", "考点名称", "考点地址", "考场号", "楼栋", "楼层", "教室", "座位行数",
               "座位列数", "座位数", "无障碍考场", "备用考场")


def room(room_no: object, code: object = "01", name: object = "周口技师学院",
         address: object = "周口市川汇区文昌大道中段", floor: object = 1.0,
         rows: object = 6.0, columns: object = 5.0, capacity: object = None,
         accessible: object = "否", spare: object = "否", building: object = "教学楼A",
         label: object = "101") -> list[object]:
    """One room row in :data:`ROOM_HEADER`'s column order."""
    return [code, name, address, room_no, building, floor, label, rows, columns, capacity,
            accessible, spare]


#: The staff sample's columns: A 序号, B 姓名, … G 人员类别, H 所属考点, I 回避考生身份证号.
STAFF_HEADER = ("序号", "姓名", "性别", "身份证号", "工作单位", "手机号码", "人员类别", "所属考点",
                "回避考生身份证号")

#: The sample's test centers, with their codes as abbreviations.
CENTERS = (
    KnownName("周口技师学院", ("01",)),
    KnownName("周口职业技术学院", ("02",)),
    KnownName("周口市第一高级中学", ("03",)),
    KnownName("周口市第二高级中学", ("04",)),
    KnownName("周口市文昌中学", ("05",)),
)


def staff_member(number: int, name: str, gender: str, id_number: object,
                 role: object = "监考员", center: object = "周口技师学院",
                 relatives: object = "", phone: object = "13103656812") -> list[object]:
    """One staff row in :data:`STAFF_HEADER`'s column order."""
    return [number, name, gender, id_number, "周口技师学院", phone, role, center, relatives]
