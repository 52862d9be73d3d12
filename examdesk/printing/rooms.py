"""The data of a room's sheets: seating chart, desk labels, sign-in sheets and room records.

One :class:`RoomSheets` holds everything the room's envelope needs, so a room's sheets are
regenerated exactly when this data changes (see ``reports/batch.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from examdesk.printing.common import Person, PrintedSession
from examdesk.printing.door_list import DoorList, DoorListSeat


@dataclass(frozen=True)
class SeatedCandidate:
    """A candidate in their seat.

    Attributes:
        seat_no: the seat number.
        row: the desk's row, 1 = the front row (nearest the podium).
        column: the desk's column, 1 = leftmost seen from the podium.
        ticket_no: the admission ticket number.
        name: the name.
        gender: 男 or 女.
        id_number: the full ID number (internal sheets only: public ones show none, labels
            mask it).
        photo: the JPEG photo, or ``None``.
        sessions: the codes of the sessions the candidate sits, in time order.
        certificate: the serial of the candidate's valid temporary ID (临时身份证明), "" when
            none.
        certificate_sessions: the codes of the sessions it covers.
    """

    seat_no: int
    row: int
    column: int
    ticket_no: str
    name: str
    gender: str
    id_number: str
    photo: bytes | None
    sessions: tuple[str, ...]
    certificate: str = ""
    certificate_sessions: tuple[str, ...] = ()

    def certificate_in(self, session_code: str) -> str:
        """The serial of the temporary ID the candidate sits session ``session_code`` on
        ("" when none): the room's exceptions list shows it beside the candidate."""
        return self.certificate if session_code in self.certificate_sessions else ""


@dataclass(frozen=True)
class Attendance:
    """What the room's desk marked in a session (examdesk/services/attendance.py).

    Attributes:
        present: who sat the paper (present and late).
        late: of them, who came late.
        absent: marked absent (缺考).
        absent_tickets: the absentees' ticket numbers, in seat order.
    """

    present: int
    late: int
    absent: int
    absent_tickets: tuple[str, ...]


@dataclass(frozen=True)
class RoomSession:
    """One session of a room: its papers and its invigilators.

    Attributes:
        session: the session (``papers`` = the papers sat in this room).
        invigilators: the room's invigilators, the lead (考场负责人) first; empty until the
            center's draw of this session is recorded (the roster's teams are provisional and
            secret before it), and the sheets leave the names to be written in.
        lead_known: ``invigilators[0]`` is the lead.
        attendance: the marks of the session, once its desk started marking (None before:
            the sheets leave the counts and the absentees to be written in).
        violations: the violations recorded in the room in this session, a line each
            (ticket, name, the article, the record's number), for the room record.
    """

    session: PrintedSession
    invigilators: tuple[Person, ...] = ()
    lead_known: bool = False
    attendance: Attendance | None = None
    violations: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoomSheets:
    """One room's data for its envelope of sheets.

    Attributes:
        exam_name: the exam's name.
        center_code: the test center's code.
        center_name: the test center's name.
        room_code: the room number (考场号).
        location: where the room is, e.g. ``教学楼A 3楼 301``.
        level: the level sitting in the room, e.g. ``初级``.
        rows: rows of desks.
        columns: columns of desks.
        unusable: (row, column) of desks that are not used.
        sessions: the room's sessions in time order (those in which someone sits a paper).
        seats: the seated candidates in seat order.
    """

    exam_name: str
    center_code: str
    center_name: str
    room_code: str
    location: str
    level: str
    rows: int
    columns: int
    unusable: tuple[tuple[int, int], ...]
    sessions: tuple[RoomSession, ...]
    seats: tuple[SeatedCandidate, ...]

    def sitting(self, session_code: str) -> tuple[SeatedCandidate, ...]:
        """The candidates who sit a paper in session ``session_code``, in seat order."""
        return tuple(s for s in self.seats if session_code in s.sessions)

    def door_list(self) -> DoorList:
        """The room's door list (names and tickets only)."""
        return DoorList(
            self.exam_name, self.center_name, self.room_code, self.location,
            tuple(s.session.label for s in self.sessions),
            tuple(DoorListSeat(s.seat_no, s.ticket_no, s.name) for s in self.seats),
        )
