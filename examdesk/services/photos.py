"""A candidate's photo as stored by the photo import (examdesk/services/imports/photos.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.model import Candidate, CandidatePhoto
from examdesk.services.exams import ExamRef


def candidate_photo(session: Session, exam: ExamRef, candidate_id: int) -> bytes | None:
    """The candidate's photo (JPEG bytes as imported); None when they have none."""
    return session.scalar(
        select(CandidatePhoto.data).join(Candidate, Candidate.id == CandidatePhoto.candidate_id)
        .where(CandidatePhoto.candidate_id == candidate_id, Candidate.exam_id == exam.id))
