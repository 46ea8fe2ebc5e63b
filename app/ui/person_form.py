"""The person form (view) and its controller (talks to ``desk.people``).

The view only lays out editors and shows messages; the controller loads, validates through the
service, saves, reverts, reveals identity fields (audited by the service) and keeps undo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.labels import Label, is_downgrade
from app.domain.vocab import NATO_RANK_CODES, Service
from app.services.errors import Conflict, NotFound, PermissionDenied, ServiceError, ValidationFailed
from app.services.people import IDENTITY_FIELDS
from app.ui.icons import icon
from app.ui.undo import UndoableFields
from app.ui.widgets import ErrorLabel, LabelEditor, LanguagesEditor, NationPicker, OptionalDateEdit

LABEL_ERROR_FIELDS = ("classification", "releasable_to", "groups")


@dataclass
class Editor:
    """One field's widget, how to read and write it, and its error line."""

    widget: QWidget
    get: Callable[[], Any]
    set: Callable[[Any], None]
    changed: Any  # a bound signal
    error: ErrorLabel
    mergeable: bool = False


class PersonForm(UndoableFields, QWidget):
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
    ) -> None:
        super().__init__(parent)
        self.editors: dict[str, Editor] = {}
        self.undo_stack = QUndoStack(self)
        self._applying = False
        self._last: dict[str, Any] = {}

        self.title = QLabel("New person")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.setFrameShape(QFrame.Shape.StyledPanel)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName("Messages")
        self.message.hide()

        name_box = self._group(
            "Name",
            [
                ("family_name", "Family name *", self._line()),
                ("given_names", "Given names", self._line()),
                ("original_script_name", "Name in original script", self._line()),
            ],
        )
        rank_code = QComboBox()
        rank_code.setEditable(True)
        rank_code.addItems(["", *NATO_RANK_CODES, "civilian"])
        service = QComboBox()
        service.addItem("", "")
        for member in Service:
            service.addItem(member.label, member.value)
        service_box = self._group(
            "Service",
            [
                ("nation_code", "Nation *", NationPicker(nations)),
                ("rank", "Rank", self._line()),
                ("rank_code", "NATO rank code", rank_code),
                ("service", "Service", service),
                ("unit", "Unit / organisation", self._line()),
                ("position", "Position", self._line()),
                ("email", "E-mail", self._line()),
                ("phone", "Phone", self._line()),
            ],
        )
        clearance = QComboBox()
        clearance.addItem("none recorded", None)
        for index, name in enumerate(level_names):
            clearance.addItem(name, index)
        clearance_box = self._group(
            "Clearance and languages",
            [
                ("clearance_level", "Clearance held", clearance),
                ("clearance_nation", "Granted by", NationPicker(nations)),
                ("clearance_expiry", "Clearance expiry", OptionalDateEdit()),
                ("languages", "Languages", LanguagesEditor()),
            ],
        )
        self.identity_box = self._group(
            "Identity",
            [
                ("date_of_birth", "Date of birth", OptionalDateEdit()),
                ("place_of_birth", "Place of birth", self._line()),
                ("passport_number", "Passport number", self._line()),
                ("passport_expiry", "Passport expiry", OptionalDateEdit()),
                ("service_number", "Service number", self._line()),
                ("visa_type", "Visa type", self._line()),
                ("visa_number", "Visa number", self._line()),
                ("visa_expiry", "Visa expiry", OptionalDateEdit()),
            ],
        )
        self.identity_button = QPushButton(icon("identity"), "Show identity")
        self.identity_button.setToolTip(
            "Show birth, passport and visa details (the view is audited)"
        )
        notes = QPlainTextEdit()
        notes.setMaximumHeight(90)
        notes_box = self._group("Notes", [("notes", "Notes", notes)])

        self.label_editor = LabelEditor(
            level_names, max_level, nations, nation_groups, ntk_groups, marking
        )
        label_box = QGroupBox("Classification")
        label_layout = QVBoxLayout(label_box)
        label_layout.addWidget(self.label_editor)

        self.save_button = QPushButton(icon("save"), "Save")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton(icon("revert"), "Revert")
        self.revert_button.setToolTip("Discard the changes since the last save")
        buttons = QHBoxLayout()
        buttons.addWidget(self.identity_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        columns = QVBoxLayout()
        for box in (name_box, service_box, label_box, clearance_box, self.identity_box, notes_box):
            columns.addWidget(box)
        columns.addStretch(1)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.message)
        body_layout.addLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        for name, editor in self.editors.items():
            editor.changed.connect(lambda *_a, n=name: self._edited(n))

    # --- layout helpers ----------------------------------------------------------------------

    @staticmethod
    def _line() -> QLineEdit:
        edit = QLineEdit()
        edit.setClearButtonEnabled(False)
        return edit

    def _group(self, title: str, rows: list[tuple[str, str, QWidget]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, caption, widget in rows:
            error = ErrorLabel()
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(1)
            cell_layout.addWidget(widget)
            cell_layout.addWidget(error)
            label = QLabel(caption)
            label.setBuddy(widget)
            form.addRow(label, cell)
            widget.setAccessibleName(caption.rstrip(" *"))
            widget.setObjectName(name)
            self.editors[name] = self._editor(widget, error)
        return box

    @staticmethod
    def _editor(widget: QWidget, error: ErrorLabel) -> Editor:
        if isinstance(widget, NationPicker | OptionalDateEdit | LanguagesEditor):
            return Editor(widget, widget.value, widget.set_value, widget.valueChanged, error)
        if isinstance(widget, QLineEdit):
            return Editor(
                widget,
                widget.text,
                lambda v: widget.setText("" if v is None else str(v)),
                widget.textEdited,
                error,
                True,
            )
        if isinstance(widget, QPlainTextEdit):
            return Editor(
                widget,
                widget.toPlainText,
                lambda v: widget.setPlainText(v or ""),
                widget.textChanged,
                error,
                True,
            )
        if isinstance(widget, QComboBox) and widget.isEditable():
            return Editor(
                widget,
                widget.currentText,
                lambda v: widget.setCurrentText(v or ""),
                widget.currentTextChanged,
                error,
            )
        assert isinstance(widget, QComboBox)

        def set_combo(value: Any, combo: QComboBox = widget) -> None:
            combo.setCurrentIndex(max(combo.findData(value), 0))

        return Editor(widget, widget.currentData, set_combo, widget.currentIndexChanged, error)

    # --- values ------------------------------------------------------------------------------

    def values(self, include_identity: bool) -> dict[str, Any]:
        """Every field's typed value (identity fields only when asked)."""
        return {
            name: editor.get()
            for name, editor in self.editors.items()
            if include_identity or name not in IDENTITY_FIELDS
        }

    def set_values(self, values: dict[str, Any]) -> None:
        """Show values (missing names are emptied), start a fresh undo history."""
        self.show_values(values)

    # --- messages ----------------------------------------------------------------------------

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message under its field; label problems under the label editor; others on top."""
        other = []
        label_errors = []
        for editor in self.editors.values():
            editor.error.show_message("")
        for name, message in errors.items():
            if name in self.editors:
                self.editors[name].error.show_message(message)
            elif name in LABEL_ERROR_FIELDS:
                label_errors.append(message)
            else:
                other.append(f"{name}: {message}")
        self.label_editor.error.show_message("; ".join(label_errors))
        first = next((self.editors[n].widget for n in errors if n in self.editors), None)
        if first is not None:
            first.setFocus()
        self.show_message(
            "Please correct the fields marked below." + ("\n" + "\n".join(other) if other else "")
        )

    def clear_errors(self) -> None:
        """Hide every field message."""
        for editor in self.editors.values():
            editor.error.show_message("")
        self.label_editor.error.show_message("")

    def show_message(self, text: str) -> None:
        """Show (or with '' hide) the message area above the fields."""
        self.message.setText(text)
        self.message.setVisible(bool(text))


class PersonFormController(QObject):
    """Loads and saves one person through ``desk.people``; the form stays a view."""

    saved = Signal(int)
    labelChanged = Signal()

    def __init__(
        self,
        people: Any,
        form: PersonForm,
        may_write: bool,
        confirm: Callable[[str], str] | None = None,
        ask_reason: Callable[[str], str | None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.people = people
        self.form = form
        self.confirm = confirm or self._ask
        self.ask_reason = ask_reason or self._ask_reason
        self.record_id: int | None = None
        self.version: int | None = None
        self.stored_label: Label | None = None
        self.identity_shown = False
        self._clean: dict[str, Any] = {}
        self._clean_label: Label | None = None
        form.save_button.clicked.connect(self.save)
        form.revert_button.clicked.connect(self.revert)
        form.identity_button.clicked.connect(self.show_identity)
        form.label_editor.changed.connect(self.labelChanged)
        form.save_button.setEnabled(may_write)
        if not may_write:
            form.save_button.setToolTip("Your role may read records but not change them")
        self.new()

    # --- state -------------------------------------------------------------------------------

    def _snapshot(self) -> None:
        self._clean = self.form.values(include_identity=self.identity_shown)
        self._clean_label = self.form.label_editor.label()

    def is_dirty(self) -> bool:
        """True when the form differs from what was loaded or saved."""
        return (
            self.form.values(include_identity=self.identity_shown) != self._clean
            or self.form.label_editor.label() != self._clean_label
        )

    def labels_on_screen(self) -> list[Label]:
        """The stored label and the one being edited."""
        labels = [
            label
            for label in (self.stored_label, self.form.label_editor.label())
            if label is not None
        ]
        return labels

    def new(self) -> None:
        """An empty form for a new person (identity fields editable straight away)."""
        self.record_id = self.version = None
        self.stored_label = None
        self.identity_shown = True
        self.form.title.setText("New person")
        self.form.set_values({})
        self.form.label_editor.set_label(Label())
        self.form.identity_box.setVisible(True)
        self.form.identity_button.setVisible(False)
        self.form.clear_errors()
        self.form.show_message("")
        self._snapshot()
        self.labelChanged.emit()

    def open(self, record_id: int) -> bool:
        """Load a person (identity hidden until asked for)."""
        try:
            record, label = self.people.get(record_id)
        except NotFound as error:
            self.form.show_message(str(error))
            return False
        self._show(record, label)
        self.form.show_message("")
        return True

    def _show(self, record: Any, label: Label, warnings: list[str] | None = None) -> None:
        self.record_id, self.version, self.stored_label = record.id, record.row_version, label
        self.identity_shown = False
        values = {
            f.name: self.people.value_of(record, f.name)
            for f in self.people.fields
            if f.name not in IDENTITY_FIELDS
        }
        self.form.title.setText(f"{self.people.title(record)}  ·  {record.reference}")
        self.form.set_values(values)
        self.form.label_editor.set_label(label)
        self.form.identity_box.setVisible(False)
        self.form.identity_button.setVisible(True)
        self.form.clear_errors()
        self._snapshot()
        if warnings:
            self.form.show_message("Saved. Please note:\n• " + "\n• ".join(warnings))
        self.labelChanged.emit()

    # --- actions -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Create or update through the service; errors and warnings shown on the form."""
        label = self.form.label_editor.label()
        if label is None:
            self.form.show_errors({"releasable_to": "REL TO needs at least one nation or group"})
            return False
        values = self.form.values(include_identity=self.identity_shown)
        try:
            if self.record_id is None:
                saved = self.people.create(values, label=label)
            else:
                changed = {k: v for k, v in values.items() if v != self._clean.get(k)}
                reason = None
                desk = self.people.desk
                if self.stored_label is not None and is_downgrade(
                    self.stored_label, label, desk.owner, desk.db.nation_groups()
                ):
                    reason = self.ask_reason(
                        f"{desk.marking(self.stored_label)} → {desk.marking(label)}"
                    )
                    if reason is None:
                        self.form.show_message("Not saved: a downgrade needs a stated reason.")
                        return False
                saved = self.people.update(
                    self.record_id,
                    changed,
                    label=label,
                    reason=reason,
                    expected_version=self.version,
                )
        except ValidationFailed as failure:
            self.form.show_errors(failure.errors)
            return False
        except (PermissionDenied, Conflict, NotFound) as error:
            self.form.clear_errors()
            self.form.show_message(f"Not saved: {error}")
            return False
        except ServiceError as error:
            self.form.show_message(f"Not saved: {error}")
            return False
        shown = self.identity_shown
        self._show(saved.record, saved.label, saved.warnings)
        if shown and self.record_id is not None:
            self._reveal()
        if not saved.warnings:
            self.form.show_message("Saved.")
        self.saved.emit(saved.record.id)
        return True

    def revert(self) -> None:
        """Back to the stored record (or an empty new form)."""
        if self.record_id is None:
            self.new()
        else:
            self.open(self.record_id)

    def show_identity(self) -> None:
        """Ask the service for the identity fields (role-checked and audited there)."""
        if self.record_id is None:
            return
        try:
            self._reveal()
        except (PermissionDenied, NotFound) as error:
            self.form.show_message(str(error))

    def _reveal(self) -> None:
        identity = self.people.identity(self.record_id)
        self.form._applying = True
        try:
            for name, value in identity.items():
                self.form.apply_value(name, value)
        finally:
            self.form._applying = False
        self.identity_shown = True
        self.form.identity_box.setVisible(True)
        self.form.identity_button.setVisible(False)
        self._clean.update({name: self.form.editors[name].get() for name in IDENTITY_FIELDS})

    def may_leave(self) -> bool:
        """Ask about unsaved changes: save, discard or stay. True when leaving is fine."""
        if not self.is_dirty():
            return True
        answer = self.confirm("This person has unsaved changes.")
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _ask_reason(self, change: str) -> str | None:
        text, ok = QInputDialog.getText(
            self.form,
            "Reason for the downgrade",
            f"This lowers the marking or widens who may read the record:\n{change}\n\nReason (recorded in the audit trail):",
        )
        return text.strip() if ok and text.strip() else None

    def _ask(self, text: str) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Unsaved changes",
            text,
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self.form,
        )
        answer = box.exec()
        return {
            QMessageBox.StandardButton.Save: "save",
            QMessageBox.StandardButton.Discard: "discard",
        }.get(QMessageBox.StandardButton(answer), "cancel")
