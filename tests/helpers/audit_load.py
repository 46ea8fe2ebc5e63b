"""Writers for the audit concurrency tests: each runs in its own process with its own engine."""

from __future__ import annotations

from typing import Any

from app.database import at_rest
from app.database.engine import Database, make_engine, sqlite_path, to_url
from app.services.desk import Desk
from tests.helpers.files import file_key  # noqa: E402


def open_own(url: str) -> Database:
    """The database at ``url`` through a new engine of this process (nothing shared)."""
    url_ = to_url(url)
    path = sqlite_path(url_)
    key = file_key(path) if path is not None and at_rest.is_encrypted(path) else None
    database = Database(url_, make_engine(url_, key=key), key=key)
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
