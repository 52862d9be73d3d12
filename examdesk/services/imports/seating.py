"""Import a seating plan made upstream: ticket number, center, room and seat per candidate.

National exams often arrive already arranged. Rows are matched to the exam's candidates
(by ID or registration number) and rooms (center code or name, then room code); what the
rows cannot mean is refused row by row. Whether the plan itself is sound (grids, levels,
ticket numbers against the pattern) is `examdesk check`'s work, which runs after it.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from examdesk.db.bulk import bulk_insert
from examdesk.enums import CandidateStatus
from examdesk.exchange.headers import HeaderMap, SheetKind
from examdesk.exchange.problems import Problems, Severity
from examdesk.exchange.seating import SeatRecord, validate_seating
from examdesk.i18n import translate
from examdesk.model import Candidate, Room, SeatAssignment, TestCenter
from examdesk.model.candidate import RetiredTicket
from examdesk.progress import Cancelled, Progress, check_cancelled
from examdesk.services.attendance import follow_seats
from examdesk.services.exams import ExamRef
from examdesk.services.imports import FieldChange, SheetImport


class _Plan:
    """Resolves rows to candidates and rooms, then writes their seats."""

    def __init__(self, session: Session, exam: ExamRef, header: HeaderMap,
                 problems: Problems) -> None:
        self.session = session
        self.exam = exam
        self.header = header
        self.problems = problems
        self.changed_rows: set[int] = set()
        self.changed_fields: dict[int, list[FieldChange]] = {}
        self.room_codes: dict[int, str] = {}  # by room id, once a row moves a candidate
        self.by_key: dict[str, tuple[int, str, CandidateStatus]] = {}
        for cid, id_number, registration_no, name, status in session.execute(
            select(Candidate.id, Candidate.id_number, Candidate.registration_no,
                   Candidate.name, Candidate.status).where(Candidate.exam_id == exam.id)
        ):
            self.by_key[id_number] = self.by_key[registration_no] = (cid, name, status)
        self.centers: dict[str, int] = {}
        for cid, code, name in session.execute(
            select(TestCenter.id, TestCenter.code, TestCenter.name)
            .where(TestCenter.exam_id == exam.id)
        ):
            self.centers[code] = self.centers[name] = cid
        self.rooms = {
            (center_id, code): room_id
            for room_id, center_id, code in session.execute(
                select(Room.id, Room.center_id, Room.code).join(TestCenter)
                .where(TestCenter.exam_id == exam.id))
        }
        self.current = {
            r.candidate_id: (r.room_id, r.seat_no, r.ticket_no)
            for r in session.execute(
                select(SeatAssignment.candidate_id, SeatAssignment.room_id,
                       SeatAssignment.seat_no, SeatAssignment.ticket_no)
                .where(SeatAssignment.exam_id == exam.id))
        }
        self.retired = set(session.scalars(
            select(RetiredTicket.ticket_no).where(RetiredTicket.exam_id == exam.id)))
        self.resolved: dict[int, tuple[int, int]] = {}  # row -> (candidate id, room id)

    @property
    def other_changes(self) -> bool:
        return False

    def duty_centers(self, added: Sequence[SeatRecord],
                     changed: Sequence[SeatRecord]) -> None:
        """Any center: new seats can break the duties of every room they fill or empty."""
        del added, changed

    def is_new(self, record: SeatRecord) -> bool:
        return self.resolved[record.row][0] not in self.current

    def match(self, records: Sequence[SeatRecord]) -> None:
        """Find each row's candidate and room; refuse what the exam cannot hold."""
        in_file = set()
        for record in records:
            key = record.id_number or record.registration_no
            found = self.by_key.get(key)
            field = "id_number" if record.id_number else "registration_no"
            if found is None:
                self._report(record, field, key, translate(
                    "Import", "no candidate of the exam has this number"), translate(
                    "Import", "import the candidate first, or correct the number"))
                continue
            candidate_id, name, status = found
            if status is CandidateStatus.WITHDRAWN:
                self._report(record, field, key, translate(
                    "Import", "this candidate has withdrawn"), translate(
                    "Import", "remove the row"))
                continue
            if record.name and record.name != name:
                self._report(record, "name", record.name, translate(
                    "Import", "the exam has this candidate as {name}").format(name=name),
                    translate("Import", "check that the row is about the right candidate"),
                    Severity.WARNING)
            center = self.centers.get(record.center_code) or self.centers.get(record.center_name)
            if center is None:
                self._report(record, "center_code" if record.center_code else "center_name",
                             record.center_code or record.center_name, translate(
                                 "Import", "this test center is not in the exam"), translate(
                                 "Import", "import the rooms first, or correct the center"))
                continue
            room = self.rooms.get((center, record.room_no))
            if room is None:
                self._report(record, "room_no", record.room_no, translate(
                    "Import", "this test center has no room with this number"), translate(
                    "Import", "import the room first, or correct the room number"))
                continue
            if record.ticket_no in self.retired:
                self._report(record, "ticket_no", record.ticket_no, translate(
                    "Import", "this ticket number was withdrawn and is never given again"),
                    translate("Import", "give the candidate another ticket number"))
                continue
            self.resolved[record.row] = (candidate_id, room)
            in_file.add(candidate_id)
            stored = self.current.get(candidate_id)
            if stored not in (None, (room, record.seat_no, record.ticket_no)):
                self.changed_rows.add(record.row)
                self._note_changes(record, stored, (room, record.seat_no, record.ticket_no))
        self._report_seats_of_others(records, in_file)

    def _note_changes(self, record: SeatRecord, old: tuple[int, int, str] | None,
                      new: tuple[int, int, str]) -> None:
        """The row's new room, seat and ticket, beside the candidate's stored ones."""
        assert old is not None
        if not self.room_codes:
            self.room_codes = {room_id: code for (_c, code), room_id in self.rooms.items()}
        room_codes = self.room_codes
        pairs = (("room_no", room_codes[old[0]], room_codes[new[0]]),
                 ("seat_no", str(old[1]), str(new[1])), ("ticket_no", old[2], new[2]))
        fields = []
        for name, before, after in pairs:
            if before != after:
                index = self.header.columns.get(name)
                fields.append(FieldChange(name, "" if index is None else self.header.headers[index],
                                          before, after))
        self.changed_fields[record.row] = fields

    def _report_seats_of_others(self, records: Sequence[SeatRecord], in_file: set[int]) -> None:
        # seats and tickets held by candidates the file does not move stay theirs
        seats = {(room, seat): cid for cid, (room, seat, _t) in self.current.items()
                 if cid not in in_file}
        tickets = {ticket: cid for cid, (_r, _s, ticket) in self.current.items()
                   if cid not in in_file}
        for record in records:
            if record.row not in self.resolved:
                continue
            room = self.resolved[record.row][1]
            if (room, record.seat_no) in seats:
                self._report(record, "seat_no", record.seat_no, translate(
                    "Import", "this seat belongs to a candidate who is not in the file"),
                    translate("Import", "choose a free seat, or add that candidate's row"))
            elif record.ticket_no in tickets:
                self._report(record, "ticket_no", record.ticket_no, translate(
                    "Import", "this ticket number belongs to a candidate who is not in the "
                              "file"), translate("Import", "correct the ticket number"))

    def _report(self, record: SeatRecord, field: str, value: object, what: str, fix: str,
                severity: Severity = Severity.ERROR) -> None:
        index = self.header.columns.get(field)
        self.problems.add(what, fix, row=record.row, column=index,
                          header="" if index is None else self.header.headers[index],
                          value=value, severity=severity)

    def write(self, added: Sequence[SeatRecord], changed: Sequence[SeatRecord],
              progress: Progress, cancelled: Cancelled) -> None:
        """Replace the seats of the candidates in the file."""
        rows = [*added, *changed]
        ids = [self.resolved[r.row][0] for r in rows]
        for start in range(0, len(ids), 5000):
            check_cancelled(cancelled)
            self.session.execute(delete(SeatAssignment).where(
                SeatAssignment.candidate_id.in_(ids[start : start + 5000])))
        bulk_insert(self.session, SeatAssignment, [
            {"candidate_id": self.resolved[r.row][0], "exam_id": self.exam.id,
             "room_id": self.resolved[r.row][1], "seat_no": r.seat_no, "ticket_no": r.ticket_no}
            for r in rows
        ])
        follow_seats(self.session, ids)
        progress(len(rows), len(rows), translate("Import", "Seats written"))


#: A seating plan made upstream: ticket number, center, room and seat per candidate.
SEATING: SheetImport[SeatRecord, None] = SheetImport(
    key="seating",
    title=lambda: translate("Import", "Seating plan"),
    description=lambda: translate("Import", "import a seating plan made upstream (ticket "
                                            "number, center, room, seat per candidate), then "
                                            "check it"),
    sheet_kind=SheetKind.SEATING,
    needs=lambda _session, _exam: None,
    validate=lambda raw, header, _needs, progress, cancelled: validate_seating(
        raw, header, progress, cancelled),
    plan=lambda session, exam, header, problems, _needs: _Plan(session, exam, header, problems),
    widths={"ticket_no": SeatAssignment.ticket_no},
)
# prepare and apply in one session (see :meth:`SheetImport.run`).
import_seating = SEATING.run
