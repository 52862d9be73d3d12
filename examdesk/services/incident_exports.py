"""Export the exam day's record: violations, incidents and the medical post's log, one sheet
each (``examdesk export incidents``).

The sheets name candidates (name and ticket, never the ID number), so the export needs the
personal-data permission at every center it covers, like the other exports of people, and
is logged in the audit trail before the workbook is moved into place
(examdesk/services/exports.py).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from examdesk.enums import Signature
from examdesk.exchange.writer import Column, SheetData, write_workbook
from examdesk.labels import local_minute
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef, center_id
from examdesk.services.exports import PERSONAL_DATA, ExportResult, Recorded
from examdesk.services.incidents import STATUS_LABELS, incidents, medical_log
from examdesk.services.scope import visible_centers
from examdesk.services.violations import violations

# Headers are data, in the desks' words (as the other exports).
VIOLATION_COLUMNS = (
    Column("编号", 7), Column("时间", 17), Column("场次", 7, text=True),
    Column("考点编号", 9, text=True), Column("考场号", 9, text=True), Column("座位号", 7),
    Column("准考证号", 17, text=True), Column("姓名", 10), Column("依据", 22),
    Column("违纪违规行为", 50), Column("处理", 40), Column("情况说明", 40),
    Column("监考员", 20), Column("考生签字", 16), Column("记录人", 12),
)
INCIDENT_COLUMNS = (
    Column("编号", 7), Column("时间", 17), Column("类别", 16), Column("场次", 7, text=True),
    Column("考点编号", 9, text=True), Column("考场号", 9, text=True), Column("涉及人员", 24),
    Column("情况", 40), Column("处置", 40), Column("报告人", 12), Column("状态", 7),
    Column("结案时间", 17), Column("结案人", 12),
)
MEDICAL_COLUMNS = (
    Column("编号", 7), Column("时间", 17), Column("考点编号", 9, text=True),
    Column("场次", 7, text=True), Column("就诊人员", 24), Column("症状/处置", 40),
    Column("结果", 30), Column("是否返回考场", 12), Column("记录人", 12),
)

SIGNATURE_WORDS = {Signature.SIGNED: "已签字", Signature.REFUSED: "拒绝签字"}



def signature_text(signature: Signature | None, witness: str) -> str:
    """签字 / 拒绝签字（见证人 X） / "" when not asked yet."""
    if signature is None:
        return ""
    text = SIGNATURE_WORDS[signature]
    return f"{text}（见证人 {witness}）" if signature is Signature.REFUSED else text


def export_incidents(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled, recorded: Recorded | None = None,
) -> ExportResult:
    """Write the exam's violations, incidents and medical log to ``path``.

    Args: as :func:`examdesk.services.exports.export_candidates`.

    Returns:
        The file and the number of lines written (all three sheets).
    """
    only = center_id(session, exam, center)
    visible_centers(actor, exam, only, code=center or "", permission=PERSONAL_DATA)
    kept = (lambda code: True) if center is None else (lambda code: code == center)
    found = [v for v in violations(session, actor, exam) if kept(v.center)]
    events = [i for i in incidents(session, actor, exam) if kept(i.center)]
    visits = [m for m in medical_log(session, actor, exam) if kept(m.center)]
    sheets = [
        SheetData("违纪记录", VIOLATION_COLUMNS, [
            (v.id, local_minute(v.occurred_at), v.session, v.center, v.room, v.seat_no or None,
             v.ticket_no, v.name, f"{v.act.regulation}{v.act.citation}", v.act.wording,
             v.act.consequence, v.description, "、".join(n for n in v.invigilators if n),
             signature_text(v.signature, v.witness), v.recorded_by) for v in found]),
        SheetData("考务事件", INCIDENT_COLUMNS, [
            (i.id, local_minute(i.occurred_at), i.kind_label, i.session, i.center, i.room,
             i.people, i.description, i.action_taken, i.reported_by, STATUS_LABELS[i.status],
             local_minute(i.closed_at), i.closed_by) for i in events]),
        SheetData("医疗记录", MEDICAL_COLUMNS, [
            (m.id, local_minute(m.treated_at), m.center, m.session, m.person, m.complaint,
             m.outcome, "" if m.returned is None else ("是" if m.returned else "否"), m.recorded_by)
            for m in visits]),
    ]
    target = Path(path)

    def before_replace(count: int) -> None:
        if recorded is not None:
            recorded(ExportResult(target, count, "incidents", center, actor))

    count = write_workbook(target, sheets, progress=progress, cancelled=cancelled,
                           before_replace=before_replace)
    return ExportResult(target, count, "incidents", center, actor)
