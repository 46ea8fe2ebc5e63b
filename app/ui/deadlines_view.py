"""What is due soon across record kinds, sorted by due date, overdue rows marked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QSpinBox, QVBoxLayout, QWidget

from app.domain.labels import Label
from app.services.deadlines import Deadline
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.ui.failures import show_failure
from app.ui.i18n import number, plural, service_text
from app.ui.operations import Changes, Operations
from app.ui.records.messages import MessageArea, refusal
from app.ui.records.tables import RowsModel, read_only_table
from app.ui.widgets import tool_button


class DeadlinesView(QWidget):
    """The deadlines list from ``desk.deadlines.upcoming(lead_days)`` with a lead-time spin box;
    read again (off the GUI thread) when shown, on Refresh, and when an operation changed
    records."""

    labelsChanged = Signal(object)
    openRequested = Signal(str, int)  # record kind, record id

    def __init__(
        self,
        desk: Desk,
        lead_days: int = 90,
        parent: QWidget | None = None,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.operations = operations or Operations(self)
        self.labels: list[Label] = []
        self._generation = 0
        self.model = RowsModel(
            [
                (self.tr("Mark"), lambda d: desk.portion_mark(d.label)),
                (self.tr("Due"), lambda d: d.due),
                (self.tr("In"), lambda d: self.tr("status to fix") if d.to_fix else _days(d.due)),
                (self.tr("What"), lambda d: service_text(d.what)),
                (self.tr("Reference"), lambda d: d.reference),
                (self.tr("Title"), lambda d: d.title),
            ],
            self,
        )
        self.model.decorate = self._decorate
        self.table = read_only_table(self.model, self.tr("Deadlines"), stretch=5)
        self.table.setMaximumHeight(16777215)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.lead = QSpinBox()
        self.lead.setRange(1, 3650)
        self.lead.setValue(lead_days)
        self.lead.setSuffix(self.tr(" days"))
        self.lead.setAccessibleName(self.tr("Lead time"))
        self.lead.setToolTip(
            self.tr("Show what falls due within this many days (overdue items are always shown)")
        )
        self.refresh_button = tool_button(
            "refresh", self.tr("Refresh"), self.tr("Read the deadlines again")
        )
        self.summary = QLabel()
        self.message = MessageArea()
        top = QHBoxLayout()
        lead_caption = QLabel(self.tr("Lead &time:"))
        lead_caption.setBuddy(self.lead)
        top.addWidget(lead_caption)
        top.addWidget(self.lead)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.lead.valueChanged.connect(lambda _v: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.table.activated.connect(self._open)
        self.operations.changed.connect(self._changed)
        self.refresh()

    def _decorate(self, deadline: Any, role: int) -> Any:
        if deadline.overdue and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def refresh(self) -> None:
        """Read the deadlines within the lead time, soonest first (off the GUI thread)."""
        self._generation += 1
        generation, lead = self._generation, self.lead.value()

        def shown(found: list[Deadline]) -> None:
            if generation == self._generation:
                self._show(found, lead)

        self.operations.run(
            lambda: self.desk.deadlines.upcoming(lead), success=shown, failure=self._failed
        )

    def _changed(self, changes: Changes) -> None:
        if changes:
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError):
            self.message.show_message(refusal(error))
        else:
            show_failure(self, error)

    def _show(self, found: list[Deadline], lead: int) -> None:
        self.message.show_message("")
        rows = sorted(found, key=lambda d: (d.due, d.reference))
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, min(self.table.columnWidth(3), 380))
        fixes = sum(1 for d in rows if d.to_fix)
        overdue = sum(1 for d in rows if d.overdue and not d.to_fix)
        self.summary.setText(
            self.tr("{count} due within {lead} days").format(
                count=number(len(rows) - fixes), lead=number(lead)
            )
            + (self.tr(", {count} overdue (bold)").format(count=number(overdue)) if overdue else "")
            + (plural(self.tr("; %Ln status(es) to fix", "", fixes), fixes) if fixes else "")
        )
        self.labels = [d.label for d in rows]
        self.labelsChanged.emit(self.labels)

    def _open(self, index: Any) -> None:
        deadline = self.model.row(index.row())
        self.openRequested.emit(deadline.record_kind, deadline.record_id)


def _days(due: dt.date) -> str:
    days = (due - dt.date.today()).days
    if days < 0:
        return QCoreApplication.translate("DeadlinesView", "overdue {days} d").format(days=-days)
    if days == 0:
        return QCoreApplication.translate("DeadlinesView", "today")
    return QCoreApplication.translate("DeadlinesView", "{days} d").format(days=days)
