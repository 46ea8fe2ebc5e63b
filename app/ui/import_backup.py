"""File → Import… and File → Back up…: long work off the GUI thread, with progress and Cancel.

Both go through the services (`app.services.transfer.import_file`,
`app.services.maintenance.backup`), which check the user's role and write the audit events.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
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
from app.ui.i18n import kind_title, number, plural, service_text
from app.ui.worker import Job, Worker

# what can be imported: (the kind's command-line word, its title), from the kind registry
KINDS = [(entry.desk_attribute, entry.title) for entry in kinds.transferable()]


class ImportDialog(QDialog):
    """Choose a kind and a CSV (or JSON) file, preview what the import would do (rows to store,
    rejected rows by line, probable duplicates, columns as mapped; nothing stored), then import.
    A file imported before is imported again only when "Import it again" is ticked."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import records"))
        self.desk = desk
        self.worker: Worker | None = None
        self.result: Any = None
        self.kind = QComboBox()
        for key, title in KINDS:
            self.kind.addItem(kind_title(title), key)
        self.kind.setAccessibleName(self.tr("Records"))
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File"))
        self.path.setPlaceholderText(
            self.tr(
                "A CSV file with a header row of field names (Help → Import and export formats)"
            )
        )
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.all_or_nothing = QCheckBox(self.tr("All or nothing: import no row if any row is bad"))
        self.again = QCheckBox(self.tr("Import it again: I mean to store its rows a second time"))
        self.again.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("Records"), self.kind)
        form.addRow(self.tr("File"), row)
        form.addRow("", self.all_or_nothing)
        form.addRow("", self.again)
        self.previewed: tuple[str, str] | None = None  # (kind, path) the last preview was of
        self._running: tuple[str, str] | None = None
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName(self.tr("Import report"))
        self.report.setPlaceholderText(
            self.tr(
                "Preview first: the rows the import would store, the rejected rows with their "
                "line numbers and the probable duplicates are listed here before anything is "
                "stored."
            )
        )
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start)
        for changed in (self.path.textChanged, self.kind.currentIndexChanged):
            changed.connect(self._forget_preview)
        self.again.toggled.connect(lambda _on: self._enable())
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QDialogButtonBox()
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
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
            self,
            self.tr("Import file"),
            str(Path.home()),
            self.tr("CSV (*.csv);;JSON (*.json);;All files (*)"),
        )
        if path:
            self.path.setText(path)

    def _forget_preview(self) -> None:
        self.previewed = None
        self.again.setChecked(False)
        self.again.setVisible(False)
        self._enable()

    def _enable(self) -> None:
        idle = self.worker is None
        self.preview_button.setEnabled(idle)
        ready = self.previewed == (self.kind.currentData(), self.path.text().strip())
        self.import_button.setEnabled(
            idle and ready and (not self.again.isVisible() or self.again.isChecked())
        )

    def preview(self) -> None:
        """Check the file without storing anything: what an import would store and reject."""
        self._run(preview=True)

    def start(self) -> None:
        """Run the import in the background (after a preview of the same file)."""
        self._run(preview=False)

    def _run(self, preview: bool) -> None:
        from app.services.transfer import import_file

        path, kind, all_or_nothing, again = (
            self.path.text().strip(),
            self.kind.currentData(),
            self.all_or_nothing.isChecked(),
            self.again.isChecked(),
        )
        if not path:
            self.report.setPlainText(self.tr("Choose a file to import."))
            return

        def run(job: Job) -> Any:
            def progress(done: int, total: int) -> bool:
                job.done, job.total = done, total
                return not job.cancelled()

            return import_file(
                self.desk,
                kind,
                path,
                all_or_nothing=all_or_nothing,
                progress=progress,
                preview=preview,
                again=again,
            )

        self.preview_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.report.setPlainText(
            self.tr("Checking the file…") if preview else self.tr("Importing…")
        )
        self._running = (kind, path)
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
        if result.preview:
            self._show_preview(result)
            return
        self.previewed = None  # imported: a second import needs a new preview
        rejected, warned = len(result.rejected), len(result.warnings)
        counts = [plural(self.tr("%Ln rejected", "", rejected), rejected)] if rejected else []
        counts += [plural(self.tr("%Ln warning(s)", "", warned), warned)] if warned else []
        lines = [
            self.tr("Imported {imported} of {total} rows from {file}").format(
                imported=number(result.imported), total=number(result.total), file=result.file
            )
            + (
                self.tr(" — nothing was imported (all or nothing)")
                if result.mode == "all-or-nothing" and result.rejected
                else ""
            )
            + (
                self.tr(" ({counts}, listed below).").format(counts=", ".join(counts))
                if counts
                else "."
            )
        ]
        if result.cancelled:
            lines.append(self.tr("Cancelled."))
        lines.extend(self._row_lines(result))
        self.report.setPlainText("\n".join(lines))

    def _show_preview(self, result: Any) -> None:
        duplicates, rejected = len(result.warnings), len(result.rejected)
        lines = [
            self.tr("Preview of {file}: {rows}. Nothing has been stored.").format(
                file=result.file, rows=self._rows(result.total)
            ),
            self.tr("An import would store {records}").format(
                records=plural(self.tr("%Ln record(s)", "", result.imported), result.imported)
            )
            + (self.tr(", reject {rows}").format(rows=self._rows(rejected)) if rejected else "")
            + (
                self.tr(" and warn of {duplicates}").format(
                    duplicates=plural(
                        self.tr("%Ln probable duplicate(s)", "", duplicates), duplicates
                    )
                )
                if duplicates
                else ""
            )
            + ".",
        ]
        if result.columns:
            lines.append(
                self.tr("Columns: {columns}").format(
                    columns=", ".join(c if c == f else f"{c} → {f}" for c, f in result.columns)
                )
            )
        if result.earlier is not None:
            when, rows = result.earlier
            lines.append(
                self.tr(
                    "You imported this file before, on {when} ({rows} stored): importing it "
                    "again stores its rows a second time. Tick “Import it again” only if that "
                    "is what you mean."
                ).format(when=when, rows=self._rows(rows))
            )
        lines.extend(self._row_lines(result))
        self.report.setPlainText("\n".join(lines))
        self.again.setVisible(result.earlier is not None)
        self.previewed = self._running if result.imported else None

    def _rows(self, count: int) -> str:
        """``1 row``, ``3 rows`` in the window's language."""
        return plural(self.tr("%Ln row(s)", "", count), count)

    def _row_lines(self, result: Any) -> list[str]:
        """A line per rejected field and per warning, by line (CSV) or record (JSON), in the
        window's language: ``line 4: nation: 'XX' is not a nation``."""
        lines = [text for problem in result.rejected for text in problem.lines(result.unit)]
        return [service_text(text) for text in lines + result.warning_lines()]

    def _failed(self, message: str) -> None:
        self.report.setPlainText(self.tr("The import failed: {message}").format(message=message))

    def _done(self) -> None:
        self.worker = None
        self.progress.setVisible(False)
        self._enable()

    def cancel(self) -> None:
        """Stop a running import (rows already stored stay, unless all or nothing), or close."""
        if self.worker is not None:
            self.worker.job.cancel()  # the import stops at its next row and reports what it did
            self.report.appendPlainText(self.tr("Cancelling…"))
            return
        self.reject()


