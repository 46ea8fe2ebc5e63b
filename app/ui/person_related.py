"""What a person's form shows beside the person: their exchanges, liaison tours and files.

Every row comes from a service call (through the operation runner), so a participation or tour
the user may not see is simply absent; the rows are read again when an operation reports a change
of participations, liaison tours or exchanges. `labels` holds the labels of every row on screen,
for the window's banner.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from app.domain.labels import Label
from app.domain.vocab import LiaisonKind, LiaisonStatus, ParticipationRole, ParticipationStatus
from app.services.desk import Desk
from app.services.errors import ServiceError
from app.ui.admin.who_can_see import WhoCanSeeDialog
from app.ui.i18n import number, vocabulary_label
from app.ui.operations import Changes, Operations
from app.ui.records.attachments_panel import AttachmentsPanel
from app.ui.records.callbacks import while_alive
from app.ui.records.form_context import FormContext
from app.ui.records.tables import RowsModel, read_only_table


class PersonRelated(QTabWidget):
    """Tabs: Exchanges (participations), Liaison tours, Attachments; and "Who can see this?"."""

    labelsChanged = Signal(object)
    openRequested = Signal(str, int)  # record kind, record id

    def __init__(
        self,
        desk: Desk,
        parent: QWidget | None = None,
        operations: Operations | None = None,
        context: FormContext | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.operations = operations if operations is not None else Operations(self)
        self.loading = False  # a read of the rows is under way
        self._reads = 0  # reads started: only the latest one is shown
        self.person_id: int | None = None
        self.person_label: Label | None = None
        self._labels: dict[int, Label] = {}
        self._exchange_titles: dict[int, str] = {}  # read with the rows: data() never queries
        mark = lambda record: desk.portion_mark(self._labels.get(record.label_id, Label()))  # noqa: E731
        self.exchanges = RowsModel(
            [
                (self.tr("Mark"), mark),
                (self.tr("Exchange"), lambda p: self._exchange_titles.get(p.exchange_id, "")),
                (self.tr("Role"), lambda p: vocabulary_label(ParticipationRole(p.role).label)),
                (
                    self.tr("Status"),
                    lambda p: vocabulary_label(ParticipationStatus(p.status).label),
                ),
                (self.tr("Arrival"), lambda p: p.arrival_date or ""),
                (self.tr("Departure"), lambda p: p.departure_date or ""),
            ],
            self,
        )
        self.tours = RowsModel(
            [
                (self.tr("Mark"), mark),
                (self.tr("Reference"), lambda t: t.reference),
                (self.tr("Kind"), lambda t: vocabulary_label(LiaisonKind(t.kind).label)),
                (self.tr("Host"), lambda t: f"{t.host_nation} {t.host_organisation}".strip()),
                (self.tr("Start"), lambda t: t.start_date),
                (self.tr("End"), lambda t: t.end_date or ""),
                (self.tr("Status"), lambda t: vocabulary_label(LiaisonStatus(t.status).label)),
            ],
            self,
        )
        self.exchange_table = read_only_table(
            self.exchanges, self.tr("Exchanges of this person"), stretch=1
        )
        self.tour_table = read_only_table(
            self.tours, self.tr("Liaison tours of this person"), stretch=3
        )
        self.attachments = AttachmentsPanel(
            desk, "person", operations=self.operations, context=context
        )
        self.attachments.setTitle("")
        self.addTab(self.exchange_table, self.tr("Exchanges"))
        self.addTab(self.tour_table, self.tr("Liaison tours"))
        self.addTab(self.attachments, self.tr("Attachments"))
        self.who_button = QPushButton(self.tr("Who can see this?"))
        self.who_button.setToolTip(
            self.tr("The users whose clearance, nationality and groups admit this person's record")
        )
        self.setCornerWidget(self.who_button)
        self.who_button.clicked.connect(self.show_who_can_see)
        self.exchange_table.doubleClicked.connect(
            lambda index: self.openRequested.emit(
                "exchange", self.exchanges.row(index.row()).exchange_id
            )
        )
        self.tour_table.doubleClicked.connect(
            lambda index: self.openRequested.emit(
                "liaison_assignment", self.tours.row(index.row()).id
            )
        )
        self.attachments.labelsChanged.connect(lambda _labels: self.labelsChanged.emit(self.labels))
        self.operations.changed.connect(self._changed)
        self.set_person(None)

    def _changed(self, changes: Changes) -> None:
        if self.person_id is not None and any(
            changes.touches(kind) for kind in ("participation", "liaison_assignment", "exchange")
        ):
            self.read()

    @property
    def labels(self) -> list[Label]:
        """Labels of every row shown (exchanges, tours, attachments)."""
        return list(self._labels.values()) + list(self.attachments.labels)

    def set_person(self, person_id: int | None, label: Label | None = None) -> None:
        """Show a person's related records (None: a new person, nothing yet); read off the GUI
        thread through the runner."""
        self.person_id, self.person_label = person_id, label
        self.attachments.set_record(person_id, label)
        self.who_button.setEnabled(person_id is not None)
        self.read()

    def relabel(self, label: Label | None) -> None:
        """The person's stored label changed (a save): the same rows, the new label."""
        self.person_label = label
        self.attachments.record_label = label or Label()

    def read(self) -> None:
        """Read the person's exchanges and tours again (off the GUI thread)."""
        self._reads += 1
        read, person_id, desk = self._reads, self.person_id, self.desk
        if person_id is None:
            self._show(read, ([], [], {}, {}))
            return
        self.loading = True

        def work() -> tuple[list[Any], list[Any], dict[int, Label], dict[int, str]]:
            try:
                page = desk.participations.for_person(person_id)
                labels = dict(page.labels)
                shown = desk.exchanges.fetch(sorted({p.exchange_id for p in page.records}))
                titles = {ex_id: desk.exchanges.title(ex) for ex_id, (ex, _l) in shown.items()}
                # the titles are on screen: their labels are in the banner (issue 14, item 9)
                labels.update({ex.label_id: label for ex, label in shown.values()})
                tours = desk.liaison.for_person(person_id)
                labels.update(tours.labels)
            except ServiceError:
                return [], [], {}, {}
            return page.records, tours.records, labels, titles

        self.operations.run(
            work,
            success=while_alive(self, lambda found: self._show(read, found)),
            failure=while_alive(self, lambda _error: self._show(read, ([], [], {}, {}))),
        )

    def _show(
        self, read: int, found: tuple[list[Any], list[Any], dict[int, Label], dict[int, str]]
    ) -> None:
        if read != self._reads:
            return  # a later read is under way
        self.loading = False
        participations, tours, self._labels, self._exchange_titles = found
        self.exchanges.set_rows(participations)
        self.tours.set_rows(tours)
        self.setTabText(0, self.tr("Exchanges ({count})").format(count=number(len(participations))))
        self.setTabText(1, self.tr("Liaison tours ({count})").format(count=number(len(tours))))
        self.labelsChanged.emit(self.labels)

    def show_who_can_see(self) -> None:
        """The users the person's label admits (a service answer; refusals shown as they are)."""
        if self.person_label is None:
            return
        WhoCanSeeDialog(self.desk, self.person_label, self.tr("this person"), self).open()
