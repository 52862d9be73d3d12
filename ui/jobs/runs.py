"""The plan's runs as both faces call them: seat, check, roster, repair, staff the posts, draw,
the remedies a problem offers, and exports of a table to a workbook.

Each run is ``run(session, progress, cancelled)`` over the caller's transaction (the command
line opens it with ``Database.write``, the window through its background helper), so that a
run cancelled or failed writes nothing. The faces word the results themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from examdesk.planning.plan import PlanIssue, Remedy
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress
from examdesk.services import (
    attendance_exports,
    audit_exports,
    duties,
    duty_exports,
    exam_settings,
    exports,
    incident_exports,
    posts,
    roster,
    seating,
    tempids,
)
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.rows.audit import EVERY_EVENT, AuditFilter, people_concerned

if TYPE_CHECKING:
    from examdesk.db import Database, Session

T = TypeVar("T")

#: An export service (examdesk/services/exports.py, duty_exports.py).
Exporter = Callable[..., exports.ExportResult]

EXPORTERS: dict[str, Exporter] = {
    "candidates": exports.export_candidates,
    "rooms": exports.export_rooms,
    "staff": exports.export_staff,
    "seating": exports.export_seating,
    "duties": duty_exports.export_duties,
    "posts": duty_exports.export_posts,
    "supplies": duty_exports.export_supplies,
    "attendance": attendance_exports.export_attendance,
    "tempids": tempids.export_tempids,
    "incidents": incident_exports.export_incidents,
}


def export_table(database: Database, actor: Actor, what: str | Exporter, path: str | Path, *,
                 exam: str | None = None, center: str | None = None,
                 progress: Progress = no_progress,
                 cancelled: Cancelled = never_cancelled) -> exports.ExportResult:
    """Write one workbook from one snapshot; log the export in a short write of its own,
    committed before the workbook is moved into place: a long export does not keep others
    from changing the plan, and a workbook whose export could not be logged (another writer
    held the database too long) is not left on disk.

    Args:
        what: a key of :data:`EXPORTERS`, or one of its exporters.
    """
    exporter = EXPORTERS[what] if isinstance(what, str) else what
    with database.begin() as session:
        found = resolve_exam(session, exam)

        def recorded(result: exports.ExportResult) -> None:
            with database.write(f"export {result.what}") as writing:
                exports.record_export(writing, found, result)

        return exporter(session, actor, found, path, center=center, progress=progress,
                        cancelled=cancelled, recorded=recorded)


def export_audit(database: Database, actor: Actor, path: str | Path,
                 wanted: AuditFilter = EVERY_EVENT, *, person: str = "",
                 progress: Progress = no_progress,
                 cancelled: Cancelled = never_cancelled) -> exports.ExportResult:
    """Write the audit trail (the events ``wanted`` keeps; about the people ``person``
    names, when given) from one snapshot; the export is itself logged, committed before the
    workbook is moved into place (as :func:`export_table`)."""
    with database.begin() as session:
        if person:
            wanted = replace(wanted, about=people_concerned(session, resolve_exam(session),
                                                            person))

        def recorded(result: exports.ExportResult) -> None:
            with database.write("export audit") as writing:
                audit_exports.record_audit_export(writing, result, wanted)

        return audit_exports.export_audit(session, actor, path, wanted, progress=progress,
                                          cancelled=cancelled, recorded=recorded)


@dataclass(frozen=True)
class SettingsChanged:
    """A remedy that changed the exam's settings, and the duties the change broke."""

    broken_duties: tuple[PlanIssue, ...]


@dataclass(frozen=True)
class PostsMade:
    """A remedy that made a center's standard posts: how many."""

    count: int


def allocate(session: Session, actor: Actor, *, seed: int | None = None,
             center: str | None = None, keep: bool = False, progress: Progress = no_progress,
             cancelled: Cancelled = never_cancelled) -> seating.AllocationSummary:
    """Seat the exam's candidates (``examdesk allocate``)."""
    return seating.allocate_exam(session, actor, resolve_exam(session), seed=seed,
                                 center=center, keep=keep, progress=progress,
                                 cancelled=cancelled)


