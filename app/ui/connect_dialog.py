""" "Connect to a server…": host, port, database, user and TLS mode, made into a database URL.

The URL (``postgresql://user@host:port/db?sslmode=…``, `app.database.server_link.server_url`)
never holds a password: the login dialog asks it, and it is never written to the settings, a
title, a dialog or the output. `ServerForm` is the form itself (the first-run dialog's "Database
server" tab shows it too); `ConnectDialog` puts it in a dialog with Connect / Cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.database.server_link import (
    DEFAULT_PORT,
    DEFAULT_SSL_MODE,
    SSL_MODES,
    VERIFYING,
    ServerParts,
    server_url,
)
from app.ui.widgets import ErrorLabel

# what each TLS mode does (the modes themselves are libpq's words, never translated)
MODE_WORDS = {
    "disable": QT_TRANSLATE_NOOP(
        "ServerForm", "no encryption: passwords and records cross the network readable"
    ),
    "prefer": QT_TRANSLATE_NOOP(
        "ServerForm", "encrypted if the server offers it, the server not checked"
    ),
    "require": QT_TRANSLATE_NOOP("ServerForm", "always encrypted, the server not checked"),
    "verify-ca": QT_TRANSLATE_NOOP(
        "ServerForm", "encrypted; the server's certificate must come from the CA file"
    ),
    "verify-full": QT_TRANSLATE_NOOP(
        "ServerForm", "encrypted; the certificate must come from the CA file and name this host"
    ),
}


class ServerForm(QWidget):
    """Host, port, database, user, TLS mode and CA file; `url` once they are complete."""

    changed = Signal()

    def __init__(self, parts: ServerParts | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        parts = parts or ServerParts()
        self.host = QLineEdit(parts.host)
        self.host.setObjectName("serverHost")
        self.host.setAccessibleName(self.tr("Server"))
        self.host.setPlaceholderText("db.office.example")
        self.port = QSpinBox()
        self.port.setObjectName("serverPort")
        self.port.setAccessibleName(self.tr("Port"))
        self.port.setRange(1, 65535)
        self.port.setValue(parts.port or DEFAULT_PORT)
        self.database = QLineEdit(parts.database)
        self.database.setObjectName("serverDatabase")
        self.database.setAccessibleName(self.tr("Database"))
        self.database.setPlaceholderText("exchange_desk")
        self.user = QLineEdit(parts.user)
        self.user.setObjectName("serverUser")
        self.user.setAccessibleName(self.tr("User"))
        self.user.setPlaceholderText(self.tr("your username"))
        self.mode = QComboBox()
        self.mode.setObjectName("serverTlsMode")
        self.mode.setAccessibleName(self.tr("TLS mode"))
        for mode in SSL_MODES:
            self.mode.addItem(mode, mode)
        self.mode.setCurrentIndex(self.mode.findData(parts.sslmode or DEFAULT_SSL_MODE))
        self.mode_words = QLabel()
        self.mode_words.setObjectName("serverTlsWords")
        self.mode_words.setWordWrap(True)
        self.ca_file = QLineEdit(parts.sslrootcert)
        self.ca_file.setObjectName("serverCaFile")
        self.ca_file.setAccessibleName(self.tr("CA file"))
        self.ca_file.setPlaceholderText(self.tr("the office CA's certificate (.pem, .crt)"))
        self.browse = QPushButton(self.tr("Browse…"))
        self.browse.setObjectName("serverCaBrowse")
        self.browse.clicked.connect(self._browse)
        self.errors = {name: ErrorLabel() for name in ("host", "database", "user", "ca_file")}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.browse)
        ca_cell = QWidget()
        ca_cell.setLayout(ca_row)
        for caption, widget, key in (
            (self.tr("Server"), self.host, "host"),
            (self.tr("Port"), self.port, ""),
            (self.tr("Database"), self.database, "database"),
            (self.tr("User"), self.user, "user"),
            (self.tr("TLS mode"), self.mode, ""),
            ("", self.mode_words, ""),
            (self.tr("CA file"), ca_cell, "ca_file"),
        ):
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(1)
            cell_layout.addWidget(widget)
            if key:
                cell_layout.addWidget(self.errors[key])
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, cell)
        note = QLabel(self.tr("The password is asked when you log in; it is never stored."))
        note.setObjectName("serverPasswordNote")
        note.setWordWrap(True)
        form.addRow("", note)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        for line in (self.host, self.database, self.user, self.ca_file):
            line.textEdited.connect(lambda _t: self.changed.emit())
        self.port.valueChanged.connect(lambda _v: self.changed.emit())
        self._mode_changed()

    def sslmode(self) -> str:
        """The TLS mode chosen."""
        return str(self.mode.currentData())

    def _mode_changed(self) -> None:
        mode = self.sslmode()
        self.mode_words.setText(QCoreApplication.translate("ServerForm", MODE_WORDS[mode]))
        verifying = mode in VERIFYING
        for widget in (self.ca_file, self.browse):
            widget.setEnabled(verifying)
        self.ca_file.setToolTip(
            ""
            if verifying
            else self.tr(
                "Only the modes that verify the server (verify-ca, verify-full) use a CA file"
            )
        )
        self.changed.emit()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The CA certificate that signed the server's certificate"),
            str(Path(self.ca_file.text()).parent) if self.ca_file.text() else "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)
            self.changed.emit()

    def problems(self) -> dict[str, str]:
        """What is missing or wrong, by field (shown beside each)."""
        problems: dict[str, str] = {}
        if not self.host.text().strip():
            problems["host"] = self.tr("name the server (host name or address)")
        if not self.database.text().strip():
            problems["database"] = self.tr("name the database on the server")
        if not self.user.text().strip():
            problems["user"] = self.tr("your username")
        ca = self.ca_file.text().strip()
        if self.sslmode() in VERIFYING and ca and not Path(ca).is_file():
            problems["ca_file"] = self.tr("there is no file {path}").format(path=ca)
        return problems

    def check(self) -> bool:
        """Show the problems beside their fields; True when there are none."""
        problems = self.problems()
        for name, label in self.errors.items():
            label.show_message(problems.get(name, ""))
        return not problems

    def url(self) -> str:
        """The database URL of what was filled in (never with a password)."""
        return server_url(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.user.text(),
            self.sslmode(),
            self.ca_file.text(),
        )


class ConnectDialog(QDialog):
    """ "Connect to a server…": the `ServerForm`; ``target`` is its URL once accepted."""

    def __init__(self, parts: ServerParts | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to a server"))
        self.target = ""
        self.form = ServerForm(parts)
        heading = QLabel(
            "<b>"
            + self.tr("Connect to the office's Exchange Desk server")
            + "</b><br>"
            + self.tr("Your IT department gives you the server, its database and the CA file.")
        )
        heading.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.connect_button.setObjectName("connectButton")
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        (self.form.host if not self.form.host.text() else self.form.user).setFocus()

    def try_accept(self) -> None:
        """Accept once the form is complete (its problems are shown beside the fields)."""
        if not self.form.check():
            return
        self.target = self.form.url()
        self.accept()
