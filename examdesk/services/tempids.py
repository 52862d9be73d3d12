"""The temporary ID desk (临时身份证明): find a candidate without an ID card, issue the police's
certificate, void it, list and export what was issued.

A desk finds a candidate by name (pinyin initials too), ID number or its last six digits,
ticket number or its last five digits, or registration number. A hit shows what the officer
checks: photo, center, room, seat and the day's sessions, and warns when the candidate sits
at another center than the desk's (the hit names it).

A certificate's serial is the center's code and a four-digit number (``01-0001``), counted
per exam and center without gaps: it is taken inside the write (``Database.write``, the
write lock), so desks issuing at once never get the same number, and a voided certificate
keeps its number. A candidate never holds two valid certificates. Issuing and voiding need
``Permission.EXAM_DAY`` at the candidate's center and are audited.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from examdesk.enums import CandidateStatus, CertificateStatus
from examdesk.errors import BadInput, PlanProblem
from examdesk.exchange.normalize import id_number_text
from examdesk.exchange.sheets import CellValue
from examdesk.exchange.writer import Column, SheetData
from examdesk.i18n import translate
from examdesk.labels import GENDER_LABELS, local_minute
from examdesk.model import (
    Candidate,
    ExamSession,
    Room,
    SeatAssignment,
    TempIdCertificate,
    TestCenter,
    User,
    candidate_subjects,
    certificate_sessions,
    session_subjects,
)
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.search import SearchIndex, normalize
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef, center_id
from examdesk.services.exports import ExportResult, Recorded, write_export
from examdesk.services.imports.photos import MIN_SIDE, UnreadableImage, fitted_photo
from examdesk.services.lookup import is_number
from examdesk.services.scope import limited, masked, personal_centers, shows_personal

# How many hits a search returns at most (a desk picks among a few).
MOST_HITS = 20
# Longest officer's name and police unit (the columns' sizes).
_OFFICER_LEN, _UNIT_LEN = 50, 100
# What a photo taken at the desk may be (Pillow's names of the formats).
DESK_PHOTO_FORMATS = frozenset({"JPEG", "PNG"})


@dataclass(frozen=True)
class DaySession:
    """One session of the exam day, as the desk shows it.

    Attributes:
        id: the session's id.
        code: its code (S1...).
        name: its name ("" when none).
        day: its date.
        hours: e.g. ``09:00-11:00``.
        over: whether it has ended (at the time asked).
    """

    id: int
    code: str
    name: str
    day: date
    hours: str
    over: bool

    @property
    def label(self) -> str:
        """``S1 09:00-11:00``."""
        return f"{self.code} {self.hours}"


@dataclass(frozen=True)
class TempIdHit:
    """A candidate found at the desk.

    Attributes:
        candidate_id: the candidate's id.
        name: the name.
        gender: 男 or 女.
        id_number: the ID number (masked unless the actor reads personal data there).
        registration_no: the registration number.
        ticket_no: the ticket number ("" when not seated).
        center: the seat's center code ("" when not seated).
        center_name: that center's name.
        room: the room's code.
        seat_no: the seat (0 when not seated).
        sessions: the candidate's sessions on the exam day, in time order.
        other_center: the center's "code name" when it is not the desk's ("" otherwise).
        valid_serial: the serial of the candidate's valid certificate ("" when none).
        withdrawn: whether the candidate has withdrawn.
        visible: whether the actor may see the candidate's center (otherwise only the name,
            masked ID number and center are given).
    """

    candidate_id: int
    name: str
    gender: str
    id_number: str
    registration_no: str
    ticket_no: str
    center: str
    center_name: str
    room: str
    seat_no: int
    sessions: tuple[DaySession, ...]
    other_center: str
    valid_serial: str
    withdrawn: bool
    visible: bool

    @property
    def remaining(self) -> tuple[DaySession, ...]:
        """The sessions not over yet: what a certificate covers by default."""
        return tuple(s for s in self.sessions if not s.over)


@dataclass(frozen=True)
class CertificateRow:
    """One issued certificate, as the desk's list, the command and the export show it.

    Attributes: as the JSON of ``tempid list`` (serial, ticket, id_number, name, center,
    issued_at, officer, unit, sessions, void), plus the id, room and seat, the void reason
    and who issued it.
    """

    id: int
    serial: str
    ticket: str
    id_number: str
    name: str
    center: str
    room: str
    seat_no: int
    issued_at: datetime
    officer: str
    unit: str
    sessions: tuple[str, ...]
    void: bool
    void_reason: str
    issued_by: str

    def as_json(self) -> dict[str, Any]:
        """The object ``tempid list --json`` prints (a contract for scripts)."""
        return {"serial": self.serial, "ticket": self.ticket, "id_number": self.id_number,
                "name": self.name, "center": self.center,
                "issued_at": self.issued_at.astimezone().isoformat(timespec="seconds"),
                "officer": self.officer, "unit": self.unit, "sessions": list(self.sessions),
                "void": self.void}


class CertificateRefused(PlanProblem):
    """A certificate the plan does not allow: the candidate holds a valid one already
    (code ``tempid-held``, fields ``serial``), or it is void already (``tempid-void``)."""


def exam_day(sessions: Sequence[Any], now: datetime) -> date | None:
    """The day the desk works for: today when the exam sits then, else the exam's next day
    of sessions, else its last (a rehearsal after the exam)."""
    days = sorted({s.date for s in sessions})
    if not days:
        return None
    today = now.date()
    return today if today in days else next((d for d in days if d > today), days[-1])


def _day_sessions(session: Session, exam: ExamRef, candidate_ids: Sequence[int],
                  now: datetime) -> dict[int, tuple[DaySession, ...]]:
    """Each candidate's sessions on the exam day."""
    rows = session.execute(
        select(ExamSession.id, ExamSession.code, ExamSession.name, ExamSession.date,
               ExamSession.start_time, ExamSession.end_time)
        .where(ExamSession.exam_id == exam.id)
        .order_by(ExamSession.date, ExamSession.start_time, ExamSession.code)).all()
    day = exam_day(rows, now)
    found: dict[int, set[int]] = {cid: set() for cid in candidate_ids}
    if candidate_ids:
        for cid, sid in session.execute(
            select(candidate_subjects.c.candidate_id, session_subjects.c.session_id)
            .join(session_subjects,
                  session_subjects.c.subject_id == candidate_subjects.c.subject_id)
            .where(candidate_subjects.c.candidate_id.in_(list(candidate_ids)))
        ):
            found[cid].add(sid)
    today = [DaySession(r.id, r.code, r.name or "", r.date,
                        f"{r.start_time:%H:%M}-{r.end_time:%H:%M}",
                        r.date == now.date() and r.end_time <= now.time())
             for r in rows if r.date == day]
    return {cid: tuple(s for s in today if s.id in ids) for cid, ids in found.items()}


