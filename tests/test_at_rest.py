"""Encryption at rest of the embedded database: SQLCipher under one random key, each user's
password unwrapping it from the keys file (`app.database.at_rest`)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.cli import main
from app.database import at_rest
from app.database.engine import Database, DatabaseError
from app.domain.models import AuditEvent, User
from app.security import audit
from app.security.auth import LoginFailed
from app.services.desk import Desk
from app.services.errors import PermissionDenied
from app.services.maintenance import backup, encrypt_database, restore
from app.services.setup import initialise, log_in
from tests.helpers import PASSWORD, create_user
from tests.helpers.files import held_by_another_process, raw_connection

pytestmark = pytest.mark.sqlite_only(reason="encryption at rest is for a database file")

PASSPORT = "X9Q4CANARY7731"


def _person(desk: Desk) -> None:
    desk.people.create(
        {
            "family_name": "Canaryfamily",
            "given_names": "Jan",
            "nation_code": "POL",
            "passport_number": PASSPORT,
        }
    )


def _bytes_of(path: Path) -> bytes:
    found = b""
    for suffix in ("", "-wal", "-journal"):
        part = Path(f"{path}{suffix}")
        if part.exists():
            found += part.read_bytes()
    return found


def test_a_new_database_holds_no_plain_text(admin: Desk) -> None:
    _person(admin)
    path = admin.db.path
    assert path is not None and admin.db.key is not None
    content = _bytes_of(path)
    assert not content.startswith(b"SQLite format 3")
    for secret in (PASSPORT.encode(), b"Canaryfamily", b"argon2id", b"audit_events"):
        assert secret not in content
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute(
            "SELECT * FROM sqlite_master"
        ).fetchall()
    keys = at_rest.key_file(path)
    assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    text = keys.read_text()
    assert "admin" not in text and admin.db.key.hex() not in text  # no username, no key
    # whoever holds the key reads it all: the key is what protects it
    with raw_connection(admin.db) as connection:
        assert connection.execute("SELECT count(*) FROM people").fetchone() == (1,)


def test_a_backup_is_encrypted_and_restores(admin: Desk, tmp_path: Path) -> None:
    _person(admin)
    made = backup(admin, tmp_path / "copy.sqlite")
    assert PASSPORT.encode() not in made.path.read_bytes()
    assert at_rest.key_file(made.path).exists()
    assert stat.S_IMODE(at_rest.key_file(made.path).stat().st_mode) == 0o600
    admin.people.create({"family_name": "Later", "nation_code": "POL"})
    done = restore(admin, made.path)
    assert done.kept is not None and PASSPORT.encode() not in done.kept.read_bytes()
    database, _actor = log_in(admin.db.path, "admin", PASSWORD)
    try:
        assert Desk(database, "admin").people.list().total == 1
    finally:
        database.dispose()


def test_a_backup_leaves_with_the_label_of_everything_it_holds(admin: Desk, tmp_path: Path) -> None:
    """Issue 14, item 11: a backup is a file leaving the program; its label is every stored
    label combined (here SECRET//NOFORN beside CONFIDENTIAL//REL TO USA, GBR)."""
    from app.domain.labels import Label, Release
    from app.services.bindings import verify

    admin.people.create(
        {"family_name": "Shared", "nation_code": "GBR"},
        label=Label(2, Release.REL, frozenset({"GBR"})),
    )
    admin.people.create(
        {"family_name": "Secret", "nation_code": "USA"}, label=Label(3, Release.NOFORN)
    )
    made = backup(admin, tmp_path / "copy.sqlite")
    assert made.label_file == tmp_path / "copy.sqlite.label.xml"
    assert stat.S_IMODE(made.label_file.stat().st_mode) == 0o600
    assert verify(made.path).marking == "SECRET//NOFORN"
    event = admin.audit.list(action="backup", limit=1)[0]
    assert event.details["marking"] == "SECRET//NOFORN"


def test_a_backup_without_its_keys_file_is_refused_unchanged(admin: Desk, tmp_path: Path) -> None:
    made = backup(admin, tmp_path / "copy.sqlite")
    at_rest.key_file(made.path).unlink()
    live = admin.db.path
    assert live is not None
    admin.db.dispose()  # (the last connection's checkpoint changes the file by itself)
    before = live.read_bytes()
    with pytest.raises(DatabaseError, match="nothing was restored"):
        restore(admin, made.path)
    assert live.read_bytes() == before


def test_a_wrong_password_is_refused_and_audited_at_the_next_login(
    database: Database, db_path: Path
) -> None:
    database.dispose()
    with pytest.raises(LoginFailed):
        log_in(db_path, "admin", "not the password at all")
    with pytest.raises(LoginFailed):
        log_in(db_path, "nobody", PASSWORD)
    assert len(at_rest.pending_failures(db_path)) == 2
    opened, _actor = log_in(db_path, "admin", PASSWORD)
    try:
        with opened.reading() as session:
            failures = session.scalars(
                select(AuditEvent).where(AuditEvent.action == "login_failure")
            ).all()
            assert [(e.username, json.loads(e.details)["reason"]) for e in failures] == [
                ("admin", "refused by the keys file"),
                ("nobody", "unknown user, refused by the keys file"),
            ]
            assert audit.verify(session).ok
    finally:
        opened.dispose()
    assert at_rest.pending_failures(db_path) == []


def test_a_name_refused_five_times_is_locked_out_for_a_while(db_path: Path) -> None:
    key = at_rest.create(db_path, "admin", PASSWORD)
    start = dt.datetime(2026, 12, 1, 9, 0)
    for minute in range(at_rest.LOCKOUT_ATTEMPTS):
        with pytest.raises(at_rest.SlotRefused):
            at_rest.unlock(db_path, "admin", "wrong", now=start + dt.timedelta(minutes=minute))
    with pytest.raises(at_rest.SlotRefused):  # even the right password, while locked out
        at_rest.unlock(db_path, "admin", PASSWORD, now=start + dt.timedelta(minutes=10))
    later = start + dt.timedelta(minutes=10 + at_rest.LOCKOUT_MINUTES)
    assert at_rest.unlock(db_path, "admin", PASSWORD, now=later) == key


def test_a_password_change_rewraps_only_that_users_slot(admin: Desk, db_path: Path) -> None:
    create_user(admin, "coord")
    create_user(admin, "other")
    slots = json.loads(at_rest.key_file(db_path).read_text())["slots"]
    assert len(slots) == 3 and all(len(s) == 1 for s in slots.values())
    coord = Desk(admin.db, "coord")
    coord.users.reset_password("coord", "a lantern by the harbour wall")
    after = json.loads(at_rest.key_file(db_path).read_text())["slots"]
    changed = [k for k in slots if slots[k] != after[k]]
    assert len(changed) == 1
    assert at_rest.unlock(db_path, "coord", "a lantern by the harbour wall") == admin.db.key
    with pytest.raises(at_rest.SlotRefused):
        at_rest.unlock(db_path, "coord", PASSWORD)
    assert at_rest.unlock(db_path, "other", PASSWORD) == admin.db.key


def test_an_administrator_resets_a_password_without_knowing_it(admin: Desk, db_path: Path) -> None:
    create_user(admin, "coord")
    admin.users.reset_password("coord", "seven quiet owls at dusk")
    database, actor = log_in(db_path, "coord", "seven quiet owls at dusk")
    database.dispose()
    assert actor.username == "coord"


def test_a_password_change_that_rolls_back_keeps_the_old_slot(admin: Desk, db_path: Path) -> None:
    create_user(admin, "coord")

    class Boom(Exception):
        pass

    with pytest.raises(Boom), admin.db.writing() as session:
        admin.db.logins.password_set(session, "coord", "a new password never stored", False)
        raise Boom()
    assert at_rest.unlock(db_path, "coord", PASSWORD) == admin.db.key
    with pytest.raises(at_rest.SlotRefused):
        at_rest.unlock(db_path, "coord", "a new password never stored")


def test_a_tampered_page_is_a_clear_refusal(database: Database, db_path: Path) -> None:
    database.dispose()
    data = bytearray(db_path.read_bytes())
    data[100] ^= 0x01  # the first page: SQLCipher's HMAC no longer matches
    db_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="does not open with its key"):
        log_in(db_path, "admin", PASSWORD)


