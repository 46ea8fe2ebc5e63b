"""Reliability on the laptop (issue 13): an import killed at random moments loses no committed
row and leaves a sound, verifiable file; every single-bit flip of an audit event's stored
values is found by ``audit verify``. Figures are in docs/RELIABILITY.md."""

from __future__ import annotations

import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.database.engine import Database
from app.security import audit
from app.services.desk import Desk
from app.services.setup import log_in
from tests.helpers import PASSWORD
from tests.helpers.files import raw_connection

pytestmark = pytest.mark.sqlite_only(reason="kills a writer of the SQLite file and flips its bits")

IMPORTER = """
import os, sys
sys.path.insert(0, sys.argv[3])
from app.services.setup import log_in
from app.services.desk import Desk
from app.services.transfer import importing
importing.IMPORT_BATCH = 200
database, _actor = log_in(sys.argv[1], "admin", "correct horse battery")
print("ready", flush=True)
importing.import_file(Desk(database, "admin"), "people", sys.argv[2])
print("done", flush=True)
"""

KILLS = 6


@pytest.mark.slow
def test_an_import_killed_at_random_moments_loses_nothing_committed(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    database.dispose()
    source = tmp_path / "people.csv"
    rows = 3000
    source.write_text(
        "family_name,nation\n" + "".join(f"Killed{n},USA\n" for n in range(rows)),
        encoding="utf-8",
    )
    chance = random.Random(13)
    stored_before = 0
    for _ in range(KILLS):
        importer = subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(db_path), str(source), str(Path.cwd())],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert importer.stdout is not None and importer.stdout.readline().strip() == "ready"
        time.sleep(chance.uniform(0.05, 1.5))  # somewhere inside the import
        importer.kill()  # kill -9: no handler, no cleanup
        importer.wait()
        importer.stdout.close()
        opened, _actor = log_in(db_path, "admin", PASSWORD)
        try:
            with raw_connection(opened) as connection:
                assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
                stored = connection.execute("SELECT count(*) FROM people").fetchone()[0]
            # parts of 200 rows commit whole or not at all, and nothing committed goes away
            assert stored % 200 == 0 or stored % rows == 0
            assert stored >= stored_before
            stored_before = stored
            with opened.snapshot() as session:
                assert audit.verify(session).ok
        finally:
            opened.dispose()


FLIPPED_COLUMNS = ("username", "action", "record_kind", "record_ref", "outcome", "details", "at")


def test_every_bit_flip_of_an_events_values_is_found(admin: Desk) -> None:
    """As systemd's journal verify is tested: each bit of each stored value of sampled events,
    flipped one at a time, must make the chain fail (and be put back before the next)."""
    for n in range(3):
        admin.people.create({"family_name": f"Flip{n}", "nation_code": "USA"})
    admin.db.dispose()
    tried = found = 0
    unseen: list[tuple[str, str, str]] = []
    with raw_connection(admin.db, isolation_level=None) as connection:
        connection.execute("DROP TRIGGER audit_events_no_update")
        ids = [r[0] for r in connection.execute("SELECT id FROM audit_events ORDER BY id")]
        for event_id in (ids[1], ids[-1]):
            for column in FLIPPED_COLUMNS:
                (value,) = connection.execute(
                    f"SELECT CAST({column} AS TEXT) FROM audit_events WHERE id = ?", (event_id,)
                ).fetchone()
                original = (value or "").encode("utf-8")
                for bit in range(len(original) * 8):
                    flipped = bytearray(original)
                    flipped[bit // 8] ^= 1 << (bit % 8)
                    stored = bytes(flipped).decode("utf-8", errors="surrogateescape")
                    try:
                        stored.encode("utf-8")
                    except UnicodeEncodeError:
                        stored = bytes(flipped).hex()  # no longer UTF-8: what a reader sees
                    connection.execute(
                        f"UPDATE audit_events SET {column} = ? WHERE id = ?", (stored, event_id)
                    )
                    tried += 1
                    with admin.db.snapshot() as session:
                        if not audit.verify(session).ok:
                            found += 1
                        else:
                            unseen.append((column, value, stored))

                    connection.execute(
                        f"UPDATE audit_events SET {column} = ? WHERE id = ?", (value, event_id)
                    )
        connection.execute(
            "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
            "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"
        )
    assert tried > 1000
    assert found == tried, f"{tried - found} of {tried} flips went unseen: {unseen[:20]}"
    assert admin.audit.verify().ok
