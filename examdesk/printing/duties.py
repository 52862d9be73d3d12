"""The data of the staff sheets: duty sheet, duty cards, post roster and draw result."""

from __future__ import annotations

from dataclasses import dataclass

from examdesk.printing.common import Person, PrintedSession


@dataclass(frozen=True)
class RoomDutyLine:
    """One room on a duty sheet or draw result.

    Attributes:
        room_code: the room number.
        location: where it is.
        invigilators: the lead (printed with ``*``) first, then the others.
        lead_known: ``invigilators[0]`` is the lead.
    """

    room_code: str
    location: str
    invigilators: tuple[Person, ...]
    lead_known: bool = True


@dataclass(frozen=True)
class FloorDuty:
    """The roving invigilators (流动监考) of one floor."""

    floor: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class PostDutyLine:
    """A post staffed in a duty sheet's session.

    Attributes:
        post: what the post is, e.g. ``医疗急救点``.
        place: where it is.
        report_time: when its people report, e.g. ``07:30`` (the post's own hours).
        people: who is on it.
    """

    post: str
    place: str
    report_time: str
    people: tuple[Person, ...]


@dataclass(frozen=True)
class DutySheetData:
    """监考安排表: one center's staffing in one session.

    Attributes:
        exam_name: the exam's name.
        center_code: the test center's code.
        center_name: the test center's name.
        session: the session (``papers`` = the papers sat at the center).
        rooms: the rooms in use, in room order.
        roving: roving invigilators by floor.
        inspectors: the inspectors (巡考).
        reserves: the reserve invigilators (备用监考).
        draw: how the rooms were given, e.g. ``抽签 2023-06-11 08:05 主持人：张主考``, or ``""``
            if not drawn yet (the rooms are then the roster's, to be drawn on the morning).
        posts: the posts staffed in the session, with their report times.
    """

    exam_name: str
    center_code: str
    center_name: str
    session: PrintedSession
    rooms: tuple[RoomDutyLine, ...]
    roving: tuple[FloorDuty, ...] = ()
    inspectors: tuple[Person, ...] = ()
    reserves: tuple[Person, ...] = ()
    draw: str = ""
    posts: tuple[PostDutyLine, ...] = ()


@dataclass(frozen=True)
class CardDuty:
    """One session's duty on a personal duty card.

    Attributes:
        session: the session.
        duty: what the person does, e.g. ``监考（考场负责人）`` or ``流动监考``.
        place: where, e.g. ``第 003 考场 教学楼A 3楼 301`` or ``教学楼A 3楼``.
    """

    session: PrintedSession
    duty: str
    place: str


@dataclass(frozen=True)
class DutyCard:
    """A personal duty card (cut from a sheet of several).

    Attributes:
        exam_name: the exam's name.
        center_name: the test center's name.
        person: who.
        roles: their roles, e.g. ``监考员、流动监考``.
        duties: their duties in time order.
        note: a remark, e.g. that rooms are drawn on the morning.
    """

    exam_name: str
    center_name: str
    person: Person
    roles: str
    duties: tuple[CardDuty, ...]
    note: str = ""


@dataclass(frozen=True)
class PostShift:
    """Who is on a post in one shift (``session`` may join sessions starting together, e.g.
    ``S3/S4``; its ``report_time`` is the post's)."""

    session: PrintedSession
    people: tuple[Person, ...]


@dataclass(frozen=True)
class SupplyItem:
    """A supply a post holds, e.g. 矿泉水 240 瓶."""

    item: str
    quantity: int
    unit: str


@dataclass(frozen=True)
class PostLine:
    """One service, medical or police post.

    Attributes:
        kind: what kind of post, e.g. ``考生服务咨询台``.
        name: its name ("" if none).
        place: where it is.
        hours: when it is open, e.g. ``07:30-16:30`` ("" if not set).
        phone: its phone.
        headcount: people needed per session.
        shifts: who is on duty, session by session.
        supplies: what it holds.
    """

    kind: str
    name: str
    place: str
    hours: str
    phone: str
    headcount: int
    shifts: tuple[PostShift, ...]
    supplies: tuple[SupplyItem, ...] = ()


@dataclass(frozen=True)
class PostRosterData:
    """岗位值班表: one center's posts."""

    exam_name: str
    center_code: str
    center_name: str
    posts: tuple[PostLine, ...]


@dataclass(frozen=True)
class DrawResultData:
    """抽签结果: the rooms a center's invigilators drew for one session.

    Attributes:
        exam_name: the exam's name.
        center_code: the test center's code.
        center_name: the test center's name.
        session: the session.
        drawn_at: when, e.g. ``2023-06-11 08:05``.
        host: who held the draw (the chief examiner, usually; never the computer login).
        seed: the draw's seed (the same seed gives the same draw).
        rooms: each room with the team that drew it.
    """

    exam_name: str
    center_code: str
    center_name: str
    session: PrintedSession
    drawn_at: str
    host: str
    seed: int
    rooms: tuple[RoomDutyLine, ...]
