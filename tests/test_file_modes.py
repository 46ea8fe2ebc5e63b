"""Every file Exchange Desk writes holds records: owner-only (0600) whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.reports import render_report
from app.reports.exports import export_list
from app.services import maintenance
from app.services.desk import Desk
from app.services.setup import initialise
from app.services.transfer import export_file
from tests.helpers import PASSWORD
from tests.helpers.files import held_by_another_process

pytestmark = pytest.mark.sqlite_only(reason="the modes of the SQLite file, its copies and backups")


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """A umask that lets everybody read new files (the common default is 022)."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_every_file_written_from_it_is_owner_only(
    qapp,  # noqa: ANN001 - reports render with Qt
    tmp_path: Path,
    loose_umask: None,
) -> None:
    database = initialise(tmp_path / "desk.sqlite", "USA", "default", "admin", PASSWORD)
    try:
        desk = Desk(database, "admin")
        person = desk.people.create({"family_name": "Mode", "nation_code": "USA"}).record
        journals = [p for p in tmp_path.iterdir() if p.name.startswith("desk.sqlite-")]
        assert journals and all(mode(p) == 0o600 for p in journals)  # -wal, -shm while open
        written = [tmp_path / "desk.sqlite"]
        render_report(desk, "agreements", {}, tmp_path / "agreements.pdf")
        export_list(desk, "person", tmp_path / "people.csv")
        export_list(desk, "person", tmp_path / "people.xlsx")
        attachment = desk.attachments.add("person", person.id, "note.txt", b"hello")
        desk.attachments.save_as(attachment.record.id, tmp_path / "saved.txt")
        maintenance.backup(desk, tmp_path / "backup.sqlite")
        written += [tmp_path / n for n in ("agreements.pdf", "people.csv", "people.xlsx")]
        # and the label beside each file that leaves the program (STANAG 4778 binding)
        written += [tmp_path / f"{n}.label.xml" for n in ("agreements.pdf", "people.csv")]
        written.append(tmp_path / "people.xlsx.label.xml")
        written += [tmp_path / "saved.txt.label.xml", tmp_path / "backup.sqlite.label.xml"]
        export_file(desk, "people", tmp_path / "transfer.json", "json")
        written += [tmp_path / "transfer.json", tmp_path / "transfer.json.label.xml"]
        written += [tmp_path / "saved.txt", tmp_path / "backup.sqlite"]
        restored = maintenance.restore(desk, tmp_path / "backup.sqlite")
        kept = restored.kept
    finally:
        database.dispose()
    if kept is not None:
        written.append(kept)
    assert {p.name: oct(mode(p)) for p in written} == {p.name: "0o600" for p in written}


def test_restore_is_refused_while_another_program_has_the_database_open(tmp_path: Path) -> None:

    from app.database.engine import DatabaseError
    from app.services.errors import ServiceError

    database = initialise(tmp_path / "desk.sqlite", "USA", "default", "admin", PASSWORD)
    try:
        desk = Desk(database, "admin")
        maintenance.backup(desk, tmp_path / "backup.sqlite")
        desk.people.create({"family_name": "After", "nation_code": "USA"})
        with (
            held_by_another_process(tmp_path / "desk.sqlite", database.key),
            pytest.raises((DatabaseError, ServiceError), match="open in another window"),
        ):
            maintenance.restore(desk, tmp_path / "backup.sqlite")
        assert not list(tmp_path.glob("*.replaced*"))
        reopened = Desk(database, "admin")
        assert [p.family_name for p in reopened.people.list().records] == ["After"]
        maintenance.restore(reopened, tmp_path / "backup.sqlite")  # alone now: it goes through
        assert Desk(database, "admin").people.count() == 0
    finally:
        database.dispose()


FULL_DISK = """
import resource, signal, sys
sys.path.insert(0, sys.argv[3])
from app.services import maintenance
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.database.engine import DatabaseError
from app.services.setup import open_desk_database
database = open_desk_database(sys.argv[1], user="admin", password="correct horse battery")
desk = Desk(database, "admin")
desk.actor()  # logged in and read before the limit
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead
resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, resource.RLIM_INFINITY))
try:
    maintenance.backup(desk, sys.argv[2])
except (DatabaseError, ServiceError) as error:
    print("refused:", error)
"""


