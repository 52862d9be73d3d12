"""The exam's allocation settings: seat order, first seat, ticket pattern, district rule,
tail merge and the order in which test centers are filled (docs/domain.md, "Settings and their
defaults")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from examdesk.enums import Corner, SeatOrder
from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.model import Exam, TestCenter
from examdesk.model.exam import DEFAULT_MAX_SESSIONS
from examdesk.planning.tickets import TicketPattern
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef

if TYPE_CHECKING:
    from examdesk.planning.plan import PlanIssue

_PART = re.compile(r"([a-z_]+):(\d+)|(\d+)")
# a phone as the notice prints it: 0394-8123456, (0394) 812 3456, 12345, +86 ..., 转 extension
_PHONE = re.compile(r"\+?[0-9(][0-9 ()\-]{2,30}(转[0-9]{1,6})?")


@dataclass(frozen=True)
class ExamSettings:
    """The settings an allocation follows.

    Attributes:
        seat_order: row by row, or S-shaped by column.
        first_seat: where seat 1 is, seen from the podium.
        ticket_pattern: the pattern in its written form, e.g. ``level:1 year:2 seat:2``.
        by_district: candidates sit in test centers of their own district.
        merge_tail: a level's last room with this many candidates or fewer is merged.
        center_order: the test centers' codes in the order they are filled.
        invigilators_per_room: invigilators in every room in every session.
        max_sessions: the most sessions one staff member works.
        reserve_ratio: reserve invigilators per center and session, as a share.
        cross_center: staff may be rostered outside their home test center.
        tech_service_phone: the technical service phone the candidate notice publishes.
        hotline_phone: the consultation hotline the candidate notice publishes.
    """

    seat_order: SeatOrder
    first_seat: Corner
    ticket_pattern: str
    by_district: bool
    merge_tail: int
    center_order: tuple[str, ...]
    invigilators_per_room: int = 2
    max_sessions: int = DEFAULT_MAX_SESSIONS
    reserve_ratio: float = 0.1
    cross_center: bool = False
    tech_service_phone: str = ""
    hotline_phone: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The settings with plain values, for JSON."""
        return {"seat_order": self.seat_order.value, "first_seat": self.first_seat.value,
                "ticket_pattern": self.ticket_pattern, "by_district": self.by_district,
                "merge_tail": self.merge_tail, "center_order": list(self.center_order),
                "invigilators_per_room": self.invigilators_per_room,
                "max_sessions": self.max_sessions, "reserve_ratio": self.reserve_ratio,
                "cross_center": self.cross_center,
                "tech_service_phone": self.tech_service_phone,
                "hotline_phone": self.hotline_phone}


def setting_names() -> dict[str, str]:
    """Each setting of :meth:`ExamSettings.as_dict` named in words (translated), as a core
    message names it (a face names it its own way: an option, a field's label)."""
    return {
        "seat_order": translate("Settings", "seat order"),
        "first_seat": translate("Settings", "corner of seat 1"),
        "ticket_pattern": translate("Settings", "ticket number pattern"),
        "by_district": translate("Settings", "seating by district"),
        "merge_tail": translate("Settings", "largest last room merged"),
        "center_order": translate("Settings", "center order"),
        "invigilators_per_room": translate("Settings", "invigilators per room"),
        "max_sessions": translate("Settings", "most sessions per staff member"),
        "reserve_ratio": translate("Settings", "share of reserve invigilators"),
        "cross_center": translate("Settings", "staff in other centers"),
        "tech_service_phone": translate("Settings", "technical service phone"),
        "hotline_phone": translate("Settings", "consultation hotline"),
    }


def explanations() -> dict[str, str]:
    """What each setting of :meth:`ExamSettings.as_dict` decides, one line each (translated).

    Returns:
        The explanations by the settings' keys, in their order.
    """
    return {
        "seat_order": translate(
            "Settings", "how seat numbers run in a room: row by row from the front (rows), or "
                        "S-shaped column by column (snake)"),
        "first_seat": translate("Settings", "the corner of seat 1, seen from the podium"),
        "ticket_pattern": translate(
            "Settings", "the admission ticket number's parts, left to right, with their "
                        "digits; the last two are the seat"),
        "by_district": translate(
            "Settings", "whether candidates sit only in test centers of their own district"),
        "merge_tail": translate(
            "Settings", "a level's last room with this many candidates or fewer is merged into "
                        "its other rooms (0: never)"),
        "center_order": translate(
            "Settings", "the order in which test centers are filled with candidates"),
        "invigilators_per_room": translate(
            "Settings", "invigilators in every room in every session, the lead among them"),
        "max_sessions": translate(
            "Settings", "the most sessions one staff member works; too low, and a center's "
                        "staff cannot cover its rooms"),
        "reserve_ratio": translate(
            "Settings", "reserve invigilators kept free per center and session, as a share of "
                        "the invigilators it needs"),
        "cross_center": translate(
            "Settings", "whether staff may be rostered outside their home test center"),
        "tech_service_phone": translate(
            "Settings", "the technical service phone published in the candidate notice"),
        "hotline_phone": translate(
            "Settings", "the consultation hotline published in the candidate notice"),
    }


