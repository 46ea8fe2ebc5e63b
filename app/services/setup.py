"""Creating and opening a database as an Exchange Desk: reference data, first administrator.

These are the only writes made without a logged-in user; each is audited as ``system``.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.database.engine import Database, DatabaseError
from app.database.opening import Upgrade, open_database
from app.domain.labels import SCHEMES
from app.domain.models import Nation, NationGroup, NationGroupMember, Setting, User
from app.domain.nations import BUILTIN_GROUPS, all_nations, is_nation
from app.domain.vocab import Role
from app.security import audit
from app.security.auth import USERNAME, USERNAME_RULE
from app.security.passwords import hash_password, password_problem
from app.services.errors import ValidationFailed


def open_desk_database(target: str | Path, backup_dir: Path | None = None) -> Database:
    """Open an existing database (upgrading it, with the copy made first and the upgrade
    audited; a server's copy is a dump in ``backup_dir``, default the user-data backups)."""
    database, report = open_database(target, backup_dir=backup_dir)
    if not database.owner:
        database.dispose()
        raise DatabaseError("this database was never set up; run 'xdesk init'")
    _audit_upgrade(database, report)
    return database


def upgrade_database(
    target: str | Path, backup_dir: Path | None = None
) -> tuple[Database, Upgrade | None]:
    """``xdesk upgrade``: open the database as its owner, upgraded (copy first, audited); what
    was done (None: the schema was at head already). Refuses a database this application is
    older than."""
    database, report = open_database(target, backup_dir=backup_dir)
    if database.read_only:
        database.dispose()
        raise DatabaseError(database.read_only)
    if not database.owner:
        database.dispose()
        raise DatabaseError("this database was never set up; run 'xdesk init'")
    _audit_upgrade(database, report)
    return database, report


def initialise(
    target: str | Path, owner: str, scheme: str, admin: str, password: str, display_name: str = ""
) -> Database:
    """Create a database (or upgrade an existing one) with owning nation, scheme and first admin.

    On an existing, set-up database the owning nation and scheme must match: they never change.
    """
    errors = {}
    owner = owner.strip().upper()
    if not is_nation(owner):
        errors["owner_nation"] = f"{owner!r} is not an ISO 3166-1 alpha-3 nation code"
    if scheme not in SCHEMES:
        errors["scheme"] = f"use one of {', '.join(SCHEMES)}"
    admin = admin.strip().lower()
    problem = password_problem(password, (admin,))
    if problem:
        errors["password"] = problem
    if not admin:
        errors["admin"] = "the first administrator needs a username"
    elif not USERNAME.fullmatch(admin):
        errors["admin"] = USERNAME_RULE
    if errors:
        raise ValidationFailed(errors)
    database, report = open_database(target, create=True)
    if database.owner:
        if database.owner != owner or database.scheme.key != scheme:
            database.dispose()
            raise DatabaseError(
                f"this database belongs to {database.owner} with the {database.scheme.key} scheme; "
                "those never change"
            )
        _audit_upgrade(database, report)
        return database
    with database.writing() as session:
        sync_nations(session)
        session.add_all(
            [Setting(key="owner_nation", value=owner), Setting(key="scheme", value=scheme)]
        )
        top = len(SCHEMES[scheme].names) - 1
        user = User(
            username=admin,
            display_name=display_name or admin,
            password_hash=hash_password(password),
            role=Role.ADMINISTRATOR.value,
            clearance=top,
            nation_code=owner,
        )
        session.add(user)
        session.flush()
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
    database.load_facts()
    return database


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
