"""Writers in separate processes, as an office's coordinators are (each its own interpreter,
engine and connections; ``spawn``): no save is lost, of writers holding the same version exactly
one wins on every kind of change, the first references of a new year are handed out once each,
and nothing but a service error in plain words ever reaches a writer. At least 8 processes on a
server, 4 on SQLite (whose write transactions are serial anyway).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from sqlalchemy import func, select

from app.database.engine import Database
from app.domain.models import AuditEvent, Exchange, Person
from app.domain.references import reference
from app.security import audit
from app.services.desk import Desk
from tests.helpers.processes import (
    AGREEMENT,
    EXCHANGE,
    PERSON,
    RACES,
    creating_writer,
    deadlocking_writer,
    race_writer,
    run_processes,
    saving_writer,
)
from tests.helpers.records import counter_of

pytestmark = pytest.mark.slow


def writers(database: Database) -> int:
    """How many processes write at once: 8 on a server, 4 on SQLite."""
    return 4 if database.is_sqlite else 8


def url_of(database: Database) -> str:
    return database.url.render_as_string(hide_password=False)


def no_tracebacks(results: list[Any]) -> None:
    tracebacks = [r for r in results if r[1] == "traceback"]
    assert not tracebacks, "\n".join(r[2] for r in tracebacks)


def events(desk: Desk, action: str, kind: str, record_id: int) -> list[AuditEvent]:
    with desk.db.reading() as session:
        return list(
            session.scalars(
                select(AuditEvent)
                .where(
                    AuditEvent.action == action,
                    AuditEvent.record_kind == kind,
                    AuditEvent.record_id == record_id,
                )
                .order_by(AuditEvent.id)
            )
        )


def test_many_saves_each_with_the_version_it_read_lose_nothing(
    admin: Desk, database: Database
) -> None:
    person = admin.people.create(PERSON).record
    count, saves = writers(database), 25
    results = run_processes(
        saving_writer, [(url_of(database), person.id, n, saves) for n in range(count)]
    )
    no_tracebacks(results)
    assert len(results) == count * saves
    outcomes = Counter(r[1] for r in results)
    assert set(outcomes) <= {"ok", "Conflict"}, outcomes
    succeeded = outcomes["ok"]
    assert succeeded > 0
    stored, _label = admin.people.get(person.id)
    assert stored.row_version == 1 + succeeded  # one version per reported success
    updates = events(admin, "update", "person", person.id)
    assert len(updates) == succeeded  # and one audit event each
    # each success started from the one before it: the befores chain without a gap
    afters = [json.loads(e.details)["after"]["position"] for e in updates]
    befores = [json.loads(e.details)["before"]["position"] for e in updates]
    assert befores == ["", *afters[:-1]]
    assert sorted(int(r[2]) for r in results if r[1] == "ok") == list(range(2, 2 + succeeded))
    assert stored.position == afters[-1]
    for conflict in (r[2] for r in results if r[1] == "Conflict"):
        assert "changed by admin since you opened it" in conflict
        assert " saved" not in conflict


def _record_for(admin: Desk, race: str) -> tuple[Any, int]:
    """The record a race writes (model, id), at version 1."""
    if race in ("update", "label"):
        return Person, admin.people.create(PERSON).record.id
    if race == "status":
        return Exchange, admin.exchanges.create(EXCHANGE).record.id
    if race in ("signatories", "quotas"):
        return admin.agreements.model, admin.agreements.create(AGREEMENT).record.id
    exchange = admin.exchanges.create(EXCHANGE).record
    person = admin.people.create(PERSON).record
    participation = admin.participations.create(
        {"exchange": exchange.reference, "person": person.reference}
    ).record
    return admin.participations.model, participation.id


@pytest.mark.parametrize("race", sorted(RACES))
def test_writers_with_the_same_version_at_the_same_instant_one_wins(
    admin: Desk, database: Database, race: str
) -> None:
    model, record_id = _record_for(admin, race)
    count = writers(database)
    results = run_processes(
        race_writer, [(url_of(database), race, record_id, n) for n in range(count)]
    )
    no_tracebacks(results)
    assert len(results) == count
    outcomes = Counter(r[1] for r in results)
    assert outcomes == {"ok": 1, "Conflict": count - 1}, results
    with admin.db.reading() as session:
        assert session.get(model, record_id).row_version == 2
        assert audit.verify(session).ok
        changes = session.scalar(
            select(func.count(AuditEvent.id)).where(
                AuditEvent.record_id == record_id,
                AuditEvent.action.in_(("update", "label_change", "status_change")),
                AuditEvent.record_kind == getattr(admin, _service(race)).kind,
            )
        )
    assert changes == 1


def _service(race: str) -> str:
    return {
        "update": "people",
        "label": "people",
        "status": "exchanges",
        "signatories": "agreements",
        "quotas": "agreements",
        "participation": "participations",
    }[race]


def test_the_first_references_of_a_new_year_are_handed_out_once_each(
    admin: Desk, database: Database
) -> None:
    count, each = 8, 10
    results = run_processes(creating_writer, [(url_of(database), n, each) for n in range(count)])
    no_tracebacks(results)
    assert Counter(r[1] for r in results) == {"ok": count * each}, results
    # numbers 1..80 each handed out once: the references are their keyed permutation
    _last, secret = counter_of(admin, "EX", 2031)
    references = sorted(r[2] for r in results)
    assert references == sorted(
        reference("EX", 2031, k, bytes.fromhex(secret)) for k in range(1, count * each + 1)
    )
    with admin.db.reading() as session:
        assert audit.verify(session).ok


@pytest.mark.parametrize("_round", range(2))
def test_a_deadlock_between_two_writers_is_retried_and_both_save(
    admin: Desk, database: Database, _round: int
) -> None:
    if database.is_sqlite:
        pytest.skip("SQLite write transactions are serial (BEGIN IMMEDIATE): no deadlock")
    first = admin.people.create(PERSON).record.id
    second = admin.people.create({**PERSON, "given_names": "Piotr"}).record.id
    results = run_processes(
        deadlocking_writer,
        [(url_of(database), first, second, 0), (url_of(database), second, first, 1)],
    )
    no_tracebacks(results)
    assert sorted(r[1] for r in results) == ["ok", "ok"], results
    for person_id, rank in ((first, "R0"), (second, "R1")):
        stored, _label = admin.people.get(person_id)
        assert (stored.rank, stored.row_version) == (rank, 2)
        assert len(events(admin, "update", "person", person_id)) == 1
