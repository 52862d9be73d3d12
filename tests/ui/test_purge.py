"""`examdesk purge --exam CODE`: after the exam, its ID numbers, phones, photos and cached
sheets go, its statistics stay, and personal values in its audit events are blanked."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from examdesk.errors import BadInput
from examdesk.model import (
    AuditEvent,
    Candidate,
    CandidatePhoto,
    ExamSession,
    HotlineCall,
    Staff,
    StaffRelative,
    TempIdCertificate,
)
from examdesk.services import tempids
from examdesk.services.candidate_edits import edit_candidate_phone
from examdesk.services.exams import resolve_exam
from examdesk.services.hotline import log_call
from examdesk.services.lookup import find_candidate
from examdesk.services.purge import BLANK, purge_exam, purgeable_from
from ui.cli import run

EXAM = "SW2023-ZK"
WHO = "411621196606098081"  # the demo's first candidate
ID_NUMBER = re.compile(r"\d{17}[\dX]")


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def camera_photo() -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (600, 800), "blue").save(buffer, "JPEG")
    return buffer.getvalue()


def personal(db) -> dict[str, int]:
    """How many personal values the exam still holds."""
    with db.begin() as session:
        return {
            "candidate ID numbers": session.scalar(select(func.count()).where(
                ~Candidate.id_number.startswith(BLANK))),
            "staff ID numbers": session.scalar(select(func.count()).where(
                ~Staff.id_number.startswith(BLANK))),
            "phones": session.scalar(select(func.count()).select_from(Candidate).where(
                Candidate.phone != "")) + session.scalar(select(func.count()).select_from(
                    Staff).where(Staff.phone != "")) + session.scalar(select(func.count())
                .select_from(HotlineCall).where(HotlineCall.caller_phone != "")),
            "photos": session.scalar(select(func.count()).select_from(CandidatePhoto)),
            "relatives": session.scalar(select(func.count()).select_from(StaffRelative)),
            "certificate ID numbers": session.scalar(select(func.count()).where(
                TempIdCertificate.id_number != BLANK)),
            "desk photos": session.scalar(select(func.count()).where(
                TempIdCertificate.photo.is_not(None))),
        }


def test_a_closed_exam_is_purged_and_its_statistics_stay(demo_copy, demo_copy_url, capsys,
                                                         tmp_path, print_cache, actor):
    with demo_copy.write("test") as session:  # an event holding a phone before and after
        exam = resolve_exam(session)
        who = find_candidate(session, exam, WHO).one()
        edit_candidate_phone(session, actor, exam, who.id, "13800000000")
        log_call(session, actor, exam, phone="13900000000", topic="准考证",  # a caller too
                 answer="补打准考证")
        tempids.issue(session, actor, exam, who.id, officer="王警官", unit="川汇分局",
                      photo=camera_photo())  # a certificate with the photo the desk took
    assert examdesk(capsys, "--db", demo_copy_url, "print", "signin", "--center", "01",
                    "--out", tmp_path / "out")[0] == 0
    assert any(print_cache.rglob("*.pdf"))
    before = examdesk(capsys, "--db", demo_copy_url, "stats", "--json")[1]
    assert personal(demo_copy)["candidate ID numbers"] > 0
    assert personal(demo_copy)["desk photos"] == 1

    status, out, err = examdesk(capsys, "--db", demo_copy_url, "purge", "--exam", EXAM,
                                "--yes")
    assert status == 0, err
    assert out.startswith(f"Purged exam {EXAM}: the ID numbers and phones of ")
    assert json.loads(examdesk(capsys, "--db", demo_copy_url, "stats", "--json")[1]) == \
        json.loads(before)
    assert personal(demo_copy) == {"candidate ID numbers": 0, "staff ID numbers": 0,
                                   "phones": 0, "photos": 0, "relatives": 0,
                                   "certificate ID numbers": 0, "desk photos": 0}
    assert not any(print_cache.rglob("*.pdf"))  # the cached sheets went too
    with demo_copy.begin() as session:
        events = session.execute(select(AuditEvent.action, AuditEvent.summary,
                                        AuditEvent.details).order_by(AuditEvent.id)).all()
    edit = next(e for e in events if e.action == "candidate.edit")
    assert edit.details == {"phone": [BLANK, BLANK]}
    assert events[-1].action == "exam.purge"
    assert "blanked in" in events[-1].summary and events[-1].details["audit_events_redacted"]
    # the trail exported afterwards holds no ID number
    assert examdesk(capsys, "--db", demo_copy_url, "export", "audit", tmp_path / "a.xlsx")[0] == 0
    from openpyxl import load_workbook

    cells = " ".join(str(c) for row in load_workbook(tmp_path / "a.xlsx").worksheets[0]
                     .iter_rows(values_only=True) for c in row)
    assert not ID_NUMBER.search(cells)
    # printing again works, with placeholders where the numbers were
    assert examdesk(capsys, "--db", demo_copy_url, "print", "signin", "--center", "01",
                    "--out", tmp_path / "again")[0] == 0


def test_an_exam_not_over_is_refused_with_the_day_it_may_be_purged(demo_copy, demo_copy_url,
                                                                   capsys, actor):
    later = date.today() + timedelta(days=30)
    with demo_copy.write("test") as session:
        session.execute(update(ExamSession).values(date=later))
    status, out, err = examdesk(capsys, "--db", demo_copy_url, "purge", "--exam", EXAM,
                                "--yes")
    assert status == 2 and out == ""
    assert err == (f"examdesk: Exam {EXAM} is not over: its last session is on {later}; its "
                   f"personal data may be purged from {later + timedelta(days=1)} on.\n")
    assert personal(demo_copy)["candidate ID numbers"] > 0
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        assert purgeable_from(session, exam) == later + timedelta(days=1)
        with pytest.raises(BadInput) as refused:
            purge_exam(session, actor, exam, today=later)
        assert refused.value.code == "exam-open"
        purge_exam(session, actor, exam, today=later + timedelta(days=1))
    assert personal(demo_copy)["candidate ID numbers"] == 0


def test_a_purge_asks_first(demo_copy, demo_copy_url, capsys, monkeypatch):
    status, _out, err = examdesk(capsys, "--db", demo_copy_url, "purge", "--exam", EXAM)
    assert status == 2 and "add --yes to confirm" in err  # not a terminal: no question
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda question: "n")
    status, out, _err = examdesk(capsys, "--db", demo_copy_url, "purge", "--exam", EXAM)
    assert status == 2 and out == "Nothing was purged.\n"
    assert personal(demo_copy)["candidate ID numbers"] > 0
    monkeypatch.setattr("builtins.input", lambda question: "y")
    assert examdesk(capsys, "--db", demo_copy_url, "purge", "--exam", EXAM)[0] == 0
    assert personal(demo_copy)["candidate ID numbers"] == 0
