"""A combo box of the records a service lists, loaded lazily through the operation runner,
that searches the whole list as the user types."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.services.base import RecordService
from app.services.errors import ServiceError
from app.ui.failures import show_failure
from app.ui.operations import Operations
from app.ui.records.callbacks import while_alive

# how long typing pauses before the typed text is searched, and how many records it offers
TYPING_PAUSE_MS = 250
SUGGESTIONS = 30


class ReferencePicker(QComboBox):
    """An editable combo box of the records a service lists (``reference — title``); value =
    reference. Nothing is read until the list is first opened or typed into; then the choices
    are read off the GUI thread.

    The drop-down holds the first ``limit`` records to browse; what the user types is searched
    in all of them (the list's own text filter: references, names, titles, with accents folded,
    ``nunez`` finds Núñez), after a pause in the typing, and the records found are offered under
    the field (`finder`); a search overtaken by more typing is dropped."""

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
        self.lineEdit().setPlaceholderText(self.tr("Type a reference or a name…"))
        self.addItem("", "")
        # the records found for the typed text, shown as they come (the service has filtered)
        self.found = QStringListModel(self)
        self.finder = QCompleter(self.found, self)
        self.finder.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.lineEdit().setCompleter(self.finder)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._search)
        self._searches = 0  # a search's number: only the latest one's records are offered
        self.currentTextChanged.connect(lambda _t: self.valueChanged.emit())
        self.lineEdit().textEdited.connect(self._typed)

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

    def _typed(self, _text: str) -> None:
        self.load()
        self._typing.start()  # restarted by each key: the search runs after the pause

    def _search(self) -> None:
        """Search every record the user may list for the typed text, off the GUI thread."""
        text = self.lineEdit().text().strip()
        self._searches += 1
        if len(text) < 2 or " — " in text:  # too short, or a record already chosen
            return
        number, service, filters = self._searches, self.service, self.filters

        def read() -> list[str]:
            page = service.list({**filters, "text": text}, limit=SUGGESTIONS, count_total=False)
            return [f"{r.reference} — {service.title(r)}" for r in page.records]

        self.operations.run(
            read,
            success=while_alive(self, lambda found: self._offer(number, found)),
            failure=while_alive(self, self._unlisted),
        )

    def _offer(self, number: int, found: list[str]) -> None:
        if number != self._searches:
            return  # more was typed meanwhile
        self.found.setStringList(found)
        if found and self.lineEdit().hasFocus():
            self.finder.complete()

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
