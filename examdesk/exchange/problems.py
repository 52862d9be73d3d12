"""Problems found in an imported file, each located at a row and a column the user can find.

An import never stops at the first bad cell: every problem is collected, shown to the user
as a list, and nothing is written unless the user accepts (docs/architecture.md,
"Excel in and out").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

from examdesk.i18n import translate

#: Longest cell value quoted in a message; a pasted paragraph would hide the message itself.
_MAX_QUOTED = 40
# Longest text echoed from a file in a message (a header, a sheet's or a center's name), and
# of a message's sentence: a forged file must not make messages of megabytes.
MAX_ECHO = 80
MAX_SENTENCE = 400
# Other rows a duplicate names; the rest are counted (10,000 copies of a row once printed
# every row's list of all the others).
NAMED_ROWS = 5


class Severity(StrEnum):
    """An error keeps the row out of the import; a warning only informs."""

    ERROR = "error"
    WARNING = "warning"


def column_letter(index: int) -> str:
    """Excel's letter for a 0-based column index (0 -> A, 26 -> AA).

    Args:
        index: the column's 0-based position.

    Returns:
        The column letters as Excel shows them.
    """
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def quote_value(value: object) -> str:
    """A cell value as a short single-line quotation for messages.

    Args:
        value: the cell value as read.

    Returns:
        The value on one line, shortened to about 40 characters.
    """
    if isinstance(value, str):
        text = value
    elif isinstance(value, float) and abs(value) >= 1e11:
        text = f"{value:.6G}"  # as Excel shows a long number in a General cell: 4.11623E+17
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    text = " ".join(text.split())
    if len(text) > _MAX_QUOTED:
        text = text[: _MAX_QUOTED - 1] + "…"
    return text


def shorten(text: str, limit: int = MAX_ECHO) -> str:
    """``text`` cut to ``limit`` characters, the last one an ellipsis when cut.

    Args:
        text: any text echoed from a file into a message.
        limit: the most characters kept.

    Returns:
        The text, or its beginning and "…".
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def other_rows(rows: Sequence[int], row: int) -> str:
    """The rows of ``rows`` other than ``row``, the first :data:`NAMED_ROWS` named and the
    rest counted: "3, 4" or "2, 3, 4, 5, 6 and 9,994 more".

    Args:
        rows: every row of a group (e.g. of one duplicated ID number), ascending.
        row: the row the message is about.

    Returns:
        The rows as a message names them.
    """
    named = [r for r in rows[: NAMED_ROWS + 1] if r != row][:NAMED_ROWS]
    more = len(rows) - 1 - len(named)
    text = ", ".join(str(r) for r in named)
    if more > 0:
        text = translate("Import", "{rows} and {more:,} more").format(rows=text, more=more)
    return text


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an imported file, where it is and how to fix it.

    Attributes:
        file: the file's name (without its folder).
        sheet: the sheet's name ("" for a CSV file).
        row: the 1-based row number as Excel shows it, or None for the whole sheet.
        column: the column letter, or "" when the problem is not about one column.
        header: the column's header text as written in the file, or "".
        value: the offending cell value, quoted for display, or "".
        what: what is wrong, one sentence without a final period.
        fix: how to fix it, one sentence without a final period.
        severity: error (the row is not imported) or warning.
    """

    file: str
    sheet: str
    row: int | None
    column: str
    header: str
    value: str
    what: str
    fix: str
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        # every text that can come from the file is capped here, once for every importer
        for name, limit in (("file", MAX_ECHO), ("sheet", MAX_ECHO), ("header", MAX_ECHO),
                            ("value", MAX_ECHO), ("what", MAX_SENTENCE),
                            ("fix", MAX_SENTENCE)):
            text = getattr(self, name)
            if len(text) > limit:
                object.__setattr__(self, name, shorten(text, limit))

    @property
    def is_error(self) -> bool:
        """Whether this problem keeps its row out of the import."""
        return self.severity is Severity.ERROR

    def location(self) -> str:
        """Where the problem is, e.g. ``candidates.xlsx, sheet 报名信息, row 12, column E``."""
        parts = [self.file]
        if self.sheet:
            parts.append(translate("Import", "sheet {sheet}").format(sheet=self.sheet))
        if self.row is not None:
            parts.append(translate("Import", "row {row}").format(row=self.row))
        if self.column:
            column = translate("Import", "column {letter}").format(letter=self.column)
            if self.header:
                column = translate("Import", "{column} ({header})").format(
                    column=column, header=self.header)
            parts.append(column)
        # the separators are translated too: Chinese joins with full-width ，
        return translate("Import", ", ").join(parts)

    def __str__(self) -> str:
        label = (
            translate("Import", "Error") if self.is_error else translate("Import", "Warning")
        )
        value = f" “{self.value}”" if self.value else ""
        return translate("Import", "{label}: {location}{value}: {what}; {fix}.").format(
            label=label, location=self.location(), value=value, what=self.what, fix=self.fix)


@dataclass
class Problems:
    """Collects the problems of one sheet, filling in its file and sheet names.

    Attributes:
        file: the file's name, copied into every problem.
        sheet: the sheet's name, copied into every problem.
    """

    file: str
    sheet: str
    _items: list[Problem] = field(default_factory=list)

    def add(
        self,
        what: str,
        fix: str,
        *,
        row: int | None = None,
        column: int | None = None,
        header: str = "",
        value: object = "",
        severity: Severity = Severity.ERROR,
    ) -> Problem:
        """Record a problem and return it.

        Args:
            what: what is wrong (translated, no final period).
            fix: how to fix it (translated, no final period).
            row: the 1-based Excel row, or None for the whole sheet.
            column: the 0-based column index, or None.
            header: the column's header as written in the file.
            value: the offending cell value.
            severity: error or warning.

        Returns:
            The recorded problem.
        """
        problem = Problem(
            file=self.file,
            sheet=self.sheet,
            row=row,
            column="" if column is None else column_letter(column),
            header=header,
            value="" if value == "" or value is None else quote_value(value),
            what=what,
            fix=fix,
            severity=severity,
        )
        self._items.append(problem)
        return problem

    def extend(self, problems: Iterator[Problem] | list[Problem] | tuple[Problem, ...]) -> None:
        """Record problems found elsewhere (e.g. while mapping the headers)."""
        self._items.extend(problems)

    @property
    def items(self) -> tuple[Problem, ...]:
        """Every problem in the order found."""
        return tuple(self._items)

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that keep rows out of the import."""
        return tuple(p for p in self._items if p.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems that only inform."""
        return tuple(p for p in self._items if not p.is_error)

    def has_errors(self) -> bool:
        """Whether any problem is an error."""
        return any(p.is_error for p in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._items)


RecordT = TypeVar("RecordT")


@dataclass(frozen=True)
class Checked(Generic[RecordT]):
    """What validating a sheet produced.

    Attributes:
        records: the clean records of the rows without errors.
        problems: every problem found, errors and warnings, in row order.
        notes: remarks on the sheet as a whole (e.g. ignored columns).
    """

    records: tuple[RecordT, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that kept rows out."""
        return tuple(p for p in self.problems if p.is_error)
