"""Logins on a database server: every user is a PostgreSQL role and connects as themselves.

Real logins by SCRAM-SHA-256: on the test server when it checks passwords (CI's), else on a
throw-away cluster started for this module (`tests/helpers/scram_server.py`). Each test has
its own database; its users' roles are dropped with it.
"""

from __future__ import annotations

import base64
import zlib
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from app.cli import main
from app.database.engine import Database, DatabaseError, to_url
from app.database.migrate import head_revision
from app.database.server_logins import (
    GUARD_PASSWORD,
    ROLE_MARKER,
    LoginRefused,
    guard_role,
    scram_verifier,
)
from app.domain.models import AuditEvent, User
from app.security.auth import LOGIN_FAILED, LoginFailed
from app.services.desk import Desk
from app.services.errors import NotFound, PermissionDenied, ValidationFailed
from app.services.setup import initialise, log_in
from tests.helpers import PASSWORD, SERVER_URL, scram_server
from tests.helpers.databases import drop_server_database, server_database

pytestmark = pytest.mark.skipif(
    not SERVER_URL,
    reason="login roles and SCRAM-SHA-256 need a database server (set XDESK_TEST_DATABASE_URL)",
)

OTHER = "another long password"


@pytest.fixture(scope="module")
def server() -> Iterator[scram_server.ScramServer]:
    """A server that checks the passwords of user roles."""
    found = scram_server.start()
    if found is None:
        pytest.skip("the test server trusts every login and no PostgreSQL binaries are here")
    yield found
    found.close()


@pytest.fixture
def office(server, request: pytest.FixtureRequest) -> Iterator[tuple[Database, str]]:  # noqa: ANN001
    """A set-up database (owner USA) made by the owner role; its URL without a user, and the
    name its administrator has (roles are the server's: each test names its own)."""
    name = f"xdesk_sl_{zlib.crc32(request.node.nodeid.encode()):08x}"
    url = server_database(name, server.url)
    admin = f"{name}_admin"
    owner_db = initialise(url, "USA", "default", admin, PASSWORD)
    yield owner_db, admin
    owner_db.dispose()
    drop_server_database(name, server.url)


def _target(database: Database) -> str:
    """The database's URL as a workstation names it: no user, no password."""
    return database.url.set(username=None, password=None).render_as_string()


def _login(database: Database, user: str, password: str = PASSWORD) -> Desk:
    logged, _actor = log_in(_target(database), user, password)
    return Desk(logged, user)


def _role(database: Database, name: str) -> dict | None:
    with database.engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT rolcanlogin, rolpassword, rolsuper, rolcreaterole FROM pg_authid "
                "WHERE rolname = :name"
            ),
            {"name": name},
        ).one_or_none()
    return None if row is None else dict(row._mapping)


def _refused(database: Database, user: str, password: str) -> LoginFailed:
    with pytest.raises(LoginFailed) as caught:
        _login(database, user, password)
    return caught.value


def _add(admin: Desk, name: str, role: str = "coordinator", password: str = PASSWORD) -> None:
    admin.users.create(
        {"username": name, "role": role, "clearance": "S", "nation": "GBR", "password": password}
    )


# --- the verifier --------------------------------------------------------------------------------


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(password=st.text(min_size=1, max_size=30).filter(lambda p: "\x00" not in p))
def test_the_verifier_is_what_libpq_computes_for_the_same_salt(server, password: str) -> None:  # noqa: ANN001
    url = to_url(server.url)
    with psycopg.connect(host=url.host, port=url.port, user=url.username, dbname="postgres") as c:
        reference = c.pgconn.encrypt_password(
            password.encode(), b"anyone", b"scram-sha-256"
        ).decode()
    iterations, salt = reference.split("$")[1].split(":")
    assert scram_verifier(password, salt=base64.b64decode(salt), iterations=int(iterations)) == (
        reference
    )


# --- round trips through real logins ------------------------------------------------------------


def test_the_first_administrator_is_a_login_role_and_no_hash_is_stored(office) -> None:  # noqa: ANN001
    database, admin = office
    role = _role(database, admin)
    assert role is not None and role["rolcanlogin"] and not role["rolsuper"]
    assert not role["rolcreaterole"]
    assert role["rolpassword"].startswith("SCRAM-SHA-256$4096:")
    with database.reading() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == admin))
    assert stored == ROLE_MARKER
    desk = _login(database, admin)
    assert desk.db.url.username == admin and desk.db.url.password is None
    with desk.db.engine.connect() as connection:
        assert connection.scalar(text("SELECT session_user")) == admin
    desk.db.dispose()


