"""Engines, sessions and the opened database.

The database is a URL: ``sqlite:///path`` by default (a plain file path is accepted), a
``postgresql://`` URL for a shared server. SQLite specifics (pragmas, ``BEGIN IMMEDIATE`` for
writes) live here and nowhere above this package.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import (
    Engine,
    Integer,
    Table,
    create_engine,
    event,
    func,
    insert,
    literal_column,
    select,
    text,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

from app.database.at_rest import is_encrypted, sqlcipher_key
from app.database.labels import load_labels
from app.database.search_documents import keep_documents
from app.database.server_logins import LoginRefused, Logins, is_refused_login, logins_of
from app.domain.labels import SCHEMES, Label, Scheme
from app.domain.models import NationGroup, Setting

# what SQLite's drivers raise: the standard library's for a plain file, sqlcipher3's (another
# build of the same module) for an encrypted one
SQLITE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)

# a pooled server connection idle longer than this is pinged before use (one round trip): a
# firewall or a server restart may have dropped it; a busy desk's saves skip the ping
IDLE_PING_SECONDS = 30.0


class DatabaseError(Exception):
    """A database that cannot be opened as asked: damaged, missing, or not an Exchange Desk file."""


class SchemaTooNew(DatabaseError):
    """A write refused: the database's schema is newer than this application knows."""


class CommitFailed(Exception):
    """The database refused or lost the ``COMMIT`` of a write transaction (``error``): unlike a
    failure before it, a connection lost here leaves unknown whether the changes were stored."""

    def __init__(self, error: DBAPIError) -> None:
        super().__init__(str(error))
        self.error = error


# a URL naming the server without a driver gets psycopg 3 (a regular dependency); an explicit
# driver (postgresql+psycopg2://) is kept as written
DEFAULT_DRIVERS = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}


def to_url(target: str | Path | URL) -> URL:
    """A SQLAlchemy URL for a URL string or a plain file path (``postgresql://`` → psycopg 3)."""
    if isinstance(target, URL):
        url = target
    else:
        text = str(target)
        if "://" not in text:
            return make_url("sqlite:///" + str(Path(text).expanduser().resolve()))
        url = make_url(text)
    driver = DEFAULT_DRIVERS.get(url.drivername)
    return url.set(drivername=driver) if driver else url


def display_url(target: str | Path | URL) -> str:
    """A database as it may be shown or stored: a file's path, or the URL without its password.

    Every place that shows, prints, logs or remembers a database names it through this, so a
    password typed into a URL never reaches the settings file, a title, a dialog or the output.
    """
    if isinstance(target, Path) or (isinstance(target, str) and "://" not in target):
        return str(target)
    try:
        url = target if isinstance(target, URL) else make_url(str(target))
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy can parse: show nothing of it
        return "(a database URL that cannot be read)"
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    bare = URL.create(
        url.drivername, url.username, None, url.host, url.port, url.database, url.query
    )
    return bare.render_as_string(hide_password=True)


def has_login_roles(target: str | Path | URL) -> bool:
    """True for a database server, where every user logs in as their own role and the server
    checks the password (`app.database.server_logins`); False for a SQLite file."""
    return to_url(target).get_backend_name() != "sqlite"


