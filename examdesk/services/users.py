"""User accounts: passwords, sign-in with lockout, and the roles an administrator grants.

A database *has users* once some active user has a password (:func:`has_users`): from then
on every face asks who is signing in (:func:`sign_in`) and acts for the :class:`Actor` it
returns, with the user's grants. A database without users is a single-user file (the demo
records the operating-system login as a user without a password, which changes nothing):
its actor may do everything, and the first user added there must be an administrator.

Passwords are kept only as argon2 hashes (argon2-cffi's :class:`PasswordHasher` with its
default parameters; a hash made with older parameters is made again at the next sign-in).
:data:`MAX_FAILURES` wrong passwords in a row lock the account for :data:`LOCKOUT`; a
successful sign-in, an administrator's reset or enabling the account clears the count. An
unknown name and a wrong password get the same refusal; a disabled account says so only to
whoever gives its right password.

Every change to the accounts is audited (never a password nor its hash) and requires
:attr:`Permission.MANAGE_USERS`, except on a database without users, where anyone may
create the first administrator.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from examdesk.enums import UserRole
from examdesk.errors import AccessDenied, BadInput
from examdesk.i18n import translate
from examdesk.identity import user_name
from examdesk.model import Exam, TestCenter, User, UserGrant
from examdesk.model.base import utcnow
from examdesk.services import audit
from examdesk.services.audit import Actor, Grant, Permission
from examdesk.services.exams import resolve_exam

# Wrong passwords in a row that lock an account, and for how long.
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
# The shortest password accepted.
PASSWORD_LEAST = 8
# The longest user name (the width of users.username and audit_events.actor).
NAME_MOST = 64
# How much of a refused name a message echoes.
_ECHO_MOST = 24


@cache
def hasher() -> PasswordHasher:
    """The password hasher (argon2id, argon2-cffi's current default parameters)."""
    return PasswordHasher()


@cache
def _decoy_hash() -> str:
    """A hash to check an unknown name's password against: a refusal takes as long."""
    return hasher().hash("not a password of anyone")


def _echo(text: str) -> str:
    shown = "".join(c if unicodedata.category(c)[0] != "C" else "?" for c in text)
    return shown if len(shown) <= _ECHO_MOST else shown[:_ECHO_MOST - 1] + "…"


def check_user_name(name: str) -> str:
    """``name`` if it can name a user: 1 to 64 characters, no control characters, no
    spaces at either end.

    Raises:
        BadInput: (code ``user-name``) which rule the name breaks.
    """
    if not name:
        raise BadInput(translate("Users", "A user name cannot be empty."), code="user-name",
                       name=name)
    if len(name) > NAME_MOST:
        raise BadInput(translate(
            "Users", "The user name {name} is too long: at most {most} characters, not "
                     "{length}.").format(name=_echo(name), most=NAME_MOST, length=len(name)),
            code="user-name", name=name)
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp") for c in name):
        raise BadInput(translate(
            "Users", "The user name {name} holds a control character.").format(
            name=_echo(name)), code="user-name", name=name)
    if name != name.strip():
        raise BadInput(translate(
            "Users", "The user name \"{name}\" begins or ends with a space.").format(
            name=_echo(name)), code="user-name", name=name)
    return name


def environment_actor() -> Actor:
    """The actor of a database without users: ``$EXAMDESK_USER``, else the OS login,
    checked as a user name (:func:`check_user_name`)."""
    return Actor(username=check_user_name(user_name()))


def check_password(password: str) -> str:
    """``password`` if it is long enough (:data:`PASSWORD_LEAST` characters).

    Raises:
        BadInput: (code ``password-short``) it is shorter.
    """
    if len(password) < PASSWORD_LEAST:
        raise BadInput(translate(
            "Users", "A password needs at least {least} characters.").format(
            least=PASSWORD_LEAST), code="password-short", least=PASSWORD_LEAST)
    return password


def has_users(session: Session) -> bool:
    """Whether the database asks for a sign-in: some active user has a password."""
    return session.scalar(select(User.id).where(
        User.active.is_(True), User.password_hash.is_not(None)).limit(1)) is not None


def grants_of(session: Session, user_id: int) -> tuple[Grant, ...]:
    """The user's grants, in the order they were given."""
    return tuple(Grant(role, exam_id, center_id) for role, exam_id, center_id in session.execute(
        select(UserGrant.role, UserGrant.exam_id, UserGrant.center_id)
        .where(UserGrant.user_id == user_id).order_by(UserGrant.id)))


def clock_time(moment: datetime) -> str:
    """``moment`` as this computer's local time of day, HH:MM."""
    return moment.astimezone().strftime("%H:%M")


def _wrong() -> AccessDenied:
    return AccessDenied(translate("Users", "Wrong user name or password."),
                        code="sign-in-wrong")


def _locked(name: str, until: datetime) -> AccessDenied:
    return AccessDenied(translate(
        "Users", "User {user} is locked after {count} wrong passwords until {time}.").format(
        user=name, count=MAX_FAILURES, time=clock_time(until)),
        code="user-locked", user=name, until=until.isoformat())


def _disabled(name: str) -> AccessDenied:
    return AccessDenied(translate(
        "Users", "User {user} is disabled; an administrator can enable the account.").format(
        user=name), code="user-disabled", user=name)


@dataclass(frozen=True)
class Attempt:
    """What one sign-in found, before anything about it is written (:func:`remember`).

    Attributes:
        name: the name given.
        user_id: the user's row (None: no such user, or one without a password).
        actor: the signed-in actor, or None when refused.
        refusal: why not, or None when signed in.
        failed: a wrong password for a user: counted towards the lockout.
        reset: the user signed in after wrong passwords (or an expired lock): clear them.
        new_hash: the password hashed again with the hasher's current parameters.
    """

    name: str
    user_id: int | None
    actor: Actor | None
    refusal: AccessDenied | None
    failed: bool = False
    reset: bool = False
    new_hash: str | None = None

    @property
    def to_remember(self) -> bool:
        """Whether :func:`remember` has something to write."""
        return self.failed or self.reset or self.new_hash is not None


def attempt(session: Session, name: str, password: str, *,
            now: datetime | None = None) -> Attempt:
    """Check a name and password, reading only (so that a sign-in never waits for a
    writer unless it has to write: :attr:`Attempt.to_remember`)."""
    now = now or utcnow()
    user = session.scalar(select(User).where(User.username == name))
    if user is None or user.password_hash is None:
        with suppress(VerificationError):  # as long as a wrong password of a user
            hasher().verify(_decoy_hash(), password)
        return Attempt(name, None, None, _wrong())
    locked_until = user.locked_until
    if locked_until is not None and locked_until > now:
        return Attempt(name, user.id, None, _locked(user.username, locked_until))
    try:
        hasher().verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return Attempt(name, user.id, None, _wrong(), failed=True)
    if not user.active:
        return Attempt(name, user.id, None, _disabled(user.username))
    new_hash = hasher().hash(password) if hasher().check_needs_rehash(
        user.password_hash) else None
    actor = Actor(user.username, user.id, grants_of(session, user.id))
    return Attempt(name, user.id, actor, None,
                   reset=user.failed_attempts > 0 or locked_until is not None,
                   new_hash=new_hash)


def remember(session: Session, tried: Attempt, *, now: datetime | None = None) -> Attempt:
    """Write what a sign-in changes: a wrong password counted (the one that locks the
    account is audited and its refusal says until when), the count cleared, a new hash.

    Run it in a writing transaction; two wrong passwords at once both count.
    """
    now = now or utcnow()
    if tried.user_id is None:
        return tried
    if tried.failed:
        session.execute(update(User).where(User.id == tried.user_id)
                        .values(failed_attempts=User.failed_attempts + 1))
        user = session.get(User, tried.user_id, populate_existing=True)
        if user is not None and user.failed_attempts >= MAX_FAILURES:
            user.failed_attempts = 0
            user.locked_until = now + LOCKOUT
            audit.record(session, Actor(user.username, user.id, ()), "user-locked",
                         entity="user", entity_id=user.id,
                         summary=translate("Users", "Locked after {count} wrong passwords")
                         .format(count=MAX_FAILURES))
            session.flush()
            return replace(tried, refusal=_locked(user.username, now + LOCKOUT))
        return tried
    values: dict[str, object] = {}
    if tried.reset:
        values.update(failed_attempts=0, locked_until=None)
    if tried.new_hash is not None:
        values["password_hash"] = tried.new_hash
    if values:
        session.execute(update(User).where(User.id == tried.user_id).values(**values))
    return tried


def sign_in(session: Session, name: str, password: str, *,
            now: datetime | None = None) -> Actor:
    """The actor of the user with this name and password, with the user's grants.

    The attempt is written in ``session`` (:func:`remember`), also when refused: the
    caller commits it before raising the refusal on (ui/jobs/signing.py does).

    Raises:
        AccessDenied: ``sign-in-wrong`` (an unknown name or a wrong password, alike),
            ``user-locked`` (with the time it unlocks), ``user-disabled``.
    """
    tried = attempt(session, name, password, now=now)
    if tried.to_remember:
        tried = remember(session, tried, now=now)
    if tried.refusal is not None:
        raise tried.refusal
    assert tried.actor is not None
    return tried.actor


# --- managing the accounts ----------------------------------------------------------------

def role_label(role: UserRole) -> str:
    """The role as the user reads it."""
    return {
        UserRole.ADMIN: translate("Users", "administrator"),
        UserRole.PLANNER: translate("Users", "planner"),
        UserRole.DESK: translate("Users", "center desk"),
        UserRole.VIEWER: translate("Users", "viewer"),
    }[role]


def _user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.username == name))
    if user is None:
        raise BadInput(translate("Users", "There is no user {user}.").format(user=_echo(name)),
                       code="user-not-found", user=name)
    return user


