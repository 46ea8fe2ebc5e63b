"""Creating and opening a database as an Exchange Desk: reference data, first administrator.

These are the only writes made without a logged-in user; each is audited as ``system``.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.database import at_rest
from app.database.engine import (
    Database,
    DatabaseError,
    has_login_roles,
    make_engine,
    sqlite_path,
    to_url,
)
from app.database.opening import Upgrade, open_database
from app.database.server_logins import RoleNameTaken, check_manager
from app.domain.labels import SCHEMES
from app.domain.models import Nation, NationGroup, NationGroupMember, Setting, User
from app.domain.nations import BUILTIN_GROUPS, all_nations, is_nation
from app.domain.texts import said
from app.domain.vocab import Role
from app.security import audit
from app.security.auth import (
    USERNAME,
    USERNAME_RULE,
    LoginFailed,
    authenticate,
    connect_as_user,
    record_refused_unlocks,
    record_server_login,
)
from app.security.passwords import hash_password, password_problem
from app.security.principal import Actor
from app.services.errors import ValidationFailed


def open_desk_database(
    target: str | Path,
    backup_dir: Path | None = None,
    user: str | None = None,
    password: str | None = None,
    key: bytes | None = None,
) -> Database:
    """Open an existing database (upgrading it, with the copy made first and the upgrade
    audited; a server's copy is a dump in ``backup_dir``, default the user-data backups); on a
    server with ``user``, connected as that user's login role; an encrypted file with
    ``user`` and ``password``, unlocked by that user's slot (`LoginFailed` when it does not
    open), or with the ``key`` an earlier login unwrapped. Nobody is logged in by this:
    `log_in` does that."""
    key = key or unlock_file(target, user, password)
    database, report = open_database(
        target,
        backup_dir=backup_dir,
        user=user if key is None else None,
        password=password if key is None else None,
        key=key,
    )
    if not database.owner:
        database.dispose()
        raise DatabaseError("this database was never set up; run 'xdesk init'")
    _audit_upgrade(database, report)
    return database


def upgrade_database(
    target: str | Path, backup_dir: Path | None = None, key: bytes | None = None
) -> tuple[Database, Upgrade | None]:
    """``xdesk upgrade``: open the database as its owner (an encrypted file with its ``key``),
    upgraded (copy first, audited); what was done (None: the schema was at head already).
    Refuses a database this application is older than."""
    database, report = open_database(target, backup_dir=backup_dir, key=key)
    if database.read_only:
        database.dispose()
        raise DatabaseError(database.read_only)
    if not database.owner:
        database.dispose()
        raise DatabaseError("this database was never set up; run 'xdesk init'")
    _audit_upgrade(database, report)
    return database, report


def log_in(target: str | Path, username: str, password: str) -> tuple[Database, Actor]:
    """Open the database and log the user in: the database (on a server connected as the
    user's own login role) and the actor; `LoginFailed` (audited) otherwise."""
    if is_server(target):
        username = username.strip().lower()  # usernames are lower case, as the roles
        database = connect_as_user(
            lambda: open_desk_database(target, user=username, password=password),
            to_url(target),
            username,
            password,
        )
        login = lambda: record_server_login(database, username)  # noqa: E731
    else:
        database = open_desk_database(target, user=username, password=password)
        login = lambda: _file_login(database, username, password)  # noqa: E731
    try:
        return database, login()
    except BaseException:
        database.dispose()
        raise


def is_server(target: str | Path) -> bool:
    """True for a database server's URL (its users log in as their own roles)."""
    return has_login_roles(target)


def opens_at_login(target: str | Path) -> bool:
    """True when only a login opens the database: a server (as the user's own role) or an
    encrypted file (the user's password unwraps its key)."""
    if is_server(target):
        return True
    path = sqlite_path(to_url(target))
    return path is not None and at_rest.is_encrypted(path)


def unlock_file(target: str | Path, user: str | None, password: str | None) -> bytes | None:
    """An encrypted file's database key, unwrapped by ``user``'s password (`LoginFailed` when
    it does not open); None for a plain file, a server, or without a user."""
    path = sqlite_path(to_url(target))
    if path is None or user is None or not at_rest.is_encrypted(path):
        return None
    try:
        return at_rest.unlock(path, user, password or "")
    except at_rest.SlotRefused:
        raise LoginFailed() from None
    except at_rest.KeyFileError as error:
        raise DatabaseError(str(error)) from None


def _file_login(database: Database, username: str, password: str) -> Actor:
    """The login on a file: refusals the keys file kept are written to the trail first."""
    path = database.path
    if path is not None and database.key is not None:
        failures = at_rest.pending_failures(path)
        if failures:
            record_refused_unlocks(database, [(f.name, f.at) for f in failures])
            at_rest.clear_failures(path, len(failures))
    return authenticate(database, username, password)


def initialise(
    target: str | Path,
    owner: str,
    scheme: str,
    admin: str,
    password: str,
    display_name: str = "",
    encrypt: bool = True,
) -> Database:
    """Create a database (or upgrade an existing one) with owning nation, scheme and first admin.

    On an existing, set-up database the owning nation and scheme must match: they never change.
    A new file is encrypted (`app.database.at_rest`; ``encrypt=False`` only for the tests of
    ``xdesk encrypt``): the first administrator's password unwraps its key.
    """
    errors = {}
    owner = owner.strip().upper()
    if not is_nation(owner):
        errors["owner_nation"] = said(
            "{value!r} is not an ISO 3166-1 alpha-3 nation code", value=owner
        )
    if scheme not in SCHEMES:
        errors["scheme"] = said("use one of {choices}", choices=", ".join(SCHEMES))
    admin = admin.strip().lower()
    problem = password_problem(password, (admin,))
    if problem:
        errors["password"] = problem
    if not admin:
        errors["admin"] = said("the first administrator needs a username")
    elif not USERNAME.fullmatch(admin):
        errors["admin"] = USERNAME_RULE
    if errors:
        raise ValidationFailed(errors)
    if is_server(target):
        _owner_may_create_roles(target)
    key, made = _file_key(target, admin, password, encrypt)
    try:
        database, report = open_database(target, create=True, key=key)
    except BaseException:
        if made is not None:  # nothing of a database that could not be made is left behind
            at_rest.key_file(made).unlink(missing_ok=True)
        raise
    logins = database.logins
    if database.owner:
        if database.owner != owner or database.scheme.key != scheme:
            database.dispose()
            raise DatabaseError(
                f"this database belongs to {database.owner} with the {database.scheme.key} scheme; "
                "those never change"
            )
        _audit_upgrade(database, report)
        if logins.server:
            _owner_sets_admin_password(database, admin.strip(), password)
        return database
    try:
        _set_up(database, report, owner, scheme, admin, password, display_name)
    except BaseException:
        database.dispose()
        raise
    database.load_facts()
    return database


def _file_key(
    target: str | Path, admin: str, password: str, encrypt: bool
) -> tuple[bytes | None, Path | None]:
    """(the key a new or encrypted file opens with, the file whose keys were just made)."""
    path = sqlite_path(to_url(target))
    if path is None:
        return None, None
    if at_rest.is_encrypted(path):
        try:
            return at_rest.unlock(path, admin, password), None
        except at_rest.SlotRefused:
            raise DatabaseError(
                f"{path} is encrypted and does not open with that administrator's password"
            ) from None
    if not encrypt or (path.exists() and path.stat().st_size > 0):
        return None, None
    path.parent.mkdir(parents=True, exist_ok=True)
    return at_rest.create(path, admin, password), path


def _set_up(
    database: Database,
    report: Upgrade | None,
    owner: str,
    scheme: str,
    admin: str,
    password: str,
    display_name: str,
) -> None:
    """The first writes of a new database: nations, settings, the first administrator (on a
    server with their login role, which the owner role creates)."""
    logins = database.logins
    with database.writing() as session:
        if logins.server:
            _may_create_roles(session)
        sync_nations(session)
        session.add_all(
            [Setting(key="owner_nation", value=owner), Setting(key="scheme", value=scheme)]
        )
        top = len(SCHEMES[scheme].names) - 1
        user = User(
            username=admin,
            display_name=display_name or admin,
            password_hash=logins.stored_hash(password, hash_password),
            role=Role.ADMINISTRATOR.value,
            clearance=top,
            nation_code=owner,
        )
        session.add(user)
        session.flush()
        try:
            logins.password_set(session, user.username, password, creating=True)
        except RoleNameTaken as error:
            raise ValidationFailed({"admin": str(error)}) from None
        audit.record(
            session,
            "system",
            "database_created",
            details={
                "owner_nation": owner,
                "scheme": scheme,
                "revision": report.to_revision if report else "",
            },
        )
        audit.record(
            session,
            "system",
            "user_create",
            kind="user",
            record_id=user.id,
            ref=user.username,
            details={"role": user.role, "clearance": top, "nation": owner},
        )


def _owner_may_create_roles(target: str | Path) -> None:
    """Before any migration: the URL's role must be able to make the users' group and roles."""
    engine = make_engine(to_url(target))
    try:
        with Session(engine) as session:
            _may_create_roles(session)
    finally:
        engine.dispose()


def _may_create_roles(session: Session) -> None:
    try:
        check_manager(session)
    except PermissionError as error:
        raise DatabaseError(str(error)) from None


def _owner_sets_admin_password(database: Database, admin: str, password: str) -> None:
    """``xdesk init`` on a set-up server database, as the owner: the named administrator's
    login role gets this password (made if missing: a database from before revision 0007, or
    a forgotten password). Anyone else named is left alone."""
    with database.writing() as session:
        user = session.scalar(select(User).where(User.username == admin))
        if user is None or user.role != Role.ADMINISTRATOR.value:
            return
        _may_create_roles(session)
        user.password_hash = database.logins.stored_hash(password, hash_password)
        database.logins.password_set(session, admin, password, creating=False)
        audit.record(session, "system", "password_reset", kind="user", record_id=user.id, ref=admin)


def sync_nations(session) -> None:  # noqa: ANN001
    """Insert nations from pycountry and the built-in groups that are missing."""
    have = set(session.scalars(select(Nation.code)))
    session.add_all(Nation(code=c, name=n) for c, n in all_nations().items() if c not in have)
    session.flush()
    groups = set(session.scalars(select(NationGroup.code)))
    for code, (name, members) in BUILTIN_GROUPS.items():
        if code not in groups:
            session.add(
                NationGroup(
                    code=code,
                    name=name,
                    builtin=True,
                    members=[NationGroupMember(nation_code=m) for m in members],
                )
            )
    session.flush()


# a revision's own event, left in `settings` by a migration (the trail's append belongs to the
# security layer, above the migrations): ``audit_pending:<revision>`` holding JSON
# ``{"action", "kind", "details"}``, audited by ``xdesk upgrade`` and removed in one transaction
AUDIT_PENDING = "audit_pending:"


def _audit_upgrade(database: Database, report: Upgrade | None) -> None:
    if report is None or report.from_revision is None:
        return
    with database.writing() as session:
        audit.record(
            session,
            "system",
            "migration",
            details={
                "from": report.from_revision,
                "to": report.to_revision,
                "copy": str(report.copy or ""),
            },
        )
        pending = session.scalars(
            select(Setting).where(Setting.key.startswith(AUDIT_PENDING)).order_by(Setting.key)
        ).all()
        for note in pending:
            event = json.loads(note.value)
            audit.record(
                session,
                "xdesk upgrade",
                event["action"],
                kind=event.get("kind", ""),
                details={"revision": note.key.removeprefix(AUDIT_PENDING), **event["details"]},
            )
            session.delete(note)
