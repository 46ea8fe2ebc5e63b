"""RESTRICTED is not a US level (issue 14, item 5; IC-ISM rule 00040: U, C, S, TS).

Under a US owner on the default scheme it is refused for new labels, wherever a label comes from
(form, import, command line: the one write path), and revision 0011 raises the RESTRICTED records
of an existing US installation to CONFIDENTIAL, never lowering anyone's protection. Another
owner keeps it, and NATO RESTRICTED (a NATO level) stays in the NATO scheme.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.database.engine import make_engine, to_url
from app.database.labels import intern_label
from app.domain.labels import DEFAULT_SCHEME, NATO_SCHEME, Label, Release, level_refused
from app.domain.models import LabelRow, Person, Setting
from app.services.desk import Desk
from app.services.errors import ValidationFailed
from app.services.setup import open_desk_database
from tests.helpers import SERVER_URL, drop_server_database, new_test_database, server_database_name
from tests.helpers.revisions import database_at

GBR = frozenset({"GBR"})


def test_restricted_is_refused_only_under_a_us_owner_on_the_default_scheme() -> None:
    assert level_refused(1, "USA", DEFAULT_SCHEME)
    assert "not a US classification level" in level_refused(1, "USA", DEFAULT_SCHEME)
    for level in (0, 2, 3, 4):
        assert level_refused(level, "USA", DEFAULT_SCHEME) is None
    assert level_refused(1, "GBR", DEFAULT_SCHEME) is None
    assert level_refused(1, "FRA", DEFAULT_SCHEME) is None
    assert level_refused(1, "USA", NATO_SCHEME) is None  # NATO RESTRICTED is NATO's level


def test_a_us_installation_refuses_a_restricted_record_and_keeps_what_was_typed(
    admin: Desk,
) -> None:
    with pytest.raises(ValidationFailed) as refused:
        admin.people.create(
            {"family_name": "Doe", "nation_code": "GBR"}, label=Label(1, Release.REL, GBR)
        )
    assert "classification" in refused.value.errors
    assert "CONFIDENTIAL" in refused.value.errors["classification"]
    assert admin.people.count() == 0
    saved = admin.people.create(
        {"family_name": "Doe", "nation_code": "GBR"}, label=Label(2, Release.REL, GBR)
    )
    # nor can an existing record be relabelled RESTRICTED
    with pytest.raises(ValidationFailed):
        admin.people.update(
            saved.record.id,
            {"family_name": "Doe"},
            label=Label(1, Release.REL, GBR),
            expected_version=saved.record.row_version,
        )
    assert admin.people.get(saved.record.id)[1].level == 2


def test_an_import_row_asking_for_restricted_is_refused_by_its_line(admin: Desk, tmp_path) -> None:  # noqa: ANN001
    from app.services.transfer import import_file

    path = tmp_path / "people.csv"
    path.write_text(
        "family_name,nation,classification,releasable_to\n"
        "Good,POL,C,NATO\n"
        "Bad,GBR,R,GBR\n"
        "Also bad,GBR,RESTRICTED,\n",
        encoding="utf-8",
    )
    result = import_file(admin, "people", path)
    assert (result.total, result.imported) == (3, 1)
    problems = {p.line: p.errors for p in result.rejected}
    assert set(problems) == {3, 4}
    assert all("not a US classification level" in e["classification"] for e in problems.values())


def test_the_label_editor_does_not_offer_restricted_under_a_us_owner(admin: Desk) -> None:
    from app.ui.records.form_context import refused_levels

    assert set(refused_levels(admin)) == {1}


@pytest.fixture
def office_at_0010(tmp_path, request: pytest.FixtureRequest):  # noqa: ANN001, ANN201
    """A US office at revision 0010 holding RESTRICTED records, written by hand (the services
    of this revision refuse them): Smith RESTRICTED//REL TO USA, GBR (no CONFIDENTIAL twin) and
    Jones RESTRICTED//REL TO USA, NATO (twin of Núñez's CONFIDENTIAL//REL TO USA, NATO)."""
    target = new_test_database(request.node.nodeid, tmp_path / "office.sqlite")
    ids: dict[str, int] = {}
    versions: dict[str, int] = {}

    def restricted_people(database) -> None:  # noqa: ANN001
        admin = Desk(database, "admin")
        for family, rel in (("Smith", GBR), ("Jones", frozenset({"NATO"}))):
            saved = admin.people.create(
                {"family_name": family, "nation_code": "GBR"},
                label=Label(2, Release.REL, rel | {"USA"}),
            )
            ids[family] = saved.record.id
        with database.writing() as session:
            for family, rel in (("Smith", GBR), ("Jones", frozenset({"NATO"}))):
                restricted = intern_label(session, Label(1, Release.REL, rel | {"USA"}))
                session.execute(
                    sa.update(Person).where(Person.id == ids[family]).values(label_id=restricted)
                )
        with database.reading() as session:
            for family, person_id in ids.items():
                versions[family] = session.get(Person, person_id).row_version

    database_at(target, "0010", restricted_people).dispose()
    yield target, ids, versions
    if SERVER_URL:
        drop_server_database(server_database_name(request.node.nodeid))


