"""Fonts for the printed sheets: the bundled Noto Sans SC plus Ext-B fallbacks found locally.

reportlab embeds TrueType fonts as subsets but draws nothing (and says nothing) for characters a
font lacks, so every string is split into runs by which font has each character, and characters
no font has are reported instead of silently dropped (see ``../shared/fonts.md``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from examdesk.i18n import translate
from examdesk.resources import resource_path

MAIN_FONT = "NotoSansSC"

#: TrueType fonts with CJK Ext-B (e.g. 𠮷), which Noto Sans SC lacks; those present are used.
FALLBACK_CANDIDATES: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/hanazono/HanaMinB.ttf"),  # Debian fonts-hanazono
    Path("C:/Windows/Fonts/simsunb.ttf"),  # SimSun-ExtB, on every Chinese Windows PC
)

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

# Parsing a 10 MB TTF takes a while: each file is registered with reportlab once per process.
_registered: dict[str, Any] = {}


def _register(name: str, path: Path) -> Any:
    font = _registered.get(name)
    if font is None:
        font = TTFont(name, str(path))
        pdfmetrics.registerFont(font)
        _registered[name] = font
    return font


@dataclass(frozen=True)
class FontSet:
    """The main font and its fallbacks, registered with reportlab, in the order they are tried."""

    main: str
    fallbacks: tuple[str, ...] = ()

    def _has(self, name: str, char: str) -> bool:
        return ord(char) in _registered[name].face.charToGlyph

    def font_for(self, char: str) -> str | None:
        """The first font that has ``char``, or ``None`` if none has it."""
        for name in (self.main, *self.fallbacks):
            if self._has(name, char):
                return name
        return None

    def missing_glyphs(self, text: str) -> list[str]:
        """The distinct characters of ``text`` that no font has, in order of appearance."""
        return list(_missing(self, text))

    def runs(self, text: str) -> list[tuple[str, str]]:
        """Split ``text`` into ``[(font_name, text)]`` runs.

        Each character goes to the main font, else the first fallback that has it, else the main
        font (it is then missing: :meth:`missing_glyphs` reports it).
        """
        return list(_runs(self, text))

    def string_width(self, text: str, size: float) -> float:
        """The width of ``text`` in points, drawn in runs at ``size``."""
        return float(sum(pdfmetrics.stringWidth(t, name, size) for name, t in _runs(self, text)))


# Sheets draw the same labels, dates and names many times: split each string once.
@lru_cache(maxsize=65536)
def _runs(fonts: FontSet, text: str) -> tuple[tuple[str, str], ...]:
    main = _registered[fonts.main].face.charToGlyph
    if all(ord(char) in main for char in text):
        return ((fonts.main, text),) if text else ()
    runs: list[tuple[str, str]] = []
    for char in text:
        name = fonts.font_for(char) or fonts.main
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + char)
        else:
            runs.append((name, char))
    return tuple(runs)


@lru_cache(maxsize=65536)
def _missing(fonts: FontSet, text: str) -> tuple[str, ...]:
    missing: list[str] = []
    for char in text:
        if char not in missing and fonts.font_for(char) is None:
            missing.append(char)
    return tuple(missing)


def load_fonts(fallback_paths: Sequence[Path] | None = None) -> FontSet:
    """Register the bundled font and the fallbacks that exist.

    Args:
        fallback_paths: TrueType files to try for characters the main font lacks, in order;
            ``None`` uses :data:`FALLBACK_CANDIDATES`, ``()`` uses none (deterministic tests).
    """
    _register(MAIN_FONT, resource_path("fonts", "NotoSansSC-Regular.ttf"))
    paths = FALLBACK_CANDIDATES if fallback_paths is None else tuple(fallback_paths)
    fallbacks = tuple(
        _register(f"Fallback-{path.stem}", path).fontName for path in paths if path.is_file()
    )
    return FontSet(MAIN_FONT, fallbacks)


def missing_glyph_warning(text: str, char: str) -> str:
    """The message for a character of ``text`` that no font can draw."""
    return translate("Reports", "{text}: no font has {char} (U+{code:04X})").format(
        text=text, char=char, code=ord(char)
    )
