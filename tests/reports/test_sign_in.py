"""考生签到表: pages per session, embedded fonts, photos and the text a PDF reader extracts."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from examdesk.printing.common import Person, PrintedSession
from examdesk.printing.rooms import RoomSession, RoomSheets, SeatedCandidate
from reports.sign_in import render_sign_in
from tests.reports.pdftools import (
    fonts_all_embedded,
    image_count,
    images_drawn,
    jpeg,
    page_count,
    save,
    text,
    whole,
)

EXAM = "2024年度社会工作者职业资格考试"
S1 = PrintedSession("S1", "6月11日", "09:00-11:00", ("社会工作综合能力(初级)",), "08:00")
S2 = PrintedSession("S2", "6月11日", "14:00-16:00", ("社会工作实务(初级)",), "13:00")
LONG_NAME = "欧阳诸葛司马上官慕容端木"
PHOTO_NAME = "张照片"
S1_ONLY = ("单科甲", "单科乙", "单科丙")  # the last three seats of room 001 sit S1 only
LEAD, SECOND = Person("刘建国", "周口市第一中学"), Person("陈晓燕", "周口市第二中学")


def _seat(room: int, seat: int, name: str, sessions: tuple[str, ...]) -> SeatedCandidate:
    return SeatedCandidate(
        seat_no=seat,
        row=(seat - 1) // 6 + 1,
        column=(seat - 1) % 6 + 1,
        ticket_no=f"1240101{room:02d}{seat:02d}",
        name=name,
        gender="女" if seat % 2 else "男",
        id_number=f"4127021990{room:02d}{seat:02d}{seat:03d}X",
        photo=jpeg() if name == PHOTO_NAME else None,
        sessions=sessions,
    )


def _room(
    number: int, names: list[str], sessions: tuple[RoomSession, ...], s1_only: int = 0,
    center: str = "周口市第一中学考点", location: str = "教学楼A座3楼301",
) -> RoomSheets:
    both = tuple(s.session.code for s in sessions)
    seats = tuple(
        _seat(number, i, name, both if i <= len(names) - s1_only else ("S1",))
        for i, name in enumerate(names, start=1)
    )
    return RoomSheets(EXAM, "01", center, f"{number:03d}", location, "初级", 6, 6, (),
                      sessions, seats)


ROOMS = [
    _room(
        1,
        [PHOTO_NAME, LONG_NAME, "王𠮷", *(f"考生{i:02d}" for i in range(4, 28)), *S1_ONLY],
        (RoomSession(S1, (LEAD, SECOND), True), RoomSession(S2, (LEAD, Person("王𠮷")), True)),
        s1_only=3,
    ),
    _room(
        2,
        [f"学生{i:02d}" for i in range(1, 34)],
        (RoomSession(S1),),  # no roster yet
        center="周口市川汇区第一高级中学（东校区）综合楼考点",
        location="综合楼B座4楼402（东侧楼梯上楼右转第二间）",
    ),
]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_sign_in(ROOMS, fallback_fonts=())
    return save(tmp_path_factory.mktemp("sign_in"), pdf), warnings


def test_pages_per_room_and_session(rendered: tuple[Path, list[str]]) -> None:
    # Eight photo rows a page: room 001: 30 in S1 -> 4 pages (8 + 8 + 8 + 6), 27 in S2 -> 4;
    # room 002's long center and location take a header line more: 33 in S1 -> 7 a page, 5.
    assert page_count(rendered[0]) == 13


def test_session_filter(tmp_path: Path) -> None:
    pdf, _ = render_sign_in(ROOMS, session="S2", fallback_fonts=())
    path = save(tmp_path, pdf)
    assert page_count(path) == 4  # room 002 sits nobody in S2: skipped
    assert S2.label in text(path) and S1.label not in text(path)


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_text_is_extractable(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    for label in (EXAM, "考生签到表", "座位号", "准考证号", "姓名", "身份证号", "照片", "考生签名",
                  "第 001 考场", "第 002 考场", "周口市第一中学考点", "教学楼A座3楼301",
                  "监考员签名", '缺考考生由监考员在签名栏内注明"缺考"'):
        assert label in extracted, label
    for room in ROOMS:
        for seat in room.seats:
            assert seat.ticket_no in extracted, seat.ticket_no
            assert seat.id_number in extracted, seat.id_number  # full, not masked
            if seat.name != "王𠮷":  # 𠮷 is a blank box without a fallback font
                assert whole(rendered[0], seat.name), seat.name  # a long one on two lines


def test_each_session_of_each_room_is_numbered_on_its_own(
    rendered: tuple[Path, list[str]],
) -> None:
    # a sign-in sheet is signed and handed in per session: "第 4 页 / 共 4 页" ends S1's sheet
    footers = [re.findall(r"第 \d+ 页 / 共 \d+ 页", text(rendered[0], first=n, last=n))
               for n in range(1, 14)]
    documents = [4, 4, 5]  # room 001 in S1 and in S2, room 002 in S1
    assert footers == [[f"第 {page} 页 / 共 {pages} 页"]
                       for pages in documents for page in range(1, pages + 1)]


def test_session_label_on_every_page(rendered: tuple[Path, list[str]]) -> None:
    labels = [S1.label] * 4 + [S2.label] * 4 + [S1.label] * 5
    for page, label in enumerate(labels, start=1):
        assert label in text(rendered[0], first=page, last=page), page


def test_head_count_on_the_last_page_of_a_session(rendered: tuple[Path, list[str]]) -> None:
    pages = [text(rendered[0], first=n, last=n) for n in range(1, 14)]
    counts = [re.findall(r"应考 (\d+) 人", page) for page in pages]
    assert counts == [[], [], [], ["30"], [], [], [], ["27"], [], [], [], [], ["33"]]
    assert all("实考" in pages[n] and "缺考" in pages[n] for n in (3, 7, 12))


def test_s1_only_candidates_are_absent_from_s2(rendered: tuple[Path, list[str]]) -> None:
    s1 = text(rendered[0], first=1, last=4)
    s2 = text(rendered[0], first=5, last=8)
    for name in S1_ONLY:
        assert name in s1 and name not in s2, name
    assert "考生27" in s2


def test_photo_is_embedded(rendered: tuple[Path, list[str]], tmp_path: Path) -> None:
    assert image_count(rendered[0]) == 2  # the photo's candidate sits S1 and S2
    pdf, _ = render_sign_in(ROOMS[1:], fallback_fonts=())
    assert image_count(save(tmp_path, pdf)) == 0


def test_missing_glyph_is_the_only_warning(rendered: tuple[Path, list[str]]) -> None:
    # The long compound name and the long center name shrink: nothing is cut. The warning
    # names the sheet, room, session, seat and ticket: the pages to check by hand.
    assert rendered[1] == [
        "考生签到表, room 001, session S1, seat 03, ticket 12401010103: 王𠮷: no font has 𠮷 "
        "(U+20BB7)",
        "考生签到表, room 001, session S2, seat 03, ticket 12401010103: 王𠮷: no font has 𠮷 "
        "(U+20BB7)"]


def test_nothing_to_print_gives_one_explaining_page(tmp_path: Path) -> None:
    pdf, warnings = render_sign_in(ROOMS, session="S9", fallback_fonts=())
    path = save(tmp_path, pdf)
    assert warnings == []
    assert page_count(path) == 1
    assert "所选场次没有考生" in text(path)


def test_photos_are_large_enough_to_check_a_face(tmp_path: Path) -> None:
    with_photos = replace(ROOMS[0], seats=tuple(replace(s, photo=jpeg()) for s in ROOMS[0].seats))
    pdf, _ = render_sign_in([with_photos], session="S1", fallback_fonts=())
    path = save(tmp_path, pdf)
    drawn = images_drawn(path)
    assert len(drawn) == 30
    assert all(i.width >= 20 * mm - 0.01 and i.height >= 27 * mm - 0.01 for i in drawn)
    # ...and still inside their rows: eight a page, the last page with the head count.
    assert [sum(1 for i in drawn if i.page == n) for n in range(1, 5)] == [8, 8, 8, 6]
    assert "应考 30 人" in text(path, 4, 4) and "监考员签名" in text(path, 4, 4)