def candidate_index(session: Session, exam: ExamRef) -> SearchIndex[int]:
    """The exam's candidates, searchable by name, pinyin and numbers (built once by a desk:
    every keystroke then searches it without reading the database)."""
    return SearchIndex(
        (cid, name, (id_number, registration, ticket or ""))
        for cid, name, id_number, registration, ticket in session.execute(
            select(Candidate.id, Candidate.name, Candidate.id_number,
                   Candidate.registration_no, SeatAssignment.ticket_no)
            .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
            .where(Candidate.exam_id == exam.id).order_by(Candidate.id)))


def _matching_ids(session: Session, exam: ExamRef, text: str,
                  index: SearchIndex[int] | None) -> list[int]:
    typed = normalize(text).strip()
    if not typed:
        return []
    if is_number(typed):
        key = id_number_text(typed)
        conditions = [Candidate.id_number == key, Candidate.registration_no == key,
                      SeatAssignment.ticket_no == key]
        if len(key) == 6:
            conditions.append(Candidate.id_number.endswith(key))
        if len(key) == 5:
            conditions.append(SeatAssignment.ticket_no.endswith(key))
        ids: list[int] = []
        for condition in conditions:  # exact numbers first, then the last digits
            query = (select(Candidate.id)
                     .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
                     .where(Candidate.exam_id == exam.id, condition).order_by(Candidate.id))
            ids.extend(i for i in session.scalars(query.limit(MOST_HITS)) if i not in ids)
        return ids[:MOST_HITS]
    if index is None:
        index = candidate_index(session, exam)
    return index.find(typed)[:MOST_HITS]


