"""The candidates table: each candidate with their level, papers and seat."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

from examdesk.enums import CandidateStatus, Gender, IdType
from examdesk.i18n import translate
from examdesk.labels import ID_TYPE_LABELS
from examdesk.model import (
    Candidate,
    ExamSession,
    Level,
    Room,
    SeatAssignment,
    Subject,
    TestCenter,
    candidate_subjects,
    session_subjects,
)
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef
from examdesk.services.rows.common import NOWHERE, Only, PersonRow, members, raw, room_places
from examdesk.services.scope import (
    limited,
    masked,
    personal_centers,
    shows_personal,
    visible_centers,
)
from examdesk.services.versions import candidate_version


@dataclass(frozen=True, slots=True)
class CandidateRow(PersonRow):
    """One candidate as the candidates table shows them.

    Attributes:
        candidate_id: the candidate's ID.
        registration_no: the registration number (报名序号).
        name: the name.
        gender: the gender.
        id_type: the identity document.
        id_number: its number.
        level_id: the level's ID.
        level: the level's name.
        papers: the papers (subjects) they sit, by name in subject-code order.
        work_unit: the work unit ("" when none).
        phone: the phone ("" when none).
        status: active or withdrawn.
        center_id: the test center they are seated at (None until seated).
        center_code: its code ("" until seated).
        center_name: its name ("" until seated).
        room_id: the room (None until seated).
        room_code: its code ("" until seated).
        seat_no: the seat (None until seated).
        ticket_no: the admission ticket number ("" until seated).
        version: the row's version, handed back with a change (examdesk/services/versions.py).
    """

    candidate_id: int
    registration_no: str
    name: str
    gender: Gender
    id_type: IdType
    id_number: str
    level_id: int
    level: str
    papers: tuple[str, ...]
    work_unit: str
    phone: str
    status: CandidateStatus
    center_id: int | None
    center_code: str
    center_name: str
    room_id: int | None
    room_code: str
    seat_no: int | None
    ticket_no: str
    version: int = 0

    @property
    def id_type_label(self) -> str:
        """The document's name, e.g. 居民身份证."""
        return ID_TYPE_LABELS[self.id_type]

    @property
    def papers_text(self) -> str:
        """The papers joined as forms list them: ``社会工作综合能力(初级)、社会工作实务(初级)``."""
        return "、".join(self.papers)

    @property
    def status_label(self) -> str:
        """Whether they still sit the exam, in the user's language."""
        return status_label(self.status)

    @property
    def seated(self) -> bool:
        """Whether they have a seat."""
        return self.room_id is not None

    @property
    def search_key(self) -> int:
        """The candidate's ID, what the search box answers with."""
        return self.candidate_id

    @property
    def search_fields(self) -> tuple[str, ...]:
        """ID number, ticket, registration number and work unit."""
        return (self.id_number, self.ticket_no, self.registration_no, self.work_unit)


def status_label(status: CandidateStatus) -> str:
    """A candidate's status in the user's language."""
    if status is CandidateStatus.WITHDRAWN:
        return translate("Rows", "withdrawn")
    return translate("Rows", "registered")


def candidate_rows(
    session: Session, exam: ExamRef, *, center_id: int | None = None,
    level_id: int | None = None, room_id: int | None = None,
    status: CandidateStatus | None = None, seated: bool | None = None,
    ids: Collection[int] | None = None, actor: Actor | None = None,
    permission: Permission = Permission.READ,
) -> list[CandidateRow]:
    """The exam's candidates, by test center, room and seat, the unseated by registration.

    Args:
        session: the caller's session.
        exam: the exam.
        center_id: only those seated at this test center.
        level_id: only this level's.
        room_id: only those seated in this room.
        status: only those with this status.
        seated: only the seated (True) or the unseated (False).
        ids: only these candidates (a view refreshing what a change touched).
        actor: who reads: a center desk gets its center's candidates only (the unseated
            belong to no center), a viewer their ID numbers and phones masked (None: all).
        permission: what the reader needs of the centers read (an export of personal data:
            PRINT_PERSONAL).

    Returns:
        The rows, in two queries whatever their number (the candidates, their papers).

    Raises:
        AccessDenied: ``center_id`` is a center the actor may not see.
    """
    return list(iter_candidate_rows(session, exam, center_id=center_id, level_id=level_id,
                                    room_id=room_id, status=status, seated=seated, ids=ids,
                                    actor=actor, permission=permission))