def test_add_deactivate_reactivate_and_passwords_round_trip(office) -> None:  # noqa: ANN001
    database, admin_name = office
    admin = _login(database, admin_name)
    gb = f"{database.url.database}_gb"
    _add(admin, gb)
    assert _role(database, gb)["rolcanlogin"]
    with database.reading() as session:
        assert session.scalar(select(User.password_hash).where(User.username == gb)) == ROLE_MARKER
    _login(database, gb).db.dispose()

    admin.users.update(gb, {"active": False})
    assert not _role(database, gb)["rolcanlogin"]
    _refused(database, gb, PASSWORD)
    admin.users.update(gb, {"active": True})
    assert _role(database, gb)["rolcanlogin"]

    desk = _login(database, gb)
    desk.users.reset_password(gb, OTHER)  # their own change
    desk.db.dispose()
    _refused(database, gb, PASSWORD)
    _login(database, gb, OTHER).db.dispose()

    admin.users.reset_password(gb, "a reset by the admin")
    _refused(database, gb, OTHER)
    _login(database, gb, "a reset by the admin").db.dispose()
    # the role and clearance stay in the users table; the role is unchanged
    admin.users.update(gb, {"role": "viewer", "clearance": "C"})
    assert _role(database, gb)["rolcanlogin"]
    admin.db.dispose()


def test_connect_as_refuses_without_saying_why(office, monkeypatch) -> None:  # noqa: ANN001
    database, admin_name = office
    admin = _login(database, admin_name)
    gb = f"{database.url.database}_gb"
    _add(admin, gb)
    admin.users.update(gb, {"active": False})
    messages = set()
    for user, password in (
        (admin_name, "not the password"),
        ("nobody_at_all", PASSWORD),
        (gb, PASSWORD),
    ):
        with pytest.raises(LoginRefused) as caught:
            database.connect_as(user, password)
        messages.add(str(caught.value))
        assert user not in str(caught.value) and password not in str(caught.value)
        assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert len(messages) == 1
    for user, password in ((admin_name, "not the password"), ("nobody_at_all", PASSWORD)):
        assert str(_refused(database, user, password)) == LOGIN_FAILED
    # an empty password never reaches libpq (which would read PGPASSWORD or ~/.pgpass instead)
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    assert str(_refused(database, admin_name, "")) == LOGIN_FAILED
    admin.db.dispose()


def test_a_taken_role_name_is_a_username_error(office) -> None:  # noqa: ANN001
    database, admin_name = office
    admin = _login(database, admin_name)
    with pytest.raises(ValidationFailed) as caught:
        _add(admin, "postgres")
    assert "has a role named postgres" in caught.value.errors["username"]
    assert admin.users.get(admin_name).username == admin_name  # nothing half-written
    with pytest.raises(NotFound):
        admin.users.get("postgres")
    admin.db.dispose()


def test_only_administrators_manage_roles_and_only_as_verifiers(office) -> None:  # noqa: ANN001
    database, admin_name = office
    admin = _login(database, admin_name)
    gb = f"{database.url.database}_gb"
    _add(admin, gb)
    coordinator = _login(database, gb)
    with pytest.raises(PermissionDenied):
        _add(coordinator, f"{database.url.database}_x")
    engine = coordinator.db.engine
    for statement in (
        "SELECT xdesk_role_set(:name, :verifier, false)",
        "SELECT xdesk_role_sync(:name)",
        f'ALTER ROLE "{admin_name}" NOLOGIN',
        f'CREATE ROLE "{database.url.database}_rogue" LOGIN',
    ):
        with (
            pytest.raises(DBAPIError, match="administrator|permission denied"),
            engine.begin() as c,
        ):
            c.execute(text(statement), {"name": admin_name, "verifier": scram_verifier("taken!")})
    # an administrator's own role holds no CREATEROLE either: the owner's functions do it, and
    # they take no clear password
    with pytest.raises(DBAPIError, match="SCRAM-SHA-256 verifier"), admin.db.engine.begin() as c:
        c.execute(text(f"SELECT xdesk_role_set('{gb}', 'a clear password', false)"))
    coordinator.db.dispose()
    admin.db.dispose()


def test_the_guard_role_may_only_report_failures(office) -> None:  # noqa: ANN001
    database, _admin = office
    guard = create_engine(
        database.url.set(username=guard_role(database.url.database)),
        connect_args={"password": GUARD_PASSWORD},
    )
    try:
        for statement in (
            "SELECT count(*) FROM users",
            "SELECT count(*) FROM people",
            "SELECT xdesk_role_sync('x')",
            "SELECT xdesk_login_succeeded()",
        ):
            with pytest.raises(DBAPIError, match="permission denied"), guard.begin() as c:
                c.execute(text(statement))
    finally:
        guard.dispose()


