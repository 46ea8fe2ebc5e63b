"""Choosing a database, at start and from a logged-in window (issue 15, item 7): ``XDESK_DB``
wins over the recent list, Cancel at the login goes back to the choice of database instead of
quitting, File → Open recent lists the other databases and logs in to one, and File → New
database… creates a file and logs in to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app.services.desk import Desk
from app.services.setup import initialise
from app.ui import launch
from app.ui.first_run import FirstRunDialog
from app.ui.login import LoginDialog
from app.ui.settings import app_settings, recent_databases, remember_database
from tests.helpers import PASSWORD
from tests.helpers.gui import click, open_window, settle_window, wait_until
from tests.ui.test_connect import log_in

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture(autouse=True)
def discard_on_close(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows closing with edits close without asking."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )


def test_xdesk_db_wins_over_the_recent_list(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    recent, chosen = tmp_path / "recent.sqlite", tmp_path / "chosen.sqlite"
    for path in (recent, chosen):
        initialise(path, "GBR", "default", "admin", PASSWORD).dispose()
    settings = app_settings()
    remember_database(settings, str(recent))
    assert launch.choose_database(settings)[1] == str(recent)  # type: ignore[index]
    monkeypatch.setenv("XDESK_DB", str(chosen))
    assert launch.choose_database(settings)[1] == str(chosen)  # type: ignore[index]


def test_cancel_at_the_login_goes_back_to_the_choice_of_database(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The login's Cancel shows the first-run dialog on its Open tab, the database just
    refused listed first; that dialog's Quit ends the program (no window opens)."""
    first = tmp_path / "first.sqlite"
    initialise(first, "GBR", "default", "admin", PASSWORD).dispose()
    remember_database(app_settings(), str(first))
    seen: list[tuple[str, Any]] = []

    def login_exec(dialog: LoginDialog) -> int:
        seen.append(("login", dialog.target))
        return QDialog.DialogCode.Rejected

    def chooser_exec(dialog: FirstRunDialog) -> int:
        items = [dialog.recent.item(i).text() for i in range(dialog.recent.count())]
        seen.append(("chooser", (dialog.tabs.currentIndex(), items, dialog.cancel_button.text())))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    monkeypatch.setattr(FirstRunDialog, "exec", chooser_exec)
    assert launch.log_in(app_settings()) is None
    assert seen == [("login", str(first)), ("chooser", (1, [str(first)], "Quit"))]


def test_cancel_at_the_login_then_another_database_logs_in_to_that_one(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    for path in (first, second):
        initialise(path, "GBR", "default", "admin", PASSWORD).dispose()
    remember_database(app_settings(), str(first))
    logins: list[str] = []

    def login_exec(dialog: LoginDialog) -> int:
        logins.append(dialog.target)
        if dialog.target == str(first):
            return QDialog.DialogCode.Rejected
        dialog.username.setText("admin")
        qtbot.keyClicks(dialog.password, PASSWORD)
        click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
        wait_until(qtbot, lambda: dialog.desk is not None)
        return dialog.result()

    def chooser_exec(dialog: FirstRunDialog) -> int:
        dialog.open_path.setText(str(second))
        click(qtbot, dialog.open_button)
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    monkeypatch.setattr(FirstRunDialog, "exec", chooser_exec)
    login = launch.log_in(app_settings())
    assert login is not None and login.desk is not None and login.target == str(second)
    assert logins == [str(first), str(second)]
    assert recent_databases(app_settings())[:2] == [str(second), str(first)]
    login.desk.db.dispose()


def test_open_recent_lists_the_other_databases_and_logs_in_to_one(
    qtbot: Any, admin: Desk, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite"
    initialise(other, "FRA", "default", "admin", PASSWORD).dispose()
    window = open_window(qtbot, admin)
    remember_database(window.settings, str(other))
    menu = window.commands.recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.data()]
    assert [a.data() for a in entries] == [str(other)]  # this window's database left out
    assert entries[0].text() == f"&1 {other}"
    entries[0].trigger()
    successor = log_in(qtbot, window, "admin")
    assert successor.desk.owner == "FRA" and str(other) in successor.windowTitle()
    settle_window(qtbot, successor)
    successor.close()
    successor.desk.db.dispose()


def test_open_recent_says_when_there_is_no_other_database(qtbot: Any, admin: Desk) -> None:
    window = open_window(qtbot, admin)
    menu = window.commands.recent_menu
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["No other database yet"] and not menu.actions()[0].isEnabled()


def test_new_database_creates_an_encrypted_file_and_logs_in_to_it(qtbot: Any, admin: Desk) -> None:
    window = open_window(qtbot, admin)
    window.commands.new_database_action.trigger()
    dialog = window.commands.new_database_dialog
    assert dialog is not None
    wait_until(qtbot, dialog.isVisible)
    path = Path(dialog.create_path.text())
    assert not path.exists() and path.name == "desk-2.sqlite"
    dialog.nation.set_value("NOR")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.confirm, PASSWORD)
    click(qtbot, dialog.create_button)
    successor = log_in(qtbot, window, "admin")
    assert successor.desk.owner == "NOR" and str(path) in successor.windowTitle()
    assert path.exists() and path.with_name(path.name + ".keys").exists()
    assert b"SQLite format 3" not in path.read_bytes()[:16]  # encrypted, like every new file
    settle_window(qtbot, successor)
    successor.close()
    successor.desk.db.dispose()


# --- Help (issue 15, item 11) -------------------------------------------------------------------


def help_menu(window: Any) -> Any:
    return next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help")


def test_help_lists_every_shortcut_of_the_window(qtbot: Any, admin: Desk) -> None:
    window = open_window(qtbot, admin)
    texts = [a.text() for a in help_menu(window).actions() if a.text()]
    assert texts == [
        "&Keyboard shortcuts",
        "&Import and export formats",
        "&About Exchange Desk",
        "About &Qt",
    ]
    help_menu(window).actions()[0].trigger()
    dialog = window.commands.help_dialog
    wait_until(qtbot, dialog.isVisible)
    shown = dialog.text.toPlainText()
    for text, keys in (
        ("Save the record", "Ctrl+S"),
        ("Lock the window", "Ctrl+L"),
        ("Search every record", "Ctrl+K"),
    ):
        assert f"{keys}\n{text}" in shown or f"{keys} {text}" in " ".join(shown.split()), text
    assert "Ctrl+1" in shown and "Esc" in shown  # the Go menu, and a record window's keys
    dialog.close()


def test_help_shows_the_import_formats_installed_with_the_program(qtbot: Any, admin: Desk) -> None:
    window = open_window(qtbot, admin)
    dialog = window.commands.show_formats()
    wait_until(qtbot, dialog.isVisible)
    shown = dialog.text.toPlainText()
    assert "releasable_to" in shown and "family_name" in shown and "UTF-8" in shown
    dialog.close()
    from app.ui.import_backup import ImportDialog

    importer = ImportDialog(admin, window)
    assert "Help → Import and export formats" in importer.path.placeholderText()
    importer.close()


def test_about_names_the_version_the_database_and_its_protection(qtbot: Any, admin: Desk) -> None:
    from app.ui.help import version

    window = open_window(qtbot, admin)
    dialog = window.commands.show_about()
    wait_until(qtbot, dialog.isVisible)
    shown = " ".join(dialog.text.toPlainText().split())
    assert f"Version {version()}" in shown and admin.owner in shown and admin.username in shown
    protection = (
        "encrypted at rest"
        if admin.db.key
        else ("server" if not admin.db.is_sqlite else "not encrypted")
    )
    assert protection in shown
    dialog.close()
