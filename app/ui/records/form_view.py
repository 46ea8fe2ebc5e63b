"""The view half of every record form: it lays out editors, shows messages and keeps undo.

A view never calls a service. Its controller (`app.ui.records.form_controller`) loads and saves
through the services and tells the view what to show. One error display for every form: each
message beside its field, label problems under the label editor, the rest in the message area
on top; a field's message goes as soon as the field is edited, the message area on the next edit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.declassification import EVENT_LENGTH
from app.domain.vocab import Exemption
from app.services.base import DECLASSIFY_EVENT_FIELD, DECLASSIFY_EXEMPTION_FIELD, DECLASSIFY_FIELD
from app.ui.i18n import field_title, service_text
from app.ui.records.editors import Editor, editor_of, vocabulary_combo
from app.ui.records.messages import LABEL_ERROR_FIELDS, MessageArea
from app.ui.undo import UndoableFields
from app.ui.widgets import LabelEditor, OptionalDateEdit, WheelGuard, tool_button

# a date's calendar opens near the related date the form holds: an end near its start
NEAR_DATES = {
    "end_date": "start_date",
    "departure_date": "arrival_date",
    "effective_date": "signed_date",
    "expiry_date": "effective_date",
}


class FormView(UndoableFields, QWidget):
    """Title, message area, groups of editors, label editor, Save / Revert; field-level errors."""

    edited = Signal(str)  # a field's name, after the user changed it

    def __init__(
        self,
        title: str,
        label_editor: LabelEditor,
        undo_actions: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editors: dict[str, Editor] = {}
        self.undo_stack = QUndoStack(self)
        self._applying = False
        self._last: dict[str, Any] = {}
        self.title = QLabel(title)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.message = MessageArea()
        self.label_editor = label_editor
        self.label_box = QGroupBox(self.tr("Classification"))
        QVBoxLayout(self.label_box).addWidget(label_editor)

        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.addWidget(self.title)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(body)
        self.wheel_guard = WheelGuard(self.scroll)
        self.wheel_guard.guard(label_editor)
        # the declassification date beside the label (E.O. 13526 §1.5): empty is the default,
        # 25 years after the record's creation; the services check a date typed here
        declassify = OptionalDateEdit()
        declassify.edit.setPlaceholderText(self.tr("YYYY-MM-DD (empty: 25 years after creation)"))
        declassify.setToolTip(
            self.tr(
                "When this record is declassified: a date after today, at most 25 years after "
                "its creation. Empty: 25 years after its creation."
            )
        )
        # or the event that declassifies it (E.O. 13526 §1.5(a)), never both: the services say so
        event = QLineEdit()
        event.setMaxLength(EVENT_LENGTH)
        event.setPlaceholderText(self.tr("e.g. Completion of Exercise Steadfast Jupiter"))
        event.setToolTip(
            self.tr(
                "Instead of a date: the event that declassifies this record. It is declassified "
                "25 years after its creation at the latest, if the event has not happened."
            )
        )
        # and an exemption that lengthens either (E.O. 13526 §3.3): 25X with them, 50X alone
        exemption = vocabulary_combo(Exemption, self.tr("None (25 years)"))
        exemption.setToolTip(
            self.tr(
                "An exemption from declassification at 25 years: 25X1 to 25X9 with a date or "
                "an event at most 50 years after creation; 50X1-HUM or 50X2-WMD alone (75 "
                "years)."
            )
        )
        declassify_box = self.group(
            "",
            [
                (spec.name, field_title(spec.title), editor_of(widget))
                for spec, widget in (
                    (DECLASSIFY_FIELD, declassify),
                    (DECLASSIFY_EVENT_FIELD, event),
                    (DECLASSIFY_EXEMPTION_FIELD, exemption),
                )
            ],
        )
        declassify_box.setFlat(True)
        self.label_box.layout().addWidget(declassify_box)
        self.save_button = tool_button(
            "save", self.tr("Save"), self.tr("Save this record (Ctrl+S)")
        )
        self.save_button.setDefault(True)
        self.revert_button = tool_button(
            "revert", self.tr("Revert"), self.tr("Discard the changes since the last save")
        )
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.revert_button)
        self.buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(self.buttons)
        label_editor.changed.connect(self._label_edited)
        if undo_actions:
            for action, keys in (
                (
                    self.undo_stack.createUndoAction(self, self.tr("Undo")),
                    QKeySequence.StandardKey.Undo,
                ),
                (
                    self.undo_stack.createRedoAction(self, self.tr("Redo")),
                    QKeySequence.StandardKey.Redo,
                ),
            ):
                action.setShortcut(keys)
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(action)

    # --- layout ------------------------------------------------------------------------------

    def set_read_only(self) -> None:
        """Every field shown but not editable (text fields stay selectable, to copy from), the
        label fixed, Save and Revert gone: the form of a user whose role only reads."""
        for editor in self.editors.values():
            widget = editor.widget
            if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
                widget.setReadOnly(True)
            else:
                widget.setEnabled(False)
        self.label_editor.setEnabled(False)
        for button in (self.save_button, self.revert_button):
            button.hide()

    def add_left_button(self, button: QPushButton) -> None:
        """A button at the left of the button row (before the stretch)."""
        self.buttons.insertWidget(self.buttons.count() - 3, button)

    def group(self, title: str, rows: list[tuple[str, str, Editor]]) -> QGroupBox:
        """A titled box of editors: (field name, caption, editor) rows, each with its error line."""
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, caption, editor in rows:
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(1)
            cell_layout.addWidget(editor.widget)
            cell_layout.addWidget(editor.error)
            label = QLabel(caption)
            label.setBuddy(editor.widget)
            editor.widget.setObjectName(name)
            editor.widget.setAccessibleName(caption.rstrip(" *"))
            form.addRow(label, cell)
            self.wheel_guard.guard(editor.widget)
            if isinstance(editor.widget, OptionalDateEdit) and name in NEAR_DATES:
                editor.widget.near = lambda n=NEAR_DATES[name]: self._date_of(n)
            self.editors[name] = editor
            editor.changed.connect(lambda *_a, n=name: self._user_edited(n))
        return box

    def _date_of(self, name: str) -> dt.date | None:
        """The date in the editor ``name``, if it holds one (a calendar opens near it)."""
        editor = self.editors.get(name)
        value = editor.get() if editor is not None else None
        return value if isinstance(value, dt.date) else None

    # --- values ------------------------------------------------------------------------------

    def values(self, names: list[str] | None = None) -> dict[str, Any]:
        """The typed value of every editor (or of the names given)."""
        return {
            name: editor.get()
            for name, editor in self.editors.items()
            if names is None or name in names
        }

    def set_values(self, values: dict[str, Any]) -> None:
        """Show values (missing names are emptied), start a fresh undo history."""
        self.show_values(values)

    def _user_edited(self, name: str) -> None:
        if self._applying:
            return
        before = self._last.get(name)
        self._edited(name)
        if self.editors[name].get() != before:
            self.editors[name].error.show_message("")
            self.message.show_message("")
            self.edited.emit(name)

    def _label_edited(self) -> None:
        if self._applying:
            return
        self.label_editor.error.show_message("")
        self.message.show_message("")
        self.edited.emit("label")

    # --- messages ----------------------------------------------------------------------------

    def set_title(self, text: str) -> None:
        """The heading of the form."""
        self.title.setText(text)

    def show_message(self, text: str) -> None:
        """Show (or with '' hide) the message area above the fields."""
        self.message.show_message(text)

    def clear_errors(self) -> None:
        """Hide every field message."""
        for editor in self.editors.values():
            editor.error.show_message("")
        self.label_editor.error.show_message("")

    def show_errors(self, errors: dict[str, str], head: str = "") -> None:
        """Each message next to its field; label problems under the label editor; the rest in the
        message area. What was typed stays."""
        self.clear_errors()
        other, label_errors = [], []
        for name, message in errors.items():
            if name in self.editors:
                self.editors[name].error.show_message(message)
            elif name in LABEL_ERROR_FIELDS:
                label_errors.append(message)
            else:
                other.append(f"{name.replace('_', ' ')}: {service_text(message)}")
        self.label_editor.error.show_message("; ".join(map(service_text, label_errors)))
        self.message.show_message(
            (head or self.tr("Not saved."))
            + " "
            + self.tr("Please correct the fields marked below.")
            + ("\n" + "\n".join(other) if other else "")
        )
        first = next((self.editors[n].widget for n in errors if n in self.editors), None)
        if first is not None:
            self.scroll.verticalScrollBar().setValue(0)  # the message on top, then the field
            first.setFocus()
            self.scroll.ensureWidgetVisible(first)