def pattern_text(setting: Sequence[dict[str, Any]]) -> str:
    """A stored ticket pattern written out: ``level:1 year:2 ... seat:2``; literals as digits."""
    return " ".join(
        str(item.get("value", "")) if item.get("field") == "literal"
        else f"{item.get('field')}:{item.get('width')}"
        for item in setting
    )


def parse_pattern(text: str) -> list[dict[str, Any]]:
    """Read a written ticket pattern (fields ``name:width``, literal digits as they are).

    Raises:
        PlanProblem: an unknown field, a bad width or no seat field.
        BadInput: the text is not a list of ``name:width`` parts.
    """
    setting: list[dict[str, Any]] = []
    for part in text.replace(",", " ").split():
        match = _PART.fullmatch(part.strip().lower())
        if match is None:
            raise BadInput(translate(
                "Settings", "The ticket pattern part “{part}” is not name:width or digits; "
                            "write e.g. “level:1 year:2 province:2 center:2 room:2 seat:2”."
            ).format(part=part))
        if match[3] is not None:
            setting.append({"field": "literal", "width": len(match[3]), "value": match[3]})
        else:
            setting.append({"field": match[1], "width": int(match[2])})
    TicketPattern.from_setting(setting)  # refuses what no ticket could be made from
    return setting


def read_settings(session: Session, exam: ExamRef) -> ExamSettings:
    """The exam's allocation settings."""
    row = session.get(Exam, exam.id)
    assert row is not None
    return ExamSettings(
        seat_order=row.seat_order, first_seat=row.first_seat_corner,
        ticket_pattern=pattern_text(row.ticket_pattern), by_district=row.allocate_by_district,
        merge_tail=row.merge_tail_max,
        center_order=tuple(session.scalars(
            select(TestCenter.code).where(TestCenter.exam_id == exam.id)
            .order_by(TestCenter.sort_order, TestCenter.code))),
        invigilators_per_room=row.invigilators_per_room,
        max_sessions=row.max_sessions_per_invigilator, reserve_ratio=row.reserve_ratio,
        cross_center=row.cross_center_duties,
        tech_service_phone=row.tech_service_phone, hotline_phone=row.hotline_phone,
    )


#: The settings the roster's rules read (the others decide the next allocation only).
_STAFFING = frozenset({"invigilators_per_room", "max_sessions_per_invigilator",
                       "reserve_ratio", "cross_center_duties"})


@dataclass(frozen=True)
class SettingsChange:
    """What changing the settings did.

    Attributes:
        settings: the settings as they are now.
        broken_duties: the roster's errors the change brought (who, session, room, rule).
    """

    settings: ExamSettings
    broken_duties: tuple[PlanIssue, ...] = ()


