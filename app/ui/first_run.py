"""First run: create a database, open an existing file, or connect to a server (host, port,
database, user, TLS mode: `app.ui.connect_dialog.ServerForm`; or a database URL)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.database.engine import Database, DatabaseError, display_url
from app.database.server_link import server_parts
from app.services.errors import ValidationFailed
from app.services.setup import initialise, open_desk_database, opens_at_login
from app.ui.connect_dialog import ServerForm
from app.ui.i18n import nations
from app.ui.widgets import ErrorLabel, NationPicker


class FirstRunDialog(QDialog):
    """Choose or create the database; ``database`` and ``target`` are set on success."""

    def __init__(
        self, default_path: str, recent: list[str], problem: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exchange Desk — choose a database"))
        self.database: Database | None = None
        self.target = ""
        self.tabs = QTabWidget()

        create = QWidget()
        create_layout = QVBoxLayout(create)
        form = QFormLayout()
        create_layout.addLayout(form)
        self.create_path = QLineEdit(default_path)
        self.create_path.setAccessibleName(self.tr("Database file"))
        self.nation = NationPicker(nations(), allow_empty=True)
        self.nation.setAccessibleName(self.tr("Owning nation"))
        self.scheme = QComboBox()
        self.scheme.setAccessibleName(self.tr("Classification scheme"))
        self.scheme.addItem(self.tr("Default (UNCLASSIFIED … TOP SECRET)"), "default")
        self.scheme.addItem(self.tr("NATO (NATO UNCLASSIFIED … COSMIC TOP SECRET)"), "nato")
        self.admin = QLineEdit("admin")
        self.admin.setAccessibleName(self.tr("First administrator"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Confirm password"))
        self.errors = {
            name: ErrorLabel()
            for name in ("path", "owner_nation", "scheme", "admin", "password", "confirm")
        }
        for caption, widget, key in (
            (self.tr("Database file"), self.create_path, "path"),
            (self.tr("Owning nation"), self.nation, "owner_nation"),
            (self.tr("Classification scheme"), self.scheme, "scheme"),
            (self.tr("First administrator"), self.admin, "admin"),
            (self.tr("Password"), self.password, "password"),
            (self.tr("Confirm password"), self.confirm, "confirm"),
        ):
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.addWidget(widget)
            cell_layout.addWidget(self.errors[key])
            form.addRow(caption, cell)
        encrypted = QLabel(
            self.tr(
                "The file is encrypted. Each user's password unlocks it, starting with this "
                "administrator's: keep the file's <i>.keys</i> file beside it, and in every copy. "
                "A forgotten password is reset by an administrator; with none left, the file "
                "cannot be opened."
            )
        )
        encrypted.setObjectName("encryptionNote")
        encrypted.setWordWrap(True)
        encrypted.setTextFormat(Qt.TextFormat.RichText)
        self.create_button = QPushButton(self.tr("Create database"))
        form.addRow("", self.create_button)
        create_layout.addWidget(encrypted)
        create_layout.addStretch(1)
        self.tabs.addTab(create, self.tr("Create a new database"))

        open_tab = QWidget()
        open_layout = QVBoxLayout(open_tab)
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent databases"))
        self.recent.addItems(recent)
        row = QHBoxLayout()
        self.open_path = QLineEdit(recent[0] if recent else "")
        self.open_path.setAccessibleName(self.tr("Database file to open"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.open_path, 1)
        row.addWidget(browse)
        self.open_button = QPushButton(self.tr("Open database"))
        open_layout.addWidget(QLabel(self.tr("Recent databases")))
        open_layout.addWidget(self.recent)
        open_layout.addLayout(row)
        open_layout.addWidget(self.open_button)
        self.recent.currentTextChanged.connect(self.open_path.setText)
        self.recent.itemActivated.connect(lambda _i: self.open_existing())
        self.tabs.addTab(open_tab, self.tr("Open a file"))

        url_tab = QWidget()
        url_layout = QVBoxLayout(url_tab)
        recent_server = next((p for p in map(server_parts, recent) if p is not None), None)
        self.server = ServerForm(recent_server)
        self.server_button = QPushButton(self.tr("Connect to the server"))
        self.server_button.setObjectName("firstRunConnect")
        url_layout.addWidget(self.server)
        url_layout.addWidget(self.server_button)
        url_layout.addStretch(1)
        url_row = QFormLayout()
        self.url = QLineEdit()
        self.url.setPlaceholderText("postgresql://user@server/exchange_desk?sslmode=verify-full")
        self.url.setAccessibleName(self.tr("Or a database URL"))
        self.url_button = QPushButton(self.tr("Connect"))
        url_row.addRow(self.tr("Or a database URL"), self.url)
        url_row.addRow("", self.url_button)
        url_layout.addLayout(url_row)
        self.tabs.addTab(url_tab, self.tr("Connect to a server"))

        self.problem = QLabel(problem)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("openProblem")
        self.problem.setVisible(bool(problem))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.create_button.clicked.connect(self.create)
        self.open_button.clicked.connect(self.open_existing)
        self.url_button.clicked.connect(lambda: self._open(self.url.text().strip()))
        self.server_button.clicked.connect(self.connect_server)
        if problem:
            self.tabs.setCurrentIndex(1)
        self.resize(620, 440)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open an Exchange Desk database"),
            str(Path(self.open_path.text()).parent),
            self.tr("Exchange Desk databases (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.open_path.setText(path)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def create(self) -> None:
        """Create the database with the first administrator (password typed twice)."""
        for label in self.errors.values():
            label.show_message("")
        self._show_problem("")
        path = self.create_path.text().strip()
        errors: dict[str, str] = {}
        if not path:
            errors["path"] = self.tr("choose where the database file goes")
        elif "://" not in path and Path(path).exists():
            errors["path"] = self.tr(
                "a file is already there: open it from “Open a file”, or choose another name"
            )
        if self.password.text() != self.confirm.text():
            errors["confirm"] = self.tr("the two passwords differ")
        if not self.nation.value():
            errors["owner_nation"] = self.tr("choose the nation that owns this database")
        if not errors:
            try:
                if "://" not in path:
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
                self.database = initialise(
                    path,
                    self.nation.value(),
                    self.scheme.currentData(),
                    self.admin.text().strip(),
                    self.password.text(),
                )
            except ValidationFailed as failure:
                errors.update(failure.errors)
            except DatabaseError as error:
                self._show_problem(str(error))
                return
        if errors:
            for name, message in errors.items():
                self.errors.get(name, self.errors["path"]).show_message(message)
            return
        self.target = path
        self.accept()

    def connect_server(self) -> None:
        """Open the server the form names (its URL has no password: the login asks it)."""
        if self.server.check():
            self._open(self.server.url())

    def open_existing(self) -> None:
        """Open the chosen file (a damaged file is reported, never overwritten)."""
        self._open(self.open_path.text().strip())

    def _open(self, target: str) -> None:
        if not target:
            self._show_problem(self.tr("Choose a database first."))
            return
        if "://" not in target and not Path(target).exists():
            self._show_problem(self.tr("There is no database at {target}.").format(target=target))
            return
        if opens_at_login(target):  # the login connects or unlocks, as the user
            self.database = None
            self.target = target
            self.accept()
            return
        try:
            self.database = open_desk_database(target)
        except DatabaseError as error:
            self._show_problem(self.tr("Cannot open this database: {error}").format(error=error))
            return
        except Exception as error:  # noqa: BLE001 - a server URL can fail in many ways; say so plainly
            self._show_problem(
                self.tr("Cannot open {target}: {error}").format(
                    target=display_url(target), error=error
                )
            )
            return
        self.target = target
        self.accept()