def test_upgrading_raises_restricted_records_to_confidential(office_at_0010) -> None:  # noqa: ANN001
    target, ids, versions = office_at_0010
    database = open_desk_database(target)
    try:
        admin = Desk(database, "admin")
        for family, person_id in ids.items():
            record, label = admin.people.get(person_id)
            assert label.level == 2, family
            assert record.row_version == versions[family] + 1  # an open form conflicts
        assert admin.portion_mark(admin.people.get(ids["Smith"])[1]) == "(C//REL TO USA, GBR)"
        with database.reading() as session:
            assert session.scalar(sa.select(sa.func.count()).where(LabelRow.level == 1)) == 0
        # Jones moved to Núñez's CONFIDENTIAL//REL TO USA, NATO label: one row for one label
        jones = admin.people.get(ids["Jones"])[0]
        nunez = next(p for p in admin.people.list().records if p.family_name == "Núñez")
        assert jones.label_id == nunez.label_id
        event = admin.audit.list(limit=5, action="relabel")[0]
        assert event.username == "xdesk upgrade" and event.details["revision"] == "0011"
        assert event.details["labels"] == 2
        assert event.details["records"] == {"people": 2}
        assert "IC-ISM rule 00040" in event.details["reason"]
        assert admin.audit.verify().ok
        with database.reading() as session:  # the pending event was written and removed
            assert not session.scalars(
                sa.select(Setting.key).where(Setting.key.startswith("audit_pending:"))
            ).all()
        # the GBR coordinator cleared SECRET still reads Smith (raised, not hidden)
        assert "Smith" in [p.family_name for p in Desk(database, "gb").people.list().records]
    finally:
        database.dispose()


def test_another_owner_keeps_its_restricted_records(tmp_path, request) -> None:  # noqa: ANN001
    target = new_test_database(request.node.nodeid, tmp_path / "gbr.sqlite")
    database = database_at(target, "0010")
    try:
        engine = make_engine(to_url(target))
        with engine.begin() as connection:
            connection.execute(
                sa.text("UPDATE settings SET value = 'GBR' WHERE key = 'owner_nation'")
            )
            connection.execute(
                sa.text(
                    "UPDATE labels SET level = 1, fingerprint = '1' || substr(fingerprint, 2) "
                    "WHERE level = 2"
                )
            )
            before = connection.execute(sa.text("SELECT id, level, fingerprint FROM labels")).all()
        engine.dispose()
    finally:
        database.dispose()
    try:
        opened = open_desk_database(target)
        with opened.reading() as session:
            after = session.execute(sa.text("SELECT id, level, fingerprint FROM labels")).all()
        opened.dispose()
        assert sorted(after) == sorted(before)
    finally:
        if SERVER_URL:
            drop_server_database(server_database_name(request.node.nodeid))
