"""The exam's posts with their shifts, read once for the sheets, the exports and the checks.

Which sessions a post is staffed in and when its people report are decided in
:mod:`examdesk.planning.post_hours`; this module reads what that needs and words the result the
way every sheet prints it, so the duty card, the duty sheet, the post roster and the center
summary agree on sessions and report times.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.enums import PostKind, StaffRole
from examdesk.labels import post_label
from examdesk.model import Post, Room, SeatAssignment, TestCenter, session_subjects
from examdesk.planning.duty_plan import DutyPost, DutySession
from examdesk.planning.post_hours import BRIEFING_LEAD, Shift, clock, post_shifts
from examdesk.printing.common import PrintedSession
from examdesk.services.exams import ExamRef, exam_sessions, papers_sat, seats_where


@dataclass(frozen=True)
class ScheduledPost:
    """A post with the shifts it is staffed in.

    Attributes:
        id: the post's id.
        center_id: its test center.
        kind: what kind of post.
        name: its name ("" for the usual one of its kind).
        place: where it is.
        opens: when it opens (None: not set).
        closes: when it closes (None: not set).
        headcount: people per shift.
        phone: its phone.
        roles: the roles that may staff it (empty: its kind's usual roles).
        shifts: the shifts it is staffed in, in time order.
    """

    id: int
    center_id: int
    kind: PostKind
    name: str
    place: str
    opens: time | None
    closes: time | None
    headcount: int
    phone: str
    roles: frozenset[StaffRole]
    shifts: tuple[Shift, ...]

    @property
    def label(self) -> str:
        """Kind, name and place, e.g. ``医疗急救点（考点医务室）``."""
        return post_label(self.kind, self.name, self.place)

    @property
    def hours(self) -> str:
        """``07:30-17:00``, or "" when the hours are not set."""
        return hours_text(self.opens, self.closes)


def hours_text(opens: time | None, closes: time | None) -> str:
    """A post's hours as sheets print them: ``07:30-17:00`` ("" when not both are set)."""
    return f"{opens:%H:%M}-{closes:%H:%M}" if opens and closes else ""


def minutes(moment: time | None) -> int | None:
    """A time of day in minutes from midnight (None stays None)."""
    return None if moment is None else moment.hour * 60 + moment.minute


def held_sessions(session: Session, exam: ExamRef, only: int | None = None
                  ) -> dict[int, set[int]]:
    """Test center id -> the sessions it holds (a candidate seated there sits a paper in it).

    Args:
        only: one test center's id, or None for every center.
    """
    held: defaultdict[int, set[int]] = defaultdict(set)
    for center, session_id in session.execute(
        papers_sat(Room.center_id, session_subjects.c.session_id).distinct()
        .join(Room, Room.id == SeatAssignment.room_id).where(seats_where(exam, only))
    ):
        held[center].add(session_id)
    return dict(held)


def scheduled_posts(session: Session, exam: ExamRef, *, only: int | None = None,
                    held: Mapping[int, Collection[int]] | None = None
                    ) -> tuple[ScheduledPost, ...]:
    """The exam's posts (of one center, or all) with their shifts, by center and post.

    Args:
        only: one test center's id, or None for every center.
        held: test center id -> the sessions it holds, when the caller has read it already.
    """
    if held is None:
        held = held_sessions(session, exam, only)
    query = (select(Post).join(TestCenter).where(TestCenter.exam_id == exam.id)
             .order_by(TestCenter.sort_order, TestCenter.code, Post.id))
    if only is not None:
        query = query.where(Post.center_id == only)
    rows = session.scalars(query).all()
    sessions = [DutySession(s.id, s.code, s.date.isoformat(), minutes(s.start_time) or 0,
                            end_minutes=minutes(s.end_time))
                for s in exam_sessions(session, exam)]
    shifts = post_shifts([duty_post(p) for p in rows], sessions, held, BRIEFING_LEAD)
    return tuple(
        ScheduledPost(p.id, p.center_id, p.kind, p.name, p.place, p.opens_at, p.closes_at,
                      p.required_headcount, p.phone, frozenset(StaffRole(r) for r in p.roles),
                      shifts[p.id])
        for p in rows)


def duty_post(post: Post) -> DutyPost:
    """A post row as the duty planning sees it (hours in minutes)."""
    return DutyPost(post.id, post.center_id, post.kind,
                    post_label(post.kind, post.name, post.place), post.required_headcount,
                    frozenset(StaffRole(r) for r in post.roles or []),
                    minutes(post.opens_at), minutes(post.closes_at))


def shift_session(shift: Shift, printed: Callable[[int], PrintedSession]) -> PrintedSession:
    """A shift as the sheets print a session: its sessions' codes, day, hours and papers,
    with the post's report time.

    Args:
        shift: the shift.
        printed: session id -> the session as printed at the post's center.
    """
    parts = [printed(s) for s in shift.sessions]
    first = parts[0]
    ends = [p.time.rpartition("-")[2] for p in parts]
    start = first.time.partition("-")[0]
    papers = tuple(dict.fromkeys(paper for p in parts for paper in p.papers))
    return PrintedSession("/".join(p.code for p in parts), first.day,
                          f"{start}-{max(ends)}" if start else first.time, papers,
                          clock(shift.report))


def shift_of(posts: Sequence[ScheduledPost]) -> dict[tuple[int, int], Shift]:
    """(post id, any session of a shift's time slot) -> the shift, to file a duty under it."""
    return {(post.id, s): shift for post in posts for shift in post.shifts for s in shift.slot}
