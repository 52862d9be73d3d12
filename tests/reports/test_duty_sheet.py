"""监考安排表: pages, embedded fonts, extracted text (poppler-utils), nothing past the margins."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from examdesk.printing.common import Person, PrintedSession
from reports.draw_result import balanced_pages
from reports.duty_sheet import DutySheetData, FloorDuty, RoomDutyLine, render_duty_sheets
from tests.reports.pdftools import fonts_all_embedded, page_count, poppler, save, text

EXAM = "2024年度社会工作者职业资格考试"
LONG_UNIT = "周口市川汇区人力资源和社会保障局劳动保障监察大队"
UNITS = ("川汇区第一中学", LONG_UNIT, "周口市教育局", "淮阳区实验小学", "项城市财政局")
SESSION = PrintedSession("S1", "6月10日", "09:00-11:00", ("社会工作综合能力(初级)",), "08:00")
DRAW = "抽签 6月10日 08:05 张主考"


def rooms(count: int, prefix: str = "") -> tuple[RoomDutyLine, ...]:
    """``count`` rooms: two invigilators each, three in room 7; room 9's lead is not known."""
    lines = []
    for i in range(1, count + 1):
        team = [
            Person(f"{prefix}甲{i:02d}", UNITS[i % 5]),
            Person(f"{prefix}乙{i:02d}", UNITS[(i + 2) % 5]),
        ]
        if i == 7:
            team.append(Person(f"{prefix}丙{i:02d}", UNITS[(i + 3) % 5]))
        lines.append(
            RoomDutyLine(f"{i:03d}", f"教学楼A座{i // 10 + 1}楼{300 + i}", tuple(team), i != 9)
        )
    return tuple(lines)


