"""What every read model shares: fetching by ID list, sorting, the search index."""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, Select, String, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, Session

from examdesk.enums import Gender
from examdesk.labels import GENDER_LABELS
from examdesk.model import Room, TestCenter
from examdesk.search import SearchIndex
from examdesk.services.exams import ExamRef

K = TypeVar("K", bound=Hashable)
K_co = TypeVar("K_co", bound=Hashable, covariant=True)
R = TypeVar("R")
_Q = TypeVar("_Q", bound=Select[*tuple[Any, ...]])  # any select, its columns kept
E = TypeVar("E", bound=Enum)

#: IDs per ``IN (...)`` list: far below SQLite's limit of bound parameters, and few enough
#: statements for 100,000 IDs.
ID_CHUNK = 5000


class Searchable(Protocol[K_co]):
    """A row the search box can find: its key, its name (spelled in pinyin too) and its
    other searchable fields."""

    @property
    def search_key(self) -> K_co:
        """What the index answers with (the row's ID)."""

    @property
    def search_name(self) -> str:
        """The name, matched as typed and by its pinyin."""

    @property
    def search_fields(self) -> tuple[str, ...]:
        """Numbers and words matched by any part (ID number, ticket, work unit...)."""


class PersonRow:
    """What the rows about a person (candidate, seat, staff member, duty) share."""

    __slots__ = ()
    name: str
    gender: Gender

    @property
    def gender_label(self) -> str:
        """男 or 女, as forms print it."""
        return GENDER_LABELS[self.gender]

    @property
    def search_name(self) -> str:
        """The name, found by its pinyin too."""
        return self.name


def search_index(rows: Iterable[Searchable[K]]) -> SearchIndex[K]:
    """The search box's index over ``rows``: it finds their keys by what a clerk types.

    Args:
        rows: rows of one kind (candidates, staff, ...).

    Returns:
        The index; built once per table, in the background for large ones
        (docs/performance.md, "Search").
    """
    return SearchIndex((row.search_key, row.search_name, row.search_fields) for row in rows)


class Only:
    """The rows of an ID list, or all rows (``ids`` None).

    A view refreshing the rows a change touched asks for a handful: they are selected in the
    statement. A list longer than :data:`ID_CHUNK` is nearly the whole table: it is read whole
    and filtered here, which keeps the statement within the database's bound parameters and
    the rows in the order the statement gives.
    """

    def __init__(self, ids: Collection[int] | None) -> None:
        self.ids = None if ids is None else frozenset(ids)

    def where(self, query: _Q, column: InstrumentedAttribute[Any] | ColumnElement[Any]) -> _Q:
        """``query`` limited to the IDs when the list is short."""
        if self.ids is None or len(self.ids) > ID_CHUNK:
            return query
        return query.where(column.in_(sorted(self.ids)))

    def keeps(self, key: int) -> bool:
        """Whether the row with this ID is wanted."""
        return self.ids is None or key in self.ids


def sort_rows(rows: Iterable[R], *fields: str, descending: bool = False) -> list[R]:
    """``rows`` sorted by the named fields, as a table header click sorts them.

    Empty values (None, "") come last whichever the direction; the sort is stable, so rows
    equal in these fields keep the order they were read in.

    Args:
        rows: rows of one kind.
        fields: attribute names of the row, the first deciding most.
        descending: largest first.

    Returns:
        A new list.
    """
    out = list(rows)
    for name in reversed(fields):
        filled = [r for r in out if getattr(r, name) not in (None, "")]
        empty = [r for r in out if getattr(r, name) in (None, "")]
        filled.sort(key=lambda r: _sortable(getattr(r, name)), reverse=descending)
        out = filled + empty
    return out


def _sortable(value: object) -> Any:
    # a list of values (papers, roles) sorts by its text; a set by its sorted text
    if isinstance(value, frozenset):
        return tuple(sorted(str(v) for v in value))
    if isinstance(value, tuple):
        return tuple(str(v) for v in value)
    return value


def ordered(values: Iterable[R], order: Sequence[R]) -> tuple[R, ...]:
    """``values`` in the order of ``order`` (e.g. roles in the enum's order)."""
    rank = {value: index for index, value in enumerate(order)}
    return tuple(sorted(values, key=rank.__getitem__))


def raw(column: InstrumentedAttribute[Any]) -> ColumnElement[str]:
    """An enum column read as its stored text, to be turned into members by :func:`members`.

    SQLAlchemy's own conversion costs a Python call per value: half a second for the three
    enums of 100,000 candidates, against a dictionary look-up (docs/performance.md, "Tables").
    """
    return type_coerce(column, String())


def members(enum: type[E]) -> dict[str, E]:
    """Stored text -> member, for the columns read by :func:`raw`."""
    return {str(member.value): member for member in enum}


@dataclass(frozen=True, slots=True)
class Place:
    """A room with its test center, as rows of the people in it name them.

    Attributes:
        center_id: the test center's ID.
        center_code: its code.
        center_name: its name.
        room_code: the room's code.
    """

    center_id: int
    center_code: str
    center_name: str
    room_code: str


#: Where an unseated candidate is.
NOWHERE = Place(0, "", "", "")


def room_places(session: Session, exam: ExamRef) -> dict[int, Place]:
    """Room ID -> the room and its test center, read once instead of joined into every row
    of a long list (a province has 3,500 rooms and 100,000 seats)."""
    return {room_id: Place(center, code, name, room) for room_id, center, code, name, room in
            session.execute(select(Room.id, TestCenter.id, TestCenter.code, TestCenter.name,
                                   Room.code).join(TestCenter, TestCenter.id == Room.center_id)
                            .where(TestCenter.exam_id == exam.id))}
