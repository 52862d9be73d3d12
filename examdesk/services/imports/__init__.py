"""Write imported workbooks into an exam: rooms, candidates, staff, posts, seating, photos.

Every import follows the same contract (issue 3), in two steps so that a wizard reads and
checks a file once and the user decides (issue 12):

- :meth:`ImportKind.prepare` reads the file, finds its header (or takes the user's), checks
  every row (the pure checks in :mod:`examdesk.exchange`, then the checks against what the
  exam already holds) and says what would change; it writes nothing.
- :meth:`ImportKind.apply` writes what the user accepted (every row, which with errors means
  nothing, or the valid rows only) in the caller's single transaction, so that an interrupted
  import leaves the database exactly as it was, and audits it.

Each kind is declared once (:class:`SheetImport`: what it needs from the exam, its validator
and its writer); :data:`examdesk.services.imports.kinds.KINDS` lists them for both faces.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy.orm import Session

from examdesk.errors import BadInput
from examdesk.exchange.headers import (
    COLUMNS,
    ColumnSpec,
    HeaderChoice,
    HeaderMap,
    SheetKind,
    map_headers,
)
from examdesk.exchange.problems import Checked, Problem, Problems, Severity, shorten
from examdesk.exchange.sheets import RawSheet, read_table
from examdesk.i18n import translate
from examdesk.planning.plan import PlanIssue
from examdesk.progress import Cancelled, Progress, check_cancelled, never_cancelled, no_progress
from examdesk.services import audit
from examdesk.services.audit import Actor, Permission
from examdesk.services.duty_watch import DutyWatch
from examdesk.services.exams import ExamRef

#: Rows per INSERT/UPDATE statement: large enough to be fast, small enough to report
#: progress and notice a cancel often (docs/performance.md, "Writing rows").
BATCH = 5000


class Accept(StrEnum):
    """What the user accepted of a prepared import: ``ALL`` rows (with any error, nothing is
    written) or the ``VALID`` ones (the others are left out)."""

    ALL = "all"
    VALID = "valid"


@dataclass(frozen=True)
class FieldChange:
    """One value a row changes in a record the exam holds.

    Attributes:
        field: our field name (a column of the kind's sheet, see
            :data:`examdesk.exchange.headers.COLUMNS`).
        header: the column's header as written in the file ("" when not located).
        old: the stored value, as shown to the user.
        new: the file's value, as shown to the user.
    """

    field: str
    header: str
    old: str
    new: str


@dataclass(frozen=True)
class RowChange:
    """A file row that changes a stored record, and how.

    Attributes:
        row: the 1-based row (for photos: the file's position in name order).
        fields: the values it changes (empty when the kind does not compare fields).
    """

    row: int
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class ImportChanges:
    """What an import writes, row by row (rows with errors are never written).

    Attributes:
        added: the rows that add a record.
        updated: the rows that change a stored record, with the changed values.
        unchanged: the rows that match a stored record exactly.
        other: values the rows change besides their own records (a test center's name or
            address, from a room row), by the row that changes them.
    """

    added: tuple[int, ...] = ()
    updated: tuple[RowChange, ...] = ()
    unchanged: tuple[int, ...] = ()
    other: tuple[RowChange, ...] = ()

    @property
    def any(self) -> bool:
        """Whether writing changes anything."""
        return bool(self.added or self.updated or self.other)


@dataclass(frozen=True)
class ImportResult:
    """What an import found and did.

    Attributes:
        what: what was imported (an import kind's key: "rooms", "candidates", ...).
        file: the file's (or folder's) name.
        sheet: the sheet's name ("" for CSV and photos).
        rows: the data rows (or photo files) considered.
        added: records created (or, when nothing was written, that would have been).
        updated: existing records changed (idem).
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
        changes: what was written, row by row (empty when nothing was written).
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
    changes: ImportChanges = ImportChanges()

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
NeedsT = TypeVar("NeedsT")
_PlannedT = TypeVar("_PlannedT", bound=_Row, contravariant=True)


@dataclass(frozen=True)
class PreparedImport(Generic[RecordT]):
    """A file read and checked against the exam, and what applying it would change.

    Frozen: a wizard shows it, the user decides, :meth:`ImportKind.apply` writes it without
    reading the file again.

    Attributes:
        kind: the import kind's key.
        exam: the exam it was prepared against (and is to be applied to).
        file: the file's (or folder's) name.
        sheet: the sheet's name ("" for CSV and photos).
        rows: the data rows (or photo files) read.
        header: where the header is and which column holds each field, as detected or as
            chosen (None for photos); a wizard edits it and prepares again with a
            :class:`~examdesk.exchange.headers.HeaderChoice`.
        source: the sheet as read (None for photos), for the fix-up report and to show a row.
        records: the clean records of the rows the validator passed (a row with an error
            found against the exam still has its record here; :attr:`changes` leaves it out).
        problems: every error and warning, in row order.
        notes: remarks on the file as a whole.
        changes: what applying the valid rows would write.
        missing: for photos, the candidates still without a photo once these are stored.
    """

    kind: str
    exam: ExamRef
    file: str
    sheet: str
    rows: int
    header: HeaderMap | None
    source: RawSheet | None
    records: tuple[RecordT, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    changes: ImportChanges
    missing: tuple[str, ...] = ()
    # the matching done while preparing, reused by an apply in the same session
    matched: Any = field(default=None, compare=False, repr=False)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that keep rows out."""
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems that only inform."""
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def refused_rows(self) -> tuple[int, ...]:
        """The rows that hold at least one error, ascending."""
        return error_rows(self.problems)

    @property
    def header_row(self) -> int | None:
        """The header's row number (None for photos)."""
        return None if self.header is None else self.header.header_row

    def result(self, *, written: bool = False, broken_duties: tuple[PlanIssue, ...] = (),
               missing: tuple[str, ...] | None = None) -> ImportResult:
        """The summary of this import, written or not (a dry run: not)."""
        changes = self.changes
        return ImportResult(
            what=self.kind, file=self.file, sheet=self.sheet, rows=self.rows,
            added=len(changes.added), updated=len(changes.updated),
            unchanged=len(changes.unchanged), refused_rows=self.refused_rows,
            problems=self.problems, notes=self.notes, written=written, source=self.source,
            header_row=self.header_row, missing=self.missing if missing is None else missing,
            broken_duties=broken_duties, changes=changes if written else ImportChanges(),
        )


class PreparedOutdated(BadInput):
    """The exam changed between prepare and apply: what the user saw is no longer what
    applying would write. Prepare again (the file is read again) and decide again."""

    code = "import.outdated"

    def __init__(self, file: str) -> None:
        super().__init__(translate(
            "Import", "{file}: the exam changed since the file was checked; check it again "
                      "before importing.").format(file=file))
        self.file = file


@dataclass(frozen=True, kw_only=True)
class ImportKind:
    """One kind of import, declared once for both faces.

    Attributes:
        key: the kind's name on the command line and in the audit trail (``import.<key>``).
        title: the kind's name for the user, e.g. 考生.
        description: one line on what the import does.
        folder: whether it reads a folder (photos) rather than a sheet.
    """

    key: str
    title: Callable[[], str]
    description: Callable[[], str]
    folder: bool = False

    def prepare(self, session: Session, exam: ExamRef, path: str | Path, *,
                sheet: str | None = None, header: HeaderChoice | None = None,
                progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled,
                actor: Actor | None = None) -> PreparedImport[Any]:
        """Read and check ``path`` against ``exam``; write nothing.

        The check shows the stored values of the people the file matches: only a user who
        may change the plan may make it (``actor``; None: the core checking for itself).

        Args:
            session: a session on the exam (a reading one will do).
            exam: the exam imported into.
            path: the .xlsx/.xlsm/.csv file (for photos: the folder).
            sheet: the sheet's name; None takes the first visible one.
            header: the user's header row and columns over the detected ones.
            progress: receives (done, total, message).
            cancelled: polled while reading and checking.

        Raises:
            BadInput: the file cannot be read, or it has a header but no data rows.
            OperationCancelled: the user cancelled.
        """
        raise NotImplementedError

    def apply(self, session: Session, actor: Actor, exam: ExamRef,
              prepared: PreparedImport[Any], *, accept: Accept = Accept.ALL,
              progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> ImportResult:
        """Write what the user accepted of ``prepared``, audited, in the caller's transaction.

        Args:
            session: the caller's writing session (``Database.write``); flushed, never
                committed.
            actor: who imports, for the audit trail.
            exam: the exam imported into (the one prepared against, else ValueError).
            prepared: what :meth:`prepare` returned.
            accept: every row (nothing is written when any has an error) or the valid ones.
            progress: receives (done, total, message).
            cancelled: polled before and while writing.

        Returns:
            What was written (``written`` False: nothing), with the roster's duties the
            written rows broke.

        Raises:
            PreparedOutdated: prepared in another session, and the exam changed since.
            OperationCancelled: the user cancelled; the caller rolls back.
        """
        raise NotImplementedError

    def run(self, session: Session, actor: Actor, exam: ExamRef, path: str | Path, *,
            sheet: str | None = None, skip_invalid: bool = False, dry_run: bool = False,
            progress: Progress = no_progress,
            cancelled: Cancelled = never_cancelled) -> ImportResult:
        """Prepare and apply in one session: validate ``path`` and write it into ``exam``.

        Args:
            session: the caller's session; flushed, never committed.
            actor: who imports, for the audit trail.
            exam: the exam imported into.
            path: the .xlsx/.xlsm/.csv file (for photos: the folder).
            sheet: the sheet's name; None takes the first visible one.
            skip_invalid: import the valid rows even when other rows have errors.
            dry_run: check only; write nothing.
            progress: receives (done, total, message).
            cancelled: polled between batches.

        Returns:
            What was found and done; ``written`` is False when nothing was written.

        Raises:
            BadInput: the file cannot be read, or it has a header but no data rows.
            OperationCancelled: the user cancelled; the caller rolls back.
        """
        actor.require(Permission.EDIT_PLAN, exam.id)  # a check too shows stored values
        prepared = self.prepare(session, exam, path, sheet=sheet, progress=progress,
                                cancelled=cancelled)
        if dry_run:
            return prepared.result()
        return self.apply(session, actor, exam, prepared,
                          accept=Accept.VALID if skip_invalid else Accept.ALL,
                          progress=progress, cancelled=cancelled)


class SheetPlan(Protocol[_PlannedT]):
    """How one kind of sheet compares its records with the exam and writes them.

    Attributes:
        session: the session it read the exam in (and writes in).
        changed_rows: the rows whose stored record differs (filled in by ``match``).
        changed_fields: the values each row changes (filled in by ``match``, through
            :class:`Conflicts`).
    """

    session: Session
    changed_rows: set[int]
    changed_fields: dict[int, list[FieldChange]]

    @property
    def other_changes(self) -> bool:
        """Whether something besides the records changes (e.g. a center's name)."""

    def match(self, records: Sequence[_PlannedT]) -> None:
        """Compare the records with the exam, reporting conflicts into the problems."""

    def is_new(self, record: _PlannedT) -> bool:
        """Whether the record is not in the exam yet."""

    def duty_centers(self, added: Sequence[_PlannedT],
                     changed: Sequence[_PlannedT]) -> Collection[int] | None:
        """The test centers whose duties writing these rows can break (None: any)."""

    def write(self, added: Sequence[_PlannedT], changed: Sequence[_PlannedT],
              progress: Progress, cancelled: Cancelled) -> None:
        """Insert ``added`` and update ``changed``, in the caller's transaction."""


@dataclass
class _Matched(Generic[RecordT]):
    """A plan matched against the exam in one session, usable for one apply there."""

    plan: SheetPlan[RecordT]
    found: tuple[Problem, ...]  # the validator's
    problems: tuple[Problem, ...]
    changes: ImportChanges
    used: bool = False


@dataclass(frozen=True, kw_only=True)
class SheetImport(ImportKind, Generic[RecordT, NeedsT]):
    """A kind of import read from one sheet: its reader is :func:`read_sheet`.

    Attributes:
        sheet_kind: which columns the sheet has (:data:`examdesk.exchange.headers.COLUMNS`).
        needs: what validating and writing need from the exam (its levels, its centers).
        validate: the pure checks of the rows (:mod:`examdesk.exchange`), reporting progress
            and polling for a cancel as they go.
        plan: makes the writer: compares the records with the exam (the problems and changes
            that adds), then writes them; it says which centers' duties the rows can break.
    """

    sheet_kind: SheetKind
    needs: Callable[[Session, ExamRef], NeedsT]
    validate: Callable[[RawSheet, HeaderMap, NeedsT, Progress, Cancelled], Checked[RecordT]]
    plan: Callable[[Session, ExamRef, HeaderMap, Problems, NeedsT], SheetPlan[RecordT]]
    # record field -> the model column it is written to: a longer text is refused at its
    # cell, the same on SQLite (which would store it) and PostgreSQL (which would fail)
    widths: Mapping[str, Any] = field(default_factory=dict)

    @property
    def fields(self) -> tuple[ColumnSpec, ...]:
        """The fields the sheet can hold, with the headers that name them (for a wizard)."""
        return COLUMNS[self.sheet_kind]

    def prepare(self, session: Session, exam: ExamRef, path: str | Path, *,
                sheet: str | None = None, header: HeaderChoice | None = None,
                progress: Progress = no_progress,
                cancelled: Cancelled = never_cancelled,
                actor: Actor | None = None) -> PreparedImport[RecordT]:
        if actor is not None:
            actor.require(Permission.EDIT_PLAN, exam.id)
        raw, mapping = read_sheet(path, sheet, self.sheet_kind, progress, header)
        check_cancelled(cancelled)
        needs = self.needs(session, exam)
        checked = self.validate(raw, mapping, needs, progress, cancelled)
        check_cancelled(cancelled)
        found = (*checked.problems, *too_long(raw, mapping, checked.records, self.widths))
        matched = self._match(session, exam, mapping, raw, found, checked.records, needs)
        return PreparedImport(
            kind=self.key, exam=exam, file=raw.file_name, sheet=raw.sheet_name,
            rows=sum(1 for row in raw.rows if row.number > mapping.data_after),
            header=mapping, source=raw, records=checked.records, problems=matched.problems,
            notes=checked.notes, changes=matched.changes, matched=matched,
        )

    def _match(self, session: Session, exam: ExamRef, header: HeaderMap, raw: RawSheet,
               found: Sequence[Problem], records: Sequence[RecordT],
               needs: NeedsT) -> _Matched[RecordT]:
        """Compare the records with the exam: the problems it adds, what would change."""
        problems = Problems(raw.file_name, raw.sheet_name)
        problems.extend(tuple(found))
        plan = self.plan(session, exam, header, problems, needs)
        plan.match(records)
        refused = set(error_rows(problems))
        accepted = [r for r in records if r.row not in refused]
        updated = {r.row for r in accepted if r.row in plan.changed_rows}
        added = tuple(r.row for r in accepted if plan.is_new(r))
        changes = ImportChanges(
            added=added,
            updated=tuple(RowChange(row, tuple(plan.changed_fields.get(row, ())))
                          for row in sorted(updated)),
            unchanged=tuple(r.row for r in accepted if r.row not in updated
                            and not plan.is_new(r)),
            other=tuple(RowChange(row, tuple(fields))
                        for row, fields in sorted(plan.changed_fields.items())
                        if row not in updated) if plan.other_changes
            else (),
        )
        return _Matched(plan, tuple(found), in_row_order(problems), changes)

    def apply(self, session: Session, actor: Actor, exam: ExamRef,
              prepared: PreparedImport[Any], *, accept: Accept = Accept.ALL,
              progress: Progress = no_progress,
              cancelled: Cancelled = never_cancelled) -> ImportResult:
        actor.require(Permission.EDIT_PLAN, exam.id)
        same_exam(prepared, exam)
        matched: _Matched[RecordT] = prepared.matched
        if matched.used or matched.plan.session is not session:
            # prepared in another session (a wizard: reading, then writing): match again
            # under the write lock, and refuse if the exam changed what the user saw
            assert prepared.header is not None and prepared.source is not None
            matched = self._match(session, exam, prepared.header, prepared.source,
                                  matched.found, prepared.records, self.needs(session, exam))
            if (matched.problems, matched.changes) != (prepared.problems, prepared.changes):
                raise PreparedOutdated(prepared.file)
        matched.used = True
        if not should_write(prepared.problems, skip_invalid=accept is Accept.VALID,
                            dry_run=False) or not matched.changes.any:
            return prepared.result()
        plan = matched.plan
        changes = matched.changes
        check_cancelled(cancelled)
        by_row = {r.row: r for r in prepared.records}
        added = [by_row[row] for row in changes.added]
        changed = [by_row[c.row] for c in changes.updated]
        centers = plan.duty_centers(added, changed)
        watch = None if centers is not None and not centers else DutyWatch(session, exam,
                                                                           centers)
        plan.write(added, changed, progress, cancelled)
        broken = () if watch is None else watch.broken()
        refused = len(prepared.refused_rows)
        audit.record(
            session, actor, f"import.{self.key}", exam_id=exam.id, entity="exam",
            entity_id=exam.id,
            summary=translate("Audit", "Imported {file}: {added} added, {updated} updated")
            .format(file=prepared.file, added=len(added), updated=len(changed)),
            details={"file": prepared.file, "sheet": prepared.sheet, "added": len(added),
                     "updated": len(changed), "refused": refused},
        )
        return prepared.result(written=True, broken_duties=broken)


def too_long(raw: RawSheet, header: HeaderMap, records: Sequence[Any],
             widths: Mapping[str, Any]) -> tuple[Problem, ...]:
    """The texts of ``records`` longer than the database column they are written to.

    Args:
        raw: the sheet, for the file's and sheet's names.
        header: locates each field's column.
        records: the validated records (each has ``row`` and the fields of ``widths``).
        widths: field -> model column (a ``String(n)``).

    Returns:
        One error per text too long, at its cell.
    """
    limits = {name: column.property.columns[0].type.length for name, column in widths.items()}
    problems = Problems(raw.file_name, raw.sheet_name)
    for record in records:
        for name, limit in limits.items():
            text = getattr(record, name)
            if isinstance(text, str) and len(text) > limit:
                index = header.columns.get(name)
                problems.add(
                    translate("Import", "this is {length} characters long, longer than the "
                              "{limit} that fit").format(length=len(text), limit=limit),
                    translate("Import", "shorten it to at most {limit} characters")
                    .format(limit=limit),
                    row=record.row, column=index,
                    header="" if index is None else header.headers[index], value=text)
    return problems.items


def same_exam(prepared: PreparedImport[Any], exam: ExamRef) -> None:
    """Refuse to apply ``prepared`` to another exam than it was prepared against.

    Raises:
        ValueError: ``exam`` is another exam (a mistake of the caller, not of the user).
    """
    if prepared.exam.id != exam.id:
        raise ValueError(f"{prepared.file} was prepared for exam {prepared.exam.code}, "
                         f"not {exam.code}")


def read_sheet(
    path: str | Path, sheet: str | None, kind: SheetKind, progress: Progress,
    header: HeaderChoice | None = None,
) -> tuple[RawSheet, HeaderMap]:
    """Read a sheet and find its header (or take the user's).

    Raises:
        BadInput: the file cannot be read, has no header row, or no row below the header.
    """
    progress(0, 0, translate("Import", "Reading {file}").format(file=Path(path).name))
    raw = read_table(path, sheet)
    mapping = map_headers(raw, kind, header)
    if not any(row.number > mapping.data_after for row in raw.rows):
        raise BadInput(translate(
            "Import", "{file}: sheet {sheet} has a header row (row {row}) but no data below it; "
                      "choose the sheet that holds the data, or paste the rows under the header."
        ).format(file=raw.file_name, sheet=shorten(raw.sheet_name or raw.file_name),
                 row=mapping.header_row))
    return raw, mapping


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
    changes: dict[int, list[FieldChange]] = field(default_factory=dict)

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
        new_text = shown.get(new, str(new)) if shown else _display(new)
        column_header = "" if index is None else self.header.headers[index]
        self.changes.setdefault(row, []).append(
            FieldChange(field, column_header, old_text, new_text))
        self.problems.add(
            translate(
                "Import", "{holder} already in the exam has “{old}” here; the import replaces it"
            ).format(holder=self.holder, old=old_text or translate("Import", "(empty)")),
            translate("Import", "if the exam's value is right, correct the file and import again"),
            row=row,
            column=index,
            header=column_header,
            value=new_text,
            severity=Severity.WARNING,
        )
        return True


def _display(value: object) -> str:
    if isinstance(value, tuple | list):
        return "、".join(str(item) for item in value)
    return "" if value is None else str(value)
