"""The trail's verified head is anchored outside the file: a trail rewritten whole with the
public hash function, truncated with its stored head fixed, emptied, or stripped of its
triggers is caught by the next verification."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import select

from app.database.engine import DatabaseError
from app.domain.models import AuditEvent
from app.security.audit import GENESIS, HEAD_KEY, event_hash
from app.services import audit_anchor
from app.services.desk import Desk
from app.services.maintenance import backup, restore
from app.services.setup import log_in
from tests.helpers import PASSWORD
from tests.helpers.files import raw_connection

pytestmark = pytest.mark.sqlite_only(reason="rewrites the trail through the SQLite file")

TRIGGERS = [
    "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
]


@pytest.fixture
def verified(admin: Desk) -> Desk:
    """Some events, verified once (so their head is anchored)."""
    for n in range(5):
        admin.people.create({"family_name": f"Anchored{n}", "nation_code": "USA"})
    assert admin.audit.verify().ok
    return admin


@contextmanager
def holding_the_file(desk: Desk) -> Iterator[sqlite3.Connection]:
    """The file as an attacker has it: triggers dropped, put back afterwards."""
    desk.db.dispose()
    connection = raw_connection(desk.db)
    connection.execute("DROP TRIGGER audit_events_no_update")
    connection.execute("DROP TRIGGER audit_events_no_delete")
    try:
        yield connection
        for trigger in TRIGGERS:
            connection.execute(trigger)
        connection.commit()
    finally:
        connection.close()


def rechain(desk: Desk, connection: sqlite3.Connection) -> None:
    """Recompute every link and the stored head with the application's own hash function."""
    connection.commit()
    with desk.db.reading() as session:
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        session.expunge_all()
    previous = GENESIS
    for event in events:
        event.prev_hash = previous
        event.hash = event_hash(event)
        connection.execute(
            "UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?",
            (event.prev_hash, event.hash, event.id),
        )
        previous = event.hash
    connection.execute(
        "UPDATE settings SET value = ? WHERE key = ?", (f"{len(events)}:{previous}", HEAD_KEY)
    )


def test_a_trail_rechained_after_an_edit_is_caught(verified: Desk) -> None:
    with holding_the_file(verified) as connection:
        connection.execute("UPDATE audit_events SET username = 'mallory' WHERE id = 3")
        rechain(verified, connection)
    result = verified.audit.verify()
    assert [p.kind for p in result.problems] == ["rewritten"]


def test_a_truncated_trail_with_its_head_fixed_is_caught(verified: Desk) -> None:
    with holding_the_file(verified) as connection:
        last = connection.execute("SELECT max(id) FROM audit_events").fetchone()[0]
        connection.execute("DELETE FROM audit_events WHERE id > ?", (last - 3,))
        rechain(verified, connection)
    kinds = {p.kind for p in verified.audit.verify().problems}
    assert kinds == {"truncated", "rewritten"}


def test_an_emptied_trail_is_caught(verified: Desk) -> None:
    with holding_the_file(verified) as connection:
        connection.execute("DELETE FROM audit_events")
        connection.execute("DELETE FROM settings WHERE key = ?", (HEAD_KEY,))
    kinds = {p.kind for p in verified.audit.verify().problems}
    assert "truncated" in kinds and "rewritten" in kinds


def test_dropped_triggers_are_reported(verified: Desk) -> None:
    verified.db.dispose()
    with raw_connection(verified.db) as connection:
        connection.execute("DROP TRIGGER audit_events_no_delete")
    result = verified.audit.verify()
    assert [p.kind for p in result.problems] == ["triggers dropped"]


def test_an_untouched_trail_stays_intact_across_verifications(verified: Desk) -> None:
    verified.people.create({"family_name": "Later", "nation_code": "USA"})
    assert verified.audit.verify().ok and verified.audit.verify().ok


# --- backups carry their checkpoint; a restore re-anchors -------------------------------------


def test_a_restored_backup_verifies_and_later_tampering_is_still_caught(
    verified: Desk, tmp_path: Path
) -> None:
    made = backup(verified, tmp_path / "copy.sqlite")
    assert audit_anchor.read_beside(made.path) is not None  # the copy's head goes with it
    for n in range(3):
        verified.people.create({"family_name": f"Later{n}", "nation_code": "USA"})
    assert verified.audit.verify().ok
    restore(verified, made.path)  # an older trail, put back on purpose and said so in it
    database, _actor = log_in(verified.db.path, "admin", PASSWORD)
    try:
        desk = Desk(database, "admin")
        assert desk.audit.verify().ok, desk.audit.verify().problems
        database.dispose()
        with raw_connection(database) as connection:  # and then someone cuts its tail
            connection.execute("DROP TRIGGER audit_events_no_delete")
            connection.execute(
                "DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)"
            )
            for trigger in TRIGGERS[1:]:
                connection.execute(trigger)
        kinds = {p.kind for p in desk.audit.verify().problems}
        assert "truncated" in kinds or "rewritten" in kinds
    finally:
        database.dispose()


def test_a_backup_whose_trail_was_cut_since_is_not_restored(verified: Desk, tmp_path: Path) -> None:
    made = backup(verified, tmp_path / "copy.sqlite")
    with raw_connection(made.path, verified.db.key) as copy:
        copy.execute("DROP TRIGGER audit_events_no_delete")
        copy.execute("DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)")
    live = verified.db.path
    assert live is not None
    verified.db.dispose()
    before = live.read_bytes()
    with pytest.raises(DatabaseError, match="no longer matches the checkpoint"):
        restore(verified, made.path)
    assert live.read_bytes() == before
