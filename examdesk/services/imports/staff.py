"""Import staff (工作人员) with their roles, home test centers and relatives (回避).

A staff member is known by the ID number: a row whose ID number the exam already holds
updates that person (differences are reported as warnings); roles and relatives are
replaced by the file's when the file has those columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from examdesk.enums import Gender, StaffRole
from examdesk.exchange.headers import HeaderMap, SheetKind
from examdesk.exchange.normalize import KnownName
from examdesk.exchange.problems import Checked, Problems, Severity
from examdesk.exchange.sheets import RawSheet
from examdesk.exchange.staff import StaffRecord, validate_staff
from examdesk.i18n import translate
from examdesk.labels import GENDER_LABELS, STAFF_ROLE_LABELS
from examdesk.model import Candidate, Staff, StaffRelative, StaffRoleAssignment, TestCenter
from examdesk.model import Duty as DutyRow
from examdesk.progress import Cancelled, Progress, check_cancelled
from examdesk.services.exams import ExamRef
from examdesk.services.imports import BATCH, Conflicts, FieldChange, SheetImport


@dataclass
class _Stored:
    id: int
    name: str
    gender: Gender
    work_unit: str
    phone: str
    center_id: int | None
    roles: set[StaffRole]
    relatives: set[str]


def _centers(session: Session, exam: ExamRef) -> dict[str, tuple[int, str]]:
    """The exam's test centers: name -> (id, code), in their order."""
    return {
        name: (center_id, code)
        for center_id, name, code in session.execute(
            select(TestCenter.id, TestCenter.name, TestCenter.code)
            .where(TestCenter.exam_id == exam.id).order_by(TestCenter.sort_order))
    }


def _validate(raw: RawSheet, header: HeaderMap, centers: dict[str, tuple[int, str]],
              progress: Progress, cancelled: Cancelled) -> Checked[StaffRecord]:
    return validate_staff(
        raw, header, [KnownName(name, (code,)) for name, (_id, code) in centers.items()],
        progress, cancelled)


def _plan(session: Session, exam: ExamRef, header: HeaderMap, problems: Problems,
          centers: dict[str, tuple[int, str]]) -> _Plan:
    return _Plan(session, exam, header, problems, {n: cid for n, (cid, _c) in centers.items()})


