"""Cleaning cell values: spaces, widths, IDs that Excel damaged, lists, names."""

from __future__ import annotations

from datetime import datetime

import pytest

from examdesk.exchange.normalize import (
    KnownName,
    MatchKind,
    cell_text,
    half_width,
    id_number_damage,
    id_number_fix,
    id_number_text,
    match_key,
    match_name,
    phone_text,
    split_list,
    trim,
)


def test_trim_removes_ideographic_spaces_nbsp_and_zero_width_at_the_ends_only():
    assert trim("\u3000\u00a0张 三\u200b\ufeff ") == "张 三"


def test_half_width_converts_digits_and_letters_but_not_chinese_punctuation():
    assert half_width("４１１６２３ｘＡ\u3000（初级）、，") == "411623xA （初级）、，"


def test_cell_text():
    assert cell_text(13103656812.0) == "13103656812"
    assert cell_text(1.5) == "1.5"
    assert cell_text(" 周口 ") == "周口"
    assert cell_text(datetime(2023, 6, 10)) == "2023-06-10"


def test_id_number_text_cleans_and_upper_cases_a_trailing_x():
    assert id_number_text(" ４１１６２８ １９９３０６０４８１１ｘ\u3000") == "41162819930604811X"
    assert id_number_text("41162819930604811x") == "41162819930604811X"


@pytest.mark.parametrize("value", [4.116231996071917e17, 411623199607191698, "4.11623E+17",
                                   "4.11623199607192e+17", "４.１１６２３Ｅ＋１７"])
def test_an_id_stored_as_a_number_is_damaged(value):
    what = id_number_damage(value)
    assert what is not None
    assert id_number_fix() == "format the column as text and export again"


@pytest.mark.parametrize("value", ["411623199607191698", "E12345678", 20234116000001.0, "", True])
def test_text_and_short_numbers_are_not_damaged(value):
    assert id_number_damage(value) is None


def test_split_list_on_every_separator():
    assert split_list("综合能力、实务，法规与政策;A；B/C／D E\u3000F,,G") == [
        "综合能力", "实务", "法规与政策", "A", "B", "C", "D", "E", "F", "G"]
    assert split_list("  ") == []


@pytest.mark.parametrize(("value", "expected"), [
    ("13103656812", "13103656812"), (13103656812.0, "13103656812"),
    ("131 0365 6812", "13103656812"), ("+86 131-0365-6812", "13103656812"),
    ("１３１０３６５６８１２", "13103656812"), ("0394-8234567", "0394-8234567"),
    ("(0394)8234567", "0394-8234567"), ("010-12345678", "010-12345678"), ("", ""),
    ("1310365681", None), ("23103656812", None), ("8234567", None), ("无", None),
])
def test_phone_numbers(value, expected):
    assert phone_text(value) == expected


KNOWN = (
    KnownName("助理社会工作师", ("初级",)),
    KnownName("社会工作师", ("中级",)),
    KnownName("社会工作综合能力(初级)", ("综合能力",)),
    KnownName("社会工作综合能力(中级)", ("综合能力",)),
)


def test_match_by_exact_name_ignoring_width_and_case():
    match = match_name("社会工作综合能力（初级）", KNOWN)
    assert (match.kind, match.name) == (MatchKind.EXACT, "社会工作综合能力(初级)")
    assert match_key("Ｌｅｖｅｌ 1") == match_key("level1")


def test_match_by_abbreviation():
    match = match_name("中级", KNOWN)
    assert (match.kind, match.name) == (MatchKind.ABBREVIATION, "社会工作师")


def test_an_abbreviation_of_two_names_is_ambiguous():
    match = match_name("综合能力", KNOWN)
    assert match.kind is MatchKind.AMBIGUOUS and not match.found
    assert match.candidates == ("社会工作综合能力(初级)", "社会工作综合能力(中级)")


def test_match_by_unambiguous_prefix():
    match = match_name("助理社工", KNOWN)
    assert match.kind is MatchKind.UNKNOWN
    match = match_name("助理", KNOWN)
    assert (match.kind, match.name) == (MatchKind.PREFIX, "助理社会工作师")


def test_an_ambiguous_prefix_lists_the_candidates():
    match = match_name("社会工作", KNOWN)
    assert match.kind is MatchKind.AMBIGUOUS
    assert match.candidates == ("社会工作师", "社会工作综合能力(初级)", "社会工作综合能力(中级)")


def test_an_unknown_name_lists_every_known_name():
    match = match_name("高级社会工作师", KNOWN)
    assert match.kind is MatchKind.UNKNOWN
    assert match.candidates == tuple(k.name for k in KNOWN)
    assert match_name("助", KNOWN).kind is MatchKind.UNKNOWN  # one character is too short
