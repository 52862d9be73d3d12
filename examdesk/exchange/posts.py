"""Posts in text: how their kind, hours, roles and supplies are written, and the rows of a
post sheet (岗位设置) validated into clean records and located problems.

Pure: no database. The command line reads its options with the same functions, so a value is
accepted, refused and explained the same way there and in a sheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import time
from typing import Any, TypeVar

from examdesk.enums import PostKind, StaffRole
from examdesk.errors import BadInput
from examdesk.exchange.headers import POST_ROSTER_FIELDS, HeaderMap
from examdesk.exchange.normalize import (
    KnownName,
    MatchKind,
    NameMatcher,
    cell_text,
    half_width,
    match_key,
    phone_text,
)
from examdesk.exchange.problems import Checked, Problems
from examdesk.exchange.rowcheck import RowChecker, data_rows
from examdesk.exchange.sheets import CellValue, RawRow, RawSheet
from examdesk.exchange.staff import read_roles, roles_accepted
from examdesk.i18n import translate
from examdesk.labels import POST_KIND_LABELS, STAFF_ROLE_LABELS
from examdesk.planning.post_templates import (
    MAX_HEADCOUNT,
    NAME_LENGTH,
    PHONE_LENGTH,
    PLACE_LENGTH,
    SupplyAmount,
    check_post_values,
)
from examdesk.progress import Cancelled, Progress, never_cancelled, no_progress

_KIND_WORDS: dict[str, PostKind] = {
    **{match_key(kind.value): kind for kind in PostKind},
    **{match_key(label): kind for kind, label in POST_KIND_LABELS.items()},
    # what offices write besides our labels
    **{match_key(word): kind for kind, words in {
        PostKind.SERVICE_DESK: ("服务台", "咨询台", "考生服务台"),
        PostKind.WATER_SUPPLIES: ("饮水点", "物资发放点"),
        PostKind.ROUTE_GUIDANCE: ("引导岗", "考生引导"),
        PostKind.ITEM_STORAGE: ("物品存放", "物品寄存处"),
        PostKind.MEDICAL: ("医疗点", "医务室", "医疗急救"),
        PostKind.TEMP_ID_DESK: ("临时身份证明", "临时身份证办理点"),
        PostKind.SECURITY: ("安保", "交通疏导", "安保岗", "公安安保"),
        PostKind.POWER: ("供电保障", "供电"),
        PostKind.RADIO_MONITORING: ("无线电监测", "无线电"),
        PostKind.STRONG_ROOM: ("试卷保密室", "保密"),
        PostKind.EXAM_OFFICE: ("考务室",),
    }.items() for word in words},
}
_HOURS = re.compile(r"(\d{1,2})[:：.](\d{2})\s*(?:-|—|–|~|～|至|到)\s*(\d{1,2})[:：.](\d{2})")
_SUPPLY = re.compile(r"(?P<item>.+?)\s*(?P<quantity>\d+)\s*(?P<unit>\D*)")
_SUPPLY_SEPARATORS = re.compile(r"[、,，;；\n]+")
T = TypeVar("T")
_LENGTHS = {"name": NAME_LENGTH, "place": PLACE_LENGTH, "phone": PHONE_LENGTH}


class BadValue(BadInput):
    """A value written wrong: what is wrong, and how to write it (a sheet's problem shows
    them apart; the command line prints them as one sentence)."""

    def __init__(self, what: str, fix: str) -> None:
        super().__init__(translate("Posts", "{what}; {fix}.").format(what=what, fix=fix),
                         code="bad-value", what=what, fix=fix)
        self.what = what
        self.fix = fix


def kinds_listed() -> str:
    """Every kind of post, as its label and its value: ``保密室 (strong_room), ...``."""
    return ", ".join(f"{label} ({kind.value})" for kind, label in POST_KIND_LABELS.items())


def kinds_accepted() -> str:
    """How to write a kind of post, for messages."""
    return translate("Posts", "write one of: {kinds}").format(kinds=kinds_listed())


def parse_kind(text: str) -> PostKind:
    """A kind of post as written: its label (医疗急救点), a usual variant or its value.

    Raises:
        BadInput: no kind of post is written so.
    """
    kind = _KIND_WORDS.get(match_key(text))
    if kind is None:
        raise BadValue(translate("Posts", "{text} is not a kind of post").format(
            text=text.strip() or "“”"), kinds_accepted())
    return kind


def parse_hours(text: str) -> tuple[time | None, time | None]:
    """A post's hours as written, e.g. ``07:30-17:00`` (empty: no hours).

    Raises:
        BadInput: not two times of day, or the second not after the first.
    """
    cleaned = half_width(text).strip()
    if not cleaned:
        return None, None
    found = _HOURS.fullmatch(cleaned)
    h1, m1, h2, m2 = (int(part) for part in found.groups()) if found else (99, 0, 0, 0)
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise BadValue(translate("Posts", "{text} cannot be read as hours").format(
            text=text.strip()), _hours_accepted())
    opens, closes = time(h1, m1), time(h2, m2)
    check_post_values(None, opens, closes, None)
    return opens, closes


def parse_roles(text: str) -> frozenset[StaffRole]:
    """The roles that may staff a post, as written (empty: the usual roles of its kind).

    Raises:
        BadInput: an item names no role.
    """
    found, unknown = read_roles(text)
    if unknown:
        raise BadValue(translate("Posts", "{items} is not a role").format(
            items="、".join(unknown)), roles_accepted())
    return frozenset(found)


def parse_supplies(text: str) -> tuple[SupplyAmount, ...]:
    """What a post keeps, as written: ``急救箱 2 个、AED除颤仪 1 台`` (empty: nothing).

    Raises:
        BadInput: an item without a quantity, or an item listed twice.
    """
    supplies = []
    for part in _SUPPLY_SEPARATORS.split(half_width(text)):
        if not part.strip():
            continue
        found = _SUPPLY.fullmatch(part.strip())
        if found is None:
            raise BadValue(translate("Posts", "{text} has no quantity").format(
                text=part.strip()), _supplies_accepted())
        supplies.append(SupplyAmount(found["item"].strip(), int(found["quantity"]),
                                     found["unit"].strip()))
    check_post_values(None, None, None, tuple(supplies))
    return tuple(supplies)


def parse_headcount(value: CellValue) -> int:
    """People per session, as written (a whole number from 0 to 99).

    Raises:
        BadInput: not a whole number in range.
    """
    text = half_width(cell_text(value)).strip().removesuffix("人")
    try:
        number = float(text)
    except ValueError:
        number = -1.5
    if not number.is_integer() or not 0 <= number <= MAX_HEADCOUNT:
        raise BadValue(translate("Posts", "{count} is not a number of people").format(
            count=text or "“”"), translate(
            "Posts", "write how many people the post needs in each session, 0 to {most}"
        ).format(most=MAX_HEADCOUNT))
    return int(number)


def parse_phone(text: str) -> str:
    """A post's phone as written, in the standard form when it is a mainland number."""
    return phone_text(text) or text.strip()


