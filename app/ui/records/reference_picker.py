"""A combo box of the records a service lists, loaded lazily through the operation runner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from app.services.base import RecordService
from app.services.errors import ServiceError
from app.ui.failures import show_failure
from app.ui.operations import Operations
from app.ui.records.callbacks import while_alive


class ReferencePicker(QComboBox):
    """An editable combo box of the records a service lists (``reference — title``); value =
    reference. Nothing is read until the list is first opened or typed into; then the choices
    are read off the GUI thread."""

    valueChanged = Signal()
    loaded = Signal()

    def __init__(
        self,
        service: RecordService[Any],
        operations: Operations,
        filters: dict[str, Any] | None = None,
        limit: int = 500,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.operations = operations
        self.filters = dict(filters or {})
        self.limit = limit
        self.state = "idle"  # idle → loading → loaded
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.lineEdit().setPlaceholderText("Type a reference…")
        self.addItem("", "")
        self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer().setCompletionMode(self.completer().CompletionMode.PopupCompletion)
        self.currentTextChanged.connect(lambda _t: self.valueChanged.emit())
        self.lineEdit().textEdited.connect(lambda _t: self.load())

    def showPopup(self) -> None:  # noqa: N802
        """Opening the list reads the choices (once)."""
        self.load()
        super().showPopup()

    def load(self) -> None:
        """Read the records the user may list, off the GUI thread (once)."""
        if self.state != "idle":
            return
        self.state = "loading"
        service, filters, limit = self.service, self.filters, self.limit

        def read() -> list[tuple[str, str]]:
            page = service.list(filters, limit=limit)
            return [(f"{r.reference} — {service.title(r)}", r.reference) for r in page.records]

        self.operations.run(
            read, success=while_alive(self, self._fill), failure=while_alive(self, self._unlisted)
        )

    def _fill(self, choices: list[tuple[str, str]]) -> None:
        text = self.currentText()
        self.blockSignals(True)
        try:
            for caption, reference in choices:
                self.addItem(caption, reference)
            self.setEditText(text)
        finally:
            self.blockSignals(False)
        self.state = "loaded"
        self.loaded.emit()

    def _unlisted(self, error: BaseException) -> None:
        self.state = "loaded"  # nothing the user may list: the field stays a free reference
        if not isinstance(error, ServiceError):
            show_failure(self.window(), error)
        self.loaded.emit()

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
