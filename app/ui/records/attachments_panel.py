"""Files attached to any record: list, add (with their own label), open, save as, delete."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.labels import Label
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.services.reading import Page
from app.ui.operations import Operations
from app.ui.records.callbacks import while_alive
from app.ui.records.form_context import FormContext, read_form_context
from app.ui.records.messages import MessageArea, refusal
from app.ui.records.tables import RowsModel
from app.ui.widgets import tool_button


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.1f} kB" if size >= 1024 else f"{size} B"


class AttachmentLabelDialog(QDialog):
    """Asks the label of a file being attached (starts from the record's label)."""

    def __init__(
        self,
        desk: Desk,
        name: str,
        label: Label,
        parent: QWidget | None = None,
        context: FormContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Classification of {name}")
        self.editor = (context if context is not None else read_form_context(desk)).label_editor()
        self.editor.set_label(label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Mark the file <b>{name}</b>:"))
        layout.addWidget(self.editor)
        layout.addWidget(buttons)


class AttachmentsPanel(QGroupBox):
    """The attachments of one record, each shown with its portion mark."""

    labelsChanged = Signal(object)

    def __init__(
        self,
        desk: Desk,
        record_kind: str,
        record_id: int | None = None,
        parent: QWidget | None = None,
        operations: Operations | None = None,
        context: FormContext | None = None,
    ) -> None:
        super().__init__("Attachments", parent)
        self.desk = desk
        self.operations = operations if operations is not None else Operations(self)
        self.context = context  # the label choices of the file dialog (None: read when asked)
        self.loading = False  # a read of the list is under way
        self._reads = 0  # reads started: only the latest one is shown
        self.service = desk.attachments
        self.record_kind = record_kind
        self.record_id = record_id
        self.record_label = Label()
        self.labels: list[Label] = []
        self.choose_file: Callable[[], str] = self._choose_file
        self.choose_save_path: Callable[[str], str] = self._choose_save_path
        self.choose_label: Callable[[str, Label], Label | None] = self._choose_label
        self.confirm: Callable[[str], bool] = self._confirm
        self.open_file: Callable[[Path], None] = lambda path: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(path))
        )
        self.model = RowsModel(
            [
                ("Mark", lambda a: desk.portion_mark(self._labels.get(a.label_id, Label()))),
                ("Name", lambda a: a.name),
                ("Type", lambda a: a.media_type),
                ("Size", lambda a: _size(a.size)),
                (
                    "Added",
                    lambda a: (
                        f"{a.created_at:%Y-%m-%d} by {a.created_by}"
                        if a.created_at
                        else a.created_by
                    ),
                ),
            ],
            self,
        )
        self._labels: dict[int, Label] = {}
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Attachments")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(160)
        self.message = MessageArea()
        self.add_button = tool_button("add", "Add file…", "Attach a file to this record")
        self.open_button = tool_button(
            "open", "Open", "Open the selected file with its application"
        )
        self.save_button = tool_button("save", "Save as…", "Save a copy of the selected file")
        self.delete_button = tool_button(
            "remove", "Delete", "Delete the selected file from the record"
        )
        buttons = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.add)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())

    def set_record(self, record_id: int | None, label: Label | None = None) -> None:
        """Show the attachments of a record (None: nothing yet)."""
        self.record_id = record_id
        self.record_label = label or Label()
        self.refresh()

    def refresh(self) -> None:
        """Re-read the list from the service, through the runner (off the GUI thread)."""
        self._reads += 1
        if self.record_id is None:
            self.loading = False
            self._labels = {}
            self.labels = []
            self.model.set_rows([])
            return
        service, kind, record_id, read = self.service, self.record_kind, self.record_id, self._reads
        self.loading = True

        def failed(error: BaseException) -> None:
            if read != self._reads:
                return
            self.loading = False
            self.model.set_rows([])
            self.message.show_message(
                refusal(error)
                if isinstance(error, ServiceError)
                else f"Could not read the attachments: {error}"
            )

        self.operations.run(
            lambda: service.for_record(kind, record_id),
            success=while_alive(self, lambda page: self._show(read, page)),
            failure=while_alive(self, failed),
        )

    def _show(self, read: int, page: Page[Any]) -> None:
        if read != self._reads:
            return  # a later read is under way
        self.loading = False
        self._labels = dict(page.labels)
        self.model.set_rows(page.records)
        self.labels = [page.labels[r.label_id] for r in page.records if r.label_id in page.labels]
        self.labelsChanged.emit(self.labels)

    def selected(self) -> Any:
        """The attachment row selected (None when nothing is)."""
        row = self.table.currentIndex().row()
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def add_file(self, path: str, label: Label | None = None) -> bool:
        """Attach a file from disk through the service."""
        if self.record_id is None:
            return False
        try:
            content = Path(path).read_bytes()
        except OSError as error:
            self.message.show_message(f"Could not read {path}: {error.strerror}")
            return False
        try:
            saved = self.service.add(
                self.record_kind, self.record_id, Path(path).name, content, label=label
            )
        except ServiceError as error:
            self.message.show_message(f"Not attached. {refusal(error)}")
            return False
        self.refresh()
        self.message.show_warnings(f"Attached {saved.record.name}.", saved.warnings)
        return True

    def add(self) -> None:
        """Pick a file and its label, then attach it."""
        path = self.choose_file()
        if not path:
            return
        label = self.choose_label(Path(path).name, self.record_label)
        if label is not None:
            self.add_file(path, label)

    def open_selected(self) -> None:
        """Open a checked copy of the selected file in a private temporary folder."""
        attachment = self.selected()
        if attachment is None:
            return
        try:
            data = self.service.content(attachment.id)
        except ServiceError as error:
            self.message.show_message(refusal(error))
            return
        folder = Path(tempfile.mkdtemp(prefix="xdesk-"))
        path = folder / Path(attachment.name).name
        path.write_bytes(data)
        self.open_file(path)

    def save_selected(self) -> None:
        """Save a copy of the selected file where the user chooses."""
        attachment = self.selected()
        if attachment is None:
            return
        path = self.choose_save_path(attachment.name)
        if not path:
            return
        try:
            self.service.save_as(attachment.id, path)
        except (ServiceError, OSError) as error:
            self.message.show_message(
                refusal(error)
                if isinstance(error, ServiceError)
                else f"Could not write {path}: {error}"
            )
            return
        self.message.show_message(f"Saved a copy as {path}.")

    def delete_selected(self) -> None:
        """Delete the selected file after confirmation."""
        attachment = self.selected()
        if attachment is None or not self.confirm(f"Delete {attachment.name} from this record?"):
            return
        try:
            self.service.delete(attachment.id, reason="deleted from the record's attachments")
        except ServiceError as error:
            self.message.show_message(f"Not deleted. {refusal(error)}")
            return
        self.refresh()
        self.message.show_message(f"Deleted {attachment.name}.")

    def _choose_file(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(self, "Attach a file")
        return path

    def _choose_save_path(self, name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, "Save a copy", name)
        return path

    def _choose_label(self, name: str, label: Label) -> Label | None:
        dialog = AttachmentLabelDialog(self.desk, name, label, self, self.context)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.editor.label()

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, "Delete attachment", text)
        return answer == QMessageBox.StandardButton.Yes
