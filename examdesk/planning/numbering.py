"""Ticket numbers for the seats an allocation fills, and why the pattern cannot make them.

Every new seat gets the number the exam's ticket pattern makes (``Rules.ticket``). Made one
seat at a time that is too slow at provincial scale, so :class:`RoomTickets` makes a room's
numbers at once, splicing the seat digits into its first number. When the pattern cannot number
the plan (a field too narrow for its value, or one number on two seats) the allocation stops
with these issues, each with the change the pattern needs. The same checks on a plan that
already exists, ours or imported, are in :mod:`examdesk.planning.ticket_checks`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from examdesk.i18n import translate
from examdesk.planning.plan import PlanIssue, PlanRoom, Rules, Seat
from examdesk.planning.tickets import TicketOverflow, TicketPattern

_MAX_TICKET_ISSUES = 10  # a pattern without its center field collides thousands of times


class RoomTickets:
    """The ticket number of each seat of a room, for a level, made once per room and level.

    ``Rules.ticket`` takes ~7.5 us, too slow for 100,000 seats, so the seat digits are
    spliced into the room's first ticket; the room's last valid seat is checked against
    ``Rules.ticket`` and any difference falls back to it for the whole room.
    """

    def __init__(self, rooms: Sequence[PlanRoom], rules: Rules) -> None:
        """Numbers for ``rooms`` (addressed by index) under ``rules``, made when first asked."""
        self._rooms = rooms
        self._rules = rules
        self._made: dict[tuple[int, str], list[str | None]] = {}
        self._seat_fields = _seat_fields(rules)

    def for_room(self, r: int, level: str) -> list[str | None]:
        """Ticket of each seat of room ``r`` for ``level``; None where the seat overflows.

        Args:
            r: the room's index in the rooms given to the constructor.
            level: the level whose candidates sit there.

        Returns:
            One ticket per seat index.

        Raises:
            TicketOverflow: a field other than the seat's is too narrow for the room.
        """
        key = (r, level)
        cached = self._made.get(key)
        if cached is not None:
            return cached
        room = self._rooms[r]
        count = room.grid.capacity
        tickets: list[str | None] = []
        if count:
            tickets = _splice_all(self._rules.ticket(room, 1, level), self._seat_fields, count)
            last = count - 1
            while last and tickets[last] is None:  # seats too wide for the seat field
                last -= 1
            if tickets[last] != self._rules.ticket(room, last + 1, level):
                tickets = [self._exact_ticket(room, seat, level) for seat in range(1, count + 1)]
        self._made[key] = tickets
        return tickets

    def _exact_ticket(self, room: PlanRoom, seat: int, level: str) -> str | None:
        try:
            return self._rules.ticket(room, seat, level)
        except TicketOverflow:
            return None


def collision_issues(seats: Sequence[Seat], seat_rooms: Sequence[int],
                     rooms: Sequence[PlanRoom], pattern: TicketPattern,
                     keeps_seat: Callable[[int], bool]) -> list[PlanIssue]:
    """Seats of a finished plan that share a ticket number, and what to change.

    Args:
        seats: every seat of the plan, kept ones included.
        seat_rooms: the room index of each seat.
        rooms: the rooms, by index.
        pattern: the exam's ticket pattern.
        keeps_seat: whether a candidate id kept their seat (and so its number) from before.

    Returns:
        One issue per clash, the first ten only, then one that counts the rest; empty when
        every number is unique.
    """
    if len({seat.ticket_no for seat in seats}) == len(seats):
        return []
    owner: dict[str, int] = {}
    clashes: list[tuple[int, int]] = []
    for i, seat in enumerate(seats):
        first = owner.setdefault(seat.ticket_no, i)
        if first != i:
            clashes.append((first, i))
    issues = [_collision_issue((seat_rooms[a], seats[a]), (seat_rooms[b], seats[b]), rooms,
                               pattern, keeps_seat)
              for a, b in clashes[:_MAX_TICKET_ISSUES]]
    if len(clashes) > _MAX_TICKET_ISSUES:
        issues.append(PlanIssue(
            "ticket-twice",
            translate("Plan", "{count} more seats share a ticket number with another seat")
            .format(count=len(clashes) - _MAX_TICKET_ISSUES), issues[0].fix))
    return issues


def overflow_issue(overflow: TicketOverflow) -> PlanIssue:
    """The issue when a value is too wide for its field of the ticket pattern.

    Args:
        overflow: what the pattern raised.

    Returns:
        The issue, with the width the field needs.
    """
    return PlanIssue(
        "ticket-overflow",
        translate("Plan", "The ticket number's {field} field has {width} digits, but {value} "
                          "needs {needed}").format(field=overflow.field, width=overflow.width,
                                                   value=overflow.value,
                                                   needed=len(overflow.value)),
        translate("Plan", "widen the {field} field of the exam's ticket pattern to {needed} "
                          "digits").format(field=overflow.field, needed=len(overflow.value)))


def seat_label(room: PlanRoom, seat_no: int) -> str:
    """A seat as the allocation's messages name it, e.g. "考点01/01121 seat 07"."""
    return translate("Plan", "{room} seat {seat:02d}").format(room=room.label, seat=seat_no)


