"""Changing a candidate's contact by hand (the window's 考生 page), with the import's rules."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.exchange.normalize import phone_text
from examdesk.i18n import translate
from examdesk.model import Candidate
from examdesk.services import audit
from examdesk.services.audit import Actor
from examdesk.services.exams import ExamRef


@dataclass(frozen=True)
class CandidateChanges:
    """What a change to candidates changed, so that a view refreshes only that.

    Attributes:
        candidates: the ids of the candidates changed.
    """

    candidates: frozenset[int]


def edit_candidate_phone(session: Session, actor: Actor, exam: ExamRef, candidate_id: int,
                         phone: str) -> CandidateChanges:
    """Change a candidate's phone, written in the import's standard form.

    Args:
        session: the caller's session.
        actor: who changes it, for the audit trail.
        exam: the exam.
        candidate_id: the candidate.
        phone: a mobile (11 digits starting with 1), a landline with its area code, or ""
            (none).

    Returns:
        The candidate changed (none when the phone was already this one).

    Raises:
        BadInput: no such candidate (code ``no-candidate``); not a phone number (code
            ``candidate-value``, field ``phone``).
    """
    found = session.execute(select(Candidate.id, Candidate.phone, Candidate.name).where(
        Candidate.id == candidate_id, Candidate.exam_id == exam.id)).one_or_none()
    if found is None:
        raise BadInput(translate("Candidates", "No candidate has the ID {id} in this exam.")
                       .format(id=candidate_id), code="no-candidate", candidate_id=candidate_id)
    standard = phone_text(phone)
    if standard is None:
        raise BadInput(translate(
            "Candidates", "This is not a mobile number (11 digits starting with 1) or a "
                          "landline number with its area code."),
            code="candidate-value", field="phone", value=phone)
    if standard == (found.phone or ""):
        return CandidateChanges(frozenset())
    session.execute(update(Candidate).where(Candidate.id == found.id).values(phone=standard))
    audit.record(session, actor, "candidate.edit", exam_id=exam.id, entity="candidate",
                 entity_id=found.id, summary=f"changed the phone of {found.name}",
                 details={"phone": [found.phone or "", standard]})
    return CandidateChanges(frozenset({found.id}))
