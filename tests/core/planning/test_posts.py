"""Posts are staffed by the right roles, evenly, never twice a session; supplies round up."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

import pytest

from examdesk.enums import Gender, PostKind, StaffRole
from examdesk.errors import BadInput
from examdesk.planning.duty_plan import (
    Duty,
    DutyCenter,
    DutyKind,
    DutyPost,
    DutySession,
    DutyStaff,
    RosterSettings,
)
from examdesk.planning.plan import PlanIssue, Severity
from examdesk.planning.posts import (
    DEFAULT_POST_ROLES,
    DEFAULT_SUPPLY_RULES,
    Coverage,
    SupplyLine,
    SupplyRule,
    compute_supplies,
    fill_posts,
)

A, B = 1, 2  # test centers
CENTERS = [DutyCenter(A, "01", "一中考点"), DutyCenter(B, "02", "二中考点")]
SESSIONS = [
    DutySession(10, "06-10 下午", "2023-06-10", 14 * 60),
    DutySession(11, "06-11 上午", "2023-06-11", 9 * 60),
    DutySession(12, "06-11 下午", "2023-06-11", 14 * 60),
]
DEFAULTS = RosterSettings()


def people(first_id: int, count: int, role: StaffRole, center: int | None = A,
           ) -> list[DutyStaff]:
    """``count`` people holding ``role`` at ``center``, ids from ``first_id``."""
    return [DutyStaff(i, f"{role.value}{i}", Gender.FEMALE, home_center_id=center,
                      roles=frozenset({role})) for i in range(first_id, first_id + count)]


def medical_post(headcount: int = 1, center: int = A, post_id: int = 1) -> DutyPost:
    return DutyPost(post_id, center, PostKind.MEDICAL, "医疗急救点", headcount)


def desk(headcount: int, post_id: int = 2, center: int = A) -> DutyPost:
    return DutyPost(post_id, center, PostKind.SERVICE_DESK, "考生服务咨询台", headcount)


def fill(posts: Sequence[DutyPost], staff: Sequence[DutyStaff], busy: Sequence[Duty] = (),
         settings: RosterSettings = DEFAULTS, sessions: Sequence[DutySession] = SESSIONS,
         ) -> tuple[tuple[Duty, ...], tuple[Coverage, ...], tuple[PlanIssue, ...]]:
    return fill_posts(posts, sessions, staff, busy, settings, centers=CENTERS)


def staffed(duties: Sequence[Duty], post_id: int, session_id: int) -> set[int]:
    return {d.staff_id for d in duties if d.post_id == post_id and d.session_id == session_id}


# --- who may staff a post -------------------------------------------------------------------


def test_every_post_kind_has_default_roles() -> None:
    assert set(DEFAULT_POST_ROLES) == set(PostKind)
    assert DEFAULT_POST_ROLES[PostKind.TEMP_ID_DESK] == {StaffRole.POLICE}
    assert DEFAULT_POST_ROLES[PostKind.ITEM_STORAGE] == {StaffRole.VOLUNTEER}


def test_a_post_takes_its_headcount_of_its_centers_people_with_its_role() -> None:
    staff = [*people(1, 3, StaffRole.MEDICAL), *people(10, 5, StaffRole.VOLUNTEER),
             *people(20, 3, StaffRole.MEDICAL, center=B)]
    duties, coverage, issues = fill([medical_post(2)], staff)
    for session in SESSIONS:
        assert len(staffed(duties, 1, session.id)) == 2
        assert staffed(duties, 1, session.id) <= {1, 2, 3}
    assert all(d.kind is DutyKind.POST and d.role is StaffRole.MEDICAL and d.center_id == A
               for d in duties)
    assert coverage == tuple(Coverage(1, s.id, 2, 2) for s in SESSIONS)
    assert issues == ()


def test_a_post_naming_roles_overrides_the_default() -> None:
    staff = [*people(1, 2, StaffRole.POLICE), *people(10, 2, StaffRole.VOLUNTEER)]
    guarded = replace(desk(1), roles=frozenset({StaffRole.POLICE}))
    duties, _, _ = fill([guarded], staff)
    assert {d.staff_id for d in duties} <= {1, 2}
    assert {d.role for d in duties} == {StaffRole.POLICE}


def test_candidates_and_people_busy_in_the_session_are_left_out() -> None:
    staff = [*people(1, 3, StaffRole.VOLUNTEER),
             DutyStaff(9, "考生", Gender.MALE, home_center_id=A,
                       roles=frozenset({StaffRole.VOLUNTEER}), is_candidate=True)]
    busy = [Duty(1, 11, A, DutyKind.POST, StaffRole.VOLUNTEER, post_id=99)]
    duties, _, _ = fill([desk(2)], staff, busy)
    assert staffed(duties, 2, 11) == {2, 3}
    assert 9 not in {d.staff_id for d in duties}


def test_a_locked_post_duty_counts_and_only_the_rest_is_filled() -> None:
    staff = people(1, 4, StaffRole.VOLUNTEER)
    locked = [Duty(4, s.id, A, DutyKind.POST, StaffRole.VOLUNTEER, post_id=2, locked=True)
              for s in SESSIONS]
    duties, coverage, issues = fill([desk(2)], staff, locked)
    assert all(len(staffed(duties, 2, s.id)) == 1 for s in SESSIONS)
    assert 4 not in {d.staff_id for d in duties}  # returned duties are the new ones only
    assert {c.filled for c in coverage} == {2}
    assert issues == ()


def test_other_centers_staff_only_when_allowed_and_homeless_staff_anywhere() -> None:
    staff = [*people(1, 1, StaffRole.MEDICAL), *people(20, 2, StaffRole.MEDICAL, center=B)]
    duties, _, issues = fill([medical_post(2)], staff)
    assert {d.staff_id for d in duties} == {1}
    assert len(issues) == 3
    duties, _, issues = fill([medical_post(2)], staff,
                             settings=RosterSettings(cross_center=True))
    assert all(len(staffed(duties, 1, s.id)) == 2 for s in SESSIONS)
    assert issues == ()
    homeless = people(30, 1, StaffRole.MEDICAL, center=None)
    duties, _, issues = fill([medical_post(2)], [*staff, *homeless])
    assert all(staffed(duties, 1, s.id) == {1, 30} for s in SESSIONS)


def test_a_center_lends_only_the_people_its_own_posts_leave_free() -> None:
    # A is a doctor short; B has exactly its two: helping A would empty half of B's post
    staff = [*people(1, 1, StaffRole.MEDICAL), *people(20, 2, StaffRole.MEDICAL, center=B),
             *people(30, 1, StaffRole.MEDICAL, center=B)]
    posts = [medical_post(2, A, 1), medical_post(3, B, 2)]
    duties, coverage, issues = fill(posts, staff, settings=RosterSettings(cross_center=True))
    assert {(c.post_id, c.filled) for c in coverage} == {(1, 1), (2, 3)}
    assert all(d.center_id == B for d in duties if d.staff_id >= 20)
    assert {i.center for i in issues} == {"01"}


def test_outsiders_stay_at_one_center_for_the_day() -> None:
    # two homeless doctors; 30 is locked at center B in the morning, so in the afternoon
    # center A takes 31 again (there since the morning) and B keeps 30, whatever the seed
    staff = people(30, 2, StaffRole.MEDICAL, center=None)
    posts = [medical_post(1, A, 1), medical_post(1, B, 2)]
    locked = [Duty(30, 11, B, DutyKind.POST, StaffRole.MEDICAL, post_id=2, locked=True)]
    for seed in range(6):
        duties, _, issues = fill(posts, staff, locked, RosterSettings(seed=seed),
                                 sessions=SESSIONS[1:])
        assert issues == ()
        assert {(d.staff_id, d.center_id) for d in duties} == {(31, A), (30, B)}


# --- load and the session cap -----------------------------------------------------------------


def test_post_only_staff_work_every_session_but_invigilators_keep_their_cap() -> None:
    doctor = people(1, 1, StaffRole.MEDICAL)[0]
    both = DutyStaff(2, "监考兼医生", Gender.MALE, home_center_id=A,
                     roles=frozenset({StaffRole.MEDICAL, StaffRole.INVIGILATOR}))
    room = [Duty(2, 10, A, DutyKind.ROOM, StaffRole.INVIGILATOR, room_id=5)]
    duties, _, _ = fill([medical_post(2)], [doctor, both], room)
    assert Counter(d.staff_id for d in duties) == {1: 3, 2: 1}  # cap 2: the room + one post


def test_sessions_are_spread_evenly() -> None:
    staff = people(1, 6, StaffRole.VOLUNTEER)
    sessions = [*SESSIONS, DutySession(13, "06-12 上午", "2023-06-12", 9 * 60)]
    duties, _, _ = fill([desk(3)], staff, sessions=sessions)
    assert Counter(d.staff_id for d in duties) == dict.fromkeys(range(1, 7), 2)


def test_a_person_with_two_roles_goes_where_nobody_else_can() -> None:
    both = DutyStaff(1, "医生志愿者", Gender.MALE, home_center_id=A,
                     roles=frozenset({StaffRole.MEDICAL, StaffRole.VOLUNTEER}))
    staff = [both, *people(10, 3, StaffRole.VOLUNTEER)]
    for seed in range(4):
        duties, _, issues = fill([desk(3), medical_post(1, post_id=9)], staff,
                                 settings=RosterSettings(seed=seed))
        assert issues == ()
        assert all(staffed(duties, 9, s.id) == {1} for s in SESSIONS)


def test_the_same_inputs_give_the_same_duties_whatever_their_order() -> None:
    staff = [*people(1, 9, StaffRole.VOLUNTEER), *people(20, 4, StaffRole.MEDICAL)]
    posts = [desk(2), medical_post(1), replace(desk(3), id=3, kind=PostKind.ROUTE_GUIDANCE)]
    first = fill(posts, staff)
    shuffled = staff[:]
    random.Random(5).shuffle(shuffled)
    assert fill(posts[::-1], shuffled, sessions=SESSIONS[::-1]) == first
    other_seed = fill(posts, staff, settings=RosterSettings(seed=1))
    assert other_seed[1] == first[1]  # the same coverage, by other people
    assert other_seed[0] != first[0]


def test_random_centers_keep_every_rule() -> None:
    rng = random.Random(3)
    roles = [StaffRole.VOLUNTEER, StaffRole.MEDICAL, StaffRole.POLICE, StaffRole.INVIGILATOR]
    staff = [DutyStaff(i, f"p{i}", Gender.MALE, home_center_id=rng.choice([A, B, None]),
                       roles=frozenset(rng.sample(roles, rng.randint(1, 2))),
                       is_candidate=rng.random() < 0.05) for i in range(1, 80)]
    busy = [Duty(p.id, s.id, p.home_center_id or A, DutyKind.ROOM, StaffRole.INVIGILATOR,
                 room_id=1) for p in staff if StaffRole.INVIGILATOR in p.roles
            for s in rng.sample(SESSIONS, rng.randint(1, 2))]
    posts = [DutyPost(i, center, kind, kind.value, rng.randint(1, 4))
             for i, (center, kind) in enumerate(
                 [(c, k) for c in (A, B) for k in PostKind if k is not PostKind.POWER], 1)]
    by_id = {p.id: p for p in staff}
    post_by_id = {p.id: p for p in posts}
    for cross in (False, True):
        duties, coverage, _ = fill(posts, staff, busy, RosterSettings(cross_center=cross))
        assert max(Counter((d.staff_id, d.session_id) for d in (*duties, *busy)).values()) == 1
        for d in duties:
            person, post = by_id[d.staff_id], post_by_id[d.post_id or 0]
            assert not person.is_candidate
            assert d.role in person.roles & DEFAULT_POST_ROLES[post.kind]
            assert cross or person.home_center_id in (None, post.center_id)
        for person in staff:
            own = [d for d in (*duties, *busy) if d.staff_id == person.id]
            if any(d.kind is DutyKind.ROOM for d in own):
                assert len({d.session_id for d in own}) <= 2
        assert all(c.filled <= c.required for c in coverage)
        assert sum(c.filled for c in coverage) == len(duties)


# --- what is reported -------------------------------------------------------------------------


def test_a_short_post_says_how_many_and_who_the_center_has() -> None:
    staff = people(1, 1, StaffRole.MEDICAL)
    _, coverage, issues = fill([medical_post(3)], staff, sessions=SESSIONS[1:2])
    assert coverage == (Coverage(1, 11, 3, 1),)
    (issue,) = issues
    assert issue.code == "post-short"
    assert issue.message == ("test center 01 医疗急救点 (06-11 上午): 1 of 3 people; "
                             "the center has 1 医务人员 free")
    assert issue.fix == "add 医务人员 to test center 01 or allow other centers' staff"
    assert issue.severity is Severity.WARNING
    assert issue.center == "01"


def test_an_empty_post_is_an_error_and_people_at_other_posts_are_counted() -> None:
    staff = people(1, 2, StaffRole.VOLUNTEER)
    posts = [desk(2), replace(desk(1), id=3, kind=PostKind.WATER_SUPPLIES, label="饮水点")]
    _, _, issues = fill(posts, staff, sessions=SESSIONS[1:2],
                        settings=RosterSettings(cross_center=True))
    (issue,) = issues
    assert issue.message == ("test center 01 饮水点 (06-11 上午): 0 of 1 people; the center has "
                             "2 志愿者 free, 2 of them at its other posts")
    assert issue.fix == "add 志愿者 to test center 01: no other center has any free"
    assert issue.is_error


# --- supplies -------------------------------------------------------------------------------


def quantities(lines: Sequence[SupplyLine], center_id: int = A) -> dict[str, int]:
    return {line.item: line.quantity for line in lines if line.center_id == center_id}


def test_supplies_of_a_center_of_600_candidates_and_50_staff() -> None:
    lines = compute_supplies({A: 600}, DEFAULT_SUPPLY_RULES, staff={A: 50})
    assert quantities(lines) == {
        "饮用水": 650, "口罩": 300, "2B铅笔": 30, "黑色签字笔": 30, "橡皮": 12,
        "急救箱": 2, "AED": 1, "临时身份证明表": 12, "物品存放袋": 600,
    }
    water = next(line for line in lines if line.item == "饮用水")
    assert (water.post_kind, water.unit) == (PostKind.WATER_SUPPLIES, "瓶")


def test_supplies_round_up_but_not_from_float_error() -> None:
    rules = [SupplyRule(PostKind.SERVICE_DESK, "铅笔", "支", per_candidates=0.05),
             SupplyRule(PostKind.SERVICE_DESK, "笔", "支", per_candidates=0.07)]
    assert quantities(compute_supplies({A: 31}, rules)) == {"铅笔": 2, "笔": 3}  # 1.55, 2.17
    assert quantities(compute_supplies({A: 100}, rules)) == {"铅笔": 5, "笔": 7}  # 7.000…01


def test_fixed_items_come_whatever_the_size_and_empty_lines_are_left_out() -> None:
    lines = compute_supplies({A: 0, B: 30}, DEFAULT_SUPPLY_RULES)
    assert quantities(lines, A) == {"急救箱": 2, "AED": 1}
    assert quantities(lines, B)["急救箱"] == 2
    assert [line.center_id for line in lines] == sorted(line.center_id for line in lines)


def test_editing_a_ratio_changes_the_quantity() -> None:
    rules = [replace(rule, per_candidates=1.0) if rule.item == "口罩" else rule
             for rule in DEFAULT_SUPPLY_RULES]
    assert quantities(compute_supplies({A: 600}, rules))["口罩"] == 600


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(BadInput, match="口罩"):
        SupplyRule(PostKind.WATER_SUPPLIES, "口罩", "个", per_candidates=-0.5)
    with pytest.raises(BadInput):
        compute_supplies({A: -1}, DEFAULT_SUPPLY_RULES)
