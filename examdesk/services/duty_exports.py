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
from examdesk.exchange.sheets import CellValue
from examdesk.exchange.writer import Column, SheetData
from examdesk.labels import GENDER_LABELS, POST_KIND_LABELS, STAFF_ROLE_LABELS
from examdesk.model import Duty, ExamSession, Post, Room, Staff, TestCenter
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services.audit import Actor
from examdesk.services.duty_data import session_label
from examdesk.services.exams import ExamRef, center_id
from examdesk.services.exports import ExportResult, write_export

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
