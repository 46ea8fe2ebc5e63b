"""The form of a record kind built from its service's fields: exchanges, agreements, liaison
assignments and participations are subclasses that name their service, lay out groups of field
names and add related panels.

`RecordForm` is the view (layout only: groups, status row, related panels, attachments) and owns
its `RecordController` (status moves and the related panels' refresh on top of the shared
`FormController`). The form never decides access: it calls the desk's services and shows what
they refuse.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.labels import Label
from app.services.base import RecordService, Saved
from app.services.desk import Desk
from app.services.fields import Field
from app.ui.admin.who_can_see import WhoCanSeeDialog
from app.ui.i18n import field_title, vocabulary_label
from app.ui.operations import Operations
from app.ui.records.attachments_panel import AttachmentsPanel
from app.ui.records.editors import Editor, editor_for
from app.ui.records.form_context import FormContext, read_form_context
from app.ui.records.form_controller import ControlledForm, FormController, form_text
from app.ui.records.form_view import FormView
from app.ui.widgets import tool_button


class RecordController(FormController):
    """The controller of a `RecordForm`: the shared load / save plus status moves and panels."""

    def __init__(
        self,
        form: RecordForm,
        service: RecordService[Any],
        operations: Operations | None = None,
        may_write: bool = True,
    ) -> None:
        super().__init__(service, form, operations, may_write)
        self.form = form
        self.noun = form.noun
        form.status_requested.connect(self.change_status)

    def default_values(self) -> dict[str, Any]:
        """The form's defaults for a new record."""
        return self.form.default_values()

    def related_labels(self) -> list[Label]:
        """Attachments' labels and those of the form's related panels."""
        return list(self.form.attachments.labels) + self.form.related_labels()

    def shown_new(self) -> None:
        """A new record has no status moves, related rows or attachments yet."""
        self.form.show_status("new", [])
        self.form.enable_related(False)
        self.form.attachments.set_record(None)

    def shown(self, record: Any, label: Label) -> None:
        """Status moves, attachments and related panels of the record shown."""
        vocabulary = self.form.status_vocabulary
        status = getattr(record, "status", None)
        if vocabulary is not None and status is not None:
            current = vocabulary(status)
            moves = self.form.status_moves or {}
            targets = sorted(moves.get(current, ()), key=list(vocabulary).index)
            self.form.show_status(f"<b>{vocabulary_label(current.label)}</b>", targets)
        self.form.enable_related(True)
        self.form.attachments.set_record(record.id, label)
        self.form.load_related()

    def change_status(self, status: str) -> bool:
        """Ask the service to move the status (a reason asked where the move needs one);
        False when nothing was started."""
        vocabulary = self.form.status_vocabulary
        if self.record_id is None or self.saving or vocabulary is None:
            return False
        reason = None
        words = vocabulary_label(vocabulary(status).label).lower()
        if status in self.form.reason_statuses:
            reason = self.ask_reason(
                self.tr("Reason"),
                self.tr("Why change the status to {status}?").format(status=words),
            )
            if reason is None:
                self.view.show_message(self.tr("Status not changed: a reason is needed."))
                return False
        service, record_id, version = self.service, self.record_id, self.version

        def move() -> Saved[Any]:
            return service.change_status(record_id, status, reason=reason, expected_version=version)

        self.write(
            move,
            self.tr("Status changed to {status}.").format(status=words),
            self.tr("Status not changed."),
        )
        return True


