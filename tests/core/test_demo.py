"""The demo exam is the reference exam of docs/domain.md, and loads whole or not at all."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from examdesk import idcard
from examdesk.errors import BadInput
from examdesk.model import (
    AuditEvent,
    Candidate,
    Exam,
    ExamSession,
    Level,
    Room,
    Staff,
    StaffRelative,
    StaffRole,
    StaffRoleAssignment,
    TestCenter,
)
from examdesk.progress import OperationCancelled
from examdesk.services import demo, stats


def test_the_demo_is_the_zhoukou_reference_exam(demo_db):
    with demo_db.begin() as session:
        counts = stats.collect(session)
        assert (counts.exams, counts.sessions, counts.centers) == (1, 4, 5)
        assert counts.rooms == 205 and counts.spare_rooms == 5
        assert counts.seats == 6000 and counts.candidates == 6000
        assert counts.staff == 650 and counts.posts == 5 * 11  # the 11 standard posts
        by_level = dict(session.execute(
            select(Level.short_name, func.count(Candidate.id)).join(Candidate.level)
            .group_by(Level.short_name)).all())
        assert by_level == {"初级": 3600, "中级": 2400}
        timetable = {s.code: (s.date.isoformat(), s.start_time.strftime("%H:%M"),
                              s.end_time.strftime("%H:%M"), sorted(x.name for x in s.subjects))
                     for s in session.scalars(select(ExamSession))}
        assert timetable["S1"] == ("2023-06-10", "14:00", "16:00", ["社会工作法规与政策"])
        assert timetable["S4"] == ("2023-06-11", "14:00", "16:30", ["社会工作实务(中级)"])
        assert timetable["S2"][3] == ["社会工作综合能力(中级)", "社会工作综合能力(初级)"]


def test_demo_people_are_realistic(demo_db):
    with demo_db.begin() as session:
        numbers = session.scalars(select(Candidate.id_number)).all()
        assert all(idcard.is_valid(n) for n in numbers)
        first = session.scalars(select(Candidate).where(
            Candidate.registration_no == "20234116000001")).one()
        assert (first.name, first.work_unit) == ("谢萍", "项城市第4初级中学")
        assert first.birth_date.isoformat() == "1969-10-02"
        assert len(first.subjects) == 3
        roles = Counter(session.scalars(select(StaffRoleAssignment.role)))
        assert roles[StaffRole.INVIGILATOR] == 480 and roles[StaffRole.CHIEF_EXAMINER] == 5
        assert session.scalar(select(func.count()).select_from(StaffRelative)) == 14
        homeless = session.scalar(select(func.count(Staff.id)).where(
            Staff.home_center_id.is_(None)))
        assert homeless == 0
        accessible = session.scalar(select(func.count(Room.id)).where(Room.accessible))
        assert accessible == 5


def test_loading_is_attributed_to_the_user(demo_db):
    with demo_db.begin() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "demo.load")).one()
        assert event.actor == "tester"
        assert event.details["candidates"] == 6000


def test_the_demo_is_not_loaded_twice_unless_replaced(db, actor):
    with db.begin() as session:
        demo.load_demo(session, actor)
    with pytest.raises(BadInput, match="already loaded") as refused, db.begin() as session:
        demo.load_demo(session, actor)
    assert refused.value.code == "demo-loaded"
    with db.begin() as session:
        demo.load_demo(session, actor, replace=True)
    with db.begin() as session:
        assert stats.collect(session).candidates == 6000
        assert session.scalar(select(func.count(Exam.id))) == 1


def test_scale_repeats_the_district_per_city_with_distinct_people(db, actor):
    with db.begin() as session:
        summary = demo.load_demo(session, actor, scale=2)
    assert (summary.centers, summary.rooms, summary.candidates) == (10, 410, 12000)
    with db.begin() as session:
        numbers = session.scalars(select(Candidate.id_number)).all()
        assert len(set(numbers)) == 12000 and all(idcard.is_valid(n) for n in numbers)
        names = set(session.scalars(select(TestCenter.name)))
        assert "周口技师学院" in names and "郑州技师学院" in names
        codes = sorted(session.scalars(select(TestCenter.code)))
        assert codes == [f"{i:02d}" for i in range(1, 11)]
        relatives = set(session.scalars(select(StaffRelative.id_number)))
        # the relatives of the Zhengzhou copy are Zhengzhou candidates
        assert all(n in set(numbers) for n in relatives if n.startswith("4101"))


@pytest.mark.parametrize("scale", [0, 18])
def test_scale_out_of_range_is_refused(db, actor, scale):
    with pytest.raises(BadInput, match="between 1 and 17"), db.begin() as session:
        demo.load_demo(session, actor, scale=scale)


def test_a_cancelled_load_writes_nothing(db, actor):
    calls = []

    def cancel_after_first_batch() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(OperationCancelled), db.begin() as session:
        demo.load_demo(session, actor, cancelled=cancel_after_first_batch)
    with db.begin() as session:
        counts = stats.collect(session)
        assert (counts.exams, counts.centers, counts.candidates) == (0, 0, 0)


def test_progress_is_reported_up_to_the_total(db, actor):
    seen = []
    with db.begin() as session:
        demo.load_demo(session, actor, progress=lambda d, t, m: seen.append((d, t, m)))
    candidate_steps = [(d, t) for d, t, m in seen if m == "Adding candidates"]
    assert candidate_steps[-1] == (6000, 6000)
    assert [d for d, _ in candidate_steps] == sorted(d for d, _ in candidate_steps)
