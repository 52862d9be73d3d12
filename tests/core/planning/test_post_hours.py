"""A post is staffed in the sessions its center holds, once per start time, and its people
report at the post's own hours."""

from __future__ import annotations

from dataclasses import replace

import pytest

from examdesk.enums import Gender, PostKind, StaffRole
from examdesk.errors import BadInput
from examdesk.planning.duty_plan import (
    Duty,
    DutyKind,
    DutyPost,
    DutySession,
    DutyStaff,
    RosterSettings,
)
from examdesk.planning.post_hours import (
    BRIEFING_LEAD,
    clock,
    held_sessions,
    post_shifts,
    report_minutes,
    serves,
)
from examdesk.planning.post_templates import (
    DEFAULT_POST_TEMPLATES,
    PostChange,
    StandardPost,
    SupplyAmount,
)
from examdesk.planning.posts import DEFAULT_POST_ROLES, fill_posts

A, B = 1, 2  # test centers: A seats 初级 only, B 中级 only (the demo's two kinds)
S1 = DutySession(1, "6月10日下午 法规与政策", "2023-06-10", 14 * 60, frozenset({20}), 16 * 60)
S2 = DutySession(2, "6月11日上午 综合能力", "2023-06-11", 9 * 60, frozenset({10, 20}), 11 * 60)
S3 = DutySession(3, "6月11日下午 实务(初级)", "2023-06-11", 14 * 60, frozenset({10}), 16 * 60)
S4 = DutySession(4, "6月11日下午 实务(中级)", "2023-06-11", 14 * 60, frozenset({20}),
                 16 * 60 + 30)
SESSIONS = (S1, S2, S3, S4)
ROOMS = {10: A, 20: B}
HELD = held_sessions(SESSIONS, ROOMS)


def post(post_id: int, center: int, opens: str | None = "07:00", closes: str | None = "17:30",
         kind: PostKind = PostKind.POWER, headcount: int = 1) -> DutyPost:
    def minutes(text: str | None) -> int | None:
        return None if text is None else int(text[:2]) * 60 + int(text[3:])

    return DutyPost(post_id, center, kind, kind.value, headcount, opens=minutes(opens),
                    closes=minutes(closes))


def test_a_center_holds_the_sessions_its_rooms_are_in_use() -> None:
    assert {A: {2, 3}, B: {1, 2, 4}} == HELD


def test_a_post_is_staffed_only_in_the_sessions_its_center_holds() -> None:
    shifts = post_shifts([post(1, A), post(2, B)], SESSIONS, HELD, BRIEFING_LEAD)
    # the 初级-only center has no shift on the 中级-only afternoon of 6月10日
    assert [s.sessions for s in shifts[1]] == [(2,), (3,)]
    # the 中级-only center's afternoon shift is filed under its own 中级 session, S4
    assert [s.sessions for s in shifts[2]] == [(1,), (2,), (4,)]
    assert [s.session_id for s in shifts[2]] == [1, 2, 4]
    # sessions starting together are one time slot, whatever the center holds of it
    assert shifts[2][2].slot == (3, 4)


def test_sessions_starting_together_are_one_shift_at_a_center_holding_both() -> None:
    both = {A: {2, 3, 4}}
    (_morning, afternoon) = post_shifts([post(1, A)], SESSIONS, both, BRIEFING_LEAD)[1]
    assert afternoon.sessions == (3, 4) and afternoon.session_id == 3


def test_a_center_holding_no_session_has_no_shift() -> None:
    assert post_shifts([post(1, 99)], SESSIONS, HELD, BRIEFING_LEAD) == {1: ()}


@pytest.mark.parametrize(("opens", "start", "expected"), [
    ("07:00", "09:00", "07:00"),  # the exam's earliest session: the post's opening time
    ("07:00", "14:00", "12:00"),  # a later one: the same lead before it
    ("07:30", "14:00", "12:30"),
    ("06:30", "14:00", "11:30"),
    ("13:00", "14:00", "13:00"),  # a post opening after the earliest session: its opening
    (None, "09:00", "08:00"),  # no hours: with the invigilators, T-60
    (None, "14:00", "13:00"),
])
def test_report_time_follows_the_posts_own_hours(opens: str | None, start: str,
                                                 expected: str) -> None:
    def minutes(text: str) -> int:
        return int(text[:2]) * 60 + int(text[3:])

    reported = report_minutes(None if opens is None else minutes(opens), minutes(start),
                              9 * 60, BRIEFING_LEAD)
    assert clock(reported) == expected


