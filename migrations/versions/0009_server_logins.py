"""Logins on a server: every application user is a PostgreSQL login role of the same name.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 14:30:00

PostgreSQL only (SQLite keeps its Argon2id hashes; nothing changes there). Every function is
``SECURITY DEFINER``, owned by the owner role that runs this revision (which holds CREATEROLE),
with a fixed ``search_path``; none is executable by PUBLIC:

- ``xdesk_role_set(name, verifier, creating)``: creates the login role of an application user
  (``creating``: refused when the server has a role of that name already) in the group
  ``<database>_users``, or gives it a new password. Only a SCRAM-SHA-256 verifier is accepted,
  never a clear password. The owner, a superuser or an active administrator may call it; a
  user may change their own password. It touches only roles in the users' group without
  SUPERUSER or CREATEROLE, and only names that are rows of ``users``.
- ``xdesk_role_sync(name)``: the role's LOGIN follows its ``users`` row (active and not
  locked); deactivated or locked is NOLOGIN. The owner, a superuser or an administrator.
- ``xdesk_login_failed(name)``: the only thing the guard role ``<database>_guard`` (a public
  password; no other privilege) may do after the server refused a login: counts the failure
  on the user's row, audits it, and after ``lockout_attempts`` (5) consecutive failures locks
  the account for ``lockout_minutes`` (15) with NOLOGIN. A lock that has run out is lifted
  (returns true: the client tries once more).
- ``xdesk_login_succeeded()``: the connected role's successful login (failures reset, last
  login) and the state of its row; executable by the users' group.
- Without row-level security yet (its revision grants each table exactly what it needs), the
  users' group gets what the one shared login could do, less owning anything (no DDL, no
  TRUNCATE, no trigger to disable), the audit key and any change to the trail or the schema
  version. A revision that narrows the grants revokes these first.

``users.password_hash`` holds the marker ``!postgresql-role`` on a server from here on: the
hashes an older server database kept are no use to anyone (the server checks passwords now).
The DDL is frozen here on purpose (not imported from the application).
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# the guard's public password ("xdesk-guard", app.database.server_logins.GUARD_PASSWORD) as a
# SCRAM-SHA-256 verifier with a fixed salt: it is no secret
GUARD_VERIFIER = (
    "SCRAM-SHA-256$4096:eGRlc2stZ3VhcmQtc2FsdA==$xp1kjAshMfryFLsmNmy9sLMpIFJINS7C1aHzAnbFC6s="
    ":AIMWiup4oCmlioFywt1YQfqvOsmTs6Jv2I9/BxDT2Fg="
)
MARKER = "!postgresql-role"

UPGRADE = r"""
UPDATE users SET password_hash = '__MARKER__';

-- may the connected role manage the users' roles: a superuser, the owner, an active admin
CREATE FUNCTION xdesk_role_manager() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
        OR session_user::text = current_user::text
        OR session_user::text = (SELECT pg_get_userbyid(datdba)::text FROM pg_database
                                 WHERE datname = current_database())
        OR EXISTS (SELECT 1 FROM users u WHERE u.username = session_user::text AND u.active
                   AND u.role = 'administrator'
                   AND (u.locked_until IS NULL OR u.locked_until <= now() AT TIME ZONE 'UTC'))
$$;

-- a role these functions may alter: in the users' group, no superuser, no CREATEROLE
CREATE FUNCTION xdesk_role_is_user(p_name text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1 FROM pg_roles r
        WHERE r.rolname = p_name AND NOT r.rolsuper AND NOT r.rolcreaterole
          AND p_name <> current_database() || '_guard'
          AND EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = current_database() || '_users')
          AND pg_has_role(r.oid, (SELECT g.oid FROM pg_roles g
                                  WHERE g.rolname = current_database() || '_users'), 'MEMBER'))
$$;

