"""A candidate's photo as stored by the photo import (examdesk/services/imports/photos.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.model import Candidate, CandidatePhoto, Room, SeatAssignment
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef
from examdesk.services.scope import personal_centers, shows_personal


def candidate_photo(session: Session, exam: ExamRef, candidate_id: int, *,
                    actor: Actor | None = None) -> bytes | None:
    """The candidate's photo (JPEG bytes as imported); None when they have none, or when the
    actor may not see personal data (a viewer: masked, as public sheets leave it out).

    Raises:
        AccessDenied: the candidate is seated at a center the actor may not see (or is not
            seated, for an actor limited to some centers).
    """
    if actor is not None and not actor.unrestricted:
        center = session.scalar(select(Room.center_id).join(
            SeatAssignment, SeatAssignment.room_id == Room.id).where(
            SeatAssignment.candidate_id == candidate_id, SeatAssignment.exam_id == exam.id))
        visible = actor.centers(exam.id)
        if visible is not None and center not in visible:
            actor.require(Permission.READ, exam.id, center)
        if not shows_personal(personal_centers(actor, exam), center):
            return None
    return session.scalar(
        select(CandidatePhoto.data).join(Candidate, Candidate.id == CandidatePhoto.candidate_id)
        .where(CandidatePhoto.candidate_id == candidate_id, Candidate.exam_id == exam.id))
