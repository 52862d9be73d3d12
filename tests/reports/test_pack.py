"""The pack, printed two-sided: a cover sheet opens each room's envelope, each document starts
on a front page (an odd one gets a blank back marked 本页空白), every page is portrait, and the
font subsets of the merged file have names of their own."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from examdesk.printing.rooms import RoomSheets
from reports.batch import Part, merge, merge_run, render_parts
from tests.reports.pdftools import page_count, save, text
from tests.reports.test_seating_chart import make_room
from tests.reports.test_sign_in import ROOMS

ENVELOPE = ("door", "seating", "signin", "record")
# 5 rows of 8 desks: a landscape seating chart when printed alone
WIDE = make_room("003", 5, 8, [f"考生{i:02d}" for i in range(1, 41)])
TITLES = ("考场门贴", "座位表", "考生签到表", "考场情况记录单")


def _envelope(room: RoomSheets) -> Part:
    return Part(f"01/{room.room_code}", tuple((kind, (room,)) for kind in ENVELOPE),
                duplex=True, cover=room)


def _kind(page: str) -> str:
    """What a page is: cover, blank, or "<title> <x>/<y>" from its footer."""
    if "考场资料袋" in page:
        return "cover"
    if page.split() == ["本页空白"]:
        return "blank"
    title = next(t for t in TITLES if t in page)
    found = re.search(r"第 (\d+) 页 / 共 (\d+) 页", page)
    assert found is not None, page
    return f"{title} {found.group(1)}/{found.group(2)}"


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    result = render_parts([_envelope(room) for room in (*ROOMS, WIDE)], workers=1,
                          fallback_fonts=())
    path = save(tmp_path_factory.mktemp("pack"), merge(result.parts), "pack.pdf")
    return path, [part.pages for part in result.parts]


def test_every_document_starts_on_a_front_page(pack: tuple[Path, list[int]]) -> None:
    path, sizes = pack
    kinds = [_kind(text(path, n, n)) for n in range(1, page_count(path) + 1)]
    # room 001: 30 seats in S1, 27 in S2; the cover and every one-page document get a blank back
    assert kinds[:sizes[0]] == [
        "cover", "blank", "考场门贴 1/1", "blank", "座位表 1/1", "blank",
        *(f"考生签到表 {n}/4" for n in range(1, 5)), *(f"考生签到表 {n}/4" for n in range(1, 5)),
        "考场情况记录单 1/1", "blank", "考场情况记录单 1/1", "blank"]
    # room 002: 33 seats in S1 only: the door list takes 2 pages, the sign-in sheet 5
    assert kinds[sizes[0]:sizes[0] + sizes[1]] == [
        "cover", "blank", "考场门贴 1/2", "考场门贴 2/2", "座位表 1/1", "blank",
        *(f"考生签到表 {n}/5" for n in range(1, 6)), "blank",
        "考场情况记录单 1/1", "blank"]
    # so every envelope, and every document in it, starts on an odd (front) page
    assert all(size % 2 == 0 for size in sizes)
    assert all(n % 2 == 0 for n, kind in enumerate(kinds) if kind == "cover" or " 1/" in kind)
    assert all(n % 2 == 1 for n, kind in enumerate(kinds) if kind == "blank")


def test_the_cover_lists_the_envelope(pack: tuple[Path, list[int]]) -> None:
    path, _ = pack
    cover = text(path, 1, 1)
    for line in ("2024年度社会工作者职业资格考试", "第 001 考场", "考点：01 周口市第一中学考点",
                 "地点：教学楼A座3楼301", "级别：初级",
                 "6月11日 09:00-11:00 社会工作综合能力(初级)"):
        assert line in cover, line
    rows = [line.split() for line in cover.splitlines() if re.match(r"\s*\d+\s+\S", line)]
    assert [row[1] for row in rows] == ["考场门贴", "座位表", "考生签到表", "考生签到表",
                                        "考场情况记录单", "考场情况记录单"]
    assert [row[-1] for row in rows] == ["1", "1", "4", "4", "1", "1"]
    # 12 pages of documents, on 8 sheets of paper; the cover and blank backs not counted
    assert "共 12 页，双面打印 8 张纸（不含本封面）" in cover


def test_every_page_of_an_envelope_is_portrait(pack: tuple[Path, list[int]]) -> None:
    path, sizes = pack
    pages = PdfReader(path).pages
    assert all(page.mediabox.width < page.mediabox.height for page in pages)
    assert all(page.get("/Rotate", 0) == 0 for page in pages)
    # the wide room's seating chart is drawn turned on its portrait page, whole
    chart = text(path, sum(sizes[:2]) + 5, sum(sizes[:2]) + 5)
    assert "座位表" in chart and "第 003 考场" in chart and "考生40" in chart


def test_a_session_of_the_pack_lists_only_it(tmp_path: Path) -> None:
    part = Part("01/001", tuple((kind, (ROOMS[0],)) for kind in ENVELOPE), "S2", duplex=True,
                cover=ROOMS[0])
    path = save(tmp_path, merge(render_parts([part], workers=1, fallback_fonts=()).parts))
    cover = text(path, 1, 1)
    assert "14:00-16:00 社会工作实务(初级)" in cover and "09:00-11:00" not in cover
    assert "共 7 页" in cover  # door list 1, seating chart 1, sign-in 4, record 1


def test_font_subsets_that_differ_have_different_names(tmp_path: Path) -> None:
    # three envelopes, three batches: each batch embeds its own subsets of Noto Sans SC
    result = render_parts([_envelope(room) for room in (*ROOMS, WIDE)], workers=1,
                          fallback_fonts=())
    assert len({id(part.source) for part in result.parts}) == 3
    reader = PdfReader(save(tmp_path, merge(result.parts)))
    contents: dict[str, set[str]] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            data = font["/FontDescriptor"]["/FontFile2"].get_object().get_data()
            contents.setdefault(str(font["/BaseFont"]), set()).add(
                hashlib.sha256(data).hexdigest())
    assert len(contents) > 3
    assert all(len(found) == 1 for found in contents.values()), contents
    assert all(re.fullmatch(r"/[A-Z]{6}\+NotoSansSC-Regular", name) for name in contents)


def test_an_unchanged_reprint_merges_nothing(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    parts = [_envelope(room) for room in ROOMS]
    first = merge_run(render_parts(parts, cache_folder=cache, workers=1), "pack", cache)

    def merging(*_args: object) -> bytes:
        raise AssertionError("merged again")

    monkeypatch.setattr("reports.batch.merge", merging)
    assert merge_run(render_parts(parts, cache_folder=cache, workers=1), "pack", cache) == first
    # a change in one room merges again, and the file merged before is not kept
    changed = [parts[0], _envelope(WIDE)]
    with pytest.raises(AssertionError, match="merged again"):
        merge_run(render_parts(changed, cache_folder=cache, workers=1), "pack", cache)
    monkeypatch.undo()
    again = merge_run(render_parts(changed, cache_folder=cache, workers=1), "pack", cache)
    assert again != first and len(list(cache.glob("merged-*.pdf"))) == 1
