"""Fill the center sheets' data: temporary ID certificates and the center summary."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from examdesk.enums import CertificateStatus, DutyKind
from examdesk.labels import GENDER_LABELS, STAFF_ROLE_LABELS, local_minute, post_label
from examdesk.model import (
    Candidate,
    CandidatePhoto,
    Duty,
    Level,
    Room,
    SeatAssignment,
    Subject,
    TempIdCertificate,
    TestCenter,
    candidate_subjects,
    certificate_sessions,
    session_subjects,
)
from examdesk.planning.post_hours import clock
from examdesk.printing.center import CenterSummaryData, CertificateData, CountLine
from examdesk.printing.common import PrintedSession
from examdesk.services.attendance import SittingCounts, sitting_counts, totals_by
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import (
    ExamRef,
    center_id,
    exam_sessions,
    papers_sat,
    seats_where,
)
from examdesk.services.post_schedule import ScheduledPost, scheduled_posts, shift_of
from examdesk.services.printing import printed_session
from examdesk.services.scope import limited, visible_centers

#: Blank forms printed for a center that has issued no certificate yet (one A4 sheet holds 2).
BLANK_FORMS = 2


def certificates(session: Session, exam: ExamRef, *, center: str | None = None,
                 actor: Actor | None = None, serial: str | None = None
                 ) -> tuple[CertificateData, ...]:
    """临时身份证明 issued (and not voided) at each center, in serial order.

    A center that has issued none gets blank forms to fill in by hand, so the police desk
    always has paper. ``serial``: only that certificate (the desk prints each one as it is
    issued; no blank forms), whether valid or not.

    Raises:
        BadInput: no such center.
    """
    only = center_id(session, exam, center)
    seen = visible_centers(actor, exam, only, code=center or "",
                           permission=Permission.PRINT_PERSONAL)
    query = limited(select(TestCenter.id, TestCenter.name).where(
        TestCenter.exam_id == exam.id).order_by(TestCenter.sort_order, TestCenter.code),
        TestCenter.id, seen)
    if only is not None:
        query = query.where(TestCenter.id == only)
    centers = session.execute(query).all()
    names = {cid: name for cid, name in centers}
    sessions = {s.id: s for s in exam_sessions(session, exam)}
    valid_for: defaultdict[int, list[Any]] = defaultdict(list)
    for certificate_id, session_id in session.execute(
        select(certificate_sessions.c.certificate_id, certificate_sessions.c.session_id)
        .join(TempIdCertificate, TempIdCertificate.id == certificate_sessions.c.certificate_id)
        .where(TempIdCertificate.exam_id == exam.id)
    ):
        valid_for[certificate_id].append(sessions[session_id])
    papers: defaultdict[tuple[int, int], list[str]] = defaultdict(list)  # (candidate, session)
    for candidate_id, session_id, subject in session.execute(
        select(TempIdCertificate.candidate_id, session_subjects.c.session_id, Subject.name)
        .join(candidate_subjects,
              candidate_subjects.c.candidate_id == TempIdCertificate.candidate_id)
        .join(session_subjects, session_subjects.c.subject_id == candidate_subjects.c.subject_id)
        .join(Subject, Subject.id == candidate_subjects.c.subject_id)
        .where(TempIdCertificate.exam_id == exam.id)
    ):
        papers[candidate_id, session_id].append(subject)
    issued: defaultdict[int, list[CertificateData]] = defaultdict(list)
    for row in session.execute(
        # the photo taken at the desk, else the registration photo
        select(TempIdCertificate,
               func.coalesce(TempIdCertificate.photo, CandidatePhoto.data), Room.code)
        .outerjoin(CandidatePhoto, CandidatePhoto.candidate_id == TempIdCertificate.candidate_id)
        .outerjoin(SeatAssignment, SeatAssignment.candidate_id == TempIdCertificate.candidate_id)
        .outerjoin(Room, Room.id == SeatAssignment.room_id)
        .where(TempIdCertificate.exam_id == exam.id,
               TempIdCertificate.center_id.in_(names),
               TempIdCertificate.serial_no == serial if serial is not None
               else TempIdCertificate.status == CertificateStatus.VALID)
        .order_by(TempIdCertificate.serial_no)
    ):
        c, photo, room_code = row
        issued[c.center_id].append(CertificateData(
            exam.name, names[c.center_id], c.serial_no, c.name, GENDER_LABELS.get(c.gender, ""),
            c.id_number, photo, c.ticket_no, room_code or "",
            tuple(printed_session(s, sorted(papers[c.candidate_id, s.id])) for s in sorted(
                valid_for[c.id], key=lambda s: (s.date, s.start_time))),
            c.officer_name, c.police_unit, local_minute(c.issued_at)))
    if serial is not None:
        return tuple(c for cid, _ in centers for c in issued[cid])
    result: list[CertificateData] = []
    for cid, name in centers:
        result.extend(issued[cid] or [
            CertificateData(exam.name, name, "", "", "", "", None, "", "", (), "", "", "")
        ] * BLANK_FORMS)
    return tuple(result)


def center_summaries(session: Session, exam: ExamRef, *, center: str | None = None,
                     actor: Actor | None = None) -> tuple[CenterSummaryData, ...]:
    """考点情况汇总 of each center: rooms, seats, candidates per level and session, staff, posts.

    Raises:
        BadInput: no such center.
    """
    only = center_id(session, exam, center)
    seen = visible_centers(actor, exam, only, code=center or "")  # counts: no personal data
    query = limited(select(TestCenter).where(TestCenter.exam_id == exam.id).order_by(
        TestCenter.sort_order, TestCenter.code), TestCenter.id, seen)
    if only is not None:
        query = query.where(TestCenter.id == only)
    centers = session.scalars(query).all()
    rooms = session.execute(
        select(Room.id, Room.center_id, Room.rows, Room.columns, Room.unusable_seats, Room.spare)
        .where(Room.center_id.in_([c.id for c in centers]))).all()
    center_of = {r.id: r.center_id for r in rooms}
    seated: defaultdict[int, list[Any]] = defaultdict(list)  # center -> seats
    for row in session.execute(
        select(SeatAssignment.candidate_id, SeatAssignment.room_id, Level.name, Level.sort_order)
        .join(Candidate, Candidate.id == SeatAssignment.candidate_id)
        .join(Level, Level.id == Candidate.level_id)
        .join(Room, Room.id == SeatAssignment.room_id).where(seats_where(exam, only))
        .where(Room.center_id.in_([c.id for c in centers]))
    ):
        seated[center_of[row.room_id]].append(row)
    sits: defaultdict[tuple[int, int], set[int]] = defaultdict(set)  # (center, session)
    used: defaultdict[tuple[int, int], set[int]] = defaultdict(set)
    papers: defaultdict[tuple[int, int], set[str]] = defaultdict(set)
    for candidate_id, room_id, session_id, subject in session.execute(
        papers_sat(SeatAssignment.candidate_id, SeatAssignment.room_id,
                   session_subjects.c.session_id, Subject.name)
        .join(Subject, Subject.id == candidate_subjects.c.subject_id)
        .join(Room, Room.id == SeatAssignment.room_id).where(seats_where(exam, only))
        .where(Room.center_id.in_([c.id for c in centers]))
    ):
        sits[center_of[room_id], session_id].add(candidate_id)
        used[center_of[room_id], session_id].add(room_id)
        papers[center_of[room_id], session_id].add(subject)
    sessions = exam_sessions(session, exam)
    duties = session.execute(
        select(Duty.staff_id, Duty.session_id, Duty.center_id, Duty.kind, Duty.role,
               Duty.post_id).where(Duty.center_id.in_([c.id for c in centers]))).all()
    held: defaultdict[int, set[int]] = defaultdict(set)
    for holder, session_id in used:
        held[holder].add(session_id)
    posts = scheduled_posts(session, exam, only=only, held=held)
    # (post, any session of a shift's time slot) -> the shift: a post duty counts only on a
    # shift of its post, as on the duty cards and the post roster
    shifts = shift_of(posts)
    marks = [c for c in sitting_counts(session, exam, center=only) if c.started]
    result: list[CenterSummaryData] = []
    for c in centers:
        in_use = {seat.room_id for seat in seated[c.id]}
        own = [r for r in rooms if r.center_id == c.id]
        level_rooms: defaultdict[tuple[int, str], set[int]] = defaultdict(set)
        level_people: defaultdict[tuple[int, str], int] = defaultdict(int)
        for seat in seated[c.id]:
            level_rooms[seat.sort_order, seat.name].add(seat.room_id)
            level_people[seat.sort_order, seat.name] += 1
        here = [d for d in duties if d.center_id == c.id and (
            d.kind is not DutyKind.POST or (d.post_id, d.session_id) in shifts)]
        on_post: defaultdict[tuple[int, int], set[int]] = defaultdict(set)  # (post, session)
        for d in here:
            if d.kind is DutyKind.POST:
                for s_id in shifts[d.post_id, d.session_id].sessions:
                    on_post[d.post_id, s_id].add(d.staff_id)
        session_lines = []
        printed: list[PrintedSession] = []
        for s in sessions:
            if not used[c.id, s.id]:
                continue
            printed.append(printed_session(s, sorted(papers[c.id, s.id])))
            kinds = [d.kind for d in here if d.session_id == s.id]
            session_lines.append(CountLine(printed[-1].label, (
                len(used[c.id, s.id]), len(sits[c.id, s.id]), kinds.count(DutyKind.ROOM),
                kinds.count(DutyKind.ROVING), kinds.count(DutyKind.INSPECTOR),
                sum(len(people) for (_p, s_id), people in on_post.items() if s_id == s.id))))
        people_by_role: defaultdict[Any, set[int]] = defaultdict(set)
        for d in here:
            people_by_role[d.role].add(d.staff_id)
        staff_lines = tuple(CountLine(label, (len(people_by_role[role]),))
                            for role, label in STAFF_ROLE_LABELS.items() if people_by_role[role])
        post_lines = tuple(
            CountLine(_post_line(p, {s.id: s for s in sessions}),
                      (p.headcount, len({d.staff_id for d in here if d.post_id == p.id})))
            for p in posts if p.center_id == c.id)
        result.append(CenterSummaryData(
            exam.name, c.code, c.name, c.address, c.contact,
            len(in_use), sum(1 for r in own if r.spare),
            sum(r.rows * r.columns - len(r.unusable_seats) for r in own if r.id in in_use),
            sum(level_people.values()),
            tuple(CountLine(name, (len(level_rooms[key]), level_people[key]))
                  for key in sorted(level_rooms) for name in (key[1],)),
            tuple(session_lines), staff_lines, post_lines, tuple(printed), c.phone,
            *_attendance([m for m in marks if m.center_id == c.id])))
    return tuple(result)


def _attendance(marks: list[SittingCounts]) -> tuple[tuple[CountLine, ...],
                                                       tuple[CountLine, ...]]:
    """The center's attendance per session (the rooms whose desk started marking), and the
    absentees' tickets per session."""
    lines, absentees = [], []
    for t in totals_by(marks, "session"):
        lines.append(CountLine(t.label, (t.rooms, t.expected, t.present + t.late, t.late,
                                         t.absent, t.unmarked)))
        tickets = [ticket for m in marks if m.session == t.label for ticket in m.absent_tickets]
        if tickets:
            absentees.append(CountLine(f"{t.label}：{' '.join(tickets)}", ()))
    return tuple(lines), tuple(absentees)


def _post_line(post: ScheduledPost, sessions: dict[int, Any]) -> str:
    """A post on the summary: what it is, then when its people report, day by day, e.g.
    ``医疗急救点 报到：6月11日07:30、12:30`` (the duty cards' times; the place is on the post
    roster, and leaving it out keeps a center's summary on one page)."""
    days: dict[str, list[str]] = {}
    for shift in post.shifts:
        day = sessions[shift.session_id].date
        days.setdefault(f"{day.month}月{day.day}日", []).append(clock(shift.report))
    # no space inside a day's times: the summary wraps lines at spaces and 、
    when = "； ".join(f"{day}{'、'.join(times)}" for day, times in days.items())
    label = post_label(post.kind, post.name)
    return f"{label} 报到：{when}" if when else label
