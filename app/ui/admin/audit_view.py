"""The audit trail (auditors, administrators): filters, an event's before/after, verification."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services import kinds
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.ui.failures import show_failure
from app.ui.i18n import number, plural
from app.ui.operations import Changes, Operations
from app.ui.records.messages import MessageArea, refusal
from app.ui.records.tables import RowsModel, read_only_table
from app.ui.widgets import tool_button
from app.ui.worker import Worker

ACTIONS = (
    "",
    "create",
    "update",
    "archive",
    "delete",
    "status_change",
    "view",
    "login",
    "login_failed",
    "logout",
    "export",
    "import",
    "user_create",
    "user_update",
    "password_reset",
    "password_change",
    "audit_verify",
)
# the kind filter: any, each record kind (`app.services.kinds`), user accounts
KINDS = ("", *(entry.name for entry in kinds.KINDS), "user")


class AuditView(QWidget):
    """Events newest first, filtered; the selected event's details; "Verify trail" off the GUI
    thread."""

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, operations: Operations | None = None
    ) -> None:
        super().__init__(parent)
        self.audit = desk.audit
        self.operations = operations or Operations(self)
        self._generation = 0
        self.worker: Worker | None = None
        self.limit = 500
        self.model = RowsModel(
            [
                ("#", lambda e: e.id),
                (self.tr("When (UTC)"), lambda e: e.at.strftime("%Y-%m-%d %H:%M:%S")),
                (self.tr("User"), lambda e: e.username),
                (self.tr("Action"), lambda e: e.action),
                (self.tr("Kind"), lambda e: e.record_kind),
                (
                    self.tr("Record"),
                    lambda e: e.record_ref or ("" if e.record_id is None else str(e.record_id)),
                ),
                (self.tr("Outcome"), lambda e: e.outcome),
            ],
            self,
        )
        self.table = read_only_table(self.model, self.tr("Audit events"), stretch=5)
        self.table.setMaximumHeight(16777215)
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("any user"))
        self.action = QComboBox()
        self.action.addItems([a or self.tr("any action") for a in ACTIONS])
        self.kind = QComboBox()
        self.kind.addItems([k or self.tr("any kind") for k in KINDS])
        self.record = QLineEdit()
        self.record.setPlaceholderText(self.tr("record id"))
        self.since = QDateEdit(QDate.currentDate().addYears(-1))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        for widget, name in (
            (self.user, self.tr("Filter by user")),
            (self.action, self.tr("Filter by action")),
            (self.kind, self.tr("Filter by record kind")),
            (self.record, self.tr("Filter by record id")),
            (self.since, self.tr("From date")),
            (self.until, self.tr("To date")),
        ):
            widget.setAccessibleName(name)
            widget.setToolTip(name)
        self.apply_button = tool_button(
            "find", self.tr("Filter"), self.tr("Show the events matching the filters")
        )
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Event details"))
        self.verify_button = QPushButton(self.tr("Verify trail"))
        self.verify_button.setToolTip(
            self.tr("Recompute the hash chain and report the first broken link")
        )
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Verification result"))
        self.message = MessageArea()
        self.count_label = QLabel()

        filters = QHBoxLayout()
        for caption, widget in (
            (self.tr("User"), self.user),
            (self.tr("Action"), self.action),
            (self.tr("Kind"), self.kind),
            (self.tr("Record"), self.record),
            (self.tr("From"), self.since),
            (self.tr("To"), self.until),
        ):
            filters.addWidget(QLabel(caption))
            filters.addWidget(widget)
        filters.addWidget(self.apply_button)
        verify = QHBoxLayout()
        verify.addWidget(self.verify_button)
        verify.addWidget(self.progress)
        verify.addWidget(self.cancel_button)
        verify.addWidget(self.result, 1)
        details = QWidget()
        details_layout = QFormLayout(details)
        details_layout.addRow(self.tr("Details (before / after)"), self.details)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.count_label)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(verify)

        self.apply_button.clicked.connect(self.refresh)
        for line in (self.user, self.record):
            line.returnPressed.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self._show(current.row())
        )
        self.verify_button.clicked.connect(self.verify)
        self.cancel_button.clicked.connect(self.cancel_verify)
        self.operations.changed.connect(self._changed)
        self.refresh()

    def filters(self) -> dict[str, Any]:
        """The service filters as set."""
        found: dict[str, Any] = {}
        if self.user.text().strip():
            found["username"] = self.user.text().strip()
        if self.action.currentIndex() > 0:
            found["action"] = self.action.currentText()
        if self.kind.currentIndex() > 0:
            found["kind"] = self.kind.currentText()
        if self.record.text().strip().isdecimal():
            found["record_id"] = int(self.record.text().strip())
        since, until = self.since.date(), self.until.date().addDays(1)
        found["since"] = dt.datetime(since.year(), since.month(), since.day())
        found["until"] = dt.datetime(until.year(), until.month(), until.day())
        return found

    def refresh(self) -> None:
        """Read the matching events (newest first) through the service, off the GUI thread."""
        self._generation += 1
        generation, filters, limit = self._generation, self.filters(), self.limit

        def read() -> tuple[list[Any], int]:
            return self.audit.list(limit=limit, **filters), self.audit.count(**filters)

        def shown(found: tuple[list[Any], int]) -> None:
            if generation == self._generation:
                self._show_events(*found)

        self.operations.run(read, success=shown, failure=self._failed)

    def _changed(self, changes: Changes) -> None:
        if changes and self.isVisible():
            self.refresh()  # every write is audited: the trail has grown

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, ServiceError):
            show_failure(self, error)
            return
        self.message.show_message(refusal(error))
        self.model.set_rows([])

    def _show_events(self, events: list[Any], total: int) -> None:
        self.message.show_message("")
        self.model.set_rows(events)
        self.table.resizeColumnsToContents()
        self.count_label.setText(
            plural(self.tr("%Ln event(s)", "", total), total)
            + (
                self.tr(" (newest {limit} shown)").format(limit=number(self.limit))
                if total > self.limit
                else ""
            )
        )
        self.details.clear()

    def _show(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.details.setPlainText(readable_details(self.model.row(row).details))

    def verify(self) -> None:
        """Run ``audit.verify()`` in a worker thread; the result replaces the message."""
        if self.worker is not None:
            return
        self.result.setText(self.tr("Verifying the audit trail…"))
        self.verify_button.setEnabled(False)
        self.progress.show()
        self.cancel_button.show()
        self.worker = Worker(self.audit.verify, self)
        self.worker.finishedWith.connect(self._verified)
        self.worker.failedWith.connect(self.result.setText)
        self.worker.finished.connect(self._done)
        self.worker.start()

    def cancel_verify(self) -> None:
        """Stop waiting for the running verification."""
        if self.worker is not None:
            self.worker.cancel()
            self.result.setText(self.tr("Verification cancelled."))

    def _done(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.deleteLater()
        self.verify_button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()

    def _verified(self, result: Any) -> None:
        self.refresh()
        if result.ok:
            self.result.setText(
                plural(
                    self.tr("Trail intact: %Ln event(s) verified.", "", result.checked),
                    result.checked,
                )
            )
        else:
            first = result.problems[0]
            self.result.setText(
                plural(
                    self.tr("Trail BROKEN: %Ln problem(s).", "", len(result.problems)),
                    len(result.problems),
                )
                + " "
                + self.tr("First broken link: event {event} ({kind}): {message}").format(
                    event=first.event_id, kind=first.kind, message=first.message
                )
            )

    def shutdown(self) -> None:
        """Wait for a running verification before the view goes."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()