def change_settings(
    session: Session,
    actor: Actor,
    exam: ExamRef,
    *,
    seat_order: SeatOrder | None = None,
    first_seat: Corner | None = None,
    ticket_pattern: str | None = None,
    by_district: bool | None = None,
    merge_tail: int | None = None,
    center_order: Sequence[str] | None = None,
    invigilators_per_room: int | None = None,
    max_sessions: int | None = None,
    reserve_ratio: float | None = None,
    cross_center: bool | None = None,
    tech_service_phone: str | None = None,
    hotline_phone: str | None = None,
) -> SettingsChange:
    """Change the settings given (None leaves one as it is), audited.

    Seats already given keep their numbers: the next `examdesk allocate` (or `check`, which
    then reports ticket numbers that no longer fit) follows the new settings. A staffing
    setting (invigilators per room, the session cap, reserves, other centers' staff) applies
    to the roster already made at once: the duties it breaks are returned.

    Args:
        center_order: some or all of the centers' codes; those named come first, in that
            order, the others follow in their present order.

    Raises:
        BadInput: an unknown center code, a merge limit outside 0..10, or a phone that is
            not one (code ``setting-not-a-phone``; an empty text clears the phone).
        PlanProblem: a ticket pattern no ticket could be made from.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    values: dict[str, Any] = {}
    if seat_order is not None:
        values["seat_order"] = seat_order
    if first_seat is not None:
        values["first_seat_corner"] = first_seat
    if ticket_pattern is not None:
        values["ticket_pattern"] = parse_pattern(ticket_pattern)
    if by_district is not None:
        values["allocate_by_district"] = by_district
    if merge_tail is not None:
        _refuse_out_of_range("merge_tail", merge_tail, 0, 10)
        values["merge_tail_max"] = merge_tail
    for name, value, low, high, column in (
        ("invigilators_per_room", invigilators_per_room, 1, 6, "invigilators_per_room"),
        ("max_sessions", max_sessions, 1, 20, "max_sessions_per_invigilator"),
        ("reserve_ratio", reserve_ratio, 0, 0.99, "reserve_ratio"),
    ):
        if value is None:
            continue
        _refuse_out_of_range(name, value, low, high)
        values[column] = value
    if cross_center is not None:
        values["cross_center_duties"] = cross_center
    for name, phone in (("tech_service_phone", tech_service_phone),
                        ("hotline_phone", hotline_phone)):
        if phone is not None:
            values[name] = _checked_phone(name, phone)
    # the staffing settings are rules of the roster already made: watch what they break
    watch = None
    if values.keys() & _STAFFING:
        # imported here: the roster's rules bring numpy, which reading the settings (the
        # window's 考试 page, at start-up) does without
        from examdesk.services.duty_watch import DutyWatch

        watch = DutyWatch(session, exam)
    if values:
        session.execute(update(Exam).where(Exam.id == exam.id).values(**values))
    if center_order is not None:
        _reorder_centers(session, exam, center_order)
    changed = {k: (pattern_text(v) if k == "ticket_pattern" else str(v))
               for k, v in values.items()}
    if center_order is not None:
        changed["center_order"] = ",".join(center_order)
    broken = watch.broken() if watch is not None else ()
    if broken:
        changed["broken_duties"] = str(len(broken))
    audit.record(session, actor, "exam.settings", exam_id=exam.id, entity="exam",
                 entity_id=exam.id,
                 summary=translate("Audit", "Changed {fields}").format(
                     fields=", ".join(changed)), details=changed)
    return SettingsChange(read_settings(session, exam), broken)


def _reorder_centers(session: Session, exam: ExamRef, codes: Sequence[str]) -> None:
    present = list(session.scalars(
        select(TestCenter.code).where(TestCenter.exam_id == exam.id)
        .order_by(TestCenter.sort_order, TestCenter.code)))
    wanted = [code.strip() for code in codes if code.strip()]
    unknown = [code for code in wanted if code not in present]
    if unknown or len(set(wanted)) != len(wanted):
        raise BadInput(translate(
            "Settings", "The center order must name each of the exam's centers at most once "
                        "({codes}); these are not among them or repeated: {wrong}.").format(
            codes=", ".join(present),
            wrong=", ".join(unknown) or ", ".join(c for c in wanted if wanted.count(c) > 1)))
    order = wanted + [code for code in present if code not in wanted]
    if order == present:
        return
    for position, code in enumerate(order):
        session.execute(update(TestCenter).where(
            TestCenter.exam_id == exam.id, TestCenter.code == code).values(sort_order=position))


def _refuse_out_of_range(setting: str, value: float, low: float, high: float) -> None:
    """Refuse a value of a setting outside its range.

    Raises:
        BadInput: code ``setting-out-of-range``, fields setting (the key of
            :meth:`ExamSettings.as_dict`), value, low, high.
    """
    if not low <= value <= high:
        raise BadInput(translate(
            "Settings", "The setting “{setting}” must be between {low} and {high}, not "
                        "{value}.").format(setting=setting_names().get(setting, setting),
                                           low=low, high=high, value=value),
            code="setting-out-of-range", setting=setting, value=value, low=low, high=high)


def _checked_phone(setting: str, text: str) -> str:
    """The phone as it will be published, spaces around it removed; empty clears it.

    Raises:
        BadInput: code ``setting-not-a-phone``, fields setting (the key of
            :meth:`ExamSettings.as_dict`) and value.
    """
    phone = " ".join(text.split())
    if phone and _PHONE.fullmatch(phone) is None:
        raise BadInput(translate(
            "Settings", "The setting “{setting}” must be a phone number (digits, with - or "
                        "spaces, an area code in brackets, 转 and an extension), not "
                        "“{value}”.").format(setting=setting_names().get(setting, setting),
                                             value=phone),
            code="setting-not-a-phone", setting=setting, value=phone)
    return phone
