"""Logins on a database server: every application user is a PostgreSQL role of the same name.

On a server the application connects as the person who logs in; PostgreSQL checks the password
(SCRAM-SHA-256). This module is the one place that knows how:

- `scram_verifier` computes the stored form of a password (``SCRAM-SHA-256$<iterations>:<salt>$
  <StoredKey>:<ServerKey>``, RFC 5802/7677 as PostgreSQL keeps it) in Python, so the clear
  password never travels to the server nor lands in its logs; only the verifier does.
- The roles are managed through the owner's ``SECURITY DEFINER`` functions of revision 0009
  (``xdesk_role_set``, ``xdesk_role_sync``), which only the owner (or a superuser) and active
  administrators may call: user roles never hold CREATEROLE. A role's LOGIN follows its
  ``users`` row (active and not locked); ``users.password_hash`` holds `ROLE_MARKER`.
- A refused login is `LoginRefused`, which never says why. The application then reports it
  through the guard role ``<database>_guard`` (a public password, `GUARD_PASSWORD`, that may
  only execute ``xdesk_login_failed``), which counts it and sets NOLOGIN after repeated
  failures, as the embedded database's lockout does.

`Logins` is what the services call; on SQLite (`logins_of`) it does nothing and the users
table's Argon2id hashes stay the password check.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
import stringprep
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from app.database.at_rest import drop_slot_in, set_slot_in
from app.domain.models import User

log = logging.getLogger(__name__)

ROLE_MARKER = "!postgresql-role"  # users.password_hash on a server: never a usable hash
GUARD_PASSWORD = "xdesk-guard"  # public on purpose: the guard may only report failures
SCRAM_ITERATIONS = 4096  # PostgreSQL's default (scram_iterations)
VERIFIER = re.compile(r"^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$")
LOGIN_REFUSED = (
    "Login failed: the username or password is wrong, or the account is locked after "
    "repeated failures. Try again later or ask an administrator."
)
# what a server says when it refuses a login (authentication, NOLOGIN, no such role, pg_hba):
# SQLSTATE class 28 when the driver passes it on, else the server's words
REFUSED_STATES = {"28000", "28P01"}
REFUSED_WORDS = (
    "password authentication failed",
    "is not permitted to log in",
    "does not exist",
    "no pg_hba.conf entry",
    "authentication failed",
    "password is expired",
    "no password supplied",
    "fe_sendauth",
)


class LoginRefused(Exception):
    """The server refused the login; the message never says whether the user exists."""

    def __init__(self) -> None:
        super().__init__(LOGIN_REFUSED)


MAX_ROLE_NAME = 63  # bytes: PostgreSQL's NAMEDATALEN - 1 (a longer name would be cut short)


class RoleNameTaken(Exception):
    """A username the server cannot take as a role: it has a role of that name already (roles
    are shared by all its databases), or the name is longer than a role name may be."""

    def __init__(self, name: str, too_long: bool = False) -> None:
        super().__init__(
            f"a username on a database server is at most {MAX_ROLE_NAME} characters"
            if too_long
            else f"the database server has a role named {name} already: choose another "
            "username, or ask IT whose role it is"
        )


def users_group(database: str) -> str:
    """The group role every application user of ``database`` is in."""
    return f"{database}_users"


def guard_role(database: str) -> str:
    """The role that reports refused logins of ``database``."""
    return f"{database}_guard"


# --- the SCRAM-SHA-256 verifier ------------------------------------------------------------------


def saslprep(password: str) -> str:
    """``password`` prepared as PostgreSQL's SCRAM does (RFC 4013 SASLprep); a password SASLprep
    refuses is used as it is, as the server's own code does."""
    if password.isascii():
        return password  # PostgreSQL skips SASLprep for pure ASCII
    mapped = "".join(
        " " if stringprep.in_table_c12(c) else c for c in password if not stringprep.in_table_b1(c)
    )
    prepared = unicodedata.normalize("NFKC", mapped)
    prohibited = (
        stringprep.in_table_c12,
        stringprep.in_table_c21_c22,
        stringprep.in_table_c3,
        stringprep.in_table_c4,
        stringprep.in_table_c5,
        stringprep.in_table_c6,
        stringprep.in_table_c7,
        stringprep.in_table_c8,
        stringprep.in_table_c9,
        stringprep.in_table_a1,
    )
    if not prepared or any(check(c) for c in prepared for check in prohibited):
        return password
    if any(stringprep.in_table_d1(c) for c in prepared):
        if any(stringprep.in_table_d2(c) for c in prepared) or not (
            stringprep.in_table_d1(prepared[0]) and stringprep.in_table_d1(prepared[-1])
        ):
            return password
    return prepared