def find(session: Session, exam: ExamRef, text: str, *, actor: Actor | None = None,
         desk_center: str | None = None, index: SearchIndex[int] | None = None,
         now: datetime | None = None) -> tuple[TempIdHit, ...]:
    """The candidates ``text`` names (at most :data:`MOST_HITS`), exact numbers first.

    Args:
        text: a name or its pinyin (initials too), an ID number or its last six digits, a
            ticket number or its last five digits, a registration number.
        actor: who looks: a candidate of a center the actor may not see is still found (the
            desk must tell the candidate where to go) with only the name, masked ID number
            and center.
        desk_center: the desk's center code: a candidate seated elsewhere is flagged.
        index: :func:`candidate_index`, kept by a desk between keystrokes.
        now: the desk's local time (default: now), which tells the sessions that are over.
    """
    now = now or datetime.now()
    ids = _matching_ids(session, exam, text, index)
    if not ids:
        return ()
    rows = {r[0]: r for r in session.execute(
        select(Candidate.id, Candidate.name, Candidate.gender, Candidate.id_number,
               Candidate.registration_no, Candidate.status, SeatAssignment.ticket_no,
               SeatAssignment.seat_no, Room.code, TestCenter.id, TestCenter.code,
               TestCenter.name)
        .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
        .outerjoin(Room, Room.id == SeatAssignment.room_id)
        .outerjoin(TestCenter, TestCenter.id == Room.center_id)
        .where(Candidate.id.in_(ids)))}
    valid = dict(session.execute(
        select(TempIdCertificate.candidate_id, TempIdCertificate.serial_no).where(
            TempIdCertificate.candidate_id.in_(ids),
            TempIdCertificate.status == CertificateStatus.VALID)).all())
    days = _day_sessions(session, exam, ids, now)
    seen = actor.centers(exam.id) if actor is not None else None
    personal = personal_centers(actor, exam)
    hits = []
    for cid in ids:
        (_, name, gender, id_number, registration, status, ticket, seat, room, center,
         code, center_name) = rows[cid]
        visible = seen is None or center in seen
        hits.append(TempIdHit(
            candidate_id=cid, name=name, gender=GENDER_LABELS.get(gender, ""),
            id_number=id_number if visible and shows_personal(personal, center)
            else masked(id_number),
            registration_no=registration if visible else "",
            ticket_no=(ticket or "") if visible else "", center=code or "",
            center_name=center_name or "", room=(room or "") if visible else "",
            seat_no=(seat or 0) if visible else 0,
            sessions=days[cid] if visible else (),
            other_center=f"{code} {center_name}" if (
                desk_center and code and code != desk_center) else "",
            valid_serial=valid.get(cid, "") if visible else "",
            withdrawn=status is CandidateStatus.WITHDRAWN, visible=visible))
    return tuple(hits)


def hit_photo(session: Session, exam: ExamRef, hit: TempIdHit, *,
              actor: Actor | None = None) -> bytes | None:
    """The registration photo of a hit (None when none, or not the actor's to see)."""
    if not hit.visible:
        return None
    from examdesk.services.photos import candidate_photo

    return candidate_photo(session, exam, hit.candidate_id, actor=actor)


def next_serial(session: Session, exam: ExamRef, center: int, code: str) -> str:
    """The center's next serial: one more than the certificates it issued (void ones too).

    Called inside the write that adds the certificate: the write lock keeps two desks
    from taking the same number.
    """
    issued = session.scalar(select(func.count()).select_from(TempIdCertificate).where(
        TempIdCertificate.exam_id == exam.id, TempIdCertificate.center_id == center)) or 0
    return f"{code}-{issued + 1:04d}"


