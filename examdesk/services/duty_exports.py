"""Export staff duties as a workbook: who works where, in which session, in which role.

Columns as the issue states them: 考点, 场次, 日期, 时间, 考场/岗位, 角色, 姓名, 性别, 工作单位,
手机.
Lead invigilators are marked ``*`` after their role, as on printed rosters.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from examdesk.enums import DutyKind
from examdesk.exchange.posts import roles_text, supplies_text
from examdesk.exchange.sheets import CellValue
from examdesk.exchange.writer import Column, SheetData
from examdesk.labels import GENDER_LABELS, POST_KIND_LABELS, STAFF_ROLE_LABELS
from examdesk.model import Duty, ExamSession, Post, Room, Staff, TestCenter
from examdesk.planning.post_hours import clock
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services.audit import Actor
from examdesk.services.duties import exam_supplies
from examdesk.services.duty_data import session_label
from examdesk.services.exams import ExamRef, center_id, exam_sessions
from examdesk.services.exports import ExportResult, write_export
from examdesk.services.post_schedule import scheduled_posts, shift_of
from examdesk.services.posts import post_supplies

DUTY_COLUMNS = (
    Column("考点", 22), Column("场次", 22), Column("日期", 11), Column("时间", 12),
    Column("考场/岗位", 24), Column("角色", 14), Column("姓名", 10), Column("性别", 6),
    Column("工作单位", 30), Column("手机", 14, text=True),
)
#: What the 考场/岗位 column says for duties without a room or post.
_PLACES = {DutyKind.INSPECTOR: "巡考", DutyKind.RESERVE: "备用监考"}


def export_duties(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> ExportResult:
    """Write every duty, by center, session and place, to ``path``.

    Args:
        session: the caller's session.
        actor: who exports (the export holds phone numbers: it is logged).
        exam: the exam.
        path: the .xlsx file to write.
        center: a test center's code: only its duties.
        progress: receives (done, total, message).
        cancelled: polled while writing.

    Returns:
        The file and the number of duties written.

    Raises:
        BadInput: no test center has the code ``center``, or the file cannot be written.
    """
    only = center_id(session, exam, center)
    home = aliased(TestCenter)
    query = (
        select(Duty.kind, Duty.role, Duty.is_lead, Duty.floor, TestCenter.name.label("center"),
               ExamSession.name.label("session"), ExamSession.date, ExamSession.start_time,
               ExamSession.end_time, Room.code.label("room"), Post.kind.label("post_kind"),
               Post.place, Staff.name, Staff.gender, Staff.work_unit, Staff.phone)
        .join(Staff, Staff.id == Duty.staff_id)
        .join(ExamSession, ExamSession.id == Duty.session_id)
        .outerjoin(Room, Room.id == Duty.room_id)
        .outerjoin(Post, Post.id == Duty.post_id)
        .outerjoin(TestCenter, TestCenter.id == Duty.center_id)
        .outerjoin(home, home.id == Staff.home_center_id)
        .where(Staff.exam_id == exam.id)
        .order_by(TestCenter.sort_order, ExamSession.date, ExamSession.start_time, Duty.kind,
                  Room.sort_order, Room.code, Duty.floor, Post.id, Duty.is_lead.desc(),
                  Staff.name)
    )
    if only is not None:
        query = query.where(Duty.center_id == only)

    def rows() -> Iterator[Sequence[CellValue | None]]:
        for r in session.execute(query):
            start = r.start_time.strftime("%H:%M")
            when = f"{start}-{r.end_time.strftime('%H:%M')}"
            role = STAFF_ROLE_LABELS[r.role] + ("*" if r.is_lead else "")
            yield (r.center or "", session_label(r.session, r.date.isoformat(),
                                                 r.start_time.hour * 60),
                   r.date.isoformat(), when, _place(r), role, r.name,
                   GENDER_LABELS[r.gender], r.work_unit, r.phone)

    title = "监考安排" if center is None else f"监考安排 {center}"
    return write_export(session, actor, exam, path, "duties", center,
                        SheetData(title, DUTY_COLUMNS, rows()), progress, cancelled)


def _place(row: Any) -> str:  # a result row of the query above
    if row.kind is DutyKind.ROOM:
        return str(row.room)
    if row.kind is DutyKind.ROVING:
        return f"{row.floor}（流动监考）"
    if row.kind is DutyKind.POST:
        label = POST_KIND_LABELS[row.post_kind]
        return f"{label}（{row.place}）" if row.place else label
    return _PLACES.get(row.kind, "")


#: The roster's columns first (as scripts read them), then what `import posts` needs to make
#: the post again: its name, roles and supplies.
POST_COLUMNS = (
    Column("考点", 22), Column("岗位", 18), Column("地点", 22), Column("场次", 22),
    Column("开放时间", 12), Column("需要人数", 9), Column("已安排", 8), Column("人员", 40),
    Column("电话", 14, text=True), Column("名称", 12), Column("人员类别", 16),
    Column("物资", 40), Column("报到时间", 9, text=True),
)
SUPPLY_COLUMNS = (
    Column("考点编号", 9, text=True), Column("考点", 22), Column("岗位", 18), Column("物品", 16),
    Column("数量", 8), Column("单位", 6),
)


def export_posts(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> ExportResult:
    """Write the post roster: each post in each shift with its people and its coverage.

    A post is listed in the shifts it is staffed in (the sessions its center holds), with
    when its people report; a post staffed in none gets one row without a session. The
    workbook reads back with `import posts`.

    Args: as :func:`export_duties`.

    Returns:
        The file and the number of rows written.
    """
    only = center_id(session, exam, center)
    posts = scheduled_posts(session, exam, only=only)
    shifts = shift_of(posts)
    people: dict[tuple[int, int], list[str]] = {}
    for post_id, session_id, name in session.execute(
        select(Duty.post_id, Duty.session_id, Staff.name).join(Staff, Staff.id == Duty.staff_id)
        .where(Staff.exam_id == exam.id, Duty.kind == DutyKind.POST).order_by(Staff.name)
    ):
        shift = shifts.get((post_id or 0, session_id))
        if shift is not None:
            people.setdefault((shift.post_id, shift.session_id), []).append(name)
    labels = {s.id: session_label(s.name, s.date.isoformat(), s.start_time.hour * 60)
              for s in exam_sessions(session, exam)}
    names = dict(session.execute(select(TestCenter.id, TestCenter.name)
                                 .where(TestCenter.exam_id == exam.id)).all())
    supplies = post_supplies(session, [post.id for post in posts])

    def rows() -> Iterator[Sequence[CellValue | None]]:
        for post in posts:
            head = (names[post.center_id], POST_KIND_LABELS[post.kind], post.place)
            tail = (post.phone, post.name, roles_text(post.roles),
                    supplies_text(supplies[post.id]))
            for shift in post.shifts or (None,):
                on = people.get((post.id, shift.session_id), []) if shift else []
                yield (*head, " / ".join(labels[s] for s in shift.sessions) if shift else "",
                       post.hours, post.headcount, len(on), "、".join(on), *tail,
                       clock(shift.report) if shift else "")

    title = "岗位值班表" if center is None else f"岗位值班表 {center}"
    return write_export(session, actor, exam, path, "posts", center,
                        SheetData(title, POST_COLUMNS, rows()), progress, cancelled)


def export_supplies(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
) -> ExportResult:
    """Write the supplies each center's posts need for its busiest day.

    Args: as :func:`export_duties`.

    Returns:
        The file and the number of supply lines written.
    """
    lines = exam_supplies(session, exam, center=center)
    names = {cid: (code, name) for cid, code, name in session.execute(
        select(TestCenter.id, TestCenter.code, TestCenter.name)
        .where(TestCenter.exam_id == exam.id))}
    rows = [(names[line.center_id][0], names[line.center_id][1],
             POST_KIND_LABELS[line.post_kind], line.item, line.quantity, line.unit)
            for line in lines]
    title = "物资清单" if center is None else f"物资清单 {center}"
    return write_export(session, actor, exam, path, "supplies", center,
                        SheetData(title, SUPPLY_COLUMNS, rows), progress, cancelled)
