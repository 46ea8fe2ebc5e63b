"""Undo of edits in a form: one command per field edit, shared by every form.

A form using `UndoableFields` has ``editors`` (name -> editor with ``get()``, ``set(value)`` and
optionally ``mergeable``) and an ``undo_stack`` (QUndoStack); it calls `_edited(name)` when an
editor changes and `show_values(values)` to load a record.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand


class FieldChange(QUndoCommand):
    """One edit of one field (consecutive typing in a text field merges into one step)."""

    def __init__(self, form: UndoableFields, name: str, old: Any, new: Any) -> None:
        super().__init__(f"Edit {name.replace('_', ' ')}")
        self.form, self.name, self.old, self.new = form, name, old, new
        self._first = True

    def id(self) -> int:  # noqa: A003
        """Text fields merge consecutive edits."""
        return (
            (abs(hash(self.name)) % 100000)
            if getattr(self.form.editors[self.name], "mergeable", False)
            else -1
        )

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        """Absorb the next keystroke in the same field."""
        if not isinstance(other, FieldChange) or other.name != self.name:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        """Apply the new value (the first time it is already on screen)."""
        if self._first:
            self._first = False
            return
        self.form.apply_value(self.name, self.new)

    def undo(self) -> None:
        """Put the old value back."""
        self.form.apply_value(self.name, self.old)


class UndoableFields:
    """Mixin: field edits recorded on ``undo_stack``; loading values starts a fresh history."""

    editors: dict[str, Any]
    undo_stack: Any
    _applying: bool = False
    _last: dict[str, Any]

    def show_values(self, values: dict[str, Any]) -> None:
        """Show values in the editors (missing names emptied); the undo history starts afresh."""
        self._applying = True
        try:
            for name, editor in self.editors.items():
                editor.set(values.get(name))
        finally:
            self._applying = False
        self._last = {name: editor.get() for name, editor in self.editors.items()}
        self.undo_stack.clear()

    def apply_value(self, name: str, value: Any) -> None:
        """Set one field without recording an undo step (undo and redo use this)."""
        self._applying = True
        try:
            self.editors[name].set(value)
        finally:
            self._applying = False
        self._last[name] = self.editors[name].get()

    def _edited(self, name: str) -> None:
        if self._applying:
            return
        new = self.editors[name].get()
        old = self._last.get(name)
        if new != old:
            self._last[name] = new
            self.undo_stack.push(FieldChange(self, name, old, new))
