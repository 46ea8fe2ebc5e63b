"""The person form on the shared form framework: `PersonForm` (the view) lays out the person's
editors; `PersonFormController` (talks to ``desk.people``) adds the identity fields, revealed
only on request (audited by the service), to the shared load / save of `FormController`.

`PersonRecordForm` puts both in one widget with the interface a record window expects.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain.labels import Label
from app.domain.vocab import NATO_RANK_CODES, Service
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.services.people import IDENTITY_FIELDS, PeopleService
from app.ui.failures import show_failure
from app.ui.i18n import vocabulary_label
from app.ui.operations import Operations
from app.ui.records.callbacks import while_alive
from app.ui.records.editors import Editor, editor_of
from app.ui.records.form_context import FormContext, read_form_context
from app.ui.records.form_controller import ControlledForm, FormController, Shown
from app.ui.records.form_view import FormView
from app.ui.records.messages import refusal
from app.ui.widgets import LabelEditor, LanguagesEditor, NationPicker, OptionalDateEdit, tool_button


class PersonForm(FormView):
    """Layout of the person form: editors, error lines, label editor, message area, buttons."""

    def __init__(
        self,
        nations: dict[str, str],
        level_names: list[str],
        max_level: int,
        nation_groups: dict[str, str],
        ntk_groups: list[str],
        marking: Callable[[Label], str],
        parent: QWidget | None = None,
        undo_actions: bool = False,
        refused_levels: Mapping[int, str] | None = None,
    ) -> None:
        label_editor = LabelEditor(
            level_names,
            max_level,
            nations,
            nation_groups,
            ntk_groups,
            marking,
            refused_levels=refused_levels,
        )
        super().__init__(self.tr("New person"), label_editor, undo_actions, parent)
        self.body_layout.addWidget(self.message)
        line = self._line
        name_box = self.group(
            self.tr("Name"),
            [
                ("family_name", self.tr("Family name *"), line()),
                ("given_names", self.tr("Given names"), line()),
                ("original_script_name", self.tr("Name in original script"), line()),
            ],
        )
        rank_code = QComboBox()
        rank_code.setEditable(True)
        rank_code.addItems(["", *NATO_RANK_CODES, "civilian"])
        service = QComboBox()
        service.addItem("", "")
        for member in Service:
            service.addItem(vocabulary_label(member.label), member.value)
        service_box = self.group(
            self.tr("Service"),
            [
                ("nation_code", self.tr("Nation *"), editor_of(NationPicker(nations))),
                ("rank", self.tr("Rank"), line()),
                ("rank_code", self.tr("NATO rank code"), editor_of(rank_code)),
                ("service", self.tr("Service"), editor_of(service)),
                ("unit", self.tr("Unit / organisation"), line()),
                ("position", self.tr("Position"), line()),
                ("email", self.tr("E-mail"), line()),
                ("phone", self.tr("Phone"), line()),
            ],
        )
        clearance = QComboBox()
        clearance.addItem(self.tr("none recorded"), None)
        for index, name in enumerate(level_names):
            clearance.addItem(name, index)
        clearance_box = self.group(
            self.tr("Clearance and languages"),
            [
                ("clearance_level", self.tr("Clearance held"), editor_of(clearance)),
                ("clearance_nation", self.tr("Granted by"), editor_of(NationPicker(nations))),
                ("clearance_expiry", self.tr("Clearance expiry"), editor_of(OptionalDateEdit())),
                ("languages", self.tr("Languages"), editor_of(LanguagesEditor())),
            ],
        )
        self.identity_box = self.group(
            self.tr("Identity"),
            [
                ("date_of_birth", self.tr("Date of birth"), editor_of(OptionalDateEdit())),
                ("place_of_birth", self.tr("Place of birth"), line()),
                ("passport_number", self.tr("Passport number"), line()),
                ("passport_expiry", self.tr("Passport expiry"), editor_of(OptionalDateEdit())),
                ("service_number", self.tr("Service number"), line()),
                ("visa_type", self.tr("Visa type"), line()),
                ("visa_number", self.tr("Visa number"), line()),
                ("visa_expiry", self.tr("Visa expiry"), editor_of(OptionalDateEdit())),
            ],
        )
        self.identity_button = tool_button(
            "identity",
            self.tr("Show identity"),
            self.tr("Show birth, passport and visa details (the view is audited)"),
        )
        self.add_left_button(self.identity_button)
        notes = QPlainTextEdit()
        notes.setMaximumHeight(90)
        notes_box = self.group(self.tr("Notes"), [("notes", self.tr("Notes"), editor_of(notes))])
        for box in (name_box, service_box, self.label_box, clearance_box, self.identity_box):
            self.body_layout.addWidget(box)
        self.body_layout.addWidget(notes_box)
        self.body_layout.addStretch(1)

    @staticmethod
    def _line() -> Editor:
        return editor_of(QLineEdit())

    def show_identity_box(self, shown: bool) -> None:
        """The identity fields, or the button that asks for them."""
        self.identity_box.setVisible(shown)
        self.identity_button.setVisible(not shown)


class PersonFormController(FormController):
    """Loads and saves one person through ``desk.people``; the form stays a view."""

    labelChanged = Signal()  # the labels on screen changed (the main window's banner)

    noun = "person"

    def __init__(
        self,
        people: PeopleService,
        form: PersonForm,
        may_write: bool,
        confirm: Callable[[str], str] | None = None,
        ask_reason: Callable[[str, str], str | None] | None = None,
        parent: QObject | None = None,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(people, form, operations, may_write, parent)
        self.people = people
        self.form = form
        self.identity_shown = False
        if confirm is not None:
            self.confirm = confirm
        if ask_reason is not None:
            self.ask_reason = ask_reason
        form.identity_button.clicked.connect(self.show_identity)
        self.label_changed.connect(lambda _label: self.labelChanged.emit())
        self.new()

    # --- hooks -------------------------------------------------------------------------------

    def field_names(self) -> list[str]:
        """Identity fields only while they are shown."""
        return [n for n in self.form.editors if self.identity_shown or n not in IDENTITY_FIELDS]

    def read_values(self, record: Any, names: list[str]) -> dict[str, Any]:
        """The record's values; identity fields only those the write itself loaded (reading them
        again would be a new, audited view)."""
        return {
            name: record.__dict__.get(name)
            if name in IDENTITY_FIELDS
            else self.people.value_of(record, name)
            for name in names
        }

    def title_of(self, record: Any) -> str:
        """Name and reference."""
        return f"{self.people.title(record)}  ·  {record.reference}"

    # --- state -------------------------------------------------------------------------------

    def new(self) -> None:
        """An empty form for a new person (identity fields editable straight away)."""
        self.identity_shown = True
        self.form.show_identity_box(True)
        super().new()

    def open_later(self, record_id: int) -> None:
        """Load a person off the GUI thread (identity hidden until asked for)."""
        self.identity_shown = False
        super().open_later(record_id)

    def show(self, shown: Shown) -> None:
        """The person on screen; the identity fields stay shown when the write returned them
        (after a save of what was typed: no second read, no new audited view)."""
        self.identity_shown = all(name in shown.values for name in IDENTITY_FIELDS)
        self.form.show_identity_box(self.identity_shown)
        super().show(shown)

    def is_dirty(self) -> bool:
        """True when the form differs from what was loaded or saved."""
        return self.has_unsaved_changes()

    # --- identity ----------------------------------------------------------------------------

    def show_identity(self) -> None:
        """Ask the service for the identity fields (role-checked and audited there), through
        the runner."""
        if self.record_id is None or self.saving:
            return
        people, record_id = self.people, self.record_id

        def revealed(identity: dict[str, Any]) -> None:
            if self.record_id != record_id:
                return  # another person was opened meanwhile
            self.form._applying = True
            try:
                for name, value in identity.items():
                    self.form.apply_value(name, value)
            finally:
                self.form._applying = False
            self.identity_shown = True
            self.form.show_identity_box(True)
            self._clean.update({n: self.form.editors[n].get() for n in IDENTITY_FIELDS})

        def refused(error: BaseException) -> None:
            if isinstance(error, ServiceError):
                self.form.show_message(refusal(error))
            else:
                show_failure(self.form.window(), error)

        self.operations.run(
            lambda: people.identity(record_id),
            success=while_alive(self.form, revealed),
            failure=while_alive(self.form, refused),
            busy_widget=self.form,
        )


class PersonRecordForm(ControlledForm, QWidget):
    """A person's form in its own record window (the same view and controller as the people
    page), with the interface `RecordWindow` expects."""

    saved = Signal(int)
    label_changed = Signal(object)
    title_changed = Signal(str)
    save_finished = Signal(bool)
    opened = Signal(bool)

    def __init__(
        self,
        desk: Desk,
        record_id: int | None,
        parent: QWidget | None = None,
        operations: Operations | None = None,
        context: FormContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.operations = operations if operations is not None else Operations(self)
        # the window passes the context it read off the GUI thread; a form built alone reads it
        self.context = context if context is not None else read_form_context(desk)
        actor = self.context.actor
        self.view = PersonForm(
            dict(self.context.nations),
            list(self.context.level_names),
            self.context.top_level,
            dict(self.context.nation_groups),
            list(self.context.ntk_groups),
            desk.marking,
            undo_actions=True,
            refused_levels=self.context.refused_levels,
        )
        self.controller = PersonFormController(
            desk.people, self.view, actor.may_write_records, parent=self, operations=self.operations
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        for theirs, ours in (
            (self.controller.saved, self.saved),
            (self.controller.label_changed, self.label_changed),
            (self.controller.title_changed, self.title_changed),
            (self.controller.save_finished, self.save_finished),
            (self.controller.opened, self.opened),
        ):
            theirs.connect(ours)
        if record_id is not None:
            self.controller.open_later(record_id)

    @property
    def editors(self) -> dict[str, Editor]:
        """The view's editors."""
        return self.view.editors
