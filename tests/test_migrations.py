"""Alembic owns the schema: upgrades from empty and from every released revision; models agree.

``tests/data`` holds one database per released revision (made by `tests.helpers.revisions`);
each is upgraded the way opening does it, copy first, and keeps its records and their labels.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.database.engine import DatabaseError, make_engine, to_url
from app.database.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    include_object,
    upgrade,
)
from app.database.opening import open_database
from app.domain.labels import Label, Release
from app.domain.models import Base, Nation
from app.services.desk import Desk
from app.services.setup import open_desk_database
from tests.helpers import SERVER_URL, drop_server_database, new_test_database, server_database_name
from tests.helpers.revisions import PEOPLE, database_at

DATA = Path(__file__).parent / "data"
RELEASED = sorted(DATA.glob("schema-*.sqlite"))
SQLITE_FILES = "about SQLite files and how opening one treats them"


@pytest.fixture
def empty_target(tmp_path: Path, request: pytest.FixtureRequest):  # noqa: ANN201
    """An empty database for this test: a new SQLite file, or a new database on the server."""
    target = new_test_database(request.node.nodeid, tmp_path / "empty.sqlite")
    yield target
    if SERVER_URL:
        drop_server_database(server_database_name(request.node.nodeid))


def _version(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _assert_office_kept(database) -> None:  # noqa: ANN001
    """The records of `tests.helpers.revisions` are all there, labelled as they were made."""
    admin = Desk(database, "admin")
    page = admin.people.list()
    assert [(p.family_name, p.given_names, p.nation_code) for p in page.records] == [
        (family, given, nation) for family, given, nation, _ in PEOPLE
    ]
    assert [page.labels[p.label_id] for p in page.records] == [
        label.with_owner("USA") for *_, label in PEOPLE
    ]
    # the GBR coordinator still sees the NATO record and not the NOFORN one
    assert [p.family_name for p in Desk(database, "gb").people.list().records] == [
        "Müller",
        "Núñez",
    ]
    assert admin.audit.verify().ok  # the upgrade's own audit event joined an intact chain
    _assert_kosovo_recordable(admin)


def _assert_kosovo_recordable(admin: Desk) -> None:
    """Revision 0010: a database made before XKS was known has it after opening (nations are a
    foreign key): a Kosovar person, released to XKS, can be saved and is marked so."""
    saved = admin.people.create(
        {"family_name": "Krasniqi", "given_names": "Arben", "nation_code": "XKS"},
        label=Label(2, Release.REL, frozenset({"XKS"})),
    )
    assert saved.record.nation_code == "XKS"
    assert admin.portion_mark(saved.label) == "(C//REL TO USA, XKS)"


def test_upgrade_from_empty_reaches_head(empty_target) -> None:  # noqa: ANN001
    engine = make_engine(to_url(empty_target))
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_models_and_migrations_agree(empty_target) -> None:  # noqa: ANN001
    engine = make_engine(to_url(empty_target))
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_upgrade_from_the_base_revision_keeps_the_records(empty_target) -> None:  # noqa: ANN001
    """On SQLite and on a server: an office made at 0001 upgraded to head, records intact."""
    database_at(empty_target, "0001").dispose()
    database = open_desk_database(empty_target)
    try:
        assert current_revision(database.engine) == head_revision()
        event = Desk(database, "admin").audit.list(limit=1, action="migration")[0]
        assert (event.details["from"], event.details["to"]) == ("0001", head_revision())
        _assert_office_kept(database)
    finally:
        database.dispose()


def test_a_database_without_kosovo_gets_it_when_opened(empty_target) -> None:  # noqa: ANN001
    """On SQLite and on a server: an office at 0009 whose nations predate XKS (made before the
    code knew it) has XKS after opening upgrades it."""
    database_at(empty_target, "0009").dispose()
    engine = make_engine(to_url(empty_target))
    with engine.begin() as connection:
        connection.execute(sa.delete(Nation).where(Nation.code == "XKS"))
    engine.dispose()
    database = open_desk_database(empty_target)
    try:
        with database.reading() as session:
            assert session.get(Nation, "XKS").name == "Kosovo"
        _assert_kosovo_recordable(Desk(database, "admin"))
    finally:
        database.dispose()


def test_agreement_numbers_become_unique_per_label_and_the_agreements_survive(
    empty_target,  # noqa: ANN001
) -> None:
    """Revision 0016 on SQLite (a rebuilt table) and on a server (a swapped constraint): the
    agreements, their parties, signatories and the exchanges under them survive; the search
    still follows an edit; a number may then be shared under another label, and going back
    below 0016 is refused while it is."""
    from alembic import command

    from app.search import search

    def agreements(database) -> None:  # noqa: ANN001
        admin = Desk(database, "admin")
        made = admin.agreements.create(
            {
                "reference": "MOU-USA-POL-2019-01",
                "title": "Pilot exchange",
                "kind": "memorandum_of_understanding",
                "parties": "USA POL",
            },
            label=Label(3, Release.NOFORN),
        ).record
        admin.agreements.set_signatories(made.id, [{"name": "Anna Nowak", "nation_code": "POL"}])
        admin.exchanges.create(
            {
                "title": "Staff course",
                "kind": "course_seat",
                "host_nation": "USA",
                "start_date": "2025-03-01",
                "end_date": "2025-03-20",
                "agreement": "MOU-USA-POL-2019-01",
            }
        )

    database_at(empty_target, "0015", more=agreements).dispose()
    database = open_desk_database(empty_target)
    try:
        admin = Desk(database, "admin")
        agreement, _ = admin.agreements.find("MOU-USA-POL-2019-01")
        assert ([p.nation_code for p in agreement.parties], agreement.signatories[0].name) == (
            ["POL", "USA"],
            "Anna Nowak",
        )
        exchange = admin.exchanges.list().records[0]
        assert exchange.agreement_id == agreement.id
        admin.agreements.update(agreement.id, {"title": "Officer exchange renewed"})
        assert [(h.kind, h.record_id) for h in search(admin, "renewed").hits] == [
            ("agreement", agreement.id)
        ]
        # the GBR coordinator, who cannot read it, may give another agreement its number
        twin = Desk(database, "gb").agreements.create(
            {
                "reference": "MOU-USA-POL-2019-01",
                "title": "Its annex",
                "kind": "memorandum_of_understanding",
                "parties": "USA POL",
            },
        )
        assert twin.warnings == []
        assert admin.agreements.get(twin.record.id)[0].reference == agreement.reference
        saved = admin.agreements.update(twin.record.id, {"title": "Its annex, renamed"})
        assert saved.warnings[0].startswith("MOU-USA-POL-2019-01 is also the number")
        assert admin.audit.verify().ok
        if database.is_sqlite:
            with database.engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # down to 0016 (later revisions step down freely), where going lower is refused
        command.downgrade(alembic_config(database.engine), "0016")
        with pytest.raises(RuntimeError, match="share the numbers MOU-USA-POL-2019-01"):
            command.downgrade(alembic_config(database.engine), "0015")
        assert current_revision(database.engine) == "0016"
    finally:
        database.dispose()


@pytest.mark.sqlite_only(reason="the released databases are SQLite files")
def test_every_released_revision_has_a_database() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    revisions = sorted(script.revision for script in scripts.walk_revisions())
    assert [p.stem.removeprefix("schema-") for p in RELEASED] == revisions


@pytest.mark.sqlite_only(reason=SQLITE_FILES)
def test_sqlite_connections_are_configured(database) -> None:  # noqa: ANN001
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


@pytest.mark.sqlite_only(reason=SQLITE_FILES)
@pytest.mark.parametrize("released", RELEASED, ids=lambda p: p.stem)
def test_every_released_schema_upgrades_with_a_copy_first(released: Path, tmp_path: Path) -> None:
    target = tmp_path / "office.sqlite"
    shutil.copyfile(released, target)
    before = _version(target)
    assert before == released.stem.removeprefix("schema-")
    database = open_desk_database(target)
    try:
        copies = list(tmp_path.glob("office.before-*.sqlite"))
        if before == head_revision():
            assert copies == []
        else:
            assert len(copies) == 1
            assert _version(copies[0]) == before
            assert (
                Desk(database, "admin").audit.list(limit=1, action="migration")[0].details["from"]
                == before
            )
        assert current_revision(database.engine) == head_revision()
        _assert_office_kept(database)
    finally:
        database.dispose()


@pytest.mark.sqlite_only(reason=SQLITE_FILES)
def test_damaged_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    target = tmp_path / "damaged.sqlite"
    target.write_bytes(b"\x00garbage" * 512)
    before = target.read_bytes()
    with pytest.raises(DatabaseError, match="not an Exchange Desk database"):
        open_desk_database(target)
    assert target.read_bytes() == before


@pytest.mark.sqlite_only(reason=SQLITE_FILES)
def test_truncated_sqlite_file_is_refused(tmp_path: Path, db_path: Path, database) -> None:
    database.dispose()
    broken = tmp_path / "broken.sqlite"
    data = db_path.read_bytes()
    broken.write_bytes(data[:100] + b"\xff" * 400 + data[500:4096])
    with pytest.raises(DatabaseError):
        open_desk_database(broken)


@pytest.mark.sqlite_only(reason=SQLITE_FILES)
def test_foreign_database_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(target)) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        connection.commit()
    before = target.read_bytes()
    for create in (False, True):  # neither opening nor xdesk init touches it
        with pytest.raises(DatabaseError, match="another program"):
            open_database(target, create=create)
    assert target.read_bytes() == before  # not even switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


@pytest.mark.sqlite_only(reason=SQLITE_FILES)
def test_missing_database_is_not_created_by_opening(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="xdesk init"):
        open_desk_database(tmp_path / "absent.sqlite")
    assert not (tmp_path / "absent.sqlite").exists()


@pytest.mark.sqlite_only(reason=SQLITE_FILES)
def test_checking_a_file_keeps_the_locks_of_this_process_s_connections(tmp_path: Path) -> None:
    import subprocess
    import sys

    from app.database.engine import check_sqlite_file

    target = tmp_path / "live.sqlite"
    with closing(sqlite3.connect(target)) as setup:
        setup.execute("CREATE TABLE alembic_version (version_num TEXT)")
        setup.commit()
    writer = sqlite3.connect(target, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # this process holds the write (RESERVED) lock
        check_sqlite_file(target)  # a second look at the live file, as opening a window does
        other = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=0); "
                "c.execute('INSERT INTO alembic_version VALUES (1)'); c.commit()",
                str(target),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert other.returncode != 0 and "locked" in other.stderr  # the lock still holds
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_the_dated_search_index_comes_and_goes_with_its_revision(
    empty_target,  # noqa: ANN001
) -> None:
    """Revision 0018 on a server adds the documents' dated GIN index and the band-by-band
    ``xdesk_search_newest``; a search finds the same before and after, and stepping down to
    0017 restores 0015's function and drops the index (SQLite: nothing changes)."""
    from alembic import command

    from app.search import search

    def people(database) -> None:  # noqa: ANN001
        admin = Desk(database, "admin")
        for given in ("Anna", "Bruno", "Clara"):
            admin.people.create(
                {"family_name": "Østergård", "given_names": given, "nation_code": "DNK"}
            )

    def dated(database) -> bool:  # noqa: ANN001
        if database.is_sqlite:
            return False
        with database.engine.connect() as connection:
            return bool(
                connection.exec_driver_sql(
                    "SELECT 1 FROM pg_indexes WHERE indexname = 'ix_search_documents_dated'"
                ).scalar()
            )

    database_at(empty_target, "0017", more=people).dispose()
    database = open_desk_database(empty_target)
    try:
        admin = Desk(database, "admin")
        found = sorted(h.record_id for h in search(admin, "Østergård").hits)
        assert len(found) == 3
        assert dated(database) is (not database.is_sqlite)
        command.downgrade(alembic_config(database.engine), "0017")
        assert not dated(database)
        if not database.is_sqlite:  # 0015's function is back (today's models need head)
            with database.engine.connect() as connection:
                hits = connection.exec_driver_sql(
                    "SELECT count(*) FROM xdesk_search_newest("
                    "'ostergard'::tsquery, '{1}', false, 5001)"
                ).scalar()
            assert hits == 3
        command.upgrade(alembic_config(database.engine), "head")
        assert dated(database) is (not database.is_sqlite)
        assert sorted(h.record_id for h in search(admin, "Østergård").hits) == found
    finally:
        database.dispose()