def readable_details(details: Any) -> str:
    """An event's details in words, a line each: a change as ``Field: before → after``, a
    created record's fields as ``Field: value``, anything else as ``Key: value``."""
    if not isinstance(details, dict) or not details:
        return (
            QCoreApplication.translate("AuditView", "No details.")
            if not details
            else _value(details)
        )
    lines: list[str] = []
    before, after = details.get("before"), details.get("after")
    if isinstance(after, dict):
        old = before if isinstance(before, dict) else {}
        for name, value in after.items():
            if name in old:
                lines.append(f"{_name(name)}: {_value(old[name])} → {_value(value)}")
            else:
                lines.append(f"{_name(name)}: {_value(value)}")
    elif "before" in details or "after" in details:
        lines.append(f"{_value(before)} → {_value(after)}")
    for key, value in details.items():
        if key in ("before", "after"):
            continue
        if isinstance(value, dict):
            lines += [f"{_name(key)} — {_name(k)}: {_value(v)}" for k, v in value.items()]
        else:
            lines.append(f"{_name(key)}: {_value(value)}")
    return "\n".join(lines)


def _name(key: str) -> str:
    text = str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _value(value: Any) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("AuditView", "(empty)")
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("AuditView", "yes")
        return QCoreApplication.translate("AuditView", "no")
    if isinstance(value, list | tuple):
        return ", ".join(_value(v) for v in value) or QCoreApplication.translate(
            "AuditView", "(none)"
        )
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
