"""The temporary ID desk: a candidate without an ID card found by what the officer types,
a certificate issued with the center's next serial, never two valid ones, voided with a
reason, every step audited and kept to the desk's center."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from examdesk.enums import UserRole
from examdesk.errors import AccessDenied, BadInput
from examdesk.model import AuditEvent, Candidate, Room, SeatAssignment, TestCenter
from examdesk.search import readings
from examdesk.services import doubtful, tempids
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import resolve_exam
from examdesk.services.printing import room_sheets
from reports.room_record import render_room_records
from reports.sign_in import render_sign_in
from tests.reports.pdftools import save, text

# the demo's second day: S2 (9:00-11:00) and S3/S4 in the afternoon
MORNING = datetime(2023, 6, 11, 8, 30)
NOON = datetime(2023, 6, 11, 12, 0)


def seated(session, center: str | None = None, n: int = 0):
    query = (select(Candidate.id, Candidate.name, Candidate.id_number,
                    Candidate.registration_no, SeatAssignment.ticket_no, TestCenter.code,
                    TestCenter.id)
             .join(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
             .join(Room, Room.id == SeatAssignment.room_id)
             .join(TestCenter, TestCenter.id == Room.center_id).order_by(Candidate.id))
    if center is not None:
        query = query.where(TestCenter.code == center)
    return session.execute(query.offset(n).limit(1)).one()


def test_a_candidate_is_found_by_any_number_its_last_digits_or_the_names_pinyin(demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        someone = seated(session, n=7)
        index = tempids.candidate_index(session, exam)
        for typed in (someone.id_number, someone.id_number[-6:], someone.ticket_no,
                      someone.ticket_no[-5:], someone.registration_no, someone.name):
            hits = tempids.find(session, exam, typed, index=index, now=MORNING)
            assert someone.id in [h.candidate_id for h in hits], typed
        hit = tempids.find(session, exam, someone.ticket_no, now=MORNING)[0]
        assert (hit.center, hit.room != "", hit.seat_no > 0) == (someone.code, True, True)
        assert hit.sessions and all(s.day == MORNING.date() for s in hit.sessions)
        assert hit.other_center == "" and hit.valid_serial == ""
        # pinyin initials of the name find the candidate too
        initials = "".join(readings(c)[0][0] for c in someone.name)
        exact = tempids.find(session, exam, f"{initials} {someone.registration_no[-4:]}",
                             index=index, now=MORNING)
        assert someone.id in [h.candidate_id for h in exact]
        # a desk of another center is told where the candidate sits
        other = session.scalar(select(TestCenter.code).where(TestCenter.code != someone.code)
                               .limit(1))
        hit = tempids.find(session, exam, someone.ticket_no, desk_center=other, now=MORNING)[0]
        assert hit.other_center.startswith(someone.code + " ")
        assert tempids.find(session, exam, "0000000", now=MORNING) == ()


def test_issue_numbers_certificates_per_center_refuses_a_second_and_voids(demo_copy):
    actor = Actor("desk-clerk")
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        first, second = seated(session, "01", 0), seated(session, "01", 1)
        elsewhere = seated(session, "02", 0)
        one = tempids.issue(session, actor, exam, first.id, officer="王警官",
                            unit="周口市公安局川汇分局", now=MORNING)
        two = tempids.issue(session, actor, exam, second.id, officer="王警官",
                            unit="川汇分局", sessions=["s3"], now=MORNING)
        three = tempids.issue(session, actor, exam, elsewhere.id, officer="李警官",
                              unit="川汇分局", now=NOON)
    assert (one.serial, two.serial, three.serial) == ("01-0001", "01-0002", "02-0001")
    assert one.sessions and one.sessions[0] == "S2" and two.sessions == ("S3",)
    assert "S2" not in three.sessions  # the morning session is over at noon
    assert (one.officer, one.unit, one.ticket, one.void) == (
        "王警官", "周口市公安局川汇分局", first.ticket_no, False)
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        with pytest.raises(tempids.CertificateRefused, match="01-0001") as refused:
            tempids.issue(session, actor, exam, first.id, officer="王", unit="分局",
                          now=MORNING)
        assert refused.value.exit_status == 1
        with pytest.raises(BadInput, match="S9"):
            tempids.issue(session, actor, exam, seated(session, "01", 5).id, officer="王",
                          unit="分局", sessions=["S9"], now=MORNING)
        with pytest.raises(BadInput):
            tempids.issue(session, actor, exam, seated(session, "01", 5).id, officer=" ",
                          unit="分局", now=MORNING)
        with pytest.raises(BadInput):
            tempids.void(session, actor, exam, "01-0001", "  ")
        voided = tempids.void(session, actor, exam, "01-0001", "证件已找到")
        assert voided.void and voided.void_reason == "证件已找到"
        with pytest.raises(tempids.CertificateRefused):
            tempids.void(session, actor, exam, "01-0001", "again")
        # once void, the candidate may get a new one: the next number, no gap, no reuse
        again = tempids.issue(session, actor, exam, first.id, officer="王警官", unit="分局",
                              now=MORNING)
        assert again.serial == "01-0003"
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        listed = tempids.certificates(session, exam)
        assert [r.serial for r in listed] == ["01-0001", "01-0002", "01-0003", "02-0001"]
        assert [r.serial for r in tempids.certificates(session, exam, center="02")] == [
            "02-0001"]
        assert set(listed[0].as_json()) == {"serial", "ticket", "id_number", "name", "center",
                                            "issued_at", "officer", "unit", "sessions", "void"}
        actions = session.scalars(select(AuditEvent.action).where(
            AuditEvent.action.like("tempid.%")).order_by(AuditEvent.id)).all()
        assert actions == ["tempid.issue"] * 3 + ["tempid.void", "tempid.issue"]
        hit = tempids.find(session, exam, first.ticket_no, now=MORNING)[0]
        assert hit.valid_serial == "01-0003"


def test_a_desk_issues_only_at_its_own_center_and_sees_no_other_centers_details(demo_copy):
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        mine, theirs = seated(session, "01"), seated(session, "02")
        desk = Actor("desk01", None, (Grant(UserRole.DESK, exam.id, mine[6]),))
        # (other tests' desk01 may have left events in the shared demo this copy came from)
        earlier = session.scalar(select(func.max(AuditEvent.id))) or 0
        with pytest.raises(AccessDenied, match="02"):
            tempids.issue(session, desk, exam, theirs.id, officer="王", unit="分局",
                          now=MORNING)
        hit = tempids.find(session, exam, theirs.ticket_no, actor=desk, desk_center="01",
                           now=MORNING)
        # the candidate is found, told to go to center 02; the rest stays hidden
        assert len(hit) == 1 and not hit[0].visible and hit[0].other_center.startswith("02 ")
        assert (hit[0].room, hit[0].ticket_no, hit[0].sessions) == ("", "", ())
        assert hit[0].id_number != theirs.id_number
        issued = tempids.issue(session, desk, exam, mine.id, officer="王", unit="分局",
                               now=MORNING)
        assert issued.serial == "01-0001"
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.actor == "desk01", AuditEvent.id > earlier)) == 1


def test_the_rooms_sheets_printed_after_the_issue_show_the_certificate(demo_copy, tmp_path):
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        someone = seated(session, "01", 2)
        tempids.issue(session, Actor("desk"), exam, someone.id, officer="王警官",
                      unit="川汇分局", sessions=["S2"], now=MORNING)
        room = session.scalar(select(Room.code).join(SeatAssignment).where(
            SeatAssignment.candidate_id == someone.id))
        sheets = room_sheets(session, exam, center="01", room=room)
    seat = next(s for s in sheets[0].seats if s.ticket_no == someone.ticket_no)
    assert (seat.certificate_in("S2"), seat.certificate_in("S3")) == ("01-0001", "")
    signed = text(save(tmp_path, render_sign_in(sheets, "S2")[0], "signin.pdf"))
    assert "临时身份证明 No. 01-0001" in signed
    record = text(save(tmp_path, render_room_records(sheets, "S2")[0], "record.pdf"))
    assert f"{someone.ticket_no} {someone.name} 临时身份证明 No. 01-0001" in " ".join(
        record.split())
    assert "01-0001" not in text(save(tmp_path, render_room_records(sheets, "S3")[0], "r3.pdf"))


def test_a_doubtful_candidate_is_cleared_by_two_invigilators_or_stays_on_the_list(demo_copy):
    actor = Actor("gate")
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        one, two = seated(session, "01", 0), seated(session, "01", 1)
        first = doubtful.record(session, actor, exam, one.id, "照片与本人差异较大")
        doubtful.record(session, actor, exam, two.id, "证件信息模糊")
        with pytest.raises(doubtful.DoubtRefused):
            doubtful.record(session, actor, exam, one.id, "again")
        with pytest.raises(BadInput):
            doubtful.record(session, actor, exam, seated(session, "01", 3).id, " ")
        assert doubtful.confirm(session, actor, exam, first.id, "监考员甲").cleared is False
        with pytest.raises(BadInput, match="监考员甲"):
            doubtful.confirm(session, actor, exam, first.id, "监考员甲")
        done = doubtful.confirm(session, actor, exam, first.id, "监考员乙")
        assert done.cleared and done.confirmed_by == ("监考员甲", "监考员乙")
        with pytest.raises(doubtful.DoubtRefused):
            doubtful.confirm(session, actor, exam, first.id, "监考员丙")
        desk02 = Actor("desk02", None, (Grant(UserRole.DESK, exam.id, seated(session, "02")[6]),))
        with pytest.raises(AccessDenied):
            doubtful.record(session, desk02, exam, seated(session, "01", 5).id, "x")
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        end_of_day = doubtful.entries(session, exam, center="01", open_only=True)
        assert [(r.name, r.reason) for r in end_of_day] == [(two.name, "证件信息模糊")]
        assert len(doubtful.entries(session, exam)) == 2
        assert doubtful.entries(session, exam, actor=desk02) == ()
        assert session.scalars(select(AuditEvent.action).where(
            AuditEvent.action.like("doubtful.%"))).all() == [
            "doubtful.record", "doubtful.record", "doubtful.confirm", "doubtful.confirm"]