def sqlite_path(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def check_sqlite_file(path: Path, key: bytes | None = None) -> None:
    """Refuse a file that is not a SQLite database (never overwrite it); an encrypted one is
    read with its ``key`` (without one it is refused: the login unlocks it)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if key is None and is_encrypted(path):
        raise DatabaseError(
            f"{path} is encrypted: it opens at a login, with the password of one of its users"
        )
    # Read-only first: nothing is written (not even the switch to WAL) until the file is known
    # to be ours. Read through SQLite only, never with open(): closing any descriptor of a file
    # drops every POSIX lock this process holds on it, the locks of its live connections too.
    try:
        connection = (
            sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            if key is None
            else sqlcipher_connect(path, key, read_only=True)
        )
        try:
            tables = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
        finally:
            connection.close()
    except (sqlite3.DatabaseError, sqlcipher.DatabaseError) as error:
        if "not a database" in str(error):
            raise DatabaseError(
                f"{path} is not an Exchange Desk database (not a SQLite file, its first page "
                "is damaged, or it is encrypted and its keys file is missing); refusing to open "
                "it"
            ) from error
        raise DatabaseError(f"{path} is damaged ({error}); refusing to open it") from error
    if tables and "alembic_version" not in tables:
        raise DatabaseError(
            f"{path} holds tables of another program, not an Exchange Desk database; refusing to "
            "open it (nothing was changed)"
        )
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseError(
            f"{path} is read-only for you: Exchange Desk writes every login and change to the "
            "database's audit trail, so it needs a database it may write (and its folder, for "
            "the journal). Copy it somewhere you may write, or ask who owns it."
        )


def make_engine(url: URL, password: str | None = None, key: bytes | None = None) -> Engine:
    """An engine for the URL; SQLite gets foreign keys, WAL, synchronous=FULL, a busy timeout.

    A server's ``password`` goes to the driver as a connect argument, never into the URL (so
    it is in no URL, setting, title or message); without one libpq reads PGPASSWORD or
    ~/.pgpass, as for the owner role that ``xdesk init`` connects as. A SQLite file with a
    ``key`` is a SQLCipher database (`app.database.at_rest`): every connection is keyed
    before its first statement.
    """
    if url.get_backend_name() != "sqlite":
        return _server_engine(url, password)
    if key is None:
        engine = create_engine(url, connect_args={"timeout": 30})
    else:
        engine = create_engine(
            url, module=sqlcipher, creator=lambda: sqlcipher_connect(sqlite_path(url), key)
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if sqlite_path(url) is not None:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # noqa: ANN001
        # writes take the write lock at BEGIN so the audit chain head cannot be raced
        options = connection.get_execution_options()
        immediate = options.get("write", False)
        busy_ms = options.get("busy_ms")
        if busy_ms is not None:  # a write that waits less for the lock (a login)
            connection.exec_driver_sql(f"PRAGMA busy_timeout={int(busy_ms)}")
            connection.info["busy_ms"] = busy_ms
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _on_end(connection):  # noqa: ANN001
        if connection.info.pop("busy_ms", None) is not None:
            connection.exec_driver_sql("PRAGMA busy_timeout=30000")

    return engine


def sqlcipher_connect(
    path: Path | None, key: bytes, read_only: bool = False, timeout: float = 30
) -> sqlite3.Connection:
    """A SQLCipher connection to ``path`` keyed with ``key`` (read-only: opened ``mode=ro``);
    `DatabaseError` when the key does not open it (another key, or a damaged first page)."""
    if path is None:
        raise DatabaseError("an encrypted database is a file")
    target = f"file:{path}?mode=ro" if read_only else str(path)
    connection = sqlcipher.connect(target, uri=read_only, timeout=timeout, check_same_thread=False)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {sqlcipher_key(key)}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as error:
        connection.close()
        if "not a database" in str(error):
            raise DatabaseError(
                f"{path} does not open with its key: its keys file belongs to another database, "
                "or the file is damaged (nothing was changed)"
            ) from None
        raise DatabaseError(f"{path} cannot be opened ({error})") from None
    return connection  # type: ignore[return-value]


def _server_engine(url: URL, password: str | None = None) -> Engine:
    """A server engine whose pooled connections are pinged only after being idle a while."""
    # JIT compiling costs more than it saves on the short statements of a desk (a search's plan
    # was JIT-compiled in tens of milliseconds and then ran in a few)
    # a statement is prepared the second time a connection sends it (psycopg's default is the
    # sixth): the server then keeps its plan (`Database.reading` keeps prepared statements
    # alive); a statement sent once is never prepared, so one-off texts cost no extra round trip
    arguments: dict[str, Any] = {"options": "-c jit=off", "prepare_threshold": 1}
    if password is not None:
        arguments["password"] = password
    engine = create_engine(url, connect_args=arguments)

    @event.listens_for(engine, "checkin")
    def _on_checkin(_dbapi_connection, record):  # noqa: ANN001
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection, record, _proxy):  # noqa: ANN001
        since = record.info.pop("idle_since", None)
        if since is None or time.monotonic() - since < IDLE_PING_SECONDS:
            return
        try:
            cursor = dbapi_connection.cursor()
            cursor.execute("SELECT 1")
            cursor.close()
        except Exception as error:  # noqa: BLE001 (any failure: take a fresh connection)
            raise DisconnectionError(str(error)) from error  # the pool connects anew

    return engine


def check_login(engine: Engine) -> None:
    """Connect once: a login the server refuses is `LoginRefused` (the connection is pooled)."""
    try:
        with engine.connect():
            pass
    except DBAPIError as error:
        if is_refused_login(error):
            raise LoginRefused() from None
        raise


@dataclass
class Database:
    """An opened Exchange Desk database: engine, sessions and its fixed facts."""

    url: URL
    engine: Engine
    # an encrypted SQLite file's database key (`app.database.at_rest`), as the login unwrapped
    # it: backups are keyed with it, new users' slots wrap it; None for a plain file or a server
    key: bytes | None = field(default=None, repr=False)
    # why this client may not write (its code is older than the schema); empty: it may
    read_only: str = ""
    # on a server opened as a user's login role: the URL as named, whose role (the owner) the
    # server's tools (pg_dump, pg_restore) connect as; None: `url` itself
    owner_url: URL | None = None
    owner: str = ""
    scheme: Scheme = field(default_factory=lambda: SCHEMES["default"])
    _groups: dict[str, frozenset[str]] | None = None
    _labels: dict[int, Label] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # on a server a read session is ``BEGIN READ ONLY`` (psycopg sends it with the first
        # statement: no extra round trip), and it ends with COMMIT, not ROLLBACK: psycopg
        # forgets every prepared statement of a connection at each ROLLBACK, and without them
        # the server plans every statement again (a search's ~40 ms of planning, each time)
        self._reader = sessionmaker(
            self.engine
            if self.is_sqlite
            else self.engine.execution_options(postgresql_readonly=True),
            expire_on_commit=False,
        )
        self._writer = sessionmaker(
            self.engine.execution_options(write=True), expire_on_commit=False
        )
        self._snapshot = sessionmaker(
            self.engine
            if self.is_sqlite
            else self.engine.execution_options(isolation_level="REPEATABLE READ"),
            expire_on_commit=False,
        )
        if not self.is_sqlite:  # SQLite's index follows every write by its own triggers
            keep_documents(self._writer)

    @property
    def is_sqlite(self) -> bool:
        """True for the embedded SQLite database."""
        return self.url.get_backend_name() == "sqlite"

    @property
    def logins(self) -> Logins:
        """How this database checks passwords: its users table, or a server's login roles."""
        path = self.path
        return logins_of(
            server=not self.is_sqlite,
            keys=(path, self.key) if path is not None and self.key is not None else None,
        )

    @property
    def path(self) -> Path | None:
        """The database file, for SQLite."""
        return sqlite_path(self.url)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session (on a server a ``READ ONLY`` transaction)."""
        with self._reader() as session:
            yield session
            if not self.is_sqlite:
                session.commit()  # keeps the connection's prepared statements (see above)
        # closing releases the connection; loaded objects stay usable

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A read-only session whose statements all see one snapshot of the database.

        On a server: one ``REPEATABLE READ READ ONLY`` transaction (a plain read session reads
        each statement's own snapshot there). On SQLite the read session is already one read
        transaction, and WAL gives it one snapshot from its first read.
        """
        with self._snapshot() as session:
            if not self.is_sqlite:
                session.execute(text("SET TRANSACTION READ ONLY"))
            yield session
            if not self.is_sqlite:
                session.commit()  # keeps the connection's prepared statements

    @contextmanager
    def writing(self, busy_seconds: float | None = None) -> Iterator[Session]:
        """A write transaction: commits when the block ends, rolls back on any exception; a
        driver error from the ``COMMIT`` itself is `CommitFailed`; `SchemaTooNew` when this
        client is older than the schema. ``busy_seconds``: on SQLite, wait at most that long
        for another writer's lock (30 s otherwise), then fail as locked."""
        if self.read_only:
            raise SchemaTooNew(self.read_only)
        writer = self._writer
        if busy_seconds is not None and self.is_sqlite:
            writer = sessionmaker(
                self.engine.execution_options(write=True, busy_ms=int(busy_seconds * 1000)),
                expire_on_commit=False,
            )
        with writer() as session:
            session.begin()
            try:
                yield session
                session.flush()  # what the block left unwritten fails here, not in COMMIT
            except BaseException:
                session.rollback()
                raise
            try:
                session.commit()
            except DBAPIError as error:
                raise CommitFailed(error) from error

    def insert_many(self, session: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
        """Insert rows (same keys in each) in one executemany; their new ids, in the rows' order.

        SQLite cannot promise the order of ``RETURNING`` rows, so SQLAlchemy would send one
        statement per row; inside our write transaction (``BEGIN IMMEDIATE``: no other writer)
        an ``INTEGER PRIMARY KEY`` takes the next numbers in insert order, so the rows go in one
        ``executemany`` and the new ids are read back by range. Other databases return them
        from ``INSERT … RETURNING`` sent in batches.
        """
        key = table.autoincrement_column
        if key is None:
            raise ValueError(f"{table.name} has no generated id")
        if not self.is_sqlite:
            statement = insert(table).returning(key, sort_by_parameter_order=True)
            return list(session.execute(statement, rows).scalars())
        before = session.scalar(select(func.max(key))) or 0
        session.execute(insert(table), rows)
        ids = list(session.scalars(select(key).where(key > before).order_by(key)))
        if len(ids) != len(rows):
            raise RuntimeError(f"{table.name}: {len(ids)} new ids for {len(rows)} rows inserted")
        return ids

    def index_bypassed(self, column: Any) -> Any:
        """The column written so the planner will not pick an index for it (``+t.c`` on SQLite).

        Sorted pages then walk the sort's index and test each row, instead of collecting every
        matching row through the column's index and sorting them all. Other databases plan
        this well on their own: the column is returned as it is.
        """
        if not self.is_sqlite:
            return column
        return literal_column(f"+{column.table.name}.{column.name}", Integer)

    def connect_as(self, username: str, password: str) -> Database:
        """This server database opened as the login role ``username`` (its own engine).

        The password is a connect argument of the driver only. A login the server refuses
        (wrong password, no such role, NOLOGIN, pg_hba) is `LoginRefused`, which never says
        which. SQLite has no login roles: asked of it, this is a `DatabaseError`.
        """
        if self.is_sqlite:
            raise DatabaseError("an embedded database has no login roles")
        url = self.url.set(username=username, password=None)
        engine = make_engine(url, password)
        try:
            check_login(engine)
        except BaseException:
            engine.dispose()
            raise
        database = Database(
            url=url,
            engine=engine,
            owner=self.owner,
            scheme=self.scheme,
            owner_url=self.owner_url or self.url,
            read_only=self.read_only,  # a client older than the schema writes nothing, as anyone
        )
        database._groups = self._groups
        return database

    def load_facts(self) -> None:
        """Read owning nation and scheme from the settings table."""
        with self.reading() as session:
            values = dict(session.execute(select(Setting.key, Setting.value)).all())
        self.owner = values.get("owner_nation", "")
        self.scheme = SCHEMES[values.get("scheme", "default")]
        self._groups = None

    def nation_groups(self) -> dict[str, frozenset[str]]:
        """Nation group code -> member nation codes (cached; `forget_groups` after edits)."""
        if self._groups is None:
            with self.reading() as session:
                groups = session.scalars(select(NationGroup)).all()
                self._groups = {g.code: frozenset(m.nation_code for m in g.members) for g in groups}
        return self._groups

    def stored_labels(self, session: Session, ids: set[int]) -> dict[int, Label]:
        """Labels by id, for ids read from committed rows (a stored record's ``label_id``).

        Label rows are immutable and never deleted, so each is read once per process and kept;
        a label interned by a transaction not yet committed must not be asked for here (its id
        could be taken again if that transaction rolls back).
        """
        missing = {i for i in ids if i not in self._labels}
        if missing:
            self._labels.update(load_labels(session, missing))
        return {i: self._labels[i] for i in ids if i in self._labels}

    def forget_groups(self) -> None:
        """Drop the nation-group cache after groups were edited."""
        self._groups = None

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
