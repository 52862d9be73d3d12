"""Who can replace a person on duty (an invigilator who fell ill), and why the others cannot.

Every staff member is listed, so the chief examiner sees at once why the colleague standing next
to them is not offered: first those who may take the duty, then the others, each with the one
rule that excludes them. When several rules exclude someone, the most fundamental is named
(sitting the exam before lacking the role, before 回避, before being busy, before the session
cap), and the excluded are listed nearest-to-eligible first: a chief may stretch the session cap
on exam day, never the 回避 rules.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from examdesk.enums import StaffRole
from examdesk.errors import PlanProblem
from examdesk.i18n import translate
from examdesk.labels import STAFF_ROLE_LABELS
from examdesk.planning.duty_plan import (
    Duty,
    DutyKind,
    DutyRoom,
    DutyStaff,
    RosterSettings,
    conflict,
)
from examdesk.planning.posts import counts_toward_cap

#: The roles that may take a duty of each kind, besides the duty's own role.
KIND_ROLES: dict[DutyKind, frozenset[StaffRole]] = {
    DutyKind.ROOM: frozenset({StaffRole.INVIGILATOR}),
    DutyKind.ROVING: frozenset({StaffRole.ROVING_INVIGILATOR, StaffRole.INVIGILATOR}),
    DutyKind.INSPECTOR: frozenset({StaffRole.INSPECTOR}),
    DutyKind.RESERVE: frozenset({StaffRole.INVIGILATOR}),
    DutyKind.POST: frozenset(),
}

# Listing order of the excluded, nearest to eligible first (see the module's docstring).
_CAP, _OTHER_CENTER, _PARTNER_UNIT, _BUSY, _OWN_UNIT, _RELATIVE, _ROLE, _CANDIDATE = range(8)


@dataclass(frozen=True)
class Option:
    """A staff member and whether they may take the duty.

    Attributes:
        staff: the staff member.
        reason: None when they may take it, else the translated rule that excludes them.
    """

    staff: DutyStaff
    reason: str | None

    @property
    def eligible(self) -> bool:
        """Whether they may take the duty."""
        return self.reason is None


def replacement_options(
    duty: Duty,
    duties: Sequence[Duty],
    staff: Sequence[DutyStaff],
    rooms: Sequence[DutyRoom],
    settings: RosterSettings,
) -> tuple[Option, ...]:
    """Everyone who might replace the person of ``duty``, the eligible first.

    The eligible come first: the reserves of the duty's center and session (they are on site
    and cost no extra session), then by fewest sessions worked, then by label. The excluded
    follow, each with the first rule that excludes them, nearest to eligible first.

    Args:
        duty: the duty whose person drops out.
        duties: every duty of the exam (roster, posts), ``duty`` among them.
        staff: every staff member; the person of ``duty`` is left out of the answer.
        rooms: the exam's rooms, at least the duty's room (and floor, for a roving duty).
        settings: the roster's settings (session cap, other centers).

    Returns:
        One option per staff member other than the person of ``duty``.

    Raises:
        PlanProblem: a room duty names a room not among ``rooms``.
    """
    room_by_id = {room.id: room for room in rooms}
    watched = _watched_rooms(duty, rooms, room_by_id)
    partners = _partners(duty, duties, staff)
    by_person: dict[int, list[Duty]] = defaultdict(list)
    for other in duties:
        if other != duty:
            by_person[other.staff_id].append(other)

    eligible: list[tuple[tuple[bool, int, str, int], Option]] = []
    excluded: list[tuple[tuple[int, int, str, int], Option]] = []
    for person in staff:
        if person.id == duty.staff_id:
            continue
        own = by_person.get(person.id, [])
        sessions = len({d.session_id for d in own})
        ruled = _first_rule(person, own, duty, settings, watched, partners, room_by_id)
        if ruled is None:
            here = any(_is_reserve_here(d, duty) for d in own)
            eligible.append(((not here, sessions, person.label, person.id), Option(person, None)))
        else:
            rank, reason = ruled
            excluded.append(((rank, sessions, person.label, person.id), Option(person, reason)))
    eligible.sort(key=lambda item: item[0])
    excluded.sort(key=lambda item: item[0])
    return tuple(option for _, option in [*eligible, *excluded])


def needed_roles(duty: Duty) -> frozenset[StaffRole]:
    """The roles that may take ``duty``: its own and the usual ones for its kind."""
    return KIND_ROLES[duty.kind] | {duty.role}


def _watched_rooms(
    duty: Duty, rooms: Sequence[DutyRoom], room_by_id: dict[int, DutyRoom]
) -> list[DutyRoom]:
    """The rooms whose candidates the replacement would watch (回避 is checked against them)."""
    if duty.kind is DutyKind.ROOM:
        if duty.room_id is None or duty.room_id not in room_by_id:
            raise PlanProblem(translate(
                "Duties", "The duty of staff member {staff} names room {room}, which is not "
                          "among the rooms given."
            ).format(staff=duty.staff_id, room=duty.room_id))
        return [room_by_id[duty.room_id]]
    if duty.kind is DutyKind.ROVING:
        # a roving invigilator walks into every room of their floor
        return [r for r in rooms if r.center_id == duty.center_id and r.floor == duty.floor]
    return []


def _partners(duty: Duty, duties: Sequence[Duty], staff: Sequence[DutyStaff]) -> list[DutyStaff]:
    """The other invigilators of the duty's room in its session."""
    if duty.kind is not DutyKind.ROOM:
        return []
    ids = {d.staff_id for d in duties
           if d.kind is DutyKind.ROOM and d.room_id == duty.room_id
           and d.session_id == duty.session_id and d.staff_id != duty.staff_id}
    return [person for person in staff if person.id in ids]


