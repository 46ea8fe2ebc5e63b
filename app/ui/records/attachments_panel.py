"""Files attached to any record: list, add (with their own label), open, save as, delete."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale, QUrl, Signal
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
from app.paths import private_file
from app.services.base import Saved
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.services.reading import Page
from app.ui.i18n import date_text
from app.ui.operations import Changes, Operations
from app.ui.records.callbacks import while_alive
from app.ui.records.form_context import FormContext, read_form_context
from app.ui.records.messages import MessageArea, refusal, show_refusal
from app.ui.records.tables import RowsModel
from app.ui.widgets import tool_button

T = TypeVar("T")


def _changed(attachment_id: int) -> Changes:
    """The notice of a write to one attachment: every attachments panel reads its list again."""
    return Changes(
        kinds=frozenset({"attachment"}), records=frozenset({("attachment", attachment_id)})
    )


def _size(size: int) -> str:
    """A file's size in the window's language (``1.5 MB``, ``1,5 Mo``)."""
    if size >= 1024 * 1024:
        text, value = QCoreApplication.translate("AttachmentsPanel", "{size} MB"), size / 1024**2
    elif size >= 1024:
        text, value = QCoreApplication.translate("AttachmentsPanel", "{size} kB"), size / 1024
    else:
        return QCoreApplication.translate("AttachmentsPanel", "{size} B").format(size=size)
    return text.format(size=QLocale().toString(value, "f", 1))


class AttachmentLabelDialog(QDialog):
    """Asks the label of a file being attached (starts from the record's label); its choices
    come from a `FormContext` read off the GUI thread."""

    def __init__(
        self, name: str, label: Label, context: FormContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Classification of {name}").format(name=name))
        self.editor = context.label_editor()
        self.editor.set_label(label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Mark the file <b>{name}</b>:").format(name=name)))
        layout.addWidget(self.editor)
        layout.addWidget(buttons)


class AttachmentsPanel(QGroupBox):
    """The attachments of one record, each shown with its portion mark. Every service call
    (list, add, open, save as, delete) runs through the operation runner; the list reads itself
    again when an operation reports a change of attachments (in this window or another)."""

    labelsChanged = Signal(object)
    ended = Signal(bool)  # an add, open, save as or delete ended (True: it succeeded)

    def __init__(
        self,
        desk: Desk,
        record_kind: str,
        record_id: int | None = None,
        parent: QWidget | None = None,
        operations: Operations | None = None,
        context: FormContext | None = None,
    ) -> None:
        super().__init__(self.tr("Attachments"), parent)
        self.desk = desk
        self.operations = operations if operations is not None else Operations(self)
        self.context = context  # the label choices of the file dialog (None: read when asked)
        self.working = False  # an add, open, save as or delete is under way
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
                (
                    self.tr("Mark"),
                    lambda a: desk.portion_mark(self._labels.get(a.label_id, Label())),
                ),
                (self.tr("Name"), lambda a: a.name),
                (self.tr("Type"), lambda a: a.media_type),
                (self.tr("Size"), lambda a: _size(a.size)),
                (
                    self.tr("Added"),
                    lambda a: (
                        self.tr("{date} by {user}").format(
                            date=date_text(a.created_at), user=a.created_by
                        )
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
        self.table.setAccessibleName(self.tr("Attachments"))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # a long media type (…wordprocessingml.document) is elided, never squeezing the name
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, 150)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(160)
        self.message = MessageArea()
        self.add_button = tool_button(
            "add", self.tr("Add file…"), self.tr("Attach a file to this record")
        )
        self.open_button = tool_button(
            "open", self.tr("Open"), self.tr("Open the selected file with its application")
        )
        self.save_button = tool_button(
            "save", self.tr("Save as…"), self.tr("Save a copy of the selected file")
        )
        self.delete_button = tool_button(
            "remove", self.tr("Delete"), self.tr("Delete the selected file from the record")
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
        self.operations.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if self.record_id is not None and changes.touches("attachment"):
            self.refresh()

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
                else self.tr("Could not read the attachments: {error}").format(error=error)
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

    def _run(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        refused: str,
        changes: Callable[[T], Changes] | None = None,
    ) -> None:
        """One service call of the panel through the runner, the panel busy meanwhile."""

        def succeeded(result: T) -> None:
            self.working = False
            done(result)
            self.ended.emit(True)

        def failed(error: BaseException) -> None:
            self.working = False
            if isinstance(error, OSError):
                self.message.show_message(f"{refused} {error.strerror or error}".strip())
            else:
                show_refusal(self.message, refused, error)
            self.ended.emit(False)

        self.working = True
        self.operations.run(
            work,
            success=while_alive(self, succeeded),
            failure=while_alive(self, failed),
            changes=changes,
            busy_widget=self,
        )

    def add_file(self, path: str, label: Label | None = None) -> bool:
        """Attach a file from disk through the service (read and written off the GUI thread);
        False when there is no stored record to attach it to."""
        if self.record_id is None:
            return False
        service, kind, record_id = self.service, self.record_kind, self.record_id

        def work() -> Saved[Any]:
            try:
                content = Path(path).read_bytes()
            except OSError as error:
                raise OSError(
                    error.errno,
                    self.tr("Could not read {path}: {error}").format(
                        path=path, error=error.strerror
                    ),
                ) from error
            return service.add(kind, record_id, Path(path).name, content, label=label)

        self._run(
            work,
            lambda saved: self.message.show_warnings(
                self.tr("Attached {name}.").format(name=saved.record.name), saved.warnings
            ),
            self.tr("Not attached."),
            lambda saved: _changed(saved.record.id),
        )
        return True

    def add(self) -> None:
        """Pick a file and its label, then attach it."""
        path = self.choose_file()
        if not path:
            return

        def ask() -> None:
            label = self.choose_label(Path(path).name, self.record_label)
            if label is not None:
                self.add_file(path, label)

        if self.context is None and self.choose_label == self._choose_label:
            self._read_context(ask)  # the dialog's label choices, read off the GUI thread
        else:
            ask()

    def _read_context(self, then: Callable[[], None]) -> None:
        desk = self.desk

        def keep(context: FormContext) -> None:
            self.context = context
            then()

        self.operations.run(
            lambda: read_form_context(desk), success=while_alive(self, keep), busy_widget=self
        )

    def open_selected(self) -> None:
        """Open a checked copy of the selected file in a private temporary folder (read and
        written off the GUI thread)."""
        attachment = self.selected()
        if attachment is None:
            return
        service, attachment_id, name = self.service, attachment.id, attachment.name

        def work() -> Path:
            data = service.content(attachment_id)
            folder = Path(tempfile.mkdtemp(prefix="xdesk-"))
            path = folder / Path(name).name
            private_file(path).write_bytes(data)
            return path

        self._run(work, self.open_file, self.tr("Not opened."))

    def save_selected(self) -> None:
        """Save a copy of the selected file where the user chooses."""
        attachment = self.selected()
        if attachment is None:
            return
        path = self.choose_save_path(attachment.name)
        if not path:
            return
        service, attachment_id = self.service, attachment.id

        def work() -> None:
            try:
                service.save_as(attachment_id, path)
            except OSError as error:
                raise OSError(
                    error.errno,
                    self.tr("Could not write {path}: {error}").format(path=path, error=error),
                ) from error

        self._run(
            work,
            lambda _none: self.message.show_message(
                self.tr("Saved a copy as {path}, its label beside it as {path}.label.xml.").format(
                    path=path
                )
            ),
            "",
        )

    def delete_selected(self) -> None:
        """Delete the selected file after confirmation."""
        attachment = self.selected()
        if attachment is None or not self.confirm(
            self.tr("Delete {name} from this record?").format(name=attachment.name)
        ):
            return
        service, attachment_id, name = self.service, attachment.id, attachment.name
        self._run(
            lambda: service.delete(attachment_id, reason="deleted from the record's attachments"),
            lambda _saved: self.message.show_message(self.tr("Deleted {name}.").format(name=name)),
            self.tr("Not deleted."),
            lambda _saved: _changed(attachment_id),
        )

    def _choose_file(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        return path

    def _choose_save_path(self, name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save a copy"), name)
        return path

    def _choose_label(self, name: str, label: Label) -> Label | None:
        assert self.context is not None  # read by `add` first
        dialog = AttachmentLabelDialog(name, label, self.context, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.editor.label()

    def _confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Delete attachment"), text)
        return answer == QMessageBox.StandardButton.Yes