def test_a_missing_keys_file_is_a_clear_refusal(database: Database, db_path: Path) -> None:
    database.dispose()
    at_rest.key_file(db_path).rename(db_path.with_name("elsewhere.keys"))
    with pytest.raises(DatabaseError, match="keys file is missing"):
        log_in(db_path, "admin", PASSWORD)


def test_xdesk_encrypt_converts_a_plain_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plain.sqlite"
    plain = initialise(path, "USA", "default", "admin", PASSWORD, encrypt=False)
    admin = Desk(plain, "admin")
    _person(admin)
    create_user(admin, "coord")
    plain.dispose()
    assert PASSPORT.encode() in _bytes_of(path)
    monkeypatch.setenv("XDESK_USER", "coord")
    monkeypatch.setenv("XDESK_PASSWORD", PASSWORD)
    with pytest.raises(PermissionDenied):
        encrypt_database(path, "coord", PASSWORD)
    assert not at_rest.is_encrypted(path)
    monkeypatch.setenv("XDESK_USER", "admin")
    assert main(["--db", str(path), "encrypt"]) == 0
    out = capsys.readouterr().out
    assert "encrypted" in out and "coord" in out
    assert PASSPORT.encode() not in _bytes_of(path)
    assert not list(tmp_path.glob(".plain*"))  # no copy, plain or partial, is left
    database, _actor = log_in(path, "admin", PASSWORD)
    try:
        desk = Desk(database, "admin")
        assert desk.people.list().total == 1
        with database.reading() as session:
            assert audit.verify(session).ok
            [event] = session.scalars(
                select(AuditEvent).where(AuditEvent.action == "database_encrypted")
            ).all()
            assert json.loads(event.details)["users_without_key_slot"] == ["coord"]
        with pytest.raises(LoginFailed):  # no slot until an administrator resets them
            log_in(path, "coord", PASSWORD)
        desk.users.reset_password("coord", "nine green lanterns swaying")
    finally:
        database.dispose()
    database, _actor = log_in(path, "coord", "nine green lanterns swaying")
    database.dispose()
    assert main(["--db", str(path), "check"]) == 0
    assert "audit chain ok" in capsys.readouterr().out


