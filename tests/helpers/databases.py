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


def _admin_statement(statement: str) -> None:
    engine = create_engine(to_url(SERVER_URL), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def server_database(name: str) -> str:
    """Create an empty database ``name`` on the test server (dropping any left over); its URL."""
    drop_server_database(name)
    _admin_statement(f'CREATE DATABASE "{name}"')
    return SERVER_URL.rsplit("/", 1)[0] + "/" + name


def drop_server_database(name: str) -> None:
    """Drop database ``name`` on the test server, closing what still connects to it."""
    _admin_statement(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    # its user group (revision 0006 makes one per database; roles are cluster-wide)
    _admin_statement(f'DROP ROLE IF EXISTS "{name}_users"')


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
