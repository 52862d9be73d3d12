"""Fill the staff sheets' data: duty sheets, duty cards, post rosters and draw results.

Invigilators learn their room only at the morning draw (docs/draw.md): a duty card shows a
room only once its center has drawn that session; the duty sheet, an internal sheet, shows the
roster's rooms and says whether they were drawn.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from examdesk.enums import DutyKind, StaffRole
from examdesk.labels import POST_KIND_LABELS, STAFF_ROLE_LABELS, local_minute
from examdesk.model import (
    Duty,
    Post,
    PostSupply,
    Room,
    RoomDraw,
    SeatAssignment,
    Staff,
    StaffRoleAssignment,
    Subject,
    TestCenter,
    candidate_subjects,
    session_subjects,
)
from examdesk.planning.post_hours import Shift, clock
from examdesk.printing.common import Person, PrintedSession
from examdesk.printing.duties import (
    CardDuty,
    DrawResultData,
    DutyCard,
    DutySheetData,
    FloorDuty,
    PostDutyLine,
    PostLine,
    PostRosterData,
    PostShift,
    RoomDutyLine,
    SupplyItem,
)
from examdesk.services.audit import Actor, Permission
from examdesk.services.duties import exam_supplies, find_session
from examdesk.services.exams import (
    ExamRef,
    center_id,
    exam_sessions,
    papers_sat,
    seats_where,
)
from examdesk.services.post_schedule import (
    ScheduledPost,
    scheduled_posts,
    shift_of,
    shift_session,
)
from examdesk.services.printing import location, person, printed_session
from examdesk.services.scope import limited, visible_centers

#: What a card says where the room will be drawn on the morning.
DRAWN_ON_THE_MORNING = "考场以考前抽签结果为准"

_ROLE_ORDER = {role: i for i, role in enumerate(STAFF_ROLE_LABELS)}


#: Printed for a draw recorded without its host (before ExamDesk kept it): a line to write on.
HOST_UNKNOWN = "__________"


@dataclass(frozen=True)
class _Draw:
    at: str
    host: str  # who held it, never the login that recorded it
    seed: int


class _Staffing:
    """The exam's centers, sessions, rooms in use, duties and draws, read once."""

    def __init__(self, session: Session, exam: ExamRef, center: str | None,
                 session_code: str | None, actor: Actor | None = None) -> None:
        only = center_id(session, exam, center)
        seen = visible_centers(actor, exam, only, code=center or "",
                               permission=Permission.PRINT_PERSONAL)
        self.exam = exam
        query = limited(select(TestCenter.id, TestCenter.code, TestCenter.name).where(
            TestCenter.exam_id == exam.id).order_by(TestCenter.sort_order, TestCenter.code),
            TestCenter.id, seen)
        if only is not None:
            query = query.where(TestCenter.id == only)
        self.centers = session.execute(query).all()
        wanted = find_session(session, exam, session_code) if session_code else None
        every = exam_sessions(session, exam)
        self.sessions = [s for s in every if wanted is None or s.id == wanted]
        self.all_sessions = {s.id: printed_session(s) for s in every}
        # one center's rows only: a province prints 85 centers one after the other
        rooms = select(Room.id, Room.code, Room.building, Room.floor, Room.label,
                       Room.center_id, Room.sort_order).join(TestCenter).where(
            TestCenter.exam_id == exam.id)
        if only is not None:
            rooms = rooms.where(Room.center_id == only)
        self.rooms = {r.id: r for r in session.execute(rooms)}
        # (center, session) -> rooms in use and the papers sat there
        self.in_use: defaultdict[tuple[int, int], set[int]] = defaultdict(set)
        self.papers: defaultdict[tuple[int, int], set[str]] = defaultdict(set)
        for room_id, session_id, subject in session.execute(
            papers_sat(SeatAssignment.room_id, session_subjects.c.session_id, Subject.name)
            .distinct()
            .join(Subject, Subject.id == candidate_subjects.c.subject_id)
            .join(Room, Room.id == SeatAssignment.room_id).where(seats_where(exam, only))
        ):
            key = (self.rooms[room_id].center_id, session_id)
            self.in_use[key].add(room_id)
            self.papers[key].add(subject)
        self.duties: defaultdict[tuple[int, int], list[Any]] = defaultdict(list)
        for row in session.execute(
            select(Duty.staff_id, Duty.session_id, Duty.center_id, Duty.kind, Duty.role,
                   Duty.room_id, Duty.floor, Duty.post_id, Duty.is_lead, Staff.name,
                   Staff.work_unit, Staff.phone, Staff.gender)
            .join(Staff, Staff.id == Duty.staff_id)
            .where(Staff.exam_id == exam.id,
                   *([Duty.center_id == only] if only is not None else []))
            .order_by(Duty.is_lead.desc(), Staff.name, Staff.id)
        ):
            if row.center_id is not None:
                self.duties[row.center_id, row.session_id].append(row)
        held: defaultdict[int, set[int]] = defaultdict(set)
        for center_of, session_id in self.in_use:
            held[center_of].add(session_id)
        self.posts = scheduled_posts(session, exam, only=only, held=held)
        self.shift_of = shift_of(self.posts)
        self.draws: dict[tuple[int, int], _Draw] = {}
        for center_of, session_id, drawn_at, host, seed in session.execute(
            select(RoomDraw.center_id, RoomDraw.session_id, RoomDraw.drawn_at, RoomDraw.host,
                   RoomDraw.seed).where(RoomDraw.exam_id == exam.id).order_by(RoomDraw.id)
        ):  # the latest draw of a center and session counts
            self.draws[center_of, session_id] = _Draw(local_minute(drawn_at),
                                                      host or HOST_UNKNOWN, seed)

    def session_of(self, center: int, session_id: int) -> PrintedSession:
        base = self.all_sessions[session_id]
        return PrintedSession(base.code, base.day, base.time,
                              tuple(sorted(self.papers[center, session_id])), base.report_time)

    def room_lines(self, center: int, session_id: int) -> tuple[RoomDutyLine, ...]:
        staffed: defaultdict[int, list[Any]] = defaultdict(list)
        for row in self.duties[center, session_id]:
            if row.kind is DutyKind.ROOM and row.room_id is not None:
                staffed[row.room_id].append(row)
        rooms = sorted(self.in_use[center, session_id] | set(staffed),
                       key=lambda r: (self.rooms[r].sort_order, self.rooms[r].code))
        return tuple(
            RoomDutyLine(self.rooms[r].code, self.room_location(r),
                         tuple(person(d) for d in staffed[r]),
                         bool(staffed[r]) and staffed[r][0].is_lead)
            for r in rooms
        )

    def room_location(self, room_id: int) -> str:
        r = self.rooms[room_id]
        return location(r.building, r.floor, r.label)

    def shift_session(self, shift: Shift) -> PrintedSession:
        """A post's shift as printed: its sessions at the center, with the report time."""
        return shift_session(shift, lambda s: self.session_of(shift.center_id, s))

    def on_shift(self, post_id: int, shift: Shift) -> list[Any]:
        """The post's duties in the shift (filed under any session of its time slot)."""
        return [d for s in shift.slot for d in self.duties[shift.center_id, s]
                if d.kind is DutyKind.POST and d.post_id == post_id]


