"""Where a test's database lives: a SQLite file, or a fresh database on a test server."""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from sqlalchemy import create_engine, text

from app.database.engine import to_url

# e.g. postgresql://postgres@127.0.0.1:55439/postgres (psycopg 3, as the application maps it);
# empty: every test uses its own SQLite file
SERVER_URL = os.environ.get("XDESK_TEST_DATABASE_URL", "")


def _admin_statement(statement: str, server_url: str = "") -> None:
    engine = create_engine(to_url(server_url or SERVER_URL), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def server_database(name: str, server_url: str = "") -> str:
    """Create an empty database ``name`` on the test server (dropping any left over, and the
    roles of test databases that are gone: a run stopped half-way leaves them); its URL."""
    drop_server_database(name, server_url)
    _admin_statement(_DROP_ORPHANS, server_url)
    _admin_statement(f'CREATE DATABASE "{name}"', server_url)
    return (server_url or SERVER_URL).rsplit("/", 1)[0] + "/" + name


# roles are the server's, not a database's: the login roles of a test database's users (its
# group's members), the group and the guard go with the database
_DROP_ROLES = """
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT m.rolname FROM pg_roles m
             JOIN pg_auth_members a ON a.member = m.oid
             JOIN pg_roles g ON g.oid = a.roleid
             WHERE g.rolname = '{name}_users' AND NOT m.rolsuper LOOP
        BEGIN
            EXECUTE format('DROP ROLE %I', r.rolname);
        EXCEPTION WHEN dependent_objects_still_exist THEN NULL;  -- still used elsewhere
        END;
    END LOOP;
    EXECUTE 'DROP ROLE IF EXISTS "{name}_users"';
    EXECUTE 'DROP ROLE IF EXISTS "{name}_guard"';
END $$
"""


_DROP_ORPHANS = """
DO $$
DECLARE
    g record;
    r record;
BEGIN
    FOR g IN SELECT rolname, left(rolname, length(rolname) - 6) AS db FROM pg_roles
             WHERE rolname LIKE 'xdesk\\_%\\_users'
               AND NOT EXISTS (SELECT 1 FROM pg_database d
                               WHERE d.datname = left(rolname, length(rolname) - 6)) LOOP
        FOR r IN SELECT m.rolname FROM pg_roles m
                 JOIN pg_auth_members a ON a.member = m.oid
                 WHERE a.roleid = (SELECT oid FROM pg_roles WHERE rolname = g.rolname)
                   AND NOT m.rolsuper LOOP
            BEGIN
                EXECUTE format('DROP ROLE IF EXISTS %I', r.rolname);
            EXCEPTION WHEN dependent_objects_still_exist THEN NULL;  -- still used elsewhere
            END;
        END LOOP;
        BEGIN
            EXECUTE format('DROP ROLE IF EXISTS %I', g.rolname);
            EXECUTE format('DROP ROLE IF EXISTS %I', g.db || '_guard');
        EXCEPTION WHEN dependent_objects_still_exist THEN NULL;
        END;
    END LOOP;
END $$
"""


def drop_server_database(name: str, server_url: str = "") -> None:
    """Drop database ``name`` on the test server, closing what still connects to it, and the
    roles that were its users'."""
    _admin_statement(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', server_url)
    _admin_statement(_DROP_ROLES.replace("{name}", name), server_url)


def server_database_name(node_id: str) -> str:
    """A database name for one test: unique per test and per test process (several runs may
    share one server)."""
    return f"xdesk_{os.getpid()}_{zlib.crc32(node_id.encode()):08x}"


def new_test_database(node_id: str, sqlite_file: Path) -> str | Path:
    """The target for one test's database: a new database on the server when one is
    configured, else ``sqlite_file``."""
    if not SERVER_URL:
        return sqlite_file
    return server_database(server_database_name(node_id))
