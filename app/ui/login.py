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


class LoginDialog(QDialog):
    """Asks for a username and password; ``desk`` is set when the login succeeds."""

    def __init__(
        self,
        database: Database,
        location: str = "",
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.desk: Desk | None = None
        self.actor: Actor | None = None  # who logged in, as the login read them
        self.setWindowTitle("Exchange Desk — log in")
        heading = QLabel(
            f"<b>Exchange Desk</b><br>{database.owner} database"
            + (f"<br><small>{location}</small>" if location else "")
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.username = QLineEdit(username)
        self.username.setAccessibleName("Username")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        form = QFormLayout()
        form.addRow("Username", self.username)
        form.addRow("Password", self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Log in")
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
        """Authenticate; on failure show the one message LoginFailed carries."""
        try:
            self.actor = authenticate(
                self.database, self.username.text().strip(), self.password.text()
            )
        except LoginFailed as failure:
            self.password.clear()
            self.message.setText(str(failure))
            self.message.show()
            self.password.setFocus()
            return
        self.desk = Desk(self.database, self.username.text().strip())
        self.accept()


class ChangePasswordDialog(QDialog):
    """A new password typed twice; stored through ``desk.users.reset_password`` for oneself."""

    def __init__(self, desk: Desk, required: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle("Change password")
        intro = QLabel(
            "An administrator set your password: choose your own now."
            if required
            else "Choose a new password."
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("New password")
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName("Confirm new password")
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow("New password", self.password)
        form.addRow("Confirm", self.confirm)
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
        """Check the two entries agree; the service checks the password rules."""
        from app.services.errors import ServiceError, ValidationFailed

        if self.password.text() != self.confirm.text():
            self.message.setText("The two passwords differ.")
            return
        try:
            self.desk.users.reset_password(self.desk.username, self.password.text())
        except ValidationFailed as failure:
            self.message.setText("; ".join(failure.errors.values()))
            return
        except ServiceError as error:
            self.message.setText(str(error))
            return
        self.accept()
