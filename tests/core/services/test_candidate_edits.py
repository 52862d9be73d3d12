"""Changing a candidate's phone: the import's standard form, a wrong number refused, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from examdesk.errors import BadInput
from examdesk.model import AuditEvent
from examdesk.services.candidate_edits import edit_candidate_phone
from examdesk.services.exams import resolve_exam
from examdesk.services.rows.candidates import candidate_rows


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
