"""The seating plan as plain data: rooms, candidates, seats and the rules, no database.

Services build these from the database and write the results back; the allocation and the
checks in this package only ever see these dataclasses, so they are tested and measured
alone (docs/architecture.md, "Pure planning").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from examdesk.enums import Corner, SeatOrder
from examdesk.i18n import translate
from examdesk.planning.seats import Grid
from examdesk.planning.tickets import TicketParts, TicketPattern


@dataclass(frozen=True)
class PlanRoom:
    """A room as the plan sees it.

    Attributes:
        id: the room's id.
        center_id: its test center's id.
        center_code: the center's code (考点编号).
        center_name: the center's name.
        district: the center's district ("" when not set).
        code: the room's code (考场号).
        number: the room's place among its center's rooms, from 1 (ticket field ``room``).
        exam_number: its place among all the exam's rooms, from 1 (``exam_room``).
        grid: its desks.
        accessible: whether it is an accessible room (无障碍考场).
        spare: a spare room (备用考场), kept empty.
        locked: no allocation run may change who sits in it.
    """

    id: int
    center_id: int
    center_code: str
    center_name: str
    district: str
    code: str
    number: int
    exam_number: int
    grid: Grid
    accessible: bool = False
    spare: bool = False
    locked: bool = False

    @property
    def label(self) -> str:
        """How messages name the room: 考点01 考场01003."""
        return f"{self.center_code}/{self.code}"


@dataclass(frozen=True)
class PlanCandidate:
    """A candidate as the plan sees it.

    Attributes:
        id: the candidate's id.
        level: the level's code.
        work_unit: the employer, compared for seat spacing ("" = none).
        district: the candidate's district ("" when not set).
        needs_accessible: needs an accessible room.
        label: how messages name the candidate (registration number and name).
    """

    id: int
    level: str
    work_unit: str = ""
    district: str = ""
    needs_accessible: bool = False
    label: str = ""


@dataclass(frozen=True)
class Seat:
    """One candidate's place: room, seat number and admission ticket number.

    Attributes:
        candidate_id: who sits there.
        room_id: the room.
        seat_no: the seat number (1-based, in the exam's seat order).
        ticket_no: the admission ticket number.
    """

    candidate_id: int
    room_id: int
    seat_no: int
    ticket_no: str


@dataclass(frozen=True)
class ExamCodes:
    """The exam's own parts of a ticket number.

    Attributes:
        year: the exam year.
        province: the province code (2 digits) or "".
        city: the city code (4 digits) or "".
        county: the county code (6 digits) or "".
    """

    year: int
    province: str = ""
    city: str = ""
    county: str = ""


@dataclass(frozen=True)
class Rules:
    """The settings an allocation follows, each one a setting of the exam.

    The defaults are in docs/domain.md, "Settings and their defaults".

    Attributes:
        levels: the level codes in the exam's order; rooms are given to levels in this order.
        level_names: level code -> name, for messages.
        seat_order: how seat numbers run through a room.
        corner: where seat 1 is.
        pattern: the ticket-number pattern.
        codes: the exam's year and region codes for tickets.
        seed: the shuffle's seed; the same inputs and seed give the same plan.
        by_district: candidates sit in test centers of their own district.
        merge_tail: a level's last room holding this many candidates or fewer (but at least
            one) is emptied into the level's earlier rooms when they have free seats.
        retired_tickets: numbers issued once and withdrawn; never given again.
    """

    levels: tuple[str, ...]
    level_names: dict[str, str]
    seat_order: SeatOrder
    corner: Corner
    pattern: TicketPattern
    codes: ExamCodes
    seed: int = 0
    by_district: bool = False
    merge_tail: int = 3
    retired_tickets: frozenset[str] = field(default_factory=frozenset)

    def ticket(self, room: PlanRoom, seat_no: int, level: str) -> str:
        """The ticket number of a seat for a candidate of ``level``.

        Raises:
            TicketOverflow: the pattern is too narrow for this exam.
        """
        return self.pattern.make(TicketParts(
            level=level, year=self.codes.year, province=self.codes.province,
            city=self.codes.city, county=self.codes.county, center=room.center_code,
            room=room.number, exam_room=room.exam_number, seat=seat_no,
        ))


class Severity(StrEnum):
    """An error makes the plan unusable; a warning is worth a look."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Remedy:
    """What a problem's fix asks the user to do, for each face to offer its own way: the
    command line names its command, a window its button (the core's words name neither).

    Attributes:
        action: the operation, stable for faces: ``allocate-keep`` (seat the candidates
            without a seat, keeping every other seat), ``max-sessions`` (raise the sessions
            per person), ``cross-center`` (allow staff from other centers), ``staff-posts``
            (staff the posts again), ``make-posts`` (make a center's standard posts).
        text: the words of the fix that ask for it, as the fix has them, so that a face may
            put its own words in their place.
        fields: the values the action takes or the words were made from, e.g.
            ``(("sessions", 5),)`` or ``(("center", "03"),)``.
    """

    action: str
    text: str
    fields: tuple[tuple[str, str | int], ...] = ()

    def field(self, name: str) -> str | int:
        """The value of one of :attr:`fields`.

        Raises:
            KeyError: the remedy has no such field.
        """
        return dict(self.fields)[name]


@dataclass(frozen=True)
class PlanIssue:
    """One problem of a plan, with its cause and a fix the user can carry out.

    Attributes:
        code: a stable identifier for scripts, e.g. ``seat-twice``.
        message: what is wrong and why (translated, no final period).
        fix: how to fix it (translated, no final period).
        severity: error or warning.
        center: the test center's code, when the problem is about one.
        room: the room's code, when about one.
        candidate: the candidate's label, when about one.
        staff_id: the staff member it is about, when about one (the first of two named),
            so that the window can open them; no face prints it.
        post_id: the service post it is about, when about one (as ``staff_id``).
        remedies: the operations the fix asks for, each with the words naming it in
            ``fix`` (see :class:`Remedy`).
    """

    code: str
    message: str
    fix: str
    severity: Severity = Severity.ERROR
    center: str = ""
    room: str = ""
    candidate: str = ""
    remedies: tuple[Remedy, ...] = ()
    staff_id: int | None = None
    post_id: int | None = None

    @property
    def is_error(self) -> bool:
        """Whether the plan cannot be used as it is."""
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        """``message: fix``, e.g. "考点03 needs 12 more 社会工作师 seats: add a room or ..."."""
        return translate("Plan", "{message}: {fix}").format(message=self.message, fix=self.fix)
