""" "Connect to a server…" and "Open a database file…" from a logged-in window, and the
first-run dialog's server tab: the fields make a URL without a password, the database opens
through the normal login dialog, the recent list and the window title never hold the password,
and the status bar says whether the link to a server is encrypted and its certificate verified
(a TLS cluster of its own, its CA made with ``cryptography``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from app.database.server_link import link_of
from app.services.desk import Desk
from app.services.setup import initialise, open_desk_database
from app.ui.first_run import FirstRunDialog
from app.ui.main_window import MainWindow
from app.ui.settings import app_settings, recent_databases
from tests.helpers import PASSWORD, SERVER_URL, tls_server
from tests.helpers.gui import click, open_window, settle_window, wait_until

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows closing with edits close without asking."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )


def type_over(qtbot: Any, widget: Any, text: str) -> None:
    """Select everything in a line edit (or a spin box) and type ``text`` over it."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def settings_text() -> str:
    """Everything the settings file holds."""
    settings = app_settings()
    settings.sync()
    return Path(settings.fileName()).read_text(encoding="utf-8")


def log_in(qtbot: Any, window: MainWindow, username: str) -> MainWindow:
    """Type a username and the password into the login dialog the window opened and wait for
    the window that replaces it."""
    wait_until(qtbot, lambda: window.commands.login_dialog is not None)
    login = window.commands.login_dialog
    wait_until(qtbot, login.isVisible)
    type_over(qtbot, login.username, username)
    qtbot.keyClicks(login.password, PASSWORD)
    click(qtbot, login.buttons.button(login.buttons.StandardButton.Ok))
    wait_until(qtbot, lambda: window.commands.successor is not None)
    successor = window.commands.successor
    qtbot.addWidget(successor)
    wait_until(qtbot, lambda: not window.isVisible())
    return successor


