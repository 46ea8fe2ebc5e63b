"""The agreement form: fields, parties, signatories, quotas and their use, exchanges under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout

from app.domain.labels import Label
from app.domain.vocab import AGREEMENT_MOVES, AgreementStatus, ExchangeStatus, QuotaDirection
from app.services.agreements import QUOTA_FIELDS, SIGNATORY_FIELDS
from app.services.base import Saved
from app.services.errors import ServiceError, ValidationFailed
from app.ui.i18n import vocabulary_label
from app.ui.operations import Changes
from app.ui.records.callbacks import while_alive
from app.ui.records.collection_editor import CollectionEditor
from app.ui.records.messages import refusal
from app.ui.records.record_form import RecordForm
from app.ui.records.tables import RowsModel, read_only_table


class AgreementForm(RecordForm):
    """An agreement with its signatories, quotas, quota use and exchanges."""

    service_name = "agreements"
    noun = "agreement"
    groups = [
        (QT_TRANSLATE_NOOP("RecordForm", "Agreement"), ["reference", "title", "kind", "parties"]),
        (
            QT_TRANSLATE_NOOP("RecordForm", "Dates and terms"),
            ["signed_date", "effective_date", "expiry_date", "notice_period_days", "renewal_terms"],
        ),
        (QT_TRANSLATE_NOOP("RecordForm", "Scope"), ["scope"]),
    ]
    status_vocabulary = AgreementStatus
    status_moves = AGREEMENT_MOVES
    reason_statuses = (AgreementStatus.TERMINATED.value,)

    def build_related(self, layout: QVBoxLayout) -> None:
        """Signatories, quotas, quota use and exchanges panels."""
        self.signatories = CollectionEditor(
            self.tr("Signatories"), SIGNATORY_FIELDS, self.save_signatories
        )
        self.quotas = CollectionEditor(self.tr("Quotas"), QUOTA_FIELDS, self.save_quotas)
        self.quotas.table.setToolTip(
            self.tr("Direction: {directions}").format(
                directions=", ".join(d.value for d in QuotaDirection)
            )
        )
        self.use_model = RowsModel(
            [
                (self.tr("Year"), lambda q: q.year),
                (
                    self.tr("Direction"),
                    lambda q: vocabulary_label(QuotaDirection(q.direction).label),
                ),
                (self.tr("Categories"), lambda q: ", ".join(c for c in q.categories if c)),
                (self.tr("Allotted"), lambda q: q.allotted),
                (self.tr("Used"), lambda q: q.used),
                (self.tr("Remaining"), lambda q: q.remaining),
            ],
            self,
        )
        self.use_model.decorate = self._decorate_use
        self.use_table = read_only_table(self.use_model, self.tr("Quota use"), stretch=-1)
        self.reciprocity = QLabel()
        self.reciprocity.setWordWrap(True)
        self.exchanges_model = RowsModel(
            [
                (
                    self.tr("Mark"),
                    lambda e: (
                        self.desk.portion_mark(self._exchange_labels.get(e.label_id))
                        if e.label_id in self._exchange_labels
                        else ""
                    ),
                ),
                (self.tr("Reference"), lambda e: e.reference),
                (self.tr("Title"), lambda e: e.title),
                (self.tr("Start"), lambda e: e.start_date),
                (self.tr("Status"), lambda e: vocabulary_label(ExchangeStatus(e.status).label)),
            ],
            self,
        )
        self._exchange_labels: dict[int, Label] = {}
        self._reads = 0  # reads of quota use and exchanges started: only the latest is shown
        self.related_loading = False  # such a read is under way
        self.exchanges_table = read_only_table(
            self.exchanges_model, self.tr("Exchanges under this agreement"), stretch=2
        )
        for title, widgets in (
            (self.tr("Signatories"), [self.signatories]),
            (self.tr("Quotas (billets per year and direction)"), [self.quotas]),
            (self.tr("Quota use: allotted against used"), [self.use_table, self.reciprocity]),
            (self.tr("Exchanges under this agreement"), [self.exchanges_table]),
        ):
            box = QGroupBox(title)
            box_layout = QVBoxLayout(box)
            for widget in widgets:
                box_layout.addWidget(widget)
            layout.addWidget(box)
        self.operations.changed.connect(self._related_changed)

    def _related_changed(self, changes: Changes) -> None:
        # exchanges under the agreement and their participants (the quota use) read again
        if self.record_id is not None and (
            changes.touches("exchange") or changes.touches("participation")
        ):
            self.read_related()

    def related_labels(self) -> list[Label]:
        """The labels of the exchanges listed under the agreement."""
        return [
            self._exchange_labels[e.label_id]
            for e in self.exchanges_model.rows
            if e.label_id in self._exchange_labels
        ]

    def _decorate_use(self, line: Any, role: int) -> Any:
        if line.remaining >= 0:
            return None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return self.palette().color(QPalette.ColorRole.Link)

    def load_related(self) -> None:
        """Signatories and quotas of the record; quota use and exchanges from the services."""
        record = self.record
        self.signatories.model.set_rows(
            [{f.name: getattr(s, f.name) for f in SIGNATORY_FIELDS} for s in record.signatories]
        )
        self.quotas.model.set_rows(
            [{f.name: getattr(q, f.name) for f in QUOTA_FIELDS} for q in record.quotas]
        )
        self.signatories.error.show_message("")
        self.quotas.error.show_message("")
        self.read_related()

    def read_related(self) -> None:
        """Quota use and the agreement's exchanges, read off the GUI thread."""
        service, exchanges, record_id = self.service, self.desk.exchanges, self.record_id
        self._reads += 1
        read = self._reads
        self.related_loading = True

        def work() -> tuple[Any, Any]:
            use = service.quota_use(record_id)
            try:
                page = exchanges.list({"agreement_id": record_id}, sort=["start_date"], limit=500)
            except ServiceError:  # nothing the user may list
                page = None
            return use, page

        def failed(error: BaseException) -> None:
            if read == self._reads:
                self.related_loading = False
                self.message.show_message(
                    refusal(error) if isinstance(error, ServiceError) else str(error)
                )

        self.operations.run(
            work,
            success=while_alive(self, lambda found: self._show_related(read, *found)),
            failure=while_alive(self, failed),
        )

    def _show_related(self, read: int, use: Any, page: Any) -> None:
        """Quota use and the agreement's exchanges, read off the GUI thread."""
        if read != self._reads:
            return  # a later read is under way
        self.related_loading = False
        self.use_model.set_rows(use.lines)
        over = [f"{line.year} {line.direction}" for line in use.lines if line.remaining < 0]
        text = self.tr("Billets sent: {sent}, received: {received}.").format(
            sent=use.total_sent, received=use.total_received
        )
        if over:
            text += "  " + self.tr("Over quota: {lines}.").format(lines=", ".join(over))
        self.reciprocity.setText(text)
        self._exchange_labels = dict(page.labels) if page is not None else {}
        self.exchanges_model.set_rows(page.records if page is not None else [])
        self.controller.emit_label()

    def _save_collection(
        self,
        editor: CollectionEditor,
        call: Callable[..., Saved[Any]],
        rows: list[dict[str, str]],
        texts: tuple[str, str, str],
    ) -> bool:
        """Replace one collection of the record through the runner; False when nothing started.
        ``texts``: the messages (saved, not saved, rows to correct), translated whole."""
        if self.record_id is None or self.controller.saving:
            return False
        record_id, version = self.record_id, self.version

        def invalid(failure: ValidationFailed) -> None:
            editor.error.show_message("; ".join(failure.errors.values()))
            self.message.show_message(texts[2])

        self.write(
            lambda: call(record_id, rows, expected_version=version),
            texts[0],
            texts[1],
            invalid=invalid,
        )
        return True

    def save_signatories(self, rows: list[dict[str, str]]) -> bool:
        """Replace the signatories through the service."""
        return self._save_collection(
            self.signatories,
            self.service.set_signatories,
            rows,
            (
                self.tr("Signatories saved."),
                self.tr("Signatories not saved."),
                self.tr("Signatories not saved: please correct the rows marked below the table."),
            ),
        )

    def save_quotas(self, rows: list[dict[str, str]]) -> bool:
        """Replace the quotas through the service; quota use is read again."""
        return self._save_collection(
            self.quotas,
            self.service.set_quotas,
            rows,
            (
                self.tr("Quotas saved."),
                self.tr("Quotas not saved."),
                self.tr("Quotas not saved: please correct the rows marked below the table."),
            ),
        )


__all__ = ["AgreementForm"]
