"""A user's own exam has posts: standard posts from the exam's templates, changed one by one,
staffed in the sessions their centers hold, with the same report times on every sheet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import time

import pytest
from sqlalchemy import delete, func, select, update

from examdesk.db import Database, open_database
from examdesk.enums import PostKind, StaffRole
from examdesk.errors import BadInput
from examdesk.model import AuditEvent, Duty, Exam, Post, PostSupply, TestCenter
from examdesk.planning.post_templates import (
    DEFAULT_POST_TEMPLATES,
    PostChange,
    SupplyAmount,
)
from examdesk.services import roster, seating
from examdesk.services.audit import Actor
from examdesk.services.duties import fill_exam_posts
from examdesk.services.exams import ExamRef, resolve_exam
from examdesk.services.posts import (
    LockedPostDuties,
    add_post,
    center_posts,
    edit_post,
    init_posts,
    post_problems,
    post_templates,
    remove_post,
    remove_post_template,
    set_post_template,
)
from examdesk.services.printing_center import center_summaries
from examdesk.services.printing_staff import duty_cards, duty_sheets, post_rosters

ACTOR = Actor("tester")


@pytest.fixture
def own(own_exam_copy_url: str) -> Iterator[Database]:
    """A user's own exam (sample workbooks imported), to change; nothing allocated."""
    database = open_database(own_exam_copy_url)
    yield database
    database.close()


@pytest.fixture
def staffed(own: Database) -> Database:
    """The own exam allocated, rostered (3 sessions a person) and its posts staffed."""
    with own.write() as session:
        exam = resolve_exam(session)
        seating.allocate_exam(session, ACTOR, exam, seed=1)
        session.execute(update(Exam).values(max_sessions_per_invigilator=3))
        roster.roster_exam(session, ACTOR, exam, seed=1)
        fill_exam_posts(session, ACTOR, exam)
    return own


def exam_of(database: Database) -> ExamRef:
    with database.begin() as session:
        return resolve_exam(session)


def test_a_new_exam_has_the_standard_posts_as_templates(empty_exam) -> None:
    with empty_exam.db.begin() as session:
        assert post_templates(session, empty_exam.exam) == DEFAULT_POST_TEMPLATES


def test_imported_centers_get_the_standard_posts(own_exam_url: str) -> None:
    database = open_database(own_exam_url)
    try:
        with database.begin() as session:
            rows = center_posts(session, resolve_exam(session))
    finally:
        database.close()
    assert len(rows) == 5 * len(DEFAULT_POST_TEMPLATES)
    # a post lists its supplies by item
    standard = [replace(t, supplies=tuple(sorted(t.supplies, key=lambda s: s.item)))
                for t in DEFAULT_POST_TEMPLATES]
    for code in ("01", "02", "03", "04", "05"):
        assert [r.post for r in rows if r.center == code] == standard


def test_posts_init_adds_only_what_a_center_lacks(own: Database) -> None:
    exam = exam_of(own)
    with own.write() as session:
        edit_post(session, ACTOR, exam, "01", PostKind.MEDICAL, "", PostChange(place="校医院"))
        remove_post(session, ACTOR, exam, "02", PostKind.POWER, "")
        set_post_template(session, ACTOR, exam, PostKind.SERVICE_DESK, "东门",
                          PostChange(place="东门内侧", headcount=1))
    with own.write() as session:
        assert init_posts(session, ACTOR, exam, center="02") == 2  # power, 东门 desk
        assert init_posts(session, ACTOR, exam) == 4  # 东门 desk at the four others
        assert init_posts(session, ACTOR, exam) == 0
        rows = center_posts(session, exam)
        medical = next(r for r in rows if r.center == "01" and r.post.kind is PostKind.MEDICAL)
        events = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert medical.post.place == "校医院"  # an existing post is never overwritten
    assert len(rows) == 5 * 12
    assert events[-6:] == ["posts.edit", "posts.remove", "posts.template.set", "posts.init",
                           "posts.init", "posts.init"]