def required_text(value: str, limit: int, what: str, *, desk: str = "tempid") -> str:
    """``value`` with its spaces tidied, given and at most ``limit`` characters long.

    Raises:
        BadInput: empty (code ``<desk>-missing``) or too long (``<desk>-too-long``);
            ``what`` names the field.
    """
    cleaned = " ".join(value.split())
    if not cleaned:
        raise BadInput(translate("TempId", "Give the {what}.").format(what=what),
                       code=f"{desk}-missing", what=what)
    if len(cleaned) > limit:
        raise BadInput(translate("TempId", "The {what} is longer than {limit} characters.")
                       .format(what=what, limit=limit), code=f"{desk}-too-long", what=what)
    return cleaned


def desk_photo(data: bytes, source: str = "") -> bytes:
    """A photo taken at the desk as the certificate keeps it: upright, fitted and JPEG, as
    the photo import stores the registration photos.

    Args:
        data: the image file's bytes.
        source: the file's name, which the error names.

    Raises:
        BadInput: not a JPEG or PNG image that decodes, or too small to print sharp (code
            ``tempid-photo``, fields ``file``).
    """
    where = source or translate("TempId", "The photo")
    try:
        stored, width, height = fitted_photo(data, formats=DESK_PHOTO_FORMATS)
    except UnreadableImage:
        raise BadInput(translate(
            "TempId", "{file}: not a readable JPEG or PNG image; take the photo again or "
                      "save it as JPEG.").format(file=where),
            code="tempid-photo", file=source) from None
    if min(width, height) < MIN_SIDE:
        raise BadInput(translate(
            "TempId", "{file}: the photo is only {width} x {height} pixels and would print "
                      "blurred; take one at least {least} pixels wide and high.").format(
            file=where, width=width, height=height, least=MIN_SIDE),
            code="tempid-photo", file=source)
    return stored


