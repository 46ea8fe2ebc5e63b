"""Login and unlock: username and password checked by ``app.security.auth``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.database.engine import Database
from app.security.auth import LoginFailed, authenticate
from app.security.principal import Actor
from app.services.desk import Desk
from app.services.errors import ServiceError, ValidationFailed
from app.services.setup import is_server, log_in
from app.ui.failures import show_failure
from app.ui.i18n import error_text, service_text
from app.ui.operations import Operations


class LoginDialog(QDialog):
    """Asks for a username and password; ``desk`` is set when the login succeeds."""

    def __init__(
        self,
        database: Database | None,
        location: str = "",
        username: str = "",
        parent: QWidget | None = None,
        operations: Operations | None = None,
        target: str = "",
    ) -> None:
        super().__init__(parent)
        # a database server is opened by the login itself, as the user's own role: before it
        # there is no ``database``, only the ``target`` (its URL, never with a password)
        self.database = database
        self.target = target
        self.operations = operations or Operations(self)
        self.desk: Desk | None = None
        self.actor: Actor | None = None  # who logged in, as the login read them
        self.setWindowTitle(self.tr("Exchange Desk — log in"))
        heading = QLabel(
            "<b>Exchange Desk</b><br>"
            + (
                self.tr("{nation} database").format(nation=database.owner)
                if database is not None
                else self.tr("Database server")
                if is_server(target)
                else self.tr("Encrypted database")
            )
            + (f"<br><small>{location}</small>" if location else "")
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.username = QLineEdit(username)
        self.username.setAccessibleName(self.tr("Username"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()
        self.setMinimumWidth(420)

    def try_login(self) -> None:
        """Authenticate off the GUI thread (Argon2 takes a moment); on failure show the one
        message LoginFailed carries."""
        username, password = self.username.text().strip(), self.password.text()

        database, target = self.database, self.target

        def check() -> tuple[Database, Actor]:
            if database is None:  # a server: the login connects as the user's role
                return log_in(target, username, password)
            return database, authenticate(database, username, password)

        def logged_in(result: tuple[Database, Actor]) -> None:
            self.database, self.actor = result
            self.desk = Desk(self.database, username)
            self.accept()

        self.operations.run(
            check,
            success=logged_in,
            failure=self._refused,
            busy_widget=self.buttons,
        )

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, LoginFailed):
            show_failure(self, error)
            return
        self.password.clear()
        self.message.setText(error_text(error))
        self.message.show()
        self.adjustSize()  # tall enough for the message (a word-wrapped label grows the dialog)
        self.password.setFocus()


class ChangePasswordDialog(QDialog):
    """A new password typed twice; stored through ``desk.users.reset_password`` for oneself."""

    def __init__(
        self,
        desk: Desk,
        required: bool = False,
        parent: QWidget | None = None,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.operations = operations or Operations(self)
        self.setWindowTitle(self.tr("Change password"))
        intro = QLabel(
            self.tr("An administrator set your password: choose your own now.")
            if required
            else self.tr("Choose a new password.")
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("New password"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Confirm"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Confirm"), self.confirm)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def change(self) -> None:
        """Check the two entries agree; the service checks the password rules (off the GUI
        thread)."""
        if self.password.text() != self.confirm.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        desk, password = self.desk, self.password.text()
        self.operations.run(
            lambda: desk.users.reset_password(desk.username, password),
            success=lambda _result: self.accept(),
            failure=self._refused,
            busy_widget=self.buttons,
        )

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, ValidationFailed):
            self.message.setText("; ".join(map(service_text, error.errors.values())))
        elif isinstance(error, ServiceError):
            self.message.setText(error_text(error))
        else:
            show_failure(self, error)