def test_a_post_is_added_changed_and_removed_at_one_center(own: Database) -> None:
    exam = exam_of(own)
    with own.write() as session:
        added = add_post(session, ACTOR, exam, "03", PostKind.SERVICE_DESK, "东门",
                         PostChange(place="东门内侧", hours=(time(7, 30), time(12, 0)),
                                    headcount=2, phone="13800000000"))
        changed = edit_post(session, ACTOR, exam, "03", PostKind.SERVICE_DESK, "东门",
                            PostChange(name="东门服务台", headcount=3,
                                       roles=frozenset({StaffRole.VOLUNTEER}),
                                       supplies=(SupplyAmount("饮用水", 20, "瓶"),)))
        row = session.scalar(select(Post).where(Post.name == "东门服务台"))
        assert row is not None and row.roles == ["volunteer"] and row.phone == "13800000000"
        assert session.scalars(select(PostSupply.item).where(PostSupply.post_id == row.id)
                               ).all() == ["饮用水"]
        remove_post(session, ACTOR, exam, "03", PostKind.SERVICE_DESK, "东门服务台")
        assert session.scalar(select(func.count()).select_from(Post)
                              .where(Post.name == "东门服务台")) == 0
    assert (added.post.place, added.post.headcount) == ("东门内侧", 2)
    assert (changed.post.name, changed.post.headcount, changed.post.place) == (
        "东门服务台", 3, "东门内侧")


@pytest.mark.parametrize(("call", "message"), [
    (lambda s, e: add_post(s, ACTOR, e, "01", PostKind.MEDICAL, "", PostChange()),
     "already has the post 医疗急救点"),
    (lambda s, e: edit_post(s, ACTOR, e, "01", PostKind.MEDICAL, "西门", PostChange(place="x")),
     "has no post 医疗急救点 西门"),
    (lambda s, e: edit_post(s, ACTOR, e, "01", PostKind.MEDICAL, "", PostChange()),
     "Say what to change"),
    (lambda s, e: edit_post(s, ACTOR, e, "01", PostKind.MEDICAL, "",
                            PostChange(hours=(time(17), time(7)))), "must end after"),
    (lambda s, e: edit_post(s, ACTOR, e, "09", PostKind.MEDICAL, "", PostChange(place="x")),
     "has the code 09"),
    (lambda s, e: set_post_template(s, ACTOR, e, PostKind.MEDICAL, "",
                                    PostChange(phone="1")), "phone of each center"),
    (lambda s, e: remove_post_template(s, ACTOR, e, PostKind.MEDICAL, "西门"),
     "no standard post 医疗急救点 西门"),
])
def test_bad_changes_are_refused_and_change_nothing(own: Database, call, message) -> None:
    exam = exam_of(own)
    with own.write() as session:
        before = center_posts(session, exam), post_templates(session, exam)
        with pytest.raises(BadInput, match=message):
            call(session, exam)
        assert (center_posts(session, exam), post_templates(session, exam)) == before


def test_a_post_with_duties_set_by_hand_is_removed_only_when_told(staffed: Database) -> None:
    exam = exam_of(staffed)
    with staffed.write() as session:
        medical = session.scalar(select(Post.id).join(TestCenter).where(
            TestCenter.code == "01", Post.kind == PostKind.MEDICAL))
        session.execute(update(Duty).where(Duty.post_id == medical).values(locked=True))
    with staffed.write() as session, pytest.raises(LockedPostDuties, match="set by hand"):
        remove_post(session, ACTOR, exam, "01", PostKind.MEDICAL, "")
    with staffed.write() as session:
        assert remove_post(session, ACTOR, exam, "01", PostKind.MEDICAL, "", force=True) == 6
        assert session.scalar(select(func.count()).select_from(Duty)
                              .where(Duty.post_id == medical)) == 0


def test_the_own_exam_is_fully_staffed(staffed: Database) -> None:
    with staffed.begin() as session:
        exam = resolve_exam(session)
        assert post_problems(session, exam) == ()
        result = fill_exam_posts(session, ACTOR, exam)
        assert not result.issues
        assert all(c.filled == c.required for c in result.coverage)
        # 01-03 seat only 初级 (2 shifts), 04-05 only 中级 (3 shifts): 11 posts each
        assert len(result.coverage) == 11 * (3 * 2 + 2 * 3)


