"""``xdesk check``: what is checked in a database, one `Check` per thing, each saying what it
looked at and the problems it found.

Both engines: the schema revision is this application's head; no child row lost its parent
(foreign keys are enforced, but a row whose parent or label is missing is reported, and an
attachment's record, which no foreign key holds, is looked up by its kind). SQLite adds
``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``. A server adds: row security
enabled and forced on every table of ``public`` except `WITHOUT_ROW_SECURITY`, policies on each
of those tables, every table, sequence, view and function (outside extensions) owned by the
owner role (the owner of ``alembic_version``), and the audit triggers of revision 0006 present
and enabled. The audit chain's verification is the security layer's (``xdesk check`` adds it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Table, and_, exists, func, not_, select, text

from app.database import row_security
from app.database.migrate import current_revision, head_revision, known_revision
from app.database.row_security import SEARCH_FUNCTIONS, search_role
from app.domain.models import Base

# tables of ``public`` without row security, each for a reason: the one list, row_security's
WITHOUT_ROW_SECURITY = frozenset(row_security.WITHOUT_ROW_SECURITY)

# the tables revision 0006 gave the audit triggers (`xdesk_audit_row`, `xdesk_audit_truncate`)
AUDITED_TABLES = (
    "people",
    "person_languages",
    "agreements",
    "agreement_parties",
    "signatories",
    "quotas",
    "exchanges",
    "exchange_partners",
    "exchange_domains",
    "cost_lines",
    "participations",
    "liaison_assignments",
    "contact_log",
    "attachments",
)
AUDIT_TRIGGERS = ("xdesk_audit_row", "xdesk_audit_truncate")
# an attachment's record_kind -> the table of its record
ATTACHED_TO = {
    "person": "people",
    "exchange": "exchanges",
    "agreement": "agreements",
    "liaison_assignment": "liaison_assignments",
    "participation": "participations",
    "contact_log": "contact_log",
}
_TRIGGER_STATES = {"D": "disabled", "R": "fires only in replica mode"}


@dataclass(frozen=True)
class Check:
    """One check: its name, what it looked at, the problems found (none: it passed)."""

    name: str
    checked: str
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing was found wrong."""
        return not self.problems


def run_checks(engine: Engine) -> list[Check]:
    """Every check of this engine's database, in order."""
    with engine.connect() as connection:
        if engine.url.get_backend_name() == "sqlite":
            checks = [_integrity(connection), _foreign_key_pragma(connection)]
            checks += [_revision(engine), _orphans(connection)]
            return checks
        return [
            _revision(engine),
            _connected_role(connection),
            _row_security(connection),
            _policies(connection),
            _owners(connection),
            _audit_triggers(connection),
            _orphans(connection),
        ]


def _revision(engine: Engine) -> Check:
    head = head_revision()
    revision = current_revision(engine)
    if revision == head:
        return Check("schema", f"revision {revision} is this application's newest")
    if revision is None:
        problem = "the database has no schema revision: it is not an Exchange Desk database"
    elif not known_revision(revision):
        problem = f"revision {revision} was made by a newer Exchange Desk (this one knows {head})"
    else:
        problem = f"revision {revision} is older than {head}: run `xdesk upgrade`"
    return Check("schema", f"revision against {head}", (problem,))


def _connected_role(connection: Connection) -> Check:
    """Row security limits what a role without BYPASSRLS sees: the checks below would miss rows."""
    name, sees_all = connection.execute(
        text("SELECT rolname, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")
    ).one()
    problems = (
        ()
        if sees_all
        else (
            f"connected as {name}, whom row security limits: connect as the owner role (with "
            "BYPASSRLS) to check every row",
        )
    )
    return Check("role", f"{name} sees every row (BYPASSRLS)", problems)


def _integrity(connection: Connection) -> Check:
    problems = tuple(
        f"integrity: {row}"
        for (row,) in connection.exec_driver_sql("PRAGMA integrity_check").all()
        if row != "ok"
    )
    return Check("integrity", "PRAGMA integrity_check of every page and index", problems)


def _foreign_key_pragma(connection: Connection) -> Check:
    problems = tuple(
        f"{table} row {rowid} points at a missing {parent} row"
        for table, rowid, parent, _fk in connection.exec_driver_sql(
            "PRAGMA foreign_key_check"
        ).all()
    )
    return Check("foreign keys", "PRAGMA foreign_key_check of every table", problems)


def _public_tables(connection: Connection) -> dict[str, tuple[bool, bool, str]]:
    """Table of ``public`` -> (row security enabled, forced, owner)."""
    rows = connection.execute(
        text(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
            "pg_get_userbyid(c.relowner) FROM pg_class c "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') "
            "ORDER BY c.relname"
        )
    ).all()
    return {name: (bool(enabled), bool(forced), owner) for name, enabled, forced, owner in rows}


def _row_security(connection: Connection) -> Check:
    tables = _public_tables(connection)
    protected = sorted(set(tables) - WITHOUT_ROW_SECURITY)
    problems = []
    for name in protected:
        enabled, forced, _owner = tables[name]
        if not enabled:
            problems.append(f"{name}: row security is not enabled")
        elif not forced:
            problems.append(f"{name}: row security is enabled but not forced (the owner skips it)")
    problems += [
        f"{name}: a table row security protects is missing"
        for name in row_security.PROTECTED_TABLES
        if name not in tables
    ]
    exempt = sorted(set(tables) & WITHOUT_ROW_SECURITY)
    return Check(
        "row security",
        f"{len(protected)} tables of public enabled and forced ({len(exempt)} exempt by design: "
        f"{', '.join(exempt)})",
        tuple(problems),
    )


