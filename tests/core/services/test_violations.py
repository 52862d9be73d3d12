"""Violations coded to 人社部令第31号, incidents and the medical post's log (issue 14): what
a recorder at a test center relies on."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from examdesk.enums import IncidentKind, IncidentStatus, Signature, UserRole
from examdesk.errors import AccessDenied, BadInput
from examdesk.model import (
    AuditEvent,
    Duty,
    ExamSession,
    Room,
    SeatAssignment,
    TestCenter,
    Violation,
)
from examdesk.services import incidents, violations
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import center_id, resolve_exam


def _ticket(session, center: str = "01") -> str:
    """The first ticket of the center in a room invigilated in session S2."""
    return session.scalar(
        select(SeatAssignment.ticket_no).join(Room).join(TestCenter)
        .join(Duty, Duty.room_id == Room.id).join(ExamSession, ExamSession.id == Duty.session_id)
        .where(TestCenter.code == center, ExamSession.code == "S2")
        .order_by(SeatAssignment.ticket_no).limit(1))


def test_the_seeded_acts_follow_articles_6_to_9_of_the_regulation(db) -> None:
    with db.begin() as session:
        acts = {act.code: act for act in violations.acts(session)}
    assert len(acts) == 23
    assert {act.regulation for act in acts.values()} == {"人社部令第31号"}
    assert [code for code in acts if code.startswith("6.")] == [f"6.{i}" for i in range(1, 11)]
    assert "通讯工具" in acts["6.1"].wording
    assert acts["6.1"].consequence == "当次该科目考试成绩无效"
    assert acts["6.1"].citation == "第六条第（一）项"
    assert acts["6.10"].citation == "第六条第（十）项"
    assert "抄袭" in acts["7.1"].wording and "记录期限五年" in acts["7.1"].consequence
    assert "代替" in acts["8.2"].wording and "长期记录" in acts["8.2"].consequence
    assert "责令离开考场" in acts["9.1"].consequence


def test_an_act_is_found_by_its_code_as_people_write_it(db) -> None:
    with db.begin() as session:
        assert violations.find_act(session, "7-5").code == "7.5"
        assert violations.find_act(session, "6（1）").code == "6.1"
        with pytest.raises(BadInput) as unknown:
            violations.find_act(session, "12.1")
    assert unknown.value.code == "violation-act"
    assert "6.1" in str(unknown.value)


def test_a_violation_holds_the_seat_the_invigilators_the_act_and_the_evidence(
        demo_copy, actor, tmp_path: Path) -> None:
    photo = tmp_path / "phone.jpg"
    photo.write_bytes(b"\xff\xd8 a phone under the desk")
    with demo_copy.write("violation") as session:
        exam = resolve_exam(session)
        ticket = _ticket(session)
        row = violations.record_violation(
            session, actor, exam, who=ticket, session_code="S2", act_code="7.5",
            description="考试中使用手机", signature=Signature.REFUSED, witness="李巡考",
            evidence=[photo])
    assert (row.ticket_no, row.center, row.act.code) == (ticket, "01", "7.5")
    assert row.room and row.seat_no > 0
    assert "全部科目" in row.act.consequence
    assert all(row.invigilators), row.invigilators  # the two on duty in the room
    assert row.evidence == ("phone.jpg",)
    assert (row.signature, row.witness, row.recorded_by) == (Signature.REFUSED, "李巡考",
                                                             actor.username)
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        assert violations.evidence_files(session, actor, exam, row.id) == (
            ("phone.jpg", photo.read_bytes()),)
        assert [v.id for v in violations.violations(session, actor, exam)] == [row.id]
        event = session.scalars(select(AuditEvent).where(
            AuditEvent.action == "violation.add")).one()
    assert event.actor == actor.username and event.details["after"]["act"] == "7.5"


def test_a_refusal_without_a_witness_or_an_unknown_act_records_nothing(demo_copy,
                                                                        actor) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        ticket = _ticket(session)
    for options, code in (({"act_code": "7.5", "signature": Signature.REFUSED},
                           "violation-witness"),
                          ({"act_code": "99"}, "violation-act"),
                          ({"act_code": "6.1", "session_code": "S4"}, "violation-session")):
        with demo_copy.write("violation") as session, pytest.raises(BadInput) as refused:
            violations.record_violation(session, actor, exam, who=ticket,
                                        description="x", **{"session_code": "S2", **options})
        assert refused.value.code == code
    with demo_copy.begin() as session:
        assert session.scalar(select(func.count()).select_from(Violation)) == 0


def test_a_desk_records_at_its_own_center_only(demo_copy) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        desk = Actor("desk01", None, (Grant(UserRole.DESK, exam.id,
                                            center_id(session, exam, "01")),))
        other = _ticket(session, "02")
        own = _ticket(session, "01")
        room02 = session.scalar(select(Room.code).join(TestCenter)
                                .where(TestCenter.code == "02").limit(1))
    with demo_copy.write("violation") as session, pytest.raises(AccessDenied):
        violations.record_violation(session, desk, exam, who=other, session_code="S2",
                                    act_code="6.1", description="带手机")
    with demo_copy.write("violation") as session:
        violations.record_violation(session, desk, exam, who=own, session_code="S2",
                                    act_code="6.1", description="带手机")
    with demo_copy.write("incident") as session, pytest.raises(AccessDenied):
        incidents.add_incident(session, desk, exam, kind=IncidentKind.EQUIPMENT,
                               session_code="S2", room=f"02/{room02}", description="停电")
    with demo_copy.write("incident") as session:  # no room named: the desk's own center
        opinion = incidents.add_incident(session, desk, exam, kind=IncidentKind.PUBLIC_OPINION,
                                         session_code="S2", description="网上传言")
        counts = incidents.center_counts(session, desk, exam)
    assert opinion.center == "01" and opinion.room == ""
    assert counts == {"01": incidents.CenterCounts(violations=1, open_incidents=1)}
    viewer = Actor("viewer", None, (Grant(UserRole.VIEWER, exam.id),))
    with demo_copy.write("violation") as session, pytest.raises(AccessDenied) as refused:
        violations.record_violation(session, viewer, exam, who=own, session_code="S2",
                                    act_code="6.1", description="带手机")
    assert "viewer" in str(refused.value)
    with demo_copy.write("medical") as session, pytest.raises(AccessDenied):
        incidents.add_medical_visit(session, viewer, exam, center="01", person="王老师",
                                    complaint="扭伤")


def test_an_incident_is_open_until_closed_and_a_desk_sees_its_centers(demo_copy,
                                                                        actor) -> None:
    with demo_copy.write("incident") as session:
        exam = resolve_exam(session)
        room = session.execute(select(TestCenter.code, Room.code).join(TestCenter)
                               .order_by(TestCenter.code, Room.code).limit(1)).one()
        ticket = _ticket(session)
        power = incidents.add_incident(
            session, actor, exam, kind=incidents.parse_kind("停电"), session_code="S2",
            room=f"{room[0]}/{room[1]}", description="考场停电五分钟", action_taken="启用应急灯")
        ill = incidents.add_incident(session, actor, exam, kind=incidents.parse_kind("医疗"),
                                     session_code="S2", who=ticket, description="考生头晕")
    assert (power.kind, power.status, power.center) == (IncidentKind.EQUIPMENT,
                                                       IncidentStatus.OPEN, room[0])
    assert ill.kind is IncidentKind.MEDICAL and ill.room and ticket in ill.people
    assert power.reported_by == actor.username  # a database without users: no user row
    with demo_copy.write("close") as session:
        closed = incidents.close_incident(session, actor, exam, power.id,
                                          action_taken="恢复供电")
        with pytest.raises(BadInput) as again:
            incidents.close_incident(session, actor, exam, power.id)
    assert closed.status is IncidentStatus.CLOSED and "恢复供电" in closed.action_taken
    assert again.value.code == "incident-closed"
    with demo_copy.begin() as session:
        desk02 = Actor("desk02", None, (Grant(UserRole.DESK, exam.id,
                                              center_id(session, exam, "02")),))
        assert [i.id for i in incidents.incidents(session, actor, exam)] == [power.id, ill.id]
        assert incidents.incidents(session, desk02, exam) == ()


def test_an_unknown_kind_lists_the_kinds(chinese) -> None:
    with pytest.raises(BadInput) as unknown:
        incidents.parse_kind("火灾")
    assert "舆情" in str(unknown.value)
    assert incidents.parse_kind("public_opinion") is IncidentKind.PUBLIC_OPINION


def test_the_medical_post_logs_who_was_treated_and_whether_they_went_back(demo_copy,
                                                                           actor) -> None:
    with demo_copy.write("medical") as session:
        exam = resolve_exam(session)
        ticket = _ticket(session)
        row = incidents.add_medical_visit(session, actor, exam, center="01", who=ticket,
                                          session_code="S2", complaint="低血糖",
                                          outcome="补充糖水后好转", returned=True)
        staff = incidents.add_medical_visit(session, actor, exam, center="01",
                                            person="王老师", complaint="扭伤")
        log = incidents.medical_log(session, actor, exam)
    assert ticket in row.person and row.returned is True and row.session == "S2"
    assert [r.id for r in log] == [row.id, staff.id] and staff.returned is None


def test_a_purge_takes_the_evidence_photos_with_the_candidates_photos(demo_copy, actor,
                                                                     tmp_path: Path) -> None:
    from datetime import date

    from examdesk.model import ViolationEvidence
    from examdesk.services import purge

    photo = tmp_path / "notes.png"
    photo.write_bytes(b"\x89PNG notes")
    with demo_copy.write("violation") as session:
        exam = resolve_exam(session)
        violations.record_violation(session, actor, exam, who=_ticket(session),
                                    session_code="S2", act_code="7.1", description="夹带",
                                    evidence=[photo])
        photos = purge.purge_exam(session, actor, exam, today=date(2099, 1, 1)).photos
        assert session.scalar(select(func.count()).select_from(ViolationEvidence)) == 0
        assert [v.act.code for v in violations.violations(session, actor, exam)] == ["7.1"]
    assert photos >= 1


def test_a_signature_given_later_is_compared_with_the_version_read(demo_copy, actor) -> None:
    from examdesk.errors import EditConflict

    with demo_copy.write("violation") as session:
        exam = resolve_exam(session)
        row = violations.record_violation(session, actor, exam, who=_ticket(session),
                                          session_code="S2", act_code="6.1",
                                          description="带手机")
    with demo_copy.write("sign") as session:
        signed = violations.sign_violation(session, actor, exam, row.id,
                                           signature=Signature.SIGNED, version=row.version)
    assert signed.signature is Signature.SIGNED and signed.version != row.version
    with demo_copy.write("sign") as session, pytest.raises(EditConflict):
        violations.sign_violation(session, actor, exam, row.id, signature=Signature.REFUSED,
                                  witness="李巡考", version=row.version)  # read before
    with demo_copy.write("incident") as session:
        opened = incidents.add_incident(session, actor, exam, kind=IncidentKind.PAPER,
                                        session_code="S2", description="试卷缺页")
        incidents.close_incident(session, actor, exam, opened.id, version=opened.version)
        assert incidents.incident(session, actor, exam, opened.id).version != opened.version


def test_the_room_record_printed_after_lists_the_violation_with_its_article(
        demo_copy, actor, tmp_path: Path) -> None:
    from examdesk.services.printing import room_sheets
    from reports.room_record import render_room_records
    from tests.reports.pdftools import save, text

    with demo_copy.write("violation") as session:
        exam = resolve_exam(session)
        row = violations.record_violation(
            session, actor, exam, who=_ticket(session), session_code="S2", act_code="7.5",
            description="考试中使用手机")
        sheets = room_sheets(session, exam, center="01", room=row.room.split("/")[-1])
    line = f"{row.ticket_no} {row.name} 人社部令第31号第七条第（五）项，见违纪记录第 {row.id} 号"
    morning = text(save(tmp_path, render_room_records(sheets, "S2")[0], "s2.pdf"))
    assert line in " ".join(morning.split())
    afternoon = text(save(tmp_path, render_room_records(sheets, "S3")[0], "s3.pdf"))
    assert row.ticket_no not in afternoon  # recorded in the morning's paper only
def test_the_recorder_names_two_invigilators_on_duty_first_then_the_centers(
        demo_copy, actor) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        ticket = _ticket(session)
        offered = violations.invigilator_choices(session, actor, exam, who=ticket,
                                                 session_code="S2")
    assert offered.room.startswith("01/") and len(offered.on_duty) == 2
    assert [c.on_duty for c in offered.choices[:3]] == [True, True, False]
    assert len({c.id for c in offered.choices}) == len(offered.choices) > 10
    lead, _second = offered.choices[:2]
    other = offered.choices[5]
    for chosen, code in (([lead.id, lead.id], "violation-invigilators"),
                         ([lead.id], "violation-invigilators"),
                         ([lead.id, -1], "staff-not-found")):
        with demo_copy.write("violation") as session, pytest.raises(BadInput) as refused:
            violations.record_violation(session, actor, exam, who=ticket, session_code="S2",
                                        act_code="6.1", description="带手机",
                                        invigilator_ids=chosen)
        assert refused.value.code == code
    with demo_copy.write("violation") as session:
        # as the command line names them: by name (or ID number)
        named = violations.find_invigilators(session, exam, [lead.name, other.name], offered)
        row = violations.record_violation(session, actor, exam, who=ticket, session_code="S2",
                                          act_code="6.1", description="带手机",
                                          invigilator_ids=named)
        with pytest.raises(BadInput) as unknown:
            violations.find_invigilators(session, exam, ["查无此人"], offered)
    assert named == (lead.id, other.id)
    assert row.invigilators == (lead.name, other.name)
    assert unknown.value.code == "staff-not-found" and "查无此人" in str(unknown.value)


def test_with_nobody_on_duty_fewer_than_two_may_be_named(demo_copy, actor) -> None:
    from sqlalchemy import delete

    with demo_copy.write("roster") as session:
        exam = resolve_exam(session)
        ticket = _ticket(session)
        room = session.scalar(select(SeatAssignment.room_id)
                              .where(SeatAssignment.ticket_no == ticket))
        s2 = session.scalar(select(ExamSession.id).where(ExamSession.code == "S2"))
        session.execute(delete(Duty).where(Duty.room_id == room, Duty.session_id == s2))
    with demo_copy.write("violation") as session:
        offered = violations.invigilator_choices(session, actor, exam, who=ticket,
                                                 session_code="S2")
        assert offered.on_duty == () and offered.choices
        assert violations.pair_problem([offered.choices[0].id, None], offered.on_duty) == ""
        row = violations.record_violation(session, actor, exam, who=ticket, session_code="S2",
                                          act_code="6.1", description="带手机",
                                          invigilator_ids=[offered.choices[0].id])
    assert row.invigilators == (offered.choices[0].name, "")
