"""Backup and restore of the embedded SQLite database (checks: `app.database.checks`).

Backups use SQLite's online backup API, so they are consistent while the application runs. An
encrypted database's backup is encrypted under the same key, with its own keys file beside it
(`app.database.at_rest`); a restore takes the backup's keys file with its content.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine

from app.database import at_rest
from app.database.engine import (
    SQLITE_ERRORS,
    DatabaseError,
    check_sqlite_file,
    sqlcipher_connect,
)
from app.paths import private_file


def _connect(path: Path, key: bytes | None, read_only: bool = False) -> sqlite3.Connection:
    """A connection to a file, keyed when the database is encrypted."""
    if key is not None:
        connection = sqlcipher_connect(path, key, read_only=read_only, timeout=2)
        connection.isolation_level = None
        return connection
    if read_only:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    return sqlite3.connect(path, timeout=2, isolation_level=None)


def backup_sqlite(
    engine: Engine,
    destination: Path,
    key: bytes | None = None,
    place: Callable[[Path], None] | None = None,
) -> Path:
    """Copy the live database to ``destination`` with the online backup API (encrypted under
    ``key``, the live database's, with a copy of its keys file).

    ``place(partial)`` puts the copy, complete under its temporary name, at ``destination``
    (by default a rename): a caller writes first what must exist before the copy does (its
    label, its audit event). If it raises, nothing is left at ``destination``; if the process
    is killed before the rename, the copy is still only the hidden partial (`partial_name`)."""
    if engine.url.get_backend_name() != "sqlite":
        raise DatabaseError(
            "backup is for the embedded SQLite database; use the server's own tools (pg_dump) for "
            "PostgreSQL"
        )
    destination = Path(destination)
    if destination.exists():
        raise DatabaseError(f"{destination} exists already; choose a new file name")
    destination.parent.mkdir(parents=True, exist_ok=True)
    # written under a temporary name and renamed once complete: a full disk or any failure
    # leaves no partial file (nor a 0-byte one blocking the next try)
    partial = partial_name(destination)
    pooled = engine.raw_connection()
    try:
        source: sqlite3.Connection = pooled.driver_connection  # type: ignore[assignment]
        target = _connect(private_file(partial), key)
        try:
            source.backup(target)
        finally:
            target.close()
        if key is not None:
            at_rest.copy_keys(Path(engine.url.database or ""), destination)
        if place is None:
            os.replace(partial, destination)
        else:
            place(partial)
    except BaseException as error:
        if key is not None and not destination.exists():
            at_rest.key_file(destination).unlink(missing_ok=True)
        if not isinstance(error, (*SQLITE_ERRORS, OSError, at_rest.KeyFileError, DatabaseError)):
            raise
        raise DatabaseError(
            f"the backup to {destination} could not be written ({_plain(error)}); nothing was "
            "left there"
        ) from error
    finally:
        for leftover in ("", "-journal", "-wal", "-shm"):
            Path(f"{partial}{leftover}").unlink(missing_ok=True)
        pooled.close()
    return destination


def partial_name(destination: Path) -> Path:
    """Where a backup is written before it is complete: ``.NAME.partial`` beside it."""
    return destination.with_name(f".{destination.name}.partial")


def _plain(error: BaseException) -> str:
    """An error in a few words: "the disk is full" for the ways a full disk shows."""
    text = str(getattr(error, "strerror", None) or error)
    if "full" in text.lower() or getattr(error, "errno", None) == errno.ENOSPC:
        return "the disk is full"
    return text


def restore_sqlite(backup: Path, destination: Path, key: bytes | None = None) -> Path | None:
    """Replace the database file at ``destination`` by a backup; the old file is kept aside.

    Returns the path the replaced database was moved to (None when there was none). The backup
    must itself be a sound SQLite file, or nothing is touched; with ``key`` (an encrypted live
    database) it must be encrypted under that same key, and its keys file replaces the live
    one (the users it restores come with the passwords they had then).
    """
    backup = Path(backup)
    if not backup.exists():
        raise DatabaseError(f"no backup at {backup}")
    encrypted = at_rest.is_encrypted(backup)
    if encrypted and key is None:
        raise DatabaseError(
            f"{backup} is an encrypted backup and this database is not encrypted; nothing was "
            "restored (encrypt this database first: xdesk encrypt)"
        )
    if key is not None and not encrypted:
        raise DatabaseError(
            f"{backup} is not encrypted (or its keys file {at_rest.key_file(backup).name} is "
            "missing) and this database is: nothing was restored"
        )
    try:
        check_sqlite_file(backup, key)
        probe = _connect(backup, key, read_only=True)
    except DatabaseError as error:
        raise DatabaseError(f"{error}; nothing was restored") from None
    try:
        result = probe.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except SQLITE_ERRORS as error:
        raise DatabaseError(f"{backup} is damaged ({error}); nothing was restored") from error
    finally:
        probe.close()
    if result != "ok":
        raise DatabaseError(f"{backup} is damaged ({result}); nothing was restored")
    if "audit_events" not in tables:
        raise DatabaseError(f"{backup} is not an Exchange Desk backup; nothing was restored")
    if not destination.exists():
        if key is not None:
            at_rest.copy_keys(backup, destination)
        shutil.copyfile(backup, private_file(destination))
        return None
    # One connection to the live database does it all, through SQLite (the online backup API,
    # under SQLite's own locks), never by copying over a file that may be open. It first leaves
    # WAL mode, which only the database's one connection may do: while any other window or
    # program has it open the restore is refused with nothing changed and nothing written.
    live = _connect(destination, key)
    try:
        _alone(live, destination, "restore again (nothing was restored)")
        kept = _free_name(destination)
        if key is not None:
            at_rest.copy_keys(destination, kept)
        target = _connect(private_file(kept), key)
        try:
            live.backup(target)  # the replaced database, kept beside it
        finally:
            target.close()
        source = _connect(backup, key, read_only=True)
        try:
            source.backup(live)
        finally:
            source.close()
        if key is not None:
            at_rest.copy_keys(backup, destination)
        live.execute("PRAGMA journal_mode=WAL")
    finally:
        live.close()
    return kept


def encrypt_sqlite(path: Path, admin: str, password: str) -> None:
    """Convert the plain database file at ``path`` to an encrypted one in place.

    Copy first, verify, then swap: the file is exported (``sqlcipher_export``) into a new
    encrypted file beside it under a new key, which only ``admin``'s slot opens; the copy must
    pass ``PRAGMA integrity_check`` and hold every row of every table; then the plain file is
    kept under a second name (a hard link) while the encrypted one takes its place, and removed
    once its keys file is in place too. Refused with nothing changed while another window or
    program has the file open.
    """
    if at_rest.is_encrypted(path):
        raise DatabaseError(f"{path} is encrypted already")
    check_sqlite_file(path)
    partial = path.with_name(f".{path.name}.encrypting")
    plain_copy = path.with_name(f".{path.name}.plain-before-encrypting")
    for leftover in (partial, at_rest.key_file(partial), plain_copy):
        leftover.unlink(missing_ok=True)
    plain = sqlcipher.connect(str(path), timeout=2, isolation_level=None)
    try:
        _alone(plain, path, "encrypt again (nothing was changed)")
        counts = _row_counts(plain)
        key = at_rest.create(partial, admin, password)
        private_file(partial)
        try:
            plain.execute(
                f"ATTACH DATABASE ? AS encrypted KEY {at_rest.sqlcipher_key(key)}", (str(partial),)
            )
            plain.execute("SELECT sqlcipher_export('encrypted')")
            plain.execute("DETACH DATABASE encrypted")
            copy = _connect(partial, key, read_only=True)
            try:
                result = copy.execute("PRAGMA integrity_check").fetchone()[0]
                copied = _row_counts(copy)
            finally:
                copy.close()
            if result != "ok" or copied != counts:
                raise DatabaseError(
                    f"the encrypted copy of {path} did not verify ({result}); nothing was changed"
                )
        except BaseException:
            partial.unlink(missing_ok=True)
            at_rest.key_file(partial).unlink(missing_ok=True)
            raise
    except sqlcipher.Error as error:
        raise DatabaseError(
            f"{path} could not be encrypted ({_plain(error)}); nothing was changed"
        ) from error
    finally:
        plain.close()
    os.link(path, plain_copy)
    os.replace(partial, path)
    os.replace(at_rest.key_file(partial), at_rest.key_file(path))
    plain_copy.unlink()


def _row_counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def trail_head(path: Path, key: bytes | None = None) -> tuple[str | None, int, int, str] | None:
    """A database file's audit head, read without writing a byte: (its ``database_id``, how
    many events, the last event's id and link); None when its trail is empty."""
    connection = _connect(path, key, read_only=True)
    try:
        count = connection.execute("SELECT count(*) FROM audit_events").fetchone()[0]
        last = connection.execute(
            "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1"
        ).fetchone()
        identity = connection.execute(
            "SELECT value FROM settings WHERE key = 'database_id'"
        ).fetchone()
    finally:
        connection.close()
    if last is None:
        return None
    return (identity[0] if identity else None, int(count), int(last[0]), str(last[1]))


def link_of(path: Path, key: bytes | None, event_id: int) -> tuple[int, str | None]:
    """(how many events a database file holds, the link of one of them or None)."""
    connection = _connect(path, key, read_only=True)
    try:
        count = connection.execute("SELECT count(*) FROM audit_events").fetchone()[0]
        row = connection.execute(
            "SELECT hash FROM audit_events WHERE id = ?", (event_id,)
        ).fetchone()
    finally:
        connection.close()
    return int(count), (str(row[0]) if row else None)


def _alone(connection: sqlite3.Connection, path: Path, then: str) -> None:
    """Leave WAL mode, which only a file's one connection may do: `DatabaseError` (saying
    "close it there and <then>") while another window or program has the file open."""
    try:
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except SQLITE_ERRORS:  # locked by the other connection
        mode = "busy"
    if str(mode).lower() != "delete":
        raise DatabaseError(
            f"{path} is open in another window or program; close it there and {then}"
        )


def _free_name(destination: Path) -> Path:
    """``desk.replaced.sqlite``, or ``desk.replaced2.sqlite`` … when taken."""
    kept = destination.with_name(destination.stem + ".replaced" + destination.suffix)
    counter = 1
    while kept.exists():
        counter += 1
        kept = destination.with_name(f"{destination.stem}.replaced{counter}{destination.suffix}")
    return kept
