"""Ticket numbers follow the exam's pattern and say when a field is too narrow."""

from __future__ import annotations

import pytest

from examdesk.errors import PlanProblem
from examdesk.model.exam import DEFAULT_TICKET_PATTERN
from examdesk.planning.tickets import TicketOverflow, TicketParts, TicketPattern

PARTS = TicketParts(level="2", year=2023, province="41", city="4116", county="411602",
                    center="03", room=7, exam_room=127, seat=5)


def test_the_common_11_digit_form():
    pattern = TicketPattern.from_setting(DEFAULT_TICKET_PATTERN)
    assert pattern.width == 11 and pattern.make(PARTS) == "22341160705"


def test_the_local_variant_with_a_literal_and_the_county():
    pattern = TicketPattern.from_setting([
        {"field": "literal", "value": "0"}, {"field": "county", "width": 4},
        {"field": "center", "width": 2}, {"field": "room", "width": 2},
        {"field": "seat", "width": 2}])
    assert pattern.make(PARTS) == "0160203" + "0705"


def test_a_number_too_wide_for_its_field_is_explained():
    pattern = TicketPattern.from_setting([{"field": "exam_room", "width": 2},
                                          {"field": "seat", "width": 2}])
    with pytest.raises(TicketOverflow, match="exam_room field has 2 digits, but 127 needs 3"):
        pattern.make(PARTS)


@pytest.mark.parametrize("setting, says", [
    ([{"field": "room", "width": 2}], "no seat field"),
    ([{"field": "seat", "width": 0}], "width 0"),
    ([{"field": "candidate", "width": 4}, {"field": "seat", "width": 2}], "field candidate"),
])
def test_a_broken_pattern_is_refused(setting, says):
    with pytest.raises(PlanProblem, match=says):
        TicketPattern.from_setting(setting)
