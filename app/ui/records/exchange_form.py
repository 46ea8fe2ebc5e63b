"""The exchange form: fields, status moves, outcome, and the participants panel."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.labels import Label
from app.domain.vocab import (
    EXCHANGE_MOVES,
    PARTICIPATION_MOVES,
    CostCategory,
    ExchangeStatus,
    ParticipationRole,
    ParticipationStatus,
)
from app.services.base import Saved
from app.services.desk import Desk
from app.services.errors import ServiceError, ValidationFailed
from app.services.fields import Field
from app.ui.failures import show_failure
from app.ui.i18n import error_text, service_text, vocabulary_label
from app.ui.operations import Changes, Operations
from app.ui.records.callbacks import while_alive
from app.ui.records.collection_editor import CollectionEditor
from app.ui.records.editors import Editor, editor_of, vocabulary_combo
from app.ui.records.messages import MessageArea, refusal, show_refusal
from app.ui.records.record_form import RecordForm
from app.ui.records.reference_picker import ReferencePicker
from app.ui.records.tables import RowsModel, read_only_table
from app.ui.widgets import ErrorLabel, tool_button

T = TypeVar("T")

COST_FIELDS = (
    Field("category", "Category"),
    Field("description", "Description"),
    Field("amount", "Amount"),
    Field("currency", "Currency"),
)


@dataclass(frozen=True)
class ParticipantRow:
    """One participation as the panel shows it (read once when the roster loads)."""

    id: int
    row_version: int
    person: str
    person_name: str
    role: str
    status: str
    arrival_date: Any
    departure_date: Any
    label: Label


class ParticipantsPanel(QGroupBox):
    """The visible participations of an exchange: add a person, change status, remove; warnings
    shown. Double-click (or Enter) asks for the participation's own form (travel, documents,
    feedback). Every service call (roster, warnings, the people finder, writes) runs through
    the operation runner; the roster is read again when an operation reports a change of
    participations or people (in this window or another)."""

    openRequested = Signal(str, int)  # "participation", its id
    loaded = Signal()  # the roster read (its labels are on screen)
    found = Signal()  # the people finder filled the chooser
    written = Signal(bool)  # a write of the panel ended (True: written)

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, operations: Operations | None = None
    ) -> None:
        super().__init__(self.tr("Participants"), parent)
        self.desk = desk
        self.operations = operations if operations is not None else Operations(self)
        self.loading = False  # a read of the roster is under way
        self.working = False  # a write, a search or a warnings check is under way
        self._reads = 0  # reads started: only the latest one is shown
        self._checks = 0  # warnings asked for: only the latest answer is shown
        self._finds = 0  # searches started: only the latest one fills the chooser
        self.service = desk.participations
        self.exchange_reference = ""
        self.exchange_id: int | None = None
        self.ask_reason = self._ask_reason
        self.confirm = self._confirm
        self.model = RowsModel(
            [
                (self.tr("Mark"), lambda p: desk.portion_mark(p.label)),
                (self.tr("Person"), lambda p: f"{p.person_name} ({p.person})"),
                (self.tr("Role"), lambda p: vocabulary_label(ParticipationRole(p.role).label)),
                (
                    self.tr("Status"),
                    lambda p: vocabulary_label(ParticipationStatus(p.status).label),
                ),
                (self.tr("Arrival"), lambda p: p.arrival_date),
                (self.tr("Departure"), lambda p: p.departure_date),
            ],
            self,
        )
        self.table = read_only_table(self.model, self.tr("Participants"), stretch=1)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a person by name, reference or passport…"))
        self.search.setAccessibleName(self.tr("Find a person"))
        self.search.setClearButtonEnabled(True)
        self.find_button = tool_button(
            "find", self.tr("Find"), self.tr("List the people matching the text")
        )
        self.person = QComboBox()
        self.person.setAccessibleName(self.tr("Person to add"))
        self.person.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.person.setMinimumContentsLength(24)
        self.role = vocabulary_combo(ParticipationRole)
        self.role.removeItem(0)
        self.role.setAccessibleName(self.tr("Role"))
        self.add_button = tool_button(
            "add", self.tr("Add participant"), self.tr("Add the chosen person to this exchange")
        )
        self.next_status = QComboBox()
        self.next_status.setAccessibleName(self.tr("Next status"))
        self.next_status.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.next_status.setMinimumContentsLength(  # filled on selection: wide enough for any
            max(len(vocabulary_label(status.label)) for status in ParticipationStatus)
        )
        self.status_button = tool_button(
            "revert",
            self.tr("Change status"),
            self.tr("Move the selected participant to the chosen status"),
        )
        self.remove_button = tool_button(
            "remove",
            self.tr("Remove"),
            self.tr("Remove the selected participant from the exchange"),
        )
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName(self.tr("Participant warnings"))
        self.message = MessageArea()
        self.error = ErrorLabel()
        find_row = QHBoxLayout()
        find_row.addWidget(self.search, 2)
        find_row.addWidget(self.find_button)
        find_row.addWidget(self.person, 3)
        find_row.addWidget(self.role)
        find_row.addWidget(self.add_button)
        status_row = QHBoxLayout()
        status_row.addWidget(QLabel(self.tr("Selected:")))
        status_row.addWidget(self.next_status)
        status_row.addWidget(self.status_button)
        status_row.addStretch(1)
        status_row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(status_row)
        layout.addWidget(self.warnings)
        layout.addLayout(find_row)
        layout.addWidget(self.error)
        layout.addWidget(self.message)
        self.find_button.clicked.connect(self.find_people)
        self.search.returnPressed.connect(self.find_people)
        self.add_button.clicked.connect(self.add_participant)
        self.status_button.clicked.connect(
            lambda: self.change_status(self.next_status.currentData())
        )
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _old: self._selected(current.row())
        )
        # a double-click (or Enter) activates the row: one window (doubleClicked as well would
        # open a second one)
        self.table.activated.connect(
            lambda index: self.openRequested.emit("participation", self.model.row(index.row()).id)
        )
        self._selected(-1)
        self.operations.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if self.exchange_id is not None and (
            changes.touches("participation") or changes.touches("person")
        ):
            self.refresh()

    def set_exchange(self, exchange_id: int | None, reference: str = "") -> None:
        """Show the roster of an exchange."""
        self.exchange_id, self.exchange_reference = exchange_id, reference
        self.refresh()

    def refresh(self) -> None:
        """Read the visible participations through the service, off the GUI thread."""
        self._reads += 1
        if self.exchange_id is None:
            self.loading = False
            self.model.set_rows([])
            return
        service, exchange_id, read = self.service, self.exchange_id, self._reads
        self.loading = True

        def work() -> list[ParticipantRow]:
            page = service.for_exchange(exchange_id)
            # a row prints the person's name: its label is the participation's and the person's
            shown = service.row_labels(page.records)
            return [
                ParticipantRow(
                    p.id,
                    p.row_version,
                    service.value_of(p, "person"),
                    service.value_of(p, "person_name"),
                    p.role,
                    p.status,
                    p.arrival_date,
                    p.departure_date,
                    shown.get(p.id, page.labels[p.label_id]),
                )
                for p in page.records
            ]

        def failed(error: BaseException) -> None:
            if read == self._reads:
                self.message.show_message(
                    refusal(error) if isinstance(error, ServiceError) else str(error)
                )
                self._show(read, [])

        self.operations.run(
            work,
            success=while_alive(self, lambda rows: self._show(read, rows)),
            failure=while_alive(self, failed),
        )

    def _show(self, read: int, rows: list[ParticipantRow]) -> None:
        if read != self._reads:
            return  # a later read is under way
        self.loading = False
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._selected(-1)
        self.loaded.emit()

    def labels(self) -> list[Label]:
        """The labels of the participations shown."""
        return [row.label for row in self.model.rows]

    def selected(self) -> ParticipantRow | None:
        """The participant row selected."""
        row = self.table.currentIndex().row()
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def _selected(self, row: int) -> None:
        self.next_status.clear()
        participant = self.model.row(row) if 0 <= row < self.model.rowCount() else None
        if participant is None:
            self.warnings.setText("")
        else:
            for status in sorted(
                PARTICIPATION_MOVES[ParticipationStatus(participant.status)],
                key=list(ParticipationStatus).index,
            ):
                self.next_status.addItem(vocabulary_label(status.label), status.value)
            self._show_warnings(participant)
        for widget in (self.next_status, self.status_button):
            widget.setEnabled(self.next_status.count() > 0)
        self.remove_button.setEnabled(participant is not None)

    def _show_warnings(self, participant: ParticipantRow) -> None:
        """The participant's warnings, asked of the service off the GUI thread."""
        self._checks += 1
        check, service, participation_id = self._checks, self.service, participant.id
        self.warnings.setText(self.tr("Checking…"))

        def shown(found: list[str]) -> None:
            if check == self._checks:
                self.warnings.setText(
                    ("⚠ " + "\n⚠ ".join(map(service_text, found)))
                    if found
                    else self.tr("No warnings for {name}.").format(name=participant.person_name)
                )

        def failed(error: BaseException) -> None:
            if check == self._checks:
                self.warnings.setText(
                    refusal(error) if isinstance(error, ServiceError) else error_text(error)
                )

        self.operations.run(
            lambda: service.warnings_for(participation_id),
            success=while_alive(self, shown),
            failure=while_alive(self, failed),
        )

    def find_people(self) -> None:
        """Fill the person chooser with the people the service lists for the text (read off
        the GUI thread)."""
        self._finds += 1
        find, people = self._finds, self.desk.people
        text = self.search.text().strip()
        self.error.show_message("")

        def work() -> list[tuple[str, str]]:
            page = people.list({"text": text} if text else {}, limit=50)
            return [
                (f"{people.title(r)} · {r.nation_code} · {r.reference}", r.reference)
                for r in page.records
            ]

        def found(choices: list[tuple[str, str]]) -> None:
            if find != self._finds:
                return
            self.person.clear()
            for shown, reference in choices:
                self.person.addItem(shown, reference)
            self.error.show_message(
                ""
                if choices
                else self.tr("No person matches; try another spelling or the reference.")
            )
            self.found.emit()

        def failed(error: BaseException) -> None:
            if find != self._finds:
                return
            self.person.clear()
            if isinstance(error, ServiceError):
                self.error.show_message(refusal(error))
            else:
                show_failure(self.window(), error)
            self.found.emit()

        self.operations.run(
            work,
            success=while_alive(self, found),
            failure=while_alive(self, failed),
            busy_widget=self.find_button,
        )

    def _write(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        refused: Callable[[BaseException], None],
        written: Callable[[T], int],
    ) -> None:
        """One write of a participation through the runner, the panel busy meanwhile; its
        notice names the participation ``written`` returns."""

        def succeeded(result: T) -> None:
            self.working = False
            done(result)
            self.written.emit(True)

        def failed(error: BaseException) -> None:
            self.working = False
            refused(error)
            self.written.emit(False)

        self.working = True
        self.operations.run(
            work,
            success=while_alive(self, succeeded),
            failure=while_alive(self, failed),
            changes=lambda result: Changes(
                kinds=frozenset({"participation"}),
                records=frozenset({("participation", written(result))}),
            ),
            busy_widget=self,
        )

    def add_participant(self) -> bool:
        """Add the chosen person with the chosen role (the participation takes the exchange's
        label), through the runner; False when nothing was started."""
        if self.exchange_id is None or not self.person.currentData():
            self.error.show_message(self.tr("Find and choose a person first."))
            return False
        if self.working:
            return False
        service = self.service
        values = {
            "exchange": self.exchange_reference,
            "person": self.person.currentData(),
            "role": self.role.currentData(),
        }

        def work() -> tuple[Saved[Any], str]:
            saved = service.create(values)
            return saved, service.value_of(saved.record, "person_name")

        def done(result: tuple[Saved[Any], str]) -> None:
            saved, name = result
            self.error.show_message("")
            role = vocabulary_label(ParticipationRole(saved.record.role).label).lower()
            self.message.show_warnings(
                self.tr("{name} added as {role}.").format(name=name, role=role), saved.warnings
            )

        def refused(error: BaseException) -> None:
            if isinstance(error, ServiceError):
                self.error.show_message(refusal(error))
            else:
                show_refusal(self.message, self.tr("Not added."), error)

        self._write(work, done, refused, lambda result: result[0].record.id)
        return True

    def change_status(self, status: str | None) -> bool:
        """Move the selected participant (withdrawing asks a reason), through the runner;
        False when nothing was started."""
        participant = self.selected()
        if participant is None or not status or self.working:
            return False
        reason = None
        if status == ParticipationStatus.WITHDRAWN.value:
            reason = self.ask_reason(
                self.tr("Why is {name} withdrawn?").format(name=participant.person_name)
            )
            if reason is None:
                self.message.show_message(
                    self.tr("Status not changed: withdrawing needs a reason.")
                )
                return False
        service = self.service

        def done(saved: Saved[Any]) -> None:
            self.message.show_warnings(
                self.tr("{name}: {status}.").format(
                    name=participant.person_name,
                    status=vocabulary_label(ParticipationStatus(status).label).lower(),
                ),
                saved.warnings,
            )

        self._write(
            lambda: service.change_status(
                participant.id, status, reason=reason, expected_version=participant.row_version
            ),
            done,
            lambda error: show_refusal(self.message, self.tr("Status not changed."), error),
            lambda _saved: participant.id,
        )
        return True

    def remove_selected(self) -> bool:
        """Remove the selected participation after confirmation, through the runner; False
        when nothing was started."""
        participant = self.selected()
        if (
            participant is None
            or self.working
            or not self.confirm(
                self.tr("Remove {name} from this exchange?").format(name=participant.person_name)
            )
        ):
            return False
        service = self.service
        self._write(
            lambda: service.delete(
                participant.id, reason="removed from the exchange's participants"
            ),
            lambda _none: self.message.show_message(
                self.tr("{name} removed.").format(name=participant.person_name)
            ),
            lambda error: show_refusal(self.message, self.tr("Not removed."), error),
            lambda _none: participant.id,
        )
        return True

    def _ask_reason(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Reason"),
            prompt + "\n\n" + self.tr("Reason (recorded in the audit trail):"),
        )
        return text.strip() if ok and text.strip() else None

    def _confirm(self, text: str) -> bool:
        return (
            QMessageBox.question(self, self.tr("Remove participant"), text)
            == QMessageBox.StandardButton.Yes
        )


