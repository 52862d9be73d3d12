"""Adding, changing and deleting candidates by hand (the window's 考生 page), with the
import's rules.

What a clerk types is checked as one row of a candidate list, by the import's own validator
(:mod:`examdesk.services.form_checks`): an ID number is checked as a resident ID
(python-stdnum), the gender and birth date come from it, the level and subjects are matched
with the exam's short forms, a phone is put in its standard form. On top of that:

- a candidate is known by the ID number and by the registration number: a second candidate
  with either is refused at that field (the import would update the first one instead);
- a seated candidate's level does not change: rooms are arranged per level (papers and end
  times differ, /work/shared/domain.md) and the ticket number was issued for that room, so
  the seat would be wrong; the clerk withdraws them first. Their subjects within the level
  may change: a candidate who skips a paper leaves the seat empty in that session;
- a seated candidate is not deleted: the seat and ticket would vanish without a trace;
  withdrawing first frees the seat and retires the ticket number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from examdesk.enums import CandidateStatus
from examdesk.errors import BadInput
from examdesk.exchange.candidates import CandidateRecord, KnownLevel, validate_candidates
from examdesk.exchange.headers import SheetKind
from examdesk.exchange.normalize import phone_text
from examdesk.i18n import translate
from examdesk.labels import GENDER_LABELS, ID_TYPE_LABELS
from examdesk.model import (
    Candidate,
    Level,
    RetiredTicket,
    Room,
    SeatAssignment,
    Subject,
    TestCenter,
    candidate_subjects,
)
from examdesk.services import audit, versions
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef, known_levels
from examdesk.services.form_checks import check_form, refuse


@dataclass(frozen=True)
class CandidateChanges:
    """What a change to candidates changed, so that a view refreshes only that.

    Attributes:
        candidates: the ids of the candidates changed or added.
        removed: the ids of the candidates deleted.
    """

    candidates: frozenset[int]
    removed: frozenset[int] = frozenset()


def _not_found(candidate_id: int) -> BadInput:
    return BadInput(translate("Candidates", "No candidate has the ID {id} in this exam.")
                    .format(id=candidate_id), code="no-candidate", candidate_id=candidate_id)


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
    actor.require(Permission.EDIT_PLAN, exam.id)
    found = session.execute(select(Candidate.id, Candidate.phone, Candidate.name).where(
        Candidate.id == candidate_id, Candidate.exam_id == exam.id)).one_or_none()
    if found is None:
        raise _not_found(candidate_id)
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
                 entity_id=found.id,
                 summary=translate("Audit", "Changed the phone of {name}").format(
                     name=found.name),
                 details={"phone": [found.phone or "", standard]})
    return CandidateChanges(frozenset({found.id}))


def _checked(levels: list[KnownLevel], values: dict[str, Any]) -> CandidateRecord:
    """The form's values as the import reads them; blank subjects: all the level's papers."""
    if not str(values.get("subjects", "")).strip():
        values.pop("subjects", None)  # a list without subjects sits all of its level's
    record, _warnings = check_form(
        SheetKind.CANDIDATES, values,
        lambda raw, header: validate_candidates(raw, header, levels), "candidate-value",
        strict={"phone"})
    return record


def _level_and_papers(session: Session, exam: ExamRef,
                      record: CandidateRecord) -> tuple[int, list[int]]:
    level_id = session.scalar(select(Level.id).where(Level.exam_id == exam.id,
                                                     Level.name == record.level))
    assert level_id is not None  # the validator matched it among the exam's levels
    papers = dict(session.execute(select(Subject.name, Subject.id)
                                  .where(Subject.level_id == level_id)
                                  .order_by(Subject.id)).all())
    chosen = record.subjects or tuple(papers)
    return level_id, [papers[name] for name in chosen]


def _values(record: CandidateRecord, subjects: list[str]) -> dict[str, Any]:
    """A candidate as the audit trail keeps it."""
    return {"name": record.name, "gender": GENDER_LABELS[record.gender],
            "id_type": ID_TYPE_LABELS[record.id_type], "id_number": record.id_number,
            "level": record.level, "subjects": subjects, "work_unit": record.work_unit,
            "phone": record.phone, "registration_no": record.registration_no}


def new_candidate(session: Session, actor: Actor, exam: ExamRef, *, name: str,
                  id_number: str, level: str, subjects: str = "", gender: str = "",
                  id_type: str = "", work_unit: str = "", phone: str = "",
                  registration_no: str = "") -> CandidateChanges:
    """Add a candidate, as a candidate list's row would (not seated: allocation seats them).

    Args:
        session: the caller's session.
        actor: who adds them, for the audit trail.
        exam: the exam.
        name: as on the ID card.
        id_number: the number of the ID document (a resident ID is checked and gives the
            gender and birth date).
        level: the level, by name or short form (初级).
        subjects: the papers, separated by 、 (short forms too); "": all the level's.
        gender: 男 or 女; "": the resident ID's.
        id_type: the document (居民身份证, 护照...); "": a resident ID.
        work_unit, phone: as the import takes them ("": none).
        registration_no: "": numbered as the import numbers it.

    Returns:
        The candidate added.

    Raises:
        BadInput: a value the import refuses (code ``candidate-value``), or an ID number
            or registration number the exam already holds (code ``candidate-duplicate``);
            ``field`` names the first field, ``problems`` every field with its sentence.
            Nothing is written.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    from examdesk.services.imports.candidates import _RegistrationNumbers

    levels = known_levels(session, exam.id)
    record = _checked(levels, {
        "name": name, "gender": gender, "id_type": id_type, "id_number": id_number,
        "level": level, "subjects": subjects, "work_unit": work_unit, "phone": phone,
        "registration_no": registration_no})
    taken: dict[str, str] = {}
    holder = session.scalar(select(Candidate.name).where(
        Candidate.exam_id == exam.id, Candidate.id_number == record.id_number))
    if holder is not None:
        taken["id_number"] = translate(
            "Candidates", "{name} already has this ID number in the exam; a person registers "
                          "once.").format(name=holder)
    if record.registration_no:
        holder = session.scalar(select(Candidate.name).where(
            Candidate.exam_id == exam.id, Candidate.registration_no == record.registration_no))
        if holder is not None:
            taken["registration_no"] = translate(
                "Candidates", "{name} already has this registration number; check it against "
                              "the registration system, or leave it empty to number it.").format(
                name=holder)
    if taken:
        raise refuse("candidate-duplicate", taken)
    number = record.registration_no
    if not number:
        numbers = _RegistrationNumbers(exam, set(session.scalars(
            select(Candidate.registration_no).where(
                Candidate.exam_id == exam.id,
                Candidate.registration_no.startswith(f"{exam.year}{exam.region_code}")))))
        number = numbers.next()
    level_id, papers = _level_and_papers(session, exam, record)
    candidate_id = session.scalar(insert(Candidate).returning(Candidate.id).values(
        exam_id=exam.id, registration_no=number, name=record.name, gender=record.gender,
        id_type=record.id_type, id_number=record.id_number, birth_date=record.birth_date,
        level_id=level_id, work_unit=record.work_unit, phone=record.phone,
        status=CandidateStatus.ACTIVE))
    assert candidate_id is not None
    if papers:
        session.execute(insert(candidate_subjects), [
            {"candidate_id": candidate_id, "subject_id": s} for s in papers])
    shown = _values(record, _subject_names(session, papers))
    shown["registration_no"] = number
    audit.record(session, actor, "candidate.add", exam_id=exam.id, entity="candidate",
                 entity_id=candidate_id,
                 summary=translate("Audit", "Added {name}").format(name=record.name),
                 details={"after": shown})
    return CandidateChanges(frozenset({candidate_id}))


