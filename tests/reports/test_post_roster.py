"""岗位值班表: pages per center, embedded fonts, and the text a PDF reader extracts."""

from __future__ import annotations

from pathlib import Path

import pytest

from examdesk.printing.common import Person, PrintedSession
from reports.post_roster import (
    PostLine,
    PostRosterData,
    PostShift,
    SupplyItem,
    render_post_rosters,
)
from tests.reports.pdftools import fonts_all_embedded, page_count, save, text

EXAM = "2023年度社会工作者职业水平考试"
LONG_PLACE = "周口市第一高级中学东门北侧考生服务咨询台帐篷"
SESSIONS = (
    PrintedSession("S1", "6月10日", "14:00-16:00", ("社会工作法规与政策",)),
    PrintedSession("S2", "6月11日", "09:00-11:00", ("社会工作综合能力(初级)",)),
    PrintedSession("S3", "6月11日", "14:00-16:00", ("社会工作实务(初级)",)),
    PrintedSession("S4", "6月11日", "14:00-16:30", ("社会工作实务(中级)",)),
)
KINDS = ("考生服务咨询台", "医务室", "公安执勤点", "供电保障", "无线电监测", "物品存放处",
         "考生服务咨询台", "医务室")
SUPPLIES = (
    SupplyItem("矿泉水", 240, "瓶"),
    SupplyItem("口罩", 300, "个"),
    SupplyItem("2B铅笔", 100, "支"),
    SupplyItem("黑色签字笔", 100, "支"),
    SupplyItem("橡皮", 80, "块"),
    SupplyItem("一次性纸杯", 500, "个"),
    SupplyItem("创可贴", 50, "片"),
)


def _person(center: int, post: int, n: int) -> Person:
    return Person(f"志愿者{center}{post}{n}", phone=f"138{center:02d}{post:02d}{n:04d}")


def _post(center: int, post: int) -> PostLine:
    short = center == 1 and post == 2  # one post short of one person in S3
    shifts = tuple(
        PostShift(session, tuple(
            _person(center, post, n)
            for n in range(3 - (short and session.code == "S3"))
        ))
        for session in SESSIONS
    )
    return PostLine(
        kind=KINDS[post],
        name=f"{post + 1}号岗",
        place=LONG_PLACE if post == 0 else f"教学楼{chr(65 + post)}座一楼大厅",
        hours="07:30-16:30",
        phone=f"0394-88{center}0{post:03d}",
        headcount=3,
        shifts=shifts,
        supplies=SUPPLIES if post == 0 else SUPPLIES[post % 3 : post % 3 + 2],
    )


def _roster(center: int, posts: int = 8) -> PostRosterData:
    return PostRosterData(EXAM, f"0{center}", f"第{center}考点", tuple(
        _post(center, i) for i in range(posts)
    ))


ROSTERS = [_roster(1), _roster(2, posts=2)]
ROSTERS[1] = PostRosterData(EXAM, "02", "第2考点", (
    *ROSTERS[1].posts,
    PostLine("医务室", "", "行政楼", "", "120", 1, (PostShift(SESSIONS[0], (Person("王𠮷"),)),)),
))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_post_rosters(ROSTERS, fallback_fonts=())
    return save(tmp_path_factory.mktemp("post"), pdf), warnings


def test_each_center_starts_a_page_and_blocks_flow_on(rendered: tuple[Path, list[str]]) -> None:
    assert page_count(rendered[0]) == 4  # 8 posts take 3 pages (3 a page), 3 posts 1
    assert "第2考点" not in text(rendered[0], 1, 3)
    assert "第1考点" not in text(rendered[0], 4, 4)


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_text_is_extractable(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    for label in ("岗位值班表", EXAM, "考点：第1考点（代码 01）", "地点", "时间", "电话",
                  "每场人数", "物资", "场次", "值班人员", "07:30-16:30", "0394-8810001",
                  "3人", "6月11日 14:00-16:30", "考生服务咨询台", "医务室", "1号岗",
                  "第 1 页 / 共 4 页"):
        assert label in extracted, label
    flat = "".join(extracted.split())
    assert LONG_PLACE in flat  # wrapped onto two lines if need be, never cut
    for roster in ROSTERS:
        for post in roster.posts:
            for shift in post.shifts:
                for person in shift.people:
                    if person.name == "王𠮷":  # no font has 𠮷 here: a blank box
                        continue
                    assert f"{person.name} {person.phone}".strip() in extracted, person


def test_supplies_with_quantities_and_units(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    assert "矿泉水 240 瓶、口罩 300 个" in extracted
    for supply in SUPPLIES:
        assert f"{supply.item} {supply.quantity} {supply.unit}" in extracted, supply


def test_short_post_is_marked(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    assert extracted.count("缺 1人") == 1
    assert "缺 " not in extracted.replace("缺 1人", "")


def test_block_is_not_split_across_pages(rendered: tuple[Path, list[str]]) -> None:
    pages = [text(rendered[0], n, n) for n in (1, 2, 3)]
    for post in ROSTERS[0].posts:
        [page] = [page for page in pages if post.name in page]
        assert all(p.phone in page for s in post.shifts for p in s.people), post.name
        assert post.phone in page


def test_block_taller_than_a_page_flows_on(tmp_path: Path) -> None:
    sessions = [PrintedSession(f"S{i}", "6月11日", f"{i:02d}:00-{i:02d}:30") for i in range(60)]
    post = PostLine("考生服务咨询台", "", "东门", "", "", 1, tuple(
        PostShift(s, (Person(f"人员{i}", phone="13900000000"),)) for i, s in enumerate(sessions)
    ))
    pdf, warnings = render_post_rosters([PostRosterData(EXAM, "09", "第9考点", (post,))])
    path = save(tmp_path, pdf)
    assert page_count(path) == 3
    assert "人员59 13900000000" in text(path, 3, 3)
    assert "考生服务咨询台（续）" in text(path, 2, 2)
    assert warnings == []


def test_missing_glyph_is_reported_without_fallback(rendered: tuple[Path, list[str]]) -> None:
    assert rendered[1] == ["岗位值班表: 王𠮷: no font has 𠮷 (U+20BB7)"]
