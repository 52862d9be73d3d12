"""How names and locations are set in their boxes: never cut, never below a readable size.

The rule (see ``docs/printing.md``): a text is printed on one line at its normal size; if it is
too wide, on two lines at that size; only then smaller, down to a floor (8 pt on forms, 12 pt
on door lists); what still does not fit takes more lines at the floor, and the row grows.
Lines break between Chinese characters, at spaces (a Latin name is never split inside a word
unless one word alone is wider than the line) and after the dot of names like 阿依古丽·买买提.

Only a box that cannot grow (a desk on the seating chart, a label) can leave a text too big at
the floor: it is then printed smaller still and, past :data:`LAST_RESORT`, cut; the sheet warns
either way. Widths are measured once per character at 1 pt (a font's widths scale with the
size), so fitting costs one measurement when the text fits, as it nearly always does.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from reports.fonts import FontSet

#: Wrapped lines sit this many times their size apart.
LEADING = 1.2
#: The smallest size of a name or location on a form, and on a door list (read from a distance).
FORM_FLOOR = 8.0
DOOR_FLOOR = 12.0
#: A box that cannot grow prints a text too big for it this small at the least, then cuts it.
LAST_RESORT = 4.0
ELLIPSIS = "…"

# A size computed to fill the width exactly may measure a hair wider after rounding.
_SAFE = 0.999
# A name's line ends at a preferred break (a space, a name's dot) rather than fill itself beyond
# it, if the line is this full there and that costs no line.
_FULL = 0.6
# A line may end after these (the dot of Uyghur and Kazakh names, list commas), preferably.
_AFTER = frozenset("·・•、，,;；")
# ...and after these, as a last choice among the allowed breaks ("JEAN-PIERRE", "3/4").
_AFTER_WEAK = frozenset("-/–—")
# No line starts with these, nor ends with an opening bracket.
_NO_START = frozenset("·・•、，,;；。.:：!！?？)）]】」』》〉”’%*")
_NO_END = frozenset("(（[【「『《〈“‘")


@dataclass(frozen=True)
class Fit:
    """A text set in a box: its lines, all at one size.

    Attributes:
        text: the text as given.
        lines: its lines, top to bottom.
        size: the size they are drawn at.
        floor: the smallest size the text should have had.
        cut: the text did not fit even at :data:`LAST_RESORT` and its end is cut with "…".
    """

    text: str
    lines: tuple[str, ...]
    size: float
    floor: float
    cut: bool = False

    @property
    def height(self) -> float:
        """From the top of the first line to the bottom of the last."""
        return text_height(len(self.lines), self.size)

    @property
    def small(self) -> bool:
        """Printed below its floor (the box could not grow)."""
        return self.size < self.floor - 1e-6


def text_height(lines: int, size: float) -> float:
    """The height ``lines`` lines at ``size`` take."""
    return size * (1 + (max(lines, 1) - 1) * LEADING)


def _cjk(char: str) -> bool:
    return ord(char) >= 0x2E80 and not char.isspace()


@dataclass(frozen=True)
class _Text:
    """A text measured at 1 pt, with the places where a line may end."""

    text: str
    prefix: tuple[float, ...]  # prefix[i]: the width of text[:i] at 1 pt
    spots: tuple[int, ...]  # a line may end before text[i]; ascending
    strong: frozenset[int]  # the preferred ones: at a space, after a name's dot or a comma
    weak: frozenset[int]  # the last choice: after a hyphen or slash

    def width(self, start: int, end: int) -> float:
        """The width of text[start:end] at 1 pt, spaces at its end left out."""
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return self.prefix[end] - self.prefix[start]

    def resume(self, end: int) -> int:
        """Where the line after one ending at ``end`` starts (spaces skipped)."""
        while end < len(self.text) and self.text[end].isspace():
            end += 1
        return end

    def even(self, cap: float) -> tuple[str, ...]:
        """As few lines as :meth:`greedy` makes within ``cap``, but as even as they can be (no
        word left alone on the last line), broken at preferred breaks where that costs no line.
        """
        count = len(self.greedy(cap))
        prefer = len(self.greedy(cap, True)) <= count
        low, high = cap / 2, cap
        for _ in range(16):
            mid = (low + high) / 2
            if len(self.greedy(mid, prefer)) <= count:
                high = mid
            else:
                low = mid
        return self.greedy(high, prefer)

    def two(self) -> list[tuple[float, int, int]]:
        """Each way to make two lines: (width of the wider line, preference, where)."""
        n = len(self.text)
        ways = []
        for spot in self.spots:
            rank = 0 if spot in self.strong else 2 if spot in self.weak else 1
            ways.append((max(self.width(0, spot), self.width(self.resume(spot), n)), rank, spot))
        return ways

    def greedy(self, cap: float, prefer: bool = False) -> tuple[str, ...]:
        """Lines no wider than ``cap`` (at 1 pt), each as long as it can be.

        A line ends at the last allowed break that fits (with ``prefer``: at the last preferred
        one, a space or a name's dot, if that still fills most of the line); a word alone wider
        than the line is split where it must.
        """
        text, n = self.text, len(self.text)
        lines: list[str] = []
        start = self.resume(0)
        while start < n:
            end = n if self.width(start, n) <= cap else 0
            if not end:
                i = bisect_right(self.spots, start)
                strong = 0
                while i < len(self.spots) and self.width(start, self.spots[i]) <= cap:
                    end = self.spots[i]
                    strong = end if end in self.strong else strong
                    i += 1
                if prefer and strong and self.width(start, strong) >= _FULL * cap:
                    end = strong
            if not end:  # no break fits: split inside the word, one character at least
                end = start + 1
                while end < n and self.width(start, end + 1) <= cap:
                    end += 1
            lines.append(text[start:end].rstrip())
            start = self.resume(end)
        return tuple(lines) or ("",)


@lru_cache(maxsize=4096)
def _measure(fonts: FontSet, text: str) -> _Text:
    prefix = [0.0]
    for char in text:
        prefix.append(prefix[-1] + _char_width(fonts, char))
    spots: list[int] = []
    strong: set[int] = set()
    weak: set[int] = set()
    for i in range(1, len(text)):
        before, after = text[i - 1], text[i]
        if after.isspace():
            if not before.isspace():
                spots.append(i)
                strong.add(i)
            continue
        if before.isspace() or after in _NO_START or before in _NO_END:
            continue
        if before.isascii() and before.isalnum() and _cjk(after):
            continue  # a number keeps its counter: "3楼", "301室", "A座"
        if before in _AFTER:
            strong.add(i)
        elif before in _AFTER_WEAK:
            weak.add(i)
        elif not (_cjk(before) or _cjk(after)):
            continue  # inside a Latin word or a number
        spots.append(i)
    return _Text(text, tuple(prefix), tuple(spots), frozenset(strong), frozenset(weak))


_widths: dict[tuple[FontSet, str], float] = {}


def _char_width(fonts: FontSet, char: str) -> float:
    width = _widths.get((fonts, char))
    if width is None:
        width = _widths[fonts, char] = fonts.string_width(char, 1.0)
    return width


def wrap(fonts: FontSet, text: str, width: float, size: float) -> list[str]:
    """``text`` in lines no wider than ``width`` at ``size``, broken where the rule allows."""
    if fonts.string_width(text, size) <= width:
        return [text]
    return list(_measure(fonts, text).greedy(width / size))


def fit(
    fonts: FontSet,
    text: str,
    width: float,
    size: float,
    floor: float = FORM_FLOOR,
    height: float = math.inf,
    lines: int = 2,
) -> Fit:
    """Set ``text`` in a box ``width`` wide and ``height`` high by the rule above.

    Args:
        fonts: the fonts it is drawn in.
        text: a name, a location, or a line of them.
        width: the box's width, padding taken off.
        size: the normal size.
        floor: the smallest size the text may have.
        height: the box's height, padding taken off; infinite where the row grows.
        lines: the most lines before the text shrinks (more are used only at the floor).
    """
    width = max(width, 1.0)
    floor = min(floor, size)
    height += 1e-6  # a row made as tall as its text, measured back from the page's y's
    if fonts.string_width(text, size) <= width and text_height(1, size) <= height:
        return Fit(text, (text,), size, floor)
    measured = _measure(fonts, text)

    def tallest(count: int) -> float:
        """The largest size at which ``count`` lines fit the height."""
        return height / text_height(count, 1.0)

    one = min(size, width / max(measured.width(0, len(text)), 1e-9) * _SAFE, tallest(1))
    ways = measured.two() if lines >= 2 else []
    two = 0.0
    if ways:
        need = min(way[0] for way in ways)
        two = min(size, width / max(need, 1e-9) * _SAFE, tallest(2))
    if max(one, two) >= floor:
        if two >= size or two > one:
            cap = width / two
            # The preferred break among those that fit, then the most even lines.
            _, _, spot = min((rank, wide, spot) for wide, rank, spot in ways if wide <= cap)
            return Fit(text, (text[:spot].rstrip(), text[measured.resume(spot):]), two, floor)
        return Fit(text, (text,), one, floor)
    at_floor = measured.even(width / floor)
    if text_height(len(at_floor), floor) <= height:
        return Fit(text, at_floor, floor, floor)
    # A box that cannot grow: smaller than the floor rather than lose part of the text.
    small, found = floor, at_floor
    while small > LAST_RESORT:
        small = max(LAST_RESORT, small * 0.92)
        found = measured.greedy(width / small)
        if text_height(len(found), small) <= height:
            return Fit(text, found, small, floor)
    keep = max(1, int((height / LAST_RESORT - 1) / LEADING) + 1)
    kept = list(found[:keep])
    last = kept[-1]
    while last and fonts.string_width(last + ELLIPSIS, LAST_RESORT) > width:
        last = last[:-1]
    kept[-1] = last + ELLIPSIS
    return Fit(text, tuple(kept), LAST_RESORT, floor, cut=True)
