"""The audit trail as the 审计 page lists it and `export audit` writes it: newest first, one
page at a time, filtered in the database.

A provincial exam's trail holds hundreds of thousands of events (every seat change, print and
export), so a face never reads it whole: :func:`audit_rows` reads one page (``limit`` events
older than ``before``), :func:`audit_count` counts what the filters keep, and ``ids=`` reads
given events again. Who may read the trail is decided in one place,
:func:`require_audit_reader`, which every reader here calls with the actor; which events it
keeps for that reader, in one more, :func:`_visible`.

The trail outlives its exams: an event keeps the exam's code, and deleting the exam only
empties its ``exam_id`` (examdesk/model/security.py AuditEvent). Such an event still shows its
exam's code (:attr:`AuditRow.exam`, the export's 考试 column), marked as gone.

Nothing here, nor anywhere in ExamDesk, changes or deletes an event (tests/core/test_audit_trail.py
holds the services to that); the one exception is the purge of a closed exam, which blanks
personal values in its events' details (examdesk/services/purge.py). The database itself
empties an event's ``exam_id`` when its exam is deleted (ON DELETE SET NULL), nothing else.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from examdesk.enums import UserRole
from examdesk.errors import AccessDenied
from examdesk.i18n import translate
from examdesk.model import AuditEvent, Candidate, Exam, Room, Staff, TempIdCertificate, TestCenter
from examdesk.services.audit import Actor, Permission
from examdesk.services.exams import ExamRef
from examdesk.services.lookup import find_candidate, find_staff

#: Events a page of the 审计 list holds.
PAGE = 500

#: The roles that may read the trail (issue 13: administrators and planners).
AUDIT_READERS = frozenset({UserRole.ADMIN, UserRole.PLANNER})


def require_audit_reader(actor: Actor) -> None:
    """Raise :class:`~examdesk.errors.AccessDenied` unless the actor may read the trail.

    The one place that decides it: every reader of this module calls it. A database without
    users allows everyone; otherwise an administrator or a planner (of any exam) may.
    """
    if actor.grants is None or any(grant.role in AUDIT_READERS for grant in actor.grants):
        return
    raise AccessDenied(
        translate("Access", "User {user} may not read the audit trail.").format(
            user=actor.username),
        user=actor.username, permission="read-audit")


@dataclass(frozen=True)
class AuditFilter:
    """Which events to list; every field None (or empty) keeps every event.

    Attributes:
        user: the user's name, as the trail records it.
        action: the kind of action (``candidate.edit``), or its first part (``candidate``).
        since: the first local day to keep.
        until: the last local day to keep.
        about: the people or things concerned, as (entity, entity id) pairs: events about
            any of them (an empty tuple: a person was asked for and none was found).
        exam_id: only this exam's events (an exam that exists).
        exam_code: only the events of the exam of this code, whether it still exists or
            not (the events of an exam deleted and loaded again under its code too).
    """

    user: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None
    about: tuple[tuple[str, str], ...] | None = None
    exam_id: int | None = None
    exam_code: str | None = None


#: The filter that keeps every event.
EVERY_EVENT = AuditFilter()


@dataclass(frozen=True, slots=True)
class Change:
    """One field of an event's details: its value before and after ("" when none)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class AuditRow:
    """One event of the trail.

    Attributes:
        event_id: the event's number (rising with time).
        at: when, in UTC.
        user: who, as recorded at the time.
        action: the kind of action (``seat.withdraw``, ``print``, ``export.candidates``...).
        action_label: the action as a reader names it (:func:`action_label`).
        exam: the exam's code ("" for an event of no exam).
        entity: what kind of thing it is about (``candidate``, ``room``... "" when none).
        entity_id: that thing's id or code.
        about: that thing as a reader names it (``考生 张三``).
        summary: one line saying what was done.
        details: the recorded details (the values before and after).
        exam_gone: the exam was deleted since (``exam`` is the code it had).
    """

    event_id: int
    at: datetime
    user: str
    action: str
    exam: str
    entity: str
    entity_id: str
    about: str
    summary: str
    details: Mapping[str, Any] = field(default_factory=dict)
    action_label: str = ""
    exam_gone: bool = False

    @property
    def local_time(self) -> str:
        """The time as the local clock showed it: ``2026-12-05 10:41:07``."""
        return f"{self.at.astimezone():%Y-%m-%d %H:%M:%S}"

    @property
    def changes(self) -> tuple[Change, ...]:
        """The details as fields with their values before and after."""
        return tuple(_changes(self.details))

    @property
    def before_text(self) -> str:
        """Every field's value before, ``field: value`` one per line."""
        return "\n".join(f"{c.field}: {c.before}" for c in self.changes if c.before)

    @property
    def after_text(self) -> str:
        """Every field's value after, ``field: value`` one per line."""
        return "\n".join(f"{c.field}: {c.after}" for c in self.changes if c.after)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "、".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}={_text(v)}" for k, v in value.items())
    return str(value)


