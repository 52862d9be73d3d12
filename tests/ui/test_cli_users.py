"""`examdesk user ...` and the sign-in of every command (issue 13, "Users and roles"): on a
database with users nothing runs without a valid sign-in, and a refusal is one line saying
which, in the terminal's language."""

from __future__ import annotations

import sys

import pytest
from sqlalchemy import func, select

from examdesk.db import open_database
from examdesk.i18n import speak
from examdesk.model import AuditEvent, Exam, User
from examdesk.services import users
from tests.ui.test_cli_exchange import examdesk
from ui.cli.main import COMMANDS, WITHOUT_SIGN_IN


@pytest.fixture
def terminal_chinese(monkeypatch):
    """Commands run in a ``LANG=zh_CN.UTF-8`` terminal (English again after the test)."""
    for variable in ("EXAMDESK_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    yield
    speak("en")


@pytest.fixture
def no_terminal(monkeypatch):
    """Standard input is not a terminal (a script, a pipe): nothing is asked."""
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)


@pytest.fixture
def users_url(capsys, monkeypatch, demo_copy_url, no_terminal):
    """The demo with an administrator (boss) and a desk of center 01 (desk01)."""
    monkeypatch.delenv("EXAMDESK_PASSWORD", raising=False)
    monkeypatch.setenv("EXAMDESK_NEW_PASSWORD", "boss-secret")
    assert examdesk(capsys, "--db", demo_copy_url, "user", "add", "boss",
                    "--role", "admin")[0] == 0
    monkeypatch.setenv("EXAMDESK_PASSWORD", "boss-secret")
    monkeypatch.setenv("EXAMDESK_NEW_PASSWORD", "desk-secret")
    status, out, err = examdesk(capsys, "--db", demo_copy_url, "--user", "boss", "user", "add",
                                "desk01", "--role", "desk", "--center", "01")
    assert (status, err) == (0, ""), err
    assert out == "Added user desk01 (center desk).\n"
    monkeypatch.delenv("EXAMDESK_PASSWORD")
    monkeypatch.delenv("EXAMDESK_NEW_PASSWORD")
    monkeypatch.delenv("EXAMDESK_USER")
    return demo_copy_url


def audit_count(url: str) -> int:
    database = open_database(url)
    try:
        with database.begin() as session:
            return session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    finally:
        database.close()


# One way to call every command that opens a database (`init` aside: it only creates or
# upgrades the schema). A new command must be added here, so that it is held to the sign-in.
EVERY_COMMAND = {
    "demo": ["demo", "--replace"],
    "stats": ["stats"],
    "import": ["import", "rooms", "rooms.xlsx"],
    "export": ["export", "candidates", "out.xlsx"],
    "allocate": ["allocate"],
    "check": ["check"],
    "seat": ["seat", "withdraw", "411623199001011234"],
    "exam": ["exam", "show"],
    "roster": ["roster"],
    "draw": ["draw", "--center", "01", "--session", "1"],
    "posts": ["posts"],
    "post": ["post", "list"],
    "duty": ["duty", "replace", "张三", "--session", "1"],
    "supplies": ["supplies", "show"],
    "print": ["print", "door", "--out", "pdf"],
    "tempid": ["tempid", "issue", "12341010101", "--officer", "王", "--unit", "分局"],
    "user": ["user", "list"],
    "purge": ["purge", "--exam", "SW2023-ZK", "--yes"],
    "backup": ["backup", "saved.db"],
    "restore": ["restore", "saved.db", "--yes"],
    "attendance": ["attendance", "show"],
    "hotline": ["hotline", "list"],
    "notice": ["notice"],
    "violation": ["violation", "acts"],
    "incident": ["incident", "list"],
}


def test_every_command_is_held_to_the_sign_in():
    assert set(EVERY_COMMAND) == set(COMMANDS) - WITHOUT_SIGN_IN


