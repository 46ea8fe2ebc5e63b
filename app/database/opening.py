"""Opening a database: refuse damaged files, copy aside, upgrade to the newest schema."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import inspect

from app.database.backup import backup_sqlite
from app.database.engine import (
    Database,
    DatabaseError,
    check_sqlite_file,
    make_engine,
    sqlite_path,
    to_url,
)
from app.database.migrate import alembic_config, current_revision, head_revision, upgrade
from app.paths import private_file


@dataclass(frozen=True)
class Upgrade:
    """What opening did to the schema: from which revision to which, and the copy made first."""

    from_revision: str | None
    to_revision: str
    copy: Path | None


def open_database(target: str | Path, *, create: bool = False) -> tuple[Database, Upgrade | None]:
    """Open (or with ``create``, create) the database at a path or URL, upgraded to head.

    An existing database below head is copied next to itself before it is upgraded. A file that
    is not a SQLite database, a database of some other program, or one made by a newer
    Exchange Desk is refused and left untouched.
    """
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None:
        if not path.exists():
            if not create:
                raise DatabaseError(f"no database at {path}; create one with 'xdesk init'")
            path.parent.mkdir(parents=True, exist_ok=True)
            private_file(path)  # SQLite gives its -wal and -shm files the database's mode
        check_sqlite_file(path)
    engine = make_engine(url)
    try:
        revision = current_revision(engine)
        head = head_revision()
        report = None
        if revision is None:
            tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
            if tables:
                raise DatabaseError(
                    f"{url.render_as_string()} holds tables of another program; refusing to use it"
                )
            if not create:
                raise DatabaseError("the database is empty; create one with 'xdesk init'")
            upgrade(engine)
            report = Upgrade(None, head, None)
        elif revision != head:
            _require_known(revision)
            copy = None
            if path is not None:
                stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                copy = path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}")
                backup_sqlite(engine, copy)
            upgrade(engine)
            report = Upgrade(revision, head, copy)
    except Exception:
        engine.dispose()
        raise
    database = Database(url=url, engine=engine)
    database.load_facts()
    return database, report


def _require_known(revision: str) -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    try:
        scripts.get_revision(revision)
    except CommandError as error:
        raise DatabaseError(
            f"the database is at schema {revision}, made by a newer Exchange Desk; update the "
            "application"
        ) from error
