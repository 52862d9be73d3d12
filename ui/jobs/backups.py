"""Backing up and restoring a whole database: the use cases both faces share
(examdesk/db/backups.py does the work; docs/backups.md)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from examdesk.db import Database, open_database, sqlite_file
from examdesk.db.backups import (
    AutomaticBackup,
    BackupInfo,
    Progress,
    backup_database,
    read_backup,
    restore_database,
)
from examdesk.db.shutdown import quick_check
from examdesk.db.urls import readable_url
from examdesk.i18n import translate
from examdesk.progress import no_progress
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.stats import overview


def size_text(size: int) -> str:
    """A file's size for people: ``12.3 MB``, ``840 KB``."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


def backup_to(db: Database, out: Path, progress: Progress = no_progress,
              actor: Actor | None = None) -> Path:
    """Back the database up to ``out`` (replaced if it exists; a folder: into a new file named
    by the time), then log it in the audit trail (the file holds every candidate's personal
    data).

    Raises:
        AccessDenied: the actor may not manage the database (its users, its settings).
    """
    actor = actor or Actor.from_environment()
    actor.require(Permission.MANAGE_USERS)
    out = out.expanduser()
    if out.is_dir():  # a folder: a file of its own in it, named by the time
        server = db.engine.dialect.name != "sqlite"
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        out = out / f"examdesk-{stamp}{'.dump' if server else '.db'}"
    path = backup_database(db, out, progress)
    with db.write("record backup") as session:
        audit.record(session, actor, "database.backup", entity="database",
                     summary=translate("Audit", "Backed up the database to {file}").format(
                         file=path.name),
                     details={"file": str(path.resolve())})
    return path


@dataclass(frozen=True)
class RestorePlan:
    """A restore the user is asked to confirm.

    Attributes:
        info: what the backup holds.
        question: what will be replaced by what, in one or two sentences.
    """

    info: BackupInfo
    question: str


@dataclass(frozen=True)
class Restored:
    """A restore done.

    Attributes:
        saved: the automatic backup of what the database held before (None: none taken).
    """

    saved: Path | None


def restore_plan(db: Database, source: Path) -> RestorePlan:
    """Check the backup and say what restoring it replaces.

    Raises:
        BadInput: not an ExamDesk backup, newer than this ExamDesk, or of the other kind of
            database.
    """
    info = read_backup(source.expanduser())
    written = datetime.fromtimestamp(info.path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    file = sqlite_file(db.url)
    if file is not None and file.exists() and quick_check(file) is not None:
        held = translate("Backups", "a damaged database")
        now = None
    else:
        with db.begin() as session:
            now = overview(session)
    if now is None:
        pass
    elif now.exams:
        held = translate("Backups", "{exams} ({candidates:,} candidates)").format(
            exams="、".join(exam.name for exam in now.exams), candidates=now.stats.candidates)
    else:
        held = translate("Backups", "no exam")
    question = translate(
        "Backups", "Everything {url} holds now, {held}, will be replaced by the backup {path} "
                   "of {written}.").format(url=readable_url(db.url), held=held, path=info.path,
                                           written=written)
    return RestorePlan(info, question)


def restore(db: Database, plan: RestorePlan, progress: Progress = no_progress,
            actor: Actor | None = None) -> Restored:
    """Restore the backup the plan names (the current state is backed up first), bring the
    restored database's schema up to this version's, and log the restore in its audit trail.

    Raises:
        AccessDenied: the actor may not manage the database (its users, its settings).
    """
    actor = actor or Actor.from_environment()
    actor.require(Permission.MANAGE_USERS)
    taken: list[AutomaticBackup] = []

    def backed_up(backup: AutomaticBackup) -> None:
        taken.append(backup)
        if db.backed_up is not None:
            db.backed_up(backup)

    restore_database(dataclasses.replace(db, backed_up=backed_up), plan.info, progress)
    saved = taken[0].path if taken else None
    restored = open_database(db.url, waiting=db.waiting)  # an older backup: upgraded now
    try:
        with restored.write("record restore") as session:
            audit.record(session, actor, "database.restore", entity="database",
                         summary=translate("Audit", "Restored the backup {file}").format(
                             file=plan.info.path.name),
                         details={"file": str(plan.info.path.resolve()),
                                  "saved": str(saved or "")})
    finally:
        restored.close()
    return Restored(saved)


def restore_into(url: str | None, source: Path, progress: Progress = no_progress) -> Restored:
    """Restore a backup into the database at ``url`` without checking it first: over an
    SQLite file that opening refused as damaged."""
    db = open_database(url, checked=False)
    try:
        return restore(db, restore_plan(db, source), progress)
    finally:
        db.close()
