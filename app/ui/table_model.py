"""One lazy table model for every record list: counts and pages come from a RecordService.

The model never loads the whole list. ``rowCount`` is the service's visible count; ``data``
answers from a bounded LRU cache of pages and, for a row not cached, queues a request for its
page (fetched on the next event-loop turn, never inside painting).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from app.domain.labels import Label
from app.services.base import RecordService
from app.ui.columns import MARK, Column, cell_text

Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """Rows of one record kind as the user may see them, fetched a page at a time."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    RecordRole = Qt.ItemDataRole.UserRole + 2
    LabelRole = Qt.ItemDataRole.UserRole + 3

    pageLoaded = Signal(int)
    countChanged = Signal(int)

    def __init__(
        self,
        service: RecordService,
        columns: Sequence[Column],
        portion_mark: Callable[[Label], str],
        page_size: int = 200,
        max_pages: int = 16,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.columns = tuple(columns)
        self.portion_mark = portion_mark
        self.page_size = page_size
        self.max_pages = max_pages
        self.filters: dict[str, Any] = {}
        self.sort_keys: list[str] | None = None
        self._total = 0
        self._pages: OrderedDict[int, list[tuple[Any, Label]]] = OrderedDict()
        self._pending: set[int] = set()
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self.fetch_pending)
        self.error: str = ""

    # --- Qt model API ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Visible records (0 below the top level: this is a flat table)."""
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The kind's columns."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        """Column titles; row numbers down the side."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable, enabled, never editable in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, raw sort value, record id or label, from the page cache only."""
        if not index.isValid() or index.row() >= self._total or index.column() >= len(self.columns):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, self.SortRole, self.RecordRole, self.LabelRole):
            return None
        entry = self._entry(index.row())
        if entry is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole else None
        record, label = entry
        if role == self.RecordRole:
            return int(record.id)
        if role == self.LabelRole:
            return label
        column = self.columns[index.column()]
        if column.field == MARK:
            text = self.portion_mark(label)
            return label.level if role == self.SortRole else text
        value = self._value(record, column.field)
        if role == self.SortRole:
            return value if isinstance(value, int | float | str) else cell_text(column, value)
        return cell_text(column, value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the server through the service (columns without a sort field are ignored)."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        key = self.columns[column].sort
        self.sort_keys = [("-" if order == Qt.SortOrder.DescendingOrder else "") + key]
        self.refresh()

    # --- paging ------------------------------------------------------------------------------

    def _value(self, record: Any, name: str) -> Any:
        try:
            return self.service.value_of(record, name)
        except Exception:  # noqa: BLE001 - a detached relation shows empty rather than failing paint
            return getattr(record, f"{name}_id", "")

    def _entry(self, row: int) -> tuple[Any, Label] | None:
        page_number, offset = divmod(row, self.page_size)
        page = self._pages.get(page_number)
        if page is None:
            self._request(page_number)
            return None
        self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    def _request(self, page_number: int) -> None:
        if page_number not in self._pending:
            self._pending.add(page_number)
            self._fetch_timer.start()

    def fetch_pending(self) -> None:
        """Fetch the pages asked for since the last turn of the event loop."""
        pending, self._pending = sorted(self._pending), set()
        for page_number in pending:
            self.load_page(page_number)

    def load_page(self, page_number: int) -> None:
        """Read one page from the service into the cache and tell the views."""
        offset = page_number * self.page_size
        if offset >= self._total:
            return
        page = self.service.list(self.filters, self.sort_keys, offset=offset, limit=self.page_size,
                                 count_total=False, total_hint=self._total)
        self._pages[page_number] = [(record, page.labels[record.label_id]) for record in page.records]
        self._pages.move_to_end(page_number)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        last = min(offset + self.page_size, self._total) - 1
        self.dataChanged.emit(self.index(offset, 0), self.index(last, len(self.columns) - 1))
        self.pageLoaded.emit(page_number)

    def refresh(self) -> None:
        """Count again and forget every cached page (after a filter, sort or save)."""
        self.beginResetModel()
        self._pages.clear()
        self._pending.clear()
        self._total = self.service.count(self.filters)
        self.endResetModel()
        self.countChanged.emit(self._total)

    def set_filters(self, filters: dict[str, Any]) -> None:
        """Apply service filters (``text``, ``status``, ``nation_code`` ...) and reload."""
        self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.refresh()

    # --- helpers for views -------------------------------------------------------------------

    def cached_label(self, row: int) -> Label | None:
        """The label of a row if its page is cached (never fetches)."""
        page = self._pages.get(row // self.page_size)
        if page is None or row % self.page_size >= len(page):
            return None
        return page[row % self.page_size][1]

    def record_id(self, row: int) -> int | None:
        """The record id of a row, if loaded."""
        entry = self._entry(row)
        return int(entry[0].id) if entry else None

    def cached_pages(self) -> list[int]:
        """Page numbers in the cache, least recently used first (for tests and diagnostics)."""
        return list(self._pages)