-- LOGIN when the users row is active and not locked, NOLOGIN otherwise
CREATE FUNCTION xdesk_role_apply(p_name text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    may_login boolean;
BEGIN
    IF NOT xdesk_role_is_user(p_name) THEN
        RETURN;
    END IF;
    may_login := EXISTS (SELECT 1 FROM users u WHERE u.username = p_name AND u.active
        AND (u.locked_until IS NULL OR u.locked_until <= now() AT TIME ZONE 'UTC'));
    EXECUTE format('ALTER ROLE %I %s', p_name,
                   CASE WHEN may_login THEN 'LOGIN' ELSE 'NOLOGIN' END);
END $$;

CREATE FUNCTION xdesk_role_set(p_name text, p_verifier text, p_creating boolean) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    grp text := current_database() || '_users';
BEGIN
    IF NOT xdesk_role_manager() AND (p_creating OR p_name <> session_user::text) THEN
        RAISE EXCEPTION 'only an administrator manages login roles' USING ERRCODE = '42501';
    END IF;
    IF p_verifier IS NULL OR p_verifier !~
        '^SCRAM-SHA-256\$[0-9]+:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' THEN
        RAISE EXCEPTION 'a password is set only as a SCRAM-SHA-256 verifier'
            USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM users WHERE username = p_name) THEN
        RAISE EXCEPTION 'no application user %', p_name USING ERRCODE = '42704';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_name) THEN
        IF p_creating THEN
            RAISE EXCEPTION 'the database server has a role named % already', p_name
                USING ERRCODE = '42710',
                      HINT = 'choose another username, or ask IT whose role it is';
        END IF;
        IF NOT xdesk_role_is_user(p_name) THEN
            RAISE EXCEPTION 'the role % is not a login of this database''s users', p_name
                USING ERRCODE = '42501';
        END IF;
        EXECUTE format('ALTER ROLE %I PASSWORD %L', p_name, p_verifier);
    ELSE
        -- a user of a database from before this revision gets their role with a new password
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_name, p_verifier, grp);
    END IF;
    PERFORM xdesk_role_apply(p_name);
END $$;

CREATE FUNCTION xdesk_role_sync(p_name text) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    IF NOT xdesk_role_manager() THEN
        RAISE EXCEPTION 'only an administrator manages login roles' USING ERRCODE = '42501';
    END IF;
    PERFORM xdesk_role_apply(p_name);
END $$;

