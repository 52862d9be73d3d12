"""Finding rows by what a clerk types: any part of a name or number, or a name's pinyin.

A search box on a table and the lookup of a typed candidate both come here. Each row is
given as a key (its ID), its name and its other searchable fields (ID number, ticket,
registration number, work unit, room code...). A query finds a row when it occurs in one
of those fields, ignoring case and full-width forms, or when it spells the name in pinyin:
whole syllables, initials or any mix of both, from any syllable on (``zs`` and ``zhangs``
find 张三, ``wangj`` finds 王健, ``san`` finds 张三 too). A character with several readings
is found by each of them (曾 by ``z`` and by ``c``). Terms separated by spaces must all match,
each in any field (``zs 民政`` is a 张三 whose work unit mentions 民政).

The rows are prepared once (normalised fields, the names' pinyin as one long text) so that
a keystroke costs little Python work per row: at provincial scale (100,000 candidates) it
stays well within the window's budget (docs/performance.md, "Search";
``benchmarks/bench_search.py`` prints the figures).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Hashable, Iterable, Sequence
from functools import cache
from typing import Generic, TypeVar

from pypinyin import Style, pinyin

K = TypeVar("K", bound=Hashable)

# The pinyin of a name is laid out as one SLOT per character, holding the character's
# readings separated by READING, each reading with its first letter in upper case: the
# first letter a term must start on is then a plain literal, which the regular-expression
# engine finds with a fast scan instead of trying every position.
_FIELD = "\x03"
_SLOT = "\x01"
_READING = "\x02"
_CONTROL = re.compile("[\x00-\x1f]")
# From inside a reading to the start of any reading of the next character.
_JUMP = "[a-z]*(?:\x02[A-Z][a-z]*)*\x01(?:[A-Z][a-z]*\x02)*"


def normalize(text: str) -> str:
    """The form both rows and queries are compared in: NFKC (full-width digits and letters
    become ASCII), case folded, control characters removed."""
    return _CONTROL.sub("", unicodedata.normalize("NFKC", text).casefold())


@cache
def readings(char: str) -> tuple[str, ...]:
    """The pinyin readings of one character without tones (ü as v), empty for a character
    that has none (Latin letters, punctuation, characters pypinyin does not know)."""
    if char.isascii():
        return ()
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore")
    return tuple(dict.fromkeys(r for r in found[0] if r.isascii() and r.isalpha())) if found else ()


def pinyin_slots(name: str) -> str:
    """The searchable pinyin of a name, in the layout described above."""
    parts: list[str] = []
    for char in name:
        options = readings(char)
        if options:
            parts.append(_SLOT + _READING.join(r[0].upper() + r[1:] for r in options))
    return "".join(parts)


class _Lines:
    """Lines of text, one per row, laid out as one text with where each line starts, so that
    one regular-expression scan finds every row."""

    def __init__(self, lines: list[str]) -> None:
        self.text = "\n".join(lines) + "\n"
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        self.starts = starts

    def rows(self, pattern: re.Pattern[str]) -> set[int]:
        found: set[int] = set()
        text, starts = self.text, self.starts
        position = 0
        while (match := pattern.search(text, position)) is not None:
            row = bisect_right(starts, match.start()) - 1
            found.add(row)
            position = starts[row + 1]  # one hit is enough: go on with the next row
        return found


class SearchIndex(Generic[K]):
    """The searchable text of a list of rows, answering queries with the rows' keys."""

    def __init__(self, rows: Iterable[tuple[K, str, Sequence[str]]]) -> None:
        keys: list[K] = []
        fields: list[str] = []
        spelled: list[str] = []
        for key, name, values in rows:
            keys.append(key)
            fields.append(_FIELD.join([normalize(name), *(normalize(v) for v in values if v)]))
            spelled.append(pinyin_slots(name))
        self._keys = keys
        self._fields = fields
        self._pinyin = _Lines(spelled)

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, query: str) -> list[K]:
        """The keys of the rows matching every term of the query, in the rows' order; all
        keys for an empty query."""
        terms = normalize(query).split()
        if not terms:
            return list(self._keys)
        rows: set[int] | None = None
        for term in sorted(terms, key=len, reverse=True):  # the longest term is the most selective
            found = self._rows_matching(term)
            rows = found if rows is None else rows & found
            if not rows:
                return []
        assert rows is not None
        return [self._keys[i] for i in sorted(rows)]

    def _rows_matching(self, term: str) -> set[int]:
        # A plain "in" per row costs about 60 ns, where a scan of one long text then costs a
        # Python step per matching row: the fields are searched row by row, because a term
        # typed into a number (a digit) may occur in every row (docs/performance.md).
        rows = {i for i, line in enumerate(self._fields) if term in line}
        if term.isascii() and term.isalpha():
            steps = (f"(?:{c}|{_JUMP}{c.upper()})" for c in term[1:])
            rows |= self._pinyin.rows(re.compile(term[0].upper() + "".join(steps)))
        return rows
