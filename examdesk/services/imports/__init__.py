"""Write imported workbooks into an exam: rooms, candidates, staff and photos.

Every import follows the same contract (issue 3): validate every row first (the pure
checks in :mod:`examdesk.exchange`, then the checks against what the exam already holds),
write nothing when any row has an error unless the caller skips invalid rows, and write
in the caller's single transaction, so that an interrupted import leaves the database
exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.exchange.headers import HeaderMap, SheetKind, map_headers
from examdesk.exchange.problems import Checked, Problem, Problems, Severity
from examdesk.exchange.sheets import RawSheet, read_table
from examdesk.i18n import translate
from examdesk.planning.plan import PlanIssue
from examdesk.progress import Cancelled, Progress, check_cancelled
from examdesk.services import audit
from examdesk.services.audit import Actor
from examdesk.services.duty_watch import DutyWatch
from examdesk.services.exams import ExamRef

#: Rows per INSERT/UPDATE statement: large enough to be fast, small enough to report
#: progress and notice a cancel often (docs/performance.md, "Writing rows").
BATCH = 5000


@dataclass(frozen=True)
class ImportResult:
    """What an import found and did.

    Attributes:
        what: what was imported ("rooms", "candidates", "staff", "photos").
        file: the file's (or folder's) name.
        sheet: the sheet's name ("" for CSV and photos).
        rows: the data rows (or photo files) considered.
        added: records created.
        updated: existing records changed.
        unchanged: rows that matched an existing record exactly.
        refused_rows: the rows (1-based) not imported because of errors.
        problems: every error and warning, in row order.
        notes: remarks on the file as a whole (ignored columns, missing photos...).
        written: whether the database was changed (False for a dry run or a refusal).
        source: the sheet as read, for the problem report (None for photos).
        header_row: the header's row number, for the problem report.
        missing: what the exam expected and the file did not hold (for photos: the
            candidates still without a photo, as "registration number name").
        broken_duties: the roster's errors the written rows brought (a person's new work
            unit, relatives, roles or home center against their duties; seats or rooms
            that no longer fit the roster), as `examdesk check` words them.
    """

    what: str
    file: str
    sheet: str
    rows: int
    added: int
    updated: int
    unchanged: int
    refused_rows: tuple[int, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    written: bool
    source: RawSheet | None = None
    header_row: int | None = None
    missing: tuple[str, ...] = ()
    broken_duties: tuple[PlanIssue, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that kept rows out."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def refused(self) -> int:
        """How many rows (for photos: files) were refused."""
        if self.refused_rows:
            return len(self.refused_rows)
        return len({(p.file, p.row) for p in self.problems if p.is_error})

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems that only inform."""
        return tuple(p for p in self.problems if not p.is_error)


class _Row(Protocol):
    @property
    def row(self) -> int: ...


RecordT = TypeVar("RecordT", bound=_Row)
_PlannedT = TypeVar("_PlannedT", bound=_Row, contravariant=True)


# given the rows an import adds and changes, the test centers whose duties they can break
DutyScope = Callable[[Sequence[RecordT], Sequence[RecordT]], Collection[int]]


class SheetPlan(Protocol[_PlannedT]):
    """How one kind of import compares its records with the exam and writes them.

    Attributes:
        changed_rows: the rows whose stored record differs (filled in by ``match``).
        other_changes: whether something besides the records changes (e.g. a center's name).
    """

    changed_rows: set[int]

    @property
    def other_changes(self) -> bool: ...

    def match(self, records: Sequence[_PlannedT]) -> None:
        """Compare the records with the exam, reporting conflicts into the problems."""

    def is_new(self, record: _PlannedT) -> bool:
        """Whether the record is not in the exam yet."""

    def write(self, added: Sequence[_PlannedT], changed: Sequence[_PlannedT],
              progress: Progress, cancelled: Cancelled) -> None:
        """Insert ``added`` and update ``changed``, in the caller's transaction."""


def read_sheet(
    path: str | Path, sheet: str | None, kind: SheetKind, progress: Progress
) -> tuple[RawSheet, HeaderMap]:
    """Read a sheet and find its header.

    Raises:
        BadInput: the file cannot be read, has no header row, or no row below the header.
    """
    progress(0, 0, translate("Import", "Reading {file}").format(file=Path(path).name))
    raw = read_table(path, sheet)
    header = map_headers(raw, kind)
    if not any(row.number > header.data_after for row in raw.rows):
        raise BadInput(translate(
            "Import", "{file}: sheet {sheet} has a header row (row {row}) but no data below it; "
                      "choose the sheet that holds the data, or paste the rows under the header."
        ).format(file=raw.file_name, sheet=raw.sheet_name or raw.file_name,
                 row=header.header_row))
    return raw, header


