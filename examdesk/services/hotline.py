"""The consultation hotline's call log: each call with the caller's phone, the topic, the
answer given, what is still to be done, and who took it; the most asked topics.

The hotline is the exam center's, not a test center's: logging a call is exam-day work for the
whole exam (:attr:`Permission.EXAM_DAY` without a center). The caller's phone is personal
data: shown in full only to those who may read the whole exam's personal data, masked
otherwise (examdesk/services/scope.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.model import HotlineCall
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef
from examdesk.services.scope import masked

# the longest topic (the column's width); topics are short, so that calls group by them
TOPIC_LENGTH = 100


@dataclass(frozen=True)
class Call:
    """One logged call, as the log shows it.

    Attributes:
        phone: the caller's phone, masked unless the reader may read personal data.
        follow_up: what is still to be done for the caller; empty: nothing.
        taken_by: the user who took the call.
    """

    id: int
    called_at: datetime
    phone: str
    topic: str
    answer: str
    follow_up: str
    taken_by: str

    def as_dict(self) -> dict[str, Any]:
        """The call with plain values, for JSON."""
        return {"id": self.id, "called_at": self.called_at.isoformat(timespec="seconds"),
                "phone": self.phone, "topic": self.topic, "answer": self.answer,
                "follow_up": self.follow_up, "taken_by": self.taken_by}


@dataclass(frozen=True)
class CallLog:
    """The log: calls newest first, and the topics by how often they were asked.

    Attributes:
        topics: ``(topic, calls)``, the most asked first (ties by topic).
        open_follow_ups: calls with something still to be done.
    """

    calls: tuple[Call, ...]
    topics: tuple[tuple[str, int], ...]

    @property
    def open_follow_ups(self) -> int:
        return sum(1 for call in self.calls if call.follow_up)


def _clean(text: str) -> str:
    return " ".join(text.split())


def log_call(session: Session, actor: Actor, exam: ExamRef, *, phone: str, topic: str,
             answer: str, follow_up: str = "", called_at: datetime | None = None) -> Call:
    """Log one call, audited; the topic's spaces are tidied so that calls group by it.

    Raises:
        BadInput: code ``hotline-no-topic`` (no topic), ``hotline-topic-long`` (fields
            topic, most) or ``hotline-bad-phone`` (field phone: not digits, - or spaces).
        AccessDenied: the actor may not do exam-day work for the whole exam.
    """
    actor.require(Permission.EXAM_DAY, exam.id)
    topic, phone = _clean(topic), _clean(phone)
    if not topic:
        raise BadInput(translate("Hotline", "Write the call's topic, e.g. 准考证打印."),
                       code="hotline-no-topic")
    if len(topic) > TOPIC_LENGTH:
        raise BadInput(translate(
            "Hotline", "A topic has at most {most} characters; write the answer's details "
                       "in the answer.").format(most=TOPIC_LENGTH),
            code="hotline-topic-long", topic=topic, most=TOPIC_LENGTH)
    if (phone and not all(c.isdigit() or c in " -+()" for c in phone)) or len(phone) > 40:
        raise BadInput(translate(
            "Hotline", "“{phone}” is not a phone number: write its digits (with - or "
                       "spaces), or leave it empty when the caller did not give one."
        ).format(phone=phone), code="hotline-bad-phone", phone=phone)
    row = HotlineCall(exam_id=exam.id, caller_phone=phone, topic=topic,
                      answer=answer.strip(), follow_up=follow_up.strip(),
                      taken_by=actor.username, taken_by_id=actor.user_id)
    if called_at is not None:
        row.called_at = called_at
    session.add(row)
    session.flush()
    audit.record(session, actor, "hotline.call", exam_id=exam.id, entity="hotline_call",
                 entity_id=row.id,
                 summary=translate("Audit", "Call about {topic}").format(topic=topic),
                 details={"topic": topic, "phone": masked(phone),
                          "follow_up": bool(row.follow_up)})
    return _as_call(row, full=True)


def _as_call(row: HotlineCall, *, full: bool) -> Call:
    return Call(row.id, row.called_at, row.caller_phone if full else masked(row.caller_phone),
                row.topic, row.answer, row.follow_up, row.taken_by)


def read_log(session: Session, actor: Actor, exam: ExamRef, *, limit: int = 500) -> CallLog:
    """The latest calls (newest first, at most ``limit``) and every topic's count.

    Raises:
        AccessDenied: the actor may not read the whole exam.
    """
    actor.require(Permission.READ, exam.id)
    full = actor.may(Permission.READ_PERSONAL, exam.id)
    rows = session.scalars(select(HotlineCall).where(HotlineCall.exam_id == exam.id)
                           .order_by(HotlineCall.called_at.desc(), HotlineCall.id.desc())
                           .limit(limit))
    counted = func.count(HotlineCall.id)
    topics = session.execute(
        select(HotlineCall.topic, counted).where(HotlineCall.exam_id == exam.id)
        .group_by(HotlineCall.topic).order_by(counted.desc(), HotlineCall.topic))
    return CallLog(tuple(_as_call(row, full=full) for row in rows),
                   tuple((topic, count) for topic, count in topics))
