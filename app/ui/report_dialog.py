"""Reports in the desktop application.

`ReportDialog` chooses a report of the reports package (`app.reports.REPORTS`) and its
parameters, renders it to PDF off the GUI thread (progress and Cancel), and previews, prints or
saves it. Previews and printing paint the rendered PDF's pages (`report_pages`), so what is
printed is exactly the marked PDF the reports package produced. Every report rendered (preview,
print or save) is audited by the reports package, which is imported only when a report is asked
for. List exports are `list_export.py`.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.vocab import AgreementStatus, ExchangeStatus
from app.security.principal import Actor
from app.services.desk import Desk
from app.ui.i18n import nations, plural, vocabulary_label
from app.ui.report_pages import QLocaleUsesLetter, paint_pages, pdf_pages
from app.ui.widgets import NationPicker, OptionalDateEdit
from app.ui.worker import Job, Worker

PAPER_TITLES = (("a4", "A4"), ("letter", QT_TRANSLATE_NOOP("ReportDialog", "US Letter")))


class ReferenceChooser(QComboBox):
    """An editable choice of a record by reference: recent records listed, any reference typed."""

    def __init__(self, desk: Desk, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(36)
        self.desk = desk
        self.kind = kind
        self.lineEdit().setPlaceholderText(
            self.tr("reference, e.g. EX-2026-7KQ3M")
            if kind == "exchange"
            else self.tr("reference or pick from the list")
        )
        self.loader: Worker | None = None
        self.loaded = False

    def load(self) -> None:
        """Fill the list with recent records (off the GUI thread), once."""
        if self.loaded or self.loader is not None:
            return
        service = self.desk.exchanges if self.kind == "exchange" else self.desk.people
        sort = ["-start_date"] if self.kind == "exchange" else None

        def read() -> list[tuple[str, str]]:
            page = service.list({}, sort, offset=0, limit=300, count_total=False)
            return [
                (
                    r.reference,
                    f"{r.reference} — "
                    f"{service.title(r) if self.kind == 'exchange' else _person(r)}",
                )
                for r in page.records
            ]

        self.loader = Worker(read, self)
        self.loader.finishedWith.connect(self._fill)
        self.loader.finished.connect(self._loaded)
        self.loader.start()

    def _fill(self, items: list[tuple[str, str]]) -> None:
        typed = self.currentText()
        for reference, text in items:
            self.addItem(text, reference)
        self.setEditText(typed)

    def _loaded(self) -> None:
        self.loaded = True
        if self.loader is not None:
            self.loader.deleteLater()
        self.loader = None

    def value(self) -> str:
        """The reference chosen or typed."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0 and self.itemData(index):
            return str(self.itemData(index))
        return text.split(" — ", 1)[0].strip()


def _person(record: Any) -> str:
    return f"{(record.family_name or '').upper()}, {record.given_names or ''}".rstrip(", ")


