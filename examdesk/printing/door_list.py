"""The data of a door list (考场门贴): posted on the door, so names and tickets only."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DoorListSeat:
    """One line of a door list.

    Attributes:
        seat_no: the seat number.
        ticket_no: the admission ticket number.
        name: the candidate's name (no ID number: the list is public).
    """

    seat_no: int
    ticket_no: str
    name: str


@dataclass(frozen=True)
class DoorList:
    """One room's door list.

    Attributes:
        exam_name: the exam's name.
        center_name: the test center's name.
        room_code: the room number (考场号).
        room_location: where the room is (building, floor, classroom).
        sessions: the room's sessions, e.g. "6月11日 09:00-11:00 社会工作综合能力(初级)".
        seats: the seated candidates in seat order.
    """

    exam_name: str
    center_name: str
    room_code: str
    room_location: str
    sessions: tuple[str, ...]
    seats: tuple[DoorListSeat, ...]
