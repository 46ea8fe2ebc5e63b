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
from sqlalchemy import func, select

from app.database.engine import Database
from app.domain.models import AuditEvent
from app.security import audit
from app.services import audit_anchor, bindings, maintenance
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


SAVER = """
import sys
sys.path.insert(0, sys.argv[3])
from app.services.setup import log_in
from app.services.desk import Desk
database, _actor = log_in(sys.argv[1], "admin", "correct horse battery")
people = Desk(database, "admin").people
person = int(sys.argv[2])
version = people.get(person)[0].row_version
print("ready", flush=True)
n = int(sys.argv[4])  # the number of the last save a run before this one made
while True:
    n += 1
    saved = people.update(person, {"notes": f"save {n}"}, expected_version=version)
    version = saved.record.row_version
    print(n, version, flush=True)
"""

BACKER = """
import sys
sys.path.insert(0, sys.argv[3])
from app.services import maintenance
from app.services.setup import log_in
from app.services.desk import Desk
database, _actor = log_in(sys.argv[1], "admin", "correct horse battery")
desk = Desk(database, "admin")
print("ready", flush=True)
n = int(sys.argv[4])
while True:
    n += 1
    print(maintenance.backup(desk, f"{sys.argv[2]}/copy{n}.sqlite").path, flush=True)
"""


def _killed(script: str, *args: str, seconds: float) -> list[str]:
    """Run ``script`` with ``args``, kill it (-9) ``seconds`` after it is ready; the lines it
    printed (each a commit it had made)."""
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline().strip() == "ready"
    time.sleep(seconds)
    process.kill()  # kill -9: no handler, no cleanup
    process.wait()
    printed = process.stdout.read().splitlines()
    process.stdout.close()
    return printed


def _intact(db_path: Path) -> Database:
    """The file after a kill: SQLite's integrity check and the trail both pass."""
    opened, _actor = log_in(db_path, "admin", PASSWORD)
    with raw_connection(opened) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with opened.snapshot() as session:
        assert audit.verify(session).ok
    return opened


@pytest.mark.slow
def test_saves_killed_at_random_moments_lose_no_committed_save(
    admin: Desk, database: Database, db_path: Path
) -> None:
    """A form saving the same person again and again, killed: the last save it was told was
    stored is there (or the one in flight, whole), its version counts every save and each
    save has its audit event."""
    person = admin.people.create({"family_name": "Saved", "nation_code": "USA"}).record.id
    database.dispose()
    chance = random.Random(14)
    last, version = 0, 1  # no save yet: the record as created
    for _ in range(KILLS):
        printed = _killed(
            SAVER,
            str(db_path),
            str(person),
            str(Path.cwd()),
            str(last),
            seconds=chance.uniform(0.3, 1.5),
        )
        if printed:  # else it was killed before its first save was stored and said
            last, version = (int(word) for word in printed[-1].split())
        opened = _intact(db_path)
        try:
            record, _label = Desk(opened, "admin").people.get(person)
            stored = int(record.notes.removeprefix("save ") or 0)
            assert stored in (last, last + 1)  # the one in flight committed whole or not at all
            assert record.row_version == version + (stored - last)
            last, version = stored, record.row_version
            with opened.snapshot() as session:
                updates = session.scalar(
                    select(func.count(AuditEvent.id)).where(
                        AuditEvent.action == "update", AuditEvent.record_id == person
                    )
                )
            assert updates == record.row_version - 1  # every save, and only saves, audited
        finally:
            opened.dispose()


@pytest.mark.slow
def test_backups_killed_at_random_moments_leave_only_whole_labelled_audited_copies(
    admin: Desk, database: Database, db_path: Path, tmp_path: Path
) -> None:
    """Backups one after another, killed: every copy under its name is whole (its label's
    digest matches), labelled and audited; what the kill cut short is only hidden partial
    files and sidecars, and a backup to the same name then succeeds."""
    for n in range(200):  # enough to make a copy take a while
        admin.people.create({"family_name": f"Copied {n}", "nation_code": "USA"})
    database.dispose()
    folder = tmp_path / "copies"
    folder.mkdir()
    chance = random.Random(15)
    made: set[str] = set()
    for _ in range(KILLS):
        printed = _killed(
            BACKER,
            str(db_path),
            str(folder),
            str(Path.cwd()),
            str(len(made)),
            seconds=chance.uniform(0.1, 1.5),
        )
        copies = sorted(folder.glob("copy*.sqlite"))
        new = {str(c) for c in copies} - made
        # each copy it said it made, and at most the one renamed before it could say so
        assert set(printed) <= new and len(new - set(printed)) <= 1
        opened = _intact(db_path)
        try:
            desk = Desk(opened, "admin")
            audited = {e.details["file"] for e in desk.audit.list(action="backup", limit=1000)}
            for copy in copies:
                assert bindings.verify(copy).file == copy
                assert str(copy) in audited and audit_anchor.beside(copy).exists()
            # the name the kill cut short can be used again
            retry = maintenance.backup(desk, folder / f"copy{len(copies) + 1}.sqlite")
            assert bindings.verify(retry.path).file == retry.path
            made = {str(c) for c in copies} | {str(retry.path)}
        finally:
            opened.dispose()
        others = {
            p.name
            for p in folder.iterdir()
            if not p.name.startswith(".") and not p.name.endswith(".sqlite")
        }
        sidecars = {
            f"{c.name}{suffix}"
            for c in folder.glob("copy*.sqlite")
            for suffix in (".keys", ".anchor", ".label.xml")
        }
        assert len(others - sidecars) <= 3  # at most one cut-short copy's sidecars


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
