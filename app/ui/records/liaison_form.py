"""The liaison assignment form and its contact-log panel (entries, follow-up due / done)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.labels import Label
from app.domain.vocab import LIAISON_MOVES, LiaisonStatus
from app.services.base import Saved
from app.services.desk import Desk
from app.services.errors import ServiceError, ValidationFailed
from app.services.fields import Field
from app.services.reading import Page
from app.ui.operations import Changes, Operations
from app.ui.records.callbacks import while_alive
from app.ui.records.editors import Editor, editor_of
from app.ui.records.messages import MessageArea, refusal, show_refusal
from app.ui.records.record_form import RecordForm
from app.ui.records.reference_picker import ReferencePicker
from app.ui.records.tables import RowsModel, read_only_table
from app.ui.widgets import ErrorLabel, OptionalDateEdit, tool_button


class ContactLogPanel(QGroupBox):
    """An assignment's contact log: the entries (newest first) and an editor for one entry.
    Reads and writes run through the operation runner; the entries are read again when an
    operation reports a change of contact-log entries (in this window or another)."""

    loaded = Signal()  # the entries read (their labels are on screen)
    written = Signal(bool)  # a save or delete of an entry ended (True: written)

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, operations: Operations | None = None
    ) -> None:
        super().__init__(self.tr("Contact log"), parent)
        self.desk = desk
        self.operations = operations if operations is not None else Operations(self)
        self.loading = False  # a read of the entries is under way
        self.saving = False  # a save or delete of an entry is under way
        self._reads = 0  # reads started: only the latest one is shown
        self.service = desk.contact_log
        self.assignment_id: int | None = None
        self.assignment_reference = ""
        self.assignment_label: Label | None = None
        self.entry_id: int | None = None
        self.entry_version: int | None = None
        self._labels: dict[int, Label] = {}
        self.model = RowsModel(
            [
                (
                    self.tr("Mark"),
                    lambda e: (
                        desk.portion_mark(self._labels[e.label_id])
                        if e.label_id in self._labels
                        else ""
                    ),
                ),
                (self.tr("Date"), lambda e: e.date),
                (self.tr("Subject"), lambda e: e.subject),
                (self.tr("Counterparts"), lambda e: e.counterparts),
                (self.tr("Follow-up due"), lambda e: e.follow_up_due),
                (
                    self.tr("Done"),
                    lambda e: (
                        self.tr("yes")
                        if e.follow_up_done
                        else ("" if e.follow_up_due is None else self.tr("open"))
                    ),
                ),
            ],
            self,
        )
        self.model.decorate = self._decorate
        self.table = read_only_table(self.model, self.tr("Contact log entries"), stretch=2)
        self.date = OptionalDateEdit()
        self.subject = QLineEdit()
        self.counterparts = QLineEdit()
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(70)
        self.follow_up_due = OptionalDateEdit()
        self.follow_up_done = QCheckBox(self.tr("Follow-up done"))
        self.errors = {
            name: ErrorLabel()
            for name in ("date", "subject", "counterparts", "summary", "follow_up_due")
        }
        form = QFormLayout()
        for name, caption, widget in (
            ("date", self.tr("Date") + " *", self.date),
            ("subject", self.tr("Subject") + " *", self.subject),
            ("counterparts", self.tr("Counterparts"), self.counterparts),
            ("summary", self.tr("Summary"), self.summary),
            ("follow_up_due", self.tr("Follow-up due"), self.follow_up_due),
        ):
            widget.setAccessibleName(caption.rstrip(" *"))
            widget.setObjectName(f"log-{name}")
            cell = QVBoxLayout()
            cell.setSpacing(1)
            cell.addWidget(widget)
            cell.addWidget(self.errors[name])
            form.addRow(caption, cell)
        form.addRow("", self.follow_up_done)
        self.message = MessageArea()
        self.new_button = tool_button(
            "add", self.tr("New entry"), self.tr("Start a new contact-log entry")
        )
        self.save_button = tool_button(
            "save", self.tr("Save entry"), self.tr("Save this contact-log entry")
        )
        self.delete_button = tool_button(
            "remove", self.tr("Delete entry"), self.tr("Delete the selected entry")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.new_button.clicked.connect(self.new_entry)
        self.save_button.clicked.connect(self.save_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self._pick(current.row())
        )
        self.operations.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if self.assignment_id is not None and changes.touches("contact_log"):
            self.refresh()

    def _decorate(self, entry: Any, role: int) -> Any:
        late = (
            entry.follow_up_due is not None
            and not entry.follow_up_done
            and entry.follow_up_due < dt.date.today()
        )
        if late and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def set_assignment(
        self, assignment_id: int | None, reference: str = "", label: Label | None = None
    ) -> None:
        """Show the log of an assignment."""
        self.assignment_id, self.assignment_reference, self.assignment_label = (
            assignment_id,
            reference,
            label,
        )
        self.refresh()
        self.new_entry()

    def refresh(self) -> None:
        """Re-read the entries through the service, through the runner (off the GUI thread)."""
        self._reads += 1
        if self.assignment_id is None:
            self.loading = False
            self.model.set_rows([])
            return
        service, assignment_id, read = self.service, self.assignment_id, self._reads
        self.loading = True

        def failed(error: BaseException) -> None:
            if read != self._reads:
                return
            self.loading = False
            self.model.set_rows([])
            self.message.show_message(
                refusal(error)
                if isinstance(error, ServiceError)
                else self.tr("Could not read the contact log: {error}").format(error=error)
            )

        self.operations.run(
            lambda: service.for_assignment(assignment_id),
            success=while_alive(self, lambda page: self._show(read, page)),
            failure=while_alive(self, failed),
        )

    def _show(self, read: int, page: Page[Any]) -> None:
        if read != self._reads:
            return  # a later read is under way
        self.loading = False
        self._labels = dict(page.labels)
        self.model.set_rows(page.records)
        self.loaded.emit()

    def _pick(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        entry = self.model.row(row)
        self.entry_id, self.entry_version = entry.id, entry.row_version
        self.date.set_value(entry.date)
        self.subject.setText(entry.subject)
        self.counterparts.setText(entry.counterparts)
        self.summary.setPlainText(entry.summary)
        self.follow_up_due.set_value(entry.follow_up_due)
        self.follow_up_done.setChecked(bool(entry.follow_up_done))
        self._clear_errors()

    def new_entry(self) -> None:
        """Empty the entry editor for a new entry."""
        self.entry_id = self.entry_version = None
        self.table.clearSelection()
        self.date.set_value(dt.date.today())
        for edit in (self.subject, self.counterparts):
            edit.clear()
        self.summary.clear()
        self.follow_up_due.set_value(None)
        self.follow_up_done.setChecked(False)
        self._clear_errors()

    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.show_message("")

    def values(self) -> dict[str, Any]:
        """The entry as typed."""
        return {
            "date": self.date.value(),
            "subject": self.subject.text(),
            "counterparts": self.counterparts.text(),
            "summary": self.summary.toPlainText(),
            "follow_up_due": self.follow_up_due.value(),
            "follow_up_done": self.follow_up_done.isChecked(),
        }

    def save_entry(self) -> bool:
        """Create or update the entry through the runner (it takes the assignment's label);
        False when nothing was started."""
        if self.assignment_id is None or self.saving:
            return False
        values = self.values()
        service, entry_id, version = self.service, self.entry_id, self.entry_version
        reference = self.assignment_reference

        def work() -> Saved[Any]:
            if entry_id is None:
                return service.create({**values, "assignment": reference})
            return service.update(entry_id, values, expected_version=version)

        def done(saved: Saved[Any]) -> None:
            self.new_entry()
            self.message.show_warnings(
                self.tr("Entry saved: {subject}.").format(subject=saved.record.subject),
                saved.warnings,
            )

        def invalid(error: BaseException) -> None:
            if not isinstance(error, ValidationFailed):
                show_refusal(self.message, self.tr("Entry not saved."), error)
                return
            self._clear_errors()
            other = []
            for name, message in error.errors.items():
                if name in self.errors:
                    self.errors[name].show_message(message)
                else:
                    other.append(message)
            self.message.show_message(
                self.tr("Entry not saved. Please correct the fields marked.")
                + ("\n" + "\n".join(other) if other else "")
            )

        self._write(work, done, invalid, lambda saved: saved.record.id)
        return True

    def delete_entry(self) -> bool:
        """Delete the selected entry through the runner; False when nothing was started."""
        if self.entry_id is None or self.saving:
            return False
        service, entry_id = self.service, self.entry_id

        def done(_saved: Any) -> None:
            self.new_entry()
            self.message.show_message(self.tr("Entry deleted."))

        self._write(
            lambda: service.delete(entry_id, reason="deleted from the contact log"),
            done,
            lambda error: show_refusal(self.message, self.tr("Entry not deleted."), error),
            lambda _none: entry_id,
        )
        return True

    def _write(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        written: Callable[[Any], int],
    ) -> None:
        """One write of an entry through the runner, the panel busy meanwhile; its notice names
        the entry ``written`` returns."""

        def succeeded(result: Any) -> None:
            self.saving = False
            done(result)
            self.written.emit(True)

        def refused(error: BaseException) -> None:
            self.saving = False
            failed(error)
            self.written.emit(False)

        self.saving = True
        self.operations.run(
            work,
            success=while_alive(self, succeeded),
            failure=while_alive(self, refused),
            changes=lambda saved: Changes(
                kinds=frozenset({"contact_log"}),
                records=frozenset({("contact_log", written(saved))}),
            ),
            busy_widget=self,
        )


class LiaisonForm(RecordForm):
    """A liaison officer's assignment with its contact log."""

    service_name = "liaison"
    noun = "liaison assignment"
    groups = [
        (
            QT_TRANSLATE_NOOP("RecordForm", "Assignment"),
            ["person", "kind", "sending_nation", "host_nation", "host_organisation", "agreement"],
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Tour"), ["start_date", "end_date", "duties", "home_poc"]),
        (
            QT_TRANSLATE_NOOP("RecordForm", "Disclosure"),
            ["disclosure_level", "disclosure_categories"],
        ),
    ]
    status_vocabulary = LiaisonStatus
    status_moves = LIAISON_MOVES

    def make_editor(self, field: Field) -> Editor:
        """Pickers over the people and agreements the services list."""
        if field.name in ("person", "agreement"):
            service = self.desk.people if field.name == "person" else self.desk.agreements
            return editor_of(ReferencePicker(service, self.operations))
        if field.name == "disclosure_level":
            combo = QComboBox()
            combo.addItem(self.tr("not set"), "")
            for index, name in enumerate(self.desk.db.scheme.names):
                combo.addItem(name, str(index))

            def set_level(value: Any, combo: QComboBox = combo) -> None:
                combo.setCurrentIndex(max(combo.findData("" if value is None else str(value)), 0))

            return Editor(
                combo, combo.currentData, set_level, combo.currentIndexChanged, ErrorLabel()
            )
        return super().make_editor(field)

    def build_related(self, layout: QVBoxLayout) -> None:
        """The contact-log panel."""
        self.contact_log = ContactLogPanel(self.desk, operations=self.operations)
        self.contact_log.loaded.connect(lambda: self.controller.emit_label())
        layout.addWidget(self.contact_log)

    def related_labels(self) -> list[Label]:
        """The contact-log entries' labels."""
        return [
            self.contact_log._labels[e.label_id]
            for e in self.contact_log.model.rows
            if e.label_id in self.contact_log._labels
        ]

    def load_related(self) -> None:
        """The log of the assignment shown."""
        self.contact_log.set_assignment(self.record.id, self.record.reference, self.stored_label)


__all__ = ["ContactLogPanel", "LiaisonForm"]
