"""User accounts (administrators): create, edit role / clearance / nation / groups, reset password,
unlock, deactivate; need-to-know groups and nation groups. Every change goes through
``desk.users``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import Role
from app.services.desk import Desk
from app.services.errors import ServiceError, ValidationFailed
from app.ui.failures import show_failure
from app.ui.i18n import nations, vocabulary_label
from app.ui.operations import Changes, Operations
from app.ui.records.messages import MessageArea, refusal
from app.ui.records.tables import RowsModel, read_only_table
from app.ui.widgets import CheckList, ErrorLabel, NationPicker, tool_button

USERS = Changes(kinds=frozenset({"user"}))


class UsersView(QWidget):
    """The accounts table and an editor of the selected (or a new) account; every read and
    write runs off the GUI thread through the operation runner."""

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, operations: Operations | None = None
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.users = desk.users
        self.operations = operations or Operations(self)
        self._nation_groups: dict[str, tuple[str, list[str]]] = {}
        self.ask_password = self._ask_password
        self.ask_reason = self._ask_reason  # tests answer without a modal dialog
        names = list(desk.db.scheme.names)
        known = nations()
        self.model = RowsModel(
            [
                (self.tr("User"), lambda u: u.username),
                (self.tr("Name"), lambda u: u.display_name),
                (self.tr("Role"), lambda u: vocabulary_label(Role(u.role).label)),
                (self.tr("Cleared"), lambda u: names[min(u.clearance, len(names) - 1)]),
                (self.tr("Nation"), lambda u: u.nation),
                (self.tr("Groups"), lambda u: ", ".join(u.groups)),
                (
                    self.tr("State"),
                    lambda u: (
                        self.tr("locked")
                        if u.locked
                        else (self.tr("active") if u.active else self.tr("deactivated"))
                    ),
                ),
                (self.tr("Last login"), lambda u: u.last_login),
            ],
            self,
        )
        self.table = read_only_table(self.model, self.tr("User accounts"), stretch=5)
        self.table.setMaximumHeight(16777215)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(vocabulary_label(role.label), role.value)
        self.clearance = QComboBox()
        for index, name in enumerate(names):
            self.clearance.addItem(name, index)
        self.nation = NationPicker(known, allow_empty=False)
        self.groups = CheckList([], self.tr("Search need-to-know groups…"))
        self.groups.setMaximumHeight(110)
        self.errors = {
            name: ErrorLabel()
            for name in (
                "username",
                "display_name",
                "password",
                "role",
                "clearance",
                "nation",
                "groups",
            )
        }
        form = QFormLayout()
        for name, caption, widget in (
            ("username", self.tr("Username") + " *", self.username),
            ("display_name", self.tr("Display name"), self.display_name),
            ("password", self.tr("Password (new account)"), self.password),
            ("role", self.tr("Role") + " *", self.role),
            ("clearance", self.tr("Clearance") + " *", self.clearance),
            ("nation", self.tr("Nationality") + " *", self.nation),
            ("groups", self.tr("Need-to-know groups"), self.groups),
        ):
            widget.setAccessibleName(caption.rstrip(" *"))
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(widget)
            cell.addWidget(self.errors[name])
            form.addRow(caption, cell)
        self.new_button = tool_button("add", self.tr("New"), self.tr("Start a new account"))
        self.create_button = tool_button("add", self.tr("Create"), self.tr("Create the account"))
        self.update_button = tool_button(
            "save", self.tr("Save changes"), self.tr("Save role, clearance, nationality and groups")
        )
        self.reset_button = tool_button(
            "identity",
            self.tr("Reset password…"),
            self.tr("Set a new password the user must change"),
        )
        self.unlock_button = tool_button(
            "unlock", self.tr("Unlock"), self.tr("Lift a lockout after failed logins")
        )
        self.deactivate_button = tool_button(
            "remove", self.tr("Deactivate"), self.tr("Stop this account from logging in")
        )
        self.reactivate_button = tool_button(
            "add", self.tr("Reactivate"), self.tr("Let this account log in again")
        )
        self.message = MessageArea()
        account_buttons = QHBoxLayout()
        for button in (self.new_button, self.create_button, self.update_button):
            account_buttons.addWidget(button)
        state_buttons = QHBoxLayout()
        for button in (
            self.reset_button,
            self.unlock_button,
            self.deactivate_button,
            self.reactivate_button,
        ):
            state_buttons.addWidget(button)
        account = QGroupBox(self.tr("Account"))
        account_layout = QVBoxLayout(account)
        account_layout.addLayout(form)
        account_layout.addLayout(account_buttons)
        account_layout.addLayout(state_buttons)

        self.new_group = QLineEdit()
        self.new_group.setPlaceholderText(self.tr("new need-to-know group name"))
        self.new_group.setAccessibleName(self.tr("New need-to-know group"))
        self.add_group_button = tool_button(
            "add", self.tr("Add group"), self.tr("Create this need-to-know group")
        )
        ntk = QGroupBox(self.tr("Need-to-know groups"))
        ntk_layout = QHBoxLayout(ntk)
        ntk_layout.addWidget(self.new_group, 1)
        ntk_layout.addWidget(self.add_group_button)

        self.nation_group = QComboBox()
        self.nation_group.setEditable(True)
        self.nation_group.setAccessibleName(self.tr("Code"))
        self.nation_group_name = QLineEdit()
        self.nation_group_name.setAccessibleName(self.tr("Name"))
        self.nation_group_members = CheckList(
            [(c, f"{c} — {n}") for c, n in sorted(known.items())], self.tr("Search nations…")
        )
        self.nation_group_members.setAccessibleName(self.tr("Members"))
        self.nation_group_members.setMaximumHeight(140)
        self.save_nation_group_button = tool_button(
            "save",
            self.tr("Save nation group"),
            self.tr("Save this nation group's name and members"),
        )
        nation_box = QGroupBox(self.tr("Nation groups"))
        nation_form = QFormLayout(nation_box)
        nation_form.addRow(self.tr("Code"), self.nation_group)
        nation_form.addRow(self.tr("Name"), self.nation_group_name)
        nation_form.addRow(self.tr("Members"), self.nation_group_members)
        nation_form.addRow("", self.save_nation_group_button)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.message)
        side_layout.addWidget(account)
        side_layout.addWidget(ntk)
        side_layout.addWidget(nation_box)
        side_layout.addStretch(1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([880, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        # an account is shown when its row is selected, not when the current index merely
        # moves: Qt makes the first row current, unselected, when the table takes the focus
        # (as when the focused Create button is disabled while it writes), which must not
        # overwrite what is being typed for a new account
        self.table.selectionModel().selectionChanged.connect(
            lambda selected, _old: selected.indexes() and self._pick(selected.indexes()[0].row())
        )
        self.new_button.clicked.connect(self.new_account)
        self.create_button.clicked.connect(self.create)
        self.update_button.clicked.connect(self.update_selected)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(
            lambda: self._act(
                lambda u: self.users.unlock(u),
                self.tr("Account {user} unlocked."),
                self.unlock_button,
            )
        )
        self.deactivate_button.clicked.connect(
            lambda: self._act(
                lambda u: self.users.update(u, {"active": False}),
                self.tr("Account {user} deactivated."),
                self.deactivate_button,
            )
        )
        self.reactivate_button.clicked.connect(
            lambda: self._act(
                lambda u: self.users.update(u, {"active": True}),
                self.tr("Account {user} reactivated."),
                self.reactivate_button,
            )
        )
        self.add_group_button.clicked.connect(self.add_group)
        self.nation_group.currentTextChanged.connect(self._pick_nation_group)
        self.save_nation_group_button.clicked.connect(self.save_nation_group)
        self.refresh()
        self.new_account()

    # --- reading -----------------------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read accounts, need-to-know groups and nation groups (off the GUI thread); ``then``
        runs once they are shown."""

        def read() -> tuple[list[Any], list[str], dict[str, tuple[str, list[str]]]]:
            return self.users.list(), list(self.users.ntk_groups()), self.users.nation_groups()

        def shown(found: tuple[list[Any], list[str], dict[str, tuple[str, list[str]]]]) -> None:
            self._show_accounts(*found)
            if then is not None:
                then()

        self.operations.run(read, success=shown, failure=self._refused)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ServiceError):
            show_failure(self, error)
            return
        self.message.show_message(refusal(error))

    def _show_accounts(
        self, accounts: list[Any], ntk: list[str], nation_groups: dict[str, tuple[str, list[str]]]
    ) -> None:
        selected = self.selected_username()
        self.model.set_rows(accounts)
        if selected is not None:
            self._select(selected)
        self._nation_groups = nation_groups
        checked = self.groups.checked()
        self.groups.list.clear()
        for name in ntk:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.groups.list.addItem(item)
        self.groups.set_checked(checked)
        current = self.nation_group.currentText()
        self.nation_group.blockSignals(True)
        self.nation_group.clear()
        self.nation_group.addItems(sorted(self._nation_groups))
        self.nation_group.blockSignals(False)
        self.nation_group.setCurrentText(
            current or (sorted(self._nation_groups)[0] if self._nation_groups else "")
        )
        self._pick_nation_group(self.nation_group.currentText())
        self.table.resizeColumnsToContents()

    def selected_username(self) -> str | None:
        """The account selected in the table."""
        row = self.table.currentIndex().row()
        return self.model.row(row).username if 0 <= row < self.model.rowCount() else None

    def _pick(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        user = self.model.row(row)
        self.username.setText(user.username)
        self.username.setReadOnly(True)
        self.display_name.setText(user.display_name)
        self.password.clear()
        self.password.setEnabled(False)
        self.role.setCurrentIndex(max(self.role.findData(user.role), 0))
        self.clearance.setCurrentIndex(max(self.clearance.findData(user.clearance), 0))
        self.nation.set_value(user.nation)
        self.groups.set_checked(user.groups)
        self._clear_errors()

    def new_account(self) -> None:
        """Empty the editor for a new account."""
        self.table.clearSelection()
        self.table.setCurrentIndex(self.model.index(-1, -1))
        self.username.clear()
        self.username.setReadOnly(False)
        self.display_name.clear()
        self.password.clear()
        self.password.setEnabled(True)
        self.role.setCurrentIndex(max(self.role.findData(Role.COORDINATOR.value), 0))
        self.clearance.setCurrentIndex(0)
        self.nation.set_value(self.desk.owner)
        self.groups.set_checked([])
        self._clear_errors()

    # --- writing -----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The account as typed."""
        return {
            "username": self.username.text().strip(),
            "display_name": self.display_name.text(),
            "role": self.role.currentData(),
            "clearance": self.clearance.currentData(),
            "nation": self.nation.value(),
            "groups": sorted(self.groups.checked()),
        }

    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.show_message("")

    def _failed(self, error: BaseException, what: str) -> None:
        if not isinstance(error, ServiceError):
            show_failure(self, error)
            return
        self._clear_errors()
        if isinstance(error, ValidationFailed):
            for name, message in error.errors.items():
                self.errors.get(name, self.errors["username"]).show_message(message)
            self.message.show_message(
                self.tr("{what}: please correct the fields marked.").format(what=what)
            )
        else:
            self.message.show_message(f"{what}. {refusal(error)}")

    def _write(
        self,
        call: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[Any], None],
        button: QWidget,
    ) -> None:
        """One change of accounts or groups, off the GUI thread (its button disabled meanwhile:
        disabling the view would move the focus); the lists are read again."""
        self.operations.run(
            call,
            success=lambda result: self.refresh(lambda: done(result)),
            failure=failed,
            changes=USERS,
            busy_widget=button,
        )

    def create(self) -> None:
        """Create the account as typed (must change its password at first login)."""
        values = {**self.values(), "password": self.password.text(), "must_change_password": True}

        def done(view: Any) -> None:
            self._select(view.username)
            self.message.show_message(
                self.tr(
                    "Account {user} created; the user must change the password at first login."
                ).format(user=view.username)
            )

        self._write(
            lambda: self.users.create(values),
            done,
            lambda error: self._failed(error, self.tr("Account not created")),
            self.create_button,
        )

    def update_selected(self) -> None:
        """Save role, clearance, nationality, display name and groups of the selected account."""
        username = self.selected_username()
        if username is None:
            self.message.show_message(self.tr("Select an account first."))
            return
        values = {k: v for k, v in self.values().items() if k != "username"}

        def done(_result: Any) -> None:
            self._select(username)
            self.message.show_message(self.tr("Account {user} saved.").format(user=username))

        self._write(
            lambda: self.users.update(username, values),
            done,
            lambda error: self._failed(error, self.tr("Account not saved")),
            self.update_button,
        )

    def _select(self, username: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row(row).username == username:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def _act(self, call: Callable[[str], Any], done: str, button: QWidget) -> None:
        """Act on the selected account; ``done``: the message after it (``{user}`` its name)."""
        username = self.selected_username()
        if username is None:
            self.message.show_message(self.tr("Select an account first."))
            return

        def finished(_result: Any) -> None:
            self._select(username)
            self.message.show_message(done.format(user=username))

        def failed(error: BaseException) -> None:
            if isinstance(error, ServiceError):
                self.message.show_message(self.tr("Not done.") + " " + refusal(error))
            else:
                show_failure(self, error)

        self._write(lambda: call(username), finished, failed, button)

    def reset_password(self) -> None:
        """Ask a new password and set it (the user must change it at next login)."""
        username = self.selected_username()
        if username is None:
            self.message.show_message(self.tr("Select an account first."))
            return
        password = self.ask_password(username)
        if not password:
            return
        self._act(
            lambda u: self.users.reset_password(u, password),
            self.tr("Account {user} has a new password (to change at next login)."),
            self.reset_button,
        )

    def add_group(self) -> None:
        """Create a need-to-know group."""
        name = self.new_group.text().strip()

        def done(_result: Any) -> None:
            self.new_group.clear()
            self.message.show_message(
                self.tr("Need-to-know group {name} created.").format(name=name)
            )

        def failed(error: BaseException) -> None:
            if isinstance(error, ServiceError):
                self.message.show_message(self.tr("Group not created.") + " " + refusal(error))
            else:
                show_failure(self, error)

        self._write(lambda: self.users.create_ntk_group(name), done, failed, self.add_group_button)

    def _pick_nation_group(self, code: str) -> None:
        name, members = self._nation_groups.get(code, ("", []))
        self.nation_group_name.setText(name)
        self.nation_group_members.set_checked(members)

    def save_nation_group(self) -> None:
        """Save the nation group's name and members. Adding a nation to a group is a
        downgrade of every record released to it: the impact is read first (off the GUI
        thread) and shown, and the change is saved only with the reason the administrator
        gives (issue 14, item 10)."""
        code = self.nation_group.currentText().strip().upper()
        name, members = self.nation_group_name.text(), sorted(self.nation_group_members.checked())

        def failed(error: BaseException) -> None:
            if isinstance(error, ServiceError):
                self.message.show_message(self.tr("Nation group not saved.") + " " + refusal(error))
            else:
                show_failure(self, error)

        def save(reason: str | None) -> None:
            self._write(
                lambda: self.users.save_nation_group(code, name, members, reason=reason),
                lambda _result: self.message.show_message(
                    self.tr("Nation group {code} saved.").format(code=code)
                ),
                failed,
                self.save_nation_group_button,
            )

        def previewed(impact: Any) -> None:
            if not impact.widens:
                save(None)
                return
            reason = self.ask_reason(impact.text())
            if reason is None:
                self.message.show_message(
                    self.tr("Nation group {code} not changed.").format(code=code)
                )
                return
            save(reason)

        self.operations.run(
            lambda: self.users.nation_group_impact(code, members),
            success=previewed,
            failure=failed,
            busy_widget=self.save_nation_group_button,
        )

    def _ask_reason(self, impact: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Widen a nation group"), impact + "\n\n" + self.tr("Reason:")
        )
        return text if ok else None

    def _ask_password(self, username: str) -> str:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Reset password"),
            self.tr("New password for {user}:").format(user=username),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else ""
