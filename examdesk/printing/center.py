"""The data of the center's own sheets: temporary ID certificates and the center summary."""

from __future__ import annotations

from dataclasses import dataclass

from examdesk.printing.common import PrintedSession


@dataclass(frozen=True)
class CertificateData:
    """临时身份证明: issued by the police desk to a candidate without their ID card.

    A certificate with an empty ``serial_no`` is a blank form, filled in by hand.

    Attributes:
        exam_name: the exam's name.
        center_name: the test center's name.
        serial_no: the certificate's serial number.
        name: the candidate's name.
        gender: 男 or 女.
        id_number: the full ID number (the certificate stands in for the card).
        photo: the candidate's JPEG photo, or ``None``.
        ticket_no: the admission ticket number.
        room_code: the candidate's room ("" if unknown).
        sessions: the sessions it is valid for.
        officer_name: the issuing officer.
        police_unit: the officer's police unit.
        issued_at: when, e.g. ``2023-06-11 08:32``.
        validity: what it is valid for, e.g. ``仅限本次考试使用``.
    """

    exam_name: str
    center_name: str
    serial_no: str
    name: str
    gender: str
    id_number: str
    photo: bytes | None
    ticket_no: str
    room_code: str
    sessions: tuple[PrintedSession, ...]
    officer_name: str
    police_unit: str
    issued_at: str
    validity: str = "仅限本次考试使用"


@dataclass(frozen=True)
class CountLine:
    """One line of a summary table: a label and its numbers, e.g. (初级, (40, 1200))."""

    label: str
    values: tuple[int, ...]


@dataclass(frozen=True)
class CenterSummaryData:
    """考点情况汇总: one center at a glance.

    Attributes:
        exam_name: the exam's name.
        center_code: the test center's code.
        center_name: the test center's name.
        address: its address.
        contact: its contact person, e.g. ``李老师``.
        rooms: rooms holding candidates.
        spare_rooms: spare rooms (备用考场).
        seats: usable seats in the rooms holding candidates.
        candidates: seated candidates.
        levels: per level: (rooms, candidates).
        sessions: per session (label = the session's label): (rooms in use, candidates
            expected, invigilators, roving, inspectors, post staff).
        staff: per role: (people).
        posts: per post (label = kind and place): (headcount per session, staff rostered).
        session_list: the sessions in time order.
        phone: the contact's phone, e.g. ``0394-8888888`` ("" if none).
        attendance: per session whose attendance was started (label = the session's code):
            (rooms marked, expected, sat, late, absent, not marked); empty before any marks.
        absentees: per such session, the absentees' tickets (label = ``S1：ticket ...``).
    """

    exam_name: str
    center_code: str
    center_name: str
    address: str
    contact: str
    rooms: int
    spare_rooms: int
    seats: int
    candidates: int
    levels: tuple[CountLine, ...]
    sessions: tuple[CountLine, ...]
    staff: tuple[CountLine, ...]
    posts: tuple[CountLine, ...]
    session_list: tuple[PrintedSession, ...] = ()
    phone: str = ""
    attendance: tuple[CountLine, ...] = ()
    absentees: tuple[CountLine, ...] = ()
