"""Validate the rows of a staff list (工作人员) into clean records and located problems.

Pure: no database. The caller gives the exam's test centers (imported with the rooms); a
staff member's center is optional, since chief examiners and invigilators are often
assigned later. The relatives' ID numbers (回避考生身份证号) name candidates the person
must not invigilate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from examdesk.enums import Gender, StaffRole
from examdesk.exchange.headers import HeaderMap, SheetKind, map_headers
from examdesk.exchange.normalize import (
    KnownName,
    MatchKind,
    NameMatcher,
    cell_text,
    half_width,
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
from examdesk.labels import STAFF_ROLE_LABELS
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress

# what offices write besides our own labels (监考员) and values (invigilator)
_ROLE_VARIANTS: dict[StaffRole, tuple[str, ...]] = {
    StaffRole.CHIEF_EXAMINER: ("主考官",),
    StaffRole.DEPUTY_CHIEF: ("副主考官",),
    StaffRole.EXAM_OFFICE: ("考务", "考务人员"),
    StaffRole.CONFIDENTIAL: ("保密",),
    StaffRole.INSPECTOR: ("巡考",),
    StaffRole.INVIGILATOR: ("监考", "监考老师", "监考教师"),
    StaffRole.ROVING_INVIGILATOR: ("流动监考员",),
    StaffRole.MEDICAL: ("医务", "医生", "护士", "医护人员"),
    StaffRole.VOLUNTEER: ("志愿服务",),
    StaffRole.POLICE: ("公安", "民警", "警察"),
    StaffRole.POWER: ("供电", "电力保障"),
    StaffRole.RADIO: ("无线电", "无线电监测员"),
}
_ROLE_WORDS: dict[str, StaffRole] = {
    **{match_key(word): role for role, words in _ROLE_VARIANTS.items() for word in words},
    **{match_key(role.value): role for role in StaffRole},
    # "chief examiner" loses its space to match_key
    **{match_key(role.value.replace("_", "")): role for role in StaffRole},
    **{match_key(label): role for role, label in STAFF_ROLE_LABELS.items()},
}


@dataclass(frozen=True)
class StaffRecord:
    """One valid staff row, cleaned.

    Attributes:
        row: the 1-based Excel row it came from.
        name: the name exactly as written, only trimmed.
        gender: from the sheet, or from the ID number when the cell is blank.
        id_number: a valid 18-character resident ID number (upper-case X).
        birth_date: the birth date the ID number encodes.
        work_unit: the employer as written, trimmed.
        phone: a mobile (11 digits) or landline (area-number), or "".
        roles: the roles, in the order written, without repeats.
        center: the full name of the person's test center, or None when not written.
        relatives: the resident ID numbers of relatives sitting the exam (回避).
    """

    row: int
    name: str
    gender: Gender
    id_number: str
    birth_date: date | None
    work_unit: str
    phone: str
    roles: tuple[StaffRole, ...]
    center: str | None
    relatives: tuple[str, ...]


#: What validating a staff sheet produced.
StaffImport = Checked[StaffRecord]


def load_staff(
    path: str | Path, centers: Sequence[KnownName], sheet: str | None = None
) -> StaffImport:
    """Read, map and validate a staff list: :func:`read_table`, then the rows.

    Args:
        path: the .xlsx, .xlsm or .csv file.
        centers: the exam's test centers, with their codes as abbreviations.
        sheet: the sheet's name; None takes the first visible one.

    Returns:
        The clean records and every problem.

    Raises:
        BadInput: the file cannot be read or has no recognisable header row.
    """
    raw = read_table(path, sheet)
    return validate_staff(raw, map_headers(raw, SheetKind.STAFF), centers)


def validate_staff(
    sheet: RawSheet, header: HeaderMap, centers: Sequence[KnownName],
    progress: Progress = no_progress, cancelled: Cancelled = never_cancelled,
) -> StaffImport:
    """Check every data row of a staff sheet.

    Args:
        sheet: the sheet as read.
        header: its header mapping (from :func:`map_headers` with ``SheetKind.STAFF``).
        centers: the exam's test centers, with their codes as abbreviations.
        progress: receives (done, total, message) as rows are checked.
        cancelled: polled as rows are checked.

    Returns:
        The records of rows without errors, and every problem. When a required column is
        missing, that single error is returned and no row is checked.
    """
    problems = Problems(sheet.file_name, sheet.sheet_name)
    missing = header.problems(sheet.file_name, sheet.sheet_name)
    if missing:
        return StaffImport((), tuple(missing), (*sheet.notes, *header.notes()))
    checker = _RowChecker(header, problems, centers)
    drafts = [
        draft
        for row in data_rows(sheet, header, progress, cancelled)
        for draft in [checker.check(row)]
        if draft is not None
    ]
    bad_rows = report_duplicates(
        problems, header, "id_number", {d.row: d.id_number for d in drafts},
        translate("Import", "this ID number is also in row {rows}"),
        translate("Import", "keep one row per person, with all the person's roles in it, "
                  "and delete the others"),
    )
    bad_rows |= {p.row for p in problems.errors if p.row is not None}
    records = tuple(d.record for d in drafts if d.record is not None and d.row not in bad_rows)
    ordered = sorted(problems, key=lambda p: (p.row or 0, p.column.rjust(3)))
    return StaffImport(records, tuple(ordered), (*sheet.notes, *header.notes()))


@dataclass(frozen=True)
class _Draft:
    row: int
    id_number: str
    record: StaffRecord | None  # None when the row has errors


class _RowChecker(PersonChecker):
    """Checks one row at a time; holds the center matcher built once per sheet."""

    def __init__(
        self, header: HeaderMap, problems: Problems, centers: Sequence[KnownName]
    ) -> None:
        super().__init__(header, problems)
        self.centers = NameMatcher(centers)

    def check(self, row: RawRow) -> _Draft | None:
        if not self.start(row):
            return None  # a note or a bare serial number below the data
        name = self.name(
            row, translate("Import", "write the staff member's name as on the ID card"))
        id_number, birth, id_gender = self.id_number(
            row, translate("Import", "write the staff member's resident ID number"))
        gender = self.gender(row, id_gender)
        roles = self.roles(row)
        center = self.center(row)
        phone = self.phone(row)
        relatives = self.relatives(row, id_number)
        record = None
        if (
            not self.errors and name and id_number and gender and roles
            and center is not None and relatives is not None
        ):
            record = StaffRecord(
                row=row.number, name=name, gender=gender, id_number=id_number,
                birth_date=birth, work_unit=cell_text(self.value(row, "work_unit")),
                phone=phone, roles=roles, center=center or None, relatives=relatives,
            )
        return _Draft(row.number, id_number, record)

    def roles(self, row: RawRow) -> tuple[StaffRole, ...]:
        """The roles written, or () after reporting what is wrong."""
        text = cell_text(self.value(row, "role"))
        accepted = roles_accepted()
        if not split_list(text):
            self.report("role", "", translate("Import", "the role is missing"), accepted)
            return ()
        found, unknown = read_roles(text)
        for item in unknown:
            self.report("role", item, translate("Import", "this role is unknown"), accepted)
        return () if unknown else found


    def center(self, row: RawRow) -> str | None:
        """The matched center's full name, "" when blank, None after reporting a problem."""
        text = cell_text(self.value(row, "center"))
        if not text:
            return ""
        match = self.centers.match(text)
        if match.name is not None:
            return match.name
        if match.kind is MatchKind.AMBIGUOUS:
            self.report(
                "center", text, translate("Import", "this could mean {names}").format(
                    names=", ".join(match.candidates)),
                translate("Import", "write the full name"),
            )
        else:
            self.report("center", text,
                        translate("Import", "this test center is not in the exam"),
                        translate("Import", "import the rooms first, or correct the name"))
        return None

    def relatives(self, row: RawRow, own: str) -> tuple[str, ...] | None:
        """The relatives' ID numbers, cleaned, or None after reporting a wrong one."""
        value = self.value(row, "avoid_ids")
        damage = id_number_damage(value)
        if damage is not None:
            self.report("avoid_ids", value, damage, id_number_fix())
            return None
        found: list[str] = []
        complete = True
        for item in split_list(half_width(cell_text(value))):
            number = self.resident_id("avoid_ids", item, id_number_text(item))
            if number is None:
                complete = False
            elif number == own:
                self.report(
                    "avoid_ids", item,
                    translate("Import", "this is the staff member's own ID number"),
                    translate("Import", "write the ID numbers of the relatives sitting the "
                              "exam, not the staff member's own"),
                )
                complete = False
            elif number not in found:
                found.append(number)
        return tuple(found) if complete else None


def read_roles(text: str) -> tuple[tuple[StaffRole, ...], tuple[str, ...]]:
    """The roles a cell names (our labels, the usual variants, or the values).

    Args:
        text: the cell text, roles separated by 、 , ; / or spaces.

    Returns:
        The roles in the order written, without repeats; and the items naming no role.
    """
    items = split_list(text)
    found: list[StaffRole] = []
    unknown: list[str] = []
    position = 0
    while position < len(items):
        item = items[position]
        # split_list also splits at spaces: "Chief examiner", "考务 办公室" are one role
        pair = "".join(items[position : position + 2])
        role = _ROLE_WORDS.get(match_key(pair)) if len(items) > position + 1 else None
        if role is not None:
            position += 2
        else:
            role = _ROLE_WORDS.get(match_key(item))
            position += 1
        if role is None:
            unknown.append(item)
        elif role not in found:
            found.append(role)
    return tuple(found), tuple(unknown)


def roles_accepted() -> str:
    """How to write roles, for messages."""
    return translate("Import", "write one or more of: {roles}, separated by 、").format(
        roles=", ".join(STAFF_ROLE_LABELS.values()))
