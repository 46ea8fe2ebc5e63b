"""Shared fixtures: a fresh database per test, seeded through the services."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402

import app.security.passwords as passwords  # noqa: E402
from app.database.engine import Database  # noqa: E402
from app.services.desk import Desk  # noqa: E402
from app.services.setup import initialise  # noqa: E402

PASSWORD = "correct horse battery"

# Tests hash many passwords: a cheaper Argon2id profile keeps the suite fast (production keeps
# argon2-cffi's defaults; a test in test_security checks those meet OWASP's minimum).
passwords._HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep user data, config and settings of every test in a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDESK_HOME", str(home))
    monkeypatch.delenv("XDESK_DB", raising=False)
    monkeypatch.delenv("XDESK_PASSWORD", raising=False)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's database file lives."""
    return tmp_path / "desk.sqlite"


SERVER_URL = os.environ.get(
    "XDESK_TEST_DATABASE_URL", ""
)  # e.g. postgresql+psycopg2://user@host/postgres


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: needs the embedded SQLite file (tampering, backup, pragmas)"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a database server, SQLite-file tests do not apply: they are deselected, not skipped."""
    if SERVER_URL:
        kept = [item for item in items if item.get_closest_marker("sqlite_only") is None]
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept


def _server_database(name: str) -> str:
    """Create an empty database on the test server; its URL."""
    from sqlalchemy import create_engine, text

    engine = create_engine(SERVER_URL, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return SERVER_URL.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def database(db_path: Path, request: pytest.FixtureRequest) -> Database:
    """A new USA-owned database (default scheme) with administrator ``admin``.

    A SQLite file by default; a fresh database on a server when XDESK_TEST_DATABASE_URL is set.
    """
    target = (
        _server_database(f"xdesk_{abs(hash(request.node.nodeid)) % 10**12}")
        if SERVER_URL
        else db_path
    )
    db = initialise(target, "USA", "default", "admin", PASSWORD)
    yield db
    db.dispose()


@pytest.fixture
def admin(database: Database) -> Desk:
    """The administrator's desk (TOP SECRET, USA)."""
    return Desk(database, "admin")


@pytest.fixture
def make_user(admin: Desk) -> Callable[..., Desk]:
    """Create a user and return their desk: ``make_user("gbr", role="viewer", clearance="S", nation="GBR")``."""

    def make(
        username: str,
        role: str = "coordinator",
        clearance: str = "S",
        nation: str = "USA",
        groups: tuple[str, ...] = (),
    ) -> Desk:
        for group in groups:
            if group not in admin.users.ntk_groups():
                admin.users.create_ntk_group(group)
        admin.users.create(
            {
                "username": username,
                "role": role,
                "clearance": clearance,
                "nation": nation,
                "groups": list(groups),
                "password": PASSWORD,
            }
        )
        return Desk(admin.db, username)

    return make


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp):  # noqa: ANN001, ANN202
    """Create the widgets QApplication first: the reports would otherwise create a plain
    QGuiApplication, and a later widget test would abort on it."""
    return qapp
