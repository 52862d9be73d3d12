"""抽签结果: pages, embedded fonts, the text a PDF reader extracts, nothing past the margins."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from examdesk.printing.common import Person
from reports.draw_result import DrawResultData, RoomDutyLine, render_draw_results
from tests.reports.pdftools import fonts_all_embedded, page_count, save, text
from tests.reports.test_duty_sheet import EXAM, LONG_UNIT, SESSION, rooms, words_outside

WANG = RoomDutyLine(
    "041", "实验楼B座1楼101", (Person("王𠮷", LONG_UNIT), Person("李监考", "周口市教育局"))
)
RESULTS = [
    DrawResultData(EXAM, "01", "川汇区第一中学考点", SESSION, "2024-06-10 08:05", "张主考",
                   20240610, rooms(40)),
    DrawResultData(EXAM, "02", "淮阳区实验中学考点", SESSION, "2024-06-10 08:07", "李主考",
                   987654321, (*rooms(10, "淮"), WANG)),
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_draw_results(RESULTS, fallback_fonts=())
    return save(tmp_path_factory.mktemp("draw"), pdf), warnings


def test_pages(rendered: tuple[Path, list[str]]) -> None:
    assert page_count(rendered[0]) == 3  # 40 rooms: 20 + 20; 11 rooms: one page


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_header_draw_line_and_signatures(rendered: tuple[Path, list[str]]) -> None:
    first, second, third = (text(rendered[0], page, page) for page in (1, 2, 3))
    for page in (first, second):
        # pdftotext gives the ideographic spaces between the fields as plain ones.
        assert re.search(r"抽签时间：2024-06-10 08:05\s+主持人：张主考\s+随机种子：20240610", page)
        assert "川汇区第一中学考点" in page and "考场负责人" in page
    assert "随机种子：987654321" in third and "主持人：李主考" in third
    for label in (EXAM, "抽签结果", SESSION.label, "考场", "地点", "监考员"):
        assert label in first, label
    assert "第 1 页 / 共 2 页" in first and "第 1 页 / 共 1 页" in third
    for page in (second, third):  # signatures close each center's result, not before
        assert all(label in page for label in ("主考：", "监督员：", "巡考："))
    assert "监督员：" not in first


def test_rooms_and_names(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    for result in RESULTS:
        for line in result.rooms:
            assert re.search(rf"\b{line.room_code}\b", extracted), line.room_code
            for person in line.invigilators[1:] if line.lead_known else ():
                assert person.name in extracted, person.name
    assert "甲01" in extracted and "*" not in extracted  # the column names the lead
    assert "待定" in text(rendered[0], 1, 1)  # room 9: lead not known
    assert re.search(r"甲09、乙09", text(rendered[0], 1, 1))
    assert LONG_UNIT in text(rendered[0], 3, 3)


def test_nothing_past_the_margins(rendered: tuple[Path, list[str]]) -> None:
    assert words_outside(rendered[0], 42.5, 42.5, 595.3 - 42.5, 841.9 - 42.5) == []


def test_missing_glyph_is_reported_without_fallback(rendered: tuple[Path, list[str]]) -> None:
    assert rendered[1] == ["抽签结果, session S1: 王𠮷: no font has 𠮷 (U+20BB7)"]