def _is_admin(session: Session, user_id: int) -> bool:
    return session.scalar(select(UserGrant.id).where(
        UserGrant.user_id == user_id, UserGrant.role == UserRole.ADMIN,
        UserGrant.exam_id.is_(None), UserGrant.center_id.is_(None)).limit(1)) is not None


def _other_admins(session: Session, user_id: int) -> int:
    """Active administrators of every exam with a password, other than this user."""
    return len(session.scalars(select(User.id).join(UserGrant, UserGrant.user_id == User.id)
                               .where(User.id != user_id, User.active.is_(True),
                                      User.password_hash.is_not(None),
                                      UserGrant.role == UserRole.ADMIN,
                                      UserGrant.exam_id.is_(None),
                                      UserGrant.center_id.is_(None))
                               .distinct()).all())


def _keep_an_admin(session: Session, user: User) -> None:
    """Refuse to take away the last administrator of a database with users."""
    if (user.active and user.password_hash is not None and _is_admin(session, user.id)
            and _other_admins(session, user.id) == 0):
        raise BadInput(translate(
            "Users", "{user} is the only administrator; make another one first, or nobody "
                     "could manage the users.").format(user=user.username),
            code="last-admin", user=user.username)


def _first_must_be_admin(session: Session, user_id: int | None, roles: Sequence[UserRole]
                         ) -> None:
    """On a database without users, the user who turns sign-in on must be an administrator
    of every exam (else nobody could manage the users)."""
    if has_users(session):
        return
    if UserRole.ADMIN in roles or (user_id is not None and _is_admin(session, user_id)):
        return
    raise BadInput(translate(
        "Users", "The first user with a password must be an administrator."),
        code="first-admin")


