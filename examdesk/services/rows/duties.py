"""The duties table: who works where, in which session, in which role."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.enums import DutyKind, Gender, PostKind, StaffRole
from examdesk.labels import POST_KIND_LABELS, STAFF_ROLE_LABELS
from examdesk.model import Duty, ExamSession, Post, Room, Staff, TestCenter
from examdesk.services.audit import Actor, Permission
from examdesk.services.duty_data import session_label
from examdesk.services.exams import ExamRef, exam_sessions
from examdesk.services.rows.common import Only, PersonRow, members, raw, room_places
from examdesk.services.scope import (
    limited,
    masked,
    personal_centers,
    shows_personal,
    visible_centers,
)

#: What the place says for duties without a room or post (the rosters' words).
_PLACES = {DutyKind.INSPECTOR: "巡考", DutyKind.RESERVE: "备用监考"}


@dataclass(frozen=True, slots=True)
class DutyRow(PersonRow):
    """One duty: a staff member's job in one session.

    Attributes:
        duty_id: the duty's ID.
        staff_id: the person's ID.
        session_id: the session's ID.
        center_id: the test center it is at (None for a duty not tied to one).
        room_id: the room invigilated (None unless a room duty).
        post_id: the post staffed (None unless a post duty).
        kind: room, roving, inspector, reserve or post.
        role: the role taken.
        is_lead: the room's lead invigilator (考场负责人).
        locked: fixed by hand: solving the roster again keeps it.
        center: the test center's name ("" when none).
        session: the session as messages name it (its name, else ``06-11 上午``).
        day: the session's date, ``2023-06-11``.
        hours: its hours, ``09:00-11:00``.
        room_code: the room's code ("" unless a room duty).
        floor: the roving invigilator's floor ("" unless roving).
        post_kind: the post's kind (None unless a post duty).
        post_place: the post's place ("" when none).
        name: the person's name.
        gender: their gender.
        work_unit: their work unit.
        phone: their phone.
        version: the row's version, handed back with a change (examdesk/services/versions.py).
    """

    duty_id: int
    staff_id: int
    session_id: int
    center_id: int | None
    room_id: int | None
    post_id: int | None
    kind: DutyKind
    role: StaffRole
    is_lead: bool
    locked: bool
    center: str
    session: str
    day: str
    hours: str
    room_code: str
    floor: str
    post_kind: PostKind | None
    post_place: str
    name: str
    gender: Gender
    work_unit: str
    phone: str
    version: int = 0

    @property
    def place(self) -> str:
        """Where the duty is, as rosters write it: the room, ``教学楼A 3楼（流动监考）``,
        ``医疗急救点（考点医务室）``, 巡考 or 备用监考."""
        if self.kind is DutyKind.ROOM:
            return self.room_code
        if self.kind is DutyKind.ROVING:
            return f"{self.floor}（流动监考）"
        if self.kind is DutyKind.POST and self.post_kind is not None:
            label = POST_KIND_LABELS[self.post_kind]
            return f"{label}（{self.post_place}）" if self.post_place else label
        return _PLACES.get(self.kind, "")

    @property
    def role_text(self) -> str:
        """The role, a lead invigilator marked ``*`` as on printed rosters."""
        return STAFF_ROLE_LABELS[self.role] + ("*" if self.is_lead else "")

    @property
    def search_key(self) -> int:
        """The duty's ID."""
        return self.duty_id

    @property
    def search_fields(self) -> tuple[str, ...]:
        """Place, role, work unit and phone."""
        return (self.place, self.role_text, self.work_unit, self.phone)