def test_names_stored_before_0019_are_found_by_their_plain_latin_spelling(
    empty_target,  # noqa: ANN001
) -> None:
    """Revision 0019 makes every name's key again (SQLite: the index triggers and the index;
    a server: its documents): Østergård and Łukasiewicz, stored at 0018, are then found by
    "ostergard" and "lukasiewicz", in the search and in a list's text filter, and a name
    written after the upgrade is keyed by the new triggers too."""
    from app.search import search

    def people(database) -> None:  # noqa: ANN001
        admin = Desk(database, "admin")
        for family in ("Østergård", "Łukasiewicz"):
            admin.people.create({"family_name": family, "nation_code": "DNK"})

    import dataclasses
    from unittest import mock

    from app.database import search_index

    # the database as 0018 made it: names keyed by the German spellings only (SQLite: in the
    # index triggers' SQL, made from the sources; a server: in Python, `name_key`)
    before = (("ß", "ss"), ("ue", "u"), ("oe", "o"), ("ae", "a"))
    with mock.patch("app.database.search_index.NAME_FOLDS", before):
        names = search_index.name_key_sql(
            "coalesce(s.family_name, '') || ' ' || coalesce(s.given_names, '')"
        )
    sources = tuple(
        dataclasses.replace(source, names=names) if source.kind == "person" else source
        for source in search_index.SOURCES
    )
    with (
        mock.patch("app.domain.names.NAME_FOLDS", before),
        mock.patch("app.database.search_index.SOURCES", sources),
    ):
        made = database_at(empty_target, "0018", more=people)
        assert Desk(made, "admin").people.list({"text": "ostergard"}).records == []
        made.dispose()
    database = open_desk_database(empty_target)
    try:
        admin = Desk(database, "admin")
        for typed, family in (("ostergard", "Østergård"), ("lukasiewicz", "Łukasiewicz")):
            assert [h.title for h in search(admin, typed).hits if h.kind == "person"] != [], typed
            assert [p.family_name for p in admin.people.list({"text": typed}).records] == [family]
        admin.people.create({"family_name": "Sæther", "nation_code": "NOR"})
        assert [p.family_name for p in admin.people.list({"text": "saether"}).records] == ["Sæther"]
    finally:
        database.dispose()


