"""The one write path (`RecordService.writing_record`): the expected version is compared in the
UPDATE itself, a stale one is a `Conflict` on every kind of change, a change to child rows
alone still advances the record's version, concurrent writers never overwrite each other (on
SQLite and on a PostgreSQL server), and the audit event is written in the same transaction.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event, func, select, text

from app.database.engine import Database
from app.domain.models import AuditEvent, Person
from app.security import audit
from app.services.desk import Desk
from app.services.errors import Conflict, NotFound, PermissionDenied
from tests.helpers.files import reopen
from tests.helpers.records import AGREEMENT, EXCHANGE, PERSON

WRITERS = 6


def audit_events(desk: Desk, action: str, kind: str, record_id: int | None) -> list[AuditEvent]:
    """The trail's events of one action on one record."""
    with desk.db.reading() as session:
        return list(
            session.scalars(
                select(AuditEvent)
                .where(
                    AuditEvent.action == action,
                    AuditEvent.record_kind == kind,
                    AuditEvent.record_id == record_id
                    if record_id is not None
                    else AuditEvent.record_id.is_(None),
                )
                .order_by(AuditEvent.id)
            )
        )


def event_count(desk: Desk) -> int:
    """How many events the trail holds."""
    with desk.db.reading() as session:
        return session.scalar(select(func.count(AuditEvent.id))) or 0


@pytest.fixture
def own_databases(database: Database) -> Iterator[Callable[[], Database]]:
    """Open the test's database again with an engine of its own (one per concurrent writer)."""
    opened: list[Database] = []

    def open_again() -> Database:
        again = reopen(database.url.render_as_string(hide_password=False))
        opened.append(again)
        return again

    yield open_again
    for db in opened:
        db.dispose()


# --- the version is compared in the UPDATE itself ------------------------------------------------