def duty_rows(
    session: Session, exam: ExamRef, *, center_id: int | None = None,
    session_id: int | None = None, role: StaffRole | None = None,
    room_id: int | None = None, staff_id: int | None = None, kind: DutyKind | None = None,
    ids: Collection[int] | None = None, actor: Actor | None = None,
    permission: Permission = Permission.READ,
) -> list[DutyRow]:
    """The exam's duties by test center, session, kind and place, leads first.

    Args:
        session: the caller's session.
        exam: the exam.
        center_id: only the duties at this test center.
        session_id: only this session's.
        role: only duties taken in this role.
        room_id: only this room's.
        staff_id: only this person's.
        kind: only duties of this kind.
        ids: only these duties.
        actor: who reads: a center desk gets its center's rows only, a viewer the phones
            masked (None: all).
        permission: what the reader needs of the centers read (an export of personal data:
            PRINT_PERSONAL).

    Returns:
        The rows, read in one query.

    Raises:
        AccessDenied: ``center_id`` is a center the actor may not see.
    """
    return list(iter_duty_rows(session, exam, center_id=center_id, session_id=session_id,
                               role=role, room_id=room_id, staff_id=staff_id, kind=kind,
                               ids=ids, actor=actor, permission=permission))


def iter_duty_rows(
    session: Session, exam: ExamRef, *, center_id: int | None = None,
    session_id: int | None = None, role: StaffRole | None = None,
    room_id: int | None = None, staff_id: int | None = None, kind: DutyKind | None = None,
    ids: Collection[int] | None = None, actor: Actor | None = None,
    permission: Permission = Permission.READ,
) -> Iterator[DutyRow]:
    """:func:`duty_rows` one at a time, for an export that streams them."""
    seen = visible_centers(actor, exam, center_id, permission=permission)
    personal = personal_centers(actor, exam)
    only = Only(ids)
    query = (
        select(Duty.id, Duty.staff_id, Duty.session_id, Duty.center_id, Duty.room_id,
               Duty.post_id, raw(Duty.kind), raw(Duty.role), Duty.is_lead, Duty.locked,
               Duty.floor, Staff.name, raw(Staff.gender), Staff.work_unit, Staff.phone,
               Duty.version)
        .join(Staff, Staff.id == Duty.staff_id)
        .join(ExamSession, ExamSession.id == Duty.session_id)
        .outerjoin(Room, Room.id == Duty.room_id)
        .outerjoin(Post, Post.id == Duty.post_id)
        .outerjoin(TestCenter, TestCenter.id == Duty.center_id)
        .where(Staff.exam_id == exam.id)
        .order_by(TestCenter.sort_order, ExamSession.date, ExamSession.start_time, Duty.kind,
                  Room.sort_order, Room.code, Duty.floor, Post.id, Duty.is_lead.desc(),
                  Staff.name)
    )
    for column, value in ((Duty.center_id, center_id), (Duty.session_id, session_id),
                          (Duty.role, role), (Duty.room_id, room_id),
                          (Duty.staff_id, staff_id), (Duty.kind, kind)):
        if value is not None:
            query = query.where(column == value)
    query = only.where(limited(query, Duty.center_id, seen), Duty.id)
    # sessions, rooms, posts and centers are few: named from maps, not joined into each row
    sessions = {
        s.id: (session_label(s.name, s.date.isoformat(), s.start_time.hour * 60),
               s.date.isoformat(), f"{s.start_time:%H:%M}-{s.end_time:%H:%M}")
        for s in exam_sessions(session, exam)}
    rooms = room_places(session, exam)
    posts = {post_id: (post_kind, place) for post_id, post_kind, place in session.execute(
        select(Post.id, Post.kind, Post.place).join(TestCenter)
        .where(TestCenter.exam_id == exam.id))}
    centers = {cid: name for cid, name in session.execute(
        select(TestCenter.id, TestCenter.name).where(TestCenter.exam_id == exam.id))}
    for (duty_id, staff, on, center, room, post, duty_kind, taken, lead, locked, floor, name,
         gender, unit, phone, version) in session.execute(query):
        if only.keeps(duty_id):
            label, day, hours = sessions[on]
            post_kind, place = posts[post] if post is not None else (None, "")
            yield DutyRow(
                duty_id, staff, on, center, room, post, _KINDS[duty_kind], _ROLES[taken], lead,
                locked, centers.get(center, "") if center is not None else "", label, day,
                hours, rooms[room].room_code if room is not None else "", floor, post_kind,
                place, name, _GENDERS[gender], unit,
                phone if shows_personal(personal, center) else masked(phone), version)


_KINDS = members(DutyKind)
_ROLES = members(StaffRole)
_GENDERS = members(Gender)
