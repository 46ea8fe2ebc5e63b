"""Desks that connect as the user's own PostgreSQL role, not as the owner.

With ``XDESK_TEST_AS_ROLES=1`` (and a test server) the ``admin`` and ``make_user`` desks of
``conftest.py`` each connect as a login role named like the user, a member of the database's
``<database>_users`` group and nothing else: every statement the services send then passes the
server's grants and row-level security (revision 0008) as well as the application's own filter.
Roles are cluster-wide, so one named ``admin`` serves every test database (made once, joined to
each database's group); the group itself is dropped with its database.
"""

from __future__ import annotations

import os

from sqlalchemy import create_engine, text

from app.database.engine import Database, make_engine, to_url
from tests.helpers.databases import SERVER_URL

AS_ROLES = bool(SERVER_URL) and os.environ.get("XDESK_TEST_AS_ROLES", "") == "1"

# the engines of role desks, disposed when the test's database is dropped
_OPENED: list[Database] = []


def ensure_login_role(database_name: str, username: str) -> None:
    """A login role ``username`` (made if missing) in ``database_name``'s user group."""
    engine = create_engine(to_url(SERVER_URL), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(
                text(
                    f'DO $$ BEGIN CREATE ROLE "{username}" LOGIN; '
                    "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
                )
            )
            connection.execute(text(f'GRANT "{database_name}_users" TO "{username}"'))
    finally:
        engine.dispose()


def role_database(database: Database, username: str) -> Database:
    """The same database opened as ``username``'s own role (one engine per role and test)."""
    url = database.url.set(username=username, password=None)
    for opened in _OPENED:
        if opened.url == url:  # its pooled connections may be of a role since dropped and made
            opened.engine.dispose()
            return opened
    ensure_login_role(database.url.database, username)
    opened = Database(url=url, engine=make_engine(url))
    opened.load_facts()
    _OPENED.append(opened)
    return opened


def close_role_databases() -> None:
    """Dispose every role desk's engine (before the test's database is dropped)."""
    while _OPENED:
        _OPENED.pop().dispose()
