"""Login and lockout, password hashing, the write rule and downgrades, the audit chain."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from argon2 import PasswordHasher, Type

from app.database.engine import SQLITE_ERRORS
from app.domain.labels import Label, Release
from app.security import audit
from app.security.auth import LOGIN_FAILED, LoginFailed, authenticate
from app.services.errors import PermissionDenied
from tests.helpers import PASSWORD
from tests.helpers.files import raw_connection


def test_production_hashing_meets_owasp_minimum() -> None:
    import importlib

    import app.security.passwords as passwords

    fresh = importlib.reload(passwords)
    try:
        params = fresh._HASHER
        assert isinstance(params, PasswordHasher)
        assert params.type is Type.ID
        assert params.memory_cost >= 19 * 1024 and params.time_cost >= 2
        assert fresh.hash_password("x" * 12).startswith("$argon2id$")
    finally:
        fresh._HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


# on a server the server checks passwords (SCRAM, the test server may trust every login): the
# same rules through real logins are tests/test_server_logins.py's
ARGON2_LOGINS = pytest.mark.sqlite_only(
    reason="the embedded database's own password check and lockout clock; a server's are "
    "tested by real SCRAM logins in tests/test_server_logins.py"
)


def test_login_succeeds_and_is_audited(database, admin) -> None:
    actor = authenticate(database, "admin", PASSWORD)
    assert actor.username == "admin" and actor.is_admin
    assert admin.audit.list(limit=1, action="login")[0].username == "admin"


@ARGON2_LOGINS
def test_unknown_user_and_wrong_password_get_the_same_message(database, make_user) -> None:
    make_user("alice")
    messages = set()
    for username in ("alice", "nobody"):
        with pytest.raises(LoginFailed) as failure:
            authenticate(database, username, "wrong password!")
        messages.add(str(failure.value))
    assert messages == {LOGIN_FAILED}


@ARGON2_LOGINS
def test_five_failures_lock_for_fifteen_minutes(database, admin, make_user) -> None:
    make_user("alice")
    now = dt.datetime(2026, 11, 22, 12, 0)
    for _ in range(5):
        with pytest.raises(LoginFailed):
            authenticate(database, "alice", "wrong password!", now=now)
    with pytest.raises(LoginFailed) as locked:
        authenticate(database, "alice", PASSWORD, now=now + dt.timedelta(minutes=14))
    assert str(locked.value) == LOGIN_FAILED  # never says "locked" for a name that may not exist
    assert (
        authenticate(database, "alice", PASSWORD, now=now + dt.timedelta(minutes=16)).username
        == "alice"
    )
    actions = [e.action for e in admin.audit.list(username="alice", newest_first=False)]
    assert (
        actions.count("login_failure") == 6
        and actions.count("lockout") == 1
        and actions[-1] == "login"
    )


@ARGON2_LOGINS
def test_unlock_by_administrator(database, admin, make_user) -> None:
    make_user("alice")
    for _ in range(5):
        with pytest.raises(LoginFailed):
            authenticate(database, "alice", "wrong password!")
    assert admin.users.get("alice").locked
    admin.users.unlock("alice")
    assert authenticate(database, "alice", PASSWORD).username == "alice"


def test_deactivated_user_cannot_log_in_or_act(database, admin, make_user) -> None:
    alice = make_user("alice")
    admin.users.update("alice", {"active": False})
    with pytest.raises(LoginFailed):
        authenticate(database, "alice", PASSWORD)
    with pytest.raises(PermissionDenied):
        alice.people.count()


def test_viewers_and_auditors_write_nothing(make_user) -> None:
    for role in ("viewer", "auditor"):
        desk = make_user(role, role=role)
        with pytest.raises(PermissionDenied, match=role):
            desk.people.create({"family_name": "Doe", "nation_code": "USA"})


def test_nobody_labels_above_their_clearance(make_user) -> None:
    coordinator = make_user("carol", clearance="C")
    with pytest.raises(PermissionDenied, match="above your own clearance"):
        coordinator.people.create(
            {"family_name": "Doe", "nation_code": "USA", "classification": "S"}
        )


def test_downgrade_only_by_administrator_with_reason(admin, make_user) -> None:
    coordinator = make_user("carol", clearance="TS")
    saved = coordinator.people.create(
        {
            "family_name": "Doe",
            "nation_code": "USA",
            "classification": "S",
            "releasable_to": "NOFORN",
        }
    )
    person_id = saved.record.id
    wider = Label(3, Release.REL, frozenset({"GBR"}))
    with pytest.raises(PermissionDenied, match="administrator"):
        coordinator.people.update(person_id, {}, label=wider, reason="partner needs it")
    with pytest.raises(PermissionDenied, match="reason"):
        admin.people.update(person_id, {}, label=wider)
    admin.people.update(person_id, {}, label=wider, reason="released for exercise planning")
    event = admin.audit.list(action="downgrade")[0]
    assert event.details == {
        "version": 2,
        "before": "SECRET//NOFORN",
        "after": "SECRET//REL TO USA, GBR",
        "reason": "released for exercise planning",
    }
    # raising the level is not a downgrade: a coordinator may do it
    coordinator.people.update(person_id, {}, label=Label(4, Release.REL, frozenset({"GBR"})))
    assert admin.audit.list(limit=1)[0].action == "label_change"


# --- audit trail ---------------------------------------------------------------------------------


def _raw(database) -> sqlite3.Connection:
    connection = raw_connection(database)
    connection.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    connection.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    return connection


@pytest.fixture
def trail(admin):
    for n in range(6):
        admin.people.create({"family_name": f"Person{n}", "nation_code": "USA"})
    return admin


def test_intact_trail_verifies(trail) -> None:
    result = trail.audit.verify()
    assert result.ok and result.checked >= 8


@pytest.mark.sqlite_only(reason="tampers with the trail through the SQLite file")
def test_the_trail_refuses_updates_and_deletes(trail) -> None:
    connection = raw_connection(trail.db)
    with pytest.raises(SQLITE_ERRORS, match="append-only"):
        connection.execute("UPDATE audit_events SET username = 'mallory' WHERE id = 3")
    with pytest.raises(SQLITE_ERRORS, match="append-only"):
        connection.execute("DELETE FROM audit_events WHERE id = 3")


@pytest.mark.sqlite_only(reason="tampers with the trail through the SQLite file")
def test_edited_event_is_found(trail) -> None:
    with _raw(trail.db) as connection:
        connection.execute("UPDATE audit_events SET details = '{}' WHERE id = 4")
    first = trail.audit.verify().first
    assert (first.event_id, first.kind) == (4, "edited")


@pytest.mark.sqlite_only(reason="tampers with the trail through the SQLite file")
@pytest.mark.parametrize("stored", ["not a time", "2026-13-45 99:99:99", "", "\x00\xff"])
def test_a_malformed_time_is_reported_as_tampering_never_a_traceback(
    trail,
    stored: str,
    qapp,  # noqa: ANN001 - the audit report renders with Qt
    tmp_path,  # noqa: ANN001
) -> None:
    from app.reports import render_report

    with _raw(trail.db) as connection:
        connection.execute("UPDATE audit_events SET at = ? WHERE id = 4", (stored,))
    first = trail.audit.verify().first
    assert (first.event_id, first.kind) == (4, "edited")
    listed = {event.id: event for event in trail.audit.list(limit=100)}
    assert 4 in listed and 5 in listed  # the list still shows it, and the others
    assert render_report(trail, "audit", {}, tmp_path / "audit.pdf").pages >= 1


@pytest.mark.sqlite_only(reason="tampers with the trail through the SQLite file")
def test_deleted_event_is_found(trail) -> None:
    with _raw(trail.db) as connection:
        connection.execute("DELETE FROM audit_events WHERE id = 4")
    first = trail.audit.verify().first
    assert first.kind == "deleted" and "#3" in first.message and "#5" in first.message


@pytest.mark.sqlite_only(reason="tampers with the trail through the SQLite file")
def test_deleted_newest_events_are_found(trail) -> None:
    with _raw(trail.db) as connection:
        last = connection.execute("SELECT max(id) FROM audit_events").fetchone()[0]
        connection.execute("DELETE FROM audit_events WHERE id = ?", (last,))
    assert trail.audit.verify().first.kind == "truncated"


@pytest.mark.sqlite_only(reason="tampers with the trail through the SQLite file")
def test_deleted_first_event_is_found(trail) -> None:
    with _raw(trail.db) as connection:
        connection.execute("DELETE FROM audit_events WHERE id = 1")
    assert trail.audit.verify().first.kind == "deleted"


@pytest.mark.sqlite_only(reason="tampers with the trail through the SQLite file")
def test_reordered_events_are_found(trail) -> None:
    with _raw(trail.db) as connection:
        connection.execute("UPDATE audit_events SET id = -4 WHERE id = 4")
        connection.execute("UPDATE audit_events SET id = 4 WHERE id = 5")
        connection.execute("UPDATE audit_events SET id = 5 WHERE id = -4")
    kinds = {p.kind for p in trail.audit.verify().problems}
    assert "reordered" in kinds


@pytest.mark.sqlite_only(reason="tampers with the trail through the SQLite file")
def test_inserted_event_is_found(trail) -> None:
    with _raw(trail.db) as connection:
        rows = connection.execute("SELECT id, hash FROM audit_events ORDER BY id").fetchall()
        # shift events 5.. up by one and forge an event #5 that links to #4
        for event_id, _hash in reversed(rows[4:]):
            connection.execute("UPDATE audit_events SET id = id + 1 WHERE id = ?", (event_id,))
        connection.execute(
            "INSERT INTO audit_events (id, at, username, action, record_kind, record_id, "
            "record_ref, outcome, details, prev_hash, hash)"
            " VALUES (5, '2026-01-01 00:00:00', 'mallory', 'create', '', NULL, '', 'success', "
            "'{}', ?, ?)",
            (rows[3][1], "f" * 64),
        )
    kinds = [p.kind for p in trail.audit.verify().problems]
    assert "inserted" in kinds


@pytest.mark.sqlite_only(reason="tampers with the trail through the SQLite file")
def test_event_added_at_the_end_is_found(trail) -> None:
    with _raw(trail.db) as connection:
        last_id, last_hash = connection.execute(
            "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1"
        ).fetchone()
        connection.execute(
            "INSERT INTO audit_events (id, at, username, action, record_kind, record_id, "
            "record_ref, outcome, details, prev_hash, hash)"
            " VALUES (?, '2026-01-01 00:00:00', 'mallory', 'login', '', NULL, '', 'success', '{}', "
            "?, ?)",
            (last_id + 1, last_hash, "e" * 64),
        )
    problems = trail.audit.verify().problems
    assert problems and {p.kind for p in problems} & {"edited", "inserted"}


def test_audit_trail_is_for_auditors_and_administrators(make_user) -> None:
    assert make_user("audrey", role="auditor").audit.count() > 0
    with pytest.raises(PermissionDenied):
        make_user("carol").audit.list()


def test_event_hash_covers_every_field(trail) -> None:
    with trail.db.reading() as session:
        from sqlalchemy import select

        from app.domain.models import AuditEvent

        event = session.scalar(select(AuditEvent).where(AuditEvent.id == 3))
        original = audit.event_hash(event)
        for name, value in [
            ("username", "x"),
            ("action", "y"),
            ("record_ref", "z"),
            ("outcome", "failure"),
            ("details", "{}"),
        ]:
            saved = getattr(event, name)
            setattr(event, name, value)
            assert audit.event_hash(event) != original, name
            setattr(event, name, saved)
        session.rollback()


def test_who_can_read_lists_exactly_the_admitted_users(admin, make_user) -> None:
    make_user("usa_s", clearance="S")
    make_user("gbr_ts", nation="GBR", clearance="TS")
    make_user("fra_ts", nation="FRA", clearance="TS")
    make_user("usa_c", clearance="C")
    label = Label(3, Release.REL, frozenset({"FVEY"}))
    assert [u.username for u in admin.users.who_can_read(label)] == ["admin", "gbr_ts", "usa_s"]
    assert [u.username for u in admin.users.who_can_read(Label(2, Release.NOFORN))] == [
        "admin",
        "usa_c",
        "usa_s",
    ]
    with pytest.raises(PermissionDenied):
        make_user("vera", role="viewer").users.who_can_read(label)