def _changes(details: Mapping[str, Any]) -> Iterator[Change]:
    # The services record details in three shapes: {"before": {...}, "after": {...}} (an
    # added or deleted record), {field: [before, after]} (an edit), and plain facts.
    before, after = details.get("before"), details.get("after")
    if isinstance(before, dict) or isinstance(after, dict):
        old = before if isinstance(before, dict) else {}
        new = after if isinstance(after, dict) else {}
        for name in dict.fromkeys([*old, *new]):
            yield Change(name, _text(old.get(name)), _text(new.get(name)))
        rest = {k: v for k, v in details.items() if k not in ("before", "after")}
    else:
        rest = dict(details)
    for name, value in rest.items():
        if isinstance(value, list) and len(value) == 2 and not any(
                isinstance(v, list | dict) for v in value):
            yield Change(name, _text(value[0]), _text(value[1]))
        else:
            yield Change(name, "", _text(value))


def _entity_labels() -> dict[str, str]:
    return {
        "candidate": translate("Audit", "Candidate"),
        "staff": translate("Audit", "Staff"),
        "room": translate("Audit", "Room"),
        "center": translate("Audit", "Test center"),
        "test_center": translate("Audit", "Test center"),
        "exam": translate("Audit", "Exam"),
        "post": translate("Audit", "Post"),
        "post_template": translate("Audit", "Post template"),
        "level": translate("Audit", "Level"),
        "subject": translate("Audit", "Subject"),
        "supply_rule": translate("Audit", "Supply rule"),
        "user": translate("Audit", "User"),
        "temp_id_certificate": translate("Audit", "Temporary ID certificate"),
        "doubtful_entry": translate("Audit", "Doubtful record"),
        "violation": translate("Audit", "Violation record"),
        "incident": translate("Audit", "Incident"),
        "medical_visit": translate("Audit", "Medical visit"),
        "hotline_call": translate("Audit", "Hotline call"),
        "database": translate("Audit", "Database"),
        "audit": translate("Audit", "Audit trail"),
    }


