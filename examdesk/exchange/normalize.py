"""Turn what people type into cells into comparable values.

Registration exports and hand-made workbooks differ in invisible ways: full-width digits
typed with a Chinese input method, ideographic spaces (U+3000) and NBSPs around names, IDs
that Excel turned into numbers, subjects separated by 、 or ，. These helpers clean such
values without changing what they mean; names of people are only trimmed, never folded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from examdesk.exchange.sheets import CellValue
from examdesk.i18n import translate

# \s covers U+3000 and NBSP; zero-width characters and BOMs arrive by copy and paste
_INVISIBLE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")

# Full-width digits and Latin letters only (and the ideographic space): full-width
# punctuation such as （）、，is left as typed, it is part of names like 实务（初级）.
_HALF_WIDTH = {
    **{code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)},  # ０-９
    **{code: code - 0xFEE0 for code in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
    **{code: code - 0xFEE0 for code in range(0xFF41, 0xFF5B)},  # ａ-ｚ
    0x3000: 0x20,
}

_LIST_SEPARATORS = re.compile(r"[、,，;；/／|｜\s]+")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:\.\d*)?[eE][+-]?\d+")
#: Excel keeps 15 significant digits of a number; longer IDs lose their tail.
_EXCEL_DIGITS = 15
_MIN_PREFIX = 2

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{9,11}")
_PHONE_DECORATION = re.compile(r"[\s\-－—–()（）]+")


# Unicode spaces (what \s matches) and the zero-width characters; str.strip() with these is
# about 5x faster than a regular expression, and a 100,000-row import trims a million cells.
_EDGE_CHARACTERS = "".join(
    chr(code) for code in range(0x3001) if chr(code).isspace()
) + "\u200b\u200c\u200d\u2060\ufeff"


def trim(text: str) -> str:
    """Remove leading and trailing spaces, including U+3000, NBSP and zero-width characters.

    Args:
        text: any text.

    Returns:
        The text without invisible characters at either end; the inside is kept.
    """
    return text.strip(_EDGE_CHARACTERS)


def half_width(text: str) -> str:
    """Turn full-width digits, Latin letters and the ideographic space into ASCII.

    Args:
        text: any text.

    Returns:
        The text with ``０-９ Ａ-Ｚ ａ-ｚ`` and U+3000 replaced; punctuation is unchanged.
    """
    return text.translate(_HALF_WIDTH)


def cell_text(value: CellValue) -> str:
    """A cell value as trimmed text, whole numbers without ``.0``.

    Args:
        value: the value as read from the sheet.

    Returns:
        The text to validate; "" for an empty cell.
    """
    if isinstance(value, str):
        return trim(value)
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    return str(value)


def match_key(text: str) -> str:
    """The form in which two spellings of a name or header compare equal.

    NFKC folds full-width letters, digits and brackets (（初级） and (初级) match), then
    case and every space are dropped.

    Args:
        text: a name, abbreviation or header.

    Returns:
        The comparison key.
    """
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text).casefold())


def split_list(text: str) -> list[str]:
    """Split a cell listing several items (subjects) on 、 , ， ; ； / and spaces.

    Args:
        text: the cell text.

    Returns:
        The non-empty items, trimmed, in order.
    """
    return [item for item in (trim(part) for part in _LIST_SEPARATORS.split(text)) if item]


def id_number_text(value: CellValue) -> str:
    """An ID number cell as text: trimmed, half-width, no inner spaces, trailing X upper-case.

    Args:
        value: the value as read; a number is written out in full (see
            :func:`id_number_damage` for whether it can be trusted).

    Returns:
        The cleaned ID number.
    """
    text = _INVISIBLE.sub("", half_width(cell_text(value)))
    if text.endswith("x"):
        text = text[:-1] + "X"
    return text


def id_number_damage(value: CellValue) -> str | None:
    """Say whether Excel stored an ID number as a number and so lost its last digits.

    Args:
        value: the value as read.

    Returns:
        What is wrong (translated, for a :class:`Problem`), or None if the value is intact.
        :func:`id_number_fix` says how to fix it.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        digits = len(str(int(abs(value))))
        if isinstance(value, float) and not value.is_integer():
            digits = _EXCEL_DIGITS + 1
        if digits > _EXCEL_DIGITS:
            return translate(
                "Import",
                "Excel stored this ID number as a number and kept only its first 15 digits",
            )
        return None
    if isinstance(value, str) and _SCIENTIFIC.fullmatch(unicodedata.normalize("NFKC", trim(value))):
        return translate(
            "Import",
            "this ID number was saved in scientific notation, so its last digits are lost",
        )
    return None


