"""Backups and restores of the database, for the command line and the window alike: administrators,
audited."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.database.backup import backup_sqlite, restore_sqlite
from app.database.engine import DatabaseError
from app.security import audit
from app.services.errors import PermissionDenied
from app.services.setup import open_desk_database
from app.services.transfer import file_sha256

if TYPE_CHECKING:
    from app.services.desk import Desk


@dataclass(frozen=True)
class Backup:
    """A backup written: where, how big, its SHA-256."""

    path: Path
    size: int
    sha256: str


def backup(desk: Desk, destination: str | Path) -> Backup:
    """Copy the live database to a new file (SQLite's online backup API); audited as ``backup``."""
    if not desk.actor().is_admin:
        raise PermissionDenied("only an administrator may back up the database")
    path = Path(destination).resolve()
    backup_sqlite(desk.db.engine, path)
    made = Backup(path, path.stat().st_size, file_sha256(path))
    with desk.writing() as (session, actor):
        audit.record(
            session,
            actor.username,
            "backup",
            details={"file": str(path), "bytes": made.size, "sha256": made.sha256},
        )
    return made


@dataclass(frozen=True)
class Restored:
    """A restore done: the database file, the backup it came from, where the old file was kept."""

    path: Path
    backup: Path
    kept: Path | None


def restore(desk: Desk, backup_file: str | Path) -> Restored:
    """Replace the database file by a backup (administrators): the desk's connections are closed,
    the replaced file kept aside, and ``restore`` is audited in the restored database."""
    if not desk.actor().is_admin:
        raise PermissionDenied("only an administrator may restore the database")
    path = desk.db.path
    if path is None:
        raise DatabaseError(
            "restore is for the embedded SQLite database; use the server's own tools for PostgreSQL"
        )
    backup_path = Path(backup_file).resolve()
    if not backup_path.is_file():
        raise FileNotFoundError(f"no backup file {backup_path}")
    digest = file_sha256(backup_path)
    desk.db.dispose()
    kept = restore_sqlite(backup_path, path)
    restored = open_desk_database(path)
    try:
        with restored.writing() as session:
            audit.record(
                session,
                desk.username,
                "restore",
                details={
                    "from": str(backup_path),
                    "sha256": digest,
                    "replaced_file_kept_at": str(kept or ""),
                },
            )
    finally:
        restored.dispose()
    return Restored(path, backup_path, kept)