def test_update_compares_the_expected_version_in_its_where(admin: Desk) -> None:
    person = admin.people.create(PERSON).record
    sent: list[tuple[str, Any]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:  # noqa: ANN001
        sent.append((statement, parameters))

    event.listen(admin.db.engine, "before_cursor_execute", capture)
    try:
        saved = admin.people.update(person.id, {"rank": "Maj"}, expected_version=1)
    finally:
        event.remove(admin.db.engine, "before_cursor_execute", capture)
    updates = [(s, p) for s, p in sent if s.lstrip().upper().startswith("UPDATE PEOPLE")]
    assert len(updates) == 1
    statement, parameters = updates[0]
    where = statement.upper().split("WHERE", 1)[1]
    assert "ROW_VERSION" in where
    values = list(parameters.values()) if isinstance(parameters, dict) else list(parameters)
    assert values[-2:] == [person.id, 1] or {person.id, 1} <= set(values)
    assert saved.record.row_version == 2


def test_a_save_committed_between_read_and_update_is_refused_by_the_update(admin: Desk) -> None:
    """The row changes after the write path read it (as a concurrent save would on a server):
    the UPDATE matches no row, and that is a Conflict naming who saved; nothing is written."""
    person = admin.people.create(PERSON).record
    service = admin.people
    original = type(service).check

    def meanwhile(self, session, actor, values, record, errors) -> None:  # noqa: ANN001
        session.execute(
            text(
                "UPDATE people SET row_version = row_version + 1, updated_by = 'someone'"
                " WHERE id = :id"
            ),
            {"id": record.id},
        )
        original(self, session, actor, values, record, errors)

    events_before = event_count(admin)
    service.check = meanwhile.__get__(service)  # type: ignore[method-assign]
    with pytest.raises(Conflict, match="since you opened it"):
        service.update(person.id, {"rank": "Maj"}, expected_version=1)
    del service.check
    stored, _label = admin.people.get(person.id)
    assert (stored.rank, stored.row_version) == ("", 1)  # the whole transaction rolled back
    assert event_count(admin) == events_before


# --- a stale expected version is refused on every kind of change ------------------------------


def _stale_person(admin: Desk) -> int:
    person = admin.people.create(PERSON).record
    admin.people.update(person.id, {"rank": "Capt"})  # someone saved since version 1
    return person.id


def _assert_refused(admin: Desk, call: Callable[[], Any], model: type, record_id: int) -> None:
    with admin.db.reading() as session:
        before = session.get(model, record_id).row_version
    events_before = event_count(admin)
    with pytest.raises(Conflict, match="changed by admin since you opened it"):
        call()
    with admin.db.reading() as session:
        assert session.get(model, record_id).row_version == before
    assert event_count(admin) == events_before


def test_stale_update_archive_and_languages_are_refused(admin: Desk) -> None:
    person_id = _stale_person(admin)
    _assert_refused(
        admin,
        lambda: admin.people.update(person_id, {"rank": "Maj"}, expected_version=1),
        Person,
        person_id,
    )
    _assert_refused(
        admin,
        lambda: admin.people.update(person_id, {"languages": "eng 3/3/3/3"}, expected_version=1),
        Person,
        person_id,
    )
    _assert_refused(
        admin,
        lambda: admin.people.archive(person_id, "left", expected_version=1),
        Person,
        person_id,
    )


def test_stale_delete_is_refused(admin: Desk) -> None:
    from app.domain.models import Attachment

    agreement = admin.agreements.create(AGREEMENT).record
    attached = admin.attachments.add("agreement", agreement.id, "a.txt", b"one").record
    admin.attachments.update(attached.id, {"name": "b.txt"})
    _assert_refused(
        admin,
        lambda: admin.attachments.delete(attached.id, "gone", expected_version=1),
        Attachment,
        attached.id,
    )
    admin.attachments.delete(attached.id, "gone", expected_version=2)
    with pytest.raises(NotFound):
        admin.attachments.get(attached.id)


def test_stale_status_moves_and_collection_edits_are_refused(admin: Desk) -> None:
    from app.domain.models import Agreement, Exchange

    agreement = admin.agreements.create(AGREEMENT).record
    admin.agreements.update(agreement.id, {"scope": "officers"})
    for call in (
        lambda: admin.agreements.change_status(agreement.id, "in_negotiation", expected_version=1),
        lambda: admin.agreements.set_signatories(
            agreement.id, [{"name": "A. Smith", "nation_code": "USA"}], expected_version=1
        ),
        lambda: admin.agreements.set_quotas(
            agreement.id, [{"year": 2026, "direction": "sent", "allotted": 4}], expected_version=1
        ),
    ):
        _assert_refused(admin, call, Agreement, agreement.id)
    exchange = admin.exchanges.create(EXCHANGE).record
    admin.exchanges.update(exchange.id, {"location": "Bardufoss"})
    for call in (
        lambda: admin.exchanges.change_status(exchange.id, "planned", expected_version=1),
        lambda: admin.exchanges.set_cost_lines(exchange.id, ["travel 10 USD"], expected_version=1),
        lambda: admin.exchanges.update(exchange.id, {"partner_nations": "USA"}, expected_version=1),
    ):
        _assert_refused(admin, call, Exchange, exchange.id)


def test_stale_attachment_add_is_refused_and_a_current_one_keeps_the_version(admin: Desk) -> None:
    from app.domain.models import Agreement

    agreement = admin.agreements.create(AGREEMENT).record
    admin.agreements.update(agreement.id, {"scope": "officers"})
    _assert_refused(
        admin,
        lambda: admin.attachments.add("agreement", agreement.id, "a.txt", b"x", expected_version=1),
        Agreement,
        agreement.id,
    )
    admin.attachments.add("agreement", agreement.id, "a.txt", b"x", expected_version=2)
    stored, _label = admin.agreements.get(agreement.id)
    assert stored.row_version == 2  # a file attached is not a change of the record


# --- versions advance exactly once per save ---------------------------------------------------


def test_a_change_to_child_rows_alone_advances_the_version_once(admin: Desk) -> None:
    person = admin.people.create(PERSON).record
    saved = admin.people.update(person.id, {"languages": "pol 5/5/5/5"}, expected_version=1)
    assert saved.record.row_version == 2
    agreement = admin.agreements.create(AGREEMENT).record
    saved = admin.agreements.set_signatories(
        agreement.id, [{"name": "A. Smith", "nation_code": "USA"}], expected_version=1
    )
    assert saved.record.row_version == 2
    saved = admin.agreements.set_quotas(
        agreement.id, [{"year": 2026, "direction": "sent", "allotted": 4}], expected_version=2
    )
    assert saved.record.row_version == 3
    exchange = admin.exchanges.create(EXCHANGE).record
    saved = admin.exchanges.set_cost_lines(exchange.id, ["travel 10 USD"], expected_version=1)
    assert saved.record.row_version == 2
    # columns, a link and child rows in one save: still one UPDATE, one version
    saved = admin.exchanges.update(
        exchange.id,
        {"location": "Bodø", "agreement": agreement.reference, "partner_nations": "USA"},
        expected_version=2,
    )
    assert saved.record.row_version == 3
    assert len(audit_events(admin, "update", "exchange", exchange.id)) == 2


def test_a_save_that_changes_nothing_keeps_the_version(admin: Desk) -> None:
    person = admin.people.create(PERSON).record
    saved = admin.people.update(person.id, {"family_name": "Kowalski"}, expected_version=1)
    assert saved.record.row_version == 1
    assert audit_events(admin, "update", "person", person.id) == []


# --- the write rule, the access filter and the audit in the same transaction ------------------


def test_hidden_records_are_not_found_and_viewers_write_nothing(admin: Desk, make_user) -> None:
    from app.domain.labels import Label, Release

    secret = admin.people.create(PERSON, label=Label(3, Release.REL, frozenset({"NATO"}))).record
    low = make_user("low", clearance="C")
    with pytest.raises(NotFound):
        low.people.update(secret.id, {"rank": "Maj"})
    with pytest.raises(NotFound):
        low.people.archive(secret.id)
    viewer = make_user("viewer", role="viewer", clearance="TS")
    with pytest.raises(PermissionDenied):
        viewer.people.update(secret.id, {"rank": "Maj"})


def test_a_failing_audit_leaves_nothing_written(admin: Desk, monkeypatch) -> None:
    person = admin.people.create(PERSON).record

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("audit trail unavailable")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError, match="audit trail unavailable"):
        admin.people.update(person.id, {"rank": "Maj"}, expected_version=1)
    with pytest.raises(RuntimeError):
        admin.people.archive(person.id)
    monkeypatch.undo()
    stored, _label = admin.people.get(person.id)
    assert (stored.rank, stored.archived, stored.row_version) == ("", False, 1)


