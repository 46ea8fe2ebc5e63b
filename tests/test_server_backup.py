"""Backups and restores of a server database: ``pg_dump`` / ``pg_restore``, audited, all or
nothing (a failed dump leaves no file, a file that is not ours changes nothing)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import main
from app.database import server_tools
from app.database.engine import Database, DatabaseError
from app.services.desk import Desk
from app.services.errors import PermissionDenied
from app.services.maintenance import backup, restore
from tests.helpers import PASSWORD, SERVER_URL

server_only = pytest.mark.skipif(
    not SERVER_URL, reason="pg_dump and pg_restore need a database server (XDESK_TEST_DATABASE_URL)"
)
pytestmark = server_only


def _names(desk: Desk) -> list[str]:
    return sorted(p.family_name for p in desk.people.list().records)


def _fake_tool(folder: Path, name: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / name
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)


def test_a_server_backup_is_a_private_dump_and_restores_what_it_held(
    admin: Desk, tmp_path: Path
) -> None:
    admin.people.create({"family_name": "Before", "nation_code": "USA"})
    made = backup(admin, tmp_path / "office.dump")
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert made.path.read_bytes().startswith(b"PGDMP")  # pg_dump's custom format
    # nothing partial beside it; its label (every stored label combined) beside it
    assert sorted(os.listdir(tmp_path)) == ["office.dump", "office.dump.label.xml"]
    [event] = admin.audit.list(action="backup")
    assert event.details["file"] == str(made.path) and event.details["sha256"] == made.sha256
    with pytest.raises(DatabaseError, match="exists already"):
        backup(admin, made.path)

    admin.people.create({"family_name": "After", "nation_code": "USA"})
    done = restore(admin, made.path)
    assert done.kept is not None and done.kept.read_bytes().startswith(b"PGDMP")
    desk = Desk(_reopen(admin), "admin")
    assert _names(desk) == ["Before"]
    [event] = desk.audit.list(action="restore")
    assert event.details["from"] == str(made.path)
    assert event.details["replaced_file_kept_at"] == str(done.kept)
    assert desk.audit.list(action="backup") == []  # written after the dump: not in it
    assert desk.audit.verify().ok  # the restored chain, the key with it, and the restore event
    desk.db.dispose()


def _reopen(desk: Desk) -> Database:
    from app.services.setup import open_desk_database

    return open_desk_database(desk.db.url.render_as_string(hide_password=False))


def test_a_file_that_is_not_an_exchange_desk_dump_changes_nothing(
    admin: Desk, tmp_path: Path
) -> None:
    admin.people.create({"family_name": "Kept", "nation_code": "USA"})
    junk = tmp_path / "junk.dump"
    junk.write_bytes(b"PGDMP but not really" * 50)
    with pytest.raises(DatabaseError, match="not an Exchange Desk server backup"):
        restore(admin, junk)
    # a real dump of some other database
    other = tmp_path / "other.dump"
    with admin.db.engine.begin() as connection:
        connection.execute(text("CREATE TABLE elsewhere (id integer)"))
    foreign = admin.db.url.set(database="postgres")
    server_tools.dump(admin.db.engine, foreign, other)
    with pytest.raises(DatabaseError, match="not an Exchange Desk server backup"):
        restore(admin, other)
    assert sorted(os.listdir(tmp_path)) == ["junk.dump", "other.dump"]  # no dump of the current
    reopened = _reopen(admin)
    try:
        assert _names(Desk(reopened, "admin")) == ["Kept"]
    finally:
        reopened.dispose()
    assert admin.audit.list(action="restore") == []


def test_a_failed_dump_leaves_no_file(
    admin: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tools = tmp_path / "bin"
    # a pg_dump that writes half an archive, then fails as a full disk makes it fail
    _fake_tool(
        tools,
        "pg_dump",
        'case "$1" in --version) echo "pg_dump (PostgreSQL) 15.4"; exit 0;; esac\n'
        'printf PGDMP-partial; echo "pg_dump: error: could not write: No space left on device"'
        " >&2; exit 1",
    )
    monkeypatch.setenv("XDESK_PG_BIN", str(tools))
    out = tmp_path / "backups"
    with pytest.raises(DatabaseError, match="No space left on device.*no backup was written"):
        backup(admin, out / "office.dump")
    assert os.listdir(out) == []
    assert admin.audit.list(action="backup") == []


def test_missing_or_older_tools_are_named(
    admin: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDESK_PG_BIN", str(tmp_path / "nothing-here"))
    with pytest.raises(DatabaseError, match="pg_dump was not found: install the PostgreSQL 1"):
        backup(admin, tmp_path / "a.dump")
    old = tmp_path / "old"
    _fake_tool(old, "pg_dump", 'echo "pg_dump (PostgreSQL) 9.6.24"')
    monkeypatch.setenv("XDESK_PG_BIN", str(old))
    with pytest.raises(DatabaseError, match=r"server runs PostgreSQL 1\d but the pg_dump found"):
        backup(admin, tmp_path / "a.dump")
    assert not (tmp_path / "a.dump").exists()


def test_only_an_administrator_backs_up_or_restores(make_user, tmp_path: Path) -> None:  # noqa: ANN001
    carl = make_user("carl")
    with pytest.raises(PermissionDenied):
        backup(carl, tmp_path / "a.dump")
    with pytest.raises(PermissionDenied):
        restore(carl, tmp_path / "a.dump")
    assert not (tmp_path / "a.dump").exists()


def test_the_command_line_backs_up_and_restores_a_server(
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = database.url.render_as_string(hide_password=False)
    monkeypatch.setenv("XDESK_PASSWORD", PASSWORD)
    file = tmp_path / "office.dump"
    assert main(["--db", url, "backup", str(file), "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert f"to {file}" in out and "sha256" in out
    assert main(["--db", url, "restore", str(file), "--user", "admin"]) == 0
    out = capsys.readouterr().out
    assert "restored" in out and "kept at" in out
    junk = tmp_path / "notes.txt"
    junk.write_text("hello", encoding="utf-8")
    assert main(["--db", url, "restore", str(junk), "--user", "admin"]) == 1
    err = capsys.readouterr().err
    assert "not an Exchange Desk server backup" in err and "Traceback" not in err
