"""Passwords and usernames (NIST SP 800-63B): long and not guessable, usernames one per person
whatever the case, a failed login keeps no typed secret, a reset password is changed first."""

from __future__ import annotations

import pytest

from app.database.engine import Database
from app.security.auth import NOT_A_USERNAME, LoginFailed, authenticate
from app.security.passwords import password_problem
from app.services.desk import Desk
from app.services.errors import ValidationFailed
from tests.helpers import PASSWORD


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("short", "at least 10"),
        ("aaaaaaaaaa", "too easy to guess"),
        ("password12", "too easy to guess"),
        ("qwertyuiop", "too easy to guess"),
        ("1234567890", "too easy to guess"),
        ("exchangedesk1", "too easy to guess"),
        ("Coord_US2026", "username"),
        (" padded passphrase here", "spaces"),
        ("x" * 257, "at most 256"),
    ],
)
def test_weak_passwords_are_refused_saying_why(password: str, why: str) -> None:
    problem = password_problem(password, ("coord_us", "Carla Ruiz"))
    assert problem and why in problem


@pytest.mark.parametrize(
    "password", [PASSWORD, "a river of quiet stones", "Tr0ub4dor&3x-Lima", "temporary password 1"]
)
def test_passphrases_pass(password: str) -> None:
    assert password_problem(password, ("coord_us", "Carla Ruiz")) is None


def _add(admin: Desk, username: str, password: str = PASSWORD) -> None:
    admin.users.create(
        {
            "username": username,
            "role": "coordinator",
            "clearance": "S",
            "nation": "USA",
            "password": password,
        }
    )


def test_a_weak_password_is_refused_when_a_user_is_added_or_reset(admin: Desk) -> None:
    with pytest.raises(ValidationFailed) as refused:
        _add(admin, "weak", "password12")
    assert "too easy to guess" in refused.value.errors["password"]
    _add(admin, "strong")
    with pytest.raises(ValidationFailed) as refused:
        admin.users.reset_password("strong", "strong2026!")
    assert "username" in refused.value.errors["password"]


def test_usernames_are_one_whatever_the_case_and_bounded(admin: Desk) -> None:
    _add(admin, "Coord_US")
    assert admin.users.get("coord_us").username == "coord_us"
    with pytest.raises(ValidationFailed) as refused:
        _add(admin, "coord_us")
    assert "taken" in refused.value.errors["username"]
    for bad in ("x" * 65, "has space", "bell\x07", "-dash-first", ""):
        with pytest.raises(ValidationFailed) as refused:
            _add(admin, bad)
        assert "username" in refused.value.errors


def test_a_login_is_one_user_whatever_the_case(database: Database, admin: Desk) -> None:
    _add(admin, "casey")
    assert authenticate(database, "CASEY", PASSWORD).username == "casey"
    [event] = admin.audit.list(action="login", limit=1)
    assert event.username == "casey"


def test_a_failed_login_never_stores_what_was_typed_when_it_is_no_username(
    database: Database, admin: Desk
) -> None:
    typed = "my secret passphrase typed in the wrong field " * 2000  # 94,000 characters
    with pytest.raises(LoginFailed):
        authenticate(database, typed, "anything")
    with pytest.raises(LoginFailed):
        authenticate(database, "nobody", "anything")
    events = admin.audit.list(action="login_failure", limit=2)
    # on a server the guard role reports a refused login, the name tried is the event's ref
    names = [e.username if database.is_sqlite else e.record_ref for e in events]
    assert names == ["nobody", NOT_A_USERNAME]
    assert all("secret" not in str(e.details) for e in events)
