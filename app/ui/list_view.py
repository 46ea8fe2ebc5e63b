"""A list of records: quick filter, status and nation filters, the lazy table, open on Enter."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.labels import Label
from app.domain.vocab import Vocabulary
from app.ui.i18n import plural, vocabulary_label
from app.ui.table_model import RecordTableModel
from app.ui.widgets import NationPicker


class RecordListView(QWidget):
    """Layout of a record list; emits the ids to open and the labels now in view."""

    openRequested = Signal(int)
    clickedRecord = Signal(int)  # one click on a row (a page with its form beside shows it)
    labelsChanged = Signal(list)
    exportRequested = Signal()

    def __init__(
        self,
        model: RecordTableModel,
        status_choices: type[Vocabulary] | None = None,
        nation_field: str | None = None,
        nations: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.nation_field = nation_field
        self.quick_filter = QLineEdit()
        self.quick_filter.setPlaceholderText(
            self.tr("Filter (name, reference, unit…)  Ctrl+Shift+F")
        )
        self.quick_filter.setClearButtonEnabled(True)
        self.quick_filter.setAccessibleName(self.tr("Quick filter"))
        self.status = None
        if status_choices is not None:
            self.status = QComboBox()
            self.status.setAccessibleName(self.tr("Status filter"))
            self.status.addItem(self.tr("Any status"), "")
            for member in status_choices:
                self.status.addItem(vocabulary_label(member.label), member.value)
            self.status.currentIndexChanged.connect(self.apply_filters)
        self.nation = None
        if nation_field:
            self.nation = NationPicker(
                nations or {}, allow_empty=True, empty_text=self.tr("Any nation")
            )
            self.nation.setAccessibleName(self.tr("Nation filter"))
            self.nation.setMinimumContentsLength(16)
            self.nation.valueChanged.connect(self.apply_filters)
        self.count_label = QLabel()
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.export_button.setToolTip(
            self.tr("Export this list, as filtered and sorted, to CSV or Excel")
        )
        self.export_button.setAccessibleName(self.tr("Export list"))
        self.export_button.clicked.connect(self.exportRequested)
        self.table = QTableView()
        self.table.setModel(model)
        model.active = self.isVisible
        default = (getattr(model.service, "default_sort", None) or ("",))[0]
        section = next(
            (i for i, c in enumerate(model.columns) if c.sort and c.sort == default.lstrip("-")), 0
        )
        order = (
            Qt.SortOrder.DescendingOrder if default.startswith("-") else Qt.SortOrder.AscendingOrder
        )
        self.table.horizontalHeader().setSortIndicator(
            section, order
        )  # the service's default order
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setSectionsMovable(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setAccessibleName(self.tr("Records"))
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.clicked.connect(self._clicked)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list, as in every other field
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(
                QKeySequence(key), self.table, context=Qt.ShortcutContext.WidgetShortcut
            )
            shortcut.activated.connect(lambda: self._open(self.table.currentIndex().row()))

        bar = QHBoxLayout()
        bar.addWidget(self.quick_filter, 2)
        if self.status is not None:
            bar.addWidget(self.status)
        if self.nation is not None:
            bar.addWidget(self.nation, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)
        self._filter_timer.timeout.connect(self.apply_filters)
        self.quick_filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self._labels_timer = QTimer(self)
        self._labels_timer.setSingleShot(True)
        self._labels_timer.setInterval(0)
        self._labels_timer.timeout.connect(self._emit_labels)
        for signal in (
            model.dataChanged,
            model.modelReset,
            model.labelsRead,
            self.table.verticalScrollBar().valueChanged,
        ):
            signal.connect(lambda *_a: self._labels_timer.start())
        self.sized = False
        model.pageLoaded.connect(self._first_page)
        model.countChanged.connect(lambda n: self.count_label.setText(self.count_text(n)))
        model.modelReset.connect(lambda: self.count_label.setText(self.tr("Counting…")))
        model.failed.connect(
            lambda text: self.count_label.setText(self.tr("Could not read the list"))
        )
        model.failed.connect(self.count_label.setToolTip)

    def count_text(self, count: int) -> str:
        """``1 record``, ``1,204 records`` (``1 enregistrement``, ``1 204 enregistrements``)."""
        return plural(self.tr("%Ln record(s)", "", count), count)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """A list hidden when last refreshed fetches now."""
        super().showEvent(event)
        self.model.wake()

    def _first_page(self, _page: int) -> None:
        """Fit the columns to the first rows (an empty list waits for its first rows: fitted
        to the headers alone, its columns would stay cramped once records arrive)."""
        if not self.sized and self.model.rowCount() > 0:
            self.sized = True
            self.table.resizeColumnsToContents()

    def filters(self) -> dict[str, object]:
        """The service filters the widgets describe."""
        filters: dict[str, object] = {"text": self.quick_filter.text().strip()}
        if self.status is not None:
            filters["status"] = self.status.currentData()
        if self.nation is not None and self.nation_field:
            filters[self.nation_field] = self.nation.value()
        return filters

    def apply_filters(self) -> None:
        """Reload the list with the current filters."""
        self._filter_timer.stop()
        self.model.set_filters(self.filters())

    def _clicked(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(index.row())
        if record_id is not None:
            self.clickedRecord.emit(record_id)

    def _open(self, row: int) -> None:
        if row < 0:
            return
        record_id = self.model.record_id(row)
        if record_id is not None:
            self.openRequested.emit(record_id)

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows that are loaded."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.record_id(r) for r in rows) if i is not None]

    def visible_rows(self) -> range:
        """Rows currently inside the viewport."""
        total = self.model.rowCount()
        if total == 0:
            return range(0)
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        first = 0 if first < 0 else first
        last = total - 1 if last < 0 else last
        return range(first, last + 1)

    def visible_labels(self) -> list[Label]:
        """The labels the list's banner covers: of every row the user can scroll to (one
        aggregate query, `RecordTableModel.list_labels`), or, until it arrives, of the rows
        in view that are loaded."""
        if self.model.list_labels is not None:
            return list(self.model.list_labels)
        return [
            label
            for row in self.visible_rows()
            if (label := self.model.cached_label(row)) is not None
        ]

    def _emit_labels(self) -> None:
        self.labelsChanged.emit(self.visible_labels())
