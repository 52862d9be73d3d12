"""A candidate's photo read back for the window's details."""

from __future__ import annotations

from examdesk.model import CandidatePhoto
from examdesk.services.exams import resolve_exam
from examdesk.services.photos import candidate_photo
from examdesk.services.rows.candidates import candidate_rows


def test_the_photo_of_a_candidate_and_none_for_the_others(demo_copy) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        first, second = candidate_rows(session, exam)[:2]
        session.add(CandidatePhoto(candidate_id=first.candidate_id, data=b"\xff\xd8jpeg"))
    with demo_copy.begin() as session:
        assert candidate_photo(session, exam, first.candidate_id) == b"\xff\xd8jpeg"
        assert candidate_photo(session, exam, second.candidate_id) is None
        assert candidate_photo(session, exam, 10**9) is None
