"""Signing in to a database, the same for the window and the command line.

A database without users needs no sign-in: its actor is the operating-system login (or
``$EXAMDESK_USER``), checked as a user name. A database with users
(examdesk/services/users.py) needs a name and password: the check reads only, and only a
sign-in that has something to write (a wrong password counted, a count cleared, a password
hashed again) waits for the database's write lock, so that a sign-in does not wait for
another clerk's long run when it has nothing to write.
"""

from __future__ import annotations

from examdesk.db import Database
from examdesk.enums import UserRole
from examdesk.errors import AccessDenied
from examdesk.i18n import translate
from examdesk.services import users
from examdesk.services.audit import Actor


def needs_sign_in(db: Database) -> bool:
    """Whether the database has users (some active user with a password)."""
    with db.begin() as session:
        return users.has_users(session)


def unsigned_actor() -> Actor:
    """The actor of a database without users (raises BadInput for a bad name)."""
    return users.environment_actor()


def sign_in(db: Database, name: str, password: str) -> Actor:
    """The signed-in actor, with the user's grants.

    Raises:
        AccessDenied: a wrong name or password, a locked or disabled account (a wrong
            password is counted towards the lockout even so).
        BadInput: the name cannot be a user name.
    """
    users.check_user_name(name)
    with db.begin() as session:
        tried = users.attempt(session, name, password)
    if tried.to_remember:
        with db.write("sign in") as session:
            tried = users.remember(session, tried)
    if tried.refusal is not None:
        raise tried.refusal
    assert tried.actor is not None
    return tried.actor


def first_administrator(db: Database, name: str, password: str) -> Actor:
    """Make the first administrator of a database without users, and sign them in.

    Raises:
        BadInput: a bad name or short password; the database has users already (then
            adding one needs an administrator signed in: AccessDenied).
    """
    with db.write("user add") as session:
        users.add_user(session, unsigned_actor() if not users.has_users(session)
                       else Actor(name, grants=()), name, password, UserRole.ADMIN)
    return sign_in(db, name, password)


def change_own_password(db: Database, actor: Actor, current: str, new: str) -> None:
    """The signed-in user's new password, given the current one (the window's 修改密码…).

    The current password is checked as a sign-in is (:func:`sign_in`): a wrong one counts
    towards the lockout exactly as at the command line, where `user passwd` for oneself
    signs in with it first (ui/cli/common.py signed_in). The change is audited by
    ``users.set_password`` (never the password nor its hash).

    Raises:
        BadInput: the new password is too short (checked first: nothing is counted).
        AccessDenied: ``old-password-wrong`` (counted), ``user-locked``,
            ``user-disabled``.
    """
    users.check_password(new)
    try:
        checked = sign_in(db, actor.username, current)
    except AccessDenied as refusal:
        if refusal.code != "sign-in-wrong":
            raise
        raise AccessDenied(translate("Users", "The old password is wrong."),
                           code="old-password-wrong", user=actor.username) from None
    with db.write("user passwd") as session:
        users.set_password(session, checked, checked.username, new, old_password=current)