def test_each_shift_reports_at_its_own_time() -> None:
    shifts = post_shifts([post(1, B, opens="07:00")], SESSIONS, HELD, BRIEFING_LEAD)[1]
    assert [clock(s.report) for s in shifts] == ["12:00", "07:00", "12:00"]


def test_a_post_closed_during_a_session_is_not_staffed_in_it() -> None:
    morning_only = post(1, A, opens="07:30", closes="11:30")
    afternoon_only = post(2, A, opens="13:00", closes="17:00")
    shifts = post_shifts([morning_only, afternoon_only], SESSIONS, HELD, BRIEFING_LEAD)
    assert [s.sessions for s in shifts[1]] == [(2,)]
    assert [s.sessions for s in shifts[2]] == [(3,)]
    assert serves(post(3, A, opens=None, closes=None), S2)


def test_filling_staffs_a_post_only_in_its_sessions() -> None:
    staff = [DutyStaff(i, f"p{i}", Gender.MALE, home_center_id=A,
                       roles=frozenset({StaffRole.POWER})) for i in (1, 2)]
    limited = replace(post(1, A), sessions=frozenset({2, 3}))
    duties, coverage, issues = fill_posts([limited], list(SESSIONS), staff, (),
                                          RosterSettings())
    assert {d.session_id for d in duties} == {2, 3}
    assert {c.session_id for c in coverage} == {2, 3} and not issues


def test_a_busy_invigilator_is_not_given_a_post_in_the_same_session() -> None:
    both = DutyStaff(1, "p1", Gender.MALE, home_center_id=A,
                     roles=frozenset({StaffRole.INVIGILATOR, StaffRole.VOLUNTEER}))
    busy = [Duty(1, 2, A, DutyKind.ROOM, StaffRole.INVIGILATOR, room_id=10)]
    desk = post(1, A, kind=PostKind.SERVICE_DESK)
    duties, _coverage, issues = fill_posts([desk], [S2], [both], busy, RosterSettings())
    assert duties == () and issues[0].code == "post-short"


# --- the standard posts ------------------------------------------------------------------


def test_the_strong_room_and_the_exam_office_are_staffed_by_the_centers_own_roles() -> None:
    assert DEFAULT_POST_ROLES[PostKind.STRONG_ROOM] == {StaffRole.CONFIDENTIAL}
    assert DEFAULT_POST_ROLES[PostKind.EXAM_OFFICE] == {
        StaffRole.CHIEF_EXAMINER, StaffRole.DEPUTY_CHIEF, StaffRole.EXAM_OFFICE}
    assert DEFAULT_POST_ROLES[PostKind.SECURITY] == {StaffRole.POLICE}


def test_the_standard_posts_cover_every_kind_once() -> None:
    assert sorted(t.kind for t in DEFAULT_POST_TEMPLATES) == sorted(PostKind)
    strong_room = next(t for t in DEFAULT_POST_TEMPLATES if t.kind is PostKind.STRONG_ROOM)
    assert strong_room.headcount >= 2  # docs/posts.md: never fewer than two at a time


def test_a_change_keeps_what_it_does_not_name() -> None:
    medical = StandardPost(PostKind.MEDICAL, place="医务室", headcount=3,
                           supplies=(SupplyAmount("急救箱", 2, "个"),))
    changed = PostChange(headcount=4).applied(medical)
    assert (changed.place, changed.headcount, changed.supplies) == (
        "医务室", 4, medical.supplies)
    assert PostChange(hours=(None, None)).applied(medical).opens is None
    assert PostChange().empty and not PostChange(place="").empty


@pytest.mark.parametrize("change", [
    PostChange(headcount=-1), PostChange(headcount=100),
    PostChange(supplies=(SupplyAmount("急救箱", -1, "个"),)),
    PostChange(supplies=(SupplyAmount("急救箱", 1, "个"), SupplyAmount("急救箱", 2, "个"))),
])
def test_values_no_post_can_have_are_refused(change: PostChange) -> None:
    with pytest.raises(BadInput):
        change.applied(StandardPost(PostKind.MEDICAL))
