"""Fonts: fallbacks tried in the order given (sans-serif before serif by default), unusable
files skipped, and which face drew a rare character."""

from __future__ import annotations

from pathlib import Path

import pytest

from examdesk.resources import resource_path
from reports.fonts import (
    FALLBACK_CANDIDATES,
    SANS_FALLBACKS,
    SERIF_FALLBACKS,
    family_name,
    load_fonts,
)

HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
MIN_A, MIN_B = HANAZONO / "HanaMinA.ttf", HANAZONO / "HanaMinB.ttf"  # both draw 𠮷

pytestmark = pytest.mark.skipif(not MIN_B.is_file(),
                                reason="fonts-hanazono is not installed (tools/setup installs it)")


def test_the_first_fallback_that_has_the_character_draws_it() -> None:
    for first, second in ((MIN_A, MIN_B), (MIN_B, MIN_A)):
        fonts = load_fonts([first, second])
        assert fonts.runs("王𠮷") == [(fonts.main, "王"), (fonts.fallbacks[0], "𠮷")]
        assert fonts.fallback_glyphs("王𠮷") == [("𠮷", first.stem)]


def test_a_fallback_without_the_character_is_passed_over() -> None:
    noto = resource_path("fonts", "NotoSansSC-Regular.ttf")  # a sans face without Ext-B
    fonts = load_fonts([noto, MIN_B])
    assert [family_name(name) for name in fonts.fallbacks] == ["Noto Sans SC", "HanaMinB"]
    assert fonts.fallback_glyphs("王𠮷") == [("𠮷", "HanaMinB")]


def test_an_unusable_font_file_is_passed_over(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    fonts = load_fonts([tmp_path / "absent.ttf", broken, MIN_B])
    assert len(fonts.fallbacks) == 2  # the absent file is not even tried
    assert fonts.missing_glyphs("王𠮷") == [] and fonts.fallback_glyphs("王𠮷") == [
        ("𠮷", "HanaMinB")]


def test_sans_serif_faces_are_tried_before_the_serif_ones() -> None:
    assert FALLBACK_CANDIDATES == SANS_FALLBACKS + SERIF_FALLBACKS
    assert MIN_B in SERIF_FALLBACKS and MIN_B not in SANS_FALLBACKS
