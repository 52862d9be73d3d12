"""The data of the center's end-of-day list of doubtful (存疑) candidates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DoubtfulLine:
    """One doubtful candidate as the list prints them.

    Attributes:
        ticket: the admission ticket number.
        name: the candidate's name.
        id_number: the ID number masked as public sheets mask it (``412702********123X``).
        room: the room's code.
        seat: the seat number ("" if not seated).
        session: the session they were let in for, e.g. ``S2 09:00-11:00`` ("" if none of
            theirs that day).
        reason: why the identity is in doubt.
        recorded_by: who recorded it at the gate.
        recorded_at: when, e.g. ``06-11 08:32``.
        confirmed_by: the invigilators who confirmed the identity (0 or 1 on an open record,
            2 on a cleared one).
        cleared_at: when the second invigilator confirmed, e.g. ``06-11 09:40`` ("" if open).
    """

    ticket: str
    name: str
    id_number: str
    room: str
    seat: str
    session: str
    reason: str
    recorded_by: str
    recorded_at: str
    confirmed_by: tuple[str, ...]
    cleared_at: str = ""


@dataclass(frozen=True)
class DoubtfulListData:
    """存疑考生情况表: a center's doubtful candidates on one exam day.

    Attributes:
        exam_name: the exam's name.
        center_code: the test center's code.
        center_name: the test center's name.
        day: the day it covers, e.g. ``2023年6月11日``.
        open: the records still open at the end of the day, in the order recorded.
        cleared: the records cleared by two invigilators that day.
    """

    exam_name: str
    center_code: str
    center_name: str
    day: str
    open: tuple[DoubtfulLine, ...]
    cleared: tuple[DoubtfulLine, ...]