@pytest.mark.parametrize("command", sorted(EVERY_COMMAND))
def test_every_command_needs_a_sign_in_on_a_database_with_users(
        capsys, monkeypatch, tmp_path, users_url, terminal_chinese, command):
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    before = audit_count(users_url)
    status, out, err = examdesk(capsys, "--db", users_url, *EVERY_COMMAND[command])
    assert (status, out) == (2, "")
    assert err == ("examdesk: 未登录：此数据库设有用户；请用 --user 用户名（或 $EXAMDESK_USER）"
                   "给出用户名，并给出密码（$EXAMDESK_PASSWORD，或在提示时输入）。\n")
    assert audit_count(users_url) == before and list(folder.iterdir()) == []


def test_a_wrong_password_a_locked_and_a_disabled_account_say_which(
        capsys, monkeypatch, users_url, terminal_chinese):
    def stats(user: str, password: str) -> tuple[int, str, str]:
        monkeypatch.setenv("EXAMDESK_PASSWORD", password)
        return examdesk(capsys, "--db", users_url, "--user", user, "stats")

    assert stats("nobody", "desk-secret") == (2, "", "examdesk: 用户名或密码错误。\n")
    for _ in range(users.MAX_FAILURES - 1):
        assert stats("desk01", "wrong-one") == (2, "", "examdesk: 用户名或密码错误。\n")
    status, out, err = stats("desk01", "wrong-one")
    assert (status, out) == (2, "") and err.count("\n") == 1
    assert err.startswith("examdesk: 用户 desk01 连续 5 次密码错误，已锁定至 ")
    status, _, err_again = stats("desk01", "desk-secret")  # the right one waits too
    assert status == 2 and err_again == err

    assert stats("boss", "boss-secret")[0] == 0
    monkeypatch.setenv("EXAMDESK_PASSWORD", "boss-secret")
    assert examdesk(capsys, "--db", users_url, "--user", "boss", "user", "enable",
                    "desk01") == (0, "已启用用户 desk01。\n", "")  # which also unlocks
    assert stats("desk01", "desk-secret")[0] == 0
    monkeypatch.setenv("EXAMDESK_PASSWORD", "boss-secret")
    assert examdesk(capsys, "--db", users_url, "--user", "boss", "user", "disable",
                    "desk01")[0] == 0
    assert stats("desk01", "desk-secret") == (
        2, "", "examdesk: 用户 desk01 已停用；管理员可以重新启用该账户。\n")


def test_without_a_terminal_the_password_must_be_in_the_environment(
        capsys, users_url, terminal_chinese):
    status, out, err = examdesk(capsys, "--db", users_url, "--user", "boss", "stats")
    assert (status, out) == (2, "")
    assert err == ("examdesk: 未给出密码：请设置 $EXAMDESK_PASSWORD，或在终端中运行命令以便"
                   "输入密码。\n")


def test_at_a_terminal_the_password_is_asked(capsys, monkeypatch, users_url):
    asked = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "boss-secret")
    status, out, _ = examdesk(capsys, "--db", users_url, "--user", "boss", "stats", "--json")
    assert status == 0 and '"candidates"' in out and asked == ["Password of boss: "]


def test_the_user_commands(capsys, monkeypatch, users_url):
    monkeypatch.setenv("EXAMDESK_PASSWORD", "boss-secret")
    monkeypatch.setenv("EXAMDESK_USER", "boss")

    def user(*argv: str) -> tuple[int, str, str]:
        return examdesk(capsys, "--db", users_url, "user", *argv)

    monkeypatch.setenv("EXAMDESK_NEW_PASSWORD", "plan-secret")
    assert user("add", "planner1", "--role", "planner", "--exam", "SW2023-ZK")[0] == 0
    assert user("grant", "desk01", "--role", "desk", "--center", "02") == (
        0, "Gave desk01 the role center desk (1 grants).\n", "")
    assert user("grant", "desk01", "--role", "desk", "--center", "02") == (
        0, "desk01 already holds that role.\n", "")
    assert user("revoke", "desk01", "--role", "desk", "--center", "01")[0] == 0
    assert user("disable", "planner1")[0] == 0
    status, out, _ = user("list")
    assert status == 0
    assert out.splitlines() == [
        "boss  administrator  active",
        "desk01  center desk (exam SW2023-ZK, center 02)  active",
        "planner1  planner (exam SW2023-ZK)  disabled",
        "tester  administrator  active, no password",
        "4 users.",
    ]
    monkeypatch.setenv("EXAMDESK_NEW_PASSWORD", "new-desk-secret")
    assert user("passwd", "desk01") == (0, "Changed the password of desk01.\n", "")
    # desk01 changes their own, signed in with the old one
    monkeypatch.setenv("EXAMDESK_PASSWORD", "new-desk-secret")
    monkeypatch.setenv("EXAMDESK_NEW_PASSWORD", "own-desk-secret")
    assert user("passwd", "desk01", "--user", "desk01")[0] == 0
    monkeypatch.setenv("EXAMDESK_PASSWORD", "own-desk-secret")
    status, _, err = user("list", "--user", "desk01")
    assert status == 2 and err == "examdesk: User desk01 may not manage users.\n"
    status, _, err = user("disable", "boss")
    assert status == 2 and "Wrong user name or password" in err  # boss's, from before
    monkeypatch.setenv("EXAMDESK_PASSWORD", "boss-secret")
    status, _, err = user("disable", "boss")
    assert status == 2 and err.startswith("examdesk: boss is the only administrator")