def _scope(session: Session, exam_code: str | None, center_codes: Sequence[str]
           ) -> tuple[int | None, list[int | None]]:
    """The exam id (None: every exam) and center ids (None: every center) of a grant."""
    if exam_code is None and not center_codes:
        return None, [None]
    exam = resolve_exam(session, exam_code)
    if not center_codes:
        return exam.id, [None]
    from examdesk.services.exams import center_id

    ids: list[int | None] = []
    for code in center_codes:
        found = center_id(session, exam, code)
        if found not in ids:
            ids.append(found)
    return exam.id, ids


def _scope_text(session: Session, exam_id: int | None, center_id: int | None) -> str:
    exam = session.scalar(select(Exam.code).where(Exam.id == exam_id)) if exam_id else None
    center = (session.scalar(select(TestCenter.code).where(TestCenter.id == center_id))
              if center_id else None)
    if exam is None:
        return translate("Users", "every exam")
    if center is None:
        return translate("Users", "exam {exam}").format(exam=exam)
    return translate("Users", "exam {exam}, center {center}").format(exam=exam, center=center)


def add_user(session: Session, actor: Actor, name: str, password: str, role: UserRole, *,
             exam_code: str | None = None, center_codes: Sequence[str] = (),
             display_name: str = "") -> int:
    """Add a user with a password and one role (at these centers of that exam; every exam
    and center when none is given); returns the user's id.

    A user recorded without a password (the demo's) with that name gets the password and
    the role. On a database without users, the first user must be an administrator.

    Raises:
        BadInput: a bad name or short password, a name taken, an exam or center not found.
        AccessDenied: the actor may not manage users.
    """
    check_user_name(name)
    check_password(password)
    actor.require(Permission.MANAGE_USERS)
    user = session.scalar(select(User).where(User.username == name))
    if user is not None and user.password_hash is not None:
        raise BadInput(translate("Users", "There is already a user {user}.").format(user=name),
                       code="user-exists", user=name)
    _first_must_be_admin(session, user.id if user is not None else None, [role])
    exam_id, centers = _scope(session, exam_code, center_codes)
    if user is None:
        user = User(username=name, display_name=display_name or name)
        session.add(user)
    user.password_hash = hasher().hash(password)
    user.active = True
    user.failed_attempts = 0
    user.locked_until = None
    session.flush()
    _add_grants(session, user.id, role, exam_id, centers)
    _audit_grants(session, actor, "user-add",
                  translate("Users", "Added user {user}: {role}, {where}"),
                  user, role, exam_id, centers)
    return user.id


