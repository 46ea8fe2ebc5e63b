"""File → Import… and File → Back up…: long work off the GUI thread, with progress and Cancel.

Both go through the services (`app.services.transfer.import_file`,
`app.services.maintenance.backup`), which check the user's role and write the audit events.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import kinds
from app.services.desk import Desk
from app.ui.worker import Job, Worker

# what can be imported: (the kind's command-line word, its title), from the kind registry
KINDS = [(entry.desk_attribute, entry.title) for entry in kinds.transferable()]


class ImportDialog(QDialog):
    """Choose a kind and a CSV (or JSON) file; rejected rows are listed with their line numbers."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import records")
        self.desk = desk
        self.worker: Worker | None = None
        self.result: Any = None
        self.kind = QComboBox()
        for key, title in KINDS:
            self.kind.addItem(title, key)
        self.path = QLineEdit()
        self.path.setPlaceholderText(
            "A CSV file with a header row of field names (Help → Import and export formats)"
        )
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.all_or_nothing = QCheckBox("All or nothing: import no row if any row is bad")
        form = QFormLayout()
        form.addRow("Records", self.kind)
        form.addRow("File", row)
        form.addRow("", self.all_or_nothing)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setPlaceholderText("Rejected rows, with their line numbers, are listed here.")
        self.import_button = QPushButton("Import")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QDialogButtonBox()
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def _browse(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self, "Import file", str(Path.home()), "CSV (*.csv);;JSON (*.json);;All files (*)"
        )
        if path:
            self.path.setText(path)

    def start(self) -> None:
        """Run the import in the background."""
        from app.services.transfer import import_file

        path, kind, all_or_nothing = (
            self.path.text().strip(),
            self.kind.currentData(),
            self.all_or_nothing.isChecked(),
        )
        if not path:
            self.report.setPlainText("Choose a file to import.")
            return

        def run(job: Job) -> Any:
            def progress(done: int, total: int) -> bool:
                job.done, job.total = done, total
                return not job.cancelled()

            return import_file(
                self.desk, kind, path, all_or_nothing=all_or_nothing, progress=progress
            )

        self.import_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.report.setPlainText("Importing…")
        self.worker = Worker(run, self, with_job=True)
        self.worker.progressed.connect(self._progressed)
        self.worker.finishedWith.connect(self._finished)
        self.worker.failedWith.connect(self._failed)
        self.worker.finished.connect(self._done)
        self.worker.start()

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _finished(self, result: Any) -> None:
        self.result = result
        counts = [f"{len(result.rejected):,} rejected"] if result.rejected else []
        counts += (
            [f"{len(result.warnings):,} warning{'s' if len(result.warnings) != 1 else ''}"]
            if result.warnings
            else []
        )
        lines = [
            f"Imported {result.imported:,} of {result.total:,} rows from {result.file}"
            + (
                " — nothing was imported (all or nothing)"
                if result.mode == "all-or-nothing" and result.rejected
                else ""
            )
            + (f" ({', '.join(counts)}, listed below)." if counts else ".")
        ]
        if result.cancelled:
            lines.append("Cancelled.")
        for problem in result.rejected:
            lines.extend(problem.lines(result.unit))
        lines.extend(f"{result.unit} {line}: warning: {text}" for line, text in result.warnings)
        self.report.setPlainText("\n".join(lines))

    def _failed(self, message: str) -> None:
        self.report.setPlainText(f"The import failed: {message}")

    def _done(self) -> None:
        self.worker = None
        self.progress.setVisible(False)
        self.import_button.setEnabled(True)

    def cancel(self) -> None:
        """Stop a running import (rows already stored stay, unless all or nothing), or close."""
        if self.worker is not None:
            self.worker.job.cancel()  # the import stops at its next row and reports what it did
            self.report.appendPlainText("Cancelling…")
            return
        self.reject()


class BackupRunner(QDialog):
    """A backup in progress: the copy runs in the background; the dialog reports the outcome."""

    def __init__(self, desk: Desk, destination: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.services.maintenance import backup

        self.setWindowTitle("Back up the database")
        self.message = QLabel(f"Backing up to {destination}…")
        self.message.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 0)
        self.close_button = QPushButton("Close")
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(bar)
        layout.addWidget(self.close_button)
        self.outcome: Any = None
        self.worker = Worker(lambda: backup(desk, destination), self)
        self.worker.finishedWith.connect(self._finished)
        self.worker.failedWith.connect(
            lambda text: self.message.setText(f"The backup failed: {text}")
        )
        self.worker.finished.connect(
            lambda: (bar.setVisible(False), self.close_button.setEnabled(True))
        )
        self.worker.start()

    def _finished(self, made: Any) -> None:
        self.outcome = made
        self.message.setText(
            f"Backed up to {made.path} ({made.size:,} bytes, SHA-256 {made.sha256[:16]}…)."
        )


def choose_backup(
    desk: Desk, parent: QWidget | None = None, path: str | None = None
) -> BackupRunner | None:
    """Ask where to write a backup, then run it."""
    if not path:
        suggested = str(Path.home() / f"exchange-desk-{dt.date.today().isoformat()}.sqlite")
        path, _chosen = QFileDialog.getSaveFileName(
            parent, "Back up the database", suggested, "SQLite database (*.sqlite)"
        )
        if not path:
            return None
    runner = BackupRunner(desk, Path(path), parent)
    runner.show()
    return runner