def action_labels() -> dict[str, str]:
    """What each action recorded in the trail is called, in the reader's language: the one
    table the 审计 page and `export audit` name actions by (an action of an older version
    not in it keeps its code). tests/core/test_audit_words.py fails when an action recorded
    anywhere in ExamDesk has no label here."""
    return {
        # the plan
        "exam.settings": translate("Audit", "Change the exam's settings"),
        "exam.abbreviation.add": translate("Audit", "Add an abbreviation"),
        "exam.abbreviation.remove": translate("Audit", "Remove an abbreviation"),
        "exam.purge": translate("Audit", "Purge personal data"),
        "exam.delete": translate("Audit", "Delete an exam"),
        "demo.exam": translate("Audit", "Create the demo exam"),
        "demo.load": translate("Audit", "Load the demo exam"),
        "import.candidates": translate("Audit", "Import candidates"),
        "import.rooms": translate("Audit", "Import rooms"),
        "import.staff": translate("Audit", "Import staff"),
        "import.posts": translate("Audit", "Import posts"),
        "import.seating": translate("Audit", "Import seating"),
        "import.photos": translate("Audit", "Import photos"),
        "candidate.add": translate("Audit", "Add a candidate"),
        "candidate.edit": translate("Audit", "Change a candidate"),
        "candidate.delete": translate("Audit", "Delete a candidate"),
        "staff.add": translate("Audit", "Add a staff member"),
        "staff.edit": translate("Audit", "Change a staff member"),
        "staff.delete": translate("Audit", "Delete a staff member"),
        "room.add": translate("Audit", "Add a room"),
        "room.edit": translate("Audit", "Change a room"),
        "room.delete": translate("Audit", "Delete a room"),
        "center.route": translate("Audit", "Change a center's route"),
        "seating.allocate": translate("Audit", "Allocate seats"),
        "seat.add": translate("Audit", "Seat a candidate"),
        "seat.move": translate("Audit", "Move a candidate"),
        "seat.swap": translate("Audit", "Swap two seats"),
        "seat.withdraw": translate("Audit", "Withdraw a candidate"),
        "seat.lock": translate("Audit", "Lock a room's seats"),
        "seat.unlock": translate("Audit", "Unlock a room's seats"),
        "duties.roster": translate("Audit", "Roster duties"),
        "duties.repair": translate("Audit", "Repair the roster"),
        "duties.posts": translate("Audit", "Fill post duties"),
        "duties.draw": translate("Audit", "Draw invigilators' rooms"),
        "duties.replace": translate("Audit", "Replace a staff member"),
        "duties.lock": translate("Audit", "Lock a duty"),
        "duties.unlock": translate("Audit", "Unlock a duty"),
        "duties.supply_rule": translate("Audit", "Change a supply rule"),
        "posts.init": translate("Audit", "Make the standard posts"),
        "posts.add": translate("Audit", "Add a post"),
        "posts.edit": translate("Audit", "Change a post"),
        "posts.remove": translate("Audit", "Remove a post"),
        "posts.template.set": translate("Audit", "Set a standard post"),
        "posts.template.remove": translate("Audit", "Remove a standard post"),
        # the exam day
        "tempid.issue": translate("Audit", "Issue a temporary ID"),
        "tempid.void": translate("Audit", "Void a temporary ID"),
        "doubtful.record": translate("Audit", "Let in as doubtful"),
        "doubtful.confirm": translate("Audit", "Confirm an identity"),
        "attendance.mark": translate("Audit", "Mark attendance"),
        "attendance.certificate": translate("Audit", "Check temporary IDs in the room"),
        "attendance.answer_sheets": translate("Audit", "Enter answer sheets"),
        "attendance.seal": translate("Audit", "Seal a room's papers"),
        "violation.add": translate("Audit", "Record a violation"),
        "violation.sign": translate("Audit", "Record the candidate's signature"),
        "incident.add": translate("Audit", "Report an incident"),
        "incident.close": translate("Audit", "Close an incident"),
        "medical.add": translate("Audit", "Record a medical visit"),
        "hotline.call": translate("Audit", "Log a hotline call"),
        # prints and exports: personal data leaving the database
        "print": translate("Audit", "Print"),
        "export.candidates": translate("Audit", "Export candidates"),
        "export.rooms": translate("Audit", "Export rooms"),
        "export.staff": translate("Audit", "Export staff"),
        "export.posts": translate("Audit", "Export posts"),
        "export.seating": translate("Audit", "Export seating"),
        "export.duties": translate("Audit", "Export duties"),
        "export.supplies": translate("Audit", "Export supplies"),
        "export.attendance": translate("Audit", "Export attendance"),
        "export.tempids": translate("Audit", "Export temporary IDs"),
        "export.incidents": translate("Audit", "Export incidents"),
        "export.report": translate("Audit", "Save an import's fix-up report"),
        "export.audit": translate("Audit", "Export the audit trail"),
        # users and the database
        "user-add": translate("Audit", "Add a user"),
        "user-grant": translate("Audit", "Grant a role"),
        "user-revoke": translate("Audit", "Take a role away"),
        "user-enable": translate("Audit", "Enable a user"),
        "user-disable": translate("Audit", "Disable a user"),
        "user-password": translate("Audit", "Change a password"),
        "user-locked": translate("Audit", "Lock out after wrong passwords"),
        "database.backup": translate("Audit", "Back up the database"),
        "database.restore": translate("Audit", "Restore a backup"),
    }