class _Plan:
    """Compares the file's records with the exam's staff, then writes the difference."""

    def __init__(self, session: Session, exam: ExamRef, header: HeaderMap,
                 problems: Problems, centers: dict[str, int]) -> None:
        self.session = session
        self.exam = exam
        self.header = header
        self.problems = problems
        self.centers = centers
        self.center_names = {cid: name for name, cid in centers.items()}
        self.present = set(header.columns)
        self.stored: dict[str, _Stored] = {}
        by_id: dict[int, _Stored] = {}
        for r in session.execute(
            select(Staff.id, Staff.id_number, Staff.name, Staff.gender, Staff.work_unit,
                   Staff.phone, Staff.home_center_id).where(Staff.exam_id == exam.id)
        ):
            by_id[r.id] = self.stored[r.id_number] = _Stored(
                r.id, r.name, r.gender, r.work_unit, r.phone, r.home_center_id, set(), set())
        of_exam = select(Staff.id).where(Staff.exam_id == exam.id)
        for staff_id, role in session.execute(
            select(StaffRoleAssignment.staff_id, StaffRoleAssignment.role)
            .where(StaffRoleAssignment.staff_id.in_(of_exam))
        ):
            by_id[staff_id].roles.add(role)
        for staff_id, id_number in session.execute(
            select(StaffRelative.staff_id, StaffRelative.id_number)
            .where(StaffRelative.staff_id.in_(of_exam))
        ):
            by_id[staff_id].relatives.add(id_number)
        self.candidates = set(session.scalars(
            select(Candidate.id_number).where(Candidate.exam_id == exam.id)).all())
        self.changed_rows: set[int] = set()
        self.changed_fields: dict[int, list[FieldChange]] = {}

    @property
    def other_changes(self) -> bool:
        return False

    def is_new(self, record: StaffRecord) -> bool:
        return record.id_number not in self.stored

    def write(self, added: Sequence[StaffRecord], changed: Sequence[StaffRecord],
              progress: Progress, cancelled: Cancelled) -> None:
        check_cancelled(cancelled)
        self.insert(added)
        self.update(changed)
        progress(1, 1, translate("Import", "Staff written"))

    def duty_centers(self, added: Sequence[StaffRecord],
                     changed: Sequence[StaffRecord]) -> set[int]:
        """The test centers whose duties the rows can break.

        A person's work unit, relatives, roles and home center bear on the duties they hold
        (wherever these are); their roles also decide whether their home center (old and
        new) has roving invigilators of its own, which bears on the others' roving duties.
        """
        centers = {self.center_id(r) for r in (*added, *changed)}
        centers.update(self.stored[r.id_number].center_id for r in changed)
        people = [self.stored[r.id_number].id for r in changed]
        for start in range(0, len(people), BATCH):
            centers.update(self.session.scalars(
                select(DutyRow.center_id).distinct()
                .where(DutyRow.staff_id.in_(people[start : start + BATCH]))))
        return {c for c in centers if c is not None}

    def center_id(self, record: StaffRecord) -> int | None:
        return None if record.center is None else self.centers[record.center]

    def match(self, records: Sequence[StaffRecord]) -> None:
        """Report conflicts with stored staff, and staff who sit the exam themselves."""
        conflicts = Conflicts(self.problems, self.header, translate("Import", "this person"),
                              self.changed_fields)
        id_column = self.header.columns.get("id_number")
        for record in records:
            if record.id_number in self.candidates:
                self.problems.add(
                    translate("Import", "this person is also a candidate of the exam"),
                    translate("Import", "a candidate may not work at the exam: remove the row "
                              "or check the ID number"),
                    row=record.row, column=id_column,
                    header="" if id_column is None else self.header.headers[id_column],
                    value=record.id_number, severity=Severity.WARNING,
                )
            stored = self.stored.get(record.id_number)
            if stored is None:
                continue
            differs = [
                conflicts.compare(record.row, "name", stored.name, record.name),
                conflicts.compare(record.row, "gender", stored.gender, record.gender,
                                  GENDER_LABELS),
                conflicts.compare(record.row, "role", _roles(stored.roles),
                                  _roles(set(record.roles))),
            ]
            for field in ("work_unit", "phone"):
                if field in self.present:
                    differs.append(conflicts.compare(record.row, field, getattr(stored, field),
                                                     getattr(record, field)))
            if "center" in self.present:
                differs.append(conflicts.compare(
                    record.row, "center", self.center_names.get(stored.center_id or 0, ""),
                    record.center or ""))
            if "avoid_ids" in self.present:
                differs.append(conflicts.compare(record.row, "avoid_ids",
                                                 tuple(sorted(stored.relatives)),
                                                 tuple(sorted(record.relatives))))
            if any(differs):
                self.changed_rows.add(record.row)

    def insert(self, records: Sequence[StaffRecord]) -> None:
        """Add new staff with their roles and relatives."""
        for start in range(0, len(records), BATCH):
            batch = records[start : start + BATCH]
            ids = self.session.scalars(
                insert(Staff).returning(Staff.id, sort_by_parameter_order=True),
                [{"exam_id": self.exam.id, "name": r.name, "gender": r.gender,
                  "id_number": r.id_number, "work_unit": r.work_unit, "phone": r.phone,
                  "home_center_id": self.center_id(r)} for r in batch],
            ).all()
            self._add_details(list(zip(ids, batch, strict=True)))

    def update(self, records: Sequence[StaffRecord]) -> None:
        """Write the file's values over the stored staff that differ."""
        for start in range(0, len(records), BATCH):
            batch = records[start : start + BATCH]
            values: list[dict[str, Any]] = []
            for r in batch:
                value: dict[str, Any] = {"id": self.stored[r.id_number].id, "name": r.name,
                                         "gender": r.gender}
                for field in ("work_unit", "phone"):
                    if field in self.present:
                        value[field] = getattr(r, field)
                if "center" in self.present:
                    value["home_center_id"] = self.center_id(r)
                values.append(value)
            self.session.execute(update(Staff), values)
            ids = [self.stored[r.id_number].id for r in batch]
            self.session.execute(delete(StaffRoleAssignment)
                                 .where(StaffRoleAssignment.staff_id.in_(ids)))
            if "avoid_ids" in self.present:
                self.session.execute(delete(StaffRelative).where(StaffRelative.staff_id.in_(ids)))
            self._add_details(list(zip(ids, batch, strict=True)),
                              relatives="avoid_ids" in self.present)

    def _add_details(self, rows: list[tuple[int, StaffRecord]], relatives: bool = True) -> None:
        roles = [{"staff_id": sid, "role": role} for sid, r in rows for role in r.roles]
        if roles:
            self.session.execute(insert(StaffRoleAssignment), roles)
        kin = [{"staff_id": sid, "id_number": number, "relation": ""}
               for sid, r in rows for number in r.relatives]
        if relatives and kin:
            self.session.execute(insert(StaffRelative), kin)


#: A staff list: one person per row, with roles, home test center and relatives (回避).
STAFF: SheetImport[StaffRecord, dict[str, tuple[int, str]]] = SheetImport(
    key="staff",
    title=lambda: translate("Import", "Staff"),
    description=lambda: translate("Import", "import staff with their roles, home test centers "
                                            "and relatives' ID numbers"),
    sheet_kind=SheetKind.STAFF,
    needs=_centers,
    validate=_validate,
    plan=_plan,
    widths={"id_number": Staff.id_number, "work_unit": Staff.work_unit, "phone": Staff.phone},
)
# prepare and apply in one session (see :meth:`SheetImport.run`).
import_staff = STAFF.run


def _roles(roles: set[StaffRole]) -> tuple[str, ...]:
    order = list(StaffRole)
    return tuple(STAFF_ROLE_LABELS[r] for r in sorted(roles, key=order.index))
