"""Alembic owns the schema: upgrades from empty and from every released revision; models agree."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.database.engine import DatabaseError, make_engine, to_url
from app.database.migrate import current_revision, head_revision, include_object, upgrade
from app.domain.models import Base
from app.services.desk import Desk
from app.services.setup import open_desk_database

pytestmark = pytest.mark.sqlite_only(reason="these tests are about SQLite files")
DATA = Path(__file__).parent / "data"


def test_upgrade_from_empty_reaches_head(tmp_path: Path) -> None:
    engine = make_engine(to_url(tmp_path / "empty.sqlite"))
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    engine = make_engine(to_url(tmp_path / "fresh.sqlite"))
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_sqlite_connections_are_configured(database) -> None:
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


@pytest.mark.parametrize("released", sorted(DATA.glob("schema-*.sqlite")), ids=lambda p: p.stem)
def test_every_released_schema_upgrades_with_a_copy_first(released: Path, tmp_path: Path) -> None:
    target = tmp_path / "office.sqlite"
    shutil.copyfile(released, target)
    before = (
        sqlite3.connect(target).execute("SELECT version_num FROM alembic_version").fetchone()[0]
    )
    database = open_desk_database(target)
    try:
        copies = list(tmp_path.glob("office.before-*.sqlite"))
        if before == head_revision():
            assert copies == []
        else:
            assert len(copies) == 1
            copied = (
                sqlite3.connect(copies[0])
                .execute("SELECT version_num FROM alembic_version")
                .fetchone()[0]
            )
            assert copied == before
            assert (
                Desk(database, "admin").audit.list(limit=1, action="migration")[0].details["from"]
                == before
            )
        assert current_revision(database.engine) == head_revision()
        names = [p.family_name for p in Desk(database, "admin").people.list().records]
        assert names == ["Müller", "Núñez", "Tanaka"]
    finally:
        database.dispose()


def test_damaged_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    target = tmp_path / "damaged.sqlite"
    target.write_bytes(b"\x00garbage" * 512)
    before = target.read_bytes()
    with pytest.raises(DatabaseError, match="not an Exchange Desk database"):
        open_desk_database(target)
    assert target.read_bytes() == before


def test_truncated_sqlite_file_is_refused(tmp_path: Path, db_path: Path, database) -> None:
    database.dispose()
    broken = tmp_path / "broken.sqlite"
    data = db_path.read_bytes()
    broken.write_bytes(data[:100] + b"\xff" * 400 + data[500:4096])
    with pytest.raises(DatabaseError):
        open_desk_database(broken)


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "other.sqlite"
    connection = sqlite3.connect(target)
    connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseError, match="another program"):
        open_desk_database(target)


def test_missing_database_is_not_created_by_opening(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="xdesk init"):
        open_desk_database(tmp_path / "absent.sqlite")
    assert not (tmp_path / "absent.sqlite").exists()
