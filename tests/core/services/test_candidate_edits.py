"""Adding, changing and deleting a candidate by hand: the import's rules (ID number, gender,
level, subjects, phone), a duplicate refused at its field, a seated candidate's level and
deletion refused, only the candidate touched, audited with before and after."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from examdesk.enums import CandidateStatus, Gender
from examdesk.errors import BadInput
from examdesk.idcard import with_check_character
from examdesk.model import AuditEvent, Candidate
from examdesk.services.candidate_edits import (
    delete_candidate,
    edit_candidate,
    edit_candidate_phone,
    new_candidate,
)
from examdesk.services.exams import resolve_exam
from examdesk.services.rows.candidates import candidate_rows
from examdesk.services.seat_changes import withdraw_candidate

# a woman born on 1990-03-07 in Zhoukou (sequence 002: even)
NEW_ID = with_check_character("41160219900307002")


def rows(db):
    with db.begin() as session:
        exam = resolve_exam(session)
        return exam, candidate_rows(session, exam)


def counts(db) -> tuple[int, int]:
    with db.begin() as session:
        return (session.scalar(select(func.count()).select_from(Candidate)) or 0,
                session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def audit_of(db, candidate_id: int) -> list[tuple[str, dict]]:
    with db.begin() as session:
        return [(e.action, e.details) for e in session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "candidate",
                                     AuditEvent.entity_id == str(candidate_id))
            .order_by(AuditEvent.id))]


def test_a_phone_is_stored_in_standard_form_and_only_that_candidate_changes(
        demo_copy, actor) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        before = candidate_rows(session, exam)
    someone = before[5]
    with demo_copy.write("edit") as session:
        changes = edit_candidate_phone(session, actor, exam, someone.candidate_id,
                                       "+86 139-0394-1234")
    assert changes.candidates == {someone.candidate_id}
    with demo_copy.begin() as session:
        after = candidate_rows(session, exam)
        assert session.scalar(select(AuditEvent.action).where(
            AuditEvent.entity_id == str(someone.candidate_id))) == "candidate.edit"
    assert after[5].phone == "13903941234"
    assert after[:5] + after[6:] == before[:5] + before[6:]


def test_a_wrong_number_is_refused_naming_the_field(demo_copy, actor) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        someone = candidate_rows(session, exam)[0]
    with demo_copy.write("edit") as session, pytest.raises(BadInput) as refused:
        edit_candidate_phone(session, actor, exam, someone.candidate_id, "12345")
    assert (refused.value.code, refused.value.fields["field"]) == ("candidate-value", "phone")
    with demo_copy.write("edit") as session, pytest.raises(BadInput) as unknown:
        edit_candidate_phone(session, actor, exam, 10**9, "")
    assert unknown.value.code == "no-candidate"


def test_a_candidate_is_added_as_an_import_row_would_be(demo_copy, actor) -> None:
    exam, before = rows(demo_copy)
    with demo_copy.write("add") as session:
        changes = new_candidate(session, actor, exam, name=" 李晓梅 ", id_number=NEW_ID.lower(),
                                level="初级", subjects="综合能力", work_unit="周口市民政局",
                                phone="0394-8123456")
    (added,) = changes.candidates
    _exam, after = rows(demo_copy)
    row = next(r for r in after if r.candidate_id == added)
    assert (row.name, row.gender, row.id_number, row.level, row.work_unit, row.phone) == (
        "李晓梅", Gender.FEMALE, NEW_ID, "助理社会工作师", "周口市民政局", "0394-8123456")
    assert row.papers_text == "社会工作综合能力(初级)"
    assert row.registration_no.startswith(f"{exam.year}{exam.region_code}")
    assert not row.seated and row.status is CandidateStatus.ACTIVE
    assert len(after) == len(before) + 1
    with demo_copy.begin() as session:
        assert session.get(Candidate, added).birth_date.isoformat() == "1990-03-07"
    ((action, details),) = audit_of(demo_copy, added)
    assert action == "candidate.add" and details["after"]["id_number"] == NEW_ID


def test_blank_subjects_mean_every_paper_of_the_level(demo_copy, actor) -> None:
    exam, _before = rows(demo_copy)
    with demo_copy.write("add") as session:
        (added,) = new_candidate(session, actor, exam, name="王健", id_number=NEW_ID,
                                 level="社会工作师").candidates
    _exam, after = rows(demo_copy)
    row = next(r for r in after if r.candidate_id == added)
    assert row.papers_text.count("、") == 2


@pytest.mark.parametrize(("values", "fields"), [
    ({"id_number": NEW_ID[:-1] + ("0" if NEW_ID[-1] != "0" else "1")}, {"id_number"}),
    ({"id_number": "4116021990030700"}, {"id_number"}),
    ({"id_number": with_check_character("41160219900231002")}, {"id_number"}),
    ({"name": "  "}, {"name"}),
    ({"gender": "男"}, {"gender"}),
    ({"level": "高级"}, {"level"}),
    ({"subjects": "法规与政策"}, {"subjects"}),
    ({"phone": "12345"}, {"phone"}),
    ({"name": "", "level": "高级", "phone": "1"}, {"name", "level", "phone"}),
])
def test_each_bad_value_is_refused_beside_its_field_and_nothing_is_written(
        demo_copy, actor, values, fields) -> None:
    exam, _before = rows(demo_copy)
    before = counts(demo_copy)
    typed = {"name": "李晓梅", "id_number": NEW_ID, "level": "初级", **values}
    with demo_copy.write("add") as session, pytest.raises(BadInput) as refused:
        new_candidate(session, actor, exam, **typed)
    assert refused.value.code == "candidate-value"
    assert set(refused.value.fields["problems"]) == fields
    assert refused.value.fields["field"] in fields
    assert counts(demo_copy) == before


def test_a_taken_id_number_or_registration_number_is_refused_at_the_field(
        demo_copy, actor) -> None:
    exam, before = rows(demo_copy)
    someone = before[3]
    typed = {"name": "李晓梅", "level": "初级"}
    written = counts(demo_copy)
    with demo_copy.write("add") as session, pytest.raises(BadInput) as refused:
        new_candidate(session, actor, exam, id_number=someone.id_number,
                      gender=someone.gender_label, registration_no=someone.registration_no,
                      **typed)
    assert refused.value.code == "candidate-duplicate"
    assert set(refused.value.fields["problems"]) == {"id_number", "registration_no"}
    assert someone.name in str(refused.value)
    assert counts(demo_copy) == written


def test_name_work_unit_phone_and_subjects_change_audited_before_and_after(
        demo_copy, actor) -> None:
    exam, before = rows(demo_copy)
    seated = next(r for r in before if r.seated and r.level == "社会工作师")
    with demo_copy.write("edit") as session:
        changes = edit_candidate(session, actor, exam, seated.candidate_id, name="张 三丰",
                                 level="中级", subjects="实务、法规与政策",
                                 work_unit="川汇区民政局", phone="13903941234")
    assert changes.candidates == {seated.candidate_id}
    _exam, after = rows(demo_copy)
    row = next(r for r in after if r.candidate_id == seated.candidate_id)
    assert (row.name, row.work_unit, row.phone, row.ticket_no) == (
        "张 三丰", "川汇区民政局", "13903941234", seated.ticket_no)
    assert row.papers_text == "社会工作实务(中级)、社会工作法规与政策"
    action, details = audit_of(demo_copy, seated.candidate_id)[-1]
    assert action == "candidate.edit"
    assert details["name"] == [seated.name, "张 三丰"]
    assert details["work_unit"] == [seated.work_unit, "川汇区民政局"]
    assert [r for r in after if r.candidate_id != seated.candidate_id] == \
        [r for r in before if r.candidate_id != seated.candidate_id]


def test_a_seated_candidates_level_does_not_change_an_unseated_ones_does(
        demo_copy, actor) -> None:
    exam, before = rows(demo_copy)
    seated = next(r for r in before if r.seated and r.level == "社会工作师")
    written = counts(demo_copy)
    with demo_copy.write("edit") as session, pytest.raises(BadInput) as refused:
        edit_candidate(session, actor, exam, seated.candidate_id, name=seated.name,
                       level="初级", work_unit=seated.work_unit, phone=seated.phone)
    assert (refused.value.code, refused.value.fields["field"]) == ("candidate-seated", "level")
    assert seated.ticket_no in str(refused.value)
    assert counts(demo_copy) == written
    with demo_copy.write("withdraw") as session:
        withdraw_candidate(session, actor, exam, seated.candidate_id)
    with demo_copy.write("edit") as session:
        edit_candidate(session, actor, exam, seated.candidate_id, name=seated.name,
                       level="初级", work_unit=seated.work_unit, phone=seated.phone)
    _exam, after = rows(demo_copy)
    assert next(r for r in after if r.candidate_id == seated.candidate_id).level == \
        "助理社会工作师"


def test_a_seated_candidate_is_deleted_only_once_withdrawn(demo_copy, actor) -> None:
    exam, before = rows(demo_copy)
    seated = next(r for r in before if r.seated)
    written = counts(demo_copy)
    with demo_copy.write("delete") as session, pytest.raises(BadInput) as refused:
        delete_candidate(session, actor, exam, seated.candidate_id)
    assert refused.value.code == "candidate-seated"
    assert seated.ticket_no in str(refused.value) and "Withdraw" in str(refused.value)
    assert counts(demo_copy) == written
    with demo_copy.write("withdraw") as session:
        withdraw_candidate(session, actor, exam, seated.candidate_id)
    with demo_copy.write("delete") as session:
        changes = delete_candidate(session, actor, exam, seated.candidate_id)
    assert changes.removed == {seated.candidate_id} and not changes.candidates
    _exam, after = rows(demo_copy)
    assert [r.candidate_id for r in after] == \
        [r.candidate_id for r in before if r.candidate_id != seated.candidate_id]
    action, details = audit_of(demo_copy, seated.candidate_id)[-1]
    assert action == "candidate.delete"
    assert details["before"]["id_number"] == seated.id_number
    assert details["before"]["retired_tickets"] == 1