# --- lockout -------------------------------------------------------------------------------------


def test_five_failures_lock_the_role_until_an_administrator_unlocks(office) -> None:  # noqa: ANN001
    database, admin_name = office
    admin = _login(database, admin_name)
    gb = f"{database.url.database}_gb"
    _add(admin, gb)
    for _ in range(5):
        _refused(database, gb, "a wrong guess")
    assert not _role(database, gb)["rolcanlogin"]
    assert admin.users.get(gb).locked
    _refused(database, gb, PASSWORD)  # the right password, locked
    with database.reading() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.details).where(AuditEvent.record_ref == gb)
        ).all()
    actions = [a for a, _d in events]
    assert actions.count("login_failure") == 6 and actions.count("lockout") == 1
    assert '"account locked"' in events[-1][1]

    admin.users.unlock(gb)
    assert _role(database, gb)["rolcanlogin"]
    _login(database, gb).db.dispose()
    admin.db.dispose()


def test_a_lock_that_has_run_out_is_lifted_at_the_next_login(office) -> None:  # noqa: ANN001
    database, admin_name = office
    admin = _login(database, admin_name)
    gb = f"{database.url.database}_gb"
    _add(admin, gb)
    for _ in range(5):
        _refused(database, gb, "a wrong guess")
    with database.engine.begin() as connection:  # fifteen minutes later
        connection.execute(
            text("UPDATE users SET locked_until = locked_until - interval '16 minutes' "
                 "WHERE username = :name"),
            {"name": gb},
        )  # fmt: skip
    _login(database, gb).db.dispose()
    assert not admin.users.get(gb).locked
    admin.db.dispose()


def test_a_success_resets_the_failures(office) -> None:  # noqa: ANN001
    database, admin_name = office
    admin = _login(database, admin_name)
    gb = f"{database.url.database}_gb"
    _add(admin, gb)
    for _ in range(4):
        _refused(database, gb, "a wrong guess")
    _login(database, gb).db.dispose()
    for _ in range(4):
        _refused(database, gb, "a wrong guess")
    _login(database, gb).db.dispose()
    assert not admin.users.get(gb).locked
    admin.db.dispose()


# --- the password goes nowhere -------------------------------------------------------------------


def test_the_password_is_in_no_file_log_or_row(office, server, tmp_path: Path) -> None:  # noqa: ANN001
    database, admin_name = office
    admin = _login(database, admin_name)
    secret = "Very Secret Passphrase 42"
    gb = f"{database.url.database}_gb"
    _add(admin, gb, password=secret)
    _login(database, f"  {gb.upper()} ", secret).db.dispose()  # typed as a username may be
    _refused(database, gb, secret + "x")
    _refused(database, secret, secret)  # the password typed into the username field: not sent
    admin.users.reset_password(gb, secret + " two")
    import os

    home = Path(os.environ["XDESK_HOME"])
    for path in [p for p in home.rglob("*") if p.is_file()]:
        assert secret.encode() not in path.read_bytes(), path
    with database.reading() as session:
        details = session.scalars(select(AuditEvent.details)).all()
    assert not any(secret in d for d in details)
    assert secret not in repr(admin.db.engine.url) and secret not in str(admin.db.url)
    if server.log is not None:  # every statement is logged there: only verifiers
        assert secret.encode() not in server.log.read_bytes()
    admin.db.dispose()


def test_a_user_role_cannot_upgrade_an_old_schema(office) -> None:  # noqa: ANN001
    database, admin_name = office
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0006'"))
    with pytest.raises(DatabaseError, match="xdesk upgrade"):
        log_in(_target(database), admin_name, PASSWORD)
    with database.engine.begin() as connection:
        connection.execute(
            text("UPDATE alembic_version SET version_num = :head"), {"head": head_revision()}
        )
    _login(database, admin_name).db.dispose()


# --- the command line ----------------------------------------------------------------------------


