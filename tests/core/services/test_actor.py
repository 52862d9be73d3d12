"""What an actor may do: roles, exams and test centers (the rules every service asks)."""

from __future__ import annotations

import pytest

from examdesk.enums import UserRole
from examdesk.errors import AccessDenied
from examdesk.services.audit import Actor, Grant, Permission


def test_a_database_without_users_allows_everything() -> None:
    actor = Actor(username="clerk")
    assert actor.unrestricted
    assert all(actor.may(each, 1, 2) for each in Permission)
    assert actor.centers(1) is None


def test_a_desk_works_only_at_its_center_of_its_exam() -> None:
    desk = Actor("desk01", 7, (Grant(UserRole.DESK, exam_id=1, center_id=10),))
    assert desk.may(Permission.EXAM_DAY, 1, 10)
    assert desk.may(Permission.READ_PERSONAL, 1, 10)
    assert not desk.may(Permission.READ_PERSONAL, 1, 11)  # another center
    assert not desk.may(Permission.READ_PERSONAL, 2, 10)  # another exam
    assert not desk.may(Permission.READ, 1)  # the whole exam
    assert not desk.may(Permission.EDIT_PLAN, 1, 10)
    assert desk.centers(1) == frozenset({10})
    assert desk.centers(2) == frozenset()


def test_a_planner_of_every_exam_plans_but_manages_no_users() -> None:
    planner = Actor("planner", 3, (Grant(UserRole.PLANNER),))
    assert planner.may(Permission.EDIT_PLAN, 5)
    assert planner.may(Permission.EDIT_PLAN, 5, 50)
    assert planner.centers(5) is None
    assert not planner.may(Permission.MANAGE_USERS)


def test_a_viewer_reads_and_prints_no_personal_data() -> None:
    viewer = Actor("viewer", 4, (Grant(UserRole.VIEWER, exam_id=1),))
    assert viewer.may(Permission.READ, 1)
    assert not viewer.may(Permission.READ_PERSONAL, 1)
    assert not viewer.may(Permission.PRINT_PERSONAL, 1, 10)
    assert viewer.centers(1, Permission.PRINT_PERSONAL) == frozenset()


def test_roles_add_up_across_grants() -> None:
    both = Actor("both", 5, (Grant(UserRole.VIEWER, exam_id=1),
                             Grant(UserRole.DESK, exam_id=1, center_id=10)))
    assert both.centers(1) is None  # the viewer grant reads every center
    assert both.centers(1, Permission.READ_PERSONAL) == frozenset({10})


def test_a_refusal_names_the_user_what_and_center_in_chinese(chinese: None) -> None:
    desk = Actor("desk01", 7, (Grant(UserRole.DESK, exam_id=1, center_id=10),))
    with pytest.raises(AccessDenied) as refused:
        desk.require(Permission.READ_PERSONAL, 1, 11, center_code="02")
    assert refused.value.exit_status == 2
    assert "desk01" in str(refused.value)
    assert str(refused.value) == "用户 desk01 无权在考点 02 读取个人信息。"
    assert refused.value.fields["permission"] == "read-personal"


def test_a_refusal_outside_any_exam_names_no_exam(chinese: None) -> None:
    viewer = Actor("clerk", 4, (Grant(UserRole.VIEWER),))
    with pytest.raises(AccessDenied) as refused:
        viewer.require(Permission.MANAGE_USERS)
    assert str(refused.value) == "用户 clerk 无权管理用户。"
