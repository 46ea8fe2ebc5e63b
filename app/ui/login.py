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
from app.services.desk import Desk


class LoginDialog(QDialog):
    """Asks for a username and password; ``desk`` is set when the login succeeds."""

    def __init__(self, database: Database, location: str = "", username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.desk: Desk | None = None
        self.setWindowTitle("Exchange Desk — log in")
        heading = QLabel(f"<b>Exchange Desk</b><br>{database.owner} database" + (f"<br><small>{location}</small>" if location else ""))
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
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
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
            authenticate(self.database, self.username.text().strip(), self.password.text())
        except LoginFailed as failure:
            self.password.clear()
            self.message.setText(str(failure))
            self.message.show()
            self.password.setFocus()
            return
        self.desk = Desk(self.database, self.username.text().strip())
        self.accept()
