"""Opening another database from a logged-in window: a file (File → Open a database file…) or a
server (File → Connect to a server…).

The same steps as at start (`app.ui.launch`): the database is opened (off the GUI thread, through
the window's runner), the normal login dialog asks the username and password, then a new main
window opens on it and this one closes (asking about unsaved changes first, recording the
logout). Cancelling the login leaves this window as it was. The database is remembered in the
recent list and shown only as `display_url` names it: never with a password.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from app.database.engine import Database, display_url, to_url
from app.database.server_link import server_parts
from app.database.server_logins import check_reachable
from app.services.session import must_change_password
from app.services.setup import is_server, open_desk_database, opens_at_login
from app.ui.login import ChangePasswordDialog, LoginDialog
from app.ui.settings import remember_database

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def open_elsewhere(window: MainWindow, target: str) -> bool:
    """Open ``target`` and log in to it; False when nothing was started (unsaved changes kept
    the user here)."""
    if not all(page.may_leave() for page in window.navigation.built.values()):
        return False
    shown = display_url(target)
    window.statusBar().showMessage(
        QCoreApplication.translate("Switching", "Opening {target}…").format(target=shown)
    )

    def opened(database: Database | None) -> None:
        remember_database(window.settings, shown if "://" in target else target)
        parts = server_parts(target)
        username = (parts.user if parts is not None else "") or str(
            window.settings.value("login/username", "")
        )
        # a server is opened by the login itself, as the user's own role
        login = LoginDialog(database, shown, username, parent=window, target=target)
        window.commands.login_dialog = login

        def logged_in() -> None:
            window.commands.login_dialog = None
            desk = login.desk
            if desk is None:
                return
            window.settings.setValue("login/username", desk.username)
            if (
                must_change_password(desk)
                and ChangePasswordDialog(desk, required=True).exec() != QDialog.DialogCode.Accepted
            ):
                desk.db.dispose()
                return
            from app.ui.main_window import MainWindow

            successor = MainWindow(desk, window.settings, shown, actor=login.actor)
            window.commands.successor = successor
            successor.show()
            window.close()

        def cancelled() -> None:
            window.commands.login_dialog = None
            if database is not None:
                database.dispose()
            window.statusBar().showMessage(
                QCoreApplication.translate("Switching", "Stayed on this database."), 5000
            )

        login.accepted.connect(logged_in)
        login.rejected.connect(cancelled)
        login.open()

    def refused(error: BaseException) -> None:
        window.statusBar().clearMessage()
        # a server can fail in many ways (no route, refused, TLS): the driver's first line says
        words = str(getattr(error, "orig", None) or error).strip().splitlines()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Exchange Desk",
            f"Cannot open {shown}: {words[0] if words else type(error).__name__}",
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setObjectName("openProblem")
        box.open()
        window.commands.open_problem = box

    if opens_at_login(target) and not is_server(target):  # the login unlocks it
        opened(None)
        return True
    if is_server(target):  # reached first, then the login connects as the user's own role
        window.operations.run(
            lambda: check_reachable(to_url(target)),
            success=lambda _none: opened(None),
            failure=refused,
        )
        return True
    window.operations.run(lambda: open_desk_database(target), success=opened, failure=refused)
    return True
