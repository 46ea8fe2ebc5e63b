"""Opening a database: refuse damaged files, copy aside, upgrade to the newest schema.

On a server several clients may open an old schema at once. Exactly one upgrades: a client
connected as the owner role takes a PostgreSQL advisory lock (`UPGRADE_LOCK_KEY`, one per
database), reads the revision again, dumps the database with ``pg_dump`` and runs the
migrations; other owner clients wait for the lock (at most `UPGRADE_WAIT_SECONDS`) and then
find the schema at head. A client connected as a user role never migrates: it waits while an
upgrade is under way, and if the schema is still old it refuses and says to ask the
administrator to run ``xdesk upgrade``. A client older than the schema (its revision unknown
here) opens the database but refuses every write (`SchemaTooNew`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import URL

from app.database import server_tools
from app.database.backup import backup_sqlite
from app.database.engine import (
    Database,
    DatabaseError,
    check_login,
    check_sqlite_file,
    make_engine,
    sqlite_path,
    to_url,
)
from app.database.migrate import current_revision, head_revision, known_revision, upgrade
from app.paths import data_dir, private_file

# the advisory lock a server upgrade holds ("xdesk_UP"); advisory locks are per database
UPGRADE_LOCK_KEY = 0x7864_6573_6B5F_5550
UPGRADE_WAIT_SECONDS = 300.0  # how long a client waits for another's upgrade before it refuses
_POLL_SECONDS = 0.25


@dataclass(frozen=True)
class Upgrade:
    """What opening did to the schema: from which revision to which, and the copy made first
    (a SQLite file beside the database, or a ``pg_dump`` archive of a server database)."""

    from_revision: str | None
    to_revision: str
    copy: Path | None


def newer_schema_message(revision: str) -> str:
    """What a client older than the database's schema says when it is asked to write."""
    return (
        f"the database is at schema {revision}, made by a newer Exchange Desk; this one "
        f"(schema {head_revision()}) may only read it: update Exchange Desk on this computer"
    )


def open_database(
    target: str | Path,
    *,
    create: bool = False,
    backup_dir: Path | None = None,
    user: str | None = None,
    password: str | None = None,
    key: bytes | None = None,
) -> tuple[Database, Upgrade | None]:
    """Open (or with ``create``, create) the database at a path or URL, upgraded to head.

    An existing database below head is copied before it is upgraded: a SQLite file next to
    itself, a server database with ``pg_dump`` into ``backup_dir`` (default: ``backups`` in the
    user-data folder). A file that is not a SQLite database, a database of some other program,
    or a SQLite file made by a newer Exchange Desk is refused and left untouched.

    On a server, ``user`` and ``password`` connect as that user's login role (a refused login
    is `LoginRefused`); without them the URL's own role connects (the owner, its password from
    PGPASSWORD or ~/.pgpass), as ``xdesk init`` and upgrades do. An encrypted SQLite file
    opens with its database ``key`` (`app.database.at_rest`; ``create`` with a key makes an
    encrypted file).
    """
    url = named = to_url(target)
    path = sqlite_path(url)
    if path is None and user is not None:
        url = url.set(username=user, password=None)
    if path is not None:
        if not path.exists():
            if not create:
                raise DatabaseError(f"no database at {path}; create one with 'xdesk init'")
            path.parent.mkdir(parents=True, exist_ok=True)
            private_file(path)  # SQLite gives its -wal and -shm files the database's mode
        check_sqlite_file(path, key)
    engine = make_engine(
        url, password if path is None and user is not None else None, key if path else None
    )
    read_only = ""
    try:
        if path is None and user is not None:
            check_login(engine)
        if path is None and url.get_backend_name() == "postgresql":
            report, read_only = _open_server(engine, url, create, backup_dir)
        else:
            report = _open_file(engine, url, path, create, key)
    except Exception:
        engine.dispose()
        raise
    database = Database(
        url=url,
        engine=engine,
        key=key if path is not None else None,
        read_only=read_only,
        owner_url=named if named != url else None,
    )
    database.load_facts()
    return database, report


def _refuse_foreign_or_empty(engine: Engine, url: URL, create: bool) -> None:
    tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
    if tables:
        raise DatabaseError(
            f"{url.render_as_string()} holds tables of another program; refusing to use it"
        )
    if not create:
        raise DatabaseError("the database is empty; create one with 'xdesk init'")


