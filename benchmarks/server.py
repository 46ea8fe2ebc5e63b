"""The benchmark database on a PostgreSQL server, beside the SQLite one: the same rows.

The schema is made by the migrations (every revision, as ``xdesk init`` makes it); the rows of
the SQLite benchmark file are then copied table by table with ``COPY`` in replication mode (no
foreign-key or audit triggers fire: a benchmark fixture, not a product path; the audit trail
starts empty), the sequences moved past the copied ids, the search documents written from the
copied rows (as ``xdesk search --rebuild``), and the tables analysed. It needs a
URL of a role that may create databases and set ``session_replication_role`` (a superuser, as
on a throw-away test server).
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from app.database.engine import make_engine, to_url
from app.database.migrate import upgrade
from app.database.search_documents import rebuild
from app.domain.models import Base

SKIPPED = {"audit_events"}  # the server keeps its own keyed chain; it starts empty


def conninfo(url: URL) -> str:
    """The libpq form of a SQLAlchemy URL (psycopg connects with it)."""
    return URL.create(
        "postgresql", url.username, url.password, url.host, url.port, url.database, url.query
    ).render_as_string(hide_password=False)


def build_server(source: Path, server: str, people: int) -> str:
    """A server database holding the rows of the SQLite benchmark file ``source``: its URL
    (reused when it already holds ``people`` people)."""
    base = to_url(server)
    name = f"xdesk_bench_{people}"
    target = base.set(database=name)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
            )
        if exists:
            probe = create_engine(target)
            try:
                with probe.connect() as connection:
                    have = connection.scalar(text("SELECT count(*) FROM people"))
                    documents = connection.scalar(text("SELECT count(*) FROM search_documents"))
            finally:
                probe.dispose()
            if have == people and documents >= people:  # an older copy had no documents
                return target.render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    started = time.perf_counter()
    engine = make_engine(target)
    upgrade(engine)
    engine.dispose()
    lite = sqlite3.connect(source)
    with psycopg.connect(conninfo(target)) as pg:
        pg.execute("SET session_replication_role = replica")
        for table in Base.metadata.sorted_tables:
            if table.name in SKIPPED:
                continue
            columns = [c.name for c in table.columns]
            quoted = ", ".join(f'"{c}"' for c in columns)
            pg.execute(f"DELETE FROM {table.name}")  # what the migrations seeded, if anything
            rows = lite.execute(f"SELECT {quoted} FROM {table.name}")
            with pg.cursor().copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        for table in Base.metadata.sorted_tables:
            key = table.autoincrement_column
            if key is None:
                continue
            pg.execute(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key.name}'), "
                f"COALESCE((SELECT max({key.name}) FROM {table.name}), 0) + 1, false)"
            )
        pg.commit()
    lite.close()
    # the search documents: the migrations wrote them for an empty database, and the copy does
    # not carry them (SQLite's index is FTS5): written as a rebuild would (`xdesk search
    # --rebuild`), so the server's search reads as many documents as SQLite's
    engine = make_engine(target)
    with engine.begin() as connection:
        rebuild(connection)
    engine.dispose()
    with psycopg.connect(conninfo(target), autocommit=True) as pg:
        pg.execute("VACUUM ANALYZE")
    print(f"copied {source.name} to {name} on the server in {time.perf_counter() - started:.1f} s")
    return target.render_as_string(hide_password=False)


class RawServer:
    """The raw floor on a server: the same SQL through psycopg directly (``?`` → ``%s``)."""

    def __init__(self, url: str) -> None:
        self.connection = psycopg.connect(conninfo(to_url(url)), autocommit=True)

    def execute(self, sql: str, params: tuple = ()) -> psycopg.Cursor:
        return self.connection.execute(sql.replace("?", "%s"), params)

    def close(self) -> None:
        self.connection.close()


def role_url(url: str, username: str) -> str:
    """``url`` connecting as ``username``'s own login role (made if missing, in the database's
    user group), as the window connects on a server: every statement then passes the server's
    grants and forced row-level security, not only the application's filter. Without a
    password: the throw-away benchmark server trusts loopback logins."""
    from app.database.server_logins import users_group

    target = to_url(url)
    admin = create_engine(target, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(
                text(
                    f'DO $$ BEGIN CREATE ROLE "{username}" LOGIN; '
                    "EXCEPTION WHEN duplicate_object THEN NULL; END $$"
                )
            )
            connection.execute(text(f'GRANT "{users_group(target.database)}" TO "{username}"'))
    finally:
        admin.dispose()
    return target.set(username=username, password=None).render_as_string(hide_password=False)