ROVING = (
    FloorDuty("1楼", (Person("王𠮷", LONG_UNIT), Person("刘流动", "周口市教育局"))),
    FloorDuty("2楼", (Person("陈巡楼", "项城市财政局"),)),
)
INSPECTORS = (Person("赵巡考", "周口市教育局"), Person("钱巡考", LONG_UNIT))
RESERVES = tuple(Person(f"备用{i}", UNITS[i % 5]) for i in range(1, 9))
CENTER = "川汇区第一中学考点"
SHEETS = [
    DutySheetData(EXAM, "01", CENTER, SESSION, rooms(30), ROVING, INSPECTORS, RESERVES),
    DutySheetData(EXAM, "02", "淮阳区实验中学考点", SESSION, rooms(5, "淮"), draw=DRAW),
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_duty_sheets(SHEETS, fallback_fonts=())
    return save(tmp_path_factory.mktemp("duty"), pdf), warnings


def words_outside(pdf: Path, left: float, top: float, right: float, bottom: float) -> list[str]:
    """Words (pdftotext -bbox, origin top-left) not inside the box; page footers are left out."""
    outside = []
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    for x0, y0, x1, y1, word in re.findall(pattern, poppler("pdftotext", pdf, "-bbox")):
        if word in {"第", "页", "/", "共"} or word.isdigit():
            continue
        box = float(x0), float(y0), float(x1), float(y1)
        if box[0] < left - 0.5 or box[2] > right + 0.5 or box[1] < top - 0.5 or box[3] > bottom:
            outside.append(word)
    return outside


def test_balanced_pages() -> None:
    def sizes(heights: list[float], room: float) -> list[int]:
        return [len(page) for page in balanced_pages(heights, room)]

    assert sizes([23.0] * 30, 600) == [15, 15]
    assert sizes([23.0] * 25, 600) == [25]
    assert sizes([23.0] * 51, 600) == [17, 17, 17]
    assert sizes([23.0] * 26, 10_000) == [13, 13]  # at most 25 rows a page
    assert balanced_pages([], 600) == [[]]
    # A tall row counts by its height: two of 300 and ten of 30 fill two pages of 700.
    assert sizes([300.0, 300.0, *[30.0] * 10], 700) == [2, 10]


def test_pages(rendered: tuple[Path, list[str]]) -> None:
    assert page_count(rendered[0]) == 3  # 30 rooms: 15 + 15, then the tail; 5 rooms: one page


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_header_and_labels(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    for label in (EXAM, "监考安排表", "川汇区第一中学考点", "淮阳区实验中学考点", SESSION.label,
                  "监考员报到：6月10日 08:00", "序号", "考场", "地点", "监考员", "备注",
                  "标 * 者为考场负责人", "主考签字："):
        assert label in extracted, label
    for page in (1, 2):  # the table header is repeated on the continuation page
        assert "序号" in text(rendered[0], page, page)


def test_each_center_is_numbered_on_its_own(rendered: tuple[Path, list[str]]) -> None:
    pages = {1: "第 1 页 / 共 2 页", 2: "第 2 页 / 共 2 页", 3: "第 1 页 / 共 1 页"}
    for page, label in pages.items():
        assert label in text(rendered[0], page, page), label


def test_draw_line_or_note(rendered: tuple[Path, list[str]]) -> None:
    for page in (1, 2):
        assert "考场以考前抽签结果为准" in text(rendered[0], page, page)
    third = text(rendered[0], 3, 3)
    assert DRAW in third
    assert "考场以考前抽签结果为准" not in third


def test_rooms_and_names(rendered: tuple[Path, list[str]]) -> None:
    first, second = text(rendered[0], 1, 1), text(rendered[0], 2, 2)
    for line in SHEETS[0].rooms:
        page = first if int(line.room_code) <= 15 else second
        assert re.search(rf"\b{line.room_code}\b", page), line.room_code
        lead, *others = (p.name for p in line.invigilators)
        assert (lead + "*" in page) is line.lead_known, lead
        for name in others:
            assert name in page and name + "*" not in page, name
    assert "负责人待定" in first  # room 9
    assert "乙07、丙07" in first  # a third invigilator joins the second column
    assert LONG_UNIT in first


def test_roving_inspectors_reserves(rendered: tuple[Path, list[str]]) -> None:
    second = text(rendered[0], 2, 2)
    for label in ("流动监考 1楼", "流动监考 2楼", "巡考", "备用监考", "刘流动（周口市教育局）",
                  "陈巡楼", "赵巡考", f"钱巡考（{LONG_UNIT}）", "备用1", "备用8"):
        assert label in second, label
    assert "流动监考" in text(rendered[0], 3, 3)  # a sheet without roving still has the row


def test_missing_glyph_is_reported_without_fallback(rendered: tuple[Path, list[str]]) -> None:
    assert rendered[1] == ["监考安排表, session S1: 王𠮷: no font has 𠮷 (U+20BB7)"]


def test_tail_that_does_not_fit_goes_to_a_new_page(tmp_path: Path) -> None:
    sheet = DutySheetData(EXAM, "03", "满页考点", SESSION, rooms(25), ROVING, INSPECTORS, RESERVES)
    path = save(tmp_path, render_duty_sheets([sheet], fallback_fonts=())[0])
    assert page_count(path) == 2
    second = text(path, 2, 2)
    assert "025" in text(path, 1, 1) and "025" not in second
    # What fits below the 25 rooms stays there (the roving rows); the rest goes over.
    assert "备用监考" in second and "备用8" in second and "主考签字" in second
    assert "备用监考" not in text(path, 1, 1)


def test_long_tail_row_runs_on_over_the_page(tmp_path: Path) -> None:
    many = tuple(Person(f"备用{i:02d}", LONG_UNIT) for i in range(60))  # one a line: 60 lines
    sheet = DutySheetData(EXAM, "03", "满页考点", SESSION, rooms(25), ROVING, INSPECTORS, many)
    path = save(tmp_path, render_duty_sheets([sheet], fallback_fonts=())[0])
    assert page_count(path) == 3
    assert "备用监考（续）" in text(path, 3, 3)
    assert all(f"备用{i:02d}" in text(path) for i in range(60))
    # Nothing drawn past the margins (15 mm = 42.5 pt) of the A4 page (595 x 842 pt).
    assert words_outside(path, 42.5, 42.5, 595.3 - 42.5, 841.9 - 42.5) == []


def test_full_first_page_when_it_saves_a_page(tmp_path: Path) -> None:
    roving = tuple(FloorDuty(f"{f}楼", (Person(f"流动{f}", UNITS[f % 5]),)) for f in range(1, 6))
    few = RESERVES[:4]
    sheet = DutySheetData(EXAM, "04", "大考点", SESSION, rooms(40), roving, INSPECTORS, few)
    path = save(tmp_path, render_duty_sheets([sheet], fallback_fonts=())[0])
    # 20 + 20 rooms would leave the signature alone on a third page: 25 + 15 instead.
    assert page_count(path) == 2
    assert "025" in text(path, 1, 1) and "026" in text(path, 2, 2)
    assert "流动监考 5楼" in text(path, 2, 2) and "主考签字" in text(path, 2, 2)


def test_column_titles_and_the_legend_on_every_page(rendered: tuple[Path, list[str]]) -> None:
    for page in (1, 2, 3):
        extracted = text(rendered[0], page, page)
        head = next(line for line in extracted.splitlines() if "序号" in line)
        assert re.search(r"监考员\(主\)\s+监考员\s+备注", head), head
        assert "注：标 * 者为考场负责人。" in extracted, page
