"""临时身份证明: two per page, embedded fonts and photo, the text a PDF reader extracts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from examdesk.printing.common import PrintedSession
from reports.certificate import CertificateData, render_certificates
from tests.reports.pdftools import fonts_all_embedded, image_count, jpeg, page_count, save, text

EXAM = "2023年度社会工作者职业水平考试"
CENTER = "周口市第一高级中学考点"
SESSIONS = (
    PrintedSession("S1", "6月10日", "14:00-16:00", ("社会工作法规与政策",)),
    PrintedSession("S2", "6月11日", "09:00-11:00", ("社会工作综合能力(中级)",)),
    PrintedSession("S4", "6月11日", "14:00-16:30", ("社会工作实务(中级)",)),
)
WITH_PHOTO = CertificateData(
    exam_name=EXAM,
    center_name=CENTER,
    serial_no="ZK-0101-0001",
    name="张三",
    gender="男",
    id_number="41270219900101123X",
    photo=jpeg(),
    ticket_no="22341160101",
    room_code="011",
    sessions=SESSIONS,
    officer_name="李警官",
    police_unit="周口市公安局川汇分局",
    issued_at="2023-06-10 13:32",
)
NO_PHOTO = replace(
    WITH_PHOTO, serial_no="ZK-0101-0002", name="王𠮷", gender="女",
    id_number="412702199203041248", photo=None, ticket_no="12341160215", room_code="",
    sessions=SESSIONS[1:2],
)
BLANK = replace(
    WITH_PHOTO, serial_no="", name="", gender="", id_number="", photo=None, ticket_no="",
    room_code="", sessions=(), officer_name="", police_unit="", issued_at="",
)
CERTIFICATES = [WITH_PHOTO, NO_PHOTO, BLANK]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    pdf, warnings = render_certificates(CERTIFICATES, fallback_fonts=())
    return save(tmp_path_factory.mktemp("cert"), pdf), warnings


def test_two_certificates_per_page(rendered: tuple[Path, list[str]]) -> None:
    assert page_count(rendered[0]) == 2
    assert text(rendered[0], 1, 1).count("临时身份证明") == 2
    assert text(rendered[0], 2, 2).count("临时身份证明") == 1


def test_every_font_is_embedded(rendered: tuple[Path, list[str]]) -> None:
    assert fonts_all_embedded(rendered[0])


def test_photo_is_embedded_once(rendered: tuple[Path, list[str]]) -> None:
    assert image_count(rendered[0]) == 1  # the other two print the 照片 placeholder
    assert text(rendered[0]).count("照片") == 2 + 3  # placeholders + 3 seal notes


def test_text_is_extractable(rendered: tuple[Path, list[str]]) -> None:
    extracted = text(rendered[0])
    for label in (
        "临时身份证明", EXAM, CENTER, "编号：", "姓名", "性别", "身份证号", "准考证号", "考场",
        "考试科目/场次", "签发民警", "所属单位", "签发时间", "有效期", "（照片处加盖骑缝章）",
        "公安机关（盖章）", "兹证明该考生身份属实，本证明仅限本次考试使用。", "第 1 页 / 共 2 页",
    ):
        assert label in extracted, label
    for cert in (WITH_PHOTO, NO_PHOTO):
        for value in (cert.serial_no, cert.id_number, cert.ticket_no, cert.gender,
                      cert.officer_name, cert.police_unit, cert.issued_at):
            assert value in extracted, value
    assert "张三" in extracted and "011" in extracted
    for session in SESSIONS:
        assert session.label in extracted, session.label


def test_blank_form_has_the_frame_and_no_values(rendered: tuple[Path, list[str]]) -> None:
    blank = text(rendered[0], 2, 2)
    assert "编号：________" in blank
    for label in ("姓名", "身份证号", "签发民警", "仅限本次考试使用"):
        assert label in blank
    for value in (WITH_PHOTO.serial_no, WITH_PHOTO.ticket_no, WITH_PHOTO.issued_at, "6月10日"):
        assert value not in blank


def test_blank_serial_blanks_every_candidate_field(tmp_path: Path) -> None:
    # A blank form is printed empty even if the data carries a candidate.
    pdf, _ = render_certificates([replace(WITH_PHOTO, serial_no="")])
    path = save(tmp_path, pdf)
    extracted = text(path)
    for value in (WITH_PHOTO.id_number, WITH_PHOTO.name, WITH_PHOTO.ticket_no):
        assert value not in extracted
    assert image_count(path) == 0


def test_missing_glyph_is_reported_without_fallback(rendered: tuple[Path, list[str]]) -> None:
    assert rendered[1] == ["临时身份证明, ticket 12341160215: 王𠮷: no font has 𠮷 (U+20BB7)"]
