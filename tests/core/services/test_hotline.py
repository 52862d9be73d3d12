"""The hotline's call log: calls logged and audited, the most asked topics first, the
caller's phone masked for those who may not read personal data, bad input refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from examdesk.enums import UserRole
from examdesk.errors import AccessDenied, BadInput
from examdesk.model import AuditEvent, HotlineCall, TestCenter
from examdesk.services import hotline
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import resolve_exam


def test_calls_are_logged_audited_and_counted_by_topic(demo_copy):
    actor = Actor("hotline-li")
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        for topic in ("准考证打印", " 准考证打印\u3000", "考点路线", "准考证打印"):
            hotline.log_call(session, actor, exam, phone="13800138000", topic=topic,
                             answer="登录报名网站打印")
        last = hotline.log_call(session, actor, exam, phone="", topic="成绩查询",
                                answer="", follow_up="查询后回电")
        assert last.taken_by == "hotline-li" and last.phone == ""
    with demo_copy.begin() as session:
        log = hotline.read_log(session, actor, resolve_exam(session))
        assert log.topics == (("准考证打印", 3), ("成绩查询", 1), ("考点路线", 1))
        assert log.calls[0].topic == "成绩查询"  # newest first
        assert log.open_follow_ups == 1
        assert log.calls[-1].phone == "13800138000"  # an unrestricted reader sees it in full
        events = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "hotline.call")).all()
        assert len(events) == 5 and all(e.actor == "hotline-li" for e in events)
        assert "13800138000" not in str([e.details for e in events])  # masked in the trail


def test_a_reader_without_personal_data_sees_the_phone_masked_and_cannot_log(demo_copy):
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        hotline.log_call(session, Actor("li"), exam, phone="13800138000", topic="路线",
                         answer="")
        center = session.scalars(select(TestCenter.id)).first()
    viewer = Actor("wang", grants=(Grant(UserRole.VIEWER, exam.id),))
    desk = Actor("zhao", grants=(Grant(UserRole.DESK, exam.id, center),))
    with demo_copy.begin() as session:
        call = hotline.read_log(session, viewer, exam).calls[0]
        assert call.phone == "13*******00"
        with pytest.raises(AccessDenied):
            hotline.log_call(session, viewer, exam, phone="", topic="x", answer="")
        # the hotline is the exam center's: one center's desk does not take its calls
        with pytest.raises(AccessDenied):
            hotline.log_call(session, desk, exam, phone="", topic="x", answer="")


@pytest.mark.parametrize(("phone", "topic", "code"), [
    ("13800138000", "  ", "hotline-no-topic"),
    ("13800138000", "长" * 101, "hotline-topic-long"),
    ("call me", "路线", "hotline-bad-phone"),
])
def test_bad_input_is_refused_and_nothing_logged(demo_copy, phone, topic, code):
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        with pytest.raises(BadInput) as refused:
            hotline.log_call(session, Actor("li"), exam, phone=phone, topic=topic, answer="")
        assert refused.value.code == code
        assert session.scalars(select(HotlineCall)).all() == []
