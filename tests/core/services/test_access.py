"""Who may change the plan: every service that changes it asks the actor first, so a viewer
and a center desk are refused by the window and the command line alike, with nothing written
(issue 13, "Role and center checks live in the services")."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import examdesk.services
from examdesk.enums import PostKind, UserRole
from examdesk.errors import AccessDenied
from examdesk.model import AuditEvent, Candidate, Room, SeatAssignment, Staff
from examdesk.planning.post_templates import PostChange
from examdesk.services import (
    abbreviations,
    candidate_edits,
    demo,
    duties,
    exam_settings,
    posts,
    room_edits,
    roster,
    seat_changes,
    seating,
    staff_edits,
    stats,
)
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import ExamRef, center_id, resolve_exam
from examdesk.services.imports.kinds import import_kind

# Functions of examdesk/services that take an actor and need not ask it, and why.
NOT_ASKING = {
    "examdesk.services.audit.record": "writes the trail of a change its caller was allowed",
    "examdesk.services.imports.ImportKind.apply": "abstract: each kind's apply asks",
    "examdesk.services.printing.record_print": "logs a print the print run allowed",
    "examdesk.services.exports.write_export": "writes the sheet its export function allowed",
    "examdesk.services.exports.record_report": "logs a fix-up report its import check allowed",
    "examdesk.services.rows.audit.iter_audit_rows": "pages through audit_rows, which asks",
    "examdesk.services.tempids.record_certificate_print": "logs a print the desk was allowed",
    "examdesk.services.board.read_board": "reads through BoardReader's _read, which asks",
    "examdesk.services.board.BoardReader.read": "reads through _read, which asks",
}


def _functions_taking_an_actor() -> dict[str, str]:
    """Qualified name -> source of every public function or method taking ``actor`` after
    the session, as the services that change the plan or write files do (the reads take it
    keyword-only: test_scope.py checks what they return)."""
    found: dict[str, str] = {}
    for info in pkgutil.walk_packages(examdesk.services.__path__, "examdesk.services."):
        module = importlib.import_module(info.name)
        assert module.__file__ is not None
        text = Path(module.__file__).read_text(encoding="utf-8")

        def visit(body: list[ast.stmt], prefix: str, text: str = text) -> None:
            for node in body:
                if isinstance(node, ast.ClassDef):
                    visit(node.body, f"{prefix}{node.name}.")
                elif (isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
                      and any(a.arg == "actor" for a in node.args.args)):
                    found[prefix + node.name] = ast.get_source_segment(text, node) or ""

        visit(ast.parse(text).body, f"{info.name}.")
    return found


def test_every_service_taking_an_actor_asks_it_before_anything_else() -> None:
    functions = _functions_taking_an_actor()
    assert len(functions) > 40  # the walk found the services
    silent = {name for name, source in functions.items()
              if not any(asks in source for asks in (
                  ".require(", "visible_centers(", "actor.centers(", "require_audit_reader("))}
    assert silent == set(NOT_ASKING)


def _desk(exam: ExamRef, center: int) -> Actor:
    return Actor("desk01", None, (Grant(UserRole.DESK, exam.id, center),))


def _viewer(exam: ExamRef) -> Actor:
    return Actor("viewer", None, (Grant(UserRole.VIEWER, exam.id),))


def _state(session: Any) -> tuple[Any, ...]:
    """What a refused change must leave as it was."""
    return (stats.collect(session).as_dict(),
            session.scalar(select(func.count()).select_from(AuditEvent)),
            session.execute(select(SeatAssignment.candidate_id, SeatAssignment.room_id,
                                   SeatAssignment.seat_no).order_by(SeatAssignment.candidate_id)
                            ).all(),
            session.execute(select(Candidate.id, Candidate.phone, Candidate.status)
                            .order_by(Candidate.id)).all())


Change = Callable[[Any, Actor, ExamRef, dict[str, int]], object]

CHANGES: dict[str, Change] = {
    "allocate": lambda s, a, e, k: seating.allocate_exam(s, a, e),
    "roster": lambda s, a, e, k: roster.roster_exam(s, a, e),
    "repair": lambda s, a, e, k: roster.repair_exam_roster(s, a, e),
    "draw": lambda s, a, e, k: duties.draw_center(s, a, e, center="01", session_code="A"),
    "fill posts": lambda s, a, e, k: duties.fill_exam_posts(s, a, e, center="01"),
    "add post": lambda s, a, e, k: posts.add_post(s, a, e, "01", PostKind.MEDICAL, "医务室",
                                                  PostChange()),
    "post template": lambda s, a, e, k: posts.set_post_template(
        s, a, e, PostKind.MEDICAL, "医务室", PostChange(headcount=3)),
    "settings": lambda s, a, e, k: exam_settings.change_settings(s, a, e, max_sessions=1),
    "abbreviation": lambda s, a, e, k: abbreviations.add_abbreviation(s, a, e, "初级", "初"),
    "phone": lambda s, a, e, k: candidate_edits.edit_candidate_phone(
        s, a, e, k["candidate"], "13800000000"),
    "new candidate": lambda s, a, e, k: candidate_edits.new_candidate(
        s, a, e, name="张三", id_number="110101199003077777", level="初级"),
    "withdraw": lambda s, a, e, k: seat_changes.withdraw_candidate(s, a, e, k["candidate"]),
    "lock room": lambda s, a, e, k: seat_changes.lock_room(s, a, e, k["room"]),
    "new room": lambda s, a, e, k: room_edits.new_room(s, a, e, k["center"], code="99",
                                                       rows=5, columns=6),
    "delete staff": lambda s, a, e, k: staff_edits.delete_staff(s, a, e, k["staff"],
                                                                with_duties=True),
    "import": lambda s, a, e, k: import_kind("candidates").run(s, a, e, "none.xlsx"),
    # a check shows the stored values of the people a file matches
    "import check": lambda s, a, e, k: import_kind("candidates").run(s, a, e, "none.xlsx",
                                                                   dry_run=True),
    "prepare": lambda s, a, e, k: import_kind("staff").prepare(s, e, "none.xlsx", actor=a),
    "prepare photos": lambda s, a, e, k: import_kind("photos").prepare(s, e, ".", actor=a),
    "demo": lambda s, a, e, k: demo.load_demo(s, a, exam_only=True),
}


@pytest.mark.parametrize("who", ["viewer", "desk"])
def test_a_viewer_and_a_desk_change_nothing_through_any_service(demo_copy, who) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        center = center_id(session, exam, "01")
        assert center is not None
        keys = {
            "center": center,
            "candidate": session.scalar(
                select(SeatAssignment.candidate_id).join(Room).where(Room.center_id == center)
                .order_by(SeatAssignment.candidate_id).limit(1)),
            "room": session.scalar(select(Room.id).where(Room.center_id == center).limit(1)),
            "staff": session.scalar(select(Staff.id).where(Staff.home_center_id == center)
                                    .limit(1)),
        }
        before = _state(session)
    actor = _viewer(exam) if who == "viewer" else _desk(exam, center)
    for name, change in CHANGES.items():
        with demo_copy.write(name) as session, pytest.raises(AccessDenied) as refused:
            change(session, actor, exam, keys)
        assert refused.value.exit_status == 2, name
        assert actor.username in str(refused.value), name
    with demo_copy.begin() as session:
        assert _state(session) == before


def test_a_planner_of_one_center_adds_posts_there_and_nowhere_else(demo_copy) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
        center = center_id(session, exam, "01")
    planner = Actor("planner01", None, (Grant(UserRole.PLANNER, exam.id, center),))
    with demo_copy.write("posts") as session, pytest.raises(AccessDenied) as refused:
        posts.add_post(session, planner, exam, "02", PostKind.MEDICAL, "医务室", PostChange())
    assert "02" in str(refused.value)
    with demo_copy.write("posts") as session:
        added = posts.add_post(session, planner, exam, "01", PostKind.MEDICAL, "医务室二",
                               PostChange())
    assert added.center == "01"


def test_a_refusal_says_who_and_what_in_chinese(demo_copy, chinese) -> None:
    with demo_copy.begin() as session:
        exam = resolve_exam(session)
    with demo_copy.write("allocate") as session, pytest.raises(AccessDenied) as refused:
        seating.allocate_exam(session, _viewer(exam), exam)
    assert str(refused.value) == "用户 viewer 无权在本次考试中修改编排。"


# The reads that limit what they return to what the actor may see (examdesk/services/scope.py).
SCOPED_READS = {
    "candidate_rows", "iter_candidate_rows", "seat_rows", "iter_seat_rows", "staff_rows",
    "room_rows", "duty_rows", "iter_duty_rows", "post_rows", "problem_rows", "filter_choices",
    "print_choices", "candidate_photo", "find_candidate", "check_exam_plan", "room_sheets",
    "certificates", "center_summaries", "duty_sheets", "draw_results", "duty_cards",
    "post_rosters", "sitting_counts", "room_attendance",
}


def test_the_window_and_the_command_line_pass_the_actor_to_every_scoped_read() -> None:
    faces = Path(examdesk.services.__file__).parents[2] / "ui"
    unscoped = []
    for path in sorted(faces.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = node.func
            name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
            if name in SCOPED_READS and not any(k.arg == "actor" for k in node.keywords):
                unscoped.append(f"{path.relative_to(faces.parent)}:{node.lineno} {name}")
    assert unscoped == []
