"""Under a USA owner a classified record carries a disclosure marking (issue 14, item 4).

ICD 710 and IC-ISM rule 00119 (as the issue cites them): only UNCLASSIFIED may have no caveat.
From CONFIDENTIAL up a label without REL TO or NOFORN is refused when it is set, by every write
path (forms, the command line, imports); a record stored with one before keeps it while its
other fields change. RESTRICTED is not a US level at all (item 5: tests/test_us_restricted.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from app.database.labels import intern_label
from app.domain.labels import Label, Release
from app.domain.models import Person
from app.services.bulk import BulkCreate
from app.services.desk import Desk
from app.services.errors import PermissionDenied, ValidationFailed
from app.services.setup import initialise
from tests.helpers import (
    PASSWORD,
    SERVER_URL,
    drop_server_database,
    new_test_database,
    server_database_name,
)

KOWALSKI = {"family_name": "Kowalski", "nation_code": "POL"}


@pytest.mark.parametrize("cells", [{"classification": "C"}, {"classification": "TS"}])
def test_classified_without_a_caveat_is_refused_under_its_field(admin: Desk, cells: dict) -> None:
    with pytest.raises(ValidationFailed) as failure:
        admin.people.create({**KOWALSKI, **cells})
    assert "disclosure marking" in failure.value.errors["releasable_to"]
    with pytest.raises(ValidationFailed):
        admin.people.create(KOWALSKI, label=Label(3))
    assert admin.people.count() == 0


@pytest.mark.parametrize(
    ("label", "marking"),
    [
        (Label(0), "UNCLASSIFIED"),
        (Label(2, Release.NOFORN), "CONFIDENTIAL//NOFORN"),
        (Label(3, Release.REL, frozenset({"NATO"})), "SECRET//REL TO USA, NATO"),
    ],
)
def test_labels_with_a_disclosure_marking_are_accepted(
    admin: Desk, label: Label, marking: str
) -> None:
    assert admin.marking(admin.people.create(KOWALSKI, label=label).label) == marking


def test_a_clearance_refusal_is_said_first(make_user) -> None:
    carol = make_user("carol", clearance="C")
    with pytest.raises(PermissionDenied, match="above your own clearance"):
        carol.people.create({**KOWALSKI, "classification": "S"})


def test_a_record_stored_without_one_keeps_it_until_its_label_changes(admin: Desk) -> None:
    person = admin.people.create(KOWALSKI, label=Label(2, Release.NOFORN)).record
    with admin.db.writing() as session:  # as a database from before this rule holds it
        session.execute(
            update(Person)
            .where(Person.id == person.id)
            .values(label_id=intern_label(session, Label(2)))
        )
    saved = admin.people.update(person.id, {"rank": "Maj"}, expected_version=1)
    assert saved.label == Label(2) and admin.portion_mark(saved.label) == "(C)"
    with pytest.raises(ValidationFailed) as failure:
        admin.people.update(person.id, {}, label=Label(3), expected_version=2)
    assert "disclosure marking" in failure.value.errors["releasable_to"]
    # giving it one admits fewer readers: not a downgrade, no reason needed
    saved = admin.people.update(person.id, {}, label=Label(2, Release.NOFORN), expected_version=2)
    assert admin.marking(saved.label) == "CONFIDENTIAL//NOFORN"
    assert admin.audit.count(action="downgrade") == 0


def test_an_import_row_without_one_is_refused_and_the_others_kept(admin: Desk) -> None:
    with admin.writing() as (session, actor):
        bulk = BulkCreate(admin.people, session, actor)
        good, bad = bulk.add_many(
            [
                ({**KOWALSKI, "classification": "C", "releasable_to": "NATO"}, None),
                ({**KOWALSKI, "given_names": "Jan", "classification": "C"}, None),
            ]
        )
        assert isinstance(bad, ValidationFailed) and "releasable_to" in bad.errors
        assert not isinstance(good, Exception)


def test_other_owners_keep_no_caveat_at_any_level(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """A GBR-owned office, a file or a database on the test server as the suite runs."""
    name = request.node.nodeid + "/gbr"
    target = new_test_database(name, tmp_path / "gbr.sqlite")
    database = initialise(target, "GBR", "default", "admin", PASSWORD)
    try:
        saved = Desk(database, "admin").people.create({**KOWALSKI, "classification": "S"})
        assert Desk(database, "admin").marking(saved.label) == "SECRET"
    finally:
        database.dispose()
        if SERVER_URL:
            drop_server_database(server_database_name(name))