class ExchangeForm(RecordForm):
    """An exchange with its status moves, outcome and participants."""

    service_name = "exchanges"
    noun = "exchange"
    groups = [
        (
            QT_TRANSLATE_NOOP("RecordForm", "Exchange"),
            [
                "title",
                "kind",
                "program",
                "domains",
                "host_nation",
                "partner_nations",
                "location",
                "agreement",
                "lead_coordinator",
            ],
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Dates"), ["start_date", "end_date"]),
        (
            QT_TRANSLATE_NOOP("RecordForm", "Objectives and budget"),
            ["objectives", "budget_amount", "budget_currency"],
        ),
        (
            QT_TRANSLATE_NOOP("RecordForm", "Outcome"),
            ["outcome_summary", "lessons_learned", "outcome_rating"],
        ),
    ]
    status_vocabulary = ExchangeStatus
    status_moves = EXCHANGE_MOVES
    reason_statuses = (ExchangeStatus.CANCELLED.value,)

    def make_editor(self, field: Field) -> Editor:
        """The agreement picker lists only the agreements the service returns; hints on texts."""
        if field.name == "agreement":
            return editor_of(ReferencePicker(self.desk.agreements, self.operations))
        editor = super().make_editor(field)
        hints = {
            "cost_lines": self.tr("travel 1200.00 USD Return flights; lodging 800 EUR"),
            "budget_currency": self.tr("e.g. USD"),
            "outcome_rating": self.tr("1 (poor) to 5 (fully met)"),
            "lead_coordinator": self.tr("username"),
        }
        if field.name in hints and isinstance(editor.widget, QLineEdit):
            editor.widget.setPlaceholderText(hints[field.name])
        return editor

    def build_related(self, layout: QVBoxLayout) -> None:
        """The participants panel and the cost lines."""
        self.participants = ParticipantsPanel(self.desk, operations=self.operations)
        self.participants.loaded.connect(lambda: self.controller.emit_label())
        self.participants.openRequested.connect(self.openRequested)
        layout.addWidget(self.participants)
        self.costs = CollectionEditor(self.tr("Cost lines"), COST_FIELDS, self.save_cost_lines)
        self.costs.table.setToolTip(
            self.tr("Category: {categories}; currency: ISO 4217 (USD, EUR…)").format(
                categories=", ".join(c.value for c in CostCategory)
            )
        )
        box = QGroupBox(self.tr("Cost lines"))
        QVBoxLayout(box).addWidget(self.costs)
        layout.addWidget(box)

    def load_related(self) -> None:
        """The roster and cost lines of the exchange shown; a cancelled exchange shows its
        reason."""
        self.participants.set_exchange(self.record.id, self.record.reference)
        self.costs.model.set_rows(
            [{f.name: getattr(c, f.name) for f in COST_FIELDS} for c in self.record.costs]
        )
        self.costs.error.show_message("")
        if self.record.status == ExchangeStatus.CANCELLED.value and self.record.cancel_reason:
            self.status_label.setText(
                self.tr("<b>Cancelled</b>: {reason}").format(
                    reason=html.escape(self.record.cancel_reason)
                )
            )

    def save_cost_lines(self, rows: list[dict[str, str]]) -> bool:
        """Replace the cost lines through the runner; budget warnings shown."""
        if self.record_id is None or self.controller.saving:
            return False
        service, record_id, version = self.service, self.record_id, self.version

        def invalid(failure: ValidationFailed) -> None:
            self.costs.error.show_message("; ".join(failure.errors.values()))
            self.message.show_message(
                self.tr("Cost lines not saved: please correct the rows marked below the table.")
            )

        self.write(
            lambda: service.set_cost_lines(record_id, rows, expected_version=version),
            self.tr("Cost lines saved."),
            self.tr("Cost lines not saved."),
            invalid=invalid,
        )
        return True

    def related_labels(self) -> list[Label]:
        """The participants' labels."""
        return self.participants.labels()


__all__ = ["ExchangeForm", "ParticipantsPanel"]
