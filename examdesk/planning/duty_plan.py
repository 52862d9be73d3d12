"""Staff duties as plain data: who may work where, in which session, under the 回避 rules.

Services build these from the database; the roster, the morning draw and the post filling
in this package see only these dataclasses (docs/architecture.md, "Pure planning"). The rules
are in docs/domain.md, "Conflict of interest (回避) and the morning draw" and "Roles at a test
center".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from examdesk.enums import DutyKind, Gender, PostKind, StaffRole
from examdesk.i18n import translate

__all__ = [
    "Duty", "DutyCenter", "DutyKind", "DutyPost", "DutyRoom", "DutySession", "DutyStaff",
    "RosterSettings", "conflict",
]


@dataclass(frozen=True)
class DutyStaff:
    """A staff member as the duty planning sees them.

    Attributes:
        id: the staff member's id.
        label: how messages name them (name and work unit).
        gender: for one man and one woman per room.
        work_unit: their employer ("" = none); they do not invigilate candidates of it.
        home_center_id: the test center they belong to, or None.
        roles: the roles they may take.
        relatives: ID numbers of relatives sitting the exam (回避).
        is_candidate: they sit the exam themselves (then they take no duty at all).
    """

    id: int
    label: str
    gender: Gender
    work_unit: str = ""
    home_center_id: int | None = None
    roles: frozenset[StaffRole] = frozenset()
    relatives: frozenset[str] = frozenset()
    is_candidate: bool = False


@dataclass(frozen=True)
class DutyRoom:
    """An exam room as the roster sees it.

    Attributes:
        id: the room's id.
        center_id: its test center.
        label: how messages name it, e.g. ``01/01003``.
        floor: where roving invigilators are counted (building and floor), e.g. ``教学楼A 3``.
        units: the work units of the candidates seated in it.
        candidate_ids: the ID numbers of the candidates seated in it.
    """

    id: int
    center_id: int
    label: str
    floor: str = ""
    units: frozenset[str] = frozenset()
    candidate_ids: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DutySession:
    """A session (场次) and the rooms in use in it.

    Attributes:
        id: the session's id.
        label: how messages name it, e.g. ``06-11 上午``.
        start_minutes: minutes from midnight the session starts, for ordering and hours.
        day: the date as ``YYYY-MM-DD``.
        room_ids: the rooms holding candidates who sit a paper in this session.
        end_minutes: minutes from midnight the session ends (None: not known).
    """

    id: int
    label: str
    day: str
    start_minutes: int
    room_ids: frozenset[int] = frozenset()
    end_minutes: int | None = None


@dataclass(frozen=True)
class DutyCenter:
    """A test center.

    Attributes:
        id: the center's id.
        code: its code.
        name: its name.
    """

    id: int
    code: str
    name: str


@dataclass(frozen=True)
class Duty:
    """One person's job in one session.

    Attributes:
        staff_id: who.
        session_id: when.
        center_id: at which test center.
        kind: what kind of duty.
        role: the role taken.
        room_id: the room, for a room duty.
        floor: the floor, for a roving duty.
        post_id: the post, for a post duty.
        is_lead: the room's lead invigilator (考场负责人, ``*`` on sheets).
        locked: set by hand; solving again keeps it.
    """

    staff_id: int
    session_id: int
    center_id: int
    kind: DutyKind
    role: StaffRole
    room_id: int | None = None
    floor: str = ""
    post_id: int | None = None
    is_lead: bool = False
    locked: bool = False


@dataclass(frozen=True)
class RosterSettings:
    """The settings a roster follows (each one configurable per exam).

    Attributes:
        invigilators_per_room: invigilators in every room in every session.
        max_sessions: the most sessions one person works.
        reserve_ratio: reserves per center and session, as a share of its invigilators.
        cross_center: staff may work outside their home center.
        seed: breaks ties reproducibly.
    """

    invigilators_per_room: int = 2
    max_sessions: int = 2
    reserve_ratio: float = 0.1
    cross_center: bool = False
    seed: int = 0


@dataclass(frozen=True)
class DutyPost:
    """A service, medical or police post of a center.

    Attributes:
        id: the post's id.
        center_id: its center.
        kind: what kind of post.
        label: how messages name it (kind and place).
        headcount: people needed in every session it is open.
        roles: the roles that may fill it.
        opens: minutes from midnight it opens (None: not set).
        closes: minutes from midnight it closes (None: not set).
        sessions: the sessions it is staffed in (None: every session given).
    """

    id: int
    center_id: int
    kind: PostKind
    label: str
    headcount: int
    roles: frozenset[StaffRole] = field(default_factory=frozenset)
    opens: int | None = None
    closes: int | None = None
    sessions: frozenset[int] | None = None


def conflict(person: DutyStaff, room: DutyRoom) -> str | None:
    """Why ``person`` may not invigilate ``room`` (回避), or None when they may.

    Args:
        person: the invigilator.
        room: the room.

    Returns:
        The translated reason, naming the rule.
    """
    if person.relatives & room.candidate_ids:
        return translate("Duties", "a relative sits in this room")
    if person.work_unit and person.work_unit in room.units:
        return translate("Duties", "candidates of their own work unit ({unit}) sit in this "
                                   "room").format(unit=person.work_unit)
    return None
