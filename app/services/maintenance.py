"""Backups and restores of the database, for the command line and the window alike: administrators,
audited.

The embedded SQLite database is copied with SQLite's online backup API; a server database is
dumped with ``pg_dump`` (custom format) and restored with ``pg_restore`` in one transaction
(`app.database.server_tools`), the tools connecting as the role the database URL names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.engine import URL

from app.database import at_rest, server_tools
from app.database.backup import (
    backup_sqlite,
    encrypt_sqlite,
    link_of,
    restore_sqlite,
    trail_head,
)
from app.database.engine import SQLITE_ERRORS, Database, DatabaseError, sqlite_path, to_url
from app.database.labels import load_labels
from app.database.migrate import known_revision
from app.domain.labels import Label
from app.domain.models import LabelRow, User
from app.domain.texts import said
from app.security import audit
from app.services import audit_anchor, bindings
from app.services.errors import PermissionDenied
from app.services.setup import log_in, open_desk_database
from app.services.transfer import file_sha256

if TYPE_CHECKING:
    from app.services.desk import Desk


@dataclass(frozen=True)
class Backup:
    """A backup written: where, how big, its SHA-256."""

    path: Path
    size: int
    sha256: str
    label_file: Path | None = None  # NAME.label.xml: the label of everything the copy holds


def backup(desk: Desk, destination: str | Path) -> Backup:
    """Copy the live database to a new file (SQLite's online backup API, or ``pg_dump`` on a
    server); audited as ``backup``.

    On SQLite the copy gets its name last: it is complete under a hidden temporary name, then
    the head of the trail it holds, its label and its audit event are written, and only then
    is it renamed. So a copy under its name always has its label and its event, even when the
    process is killed half way (a test kills it at random moments)."""
    if not desk.actor().is_admin:
        raise PermissionDenied(said("only an administrator may back up the database"))
    path = Path(destination).resolve()
    label = _database_label(desk)
    if not desk.db.is_sqlite:
        server_tools.dump(desk.db.engine, _tools_url(desk), path)
        try:
            return _label_and_audit(desk, path, path, label)
        except BaseException:
            path.unlink(missing_ok=True)  # no backup leaves without its label and its event
            raise
    made: list[Backup] = []

    def place(partial: Path) -> None:
        held = trail_head(partial, desk.db.key)
        if held is not None:  # the head the copy holds goes with it: a restore checks it
            audit_anchor.save_beside(path, held[0], audit_anchor.Checkpoint(*held[1:]))
        made.append(_label_and_audit(desk, partial, path, label))

    try:
        backup_sqlite(desk.db.engine, path, desk.db.key, place)
    except BaseException:
        if not path.exists():
            audit_anchor.beside(path).unlink(missing_ok=True)
            bindings.label_path(path).unlink(missing_ok=True)
        raise
    return made[0]


def _label_and_audit(desk: Desk, data: Path, path: Path, label: Label) -> Backup:
    """Label the copy whose bytes are ``data`` as ``path``, audit it, then put the label and
    the copy in place (the copy last)."""
    staged = bindings.stage(data, path, label, desk.db.scheme, desk.owner)
    label_file = staged.label
    made = Backup(path, data.stat().st_size, file_sha256(data), label_file)
    try:
        with desk.writing() as (session, actor):
            audit.record(
                session,
                actor.username,
                "backup",
                details={
                    "file": str(path),
                    "bytes": made.size,
                    "sha256": made.sha256,
                    "marking": desk.marking(label),
                    "label_file": str(label_file),
                },
            )
        staged.place()
    finally:
        staged.discard()
    return made


def _database_label(desk: Desk) -> Label:
    """The label of a copy of the whole database: every stored label combined (`Desk.combined`,
    self-checked), whoever may read which record: a backup holds them all."""
    with desk.db.reading() as session:
        stored = load_labels(session, list(session.scalars(select(LabelRow.id))))
    return desk.combined(list(stored.values()))


@dataclass(frozen=True)
class Restored:
    """A restore done: the database (a file, or a server database's name), the backup it came
    from, where the replaced database was kept (a file beside it, or a dump on a server)."""

    path: Path | str
    backup: Path
    kept: Path | None


def restore(desk: Desk, backup_file: str | Path) -> Restored:
    """Replace the database by a backup (administrators): the desk's connections are closed,
    the replaced database kept aside, and ``restore`` is audited in the restored database."""
    if not desk.actor().is_admin:
        raise PermissionDenied(said("only an administrator may restore the database"))
    backup_path = Path(backup_file).resolve()
    if not backup_path.is_file():
        raise FileNotFoundError(f"no backup file {backup_path}")
    digest = file_sha256(backup_path)
    path = desk.db.path
    if path is not None:
        _check_backup_trail(backup_path, desk.db.key)
        desk.db.dispose()
        kept = restore_sqlite(backup_path, path, desk.db.key)
        target: Path | str = path
        reopen: Path | str = path
    else:
        kept = _restore_server(desk, backup_path)
        target = str(desk.db.url.database)
        reopen = _tools_url(desk).render_as_string(hide_password=False)
    restored = open_desk_database(reopen, key=desk.db.key)
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
        _anchor_restored(restored)
    finally:
        restored.dispose()
    return Restored(target, backup_path, kept)


def _check_backup_trail(backup_path: Path, key: bytes | None) -> None:
    """Refuse a backup whose trail no longer matches the checkpoint taken with it (events
    deleted or rewritten in the copy since it was made); nothing is restored."""
    checkpoint = audit_anchor.read_beside(backup_path)
    if checkpoint is None:
        return
    try:
        count, link = link_of(backup_path, key, checkpoint.event_id)
    except (DatabaseError, *SQLITE_ERRORS):
        return  # an unreadable copy: restore_sqlite refuses it and says why
    if count < checkpoint.count or link != checkpoint.link:
        raise DatabaseError(
            f"the audit trail in {backup_path.name} no longer matches the checkpoint taken "
            f"with it ({audit_anchor.beside(backup_path).name}): events were deleted or "
            "rewritten in the copy; nothing was restored"
        )


def _anchor_restored(database: Database) -> None:
    """A restore puts an older trail back on purpose (and says so in it): its verified head
    becomes the checkpoint, so the next verify compares with it, not with the replaced one."""
    with database.snapshot() as session:
        if not audit.verify(session).ok:
            return  # a broken trail keeps the old checkpoint: verify reports it
        identity = audit_anchor.database_id(session)
        verified = audit_anchor.head(session)
    if identity and verified is not None:
        audit_anchor.save(identity, verified)


@dataclass(frozen=True)
class Encrypted:
    """A database file encrypted: its path, and the active users who have no key slot yet
    (an administrator gives each a new password, which makes their slot)."""

    path: Path
    without_slot: tuple[str, ...]


def encrypt_database(target: str | Path, username: str, password: str) -> Encrypted:
    """``xdesk encrypt``: convert a plain database file to an encrypted one (administrators;
    copy first, verify, then swap: `app.database.backup.encrypt_sqlite`); audited in the
    encrypted database. The administrator's password makes the first key slot."""
    path = sqlite_path(to_url(target))
    if path is None:
        raise DatabaseError(
            "a server's database is protected by the server (TLS, its disks' encryption, row "
            "security); encryption at rest is for a database file"
        )
    if at_rest.is_encrypted(path):
        raise DatabaseError(f"{path} is encrypted already")
    database, actor = log_in(target, username, password)
    try:
        if not actor.is_admin:
            raise PermissionDenied(said("only an administrator may encrypt the database"))
        with database.reading() as session:
            others = tuple(
                session.scalars(
                    select(User.username)
                    .where(User.active.is_(True), User.username != actor.username)
                    .order_by(User.username)
                )
            )
    finally:
        database.dispose()
    encrypt_sqlite(path, actor.username, password)
    encrypted = open_desk_database(path, key=at_rest.unlock(path, actor.username, password))
    try:
        with encrypted.writing() as session:
            audit.record(
                session,
                actor.username,
                "database_encrypted",
                details={"users_without_key_slot": list(others)},
            )
    finally:
        encrypted.dispose()
    return Encrypted(path, others)


def _tools_url(desk: Desk) -> URL:
    """The URL pg_dump and pg_restore connect with: the role the database URL names (the
    owner, its password from PGPASSWORD or ~/.pgpass), not the user logged in, whose role may
    not read what a whole dump holds (password hashes, the audit key)."""
    return desk.db.owner_url or desk.db.url


def _restore_server(desk: Desk, backup_path: Path) -> Path:
    """Check the dump is ours and not newer than this application, dump the database it
    replaces beside it, then restore it in one transaction; the replaced database's dump."""
    engine, url = desk.db.engine, _tools_url(desk)
    facts = server_tools.inspect_dump(engine, backup_path)
    if not known_revision(facts.revision):
        raise DatabaseError(
            f"{backup_path} was taken at schema {facts.revision}, made by a newer Exchange Desk; "
            "update the application first. Nothing was restored"
        )
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = backup_path.with_name(f"{url.database}.replaced-{stamp}.dump")
    server_tools.dump(engine, url, kept)
    desk.db.dispose()
    server_tools.restore(engine, url, backup_path)
    engine.dispose()
    return kept