class BackupRunner(QDialog):
    """A backup in progress: the copy runs in the background; the dialog reports the outcome."""

    def __init__(self, desk: Desk, destination: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.services.maintenance import backup

        self.setWindowTitle(self.tr("Back up the database"))
        self.message = QLabel(self.tr("Backing up to {path}…").format(path=destination))
        self.message.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 0)
        self.close_button = QPushButton(self.tr("Close"))
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
            lambda text: self.message.setText(
                self.tr("The backup failed: {error}").format(error=text)
            )
        )
        self.worker.finished.connect(
            lambda: (bar.setVisible(False), self.close_button.setEnabled(True))
        )
        self.worker.start()

    def _finished(self, made: Any) -> None:
        self.outcome = made
        self.message.setText(
            self.tr("Backed up to {path} ({size} bytes, SHA-256 {digest}…).").format(
                path=made.path, size=number(made.size), digest=made.sha256[:16]
            )
        )


def choose_backup(
    desk: Desk, parent: QWidget | None = None, path: str | None = None
) -> BackupRunner | None:
    """Ask where to write a backup, then run it."""
    if not path:
        suggested = str(Path.home() / f"exchange-desk-{dt.date.today().isoformat()}.sqlite")
        path, _chosen = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("BackupRunner", "Back up the database"),
            suggested,
            QCoreApplication.translate("BackupRunner", "SQLite database (*.sqlite)"),
        )
        if not path:
            return None
    runner = BackupRunner(desk, Path(path), parent)
    runner.show()
    return runner