def test_the_connect_dialog_makes_a_url_without_a_password(
    qtbot: Any, admin: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File → Connect to a server…: missing fields are named beside them; the CA file is asked
    only for the modes that verify; Connect hands the URL on to be opened."""
    opened: list[str] = []
    monkeypatch.setattr("app.ui.actions.open_elsewhere", lambda _w, target: opened.append(target))
    window = open_window(qtbot, admin)
    assert window.commands.connect_action in window.menuBar().actions()[0].menu().actions()
    window.commands.connect_action.trigger()
    dialog = window.commands.connect_dialog
    wait_until(qtbot, dialog.isVisible)
    form = dialog.form
    if admin.db.is_sqlite:  # nothing to fill in from: the default is the strictest mode
        assert form.sslmode() == "verify-full" and form.ca_file.isEnabled()
        assert form.host.text() == ""
    else:  # on a server, the form starts from the server's own URL (no sslmode: prefer)
        assert form.host.text() == admin.db.url.host and form.sslmode() == "prefer"
        assert not form.ca_file.isEnabled()
        type_over(qtbot, form.host, "")
        type_over(qtbot, form.user, "")
    for line in dialog.findChildren(QLineEdit):
        assert line.echoMode() == QLineEdit.EchoMode.Normal  # nothing asks a password here
    click(qtbot, dialog.connect_button)
    assert dialog.isVisible() and not opened
    assert "server" in form.errors["host"].text() and form.errors["user"].isVisible()

    ca = tmp_path / "office-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    type_over(qtbot, form.host, "db.office.example")
    type_over(qtbot, form.port, "6432")
    type_over(qtbot, form.database, "exchange_desk")
    type_over(qtbot, form.user, "gb")
    form.mode.setCurrentIndex(form.mode.findData("require"))
    assert not form.ca_file.isEnabled() and "not checked" in form.mode_words.text()
    form.mode.setCurrentIndex(form.mode.findData("verify-full"))
    type_over(qtbot, form.ca_file, str(tmp_path / "missing.pem"))
    click(qtbot, dialog.connect_button)
    assert "no file" in form.errors["ca_file"].text() and not opened
    type_over(qtbot, form.ca_file, str(ca))
    click(qtbot, dialog.connect_button)
    wait_until(qtbot, lambda: bool(opened))
    assert opened == [
        f"postgresql://gb@db.office.example:6432/exchange_desk?sslmode=verify-full&sslrootcert={ca}"
    ]
    assert not form.errors["host"].isVisible()


def test_the_first_run_server_tab_fills_in_the_recent_server(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first-run dialog's server tab is the same form, filled in from the recent server."""
    recent = "postgresql://gb@db.office.example:5432/exchange_desk?sslmode=require"
    dialog = FirstRunDialog(str(tmp_path / "desk.sqlite"), [str(tmp_path / "a.sqlite"), recent])
    qtbot.addWidget(dialog)
    dialog.show()
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert dialog.tabs.currentIndex() == 2 and dialog.tabs.tabText(2) == "Connect to a server"
    opened: list[str] = []
    monkeypatch.setattr(dialog, "_open", opened.append)
    form = dialog.server
    assert (form.host.text(), form.user.text(), form.sslmode()) == (
        "db.office.example",
        "gb",
        "require",
    )
    type_over(qtbot, form.database, "")
    click(qtbot, dialog.server_button)
    assert not opened and form.errors["database"].isVisible()
    type_over(qtbot, form.database, "desk2")
    click(qtbot, dialog.server_button)
    assert opened == ["postgresql://gb@db.office.example:5432/desk2?sslmode=require"]


def test_open_a_database_file_logs_in_and_replaces_the_window(
    qtbot: Any, admin: Desk, tmp_path: Path
) -> None:
    """File → Open a database file…: the login dialog asks for that database; once logged in
    a window on it replaces this one, and the file is first in the recent list."""
    other = tmp_path / "other.sqlite"
    initialise(other, "GBR", "default", "admin", PASSWORD).dispose()
    window = open_window(qtbot, admin)
    window.commands.open_file(str(other))
    successor = log_in(qtbot, window, "admin")
    assert successor.desk.owner == "GBR" and str(other) in successor.windowTitle()
    assert recent_databases(app_settings())[0] == str(other)
    assert successor.link_status.text() == ""  # a file has no link to show
    settle_window(qtbot, successor)
    successor.close()
    successor.desk.db.dispose()


def test_a_server_that_cannot_be_reached_is_said_plainly(qtbot: Any, admin: Desk) -> None:
    """Nothing listens on the port: a plain message, the window stays, nothing remembered."""
    window = open_window(qtbot, admin)
    before = recent_databases(app_settings())
    window.commands.connect_action.trigger()
    dialog = window.commands.connect_dialog
    form = dialog.form
    type_over(qtbot, form.host, "127.0.0.1")
    type_over(qtbot, form.port, "1")
    type_over(qtbot, form.database, "nowhere")
    type_over(qtbot, form.user, "gb")
    form.mode.setCurrentIndex(form.mode.findData("disable"))
    click(qtbot, dialog.connect_button)
    wait_until(qtbot, lambda: window.commands.open_problem is not None)
    box = window.commands.open_problem
    assert "Cannot open postgresql://gb@127.0.0.1:1/nowhere" in box.text()
    assert window.isVisible() and window.commands.login_dialog is None
    assert recent_databases(app_settings()) == before
    box.close()


@pytest.mark.skipif(not SERVER_URL, reason="needs the test server (XDESK_TEST_DATABASE_URL)")
def test_connect_to_the_server_logs_in_and_never_stores_the_password(
    qtbot: Any, admin: Desk
) -> None:
    """Connect to a server… with the test server's host, port, database and user: the normal
    login dialog asks the password; the new window's title, the recent list and the settings
    file hold the URL without it; the status bar says the link is not encrypted."""
    url = admin.db.url
    window = open_window(qtbot, admin)
    window.commands.connect_action.trigger()
    form = window.commands.connect_dialog.form
    type_over(qtbot, form.host, url.host)
    type_over(qtbot, form.port, str(url.port))
    type_over(qtbot, form.database, url.database)
    type_over(qtbot, form.user, url.username)
    form.mode.setCurrentIndex(form.mode.findData("prefer"))
    click(qtbot, window.commands.connect_dialog.connect_button)
    successor = log_in(qtbot, window, "admin")
    target = f"postgresql://{url.username}@{url.host}:{url.port}/{url.database}?sslmode=prefer"
    assert recent_databases(app_settings())[0] == target
    assert target in successor.windowTitle()
    text = settings_text()
    assert target in text and PASSWORD not in text
    assert PASSWORD not in successor.windowTitle()
    wait_until(qtbot, lambda: successor.link is not None)
    assert successor.link_status.text() == "Server link: not encrypted"
    settle_window(qtbot, successor)
    successor.close()
    successor.desk.db.dispose()


@pytest.mark.skipif(not tls_server.available(), reason="needs PostgreSQL's programs here")
def test_the_status_bar_says_encrypted_and_verified(qtbot: Any) -> None:
    """A server with TLS on, its certificate signed by a CA of the test's own: with
    verify-full and that CA the status bar says encrypted and verified; with require, encrypted
    but not verified; a host name the certificate does not name is refused by verify-full."""
    with tls_server.tls_cluster() as cluster:
        from sqlalchemy import create_engine, text

        from app.database.engine import to_url

        setup = create_engine(
            to_url(cluster.url("postgres", "require")), isolation_level="AUTOCOMMIT"
        )
        with setup.connect() as connection:
            connection.execute(text("CREATE DATABASE xdesk_tls"))
        setup.dispose()
        database = initialise(
            cluster.url("xdesk_tls", "verify-full"), "USA", "default", "admin", PASSWORD
        )
        try:
            window = open_window(qtbot, Desk(database, "admin"))
            wait_until(qtbot, lambda: window.link is not None)
            assert window.link_status.text().startswith("Server link: encrypted (TLS")
            assert window.link_status.text().endswith("certificate verified")
            assert "names the server" in window.link_status.toolTip()
            settle_window(qtbot, window)
            window.close()
        finally:
            database.dispose()
        unverified = open_desk_database(cluster.url("xdesk_tls", "require"))
        try:
            link = link_of(unverified)
            assert link is not None and link.encrypted and not link.verified
            assert link.words().endswith("certificate not verified (TLS mode require)")
        finally:
            unverified.dispose()
        # a name the certificate does not hold (libpq connects to hostaddr, checks host)
        wrong = (
            cluster.url("xdesk_tls", "verify-full", host="wrong.example") + "&hostaddr=127.0.0.1"
        )
        with pytest.raises(Exception, match="(?i)certificate|does not match"):
            open_desk_database(wrong)
