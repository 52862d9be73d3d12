"""Reads the candidate notice (考生须知) of each test center (examdesk/printing/notice.py).

The notice is public: it holds no personal data, and whoever may read a center's plan may
print or publish its notice.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.enums import IdType, PostKind
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.labels import ID_TYPE_LABELS
from examdesk.model import Exam, Post, Subject, TestCenter
from examdesk.model.exam import session_subjects
from examdesk.printing.notice import NoticeData, NoticeSitting
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef, center_id, exam_sessions
from examdesk.services.post_schedule import held_sessions
from examdesk.services.scope import limited, visible_centers

ROUTE_LENGTH = 500


def set_center_route(session: Session, actor: Actor, exam: ExamRef, center: int,
                     route: str) -> bool:
    """Set how candidates get to a test center, audited; whether it changed.

    Raises:
        BadInput: code ``route-too-long`` (field most): longer than :data:`ROUTE_LENGTH`.
        AccessDenied: the actor may not change the plan.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    route = " ".join(route.split())
    if len(route) > ROUTE_LENGTH:
        raise BadInput(translate(
            "Notice", "A route has at most {most} characters; this one has {length}.").format(
            most=ROUTE_LENGTH, length=len(route)), code="route-too-long", field="route",
            most=ROUTE_LENGTH)
    row = session.get(TestCenter, center)
    if row is None or row.exam_id != exam.id:
        raise BadInput(translate("Notice", "The exam has no such test center."),
                       code="center-not-found")
    if row.route == route:
        return False
    before, row.route = row.route, route
    audit.record(session, actor, "center.route", exam_id=exam.id, entity="test_center",
                 entity_id=row.id,
                 summary=translate("Audit", "Route to center {center}").format(center=row.code),
                 details={"before": before, "after": route})
    return True


def notices(session: Session, exam: ExamRef, *, center: str | None = None,
            actor: Actor | None = None) -> tuple[NoticeData, ...]:
    """The notice of each test center (or of ``center``) the actor may read, in the exam's
    order; a center's sittings are those it holds (a candidate seated there sits a paper),
    or every sitting of the exam before anyone is seated.

    Raises:
        NotFound: no such center.
        AccessDenied: the actor may not read that center.
    """
    only = center_id(session, exam, center)
    seen = visible_centers(actor, exam, only, code=center or "")
    row = session.get(Exam, exam.id)
    assert row is not None
    query = limited(select(TestCenter).where(TestCenter.exam_id == exam.id).order_by(
        TestCenter.sort_order, TestCenter.code), TestCenter.id, seen)
    if only is not None:
        query = query.where(TestCenter.id == only)
    centers = session.scalars(query).all()
    held = held_sessions(session, exam, only)
    sessions = exam_sessions(session, exam)
    papers: defaultdict[int, list[str]] = defaultdict(list)
    for session_id, name in session.execute(
            select(session_subjects.c.session_id, Subject.name)
            .join(Subject, Subject.id == session_subjects.c.subject_id)
            .where(session_subjects.c.session_id.in_([s.id for s in sessions]))
            .order_by(Subject.level_id, Subject.code)):
        papers[session_id].append(name)
    places: dict[tuple[int, PostKind], str] = {}
    for post in session.execute(
            select(Post.center_id, Post.kind, Post.place, Post.name)
            .where(Post.center_id.in_([c.id for c in centers]),
                   Post.kind.in_([PostKind.TEMP_ID_DESK, PostKind.ITEM_STORAGE]))
            .order_by(Post.id)):
        places.setdefault((post.center_id, post.kind), post.place or post.name)
    documents = tuple(ID_TYPE_LABELS.get(IdType(t), t) if t in IdType.__members__.values()
                      else t for t in row.accepted_id_types)
    result = []
    for test_center in centers:
        holds = held.get(test_center.id)
        sittings: defaultdict[tuple[date, time], list[Any]] = defaultdict(list)
        for s in sessions:
            if holds is None or s.id in holds:
                sittings[(s.date, s.start_time)].append(s)
        lines = []
        for (day, start), found in sorted(sittings.items()):
            begin = datetime.combine(day, start)
            lines.append(NoticeSitting.at(
                day, tuple(dict.fromkeys(  # the papers, each once, else the sessions' names
                    name for s in found for name in papers.get(s.id, [s.name or s.code]))),
                (begin - timedelta(minutes=row.admit_before_minutes)).time(), start,
                (begin + timedelta(minutes=row.entry_cutoff_minutes)).time(),
                max(s.end_time for s in found),
                row.entry_cutoff_minutes))
        desk = places.get((test_center.id, PostKind.TEMP_ID_DESK), "")
        result.append(NoticeData(
            exam_name=row.name, center_code=test_center.code, center_name=test_center.name,
            address=test_center.address, route=test_center.route,
            center_phone=test_center.phone, sittings=tuple(lines), id_documents=documents,
            temp_id_place=f"考点公安临时身份证明办理点（{desk}）" if desk
            else "考点公安临时身份证明办理点",
            storage_place=places.get((test_center.id, PostKind.ITEM_STORAGE), ""),
            tech_phone=row.tech_service_phone, hotline=row.hotline_phone,
            early_leave_minutes=row.early_leave_minutes))
    return tuple(result)