def apply_sheet(
    session: Session,
    actor: Actor,
    exam: ExamRef,
    what: str,
    raw: RawSheet,
    header: HeaderMap,
    checked: Checked[RecordT],
    plan: SheetPlan[RecordT],
    problems: Problems,
    *,
    skip_invalid: bool,
    dry_run: bool,
    progress: Progress,
    cancelled: Cancelled,
    duty_centers: DutyScope[RecordT] | None = None,
) -> ImportResult:
    """The part every sheet import shares: match, decide, write, audit, summarise.

    Args:
        session: the caller's session.
        actor: who imports, for the audit trail.
        exam: the exam imported into.
        what: "rooms", "candidates" or "staff" (the audit action is ``import.<what>``).
        raw: the sheet as read.
        header: its header mapping.
        checked: the validated records and their problems (already in ``problems``).
        plan: compares the records with the exam and writes them.
        problems: every problem; ``plan`` adds its own.
        skip_invalid: write the valid rows even when other rows have errors.
        dry_run: write nothing.
        progress: receives (done, total, message).
        cancelled: polled before and while writing.
        duty_centers: given the rows to add and to change, the test centers whose duties
            writing them can break (none: nothing to watch); without it, the whole exam's
            roster is checked before and after writing.

    Returns:
        What was found and done, with the duties of the roster the written rows broke.
    """
    progress(0, 0, translate("Import", "Checking the rows"))
    plan.match(checked.records)
    refused = error_rows(problems)
    write = should_write(problems, skip_invalid=skip_invalid, dry_run=dry_run)
    refused_set = set(refused)
    accepted = [r for r in checked.records if r.row not in refused_set]
    added = [r for r in accepted if plan.is_new(r)]
    changed = [r for r in accepted if r.row in plan.changed_rows]
    changes = bool(added or changed) or plan.other_changes
    broken: tuple[PlanIssue, ...] = ()
    if write and changes:
        check_cancelled(cancelled)
        centers = None if duty_centers is None else duty_centers(added, changed)
        watch = None if centers is not None and not centers else DutyWatch(
            session, exam, centers)
        plan.write(added, changed, progress, cancelled)
        broken = () if watch is None else watch.broken()
        audit.record(
            session, actor, f"import.{what}", exam_id=exam.id, entity="exam", entity_id=exam.id,
            summary=f"imported {raw.file_name}: {len(added)} added, {len(changed)} updated",
            details={"file": raw.file_name, "sheet": raw.sheet_name, "added": len(added),
                     "updated": len(changed), "refused": len(refused)},
        )
    return ImportResult(
        what=what, file=raw.file_name, sheet=raw.sheet_name,
        rows=sum(1 for row in raw.rows if row.number > header.data_after),
        added=len(added), updated=len(changed),
        unchanged=len(accepted) - len(added) - len(changed), refused_rows=refused,
        problems=in_row_order(problems), notes=checked.notes, written=write and changes,
        source=raw, header_row=header.header_row, broken_duties=broken,
    )


def should_write(problems: Iterable[Problem], *, skip_invalid: bool, dry_run: bool) -> bool:
    """Whether an import may write: never in a dry run, and with errors only when skipping.

    Args:
        problems: every problem found.
        skip_invalid: the user asked to import the valid rows and leave the rest.
        dry_run: the user asked only to check.

    Returns:
        True when the valid rows are to be written.
    """
    if dry_run:
        return False
    return skip_invalid or not any(p.is_error for p in problems)


def in_row_order(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    """Problems sorted by row, then column (A before AA), keeping the order found within."""
    return tuple(sorted(problems, key=lambda p: (p.row or 0, len(p.column), p.column)))


def error_rows(problems: Iterable[Problem]) -> tuple[int, ...]:
    """The rows that hold at least one error, ascending."""
    return tuple(sorted({p.row for p in problems if p.is_error and p.row is not None}))


@dataclass
class Conflicts:
    """Reports fields of a file row that differ from the record the exam already holds.

    Re-importing a corrected list is normal, so a difference is a warning: the file's value
    is taken, and the user sees what changed.
    """

    problems: Problems
    header: HeaderMap
    holder: str

    def compare(self, row: int, field: str, old: object, new: object,
                shown: Mapping[Any, str] | None = None) -> bool:
        """Report ``field`` when the file's value differs from the stored one.

        Args:
            row: the file row.
            field: our field name, to locate the column.
            old: the stored value.
            new: the file's value.
            shown: how to display values (e.g. enum -> 男/女); plain ``str`` otherwise.

        Returns:
            Whether the values differ.
        """
        if old == new:
            return False
        index = self.header.columns.get(field)
        old_text = shown.get(old, str(old)) if shown else _display(old)
        self.problems.add(
            translate(
                "Import", "{holder} already in the exam has “{old}” here; the import replaces it"
            ).format(holder=self.holder, old=old_text or translate("Import", "(empty)")),
            translate("Import", "if the exam's value is right, correct the file and import again"),
            row=row,
            column=index,
            header="" if index is None else self.header.headers[index],
            value=shown.get(new, str(new)) if shown else _display(new),
            severity=Severity.WARNING,
        )
        return True


def _display(value: object) -> str:
    if isinstance(value, tuple | list):
        return "、".join(str(item) for item in value)
    return "" if value is None else str(value)
