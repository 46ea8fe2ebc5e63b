"""``xdesk init``, ``upgrade``, ``check``, ``backup``, ``restore``, ``demo``: the database."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from app.cli.common import (
    AddCommand,
    Command,
    UnauthenticatedCommand,
    acting_user,
    database_target,
    err,
    file_key,
    new_password,
    password,
    progress,
    require_admin,
)
from app.database import at_rest
from app.database.checks import Check, run_checks
from app.database.engine import (
    Database,
    DatabaseError,
    check_sqlite_file,
    display_url,
    make_engine,
    sqlite_path,
    to_url,
)
from app.database.migrate import head_revision
from app.domain.labels import SCHEMES
from app.security import audit
from app.services.demo import DEMO_PASSWORD, demo_users, fill
from app.services.desk import Desk
from app.services.maintenance import backup, encrypt_database, restore
from app.services.setup import initialise, upgrade_database


def cmd_init(args: argparse.Namespace) -> int:
    """Create (or upgrade) the database with its owning nation, scheme and first administrator."""
    target = database_target(args)
    path = sqlite_path(to_url(target))
    existed = path is not None and path.exists() and path.stat().st_size > 0
    password = new_password("XDESK_PASSWORD", f"Password for the administrator {args.admin}: ")
    database = initialise(
        target, args.owner_nation, args.scheme, args.admin, password, args.display_name or ""
    )
    try:
        where = path or display_url(target)
        if existed:
            print(
                f"database at {where} is ready (owner {database.owner}, {database.scheme.key} "
                "scheme, schema up to date)"
            )
        else:
            print(
                f"created database at {where}: owner {database.owner}, {database.scheme.key} "
                f"scheme, administrator {args.admin}"
            )
    finally:
        database.dispose()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Check the database for real and say what was checked, one line per check (exit 1 when
    there are problems). On a server, connect as the owner role."""
    url = to_url(database_target(args))
    path = sqlite_path(url)
    where = display_url(url)
    if path is not None:
        if not path.exists():
            raise FileNotFoundError(f"no database at {path}")
    key = file_key(args)
    if path is not None:
        try:
            check_sqlite_file(path, key)
        except DatabaseError as error:
            err(f"error: {error}")
            return 1
    engine = make_engine(url, key=key)
    try:
        checks = run_checks(engine)
        checks.append(_audit_chain(Database(url=url, engine=engine, key=key)))
    finally:
        engine.dispose()
    print(f"checked {where}:")
    for done in checks:
        if done.ok:
            print(f"{done.name} ok: {done.checked}")
            continue
        print(f"{done.name} FAILED: {done.checked}")
        for problem in done.problems:
            print(f"  - {problem}")
    failed = [c for c in checks if not c.ok]
    if not failed:
        return 0
    problems = sum(len(c.problems) for c in failed)
    err(
        f"error: {problems} problem(s) in {len(failed)} check(s) of {where}: "
        + ", ".join(c.name for c in failed)
    )
    return 1


def _audit_chain(database: Database) -> Check:
    """The audit chain verified in one snapshot (read only: nothing is appended)."""
    try:
        with database.snapshot() as session:
            result = audit.verify(session)
    except SQLAlchemyError as error:
        first = str(getattr(error, "orig", None) or error).splitlines()[0]
        return Check("audit chain", "every link and the head", (f"cannot be read: {first}",))
    return Check(
        "audit chain",
        f"{result.checked} events: every link and the head",
        tuple(problem.message for problem in result.problems),
    )


def cmd_upgrade(args: argparse.Namespace) -> int:
    """Upgrade the schema to this application's newest (on a server: as the owner role, under
    the upgrade lock, after a pg_dump copy); audited."""
    target = database_target(args)
    backup_dir = Path(args.backup_dir).resolve() if args.backup_dir else None
    database, report = upgrade_database(target, backup_dir, key=file_key(args))
    try:
        where = display_url(target)
        if report is None:
            print(f"{where} is at schema {head_revision()} already; nothing to upgrade")
        else:
            print(
                f"upgraded {where} from schema {report.from_revision} to {report.to_revision}; "
                f"a copy was taken first: {report.copy}"
            )
    finally:
        database.dispose()
    return 0