def _add_grants(session: Session, user_id: int, role: UserRole, exam_id: int | None,
                centers: Sequence[int | None]) -> list[int | None]:
    """Add the grants the user does not hold yet; the centers added."""
    held = set(grants_of(session, user_id))
    added = []
    for center in centers:
        if Grant(role, exam_id, center) not in held:
            session.add(UserGrant(user_id=user_id, role=role, exam_id=exam_id,
                                  center_id=center))
            added.append(center)
    session.flush()
    return added


def set_password(session: Session, actor: Actor, name: str, new_password: str, *,
                 old_password: str | None = None) -> None:
    """Give the user a new password: an administrator resets anyone's (and unlocks the
    account); a user changes their own, giving the old one.

    Raises:
        BadInput: the new password is too short; no such user.
        AccessDenied: the old password is wrong, or the actor may not manage users.
    """
    check_password(new_password)
    user = _user(session, name)
    own = actor.user_id == user.id and actor.username == user.username
    if not (own and old_password is not None):
        actor.require(Permission.MANAGE_USERS)
    if own and old_password is not None:
        try:
            hasher().verify(user.password_hash or _decoy_hash(), old_password)
        except (VerificationError, InvalidHashError):
            raise AccessDenied(translate("Users", "The old password is wrong."),
                               code="old-password-wrong", user=name) from None
    _first_must_be_admin(session, user.id, [])
    user.password_hash = hasher().hash(new_password)
    user.failed_attempts = 0
    user.locked_until = None
    audit.record(session, actor, "user-password", entity="user", entity_id=user.id,
                 summary=translate("Users", "Changed the password of {user}").format(
                     user=name), details={"user": name})


def set_active(session: Session, actor: Actor, name: str, active: bool) -> None:
    """Disable a user (who can no longer sign in) or enable one again (which also lifts a
    lockout).

    Raises:
        BadInput: no such user; disabling the only administrator.
        AccessDenied: the actor may not manage users.
    """
    actor.require(Permission.MANAGE_USERS)
    user = _user(session, name)
    if not active:
        _keep_an_admin(session, user)
    user.active = active
    if active:
        user.failed_attempts = 0
        user.locked_until = None
    action = "user-enable" if active else "user-disable"
    summary = (translate("Users", "Enabled user {user}") if active
               else translate("Users", "Disabled user {user}"))
    audit.record(session, actor, action, entity="user", entity_id=user.id,
                 summary=summary.format(user=name), details={"user": name})


def grant(session: Session, actor: Actor, name: str, role: UserRole, *,
          exam_code: str | None = None, center_codes: Sequence[str] = ()) -> int:
    """Give the user a role (at these centers of that exam; every exam and center when none
    is given); returns how many grants were added (0: the user held them all).

    Raises:
        BadInput: no such user, exam or center.
        AccessDenied: the actor may not manage users.
    """
    actor.require(Permission.MANAGE_USERS)
    user = _user(session, name)
    exam_id, centers = _scope(session, exam_code, center_codes)
    added = _add_grants(session, user.id, role, exam_id, centers)
    if added:
        _audit_grants(session, actor, "user-grant",
                      translate("Users", "Granted {user} {role}: {where}"),
                      user, role, exam_id, added)
    return len(added)


