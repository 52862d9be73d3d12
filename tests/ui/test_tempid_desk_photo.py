"""The temporary ID desk's own photo and sessions, as the officer uses them: a photo from a
file or the camera's newest one shows on the card as 现场照片 and goes with the issue (a bad
file is named beside the photo); the sessions are check boxes, the remaining ones checked;
none checked refuses beside them."""

from __future__ import annotations

import io
import os

from PIL import Image
from PySide6.QtCore import Qt
from sqlalchemy import select

from examdesk.model import TempIdCertificate
from tests.ui.test_tempid_page import (  # noqa: F401 (exam_morning: the fixture)
    MORNING,
    SHOTS,
    exam_morning,
    make_desk,
    seated,
    typed_chinese,
)


def sitting_two(database, skip: int = 0):
    """A candidate of center 01 with two sessions or more on the morning's day."""
    from examdesk.services import tempids
    from examdesk.services.exams import resolve_exam

    with database.begin() as session:
        exam = resolve_exam(session)
        for n in range(200):
            row = seated(database, "01", n)
            hit = tempids.find(session, exam, row.ticket_no, now=MORNING)[0]
            if len(hit.sessions) >= 2:
                if not skip:
                    return row, [s.code for s in hit.sessions]
                skip -= 1
    raise AssertionError("the demo has no such candidate")


def camera_shot(path, color: str = "blue"):
    Image.new("RGB", (900, 1200), color).save(path, "JPEG")
    return path


def find(qtbot, page, ticket: str) -> None:
    page.search.clear()
    with qtbot.waitSignal(page.found, timeout=30_000):
        qtbot.keyClicks(page.search, ticket)


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_photo_from_a_file_and_the_sessions_checked_go_with_the_issue(
        examdesk_app, qtbot, settings, demo_copy, tmp_path):
    window, page, sent = make_desk(qtbot, settings, demo_copy, tmp_path)
    page.center_box.setCurrentIndex(page.center_box.findData("01"))
    (one, codes), two = sitting_two(demo_copy), seated(demo_copy, "01", 7)
    typed_chinese(page.officer, "王警官")
    typed_chinese(page.unit, "周口市公安局川汇分局")
    find(qtbot, page, one.ticket_no)
    boxes = {s.code: box for box, s in page.session_boxes}
    assert list(boxes) == codes and all(b.isChecked() for b in boxes.values())
    first, *others = codes
    # a file that is no picture is named beside the photo; nothing is taken
    bad = tmp_path / "扫描件.png"
    bad.write_bytes(b"not a picture")
    page.choose_photo_file = lambda: bad
    with qtbot.waitSignal(page.photo_taken, timeout=30_000) as taken:
        click(qtbot, page.photo_file_button)
    assert taken.args == [False] and page.photo_mark.isHidden()
    if SHOTS:
        window.grab().save(f"{SHOTS}/tempid_bad_photo.png")
    assert page.photo_note.text() == (
        f"{bad}: 不是可读的 JPEG 或 PNG 图片；请重新拍照，或另存为 JPEG 后再试。")
    # a camera image: shown on the card, marked 现场照片
    page.choose_photo_file = lambda: camera_shot(tmp_path / "IMG_0001.jpg")
    with qtbot.waitSignal(page.photo_taken, timeout=30_000) as taken:
        click(qtbot, page.photo_file_button)
    assert taken.args == [True] and page.photo_mark.isVisible()
    assert page.photo_mark.text() == "现场照片" and page.photo_note.isHidden()
    assert page.photo.pixmap().toImage().pixelColor(60, 80).blue() > 200
    for code in others:  # the certificate covers the first session only
        click(qtbot, boxes[code])
    if SHOTS:
        window.grab().save(f"{SHOTS}/tempid_desk_photo.png")
    # none checked: refused beside the sessions, nothing issued
    click(qtbot, boxes[first])
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.sessions_note.isVisible() and page.sessions_note.text() == "请勾选证明适用的场次。"
    if SHOTS:
        window.grab().save(f"{SHOTS}/tempid_no_session.png")
    click(qtbot, boxes[first])
    assert page.sessions_note.isHidden()
    with qtbot.waitSignal(page.printed, timeout=60_000):
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert [p.name for p in sent] == ["临时身份证明-01-0001.pdf"]
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=30_000)
    assert page.table.item(0, 4).text() == first
    with demo_copy.begin() as session:
        photo = session.scalar(select(TempIdCertificate.photo))
    with Image.open(io.BytesIO(photo)) as kept:
        assert kept.format == "JPEG" and kept.getpixel((150, 200))[2] > 200
    # the photo went with that issue: the next candidate starts without one
    assert page.desk_photo is None and page.photo_mark.isHidden()
    find(qtbot, page, one.ticket_no)
    page.choose_photo_file = lambda: camera_shot(tmp_path / "IMG_0002.jpg")
    with qtbot.waitSignal(page.photo_taken, timeout=30_000):
        click(qtbot, page.photo_file_button)
    find(qtbot, page, two.ticket_no)  # another candidate chosen: the photo is dropped
    assert page.desk_photo is None and page.photo_mark.isHidden()
    qtbot.waitUntil(lambda: not page.context.operations.running())


def test_the_newest_photo_of_the_camera_folder_chosen_once(examdesk_app, qtbot, settings,
                                                          demo_copy, tmp_path):
    _window, page, _sent = make_desk(qtbot, settings, demo_copy, tmp_path)
    page.center_box.setCurrentIndex(page.center_box.findData("01"))
    roll = tmp_path / "Camera Roll"
    roll.mkdir()
    asked: list = []
    page.choose_camera_folder = lambda start: asked.append(start) or roll
    find(qtbot, page, sitting_two(demo_copy, 1)[0].ticket_no)
    with qtbot.waitSignal(page.photo_taken, timeout=30_000) as taken:
        click(qtbot, page.camera_button)
    assert taken.args == [False] and len(asked) == 1
    assert page.photo_note.text() == f"{roll} 中没有 JPEG 或 PNG 照片；请先用相机拍照。"
    older = camera_shot(roll / "WIN_20230611_08_29_01_Pro.jpg", "red")
    newer = camera_shot(roll / "WIN_20230611_08_30_12_Pro.jpg", "blue")
    os.utime(older, (1_686_443_000, 1_686_443_000))
    os.utime(newer, (1_686_443_100, 1_686_443_100))
    (roll / "desktop.ini").write_text("x")
    with qtbot.waitSignal(page.photo_taken, timeout=30_000) as taken:
        click(qtbot, page.camera_button)
    assert taken.args == [True] and len(asked) == 1  # the folder is remembered
    assert page.desk_photo.file == str(newer) and page.photo_mark.isVisible()
    assert settings.value("tempid/camera_folder") == str(roll)
    assert str(roll) in page.camera_button.toolTip()
    # Enter pressed at once after the camera button: the issue waits for the photo
    typed_chinese(page.officer, "王警官")
    typed_chinese(page.unit, "川汇分局")
    find(qtbot, page, seated(demo_copy, "01", 9).ticket_no)
    assert page.desk_photo is None
    with qtbot.waitSignal(page.printed, timeout=60_000):
        click(qtbot, page.camera_button)
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    with demo_copy.begin() as session:
        assert session.execute(select(TempIdCertificate.serial_no,
                                      TempIdCertificate.photo.is_not(None))).all() == [
            ("01-0001", True)]
    qtbot.waitUntil(lambda: not page.context.operations.running())
