"""Logging in: Argon2id verification, lockout after repeated failures, audited either way.

On a server the server checks the password: the user connects as their own login role
(`app.database.server_logins`); a refused login is reported through the guard role, which
counts it and locks the role after repeated failures; a login the server accepts is recorded
here (`record_server_login`) as on the embedded database.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import func, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.database.engine import Database, DatabaseError
from app.database.server_logins import LoginRefused, report_refused
from app.domain.models import Setting, User, utcnow
from app.domain.texts import said
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
LOGIN_FAILED = said(
    "Login failed: the username or password is wrong, or the account is locked after "
    "repeated failures. Try again later or ask an administrator."
)


# a login writes its event: behind another writer's long transaction (an all-or-nothing import)
# it waits this long, then says so, instead of the 30 s any other write waits
LOGIN_BUSY_SECONDS = 3.0
LOGIN_BUSY = (
    "The database is busy: another window or program is writing a large change (an import or "
    "a restore). Log in again in a moment; nothing was changed."
)


def is_locked(error: BaseException) -> bool:
    """True for SQLite's refusal of a lock held too long by another writer."""
    return "database is locked" in str(getattr(error, "orig", error))


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


def connect_as_user(
    connect: Callable[[], Database], url: URL, username: str, password: str
) -> Database:
    """``connect()`` as a user's login role; a refusal is reported to the server's guard and
    is `LoginFailed`. When the guard lifted a lock that had run out, ``connect`` runs once
    more (a refusal then counts as a failure). An empty password is refused here: libpq would
    take it as none and read PGPASSWORD or ~/.pgpass instead."""
    if not USERNAME.fullmatch(username):
        # never sent as a role name: a password typed into the username field must not reach
        # the server's log; the failure is reported as no username
        report_refused(url, NOT_A_USERNAME)
        raise LoginFailed()
    if not password:
        raise LoginFailed()
    for attempt in range(2):
        try:
            return connect()
        except LoginRefused:
            lifted = report_refused(url, username)
            if not lifted or attempt:
                raise LoginFailed() from None
    raise LoginFailed()


def record_server_login(database: Database, username: str) -> Actor:
    """A login the server accepted (``database`` is connected as ``username``): failures
    reset and last login set by the server, audited; `LoginFailed` when the users row is
    missing, deactivated or locked (the role could still log in)."""
    with database.writing() as session:
        state = database.logins.logged_in(session)
        user = session.scalar(select(User).where(User.username == username))
        if state == "ok" and user is not None:
            audit.record(session, username, "login", kind="user", record_id=user.id)
            return actor_of(user)
        audit.record(
            session,
            username,
            "login_failure",
            kind="user",
            record_id=user.id if user else None,
            details={"reason": f"role logged in, account {state}"},
        )
    raise LoginFailed()


@contextmanager
def _login_writing(database: Database) -> Iterator[Session]:
    """The write transaction of a login on the embedded database: it waits for another
    writer's lock only `LOGIN_BUSY_SECONDS`, then is `LOGIN_BUSY` in words."""
    try:
        with database.writing(busy_seconds=LOGIN_BUSY_SECONDS) as session:
            yield session
    except OperationalError as error:
        if is_locked(error):
            raise DatabaseError(LOGIN_BUSY) from None
        raise


def record_refused_unlocks(database: Database, failures: list[tuple[str, dt.datetime]]) -> None:
    """Write logins an encrypted file's keys file refused (name as typed, when) to the trail,
    counted towards each user's lockout as if the database had been open then."""
    with _login_writing(database) as session:
        attempts, minutes = lockout_rule(session)
        for typed, at in failures:
            user = (
                session.scalar(select(User).where(User.username == typed))
                if USERNAME.fullmatch(typed)
                else None
            )
            details = {"reason": "refused by the keys file", "at": at.isoformat()}
            if user is None:
                _unknown_user(
                    session, typed, {**details, "reason": "unknown user, " + details["reason"]}
                )
                continue
            _count_failure(session, user, details, at, attempts, minutes)


def _unknown_user(session: Session, typed: str, details: dict[str, object]) -> None:
    """A failed login of no user: what was typed is kept only if it could be a username (a
    password typed into the wrong field must not land in the trail)."""
    audit.record(
        session,
        typed if USERNAME.fullmatch(typed) else NOT_A_USERNAME,
        "login_failure",
        kind="user",
        details=details,
    )


def _count_failure(
    session: Session,
    user: User,
    details: dict[str, object],
    now: dt.datetime,
    attempts: int,
    minutes: int,
) -> None:
    """One more failed login of ``user``, audited; locked out after ``attempts`` in a row."""
    user.failed_logins += 1
    audit.record(
        session,
        user.username,
        "login_failure",
        kind="user",
        record_id=user.id,
        details={**details, "consecutive_failures": user.failed_logins},
    )
    if user.failed_logins >= attempts:
        user.locked_until = now + dt.timedelta(minutes=minutes)
        user.failed_logins = 0
        audit.record(
            session,
            user.username,
            "lockout",
            kind="user",
            record_id=user.id,
            details={"until": user.locked_until, "attempts": attempts},
        )


def authenticate(
    database: Database, username: str, password: str, now: dt.datetime | None = None
) -> Actor:
    """Check a username and password; the actor on success, `LoginFailed` otherwise.

    On a server the password is checked by connecting as the user's role once more (as the
    idle lock's unlock needs); the database keeps its own connections.
    """
    if database.logins.server:
        username = username.strip().lower()
        probe = connect_as_user(
            lambda: database.connect_as(username, password), database.url, username, password
        )
        try:
            return record_server_login(probe, username)
        finally:
            probe.dispose()
    now = now or utcnow()
    typed = username.strip().lower()
    username = typed
    with _login_writing(database) as session:
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
            _unknown_user(session, typed, {"reason": "unknown user"})
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
            reason = "account deactivated" if not user.active else "wrong password"
            _count_failure(session, user, {"reason": reason}, now, attempts, minutes)
        else:
            user.failed_logins = 0
            user.locked_until = None
            user.last_login = now
            audit.record(session, username, "login", kind="user", record_id=user.id)
            return actor_of(user)
    raise LoginFailed()
