"""Fonts for the printed sheets: the bundled Noto Sans SC plus Ext-B fallbacks found locally.

reportlab embeds TrueType fonts as subsets but draws nothing (and says nothing) for characters a
font lacks, so every string is split into runs by which font has each character, and characters
no font has are reported instead of silently dropped. Which fallback faces exist, and why the
sans-serif ones come first, is in docs/fonts.md.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from examdesk.i18n import translate
from examdesk.resources import resource_path

MAIN_FONT = "NotoSansSC"

# Sans-serif TrueType faces with CJK Ext-B characters (e.g. 𠮷), which Noto Sans SC lacks: they
# match the sheets' sans-serif and are tried first (docs/fonts.md: which have which characters).
SANS_FALLBACKS: tuple[Path, ...] = (
    Path("C:/Windows/Fonts/msyh.ttc"),  # Microsoft YaHei: some Ext-B on Windows 10 and 11
)
# Serif faces that cover the whole of Ext-B: the last resort, for what no sans face has.
SERIF_FALLBACKS: tuple[Path, ...] = (
    Path("C:/Windows/Fonts/simsunb.ttf"),  # SimSun-ExtB, on every Chinese Windows PC
    Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),  # Debian fonts-hanazono
)
# The fallbacks tried, in order; those not on this machine are skipped.
FALLBACK_CANDIDATES: tuple[Path, ...] = SANS_FALLBACKS + SERIF_FALLBACKS

def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF as UTF-16 surrogate pairs.

    reportlab writes them as 5 hex digits, which PDF readers cut to 4: 𠮷 (U+20BB7) printed
    fine but copied and searched as ₻ (U+20BB). A CMap maps to UTF-16BE, so pairs it is.
    """

    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be").hex().upper()

    lines = _reportlab_cmap(fontname, subset).split("\n")
    start = lines.index(f"{len(subset)} beginbfchar") + 1
    lines[start : start + len(subset)] = [
        f"<{i:02X}> <{utf16(code)}>"
        for i, code in enumerate(subset)
    ]
    return "\n".join(lines)


_reportlab_cmap = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap

def _subset_tag(face: bytes, subset: Sequence[int]) -> bytes:
    """Six capital letters naming a subset by its content: the font and its characters in order.

    reportlab names the subsets of each PDF AAAAAA, AAAAAB...; merged PDFs would then hold
    different subsets under one name, which the PDF specification forbids and printers' font
    caches confuse. Named by content, two subsets share a name only if they are the same.
    """
    digest = hashlib.sha256(face + b":" + ",".join(map(str, subset)).encode()).digest()
    number = int.from_bytes(digest[:8], "big")
    letters = bytearray()
    for _ in range(6):
        number, letter = divmod(number, 26)
        letters.append(ord("A") + letter)
    return bytes(letters)


_subset_tags: ContextVar[list[bytes] | None] = ContextVar("subset_tags", default=None)
_reportlab_subset_name = ttfonts.SUBSETN


def _subset_name(n: int, *args: Any) -> bytes:
    """reportlab's SUBSETN: the content tag while a :class:`SubsetFont` writes its subsets."""
    tags = _subset_tags.get()
    if tags is not None and 0 <= n < len(tags):
        return tags[n]
    return bytes(_reportlab_subset_name(n, *args))


ttfonts.SUBSETN = _subset_name


class SubsetFont(TTFont):  # type: ignore[misc]  # reportlab has no type hints
    """A TrueType font whose subsets are named by their content (see :func:`_subset_tag`)."""

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)
        tags = [_subset_tag(self.face.name, subset) for subset in state.subsets] if state else None
        token = _subset_tags.set(tags)
        try:
            super().addObjects(doc)
        finally:
            _subset_tags.reset(token)


# Parsing a 10 MB TTF takes a while: each file is parsed and registered with reportlab once per
# process, when first needed: the main font when a sheet is drawn (an unchanged reprint draws
# none), a fallback when a character first needs it (most print runs never do).
_registered: dict[str, Any] = {}
_waiting: dict[str, Path] = {}


def _font(name: str) -> Any:
    """The font ``name``, parsed and registered now if need be; ``None`` if it is unusable."""
    if name not in _registered:
        try:
            font = SubsetFont(name, str(_waiting[name]))
        except (TTFError, OSError, ValueError):
            if name == MAIN_FONT:
                raise  # the bundled font: a broken installation, not a missing fallback
            # a CFF-outline, damaged or embedding-protected file: as if it were not there
            font = None
        if font is not None:
            pdfmetrics.registerFont(font)
        _registered[name] = font
    return _registered[name]


class Split(NamedTuple):
    """A string as drawn: its runs by font, the characters no font has, those a fallback draws."""

    runs: tuple[tuple[str, str], ...]
    missing: tuple[str, ...]
    fallen_back: tuple[tuple[str, str], ...]


#: Strings split and kept per font set; a print run meets far fewer distinct ones.
SPLITS_KEPT = 65536


