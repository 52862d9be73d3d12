"""Checks of a plan's ticket numbers: each against what the exam's ticket pattern makes.

A seat's number must be the one the pattern makes for its room, seat and level; a number the
pattern is too narrow to make, a number on two seats, or a number retired once issued is a
problem too. An upstream plan may follow another pattern altogether, which is said once for
the whole plan rather than once per room. These checks are the part of
:func:`examdesk.planning.checks.check_plan` that needs the pattern, kept apart from the checks
of rooms and seats; :class:`ExpectedTickets` makes the numbers for both.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from examdesk.i18n import translate
from examdesk.planning.check_wording import issue as _issue
from examdesk.planning.check_wording import names as _names
from examdesk.planning.check_wording import seat as _seat
from examdesk.planning.check_wording import who as _who
from examdesk.planning.plan import PlanCandidate, PlanIssue, PlanRoom, Rules, Seat
from examdesk.planning.tickets import TicketField, TicketOverflow, TicketParts, TicketPattern

_Entry = tuple[Seat, PlanRoom, PlanCandidate]  # a seat with its room and candidate


class ExpectedTickets:
    """The ticket number the exam's pattern makes for each seat, and what it cannot make.

    Attributes:
        overflows: pattern field -> (its width, the value needing the most digits), for each
            field too narrow for a value it was given.
        unnumbered: seats :func:`ticket_issues` found the pattern cannot number.
    """

    def __init__(self, rules: Rules) -> None:
        """Numbers made by ``rules.ticket``, as they are asked for."""
        self._rules = rules
        self._segments: dict[tuple[int, str], tuple[str, ...] | None] = {}
        self._seat_text: dict[int, tuple[str, ...] | None] = {}
        self.overflows: dict[str, tuple[int, str]] = {}
        self.unnumbered = 0

    def expected(self, room: PlanRoom, seat_no: int, level: str) -> str | None:
        """``rules.ticket(room, seat_no, level)``; None when the pattern is too narrow.

        Each pattern field depends on one part only, so a room's number for one level is made
        once and only the seat fields are spliced in per seat: calling the pattern for every
        seat of a provincial plan would take most of a second.
        """
        key = (room.id, level)
        if key not in self._segments:
            self._segments[key] = self._split(room, level)
        segments = self._segments[key]
        if seat_no not in self._seat_text:
            self._seat_text[seat_no] = self._seat_fields(seat_no)
        texts = self._seat_text[seat_no]
        if segments is None or texts is None:
            return None
        if len(texts) == 1:
            return segments[0] + texts[0] + segments[1]
        return "".join(part for pair in zip(segments, (*texts, ""), strict=True) for part in pair)

    def _split(self, room: PlanRoom, level: str) -> tuple[str, ...] | None:
        try:
            base = self._rules.ticket(room, 1, level)
        except TicketOverflow as overflow:
            self._overflow(overflow)
            return None
        segments, start = [], 0
        for position, f in _field_spans(self._rules.pattern):
            if f.field == "seat":
                segments.append(base[start:position])
                start = position + f.width
        segments.append(base[start:])
        return tuple(segments)

    def _seat_fields(self, seat_no: int) -> tuple[str, ...] | None:
        parts = TicketParts(
            level="",
            year=0,
            province="",
            city="",
            county="",
            center="",
            room=0,
            exam_room=0,
            seat=seat_no,
        )
        try:
            return tuple(
                TicketPattern((f,)).make(parts)
                for f in self._rules.pattern.fields
                if f.field == "seat"
            )
        except TicketOverflow as overflow:
            self._overflow(overflow)
            return None

    def _overflow(self, overflow: TicketOverflow) -> None:
        needed = len(overflow.value.lstrip("0") or "0")
        known = self.overflows.get(overflow.field)
        if known is None or needed > len(known[1].lstrip("0") or "0"):
            self.overflows[overflow.field] = (overflow.width, overflow.value)


def ticket_issues(
    rooms: Mapping[int, PlanRoom],
    in_room: Mapping[int, Sequence[_Entry]],
    rules: Rules,
    tickets: ExpectedTickets,
) -> list[PlanIssue]:
    """Every problem of the plan's ticket numbers.

    Args:
        rooms: the exam's rooms by id.
        in_room: room id -> the seats in it of the exam's candidates.
        rules: the exam's rules and ticket pattern.
        tickets: the expected numbers, as the other checks have already asked for them.

    Returns:
        The issues, in no particular order.
    """
    issues: list[PlanIssue] = []
    wrong: dict[int, list[tuple[_Entry, str]]] = defaultdict(list)
    first: dict[str, tuple[_Entry, str | None]] = {}
    shared: dict[str, list[tuple[_Entry, str | None]]] = {}
    compared = 0
    for room_id, entries in in_room.items():
        capacity = rooms[room_id].grid.capacity
        for entry in entries:
            seat, room, c = entry
            expected = None
            if 1 <= seat.seat_no <= capacity:
                expected = tickets.expected(room, seat.seat_no, c.level)
                tickets.unnumbered += expected is None
            held = (entry, expected)
            # only tickets seen twice get a list: one per seat would cost a tenth of a second
            if first.setdefault(seat.ticket_no, held) is not held:
                shared.setdefault(seat.ticket_no, [first[seat.ticket_no]]).append(held)
            if expected is not None:
                compared += 1
                if seat.ticket_no != expected:
                    wrong[room_id].append((entry, expected))
            if seat.ticket_no in rules.retired_tickets:
                issues.append(_retired(entry, expected))
    if tickets.overflows:
        issues.append(_narrow(tickets))
    mismatched = sum(len(w) for w in wrong.values())
    if len(wrong) > 1 and mismatched == compared:
        # nothing matches: most likely an upstream plan numbered with another pattern
        everything = [w for room_wrong in wrong.values() for w in room_wrong]
        fields = Counter(
            f for entry, exp in everything for f in _fields(rules.pattern, entry[0].ticket_no, exp)
        )
        issues.append(
            _issue(
                "ticket-mismatch",
                translate(
                    "Plan",
                    "none of the {count} ticket numbers is what the exam's ticket "
                    "pattern makes "
                    "(fields that differ: {fields}), e.g. {example}",
                ).format(
                    count=compared,
                    fields=", ".join(f for f, _n in fields.most_common()),
                    example=_example(rules.pattern, *everything[0]),
                ),
                translate(
                    "Plan",
                    "if the numbers came from an upstream plan, set the exam's ticket "
                    "pattern to "
                    "theirs; otherwise give every seat the number the pattern makes",
                ),
            )
        )
    else:
        for room_wrong in wrong.values():
            room = room_wrong[0][0][1]
            issues.append(
                _issue(
                    "ticket-mismatch",
                    translate(
                        "Plan",
                        "{count} ticket numbers in {room} are not what the exam's "
                        "ticket pattern "
                        "makes: {examples}",
                    ).format(
                        count=len(room_wrong),
                        room=room.label,
                        examples=_names([_example(rules.pattern, e, x) for e, x in room_wrong], 3),
                    ),
                    translate(
                        "Plan",
                        "give these seats the numbers the pattern makes, or correct the "
                        "exam's "
                        "ticket pattern if the numbers are right",
                    ),
                    room=room,
                    who=[e[2] for e, _x in room_wrong],
                )
            )
    issues += _twice(rules.pattern, shared)
    return issues


def _fields(pattern: TicketPattern, actual: str, expected: str) -> list[str]:
    if len(actual) != len(expected):
        return [translate("Plan", "length")]
    return [
        f.field
        for start, f in _field_spans(pattern)
        if actual[start : start + f.width] != expected[start : start + f.width]
    ]


def _example(pattern: TicketPattern, entry: _Entry, expected: str) -> str:
    seat, _room, c = entry
    actual = seat.ticket_no
    if len(actual) != len(expected):
        diff = translate("Plan", "{actual} characters where the pattern makes {expected}").format(
            actual=len(actual), expected=len(expected)
        )
    else:
        diff = translate("Plan", ", ").join(
            translate("Plan", "{field} field {actual} instead of {expected}").format(
                field=f.field,
                actual=actual[start : start + f.width],
                expected=expected[start : start + f.width],
            )
            for start, f in _field_spans(pattern)
            if actual[start : start + f.width] != expected[start : start + f.width]
        )
    return translate(
        "Plan", "{who} on seat {seat} has {actual}, should be {expected} ({diff})"
    ).format(who=_who(c), seat=seat.seat_no, actual=actual, expected=expected, diff=diff)


def _narrow(tickets: ExpectedTickets) -> PlanIssue:
    fields = sorted(tickets.overflows.items())
    needed = {name: len(value.lstrip("0") or "0") for name, (_w, value) in fields}
    return _issue(
        "pattern-too-narrow",
        translate(
            "Plan",
            "the exam's ticket pattern is too narrow for this exam ({fields}): "
            "{count} seats "
            "cannot get a number",
        ).format(
            count=tickets.unnumbered,
            fields=translate("Plan", "; ").join(
                translate(
                    "Plan", "the {field} field has {width} digits but {value} needs {needed}"
                ).format(field=name, width=width, value=value, needed=needed[name])
                for name, (width, value) in fields
            ),
        ),
        translate(
            "Plan", "widen {fields} in the exam's ticket pattern, then renumber the tickets"
        ).format(
            fields=translate("Plan", ", ").join(
                translate("Plan", "the {field} field to {needed} digits").format(
                    field=name, needed=needed[name]
                )
                for name, _v in fields
            )
        ),
    )


def _retired(entry: _Entry, expected: str | None) -> PlanIssue:
    seat, room, c = entry
    if expected is not None and expected != seat.ticket_no:
        fix = translate("Plan", "give {who} the number the pattern makes, {expected}").format(
            who=_who(c), expected=expected
        )
    else:
        fix = translate(
            "Plan",
            "move {who} to another seat and leave this one empty: its number "
            "may not be "
            "given again",
        ).format(who=_who(c))
    return _issue(
        "ticket-retired",
        translate(
            "Plan", "{who} on {seat} has ticket {ticket}, which was issued once and withdrawn"
        ).format(who=_who(c), seat=_seat(seat.seat_no, room), ticket=seat.ticket_no),
        fix,
        room=room,
        who=[c],
    )


def _twice(
    pattern: TicketPattern, holders: dict[str, list[tuple[_Entry, str | None]]]
) -> list[PlanIssue]:
    issues, by_pattern = [], []
    for ticket, held in holders.items():
        positions = {(e[0].room_id, e[0].seat_no) for e, _x in held}
        if len({e[2].id for e, _x in held}) < 2 or len(positions) < 2:
            continue  # one candidate seated twice, or two on one seat: said elsewhere
        if sum(e[0].ticket_no == x for e, x in held) > 1:
            # the pattern itself gives these seats one number
            by_pattern.append((ticket, held))
            continue
        listed = [
            translate("Plan", "{who} on {seat}").format(
                who=_who(e[2]), seat=_seat(e[0].seat_no, e[1])
            )
            for e, _x in held
        ]
        held.sort(key=lambda h: h[0][0].ticket_no != h[1])
        fixes = [
            translate("Plan", "{who}: {expected}").format(who=_who(e[2]), expected=x or "?")
            for e, x in held[1:]
        ]
        issues.append(
            _issue(
                "ticket-twice",
                translate("Plan", "ticket {ticket} is on {count} seats: {seats}").format(
                    ticket=ticket, count=len(held), seats=_names(listed)
                ),
                translate(
                    "Plan",
                    "keep {ticket} for {who} and give the others the numbers the "
                    "pattern makes "
                    "({fixes})",
                ).format(ticket=ticket, who=_who(held[0][0][2]), fixes=_names(fixes)),
                room=held[0][0][1],
                who=[e[2] for e, _x in held],
            )
        )
    if by_pattern:
        ticket, held = by_pattern[0]
        held = [h for h in held if h[0][0].ticket_no == h[1]]
        a, b = held[0][0][1], held[1][0][1]
        if a.id == b.id:
            fix = translate(
                "Plan",
                "add the level field to the exam's ticket pattern, then renumber the tickets",
            )
        elif a.center_id != b.center_id and not (pattern.has("center") or pattern.has("exam_room")):
            fix = translate(
                "Plan",
                "add the center field to the exam's ticket pattern, or use "
                "exam_room in "
                "place of room, then renumber the tickets",
            )
        elif not (pattern.has("room") or pattern.has("exam_room")):
            fix = translate(
                "Plan", "add the room field to the exam's ticket pattern, then renumber the tickets"
            )
        else:
            fix = translate(
                "Plan",
                "give the rooms distinct numbers ({a} and {b} are both number "
                "{number} "
                "of their test center, exam room {exam_room}), then renumber the "
                "tickets",
            ).format(a=a.label, b=b.label, number=a.number, exam_room=a.exam_number)
        issues.append(
            _issue(
                "ticket-twice",
                translate(
                    "Plan",
                    "the exam's ticket pattern gives {count} numbers to more than one "
                    "seat, e.g. "
                    "{ticket} to {a} and {b}: it does not tell these rooms apart",
                ).format(
                    count=len(by_pattern),
                    ticket=ticket,
                    a=_seat(held[0][0][0].seat_no, a),
                    b=_seat(held[1][0][0].seat_no, b),
                ),
                fix,
            )
        )
    return issues


def _field_spans(pattern: TicketPattern) -> list[tuple[int, TicketField]]:
    spans, position = [], 0
    for f in pattern.fields:
        spans.append((position, f))
        position += f.width
    return spans
