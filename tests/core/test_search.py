"""The search box's matching: what a clerk types finds the rows they mean, and only those."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from examdesk.search import SearchIndex, readings

PEOPLE = [
    (1, "张三", ["110101199003071234", "SW01010101", "民政局"]),
    (2, "王健", ["11010119900307123X", "SW01010102", "第二中学"]),
    (3, "曾和平", ["", "SW01010103", ""]),
    (4, "Smith John", ["P1234567", "", "Embassy"]),
    (5, "张珊珊", ["", "", "民政局"]),
    (6, "吕静", ["", "", ""]),
]


def find(query: str) -> list[int]:
    return SearchIndex(PEOPLE).find(query)


def test_pinyin_initials_syllables_and_mixes_find_the_name() -> None:
    assert find("zs") == [1, 5]  # 张三, 张珊珊 (zhang shan shan)
    assert find("wangj") == [2]
    assert find("wj") == [2]
    assert find("wangjian") == [2]
    assert find("zhangs") == [1, 5]
    assert find("zss") == [5]
    assert find("lvj") == [6]  # ü is typed v, as every Chinese input method does


def test_a_term_may_start_on_any_syllable_but_not_inside_one() -> None:
    assert find("san") == [1]
    assert find("shs") == [5]  # shan shan
    assert find("ang") == []  # not the middle of zhang / wang
    assert find("sz") == []  # the syllables' order counts


def test_characters_with_several_readings_are_found_by_each() -> None:
    assert "zeng" in readings("曾") and "ceng" in readings("曾")
    assert find("zhp") == [3]
    assert find("chp") == [3]
    assert find("zenghep") == [3]


def test_fields_are_found_by_any_part_ignoring_case_and_full_width() -> None:
    assert find("123x") == [2]  # the check character typed in lower case
    assert find("１２３Ｘ") == [2]  # full-width, as some input methods type digits
    assert find("sw0101010") == [1, 2, 3]
    assert find("民政") == [1, 5]
    assert find("张") == [1, 5]
    assert find("JOHN") == [4]
    assert find("embassy") == [4]


def test_every_term_must_match_and_an_empty_query_finds_everyone() -> None:
    assert find("zs 民政") == [1, 5]
    assert find("zs 第二") == []
    assert find("  ") == [1, 2, 3, 4, 5, 6]
    assert find("") == [1, 2, 3, 4, 5, 6]


def test_a_term_never_matches_across_two_fields_or_two_rows() -> None:
    assert find("1234sw") == []  # end of an ID number + start of a ticket
    assert find("sanw") == []  # 张三 then 王健 on the next line


def test_an_empty_index_finds_nothing() -> None:
    assert SearchIndex([]).find("zs") == []
    assert len(SearchIndex([])) == 0


# The reference: a name is spelled by a term when the term is the concatenation of
# non-empty prefixes of consecutive syllables, one reading chosen per character.
def spelled(term: str, name: str) -> bool:
    options = [readings(c) for c in name if readings(c)]
    for start in range(len(options)):
        for choice in itertools.product(*options[start:]):
            if _prefixes(term, choice):
                return True
    return False


def _prefixes(term: str, syllables: tuple[str, ...]) -> bool:
    if not term:
        return True
    if not syllables:
        return False
    first = syllables[0]
    return any(term[:n] == first[:n] and _prefixes(term[n:], syllables[1:])
               for n in range(1, min(len(first), len(term)) + 1))


NAMES = ["张三", "王健", "曾和平", "吕静", "欧阳娜娜", "单于", "李", "长孙无忌", "乐正"]


@st.composite
def spellings(draw: st.DrawFn) -> tuple[str, str]:
    """A name and a term that spells it by the definition."""
    name = draw(st.sampled_from(NAMES))
    options = [readings(c) for c in name]
    start = draw(st.integers(0, len(options) - 1))
    count = draw(st.integers(1, len(options) - start))
    term = ""
    for choices in options[start:start + count]:
        reading = draw(st.sampled_from(choices))
        term += reading[:draw(st.integers(1, len(reading)))]
    return name, term


@settings(max_examples=300)
@given(spelling=spellings())
def test_every_spelling_of_a_name_finds_it(spelling: tuple[str, str]) -> None:
    name, term = spelling
    assert SearchIndex([(0, name, [])]).find(term) == [0]


@settings(max_examples=300)
@given(name=st.sampled_from(NAMES),
       term=st.text(alphabet="abceghijlnouyzsw", min_size=1, max_size=7))
def test_a_term_finds_a_name_only_when_it_spells_it(name: str, term: str) -> None:
    index = SearchIndex([(0, name, [])])
    assert (index.find(term) == [0]) == (spelled(term, name) or term in name)
