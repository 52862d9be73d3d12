"""User accounts (issue 13, "Users and roles"): argon2 hashes, sign-in with lockout, the roles
an administrator grants, and the demo's user that asks nobody to sign in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text

from examdesk.db import open_database
from examdesk.db.database import create_examdesk_engine, resolve_database_url, upgrade_to
from examdesk.enums import UserRole
from examdesk.errors import AccessDenied, BadInput
from examdesk.model import AuditEvent, TestCenter, User
from examdesk.services import users
from examdesk.services.audit import Actor, Grant, Permission
from examdesk.services.exams import resolve_exam
from tests.core.test_database import insert_old_exam

NOW = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
ADMIN = Actor("tester")  # a database without users: may do everything


def add_admin(db, name: str = "boss", password: str = "boss-secret") -> Actor:
    with db.write() as session:
        users.add_user(session, ADMIN, name, password, UserRole.ADMIN)
    with db.write() as session:
        return users.sign_in(session, name, password, now=NOW)


def add_user(db, boss: Actor, name: str, password: str, role: UserRole) -> Actor:
    """Add a user as ``boss`` and sign in as that user."""
    with db.write() as session:
        users.add_user(session, boss, name, password, role)
    with db.write() as session:
        return users.sign_in(session, name, password)


def test_a_password_is_kept_only_as_an_argon2_hash(db):
    add_admin(db, password="boss-secret")
    with db.begin() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "boss"))
        dumped = " ".join(str(v) for row in session.execute(text("SELECT * FROM users"))
                          for v in row)
        trail = " ".join(f"{e.summary} {e.details}" for e in session.scalars(select(AuditEvent)))
    assert stored.startswith("$argon2id$") and "boss-secret" not in dumped
    assert "boss-secret" not in trail and stored not in trail and "boss" in trail


def test_sign_in_gives_the_actor_with_its_grants(demo_copy):
    boss = add_admin(demo_copy)
    assert boss.username == "boss" and boss.grants == (Grant(UserRole.ADMIN),)
    with demo_copy.write() as session:
        exam = resolve_exam(session)
        users.add_user(session, boss, "desk01", "desk-secret", UserRole.DESK,
                       center_codes=["01"])
        center = session.scalar(select(TestCenter.id).where(
            TestCenter.exam_id == exam.id, TestCenter.code == "01"))
    with demo_copy.write() as session:
        desk = users.sign_in(session, "desk01", "desk-secret", now=NOW)
    assert desk.grants == (Grant(UserRole.DESK, exam.id, center),)
    assert desk.centers(exam.id) == frozenset({center})
    assert not desk.may(Permission.MANAGE_USERS)


def test_unknown_names_and_wrong_passwords_get_the_same_refusal(db):
    add_admin(db)
    refusals = []
    for name, password in (("nobody", "boss-secret"), ("boss", "wrong-one")):
        with db.write() as session, pytest.raises(AccessDenied) as refused:
            users.sign_in(session, name, password, now=NOW)
        refusals.append((refused.value.code, str(refused.value)))
    assert refusals == [("sign-in-wrong", "Wrong user name or password.")] * 2


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(db):
    add_admin(db)
    codes = []
    for _ in range(users.MAX_FAILURES):
        with db.write() as session, pytest.raises(AccessDenied) as refused:
            users.sign_in(session, "boss", "wrong-one", now=NOW)
        codes.append(refused.value.code)
    assert codes == ["sign-in-wrong"] * 4 + ["user-locked"]
    until = NOW + users.LOCKOUT
    assert str(refused.value) == (f"User boss is locked after 5 wrong passwords until "
                                  f"{until.astimezone().strftime('%H:%M')}.")
    # the right password does not open it before then
    with db.write() as session, pytest.raises(AccessDenied, match="locked"):
        users.sign_in(session, "boss", "boss-secret", now=until - timedelta(seconds=1))
    with db.write() as session:
        assert users.sign_in(session, "boss", "boss-secret", now=until).username == "boss"
        user = session.scalar(select(User).where(User.username == "boss"))
    assert (user.failed_attempts, user.locked_until) == (0, None)
    with db.begin() as session:
        assert session.scalar(select(AuditEvent.action).where(
            AuditEvent.action == "user-locked")) == "user-locked"


def test_a_success_resets_the_count_of_wrong_passwords(db):
    add_admin(db)
    for password in ["wrong-one"] * 4 + ["boss-secret"] + ["wrong-one"] * 4:
        with db.write() as session:
            try:
                users.sign_in(session, "boss", password, now=NOW)
            except AccessDenied as refused:
                assert refused.code == "sign-in-wrong"
    with db.begin() as session:
        assert session.scalar(select(User.failed_attempts)
                              .where(User.username == "boss")) == 4


def test_a_disabled_account_says_so_and_an_administrator_enables_it(db):
    boss = add_admin(db)
    with db.write() as session:
        users.add_user(session, boss, "clerk", "clerk-secret", UserRole.PLANNER)
        users.set_active(session, boss, "clerk", False)
    with db.write() as session, pytest.raises(AccessDenied) as refused:
        users.sign_in(session, "clerk", "clerk-secret", now=NOW)
    assert refused.value.code == "user-disabled" and "clerk" in str(refused.value)
    with db.write() as session:
        users.set_active(session, boss, "clerk", True)
    with db.write() as session:
        assert users.sign_in(session, "clerk", "clerk-secret").username == "clerk"


def test_an_old_hash_is_made_again_at_sign_in(db):
    add_admin(db)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("boss-secret")
    with db.write() as session:
        session.execute(text("UPDATE users SET password_hash = :h WHERE username = 'boss'"),
                        {"h": weak})
    with db.write() as session:
        users.sign_in(session, "boss", "boss-secret")
    with db.begin() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "boss"))
    assert stored != weak and not users.hasher().check_needs_rehash(stored)


def test_the_demo_user_does_not_turn_the_sign_in_on(demo_copy):
    with demo_copy.begin() as session:
        assert session.scalar(select(User.username)) == "tester"
        assert not users.has_users(session)
    add_admin(demo_copy)
    with demo_copy.begin() as session:
        assert users.has_users(session)


def test_the_first_user_must_be_an_administrator(db):
    with db.write() as session, pytest.raises(BadInput) as refused:
        users.add_user(session, ADMIN, "clerk", "clerk-secret", UserRole.PLANNER)
    assert refused.value.code == "first-admin"


def test_managing_users_needs_an_administrator(db):
    clerk = add_user(db, add_admin(db), "clerk", "clerk-secret", UserRole.PLANNER)
    for change in (lambda s: users.add_user(s, clerk, "x1234567", "x-secret1", UserRole.ADMIN),
                   lambda s: users.set_active(s, clerk, "boss", False),
                   lambda s: users.set_password(s, clerk, "boss", "new-secret"),
                   lambda s: users.grant(s, clerk, "clerk", UserRole.ADMIN),
                   lambda s: users.list_users(s, clerk)):
        with db.write() as session, pytest.raises(AccessDenied):
            change(session)


def test_a_user_changes_their_own_password_giving_the_old_one(db):
    boss = add_admin(db)
    clerk = add_user(db, boss, "clerk", "clerk-secret", UserRole.VIEWER)
    with db.write() as session, pytest.raises(AccessDenied, match="old password"):
        users.set_password(session, clerk, "clerk", "new-secret", old_password="wrong-one")
    with db.write() as session:
        users.set_password(session, clerk, "clerk", "new-secret", old_password="clerk-secret")
    with db.write() as session:  # an administrator resets it without the old one
        users.set_password(session, boss, "clerk", "reset-secret")
    with db.write() as session:
        assert users.sign_in(session, "clerk", "reset-secret").username == "clerk"


def test_the_only_administrator_cannot_be_disabled_or_demoted(db):
    boss = add_admin(db)
    for change in (lambda s: users.set_active(s, boss, "boss", False),
                   lambda s: users.revoke(s, boss, "boss", UserRole.ADMIN)):
        with db.write() as session, pytest.raises(BadInput) as refused:
            change(session)
        assert refused.value.code == "last-admin"


def test_grants_and_revokes_per_exam_and_center(demo_copy):
    boss = add_admin(demo_copy)
    with demo_copy.write() as session:
        users.add_user(session, boss, "desk", "desk-secret", UserRole.DESK,
                       center_codes=["01"])
        assert users.grant(session, boss, "desk", UserRole.DESK, center_codes=["01", "02"]) == 1
        assert users.revoke(session, boss, "desk", UserRole.DESK, center_codes=["01"]) == 1
        with pytest.raises(BadInput, match="holds no such role"):
            users.revoke(session, boss, "desk", UserRole.VIEWER)
        rows = {row.name: row for row in users.list_users(session, boss)}
    exam = "SW2023-ZK"
    assert [g.text() for g in rows["desk"].grants] == [f"center desk (exam {exam}, center 02)"]
    assert rows["boss"].has_password and not rows["tester"].has_password


@pytest.mark.parametrize(("name", "what"), [
    ("", "empty"), ("x" * 65, "too long"), ("a\tb", "control character"),
    (" boss", "space"), ("boss ", "space"), ("a\u200bb", "control character"),
])
def test_bad_user_names_are_refused(name, what):
    with pytest.raises(BadInput, match=what) as refused:
        users.check_user_name(name)
    assert refused.value.code == "user-name" and len(str(refused.value)) < 120


def test_names_of_64_characters_and_chinese_names_are_fine():
    assert users.check_user_name("张" * 64) == "张" * 64


def test_a_short_password_is_refused(db):
    with db.write() as session, pytest.raises(BadInput, match="at least 8"):
        users.add_user(session, ADMIN, "boss", "short", UserRole.ADMIN)


def test_the_migration_moves_roles_and_centers_into_grants(databases):
    url = databases.new_url()
    engine = create_examdesk_engine(resolve_database_url(url))
    upgrade_to(engine, "0001")
    with engine.begin() as connection:
        insert_old_exam(connection)
    upgrade_to(engine, "0007")
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO test_centers (id, exam_id, code, name, address, phone, contact,"
            " district, sort_order) VALUES (7, 1, '01', '一中', '', '', '', '', 0)"))
        connection.execute(text(
            "INSERT INTO users (id, username, display_name, password_hash, role, center_id,"
            " active, created_at) VALUES (1, 'boss', '', NULL, 'admin', NULL, true,"
            " '2023-01-01'), (2, 'desk', '', NULL, 'desk', 7, true, '2023-01-01')"))
    engine.dispose()
    database = open_database(url)
    try:
        with database.begin() as session:
            assert users.grants_of(session, 1) == (Grant(UserRole.ADMIN),)
            assert users.grants_of(session, 2) == (Grant(UserRole.DESK, 1, 7),)
            assert not users.has_users(session)
    finally:
        database.close()