def _on_a_full_disk(script: str, database: Path, target: Path) -> str:
    """Run ``script`` in a process whose files cannot grow past a limit (a full disk, as far as
    the writer can tell); its output, after checking it printed no traceback."""
    import subprocess
    import sys

    run = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            str(database),
            str(target),
            str(Path(__file__).resolve().parents[1]),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDESK_PASSWORD": PASSWORD},
    )
    assert "Traceback" not in run.stderr, run.stderr
    return run.stdout


def test_a_backup_onto_a_full_disk_says_so_and_leaves_no_file(tmp_path: Path) -> None:

    database = initialise(tmp_path / "desk.sqlite", "USA", "default", "admin", PASSWORD)
    try:
        desk = Desk(database, "admin")
        for n in range(40):
            desk.people.create(
                {"family_name": f"Filler{n}", "notes": "x" * 19_000, "nation_code": "USA"}
            )
    finally:
        database.dispose()
    out = tmp_path / "backups"
    out.mkdir()
    output = _on_a_full_disk(FULL_DISK, tmp_path / "desk.sqlite", out / "b.sqlite")
    # a file-size limit stands in for a full disk (SQLite reports EFBIG as a disk I/O error)
    assert "refused:" in output and "could not be written" in output, output
    assert list(out.iterdir()) == []


FULL_DISK_REPORT = """
import os, resource, signal, sys
sys.path.insert(0, sys.argv[3])
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from app.reports import render_report
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.services.setup import open_desk_database
database = open_desk_database(sys.argv[1], user="admin", password="correct horse battery")
desk = Desk(database, "admin")
desk.actor()
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, resource.RLIM_INFINITY))
try:
    render_report(desk, "audit", {}, sys.argv[2])
except ServiceError as error:
    print("refused:", error)
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
print("printed events:", len(desk.audit.list(action="report", limit=10)))
"""


def test_a_report_onto_a_full_disk_says_so_and_is_not_recorded_as_printed(tmp_path: Path) -> None:

    database = initialise(tmp_path / "desk.sqlite", "USA", "default", "admin", PASSWORD)
    try:
        desk = Desk(database, "admin")
        for n in range(300):
            desk.people.create({"family_name": f"Person{n:03d}", "nation_code": "USA"})
    finally:
        database.dispose()
    out = tmp_path / "reports"
    out.mkdir()
    output = _on_a_full_disk(FULL_DISK_REPORT, tmp_path / "desk.sqlite", out / "people.pdf")
    assert "refused:" in output and "could not be written" in output, output
    assert "printed events: 0" in output
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("damage", ["truncated", "garbage pages", "random bytes"])
def test_restoring_a_damaged_backup_is_refused_in_words_with_nothing_changed(
    tmp_path: Path, damage: str
) -> None:
    from app.database.engine import DatabaseError

    database = initialise(tmp_path / "desk.sqlite", "USA", "default", "admin", PASSWORD)
    try:
        desk = Desk(database, "admin")
        for n in range(50):
            desk.people.create({"family_name": f"Kept{n}", "nation_code": "USA"})
        maintenance.backup(desk, tmp_path / "backup.sqlite")
        data = (tmp_path / "backup.sqlite").read_bytes()
        damaged = {
            "truncated": data[: len(data) // 3],
            "garbage pages": data[:8192] + bytes(range(256)) * 64 + data[8192 + 16384 :],
            "random bytes": os.urandom(len(data)),
        }[damage]
        (tmp_path / "damaged.sqlite").write_bytes(damaged)
        with pytest.raises(DatabaseError, match="nothing was restored|refusing"):
            maintenance.restore(desk, tmp_path / "damaged.sqlite")
        assert Desk(database, "admin").people.count() == 50
        assert not list(tmp_path.glob("*.replaced*"))
    finally:
        database.dispose()