def revoke(session: Session, actor: Actor, name: str, role: UserRole, *,
           exam_code: str | None = None, center_codes: Sequence[str] = ()) -> int:
    """Take the role away (exactly the grants named: every exam and center when none is
    given); returns how many grants were removed.

    Raises:
        BadInput: no such user, exam or center; the user holds no such grant; taking the
            only administrator's role away.
        AccessDenied: the actor may not manage users.
    """
    actor.require(Permission.MANAGE_USERS)
    user = _user(session, name)
    exam_id, centers = _scope(session, exam_code, center_codes)
    held = set(grants_of(session, user.id))
    gone = [c for c in centers if Grant(role, exam_id, c) in held]
    if not gone:
        raise BadInput(translate(
            "Users", "User {user} holds no such role ({role}, {where}).").format(
            user=name, role=role_label(role),
            where=_where(session, exam_id, centers)), code="grant-not-found", user=name)
    if role is UserRole.ADMIN and exam_id is None and None in gone:
        _keep_an_admin(session, user)
    for center in gone:
        session.execute(delete(UserGrant).where(
            UserGrant.user_id == user.id, UserGrant.role == role,
            UserGrant.exam_id.is_(None) if exam_id is None else UserGrant.exam_id == exam_id,
            UserGrant.center_id.is_(None) if center is None
            else UserGrant.center_id == center))
    _audit_grants(session, actor, "user-revoke",
                  translate("Users", "Took {role} from {user}: {where}"),
                  user, role, exam_id, gone)
    return len(gone)


def _audit_grants(session: Session, actor: Actor, action: str, summary: str, user: User,
                  role: UserRole, exam_id: int | None, centers: Sequence[int | None]) -> None:
    """Record a change of the user's grants: ``summary`` names {user}, {role}, {where}."""
    audit.record(session, actor, action, entity="user", entity_id=user.id,
                 summary=summary.format(user=user.username, role=role_label(role),
                                        where=_where(session, exam_id, centers)),
                 details={"user": user.username, "role": str(role), "exam_id": exam_id,
                          "center_ids": list(centers)})


def _where(session: Session, exam_id: int | None, centers: Sequence[int | None]) -> str:
    return "; ".join(_scope_text(session, exam_id, c) for c in centers)


@dataclass(frozen=True)
class GrantRow:
    """A grant as a list shows it: the role, the exam's code and the center's (None:
    every exam, every center)."""

    role: UserRole
    exam: str | None
    center: str | None

    def text(self) -> str:
        """``role`` alone, or ``role (exam EXAM, center CENTER)``."""
        if self.exam is None:
            return role_label(self.role)
        where = (translate("Users", "exam {exam}").format(exam=self.exam)
                 if self.center is None else
                 translate("Users", "exam {exam}, center {center}").format(
                     exam=self.exam, center=self.center))
        return translate("Users", "{role} ({where})").format(role=role_label(self.role),
                                                              where=where)


@dataclass(frozen=True)
class UserRow:
    """One user as :func:`list_users` shows it.

    Attributes:
        name: the user name.
        display_name: the name shown to people.
        active: not disabled.
        has_password: can sign in (the demo's user has no password).
        locked_until: the end of a lockout in force, else None.
        grants: the roles held.
    """

    name: str
    display_name: str
    active: bool
    has_password: bool
    locked_until: datetime | None
    grants: tuple[GrantRow, ...]


def list_users(session: Session, actor: Actor, *, now: datetime | None = None
               ) -> list[UserRow]:
    """Every user, by name, with roles, whether active, and a lockout in force.

    Raises:
        AccessDenied: the actor may not manage users.
    """
    actor.require(Permission.MANAGE_USERS)
    now = now or utcnow()
    exams: dict[int, str] = {i: c for i, c in session.execute(select(Exam.id, Exam.code))}
    centers: dict[int, str] = {
        i: c for i, c in session.execute(select(TestCenter.id, TestCenter.code))}
    grants: dict[int, list[GrantRow]] = {}
    for user_id, role, exam_id, center_id in session.execute(
            select(UserGrant.user_id, UserGrant.role, UserGrant.exam_id, UserGrant.center_id)
            .order_by(UserGrant.id)):
        grants.setdefault(user_id, []).append(GrantRow(
            role, exams.get(exam_id) if exam_id else None,
            centers.get(center_id) if center_id else None))
    rows = []
    for user in session.scalars(select(User).order_by(User.username)):
        locked = user.locked_until
        rows.append(UserRow(user.username, user.display_name, user.active,
                            user.password_hash is not None,
                            locked if locked is not None and locked > now else None,
                            tuple(grants.get(user.id, ()))))
    return rows
