"""The exam-day window pieces of the board lane: the notice's phones on the 考试 page, the
热线 tab's call log and the 看板 tab's live board."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_window_areas import loaded_exam_page, retype, settings_of, shown_window


def test_the_exam_page_saves_the_notice_phones_and_refuses_what_is_not_one(
        examdesk_app, qtbot, demo_copy, settings):
    window = shown_window(qtbot, demo_copy, settings)
    window.open_area("exam")
    page = loaded_exam_page(qtbot, window)
    assert page.fields["hotline_phone"].text() == "0394-8238118"
    assert "考生须知" in page.explanation_labels["hotline_phone"].text()
    retype(qtbot, page.fields["hotline_phone"], "ask Li")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    error = page.error_labels["hotline_phone"]
    qtbot.waitUntil(error.isVisible)
    assert "电话号码" in error.text() and "ask Li" in error.text()
    assert settings_of(demo_copy).hotline_phone == "0394-8238118"
    retype(qtbot, page.fields["hotline_phone"], "0394-8238999")
    with qtbot.waitSignals([page.saved, page.loaded], timeout=30_000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert settings_of(demo_copy).hotline_phone == "0394-8238999"


def open_board(qtbot, window):
    from ui.window.pages.examday_board import BoardPage

    window.open_area("examday")
    area = window.pages["examday"]
    assert area.tabs.tabText(0) == "看板"
    page = area.pages["board"]
    assert isinstance(page, BoardPage)
    qtbot.waitUntil(lambda: page.board is not None, timeout=30_000)
    return page


def test_the_board_tab_reads_in_the_background_and_shows_when_it_is_stale(
        examdesk_app, qtbot, demo_copy, settings, monkeypatch, tmp_path):
    from ui.window.pages.examday_board import BoardPage

    monkeypatch.setattr(BoardPage, "interval_ms", 300)
    window = shown_window(qtbot, demo_copy, settings)
    page = open_board(qtbot, window)
    table = page.table
    assert table.item(0, 0).text() == "全考区"
    assert [table.item(row, 0).text().split()[0] for row in range(1, table.rowCount())] == [
        "01", "02", "03", "04", "05"]
    assert page.stale_label.text().startswith("更新于 ") and not page.is_stale()
    assert "开考" in page.times_label.text() and "禁止入场" in page.times_label.text()
    # the district's line adds up the centers'
    expected = [int(table.item(row, 1).text()) for row in range(table.rowCount())]
    assert expected[0] == sum(expected[1:]) > 0
    QApplication.processEvents()
    assert window.grab().save(str(tmp_path / "board.png"))

    # another clerk's mark shows at the next read, without a click
    from sqlalchemy import select

    from examdesk.enums import AttendanceStatus
    from examdesk.model import AttendanceMark, SeatAssignment, User

    board = page.board
    assert board is not None and board.clock is not None
    with demo_copy.write("test") as session:
        from examdesk.model import ExamSession
        sitting = session.scalars(select(ExamSession.id).where(
            ExamSession.code.in_(board.clock.sessions))).first()
        candidate, room = session.execute(
            select(SeatAssignment.candidate_id, SeatAssignment.room_id)).first()
        session.add(AttendanceMark(candidate_id=candidate, session_id=sitting, room_id=room,
                                   status=AttendanceStatus.ABSENT,
                                   marked_by_id=session.scalar(select(User.id))))
    qtbot.waitUntil(lambda: table.item(0, 3).text() != "0", timeout=10_000)

    # a failed read leaves the numbers and says so, in red
    import examdesk.services.board as board_service
    from examdesk.errors import BadInput

    def broken(*_args, **_kwargs):
        raise BadInput("数据库忙")

    with monkeypatch.context() as patched:
        patched.setattr(board_service, "_read", broken)
        with qtbot.waitSignal(page.read_failed, timeout=10_000):
            pass
        assert page.stale_label.text().startswith("读取失败；数据截至 ")
        assert page.stale_label.property("stale")
        assert "b00020" in page.stale_label.styleSheet()
        assert page.stale_label.toolTip() == "数据库忙"
        assert table.item(0, 3).text() != "0"
        QApplication.processEvents()  # the label's new width laid out
        assert window.grab().save(str(tmp_path / "board-stale.png"))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    assert page.stale_label.text().startswith("更新于 ")
    # a read that hangs (a locked database): after three intervals the numbers say their age
    import threading

    release = threading.Event()
    original = board_service._read

    def hanging(*args, **kwargs):
        release.wait(20)
        return original(*args, **kwargs)

    with monkeypatch.context() as patched:
        patched.setattr(board_service, "_read", hanging)
        qtbot.waitUntil(lambda: page.stale_label.text().startswith("未能及时更新；数据截至 "),
                        timeout=10_000)
        assert page.stale_label.property("stale")
        release.set()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: page.stale_label.text().startswith("更新于 "), timeout=10_000)
    # hidden, the board stops reading
    window.open_area("exam")
    assert not page.timer.isActive()


def test_the_hotline_tab_logs_calls_and_lists_the_most_asked_topics(
        examdesk_app, qtbot, demo_copy, settings, tmp_path):
    from ui.window.pages.examday_hotline import HotlinePage

    window = shown_window(qtbot, demo_copy, settings)
    window.open_area("examday")
    area = window.pages["examday"]
    assert [area.tabs.tabText(i) for i in range(area.tabs.count())] == [
        "看板", "临时身份证明", "考勤", "违纪", "事件/医疗", "热线"]
    page = area.tab_page("hotline")
    assert isinstance(page, HotlinePage)
    qtbot.waitUntil(lambda: page.log is not None, timeout=30_000)
    assert page.table.rowCount() == 0
    for number, topic in enumerate(("route", "ticket", "route"), start=1):
        qtbot.keyClicks(page.phone, "13800138000")
        qtbot.keyClicks(page.topic, topic)
        qtbot.keyClicks(page.answer, "bus 2")
        with qtbot.waitSignal(page.logged, timeout=30_000):
            qtbot.mouseClick(page.log_button, Qt.MouseButton.LeftButton)
        # the window's refresh after a change shows it in the log
        qtbot.waitUntil(lambda n=number: page.table.rowCount() == n, timeout=30_000)
    assert page.table.rowCount() == 3 and page.topic.text() == ""
    assert page.topics.item(0).text().split() == ["2", "route"]
    assert page.table.item(0, 5).text()  # who took it
    # a most asked topic, clicked, fills the topic box
    item = page.topics.item(0)
    qtbot.mouseClick(page.topics.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.topics.visualItemRect(item).center())
    assert page.topic.text() == "route"
    # no topic: refused below the form, nothing logged
    page.topic.clear()
    qtbot.mouseClick(page.log_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.error_label.isVisible)
    assert "例如 准考证打印" in page.error_label.text()
    QApplication.processEvents()
    assert window.grab().save(str(tmp_path / "hotline.png"))


def test_the_route_to_a_center_is_edited_in_the_room_form_and_printed_in_its_notice(
        demo_copy, settings, qtbot) -> None:
    from sqlalchemy import select

    from examdesk.model import AuditEvent, TestCenter
    from examdesk.printing.notice import notice_text
    from examdesk.services.exams import resolve_exam
    from examdesk.services.notice import notices
    from tests.ui.test_list_edits import type_into, wait_idle
    from tests.ui.test_list_pages import open_page
    from ui.window.pages.venues import VenuesPage

    page = open_page(VenuesPage, demo_copy, settings, qtbot)
    room = page.table.model.shown()[0]
    page.select(room.room_id)
    assert page.form.inputs["route"].text() == ""
    type_into(qtbot, page, "route", "乘 2 路公交车至技师学院站")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)

    def route() -> str:
        with demo_copy.begin() as session:
            return session.scalar(select(TestCenter.route).where(
                TestCenter.id == room.center_id)) or ""

    qtbot.waitUntil(lambda: route() == "乘 2 路公交车至技师学院站", timeout=20_000)
    wait_idle(page, qtbot)
    with demo_copy.begin() as session:
        assert session.scalar(select(AuditEvent.action).where(
            AuditEvent.action == "center.route")) == "center.route"
        (notice,) = notices(session, resolve_exam(session), center=room.center_code)
    assert "乘车路线：乘 2 路公交车至技师学院站" in notice_text(notice)
