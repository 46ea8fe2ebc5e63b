"""Alembic, driven from code: which revision a database is at, and upgrading it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine

# tables that live outside the ORM metadata on purpose: SQLite FTS5 and its shadow tables, the
# server's own tables that no application model reads (the audit key, revision 0006; the search
# documents, revision 0007)
OUTSIDE_METADATA_PREFIXES = ("search_index", "search_documents", "sqlite_", "xdesk_")


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    """Alembic filter: leave tables made by hand (FTS5) out of autogenerate comparisons."""
    return not (
        type_ == "table"
        and reflected
        and compare_to is None
        and str(name).startswith(OUTSIDE_METADATA_PREFIXES)
    )


def migrations_dir() -> Path:
    """The ``migrations/`` folder (top level of the source tree, installed as a package)."""
    spec = importlib.util.find_spec("migrations")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the migrations package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config pointing at our scripts; with an engine, migrations run on it."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        config.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The newest revision in the scripts."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def known_revision(revision: str) -> bool:
    """True when ``revision`` is one of our scripts' (False: made by a newer Exchange Desk)."""
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    """The revision a database is at, or None for a database Alembic never touched."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to ``revision``."""
    command.upgrade(alembic_config(engine), revision)
