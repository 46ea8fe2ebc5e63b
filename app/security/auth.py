"""Logging in: Argon2id verification, lockout after repeated failures, audited either way."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.database.engine import Database
from app.domain.models import Setting, User, utcnow
from app.domain.vocab import Role
from app.security import audit
from app.security.passwords import verify_password
from app.security.principal import Actor

# usernames: lower case letters, digits, . _ - (a letter or digit first), at most 64; one user
# whatever the case it is typed in (also a PostgreSQL role name as it is)
USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
USERNAME_RULE = (
    "a username is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter "
    "or digit"
)
NOT_A_USERNAME = "(not a username)"  # the trail's name for a failed login typed as no username
LOCKOUT_ATTEMPTS = 5
LOCKOUT_MINUTES = 15
LOGIN_FAILED = (
    "Login failed: the username or password is wrong, or the account is locked after "
    "repeated failures. Try again later or ask an administrator."
)


class LoginFailed(Exception):
    """Login refused; the message never says whether the username exists."""

    def __init__(self) -> None:
        super().__init__(LOGIN_FAILED)


def lockout_rule(session: Session) -> tuple[int, int]:
    """(attempts, minutes) from the settings table, or the defaults 5 and 15."""
    values = dict(
        session.execute(
            select(Setting.key, Setting.value).where(
                Setting.key.in_(("lockout_attempts", "lockout_minutes"))
            )
        ).all()
    )
    return (
        int(values.get("lockout_attempts", LOCKOUT_ATTEMPTS)),
        int(values.get("lockout_minutes", LOCKOUT_MINUTES)),
    )


def actor_of(user: User) -> Actor:
    """The access-relevant facts of a user row."""
    return Actor(
        id=user.id,
        username=user.username,
        role=Role(user.role),
        clearance=user.clearance,
        nation=user.nation_code,
        groups=frozenset(g.group_name for g in user.groups),
    )


def authenticate(
    database: Database, username: str, password: str, now: dt.datetime | None = None
) -> Actor:
    """Check a username and password; the actor on success, `LoginFailed` otherwise."""
    now = now or utcnow()
    typed = username.strip().lower()
    with database.writing() as session:
        user = (
            session.scalar(select(User).where(func.lower(User.username) == typed))
            if USERNAME.fullmatch(typed)
            else None
        )
        attempts, minutes = lockout_rule(session)
        password_ok = verify_password(user.password_hash if user else None, password)
        if user is not None:
            username = user.username
        if user is None:
            # what was typed is kept only if it could be a username: a password typed into the
            # wrong field must not land in the trail
            audit.record(
                session,
                typed if USERNAME.fullmatch(typed) else NOT_A_USERNAME,
                "login_failure",
                kind="user",
                details={"reason": "unknown user"},
            )
        elif user.locked_until is not None and user.locked_until > now:
            audit.record(
                session,
                username,
                "login_failure",
                kind="user",
                record_id=user.id,
                details={"reason": "account locked"},
            )
        elif not user.active or not password_ok:
            user.failed_logins += 1
            reason = "account deactivated" if not user.active else "wrong password"
            audit.record(
                session,
                username,
                "login_failure",
                kind="user",
                record_id=user.id,
                details={"reason": reason, "consecutive_failures": user.failed_logins},
            )
            if user.failed_logins >= attempts:
                user.locked_until = now + dt.timedelta(minutes=minutes)
                user.failed_logins = 0
                audit.record(
                    session,
                    username,
                    "lockout",
                    kind="user",
                    record_id=user.id,
                    details={"until": user.locked_until, "attempts": attempts},
                )
        else:
            user.failed_logins = 0
            user.locked_until = None
            user.last_login = now
            audit.record(session, username, "login", kind="user", record_id=user.id)
            return actor_of(user)
    raise LoginFailed()