def test_a_new_password_is_typed_twice(capsys, monkeypatch, users_url):
    monkeypatch.setenv("EXAMDESK_PASSWORD", "boss-secret")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    typed = iter(["first-secret", "other-secret"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(typed))
    status, _, err = examdesk(capsys, "--db", users_url, "--user", "boss", "user", "add",
                              "clerk", "--role", "viewer")
    assert (status, err) == (2, "examdesk: The two passwords differ; nothing was changed.\n")


def test_the_first_administrator_turns_the_sign_in_on(capsys, monkeypatch, db_url,
                                                      no_terminal):
    assert examdesk(capsys, "--db", db_url, "demo", "--exam-only")[0] == 0
    assert examdesk(capsys, "--db", db_url, "stats")[0] == 0  # the demo's user asks nothing
    monkeypatch.setenv("EXAMDESK_NEW_PASSWORD", "short")
    status, _, err = examdesk(capsys, "--db", db_url, "user", "add", "boss", "--role", "admin")
    assert (status, err) == (2, "examdesk: A password needs at least 8 characters.\n")
    monkeypatch.setenv("EXAMDESK_NEW_PASSWORD", "boss-secret")
    status, _, err = examdesk(capsys, "--db", db_url, "user", "add", "clerk", "--role",
                              "planner")
    assert (status, err) == (2, "examdesk: The first user with a password must be an "
                                "administrator.\n")
    assert examdesk(capsys, "--db", db_url, "user", "add", "boss", "--role", "admin")[0] == 0
    monkeypatch.delenv("EXAMDESK_USER")
    status, _, err = examdesk(capsys, "--db", db_url, "stats")
    assert status == 2 and err.startswith("examdesk: Not signed in")
    assert examdesk(capsys, "--db", db_url, "init")[0] == 0  # no sign-in to upgrade


@pytest.mark.parametrize("name", ["x" * 65, "clerk\x1b[2J"])
def test_a_bad_actor_name_is_one_line_and_changes_nothing(capsys, monkeypatch, db_url,
                                                          terminal_chinese, name):
    monkeypatch.setenv("EXAMDESK_USER", name)
    status, out, err = examdesk(capsys, "--db", db_url, "demo", "--exam-only")
    assert (status, out) == (2, "") and err.count("\n") == 1
    assert err.startswith("examdesk: 用户名") and "\x1b" not in err
    database = open_database(db_url)
    try:
        with database.begin() as session:
            assert session.scalar(select(func.count()).select_from(Exam)) == 0
            assert session.scalar(select(func.count()).select_from(User)) == 0
    finally:
        database.close()


def test_without_users_the_name_given_is_recorded(capsys, db_url):
    assert examdesk(capsys, "--db", db_url, "--user", "张老师", "demo", "--exam-only")[0] == 0
    database = open_database(db_url)
    try:
        with database.begin() as session:
            assert set(session.scalars(select(AuditEvent.actor))) == {"张老师"}
    finally:
        database.close()
