"""Writers for the audit concurrency tests: each runs in its own process with its own engine."""

from __future__ import annotations

from typing import Any

from app.database.engine import Database, make_engine, to_url
from app.services.desk import Desk


def open_own(url: str) -> Database:
    """The database at ``url`` through a new engine of this process (nothing shared)."""
    database = Database(to_url(url), make_engine(to_url(url)))
    database.load_facts()
    return database


def write_people(url: str, writer: int, people: int, edits: int, start: Any) -> None:
    """Create ``people`` people and save each ``edits`` times as the administrator, once
    ``start`` (a multiprocessing Event) is set."""
    database = open_own(url)
    try:
        admin = Desk(database, "admin")
        start.wait(60)
        for n in range(people):
            person = admin.people.create(
                {"family_name": f"Writer{writer}-{n}", "nation_code": "USA"}
            ).record
            version = person.row_version
            for edit in range(edits):
                version = admin.people.update(
                    person.id, {"rank": f"R{edit}"}, expected_version=version
                ).record.row_version
    finally:
        database.dispose()
