"""Start the desktop application: choose or create a database, log in, open the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# The database stack is imported before any Qt module: once PySide6 is loaded, its import hook
# reads the source of every module imported after it (about 0.4 s of a cold start here).
from app.database.engine import Database, DatabaseError, display_url
from app.paths import default_database, unused_database_path
from app.services.session import must_change_password
from app.services.setup import open_desk_database, opens_at_login
from app.ui.collector import collect_on_gui_thread
from app.ui.first_run import FirstRunDialog
from app.ui.i18n import chosen_language, install_language
from app.ui.icons import icon
from app.ui.login import ChangePasswordDialog, LoginDialog
from app.ui.settings import app_settings, recent_databases, remember_database

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings


def choose_database(settings: QSettings, ask: bool = False) -> tuple[Database | None, str] | None:
    """Open ``XDESK_DB`` if it is set, else the last database; or run the first-run dialog
    (on a first run, after a damaged file, or when ``ask``: the login was cancelled).

    A database server or an encrypted file is not opened here: the login connects to it as
    the user's own role, or unlocks it with the user's password (the database is None until
    then). None: the user closed the dialog (the application quits).
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialog

    recent = recent_databases(settings)
    target = (
        os.environ.get("XDESK_DB")
        or next((t for t in recent if "://" in t or Path(t).exists()), None)
        or default_database()
    )
    problem = ""
    if not ask and opens_at_login(target):
        return None, target
    if not ask and ("://" in target or Path(target).exists()):
        try:
            return open_desk_database(target), target
        except DatabaseError as error:
            problem = QCoreApplication.translate(
                "Launch", "Cannot open {target}: {error}. The file was left untouched."
            ).format(target=target, error=error)
    if ask and target not in recent:
        recent = [target, *recent]
    dialog = FirstRunDialog(
        default_database() if not ask else unused_database_path(), recent, problem
    )
    dialog.cancel_button.setText(
        QCoreApplication.translate("Launch", "Quit")
    )  # nothing is open yet: closing this ends the program
    if ask and recent:
        dialog.tabs.setCurrentIndex(1)  # "Open a file", the recent databases listed
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    if opens_at_login(dialog.target):
        if dialog.database is not None:  # created: the user logs in as themselves
            dialog.database.dispose()
        return None, dialog.target
    if dialog.database is None:
        return None
    return dialog.database, dialog.target


def startup_to_login(database_path: str | Path) -> None:
    """Cold-start benchmark: build the application, open the database, show the login dialog,
    process events once and return (the main window and its heavy imports come after login)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Exchange Desk")
    app.setWindowIcon(icon("app"))
    install_language(chosen_language(app_settings()))
    target = str(database_path)
    database = None if opens_at_login(target) else open_desk_database(target)
    login = LoginDialog(database, target, "", target=target)
    login.show()
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    login.close()
    if database is not None:
        database.dispose()


def log_in(settings: QSettings) -> LoginDialog | None:
    """Choose a database and log in to it; Cancel at the login goes back to the choice of
    database (its recent list), and closing that quits (None)."""
    from PySide6.QtWidgets import QDialog

    ask = False
    while True:
        chosen = choose_database(settings, ask=ask)
        if chosen is None:
            return None
        database, target = chosen
        remember_database(settings, target)
        login = LoginDialog(
            database, display_url(target), str(settings.value("login/username", "")), target=target
        )
        if login.exec() == QDialog.DialogCode.Accepted and login.desk is not None:
            return login
        if database is not None:
            database.dispose()
        ask = True


def main() -> int:
    """Run Exchange Desk."""
    from PySide6.QtWidgets import QApplication, QDialog

    from app.ui.failures import install_exception_hook
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    collect_on_gui_thread(app)  # never in a fetch thread or a worker (`app.ui.collector`)
    install_exception_hook()
    app.setApplicationName("Exchange Desk")
    app.setWindowIcon(icon("app"))
    settings = app_settings()
    install_language(chosen_language(settings))  # before any widget is built
    login = log_in(settings)
    if login is None:
        return 0
    target = login.target
    settings.setValue("login/username", login.desk.username)
    if (
        must_change_password(login.desk)
        and ChangePasswordDialog(login.desk, required=True).exec() != QDialog.DialogCode.Accepted
    ):
        return 0
    window = MainWindow(login.desk, settings, display_url(target), actor=login.actor)
    window.show()
    return app.exec()
