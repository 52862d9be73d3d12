"""Admission ticket numbers (准考证号) from the exam's pattern of fields.

A pattern is a list of fields, each with a width, e.g. the common 11-digit form
level(1) year(2) province(2) city(2) room(2) seat(2) (docs/domain.md, "Admission ticket
numbers"). Geographic fields take the rightmost digits of their code (city 4116 in 2 digits is
16; county 411602 in 4 is 1602); number fields are zero-padded and must fit their width, or the
pattern is too narrow.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from examdesk.errors import PlanProblem
from examdesk.i18n import translate

#: What a pattern field may be. ``room`` is the room's place among its center's rooms;
#: ``exam_room`` its place among all the exam's rooms; ``literal`` a fixed text.
FIELDS = ("level", "year", "province", "city", "county", "center", "room", "exam_room",
          "seat", "literal")
_GEOGRAPHIC = frozenset({"year", "province", "city", "county"})
MAX_WIDTH = 12


@dataclass(frozen=True)
class TicketField:
    """One part of the ticket number.

    Attributes:
        field: one of :data:`FIELDS`.
        width: characters it takes.
        value: the text of a ``literal`` field.
    """

    field: str
    width: int
    value: str = ""


@dataclass(frozen=True)
class TicketParts:
    """What a ticket number is made from, for one seat.

    Attributes:
        level: the level's code.
        year: the exam year, e.g. 2023.
        province: the province code (2 digits), or "".
        city: the city code (4 digits), or "".
        county: the county code (6 digits), or "".
        center: the test center's code.
        room: the room's place among its center's rooms, from 1.
        exam_room: the room's place among all the exam's rooms, from 1.
        seat: the seat number.
    """

    level: str
    year: int
    province: str
    city: str
    county: str
    center: str
    room: int
    exam_room: int
    seat: int


class TicketOverflow(PlanProblem):
    """A value does not fit its field: the pattern is too narrow for this exam."""

    def __init__(self, field: str, value: str, width: int) -> None:
        self.field = field
        self.value = value
        self.width = width
        super().__init__(translate(
            "Tickets", "The ticket number's {field} field has {width} digits, but {value} "
                       "needs {needed}; widen the field in the exam's ticket pattern."
        ).format(field=field, width=width, value=value, needed=len(value)),
            code="ticket-overflow", field=field, value=value, width=width)


@dataclass(frozen=True)
class TicketPattern:
    """The exam's ticket-number pattern."""

    fields: tuple[TicketField, ...]

    @classmethod
    def from_setting(cls, setting: Sequence[Mapping[str, Any]]) -> TicketPattern:
        """Read the pattern as stored in the exam's settings.

        Args:
            setting: ``[{"field": "level", "width": 1}, ...]``.

        Returns:
            The pattern.

        Raises:
            PlanProblem: an unknown field, a width outside 1..12, or no seat field (without
                it two seats of a room would share a number).
        """
        fields = []
        for item in setting:
            name = str(item.get("field", ""))
            value = str(item.get("value", ""))
            width = int(item.get("width", len(value)))
            if name not in FIELDS or not 1 <= width <= MAX_WIDTH:
                raise PlanProblem(translate(
                    "Tickets", "The exam's ticket pattern has a field {field} of width {width}; "
                               "use the fields {fields} with widths 1 to {most}."
                ).format(field=name or "?", width=width, fields=", ".join(FIELDS),
                         most=MAX_WIDTH))
            fields.append(TicketField(name, width, value))
        if not any(f.field == "seat" for f in fields):
            raise PlanProblem(translate(
                "Tickets", "The exam's ticket pattern has no seat field, so two seats of a room "
                           "would get one number; add the seat field."))
        return cls(tuple(fields))

    @property
    def width(self) -> int:
        """Characters in a ticket number."""
        return sum(f.width for f in self.fields)

    def has(self, field: str) -> bool:
        """Whether the pattern uses ``field``."""
        return any(f.field == field for f in self.fields)

    def make(self, parts: TicketParts) -> str:
        """The ticket number of one seat.

        Args:
            parts: the values of the seat.

        Returns:
            The ticket number.

        Raises:
            TicketOverflow: a number does not fit its field's width.
        """
        return "".join(_part(f, parts) for f in self.fields)


def _part(field: TicketField, parts: TicketParts) -> str:
    if field.field == "literal":
        return field.value[: field.width].rjust(field.width, "0")
    raw = {
        "level": parts.level, "year": str(parts.year), "province": parts.province,
        "city": parts.city, "county": parts.county, "center": parts.center,
        "room": str(parts.room), "exam_room": str(parts.exam_room), "seat": str(parts.seat),
    }[field.field]
    if field.field in _GEOGRAPHIC:
        return raw[-field.width :].rjust(field.width, "0")
    text = raw.lstrip("0") or "0"
    if len(text) > field.width:
        raise TicketOverflow(field.field, raw, field.width)
    return text.rjust(field.width, "0")
