"""The audit trail's head anchored outside the database.

Whoever holds the database file can rewrite it whole: delete the tail and fix the stored head,
or re-chain every event with the (public) hash function. What they cannot rewrite is what was
verified before and kept elsewhere: after each successful verification, the verified head
(how many events, the last event's id and link) is written to a small checkpoint in the
verifying user's data folder, one file per database (named by the database's random
``database_id``). The next verification compares the trail with it:

- fewer events than the checkpoint saw: **truncated** (or every event deleted);
- the checkpoint's event missing, or its link changed: **rewritten** (a re-chained trail, an
  older copy of the file put back, events edited, deleted or inserted before it and chained
  again);
- on SQLite, the append-only triggers missing: **triggers dropped**.

The checkpoint holds no record content (counts, an id and a hash). A holder of both the file and
the user's data folder can still rewrite both; SERVER.md's keyed chain closes that on a server.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app.domain.models import AuditEvent, Setting
from app.paths import data_dir, private_file
from app.security.audit import Problem

DATABASE_ID = "database_id"
APPEND_ONLY_TRIGGERS = ("audit_events_no_update", "audit_events_no_delete")


@dataclass(frozen=True)
class Checkpoint:
    """A verified head: how many events, the last one's id and link."""

    count: int
    event_id: int
    link: str


def database_id(session: Session) -> str | None:
    """The database's random identity (None for a database made before it existed)."""
    row = session.get(Setting, DATABASE_ID)
    return row.value if row is not None else None


def ensure_database_id(session: Session) -> str:
    """The database's identity, made now if it has none (in the caller's write transaction)."""
    known = database_id(session)
    if known:
        return known
    made = uuid.uuid4().hex
    session.add(Setting(key=DATABASE_ID, value=made))
    return made


def _path(identity: str) -> Path:
    return data_dir() / "audit-anchors" / f"{identity}.json"


def stored(identity: str | None) -> Checkpoint | None:
    """The checkpoint kept for this database, if any (a damaged one counts as none)."""
    if not identity:
        return None
    try:
        data = json.loads(_path(identity).read_text(encoding="utf-8"))
        return Checkpoint(int(data["count"]), int(data["event_id"]), str(data["link"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def head(session: Session) -> Checkpoint | None:
    """The trail's head now, as a checkpoint would keep it."""
    count = session.scalar(select(func.count(AuditEvent.id))) or 0
    last = session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    return Checkpoint(count, last[0], last[1]) if last is not None else None


def problems(session: Session, identity: str | None, sqlite: bool) -> list[Problem]:
    """What the trail shows against its checkpoint (and, on SQLite, its triggers)."""
    found: list[Problem] = []
    if sqlite:
        present = set(
            session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        )
        missing = [t for t in APPEND_ONLY_TRIGGERS if t not in present]
        if missing:
            found.append(
                Problem(
                    None,
                    "triggers dropped",
                    f"the trail's append-only triggers were dropped ({', '.join(missing)})",
                )
            )
    checkpoint = stored(identity)
    if checkpoint is None:
        return found
    count = session.scalar(select(func.count(AuditEvent.id))) or 0
    link = session.scalar(select(AuditEvent.hash).where(AuditEvent.id == checkpoint.event_id))
    if count < checkpoint.count:
        found.append(
            Problem(
                None,
                "truncated",
                f"the trail holds {count} events, fewer than the {checkpoint.count} verified "
                "before: events were deleted",
            )
        )
    if link != checkpoint.link:
        found.append(
            Problem(
                checkpoint.event_id,
                "rewritten",
                f"event #{checkpoint.event_id}, verified before, is "
                + ("missing" if link is None else "no longer the event that was verified")
                + ": the trail was rewritten or an older copy of the database put back",
            )
        )
    return found


def save(identity: str, checkpoint: Checkpoint) -> None:
    """Keep a verified head (owner-only file, written whole or not at all)."""
    target = _path(identity)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=".anchor-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(checkpoint.__dict__, out)
        os.replace(partial, target)
    finally:
        Path(partial).unlink(missing_ok=True)


def beside(backup: Path) -> Path:
    """The checkpoint file kept with a backup: ``copy.sqlite`` -> ``copy.sqlite.anchor``."""
    return backup.with_name(backup.name + ".anchor")


def save_beside(backup: Path, identity: str | None, checkpoint: Checkpoint) -> None:
    """Keep the head a backup holds beside it (a restore checks the backup against it)."""
    target = beside(backup)
    private_file(target)
    target.write_text(json.dumps({"database_id": identity, **checkpoint.__dict__}), "utf-8")


def read_beside(backup: Path) -> Checkpoint | None:
    """The checkpoint kept with a backup, if any (a damaged one counts as none)."""
    try:
        data = json.loads(beside(backup).read_text(encoding="utf-8"))
        return Checkpoint(int(data["count"]), int(data["event_id"]), str(data["link"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
