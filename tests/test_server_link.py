"""Server URLs as the connect dialog makes them: every part quoted, never a password, the CA
file only for the modes that verify; read back into their parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.database.engine import display_url, to_url
from app.database.server_link import SSL_MODES, server_parts, server_url

names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
).filter(lambda t: t.strip() == t)


def test_the_url_names_host_port_database_user_and_mode() -> None:
    assert (
        server_url("db.office.example", 5432, "exchange_desk", "gb", "verify-full", "/etc/ca.pem")
        == "postgresql://gb@db.office.example:5432/exchange_desk"
        "?sslmode=verify-full&sslrootcert=/etc/ca.pem"
    )
    assert server_url("::1", 5433, "x", "gb", "require", "/etc/ca.pem") == (
        "postgresql://gb@[::1]:5433/x?sslmode=require"  # no CA file for a mode that ignores it
    )
    with pytest.raises(ValueError):
        server_url("h", 1, "d", "u", "allow-anything")


@given(
    user=names,
    database=names,
    mode=st.sampled_from(SSL_MODES),
    ca=st.sampled_from(["", "/etc/office ca.pem", "/tmp/x#y.pem"]),
)
def test_any_user_and_database_name_round_trip_and_no_password_appears(
    user: str, database: str, mode: str, ca: str
) -> None:
    """A user name with ':' or '@' stays a user name (never read as a password)."""
    url = server_url("db.office.example", 6432, database, user, mode, ca)
    parsed = to_url(url)
    assert parsed.password is None and parsed.username == user and parsed.database == database
    assert display_url(url) == parsed.set(drivername="postgresql").render_as_string(
        hide_password=True
    )
    parts = server_parts(url)
    assert parts is not None
    assert (parts.host, parts.port, parts.database, parts.user, parts.sslmode) == (
        "db.office.example",
        6432,
        database,
        user,
        mode,
    )
    assert parts.sslrootcert == (ca if mode.startswith("verify") else "")


def test_parts_of_what_is_not_a_server() -> None:
    assert server_parts("/home/gb/desk.sqlite") is None
    assert server_parts("sqlite:///desk.sqlite") is None
    assert server_parts("postgresql://gb:secret@h/db").user == "gb"  # the password is dropped
    assert server_parts("postgresql://gb@h/db").sslmode == "prefer"  # libpq's default
