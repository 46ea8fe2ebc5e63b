"""The question a form asks when another user saved the record first: reload or keep editing.

The services refuse a save whose version is no longer the record's with a `Conflict` that says
who changed it, when and which fields (before → after, values hidden where the user may not see
them). The dialog shows that beside what this user typed, and offers "Reload" (read the record
again, showing the other user's values; what was typed is discarded) or "Keep editing" (what was
typed stays; nothing was written). Escape is "Keep editing": nothing typed is ever lost by a key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import Conflict
from app.ui.i18n import field_title


def when_text(at: dt.datetime | None) -> str:
    """A conflict's time in the words of the dialog: ``2026-03-01 14:05 UTC``."""
    if at is None:
        return ""
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC)
    return at.strftime("%Y-%m-%d %H:%M UTC")


class ConflictDialog(QDialog):
    """Who changed the record, when and what, beside what this user typed; Reload or Keep
    editing (`chosen` says which: ``"reload"`` or ``"keep"``)."""

    chosen = Signal(str)

    def __init__(
        self,
        conflict: Conflict,
        record_title: str,
        typed: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        """``typed``: the texts of the fields this user changed (field name → text)."""
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Changed by another user"))
        self.conflict = conflict
        self._answered = False
        by = conflict.by or self.tr("another user")
        when = when_text(conflict.at)
        changed = (
            self.tr("<b>{record}</b> was changed by <b>{by}</b> at {when} since you opened it.")
            if when
            else self.tr("<b>{record}</b> was changed by <b>{by}</b> since you opened it.")
        ).format(record=_escape(record_title), by=_escape(by), when=when)
        heading = QLabel(
            changed
            + "<br>"
            + self.tr("Your changes were <b>not saved</b>; what you typed is still in the form.")
        )
        heading.setObjectName("conflictHeading")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)

        both = [field_title(c.title) for c in conflict.changes if c.field in typed]
        self.table = QTableWidget(len(conflict.changes), 4)
        self.table.setObjectName("conflictChanges")
        self.table.setAccessibleName(self.tr("What they changed"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("Was"),
                self.tr("Now ({by})").format(by=by),
                self.tr("You typed"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        bold = QFont(self.font())
        bold.setBold(True)
        for row, change in enumerate(conflict.changes):
            hidden = change.before is None and change.after is None
            yours = typed.get(change.field)
            cells = [
                field_title(change.title),
                self.tr("(changed; values not shown)") if hidden else (change.before or "—"),
                "" if hidden else (change.after or "—"),
                "—" if yours is None else (yours or self.tr("(empty)")),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if yours is not None:
                    item.setFont(bold)  # both of you changed this field
                self.table.setItem(row, column, item)
            if hidden:
                self.table.setSpan(row, 1, 1, 2)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setMaximumHeight(
            min(rows_height, 300) + header.sizeHint().height() + 2 * self.table.frameWidth() + 2
        )
        if conflict.changes:
            layout.addWidget(QLabel(self.tr("What they changed:")))
            layout.addWidget(self.table)
        else:
            self.table.hide()
            layout.addWidget(
                QLabel(self.tr("Which fields they changed is not recorded where you may read it."))
            )

        advice = QLabel(
            self.tr("<b>Reload</b> shows the record as it is now and discards what you typed.")
            + "<br>"
            + (
                self.tr(
                    "<b>Keep editing</b> keeps what you typed; a later save is checked again, "
                    "and it is refused while you and {by} both changed {fields} (reload to see "
                    "their value, then type yours again)."
                ).format(by=_escape(by), fields=", ".join(_escape(t) for t in both))
                if both
                else self.tr(
                    "<b>Keep editing</b> keeps what you typed; a later save is checked again: "
                    "fields they did not change are saved, nothing of theirs is overwritten."
                )
            )
        )
        advice.setObjectName("conflictAdvice")
        advice.setWordWrap(True)
        advice.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(advice)

        buttons = QDialogButtonBox()
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setObjectName("conflictReload")
        self.reload_button.setToolTip(
            self.tr("Read the record again, with the other user's changes")
        )
        self.keep_button = QPushButton(self.tr("Keep editing"))
        self.keep_button.setObjectName("conflictKeep")
        self.keep_button.setToolTip(self.tr("Close this message; what you typed stays in the form"))
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setDefault(True)
        self.reload_button.clicked.connect(lambda: self._answer("reload"))
        self.keep_button.clicked.connect(lambda: self._answer("keep"))
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.rejected.connect(lambda: self._answer("keep"))  # Escape, the window's close button
        height = layout.heightForWidth(660) if layout.hasHeightForWidth() else -1
        self.resize(660, max(height, self.minimumSizeHint().height()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Keep editing has the focus: Enter, like Escape, discards nothing."""
        super().showEvent(event)
        self.keep_button.setFocus()

    def _answer(self, choice: str) -> None:
        if self._answered:
            return
        self._answered = True
        self.chosen.emit(choice)
        self.done(
            QDialog.DialogCode.Accepted if choice == "reload" else QDialog.DialogCode.Rejected
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