CREATE FUNCTION xdesk_login_failed(p_name text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u users;
    attempts integer;
    minutes integer;
    now_utc timestamp := now() AT TIME ZONE 'UTC';
    name text := left(COALESCE(p_name, ''), 64);
BEGIN
    attempts := COALESCE((SELECT value::integer FROM settings WHERE key = 'lockout_attempts'), 5);
    minutes := COALESCE((SELECT value::integer FROM settings WHERE key = 'lockout_minutes'), 15);
    SELECT * INTO u FROM users WHERE username = name FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM xdesk_audit_insert(NULL, 'login_failure', 'user', NULL, left(name, 40),
            'failure', json_build_object('username', name, 'reason', 'unknown user')::text);
        RETURN false;
    END IF;
    IF u.locked_until IS NOT NULL AND u.locked_until > now_utc THEN
        PERFORM xdesk_audit_insert(NULL, 'login_failure', 'user', u.id, left(name, 40),
            'failure', json_build_object('username', name, 'reason', 'account locked')::text);
        RETURN false;
    END IF;
    IF u.locked_until IS NOT NULL AND u.active THEN
        -- the lock has run out: lift it; the client tries once more (the same password)
        UPDATE users SET locked_until = NULL, failed_logins = 0 WHERE id = u.id;
        PERFORM xdesk_role_apply(name);
        RETURN true;
    END IF;
    u.failed_logins := COALESCE(u.failed_logins, 0) + 1;
    PERFORM xdesk_audit_insert(NULL, 'login_failure', 'user', u.id, left(name, 40), 'failure',
        json_build_object('username', name,
            'reason', CASE WHEN u.active THEN 'refused by the server' ELSE 'account deactivated'
                      END,
            'consecutive_failures', u.failed_logins)::text);
    IF u.failed_logins >= attempts THEN
        UPDATE users SET failed_logins = 0,
               locked_until = now_utc + make_interval(mins => minutes) WHERE id = u.id;
        PERFORM xdesk_role_apply(name);
        PERFORM xdesk_audit_insert(NULL, 'lockout', 'user', u.id, left(name, 40), 'success',
            json_build_object('username', name, 'attempts', attempts,
                'until', to_char(now_utc + make_interval(mins => minutes),
                                 'YYYY-MM-DD"T"HH24:MI:SS'))::text);
    ELSE
        UPDATE users SET failed_logins = u.failed_logins WHERE id = u.id;
    END IF;
    RETURN false;
END $$;

CREATE FUNCTION xdesk_login_succeeded() RETURNS text
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    u users;
    now_utc timestamp := now() AT TIME ZONE 'UTC';
BEGIN
    SELECT * INTO u FROM users WHERE username = session_user::text FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 'unknown';
    END IF;
    IF NOT u.active THEN
        RETURN 'inactive';
    END IF;
    IF u.locked_until IS NOT NULL AND u.locked_until > now_utc THEN
        RETURN 'locked';
    END IF;
    UPDATE users SET failed_logins = 0, locked_until = NULL, last_login = now_utc
    WHERE id = u.id;
    RETURN 'ok';
END $$;

REVOKE EXECUTE ON FUNCTION xdesk_role_manager() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_role_is_user(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_role_apply(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_role_set(text, text, boolean) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_role_sync(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_login_failed(text) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION xdesk_login_succeeded() FROM PUBLIC;

DO $$
DECLARE
    grp text := current_database() || '_users';
    guard text := current_database() || '_guard';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', grp);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = guard) THEN
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', guard, '__GUARD__');
    ELSE
        EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', guard, '__GUARD__');
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), grp, guard);
    EXECUTE format('GRANT EXECUTE ON FUNCTION xdesk_role_set(text, text, boolean), '
        'xdesk_role_sync(text), xdesk_login_succeeded() TO %I', grp);
    EXECUTE format('GRANT EXECUTE ON FUNCTION xdesk_login_failed(text) TO %I', guard);
    IF to_regprocedure('xdesk_readable_label_array()') IS NULL THEN
        -- before row-level security (whose revision grants exactly what each table needs):
        -- what the one shared login could do, less owning anything (no DDL, no TRUNCATE, no
        -- trigger to disable), less the audit key and any change to the audit trail
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', grp);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public '
                       'TO %I', grp);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', grp);
        EXECUTE format('REVOKE ALL ON xdesk_audit_key FROM %I', grp);
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON audit_events, alembic_version FROM %I',
                       grp);
    END IF;
END $$;
"""

DOWNGRADE = r"""
DROP FUNCTION xdesk_login_succeeded();
DROP FUNCTION xdesk_login_failed(text);
DROP FUNCTION xdesk_role_sync(text);
DROP FUNCTION xdesk_role_set(text, text, boolean);
DROP FUNCTION xdesk_role_apply(text);
DROP FUNCTION xdesk_role_is_user(text);
DROP FUNCTION xdesk_role_manager();
DO $$
DECLARE
    guard text := current_database() || '_guard';
    grp text := current_database() || '_users';
BEGIN
    IF to_regprocedure('xdesk_readable_label_array()') IS NULL
       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grp) THEN
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA public FROM %I', grp);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM %I', grp);
        EXECUTE format('GRANT EXECUTE ON FUNCTION xdesk_audit_append(text, text, text, integer, '
            'text, text, text), xdesk_audit_check(integer, integer), xdesk_audit_head() TO %I',
            grp);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = guard) THEN
        EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I', current_database(), guard);
        EXECUTE format('DROP ROLE %I', guard);
    END IF;
END $$;
"""


def _statements(sql: str) -> list[str]:
    """One statement at a time: a statement ends with ``;`` at the end of a line outside a
    ``$$`` body."""
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


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # a colon before a word would be a bind parameter of op.execute's text(): escaped
    guard = GUARD_VERIFIER.replace(":", "\\:")
    sql = UPGRADE.replace("__MARKER__", MARKER).replace("__GUARD__", guard)
    for statement in _statements(sql):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _statements(DOWNGRADE):
        op.execute(statement)
