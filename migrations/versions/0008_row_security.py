"""The server enforces the access rule itself: row-level security, and least privilege.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 14:30:00

PostgreSQL only (nothing changes on SQLite):

- Functions owned by the owner role (``SECURITY DEFINER`` where they read what a user role
  may not, ``SET search_path``), all about the connected role (``session_user`` is
  ``users.username``, active):
  ``xdesk_readable_label_array()`` (the ids of the labels the role may read: level <=
  clearance; owning nation, or in REL TO with nation groups expanded, or no caveat; no
  need-to-know group or one of the role's), ``xdesk_readable_labels()`` (the same as rows),
  ``xdesk_clearance()``, ``xdesk_writer()`` (administrator or coordinator),
  ``xdesk_is_admin()``, ``xdesk_reads_audit()`` (administrator or auditor),
  ``xdesk_may_write(label_id)`` (a writer who may read that label, so never above their
  clearance) and ``xdesk_record_visible(kind, id)`` (invoker's rights: the record's own
  policies decide).
- Row-level security ENABLED and FORCED on every table but ``alembic_version`` and
  ``xdesk_audit_key`` (``app/database/row_security.py`` holds the same list). The policies
  of a labelled table are the read rule on its label and its parents (a participation needs
  its exchange and person, an exchange its agreement ...); a child table's rows are visible
  when their parent is, and a parent's policy is applied inside the child's (PostgreSQL
  applies the parent's own row security in the subquery). Writes: ``WITH CHECK`` the same rule
  and ``xdesk_writer()``: no label above the writer's clearance, viewers and auditors write
  nothing. The labels' own condition is ``label_id = ANY ((SELECT
  xdesk_readable_label_array()))``: one InitPlan per statement, then an array test per row.
- ``xdesk_label_guard`` (BEFORE UPDATE OF label_id on every labelled table): only an
  administrator (or the owner) downgrades a record, also by hand: a lower level, a
  need-to-know group dropped or a wider audience (``xdesk_is_downgrade``, the rule of
  ``app.domain.labels.is_downgrade`` with nation groups expanded).
- Administration tables: users (every row, never the password hash: column grants; writes
  by administrators, a user may change only their own password and login bookkeeping),
  user_groups / nations / nation groups / need-to-know groups / settings (read by all, written
  by administrators), reference counters (writers only), saved searches (one's own), labels
  (read by all, interned by writers up to their clearance, never changed), audit events
  (administrators and auditors read every event, others the events of records they may read
  and their own events without a record; nobody changes one: appends go through
  ``xdesk_audit_append`` as 0006 made it).
- A policy ``xdesk_owner`` per table lets the role that ran this revision (the owner) through,
  so the owner's functions keep working with FORCE; the owner also needs ``BYPASSRLS`` for
  ``pg_dump`` (docs/SERVER.md).
- Grants to the group ``<database>_users`` (made by 0006): USAGE on the schema, exactly the
  table privileges above, USAGE on the sequences of tables users insert into, EXECUTE on
  these functions. No DDL, no TRUNCATE, no INSERT/UPDATE/DELETE on ``audit_events``, nothing on
  ``xdesk_audit_key``, no ``users.password_hash``.

The DDL is frozen here on purpose (not imported from the application).
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

LABEL_OK = "label_id = ANY ((SELECT xdesk_readable_label_array())::integer[])"


def _parent(table: str, alias: str, key: str, outer: str, column: str) -> str:
    return f"EXISTS (SELECT 1 FROM {table} {alias} WHERE {alias}.{key} = {outer}.{column})"


_AGREEMENT_OR_NONE = (
    "({t}.agreement_id IS NULL OR " + _parent("agreements", "a", "id", "{t}", "agreement_id") + ")"
)

# table -> the read rule of its rows (the parents' own policies apply inside the subqueries)
READ_RULES = {
    "people": LABEL_OK,
    "person_languages": _parent("people", "p", "id", "person_languages", "person_id"),
    "agreements": LABEL_OK,
    "agreement_parties": _parent("agreements", "a", "id", "agreement_parties", "agreement_id"),
    "signatories": _parent("agreements", "a", "id", "signatories", "agreement_id"),
    "quotas": _parent("agreements", "a", "id", "quotas", "agreement_id"),
    "exchanges": f"{LABEL_OK} AND " + _AGREEMENT_OR_NONE.format(t="exchanges"),
    "exchange_partners": _parent("exchanges", "e", "id", "exchange_partners", "exchange_id"),
    "exchange_domains": _parent("exchanges", "e", "id", "exchange_domains", "exchange_id"),
    "cost_lines": _parent("exchanges", "e", "id", "cost_lines", "exchange_id"),
    "participations": f"{LABEL_OK} AND "
    + _parent("exchanges", "e", "id", "participations", "exchange_id")
    + " AND "
    + _parent("people", "p", "id", "participations", "person_id"),
    "liaison_assignments": f"{LABEL_OK} AND "
    + _parent("people", "p", "id", "liaison_assignments", "person_id")
    + " AND "
    + _AGREEMENT_OR_NONE.format(t="liaison_assignments"),
    "contact_log": f"{LABEL_OK} AND "
    + _parent("liaison_assignments", "l", "id", "contact_log", "assignment_id"),
    "attachments": f"{LABEL_OK} AND CASE attachments.record_kind "
    + " ".join(
        f"WHEN '{kind}' THEN " + _parent(table, "r", "id", "attachments", "record_id")
        for kind, table in (
            ("person", "people"),
            ("exchange", "exchanges"),
            ("agreement", "agreements"),
            ("liaison_assignment", "liaison_assignments"),
            ("participation", "participations"),
            ("contact_log", "contact_log"),
        )
    )
    + " ELSE false END",
}

WRITER = "(SELECT xdesk_writer())"
ADMIN = "(SELECT xdesk_is_admin())"

# administration tables: (read rule, write rule; None: no such privilege is granted at all)
ADMIN_RULES = {
    "users": ("true", f"{ADMIN} OR users.username = session_user"),
    "user_groups": ("true", ADMIN),
    "settings": ("true", ADMIN),
    "nations": ("true", ADMIN),
    "nation_groups": ("true", ADMIN),
    "nation_group_members": ("true", ADMIN),
    "ntk_groups": ("true", ADMIN),
    "reference_counters": (WRITER, WRITER),
    "saved_searches": (
        "saved_searches.username = session_user",
        "saved_searches.username = session_user",
    ),
    "labels": ("true", f"{WRITER} AND labels.level <= (SELECT xdesk_clearance())"),
    "label_releases": ("true", WRITER),
    "label_groups": ("true", WRITER),
    "audit_events": (
        "(SELECT xdesk_reads_audit()) OR (audit_events.record_id IS NULL AND "
        "audit_events.username = session_user) OR (audit_events.record_id IS NOT NULL AND "
        "xdesk_record_visible(audit_events.record_kind, audit_events.record_id))",
        None,
    ),
}

# tables whose rows are never changed once written (labels are interned): SELECT, INSERT only
INSERT_ONLY = ("labels", "label_releases", "label_groups")

USER_COLUMNS = (
    "id, username, display_name, role, clearance, nation_code, active, failed_logins, "
    "locked_until, last_login, must_change_password, created_at"
)

SEQUENCES = (
    "people_id_seq",
    "agreements_id_seq",
    "signatories_id_seq",
    "quotas_id_seq",
    "exchanges_id_seq",
    "cost_lines_id_seq",
    "participations_id_seq",
    "liaison_assignments_id_seq",
    "contact_log_id_seq",
    "attachments_id_seq",
    "labels_id_seq",
    "saved_searches_id_seq",
    "users_id_seq",
)

FUNCTIONS = (
    "xdesk_readable_label_array()",
    "xdesk_readable_labels()",
    "xdesk_clearance()",
    "xdesk_writer()",
    "xdesk_is_admin()",
    "xdesk_reads_audit()",
    "xdesk_may_write(integer)",
    "xdesk_record_visible(text, integer)",
    "xdesk_privileged()",
    "xdesk_label_audience(integer)",
    "xdesk_is_downgrade(integer, integer)",
)

FUNCTIONS_SQL = r"""
CREATE FUNCTION xdesk_readable_label_array() RETURNS integer[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE(array_agg(l.id ORDER BY l.id), '{}'::integer[])
    FROM labels l
    JOIN users u ON u.username = session_user AND u.active
    WHERE l.level <= u.clearance
      AND (u.nation_code = (SELECT s.value FROM settings s WHERE s.key = 'owner_nation')
           OR l.release = 'ALL'
           OR (l.release = 'REL' AND EXISTS (
                SELECT 1 FROM label_releases r
                WHERE r.label_id = l.id
                  AND (r.code = u.nation_code OR r.code IN (
                      SELECT m.group_code FROM nation_group_members m
                      WHERE m.nation_code = u.nation_code)))))
      AND (NOT EXISTS (SELECT 1 FROM label_groups g WHERE g.label_id = l.id)
           OR EXISTS (SELECT 1 FROM label_groups g
                      JOIN user_groups ug ON ug.group_name = g.group_name AND ug.user_id = u.id
                      WHERE g.label_id = l.id))
$$;

CREATE FUNCTION xdesk_readable_labels() RETURNS SETOF integer
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT unnest(xdesk_readable_label_array())
$$;

CREATE FUNCTION xdesk_clearance() RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE((SELECT u.clearance FROM users u
                     WHERE u.username = session_user AND u.active), -1)
$$;

CREATE FUNCTION xdesk_writer() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM users u WHERE u.username = session_user AND u.active
                   AND u.role IN ('administrator', 'coordinator'))
