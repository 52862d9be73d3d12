"""The posts table: each service post with its supplies and, per shift, its people."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.enums import DutyKind, PostKind, StaffRole
from examdesk.exchange.posts import roles_text, supplies_text
from examdesk.labels import POST_KIND_LABELS, post_label
from examdesk.model import Duty, Post, Staff, TestCenter
from examdesk.planning.post_hours import clock
from examdesk.planning.post_templates import SupplyAmount
from examdesk.services.audit import Actor, Permission
from examdesk.services.duty_data import session_label
from examdesk.services.exams import ExamRef, exam_sessions
from examdesk.services.post_schedule import held_sessions, scheduled_posts, shift_of
from examdesk.services.posts import post_supplies
from examdesk.services.rows.common import ID_CHUNK, Only, ordered
from examdesk.services.scope import visible_centers

#: Centers whose sessions are read one by one rather than the whole exam's at once.
_FEW = 4


@dataclass(frozen=True, slots=True)
class PostShiftRow:
    """One staffing of a post: the sessions of one start time its center holds.

    Attributes:
        session_ids: those sessions, in time order (duties are filed under the first).
        sessions: their names joined as the post roster prints them: ``S3 / S4``.
        report: when the post's people report, ``07:30``.
        staff_ids: the people on duty, by name.
        people: their names.
    """

    session_ids: tuple[int, ...]
    sessions: str
    report: str
    staff_ids: tuple[int, ...]
    people: tuple[str, ...]

    @property
    def people_text(self) -> str:
        """The people's names joined with ``、``."""
        return "、".join(self.people)


@dataclass(frozen=True, slots=True)
class PostRow:
    """One post at a test center as the posts table shows it.

    Attributes:
        post_id: the post's ID.
        center_id: its test center's ID.
        center_code: the test center's code.
        center: the test center's name.
        kind: what kind of post.
        name: its name ("" for the usual one of its kind).
        place: where it is.
        hours: its opening hours, ``07:30-17:00`` ("" when not set).
        headcount: people per shift.
        phone: its phone.
        roles: the roles that may staff it, in the order of :class:`StaffRole` (empty: its
            kind's usual roles).
        supplies: what it keeps.
        shifts: the shifts it is staffed in, in time order, with their people.
    """

    post_id: int
    center_id: int
    center_code: str
    center: str
    kind: PostKind
    name: str
    place: str
    hours: str
    headcount: int
    phone: str
    roles: tuple[StaffRole, ...]
    supplies: tuple[SupplyAmount, ...]
    shifts: tuple[PostShiftRow, ...]

    @property
    def kind_label(self) -> str:
        """The kind as sheets name it, e.g. 医疗急救点."""
        return POST_KIND_LABELS[self.kind]

    @property
    def label(self) -> str:
        """Kind, name and place: ``医疗急救点（考点医务室）``."""
        return post_label(self.kind, self.name, self.place)

    @property
    def roles_text(self) -> str:
        """The roles as the posts sheet writes them: ``主考、副主考``."""
        return roles_text(frozenset(self.roles))

    @property
    def supplies_text(self) -> str:
        """The supplies as the posts sheet writes them: ``急救箱 2 个、AED除颤仪 1 台``."""
        return supplies_text(self.supplies)

    @property
    def short(self) -> int:
        """People missing over all its shifts."""
        return sum(max(self.headcount - len(s.people), 0) for s in self.shifts)

    @property
    def search_key(self) -> int:
        """The post's ID."""
        return self.post_id

    @property
    def search_name(self) -> str:
        """The post's label (kind, name and place), found by its pinyin too."""
        return self.label

    @property
    def search_fields(self) -> tuple[str, ...]:
        """The test center, the phone and the people on duty."""
        return (self.center, self.phone, *(p for s in self.shifts for p in s.people))


def post_rows(
    session: Session, exam: ExamRef, *, center_id: int | None = None,
    kind: PostKind | None = None, ids: Collection[int] | None = None,
    actor: Actor | None = None, permission: Permission = Permission.READ,
) -> list[PostRow]:
    """The exam's posts by test center, with their supplies and their shifts' people.

    A post is staffed in the sessions its center holds, papers starting together sharing one
    shift (docs/posts.md); a post whose center holds no session has no shift.

    Args:
        session: the caller's session.
        exam: the exam.
        center_id: only this test center's.
        kind: only posts of this kind.
        ids: only these posts.
        actor: who reads: a center desk gets its center's posts only (None: all).
        permission: what the reader needs of the centers read (an export of personal data:
            PRINT_PERSONAL).

    Returns:
        The rows, read in a few queries whatever the number of posts.

    Raises:
        AccessDenied: ``center_id`` is a center the actor may not see.
    """
    seen = visible_centers(actor, exam, center_id, permission=permission)
    if seen is not None and len(seen) == 1:
        center_id = next(iter(seen))  # a desk: its center's posts and sessions only
    held = None
    if ids is not None and center_id is None and len(ids) <= ID_CHUNK:
        # a refresh of a few posts: only their centers' sessions are worked out, which
        # reads those centers' seats instead of the whole exam's (one query per center)
        at = set(session.scalars(select(Post.center_id).where(Post.id.in_(sorted(set(ids))))))
        if len(at) <= _FEW:
            held = {center: held_sessions(session, exam, center).get(center, set())
                    for center in at}
    posts = [p for p in scheduled_posts(session, exam, only=center_id, held=held)
             if (kind is None or p.kind is kind) and (ids is None or p.id in ids)
             and (seen is None or p.center_id in seen)]
    shifts = shift_of(posts)
    people: dict[tuple[int, int], list[tuple[int, str]]] = {}
    duties = (select(Duty.post_id, Duty.session_id, Staff.id, Staff.name)
              .join(Staff, Staff.id == Duty.staff_id)
              .where(Staff.exam_id == exam.id, Duty.kind == DutyKind.POST)
              .order_by(Staff.name))
    for post_id, on, staff_id, name in session.execute(
        Only([p.id for p in posts]).where(duties, Duty.post_id)
    ):
        shift = shifts.get((post_id or 0, on))
        if shift is not None:
            people.setdefault((shift.post_id, shift.session_id), []).append((staff_id, name))
    labels = {s.id: session_label(s.name, s.date.isoformat(), s.start_time.hour * 60)
              for s in exam_sessions(session, exam)}
    centers = {cid: (code, name) for cid, code, name in session.execute(
        select(TestCenter.id, TestCenter.code, TestCenter.name)
        .where(TestCenter.exam_id == exam.id))}
    supplies = post_supplies(session, [post.id for post in posts])
    every = tuple(StaffRole)
    rows = []
    for post in posts:
        shift_rows = []
        for shift in post.shifts:
            on_duty = people.get((post.id, shift.session_id), [])
            shift_rows.append(PostShiftRow(
                shift.sessions, " / ".join(labels[s] for s in shift.sessions),
                clock(shift.report), tuple(s for s, _ in on_duty),
                tuple(n for _, n in on_duty)))
        code, name = centers[post.center_id]
        rows.append(PostRow(post.id, post.center_id, code, name, post.kind, post.name,
                            post.place, post.hours, post.headcount, post.phone,
                            ordered(post.roles, every), supplies[post.id], tuple(shift_rows)))
    return rows