def make_roster(session: Session, actor: Actor, *, seed: int | None = None,
                center: str | None = None, progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled) -> roster.RosterResult:
    """Make the invigilator roster (``examdesk roster``)."""
    return roster.roster_exam(session, actor, resolve_exam(session), seed=seed, center=center,
                              progress=progress, cancelled=cancelled)


def repair_roster(session: Session, actor: Actor, *, center: str | None = None,
                  progress: Progress = no_progress,
                  cancelled: Cancelled = never_cancelled) -> roster.RepairResult:
    """Re-roster only the broken rooms (``examdesk roster --repair``)."""
    return roster.repair_exam_roster(session, actor, resolve_exam(session), center=center,
                                     progress=progress, cancelled=cancelled)


def staff_posts(session: Session, actor: Actor, *, center: str | None = None,
                progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled) -> duties.PostsResult:
    """Staff the service posts (``examdesk posts``; it reports no progress)."""
    return duties.fill_exam_posts(session, actor, resolve_exam(session), center=center)


def draw(session: Session, actor: Actor, *, center: str, session_code: str,
         seed: int | None = None, host: str | None = None, progress: Progress = no_progress,
         cancelled: Cancelled = never_cancelled) -> duties.DrawSummary:
    """Draw a center's rooms for one session (``examdesk draw``; it reports no progress)."""
    return duties.draw_center(session, actor, resolve_exam(session), center=center,
                              session_code=session_code, seed=seed, host=host)


def in_transaction(url: str, purpose: str, run: Callable[..., T], /, *,
                   progress: Progress = no_progress, cancelled: Cancelled = never_cancelled,
                   **options: Any) -> T:
    """``run(session, progress=..., cancelled=..., **options)`` in one writing transaction
    (``Database.write(purpose)``) of the database at ``url``, opened here and closed after.

    How the window runs a run in a process of its own (ui/window/apart.py): module-level, so
    that the child finds it by name; the actor is one of ``options``, so that the child writes
    as the window's clerk.
    """
    from examdesk.db import open_database
    from examdesk.db.locks import waiting_message

    database = open_database(url, upgrade=False)
    actor = options.get("actor")
    if isinstance(actor, Actor):
        database.signed_in.name = actor.username  # whom other clerks see waiting for the run
    try:
        # a run that waits for another clerk's says so in its progress
        with database.write(purpose, waiting=lambda holder: progress(
                0, 0, waiting_message(holder)), cancelled=cancelled) as session:
            return run(session, progress=progress, cancelled=cancelled, **options)
    finally:
        database.close()


def apply_remedy(session: Session, actor: Actor, remedy: Remedy,
                 progress: Progress = no_progress,
                 cancelled: Cancelled = never_cancelled) -> Any:
    """Carry out what a problem's fix asks for (examdesk/planning/remedies.py).

    Returns:
        The run's result: an allocation summary (``allocate-keep``), :class:`SettingsChanged`
        (``max-sessions``, ``cross-center``), the posts' staffing (``staff-posts``),
        :class:`PostsMade` (``make-posts``) or the repaired roster (``repair-roster``).
    """
    exam = resolve_exam(session)
    if remedy.action == "allocate-keep":
        return allocate(session, actor, keep=True, progress=progress, cancelled=cancelled)
    if remedy.action == "max-sessions":
        change = exam_settings.change_settings(session, actor, exam,
                                               max_sessions=int(remedy.field("sessions")))
        return SettingsChanged(change.broken_duties)
    if remedy.action == "cross-center":
        change = exam_settings.change_settings(session, actor, exam, cross_center=True)
        return SettingsChanged(change.broken_duties)
    if remedy.action == "staff-posts":
        return staff_posts(session, actor)
    if remedy.action == "repair-roster":
        return repair_roster(session, actor, center=str(remedy.field("center")),
                             progress=progress, cancelled=cancelled)
    if remedy.action == "make-posts":
        return PostsMade(posts.init_posts(session, actor, exam,
                                          center=str(remedy.field("center"))))
    raise ValueError(f"unknown remedy {remedy.action!r}")