def iter_candidate_rows(
    session: Session, exam: ExamRef, *, center_id: int | None = None,
    level_id: int | None = None, room_id: int | None = None,
    status: CandidateStatus | None = None, seated: bool | None = None,
    ids: Collection[int] | None = None, actor: Actor | None = None,
    permission: Permission = Permission.READ,
) -> Iterator[CandidateRow]:
    """:func:`candidate_rows` one at a time, for an export that streams them."""
    centers = visible_centers(actor, exam, center_id, permission=permission)
    personal = personal_centers(actor, exam)
    only = Only(ids)
    # the seat's room and center, and the level, come from small maps: 100,000 rows read
    # fewer columns (docs/performance.md, "Tables")
    query = (
        select(Candidate.id, Candidate.registration_no, Candidate.name, raw(Candidate.gender),
               raw(Candidate.id_type), Candidate.id_number, Candidate.level_id,
               Candidate.work_unit, Candidate.phone, raw(Candidate.status),
               SeatAssignment.room_id, SeatAssignment.seat_no, SeatAssignment.ticket_no,
               candidate_version())
        .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
        .outerjoin(Room, Room.id == SeatAssignment.room_id)
        .outerjoin(TestCenter, TestCenter.id == Room.center_id)
        .where(Candidate.exam_id == exam.id)
        .order_by(TestCenter.sort_order, Room.sort_order, SeatAssignment.seat_no,
                  Candidate.registration_no)
    )
    if center_id is not None:
        query = query.where(TestCenter.id == center_id)
    query = limited(query, Room.center_id, centers)
    if level_id is not None:
        query = query.where(Candidate.level_id == level_id)
    if room_id is not None:
        query = query.where(SeatAssignment.room_id == room_id)
    if status is not None:
        query = query.where(Candidate.status == status)
    if seated is not None:
        query = query.where(SeatAssignment.room_id.isnot(None) if seated
                            else SeatAssignment.room_id.is_(None))
    query = only.where(query, Candidate.id)
    places = room_places(session, exam)
    levels = level_names(session, exam)
    sittings = candidate_sittings(session, exam, only)
    for (cid, registration, name, gender, id_type, id_number, level, unit, phone, state, room,
         seat, ticket, version) in session.execute(query):
        if only.keeps(cid):
            place = places[room] if room is not None else NOWHERE
            center = None if room is None else place.center_id
            if not shows_personal(personal, center):
                id_number, phone = masked(id_number), masked(phone)
            yield CandidateRow(
                cid, registration, name, _GENDERS[gender], _ID_TYPES[id_type], id_number,
                level, levels[level], sittings.get(cid, _NONE).papers, unit, phone,
                _STATUSES[state], center, place.center_code, place.center_name, room,
                place.room_code, seat, ticket or "", version)


def level_names(session: Session, exam: ExamRef) -> dict[int, str]:
    """Level ID -> the level's name."""
    return {level_id: name for level_id, name in session.execute(
        select(Level.id, Level.name).where(Level.exam_id == exam.id))}


@dataclass(frozen=True, slots=True)
class Sitting:
    """What a candidate sits: their papers and the sessions they are written in.

    Attributes:
        papers: the subjects by name, in subject-code order.
        session_ids: the sessions of those papers, in time order.
    """

    papers: tuple[str, ...]
    session_ids: tuple[int, ...]


_NONE = Sitting((), ())
_GENDERS = members(Gender)
_ID_TYPES = members(IdType)
_STATUSES = members(CandidateStatus)


def candidate_sittings(session: Session, exam: ExamRef,
                       only: Only | None = None) -> dict[int, Sitting]:
    """Candidate ID -> the papers they sit and the sessions of those papers.

    Args:
        session: the caller's session.
        exam: the exam.
        only: only these candidates' (None: every candidate of the exam).

    Returns:
        One shared :class:`Sitting` per combination of papers: 100,000 candidates sit a
        handful of them, so the rows hold no copies.
    """
    slots: dict[int, list[int]] = {}
    for subject_id, session_id in session.execute(
        select(session_subjects.c.subject_id, ExamSession.id)
        .join(ExamSession, ExamSession.id == session_subjects.c.session_id)
        .where(ExamSession.exam_id == exam.id)
        .order_by(ExamSession.date, ExamSession.start_time, ExamSession.code)
    ):
        slots.setdefault(subject_id, []).append(session_id)
    subjects = {subject_id: (code, name) for subject_id, code, name in session.execute(
        select(Subject.id, Subject.code, Subject.name).join(Level, Level.id == Subject.level_id)
        .where(Level.exam_id == exam.id))}
    # one line per candidate, their subjects' IDs in one text that also keys the shared
    # sittings: half the time of reading the 270,000 pairs of a province one by one
    query = (select(candidate_subjects.c.candidate_id,
                    func.aggregate_strings(cast(candidate_subjects.c.subject_id, String), ","))
             .where(candidate_subjects.c.subject_id.in_(sorted(subjects)))
             .group_by(candidate_subjects.c.candidate_id))
    if only is not None:
        query = only.where(query, candidate_subjects.c.candidate_id)
    order = {sid: n for n, sid in enumerate(dict.fromkeys(
        s for sessions in slots.values() for s in sessions))}
    shared: dict[str, Sitting] = {}
    out: dict[int, Sitting] = {}
    for candidate_id, taken in session.execute(query):
        found = shared.get(taken)
        if found is None:
            key = {int(sid) for sid in taken.split(",")}
            papers = sorted(key, key=lambda sid: subjects[sid][0])
            sessions = {s for subject_id in key for s in slots.get(subject_id, ())}
            found = shared[taken] = Sitting(tuple(subjects[sid][1] for sid in papers),
                                            tuple(sorted(sessions, key=order.__getitem__)))
        out[candidate_id] = found
    return out
