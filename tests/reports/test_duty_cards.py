"""工作安排卡: four cards a page, embedded fonts, extracted text, nothing outside its card."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from examdesk.printing.common import Person, PrintedSession
from reports.duty_cards import GUTTER, CardDuty, DutyCard, DutyCardSheet, render_duty_cards
from tests.reports.pdftools import fonts_all_embedded, page_count, poppler, save, text
from tests.reports.test_duty_sheet import EXAM, LONG_UNIT, UNITS

NOTE = "考场以考前抽签结果为准；请携带本卡及身份证，于报到时间前到考务办公室报到。"
SESSIONS = (
    PrintedSession("S1", "6月10日", "09:00-11:00", ("社会工作综合能力(初级)",), "08:00"),
    PrintedSession("S2", "6月10日", "14:00-16:00", ("社会工作实务(初级)",), "13:00"),
    PrintedSession("S3", "6月11日", "09:00-11:30", ("社会工作综合能力(中级)",), "08:00"),
    PrintedSession("S4", "6月11日", "14:00-16:30", ("社会工作实务(中级)",), "13:00"),
)
PLACE = "第 003 考场 教学楼A座 3楼 301"


def _duties(count: int) -> tuple[CardDuty, ...]:
    kinds = ("监考（考场负责人）", "监考", "流动监考", "备用监考")
    places = (PLACE, "第 017 考场 实验楼B座 2楼 205", "教学楼A座 3楼", "考务办公室")
    return tuple(
        CardDuty(SESSIONS[i % 4], kinds[i % 4], places[i % 4]) for i in range(count)
    )


CENTER = "川汇区第一中学考点"
CARDS = [
    DutyCard(EXAM, CENTER, Person("王𠮷", LONG_UNIT, "13800000000"),
             "监考员、流动监考", _duties(6), NOTE),
    *(
        DutyCard(EXAM, CENTER, Person(f"监考{i:02d}", UNITS[i % 5], f"1390000{i:04d}"),
                 "监考员", _duties(1 + i % 4), NOTE if i % 2 else "")
        for i in range(1, 9)
    ),
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_duty_cards(CARDS, fallback_fonts=())
    return save(tmp_path_factory.mktemp("cards"), pdf), warnings


def card_boxes() -> list[tuple[float, float, float, float]]:
    """The cards' frames (x0, y0, x1, y1) in pdftotext's coordinates (origin top-left)."""
    sheet = DutyCardSheet([])
    w = (sheet.right - sheet.left - GUTTER) / 2
    h = (sheet.top - sheet.bottom - GUTTER) / 2
    x = [sheet.left, sheet.left + w + GUTTER]
    y = [sheet.height - sheet.top, sheet.height - sheet.top + h + GUTTER]  # from the top
    return [(x[col], y[row], x[col] + w, y[row] + h) for row in range(2) for col in range(2)]


def words_outside_cards(pdf: Path) -> list[str]:
    """Words (footer aside) that do not lie wholly inside one card's frame."""
    boxes = card_boxes()
    outside = []
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    for *corners, word in re.findall(pattern, poppler("pdftotext", pdf, "-bbox")):
        x0, y0, x1, y1 = map(float, corners)
        if y0 > boxes[-1][3] and (word in {"第", "页", "/", "共"} or word.isdigit()):
            continue  # the footer, below the cards
        if not any(b[0] <= x0 and x1 <= b[2] and b[1] <= y0 and y1 <= b[3] for b in boxes):
            outside.append(word)
    return outside


def test_four_cards_a_page(rendered: tuple[Path, list[str]]) -> None:
    assert page_count(rendered[0]) == 3  # 9 cards: 4 + 4 + 1


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_text_is_extractable(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    for label in ("工作安排卡", "考点：川汇区第一中学考点", "日期时间", "报到", "任务", "地点",
                  "单位：", "职责：", "电话：", "监考员、流动监考", "13800000000",
                  "考场以考前抽签结果为准", "第 3 页 / 共 3 页"):
        assert label in extracted, label
    for card in CARDS[1:]:
        assert card.person.name in extracted, card.person.name
        assert card.person.phone in extracted
    assert extracted.count("工作安排卡") == 9
    assert re.search(r"09:00-11:00", extracted) and "13:00" in extracted


def card_text(pdf: Path, page: int, index: int) -> str:
    """The text of one card (0-3 on the page), in reading order, without white space."""
    x0, y0, x1, y1 = (round(v) for v in card_boxes()[index])
    crop = ["-x", str(x0), "-y", str(y0), "-W", str(x1 - x0), "-H", str(y1 - y0)]
    return "".join(poppler("pdftotext", pdf, "-f", str(page), "-l", str(page), *crop).split())


def test_six_duties_fit_the_first_card(rendered: tuple[Path, list[str]]) -> None:
    first = card_text(rendered[0], 1, 0)
    assert first.count("6月10日09:00-11:00") == 2 and first.count("6月11日14:00-16:30") == 1
    assert first.count("08:00") == 3 and first.count("13:00") == 3
    assert first.count("监考（考场负") == 2  # wrapped: 监考（考场负 / 责人）
    assert first.count("流动监考") == 2  # in the roles and in the table
    assert "备用监考" in first and "考务办公室" in first and "教学楼A座3楼" in first
    assert first.endswith(NOTE) and LONG_UNIT in first
    second = card_text(rendered[0], 1, 1)
    assert "监考01" in second and "流动监考" not in second  # two duties only


def test_nothing_leaves_its_card(rendered: tuple[Path, list[str]]) -> None:
    assert words_outside_cards(rendered[0]) == []


def test_crowded_card_stays_inside(tmp_path: Path) -> None:
    crowded = DutyCard(EXAM * 2, "周口市川汇区第一高级中学东校区考点" * 2,
                       Person("欧阳诸葛司马上官慕容端木", LONG_UNIT * 2, "13800000000"),
                       "监考员、流动监考、备用监考、巡考、考务办公室", _duties(12), NOTE * 3)
    path = save(tmp_path, render_duty_cards([crowded] * 4, fallback_fonts=())[0])
    assert page_count(path) == 1
    assert words_outside_cards(path) == []


def test_missing_glyph_is_reported_without_fallback(rendered: tuple[Path, list[str]]) -> None:
    assert rendered[1] == ["工作安排卡: 王𠮷: no font has 𠮷 (U+20BB7)"]
