"""Upgrading a database: a copy first; on a server exactly one client migrates (as the owner,
under an advisory lock, after a pg_dump), user roles and clients older than the schema refuse
plainly."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

import app.database.opening as opening
from app.cli import main
from app.database.engine import Database, DatabaseError, SchemaTooNew, make_engine, to_url
from app.database.migrate import current_revision, head_revision
from app.security.auth import authenticate
from app.services.desk import Desk
from app.services.setup import open_desk_database
from tests.helpers import (
    PASSWORD,
    SERVER_URL,
    drop_server_database,
    new_test_database,
    server_database_name,
)
from tests.helpers.processes import opening_client, run_processes
from tests.helpers.revisions import database_at

server_only = pytest.mark.skipif(
    not SERVER_URL,
    reason="advisory locks, roles and pg_dump need a database server (XDESK_TEST_DATABASE_URL)",
)
OLD = "0005"
READER = "xdesk_test_upgrade_reader"  # a login role that is not the owner


@pytest.fixture
def old_target(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A database at schema `OLD` (a SQLite file, or a database on the test server): its URL."""
    target = new_test_database(request.node.nodeid, tmp_path / "old.sqlite")
    database_at(target, OLD).dispose()
    yield str(target)
    if SERVER_URL:
        drop_server_database(server_database_name(request.node.nodeid))


def _revision(target: str) -> str | None:
    engine = make_engine(to_url(target))
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def _set_revision(target: str, revision: str) -> None:
    engine = make_engine(to_url(target))
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    finally:
        engine.dispose()


@server_only
def test_four_clients_opening_an_old_schema_at_once_upgrade_it_once(
    old_target: str, tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    results = run_processes(opening_client, [(old_target, str(backups), n) for n in range(4)])
    assert [r for r in results if r[1] != "ok"] == []  # no deadlock, no Alembic traceback
    assert sorted(r[2] for r in results) == ["", "", "", OLD]  # exactly one upgraded
    [copy] = os.listdir(backups)  # exactly one copy, taken before the upgrade
    assert copy.startswith(f"{to_url(old_target).database}.before-{OLD}-") and copy.endswith(
        ".dump"
    )
    assert (backups / copy).read_bytes().startswith(b"PGDMP")
    database = open_desk_database(old_target)
    try:
        admin = Desk(database, "admin")
        [event] = admin.audit.list(action="migration")
        assert (event.details["from"], event.details["to"]) == (OLD, head_revision())
        assert event.details["copy"] == str(backups / copy)
        assert admin.audit.verify().ok
    finally:
        database.dispose()


@pytest.fixture
def reader_url(old_target: str) -> str:
    """``old_target`` as a login role that is not its owner (roles are cluster-wide)."""
    url = to_url(old_target)
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                f"'{READER}') THEN CREATE ROLE {READER} LOGIN; END IF; END $$"
            )
        )
        connection.execute(text(f"GRANT SELECT ON alembic_version TO {READER}"))
    engine.dispose()
    return url.set(username=READER, password=None).render_as_string(hide_password=False)


@server_only
def test_a_user_role_finding_an_old_schema_asks_for_the_administrator(
    old_target: str, reader_url: str, tmp_path: Path
) -> None:
    with pytest.raises(DatabaseError, match="ask your administrator to run `xdesk upgrade`"):
        open_desk_database(reader_url, backup_dir=tmp_path)
    assert _revision(old_target) == OLD and not any(tmp_path.iterdir())


@server_only
def test_clients_wait_for_an_upgrade_under_way_and_then_refuse_plainly(
    old_target: str, reader_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(opening, "UPGRADE_WAIT_SECONDS", 0.5)
    holder = create_engine(to_url(old_target))
    with holder.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": opening.UPGRADE_LOCK_KEY})
        for target in (old_target, reader_url):
            with pytest.raises(DatabaseError, match="another Exchange Desk has been upgrading"):
                open_desk_database(target, backup_dir=tmp_path)
        connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": opening.UPGRADE_LOCK_KEY})
    holder.dispose()
    assert _revision(old_target) == OLD and not any(tmp_path.iterdir())


@server_only
def test_no_copy_no_upgrade(
    old_target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDESK_PG_BIN", str(tmp_path / "no-tools-here"))
    with pytest.raises(DatabaseError, match="no copy could be taken.*pg_dump was not found"):
        open_desk_database(old_target, backup_dir=tmp_path / "backups")
    assert _revision(old_target) == OLD


@server_only
def test_a_client_older_than_the_schema_reads_but_refuses_to_write(
    database: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = database.url.render_as_string(hide_password=False)
    _set_revision(url, "9999")
    newer = open_desk_database(url)
    try:
        assert newer.read_only and newer.owner == "USA"  # it reads
        with pytest.raises(SchemaTooNew, match="made by a newer Exchange Desk.*update Exchange"):
            authenticate(newer, "admin", PASSWORD)  # a login is a write (it is audited)
        with pytest.raises(SchemaTooNew):
            Desk(newer, "admin").people.create({"family_name": "Never", "nation_code": "USA"})
    finally:
        newer.dispose()
    monkeypatch.setenv("XDESK_PASSWORD", PASSWORD)
    assert main(["--db", url, "list", "people", "--user", "admin"]) == 1
    err = capsys.readouterr().err
    assert "made by a newer Exchange Desk" in err and "Traceback" not in err
    assert main(["--db", url, "upgrade"]) == 1
    assert "made by a newer Exchange Desk" in capsys.readouterr().err


def test_xdesk_upgrade_copies_then_upgrades_once(
    old_target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backups = tmp_path / "backups"
    assert main(["--db", old_target, "upgrade", "--backup-dir", str(backups)]) == 0
    out = capsys.readouterr().out
    assert f"from schema {OLD} to {head_revision()}" in out and "a copy was taken first" in out
    copy = Path(out.rsplit("taken first: ", 1)[1].strip())
    assert copy.exists()
    assert _revision(old_target) == head_revision()
    assert main(["--db", old_target, "upgrade", "--backup-dir", str(backups)]) == 0
    assert "nothing to upgrade" in capsys.readouterr().out