def _open_file(
    engine: Engine, url: URL, path: Path | None, create: bool, key: bytes | None
) -> Upgrade | None:
    revision = current_revision(engine)
    head = head_revision()
    if revision is None:
        _refuse_foreign_or_empty(engine, url, create)
        upgrade(engine)
        return Upgrade(None, head, None)
    if revision == head:
        return None
    if not known_revision(revision):
        raise DatabaseError(
            f"the database is at schema {revision}, made by a newer Exchange Desk; update the "
            "application"
        )
    copy = None
    if path is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}")
        backup_sqlite(engine, copy, key)
    upgrade(engine)
    return Upgrade(revision, head, copy)


def _open_server(
    engine: Engine, url: URL, create: bool, backup_dir: Path | None
) -> tuple[Upgrade | None, str]:
    """(what was upgraded, the read-only reason: empty unless the schema is newer than ours)."""
    head = head_revision()
    revision = current_revision(engine)
    if revision == head:
        return None, ""
    if revision is not None and not known_revision(revision):
        return None, newer_schema_message(revision)
    if not _connected_as_owner(engine):
        if revision is None:
            _refuse_foreign_or_empty(engine, url, create)
            raise DatabaseError(
                "only the database's owner role may create its schema: run 'xdesk init' with "
                "a URL naming the owner (postgresql://owner@host/database)"
            )
        _wait_for_upgrade(engine)
        revision = current_revision(engine)
        if revision == head:
            return None, ""
        raise DatabaseError(
            f"the database is at schema {revision} and this Exchange Desk needs schema {head}: "
            "ask your administrator to run `xdesk upgrade`"
        )
    with _upgrade_lock(engine):
        revision = current_revision(engine)  # another client may have upgraded meanwhile
        if revision == head:
            return None, ""
        if revision is None:
            _refuse_foreign_or_empty(engine, url, create)
            upgrade(engine)
            return Upgrade(None, head, None), ""
        if not known_revision(revision):
            return None, newer_schema_message(revision)
        folder = backup_dir or data_dir() / "backups"
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = folder / f"{url.database}.before-{revision}-{stamp}.dump"
        try:
            server_tools.dump(engine, url, copy)
        except DatabaseError as error:
            raise DatabaseError(
                f"no copy could be taken before upgrading the database, so it was not upgraded: "
                f"{error}"
            ) from error
        upgrade(engine)
        return Upgrade(revision, head, copy), ""


def _connected_as_owner(engine: Engine) -> bool:
    """True when the connected role may act as the owner of the schema (owns ``alembic_version``
    or is a member of the role that does; a superuser always may), or the schema is empty and
    the role owns the database."""
    with engine.connect() as connection:
        return bool(
            connection.scalar(
                text(
                    "SELECT COALESCE((SELECT pg_has_role(current_user, tableowner, 'USAGE') "
                    "FROM pg_tables WHERE schemaname = 'public' AND tablename = "
                    "'alembic_version'), (SELECT pg_has_role(current_user, datdba, 'USAGE') "
                    "FROM pg_database WHERE datname = current_database()))"
                )
            )
        )


@contextmanager
def _upgrade_lock(engine: Engine) -> Iterator[None]:
    """Hold the upgrade lock (waiting at most `UPGRADE_WAIT_SECONDS` for another client's)."""
    with engine.connect() as connection:
        deadline = time.monotonic() + UPGRADE_WAIT_SECONDS
        while not connection.scalar(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": UPGRADE_LOCK_KEY}
        ):
            connection.rollback()
            if time.monotonic() >= deadline:
                raise DatabaseError(_still_upgrading())
            time.sleep(_POLL_SECONDS)
        connection.commit()  # the lock is the session's: it outlives this transaction
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": UPGRADE_LOCK_KEY})
            connection.commit()


def _wait_for_upgrade(engine: Engine) -> None:
    """Wait while another client holds the upgrade lock (a shared try succeeds once it is free)."""
    deadline = time.monotonic() + UPGRADE_WAIT_SECONDS
    with engine.connect() as connection:
        while not connection.scalar(
            text("SELECT pg_try_advisory_lock_shared(:key)"), {"key": UPGRADE_LOCK_KEY}
        ):
            connection.rollback()
            if time.monotonic() >= deadline:
                raise DatabaseError(_still_upgrading())
            time.sleep(_POLL_SECONDS)
        connection.execute(
            text("SELECT pg_advisory_unlock_shared(:key)"), {"key": UPGRADE_LOCK_KEY}
        )
        connection.commit()


def _still_upgrading() -> str:
    return (
        f"another Exchange Desk has been upgrading this database for more than "
        f"{UPGRADE_WAIT_SECONDS:.0f} seconds; try again in a few minutes (or ask your "
        "administrator)"
    )
