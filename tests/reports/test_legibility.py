"""Names and locations on every sheet: never cut, never below 8 pt (12 pt on door lists).

Each sheet is rendered with the longest name and location the importer accepts (a 100-letter
passport name, a Uyghur name in Chinese transliteration, a 50-character building with a
50-character classroom), then read back: the whole text is there (line breaks allowed), no
"…", nothing drawn smaller than the floor, and no warning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from examdesk.printing.center import CenterSummaryData, CertificateData, CountLine
from examdesk.printing.common import Person, PrintedSession
from examdesk.printing.duties import (
    CardDuty,
    DrawResultData,
    DutyCard,
    DutySheetData,
    FloorDuty,
    PostLine,
    PostRosterData,
    PostShift,
    RoomDutyLine,
)
from examdesk.printing.rooms import RoomSession, RoomSheets, SeatedCandidate
from reports.center_summary import render_center_summaries
from reports.certificate import render_certificates
from reports.cover import CoverSheet, Enclosure
from reports.desk_labels import render_desk_labels
from reports.door_list import render_door_lists
from reports.draw_result import render_draw_results
from reports.duty_cards import render_duty_cards
from reports.duty_sheet import render_duty_sheets
from reports.fonts import load_fonts
from reports.post_roster import render_post_rosters
from reports.room_record import render_room_records
from reports.seating_chart import render_seating_charts
from reports.sign_in import render_sign_in
from tests.reports.longest import LATIN_NAME, LOCATION, UYGHUR_NAME
from tests.reports.pdftools import jpeg, save, sizes_of, text, whole

EXAM = "2023年度社会工作者职业水平考试"
CENTER = "周口市第一高级中学考点"
S1 = PrintedSession("S1", "6月10日", "14:00-16:00", ("社会工作法规与政策",), "13:00")
S2 = PrintedSession("S2", "6月11日", "09:00-11:00", ("社会工作综合能力(初级)",), "08:00")
ROOM_PLACE = "教学楼A 3楼 301"
NAMES = (LATIN_NAME, UYGHUR_NAME)


def _room(names: Sequence[str], location: str = ROOM_PLACE) -> RoomSheets:
    """A room of 30 (6 rows of 5), every seat with a photo, the given names first."""
    everyone = [*names, *(f"考生{i:02d}" for i in range(len(names) + 1, 31))]
    seats = tuple(
        SeatedCandidate(i, (i - 1) // 5 + 1, (i - 1) % 5 + 1, f"2234116{i:04d}", name, "男",
                        f"41270219900101{i:03d}X"[:18], jpeg(), ("S1", "S2"))
        for i, name in enumerate(everyone, start=1)
    )
    team = (Person(UYGHUR_NAME, "周口市教育局"), Person(LATIN_NAME, "周口市财政局"))
    return RoomSheets(EXAM, "01", CENTER, "001", location, "初级", 6, 5, (),
                      (RoomSession(S1, team, True), RoomSession(S2, team, True)), seats)


def _duty_lines(location: str) -> tuple[RoomDutyLine, ...]:
    team = (Person(UYGHUR_NAME, "周口市教育局"), Person(LATIN_NAME, "周口市财政局"))
    plain = (Person("李四", "周口市教育局"), Person("王五", "项城市财政局"))
    return tuple(RoomDutyLine(f"{i:03d}", location if i <= 3 else ROOM_PLACE,
                              team if i <= 3 else plain) for i in range(1, 31))


def _cover(room: RoomSheets) -> tuple[bytes, list[str]]:
    """The envelope's cover of ``room`` (the pack's label of each room)."""
    sheet = CoverSheet(room, [Enclosure("考场门贴", None, 1)], [s.session for s in room.sessions],
                       load_fonts(()))
    return sheet.render(), sheet.warnings


Render = Callable[[], tuple[bytes, list[str]]]

#: Each sheet with the longest names and locations: (floor, texts that must print whole, render).
SHEETS: dict[str, tuple[float, tuple[str, ...], Render]] = {
    "door list": (12, (*NAMES, LOCATION), lambda: render_door_lists(
        [_room(NAMES, LOCATION).door_list()], ())),
    "envelope cover": (8, (LOCATION,), lambda: _cover(_room(NAMES, LOCATION))),
    "sign-in sheet": (8, (*NAMES, LOCATION), lambda: render_sign_in(
        [_room(NAMES, LOCATION)], "S1", ())),
    "seating chart": (8, NAMES, lambda: render_seating_charts([_room(NAMES)], ())),
    "seating chart header": (8, (LOCATION,), lambda: render_seating_charts(
        [_room(["张三"], LOCATION)], ())),
    "desk labels": (8, NAMES, lambda: render_desk_labels([_room(NAMES)], ())),
    "room record": (8, (*NAMES, LOCATION), lambda: render_room_records(
        [_room(NAMES, LOCATION)], "S1", ())),
    "duty sheet": (8, (*NAMES, LOCATION, f"流动监考 教学楼A {LOCATION[:50]} 1楼"),
                   lambda: render_duty_sheets([DutySheetData(
                       EXAM, "01", CENTER, S1, _duty_lines(LOCATION),
                       (FloorDuty(f"教学楼A {LOCATION[:50]} 1楼", (Person("刘流动"),)),),
                       (Person(LATIN_NAME),), (Person(UYGHUR_NAME),))], ())),
    "duty cards": (8, (*NAMES, f"第 001 考场 {LOCATION}"), lambda: render_duty_cards([
        DutyCard(EXAM, CENTER, Person(name, "周口市教育局", "13800000000"), "监考员", (
            CardDuty(S1, "监考（考场负责人）", f"第 001 考场 {LOCATION}"),
            CardDuty(S2, "流动监考", "教学楼A 1楼"))) for name in NAMES], ())),
    "post roster": (8, (*NAMES, LOCATION), lambda: render_post_rosters([PostRosterData(
        EXAM, "01", CENTER, (PostLine("考生服务咨询台", "东门", LOCATION, "07:30-16:30",
                                      "0394-8888888", 2, (PostShift(S1, tuple(
                                          Person(n, phone="13800000000") for n in NAMES)),)),))],
        ())),
    "certificate": (8, NAMES, lambda: render_certificates([
        CertificateData(EXAM, CENTER, "ZK-1", name, "男", "41270219900101123X", jpeg(),
                        "22341160101", "001", (S1, S2), officer, "周口市公安局川汇分局",
                        "2023-06-10 13:32") for name, officer in (NAMES, NAMES[::-1])], ())),
    "center summary": (8, (LOCATION,), lambda: render_center_summaries([CenterSummaryData(
        EXAM, "01", CENTER, LOCATION, UYGHUR_NAME, 40, 2, 1200, 1190,
        (CountLine("初级", (25, 741)),), (CountLine(S1.label, (30, 880, 60, 5, 3, 24)),),
        (CountLine("监考员", (60,)),), (CountLine(f"考生服务咨询台（{LOCATION}）", (3, 3)),),
        (S1,), "0394-8888888")], ())),
    "draw result": (8, (*NAMES, LOCATION), lambda: render_draw_results([DrawResultData(
        EXAM, "01", CENTER, S1, "2023-06-10 13:05", "张主考", 42, _duty_lines(LOCATION))],
        ())),
}


@pytest.fixture(scope="module", params=sorted(SHEETS))
def printed(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> tuple[str, Path, list[str]]:
    pdf, warnings = SHEETS[request.param][2]()
    return request.param, save(tmp_path_factory.mktemp("legible"), pdf), warnings


def test_names_and_locations_print_whole(printed: tuple[str, Path, list[str]]) -> None:
    sheet, pdf, warnings = printed
    assert warnings == []
    assert "…" not in text(pdf)
    for value in SHEETS[sheet][1]:
        assert whole(pdf, value), value


def test_never_below_the_floor(printed: tuple[str, Path, list[str]]) -> None:
    sheet, pdf, _ = printed
    floor = SHEETS[sheet][0]
    for value in SHEETS[sheet][1]:
        sizes = sizes_of(pdf, value)
        assert sizes, value
        assert min(sizes) >= floor - 0.01, (value, min(sizes))


def test_a_latin_name_breaks_at_spaces_only(tmp_path: Path) -> None:
    pdf = save(tmp_path, render_seating_charts([_room(NAMES)], ())[0])
    words = set(LATIN_NAME.split())
    lines = [line.split() for line in text(pdf).splitlines()]
    # The capitalised words on the page are exactly the name's words, each of them whole.
    assert {w for line in lines for w in line if w.isupper() and w.isalpha()} == words