@dataclass(frozen=True)
class FontSet:
    """The main font and its fallbacks, registered with reportlab, in the order they are tried."""

    main: str
    fallbacks: tuple[str, ...] = ()
    # Sheets draw the same labels, dates and names many times: each string is split once (a
    # plain dict: an lru_cache keyed by (font set, string) spent its time hashing the set).
    _splits: dict[str, Split] = field(default_factory=dict, compare=False, repr=False)

    def load(self) -> FontSet:
        """Parse and register the main font now (a canvas opens with it); return this set."""
        _font(self.main)
        return self

    def font_for(self, char: str) -> str | None:
        """The first font that has ``char``, or ``None`` if none has it."""
        for name in (self.main, *self.fallbacks):
            font = _font(name)
            if font is not None and ord(char) in font.face.charToGlyph:
                return name
        return None

    def split(self, text: str) -> Split:
        """``text`` split by font (see :meth:`runs`), with what cannot be drawn as the main font."""
        found = self._splits.get(text)
        if found is None:
            if len(self._splits) >= SPLITS_KEPT:
                self._splits.clear()
            found = self._splits[text] = self._split(text)
        return found

    def _split(self, text: str) -> Split:
        main = _font(self.main).face.charToGlyph
        if all(ord(char) in main for char in text):
            return Split(((self.main, text),) if text else (), (), ())
        runs: list[tuple[str, str]] = []
        missing: list[str] = []
        fallen_back: dict[str, str] = {}
        for char in text:
            name = self.font_for(char)
            if name is None:
                if char not in missing:
                    missing.append(char)
                name = self.main
            elif name != self.main:
                fallen_back.setdefault(char, family_name(name))
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + char)
            else:
                runs.append((name, char))
        return Split(tuple(runs), tuple(missing), tuple(fallen_back.items()))

    def missing_glyphs(self, text: str) -> list[str]:
        """The distinct characters of ``text`` that no font has, in order of appearance."""
        return list(self.split(text).missing)

    def fallback_glyphs(self, text: str) -> list[tuple[str, str]]:
        """The distinct characters of ``text`` drawn in a fallback, each with that font's name."""
        return list(self.split(text).fallen_back)

    def runs(self, text: str) -> list[tuple[str, str]]:
        """Split ``text`` into ``[(font_name, text)]`` runs.

        Each character goes to the main font, else the first fallback that has it, else the main
        font (it is then missing: :meth:`missing_glyphs` reports it).
        """
        return list(self.split(text).runs)

    def string_width(self, text: str, size: float) -> float:
        """The width of ``text`` in points, drawn in runs at ``size``."""
        runs = self.split(text).runs
        if len(runs) == 1:
            return float(pdfmetrics.stringWidth(runs[0][1], runs[0][0], size))
        return float(sum(pdfmetrics.stringWidth(t, name, size) for name, t in runs))


def family_name(font: str) -> str:
    """The family name a font file gives itself (``HanaMinB``, ``Microsoft YaHei``)."""
    registered = _font(font)
    if registered is None:
        return font
    return bytes(registered.face.familyName).decode("utf-8", "replace") or font


def load_fonts(fallback_paths: Sequence[Path] | None = None) -> FontSet:
    """The bundled font and the fallbacks that exist (each parsed when first needed).

    Args:
        fallback_paths: TrueType files to try for characters the main font lacks, in order;
            ``None`` uses :data:`FALLBACK_CANDIDATES`, ``()`` uses none (deterministic tests).
    """
    _waiting.setdefault(MAIN_FONT, resource_path("fonts", "NotoSansSC-Regular.ttf"))
    paths = FALLBACK_CANDIDATES if fallback_paths is None else tuple(fallback_paths)
    fallbacks: list[str] = []
    for path in paths:
        if path.is_file():
            # the file's own stem is not unique (two folders may hold a HanaMinB.ttf)
            name = f"Fallback-{path.stem}-{hashlib.sha256(str(path).encode()).hexdigest()[:8]}"
            _waiting.setdefault(name, path)
            fallbacks.append(name)
    # the same set each time in a process: its split strings are kept across batches
    return _sets.setdefault(tuple(fallbacks), FontSet(MAIN_FONT, tuple(fallbacks)))


_sets: dict[tuple[str, ...], FontSet] = {}


def missing_glyph_warning(text: str, char: str) -> str:
    """The message for a character of ``text`` that no font can draw (a sheet says where)."""
    return translate("Reports", "{text}: no font has {char} (U+{code:04X})").format(
        text=text, char=char, code=ord(char))


def fallback_glyph_warning(text: str, char: str, font: str) -> str:
    """The message for a character of ``text`` drawn in the fallback ``font`` (a sheet says
    where).

    A fallback face differs from the sheet's (a serif one visibly so): worth a look.
    """
    return translate("Reports", "{text}: {char} (U+{code:04X}) drawn in {font}").format(
        text=text, char=char, code=ord(char), font=font)
