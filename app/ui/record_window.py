"""A record form in its own window, marked top and bottom with the combined classification."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from app.services.desk import Desk
from app.ui.banner import ClassificationBanner


class RecordWindow(QWidget):
    """A record form of the records package in its own window, marked top and bottom."""

    def __init__(self, form: QWidget, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = form
        self.desk = desk
        self.top_banner = ClassificationBanner()
        self.bottom_banner = ClassificationBanner()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_banner)
        body = QVBoxLayout()
        body.setContentsMargins(10, 8, 10, 8)
        body.addWidget(form, 1)
        layout.addLayout(body, 1)
        layout.addWidget(self.bottom_banner)
        title = getattr(getattr(form, "title", None), "text", lambda: "Record")()
        self.setWindowTitle(f"{title} — Exchange Desk")
        self.resize(900, 760)
        signal = getattr(form, "label_changed", None)
        if signal is not None:
            signal.connect(lambda _label: self.update_banner())
        self.update_banner()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Ask before unsaved edits are lost."""
        unsaved = getattr(self.form, "has_unsaved_changes", lambda: False)()
        if unsaved and self.isVisible():
            answer = QMessageBox.question(
                self,
                "Unsaved changes",
                "Save the changes to this record before closing?",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.form.save()
            ):
                event.ignore()
                return
        event.accept()

    def update_banner(self) -> None:
        """The combined marking of what the form shows."""
        getter = getattr(self.form, "labels_on_screen", None)
        labels = [label for label in (getter() if getter else []) if label is not None]
        label = self.desk.combined(labels)
        for banner in (self.top_banner, self.bottom_banner):
            banner.set_marking(self.desk.marking(label), label.level)