# --- concurrent writers, each with its own engine ---------------------------------------------


def _run_together(workers: list[Callable[[], Any]]) -> list[Any]:
    """Run the callables in threads at once; each one's result or the exception it raised."""
    results: list[Any] = [None] * len(workers)

    def run(index: int) -> None:
        try:
            results[index] = workers[index]()
        except Exception as error:  # noqa: BLE001 (the test inspects every outcome)
            results[index] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return results


def _wait_after_reading(desks: list[Desk], service: str) -> None:
    """On a server, hold every writer after the write path read the record until all have read
    it, so the race is decided by the UPDATEs themselves (on SQLite, BEGIN IMMEDIATE lets one
    writer into its transaction at a time: the others read the winner's version)."""
    if desks[0].db.is_sqlite:
        return
    barrier = threading.Barrier(len(desks), timeout=60)
    for desk in desks:
        target = getattr(desk, service)
        original = target.get_in

        def read_then_wait(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            record = _original(*args, **kwargs)
            barrier.wait()
            return record

        target.get_in = read_then_wait


# (service holding the record, how to create it, the write each writer tries, audited action)
RACES = {
    "update": (
        "people",
        lambda d: d.people.create(PERSON),
        lambda d, i, n: d.people.update(i, {"rank": f"Rank {n}"}, expected_version=1),
        "update",
    ),
    "languages": (
        "people",
        lambda d: d.people.create(PERSON),
        lambda d, i, n: d.people.update(i, {"languages": f"eng 3/3/3/{n % 4}"}, expected_version=1),
        "update",
    ),
    "archive": (
        "people",
        lambda d: d.people.create(PERSON),
        lambda d, i, n: d.people.archive(i, f"reason {n}", expected_version=1),
        "archive",
    ),
    "status": (
        "exchanges",
        lambda d: d.exchanges.create(EXCHANGE),
        lambda d, i, n: d.exchanges.change_status(i, "planned", expected_version=1),
        "status_change",
    ),
    "quotas": (
        "agreements",
        lambda d: d.agreements.create(AGREEMENT),
        lambda d, i, n: d.agreements.set_quotas(
            i, [{"year": 2026, "direction": "sent", "allotted": n + 1}], expected_version=1
        ),
        "update",
    ),
}


@pytest.mark.parametrize("race", sorted(RACES))
def test_of_writers_with_the_same_expected_version_exactly_one_wins(
    admin: Desk, own_databases: Callable[[], Database], race: str
) -> None:
    service, create, write, action = RACES[race]
    record = create(admin).record
    desks = [Desk(own_databases(), "admin") for _ in range(WRITERS)]
    _wait_after_reading(desks, service)
    results = _run_together([lambda d=d, n=n: write(d, record.id, n) for n, d in enumerate(desks)])
    lost = [r for r in results if isinstance(r, Exception)]
    assert len(lost) == WRITERS - 1, results
    assert all(isinstance(r, Conflict) for r in lost), results
    model = getattr(admin, service).model
    with admin.db.reading() as session:
        assert session.get(model, record.id).row_version == 2
        assert audit.verify(session).ok
    kind = getattr(admin, service).kind
    assert len(audit_events(admin, action, kind, record.id)) == 1
    if race == "update":
        (won,) = [r for r in results if not isinstance(r, Exception)]
        stored, _label = admin.people.get(record.id)
        assert stored.rank == won.record.rank
        assert stored.rank in audit_events(admin, "update", "person", record.id)[0].details


def test_writers_that_reread_and_save_never_lose_an_update(
    admin: Desk, own_databases: Callable[[], Database]
) -> None:
    person = admin.people.create(PERSON).record
    saves_each = 4

    def writer(desk: Desk, n: int) -> list[str]:
        written = []
        for k in range(saves_each):
            for _attempt in range(200):
                current, _label = desk.people.get(person.id)
                value = f"W{n}-{k}"
                try:
                    desk.people.update(
                        person.id, {"position": value}, expected_version=current.row_version
                    )
                except Conflict:
                    continue
                written.append(value)
                break
        return written

    desks = [Desk(own_databases(), "admin") for _ in range(WRITERS)]
    results = _run_together([lambda d=d, n=n: writer(d, n) for n, d in enumerate(desks)])
    assert not [r for r in results if isinstance(r, Exception)], results
    saved = [value for written in results for value in written]
    assert len(saved) == WRITERS * saves_each
    stored, _label = admin.people.get(person.id)
    assert stored.row_version == 1 + len(saved)
    events = audit_events(admin, "update", "person", person.id)
    assert len(events) == len(saved)
    assert sorted(json.loads(e.details)["after"]["position"] for e in events) == sorted(saved)
    # each save started from the one before it: the trail's befores chain without a gap
    befores = [json.loads(e.details)["before"]["position"] for e in events]
    afters = [json.loads(e.details)["after"]["position"] for e in events]
    assert befores == ["", *afters[:-1]]


def test_session_events_reread_the_acting_user(admin: Desk, make_user) -> None:
    from app.services import session as session_events

    clerk = make_user("clerk")
    session_events.record_event(clerk, "idle_lock")
    assert [e.username for e in audit_events(admin, "idle_lock", "user", None)] == ["clerk"]
    admin.users.update("clerk", {"active": False})
    with pytest.raises(PermissionDenied, match="no longer active"):
        session_events.record_event(clerk, "logout")
    assert audit_events(admin, "logout", "user", None) == []
