"""考场情况记录单: one page per room and session, prefilled fields and the hand-written boxes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from reports.room_record import render_room_records
from tests.reports.pdftools import fonts_all_embedded, page_count, save, sizes_of, text, whole
from tests.reports.test_sign_in import EXAM, LEAD, ROOMS, S1, S2, SECOND

LABELS = (
    "考场情况记录单", "考点", "考场号", "考场地点", "考试日期", "考试时间", "考试科目", "监考员",
    "应考人数", "实考人数", "缺考人数", "缺考考生", "准考证号", "违纪情况", "试卷调换/启用",
    "备用卷情况", "使用临时身份", "证明考生", "其他情况", "监考员签名", "巡考员签名", "记录时间",
)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_room_records(ROOMS, fallback_fonts=())
    return save(tmp_path_factory.mktemp("room_record"), pdf), warnings


@pytest.fixture(scope="module")
def pages(rendered: tuple[Path, list[str]]) -> list[str]:
    return [text(rendered[0], first=n, last=n) for n in range(1, page_count(rendered[0]) + 1)]


def test_one_page_per_room_and_session(rendered: tuple[Path, list[str]]) -> None:
    assert page_count(rendered[0]) == 3  # room 001: S1 and S2; room 002: S1


def test_each_record_is_numbered_on_its_own(pages: list[str]) -> None:
    # one record per room and session, handed in apart: never "第 2 页 / 共 3 页"
    assert [re.findall(r"第 \d+ 页 / 共 \d+ 页", page) for page in pages] == [
        ["第 1 页 / 共 1 页"]] * 3


def test_session_filter(tmp_path: Path) -> None:
    pdf, _ = render_room_records(ROOMS, session="S1", fallback_fonts=())
    path = save(tmp_path, pdf)
    assert page_count(path) == 2
    assert S2.time not in text(path)


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_every_page_is_prefilled(pages: list[str]) -> None:
    expected = [("001", S1, "30"), ("001", S2, "27"), ("002", S1, "33")]
    for page, (room, session, count) in zip(pages, expected, strict=True):
        for label in (*LABELS, EXAM, f"第 {room} 考场", session.day, session.time,
                      *session.papers):
            assert label in page, (room, session.code, label)
        assert re.search(rf"应考人数\s+{count}\s+实考人数", page), (room, session.code)
        assert "年" in page and "月" in page and "时" in page and "分" in page


def test_center_and_location(pages: list[str]) -> None:
    assert "周口市第一中学考点" in pages[0] and "教学楼A座3楼301" in pages[0]
    # Room 002's long location shrinks onto one line: found whole.
    assert "综合楼B座4楼402（东侧楼梯上楼右转第二间）" in pages[2]


def test_lead_is_marked(pages: list[str]) -> None:
    assert f"{LEAD.name}*" in pages[0] and SECOND.name in pages[0]
    assert f"{SECOND.name}*" not in pages[0]
    assert "考场负责人" in pages[0]
    assert "*" not in pages[2]  # no roster yet: the invigilator cell is left blank


def test_missing_glyph_is_the_only_warning(rendered: tuple[Path, list[str]]) -> None:
    # Room 001's second invigilator in S2 is 王𠮷; the long center name wraps: nothing is cut.
    assert rendered[1] == ["考场情况记录单, room 001, session S2: 王𠮷: no font has 𠮷 (U+20BB7)"]


def test_overlong_text_wraps_and_its_row_grows(tmp_path: Path) -> None:
    room = ROOMS[1]
    center = "周口市川汇区第一高级中学东校区综合楼与实验楼联合考点" * 2
    for name in (center, center * 4):  # two lines hold the first; the second takes more
        pdf, warnings = render_room_records([replace(room, center_name=name)], fallback_fonts=())
        path = save(tmp_path, pdf)
        assert warnings == []
        assert page_count(path) == 1
        assert whole(path, name) and min(sizes_of(path, name)) >= 8


def test_nothing_to_print_gives_one_explaining_page(tmp_path: Path) -> None:
    pdf, warnings = render_room_records(ROOMS, session="S9", fallback_fonts=())
    path = save(tmp_path, pdf)
    assert warnings == [] and page_count(path) == 1
    assert "所选场次没有考场" in text(path)
