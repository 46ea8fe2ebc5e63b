"""Databases at a released schema revision, for the upgrade tests (``tests/data/schema-*.sqlite``).

A released revision's migration never changes, so a database at revision R is made by running
the migrations up to R only, then setting up the office and writing a few records through the
services (every table they write exists since 0001; later revisions add indexes, triggers and
the search tables). Build a file for ``tests/data`` with::

    PYTHONPATH=. python -m tests.helpers.revisions 0004 tests/data/schema-0004.sqlite

Every file holds the same office: owner USA, administrator ``admin`` and coordinator ``gb``
(both with `PASSWORD`), and the people in `PEOPLE`.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import app.database.opening as opening
from app.database.engine import Database
from app.database.migrate import upgrade
from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.services.setup import initialise
from tests.helpers.accounts import PASSWORD

# family name, given names, nation, label: one of each kind of caveat
PEOPLE = [
    ("Müller", "Hans", "DEU", Label(0)),
    ("Núñez", "Ana", "ESP", Label(2, Release.REL, frozenset({"NATO"}))),
    ("Tanaka", "Hiroshi", "JPN", Label(3, Release.NOFORN)),
]


def _tables(migration: str) -> tuple[str, ...]:
    return importlib.import_module(f"migrations.versions.{migration}").TABLES


# columns later revisions added to the tables of 0001 (revision, table, column, type): the
# services of today write them, so they are added for the writing and dropped again after
LATER_COLUMNS = [
    *(("0013", table, "declassify_on", "DATE") for table in _tables("0013_declassify_on")),
    ("0014", "reference_counters", "secret", "VARCHAR(32)"),
    *(("0017", t, "declassify_event", "VARCHAR(200)") for t in _tables("0017_declassify_event")),
    *(
        ("0020", t, "declassify_exemption", "VARCHAR(16)")
        for t in _tables("0020_declassify_exemption")
    ),
]


def _later_columns(database: Database, revision: str, add: bool) -> None:
    with database.engine.begin() as connection:
        for since, table, column, kind in LATER_COLUMNS:
            if revision < since:
                connection.exec_driver_sql(
                    f"ALTER TABLE {table} ADD COLUMN {column} {kind}"
                    if add
                    else f"ALTER TABLE {table} DROP COLUMN {column}"
                )


def database_at(
    target: str | Path, revision: str, more: Callable[[Database], None] | None = None
) -> Database:
    """Create the office's database at schema ``revision`` (a new file or empty server
    database); ``more`` writes more records through today's services before the columns of
    later revisions are dropped again (after that, the services cannot write there)."""
    with (
        mock.patch.object(opening, "head_revision", lambda: revision),
        mock.patch.object(opening, "upgrade", lambda engine: upgrade(engine, revision)),
    ):
        database = initialise(target, "USA", "default", "admin", PASSWORD, encrypt=False)
    try:
        _later_columns(database, revision, add=True)
        admin = Desk(database, "admin")
        admin.users.create(
            {
                "username": "gb",
                "role": "coordinator",
                "clearance": "S",
                "nation": "GBR",
                "password": PASSWORD,
            }
        )
        for family, given, nation, label in PEOPLE:
            admin.people.create(
                {"family_name": family, "given_names": given, "nation_code": nation}, label=label
            )
        if more is not None:
            more(database)
        _later_columns(database, revision, add=False)
    except Exception:
        database.dispose()
        raise
    return database


def main(argv: list[str]) -> int:
    """``python -m tests.helpers.revisions REVISION FILE``: write a schema file for tests/data."""
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    revision, target = argv
    if Path(target).exists():
        print(f"{target} exists; a released file is never rebuilt", file=sys.stderr)
        return 1
    database = database_at(target, revision)
    with database.engine.connect() as connection:  # one self-contained file, no WAL beside it
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