class ReportDialog(QDialog):
    """Choose a report and its parameters; preview, print or save it as PDF."""

    def __init__(
        self, desk: Desk, parent: QWidget | None = None, actor: Actor | None = None
    ) -> None:
        from app.reports import REPORTS

        super().__init__(parent)
        self.setWindowTitle(self.tr("Reports — Exchange Desk"))
        self.desk = desk
        actor = actor or desk.actor()  # the window passes the actor it has: no read here
        self.specs = [
            spec
            for spec in REPORTS.values()
            if not spec.auditors_only or actor.reads_audit or actor.is_admin
        ]
        self.report = QComboBox()
        self.report.setAccessibleName(self.tr("Report"))
        for spec in self.specs:
            self.report.addItem(spec.title, spec.name)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setObjectName("reportDescription")
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper"))
        for value, title in PAPER_TITLES:
            title = QCoreApplication.translate("ReportDialog", title)
            self.paper.addItem(title, value)
        if QLocaleUsesLetter():
            self.paper.setCurrentIndex(1)
        self.params_box = QWidget()
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setContentsMargins(0, 0, 0, 0)
        self.editors: dict[str, Any] = {}
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("reportMessage")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.preview_button.setDefault(True)

        form = QFormLayout()
        form.addRow(self.tr("Report"), self.report)
        form.addRow("", self.description)
        form.addRow(self.tr("Paper"), self.paper)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.params_box)
        layout.addWidget(self.message)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        layout.addLayout(running)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.resize(640, 300)

        self.worker: Worker | None = None
        self.after: Any = None
        self.last_pdf: Path | None = None
        self.last_result: Any = None
        self._temp: tempfile.TemporaryDirectory[str] | None = None  # made for a preview or print
        self.report.currentIndexChanged.connect(self._report_changed)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.clicked.connect(self.cancel)
        self._report_changed()

    # --- parameters --------------------------------------------------------------------------

    def spec(self) -> Any:
        """The chosen report's spec."""
        return self.specs[self.report.currentIndex()]

    def _report_changed(self) -> None:
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.editors = {}
        spec = self.spec()
        self.description.setText(spec.description)
        for parameter in spec.parameters:
            editor = self._editor(parameter, spec.name)
            self.editors[parameter.name] = editor
            self.params_form.addRow(parameter.title + (" *" if parameter.required else ""), editor)
        self.message.clear()

    def _editor(self, parameter: Any, report: str) -> Any:
        if parameter.kind in ("exchange", "person"):
            editor = ReferenceChooser(self.desk, parameter.kind)
            editor.load()
        elif parameter.kind == "date":
            editor = OptionalDateEdit()
            if parameter.name == "from":
                editor.set_value(dt.date(dt.date.today().year, 1, 1))
            elif parameter.name == "to":
                editor.set_value(dt.date.today())
        elif parameter.kind == "nation":
            editor = NationPicker(nations(), allow_empty=True, empty_text=self.tr("Any nation"))
            editor.setMinimumContentsLength(20)
        elif parameter.kind == "status":
            editor = QComboBox()
            editor.addItem(self.tr("Any status"), "")
            for member in AgreementStatus if report == "agreements" else ExchangeStatus:
                editor.addItem(vocabulary_label(member.label), member.value)
        else:
            from PySide6.QtWidgets import QLineEdit

            editor = QLineEdit()
        editor.setAccessibleName(parameter.title)
        return editor

    def params(self) -> dict[str, Any]:
        """The parameters as the reports package takes them (empty ones left out)."""
        values: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, ReferenceChooser):
                value: Any = editor.value()
            elif isinstance(editor, OptionalDateEdit):
                date = editor.value()  # text that is no date goes as typed: the report refuses it
                value = date.isoformat() if isinstance(date, dt.date) else (date or "")
            elif isinstance(editor, NationPicker):
                value = editor.value()
            elif isinstance(editor, QComboBox):
                value = editor.currentData()
            else:
                value = editor.text().strip()
            if value not in (None, ""):
                values[name] = value
        return values

    # --- rendering ---------------------------------------------------------------------------

    def render(self, out_path: Path, then: Any) -> None:
        """Render the chosen report to ``out_path`` off the GUI thread, then call
        ``then(result)``."""
        if self.worker is not None:
            return
        from app.reports import render_report

        name, params, paper = self.spec().name, self.params(), self.paper.currentData()
        missing = [p.title for p in self.spec().parameters if p.required and p.name not in params]
        if missing:
            self.message.setText(
                self.tr("{field} is required for this report.").format(field=missing[0])
            )
            return
        self.message.setText(self.tr("Preparing the report…"))
        self.after = then
        self._busy(True)

        def run(job: Job) -> Any:
            result = render_report(self.desk, name, params, out_path, paper)
            if job.cancelled():  # too late to stop the renderer: at least drop the file
                Path(out_path).unlink(missing_ok=True)
                if result.label_file is not None:
                    result.label_file.unlink(missing_ok=True)
            return result

        self.worker = Worker(run, self, with_job=True)
        self.worker.finishedWith.connect(self._rendered)
        self.worker.failedWith.connect(self._failed)
        self.worker.finished.connect(self._worker_done)
        self.worker.start()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        for widget in (
            self.preview_button,
            self.print_button,
            self.save_button,
            self.report,
            self.paper,
            self.params_box,
        ):
            widget.setEnabled(not busy)

    def _rendered(self, result: Any) -> None:
        self.last_result = result
        self.message.setText(
            self.tr("{pages}, {records}, marked {marking}.").format(
                pages=plural(self.tr("%Ln page(s)", "", result.pages), result.pages),
                records=plural(self.tr("%Ln record(s)", "", result.records), result.records),
                marking=result.marking,
            )
        )
        then, self.after = self.after, None
        if then is not None:
            then(result)

    def _failed(self, message: str) -> None:
        self.message.setText(
            self.tr("The report could not be produced: {message}").format(message=message)
        )

    def _worker_done(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.deleteLater()
        self._busy(False)

    def cancel(self) -> None:
        """Stop waiting for the render (its file, if it still appears, is deleted)."""
        if self.worker is not None:
            self.worker.cancel()
            self.after = None
            self.message.setText(self.tr("Cancelled."))
            self._busy(False)

    def busy(self) -> bool:
        """True while a report is being rendered."""
        return self.worker is not None

    def _scratch(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="xdesk-report-")
        return Path(self._temp.name) / f"{self.spec().name}-{stamp}.pdf"

    # --- the three buttons -------------------------------------------------------------------

    def choose_record(self, kind: str, reference: str) -> bool:
        """Open on the report about a record of ``kind`` (the record selected in the window),
        with its reference filled in; False when no report is about that kind."""
        for spec in self.specs:
            parameter = next((p for p in spec.parameters if p.kind == kind), None)
            if parameter is not None:
                self.report.setCurrentIndex(self.report.findData(spec.name))
                self.editors[parameter.name].setEditText(reference)
                return True
        return False

    def suggested_name(self) -> str:
        """The file name offered: the report, the record it is about, the date."""
        about = [str(v) for k, v in self.params().items() if k in ("exchange", "person")]
        stem = "-".join([self.spec().name, *about, dt.date.today().isoformat()])
        return "".join(c if c.isalnum() or c in "-_." else "-" for c in stem) + ".pdf"

    def save_pdf(self, path: str | None = None) -> None:
        """Save the report as a PDF file (asks where unless given)."""
        if not path:
            suggested = str(Path.home() / self.suggested_name())
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save report as PDF"), suggested, self.tr("PDF files (*.pdf)")
            )
            if not path:
                return
        target = Path(path if str(path).lower().endswith(".pdf") else f"{path}.pdf")
        self.last_pdf = target
        self.render(
            target,
            lambda result: self.message.setText(
                self.message.text()
                + f" Saved to {target}; its label (STANAG 4774/4778): {result.label_file}."
            ),
        )

    def preview(self) -> None:
        """Render, then show the pages in a print preview (from which it can be printed)."""
        target = self._scratch()
        self.render(target, lambda _r: self._show_preview(target))

    def _show_preview(self, pdf: Path) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        pages = pdf_pages(pdf)
        if not pages:
            self.message.setText(
                self.message.text()
                + self.tr(" (Preview needs poppler's pdftoppm; use Save as PDF.)")
            )
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._set_paper(printer, pages)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Preview — {report}").format(report=self.spec().title))
        dialog.paintRequested.connect(lambda p: paint_pages(p, pages))
        dialog.resize(900, 1000)
        self.preview_dialog = dialog
        dialog.exec()

    def print_report(self) -> None:
        """Render, then print through the system's print dialog."""
        target = self._scratch()
        self.render(target, lambda _r: self._print(target))

    def _print(self, pdf: Path) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        pages = pdf_pages(pdf, dpi=150)
        self._set_paper(printer, pages)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        pages = pdf_pages(pdf, dpi=min(printer.resolution(), 300)) or pages
        if not pages:
            QMessageBox.information(
                self,
                self.tr("Print"),
                self.tr(
                    "Printing needs poppler's pdftoppm; save the report as PDF and print that."
                ),
            )
            return
        paint_pages(printer, pages)

    def _set_paper(self, printer: Any, pages: list[QImage] | None = None) -> None:
        from PySide6.QtGui import QPageLayout, QPageSize

        size = QPageSize(
            QPageSize.PageSizeId.Letter
            if self.paper.currentData() == "letter"
            else QPageSize.PageSizeId.A4
        )
        printer.setPageSize(size)
        landscape = bool(pages) and pages[0].width() > pages[0].height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )

    def done(self, result: int) -> None:
        """Closing while rendering forgets the render; the preview and print files go."""
        self.cancel()
        super().done(result)
        if self._temp is not None and self.worker is None:  # a render still running writes there
            self._temp.cleanup()
            self._temp = None
