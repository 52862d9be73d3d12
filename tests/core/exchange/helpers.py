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