class RecordForm(ControlledForm, FormView):
    """A labelled record's form: fields from the service, label editor, status moves, related
    panels, attachments, messages, save / revert."""

    saved = Signal(int)
    label_changed = Signal(object)
    title_changed = Signal(str)
    save_finished = Signal(bool)
    opened = Signal(bool)
    status_requested = Signal(str)
    openRequested = Signal(str, int)  # a related record to open in its own form (kind, id)

    service_name: ClassVar[str]
    noun: ClassVar[str] = "record"
    groups: ClassVar[list[tuple[str, list[str]]]] = []
    status_vocabulary: ClassVar[type[Enum] | None] = None
    status_moves: ClassVar[dict[Any, frozenset[Any]] | None] = None
    reason_statuses: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        desk: Desk,
        record_id: int | None,
        parent: QWidget | None = None,
        operations: Operations | None = None,
        context: FormContext | None = None,
    ) -> None:
        # the window passes the context it read off the GUI thread; a form built alone reads it
        self.context = context if context is not None else read_form_context(desk)
        super().__init__(form_text(self.noun, 0), self.context.label_editor(), True, parent)
        self.desk = desk
        self.actor = self.context.actor
        self.service: RecordService[Any] = getattr(desk, self.service_name)
        self.nations = dict(self.context.nations)
        self.operations = operations if operations is not None else Operations(self)
        fields = {f.name: f for f in self.service.fields}

        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Status"))
        self.status_buttons = QHBoxLayout()
        self.status_row = QWidget()
        status_row = QHBoxLayout(self.status_row)
        status_row.setContentsMargins(0, 0, 0, 0)
        status_row.addWidget(QLabel(self.tr("Status:")))
        status_row.addWidget(self.status_label)
        status_row.addSpacing(12)
        status_row.addLayout(self.status_buttons)
        status_row.addStretch(1)
        self.status_row.setVisible(self.status_moves is not None)
        self.body_layout.addWidget(self.status_row)
        self.body_layout.addWidget(self.message)
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.body_layout.addLayout(columns)
        for number, (group_title, names) in enumerate(self.groups):
            rows = []
            for name in names:
                field = fields[name]
                rows.append(
                    (
                        name,
                        field_title(field.title) + (" *" if field.required else ""),
                        self.make_editor(field),
                    )
                )
            # the groups' titles are marked QT_TRANSLATE_NOOP("RecordForm", …) by each form
            title = QCoreApplication.translate("RecordForm", group_title)
            (left if number == 0 else right).addWidget(self.group(title, rows))
        left.addStretch(1)
        right.addStretch(1)
        self.body_layout.addWidget(self.label_box)
        self.related = QWidget()
        self.related_layout = QVBoxLayout(self.related)
        self.related_layout.setContentsMargins(0, 0, 0, 0)
        self.build_related(self.related_layout)
        self.attachments = AttachmentsPanel(
            desk, self.service.kind, operations=self.operations, context=self.context
        )
        self.related_layout.addWidget(self.attachments)
        self.body_layout.addWidget(self.related)
        self.wheel_guard.guard(self.related)
        self.body_layout.addStretch(1)
        self.who_button = tool_button(
            "users",
            self.tr("Who can see this?"),
            self.tr("List the users this record's label admits"),
        )
        self.add_left_button(self.who_button)
        self.who_button.clicked.connect(self.show_who_can_see)

        self.controller = RecordController(
            self, self.service, self.operations, self.actor.may_write_records
        )
        self.controller.saved.connect(self.saved)
        self.controller.label_changed.connect(self.label_changed)
        self.controller.title_changed.connect(self.title_changed)
        self.controller.save_finished.connect(self.save_finished)
        self.controller.opened.connect(self.opened)
        self.attachments.labelsChanged.connect(lambda _labels: self.controller.emit_label())
        if record_id is None:
            self.controller.new()
        else:
            self.controller.open_later(record_id)

    # --- hooks of the concrete forms ---------------------------------------------------------

    def make_editor(self, field: Field) -> Editor:
        """The editor of one field (override for pickers of other records)."""
        return editor_for(field, self.nations, dict(self.context.nation_members))

    def build_related(self, layout: QVBoxLayout) -> None:
        """Add related panels under the fields."""

    def load_related(self) -> None:
        """Refresh the related panels for the record shown."""

    def related_labels(self) -> list[Label]:
        """Labels of the rows the related panels show (override per form)."""
        return []

    def default_values(self) -> dict[str, Any]:
        """Values a new record starts with."""
        return {}

    # --- layout shown by the controller ------------------------------------------------------

    def show_status(self, text: str, targets: list[Any]) -> None:
        """The status and one button per allowed move (each asks `status_requested`)."""
        self.status_label.setText(text)
        while self.status_buttons.count():
            widget = self.status_buttons.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for target in targets:
            words = vocabulary_label(target.label)
            button = QPushButton(f"→ {words}")
            button.setObjectName(f"status-{target.value}")
            button.setToolTip(self.tr("Change the status to {status}").format(status=words.lower()))
            button.setAccessibleName(self.tr("Change status to {status}").format(status=words))
            button.clicked.connect(lambda _c=False, t=target: self.status_requested.emit(t.value))
            self.status_buttons.addWidget(button)

    def enable_related(self, enabled: bool) -> None:
        """Related panels and "Who can see this?" need a stored record."""
        self.related.setEnabled(enabled)
        self.related.setToolTip("" if enabled else form_text(self.noun, 3))
        self.who_button.setEnabled(enabled)

    def show_who_can_see(self) -> None:
        """Open the dialog listing the users this record's stored label admits."""
        if self.stored_label is not None:
            WhoCanSeeDialog(self.desk, self.stored_label, self.title.text(), self).open()

    # --- the form's interface (RecordWindow) -------------------------------------------------

    def revert(self) -> None:
        """Back to the stored record (or an empty new one)."""
        self.controller.revert()

    def load(self, record_id: int) -> None:
        """Show a stored record (read off the GUI thread; `opened` tells when it is shown)."""
        self.controller.open_later(record_id)

    def change_status(self, status: str) -> bool:
        """Start a status move (False when nothing was started)."""
        return self.controller.change_status(status)

    def current_label(self) -> Label | None:
        """The label being edited (None when REL TO has no nation)."""
        return self.label_editor.label()

    def write(self, call: Callable[[], Saved[Any]], done: str, refused: str, **kwargs: Any) -> None:
        """A write of this record by a related panel (cost lines, quotas …), through the runner."""
        self.controller.write(call, done, refused, **kwargs)

    @property
    def record(self) -> Any:
        """The record shown (None: new)."""
        return self.controller.record

    @property
    def version(self) -> int | None:
        """The row version the record was read at."""
        return self.controller.version

    @property
    def stored_label(self) -> Label | None:
        """The label stored with the record."""
        return self.controller.stored_label

    @property
    def ask_reason(self) -> Callable[[str, str], str | None]:
        """Asks a reason (title, prompt); None when the user gave none."""
        return self.controller.ask_reason

    @ask_reason.setter
    def ask_reason(self, ask: Callable[[str, str], str | None]) -> None:
        self.controller.ask_reason = ask