def cmd_backup(args: argparse.Namespace, desk: Desk) -> int:
    """Copy the live database (SQLite's online backup API, ``pg_dump`` on a server;
    administrators); audited."""
    made = backup(desk, args.file)
    print(
        f"backed up {display_url(desk.db.url)} to {made.path} ({made.size} bytes, sha256 "
        f"{made.sha256[:16]}…); its label: {made.label_file}"
    )
    return 0


def cmd_restore(args: argparse.Namespace, desk: Desk) -> int:
    """Replace the database by a backup (administrators); the replaced database is kept aside
    (a file, or a dump beside the backup on a server)."""
    done = restore(desk, args.file)
    print(
        f"restored {done.path} from {done.backup}"
        + (f"; the replaced database was kept at {done.kept}" if done.kept else "")
    )
    return 0


def cmd_encrypt(args: argparse.Namespace) -> int:
    """Encrypt a plain database file in place (administrators): copy first, verify, then
    swap; the acting administrator's password opens it from now on."""
    username = acting_user(args)
    done = encrypt_database(database_target(args), username, password(f"Password for {username}: "))
    print(f"encrypted {done.path}; its keys file is {at_rest.key_file(done.path)}")
    if done.without_slot:
        print(
            f"{len(done.without_slot)} other user(s) cannot log in until an administrator sets "
            "them a new password (xdesk user password NAME): " + ", ".join(done.without_slot)
        )
    print(
        "backups and exports made before today are not encrypted: delete them or keep them "
        "where only you can read them"
    )
    return 0


def cmd_demo(args: argparse.Namespace, desk: Desk) -> int:
    """Fill the database with the demo data set (administrators)."""
    require_admin(desk, "fill the database with demo data")
    counts = fill(
        desk,
        people=args.people,
        exchanges=args.exchanges,
        seed=args.seed,
        progress=progress("demo data"),
    )
    made = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items() if n)
    print(f"demo data created: {made or 'nothing'}")
    accounts = ", ".join(
        f"{u['username']} ({u['role']}, {u['clearance']}, {u['nation']})"
        for u in demo_users(desk.owner)
    )
    print(f"demo users: {accounts}; each logs in with the password {DEMO_PASSWORD}")
    return 0


def add_parsers(
    add: AddCommand, common: argparse.ArgumentParser, db_only: argparse.ArgumentParser
) -> None:
    """Add this group's sub-commands (``add`` makes one with the shared ``--db`` / ``--user``)."""
    p = add("init", "create the database (or upgrade an existing one)")
    p.add_argument(
        "--owner-nation",
        required=True,
        metavar="CODE",
        help="owning nation, ISO alpha-3 (e.g. USA)",
    )
    p.add_argument(
        "--scheme", choices=sorted(SCHEMES), default="default", help="classification scheme"
    )
    p.add_argument(
        "--admin", required=True, metavar="NAME", help="username of the first administrator"
    )
    p.add_argument("--display-name", metavar="TEXT", help="the administrator's display name")

    p = add(
        "backup",
        "copy the live database to FILE (administrators; pg_dump's custom format on a server)",
    )
    p.add_argument("file", metavar="FILE")
    p = add(
        "upgrade",
        "upgrade the schema (on a server: connect as the owner role; a pg_dump copy is taken "
        "first)",
    )
    p.add_argument(
        "--backup-dir",
        metavar="DIR",
        help="where a server's copy before the upgrade goes (default: the user-data backups)",
    )
    p = add("restore", "replace the database by a backup FILE (administrators)")
    p.add_argument("file", metavar="FILE")
    add(
        "check",
        "check the database and say what was checked (on a server: row security, policies, "
        "owners, audit triggers, orphans, the audit chain; connect as the owner role)",
    )

    add(
        "encrypt",
        "encrypt a plain database file in place (administrators; copy first, verify, then swap)",
    )

    p = add("demo", "fill the database with a realistic demo data set (administrators)")
    p.add_argument("--people", type=int, default=400)
    p.add_argument("--exchanges", type=int, default=80)
    p.add_argument("--seed", type=int, default=2026)


COMMANDS: dict[str, Command] = {
    "backup": cmd_backup,
    "restore": cmd_restore,
    "demo": cmd_demo,
}
# commands that run before anyone logs in
UNAUTHENTICATED: dict[str, UnauthenticatedCommand] = {
    "init": cmd_init,
    "check": cmd_check,
    "upgrade": cmd_upgrade,
    "encrypt": cmd_encrypt,
}
