"""Validate the rows of a candidate list (报名信息) into clean records and located problems.

Pure: no database. The caller gives the exam's levels and their subjects; the importer that
writes candidates takes the records only once the user has seen and accepted the problems.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from examdesk.enums import Gender, IdType
from examdesk.exchange.headers import HeaderMap, SheetKind, map_headers
from examdesk.exchange.normalize import (
    KnownName,
    MatchKind,
    NameMatch,
    NameMatcher,
    cell_text,
    id_number_damage,
    id_number_fix,
    id_number_text,
    match_key,
    split_list,
)
from examdesk.exchange.problems import Checked, Problems
from examdesk.exchange.rowcheck import PersonChecker, data_rows, report_duplicates
from examdesk.exchange.sheets import RawRow, RawSheet, read_table
from examdesk.i18n import translate
from examdesk.labels import ID_TYPE_LABELS
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress

_ID_TYPE_WORDS: dict[str, IdType] = {
    **{match_key(label): kind for kind, label in ID_TYPE_LABELS.items()},
    **{match_key(kind.value): kind for kind in IdType},
    "身份证": IdType.RESIDENT_ID,
    "居民身份证号码": IdType.RESIDENT_ID,
    "二代身份证": IdType.RESIDENT_ID,
    "idcard": IdType.RESIDENT_ID,
}


@dataclass(frozen=True)
class KnownLevel:
    """A level of the exam as the importer accepts it.

    Attributes:
        name: the level's full name (报考级别), e.g. 助理社会工作师.
        abbreviations: short forms staff write, e.g. 初级.
        subjects: the level's papers with their short forms.
    """

    name: str
    abbreviations: tuple[str, ...] = ()
    subjects: tuple[KnownName, ...] = ()


@dataclass(frozen=True)
class CandidateRecord:
    """One valid candidate row, cleaned.

    Attributes:
        row: the 1-based Excel row it came from.
        name: the name exactly as written, only trimmed.
        gender: from the sheet, or from the ID number when the cell is blank.
        id_type: the identity document.
        id_number: the cleaned ID number (resident IDs: 18 characters, upper-case X).
        birth_date: from a resident ID number, else None.
        level: the level's full name.
        subjects: the subjects' full names, in the order written, without repeats.
        work_unit: the employer as written, trimmed.
        phone: a mobile (11 digits) or landline (area-number), or "".
        registration_no: the registration number, or "".
    """

    row: int
    name: str
    gender: Gender
    id_type: IdType
    id_number: str
    birth_date: date | None
    level: str
    subjects: tuple[str, ...]
    work_unit: str
    phone: str
    registration_no: str


#: What validating a candidate sheet produced.
CandidateImport = Checked[CandidateRecord]


def load_candidates(
    path: str | Path, levels: Sequence[KnownLevel], sheet: str | None = None
) -> CandidateImport:
    """Read, map and validate a candidate list: :func:`read_table`, then the rows.

    Args:
        path: the .xlsx, .xlsm or .csv file.
        levels: the exam's levels with their subjects.
        sheet: the sheet's name; None takes the first visible one.

    Returns:
        The clean records and every problem.

    Raises:
        BadInput: the file cannot be read or has no recognisable header row.
    """
    raw = read_table(path, sheet)
    return validate_candidates(raw, map_headers(raw, SheetKind.CANDIDATES), levels)


def validate_candidates(
    sheet: RawSheet, header: HeaderMap, levels: Sequence[KnownLevel],
    progress: Progress = no_progress, cancelled: Cancelled = never_cancelled,
) -> CandidateImport:
    """Check every data row of a candidate sheet.

    Args:
        sheet: the sheet as read.
        header: its header mapping (from :func:`map_headers` with ``SheetKind.CANDIDATES``).
        levels: the exam's levels with their subjects.
        progress: receives (done, total, message) as rows are checked.
        cancelled: polled as rows are checked.

    Returns:
        The records of rows without errors, and every problem. When a required column is
        missing, that single error is returned and no row is checked.
    """
    problems = Problems(sheet.file_name, sheet.sheet_name)
    missing = header.problems(sheet.file_name, sheet.sheet_name)
    if missing:
        return CandidateImport((), tuple(missing), (*sheet.notes, *header.notes()))
    checker = _RowChecker(header, problems, levels)
    drafts = [
        draft
        for row in data_rows(sheet, header, progress, cancelled)
        for draft in [checker.check(row)]
        if draft is not None
    ]
    bad_rows = _report_duplicates(drafts, header, problems)
    bad_rows |= {p.row for p in problems.errors if p.row is not None}
    records = tuple(d.record for d in drafts if d.record is not None and d.row not in bad_rows)
    ordered = sorted(problems, key=lambda p: (p.row or 0, p.column.rjust(3)))
    return CandidateImport(records, tuple(ordered), (*sheet.notes, *header.notes()))


@dataclass(frozen=True)
class _Draft:
    row: int
    id_number: str
    registration_no: str
    record: CandidateRecord | None  # None when the row has errors


class _RowChecker(PersonChecker):
    """Checks one row at a time; holds the matchers built once per sheet."""

    def __init__(
        self, header: HeaderMap, problems: Problems, levels: Sequence[KnownLevel]
    ) -> None:
        super().__init__(header, problems)
        self.levels = NameMatcher(KnownName(lv.name, lv.abbreviations) for lv in levels)
        self.subjects = {lv.name: NameMatcher(lv.subjects) for lv in levels}
        self.subject_level = {
            match_key(s.name): lv.name for lv in levels for s in lv.subjects
        }
        self.subject_lists: dict[tuple[str, str], tuple[str, ...]] = {}

    def check(self, row: RawRow) -> _Draft | None:
        if not self.start(row):
            return None  # a note or a bare serial number below the data
        name = self.name(
            row, translate("Import", "write the candidate's name as on the ID card"))
        id_type = self.id_type(row)
        id_number, birth, id_gender = self.id_number(
            row, translate("Import", "write the number of the candidate's ID document"),
            resident=id_type is IdType.RESIDENT_ID,
        )
        gender = self.gender(row, id_gender)
        level = self.level(row)
        subjects = self.subject_list(row, level)
        phone = self.phone(row)
        registration_no = self.registration_no(row)
        record = None
        if (
            not self.errors and name and id_type and id_number and gender and level
            and subjects is not None
        ):
            record = CandidateRecord(
                row=row.number, name=name, gender=gender, id_type=id_type,
                id_number=id_number, birth_date=birth, level=level, subjects=subjects,
                work_unit=cell_text(self.value(row, "work_unit")), phone=phone,
                registration_no=registration_no,
            )
        return _Draft(row.number, id_number, registration_no, record)

    def id_type(self, row: RawRow) -> IdType | None:
        text = cell_text(self.value(row, "id_type"))
        if not text:
            return IdType.RESIDENT_ID
        kind = _ID_TYPE_WORDS.get(match_key(text))
        if kind is None:
            self.report(
                "id_type", text, translate("Import", "this document type is unknown"),
                translate("Import", "write one of: {types}").format(
                    types=", ".join(ID_TYPE_LABELS.values())),
            )
        return kind

    def level(self, row: RawRow) -> str | None:
        text = cell_text(self.value(row, "level"))
        if not text:
            self.report("level", "", translate("Import", "the level is missing"),
                        translate("Import", "write one of: {levels}").format(
                            levels=", ".join(self.levels.names)))
            return None
        return self.matched("level", text, self.levels.match(text), translate(
            "Import", "this level is not one of the exam's levels"))

    def subject_list(self, row: RawRow, level: str | None) -> tuple[str, ...] | None:
        text = cell_text(self.value(row, "subjects"))
        if level is None:
            return None
        cached = self.subject_lists.get((level, text))
        if cached is not None:
            return cached  # a column holds a handful of distinct lists over many rows
        matcher = self.subjects[level]
        if not text:
            if "subjects" in self.header.columns:
                self.report(
                    "subjects", "", translate("Import", "no subject is listed"),
                    translate("Import", "write the subjects the candidate registered for, "
                              "separated by 、"),
                )
                return None
            return ()  # a list without a subjects column: the papers come from the level
        found: list[str] = []
        complete = True
        for item in split_list(text):
            match = matcher.match(item)
            other = self.subject_level.get(match_key(item))
            if match.kind is MatchKind.UNKNOWN and other is not None and other != level:
                self.report(
                    "subjects", item,
                    translate("Import", "this subject belongs to level {other}, not {level}")
                    .format(other=other, level=level),
                    translate("Import", "correct the level or the subject"),
                )
                complete = False
                continue
            name = self.matched("subjects", item, match, translate(
                "Import", "this subject is not a subject of level {level}").format(level=level))
            if name is None:
                complete = False
            elif name not in found:
                found.append(name)
        if not complete:
            return None
        self.subject_lists[(level, text)] = tuple(found)
        return tuple(found)

    def matched(self, field: str, text: str, match: NameMatch, unknown: str) -> str | None:
        if match.name is not None:
            return match.name
        if match.kind is MatchKind.AMBIGUOUS:
            self.report(
                field, text, translate("Import", "this could mean {names}").format(
                    names=", ".join(match.candidates)),
                translate("Import", "write the full name"),
            )
        else:
            self.report(field, text, unknown, translate("Import", "write one of: {names}")
                        .format(names=", ".join(match.candidates)))
        return None

    def registration_no(self, row: RawRow) -> str:
        value = self.value(row, "registration_no")
        damage = id_number_damage(value)
        if damage is not None:
            self.report("registration_no", value, translate(
                "Import", "Excel stored this registration number as a number and lost digits"),
                id_number_fix())
        return id_number_text(value)


def _report_duplicates(
    drafts: list[_Draft], header: HeaderMap, problems: Problems
) -> set[int]:
    """Report every row sharing an ID number or registration number with another row."""
    fix = translate("Import", "keep one row per candidate and delete the others")
    return report_duplicates(
        problems, header, "id_number", {d.row: d.id_number for d in drafts},
        translate("Import", "this ID number is also in row {rows}"), fix,
    ) | report_duplicates(
        problems, header, "registration_no", {d.row: d.registration_no for d in drafts},
        translate("Import", "this registration number is also in row {rows}"), fix,
    )
