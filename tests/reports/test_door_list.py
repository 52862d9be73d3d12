"""考场门贴: pages, embedded fonts and the text a PDF reader extracts (poppler-utils)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.door_list import DoorList, DoorListSeat, render_door_lists
from reports.fonts import SERIF_FALLBACKS, load_fonts
from tests.reports.pdftools import fonts_all_embedded, page_count, save, sizes_of, text, whole

LONG_NAME = "欧阳诸葛司马上官慕容端木"
BMP_NAMES = ("张三", "李四", "欧阳娜娜", "䶮", LONG_NAME)
SESSION = "6月11日 09:00-11:00 社会工作综合能力(初级)"


def _room(code: str, names: list[str], first: int) -> DoorList:
    seats = tuple(
        DoorListSeat(i, f"2024110{first + i:05d}", name) for i, name in enumerate(names, start=1)
    )
    return DoorList(
        "2024年度社会工作者职业资格考试", "第一中学考点", code, "教学楼A座3楼301", (SESSION,), seats
    )


ROOMS = [
    _room("001", [f"考生{i:02d}" for i in range(1, 31)], 0),
    _room("002", [*BMP_NAMES, "王𠮷", *(f"学生{i:02d}" for i in range(27))], 100),  # 33 seats
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_door_lists(ROOMS, fallback_fonts=())
    path = tmp_path_factory.mktemp("door") / "door.pdf"
    path.write_bytes(pdf)
    return path, warnings


def test_one_page_per_30_seats(rendered: tuple[Path, list[str]]) -> None:
    assert page_count(rendered[0]) == 3  # 30 seats: one page; 33 seats: two


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_text_is_extractable(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    for label in (
        "考场门贴",
        "座位号",
        "准考证号",
        "姓名",
        "考生人数",
        "第 1 页 / 共 3 页",
        "第 001 考场",
        "第 002 考场",
        "第一中学考点",
        "教学楼A座3楼301",
        SESSION,
    ):
        assert label in extracted, label
    for room in ROOMS:
        for seat in room.seats:
            assert seat.ticket_no in extracted
    for name in (*BMP_NAMES, "考生30", "学生26"):
        assert whole(rendered[0], name), name  # a long one on two lines
    assert "202411000001 至 202411000030" in extracted
    assert "202411000101 至 202411000133" in extracted


def test_no_id_numbers_in_the_data() -> None:
    assert set(DoorListSeat.__dataclass_fields__) == {"seat_no", "ticket_no", "name"}


def test_long_name_wraps_without_loss(rendered: tuple[Path, list[str]]) -> None:
    assert whole(rendered[0], LONG_NAME)
    assert min(sizes_of(rendered[0], LONG_NAME)) >= 12  # read from a step away
    assert not any(LONG_NAME in w for w in rendered[1])


def test_missing_glyph_is_reported_without_fallback(rendered: tuple[Path, list[str]]) -> None:
    assert rendered[1] == [
        "考场门贴, room 002, seat 06, ticket 202411000106: 王𠮷: no font has 𠮷 (U+20BB7)"]
    assert load_fonts(()).missing_glyphs("王𠮷") == ["𠮷"]


def test_a_long_uyghur_name_takes_lines_not_a_cut(tmp_path: Path) -> None:
    name = "阿卜杜热合曼·买买提艾力·吐尔逊·阿不都热依木"
    pdf, warnings = render_door_lists([_room("003", [name], 200)], fallback_fonts=())
    path = save(tmp_path, pdf)
    assert warnings == []
    assert whole(path, name) and "…" not in text(path)
    assert min(sizes_of(path, name)) >= 12


def test_fallback_font_draws_ext_b(tmp_path: Path) -> None:
    hana = SERIF_FALLBACKS[-1]
    if not hana.is_file():
        pytest.skip("fonts-hanazono is not installed")
    fonts = load_fonts([hana])
    assert fonts.missing_glyphs("王𠮷") == []
    assert fonts.runs("王𠮷") == [(fonts.main, "王"), (fonts.fallbacks[0], "𠮷")]
    pdf, warnings = render_door_lists(ROOMS, fallback_fonts=[hana])
    # drawn, in a serif face among sans-serif: said, so that a clerk can look
    assert warnings == [
        "考场门贴, room 002, seat 06, ticket 202411000106: 王𠮷: 𠮷 (U+20BB7) drawn in HanaMinB"]
    # copied or searched in a PDF reader, the Ext-B character reads as itself (not U+20BB)
    assert "王𠮷" in text(save(tmp_path, pdf))


def test_a_text_too_long_for_its_line_is_named_with_its_page() -> None:
    exam = "2024年度社会工作者职业资格考试（周口考区）" * 12  # no real exam's name is this long
    room = DoorList(exam, "第一中学考点", "003", "教学楼A座3楼301", (SESSION,),
                    (DoorListSeat(1, "20241100001", "张三"),))
    _, warnings = render_door_lists([room], fallback_fonts=())
    # the clerk is told which sheet and room to look at, as for a character no font has
    assert len(warnings) == 1 and warnings[0].startswith(f"考场门贴, room 003: {exam}: too long")