def id_number_fix() -> str:
    """How to fix an ID number damaged by Excel (translated)."""
    return translate("Import", "format the column as text and export again")


def phone_text(value: CellValue) -> str | None:
    """A mainland phone number in one standard form, or None if it is not one.

    Args:
        value: the value as read.

    Returns:
        11 digits for a mobile number (starting with 1), ``area-number`` for a landline
        with its area code (e.g. ``0394-8234567``), "" for an empty cell, None otherwise.
    """
    text = half_width(cell_text(value))
    if not text:
        return ""
    digits = _PHONE_DECORATION.sub("", text)
    for country in ("+86", "0086"):
        if digits.startswith(country):
            digits = digits[len(country) :]
    if _MOBILE.fullmatch(digits):
        return digits
    if len(digits) == 13 and digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
        return digits[2:]
    if _LANDLINE.fullmatch(digits):
        # 010 and 02x are the only three-digit area codes; the others have four
        split = 3 if digits[1] in "12" else 4
        return f"{digits[:split]}-{digits[split:]}"
    return None


@dataclass(frozen=True)
class KnownName:
    """A name the importer accepts, with the short forms staff also write.

    Attributes:
        name: the full name, returned on a match.
        abbreviations: accepted short forms (e.g. 初级 for 助理社会工作师).
    """

    name: str
    abbreviations: tuple[str, ...] = ()


class MatchKind(StrEnum):
    """How a typed name was matched, or why it was not."""

    EXACT = "exact"
    ABBREVIATION = "abbreviation"
    PREFIX = "prefix"
    UNKNOWN = "unknown"
    AMBIGUOUS = "ambiguous"


@dataclass(frozen=True)
class NameMatch:
    """The result of :func:`match_name`.

    Attributes:
        kind: how it matched, or unknown / ambiguous.
        name: the matched full name, or None.
        candidates: for ambiguous, the names it could mean; for unknown, every known name.
    """

    kind: MatchKind
    name: str | None
    candidates: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        """Whether exactly one known name matched."""
        return self.name is not None


class NameMatcher:
    """Matches typed names against a fixed list, by exact name, abbreviation or prefix.

    Build one per list and reuse it for every row: the keys are computed once.
    """

    def __init__(self, known: Iterable[KnownName]) -> None:
        """Index ``known`` names and abbreviations by their :func:`match_key`."""
        self._known = tuple(known)
        self._names: dict[str, str] = {}
        self._abbreviations: dict[str, list[str]] = {}
        self._cache: dict[str, NameMatch] = {}
        self._keys = [
            (item, (match_key(item.name), *map(match_key, item.abbreviations)))
            for item in self._known
        ]
        for item in self._known:
            self._names.setdefault(match_key(item.name), item.name)
            for short in item.abbreviations:
                names = self._abbreviations.setdefault(match_key(short), [])
                if item.name not in names:
                    names.append(item.name)

    @property
    def names(self) -> tuple[str, ...]:
        """The full names, in the order given."""
        return tuple(item.name for item in self._known)

    def match(self, text: str) -> NameMatch:
        """Match ``text`` by exact name, then abbreviation, then an unambiguous prefix.

        A prefix is of a name or of an abbreviation (法规 for 法规与政策) and must be at
        least two characters long.

        Args:
            text: the name as typed.

        Returns:
            The match, or why there is none.
        """
        # a column holds a handful of distinct spellings over thousands of rows
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._match(text)
        return cached

    def _match(self, text: str) -> NameMatch:
        key = match_key(text)
        if not key:
            return NameMatch(MatchKind.UNKNOWN, None, self.names)
        if key in self._names:
            return NameMatch(MatchKind.EXACT, self._names[key])
        by_short = self._abbreviations.get(key, [])
        if len(by_short) == 1:
            return NameMatch(MatchKind.ABBREVIATION, by_short[0])
        if len(by_short) > 1:
            return NameMatch(MatchKind.AMBIGUOUS, None, tuple(by_short))
        if len(key) >= _MIN_PREFIX:
            prefixed = tuple(
                item.name
                for item, keys in self._keys
                if any(known.startswith(key) for known in keys)
            )
            if len(prefixed) == 1:
                return NameMatch(MatchKind.PREFIX, prefixed[0])
            if prefixed:
                return NameMatch(MatchKind.AMBIGUOUS, None, prefixed)
        return NameMatch(MatchKind.UNKNOWN, None, self.names)


def match_name(text: str, known: Sequence[KnownName]) -> NameMatch:
    """Match one typed name against ``known`` (see :meth:`NameMatcher.match`).

    Args:
        text: the name as typed.
        known: the accepted names with their abbreviations.

    Returns:
        The match, or why there is none.
    """
    return NameMatcher(known).match(text)