def _is_reserve_here(other: Duty, duty: Duty) -> bool:
    # a reserve is kept at the center exactly to step in: that duty does not make them busy
    return (other.kind is DutyKind.RESERVE and other.session_id == duty.session_id
            and other.center_id == duty.center_id)


def _first_rule(
    person: DutyStaff,
    own: Sequence[Duty],
    duty: Duty,
    settings: RosterSettings,
    watched: Sequence[DutyRoom],
    partners: Sequence[DutyStaff],
    room_by_id: dict[int, DutyRoom],
) -> tuple[int, str] | None:
    """The first rule, most fundamental first, that excludes ``person``, with its rank."""
    return (
        _candidate(person)
        or _role(person, duty)
        or _relative_or_unit(person, duty, watched)
        or _busy(own, duty, room_by_id)
        or _partner_unit(person, partners)
        or _other_center(person, duty, settings)
        or _cap(own, duty, settings)
    )


def _candidate(person: DutyStaff) -> tuple[int, str] | None:
    if person.is_candidate:
        return _CANDIDATE, translate("Duties", "sits the exam")
    return None


def _role(person: DutyStaff, duty: Duty) -> tuple[int, str] | None:
    roles = needed_roles(duty)
    if person.roles & roles:
        return None
    names = "/".join(STAFF_ROLE_LABELS[r] for r in StaffRole if r in roles)
    return _ROLE, translate("Duties", "lacks the role {roles}").format(roles=names)


def _relative_or_unit(
    person: DutyStaff, duty: Duty, watched: Sequence[DutyRoom]
) -> tuple[int, str] | None:
    for room in watched:
        reason = conflict(person, room)
        if reason is None:
            continue
        rank = _RELATIVE if person.relatives & room.candidate_ids else _OWN_UNIT
        if duty.kind is DutyKind.ROVING:
            reason = translate("Duties", "on this floor, {room}: {reason}").format(
                room=room.label, reason=reason
            )
        return rank, reason
    return None


def _busy(
    own: Sequence[Duty], duty: Duty, room_by_id: dict[int, DutyRoom]
) -> tuple[int, str] | None:
    for other in own:
        if other.session_id == duty.session_id and not _is_reserve_here(other, duty):
            return _BUSY, _busy_wording(other, room_by_id)
    return None


def _busy_wording(other: Duty, room_by_id: dict[int, DutyRoom]) -> str:
    """What ``other`` has them do in the session."""
    if other.kind is DutyKind.ROOM:
        room = room_by_id.get(other.room_id) if other.room_id is not None else None
        label = room.label if room is not None else str(other.room_id)
        return translate("Duties", "already invigilates {room} in this session").format(
            room=label
        )
    if other.kind is DutyKind.ROVING:
        return translate("Duties", "already roves floor {floor} in this session").format(
            floor=other.floor
        )
    if other.kind is DutyKind.INSPECTOR:
        return translate("Duties", "already inspects in this session")
    if other.kind is DutyKind.RESERVE:
        return translate("Duties", "is already a reserve at another test center in this session")
    return translate("Duties", "already staffs a post in this session")


def _partner_unit(person: DutyStaff, partners: Sequence[DutyStaff]) -> tuple[int, str] | None:
    for partner in partners:
        if person.work_unit and person.work_unit == partner.work_unit:
            return _PARTNER_UNIT, translate(
                "Duties", "same work unit ({unit}) as {partner}, the room's other invigilator"
            ).format(unit=person.work_unit, partner=partner.label)
    return None


def _other_center(
    person: DutyStaff, duty: Duty, settings: RosterSettings
) -> tuple[int, str] | None:
    # staff without a home center (sent by the exam authority) may work at any center
    if (settings.cross_center or person.home_center_id is None
            or person.home_center_id == duty.center_id):
        return None
    return _OTHER_CENTER, translate("Duties", "belongs to another test center")


def _cap(own: Sequence[Duty], duty: Duty, settings: RosterSettings) -> tuple[int, str] | None:
    if not counts_toward_cap([duty, *own]):
        return None
    # a session they already work in (as a reserve here) costs nothing more
    worked = {d.session_id for d in own}
    if duty.session_id in worked or len(worked) < settings.max_sessions:
        return None
    return _CAP, translate("Duties", "already works {sessions} sessions, the most allowed").format(
        sessions=len(worked)
    )