def _hours_accepted() -> str:
    return translate("Posts", "write the hours as 07:30-17:00, or nothing for none")


def _supplies_accepted() -> str:
    return translate("Posts", "write each supply with its quantity and unit, as 急救箱 2 个, "
                              "separated by 、")


def roles_text(roles: frozenset[StaffRole]) -> str:
    """Roles as a sheet writes them: ``主考、副主考`` ("" for none)."""
    return "、".join(STAFF_ROLE_LABELS[r] for r in StaffRole if r in roles)


def supplies_text(supplies: Sequence[SupplyAmount]) -> str:
    """Supplies as a sheet writes them: ``急救箱 2 个、AED除颤仪 1 台``."""
    return "、".join(f"{s.item} {s.quantity} {s.unit}".rstrip() for s in supplies)


@dataclass(frozen=True)
class PostRecord:
    """One valid row of a post sheet; a value is None when the sheet has no such column.

    Attributes:
        row: the 1-based Excel row it came from.
        center: the test center's full name.
        kind: what kind of post.
        name: its name ("" for the usual one of its kind).
        place: where it is.
        hours: opening and closing times ((None, None): none).
        headcount: people per session.
        roles: the roles that may staff it (empty: its kind's usual roles).
        phone: its phone.
        supplies: what it keeps.
    """

    row: int
    center: str
    kind: PostKind
    name: str
    place: str | None
    hours: tuple[time | None, time | None] | None
    headcount: int | None
    roles: frozenset[StaffRole] | None
    phone: str | None
    supplies: tuple[SupplyAmount, ...] | None

    @property
    def key(self) -> tuple[str, PostKind, str]:
        """What the post is known by: its center, kind and name."""
        return self.center, self.kind, self.name


#: What validating a post sheet produced.
PostImport = Checked[PostRecord]


