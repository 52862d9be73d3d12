"""座位表: pages and orientation, embedded fonts, the text a reader extracts, the desk layout
as seen from the podium, and no ID numbers (the chart is posted on the door)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from examdesk.printing.common import PrintedSession, mask_id
from examdesk.printing.rooms import RoomSession, RoomSheets, SeatedCandidate
from reports.seating_chart import GAP, render_seating_charts
from tests.reports.longest import LATIN_NAME
from tests.reports.pdftools import (
    fonts_all_embedded,
    image_count,
    images_drawn,
    jpeg,
    page_count,
    poppler,
    save,
    sizes_of,
    text,
    whole,
)

LONG_NAME = "欧阳诸葛司马上官慕容端木"
UYGHUR_NAME = "阿卜杜热合曼·买买提艾力·吐尔逊·阿不都热依木"
SESSIONS = (
    RoomSession(PrintedSession("S1", "6月11日", "09:00-11:00", ("社会工作综合能力(初级)",))),
    RoomSession(PrintedSession("S2", "6月11日", "14:00-16:00", ("社会工作实务(初级)",))),
)
PHOTO = jpeg()


def make_room(
    code: str,
    rows: int,
    columns: int,
    names: Sequence[str],
    unusable: tuple[tuple[int, int], ...] = (),
    first: int = 0,
    photo_seats: Sequence[int] = (),
) -> RoomSheets:
    """A room seated row by row from the front left, skipping unusable desks."""
    desks = [
        (r, c) for r in range(1, rows + 1) for c in range(1, columns + 1) if (r, c) not in unusable
    ]
    seats = tuple(
        SeatedCandidate(
            seat_no=i,
            row=r,
            column=c,
            ticket_no=f"2024110{first + i:05d}",
            name=name,
            gender="男",
            id_number=f"110105{1980 + i % 20}{i % 12 + 1:02d}{i % 28 + 1:02d}{first + i:03d}X",
            photo=PHOTO if i in photo_seats else None,
            sessions=("S1", "S2"),
        )
        for i, ((r, c), name) in enumerate(zip(desks, names, strict=False), start=1)
    )
    return RoomSheets(
        "2024年度社会工作者职业资格考试", "01", "第一中学考点", code, "教学楼A座3楼301", "初级",
        rows, columns, unusable, SESSIONS, seats,
    )


NAMES = ["张三", "李四", LONG_NAME, "王𠮷", "欧阳娜娜", *(f"考生{i:02d}" for i in range(6, 29))]
#: 5 rows x 6 columns, desk (3, 4) unusable, 28 seated: the last desk (5, 6) stays empty.
ROOM_A = make_room("001", 5, 6, NAMES, unusable=((3, 4),), photo_seats=(2,))
#: 6 x 6, 33 seated.
ROOM_B = make_room("002", 6, 6, [f"学生{i:02d}" for i in range(1, 34)], first=100)
ROOMS = [ROOM_A, ROOM_B]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_seating_charts(ROOMS, fallback_fonts=())
    return save(tmp_path_factory.mktemp("seat"), pdf, "seating.pdf"), warnings


def test_one_page_per_room_landscape_when_wider(rendered: tuple[Path, list[str]]) -> None:
    pdf = rendered[0]
    assert page_count(pdf) == 2
    info = poppler("pdfinfo", pdf, "-f", "1", "-l", "2")
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    (w1, h1), (w2, h2) = ((float(w), float(h)) for w, h in sizes)
    assert w1 > h1  # 6 columns, 5 rows: landscape
    assert w2 < h2  # 6 x 6: portrait


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_text_is_extractable(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    for label in (
        "座位表", "讲台", "监考员签名", "考生人数：28", "考生人数：33", "不使用", "第 001 考场",
        "第 002 考场", "第一中学考点", "教学楼A座3楼301", "第 1 页 / 共 2 页",
        "2024年度社会工作者职业资格考试", "09:00-11:00 社会工作综合能力(初级)",
        "14:00-16:00 社会工作实务(初级)",
    ):
        assert label in extracted, label
    for room in ROOMS:
        for seat in room.seats:
            assert seat.ticket_no in extracted
            assert whole(rendered[0], seat.name.replace("𠮷", "")), seat.name


def test_seat_numbers_in_01_style(rendered: tuple[Path, list[str]]) -> None:
    two_digits = {w for w in _words(rendered[0], 1) if re.fullmatch(r"\d\d", w)}
    assert two_digits == {f"{i:02d}" for i in range(1, 29)}


def test_no_id_numbers_masked_or_not(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    assert "证件号" not in extracted
    for room in ROOMS:
        for seat in room.seats:
            for shown in (seat.id_number, seat.id_number[:14], mask_id(seat.id_number)):
                assert shown not in extracted, shown


def test_the_photo_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert image_count(rendered[0]) >= 1


def test_no_photo_no_placeholder(rendered: tuple[Path, list[str]]) -> None:
    assert "照片" not in text(rendered[0])


def test_missing_glyph_is_the_only_warning(rendered: tuple[Path, list[str]]) -> None:
    assert rendered[1] == [
        "座位表, room 001, seat 04, ticket 202411000004: 王𠮷: no font has 𠮷 (U+20BB7)"]


def test_front_row_is_nearest_the_podium_column_1_at_the_left(
    rendered: tuple[Path, list[str]],
) -> None:
    lines = text(rendered[0], 1, 1).splitlines()

    def line_of(s: str) -> int:
        return next(i for i, line in enumerate(lines) if s in line)

    by_desk = {(s.row, s.column): s.name for s in ROOM_A.seats}
    front_left, front_right, back_left = by_desk[1, 1], by_desk[1, 6], by_desk[5, 1]
    assert front_left == "张三"
    # seen from the podium: the podium nearest the reader, at the bottom, row 1 above it
    assert line_of(back_left) < line_of(front_left) < line_of("讲台")
    row_1 = lines[line_of(front_left)]
    assert row_1.index(front_left) < row_1.index(front_right)


def _words(pdf: Path, page: int) -> dict[str, tuple[float, float]]:
    """Each word on ``page`` with its x extent (pdftotext -bbox)."""
    html = poppler("pdftotext", pdf, "-bbox", "-f", str(page), "-l", str(page))
    found = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]+)<', html)
    return {word: (float(x0), float(x1)) for x0, x1, word in found}


def test_long_name_stays_within_its_desk(rendered: tuple[Path, list[str]]) -> None:
    words = _words(rendered[0], 1)
    # Seat numbers are centred in their desks: their spacing is the desk pitch.
    pitch = sum(words["06"]) / 2 - sum(words["05"]) / 2
    # 欧阳诸葛司马上官慕容端木 takes two lines, each centred under seat 03.
    halves = [(w, x) for w, x in words.items() if w in LONG_NAME and len(w) > 2]
    assert "".join(sorted((w for w, _ in halves), key=LONG_NAME.index)) == LONG_NAME
    for _, (x0, x1) in halves:
        assert 0 < x1 - x0 <= pitch - GAP
        assert abs((x0 + x1) / 2 - sum(words["03"]) / 2) < 1


def test_very_long_name_goes_on_lines_without_loss(tmp_path: Path) -> None:
    room = make_room("003", 6, 6, [UYGHUR_NAME, *(f"考生{i:02d}" for i in range(2, 37))])
    pdf, warnings = render_seating_charts([room], fallback_fonts=())
    assert warnings == []
    path = save(tmp_path, pdf)
    assert whole(path, UYGHUR_NAME) and min(sizes_of(path, UYGHUR_NAME)) >= 8
    assert "考生36" in text(path)


def test_a_name_no_desk_holds_at_8_pt_is_printed_smaller_with_a_warning(tmp_path: Path) -> None:
    # Longer than the importer accepts (100 characters): a desk cannot grow.
    name = "阿卜杜热合曼买买提艾力吐尔逊阿不都热依木" * 6
    pdf, warnings = render_seating_charts([make_room("004", 6, 5, [name])], fallback_fonts=())
    # named with the page and the desk it is on, so that a clerk can check it
    assert len(warnings) == 1 and warnings[0].startswith(
        f"座位表, room 004, seat 01, ticket 202411000001: {name}: too long for its box")
    assert whole(save(tmp_path, pdf), name)


def _boxes(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """Each word on ``page`` with its box (pdftotext -bbox: x0, y0, x1, y1, origin top left)."""
    html = poppler("pdftotext", pdf, "-bbox", "-f", str(page), "-l", str(page))
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<'
    return [(w, float(a), float(b), float(c), float(d))
            for a, b, c, d, w in re.findall(pattern, html)]


@pytest.mark.parametrize("rows, columns", [(6, 5), (5, 6)])
@pytest.mark.parametrize("long_names", [False, True])
def test_photos_are_as_large_as_the_desk_allows_and_cover_no_text(
    tmp_path: Path, rows: int, columns: int, long_names: bool,
) -> None:
    names = [f"考生{i:02d}" for i in range(1, 31)]
    if long_names:
        names[:4] = [LONG_NAME, UYGHUR_NAME, "JOHN SMITH", LATIN_NAME]
    room = make_room("005", rows, columns, names, photo_seats=range(1, 31))
    pdf = save(tmp_path, render_seating_charts([room], fallback_fonts=())[0])
    photos = images_drawn(pdf)
    assert len(photos) == 30
    page_h = A4[0] if columns > rows else A4[1]
    words = _boxes(pdf, 1)
    seat = {w: (y0 + y1) / 2 for w, _, y0, _, y1 in words if re.fullmatch(r"\d\d", w)}
    # row 2 is below row 3: the desk pitch less the gap
    desk_h = seat[f"{columns + 1:02d}"] - seat[f"{2 * columns + 1:02d}"] - GAP
    for photo in photos:
        top, bottom = page_h - photo.y - photo.height, page_h - photo.y
        for word, x0, y0, x1, y1 in words:
            overlaps = (x0 < photo.x + photo.width - 0.5 and x1 > photo.x + 0.5
                        and y0 < bottom - 0.5 and y1 > top + 0.5)
            assert not overlaps, (word, photo)
    # With a name on one line the photo takes over half the desk's height (11 x 15 mm before).
    plain = sorted(photo.height for photo in photos)[len(photos) // 2]
    assert plain >= 0.6 * desk_h and plain * 0.75 >= 15 * mm
