"""Which exam a command works on, and the exam's levels as importers need them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Row, Select, select
from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.model import (
    Exam,
    ExamSession,
    Level,
    Room,
    SeatAssignment,
    Subject,
    TestCenter,
    candidate_subjects,
    session_subjects,
)

if TYPE_CHECKING:
    from examdesk.exchange.candidates import KnownLevel


@dataclass(frozen=True)
class ExamRef:
    """An exam, identified for services and messages.

    Attributes:
        id: the database id.
        code: the exam's code, e.g. SW2023-ZK.
        name: the exam's full name.
        year: the exam year.
        region_code: the city code, else the province code ("" when neither is set).
    """

    id: int
    code: str
    name: str
    year: int
    region_code: str


def resolve_exam(session: Session, code: str | None = None) -> ExamRef:
    """The exam named by ``code``, or the only exam when no code is given.

    Args:
        session: the caller's session.
        code: the exam's code as the user typed it; None when not given.

    Returns:
        The exam.

    Raises:
        BadInput: the database holds no exam, several exams and no code was given, or no
            exam has that code.
    """
    rows = session.execute(
        select(Exam.id, Exam.code, Exam.name, Exam.year, Exam.city_code, Exam.province_code)
        .order_by(Exam.year.desc(), Exam.code)
    ).all()
    exams = [ExamRef(r.id, r.code, r.name, r.year, r.city_code or r.province_code) for r in rows]
    if not exams:
        raise BadInput(translate(
            "Exams", "The database holds no exam yet; create one first (e.g. load the demo)."),
            code="no-exam")
    codes = ", ".join(exam.code for exam in exams)
    if code is None:
        if len(exams) > 1:
            raise BadInput(translate(
                "Exams", "The database holds several exams ({codes}); choose one.").format(
                codes=codes), code="exam-unchosen", codes=tuple(e.code for e in exams))
        return exams[0]
    wanted = code.strip().casefold()
    for exam in exams:
        if exam.code.casefold() == wanted:
            return exam
    raise BadInput(translate(
        "Exams", "No exam has the code {code}; the database holds {codes}.").format(
        code=code, codes=codes), code="exam-not-found", text=code,
        codes=tuple(e.code for e in exams))


@dataclass(frozen=True)
class Names:
    """A level or subject with every way the exam accepts it being written.

    Attributes:
        code: the code, e.g. ``2`` or ``22``.
        name: the full name, e.g. 社会工作师 or 社会工作实务(中级).
        short_name: the printed short form, e.g. 中级 or 实务 ("" if none).
        abbreviations: the editable other forms, e.g. 社工师 or 中级实务.
    """

    code: str
    name: str
    short_name: str
    abbreviations: tuple[str, ...]

    @property
    def accepted(self) -> tuple[str, ...]:
        """The forms an import accepts besides the full name: short name, code, abbreviations."""
        return tuple(dict.fromkeys(f for f in (self.short_name, self.code, *self.abbreviations)
                                   if f))

    def as_dict(self) -> dict[str, Any]:
        """Plain values, for JSON."""
        return {"code": self.code, "name": self.name, "short_name": self.short_name,
                "abbreviations": list(self.abbreviations)}


@dataclass(frozen=True)
class LevelNames(Names):
    """A level with its accepted forms (see :class:`Names`) and its subjects.

    Attributes:
        id: the database id.
        subjects: the level's subjects, by code.
    """

    id: int
    subjects: tuple[Names, ...]

    def as_dict(self) -> dict[str, Any]:
        """Plain values, for JSON."""
        return {**super().as_dict(), "subjects": [s.as_dict() for s in self.subjects]}


def level_names(session: Session, exam_id: int) -> tuple[LevelNames, ...]:
    """The exam's levels and subjects with every form staff may write them in.

    Args:
        session: the caller's session.
        exam_id: the exam.

    Returns:
        The levels in their display order, each with its subjects by code.
    """
    subjects: dict[int, list[Names]] = {}
    for level_id, code, name, short, abbreviations in session.execute(
        select(Subject.level_id, Subject.code, Subject.name, Subject.short_name,
               Subject.abbreviations)
        .join(Level).where(Level.exam_id == exam_id).order_by(Subject.code)
    ):
        subjects.setdefault(level_id, []).append(
            Names(code, name, short, tuple(abbreviations or ())))
    return tuple(
        LevelNames(code, name, short, tuple(abbreviations or ()), level_id,
                   tuple(subjects.get(level_id, ())))
        for level_id, code, name, short, abbreviations in session.execute(
            select(Level.id, Level.code, Level.name, Level.short_name, Level.abbreviations)
            .where(Level.exam_id == exam_id).order_by(Level.sort_order, Level.code)
        )
    )


def known_levels(session: Session, exam_id: int) -> list[KnownLevel]:
    """The exam's levels with their subjects, with the short forms staff write.

    A level is also known by its short name (初级), code and abbreviations (社工师); a
    subject by its short name (综合能力), code and abbreviations, within its level only.

    Args:
        session: the caller's session.
        exam_id: the exam.

    Returns:
        The levels in their display order.
    """
    # imported here, like lookup below: the importers' modules (python-calamine) and pinyin
    # search (its phrase dictionary) are not needed to resolve an exam or list its levels
    from examdesk.exchange.candidates import KnownLevel
    from examdesk.exchange.normalize import KnownName

    return [
        KnownLevel(level.name, level.accepted,
                   tuple(KnownName(s.name, s.accepted) for s in level.subjects))
        for level in level_names(session, exam_id)
    ]


def center_id(session: Session, exam: ExamRef, code: str | None) -> int | None:
    """The id of the exam's test center with ``code`` (None when no code is given).

    Raises:
        NotFound: no test center of the exam has that code (or name); the message lists the
            codes.
    """
    if code is None:
        return None
    from examdesk.services import lookup

    return lookup.find_center(session, exam, code).one().id


def center_codes(session: Session, exam: ExamRef) -> dict[int, str]:
    """The exam's test centers: id -> code."""
    return {
        cid: code for cid, code in session.execute(
            select(TestCenter.id, TestCenter.code).where(TestCenter.exam_id == exam.id))
    }


def exam_sessions(session: Session, exam: ExamRef) -> list[Row[Any]]:
    """The exam's sessions as rows (id, code, name, date, start_time, end_time), in time order."""
    return list(session.execute(
        select(ExamSession.id, ExamSession.code, ExamSession.name, ExamSession.date,
               ExamSession.start_time, ExamSession.end_time)
        .where(ExamSession.exam_id == exam.id)
        .order_by(ExamSession.date, ExamSession.start_time, ExamSession.code)))


def papers_sat(*columns: Any) -> Select[Any]:
    """``select(*columns)`` over each seat joined to every paper its candidate sits.

    One row per seat and paper: ``session_subjects.c.session_id`` is the paper's session,
    ``candidate_subjects.c.subject_id`` its subject.
    """
    return (
        select(*columns).select_from(SeatAssignment)
        .join(candidate_subjects,
              candidate_subjects.c.candidate_id == SeatAssignment.candidate_id)
        .join(session_subjects,
              session_subjects.c.subject_id == candidate_subjects.c.subject_id)
    )


def seats_where(exam: ExamRef, center: int | None) -> ColumnElement[bool]:
    """Which seats a query reads: the exam's, or one center's.

    One center's seats are found through its rooms (the query joins Room), so that SQLite
    uses the seats' room index instead of reading every seat of the exam.
    """
    return Room.center_id == center if center is not None else SeatAssignment.exam_id == exam.id