def _collision_issue(a: tuple[int, Seat], b: tuple[int, Seat], rooms: Sequence[PlanRoom],
                     pattern: TicketPattern, keeps_seat: Callable[[int], bool]) -> PlanIssue:
    (ra, seat_a), (rb, seat_b) = a, b
    room_a, room_b = rooms[ra], rooms[rb]
    kept = keeps_seat(seat_a.candidate_id) or keeps_seat(seat_b.candidate_id)
    if room_a.center_code != room_b.center_code and not pattern.has("center") and (
            not pattern.has("exam_room")):
        fix = translate("Plan", "add the center field to the ticket pattern, or number "
                                "rooms across the exam with the exam_room field")
    elif ra != rb and not pattern.has("room") and not pattern.has("exam_room"):
        fix = translate("Plan", "add the room or exam_room field to the ticket pattern")
    elif kept:
        fix = translate("Plan", "a kept seat has a number from an earlier pattern: reseat "
                                "that candidate, or restore the earlier pattern")
    else:
        fix = translate("Plan", "add fields that tell the two seats apart (center, room "
                                "or exam_room) to the ticket pattern, or widen them")
    return PlanIssue(
        "ticket-twice",
        translate("Plan", "{first} and {second} would both have the ticket number {ticket}")
        .format(first=seat_label(room_a, seat_a.seat_no),
                second=seat_label(room_b, seat_b.seat_no), ticket=seat_a.ticket_no),
        fix, center=room_b.center_code, room=room_b.code)


def _seat_fields(rules: Rules) -> tuple[tuple[int, int], ...]:
    # (offset, width) of every seat field in the ticket number
    fields, offset = [], 0
    for f in rules.pattern.fields:
        if f.field == "seat":
            fields.append((offset, f.width))
        offset += f.width
    return tuple(fields)


def _splice_all(first: str, fields: tuple[tuple[int, int], ...], count: int
                ) -> list[str | None]:
    # the ticket of seats 1..count: seat 1's ticket with the seat digits replaced
    if len(fields) == 1:  # the usual pattern: one seat field, so one prefix and one suffix
        offset, width = fields[0]
        head, tail = first[:offset], first[offset + width:]
        widest = 10**width - 1
        return [head + str(seat).rjust(width, "0") + tail if seat <= widest else None
                for seat in range(1, count + 1)]
    return [_splice(first, fields, seat) for seat in range(1, count + 1)]


def _splice(first: str, fields: tuple[tuple[int, int], ...], seat: int) -> str | None:
    text = str(seat)
    ticket = first
    for offset, width in fields:
        if len(text) > width:
            return None
        ticket = ticket[:offset] + text.rjust(width, "0") + ticket[offset + width:]
    return ticket