def issue(session: Session, actor: Actor, exam: ExamRef, candidate_id: int, *,
          officer: str, unit: str, sessions: Sequence[str] | None = None,
          photo: bytes | None = None, photo_file: str = "",
          now: datetime | None = None) -> CertificateRow:
    """Issue a certificate to the candidate: the next serial of the candidate's center.

    Args:
        session: a session of ``Database.write`` (the write lock).
        actor: who issues (needs EXAM_DAY at the candidate's center), audited.
        candidate_id: the candidate.
        officer: the issuing police officer's name.
        unit: the officer's police unit.
        sessions: the codes of the sessions it covers (default: the candidate's sessions of
            the exam day not over yet).
        photo: an image file's bytes (JPEG or PNG) taken at the desk, printed instead of the
            registration photo (see :func:`desk_photo`); None: the registration photo.
        photo_file: the image file's name, which an error about it names.
        now: the desk's local time (default: now).

    Raises:
        BadInput: the candidate is not seated or has withdrawn, no officer or unit, a
            session the candidate does not sit that day, no session left, a photo that is
            no JPEG or PNG image.
        AccessDenied: the actor may not do exam-day work at the candidate's center.
        CertificateRefused: the candidate holds a valid certificate (named).
    """
    now = now or datetime.now()
    row = session.execute(
        select(Candidate, SeatAssignment.ticket_no, TestCenter.id, TestCenter.code)
        .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
        .outerjoin(Room, Room.id == SeatAssignment.room_id)
        .outerjoin(TestCenter, TestCenter.id == Room.center_id)
        .where(Candidate.id == candidate_id, Candidate.exam_id == exam.id)).first()
    if row is None or row[2] is None:
        raise BadInput(translate("TempId", "{who} has no seat in exam {exam}: a temporary "
                                           "ID is issued only to a seated candidate.").format(
            who=row[0].name if row else candidate_id, exam=exam.code),
            code="tempid-not-seated", candidate=candidate_id)
    candidate, ticket, center, code = row
    actor.require(Permission.EXAM_DAY, exam.id, center, center_code=code)
    if candidate.status is CandidateStatus.WITHDRAWN:
        raise BadInput(translate("TempId", "{who} has withdrawn from the exam.").format(
            who=candidate.name), code="tempid-withdrawn", candidate=candidate_id)
    officer = required_text(officer, _OFFICER_LEN, translate("TempId", "officer's name"))
    unit = required_text(unit, _UNIT_LEN, translate("TempId", "police unit"))
    stored_photo = None if photo is None else desk_photo(photo, photo_file)
    held = session.execute(select(TempIdCertificate.serial_no, TempIdCertificate.issued_at)
                           .where(TempIdCertificate.candidate_id == candidate_id,
                                  TempIdCertificate.status == CertificateStatus.VALID)).first()
    if held is not None:
        raise CertificateRefused(translate(
            "TempId", "{who} already holds the valid temporary ID {serial} (issued {when}); "
                      "void it first to issue another.").format(
            who=candidate.name, serial=held[0], when=f"{held[1].astimezone():%m-%d %H:%M}"),
            code="tempid-held", serial=held[0])
    day = _day_sessions(session, exam, [candidate_id], now)[candidate_id]
    if sessions is None:
        covered = [s for s in day if not s.over]
    else:
        codes = {s.code.casefold(): s for s in day}
        covered = []
        for typed in sessions:
            found = codes.get(typed.strip().casefold())
            if found is None:
                raise BadInput(translate(
                    "TempId", "{who} sits no session {code} on {day}; their sessions that "
                              "day: {codes}.").format(
                    who=candidate.name, code=typed.strip(), day=_day_text(day, now),
                    codes=", ".join(s.code for s in day) or "-"),
                    code="tempid-session", session=typed.strip())
            if found not in covered:
                covered.append(found)
    if not covered:
        raise BadInput(translate("TempId", "{who} has no session left on {day}.").format(
            who=candidate.name, day=_day_text(day, now)), code="tempid-no-session")
    user_id = actor.user_id
    if user_id is None:
        user_id = session.scalar(select(User.id).where(User.username == actor.username))
    certificate = TempIdCertificate(
        exam_id=exam.id, serial_no=next_serial(session, exam, center, code),
        candidate_id=candidate_id, center_id=center, name=candidate.name,
        gender=candidate.gender, id_number=candidate.id_number, ticket_no=ticket or "",
        officer_name=officer, police_unit=unit, issued_by_id=user_id,
        issued_by=actor.username, status=CertificateStatus.VALID, void_reason="",
        photo=stored_photo)
    certificate.sessions = list(session.scalars(select(ExamSession).where(
        ExamSession.id.in_([s.id for s in covered]))))
    session.add(certificate)
    session.flush()
    audit.record(session, actor, "tempid.issue", exam_id=exam.id,
                 entity="temp_id_certificate", entity_id=certificate.id,
                 summary=translate("Audit", "Issued temporary ID {serial} to {name}").format(
                     serial=certificate.serial_no, name=candidate.name),
                 details={"after": {"serial": certificate.serial_no, "candidate": candidate_id,
                                    "ticket": ticket or "", "officer": officer, "unit": unit,
                                    "sessions": [s.code for s in covered],
                                    # that a photo was taken, never the photo
                                    "desk_photo": stored_photo is not None}})
    return _rows(session, exam, ids=[certificate.id])[0]


def _day_text(day: Sequence[DaySession], now: datetime) -> str:
    when = day[0].day if day else now.date()
    return f"{when.month}月{when.day}日"


