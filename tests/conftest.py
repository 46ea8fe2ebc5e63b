"""Shared fixtures: a fresh database per test, seeded through the services.

Plain helpers (the test password, user factory, server databases) live in ``tests/helpers``.
No fixture here starts Qt: only ``tests/ui`` gets a ``QApplication`` for every test; a test
outside it that renders a report asks for pytest-qt's ``qapp`` itself.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from argon2 import PasswordHasher  # noqa: E402

import app.security.passwords as passwords  # noqa: E402
from app.database import at_rest  # noqa: E402
from app.database.engine import Database  # noqa: E402
from app.services.desk import Desk  # noqa: E402
from app.services.setup import initialise  # noqa: E402
from tests.helpers import (  # noqa: E402
    PASSWORD,
    SERVER_URL,
    create_user,
    desk_for,
    drop_server_database,
    new_test_database,
    server_database_name,
)
from tests.helpers.roles import close_role_databases  # noqa: E402

# Tests hash many passwords: a cheaper Argon2id profile keeps the suite fast (production keeps
# argon2-cffi's defaults; a test in test_security checks those meet OWASP's minimum).
passwords._HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
at_rest.KDF = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}  # the keys files' alike
at_rest._DUMMY_SLOT.update(at_rest.KDF)


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep user data, config and settings of every test in a temporary folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDESK_HOME", str(home))
    monkeypatch.delenv("XDESK_DB", raising=False)
    monkeypatch.delenv("XDESK_PASSWORD", raising=False)


def _qt_application() -> object | None:
    """The running Qt application, if Qt was loaded at all (pytest-qt loads it; we do not)."""
    if "PySide6.QtWidgets" not in sys.modules:
        return None
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    """Report the test that starts a Qt application other than a widgets ``QApplication``.

    The report renderer creates a bare ``QGuiApplication`` when none exists (the CLI needs
    that); in the suite it would make every later widget test abort, so a test that renders
    asks for pytest-qt's ``qapp`` first.
    """
    before = _qt_application()
    result = yield
    app = _qt_application()
    if before is None and app is not None:
        from PySide6.QtWidgets import QApplication

        if not isinstance(app, QApplication):
            pytest.exit(
                f"{item.nodeid} created a {type(app).__name__}: a test that renders with Qt "
                "must request the qapp fixture",
                returncode=3,
            )
    return result


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a database server, SQLite-file tests do not apply: they are deselected, not skipped.

    Every ``sqlite_only`` mark says why (``reason=``), so none hides a server failure.
    """
    unexplained = sorted(
        {
            item.nodeid.split("::")[0]
            for item in items
            for mark in item.iter_markers("sqlite_only")
            if not mark.kwargs.get("reason")
        }
    )
    if unexplained:
        raise pytest.UsageError("sqlite_only needs reason=...: " + ", ".join(unexplained))
    if SERVER_URL:
        kept = [item for item in items if item.get_closest_marker("sqlite_only") is None]
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept


def _wait_for_connections(db: Database, seconds: float = 15.0) -> None:
    """Let the threads still reading when a test ends (a window's worker call, a list fetch,
    a panel reading itself again after the last save) return their connections before the
    database is disposed: a connection checked out across ``dispose`` is never closed (psycopg
    warns when it is freed, in whichever test runs then)."""
    checked_out = getattr(db.engine.pool, "checkedout", None)
    if checked_out is None:
        return
    deadline = time.monotonic() + seconds
    while checked_out() > 0 and time.monotonic() < deadline:
        time.sleep(0.01)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's database file lives."""
    return tmp_path / "desk.sqlite"


@pytest.fixture
def database(db_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A new USA-owned database (default scheme) with administrator ``admin``.

    A SQLite file by default; a fresh database on a server when XDESK_TEST_DATABASE_URL is set
    (dropped again after the test).
    """
    db = initialise(
        new_test_database(request.node.nodeid, db_path), "USA", "default", "admin", PASSWORD
    )
    yield db
    _wait_for_connections(db)
    close_role_databases()
    db.dispose()
    if SERVER_URL:
        drop_server_database(server_database_name(request.node.nodeid))


@pytest.fixture
def admin(database: Database) -> Desk:
    """The administrator's desk (TOP SECRET, USA); with ``XDESK_TEST_AS_ROLES=1`` on a server
    it connects as the role ``admin`` (`tests.helpers.roles`)."""
    return desk_for(database, "admin")


@pytest.fixture
def make_user(admin: Desk) -> Callable[..., Desk]:
    """Create a user and return their desk: ``make_user("gbr", role="viewer", clearance="S",
    nation="GBR")``."""

    def make(
        username: str,
        role: str = "coordinator",
        clearance: str = "S",
        nation: str = "USA",
        groups: tuple[str, ...] = (),
    ) -> Desk:
        return create_user(admin, username, role, clearance, nation, groups)

    return make
