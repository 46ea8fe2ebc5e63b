"""The audit trail on a database server: keyed, appended only by the owner's function, every
change to a labelled row audited (also one made by hand in psql), verified in one snapshot.

Tampering is tried as a user login role with raw SQL, as an office's `psql` user would. The
concurrency test runs on both engines: writers in their own processes while verify runs.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.exc import DBAPIError

from app.database.engine import Database
from app.domain.labels import Label, Release
from app.domain.models import AuditEvent, Person, utcnow
from app.security import audit
from app.services import demo
from app.services.desk import Desk
from tests.helpers import SERVER_URL
from tests.helpers.audit_load import write_people

server_only = pytest.mark.skipif(
    not SERVER_URL,
    reason="PostgreSQL roles, grants, triggers and the keyed chain need a database server "
    "(set XDESK_TEST_DATABASE_URL)",
)

MALLORY = "xdesk_test_mallory"  # a login role that is no application user
COORDINATOR = "trail_coord"  # an application coordinator, TOP SECRET, USA


def _ensure_role(database: Database, role: str, *grants: str) -> Engine:
    """A login role (made if missing: roles are cluster-wide) in this database's user group,
    with the extra ``grants``; an engine connecting as it."""
    group = f"{database.url.database}_users"
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                f"'{role}') THEN CREATE ROLE \"{role}\" LOGIN; END IF; END $$"
            )
        )
        connection.execute(text(f'GRANT "{group}" TO "{role}"'))
        for grant in grants:
            connection.execute(text(f'GRANT {grant} TO "{role}"'))
    return create_engine(database.url.set(username=role, password=None))


@pytest.fixture
def mallory(database: Database) -> Iterator[Engine]:
    """A user role that may read the trail (as an auditor's grants would let it)."""
    engine = _ensure_role(database, MALLORY, "SELECT ON audit_events, people, labels")
    yield engine
    engine.dispose()


@pytest.fixture
def coordinator(database: Database, make_user) -> Iterator[Engine]:  # noqa: ANN001
    """The coordinator's own login role with what a hand edit in psql needs."""
    make_user(COORDINATOR, clearance="TS")
    engine = _ensure_role(
        database,
        COORDINATOR,
        "SELECT, INSERT, UPDATE, DELETE ON people, person_languages",
        "SELECT ON labels, users, user_groups, audit_events",
    )
    yield engine
    engine.dispose()


def _refused(engine: Engine, statement: str, match: str) -> None:
    with pytest.raises(DBAPIError, match=match), engine.begin() as connection:
        connection.execute(text(statement))


def _person(admin: Desk, name: str, label: Label) -> Person:
    return admin.people.create({"family_name": name, "nation_code": "USA"}, label=label).record


# --- what a user role cannot do ------------------------------------------------------------


@server_only
def test_a_user_role_cannot_change_the_trail_its_triggers_or_read_the_secret(
    admin: Desk, mallory: Engine
) -> None:
    admin.people.create({"family_name": "Reyes", "nation_code": "USA"})
    denied = "permission denied"
    _refused(mallory, "UPDATE audit_events SET username = 'nobody' WHERE id = 1", denied)
    _refused(mallory, "DELETE FROM audit_events WHERE id = 1", denied)
    _refused(mallory, "TRUNCATE audit_events", denied)
    _refused(mallory, "INSERT INTO audit_events SELECT * FROM audit_events LIMIT 0", denied)
    _refused(mallory, "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only", "owner")
    _refused(mallory, "ALTER TABLE people DISABLE TRIGGER xdesk_audit_row", "owner")
    _refused(mallory, "ALTER TABLE people DISABLE TRIGGER ALL", "owner")
    _refused(mallory, "DROP TRIGGER xdesk_audit_row ON people", "owner")
    _refused(mallory, "SELECT secret FROM xdesk_audit_key", denied)
    # the helper that links any content it is given is the owner's alone
    _refused(
        mallory,
        "SELECT xdesk_audit_link(a, a.id, '\\x00'::bytea, 1) FROM audit_events a",
        denied,
    )
    _refused(mallory, "SELECT xdesk_audit_mark('\\x00'::bytea, 'person', 1)", denied)
    # what it may do: read the trail, and ask the server to check it
    with mallory.connect() as connection:
        checked = connection.execute(text("SELECT link_ok FROM xdesk_audit_check(0, 100)")).all()
    assert checked and all(row.link_ok for row in checked)
    assert admin.audit.verify().ok


@server_only
def test_an_appended_event_names_the_connected_role_whatever_the_client_says(
    admin: Desk, mallory: Engine
) -> None:
    with mallory.begin() as connection:
        event = connection.execute(
            text(
                "SELECT * FROM xdesk_audit_append('admin', 'login', 'user', 1, '', 'success', '{}')"
            )
        ).one()
    assert event.username == MALLORY
    assert admin.audit.list(limit=1)[0].username == MALLORY
    assert admin.audit.verify().ok


# --- forged and re-chained events are caught ------------------------------------------------


@server_only
def test_an_event_forged_with_the_unkeyed_hash_is_caught_despite_careless_grants(
    database: Database, admin: Desk, mallory: Engine
) -> None:
    for n in range(3):
        admin.people.create({"family_name": f"Person{n}", "nation_code": "USA"})
    with database.engine.begin() as connection:  # a careless DBA
        connection.execute(text(f'GRANT INSERT, UPDATE ON audit_events TO "{MALLORY}"'))
    with database.reading() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
        session.expunge(last)
    forged = AuditEvent(
        id=last.id + 1,
        at=utcnow(),
        username="admin",
        action="login",
        record_kind="user",
        record_id=1,
        record_ref="",
        outcome="success",
        details="{}",
        prev_hash=last.hash,
    )
    forged.hash = audit.event_hash(forged)  # the application's own (unkeyed) chain function
    columns = [c.name for c in AuditEvent.__table__.columns]
    forge = (
        f"INSERT INTO audit_events ({', '.join(columns)}) "
        f"VALUES ({', '.join(':' + c for c in columns)})"
    )
    # the grant alone is not enough: row security has no insert policy for user roles (0008)
    with pytest.raises(DBAPIError, match="row-level security"), mallory.begin() as connection:
        connection.execute(text(forge), {c: getattr(forged, c) for c in columns})
    with database.engine.begin() as connection:  # ... so the careless DBA adds a policy too
        connection.execute(
            text(
                f'CREATE POLICY careless ON audit_events TO "{MALLORY}" '
                "USING (true) WITH CHECK (true)"
            )
        )
    with mallory.begin() as connection:
        connection.execute(
            text(
                f"INSERT INTO audit_events ({', '.join(columns)}) "
                f"VALUES ({', '.join(':' + c for c in columns)})"
            ),
            {c: getattr(forged, c) for c in columns},
        )
    # UPDATE is granted too, and still refused: the trail's own trigger
    _refused(mallory, "UPDATE audit_events SET outcome = 'failure' WHERE id = 1", "append-only")

    result = admin.audit.verify()
    assert not result.ok
    assert {p.event_id for p in result.problems} == {forged.id}
    recorded = admin.audit.list(action="audit_verify", limit=1)[0]
    assert recorded.outcome == "failure" and recorded.details["problems"]


@server_only
def test_a_trail_rechained_with_the_unkeyed_hash_is_caught(database: Database, admin: Desk) -> None:
    """The attack of issue 12, done with the owner's own power (trigger disabled): an event
    deleted and every later one re-linked with ``audit.event_hash``; without the key it shows."""
    for n in range(5):
        admin.people.create({"family_name": f"Person{n}", "nation_code": "USA"})
    guard = "TRIGGER audit_events_append_only"
    with database.engine.begin() as connection:
        connection.execute(text(f"ALTER TABLE audit_events DISABLE {guard}"))
        connection.execute(text("DELETE FROM audit_events WHERE id = 3"))
        rows = connection.execute(select(AuditEvent.__table__).order_by(AuditEvent.id)).all()
        previous = audit.GENESIS
        for row in rows:
            event = AuditEvent(**dict(row._mapping))
            event.prev_hash = previous
            event.hash = audit.event_hash(event)
            connection.execute(
                text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE id = :id"),
                {"p": event.prev_hash, "h": event.hash, "id": event.id},
            )
            previous = event.hash
        connection.execute(text(f"ALTER TABLE audit_events ENABLE {guard}"))
    result = admin.audit.verify()
    assert not result.ok
    assert result.first is not None and result.first.event_id == 1  # relinked from the start


# --- changes by hand are audited -------------------------------------------------------------


@server_only
def test_a_relabel_by_hand_in_psql_leaves_an_event_and_the_trail_stays_intact(
    admin: Desk, coordinator: Engine
) -> None:
    hidden = _person(admin, "Hidden", Label(4, Release.NOFORN))
    plain = _person(admin, "Plain", Label())
    # the attack, TOP SECRET//NOFORN relabelled UNCLASSIFIED by hand: refused by the
    # server (revision 0007: only an administrator downgrades)
    _refused(
        coordinator,
        f"UPDATE people SET label_id = {plain.label_id} WHERE id = {hidden.id}",
        "needs an administrator",
    )
    with coordinator.begin() as connection:  # raising a label by hand is allowed, and audited
        connection.execute(
            text("UPDATE people SET label_id = :label WHERE id = :id"),
            {"label": hidden.label_id, "id": plain.id},
        )
        connection.execute(
            text(
                "INSERT INTO person_languages (person_id, language, profile) "
                "VALUES (:id, 'fra', '')"
            ),
            {"id": plain.id},
        )
    [event] = admin.audit.list(action="db_update", kind="person", record_id=plain.id)
    assert event.username == COORDINATOR
    assert event.details == {
        "table": "people",
        "version": [plain.row_version, plain.row_version],  # a hand edit skips the version
        "label": [plain.label_id, hidden.label_id],
    }
    [language] = admin.audit.list(action="db_insert", kind="person", record_id=plain.id)
    assert language.details["table"] == "person_languages"
    with coordinator.begin() as connection:
        connection.execute(
            text("DELETE FROM person_languages WHERE person_id = :id"), {"id": plain.id}
        )
        connection.execute(text("DELETE FROM people WHERE id = :id"), {"id": plain.id})
    # the trail shows events about a deleted record as who, when and what kind only: the
    # tables are read from the stored events
    with admin.db.engine.connect() as connection:
        tables = connection.scalars(
            text(
                "SELECT details::jsonb ->> 'table' FROM audit_events WHERE action = 'db_delete' "
                "AND record_kind = 'person' AND record_id = :id ORDER BY 1"
            ),
            {"id": plain.id},
        ).all()
    assert tables == ["people", "person_languages"]
    assert admin.audit.verify().ok


@server_only
def test_a_client_cannot_forge_or_replay_the_mark_that_spares_audited_changes(
    admin: Desk, coordinator: Engine
) -> None:
    person = _person(admin, "Marked", Label())
    with coordinator.begin() as connection:
        connection.execute(text("SELECT set_config('xdesk.audited', ' ' || repeat('0', 32), true)"))
        connection.execute(text("UPDATE people SET rank = 'Col' WHERE id = :id"), {"id": person.id})
    # a mark taken from a transaction that appended an event for the record, replayed later
    with coordinator.begin() as connection:
        connection.execute(
            text("SELECT xdesk_audit_append('', 'note', 'person', :id, '', 'success', '{}')"),
            {"id": person.id},
        )
        marks = connection.execute(text("SELECT current_setting('xdesk.audited')")).scalar()
    with coordinator.begin() as connection:
        connection.execute(text("SELECT set_config('xdesk.audited', :m, true)"), {"m": marks})
        connection.execute(text("UPDATE people SET rank = 'Gen' WHERE id = :id"), {"id": person.id})
    events = admin.audit.list(kind="person", record_id=person.id, newest_first=False)
    assert [(e.action, e.username) for e in events] == [
        ("create", "admin"),
        ("db_update", COORDINATOR),
        ("note", COORDINATOR),
        ("db_update", COORDINATOR),
    ]
    assert admin.audit.verify().ok


@server_only
def test_the_applications_own_writes_leave_no_second_event(admin: Desk) -> None:
    """Everything the demo writes (every kind, children, imports in bulk), and edits, relabels
    archiving and deletes through the services: each audited once, by the application."""
    demo.fill(admin, people=12, exchanges=4, seed=3)
    person = _person(admin, "Edited", Label())
    saved = admin.people.update(person.id, {"rank": "Maj"}, expected_version=person.row_version)
    saved = admin.people.update(
        person.id,
        {},
        label=Label(2, Release.REL, frozenset({"NATO"})),
        expected_version=saved.record.row_version,
    )
    admin.people.archive(person.id, "left", expected_version=saved.record.row_version)
    for service in (admin.participations, admin.contact_log):
        record = service.list(limit=1).records[0]
        service.delete(record.id, expected_version=record.row_version)
    by_hand = [e for e in admin.audit.list(limit=100000) if e.action.startswith("db_")]
    assert by_hand == []
    assert admin.audit.verify().ok


# --- no false alarms under load, on both engines ---------------------------------------------


@pytest.mark.slow
def test_verify_while_others_write_raises_no_false_alarm(database: Database, admin: Desk) -> None:
    writers = 8 if SERVER_URL else 4
    people, edits = 3, 3
    url = database.url.render_as_string(hide_password=False)
    admin.people.create({"family_name": "First", "nation_code": "USA"})  # its label interned
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    processes = [
        context.Process(target=write_people, args=(url, n, people, edits, start))
        for n in range(writers)
    ]
    for process in processes:
        process.start()
    start.set()
    runs = []
    while any(process.is_alive() for process in processes) or not runs:
        runs.append(admin.audit.verify())
    for process in processes:
        process.join()
    assert [process.exitcode for process in processes] == [0] * writers
    assert [run.problems for run in runs if not run.ok] == []
    verifications = admin.audit.list(action="audit_verify", limit=100000)
    assert len(verifications) == len(runs)
    assert {e.outcome for e in verifications} == {"success"}
    assert admin.audit.count(action="update", kind="person") == writers * people * edits
    assert admin.audit.verify().ok
