"""List exports in the desktop application: `export_view` writes a list view's current filter
and sort through `app.reports.exports` off the GUI thread (`ExportRunner`: progress and
Cancel; nothing is left at the chosen place when cancelled). Every export is audited by the
reports package and written with its label ``NAME.label.xml`` beside it (STANAG 4774 label,
STANAG 4778 binding); the panel ends by saying the file's marking and where its label is, and
stays open until closed."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.bindings import label_path
from app.services.desk import Desk
from app.ui.i18n import plural
from app.ui.table_model import RecordTableModel
from app.ui.worker import Job, Worker


class ExportRunner(QWidget):
    """Runs one list export off the GUI thread with a progress bar and Cancel, in a small panel."""

    def __init__(
        self,
        desk: Desk,
        kind: str,
        filters: dict[str, Any],
        sort: list[str] | None,
        target: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Dialog)
        self.setWindowTitle(self.tr("Export — Exchange Desk"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.target = target
        self.result: Any = None
        self.error = ""
        self.label_file: Path | None = None
        self.text = QLabel(self.tr("Exporting to {file}…").format(file=target.name))
        self.text.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.resize(460, 100)
        self.cancel_button.clicked.connect(self.cancel)
        scratch = Path(tempfile.mkdtemp(prefix=".xdesk-export-", dir=str(target.parent)))
        self.scratch = scratch

        def run(job: Job) -> Any:
            from app.reports.exports import export_list

            result = export_list(desk, kind, scratch / target.name, filters=filters, sort=sort)
            job.check()  # cancelled meanwhile: the file is not moved into place
            # the label first, then the file (both renamed within the target's folder)
            shutil.move(str(result.label_file), str(label_path(target)))
            shutil.move(str(scratch / target.name), str(target))
            return result

        self.worker = Worker(run, self, with_job=True)
        self.worker.finishedWith.connect(self._done)
        self.worker.failedWith.connect(self._failed)
        self.worker.finished.connect(self._finished)
        self.worker.start()

    def _done(self, result: Any) -> None:
        self.result = result
        self.label_file = label_path(self.target)
        self.text.setText(
            self.tr(
                "Exported {records} to {file}, marked {marking}.\nIts label (STANAG 4774, "
                "bound to the file by STANAG 4778): {label}"
            ).format(
                records=plural(self.tr("%Ln record(s)", "", result.records), result.records),
                file=self.target.name,
                marking=result.marking,
                label=self.label_file,
            )
        )
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _failed(self, message: str) -> None:
        self.error = message
        self.text.setText(self.tr("The export failed: {message}").format(message=message))

    def _finished(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)
        self.progress.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.close)
        self.cancel_button.setFocus()

    def running(self) -> bool:
        """True until the export has ended."""
        return self.worker.isRunning()

    def cancel(self) -> None:
        """Stop: no file is written at the chosen place."""
        self.worker.cancel()
        self.text.setText(self.tr("Export cancelled."))


def export_view(
    desk: Desk,
    kind: str,
    model: RecordTableModel,
    parent: QWidget | None = None,
    path: str | None = None,
) -> ExportRunner | None:
    """Export a list view's current filter and sort to CSV or Excel (asks where unless given)."""
    if not path:
        suggested = str(Path.home() / f"{kind}-{dt.date.today().isoformat()}.csv")
        path, chosen = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ExportRunner", "Export list"),
            suggested,
            QCoreApplication.translate("ExportRunner", "CSV (*.csv);;Excel workbook (*.xlsx)"),
        )
        if not path:
            return None
        if not path.lower().endswith((".csv", ".xlsx")):
            path += ".xlsx" if "xlsx" in chosen else ".csv"
    filters = dict(getattr(model, "effective_filters", None) or model.filters)
    runner = ExportRunner(
        desk, kind, filters, list(model.sort_keys) if model.sort_keys else None, Path(path), parent
    )
    runner.show()
    return runner