def void(session: Session, actor: Actor, exam: ExamRef, serial: str, reason: str
         ) -> CertificateRow:
    """Void the certificate with that serial, saying why (audited).

    Raises:
        BadInput: no such serial, no reason.
        AccessDenied: the actor may not do exam-day work at its center.
        CertificateRefused: it is void already.
    """
    found = _by_serial(session, exam, serial)
    code = session.scalar(select(TestCenter.code).where(TestCenter.id == found.center_id))
    actor.require(Permission.EXAM_DAY, exam.id, found.center_id, center_code=code or "")
    reason = required_text(reason, 500, translate("TempId", "reason"))
    if found.status is CertificateStatus.VOID:
        raise CertificateRefused(translate(
            "TempId", "The temporary ID {serial} is void already ({reason}).").format(
            serial=found.serial_no, reason=found.void_reason), code="tempid-void",
            serial=found.serial_no)
    found.status = CertificateStatus.VOID
    found.void_reason = reason
    audit.record(session, actor, "tempid.void", exam_id=exam.id,
                 entity="temp_id_certificate", entity_id=found.id,
                 summary=translate("Audit", "Voided temporary ID {serial}: {reason}").format(
                     serial=found.serial_no, reason=reason),
                 details={"before": {"status": "valid"},
                          "after": {"status": "void", "reason": reason}})
    session.flush()
    return _rows(session, exam, ids=[found.id])[0]


def serial_text(serial: str) -> str:
    """A serial as stored: half width, trimmed, upper case."""
    return normalize(serial).strip().upper()


def _by_serial(session: Session, exam: ExamRef, serial: str) -> TempIdCertificate:
    typed = serial_text(serial)
    found = session.scalar(select(TempIdCertificate).where(
        TempIdCertificate.exam_id == exam.id, TempIdCertificate.serial_no == typed))
    if found is None:
        raise BadInput(translate("TempId", "Exam {exam} has no temporary ID {serial}.").format(
            exam=exam.code, serial=serial.strip()), code="tempid-not-found",
            serial=serial.strip())
    return found


def certificate_id(session: Session, exam: ExamRef, serial: str) -> tuple[int, str]:
    """The id of the certificate with that serial and its center's code.

    Raises:
        BadInput: no such serial.
    """
    found = _by_serial(session, exam, serial)
    code = session.scalar(select(TestCenter.code).where(TestCenter.id == found.center_id))
    return found.id, code or ""


def certificates(session: Session, exam: ExamRef, *, actor: Actor | None = None,
                 center: str | None = None) -> tuple[CertificateRow, ...]:
    """The certificates issued (void ones too) at the centers the actor sees, in serial
    order; ID numbers masked where the actor may not read personal data.

    Raises:
        BadInput: no such center.
        AccessDenied: a center the actor may not see.
    """
    only = center_id(session, exam, center)
    if only is not None and actor is not None:
        actor.require(Permission.READ, exam.id, only, center_code=center or "")
    return _rows(session, exam, actor=actor, center=only)


def _rows(session: Session, exam: ExamRef, *, actor: Actor | None = None,
          center: int | None = None, ids: Sequence[int] | None = None
          ) -> tuple[CertificateRow, ...]:
    query = (select(TempIdCertificate, TestCenter.code, Room.code, SeatAssignment.seat_no)
             .join(TestCenter, TestCenter.id == TempIdCertificate.center_id)
             .outerjoin(SeatAssignment,
                        SeatAssignment.candidate_id == TempIdCertificate.candidate_id)
             .outerjoin(Room, Room.id == SeatAssignment.room_id)
             .where(TempIdCertificate.exam_id == exam.id)
             .order_by(TestCenter.sort_order, TestCenter.code, TempIdCertificate.serial_no))
    if center is not None:
        query = query.where(TempIdCertificate.center_id == center)
    if ids is not None:
        query = query.where(TempIdCertificate.id.in_(list(ids)))
    if actor is not None:
        query = limited(query, TempIdCertificate.center_id, actor.centers(exam.id))
    personal = personal_centers(actor, exam)
    found = session.execute(query).all()
    covered: dict[int, list[tuple[Any, str]]] = {c.id: [] for c, *_ in found}
    if covered:
        for cid, start, code in session.execute(
            select(certificate_sessions.c.certificate_id, ExamSession.date, ExamSession.code)
            .join(ExamSession, ExamSession.id == certificate_sessions.c.session_id)
            .where(certificate_sessions.c.certificate_id.in_(list(covered)))
        ):
            covered[cid].append((start, code))
    return tuple(CertificateRow(
        id=c.id, serial=c.serial_no, ticket=c.ticket_no,
        id_number=c.id_number if shows_personal(personal, c.center_id) else masked(c.id_number),
        name=c.name, center=code, room=room or "", seat_no=seat or 0, issued_at=c.issued_at,
        officer=c.officer_name, unit=c.police_unit,
        sessions=tuple(s for _, s in sorted(covered[c.id])),
        void=c.status is CertificateStatus.VOID, void_reason=c.void_reason,
        issued_by=c.issued_by) for c, code, room, seat in found)


