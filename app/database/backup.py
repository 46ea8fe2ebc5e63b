"""Backup and restore of the embedded SQLite database (checks: `app.database.checks`).

Backups use SQLite's online backup API, so they are consistent while the application runs.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import Engine

from app.database.engine import DatabaseError, check_sqlite_file
from app.paths import private_file


def backup_sqlite(engine: Engine, destination: Path) -> Path:
    """Copy the live database to ``destination`` with the online backup API."""
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
    partial = destination.with_name(f".{destination.name}.partial")
    pooled = engine.raw_connection()
    try:
        source: sqlite3.Connection = pooled.driver_connection  # type: ignore[assignment]
        target = sqlite3.connect(private_file(partial))
        try:
            source.backup(target)
        finally:
            target.close()
        os.replace(partial, destination)
    except (sqlite3.Error, OSError) as error:
        raise DatabaseError(
            f"the backup to {destination} could not be written ({_plain(error)}); nothing was "
            "left there"
        ) from error
    finally:
        for leftover in ("", "-journal", "-wal", "-shm"):
            Path(f"{partial}{leftover}").unlink(missing_ok=True)
        pooled.close()
    return destination


def _plain(error: BaseException) -> str:
    """An error in a few words: "the disk is full" for the ways a full disk shows."""
    text = str(getattr(error, "strerror", None) or error)
    if "full" in text.lower() or getattr(error, "errno", None) == errno.ENOSPC:
        return "the disk is full"
    return text


def restore_sqlite(backup: Path, destination: Path) -> Path | None:
    """Replace the database file at ``destination`` by a backup; the old file is kept aside.

    Returns the path the replaced database was moved to (None when there was none). The backup
    must itself be a sound SQLite file, or nothing is touched.
    """
    backup = Path(backup)
    if not backup.exists():
        raise DatabaseError(f"no backup at {backup}")
    check_sqlite_file(backup)
    probe = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        result = probe.execute("PRAGMA integrity_check").fetchone()[0]
        tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{backup} is damaged ({error}); nothing was restored") from error
    finally:
        probe.close()
    if result != "ok":
        raise DatabaseError(f"{backup} is damaged ({result}); nothing was restored")
    if "audit_events" not in tables:
        raise DatabaseError(f"{backup} is not an Exchange Desk backup; nothing was restored")
    if not destination.exists():
        shutil.copyfile(backup, private_file(destination))
        return None
    # One connection to the live database does it all, through SQLite (the online backup API,
    # under SQLite's own locks), never by copying over a file that may be open. It first leaves
    # WAL mode, which only the database's one connection may do: while any other window or
    # program has it open the restore is refused with nothing changed and nothing written.
    live = sqlite3.connect(destination, timeout=2, isolation_level=None)
    try:
        try:
            mode = live.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except sqlite3.OperationalError:
            mode = "busy"
        if str(mode).lower() != "delete":
            raise DatabaseError(
                f"{destination} is open in another window or program; close it there and restore "
                "again (nothing was restored)"
            )
        kept = _free_name(destination)
        target = sqlite3.connect(private_file(kept))
        try:
            live.backup(target)  # the replaced database, kept beside it
        finally:
            target.close()
        source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            source.backup(live)
        finally:
            source.close()
        live.execute("PRAGMA journal_mode=WAL")
    finally:
        live.close()
    return kept


def _free_name(destination: Path) -> Path:
    """``desk.replaced.sqlite``, or ``desk.replaced2.sqlite`` … when taken."""
    kept = destination.with_name(destination.stem + ".replaced" + destination.suffix)
    counter = 1
    while kept.exists():
        counter += 1
        kept = destination.with_name(f"{destination.stem}.replaced{counter}{destination.suffix}")
    return kept
