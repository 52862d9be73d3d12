"""The room record and the center summary printed after the session carry the attendance:
the counts and the absentees' tickets; before any mark they print blank fields as before."""

from __future__ import annotations

from examdesk.enums import AttendanceStatus
from examdesk.services import attendance, lookup
from examdesk.services.exams import resolve_exam
from examdesk.services.printing import room_sheets
from examdesk.services.printing_center import center_summaries
from reports.center_summary import render_center_summaries
from reports.room_record import render_room_records
from tests.reports.pdftools import save, squeezed, text


def _record(db, tmp_path, name: str):
    with db.begin() as session:
        exam = resolve_exam(session)
        (room,) = room_sheets(session, exam, center="01", room="01001", photos=False)
        (summary,) = center_summaries(session, exam, center="01")
    record, _ = render_room_records([room], "S2", fallback_fonts=())
    summed, _ = render_center_summaries([summary], fallback_fonts=())
    return (squeezed(text(save(tmp_path, record, f"{name}-record.pdf"))),
            squeezed(text(save(tmp_path, summed, f"{name}-summary.pdf"))), room, summary)


def test_the_record_and_summary_carry_the_marks(demo_copy, actor, tmp_path):
    before, summary_before, room, summary = _record(demo_copy, tmp_path, "before")
    assert room.sessions[0].attendance is None and summary.attendance == ()
    assert "应考人数28实考人数缺考人数" in before and "考勤" not in summary_before
    with demo_copy.write("attendance") as session:
        exam = resolve_exam(session)
        room_id = lookup.find_room(session, exam, "01/01001").one().id
        session_id = lookup.find_session(session, exam, "S2").one().id
        seats = attendance.room_attendance(session, exam, room_id, session_id).seats
        attendance.mark(session, actor, exam, room_id=room_id, session_id=session_id,
                        all_present=True, marks={seats[1].candidate_id: AttendanceStatus.ABSENT,
                                                 seats[4].candidate_id: AttendanceStatus.ABSENT,
                                                 seats[6].candidate_id: AttendanceStatus.LATE})
    after, summary_after, _room, _summary = _record(demo_copy, tmp_path, "after")
    assert "应考人数28实考人数26缺考人数2" in after
    assert squeezed(f"{seats[1].ticket_no} {seats[4].ticket_no}") in after
    assert "迟到入场考生1人" in after
    assert "S21282612" in summary_after  # session, rooms marked, expected, sat, late, absent
    assert f"S2：{seats[1].ticket_no}{seats[4].ticket_no}" in summary_after
