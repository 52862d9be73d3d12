"""Import test centers and rooms (考点考场) into an exam.

A center is known by its code, or by its name when the sheet gives no code; a room by its
center and room number. Rows for rooms the exam already holds update them; a room that is
locked, or whose grid would change under seated candidates, is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from examdesk.exchange.headers import HeaderMap, SheetKind
from examdesk.exchange.problems import Problems
from examdesk.exchange.rooms import RoomRecord, validate_rooms
from examdesk.i18n import translate
from examdesk.model import Room, SeatAssignment, TestCenter
from examdesk.progress import Cancelled, Progress, check_cancelled
from examdesk.services.exams import ExamRef
from examdesk.services.imports import BATCH, Conflicts, FieldChange, SheetImport
from examdesk.services.posts import create_standard_posts

_ROOM_FIELDS = ("building", "floor", "label", "rows", "columns", "unusable_seats", "accessible",
                "spare")


@dataclass(eq=False)  # identity: a center is one object however its fields change
class _Center:
    id: int | None  # None until created
    code: str
    name: str
    address: str
    route: str = ""


@dataclass(frozen=True)
class _StoredRoom:
    id: int
    values: dict[str, Any]
    locked: bool
    seated: int


class _Plan:
    """Matches rows to the exam's centers and rooms, then writes the difference."""

    def __init__(
        self, session: Session, exam: ExamRef, header: HeaderMap, problems: Problems
    ) -> None:
        self.session = session
        self.exam = exam
        self.header = header
        self.problems = problems
        self.centers: dict[str, _Center] = {}  # by code
        for c in session.scalars(select(TestCenter).where(TestCenter.exam_id == exam.id)):
            self.centers[c.code] = _Center(c.id, c.code, c.name, c.address, c.route)
        self.by_name = {c.name: c for c in self.centers.values()}
        seated: dict[int, int] = {
            room_id: count for room_id, count in session.execute(
                select(SeatAssignment.room_id, func.count())
                .where(SeatAssignment.exam_id == exam.id).group_by(SeatAssignment.room_id))
        }
        self.rooms: dict[tuple[str, str], _StoredRoom] = {}
        code_of = {c.id: c.code for c in self.centers.values()}
        for room in session.scalars(
            select(Room).join(TestCenter).where(TestCenter.exam_id == exam.id)
        ):
            values = {f: getattr(room, f) for f in _ROOM_FIELDS}
            values["unusable_seats"] = sorted(map(tuple, room.unusable_seats or []))
            self.rooms[(code_of[room.center_id], room.code)] = _StoredRoom(
                room.id, values, room.locked, seated.get(room.id, 0))
        self.changed_rows: set[int] = set()
        self.changed_fields: dict[int, list[FieldChange]] = {}
        self.changed_centers: set[str] = set()
        self.new_centers: list[_Center] = []
        self.center_of: dict[int, _Center] = {}  # by row

    def center_for(self, record: RoomRecord) -> _Center:
        """The record's center: existing by code (else by name), or a new one."""
        center = (self.centers.get(record.center_code) if record.center_code
                  else self.by_name.get(record.center_name))
        if center is None:
            code = record.center_code or self._free_code()
            center = _Center(None, code, record.center_name, record.center_address,
                             record.center_route)
            self.centers[code] = self.by_name[record.center_name] = center
            self.new_centers.append(center)
        return center

    def duty_centers(self, added: Sequence[RoomRecord],
                     changed: Sequence[RoomRecord]) -> set[int]:
        """The test centers whose duties the rows can break: those of the changed rooms.

        A new room holds nobody yet, so it breaks no duty.
        """
        del added
        return {c for c in (self.center_of[r.row].id for r in changed) if c is not None}

    def _free_code(self) -> str:
        numbers = [int(code) for code in self.centers if code.isdigit()]
        return f"{max(numbers, default=0) + 1:02d}"

    @property
    def other_changes(self) -> bool:
        return bool(self.changed_centers)

    def is_new(self, record: RoomRecord) -> bool:
        return (self.center_of[record.row].code, record.room_no) not in self.rooms

    def match(self, records: Sequence[RoomRecord]) -> None:
        """Find each record's center; report conflicts with stored centers and rooms."""
        conflicts = Conflicts(self.problems, self.header, translate("Import", "this room"),
                              self.changed_fields)
        center_conflicts = Conflicts(self.problems, self.header,
                                     translate("Import", "this test center"), self.changed_fields)
        seen_centers: set[str] = set()
        for record in records:
            other = self.by_name.get(record.center_name)
            if record.center_code and other is not None and other.code != record.center_code:
                self._error(record.row, "center_name", record.center_name, translate(
                    "Import", "the exam already has a test center of this name with code {code}"
                ).format(code=other.code), translate(
                    "Import", "write the center's code {code}, or give the new center another "
                              "name").format(code=other.code))
                continue
            center = self.center_for(record)
            if center.id is not None and center.code not in seen_centers:
                seen_centers.add(center.code)
                if center_conflicts.compare(record.row, "center_name", center.name,
                                            record.center_name):
                    self.changed_centers.add(center.code)
                if record.center_address and center_conflicts.compare(
                        record.row, "center_address", center.address, record.center_address):
                    self.changed_centers.add(center.code)
                if record.center_route and center_conflicts.compare(
                        record.row, "center_route", center.route, record.center_route):
                    self.changed_centers.add(center.code)
            if center.code in self.changed_centers:
                center.name = record.center_name
                center.address = record.center_address or center.address
                center.route = record.center_route or center.route
            self.center_of[record.row] = center
            stored = self.rooms.get((center.code, record.room_no))
            if stored is not None:
                self._compare_room(record, stored, conflicts)

    def _compare_room(self, record: RoomRecord, stored: _StoredRoom,
                      conflicts: Conflicts) -> None:
        new = _room_values(record)
        differs = [f for f in _ROOM_FIELDS if stored.values[f] != new[f]]
        if not differs:
            return
        if stored.locked:
            self._error(record.row, "room_no", record.room_no, translate(
                "Import", "this room is locked in the plan and cannot change"), translate(
                "Import", "unlock the room first, or leave this row as the room is"))
            return
        grid = {"rows", "columns", "unusable_seats"}
        if stored.seated and grid & set(differs):
            self._error(record.row, "seat_rows", f"{record.rows} x {record.columns}", translate(
                "Import", "{count} candidates are seated in this room; its seats cannot change"
            ).format(count=stored.seated), translate(
                "Import", "move the candidates out first, or keep the room's grid"))
            return
        for field in differs:
            column = {"rows": "seat_rows", "columns": "seat_columns", "label": "classroom",
                      "unusable_seats": "capacity"}.get(field, field)
            conflicts.compare(record.row, column, _shown(stored.values[field]),
                              _shown(new[field]))
        self.changed_rows.add(record.row)

    def _error(self, row: int, field: str, value: object, what: str, fix: str) -> None:
        index = self.header.columns.get(field)
        self.problems.add(what, fix, row=row, column=index,
                          header="" if index is None else self.header.headers[index],
                          value=value)

    def write(self, added: Sequence[RoomRecord], changed: Sequence[RoomRecord],
              progress: Progress, cancelled: Cancelled) -> None:
        """Create the new centers, insert new rooms, update the changed ones."""
        used = {self.center_of[r.row] for r in (*added, *changed)}
        order = self.session.scalar(
            select(func.max(TestCenter.sort_order)).where(TestCenter.exam_id == self.exam.id))
        next_order = (order or 0) + 1
        made: list[int] = []
        for center in self.new_centers:
            if center not in used:
                continue
            row = TestCenter(exam_id=self.exam.id, code=center.code, name=center.name,
                             address=center.address, route=center.route,
                             sort_order=next_order)
            next_order += 1
            self.session.add(row)
            self.session.flush()
            center.id = row.id
            made.append(row.id)
        # a new center gets the exam's standard posts (service desk, medical, strong room...)
        create_standard_posts(self.session, self.exam, made)
        for code in self.changed_centers:
            center = self.centers[code]
            self.session.execute(update(TestCenter).where(TestCenter.id == center.id)
                                 .values(name=center.name, address=center.address,
                                         route=center.route))
        room_order = self.session.scalar(
            select(func.max(Room.sort_order)).join(TestCenter)
            .where(TestCenter.exam_id == self.exam.id)) or 0
        values = []
        for offset, record in enumerate(added, start=1):
            center = self.center_of[record.row]
            value = _room_values(record)
            value["unusable_seats"] = [list(seat) for seat in value["unusable_seats"]]
            values.append({"center_id": center.id, "code": record.room_no, "locked": False,
                           "sort_order": room_order + offset, **value})
        for start in range(0, len(values), BATCH):
            check_cancelled(cancelled)
            self.session.execute(insert(Room), values[start : start + BATCH])
            progress(start + BATCH, len(values), translate("Import", "Adding rooms"))
        updates = []
        for record in changed:
            center = self.center_of[record.row]
            value = _room_values(record)
            value["unusable_seats"] = [list(seat) for seat in value["unusable_seats"]]
            updates.append({"id": self.rooms[(center.code, record.room_no)].id, **value})
        if updates:
            self.session.execute(update(Room), updates)


def _plan(session: Session, exam: ExamRef, header: HeaderMap, problems: Problems,
          _needs: None) -> _Plan:
    return _Plan(session, exam, header, problems)


#: A list of test centers and rooms: one room per row, its center by code or name.
ROOMS: SheetImport[RoomRecord, None] = SheetImport(
    key="rooms",
    title=lambda: translate("Import", "Test centers and rooms"),
    description=lambda: translate("Import", "import test centers and rooms from a workbook"),
    sheet_kind=SheetKind.ROOMS,
    needs=lambda _session, _exam: None,
    validate=lambda raw, header, _needs, progress, cancelled: validate_rooms(
        raw, header, progress, cancelled),
    plan=_plan,
)
# prepare and apply in one session (see :meth:`SheetImport.run`).
import_rooms = ROOMS.run


def _room_values(record: RoomRecord) -> dict[str, Any]:
    return {
        "building": record.building, "floor": record.floor, "label": record.label,
        "rows": record.rows, "columns": record.columns,
        "unusable_seats": sorted(tuple(seat) for seat in record.unusable_seats),
        "accessible": record.accessible, "spare": record.spare,
    }


def _shown(value: object) -> object:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(f"{r}-{c}" for r, c in value) if value else ""
    return "" if value is None else value