def duty_sheets(session: Session, exam: ExamRef, *, center: str | None = None,
                session_code: str | None = None,
                actor: Actor | None = None) -> tuple[DutySheetData, ...]:
    """监考安排表 of every center and session with rooms in use.

    Raises:
        BadInput: no such center or session.
    """
    data = _Staffing(session, exam, center, session_code, actor)
    sheets: list[DutySheetData] = []
    for c in data.centers:
        for s in data.sessions:
            rooms = data.room_lines(c.id, s.id)
            if not rooms:
                continue
            duties = data.duties[c.id, s.id]
            floors: defaultdict[str, list[Person]] = defaultdict(list)
            for d in duties:
                if d.kind is DutyKind.ROVING:
                    floors[d.floor].append(person(d))
            draw = data.draws.get((c.id, s.id))
            posts = tuple(
                PostDutyLine(_post_what(post), post.place, clock(shift.report),
                             tuple(person(d) for d in data.on_shift(post.id, shift)))
                for post in data.posts if post.center_id == c.id
                for shift in post.shifts if s.id in shift.sessions)
            sheets.append(DutySheetData(
                exam.name, c.code, c.name, data.session_of(c.id, s.id), rooms,
                tuple(FloorDuty(f, tuple(p)) for f, p in sorted(floors.items())),
                tuple(person(d) for d in duties if d.kind is DutyKind.INSPECTOR),
                tuple(person(d) for d in duties if d.kind is DutyKind.RESERVE),
                f"抽签 {draw.at} 主持人：{draw.host}" if draw else "", posts))
    return tuple(sheets)


def draw_results(session: Session, exam: ExamRef, *, center: str | None = None,
                 session_code: str | None = None,
                 actor: Actor | None = None) -> tuple[DrawResultData, ...]:
    """抽签结果 of every center and session that held a draw.

    Raises:
        BadInput: no such center or session.
    """
    data = _Staffing(session, exam, center, session_code, actor)
    return tuple(
        DrawResultData(exam.name, c.code, c.name, data.session_of(c.id, s.id), draw.at,
                       draw.host, draw.seed, data.room_lines(c.id, s.id))
        for c in data.centers for s in data.sessions
        if (draw := data.draws.get((c.id, s.id))) is not None
    )


