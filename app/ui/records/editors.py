"""One editor abstraction for every form: a field's widget, how to read and write it, its change
signal, its error line, and whether consecutive typing merges into one undo step."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from app.services.desk import Desk
from app.services.errors import ServiceError
from app.services.fields import Field, text_of
from app.ui.i18n import nations, vocabulary_label
from app.ui.records.reference_picker import ReferencePicker
from app.ui.widgets import (
    CheckList,
    ErrorLabel,
    LanguagesEditor,
    NationPicker,
    OptionalDateEdit,
)


@dataclass
class Editor:
    """One field's widget, how to read and write it, its change signal and its error line."""

    widget: QWidget
    get: Callable[[], Any]
    set: Callable[[Any], None]
    changed: SignalInstance
    error: ErrorLabel
    mergeable: bool = False  # typing in it merges into one undo step


def editor_of(widget: QWidget) -> Editor:
    """The editor of a widget of the shared kinds (line, text, combo, picker, date, checks …)."""
    error = ErrorLabel()
    if isinstance(widget, NationPicker | OptionalDateEdit | LanguagesEditor | ReferencePicker):
        return Editor(widget, widget.value, widget.set_value, widget.valueChanged, error)
    if isinstance(widget, CheckList):
        return Editor(
            widget,
            lambda: sorted(widget.checked()),
            lambda v: widget.set_checked(v or []),
            widget.changed,
            error,
        )
    if isinstance(widget, QLineEdit):

        def set_line(value: Any) -> None:
            widget.setText(
                "" if value is None else (value if isinstance(value, str) else text_of(value))
            )
            widget.setCursorPosition(0)

        return Editor(widget, widget.text, set_line, widget.textEdited, error, mergeable=True)
    if isinstance(widget, QPlainTextEdit):
        return Editor(
            widget,
            widget.toPlainText,
            lambda v: widget.setPlainText(v or ""),
            widget.textChanged,
            error,
            mergeable=True,
        )
    if isinstance(widget, QCheckBox):
        return Editor(
            widget, widget.isChecked, lambda v: widget.setChecked(bool(v)), widget.toggled, error
        )
    if isinstance(widget, QComboBox) and widget.isEditable():
        return Editor(
            widget,
            widget.currentText,
            lambda v: widget.setCurrentText(v or ""),
            widget.currentTextChanged,
            error,
        )
    if isinstance(widget, QComboBox):

        def set_combo(value: Any) -> None:
            widget.setCurrentIndex(max(widget.findData(getattr(value, "value", value)), 0))

        return Editor(widget, widget.currentData, set_combo, widget.currentIndexChanged, error)
    raise TypeError(f"no editor for a {type(widget).__name__}")


def vocabulary_combo(choices: type[Enum], empty: str = "") -> QComboBox:
    """A combo box of a vocabulary's members (data = value), with an empty first item."""
    combo = QComboBox()
    combo.addItem(empty, "")
    for member in choices:
        combo.addItem(vocabulary_label(getattr(member, "label", str(member.value))), member.value)
    return combo


def widget_for(
    field: Field, nations: dict[str, str], groups: dict[str, frozenset[str]] | None = None
) -> QWidget:
    """A sensible widget for a service field (``groups``: nation groups a list of nations can
    take as one)."""
    kind = field.kind
    if kind == "date":
        return OptionalDateEdit()
    if kind == "nation":
        return NationPicker(nations)
    if kind in ("nations", "enums"):
        items = (
            [(code, f"{code} — {name}") for code, name in sorted(nations.items())]
            if kind == "nations"
            else [(m.value, vocabulary_label(m.label)) for m in field.choices or ()]
        )
        checks = CheckList(
            items,
            QCoreApplication.translate("Editors", "Search…"),
            groups=groups if kind == "nations" else None,
        )
        checks.setMinimumHeight(140 if kind == "nations" else 90)  # with a line of chips
        checks.setMaximumHeight(200 if kind == "nations" else 140)
        return checks
    if kind == "enum":
        return vocabulary_combo(field.choices)  # type: ignore[arg-type]
    if kind == "bool":
        return QCheckBox()
    if kind == "text" and (field.max_length or 0) > 1000:
        text = QPlainTextEdit()
        text.setTabChangesFocus(True)
        text.setMaximumHeight(80)
        return text
    line = QLineEdit()
    if field.max_length:
        line.setMaxLength(field.max_length)
    return line


def editor_for(
    field: Field, nations: dict[str, str], groups: dict[str, frozenset[str]] | None = None
) -> Editor:
    """The editor of a service field."""
    return editor_of(widget_for(field, nations, groups))


def label_choices(
    desk: Desk, max_level: int
) -> tuple[list[str], int, dict[str, str], dict[str, str], list[str]]:
    """What a label editor offers this desk's user: level names, the highest level they may
    pick, nations, nation groups and need-to-know groups."""
    try:
        nation_groups = {code: name for code, (name, _m) in desk.users.nation_groups().items()}
    except ServiceError:
        nation_groups = {code: code for code in desk.db.nation_groups()}
    try:
        ntk = list(desk.users.ntk_groups())
    except ServiceError:
        ntk = sorted(desk.actor().groups)
    names = list(desk.db.scheme.names)
    return names, min(max_level, len(names) - 1), nations(), nation_groups, ntk
