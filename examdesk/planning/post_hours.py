"""When a post is staffed: the sessions its center holds, and when its people report.

A test center *holds* a session when a candidate seated there sits a paper in it; its posts are
staffed in those sessions only, so nobody is sent to a school that holds no exam. Sessions that
start together (the 初级 and 中级 papers of one afternoon) are one *shift* of a post: one
staffing serves both (docs/posts.md).

A post's people report at the post's own opening time, not at the invigilators' T-60: the
power technician of a 09:00 session is on post at 07:00 when the power post opens then. The
hours are those of a full exam day, written for the exam's earliest session; a later session
(an afternoon after a morning, or a day that starts in the afternoon) has its crew report as
long before it as the opening time is before that earliest session, so a post that opens two
hours before the morning paper has its afternoon crew there two hours before the afternoon
paper too (the morning crew stays until relieved). :func:`report_minutes` is the one rule;
every sheet prints what it decides.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from examdesk.planning.duty_plan import DutyPost, DutySession

#: Minutes before a session that staff report for the briefing (T-60 in docs/domain.md,
#: "The exam-day timeline"), and the people of a post without hours with them.
BRIEFING_LEAD = 60


@dataclass(frozen=True)
class Shift:
    """One staffing of a post: the sessions of one start time that its center holds.

    Attributes:
        post_id: the post.
        center_id: its test center.
        slot: every session of the exam that starts at this time, in time order; a post duty
            filed under any of them belongs to this shift.
        sessions: those of ``slot`` the center holds, in time order; new duties are filed
            under the first.
        report: when the post's people report, in minutes from midnight.
    """

    post_id: int
    center_id: int
    slot: tuple[int, ...]
    sessions: tuple[int, ...]
    report: int

    @property
    def session_id(self) -> int:
        """The session the shift's duties are filed under."""
        return self.sessions[0]


def report_minutes(opens: int | None, start: int, earliest: int, default_lead: int) -> int:
    """When a post's people report for a session, in minutes from midnight.

    Args:
        opens: when the post opens on an exam day (None: no hours set).
        start: when the session starts.
        earliest: when the exam's earliest session starts (time of day, any day).
        default_lead: how long before the session staff report when the post has no hours
            (the invigilators' briefing time).

    Returns:
        ``opens`` for the session starting at ``earliest``; the same lead before any later
        session; ``opens`` itself for a post that opens only after ``earliest`` (an afternoon
        post); ``start - default_lead`` without hours.
    """
    if opens is None:
        return start - default_lead
    if opens > earliest:
        return opens
    return max(start - (earliest - opens), 0)


def serves(post: DutyPost, session: DutySession) -> bool:
    """Whether the post is open during the session (always, when its hours are not set)."""
    end = session.end_minutes if session.end_minutes is not None else session.start_minutes
    if post.opens is not None and post.opens >= max(end, session.start_minutes + 1):
        return False
    return post.closes is None or post.closes > session.start_minutes


def post_shifts(
    posts: Sequence[DutyPost],
    sessions: Sequence[DutySession],
    held: Mapping[int, Collection[int]],
    default_lead: int,
) -> dict[int, tuple[Shift, ...]]:
    """The shifts of every post: the time slots its center holds while the post is open.

    Args:
        posts: the posts (their hours in ``opens`` and ``closes``).
        sessions: every session of the exam.
        held: test center id -> the sessions it holds.
        default_lead: minutes before a session that staff report to a post without hours.

    Returns:
        Post id -> its shifts in time order (none for a center that holds no session).
    """
    ordered = sorted(sessions, key=lambda s: (s.day, s.start_minutes, s.id))
    slots: dict[tuple[str, int], list[DutySession]] = {}
    for s in ordered:
        slots.setdefault((s.day, s.start_minutes), []).append(s)
    earliest = min((s.start_minutes for s in ordered), default=0)
    result: dict[int, tuple[Shift, ...]] = {}
    for post in posts:
        mine = held.get(post.center_id, ())
        shifts = []
        for (_day, start), slot in slots.items():
            open_in = [s.id for s in slot if s.id in mine and serves(post, s)]
            if open_in:
                shifts.append(Shift(post.id, post.center_id, tuple(s.id for s in slot),
                                    tuple(open_in),
                                    report_minutes(post.opens, start, earliest, default_lead)))
        result[post.id] = tuple(shifts)
    return result


def held_sessions(sessions: Sequence[DutySession],
                  room_centers: Mapping[int, int]) -> dict[int, set[int]]:
    """Test center id -> the sessions it holds, from the rooms in use in each session.

    Args:
        sessions: the sessions, each with the rooms in use in it.
        room_centers: room id -> its test center.
    """
    held: dict[int, set[int]] = {}
    for s in sessions:
        for room_id in s.room_ids:
            center = room_centers.get(room_id)
            if center is not None:
                held.setdefault(center, set()).add(s.id)
    return held


def clock(minutes: int) -> str:
    """Minutes from midnight as ``HH:MM``."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