def test_exemptions_arrive_with_0020_and_hold_the_way_down(empty_target) -> None:  # noqa: ANN001
    """Revision 0020 on both engines: records of 0019 keep their date and event and take an
    exemption; going back below 0020 is refused while one carries it, then allowed."""
    import datetime as dt

    from alembic import command

    from app.domain.declassification import years_after

    database_at(empty_target, "0019").dispose()
    database = open_desk_database(empty_target)
    try:
        admin = Desk(database, "admin")
        person = admin.people.list().records[0]
        far = years_after(dt.date.today(), 40)
        exempt = admin.people.update(
            person.id,
            {"declassify_on": far, "declassify_exemption": "25X1"},
            expected_version=person.row_version,
        ).record
        assert (exempt.declassify_on, exempt.declassify_exemption) == (far, "25x1")
        with pytest.raises(RuntimeError, match="carry a declassification exemption"):
            command.downgrade(alembic_config(database.engine), "0019")
        assert current_revision(database.engine) == head_revision()
        admin.people.update(
            person.id,
            {"declassify_on": "", "declassify_exemption": ""},
            expected_version=exempt.row_version,
        )
        command.downgrade(alembic_config(database.engine), "0019")
        assert current_revision(database.engine) == "0019"
    finally:
        database.dispose()
