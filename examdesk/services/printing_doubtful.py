"""Fill the center's end-of-day list of doubtful (存疑) candidates (reports/doubtful_list.py).

The list of a day holds each record still open at the day's end (recorded that day or
before: an open record is carried from day to day until two invigilators clear it) and the
records cleared that day. Days are the computer's local days, as the desks' clocks show them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.model import (
    Candidate,
    DoubtfulEntry,
    Room,
    SeatAssignment,
    TestCenter,
    session_subjects,
)
from examdesk.printing.doubtful import DoubtfulLine, DoubtfulListData
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef, center_id, exam_sessions, papers_sat
from examdesk.services.scope import limited, masked, visible_centers


def list_day(session: Session, exam: ExamRef, today: date | None = None) -> date:
    """The day the list covers unless one is chosen: today when the exam sits today or a
    record was made or cleared today, else the exam's last day before today (the list
    printed the morning after), else today."""
    today = today or datetime.now().astimezone().date()
    days = {row.date for row in exam_sessions(session, exam)}
    if today in days:
        return today
    start, end = _bounds(today)
    for recorded, cleared in session.execute(
            select(DoubtfulEntry.recorded_at, DoubtfulEntry.cleared_at)
            .where(DoubtfulEntry.exam_id == exam.id)):
        if any(at is not None and start <= at < end for at in (recorded, cleared)):
            return today
    return max((d for d in days if d < today), default=today)


def doubtful_lists(session: Session, exam: ExamRef, *, center: str | None = None,
                   actor: Actor | None = None, day: date | None = None
                   ) -> tuple[DoubtfulListData, ...]:
    """存疑考生情况表 of each center ``actor`` may print (``center``: that one) for ``day``
    (None: :func:`list_day`); a center without doubtful candidates gets its list too, which
    says so.

    Raises:
        BadInput: no such center.
        AccessDenied: a center the actor may not print personal data of.
    """
    only = center_id(session, exam, center)
    seen = visible_centers(actor, exam, only, code=center or "",
                           permission=Permission.PRINT_PERSONAL)
    query = limited(select(TestCenter.id, TestCenter.code, TestCenter.name).where(
        TestCenter.exam_id == exam.id).order_by(TestCenter.sort_order, TestCenter.code),
        TestCenter.id, seen)
    if only is not None:
        query = query.where(TestCenter.id == only)
    centers = session.execute(query).all()
    day = day or list_day(session, exam)
    start, end = _bounds(day)
    rows = [row for row in session.execute(
        select(DoubtfulEntry, Candidate.name, Candidate.id_number, SeatAssignment.ticket_no,
               SeatAssignment.seat_no, Room.code)
        .join(Candidate, Candidate.id == DoubtfulEntry.candidate_id)
        .outerjoin(SeatAssignment, SeatAssignment.candidate_id == Candidate.id)
        .outerjoin(Room, Room.id == SeatAssignment.room_id)
        .where(DoubtfulEntry.exam_id == exam.id,
               DoubtfulEntry.center_id.in_([c.id for c in centers]))
        .order_by(DoubtfulEntry.recorded_at, DoubtfulEntry.id))
        if row[0].recorded_at < end and (
            row[0].cleared_at is None or row[0].cleared_at >= start)]
    sitting = _sessions_sat(session, exam, {row[0].candidate_id for row in rows})
    open_: defaultdict[int, list[DoubtfulLine]] = defaultdict(list)
    cleared: defaultdict[int, list[DoubtfulLine]] = defaultdict(list)
    for entry, name, id_number, ticket, seat, room in rows:
        recorded = entry.recorded_at.astimezone()
        done = None if entry.cleared_at is None else entry.cleared_at.astimezone()
        line = DoubtfulLine(
            ticket or "", name, masked(id_number or ""), room or "",
            str(seat) if seat else "", _session_at(sitting[entry.candidate_id], recorded),
            entry.reason, entry.recorded_by, f"{recorded:%m-%d %H:%M}",
            tuple(n for n in (entry.confirmed_by, entry.second_confirmed_by) if n),
            "" if done is None else f"{done:%m-%d %H:%M}")
        if done is None or done >= end:
            # cleared after the day: open at its end, with the first confirmation only
            open_[entry.center_id].append(
                line if done is None else
                replace(line, confirmed_by=line.confirmed_by[:1], cleared_at=""))
        else:
            cleared[entry.center_id].append(line)
    return tuple(DoubtfulListData(exam.name, c.code, c.name,
                                  f"{day.year}年{day.month}月{day.day}日",
                                  tuple(open_[c.id]), tuple(cleared[c.id])) for c in centers)


def _sessions_sat(session: Session, exam: ExamRef, candidates: set[int]
                  ) -> defaultdict[int, list[Any]]:
    """The sessions each candidate sits a paper in, in time order."""
    by_id = {s.id: s for s in exam_sessions(session, exam)}
    order = {sid: n for n, sid in enumerate(by_id)}
    sat: defaultdict[int, set[int]] = defaultdict(set)
    if candidates:
        for candidate, session_id in session.execute(
                papers_sat(SeatAssignment.candidate_id, session_subjects.c.session_id)
                .where(SeatAssignment.candidate_id.in_(sorted(candidates)))):
            sat[candidate].add(session_id)
    return defaultdict(list, {c: [by_id[s] for s in sorted(ids, key=order.__getitem__)]
                              for c, ids in sat.items()})


def _session_at(sessions: list[Any], moment: datetime) -> str:
    """The session a candidate let in at ``moment`` came for: the first of theirs that day
    not over yet, else the day's last ("" when they sit nothing that day)."""
    that_day = [s for s in sessions if s.date == moment.date()]
    if not that_day:
        return ""
    now = moment.time().replace(tzinfo=None)
    chosen = next((s for s in that_day if s.end_time >= now), that_day[-1])
    return f"{chosen.code} {chosen.start_time:%H:%M}-{chosen.end_time:%H:%M}"


def _bounds(day: date) -> tuple[datetime, datetime]:
    """The local day as a span of aware moments."""
    start = datetime.combine(day, time()).astimezone()
    return start, datetime.combine(day + timedelta(days=1), time()).astimezone()
