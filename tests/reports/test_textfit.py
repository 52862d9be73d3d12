"""The rule for names and locations: one line, then two, then smaller down to the floor, then
more lines; breaks between Chinese characters, at spaces, after a name's dot."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest

from reports.fonts import FontSet, load_fonts
from reports.textfit import LAST_RESORT, fit, text_height, wrap
from tests.reports.longest import LATIN_NAME, UYGHUR_NAME


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return load_fonts(())


def width(fonts: FontSet, s: str, size: float) -> float:
    return fonts.string_width(s, size)


def test_what_fits_stays_on_one_line_at_its_size(fonts: FontSet) -> None:
    fitted = fit(fonts, "张三", 100, 13, 8)
    assert (fitted.lines, fitted.size, fitted.small, fitted.cut) == (("张三",), 13, False, False)


def test_two_lines_at_the_normal_size_before_any_shrinking(fonts: FontSet) -> None:
    name = "欧阳诸葛司马上官慕容端木"
    fitted = fit(fonts, name, width(fonts, name, 13) * 0.6, 13, 8)
    assert fitted.size == 13 and "".join(fitted.lines) == name and len(fitted.lines) == 2
    # the two lines are as even as the breaks allow
    assert [len(line) for line in fitted.lines] == [6, 6]


def test_a_uyghur_name_breaks_after_its_dot_where_that_fits(fonts: FontSet) -> None:
    name = "阿卜杜热合曼·买买提艾力"
    fitted = fit(fonts, name, width(fonts, name, 11) * 0.7, 11, 8)
    assert fitted.lines == ("阿卜杜热合曼·", "买买提艾力") and fitted.size == 11


def test_then_smaller_down_to_the_floor_on_two_lines(fonts: FontSet) -> None:
    fitted = fit(fonts, UYGHUR_NAME, 98, 11, 8)
    assert len(fitted.lines) == 2 and 8 <= fitted.size < 11
    assert "".join(fitted.lines) == UYGHUR_NAME
    assert all(width(fonts, line, fitted.size) <= 98 for line in fitted.lines)


def test_at_the_floor_as_many_lines_as_it_takes(fonts: FontSet) -> None:
    fitted = fit(fonts, LATIN_NAME, 98, 11, 8)
    assert fitted.size == 8 and len(fitted.lines) > 2
    assert " ".join(fitted.lines) == LATIN_NAME  # broken at spaces only: every word whole
    assert all(width(fonts, line, 8) <= 98 for line in fitted.lines)
    assert fitted.height == text_height(len(fitted.lines), 8)


def test_a_latin_name_is_split_inside_a_word_only_when_the_word_alone_is_too_wide(
    fonts: FontSet,
) -> None:
    assert wrap(fonts, "JOHN SMITH", width(fonts, "JOHN SMIT", 10), 10) == ["JOHN", "SMITH"]
    word = "WOLFESCHLEGELSTEINHAUSENBERGERDORFF"
    fitted = fit(fonts, f"HUBERT {word}", width(fonts, word, 8) * 0.6, 11, 8)
    assert fitted.size == 8 and fitted.lines[0] == "HUBERT"
    assert "".join(fitted.lines[1:]) == word


def test_no_line_starts_with_a_closing_bracket_or_a_dot(fonts: FontSet) -> None:
    text = "社会工作综合能力(初级)、社会工作综合能力(中级)·测试"
    for cap in range(40, 200, 7):
        for line in wrap(fonts, text, cap, 10)[1:]:
            assert line[0] not in ")）、·", (cap, line)


def test_a_box_that_cannot_grow_prints_smaller_then_cuts(fonts: FontSet) -> None:
    small = fit(fonts, UYGHUR_NAME, 60, 11, 8, height=20)
    assert small.small and not small.cut and "".join(small.lines) == UYGHUR_NAME
    assert small.height <= 20 + 1e-6
    cut = fit(fonts, UYGHUR_NAME * 20, 60, 11, 8, height=10)
    assert cut.cut and cut.size == LAST_RESORT and cut.lines[-1].endswith("…")


def test_a_row_grows_rather_than_shrink_below_the_floor(fonts: FontSet) -> None:
    grown = fit(fonts, UYGHUR_NAME * 3, 60, 11, 8, height=math.inf)
    assert grown.size == 8 and not grown.small and "".join(grown.lines) == UYGHUR_NAME * 3


def test_a_number_keeps_its_counter(fonts: FontSet) -> None:
    place = "周口市第一高级中学新校区东区综合实验教学楼A座 13楼 1301室"
    for cap in range(60, 300, 5):
        lines = wrap(fonts, place, cap, 10)
        assert "".join(lines).replace(" ", "") == place.replace(" ", "")
        for before, line in pairwise(lines):
            assert not (before[-1].isascii() and before[-1].isalnum() and line[0] in "座楼室"), (
                cap, lines)
