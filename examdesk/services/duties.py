"""Staff duties in the database: posts and supplies, the morning draw, replacements, locks.

Each call loads the staffing situation (duty_data), lets the pure planning code decide and
writes the result in the caller's transaction, audited with the user's name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import Select, delete, select, update
from sqlalchemy.orm import Session

from examdesk.db.bulk import bulk_insert
from examdesk.enums import DutyKind, PostKind, StaffRole
from examdesk.errors import BadInput, PlanProblem
from examdesk.exchange.normalize import trim
from examdesk.i18n import translate
from examdesk.labels import STAFF_ROLE_LABELS, post_label
from examdesk.model import Duty as DutyRow
from examdesk.model import (
    ExamSession,
    Room,
    RoomDraw,
    SeatAssignment,
    Staff,
    StaffRoleAssignment,
    SupplyRule,
    TestCenter,
    session_subjects,
)
from examdesk.planning import posts as post_planning
from examdesk.planning.draw import draw_rooms
from examdesk.planning.duty_plan import Duty, DutySession
from examdesk.planning.plan import PlanIssue
from examdesk.planning.post_hours import BRIEFING_LEAD, Shift, held_sessions, post_shifts
from examdesk.planning.posts import Coverage, SupplyLine
from examdesk.planning.replacement import Option, replacement_options
from examdesk.services import audit, lookup, versions
from examdesk.services.audit import Actor, Permission
from examdesk.services.duty_data import DutyData, load_duty_data
from examdesk.services.exams import ExamRef, center_id, papers_sat, seats_where
from examdesk.services.seeds import choose_seed


@dataclass(frozen=True)
class PostsResult:
    """What filling the posts did.

    Attributes:
        coverage: filled / required per post and shift (filed under the shift's first
            session at the post's center).
        issues: posts not fully covered, with the reason and a fix.
        filled: post duties written.
        post_labels: post id -> center code and post, for printing the coverage.
        shift_labels: (post id, session id) -> how the shift of ``coverage`` is named.
    """

    coverage: tuple[Coverage, ...]
    issues: tuple[PlanIssue, ...]
    filled: int
    post_labels: dict[int, str]
    shift_labels: dict[tuple[int, int], str]


def write_duties(session: Session, duties: Sequence[Duty]) -> None:
    """Insert planning duties as rows (the caller deleted what they replace)."""
    bulk_insert(session, DutyRow, [
        {"staff_id": d.staff_id, "session_id": d.session_id, "center_id": d.center_id,
         "kind": d.kind, "role": d.role, "room_id": d.room_id, "floor": d.floor,
         "post_id": d.post_id, "is_lead": d.is_lead, "locked": d.locked}
        for d in duties
    ])


def _staff_of(exam: ExamRef) -> Select[int]:
    return select(Staff.id).where(Staff.exam_id == exam.id)


def fill_exam_posts(session: Session, actor: Actor, exam: ExamRef, *,
                    center: str | None = None) -> PostsResult:
    """Staff every post in the shifts it serves, around the invigilators' duties.

    A post is staffed only in the sessions its center holds (examdesk/planning/post_hours.py);
    post duties set by hand (locked) stay, the others are made again.

    Raises:
        BadInput: no test center has the code ``center``.
    """
    only = center_id(session, exam, center)
    actor.require(Permission.EDIT_PLAN, exam.id, only, center_code=center or "")
    data = load_duty_data(session, exam)
    shifts = exam_post_shifts(data)
    # sessions starting together (the two 实务 papers at 14:00) share one staffing of the
    # posts: the planning sees each time slot once, as its first session
    slot_first: dict[int, int] = {}
    slots: dict[tuple[str, int], DutySession] = {}
    for s in data.sessions:
        slot_first[s.id] = slots.setdefault((s.day, s.start_minutes), s).id
    posts = [replace(p, sessions=frozenset(shift.slot[0] for shift in shifts[p.id]))
             for p in data.posts if only is None or p.center_id == only]
    post_ids = {p.id for p in posts}
    def redone(d: Duty) -> bool:
        return d.kind is DutyKind.POST and d.post_id in post_ids and not d.locked

    # (a test per duty: "d not in redo" compared every duty with every post duty, minutes
    # at the provincial scale)
    busy = [replace(d, session_id=slot_first.get(d.session_id, d.session_id))
            for d in data.duties if not redone(d)]
    filed = {(shift.post_id, shift.slot[0]): shift for p in posts for shift in shifts[p.id]}
    labels = {key: shift_label(shift, data.sessions) for key, shift in filed.items()}
    made, coverage, issues = post_planning.fill_posts(
        posts, list(slots.values()), data.staff, busy, data.settings, centers=data.centers,
        labels=labels)
    # each duty is filed under the first session of the slot that its center holds
    made = tuple(replace(d, session_id=filed[d.post_id or 0, d.session_id].session_id)
                 for d in made)
    coverage = tuple(replace(c, session_id=filed[c.post_id, c.session_id].session_id)
                     for c in coverage)
    session.execute(delete(DutyRow).where(
        DutyRow.kind == DutyKind.POST, DutyRow.locked.is_(False),
        DutyRow.post_id.in_(post_ids), DutyRow.staff_id.in_(_staff_of(exam))))
    write_duties(session, made)
    audit.record(session, actor, "duties.posts", exam_id=exam.id, entity="exam",
                 entity_id=exam.id,
                 summary=translate("Audit", "Filled {count} post duties").format(
                     count=len(made)),
                 details={"center": center or "", "duties": len(made),
                          "short": sum(1 for i in issues if i.is_error)})
    codes = {c.id: c.code for c in data.centers}
    return PostsResult(coverage, issues, len(made),
                       {p.id: f"{codes[p.center_id]} {p.label}" for p in posts},
                       {(shift.post_id, shift.session_id): labels[key]
                        for key, shift in filed.items()})


def exam_post_shifts(data: DutyData) -> dict[int, tuple[Shift, ...]]:
    """The shifts of every post of ``data``: the sessions its center holds while it is open."""
    room_centers = {room.id: room.center_id for room in data.rooms}
    return post_shifts(data.posts, data.sessions, held_sessions(data.sessions, room_centers),
                       BRIEFING_LEAD)


def shift_label(shift: Shift, sessions: Sequence[DutySession]) -> str:
    """How messages name a shift: its sessions' labels at the post's center."""
    names = {s.id: s.label for s in sessions}
    return translate("Duties", " / ").join(names[s] for s in shift.sessions)


def exam_supplies(session: Session, exam: ExamRef, *,
                  center: str | None = None) -> tuple[SupplyLine, ...]:
    """Supplies per center for its busiest day, from the exam's ratios (defaults if none).

    Raises:
        BadInput: no test center has the code ``center``.
    """
    only = center_id(session, exam, center)
    rules = [
        post_planning.SupplyRule(r.post_kind, r.item, r.unit, r.per_candidates or None,
                                 r.fixed, r.per_staff or None)
        for r in session.scalars(select(SupplyRule).where(SupplyRule.exam_id == exam.id)
                                 .order_by(SupplyRule.id))
    ] or list(post_planning.DEFAULT_SUPPLY_RULES)
    room_center = dict(session.execute(
        select(Room.id, Room.center_id).join(TestCenter)
        .where(TestCenter.exam_id == exam.id,
               *([Room.center_id == only] if only is not None else []))
    ).all())
    # a candidate keeps one seat all day: count each once per center and day
    per_day: defaultdict[tuple[int, object], set[int]] = defaultdict(set)
    for room_id, day, candidate in session.execute(
        papers_sat(SeatAssignment.room_id, ExamSession.date, SeatAssignment.candidate_id)
        .distinct()
        .join(ExamSession, ExamSession.id == session_subjects.c.session_id)
        .join(Room, Room.id == SeatAssignment.room_id).where(seats_where(exam, only))
    ):
        per_day[(room_center[room_id], day)].add(candidate)
    expected: dict[int, int] = {}
    for (center_of, _day), candidates in per_day.items():
        if only is None or center_of == only:
            expected[center_of] = max(expected.get(center_of, 0), len(candidates))
    return post_planning.compute_supplies(expected, rules)


def find_session(session: Session, exam: ExamRef, code: str) -> int:
    """The id of the exam's session with this code (S1, S2...) or name.

    Raises:
        NotFound: no session has that code; the message lists them.
    """
    return lookup.find_session(session, exam, code).one().id


@dataclass(frozen=True)
class DrawSummary:
    """A draw made: its seed, how many teams it placed and who held it."""

    seed: int
    teams: int
    host: str


# The longest host name kept (RoomDraw.host).
_HOST_LENGTH = 100


class DrawHostNeeded(BadInput):
    """No host was named and the center has not exactly one chief examiner to default to.

    Attributes:
        center: the test center's code.
        chiefs: the names of its chief examiners (none, or several).
    """

    def __init__(self, center: str, chiefs: Sequence[str]) -> None:
        self.center = center
        self.chiefs = tuple(chiefs)
        if chiefs:
            message = translate(
                "Duties", "Test center {center} has several chief examiners (主考: {names}); "
                          "name the one who holds the draw.").format(
                center=center, names="、".join(chiefs))
        else:
            message = translate(
                "Duties", "Test center {center} has no chief examiner (主考) on the roster; "
                          "name who holds the draw.").format(center=center)
        super().__init__(message, code="draw-host-needed", center=center, chiefs=self.chiefs)


def chief_examiners(session: Session, exam: ExamRef, center: str) -> tuple[str, ...]:
    """The names of a center's chief examiners (主考): staff with that role whose home test
    center it is, by name; what a draw's host defaults to when there is exactly one.

    Raises:
        BadInput: no test center has the code ``center``.
    """
    wanted = center_id(session, exam, center)
    return tuple(session.scalars(
        select(Staff.name).join(StaffRoleAssignment, StaffRoleAssignment.staff_id == Staff.id)
        .where(Staff.exam_id == exam.id, Staff.home_center_id == wanted,
               StaffRoleAssignment.role == StaffRole.CHIEF_EXAMINER)
        .order_by(Staff.name, Staff.id)))


def _draw_host(session: Session, exam: ExamRef, center: str, host: str | None) -> str:
    """The host as given (trimmed), else the center's only chief examiner."""
    if host is not None:
        name = trim(host)
        if not name:
            raise BadInput(translate("Duties", "Write the name of who holds the draw."))
        if len(name) > _HOST_LENGTH:
            raise BadInput(translate(
                "Duties", "The host's name has at most {most} characters.").format(
                most=_HOST_LENGTH))
        return name
    chiefs = chief_examiners(session, exam, center)
    if len(chiefs) != 1:
        raise DrawHostNeeded(center, chiefs)
    return chiefs[0]


def draw_center(session: Session, actor: Actor, exam: ExamRef, *, center: str,
                session_code: str, seed: int | None = None,
                host: str | None = None) -> DrawSummary:
    """Draw the rooms of a center's invigilators for one session; record seed, time and host.

    Args:
        host: who holds the draw, as printed on the draw and duty sheets; None: the center's
            chief examiner. ``actor`` (the login) goes to the audit trail only.

    Raises:
        BadInput: no such center or session, or a host name that is empty or too long.
        DrawHostNeeded: no host given and the center has no chief examiner, or several.
        PlanProblem: the roster has no room duties there, or no draw respects the rules.
    """
    wanted = center_id(session, exam, center)
    actor.require(Permission.EDIT_PLAN, exam.id, wanted, center_code=center)
    session_id = find_session(session, exam, session_code)
    chosen = choose_seed(seed)
    data = load_duty_data(session, exam)
    duties = [d for d in data.duties if d.kind is DutyKind.ROOM
              and d.center_id == wanted and d.session_id == session_id]
    _refuse_idle_session(session, exam, data, wanted, center, session_id, session_code)
    if not duties:
        raise PlanProblem(translate(
            "Duties", "Test center {center} has no invigilators rostered for session {code}; "
                      "make the roster first.").format(center=center, code=session_code),
            code="draw-unrostered", center=center, session=session_code)
    held_by = _draw_host(session, exam, center, host)
    result = draw_rooms(duties, data.rooms, data.staff, chosen)
    # one lead per room and session is a unique index: clear the old places first
    session.execute(update(DutyRow).where(
        DutyRow.staff_id.in_([d.staff_id for d in duties]), DutyRow.session_id == session_id
    ).values(is_lead=False))
    for duty in result.duties:
        session.execute(update(DutyRow).where(
            DutyRow.staff_id == duty.staff_id, DutyRow.session_id == session_id
        ).values(room_id=duty.room_id, is_lead=duty.is_lead))
    session.add(RoomDraw(exam_id=exam.id, center_id=wanted, session_id=session_id,
                         seed=chosen, actor=actor.username, host=held_by))
    audit.record(session, actor, "duties.draw", exam_id=exam.id, entity="center",
                 entity_id=wanted or 0,
                 summary=translate("Audit", "Draw of center {center}, session {session}, seed "
                                            "{seed}").format(
                     center=center, session=session_code, seed=chosen),
                 details={"seed": chosen, "session": session_code, "host": held_by})
    return DrawSummary(chosen, len({d.room_id for d in result.duties}), held_by)


def _refuse_idle_session(session: Session, exam: ExamRef, data: DutyData, wanted: int | None,
                         center: str, session_id: int, session_code: str) -> None:
    """Refuse a draw for a session in which the center holds no paper (nobody sits there then).

    Raises:
        BadInput: the center's rooms are empty in that session; the message lists the
            sessions it holds.
    """
    held = held_sessions(data.sessions, {r.id: r.center_id for r in data.rooms}).get(
        wanted or 0, set())
    if session_id in held:
        return
    codes = [code for sid, code in session.execute(
        select(ExamSession.id, ExamSession.code).where(ExamSession.exam_id == exam.id)
        .order_by(ExamSession.date, ExamSession.start_time)) if sid in held]
    raise BadInput(translate(
        "Duties", "Test center {center} holds no paper in session {code}: nobody sits in its "
                  "rooms then. Its sessions: {codes}.").format(
        center=center, code=session_code, codes=", ".join(codes) or "-"),
        code="session-idle", center=center, session=session_code, sessions=tuple(codes))


def forget_draws(session: Session, exam: ExamRef, center: int | None = None) -> int:
    """Delete the recorded draws of the exam, or of one center (by id).

    A new roster puts provisional teams in the rooms again, so the draws it replaces no longer
    say who invigilates where: the envelope sheets must not print those teams as drawn
    (examdesk/services/printing.py). The audit trail keeps every draw.

    Returns:
        How many draws were deleted.
    """
    query = select(RoomDraw.id).where(RoomDraw.exam_id == exam.id)
    if center is not None:
        query = query.where(RoomDraw.center_id == center)
    ids = list(session.scalars(query))
    if ids:
        session.execute(delete(RoomDraw).where(RoomDraw.id.in_(ids)))
    return len(ids)


def _staff_member(session: Session, exam: ExamRef, who: str) -> tuple[int, str]:
    """The id and name of the exam's staff member with this ID number (or phone, or name)."""
    person = lookup.find_staff(session, exam, who).one()
    return person.id, person.name


def _duty_of(session: Session, exam: ExamRef, data: DutyData, who: str,
             session_id: int) -> tuple[Duty, str]:
    staff_id, name = _staff_member(session, exam, who)
    for duty in data.duties:
        if duty.staff_id == staff_id and duty.session_id == session_id:
            return duty, name
    raise PlanProblem(translate("Duties", "{name} has no duty in that session.").format(
        name=name))


def replacement_choices(session: Session, exam: ExamRef, who: str,
                        session_code: str) -> tuple[tuple[Option, str], ...]:
    """Who could take over the duty of ``who`` in a session, eligible ones first.

    Returns:
        Each option with the person's ID number (what ``--by`` takes).

    Raises:
        BadInput: no such staff member or session.
        PlanProblem: they have no duty in that session.
    """
    data = load_duty_data(session, exam)
    duty, _name = _duty_of(session, exam, data, who, find_session(session, exam, session_code))
    numbers = dict(session.execute(
        select(Staff.id, Staff.id_number).where(Staff.exam_id == exam.id)).all())
    return tuple(
        (option, numbers[option.staff.id])
        for option in replacement_options(duty, data.duties, data.staff, data.rooms,
                                          data.settings))


def replace_on_duty(session: Session, actor: Actor, exam: ExamRef, who: str,
                    session_code: str, by: str, *, version: int | None = None) -> str:
    """Give the duty of ``who`` in a session to ``by``, and lock it.

    ``version``: the duty's version the window read (None: not compared).

    Returns:
        The new person's label.

    Raises:
        BadInput: no such staff member or session.
        PlanProblem: ``by`` may not take the duty (the rule is named).
        EditConflict: the duty changed after the window read it.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    data = load_duty_data(session, exam)
    session_id = find_session(session, exam, session_code)
    duty, name = _duty_of(session, exam, data, who, session_id)
    _duty_unchanged(session, exam, duty.staff_id, session_id, name, session_code, version)
    by_id, _by_name = _staff_member(session, exam, by)
    if by_id == duty.staff_id:
        raise PlanProblem(translate("Duties", "{who} is the person being replaced.").format(
            who=name))
    options = replacement_options(duty, data.duties, data.staff, data.rooms, data.settings)
    option = next(o for o in options if o.staff.id == by_id)  # everyone else is listed
    if option.reason is not None:
        raise PlanProblem(translate("Duties", "{who} cannot take the duty: {reason}.").format(
            who=option.staff.label, reason=option.reason))
    # a reserve of the session leaves the reserve to take the duty
    session.execute(delete(DutyRow).where(
        DutyRow.staff_id == option.staff.id, DutyRow.session_id == session_id,
        DutyRow.kind == DutyKind.RESERVE))
    session.execute(update(DutyRow).where(
        DutyRow.staff_id == duty.staff_id, DutyRow.session_id == session_id
    ).values(staff_id=option.staff.id, locked=True))
    audit.record(session, actor, "duties.replace", exam_id=exam.id, entity="staff",
                 entity_id=option.staff.id,
                 summary=translate("Audit", "{new} replaces {old}").format(
                     new=option.staff.label, old=name),
                 details={"session": session_code, "replaced": name})
    return option.staff.label


def lock_duty(session: Session, actor: Actor, exam: ExamRef, who: str, session_code: str, *,
              locked: bool = True, version: int | None = None) -> None:
    """Lock (or unlock) a person's duty in a session, so that rosters keep it.

    ``version``: the duty's version the window read (None: not compared).

    Raises:
        BadInput: no such staff member or session.
        PlanProblem: they have no duty in that session.
        EditConflict: the duty changed after the window read it.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    data = load_duty_data(session, exam)
    session_id = find_session(session, exam, session_code)
    duty, name = _duty_of(session, exam, data, who, session_id)
    _duty_unchanged(session, exam, duty.staff_id, session_id, name, session_code, version)
    session.execute(update(DutyRow).where(
        DutyRow.staff_id == duty.staff_id, DutyRow.session_id == session_id
    ).values(locked=locked))
    audit.record(session, actor, "duties.lock" if locked else "duties.unlock",
                 exam_id=exam.id, entity="staff", entity_id=duty.staff_id,
                 summary=translate("Audit", "{name}, session {session}").format(
                     name=name, session=session_code))



def _duty_unchanged(session: Session, exam: ExamRef, staff_id: int, session_id: int,
                    name: str, session_code: str, version: int | None) -> None:
    """Refuse a change to a duty that changed since the window read it
    (examdesk/services/versions.py)."""
    if version is None:
        return
    row = session.execute(select(DutyRow.id, DutyRow.role, DutyRow.locked).where(
        DutyRow.staff_id == staff_id, DutyRow.session_id == session_id)).one()
    current = [name, STAFF_ROLE_LABELS[row.role]]
    if row.locked:
        current.append(translate("Duties", "locked"))
    versions.check_version(
        session, DutyRow, row.id, version, exam_id=exam.id,
        about=[("duty", row.id), ("staff", staff_id)],
        what=translate("Duties", "the duty of {name} in {session}").format(
            name=name, session=session_code), current=versions.described(current))


def set_supply_rule(session: Session, actor: Actor, exam: ExamRef, post_kind: PostKind,
                    item: str, *, unit: str | None = None, per_candidates: float | None = None,
                    per_staff: float | None = None, fixed: int | None = None) -> None:
    """Add or change one supply ratio of the exam (the defaults are copied in first).

    Raises:
        BadInput: a negative amount, or an empty item name.
    """
    actor.require(Permission.EDIT_PLAN, exam.id)
    if not item.strip():
        raise BadInput(translate("Duties", "Name the item, e.g. 饮用水."))
    if min(per_candidates or 0, per_staff or 0, fixed or 0) < 0:
        raise BadInput(translate(
            "Duties", "The supply rule for {item} has a negative amount; use 0 or more."
        ).format(item=item))
    if session.scalar(select(SupplyRule.id).where(SupplyRule.exam_id == exam.id)) is None:
        session.add_all(
            SupplyRule(exam_id=exam.id, post_kind=r.kind, item=r.item, unit=r.unit,
                       per_candidates=r.per_candidates or 0.0, per_staff=r.per_staff or 0.0,
                       fixed=r.fixed)
            for r in post_planning.DEFAULT_SUPPLY_RULES)
        session.flush()
    rule = session.scalar(select(SupplyRule).where(
        SupplyRule.exam_id == exam.id, SupplyRule.post_kind == post_kind,
        SupplyRule.item == item.strip()))
    if rule is None:
        rule = SupplyRule(exam_id=exam.id, post_kind=post_kind, item=item.strip(),
                          unit=unit or "", per_candidates=0.0, per_staff=0.0, fixed=0)
        session.add(rule)
    if unit is not None:
        rule.unit = unit
    if per_candidates is not None:
        rule.per_candidates = per_candidates
    if per_staff is not None:
        rule.per_staff = per_staff
    if fixed is not None:
        rule.fixed = fixed
    session.flush()
    audit.record(session, actor, "duties.supply_rule", exam_id=exam.id, entity="supply_rule",
                 entity_id=rule.id,
                 summary=translate("Audit", "{post}: {item}").format(
                     post=post_label(post_kind), item=item),
                 details={"per_candidates": rule.per_candidates, "per_staff": rule.per_staff,
                          "fixed": rule.fixed, "unit": rule.unit})
