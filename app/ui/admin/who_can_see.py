""" "Who can see this record": the active users a record's label admits (the service decides)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app.domain.labels import Label
from app.domain.vocab import Role
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.ui.failures import show_failure
from app.ui.i18n import plural, vocabulary_label
from app.ui.operations import Operations
from app.ui.records.messages import refusal
from app.ui.records.tables import RowsModel, read_only_table


class WhoCanSeeDialog(QDialog):
    """Lists ``desk.users.who_can_read(label)`` (read off the GUI thread); a refusal of the
    service is shown as it is."""

    def __init__(
        self,
        desk: Desk,
        label: Label,
        title: str = "",
        parent: QWidget | None = None,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.operations = operations or Operations(self)
        self.setWindowTitle(self.tr("Who can see this record"))
        names = desk.db.scheme.names
        self.model = RowsModel(
            [
                (self.tr("User"), lambda u: u.username),
                (self.tr("Name"), lambda u: u.display_name),
                (self.tr("Role"), lambda u: vocabulary_label(Role(u.role).label)),
                (self.tr("Cleared"), lambda u: names[min(u.clearance, len(names) - 1)]),
                (self.tr("Nation"), lambda u: u.nation),
                (self.tr("Groups"), lambda u: ", ".join(u.groups)),
            ],
            self,
        )
        self.table = read_only_table(self.model, self.tr("Users who can see the record"), stretch=1)
        self.table.setMaximumHeight(16777215)
        heading = QLabel(
            f"<b>{html.escape(title)}</b><br>"
            + self.tr("Marked {marking}").format(marking=html.escape(desk.marking(label)))
        )
        heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setText(self.tr("Reading the accounts…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 380)
        self.operations.run(
            lambda: desk.users.who_can_read(label), success=self._show, failure=self._refused
        )

    def _show(self, users: list[Any]) -> None:
        self.summary.setText(
            plural(self.tr("%Ln active user(s) may read this record.", "", len(users)), len(users))
        )
        self.model.set_rows(users)
        self.table.resizeColumnsToContents()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, ServiceError):
            show_failure(self, error)
            return
        self.model.set_rows([])
        self.summary.setText(refusal(error))
