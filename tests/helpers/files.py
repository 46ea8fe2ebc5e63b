"""The database file as whoever holds it sees it: a raw SQLite connection (keyed with the
database key when the file is encrypted), for tests that tamper with it or read it directly."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.database import at_rest
from app.database.engine import Database, sqlcipher_connect


def raw_connection(
    database: Database | Path | str, key: bytes | None = None, **options: object
) -> sqlite3.Connection:
    """A DB-API connection to the file of ``database`` (its key when it is encrypted: the
    opened database's, or ``key`` for a path)."""
    if isinstance(database, Database):
        path, key = database.path, database.key
    else:
        path = Path(database)
    assert path is not None
    if key is None:
        if at_rest.is_encrypted(path):
            raise AssertionError(f"{path} is encrypted: pass its key")
        return sqlite3.connect(path, **options)  # type: ignore[arg-type]
    connection = sqlcipher_connect(path, key)
    if "isolation_level" in options:
        connection.isolation_level = options["isolation_level"]  # type: ignore[assignment]
    return connection


def file_key(path: Path | str, username: str = "admin", password: str | None = None) -> bytes:
    """An encrypted file's database key, as ``username``'s password unwraps it."""
    from tests.helpers.accounts import PASSWORD

    return at_rest.unlock(Path(path), username, password or PASSWORD)


def reopen(target: str | Path, username: str = "admin") -> Database:
    """The database opened once more, as another client would (an encrypted file unlocked by
    ``username``'s password; a server or a plain file as it is)."""
    from app.database.engine import sqlite_path, to_url
    from app.services.setup import open_desk_database

    path = sqlite_path(to_url(target))
    if path is not None and at_rest.is_encrypted(path):
        return open_desk_database(target, key=file_key(path, username))
    return open_desk_database(target)


_HOLDER = (
    "import sqlite3, sys, time\n"
    "from app.database.engine import sqlcipher_connect\n"
    "key = bytes.fromhex(sys.argv[2])\n"
    "c = sqlcipher_connect(sys.argv[1], key) if key else sqlite3.connect(sys.argv[1])\n"
    "c.isolation_level = None\n"
    "for statement in sys.argv[3:]:\n"
    "    c.execute(statement).fetchall()\n"
    "print('ready', flush=True)\n"
    "time.sleep(60)\n"
)


@contextmanager
def held_by_another_process(
    path: Path | str, key: bytes | None = None, *statements: str
) -> Iterator[None]:
    """Another program with the database file open (a keyed connection when ``key`` is given)
    that has run ``statements`` (default: one read) and holds on, until the block ends."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _HOLDER,
            str(path),
            (key or b"").hex(),
            *(statements or ("SELECT count(*) FROM people",)),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        yield
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