def _policies(connection: Connection) -> Check:
    tables = _public_tables(connection)
    protected = sorted(set(tables) - WITHOUT_ROW_SECURITY)
    counts: dict[str, dict[str, int]] = {}
    for table, command, count in connection.execute(
        text(
            "SELECT tablename, cmd, count(*) FROM pg_policies WHERE schemaname = 'public' "
            "GROUP BY tablename, cmd"
        )
    ).all():
        counts.setdefault(table, {})[command] = int(count)
    problems = []
    for name in protected:
        commands = counts.get(name, {})
        if not commands:
            problems.append(f"{name}: no policy (with row security on, only its owner sees rows)")
        elif not commands.keys() & {"SELECT", "ALL"}:
            problems.append(f"{name}: no policy for reading its rows")
    return Check(
        "policies",
        f"a read policy on each of the {len(protected)} tables that need row security",
        tuple(problems),
    )


def _owner_role(connection: Connection) -> str:
    return str(
        connection.scalar(
            text(
                "SELECT tableowner FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename = 'alembic_version'"
            )
        )
        or ""
    )


def _owners(connection: Connection) -> Check:
    owner = _owner_role(connection)
    if not owner:
        return Check("owners", "the owner of alembic_version", ("no alembic_version table",))
    relations = connection.execute(
        text(
            "SELECT c.relname, c.relkind, pg_get_userbyid(c.relowner) FROM pg_class c "
            "WHERE c.relnamespace = 'public'::regnamespace "
            "AND c.relkind IN ('r', 'p', 'S', 'v', 'm') "
            "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
            "AND d.objid = c.oid AND d.deptype = 'e')"
        )
    ).all()
    functions = connection.execute(
        text(
            "SELECT p.oid::regprocedure::text, pg_get_userbyid(p.proowner) FROM pg_proc p "
            "WHERE p.pronamespace = 'public'::regnamespace "
            "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass "
            "AND d.objid = p.oid AND d.deptype = 'e')"
        )
    ).all()
    triggers = connection.execute(
        text(
            "SELECT t.tgname, c.relname, pg_get_userbyid(p.proowner) FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
            "WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace"
        )
    ).all()
    kinds = {"r": "table", "p": "table", "S": "sequence", "v": "view", "m": "view"}
    problems = [
        f"{kinds[kind]} {name} is owned by {by}, not {owner}"
        for name, kind, by in relations
        if by != owner
    ]
    # revision 0012's search functions run as the search role (`row_security.SEARCH_FUNCTIONS`)
    searcher = search_role(connection.scalar(text("SELECT current_database()")) or "")
    problems += [
        f"function {name} is owned by {by}, not {searcher if name in SEARCH_FUNCTIONS else owner}"
        for name, by in functions
        if by != (searcher if name in SEARCH_FUNCTIONS else owner)
    ]
    problems += [
        f"trigger {name} on {table} runs a function owned by {by}, not {owner}"
        for name, table, by in triggers
        if by != owner
    ]
    return Check(
        "owners",
        f"{len(relations)} tables, sequences and views, {len(functions)} functions and "
        f"{len(triggers)} triggers owned by {owner}",
        tuple(sorted(problems)),
    )


def _audit_triggers(connection: Connection) -> Check:
    found = {
        (table, name): state
        for table, name, state in connection.execute(
            text(
                "SELECT c.relname, t.tgname, t.tgenabled FROM pg_trigger t "
                "JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal"
            )
        ).all()
    }
    expected = [(table, name) for table in AUDITED_TABLES for name in AUDIT_TRIGGERS]
    expected.append(("audit_events", "audit_events_append_only"))
    problems = []
    for table, name in expected:
        state = found.get((table, name))
        if state is None:
            problems.append(f"{table}: trigger {name} is missing")
        elif state in _TRIGGER_STATES:
            problems.append(f"{table}: trigger {name} {_TRIGGER_STATES[state]}")
    return Check(
        "audit triggers",
        f"{len(expected)} triggers present and enabled (row and truncate audit on "
        f"{len(AUDITED_TABLES)} tables, the trail's append-only guard)",
        tuple(problems),
    )


def _orphans(connection: Connection) -> Check:
    tables = Base.metadata.tables
    problems = []
    links = 0
    for table in Base.metadata.sorted_tables:
        for constraint in table.foreign_key_constraints:
            parent: Table = constraint.referred_table
            pairs = [(element.parent, element.column) for element in constraint.elements]
            present = and_(*(child.isnot(None) for child, _ in pairs))
            matched = exists().where(and_(*(column == child for child, column in pairs)))
            count = connection.scalar(
                select(func.count()).select_from(table).where(present, not_(matched))
            )
            links += 1
            if count:
                names = ", ".join(child.name for child, _ in pairs)
                problems.append(
                    f"{table.name}: {count} row(s) whose {names} names no {parent.name} row"
                )
    attachments = tables["attachments"]
    for kind, name in ATTACHED_TO.items():
        parent = tables[name]
        count = connection.scalar(
            select(func.count())
            .select_from(attachments)
            .where(
                attachments.c.record_kind == kind,
                not_(exists().where(parent.c.id == attachments.c.record_id)),
            )
        )
        links += 1
        if count:
            problems.append(f"attachments: {count} attached to a {kind} that does not exist")
    count = connection.scalar(
        select(func.count())
        .select_from(attachments)
        .where(attachments.c.record_kind.notin_(list(ATTACHED_TO)))
    )
    if count:
        problems.append(f"attachments: {count} attached to a kind of record that does not exist")
    return Check(
        "orphans",
        f"{links} links from child rows to their parents and labels",
        tuple(problems),
    )