$$;

CREATE FUNCTION xdesk_is_admin() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM users u WHERE u.username = session_user AND u.active
                   AND u.role = 'administrator')
$$;

CREATE FUNCTION xdesk_reads_audit() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM users u WHERE u.username = session_user AND u.active
                   AND u.role IN ('administrator', 'auditor'))
$$;

CREATE FUNCTION xdesk_may_write(p_label_id integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT xdesk_writer() AND p_label_id = ANY (xdesk_readable_label_array())
$$;

-- invoker's rights: the record's table applies its own row security to the caller
CREATE FUNCTION xdesk_record_visible(p_kind text, p_id integer) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = public, pg_temp AS $$
BEGIN
    RETURN CASE p_kind
        WHEN 'person' THEN EXISTS (SELECT 1 FROM people r WHERE r.id = p_id)
        WHEN 'exchange' THEN EXISTS (SELECT 1 FROM exchanges r WHERE r.id = p_id)
        WHEN 'agreement' THEN EXISTS (SELECT 1 FROM agreements r WHERE r.id = p_id)
        WHEN 'liaison_assignment' THEN
            EXISTS (SELECT 1 FROM liaison_assignments r WHERE r.id = p_id)
        WHEN 'participation' THEN EXISTS (SELECT 1 FROM participations r WHERE r.id = p_id)
        WHEN 'contact_log' THEN EXISTS (SELECT 1 FROM contact_log r WHERE r.id = p_id)
        WHEN 'attachment' THEN EXISTS (SELECT 1 FROM attachments r WHERE r.id = p_id)
        ELSE false END;
END $$;

-- the owner (also inside its SECURITY DEFINER functions: current_user), a superuser, or a role
-- that bypasses row security
CREATE FUNCTION xdesk_privileged() RETURNS boolean
LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname IN (session_user, current_user)
                   AND (r.rolsuper OR r.rolbypassrls))
        OR (SELECT t.tableowner FROM pg_tables t
            WHERE t.schemaname = 'public' AND t.tablename = 'users')
           IN (session_user, current_user)
