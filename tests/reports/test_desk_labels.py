"""桌贴: 10 labels a page and a new page per room, embedded fonts, extractable text, masked IDs
only, photos, and QR codes holding exactly the ticket number."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

import reports.desk_labels
from examdesk.printing.common import mask_id
from reports.desk_labels import QR_MIN, QR_SIZE, QUIET, qr_modules, render_desk_labels
from tests.reports.pdftools import (
    fonts_all_embedded,
    image_count,
    page_count,
    poppler,
    save,
    text,
    whole,
)
from tests.reports.test_seating_chart import ROOM_A, ROOM_B, ROOMS, make_room

DPI = 300


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_desk_labels(ROOMS, fallback_fonts=())
    return save(tmp_path_factory.mktemp("labels"), pdf, "labels.pdf"), warnings


def test_ten_labels_a_page_each_room_on_new_pages(rendered: tuple[Path, list[str]]) -> None:
    pdf = rendered[0]
    assert len(ROOM_A.seats) == 28 and len(ROOM_B.seats) == 33
    assert page_count(pdf) == 3 + 4
    last_of_a, first_of_b = text(pdf, 3, 3), text(pdf, 4, 4)
    assert "考生28" in last_of_a and "学生01" not in last_of_a
    assert "第 002 考场" in first_of_b and "学生01" in first_of_b and "学生11" not in first_of_b
    assert "学生33" in text(pdf, 7, 7)


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_text_is_extractable(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    for label in (
        "桌贴", "准考证号", "姓名", "证件号", "考场 001", "考场 002", "第 001 考场", "第一中学考点",
        "教学楼A座3楼301", "2024年度社会工作者职业资格考试", "第 1 页 / 共 7 页",
    ):
        assert label in extracted, label
    for room in ROOMS:
        for seat in room.seats:
            assert seat.ticket_no in extracted
            assert whole(rendered[0], seat.name.replace("𠮷", "")), seat.name


def test_ids_are_masked_never_full(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    for room in ROOMS:
        for seat in room.seats:
            assert mask_id(seat.id_number) in extracted
            assert seat.id_number not in extracted
            assert seat.id_number[:14] not in extracted


def test_photo_embedded_and_placeholders_for_the_rest(rendered: tuple[Path, list[str]]) -> None:
    assert image_count(rendered[0]) >= 1
    assert text(rendered[0], 1, 1).count("照片") == 9  # seat 02 has a photo


def test_missing_glyph_is_the_only_warning(rendered: tuple[Path, list[str]]) -> None:
    assert rendered[1] == [
        "桌贴, room 001, seat 04, ticket 202411000004: 王𠮷: no font has 𠮷 (U+20BB7)"]


def test_the_center_name_is_not_reported_as_a_candidate_s() -> None:
    room = replace(make_room("003", 2, 2, ["张三", "李四", "王五"]), center_name="周口𠮷考点")
    _, warnings = render_desk_labels([room], fallback_fonts=())
    # named once for the room (in the page header and each label's band), never with a seat
    assert warnings == [
        "桌贴, room 003: 桌贴　考点：周口𠮷考点　第 003 考场　地点：教学楼A座3楼301: "
        "no font has 𠮷 (U+20BB7)",
        "桌贴, room 003: 周口𠮷考点: no font has 𠮷 (U+20BB7)"]


def test_very_long_name_prints_whole() -> None:
    name = "阿卜杜热合曼·买买提艾力·吐尔逊·阿不都热依木"
    _, warnings = render_desk_labels([make_room("003", 1, 1, [name])], fallback_fonts=())
    assert warnings == []


def test_qr_modules_encode_exactly_the_ticket() -> None:
    ticket = ROOM_A.seats[0].ticket_no
    widget = QrCodeWidget(ticket, barLevel="M")
    widget.qr.make()
    assert widget.value == ticket
    assert qr_modules(ticket) == tuple(tuple(map(bool, row)) for row in widget.qr.modules)
    assert qr_modules(ticket) != qr_modules(ROOM_A.seats[1].ticket_no)


def _grey(pdf: Path, tmp_path: Path, page: int) -> Image.Image:
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(page), "-l",
         str(page), str(pdf), str(prefix)],
        check=True,
    )
    return Image.open(f"{prefix}.png").convert("L")


def test_each_label_prints_the_qr_of_its_ticket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[tuple[str, float, float, float]] = []
    real = reports.desk_labels.draw_qr

    def spy(canvas: Any, ticket: str, x: float, y: float, size: float = QR_SIZE) -> None:
        drawn.append((ticket, x, y, size))
        real(canvas, ticket, x, y, size)

    monkeypatch.setattr(reports.desk_labels, "draw_qr", spy)
    pdf, _ = render_desk_labels([ROOM_A], fallback_fonts=())
    assert [t for t, *_ in drawn] == [s.ticket_no for s in ROOM_A.seats]
    # 18 mm, or down to 14 mm beside a name that takes two lines
    assert all(QR_MIN - 0.01 < size < QR_SIZE + 0.01 for *_, size in drawn)
    assert sum(abs(size - QR_SIZE) < 0.01 for *_, size in drawn) > len(drawn) / 2

    # Read the modules back from the printed page: centre of each module, dark or light.
    image = _grey(save(tmp_path, pdf), tmp_path, 1)
    scale = DPI / 72
    for ticket, x, y, size in drawn[:10]:
        modules = qr_modules(ticket)
        unit = size / (len(modules) + 2 * QUIET)
        for r in range(-1, len(modules) + 1):  # the quiet zone's first ring is light too
            for c in range(-1, len(modules) + 1):
                px = (x + (c + QUIET + 0.5) * unit) * scale
                py = (A4[1] - (y + size - (r + QUIET + 0.5) * unit)) * scale
                inside = 0 <= r < len(modules) and 0 <= c < len(modules)
                dark = inside and modules[r][c]
                assert (image.getpixel((round(px), round(py))) < 128) == dark, (ticket, r, c)


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg is not installed")
def test_qr_decodes_to_the_ticket(rendered: tuple[Path, list[str]], tmp_path: Path) -> None:
    image = _grey(rendered[0], tmp_path, 1)
    # Crop seat 01's label (top left of ten) so exactly one code is read.
    w, h = image.size
    image.crop((0, 0, w // 2, h // 5 + int(20 * DPI / 72))).save(tmp_path / "label.png")
    out = subprocess.run(
        ["zbarimg", "--raw", "-q", str(tmp_path / "label.png")], capture_output=True, text=True
    )
    assert out.stdout.strip() == ROOM_A.seats[0].ticket_no


def test_each_label_keeps_the_exam_and_the_center_once_cut_out(
    rendered: tuple[Path, list[str]],
) -> None:
    html = poppler("pdftotext", rendered[0], "-bbox", "-f", "1", "-l", "1")
    words = [(float(x0), float(y0), w) for x0, y0, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]+)<', html)]
    mid = A4[0] / 2
    label_h = (A4[1] - 2 * 15 * mm) / 5
    seats = [(x, y) for x, y, w in words if re.fullmatch(r"\d\d", w)]
    assert len(seats) == 10
    for name in (ROOM_A.exam_name, ROOM_A.center_name):
        found = [(x, y) for x, y, w in words if w == name]
        assert len(found) == 10, name  # on every label, not only above the page
        for sx, sy in seats:  # each seat number has them above it, in its own label
            assert any((x < mid) == (sx < mid) and 0 < sy - y < label_h for x, y in found)