def test_post_problems_report_the_staffing_as_it_stands(staffed: Database) -> None:
    exam = exam_of(staffed)
    with staffed.write() as session:
        first = session.execute(select(Post.id).join(TestCenter).where(
            TestCenter.code == "01").order_by(Post.id)).scalars().all()
        desk, water, medical = first[0], first[1], first[4]
        # one of the desk's volunteers leaves, the water point is left empty
        one = session.scalar(select(Duty.id).where(Duty.post_id == desk).limit(1))
        session.execute(delete(Duty).where(Duty.id == one))
        session.execute(delete(Duty).where(Duty.post_id == water))
        # a doctor is sent to 01 on 6月10日, when it holds no exam
        doctor = session.execute(select(Duty).where(Duty.post_id == medical).limit(1)
                                 ).scalar_one()
        s1 = session.scalar(select(Duty.session_id).where(Duty.session_id != doctor.session_id)
                            .order_by(Duty.session_id).limit(1))
        doctor.session_id = s1
        # only police may guide candidates from now on, and volunteers still do
        edit_post(session, ACTOR, exam, "01", PostKind.ROUTE_GUIDANCE, "",
                  PostChange(roles=frozenset({StaffRole.POLICE})))
        # center 05 has no post at all
        session.execute(delete(Post).where(Post.center_id == session.scalar(
            select(TestCenter.id).where(TestCenter.code == "05"))))
    with staffed.begin() as session:
        issues = post_problems(session, exam)
    codes = sorted({(i.code, i.severity.value, i.center) for i in issues})
    assert ("post-short", "warning", "01") in codes  # desk: 3 of 4
    assert ("post-short", "error", "01") in codes  # water: nobody
    assert ("post-idle", "warning", "01") in codes
    assert ("post-wrong-role", "error", "01") in codes
    assert ("post-none", "warning", "05") in codes
    short = next(i for i in issues if i.code == "post-short" and not i.is_error)
    assert "3 of 4 people" in short.message and "staff the posts again" in short.fix
    assert [r.action for r in short.remedies] == ["staff-posts"]


def test_no_post_problem_before_anyone_is_on_duty(own: Database) -> None:
    with own.begin() as session:
        assert post_problems(session, resolve_exam(session)) == ()


# --- the sheets agree ----------------------------------------------------------------------


def test_duty_cards_name_no_session_the_center_does_not_hold(demo_db: Database) -> None:
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        cards = duty_cards(session, exam, center="01")
    # center 01 seats only 初级 candidates: nobody goes there on 6月10日 (S1, 中级 only)
    assert cards and all(d.session.day == "6月11日" for c in cards for d in c.duties)
    strong_room = [c for c in cards if any(d.duty == "保密室" for d in c.duties)]
    assert len(strong_room) == 2  # the center's two 保密员, every shift
    assert all(len(c.duties) == 2 for c in strong_room)


def _times(label: str) -> set[tuple[str, str]]:
    """The (day, time) pairs of a summary post line: ``... 报到：6月10日12:00； 6月11日07:00、
    12:00``."""
    pairs = set()
    for day_part in label.partition("报到：")[2].split("； "):
        day, _sep, times = day_part.partition("日")
        for clock in times.split("、"):
            pairs.add((f"{day}日", clock))
    return pairs


@pytest.mark.parametrize("center", ["01", "04"])
def test_report_times_agree_on_every_sheet(demo_db: Database, center: str) -> None:
    with demo_db.begin() as session:
        exam = resolve_exam(session)
        cards = duty_cards(session, exam, center=center)
        sheets = duty_sheets(session, exam, center=center)
        (roster_data,) = post_rosters(session, exam, center=center)
        (summary,) = center_summaries(session, exam, center=center)
    roster_times = {(post.kind, shift.session.code, shift.session.report_time)
                    for post in roster_data.posts for shift in post.shifts}
    kinds = {p.kind for p in roster_data.posts}
    card_times = {(d.duty, d.session.code, d.session.report_time)
                  for c in cards for d in c.duties if d.duty in kinds}
    # centers 01 and 04 hold one paper at a time: a shift is one session, one duty sheet
    sheet_times = {(p.post, s.session.code, p.report_time) for s in sheets for p in s.posts}
    assert card_times == roster_times == sheet_times
    # the posts' own hours, not the invigilators' T-60 (08:00 for the 09:00 paper)
    assert ("供电保障岗", "S2", "07:00") in roster_times
    assert ("考生服务咨询台", "S2", "07:30") in roster_times
    days = {s.session.code: s.session.day for s in sheets}
    for post, line in zip(roster_data.posts, summary.posts, strict=True):
        assert _times(line.label) == {(days[shift.session.code], shift.session.report_time)
                                      for shift in post.shifts}