def _subject_names(session: Session, subject_ids: list[int]) -> list[str]:
    if not subject_ids:
        return []
    names = dict(session.execute(select(Subject.id, Subject.name)
                                 .where(Subject.id.in_(subject_ids))).all())
    return [names[s] for s in subject_ids]


@dataclass(frozen=True)
class _Seat:
    center: str
    room: str
    ticket: str


def _seat_of(session: Session, candidate_id: int) -> _Seat | None:
    found = session.execute(
        select(TestCenter.name, Room.code, SeatAssignment.ticket_no)
        .join(Room, Room.id == SeatAssignment.room_id)
        .join(TestCenter, TestCenter.id == Room.center_id)
        .where(SeatAssignment.candidate_id == candidate_id)).one_or_none()
    return None if found is None else _Seat(*found)


def edit_candidate(session: Session, actor: Actor, exam: ExamRef, candidate_id: int, *,
                   name: str, level: str, subjects: str = "", work_unit: str = "",
                   phone: str = "", gender: str | None = None,
                   version: int | None = None) -> CandidateChanges:
    """Change a candidate's name, level, subjects, work unit and phone (and the gender of a
    candidate without a resident ID), with the import's rules.

    The ID number, document and registration number stay: they are who the candidate is.

    Args:
        session: the caller's session.
        actor: who changes it, for the audit trail.
        exam: the exam.
        candidate_id: the candidate.
        name, level, subjects, work_unit, phone: as :func:`new_candidate` takes them.
        gender: 男 or 女; None keeps the stored one.
        version: the candidate's version the form read (None: not compared).

    Returns:
        The candidate (none when nothing changed).

    Raises:
        BadInput: no such candidate (code ``no-candidate``); a value the import refuses
            (code ``candidate-value``); a seated candidate's level (code
            ``candidate-seated``, field ``level``): see the module's docstring. Nothing is
            written.
        EditConflict: someone changed the candidate (or their seat) after the form read
            it (examdesk/services/versions.py).
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    stored = session.execute(
        select(Candidate.id, Candidate.name, Candidate.gender, Candidate.id_type,
               Candidate.id_number, Candidate.level_id, Candidate.work_unit, Candidate.phone,
               Candidate.registration_no, Level.name.label("level"))
        .join(Level, Level.id == Candidate.level_id)
        .where(Candidate.id == candidate_id, Candidate.exam_id == exam.id)).one_or_none()
    if stored is None:
        raise _not_found(candidate_id)
    levels = known_levels(session, exam.id)
    record = _checked(levels, {
        "name": name, "gender": GENDER_LABELS[stored.gender] if gender is None else gender,
        "id_type": ID_TYPE_LABELS[stored.id_type], "id_number": stored.id_number,
        "level": level, "subjects": subjects, "work_unit": work_unit, "phone": phone,
        "registration_no": stored.registration_no})
    level_id, papers = _level_and_papers(session, exam, record)
    old_papers = list(session.scalars(
        select(candidate_subjects.c.subject_id)
        .where(candidate_subjects.c.candidate_id == stored.id)
        .order_by(candidate_subjects.c.subject_id)))
    if level_id != stored.level_id:
        seat = _seat_of(session, stored.id)
        if seat is not None:
            raise refuse("candidate-seated", {"level": translate(
                "Candidates", "{name} sits in room {room} of {center}, arranged for level "
                              "{level}, with ticket {ticket}: a seated candidate's level "
                              "cannot change. Withdraw them first.").format(
                name=stored.name, room=seat.room, center=seat.center, level=stored.level,
                ticket=seat.ticket)}, candidate_id=stored.id)
    old = {"name": stored.name, "gender": GENDER_LABELS[stored.gender],
           "level": stored.level, "subjects": _subject_names(session, old_papers),
           "work_unit": stored.work_unit, "phone": stored.phone}
    new = {"name": record.name, "gender": GENDER_LABELS[record.gender],
           "level": record.level, "subjects": _subject_names(session, sorted(papers)),
           "work_unit": record.work_unit, "phone": record.phone}
    changed = {f: [old[f], new[f]] for f in old if old[f] != new[f]}
    if not changed:
        return CandidateChanges(frozenset())
    versions.check_version(
        session, Candidate, stored.id, version, exam_id=exam.id,
        about=[("candidate", stored.id)], what=stored.name,
        current=versions.described(list(old.values())))
    session.execute(update(Candidate).where(Candidate.id == stored.id).values(
        name=record.name, gender=record.gender, level_id=level_id,
        work_unit=record.work_unit, phone=record.phone))
    if set(papers) != set(old_papers):
        session.execute(delete(candidate_subjects)
                        .where(candidate_subjects.c.candidate_id == stored.id))
        if papers:
            session.execute(insert(candidate_subjects), [
                {"candidate_id": stored.id, "subject_id": s} for s in papers])
    audit.record(session, actor, "candidate.edit", exam_id=exam.id, entity="candidate",
                 entity_id=stored.id,
                 summary=translate("Audit", "Changed {name}: {fields}").format(
                     name=record.name, fields=", ".join(changed)), details=changed)
    return CandidateChanges(frozenset({stored.id}))


def delete_candidate(session: Session, actor: Actor, exam: ExamRef,
                     candidate_id: int, *, version: int | None = None) -> CandidateChanges:
    """Delete a candidate who holds no seat (registered by mistake, or withdrawn).

    A ticket number they held stays retired (never given to anyone else). ``version``: the
    candidate's version the window read (None: not compared).

    Raises:
        BadInput: no such candidate (code ``no-candidate``); they are seated (code
            ``candidate-seated``, with ``room``, ``center`` and ``ticket``): withdraw them
            first. Nothing is written.
        EditConflict: someone changed the candidate after the window read them.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    stored = session.execute(
        select(Candidate.id, Candidate.name, Candidate.id_number, Candidate.registration_no,
               Candidate.status, Level.name.label("level"))
        .join(Level, Level.id == Candidate.level_id)
        .where(Candidate.id == candidate_id, Candidate.exam_id == exam.id)).one_or_none()
    if stored is None:
        raise _not_found(candidate_id)
    versions.check_version(
        session, Candidate, stored.id, version, exam_id=exam.id,
        about=[("candidate", stored.id)], what=stored.name,
        current=versions.described([stored.name, stored.level, str(stored.status)]))
    seat = _seat_of(session, stored.id)
    if seat is not None:
        raise BadInput(translate(
            "Candidates", "{name} sits in room {room} of {center} with ticket {ticket}: a "
                          "seated candidate cannot be deleted. Withdraw them first (the seat "
                          "is freed and the ticket number retired).").format(
            name=stored.name, room=seat.room, center=seat.center, ticket=seat.ticket),
            code="candidate-seated", candidate_id=stored.id, room=seat.room,
            center=seat.center, ticket=seat.ticket)
    retired = session.scalar(select(func.count()).select_from(RetiredTicket).where(
        RetiredTicket.candidate_id == stored.id)) or 0
    session.execute(delete(Candidate).where(Candidate.id == stored.id))
    before: Mapping[str, object] = {
        "name": stored.name, "id_number": stored.id_number,
        "registration_no": stored.registration_no, "level": stored.level,
        "status": str(stored.status), "retired_tickets": retired}
    audit.record(session, actor, "candidate.delete", exam_id=exam.id, entity="candidate",
                 entity_id=stored.id,
                 summary=translate("Audit", "Deleted {name}").format(name=stored.name),
                 details={"before": dict(before)})
    return CandidateChanges(frozenset(), frozenset({stored.id}))