def duty_cards(session: Session, exam: ExamRef, *, center: str | None = None,
               actor: Actor | None = None) -> tuple[DutyCard, ...]:
    """A personal duty card for everyone with a duty at a center, by center and name.

    Raises:
        BadInput: no such center.
    """
    data = _Staffing(session, exam, center, None, actor)
    roles: defaultdict[int, list[StaffRole]] = defaultdict(list)
    on_duty = {d.staff_id for rows in data.duties.values() for d in rows}
    for staff_id, role in session.execute(
        select(StaffRoleAssignment.staff_id, StaffRoleAssignment.role)
        .join(Staff, Staff.id == StaffRoleAssignment.staff_id).where(Staff.exam_id == exam.id)
    ):
        if staff_id in on_duty:
            roles[staff_id].append(role)
    posts = {p.id: p for p in data.posts}
    cards: list[DutyCard] = []
    for c in data.centers:
        people: dict[int, Any] = {}
        lines: defaultdict[int, list[CardDuty]] = defaultdict(list)
        undrawn: set[int] = set()
        invigilating: set[int] = set()
        for s in data.sessions:
            drawn = (c.id, s.id) in data.draws
            printed = data.session_of(c.id, s.id)
            for d in data.duties[c.id, s.id]:
                if d.kind is DutyKind.POST:
                    # a post is staffed only in its shifts: none where the center holds no
                    # exam (docs/posts.md); its people report at the post's own time
                    shift = data.shift_of.get((d.post_id, s.id))
                    if shift is None:
                        continue
                    post = posts[shift.post_id]
                    people.setdefault(d.staff_id, d)
                    lines[d.staff_id].append(
                        CardDuty(data.shift_session(shift), _post_what(post), post.place))
                    continue
                people.setdefault(d.staff_id, d)
                invigilating.add(d.staff_id)
                duty, place = _card_duty(data, d, drawn)
                if d.kind is DutyKind.ROOM and not drawn:
                    undrawn.add(d.staff_id)
                lines[d.staff_id].append(CardDuty(printed, duty, place))
        for staff_id, d in sorted(people.items(), key=lambda item: (item[1].name, item[0])):
            mine = sorted(roles[staff_id], key=_ROLE_ORDER.__getitem__)
            labels = [STAFF_ROLE_LABELS[r] for r in mine]
            note = ("请携带本卡及身份证，按时到考务办公室报到" if staff_id in invigilating
                    else "请携带本卡及身份证，按报到时间到岗")
            if staff_id in undrawn:
                note = f"{DRAWN_ON_THE_MORNING}；{note}"
            cards.append(DutyCard(exam.name, c.name, person(d), "、".join(labels),
                                  tuple(lines[staff_id]), note))
    return tuple(cards)


def _card_duty(data: _Staffing, duty: Any, drawn: bool) -> tuple[str, str]:
    """What and where a duty is, as a card prints it."""
    if duty.kind is DutyKind.ROOM:
        what = "监考（考场负责人）" if duty.is_lead and drawn else "监考"
        if not drawn or duty.room_id is None:
            return what, "考前抽签确定"
        return what, f"第 {data.rooms[duty.room_id].code} 考场 {data.room_location(duty.room_id)}"
    if duty.kind is DutyKind.ROVING:
        return "流动监考", duty.floor
    if duty.kind is DutyKind.INSPECTOR:
        return "巡考", "全考点"
    if duty.kind is DutyKind.RESERVE:
        return "备用监考", "考务办公室"
    return STAFF_ROLE_LABELS[duty.role], ""


def _post_what(post: ScheduledPost) -> str:
    """What a post duty is, as sheets print it: its kind, and its name when it has one."""
    return POST_KIND_LABELS[post.kind] + (f"（{post.name}）" if post.name else "")


def post_rosters(session: Session, exam: ExamRef, *, center: str | None = None,
                 actor: Actor | None = None) -> tuple[PostRosterData, ...]:
    """岗位值班表 of every center with posts: who is on each post, session by session.

    A center's supplies (from the exam's ratios) go with the first post of their kind.

    Raises:
        BadInput: no such center.
    """
    data = _Staffing(session, exam, center, None, actor)
    stocked: defaultdict[tuple[int, object], list[SupplyItem]] = defaultdict(list)
    for line in exam_supplies(session, exam, center=center):
        stocked[line.center_id, line.post_kind].append(
            SupplyItem(line.item, line.quantity, line.unit))
    held: defaultdict[int, list[SupplyItem]] = defaultdict(list)
    for post_id, item, quantity, unit in session.execute(
        select(PostSupply.post_id, PostSupply.item, PostSupply.quantity, PostSupply.unit)
        .join(Post, Post.id == PostSupply.post_id)
        .where(Post.center_id.in_([c.id for c in data.centers])).order_by(PostSupply.item)
    ):
        held[post_id].append(SupplyItem(item, quantity, unit))
    rosters: list[PostRosterData] = []
    for c in data.centers:
        lines: list[PostLine] = []
        for post in (p for p in data.posts if p.center_id == c.id):
            # one row per shift: the sessions its center holds, sessions starting together
            # sharing one staffing
            shifts = tuple(PostShift(data.shift_session(shift),
                                     tuple(person(d) for d in data.on_shift(post.id, shift)))
                           for shift in post.shifts)
            supplies = held[post.id] or stocked.pop((c.id, post.kind), [])
            lines.append(PostLine(POST_KIND_LABELS[post.kind], post.name, post.place,
                                  post.hours, post.phone, post.headcount, shifts,
                                  tuple(supplies)))
        if lines:
            rosters.append(PostRosterData(exam.name, c.code, c.name, tuple(lines)))
    return tuple(rosters)
