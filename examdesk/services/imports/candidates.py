"""Import a candidate list (报名信息) into an exam.

A candidate is known by the ID number: a row whose ID number the exam already holds
updates that candidate (differences are reported as warnings), every other row adds one.
Registration numbers left blank are numbered like the registration system does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from examdesk.db.bulk import bulk_insert
from examdesk.enums import Gender, IdType
from examdesk.exchange.candidates import CandidateRecord, KnownLevel, validate_candidates
from examdesk.exchange.headers import HeaderMap, SheetKind
from examdesk.exchange.problems import Problems
from examdesk.i18n import translate
from examdesk.labels import GENDER_LABELS, ID_TYPE_LABELS
from examdesk.model import Candidate, Level, Subject, candidate_subjects
from examdesk.progress import Cancelled, Progress, check_cancelled
from examdesk.services.exams import ExamRef, known_levels
from examdesk.services.imports import BATCH, Conflicts, FieldChange, SheetImport


@dataclass
class _Stored:
    """A candidate the exam already holds, as far as an import compares it."""

    id: int
    registration_no: str
    name: str
    gender: Gender
    id_type: IdType
    level_id: int
    work_unit: str
    phone: str
    subjects: set[int]


def _plan(session: Session, exam: ExamRef, header: HeaderMap, problems: Problems,
          _levels: Sequence[KnownLevel]) -> _Plan:
    return _Plan(session, exam, header, problems)


class _Plan:
    """Compares the file's records with the exam's candidates, then writes the difference."""

    def __init__(
        self, session: Session, exam: ExamRef, header: HeaderMap, problems: Problems
    ) -> None:
        self.session = session
        self.exam = exam
        self.header = header
        self.problems = problems
        self.present = set(header.columns)
        self.levels: dict[str, int] = {
            name: level_id for name, level_id in session.execute(
                select(Level.name, Level.id).where(Level.exam_id == exam.id))
        }
        self.subjects: dict[tuple[int, str], int] = {
            (level_id, name): subject_id
            for subject_id, level_id, name in session.execute(
                select(Subject.id, Subject.level_id, Subject.name)
                .join(Level).where(Level.exam_id == exam.id))
        }
        self.level_subjects: dict[int, list[int]] = {}
        for (level_id, _name), subject_id in sorted(self.subjects.items()):
            self.level_subjects.setdefault(level_id, []).append(subject_id)
        self.subject_names = {sid: name for (_lid, name), sid in self.subjects.items()}
        self.stored = self._load_stored()
        self.owner_of_registration = {c.registration_no: n for n, c in self.stored.items()}
        self.changed_rows: set[int] = set()
        self.changed_fields: dict[int, list[FieldChange]] = {}

    @property
    def other_changes(self) -> bool:
        return False

    def duty_centers(self, added: Sequence[CandidateRecord],
                     changed: Sequence[CandidateRecord]) -> None:
        """Any center: a candidate's new work unit can break any of their seat's duties."""
        del added, changed

    def is_new(self, record: CandidateRecord) -> bool:
        return record.id_number not in self.stored

    def write(self, added: Sequence[CandidateRecord], changed: Sequence[CandidateRecord],
              progress: Progress, cancelled: Cancelled) -> None:
        self.insert(added, progress, cancelled)
        self.update(changed, progress, cancelled)

    def _load_stored(self) -> dict[str, _Stored]:
        stored: dict[str, _Stored] = {}
        by_id: dict[int, _Stored] = {}
        for row in self.session.execute(
            select(Candidate.id, Candidate.id_number, Candidate.registration_no, Candidate.name,
                   Candidate.gender, Candidate.id_type, Candidate.level_id,
                   Candidate.work_unit, Candidate.phone)
            .where(Candidate.exam_id == self.exam.id)
        ):
            item = _Stored(row.id, row.registration_no, row.name, row.gender, row.id_type,
                           row.level_id, row.work_unit, row.phone, set())
            stored[row.id_number] = by_id[row.id] = item
        for candidate_id, subject_id in self.session.execute(
            select(candidate_subjects.c.candidate_id, candidate_subjects.c.subject_id)
            .join(Candidate, Candidate.id == candidate_subjects.c.candidate_id)
            .where(Candidate.exam_id == self.exam.id)
        ):
            by_id[candidate_id].subjects.add(subject_id)
        return stored

    def subject_ids(self, record: CandidateRecord) -> list[int]:
        """The record's papers; a list without a subjects column sits all of its level's."""
        level_id = self.levels[record.level]
        if not record.subjects:
            return self.level_subjects.get(level_id, [])
        return [self.subjects[(level_id, name)] for name in record.subjects]

    def match(self, records: Sequence[CandidateRecord]) -> None:
        """Find each record's stored candidate; report conflicts and taken numbers."""
        conflicts = Conflicts(self.problems, self.header, translate("Import", "this candidate"),
                              self.changed_fields)
        index = self.header.columns.get("registration_no")
        for record in records:
            owner = self.owner_of_registration.get(record.registration_no)
            if record.registration_no and owner is not None and owner != record.id_number:
                self.problems.add(
                    translate("Import", "the exam already gives this registration number to "
                              "another candidate (ID number {id})").format(id=_mask(owner)),
                    translate("Import", "check the registration number against the "
                              "registration system"),
                    row=record.row, column=index,
                    header="" if index is None else self.header.headers[index],
                    value=record.registration_no,
                )
                continue
            stored = self.stored.get(record.id_number)
            if stored is None:
                continue
            differs = [
                conflicts.compare(record.row, "name", stored.name, record.name),
                conflicts.compare(record.row, "gender", stored.gender, record.gender,
                                  GENDER_LABELS),
                conflicts.compare(record.row, "level", self._level_name(stored.level_id),
                                  record.level),
            ]
            if "id_type" in self.present:
                differs.append(conflicts.compare(record.row, "id_type", stored.id_type,
                                                 record.id_type, ID_TYPE_LABELS))
            if record.subjects:
                differs.append(conflicts.compare(
                    record.row, "subjects", self._subject_names(stored.subjects),
                    self._subject_names(set(self.subject_ids(record)))))
            for field in ("work_unit", "phone", "registration_no"):
                new = getattr(record, field)
                if field in self.present and (new or field != "registration_no"):
                    differs.append(conflicts.compare(record.row, field, getattr(stored, field),
                                                     new))
            if any(differs):
                self.changed_rows.add(record.row)

    def _level_name(self, level_id: int) -> str:
        return next((name for name, lid in self.levels.items() if lid == level_id), "")

    def _subject_names(self, subject_ids: set[int]) -> tuple[str, ...]:
        return tuple(sorted(self.subject_names[s] for s in subject_ids))

    def insert(
        self, records: Sequence[CandidateRecord], progress: Progress, cancelled: Cancelled
    ) -> None:
        """Add new candidates with their papers, numbering blank registration numbers."""
        numbers = _RegistrationNumbers(self.exam, set(self.owner_of_registration))
        numbers.reserve(r.registration_no for r in records)
        total = len(records)
        progress(0, total, translate("Import", "Adding candidates"))
        bulk_insert(self.session, Candidate, [
            {
                "exam_id": self.exam.id,
                "registration_no": r.registration_no or numbers.next(),
                "name": r.name, "gender": r.gender, "id_type": r.id_type,
                "id_number": r.id_number, "birth_date": r.birth_date,
                "level_id": self.levels[r.level], "work_unit": r.work_unit, "phone": r.phone,
            }
            for r in records
        ])
        check_cancelled(cancelled)
        # the ID number is unique in the exam: one query finds every new candidate's id
        ids = {
            id_number: cid
            for cid, id_number in self.session.execute(
                select(Candidate.id, Candidate.id_number).where(Candidate.exam_id == self.exam.id))
        }
        bulk_insert(self.session, candidate_subjects, [
            {"candidate_id": ids[record.id_number], "subject_id": sid}
            for record in records
            for sid in self.subject_ids(record)
        ])
        progress(total, total, translate("Import", "Adding candidates"))

    def update(
        self, records: Sequence[CandidateRecord], progress: Progress, cancelled: Cancelled
    ) -> None:
        """Write the file's values over the stored candidates that differ."""
        for start in range(0, len(records), BATCH):
            check_cancelled(cancelled)
            batch = records[start : start + BATCH]
            values: list[dict[str, Any]] = []
            papers: list[dict[str, int]] = []
            repapered: list[int] = []
            for r in batch:
                stored = self.stored[r.id_number]
                value: dict[str, Any] = {
                    "id": stored.id, "name": r.name, "gender": r.gender,
                    "birth_date": r.birth_date, "level_id": self.levels[r.level],
                }
                if "id_type" in self.present:
                    value["id_type"] = r.id_type
                for field in ("work_unit", "phone"):
                    if field in self.present:
                        value[field] = getattr(r, field)
                if r.registration_no:
                    value["registration_no"] = r.registration_no
                values.append(value)
                subject_ids = self.subject_ids(r)
                if (r.subjects or value["level_id"] != stored.level_id) and set(
                    subject_ids) != stored.subjects:
                    repapered.append(stored.id)
                    papers.extend({"candidate_id": stored.id, "subject_id": s}
                                  for s in subject_ids)
            # executemany by primary key: one statement per batch
            self.session.execute(update(Candidate), values)
            if repapered:
                self.session.execute(delete(candidate_subjects).where(
                    candidate_subjects.c.candidate_id.in_(repapered)))
                self.session.execute(insert(candidate_subjects), papers)
            progress(start + len(batch), len(records), translate("Import", "Updating candidates"))


