"""Backups of the database, for the command line and the window alike: administrators, audited."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.database.backup import backup_sqlite
from app.security import audit
from app.services.errors import PermissionDenied

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
    from app.services.transfer import file_sha256

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