def scram_verifier(
    password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS
) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (a fresh 16-byte salt)."""
    salt = os.urandom(16) if salt is None else salt
    salted = hashlib.pbkdf2_hmac("sha256", saslprep(password).encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


# --- refused logins ------------------------------------------------------------------------------


def is_refused_login(error: BaseException) -> bool:
    """True when a connection error is the server refusing the login (not the network)."""
    original = getattr(error, "orig", error)
    state = getattr(original, "sqlstate", None)
    if state in REFUSED_STATES:
        return True
    words = str(original).lower()
    return any(w in words for w in REFUSED_WORDS)


def report_refused(url: URL, username: str) -> bool:
    """Tell the server a login as ``username`` was refused (through the guard role).

    True when the server lifted an expired lockout just now (the caller tries once more).
    A server without the guard (an older schema, or IT removed it) is only logged: the login
    stays refused either way.
    """
    if not url.database:
        return False
    engine = create_engine(
        url.set(username=guard_role(url.database), password=None),
        connect_args={"password": GUARD_PASSWORD},
        poolclass=NullPool,
    )
    try:
        with engine.begin() as connection:
            return bool(
                connection.scalar(text("SELECT xdesk_login_failed(:name)"), {"name": username})
            )
    except DBAPIError as error:
        log.warning("a refused login could not be counted: %s", type(error.orig).__name__)
        return False
    finally:
        engine.dispose()


def check_reachable(url: URL) -> None:
    """Raise the driver's error when the server cannot be reached at all (before anyone types
    a password): connecting as the guard either works or is refused, both mean it is there."""
    engine = create_engine(
        url.set(username=guard_role(url.database or ""), password=None),
        connect_args={"password": GUARD_PASSWORD},
        poolclass=NullPool,
    )
    try:
        with engine.connect():
            pass
    except DBAPIError as error:
        if not is_refused_login(error):
            raise
    finally:
        engine.dispose()


# --- what the services call ----------------------------------------------------------------------


@dataclass(frozen=True)
class Logins:
    """How a database checks passwords; the embedded database: its users table (nothing to do
    here), a server: its login roles."""

    server: bool = False
    # an encrypted database file and its key: each password set gives the user a new slot in
    # its keys file (`app.database.at_rest`); None for a plain file or a server
    keys: tuple[Path, bytes] | None = None

    def stored_hash(self, password: str, hasher: Callable[[str], str]) -> str:
        """What ``users.password_hash`` holds for a new password: ``hasher(password)`` on the
        embedded database, the marker on a server (the server checks the password)."""
        return ROLE_MARKER if self.server else hasher(password)

    def password_set(self, session: Session, username: str, password: str, creating: bool) -> None:
        """Create the user's role (``creating``) or give it a new password: only its SCRAM
        verifier is sent. The ``users`` row must be in the session's transaction already."""
        if not self.server:
            if self.keys is not None:
                set_slot_in(session, *self.keys, username, password)
            return
        if len(username.encode("utf-8")) > MAX_ROLE_NAME:
            raise RoleNameTaken(username, too_long=True)
        if not roles_kept(session):
            return
        session.flush()
        try:
            with session.begin_nested():
                session.execute(
                    text("SELECT xdesk_role_set(:name, :verifier, :creating)"),
                    {"name": username, "verifier": scram_verifier(password), "creating": creating},
                )
        except DBAPIError as error:
            if getattr(error.orig, "sqlstate", None) == "42710":
                raise RoleNameTaken(username) from None
            raise

    def access_changed(self, session: Session, username: str) -> None:
        """The user's row changed (active, locked): the role's LOGIN follows it; on an
        encrypted file a deactivated user's key slot goes (`at_rest.drop_slot_in`)."""
        if not self.server:
            if self.keys is not None:
                session.flush()
                active = session.scalar(select(User.active).where(User.username == username))
                if active is False:
                    drop_slot_in(session, self.keys[0], username)
            return
        if not roles_kept(session):
            return
        session.flush()
        session.execute(text("SELECT xdesk_role_sync(:name)"), {"name": username})

    def logged_in(self, session: Session) -> str:
        """On a server, record the connected role's successful login (failures reset, last
        login) and say the state of its users row: 'ok', 'inactive', 'locked' or 'unknown'."""
        if not self.server:
            return "ok"
        return str(session.scalar(text("SELECT xdesk_login_succeeded()")))


_ROLES = "xdesk_roles_kept"  # cached in the pooled connection's info once seen


def roles_kept(session: Session) -> bool:
    """True when the server's database manages its users' roles (revision 0009 or later); a
    database below it (opened only to be upgraded, or by the tests of old revisions) has
    nothing to call."""
    connection = session.connection()
    if connection.info.get(_ROLES):
        return True
    kept = connection.scalar(
        text("SELECT to_regprocedure('public.xdesk_role_sync(text)') IS NOT NULL")
    )
    if kept:
        connection.info[_ROLES] = True
    return bool(kept)


def logins_of(server: bool, keys: tuple[Path, bytes] | None = None) -> Logins:
    """The `Logins` of an embedded database (False; encrypted: its file and key) or a server."""
    return Logins(server=server, keys=keys)


def check_manager(session: Session) -> None:
    """Refuse (`PermissionError`) an owner role that cannot create the users' roles."""
    may = session.scalar(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    )
    if not may:
        name = session.scalar(text("SELECT current_user"))
        raise PermissionError(
            f"the owner role {name} needs CREATEROLE to create the users' login roles "
            f'(as a superuser: ALTER ROLE "{name}" CREATEROLE)'
        )
