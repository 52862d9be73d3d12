"""Row-by-row checking shared by the sheet validators, and the checks of lists of people.

Every validator reads one row at a time and reports each problem at its field's column
(:class:`RowChecker`). Candidate lists (报名信息) and staff lists (工作人员) also both name
a person, an ID number, a gender that must agree with it and a phone
(:class:`PersonChecker`): the rules and messages are the same for both, so that a typo in
an invigilator's ID number is explained exactly as one in a candidate's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date

from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidLength, ValidationError

from examdesk import idcard
from examdesk.enums import Gender
from examdesk.exchange.headers import HeaderMap
from examdesk.exchange.normalize import (
    cell_text,
    id_number_damage,
    id_number_fix,
    id_number_text,
    match_key,
    phone_text,
    trim,
)
from examdesk.exchange.problems import Problems, Severity, other_rows
from examdesk.exchange.sheets import CellValue, RawRow, RawSheet
from examdesk.i18n import translate
from examdesk.labels import GENDER_LABELS
from examdesk.progress import Cancelled, Progress, check_cancelled

#: Rows checked between two progress reports (and cancel polls): about a tenth of a second.
TICK_ROWS = 2000

# The longest name a person may have: the database's column width.
NAME_LENGTH = 100

#: The ways a gender is written, by :func:`match_key`.
GENDER_WORDS: dict[str, Gender] = {
    **{match_key(label): gender for gender, label in GENDER_LABELS.items()},
    **{match_key(gender.value): gender for gender in Gender},
    "男性": Gender.MALE, "女性": Gender.FEMALE, "m": Gender.MALE, "f": Gender.FEMALE,
}


def data_rows(sheet: RawSheet, header: HeaderMap, progress: Progress,
              cancelled: Cancelled) -> Iterator[RawRow]:
    """The rows below the header, reporting how many were checked and polling for a cancel.

    Raises:
        OperationCancelled: the user cancelled.
    """
    total = sum(1 for row in sheet.rows if row.number > header.data_after)
    done = 0
    for row in sheet.rows:
        if row.number <= header.data_after:
            continue
        if done % TICK_ROWS == 0:
            check_cancelled(cancelled)
            progress(done, total, translate("Import", "Checking the rows"))
        done += 1
        yield row
    progress(total, total, translate("Import", "Checking the rows"))


class RowChecker:
    """Checks the rows of a sheet one at a time, reporting at each field's column.

    Subclasses check their fields and build their records; ``errors`` counts the errors of
    the current row, so that a record is built only from a row without any.

    Attributes:
        header: the sheet's header mapping.
        problems: where problems are collected.
        fields: the mapped fields except the serial number.
        row: the 1-based number of the row being checked.
        errors: the errors reported for that row so far.
    """

    def __init__(self, header: HeaderMap, problems: Problems) -> None:
        """Check rows mapped by ``header``, collecting problems into ``problems``."""
        self.header = header
        self.problems = problems
        self.fields = [f for f in header.columns if f != "serial"]
        self.row = 0
        self.errors = 0

    def start(self, row: RawRow) -> bool:
        """Begin checking ``row``.

        Args:
            row: the row as read.

        Returns:
            False when the row holds nothing but, perhaps, a serial number: a note or a
            bare number below the data, which is skipped.
        """
        if all(not cell_text(self.value(row, f)) for f in self.fields):
            return False
        self.row = row.number
        self.errors = 0
        return True

    def value(self, row: RawRow, field: str) -> CellValue:
        """The cell of ``field`` in ``row``, "" when the sheet has no such column."""
        index = self.header.columns.get(field)
        return "" if index is None else row.cell(index)

    def report(
        self, field: str, value: object, what: str, fix: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        """Record a problem of the current row at the column of ``field``.

        Args:
            field: the field the problem is about (no column when the sheet lacks it).
            value: the offending value.
            what: what is wrong (translated).
            fix: how to fix it (translated).
            severity: error or warning; errors keep the row out.
        """
        index = self.header.columns.get(field)
        self.problems.add(
            what, fix, row=self.row, column=index,
            header="" if index is None else self.header.headers[index],
            value=value, severity=severity,
        )
        if severity is Severity.ERROR:
            self.errors += 1

    def length(self, field: str, value: object, text: str, limit: int) -> None:
        """Report ``text`` (the cleaned ``value``) if it is longer than the ``limit`` characters
        its database column holds."""
        if len(text) > limit:
            self.report(
                field, value,
                translate("Import", "this is {length} characters long, longer than the {limit} "
                          "that fit").format(length=len(text), limit=limit),
                translate("Import", "shorten it to at most {limit} characters")
                .format(limit=limit),
            )


class PersonChecker(RowChecker):
    """Checks the columns every list of people has: name, ID number, gender and phone."""

    def name(self, row: RawRow, fix: str) -> str:
        """The person's name, or "" after reporting that it is missing.

        Args:
            row: the row as read.
            fix: how to fix a missing name (translated; it names who is meant).

        Returns:
            The name exactly as written, only trimmed.
        """
        value = self.value(row, "name")
        # names are kept exactly (rare characters such as 𠮷, compatibility ideographs):
        # only the invisible characters at the ends go
        name = trim(value) if isinstance(value, str) else cell_text(value)
        if not name:
            self.report("name", "", translate("Import", "the name is missing"), fix)
        # What the database holds is what every printed sheet is laid out for (names wrap,
        # never cut: docs/printing.md).
        self.length("name", value, name, NAME_LENGTH)
        return name

    def id_number(
        self, row: RawRow, missing_fix: str, resident: bool = True
    ) -> tuple[str, date | None, Gender | None]:
        """The cleaned ID number, with the birth date and gender a resident ID encodes.

        Args:
            row: the row as read.
            missing_fix: how to fix a missing number (translated; it names whose).
            resident: whether the number is a resident ID and so can be checked.

        Returns:
            The number (even when wrong, to find duplicates), and the birth date and
            gender when it is a valid resident ID, else None.
        """
        value = self.value(row, "id_number")
        damage = id_number_damage(value)
        text = id_number_text(value)
        if damage is not None:
            self.report("id_number", value, damage, id_number_fix())
            return text, None, None
        if not text:
            self.report("id_number", "", translate("Import", "the ID number is missing"),
                        missing_fix)
            return "", None, None
        if not resident:
            return text, None, None
        number = self.resident_id("id_number", value, text)
        if number is None:
            return text, None, None
        return number, idcard.birth_date(number), idcard.gender(number)

    def resident_id(self, field: str, value: object, text: str) -> str | None:
        """Check a resident ID number, reporting at ``field`` what is wrong with it.

        Args:
            field: the column it is in.
            value: the value as written, quoted in the problem.
            text: the number as cleaned by :func:`id_number_text`.

        Returns:
            The valid number (18 characters, upper-case X), or None.
        """
        try:
            return idcard.check(text)
        except ValidationError as error:
            self.report(field, value, *id_error(error))
            return None

    def gender(self, row: RawRow, from_id: Gender | None) -> Gender | None:
        """The gender written, checked against the ID number's, or the ID number's if blank.

        Args:
            row: the row as read.
            from_id: the gender a valid resident ID encodes, or None.

        Returns:
            The gender, or None when it is unknown or wrong.
        """
        text = cell_text(self.value(row, "gender"))
        if not text:
            if from_id is None and not self.errors:
                self.report("gender", "", translate("Import", "the gender is missing"),
                            translate("Import", "write 男 or 女"))
            return from_id
        gender = GENDER_WORDS.get(match_key(text))
        if gender is None:
            self.report("gender", text, translate("Import", "the gender is not 男 or 女"),
                        translate("Import", "write 男 or 女"))
        elif from_id is not None and gender is not from_id:
            self.report(
                "gender", text,
                translate("Import", "the gender does not match the ID number (it says {gender})")
                .format(gender=GENDER_LABELS[from_id]),
                translate("Import", "check both against the ID card and correct the wrong one"),
            )
        return gender

    def phone(self, row: RawRow) -> str:
        """The phone in standard form; a wrong one is a warning and becomes ""."""
        value = self.value(row, "phone")
        phone = phone_text(value)
        if phone is None:
            self.report(
                "phone", value,
                translate("Import", "this is not a mobile number (11 digits starting with 1) "
                          "or a landline number with its area code"),
                translate("Import", "correct the number, or leave the cell empty"),
                Severity.WARNING,
            )
            return ""
        return phone


def id_error(error: ValidationError) -> tuple[str, str]:
    """What is wrong with a resident ID number and how to fix it (both translated).

    Args:
        error: what :func:`examdesk.idcard.check` raised.

    Returns:
        The problem's ``what`` and ``fix``.
    """
    fix = translate("Import", "copy the number again from the ID card")
    if isinstance(error, InvalidLength):
        return translate("Import", "a resident ID number has 18 characters"), fix
    if isinstance(error, InvalidChecksum):
        return translate(
            "Import", "the last character (check digit) does not fit the other 17: a digit "
                      "is mistyped"), fix
    if isinstance(error, InvalidComponent):
        return translate("Import", "the birth date inside this ID number does not exist"), fix
    return translate("Import", "a resident ID number is 17 digits followed by a digit or X"), fix


def report_duplicates(
    problems: Problems, header: HeaderMap, field: str, keys: Mapping[int, str],
    what: str, fix: str,
) -> set[int]:
    """Report every row whose key is also another row's, naming the first other rows and
    counting the rest.

    Args:
        problems: where problems are collected.
        header: the sheet's header mapping, to locate ``field``.
        field: the column the keys come from.
        keys: row number -> key; empty keys are never duplicates.
        what: what is wrong (translated), with a ``{rows}`` placeholder.
        fix: how to fix it (translated).

    Returns:
        The rows reported.
    """
    rows_by_key: defaultdict[str, list[int]] = defaultdict(list)
    for row_number, key in keys.items():
        if key:
            rows_by_key[key].append(row_number)
    index = header.columns.get(field)
    bad: set[int] = set()
    for key, rows in rows_by_key.items():
        if len(rows) < 2:
            continue
        for row in rows:
            problems.add(
                what.format(rows=other_rows(rows, row)), fix,
                row=row, column=index,
                header="" if index is None else header.headers[index], value=key,
            )
            bad.add(row)
    return bad