def test_encrypt_refuses_while_the_file_is_open_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "plain.sqlite"
    initialise(path, "USA", "default", "admin", PASSWORD, encrypt=False).dispose()
    with held_by_another_process(path):
        before = path.read_bytes()
        with pytest.raises(DatabaseError, match="open in another window"):
            encrypt_database(path, "admin", PASSWORD)
    assert not at_rest.is_encrypted(path)
    assert not list(tmp_path.glob(".plain*"))
    assert path.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"


def test_a_login_behind_another_writer_says_busy_instead_of_waiting(
    database: Database, db_path: Path
) -> None:
    """Issue 13, item 10: a login writes its event; behind another program's long write it
    waits a few seconds (not 30) and says the database is busy, in words."""
    with (
        held_by_another_process(db_path, database.key, "BEGIN IMMEDIATE"),
        pytest.raises(DatabaseError, match="The database is busy"),
    ):
        log_in(db_path, "admin", PASSWORD)
    opened, actor = log_in(db_path, "admin", PASSWORD)  # the writer gone: in at once
    opened.dispose()
    assert actor.username == "admin"


def test_a_deactivated_user_s_password_no_longer_opens_the_file(admin: Desk, db_path: Path) -> None:
    """Deactivation takes the user's key slot away: with the file and their password, nothing
    opens (issue 13). A rolled-back deactivation keeps it; reactivated, they log in again with
    the password an administrator sets."""
    create_user(admin, "leaver")
    with pytest.raises(RuntimeError), admin.db.writing() as session:
        session.execute(update(User).where(User.username == "leaver").values(active=False))
        admin.db.logins.access_changed(session, "leaver")
        raise RuntimeError("rolled back")  # nothing committed: the slot stays
    assert at_rest.has_slot(db_path, "leaver")
    admin.users.update("leaver", {"active": False})
    assert not at_rest.has_slot(db_path, "leaver")
    with pytest.raises(at_rest.SlotRefused):
        at_rest.unlock(db_path, "leaver", PASSWORD)
    with pytest.raises(LoginFailed):
        log_in(db_path, "leaver", PASSWORD)
    assert at_rest.unlock(db_path, "admin", PASSWORD) == admin.db.key  # the others keep theirs
    admin.users.update("leaver", {"active": True})
    admin.users.reset_password("leaver", "a new start by the quay")
    database, actor = log_in(db_path, "leaver", "a new start by the quay")
    database.dispose()
    assert actor.username == "leaver"