def test_the_command_line_connects_as_the_user_who_logs_in(
    server,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
    monkeypatch,  # noqa: ANN001
) -> None:
    name = f"xdesk_sl_{zlib.crc32(request.node.nodeid.encode()):08x}"
    owner_url = server_database(name, server.url)  # postgresql://postgres@host:port/name
    workstation = to_url(owner_url).set(username=None).render_as_string()
    admin, gb = f"{name}_admin", f"{name}_gb"
    secret = "an admin password 7"

    def run(
        *argv: str, user: str | None = admin, password: str = secret, new: str = "gb's first pw 1"
    ) -> tuple[int, str]:
        monkeypatch.setenv("XDESK_PASSWORD", password)
        monkeypatch.setenv("XDESK_NEW_PASSWORD", new)
        if user:
            monkeypatch.setenv("XDESK_USER", user)
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
        assert secret not in out + err and new not in out + err
        return code, out + err

    try:
        code, out = run(
            "init", "--db", owner_url, "--owner-nation", "USA", "--admin", admin, user=None
        )
        assert code == 0, out
        monkeypatch.setenv("XDESK_DB", workstation)
        code, out = run(
            "user", "add", gb, "--role", "coordinator", "--clearance", "S", "--nation", "GBR"
        )
        assert code == 0, out
        code, out = run("user", "list", user=gb, password="gb's first pw 1")
        assert code != 0 and "only an administrator" in out  # logged in as gb, refused
        assert run("user", "deactivate", gb)[0] == 0
        code, out = run("user", "list", user=gb, password="gb's first pw 1")
        assert code == 1 and LOGIN_FAILED in out
        assert run("user", "reactivate", gb)[0] == 0
        for _ in range(5):
            assert run("user", "list", user=gb, password="a wrong guess")[0] == 1
        code, out = run("user", "list", user=gb, password="gb's first pw 1")
        assert code == 1 and LOGIN_FAILED in out
        code, out = run("user", "list")
        assert code == 0 and "locked" in out
        assert run("user", "unlock", gb)[0] == 0
        assert run("user", "password", gb, "--no-change", new="gb's second password")[0] == 0
        assert run("user", "list", user=gb, password="gb's first pw 1")[0] == 1
        code, out = run("user", "list", user=gb, password="gb's second password")
        assert "only an administrator" in out
    finally:
        drop_server_database(name, server.url)


# --- the window's login --------------------------------------------------------------------------


def test_the_login_dialog_connects_to_a_server_as_the_user(qtbot, office) -> None:  # noqa: ANN001
    from app.ui.login import LoginDialog

    database, admin_name = office
    target = _target(database)
    dialog = LoginDialog(None, target, target=target)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)

    def attempt(password: str) -> None:
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, password)
        ok.click()
        qtbot.waitUntil(lambda: not dialog.operations.is_busy(), timeout=20_000)

    qtbot.keyClicks(dialog.username, admin_name)
    attempt("not the password")
    assert dialog.desk is None and dialog.message.text() == LOGIN_FAILED
    assert "not the password" not in dialog.windowTitle() + dialog.message.text()
    attempt(PASSWORD)
    assert dialog.desk is not None and dialog.desk.username == admin_name
    assert dialog.desk.db.url.username == admin_name  # connected as the user's own role
    assert PASSWORD not in dialog.desk.db.url.render_as_string(hide_password=False)
    dialog.desk.db.dispose()


def test_init_connects_as_the_owner_role_which_needs_createrole(
    server,
    request: pytest.FixtureRequest,
    monkeypatch,  # noqa: ANN001
) -> None:
    """IT's owner role (no superuser; its password from PGPASSWORD) creates the database's
    roles; one without CREATEROLE is told so before anything is written."""
    name = f"xdesk_sl_{zlib.crc32(request.node.nodeid.encode()):08x}"
    owner, plain = f"{name}_owner", f"{name}_plain"
    superuser = create_engine(to_url(server.url), isolation_level="AUTOCOMMIT")
    try:
        with superuser.connect() as c:
            for role, extra in ((owner, "CREATEROLE"), (plain, "")):
                c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
                c.execute(text(f"CREATE ROLE \"{role}\" LOGIN {extra} PASSWORD 'it owner pw 1'"))
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            c.execute(text(f'CREATE DATABASE "{name}" OWNER "{plain}"'))
        monkeypatch.setenv("PGPASSWORD", "it owner pw 1")
        base = to_url(server.url).set(database=name)
        with pytest.raises(DatabaseError, match="needs CREATEROLE"):
            initialise(base.set(username=plain).render_as_string(), "USA", "default", "a", PASSWORD)
        with superuser.connect() as c:
            c.execute(text(f'ALTER DATABASE "{name}" OWNER TO "{owner}"'))
        admin = f"{name}_admin"
        database = initialise(
            base.set(username=owner).render_as_string(), "USA", "default", admin, PASSWORD
        )
        monkeypatch.delenv("PGPASSWORD")
        desk = _login(database, admin)
        _add(desk, f"{name}_gb")
        _login(database, f"{name}_gb").db.dispose()
        desk.db.dispose()
        database.dispose()
    finally:
        drop_server_database(name, server.url)
        with superuser.connect() as c:
            for role in (owner, plain):
                c.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        superuser.dispose()