def action_label(action: str, labels: Mapping[str, str] | None = None) -> str:
    """The action as a reader names it (``attendance.mark``: 标记考勤); its code when unknown.

    ``labels``: :func:`action_labels`, read once for many rows.
    """
    return (labels if labels is not None else action_labels()).get(action, action)


def _day_start(day: date) -> datetime:
    """The local day's first moment, in UTC (the trail stores UTC)."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def _conditions(wanted: AuditFilter) -> list[ColumnElement[bool]]:
    kept: list[ColumnElement[bool]] = []
    if wanted.user:
        kept.append(AuditEvent.actor == wanted.user)
    if wanted.action:
        kept.append(or_(AuditEvent.action == wanted.action,
                        AuditEvent.action.startswith(wanted.action + ".", autoescape=True)))
    if wanted.since is not None:
        kept.append(AuditEvent.at >= _day_start(wanted.since))
    if wanted.until is not None:
        kept.append(AuditEvent.at < _day_start(wanted.until + timedelta(days=1)))
    if wanted.exam_id is not None:
        kept.append(AuditEvent.exam_id == wanted.exam_id)
    if wanted.exam_code is not None:
        kept.append(AuditEvent.exam_code == wanted.exam_code)
    if wanted.about is not None:
        by_entity: defaultdict[str, list[str]] = defaultdict(list)
        for entity, entity_id in wanted.about:
            by_entity[entity].append(entity_id)
        kept.append(or_(false(), *(and_(AuditEvent.entity == entity,
                                      AuditEvent.entity_id.in_(sorted(ids)))
                                 for entity, ids in by_entity.items())))
    return kept


def _visible(actor: Actor) -> list[ColumnElement[bool]]:
    """The events the actor may read, of those :func:`require_audit_reader` lets them see.

    The events of a deleted exam (its id emptied, its code kept) are for administrators only
    (and everyone in a database without users): the exam is gone, and with it its planners'
    grants, so no planner of that exam is left whose trail it would be; a planner of another
    exam, or of an exam loaded again under the same code, has no business in it.
    """
    if actor.may(Permission.MANAGE_USERS):
        return []
    return [or_(AuditEvent.exam_id.is_not(None), AuditEvent.exam_code == "")]


def _filtered(query: Select[Any], wanted: AuditFilter, actor: Actor) -> Select[Any]:
    conditions = _visible(actor) + _conditions(wanted)
    return query.where(*conditions) if conditions else query


def audit_count(session: Session, actor: Actor, wanted: AuditFilter = EVERY_EVENT) -> int:
    """How many events the filter keeps.

    Raises:
        AccessDenied: the actor may not read the trail.
    """
    require_audit_reader(actor)
    return session.scalar(_filtered(select(func.count(AuditEvent.id)), wanted, actor)) or 0


def audit_rows(
    session: Session, actor: Actor, wanted: AuditFilter = EVERY_EVENT, *,
    before: int | None = None, limit: int | None = PAGE,
    ids: Collection[int] | None = None,
) -> list[AuditRow]:
    """The events the filter keeps, newest first: one page.

    Args:
        session: the caller's session.
        actor: who reads (:func:`require_audit_reader`).
        wanted: the filter.
        before: only events older than this event (the next page: the last row's id).
        limit: at most this many (None: all, for an export).
        ids: only these events (read again).

    Raises:
        AccessDenied: the actor may not read the trail.
    """
    require_audit_reader(actor)
    query = _filtered(
        select(AuditEvent.id, AuditEvent.at, AuditEvent.actor, AuditEvent.action,
               AuditEvent.exam_id, AuditEvent.exam_code, AuditEvent.entity,
               AuditEvent.entity_id, AuditEvent.summary, AuditEvent.details), wanted, actor
    ).order_by(AuditEvent.id.desc())
    if before is not None:
        query = query.where(AuditEvent.id < before)
    if ids is not None:
        query = query.where(AuditEvent.id.in_(sorted(ids)))
    if limit is not None:
        query = query.limit(limit)
    read = session.execute(query).all()
    # the things of a deleted exam went with it, and their ids may name another exam's now
    names = _names(session, {(r.entity, r.entity_id) for r in read
                             if r.exam_id is not None or not r.exam_code})
    labels = _entity_labels()
    actions = action_labels()
    rows = []
    for r in read:
        gone = r.exam_id is None and bool(r.exam_code)
        if gone:  # its id only; the deleted exam itself by its code
            named = r.exam_code if r.entity == "exam" else ""
        else:
            named = names.get((r.entity, r.entity_id), "")
        about = " ".join(part for part in (labels.get(r.entity, r.entity),
                                           named or r.entity_id) if part)
        rows.append(AuditRow(r.id, r.at, r.actor, r.action, r.exam_code, r.entity,
                             r.entity_id, about, r.summary, r.details or {},
                             action_label(r.action, actions), gone))
    return rows


def iter_audit_rows(session: Session, actor: Actor,
                    wanted: AuditFilter = EVERY_EVENT) -> Iterator[AuditRow]:
    """Every event the filter keeps, newest first, read a page at a time (an export)."""
    before: int | None = None
    while True:
        page = audit_rows(session, actor, wanted, before=before, limit=5000)
        yield from page
        if len(page) < 5000:
            return
        before = page[-1].event_id


def _names(session: Session, about: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The names of the things a page's events are about (people, rooms, centers), read in one
    query per kind. A thing deleted since keeps its id."""
    wanted: defaultdict[str, set[int]] = defaultdict(set)
    for entity, entity_id in about:
        if entity_id.isdigit():
            wanted[entity].add(int(entity_id))
    tables: dict[str, Any] = {"candidate": (Candidate.id, Candidate.name),
                              "staff": (Staff.id, Staff.name),
                              "room": (Room.id, Room.code),
                              "center": (TestCenter.id, TestCenter.name),
                              "exam": (Exam.id, Exam.code),
                              "temp_id_certificate": (TempIdCertificate.id,
                                                      TempIdCertificate.serial_no)}
    names: dict[tuple[str, str], str] = {}
    for entity, ids in wanted.items():
        if entity not in tables:
            continue
        key, name = tables[entity]
        for found, text in session.execute(select(key, name).where(key.in_(sorted(ids)))):
            names[entity, str(found)] = str(text)
    return names


@dataclass(frozen=True)
class AuditChoices:
    """What the 审计 page's filters offer: the users and kinds of action in the trail."""

    users: tuple[str, ...]
    actions: tuple[str, ...]


def audit_choices(session: Session, actor: Actor) -> AuditChoices:
    """The users and the kinds of action the trail holds, sorted.

    Raises:
        AccessDenied: the actor may not read the trail.
    """
    require_audit_reader(actor)
    visible = _visible(actor)
    users = session.scalars(select(AuditEvent.actor).where(*visible).distinct()
                            .order_by(AuditEvent.actor))
    actions = session.scalars(select(AuditEvent.action).where(*visible).distinct()
                              .order_by(AuditEvent.action))
    return AuditChoices(tuple(users), tuple(actions))


def people_concerned(session: Session, exam: ExamRef, text: str
                     ) -> tuple[tuple[str, str], ...]:
    """The candidates and staff members ``text`` names (a name, ID number, registration or
    ticket number, phone, as the lookup finds them), as the (entity, id) pairs of
    :attr:`AuditFilter.about`; empty when nobody matches."""
    found: list[tuple[str, str]] = []
    found += [("candidate", str(m.id)) for m in find_candidate(session, exam, text).found]
    found += [("staff", str(m.id)) for m in find_staff(session, exam, text).found]
    return tuple(found)

