"""Connecting: which driver a URL gets, and a password in a URL never shown or stored."""

from __future__ import annotations

from pathlib import Path

from app.database.engine import display_url, to_url


def test_plain_postgresql_url_uses_psycopg_3() -> None:
    assert to_url("postgresql://alice@db.example/desk").drivername == "postgresql+psycopg"
    assert to_url("postgres://alice@db.example/desk").drivername == "postgresql+psycopg"


def test_an_explicit_driver_is_kept() -> None:
    url = to_url("postgresql+psycopg2://alice@db.example/desk")
    assert url.drivername == "postgresql+psycopg2"
    assert to_url(url).drivername == "postgresql+psycopg2"


def test_psycopg_3_is_installed_with_the_application() -> None:
    import psycopg

    assert int(psycopg.__version__.split(".")[0]) == 3


def test_a_file_path_becomes_a_sqlite_url(tmp_path: Path) -> None:
    url = to_url(tmp_path / "desk.sqlite")
    assert url.drivername == "sqlite"
    assert url.database == str((tmp_path / "desk.sqlite").resolve())


def test_display_url_drops_the_password() -> None:
    shown = display_url("postgresql://alice:s3cret%21@db.example:5433/desk?sslmode=verify-full")
    assert "s3cret" not in shown
    assert "***" not in shown
    assert shown == "postgresql://alice@db.example:5433/desk?sslmode=verify-full"
    assert "s3cret" not in display_url(to_url("postgresql://alice:s3cret@db.example/desk"))


def test_display_url_of_a_file_is_its_path(tmp_path: Path) -> None:
    assert display_url(tmp_path / "desk.sqlite") == str(tmp_path / "desk.sqlite")
    assert display_url(str(tmp_path / "a.sqlite")) == str(tmp_path / "a.sqlite")
    assert display_url(f"sqlite:///{tmp_path}/b.sqlite") == f"{tmp_path}/b.sqlite"


def test_display_url_of_an_unreadable_url_shows_nothing_of_it() -> None:
    shown = display_url("postgresql://alice:s3cret@db.example:notaport/desk")
    assert "s3cret" not in shown
