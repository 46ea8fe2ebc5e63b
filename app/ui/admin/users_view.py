"""User accounts (administrators): create, edit role / clearance / nation / groups, reset password,
unlock, deactivate; need-to-know groups and nation groups. Every change goes through ``desk.users``."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.nations import all_nations
from app.domain.vocab import Role
from app.services.errors import ServiceError, ValidationFailed
from app.ui.records.messages import MessageArea, refusal
from app.ui.records.tables import RowsModel, read_only_table
from app.ui.widgets import CheckList, ErrorLabel, NationPicker, tool_button


class UsersView(QWidget):
    """The accounts table and an editor of the selected (or a new) account."""

    def __init__(self, desk: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.users = desk.users
        self.ask_password = self._ask_password
        names = list(desk.db.scheme.names)
        nations = all_nations()
        self.model = RowsModel(
            [
                ("User", lambda u: u.username),
                ("Name", lambda u: u.display_name),
                ("Role", lambda u: Role(u.role).label),
                ("Cleared", lambda u: names[min(u.clearance, len(names) - 1)]),
                ("Nation", lambda u: u.nation),
                ("Groups", lambda u: ", ".join(u.groups)),
                (
                    "State",
                    lambda u: "locked" if u.locked else ("active" if u.active else "deactivated"),
                ),
                ("Last login", lambda u: u.last_login),
            ],
            self,
        )
        self.table = read_only_table(self.model, "User accounts", stretch=5)
        self.table.setMaximumHeight(16777215)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.clearance = QComboBox()
        for index, name in enumerate(names):
            self.clearance.addItem(name, index)
        self.nation = NationPicker(nations, allow_empty=False)
        self.groups = CheckList([], "Search need-to-know groups…")
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
            ("username", "Username *", self.username),
            ("display_name", "Display name", self.display_name),
            ("password", "Password (new account)", self.password),
            ("role", "Role *", self.role),
            ("clearance", "Clearance *", self.clearance),
            ("nation", "Nationality *", self.nation),
            ("groups", "Need-to-know groups", self.groups),
        ):
            widget.setAccessibleName(caption.rstrip(" *"))
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(widget)
            cell.addWidget(self.errors[name])
            form.addRow(caption, cell)
        self.new_button = tool_button("add", "New", "Start a new account")
        self.create_button = tool_button("add", "Create", "Create the account")
        self.update_button = tool_button(
            "save", "Save changes", "Save role, clearance, nationality and groups"
        )
        self.reset_button = tool_button(
            "identity", "Reset password…", "Set a new password the user must change"
        )
        self.unlock_button = tool_button("unlock", "Unlock", "Lift a lockout after failed logins")
        self.deactivate_button = tool_button(
            "remove", "Deactivate", "Stop this account from logging in"
        )
        self.reactivate_button = tool_button("add", "Reactivate", "Let this account log in again")
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
        account = QGroupBox("Account")
        account_layout = QVBoxLayout(account)
        account_layout.addLayout(form)
        account_layout.addLayout(account_buttons)
        account_layout.addLayout(state_buttons)

        self.new_group = QLineEdit()
        self.new_group.setPlaceholderText("new need-to-know group name")
        self.new_group.setAccessibleName("New need-to-know group")
        self.add_group_button = tool_button("add", "Add group", "Create this need-to-know group")
        ntk = QGroupBox("Need-to-know groups")
        ntk_layout = QHBoxLayout(ntk)
        ntk_layout.addWidget(self.new_group, 1)
        ntk_layout.addWidget(self.add_group_button)

        self.nation_group = QComboBox()
        self.nation_group.setEditable(True)
        self.nation_group.setAccessibleName("Nation group code")
        self.nation_group_name = QLineEdit()
        self.nation_group_name.setAccessibleName("Nation group name")
        self.nation_group_members = CheckList(
            [(c, f"{c} — {n}") for c, n in sorted(nations.items())], "Search nations…"
        )
        self.nation_group_members.setMaximumHeight(140)
        self.save_nation_group_button = tool_button(
            "save", "Save nation group", "Save this nation group's name and members"
        )
        nation_box = QGroupBox("Nation groups")
        nation_form = QFormLayout(nation_box)
        nation_form.addRow("Code", self.nation_group)
        nation_form.addRow("Name", self.nation_group_name)
        nation_form.addRow("Members", self.nation_group_members)
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

        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self._pick(current.row())
        )
        self.new_button.clicked.connect(self.new_account)
        self.create_button.clicked.connect(self.create)
        self.update_button.clicked.connect(self.update_selected)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(
            lambda: self._act(lambda u: self.users.unlock(u), "unlocked")
        )
        self.deactivate_button.clicked.connect(
            lambda: self._act(lambda u: self.users.update(u, {"active": False}), "deactivated")
        )
        self.reactivate_button.clicked.connect(
            lambda: self._act(lambda u: self.users.update(u, {"active": True}), "reactivated")
        )
        self.add_group_button.clicked.connect(self.add_group)
        self.nation_group.currentTextChanged.connect(self._pick_nation_group)
        self.save_nation_group_button.clicked.connect(self.save_nation_group)
        self.refresh()
        self.new_account()

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Accounts, need-to-know groups and nation groups from the service."""
        try:
            self.model.set_rows(self.users.list())
            ntk = self.users.ntk_groups()
            self._nation_groups = self.users.nation_groups()
        except ServiceError as error:
            self.message.show_message(refusal(error))
            return
        checked = self.groups.checked()
        self.groups.list.clear()
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QListWidgetItem

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

    def _failed(self, error: ServiceError, what: str) -> None:
        self._clear_errors()
        if isinstance(error, ValidationFailed):
            for name, message in error.errors.items():
                self.errors.get(name, self.errors["username"]).show_message(message)
            self.message.show_message(f"{what}: please correct the fields marked.")
        else:
            self.message.show_message(f"{what}. {refusal(error)}")

    def create(self) -> bool:
        """Create the account as typed (must change its password at first login)."""
        try:
            view = self.users.create(
                {**self.values(), "password": self.password.text(), "must_change_password": True}
            )
        except ServiceError as error:
            self._failed(error, "Account not created")
            return False
        self.refresh()
        self.message.show_message(
            f"Account {view.username} created; the user must change the password at first login."
        )
        return True

    def update_selected(self) -> bool:
        """Save role, clearance, nationality, display name and groups of the selected account."""
        username = self.selected_username()
        if username is None:
            self.message.show_message("Select an account first.")
            return False
        values = {k: v for k, v in self.values().items() if k != "username"}
        try:
            self.users.update(username, values)
        except ServiceError as error:
            self._failed(error, "Account not saved")
            return False
        self.refresh()
        self._select(username)
        self.message.show_message(f"Account {username} saved.")
        return True

    def _select(self, username: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row(row).username == username:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def _act(self, call: Any, done: str) -> bool:
        username = self.selected_username()
        if username is None:
            self.message.show_message("Select an account first.")
            return False
        try:
            call(username)
        except ServiceError as error:
            self.message.show_message(f"Not done. {refusal(error)}")
            return False
        self.refresh()
        self._select(username)
        self.message.show_message(f"Account {username} {done}.")
        return True

    def reset_password(self) -> bool:
        """Ask a new password and set it (the user must change it at next login)."""
        username = self.selected_username()
        if username is None:
            self.message.show_message("Select an account first.")
            return False
        password = self.ask_password(username)
        if not password:
            return False
        return self._act(
            lambda u: self.users.reset_password(u, password),
            "has a new password (to change at next login)",
        )

    def add_group(self) -> bool:
        """Create a need-to-know group."""
        name = self.new_group.text().strip()
        try:
            self.users.create_ntk_group(name)
        except ServiceError as error:
            self.message.show_message(f"Group not created. {refusal(error)}")
            return False
        self.new_group.clear()
        self.refresh()
        self.message.show_message(f"Need-to-know group {name} created.")
        return True

    def _pick_nation_group(self, code: str) -> None:
        name, members = getattr(self, "_nation_groups", {}).get(code, ("", []))
        self.nation_group_name.setText(name)
        self.nation_group_members.set_checked(members)

    def save_nation_group(self) -> bool:
        """Save the nation group's name and members."""
        code = self.nation_group.currentText().strip().upper()
        try:
            self.users.save_nation_group(
                code, self.nation_group_name.text(), sorted(self.nation_group_members.checked())
            )
        except ServiceError as error:
            self.message.show_message(f"Nation group not saved. {refusal(error)}")
            return False
        self.refresh()
        self.message.show_message(f"Nation group {code} saved.")
        return True

    def _ask_password(self, username: str) -> str:
        text, ok = QInputDialog.getText(
            self, "Reset password", f"New password for {username}:", QLineEdit.EchoMode.Password
        )
        return text if ok else ""