def validate_posts(sheet: RawSheet, header: HeaderMap, centers: Sequence[KnownName],
                   progress: Progress = no_progress,
                   cancelled: Cancelled = never_cancelled) -> PostImport:
    """Check every data row of a post sheet.

    Rows of one post (same center, kind and name), as the post roster export writes one per
    shift, are one record when they agree; a row that disagrees with an earlier one is an
    error there.

    Args:
        sheet: the sheet as read.
        header: its header mapping (``SheetKind.POSTS``).
        centers: the exam's test centers, with their codes as abbreviations.
        progress: receives (done, total, message) as rows are checked.
        cancelled: polled as rows are checked.

    Returns:
        The records of rows without errors (one per post), and every problem. When a
        required column is missing, that single error is returned and no row is checked.
    """
    problems = Problems(sheet.file_name, sheet.sheet_name)
    missing = header.problems(sheet.file_name, sheet.sheet_name)
    if missing:
        return PostImport((), tuple(missing), (*sheet.notes, *header.notes()))
    checker = _RowChecker(header, problems, centers)
    records: dict[tuple[str, PostKind, str], PostRecord] = {}
    for raw in data_rows(sheet, header, progress, cancelled):
        record = checker.check(raw)
        if record is None:
            continue
        first = records.get(record.key)
        if first is None:
            records[record.key] = record
        elif replace(first, row=record.row) != record:
            checker.row = record.row
            checker.report("kind", cell_text(checker.value(raw, "kind")), translate(
                "Posts", "this post is also in row {row}, with other values").format(
                row=first.row), translate(
                "Posts", "give the rows of one post the same values, or the posts different "
                         "names"))
    ordered = sorted(problems, key=lambda p: (p.row or 0, p.column.rjust(3)))
    bad = {p.row for p in problems.errors}
    return PostImport(tuple(r for r in records.values() if r.row not in bad), tuple(ordered),
                      (*sheet.notes, *header.notes()))


class _RowChecker(RowChecker):
    """Checks one row at a time; holds the center matcher built once per sheet."""

    def __init__(self, header: HeaderMap, problems: Problems,
                 centers: Sequence[KnownName]) -> None:
        super().__init__(header, problems)
        self.fields = [f for f in self.fields if f not in POST_ROSTER_FIELDS]
        self.centers = NameMatcher(centers)
        self.present = set(header.columns)

    def check(self, row: RawRow) -> PostRecord | None:
        if not self.start(row):
            return None
        center = self.center(row)
        kind = self.parsed(row, "kind", parse_kind)
        name = self.text(row, "name")
        place = self.text(row, "place")
        hours = self.parsed(row, "hours", parse_hours)
        headcount = self.parsed(row, "headcount", parse_headcount)
        roles = self.parsed(row, "roles", parse_roles)
        phone = self.phone(row)
        supplies = self.parsed(row, "supplies", parse_supplies)
        if self.errors or center is None or kind is None or name is None:
            return None
        return PostRecord(row.number, center, kind, name, place, hours, headcount, roles,
                          phone, supplies)

    def parsed(self, row: RawRow, field: str, parse: Callable[[Any], T]) -> T | None:
        """The field's cell read by ``parse``; None when the column is absent or the value
        is wrong (then reported)."""
        if field not in self.present:
            return None
        value = self.value(row, field)
        try:
            return parse(value if field == "headcount" else cell_text(value))
        except BadValue as problem:
            self.report(field, value, problem.what, problem.fix)
        except BadInput as problem:  # a rule of posts, e.g. hours ending before they start
            self.report(field, value, str(problem).rstrip("."),
                        translate("Posts", "correct the value"))
        return None

    def text(self, row: RawRow, field: str) -> str | None:
        """A plain text field, trimmed ("" for the name when the column is absent)."""
        if field not in self.present:
            return "" if field == "name" else None
        value = self.value(row, field)
        text = cell_text(value).strip()
        self.length(field, value, text, _LENGTHS[field])
        return text

    def phone(self, row: RawRow) -> str | None:
        """The phone as typed, in the standard form when it is a mainland number."""
        text = self.text(row, "phone")
        return text and parse_phone(text)

    def center(self, row: RawRow) -> str | None:
        """The matched center's full name, or None after reporting a problem."""
        text = cell_text(self.value(row, "center"))
        match = self.centers.match(text) if text else None
        if match is not None and match.name is not None:
            return match.name
        if match is not None and match.kind is MatchKind.AMBIGUOUS:
            what = translate("Import", "this could mean {names}").format(
                names=", ".join(match.candidates))
            fix = translate("Import", "write the full name")
        elif text:
            what = translate("Import", "this test center is not in the exam")
            fix = translate("Import", "import the rooms first, or correct the name")
        else:
            what = translate("Posts", "the test center is missing")
            fix = translate("Posts", "write the test center's code or name")
        self.report("center", text, what, fix)
        return None