$$;

-- the nations a label lets read (owner included), NULL for no caveat: REL TO groups expanded
CREATE FUNCTION xdesk_label_audience(p_label_id integer) RETURNS text[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE l.release WHEN 'ALL' THEN NULL ELSE ARRAY(
        SELECT s.value FROM settings s WHERE s.key = 'owner_nation'
        UNION
        SELECT r.code FROM label_releases r WHERE l.release = 'REL' AND r.label_id = l.id
            AND NOT EXISTS (SELECT 1 FROM nation_groups g WHERE g.code = r.code)
        UNION
        SELECT m.nation_code FROM label_releases r
            JOIN nation_group_members m ON m.group_code = r.code
            WHERE l.release = 'REL' AND r.label_id = l.id) END
    FROM labels l WHERE l.id = p_label_id
$$;

-- app.domain.labels.is_downgrade: a lower level, a need-to-know group dropped, a wider audience
CREATE FUNCTION xdesk_is_downgrade(p_old integer, p_new integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT n.level < o.level
        OR (og.groups <> '{}' AND (ng.groups = '{}' OR NOT ng.groups <@ og.groups))
        OR CASE WHEN xdesk_label_audience(o.id) IS NULL THEN false
                WHEN xdesk_label_audience(n.id) IS NULL THEN true
                ELSE NOT xdesk_label_audience(n.id) <@ xdesk_label_audience(o.id) END
    FROM labels o, labels n,
         LATERAL (SELECT ARRAY(SELECT g.group_name::text FROM label_groups g
                               WHERE g.label_id = o.id) AS groups) og,
         LATERAL (SELECT ARRAY(SELECT g.group_name::text FROM label_groups g
                               WHERE g.label_id = n.id) AS groups) ng
    WHERE o.id = p_old AND n.id = p_new
$$;

-- only an administrator downgrades (lower level, wider release, fewer groups), also by hand
CREATE FUNCTION xdesk_label_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT xdesk_privileged() AND NOT xdesk_is_admin()
       AND xdesk_is_downgrade(OLD.label_id, NEW.label_id) THEN
        RAISE EXCEPTION 'lowering the classification or widening releasability needs an '
            'administrator' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

-- a user who is not an administrator changes only their own password and login bookkeeping
CREATE FUNCTION xdesk_users_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    IF xdesk_is_admin() OR xdesk_privileged() THEN
        RETURN NEW;  -- an administrator, or the owner
    END IF;
    IF NEW.id IS DISTINCT FROM OLD.id OR NEW.username IS DISTINCT FROM OLD.username
       OR NEW.role IS DISTINCT FROM OLD.role OR NEW.clearance IS DISTINCT FROM OLD.clearance
       OR NEW.nation_code IS DISTINCT FROM OLD.nation_code
       OR NEW.active IS DISTINCT FROM OLD.active
       OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        RAISE EXCEPTION 'only an administrator changes a user''s role, clearance, nationality '
            'or account' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER xdesk_users_guard BEFORE UPDATE ON users
FOR EACH ROW EXECUTE FUNCTION xdesk_users_guard();
"""


def _statements(sql: str) -> list[str]:
    """One statement at a time: a statement ends with ``;`` at the end of a line outside a
    ``$$`` body (as in 0006)."""
    statements: list[str] = []
    lines: list[str] = []
    inside = False
    for line in sql.strip().splitlines():
        lines.append(line)
        inside ^= line.count("$$") % 2 == 1
        if not inside and line.rstrip().endswith(";"):
            statements.append("\n".join(lines).strip().rstrip(";"))
            lines = []
    return statements


def _policies(owner: str, group: str) -> list[str]:
    statements = []
    tables = {**{t: (rule, rule) for t, rule in READ_RULES.items()}, **ADMIN_RULES}
    for table, (read, write) in tables.items():
        statements += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY",
            f'CREATE POLICY xdesk_owner ON {table} TO "{owner}" USING (true) WITH CHECK (true)',
            f'CREATE POLICY xdesk_read ON {table} FOR SELECT TO "{group}" USING ({read})',
        ]
        if write is None:
            continue
        if table in READ_RULES:
            write = f"{write} AND {WRITER}"
        # a user updates their own row (guarded by xdesk_users_guard); only administrators add
        # or remove users
        add_remove = ADMIN if table == "users" else write
        statements.append(
            f'CREATE POLICY xdesk_insert ON {table} FOR INSERT TO "{group}" '
            f"WITH CHECK ({add_remove})"
        )
        if table in INSERT_ONLY:
            continue
        statements += [
            f'CREATE POLICY xdesk_update ON {table} FOR UPDATE TO "{group}" '
            f"USING ({write}) WITH CHECK ({write})",
            f'CREATE POLICY xdesk_delete ON {table} FOR DELETE TO "{group}" USING ({add_remove})',
        ]
    return statements


def _grants(group: str) -> list[str]:
    g = f'"{group}"'
    writable = [*READ_RULES, *(t for t, (_r, w) in ADMIN_RULES.items() if w is not None)]
    writable = [t for t in writable if t not in INSERT_ONLY and t != "users"]
    managed = [*READ_RULES, *ADMIN_RULES, "alembic_version", "xdesk_audit_key"]
    statements = [
        # whatever an earlier revision granted on these (the logins' broad grants made before
        # row security existed) gives way to exactly what each table needs
        f"REVOKE ALL ON {', '.join(managed)} FROM {g}",
        f"REVOKE ALL ON SEQUENCE {', '.join((*SEQUENCES, 'audit_events_id_seq'))} FROM {g}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {g}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(writable)} TO {g}",
        f"GRANT SELECT, INSERT ON {', '.join(INSERT_ONLY)} TO {g}",
        f"GRANT SELECT ({USER_COLUMNS}) ON users TO {g}",
        f"GRANT INSERT, UPDATE, DELETE ON users TO {g}",
        f"GRANT SELECT ON audit_events, alembic_version TO {g}",
        f"GRANT USAGE ON SEQUENCE {', '.join(SEQUENCES)} TO {g}",
    ]
    for function in FUNCTIONS:
        statements += [
            f"REVOKE EXECUTE ON FUNCTION {function} FROM PUBLIC",
            f"GRANT EXECUTE ON FUNCTION {function} TO {g}",
        ]
    statements.append("REVOKE EXECUTE ON FUNCTION xdesk_users_guard() FROM PUBLIC")
    statements.append("REVOKE EXECUTE ON FUNCTION xdesk_label_guard() FROM PUBLIC")
    return statements


def _label_guards() -> list[str]:
    return [
        f"CREATE TRIGGER xdesk_label_guard BEFORE UPDATE OF label_id ON {table} FOR EACH ROW "
        "WHEN (OLD.label_id IS DISTINCT FROM NEW.label_id) EXECUTE FUNCTION xdesk_label_guard()"
        for table, rule in READ_RULES.items()
        if rule.startswith(LABEL_OK)
    ]


def _names() -> tuple[str, str]:
    bind = op.get_bind()
    database, owner = bind.exec_driver_sql("SELECT current_database(), current_user").one()
    return owner, f"{database}_users"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    owner, group = _names()
    # 0006 made the group; a database restored elsewhere may lack it
    op.execute(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
        f"'{group}') THEN CREATE ROLE \"{group}\" NOLOGIN; END IF; END $$"
    )
    statements = _statements(FUNCTIONS_SQL) + _label_guards()
    for statement in statements + _policies(owner, group) + _grants(group):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _owner, group = _names()
    tables = [*READ_RULES, *ADMIN_RULES]
    op.execute(f'REVOKE ALL ON {", ".join(tables)}, alembic_version FROM "{group}"')
    op.execute(f'REVOKE ALL ON SEQUENCE {", ".join(SEQUENCES)} FROM "{group}"')
    for table in tables:
        for policy in ("xdesk_owner", "xdesk_read", "xdesk_insert", "xdesk_update", "xdesk_delete"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    op.execute("DROP TRIGGER xdesk_users_guard ON users")
    op.execute("DROP FUNCTION xdesk_users_guard()")
    for table, rule in READ_RULES.items():
        if rule.startswith(LABEL_OK):
            op.execute(f"DROP TRIGGER xdesk_label_guard ON {table}")
    op.execute("DROP FUNCTION xdesk_label_guard()")
    for function in reversed(FUNCTIONS):
        op.execute(f"DROP FUNCTION {function}")
