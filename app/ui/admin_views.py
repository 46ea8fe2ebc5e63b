"""Administration views: users (administrators) and the audit trail (auditors, administrators)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import Role
from app.services.errors import PermissionDenied, ServiceError, ValidationFailed
from app.ui.worker import Worker


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
    table.resizeColumnsToContents()


class UsersView(QWidget):
    """Accounts: list, create, change role/clearance/nation, reset password, unlock, deactivate."""

    changed = Signal()

    def __init__(self, users: Any, level_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.users = users
        self.level_names = level_names
        self.table = _table(["Username", "Name", "Role", "Clearance", "Nation", "Groups", "Active", "Locked", "Last login"])
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.clearance = QComboBox()
        for index, name in enumerate(level_names):
            self.clearance.addItem(name, index)
        self.nation = QLineEdit()
        self.nation.setPlaceholderText("USA")
        self.groups = QLineEdit()
        self.groups.setPlaceholderText("need-to-know groups, comma separated")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("for a new user or a reset")
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        for caption, widget in (("Username", self.username), ("Display name", self.display_name), ("Role", self.role),
                                ("Clearance", self.clearance), ("Nationality", self.nation), ("Groups", self.groups),
                                ("Password", self.password)):
            widget.setAccessibleName(caption)
            form.addRow(caption, widget)
        self.create_button = QPushButton("Create user")
        self.update_button = QPushButton("Save changes")
        self.reset_button = QPushButton("Reset password")
        self.unlock_button = QPushButton("Unlock")
        self.deactivate_button = QPushButton("Deactivate")
        buttons = QHBoxLayout()
        for button in (self.create_button, self.update_button, self.reset_button, self.unlock_button, self.deactivate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        editor = QWidget()
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(form)
        editor_layout.addLayout(buttons)
        editor_layout.addWidget(self.message)
        editor_layout.addStretch(1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(editor)
        self.splitter.setSizes([320, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.table.itemSelectionChanged.connect(self._selected)
        self.create_button.clicked.connect(self.create)
        self.update_button.clicked.connect(self.update_user)
        self.reset_button.clicked.connect(lambda: self._do(lambda u: self.users.reset_password(u, self.password.text()), "password reset"))
        self.unlock_button.clicked.connect(lambda: self._do(self.users.unlock, "unlocked"))
        self.deactivate_button.clicked.connect(lambda: self._do(lambda u: self.users.update(u, {"active": False}), "deactivated"))
        self._views: list[Any] = []

    def refresh(self) -> None:
        """Reload the accounts."""
        try:
            self._views = self.users.list()
        except PermissionDenied as error:
            self.message.setText(str(error))
            return
        _fill(self.table, [[v.username, v.display_name, v.role, self.level_names[v.clearance] if v.clearance < len(self.level_names) else v.clearance,
                            v.nation, ", ".join(v.groups), "yes" if v.active else "no", "yes" if v.locked else "", v.last_login]
                           for v in self._views])

    def _selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._views):
            return
        view = self._views[row]
        self.username.setText(view.username)
        self.display_name.setText(view.display_name)
        self.role.setCurrentIndex(max(self.role.findData(view.role), 0))
        self.clearance.setCurrentIndex(view.clearance)
        self.nation.setText(view.nation)
        self.groups.setText(", ".join(view.groups))

    def _values(self) -> dict[str, Any]:
        return {"username": self.username.text().strip(), "display_name": self.display_name.text(), "role": self.role.currentData(),
                "clearance": self.clearance.currentData(), "nation": self.nation.text().strip(), "groups": self.groups.text()}

    def create(self) -> None:
        """Create the account described by the form."""
        self._do(lambda _u: self.users.create({**self._values(), "password": self.password.text()}), "created")

    def update_user(self) -> None:
        """Save role, clearance, nationality and groups of the selected account."""
        values = self._values()
        values.pop("username")
        self._do(lambda u: self.users.update(u, values), "saved")

    def _do(self, action: Any, done: str) -> None:
        username = self.username.text().strip()
        try:
            action(username)
        except ValidationFailed as failure:
            self.message.setText("Please correct: " + "; ".join(f"{k}: {v}" for k, v in failure.errors.items()))
            return
        except ServiceError as error:
            self.message.setText(str(error))
            return
        self.password.clear()
        self.message.setText(f"{username}: {done}.")
        self.refresh()
        self.changed.emit()


class AuditView(QWidget):
    """The audit trail: filters, the events, details before/after, and Verify trail."""

    def __init__(self, audit: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.audit = audit
        self.username = QLineEdit()
        self.username.setPlaceholderText("user")
        self.action = QLineEdit()
        self.action.setPlaceholderText("action (e.g. update)")
        self.kind = QLineEdit()
        self.kind.setPlaceholderText("record kind (e.g. person)")
        self.since = QLineEdit()
        self.since.setPlaceholderText("since YYYY-MM-DD")
        for widget, name in ((self.username, "User filter"), (self.action, "Action filter"), (self.kind, "Kind filter"), (self.since, "Since date")):
            widget.setAccessibleName(name)
            widget.returnPressed.connect(self.refresh)
        self.apply_button = QPushButton("Apply filters")
        self.verify_button = QPushButton("Verify trail")
        self.verify_button.setToolTip("Recompute the hash chain and report the first broken link")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop waiting for the verification")
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName("Verifying")
        self.progress.hide()
        self.worker: Worker | None = None
        self.result = QLabel()
        self.result.setObjectName("verifyResult")
        self.result.setWordWrap(True)
        self.table = _table(["#", "When (UTC)", "User", "Action", "Kind", "Record", "Outcome"])
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Event details")
        bar = QHBoxLayout()
        for widget in (self.username, self.action, self.kind, self.since, self.apply_button, self.verify_button,
                       self.progress, self.cancel_button):
            bar.addWidget(widget)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setSizes([400, 150])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.result)
        layout.addWidget(self.splitter, 1)
        self.apply_button.clicked.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.cancel_button.clicked.connect(self.cancel_verify)
        self.table.itemSelectionChanged.connect(self._selected)
        self._events: list[Any] = []

    def filters(self) -> dict[str, Any]:
        """The service filters the fields describe."""
        filters: dict[str, Any] = {k: v for k, v in (("username", self.username.text().strip()), ("action", self.action.text().strip()),
                                                     ("kind", self.kind.text().strip())) if v}
        if self.since.text().strip():
            try:
                filters["since"] = dt.datetime.fromisoformat(self.since.text().strip())
            except ValueError:
                self.result.setText("Since: write the date as YYYY-MM-DD")
        return filters

    def refresh(self) -> None:
        """Reload the newest 500 matching events."""
        try:
            self._events = self.audit.list(limit=500, **self.filters())
            total = self.audit.count(**self.filters())
        except PermissionDenied as error:
            self.result.setText(str(error))
            return
        _fill(self.table, [[e.id, e.at.isoformat(sep=" ", timespec="seconds"), e.username, e.action, e.record_kind,
                            e.record_ref or (e.record_id or ""), e.outcome] for e in self._events])
        self.result.setText(f"{total:,} events match" + (" (newest 500 shown)" if total > 500 else ""))

    def _selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._events):
            self.details.setPlainText(json.dumps(self._events[row].details, indent=2, ensure_ascii=False, default=str))

    def verify(self) -> None:
        """Verify the chain off the GUI thread; show the first broken link if any."""
        if self.worker is not None:
            return
        self.result.setText("Verifying the audit trail…")
        self.verify_button.setEnabled(False)
        self.progress.show()
        self.cancel_button.show()
        self.worker = Worker(self.audit.verify, self)
        self.worker.finishedWith.connect(self._verified)
        self.worker.failedWith.connect(self._verify_failed)
        self.worker.finished.connect(self._worker_done)
        self.worker.start()

    def cancel_verify(self) -> None:
        """Stop waiting for a running verification."""
        if self.worker is not None:
            self.worker.cancel()
            self.result.setText("Verification cancelled.")
            self._idle()

    def _idle(self) -> None:
        self.verify_button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()

    def _worker_done(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.deleteLater()
        self._idle()

    def _verify_failed(self, message: str) -> None:
        self.result.setText(message)

    def _verified(self, result: Any) -> None:
        self.refresh()
        if result.ok:
            self.result.setText(f"Trail intact: {result.checked:,} events verified.")
        else:
            first = result.first
            self.result.setText(f"Trail BROKEN ({len(result.problems)} problems). First broken link: event {first.event_id}: {first.message}")

    def shutdown(self) -> None:
        """Wait for a running verification before the window goes."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
