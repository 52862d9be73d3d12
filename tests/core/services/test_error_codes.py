"""The main errors of the core carry a stable code and the fields a face words its advice from
(the command line its command, a window its button), and name no command themselves."""

from __future__ import annotations

import pickle

import pytest
from sqlalchemy import delete

from examdesk.errors import BadInput, PlanProblem
from examdesk.model import Duty
from examdesk.services import demo, duties, exam_settings, roster
from examdesk.services.exams import resolve_exam


def test_choosing_the_exam(db, actor):
    with db.begin() as session, pytest.raises(BadInput) as none:
        resolve_exam(session)
    assert none.value.code == "no-exam" and "examdesk" not in str(none.value)
    with db.begin() as session:
        demo.load_demo(session, actor, exam_only=True)
        demo.load_demo(session, actor, scale=2, exam_only=True)
    with db.begin() as session, pytest.raises(BadInput) as several:
        resolve_exam(session)
    assert several.value.code == "exam-unchosen" and "--exam" not in str(several.value)
    assert set(several.value.fields["codes"]) == {"SW2023-ZK", "SW2023-HA"}
    with db.begin() as session, pytest.raises(BadInput) as unknown:
        resolve_exam(session, "SW1999")
    assert unknown.value.code == "exam-not-found" and unknown.value.fields["text"] == "SW1999"


def test_the_demo_and_the_settings_refuse_values_out_of_range(empty_exam, actor):
    with empty_exam.db.begin() as session, pytest.raises(BadInput) as scale:
        demo.load_demo(session, actor, scale=99)
    assert (scale.value.code, scale.value.fields["scale"]) == ("demo-scale", 99)
    assert "--scale" not in str(scale.value)
    for option, value in (("merge_tail", 11), ("max_sessions", 0), ("reserve_ratio", 1.5)):
        with empty_exam.db.begin() as session, pytest.raises(BadInput) as refused:
            exam_settings.change_settings(session, actor, empty_exam.exam, **{option: value})
        assert refused.value.code == "setting-out-of-range"
        assert (refused.value.fields["setting"], refused.value.fields["value"]) == (
            option, value)
        assert "--" not in str(refused.value)
        assert option not in str(refused.value) and option.replace("_", " ") not in str(
            refused.value)  # the setting in words, not its key


def test_the_roster_is_made_before_it_is_repaired_or_drawn(demo_copy, actor):
    with demo_copy.begin() as session:
        duties.forget_draws(session, resolve_exam(session))
        session.execute(delete(Duty))
    with demo_copy.begin() as session, pytest.raises(PlanProblem) as repair:
        roster.repair_exam_roster(session, actor, resolve_exam(session))
    assert repair.value.code == "no-roster" and "examdesk" not in str(repair.value)
    with demo_copy.begin() as session, pytest.raises(PlanProblem) as draw:
        duties.draw_center(session, actor, resolve_exam(session), center="01",
                           session_code="S2")
    assert draw.value.code == "draw-unrostered"
    assert (draw.value.fields["center"], draw.value.fields["session"]) == ("01", "S2")
    with demo_copy.begin() as session, pytest.raises(BadInput) as idle:
        duties.draw_center(session, actor, resolve_exam(session), center="01",
                           session_code="S1")
    assert idle.value.code == "session-idle" and idle.value.fields["sessions"] == ("S2", "S3")


def test_an_error_keeps_its_code_and_fields_across_processes():
    # the print run's workers hand their errors back pickled
    error = pickle.loads(pickle.dumps(PlanProblem("Room 01/01001 is locked.", code="room-locked",
                                                  room="01/01001")))
    assert (error.code, dict(error.fields), str(error), error.exit_status) == (
        "room-locked", {"room": "01/01001"}, "Room 01/01001 is locked.", 1)
