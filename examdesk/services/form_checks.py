"""Checking what a clerk types into a form with the import's own rules.

A form (the window's 考生, 考点考场 and 工作人员 pages) is checked as a one-row sheet: its
values go through the very validator an imported workbook goes through
(:mod:`examdesk.exchange`), so that a typed ID number, gender, level or seat grid is
accepted or refused exactly as in a file, with the same words. A refusal names each field
it is about, so that a face shows every message beside its own field.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import TypeVar

from examdesk.errors import BadInput
from examdesk.exchange.headers import COLUMNS, HeaderMap, SheetKind
from examdesk.exchange.problems import Checked, Problem, column_letter
from examdesk.exchange.sheets import CellValue, RawRow, RawSheet
from examdesk.i18n import translate

RecordT = TypeVar("RecordT")

# A form is read as this file name in the validators' problems (never shown: the problems
# are worded per field).
_FORM = "form"


def field_message(problem: Problem, typed: object = "") -> str:
    """A problem as one sentence beside its field: what is wrong and how to fix it, with the
    item it is about when that is only part of what was ``typed`` (one role of a list)."""
    if problem.value and problem.value.strip() != str(typed).strip():
        text = translate("Edits", "“{value}”: {what}; {fix}.").format(
            value=problem.value, what=problem.what, fix=problem.fix)
    else:
        text = translate("Edits", "{what}; {fix}.").format(what=problem.what, fix=problem.fix)
    return text[:1].upper() + text[1:]


def refuse(code: str, messages: Mapping[str, str], **fields: object) -> BadInput:
    """A refusal naming each field it is about.

    Args:
        code: the error's code (e.g. ``candidate-value``).
        messages: field -> the sentence to show beside it (at least one).
        **fields: more values the message was made from.

    Returns:
        The error: ``str()`` is the first field's sentence; ``fields["field"]`` names that
        field and ``fields["problems"]`` maps every field to its sentence.
    """
    first = next(iter(messages))
    return BadInput(messages[first], code=code, field=first, problems=dict(messages),
                    **fields)


def check_form(kind: SheetKind, values: Mapping[str, CellValue],
               validate: Callable[[RawSheet, HeaderMap], Checked[RecordT]], code: str, *,
               strict: Collection[str] = ()) -> tuple[RecordT, tuple[Problem, ...]]:
    """Check a form's values as one row of a sheet of ``kind``.

    Args:
        kind: the sheet the form is a row of (its fields are that sheet's columns).
        values: field -> the value typed; fields left out are columns the sheet lacks.
        validate: the kind's validator, given the one-row sheet and its header.
        code: the code of the refusal.
        strict: fields whose warnings refuse the form too (the import takes a wrong phone
            as none, with a warning; a clerk who types one is told).

    Returns:
        The clean record and the warnings left.

    Raises:
        BadInput: the values break the import's rules (``code``, with ``field`` and
            ``problems``: see :func:`refuse`); nothing is written.
    """
    labels = {spec.field: spec.label for spec in COLUMNS[kind]}
    fields = list(values)
    columns = {field: index for index, field in enumerate(fields)}
    header = HeaderMap(kind=kind, header_row=1, data_after=1, columns=columns,
                       headers={index: labels[field] for field, index in columns.items()},
                       ignored=(), missing=())
    sheet = RawSheet(_FORM, "", (
        RawRow(1, tuple(labels[field] for field in fields)),
        RawRow(2, tuple(values[field] for field in fields))))
    checked = validate(sheet, header)
    field_of = {column_letter(index): field for field, index in columns.items()}
    messages: dict[str, str] = {}
    for problem in checked.problems:
        if problem.is_error or field_of.get(problem.column) in strict:
            field = field_of.get(problem.column, fields[0])
            messages.setdefault(field, field_message(problem, values.get(field, "")))
    if messages or not checked.records:
        if not messages:  # an empty form: the validator skips a blank row
            messages[fields[0]] = translate("Edits", "Fill in the form first.")
        raise refuse(code, messages)
    return checked.records[0], tuple(p for p in checked.problems if not p.is_error)