def valid_serials(session: Session, exam: ExamRef, candidate_ids: Sequence[int] | None = None
                  ) -> dict[int, str]:
    """The valid certificates' serials by candidate: what the room's exceptions list shows."""
    query = select(TempIdCertificate.candidate_id, TempIdCertificate.serial_no).where(
        TempIdCertificate.exam_id == exam.id, TempIdCertificate.status == CertificateStatus.VALID)
    if candidate_ids is not None:
        query = query.where(TempIdCertificate.candidate_id.in_(list(candidate_ids)))
    return dict(session.execute(query).all())


TEMPID_COLUMNS = (
    Column("证明编号", 10, text=True), Column("考点编号", 9, text=True),
    Column("考场号", 9, text=True), Column("座位号", 7), Column("准考证号", 17, text=True),
    Column("姓名", 10), Column("身份证号", 21, text=True), Column("适用场次", 12),
    Column("开具民警", 10), Column("开具单位", 24), Column("开具时间", 17),
    Column("经办人", 10), Column("状态", 6), Column("作废原因", 24),
)


def export_tempids(
    session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
    center: str | None = None, progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled, recorded: Recorded | None = None,
) -> ExportResult:
    """Write the issued certificates (void ones too) to ``path``; as
    :func:`examdesk.services.exports.export_candidates`."""
    only = center_id(session, exam, center)
    if only is not None:
        actor.require(Permission.PRINT_PERSONAL, exam.id, only, center_code=center or "")
    shown = _rows(session, exam, actor=actor, center=only)
    printable = actor.centers(exam.id, Permission.PRINT_PERSONAL)
    full = None if printable is None else _codes(session, printable)

    def rows() -> Iterator[Sequence[CellValue | None]]:
        for r in shown:
            number = r.id_number if full is None or r.center in full else masked(r.id_number)
            yield (r.serial, r.center, r.room, r.seat_no or None, r.ticket, r.name, number,
                   "、".join(r.sessions),
                   r.officer, r.unit, local_minute(r.issued_at),
                   r.issued_by, "作废" if r.void else "有效", r.void_reason)

    return write_export(session, actor, exam, path, "tempids", center,
                        SheetData("临时身份证明" if center is None else f"临时身份证明 {center}",
                                  TEMPID_COLUMNS, rows()), progress, cancelled, recorded)


def _codes(session: Session, centers: frozenset[int]) -> set[str]:
    return set(session.scalars(select(TestCenter.code).where(TestCenter.id.in_(centers))))


def record_certificate_print(session: Session, actor: Actor, exam: ExamRef, serial: str,
                             center: str, path: Path) -> None:
    """Log the print of one certificate (it carries the full ID number and the photo)."""
    audit.record(session, actor, "print", exam_id=exam.id, entity="temp_id_certificate",
                 entity_id=serial,
                 summary=translate("Audit", "Printed temporary ID {serial} to {file}").format(
                     serial=serial, file=path.name),
                 details={"sheet": "certificate", "serial": serial, "center": center,
                          "file": str(path)})


def desk_centers(session: Session, exam: ExamRef, actor: Actor | None = None
                 ) -> tuple[tuple[str, str], ...]:
    """The centers (code, name) a desk may work for: where the actor does exam-day work."""
    query = select(TestCenter.code, TestCenter.name).where(
        TestCenter.exam_id == exam.id).order_by(TestCenter.sort_order, TestCenter.code)
    if actor is not None:
        query = limited(query, TestCenter.id, actor.centers(exam.id, Permission.EXAM_DAY))
    return tuple((code, name) for code, name in session.execute(query))