#: A candidate list: the registration system's export, one candidate per row.
CANDIDATES: SheetImport[CandidateRecord, Sequence[KnownLevel]] = SheetImport(
    key="candidates",
    title=lambda: translate("Import", "Candidates"),
    description=lambda: translate("Import", "import candidates from a workbook; a candidate "
                                            "already in the exam (same ID number) is updated"),
    sheet_kind=SheetKind.CANDIDATES,
    needs=lambda session, exam: known_levels(session, exam.id),
    validate=validate_candidates,
    plan=_plan,
    widths={"registration_no": Candidate.registration_no, "id_number": Candidate.id_number,
            "work_unit": Candidate.work_unit, "phone": Candidate.phone},
)
# prepare and apply in one session (see :meth:`SheetImport.run`).
import_candidates = CANDIDATES.run


class _RegistrationNumbers:
    """Numbers for rows without a registration number: year, region code, serial (6 digits)."""

    def __init__(self, exam: ExamRef, taken: set[str]) -> None:
        self.prefix = f"{exam.year}{exam.region_code}"
        self.taken = taken
        self.serial = 0

    def reserve(self, numbers: Sequence[str] | Any) -> None:
        self.taken.update(n for n in numbers if n)

    def next(self) -> str:
        while True:
            self.serial += 1
            number = f"{self.prefix}{self.serial:06d}"
            if number not in self.taken:
                self.taken.add(number)
                return number


def _mask(id_number: str) -> str:
    """An ID number with its middle hidden, enough to tell two people apart in a message."""
    return id_number[:6] + "*" * max(len(id_number) - 10, 0) + id_number[-4:]
