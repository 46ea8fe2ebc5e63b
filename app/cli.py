"""``xdesk``: the command line of Exchange Desk, for scripts, administrators and tests.

Every command goes through the same services and access rules as the desktop application.
Passwords come from ``XDESK_PASSWORD`` / ``XDESK_NEW_PASSWORD`` or a prompt, never from the
command line. Errors are one line each on stderr (``xdesk: error: ...``); the exit status is 0
on success, 1 when something failed and 2 for a usage mistake.
"""

from __future__ import annotations

import argparse
import getpass
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from app.database.engine import Database, DatabaseError
from app.domain.labels import SCHEMES
from app.paths import default_database
from app.reports import cli as reports_cli
from app.search import cli as search_cli
from app.security.auth import LoginFailed, authenticate
from app.services import kinds
from app.services.demo import fill
from app.services.desk import Desk
from app.services.errors import PermissionDenied, ServiceError, ValidationFailed
from app.services.fields import text_of

PROG = "xdesk"
KIND_CHOICES = ", ".join(entry.desk_attribute for entry in kinds.transferable())


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""


class CommandFailed(Exception):
    """The command ran but did not succeed; the message is already worded for the user."""


# --- small helpers -----------------------------------------------------------------------------


def _err(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _kind(text: str) -> str:
    from app.services.transfer import canonical_kind

    try:
        return canonical_kind(text)
    except ValidationFailed:
        raise argparse.ArgumentTypeError(
            f"unknown kind {text!r}; use one of {KIND_CHOICES}"
        ) from None


def _target(args: argparse.Namespace) -> str:
    return args.db or os.environ.get("XDESK_DB") or default_database()


def _password(prompt: str) -> str:
    value = os.environ.get("XDESK_PASSWORD")
    if value is not None:
        return value
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UsageError("no password given: set XDESK_PASSWORD or run in a terminal") from None


def _new_password(env: str, prompt: str) -> str:
    """A new password from ``env`` or asked twice at the prompt."""
    value = os.environ.get(env)
    if value is not None:
        return value
    try:
        first = getpass.getpass(prompt)
        second = getpass.getpass("Repeat it: ")
    except EOFError:
        raise UsageError(f"no password given: set {env} or run in a terminal") from None
    if first != second:
        raise CommandFailed("the two passwords differ; nothing was changed")
    return first


def _username(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get("XDESK_USER")
    if not name:
        raise UsageError("say who you are: --user NAME (or set XDESK_USER)")
    return name


def _open(args: argparse.Namespace) -> Database:
    from app.services.setup import open_desk_database

    return open_desk_database(_target(args))


def _login(args: argparse.Namespace) -> tuple[Database, Desk]:
    """Open the database and log the user in (audited by `authenticate`)."""
    username = _username(args)
    database = _open(args)
    try:
        authenticate(database, username, _password(f"Password for {username}: "))
    except BaseException:
        database.dispose()
        raise
    return database, Desk(database, username)


def _require_admin(desk: Desk, what: str) -> None:
    if not desk.actor().is_admin:
        raise PermissionDenied(f"only an administrator may {what}")


def _parse_filters(desk: Desk, kind: str, service: Any, items: Sequence[str]) -> dict[str, Any]:
    """``--filter field=value`` items as service filters, values parsed like the field's input."""
    renames = {column: name for name, column in kinds.BY_NAME[kind].column_names.items()}
    specs = {f.name: f for f in service.fields}
    filters: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().lower()
        if not sep or not key:
            raise UsageError(f"--filter {item!r} is not FIELD=VALUE")
        name, _, op = key.partition("__")
        name = renames.get(name, name)
        value = value.strip()
        if name == "level":
            try:
                filters["level"] = desk.db.scheme.parse(value)
            except ValueError as error:
                raise ValidationFailed({"level": str(error)}) from None
            continue
        if name == "text":
            filters["text"] = value
            continue
        spec = specs.get(name)
        parse: Callable[[Any], Any] = (
            (lambda v: v)
            if spec is None or spec.kind in ("nations", "enums", "languages")
            else spec.parse
        )
        try:
            parsed: Any = (
                [parse(v) for v in value.replace(",", " ").split()] if op == "in" else parse(value)
            )
        except ValueError as error:
            raise ValidationFailed(
                {
                    name: f"{spec.title if spec else name} {error}"
                    if str(error).startswith("is ")
                    else str(error)
                }
            ) from None
        filters[f"{name}__{op}" if op else name] = parsed
    return filters


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=text_of)
    sys.stdout.write("\n")


# --- commands ------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    """Create (or upgrade) the database with its owning nation, scheme and first administrator."""
    from app.database.engine import sqlite_path, to_url
    from app.services.setup import initialise

    target = _target(args)
    path = sqlite_path(to_url(target))
    existed = path is not None and path.exists() and path.stat().st_size > 0
    password = _new_password("XDESK_PASSWORD", f"Password for the administrator {args.admin}: ")
    database = initialise(
        target, args.owner_nation, args.scheme, args.admin, password, args.display_name or ""
    )
    try:
        where = path or target
        if existed:
            print(
                f"database at {where} is ready (owner {database.owner}, {database.scheme.key} scheme, schema up to date)"
            )
        else:
            print(
                f"created database at {where}: owner {database.owner}, {database.scheme.key} scheme, administrator {args.admin}"
            )
    finally:
        database.dispose()
    return 0


def cmd_user(args: argparse.Namespace, desk: Desk) -> int:
    """User accounts: add, list, unlock."""
    if args.user_command == "add":
        password = _new_password("XDESK_NEW_PASSWORD", f"Password for the new user {args.name}: ")
        view = desk.users.create(
            {
                "username": args.name,
                "role": args.role,
                "clearance": args.clearance,
                "nation": args.nation,
                "groups": list(args.group or []),
                "display_name": args.display_name or args.name,
                "password": password,
            }
        )
        print(
            f"created user {view.username}: {view.role}, cleared {desk.db.scheme.name(view.clearance)}, "
            f"nationality {view.nation}"
            + (f", groups {', '.join(view.groups)}" if view.groups else "")
        )
        return 0
    if args.user_command == "unlock":
        desk.users.unlock(args.name)
        print(f"unlocked user {args.name}")
        return 0
    users = desk.users.list()
    if args.json:
        _print_json(
            [
                {
                    **u.__dict__,
                    "groups": list(u.groups),
                    "clearance_name": desk.db.scheme.name(u.clearance),
                }
                for u in users
            ]
        )
        return 0
    print(f"{'USERNAME':<20} {'ROLE':<14} {'CLEARANCE':<14} {'NATION':<6} {'STATE':<10} GROUPS")
    for u in users:
        state = "locked" if u.locked else ("active" if u.active else "inactive")
        print(
            f"{u.username:<20} {u.role:<14} {desk.db.scheme.name(u.clearance):<14} {u.nation:<6} {state:<10} {', '.join(u.groups)}"
        )
    return 0


def cmd_group(args: argparse.Namespace, desk: Desk) -> int:
    """Need-to-know groups: add."""
    desk.users.create_ntk_group(args.name, args.description or "")
    print(f"created need-to-know group {args.name.strip()}")
    return 0


def cmd_passwd(args: argparse.Namespace, desk: Desk) -> int:
    """Change your own password."""
    password = _new_password("XDESK_NEW_PASSWORD", "New password: ")
    desk.users.reset_password(desk.username, password)
    print(f"password of {desk.username} changed")
    return 0


def _progress(what: str) -> Callable[[int, int], bool]:
    """A progress callback writing ``what: done/total`` to stderr at most twice a second."""
    import time

    last = [0.0]

    def report(done: int, total: int) -> bool:
        now = time.monotonic()
        if done >= total or now - last[0] >= 0.5:
            last[0] = now
            percent = f" ({100 * done // total}%)" if total else ""
            end = "\n" if done >= total else ""
            sys.stderr.write(f"\r{what}: {done:,} of {total:,}{percent}{end}")
            sys.stderr.flush()
        return True

    return report


def cmd_import(args: argparse.Namespace, desk: Desk) -> int:
    """Import a CSV (or JSON) file of one kind; rejected rows reported with their line numbers."""
    from app.services.transfer import import_file

    result = import_file(
        desk,
        args.kind,
        args.file,
        all_or_nothing=args.all_or_nothing,
        progress=_progress(f"importing {Path(args.file).name}"),
    )
    words = kinds.BY_NAME[result.kind].plural
    for problem in result.rejected:
        for text in problem.lines(result.unit):
            _err(f"{result.file}: {text}")
    for line, warning in result.warnings:
        print(f"{result.file}: {result.unit} {line}: warning: {warning}")
    if args.all_or_nothing and result.rejected:
        _err(
            f"error: nothing imported from {result.file}: {len(result.rejected)} of {result.total} rows rejected "
            "(all-or-nothing); correct them and import the file again"
        )
        return 1
    print(
        f"imported {result.imported:,} of {result.total:,} {words} from {result.file}"
        + (f"; {len(result.rejected):,} rejected" if result.rejected else "")
        + (f"; {len(result.warnings):,} warnings" if result.warnings else "")
        + (f" (sha256 {result.sha256[:16]}…)" if result.total else "")
    )
    return 1 if result.rejected else 0


def cmd_export(args: argparse.Namespace, desk: Desk) -> int:
    """Export what the user may see; the combined marking goes to stderr and the audit trail."""
    from app.services.transfer import export_records, service_for

    filters = _parse_filters(desk, args.kind, service_for(desk, args.kind), args.filter or [])
    if args.out:
        out_path = Path(args.out)
        partial = out_path.with_name(out_path.name + ".part")
        handle = os.fdopen(
            os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
            "w",
            encoding="utf-8",
            newline="",
        )
        try:
            with handle:
                result = export_records(desk, args.kind, handle, args.format, filters=filters)
            os.replace(partial, out_path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    else:
        result = export_records(desk, args.kind, sys.stdout, args.format, filters=filters)
        sys.stdout.flush()
    where = f" to {args.out}" if args.out else ""
    _err(
        f"exported {result.count} {kinds.BY_NAME[result.kind].plural}{where}; marking: {result.marking}"
        + (
            ""
            if result.identity or result.kind != "person"
            else " (identity fields left empty for your role)"
        )
    )
    return 0


def _row_json(
    desk: Desk,
    kind: str,
    service: Any,
    record: Any,
    label: Any,
    identity: dict[str, Any] | None = None,
) -> dict[str, Any]:
    from app.services.people import IDENTITY_FIELDS
    from app.services.transfer import record_row

    row = record_row(desk, kind, service, record, label, identity)
    if kind == "person" and identity is None:
        row = {k: v for k, v in row.items() if k not in IDENTITY_FIELDS}
    head: dict[str, Any] = {"id": record.id}
    if hasattr(record, "reference"):
        head["reference"] = record.reference
    head["title"] = service.title(record)
    return {**head, **row, "marking": desk.marking(label)}


def cmd_list(args: argparse.Namespace, desk: Desk) -> int:
    """A page of the records the user may see, with the page's combined marking as a banner."""
    from app.services.transfer import service_for

    service = service_for(desk, args.kind)
    filters = _parse_filters(desk, args.kind, service, args.filter or [])
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    page = service.list(filters, offset=max(args.offset, 0), limit=args.limit)
    labels = [page.labels[r.label_id] for r in page.records]
    banner = desk.marking(desk.combined(labels))
    if args.json:
        _print_json(
            {
                "marking": banner,
                "total": page.total,
                "offset": args.offset,
                "records": [
                    _row_json(desk, args.kind, service, r, page.labels[r.label_id])
                    for r in page.records
                ],
            }
        )
        return 0
    print(banner)
    for record in page.records:
        label = page.labels[record.label_id]
        reference = getattr(record, "reference", "") or f"#{record.id}"
        title = service.title(record)
        title = (
            title[len(reference) :].strip() if reference and title.startswith(reference) else title
        )
        print(f"{desk.portion_mark(label):<24} {reference:<20} {title}")
    first = args.offset + 1 if page.records else 0
    print(f"{first}-{args.offset + len(page.records)} of {page.total}")
    print(banner)
    return 0


def cmd_show(args: argparse.Namespace, desk: Desk) -> int:
    """One record by reference (or id), marked; people's identity only with --identity (audited)."""
    from app.services.transfer import service_for

    service = service_for(desk, args.kind)
    record, label = service.find(args.ref)
    identity = None
    if args.identity:
        if args.kind != "person":
            raise UsageError("--identity is for people")
        identity = desk.people.identity(record.id)
    row = _row_json(desk, args.kind, service, record, label, identity)
    if args.json:
        _print_json(row)
        return 0
    marking = row.pop("marking")
    print(marking)
    print(f"{row.pop('reference', '') or '#' + str(row['id'])}  {row.pop('title')}")
    row.pop("id")
    width = max((len(k) for k in row), default=0)
    for name, value in row.items():
        if value != "":
            print(f"  {name:<{width}}  {value}")
    print(marking)
    return 0


def cmd_audit(args: argparse.Namespace, desk: Desk) -> int:
    """Verify the audit trail's hash chain, or list its events."""
    if args.audit_command == "verify":
        result = desk.audit.verify()
        if result.ok:
            print(f"audit trail intact: {result.checked} events checked, no problems")
            return 0
        for problem in result.problems:
            _err(f"audit: {problem.message}")
        _err(
            f"error: audit trail broken: {len(result.problems)} problem(s) in {result.checked} events checked"
        )
        return 1
    filters = {
        k: v
        for k, v in (("username", args.user_filter), ("action", args.action), ("kind", args.kind))
        if v
    }
    events = desk.audit.list(limit=args.limit, **filters)
    if args.json:
        _print_json([e.as_dict() for e in events])
        return 0
    for e in events:
        record = f"{e.record_kind} {e.record_ref or (e.record_id if e.record_id is not None else '')}".strip()
        print(
            f"{e.id:>7} {e.at.isoformat(timespec='seconds')}Z {e.username:<16} {e.action:<16} {e.outcome:<8} {record}"
        )
    return 0


def cmd_backup(args: argparse.Namespace, desk: Desk) -> int:
    """Copy the live database with SQLite's online backup API (administrators); audited."""
    from app.services.maintenance import backup

    made = backup(desk, args.file)
    print(
        f"backed up {desk.db.path or 'the database'} to {made.path} ({made.size} bytes, sha256 {made.sha256[:16]}…)"
    )
    return 0


def cmd_restore(args: argparse.Namespace, desk: Desk) -> int:
    """Replace the database by a backup (administrators); the replaced file is kept aside."""
    from app.database.backup import restore_sqlite
    from app.security import audit
    from app.services.setup import open_desk_database
    from app.services.transfer import file_sha256

    _require_admin(desk, "restore the database")
    path = desk.db.path
    if path is None:
        raise DatabaseError(
            "restore is for the embedded SQLite database; use the server's own tools for PostgreSQL"
        )
    backup = Path(args.file).resolve()
    if not backup.is_file():
        raise FileNotFoundError(f"no backup file {backup}")
    digest = file_sha256(backup)
    desk.db.dispose()
    kept = restore_sqlite(backup, path)
    restored = open_desk_database(path)
    try:
        with restored.writing() as session:
            audit.record(
                session,
                desk.username,
                "restore",
                details={
                    "from": str(backup),
                    "sha256": digest,
                    "replaced_file_kept_at": str(kept or ""),
                },
            )
    finally:
        restored.dispose()
    print(
        f"restored {path} from {backup}"
        + (f"; the replaced database was kept at {kept}" if kept else "")
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Integrity and foreign-key checks, reported plainly (exit 1 when there are problems)."""
    from app.database.backup import check
    from app.database.engine import check_sqlite_file, make_engine, sqlite_path, to_url

    url = to_url(_target(args))
    path = sqlite_path(url)
    where = path or url.render_as_string()
    if path is not None:
        if not path.exists():
            raise FileNotFoundError(f"no database at {path}")
        try:
            check_sqlite_file(path)
        except DatabaseError as error:
            _err(f"error: {error}")
            return 1
    engine = make_engine(url)
    try:
        problems = check(engine)
    finally:
        engine.dispose()
    if not problems:
        print(f"{where}: integrity ok, foreign keys ok")
        return 0
    for problem in problems:
        print(f"{where}: {problem}")
    _err(
        f"error: {len(problems)} problem(s) found in {where}; restore a backup (xdesk restore FILE)"
    )
    return 1


def cmd_demo(args: argparse.Namespace, desk: Desk) -> int:
    """Fill the database with the demo data set (administrators)."""
    _require_admin(desk, "fill the database with demo data")
    counts = fill(
        desk,
        people=args.people,
        exchanges=args.exchanges,
        seed=args.seed,
        progress=_progress("demo data"),
    )
    made = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items() if n)
    print(f"demo data created: {made or 'nothing'}")
    return 0


# --- the parser ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of every sub-command."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="PATH|URL", help="the database (or XDESK_DB)"
    )
    common.add_argument(
        "--user", default=argparse.SUPPRESS, metavar="NAME", help="who you are (or XDESK_USER)"
    )
    db_only = argparse.ArgumentParser(add_help=False)
    db_only.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="PATH|URL", help="the database (or XDESK_DB)"
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Exchange Desk on the command line. Passwords come from XDESK_PASSWORD or a prompt.",
    )
    parser.add_argument(
        "--db",
        default=None,
        metavar="PATH|URL",
        help="the database file or URL (default: XDESK_DB, else the user-data database)",
    )
    parser.add_argument(
        "--user", default=None, metavar="NAME", help="your username (default: XDESK_USER)"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, help_text: str, **kwargs: Any) -> argparse.ArgumentParser:
        return sub.add_parser(
            name, parents=[common], help=help_text, description=help_text, **kwargs
        )

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

    p = add("user", "user accounts (administrators)")
    users = p.add_subparsers(dest="user_command", required=True, metavar="ACTION")
    u = users.add_parser(
        "add",
        parents=[common],
        help="create an account (password from XDESK_NEW_PASSWORD or a prompt)",
    )
    u.add_argument("name")
    u.add_argument("--role", required=True, help="administrator, coordinator, viewer or auditor")
    u.add_argument(
        "--clearance",
        required=True,
        metavar="LEVEL",
        help="level name or abbreviation (U, R, C, S, TS)",
    )
    u.add_argument("--nation", required=True, metavar="CODE", help="nationality, ISO alpha-3")
    u.add_argument("--group", action="append", metavar="G", help="need-to-know group (repeatable)")
    u.add_argument("--display-name", metavar="TEXT")
    u = users.add_parser("list", parents=[common], help="every account")
    u.add_argument("--json", action="store_true")
    u = users.add_parser("unlock", parents=[common], help="lift a lockout")
    u.add_argument("name")

    p = add("group", "need-to-know groups (administrators)")
    groups = p.add_subparsers(dest="group_command", required=True, metavar="ACTION")
    g = groups.add_parser("add", parents=[common], help="create a need-to-know group")
    g.add_argument("name")
    g.add_argument("--description", default="")

    add("passwd", "change your own password (new one from XDESK_NEW_PASSWORD or a prompt)")

    p = add("import", "import a CSV file (see docs/DATA_FORMATS.md)")
    p.add_argument("kind", type=_kind, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--all-or-nothing", action="store_true", help="import nothing if any row is bad")

    p = add("export", "export the records you may see (stdout by default)")
    p.add_argument("kind", type=_kind, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument(
        "--filter",
        action="append",
        metavar="FIELD=VALUE",
        help="only matching records (repeatable)",
    )

    p = add("list", "list the records you may see")
    p.add_argument("kind", type=_kind, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--filter",
        action="append",
        metavar="FIELD=VALUE",
        help="field=value, field__gte=value, field__in=a,b, text=words, level=S (repeatable)",
    )
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)

    p = add("show", "show one record by reference or id")
    p.add_argument("kind", type=_kind, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("ref", metavar="REF")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--identity",
        action="store_true",
        help="people: include identity fields (audited; coordinators and administrators)",
    )

    p = add("audit", "the audit trail (auditors and administrators)")
    audits = p.add_subparsers(dest="audit_command", required=True, metavar="ACTION")
    audits.add_parser("verify", parents=[common], help="recompute the hash chain")
    # here --user filters the events: say who you are before the command (xdesk --user NAME audit list)
    a = audits.add_parser("list", parents=[db_only], help="recent events, newest first")
    a.add_argument("--json", action="store_true")
    a.add_argument("--limit", type=int, default=50)
    a.add_argument("--user", dest="user_filter", metavar="U", help="only events of this user")
    a.add_argument("--action", metavar="A", help="only this action (login, create, export, ...)")
    a.add_argument("--kind", metavar="K", help="only this record kind (person, agreement, ...)")

    p = add("backup", "copy the live database to FILE (administrators)")
    p.add_argument("file", metavar="FILE")
    p = add("restore", "replace the database by a backup FILE (administrators)")
    p.add_argument("file", metavar="FILE")
    add("check", "integrity and foreign-key checks")

    p = add("demo", "fill the database with a realistic demo data set (administrators)")
    p.add_argument("--people", type=int, default=400)
    p.add_argument("--exchanges", type=int, default=80)
    p.add_argument("--seed", type=int, default=2026)

    search_cli.add_parser(sub)  # commands their own packages define
    reports_cli.add_parser(sub)
    return parser


AUTHENTICATED: dict[str, Callable[[argparse.Namespace, Desk], int]] = {
    "user": cmd_user,
    "group": cmd_group,
    "passwd": cmd_passwd,
    "import": cmd_import,
    "export": cmd_export,
    "list": cmd_list,
    "show": cmd_show,
    "audit": cmd_audit,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "demo": cmd_demo,
}


def _run(args: argparse.Namespace) -> int:
    if args.command == "init":
        return cmd_init(args)
    if args.command == "check":
        return cmd_check(args)
    database, desk = _login(args)
    try:
        if args.command == "search":
            return search_cli.run(args, desk)
        if args.command == "report":
            return reports_cli.run(args, desk)
        return AUTHENTICATED[args.command](args, desk)
    finally:
        database.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``xdesk`` with these arguments (default: the process's); the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return _run(args)
    except UsageError as error:
        _err(f"error: {error}")
        return 2
    except ValidationFailed as failure:
        for name, message in failure.errors.items():
            _err(f"error: {name}: {message}")
        return 1
    except LoginFailed as error:
        _err(f"error: {error}")
        return 1
    except (CommandFailed, ServiceError, DatabaseError) as error:
        _err(f"error: {error}")
        return 1
    except FileNotFoundError as error:
        _err(f"error: {error.strerror + ': ' + str(error.filename) if error.filename else error}")
        return 1
    except (PermissionError, IsADirectoryError) as error:
        _err(f"error: cannot use {error.filename}: {error.strerror}")
        return 1
    except ArgumentError as error:
        _err(f"error: --db: {error}")
        return 2
    except SQLAlchemyError as error:
        first = str(getattr(error, "orig", None) or error).splitlines()[0]
        _err(f"error: the database refused the operation: {first}")
        return 1
    except BrokenPipeError:  # the reader went away (xdesk export people | head)
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
