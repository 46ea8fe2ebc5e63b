"""What every record form shares: editors built from the service's fields, the label editor,
field-level messages, save / revert through the service, status moves.

A concrete form names its service, lays out groups of field names and adds related panels.
The form never decides access: it calls the desk's services and shows what they refuse.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.labels import Label, is_downgrade
from app.domain.nations import all_nations
from app.services.errors import Conflict, NotFound, PermissionDenied, ServiceError, ValidationFailed
from app.services.fields import Field, text_of
from app.ui.icons import icon
from app.ui.undo import UndoableFields
from app.ui.widgets import CheckList, ErrorLabel, LabelEditor, NationPicker, OptionalDateEdit

LABEL_ERROR_FIELDS = ("classification", "releasable_to", "groups")
Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
RecordRole = Qt.ItemDataRole.UserRole + 2


@dataclass
class Editor:
    """One field's widget, how to read and write it, its change signal and its error line."""

    widget: QWidget
    get: Callable[[], Any]
    set: Callable[[Any], None]
    changed: Any
    error: ErrorLabel


class ReferencePicker(QComboBox):
    """An editable combo box of the records a service lists (``reference — title``); value = reference."""

    valueChanged = Signal()

    def __init__(
        self,
        service: Any,
        filters: dict[str, Any] | None = None,
        limit: int = 500,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.lineEdit().setPlaceholderText("Type a reference…")
        self.addItem("", "")
        try:
            page = service.list(filters or {}, limit=limit)
            for record in page.records:
                self.addItem(f"{record.reference} — {service.title(record)}", record.reference)
        except ServiceError:
            pass  # nothing the user may list: the field stays a free reference
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer().setCompletionMode(self.completer().CompletionMode.PopupCompletion)
        self.currentTextChanged.connect(lambda _t: self.valueChanged.emit())

    def value(self) -> str:
        """The chosen reference ('' for none); typed text is taken up to the first space."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.itemData(index) or "")
        return self.currentText().strip().split(" ", 1)[0] if self.currentText().strip() else ""

    def set_value(self, reference: str | None) -> None:
        """Select a record by reference (or nothing)."""
        index = self.findData(reference or "")
        if index < 0:
            self.setEditText(reference or "")
        else:
            self.setCurrentIndex(index)


def vocabulary_combo(choices: type[Enum], empty: str = "") -> QComboBox:
    """A combo box of a vocabulary's members (data = value), with an empty first item."""
    combo = QComboBox()
    combo.addItem(empty, "")
    for member in choices:
        combo.addItem(getattr(member, "label", str(member.value)), member.value)
    return combo


def editor_for(field: Field, nations: dict[str, str]) -> Editor:
    """A sensible widget for a service field, with its getter, setter and change signal."""
    error = ErrorLabel()
    kind = field.kind
    if kind == "date":
        date = OptionalDateEdit()
        return Editor(date, date.value, date.set_value, date.valueChanged, error)
    if kind == "nation":
        picker = NationPicker(nations)
        return Editor(picker, picker.value, picker.set_value, picker.valueChanged, error)
    if kind in ("nations", "enums"):
        items = (
            [(code, f"{code} — {name}") for code, name in sorted(nations.items())]
            if kind == "nations"
            else [(m.value, m.label) for m in field.choices or ()]
        )
        checks = CheckList(items, "Search…")
        checks.setMinimumHeight(120 if kind == "nations" else 70)
        checks.setMaximumHeight(150 if kind == "nations" else 110)
        return Editor(
            checks,
            lambda c=checks: sorted(c.checked()),
            lambda v, c=checks: c.set_checked(v or []),
            checks.changed,
            error,
        )
    if kind == "enum":
        combo = vocabulary_combo(field.choices)  # type: ignore[arg-type]

        def set_combo(value: Any, combo: QComboBox = combo) -> None:
            combo.setCurrentIndex(max(combo.findData(getattr(value, "value", value) or ""), 0))

        return Editor(combo, combo.currentData, set_combo, combo.currentIndexChanged, error)
    if kind == "bool":
        box = QCheckBox()
        return Editor(
            box, box.isChecked, lambda v, b=box: b.setChecked(bool(v)), box.toggled, error
        )
    if kind == "text" and (field.max_length or 0) > 1000:
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setMaximumHeight(80)
        return Editor(
            text,
            text.toPlainText,
            lambda v, t=text: t.setPlainText(v or ""),
            text.textChanged,
            error,
        )
    line = QLineEdit()
    if field.max_length:
        line.setMaxLength(field.max_length)

    def set_line(value: Any, line: QLineEdit = line) -> None:
        line.setText("" if value is None else (value if isinstance(value, str) else text_of(value)))
        line.setCursorPosition(0)

    return Editor(line, line.text, set_line, line.textEdited, error)


def label_editor_for(desk: Any, max_level: int) -> LabelEditor:
    """The shared label editor for this desk (levels, nations, groups the user may pick)."""
    try:
        nation_groups = {code: name for code, (name, _m) in desk.users.nation_groups().items()}
    except ServiceError:
        nation_groups = {code: code for code in desk.db.nation_groups()}
    try:
        ntk = list(desk.users.ntk_groups())
    except ServiceError:
        ntk = sorted(desk.actor().groups)
    names = list(desk.db.scheme.names)
    return LabelEditor(
        names, min(max_level, len(names) - 1), all_nations(), nation_groups, ntk, desk.marking
    )


class MessageArea(QLabel):
    """The visible message area of a form or panel (saved, warnings, refusals)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formMessage")
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMargin(6)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName("Messages")
        self.hide()

    def show_message(self, text: str) -> None:
        """Show a message ('' hides the area)."""
        self.setText(text)
        self.setVisible(bool(text))

    def show_warnings(self, head: str, warnings: Sequence[str]) -> None:
        """A heading and its warnings as bullets."""
        self.show_message(head + ("\nPlease note:\n• " + "\n• ".join(warnings) if warnings else ""))


def refusal(error: ServiceError) -> str:
    """Plain words for a refusal of the services."""
    if isinstance(error, ValidationFailed):
        return "Please correct: " + "; ".join(error.errors.values())
    if isinstance(error, PermissionDenied):
        return f"Not allowed: {error}"
    if isinstance(error, NotFound):
        return f"Not found: {error}"
    if isinstance(error, Conflict):
        return f"Changed meanwhile: {error}"
    return str(error)


def tool_button(icon_name: str, text: str, tip: str) -> QPushButton:
    """A small button with an icon, a text, a tooltip and an accessible name."""
    button = QPushButton(icon(icon_name), text)
    button.setToolTip(tip)
    button.setAccessibleName(text or tip)
    return button


class RowsModel(QAbstractTableModel):
    """A read-only table over rows a service returned: ``columns`` are (title, getter) pairs."""

    def __init__(
        self, columns: Sequence[tuple[str, Callable[[Any], Any]]], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.decorate: Callable[[Any, int], Any] | None = None  # row, role -> value or None

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Any:
        """The service's row object shown at a table row."""
        return self.rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows (none under a child index)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Columns (none under a child index)."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        """Column titles and row numbers."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0] if 0 <= section < len(self.columns) else None
        return section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, the raw value for sorting, the row object, and decorations."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.columns[index.column()][1](row)
            return "" if value is None else (value if isinstance(value, str) else text_of(value))
        if role == SortRole:
            return self.columns[index.column()][1](row)
        if role == RecordRole:
            return getattr(row, "id", None)
        if self.decorate is not None and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            return self.decorate(row, role)
        return None


class RecordForm(UndoableFields, QWidget):
    """A labelled record's form: fields from the service, label editor, messages, save / revert."""

    saved = Signal(int)
    label_changed = Signal(object)

    service_name: ClassVar[str]
    noun: ClassVar[str] = "record"
    groups: ClassVar[list[tuple[str, list[str]]]] = []
    status_vocabulary: ClassVar[Any] = None
    status_moves: ClassVar[dict[Any, frozenset[Any]] | None] = None
    reason_statuses: ClassVar[tuple[str, ...]] = ()

    def __init__(self, desk: Any, record_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.service = getattr(desk, self.service_name)
        self.record_id: int | None = None
        self.record: Any = None
        self.version: int | None = None
        self.stored_label: Label | None = None
        self.ask_reason: Callable[[str, str], str | None] = self._ask_reason
        self._clean: dict[str, Any] = {}
        self._clean_label: Label | None = None
        self.editors: dict[str, Editor] = {}
        self.undo_stack = QUndoStack(self)
        self._applying = False
        self._last: dict[str, Any] = {}
        self.nations = all_nations()
        actor = desk.actor()
        self.actor = actor
        fields = {f.name: f for f in self.service.fields}

        self.title = QLabel(f"New {self.noun}")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.message = MessageArea()
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Status")
        self.status_buttons = QHBoxLayout()
        self.status_row = QWidget()
        status_row = QHBoxLayout(self.status_row)
        status_row.setContentsMargins(0, 0, 0, 0)
        status_caption = QLabel("Status:")
        status_row.addWidget(status_caption)
        status_row.addWidget(self.status_label)
        status_row.addSpacing(12)
        status_row.addLayout(self.status_buttons)
        status_row.addStretch(1)
        self.status_row.setVisible(self.status_moves is not None)

        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.addWidget(self.title)
        self.body_layout.addWidget(self.status_row)
        self.body_layout.addWidget(self.message)
        columns = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.body_layout.addLayout(columns)
        for number, (group_title, names) in enumerate(self.groups):
            box = QGroupBox(group_title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in names:
                field = fields[name]
                editor = self.make_editor(field)
                cell = QWidget()
                cell_layout = QVBoxLayout(cell)
                cell_layout.setContentsMargins(0, 0, 0, 0)
                cell_layout.setSpacing(1)
                cell_layout.addWidget(editor.widget)
                cell_layout.addWidget(editor.error)
                caption = QLabel(field.title + (" *" if field.required else ""))
                caption.setBuddy(editor.widget)
                editor.widget.setObjectName(name)
                editor.widget.setAccessibleName(field.title)
                form.addRow(caption, cell)
                self.editors[name] = editor
            (left if number == 0 else right).addWidget(box)
        left.addStretch(1)
        right.addStretch(1)
        self.label_editor = label_editor_for(desk, actor.clearance)
        label_box = QGroupBox("Classification")
        QVBoxLayout(label_box).addWidget(self.label_editor)
        self.body_layout.addWidget(label_box)
        self.related = QWidget()
        self.related_layout = QVBoxLayout(self.related)
        self.related_layout.setContentsMargins(0, 0, 0, 0)
        self.build_related(self.related_layout)
        from app.ui.records.attachments_panel import AttachmentsPanel

        self.attachments = AttachmentsPanel(desk, self.service.kind)
        self.related_layout.addWidget(self.attachments)
        self.body_layout.addWidget(self.related)
        self.body_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll
        self.save_button = tool_button("save", "Save", "Save this record (Ctrl+S)")
        self.save_button.setDefault(True)
        self.revert_button = tool_button(
            "revert", "Revert", "Discard the changes since the last save"
        )
        self.who_button = tool_button(
            "users", "Who can see this?", "List the users this record's label admits"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.who_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        for name, editor in self.editors.items():
            editor.changed.connect(lambda *_a, n=name: self._edited(n))
        for action, keys in (
            (self.undo_stack.createUndoAction(self, "Undo"), QKeySequence.StandardKey.Undo),
            (self.undo_stack.createRedoAction(self, "Redo"), QKeySequence.StandardKey.Redo),
        ):
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.who_button.clicked.connect(self.show_who_can_see)
        self.label_editor.changed.connect(lambda: self.label_changed.emit(self.shown_label()))
        self.attachments.labelsChanged.connect(
            lambda _labels: self.label_changed.emit(self.shown_label())
        )
        if record_id is None:
            self._show_new()
        else:
            self.load(record_id)

    # --- hooks -------------------------------------------------------------------------------

    def make_editor(self, field: Field) -> Editor:
        """The editor of one field (override for pickers of other records)."""
        return editor_for(field, self.nations)

    def build_related(self, layout: QVBoxLayout) -> None:
        """Add related panels under the fields."""

    def load_related(self) -> None:
        """Refresh the related panels for the record shown."""

    def default_values(self) -> dict[str, Any]:
        """Values a new record starts with."""
        return {}

    # --- state -------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every editor's current value."""
        return {name: editor.get() for name, editor in self.editors.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        """Show values (missing names are emptied), start a fresh undo history."""
        self.show_values(values)

    def current_label(self) -> Label | None:
        """The label being edited (None when REL TO has no nation)."""
        return self.label_editor.label()

    def labels_on_screen(self) -> list[Label]:
        """The stored label, the edited one and those of the related rows shown (for the banner)."""
        own = [label for label in (self.stored_label, self.current_label()) if label is not None]
        return own + list(self.attachments.labels) + self.related_labels()

    def related_labels(self) -> list[Label]:
        """Labels of the rows the related panels show (override per form)."""
        return []

    def shown_label(self) -> Label:
        """The combined label of everything on the form: what the window's banner should show."""
        labels = self.labels_on_screen()
        return self.desk.combined(labels) if labels else Label()

    def has_unsaved_changes(self) -> bool:
        """True when the fields or the label differ from what was loaded or saved."""
        return self.values() != self._clean or self.current_label() != self._clean_label

    def _snapshot(self) -> None:
        self._clean = self.values()
        self._clean_label = self.current_label()

    def _show_new(self) -> None:
        self.record_id = self.version = None
        self.record = self.stored_label = None
        self.title.setText(f"New {self.noun}")
        self.set_values(self.default_values())
        self.label_editor.set_label(Label())
        self.clear_errors()
        self.status_label.setText("new")
        self._status_buttons(None)
        self.related.setEnabled(False)
        self.related.setToolTip(f"Save the {self.noun} first")
        self.attachments.set_record(None)
        self.who_button.setEnabled(False)
        self._snapshot()
        self.label_changed.emit(self.shown_label())

    def load(self, record_id: int) -> bool:
        """Show a stored record; a hidden or missing one is reported as not found."""
        try:
            record, label = self.service.get(record_id)
        except (NotFound, PermissionDenied) as error:
            self.message.show_message(refusal(error))
            return False
        self._show(record, label)
        self.message.show_message("")
        return True

    def _show(self, record: Any, label: Label) -> None:
        self.record, self.record_id, self.version, self.stored_label = (
            record,
            record.id,
            record.row_version,
            label,
        )
        self.title.setText(f"{self.service.title(record)}")
        self.set_values({name: self.service.value_of(record, name) for name in self.editors})
        self.label_editor.set_label(label)
        self.clear_errors()
        status = getattr(record, "status", None)
        if self.status_vocabulary is not None and status is not None:
            self.status_label.setText(f"<b>{self.status_vocabulary(status).label}</b>")
            self._status_buttons(self.status_vocabulary(status))
        self.related.setEnabled(True)
        self.related.setToolTip("")
        self.who_button.setEnabled(True)
        self._snapshot()
        self.attachments.set_record(record.id, label)
        self.load_related()
        self.label_changed.emit(self.shown_label())

    # --- messages ----------------------------------------------------------------------------

    def clear_errors(self) -> None:
        """Hide every field message."""
        for editor in self.editors.values():
            editor.error.show_message("")
        self.label_editor.error.show_message("")

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message next to its field; the rest in the message area. Typed values stay."""
        self.clear_errors()
        other, label_errors = [], []
        for name, message in errors.items():
            if name in self.editors:
                self.editors[name].error.show_message(message)
            elif name in LABEL_ERROR_FIELDS:
                label_errors.append(message)
            else:
                other.append(f"{name.replace('_', ' ')}: {message}")
        self.label_editor.error.show_message("; ".join(label_errors))
        first = next((self.editors[n].widget for n in errors if n in self.editors), None)
        if first is not None:
            self.scroll.verticalScrollBar().setValue(
                0
            )  # the message on top, then the field if further down
            first.setFocus()
            self.scroll.ensureWidgetVisible(first)
        self.message.show_message(
            "Not saved. Please correct the fields marked below."
            + ("\n" + "\n".join(other) if other else "")
        )

    # --- actions -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Create or update through the service; errors beside fields, warnings on top."""
        label = self.current_label()
        if label is None:
            self.show_errors({"releasable_to": "REL TO needs at least one nation or group"})
            return False
        values = self.values()
        try:
            if self.record_id is None:
                saved = self.service.create(values, label=label)
            else:
                changed = {k: v for k, v in values.items() if v != self._clean.get(k)}
                reason = None
                if self.stored_label is not None and is_downgrade(
                    self.stored_label, label, self.desk.owner, self.desk.db.nation_groups()
                ):
                    reason = self.ask_reason(
                        "Reason for the downgrade",
                        f"{self.desk.marking(self.stored_label)} → {self.desk.marking(label)}",
                    )
                    if reason is None:
                        self.message.show_message("Not saved: a downgrade needs a stated reason.")
                        return False
                saved = self.service.update(
                    self.record_id,
                    changed,
                    label=label,
                    reason=reason,
                    expected_version=self.version,
                )
        except ValidationFailed as failure:
            self.show_errors(failure.errors)
            return False
        except ServiceError as error:
            self.clear_errors()
            self.message.show_message(f"Not saved. {refusal(error)}")
            return False
        self._show(saved.record, saved.label)
        self.message.show_warnings("Saved.", saved.warnings)
        self.saved.emit(saved.record.id)
        return True

    def revert(self) -> None:
        """Back to the stored record (or an empty new one)."""
        if self.record_id is None:
            self._show_new()
            self.message.show_message("")
        else:
            self.load(self.record_id)

    def _status_buttons(self, current: Any) -> None:
        while self.status_buttons.count():
            widget = self.status_buttons.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        if current is None or self.status_moves is None:
            return
        for target in sorted(
            self.status_moves.get(current, ()), key=lambda s: list(self.status_vocabulary).index(s)
        ):
            button = QPushButton(f"→ {target.label}")
            button.setObjectName(f"status-{target.value}")
            button.setToolTip(f"Change the status to {target.label.lower()}")
            button.setAccessibleName(f"Change status to {target.label}")
            button.clicked.connect(lambda _c=False, t=target: self.change_status(t.value))
            self.status_buttons.addWidget(button)

    def change_status(self, status: str) -> bool:
        """Ask the service to move the status (a reason asked where the move needs one)."""
        if self.record_id is None:
            return False
        reason = None
        if status in self.reason_statuses:
            reason = self.ask_reason(
                "Reason",
                f"Why change the status to {self.status_vocabulary(status).label.lower()}?",
            )
            if reason is None:
                self.message.show_message("Status not changed: a reason is needed.")
                return False
        try:
            saved = self.service.change_status(
                self.record_id, status, reason=reason, expected_version=self.version
            )
        except ServiceError as error:
            self.message.show_message(f"Status not changed. {refusal(error)}")
            return False
        self._show(saved.record, saved.label)
        self.message.show_warnings(
            f"Status changed to {self.status_vocabulary(status).label.lower()}.", saved.warnings
        )
        self.saved.emit(saved.record.id)
        return True

    def show_who_can_see(self) -> None:
        """Open the dialog listing the users this record's stored label admits."""
        if self.stored_label is None:
            return
        from app.ui.admin.who_can_see import WhoCanSeeDialog

        WhoCanSeeDialog(self.desk, self.stored_label, self.title.text(), self).open()

    def _ask_reason(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, title, f"{prompt}\n\nReason (recorded in the audit trail):"
        )
        return text.strip() if ok and text.strip() else None


class CollectionModel(QAbstractTableModel):
    """An editable table of a record's collection rows (dicts of texts), one column per field."""

    def __init__(self, fields: Sequence[Field], parent: Any = None) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.rows: list[dict[str, str]] = []

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Replace every row (values shown as text)."""
        self.beginResetModel()
        self.rows = [
            {
                f.name: "" if row.get(f.name) is None else text_of(row.get(f.name))
                for f in self.fields
            }
            for row in rows
        ]
        self.endResetModel()

    def add_row(self) -> int:
        """Append an empty row; its number."""
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append({f.name: "" for f in self.fields})
        self.endInsertRows()
        return len(self.rows) - 1

    def remove_row(self, number: int) -> None:
        """Remove one row."""
        if 0 <= number < len(self.rows):
            self.beginRemoveRows(QModelIndex(), number, number)
            del self.rows[number]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows (none under a child index)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """One column per field."""
        return 0 if parent.isValid() else len(self.fields)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        """Field titles; row numbers."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.fields[section].title if 0 <= section < len(self.fields) else None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Every cell is editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][self.fields[index.column()].name]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Store an edited cell."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self.rows[index.row()][self.fields[index.column()].name] = str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def values(self) -> list[dict[str, str]]:
        """The non-empty rows, as the service takes them."""
        return [dict(row) for row in self.rows if any(v.strip() for v in row.values())]


class CollectionEditor(QWidget):
    """A table of collection rows with add / remove / save buttons and its error line."""

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        save: Callable[[list[dict[str, str]]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

        self.model = CollectionModel(fields, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(170)
        self.error = ErrorLabel()
        self.add_button = tool_button("add", "Add", f"Add a row to {title.lower()}")
        self.remove_button = tool_button("remove", "Remove", "Remove the selected row")
        self.save_button = tool_button(
            "save", f"Save {title.lower()}", f"Save the {title.lower()} table"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(
            lambda: self.model.remove_row(self.table.currentIndex().row())
        )
        self.save_button.clicked.connect(lambda: save(self.model.values()))

    def _add(self) -> None:
        row = self.model.add_row()
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)
