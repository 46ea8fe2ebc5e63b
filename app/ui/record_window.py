"""A record form in its own window, marked top and bottom with the combined classification.

Every record window behaves the same, whatever the kind: Ctrl+S saves, Ctrl+W and Escape close
(asking about unsaved changes: Save waits for the save and closes only when it succeeded), the
title follows the record and the banner the labels on screen.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from app.domain.labels import Label
from app.services.desk import Desk
from app.ui.banner import ClassificationBanner, show_combined


class WindowForm(Protocol):
    """What a record window needs of the form it shows (record forms and the person form)."""

    label_changed: SignalInstance  # the combined label shown changed
    title_changed: SignalInstance  # the heading changed (str)
    save_finished: SignalInstance  # a save ended (bool: written)

    def widget(self) -> QWidget:
        """The widget to show."""
        ...

    def form_title(self) -> str:
        """The heading of the record shown."""
        ...

    def labels_on_screen(self) -> list[Label]:
        """Every label the form shows."""
        ...

    def has_unsaved_changes(self) -> bool:
        """True when edits would be lost."""
        ...

    def save(self) -> bool:
        """Start saving; False when it could not start."""
        ...


class RecordWindow(QWidget):
    """A record form in its own window, marked top and bottom."""

    def __init__(self, form: WindowForm, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = form
        self.desk = desk
        self._closing_after_save = False
        self.top_banner = ClassificationBanner()
        self.bottom_banner = ClassificationBanner()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_banner)
        body = QVBoxLayout()
        body.setContentsMargins(10, 8, 10, 8)
        body.addWidget(form.widget(), 1)
        layout.addLayout(body, 1)
        layout.addWidget(self.bottom_banner)
        self.resize(900, 760)
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence("Ctrl+W"), self.close),
            (QKeySequence(Qt.Key.Key_Escape), self.close),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        form.label_changed.connect(lambda _label: self.update_banner())
        form.title_changed.connect(lambda _title: self.update_title())
        form.save_finished.connect(self._save_finished)
        self.update_title()
        self.update_banner()

    def save(self) -> None:
        """Ctrl+S: save the form (through the runner)."""
        self.form.save()

    def update_title(self) -> None:
        """The window's title follows the record shown."""
        self.setWindowTitle(f"{self.form.form_title() or self.tr('Record')} — Exchange Desk")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Ask before unsaved edits are lost; Save closes once the save succeeded."""
        if self.form.has_unsaved_changes() and self.isVisible():
            answer = QMessageBox.question(
                self,
                "Unsaved changes",
                "Save the changes to this record before closing?",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                event.ignore()
                self._closing_after_save = self.form.save()
                return
        event.accept()

    def _save_finished(self, written: bool) -> None:
        if self._closing_after_save:
            self._closing_after_save = False
            if written:
                self.close()

    def update_banner(self) -> None:
        """The combined marking of what the form shows."""
        labels = [label for label in self.form.labels_on_screen() if label is not None]
        show_combined((self.top_banner, self.bottom_banner), self.desk, labels)
