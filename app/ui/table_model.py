"""One lazy table model for every record list: counts and pages come from a RecordService.

The model never loads the whole list, and never reads the database on the GUI thread: the count
and each page are fetched by a small thread pool (each call opens its own short session), and
the results come back as queued signals. Every fetch carries the model's *generation*; a result
of an older generation (the filter or sort changed meanwhile) is dropped. Rows not fetched yet
show a placeholder. The first page is fetched beside the count, so the first rows can appear
before a million rows have been counted; pages in the second half are read backwards from the
end (``total_hint``), so jumping to the end is as quick as the start.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from app.domain.labels import Label
from app.search.service import quick_filter_ids
from app.services.base import RecordService
from app.ui.columns import MARK, Column, cell_text

Index = QModelIndex | QPersistentModelIndex
PLACEHOLDER = "…"
STILL_WANTED = 4  # pages fetched: the most recently asked for (a view shows two or three)
FETCH_DEBOUNCE_MS = 30
_SEQUENCE = itertools.count(1)

log = logging.getLogger(__name__)


class Row(NamedTuple):
    """One fetched row: the record's id, its label, and per column the text and sort value."""

    id: int
    label: Label
    cells: tuple[tuple[str, Any], ...]


class FetchPool:
    """Two daemon threads running service calls, highest priority first.

    The threads never touch Qt (PySide6 corrupts reference counts when Python threads emit
    signals under load, see `app.ui.worker`): each outcome ``(token, result, error, skipped)`` is
    put in the caller's outbox, which the caller polls on the GUI thread.
    """

    def __init__(self, threads: int = 2) -> None:
        self.jobs: queue.PriorityQueue[tuple[int, int, Any]] = queue.PriorityQueue()
        for n in range(threads):
            threading.Thread(target=self._work, name=f"list-fetch-{n}", daemon=True).start()

    def start(
        self,
        outbox: queue.SimpleQueue,
        token: tuple[Any, ...],
        call: Callable[[], Any],
        priority: int,
        wanted: Callable[[], bool] = lambda: True,
    ) -> None:
        """Queue one call; a larger priority runs sooner."""
        self.jobs.put((-priority, next(_SEQUENCE), (outbox, token, call, wanted)))

    def _work(self) -> None:
        while True:
            _priority, _n, job = self.jobs.get()
            self._run(*job)
            del job  # drop the call before waiting: its last reference is never released here

    @staticmethod
    def _run(
        outbox: queue.SimpleQueue,
        token: tuple[Any, ...],
        call: Callable[[], Any],
        wanted: Callable[[], bool],
    ) -> None:
        result: Any = None
        error = ""
        skipped = False
        try:
            skipped = not wanted()
            if not skipped:
                result = call()
        except Exception as failure:  # noqa: BLE001 - shown by the view, never raised into Qt
            error = str(failure) or type(failure).__name__
        outbox.put((token, result, error, skipped))


_POOL: FetchPool | None = None


def fetch_pool() -> FetchPool:
    """The process's pool of list fetches, started on first use."""
    global _POOL  # noqa: PLW0603 - one pool for the process
    if _POOL is None:
        _POOL = FetchPool()
    return _POOL


class _Shared:
    """What fetch threads read of a model while they decide whether a queued page is still
    wanted: plain Python, so a thread never touches the Qt object (nor holds its last reference)."""

    __slots__ = ("generation", "wanted_now")

    def __init__(self) -> None:
        self.generation = 0
        self.wanted_now: frozenset[int] = frozenset()


def _rows(
    service: RecordService,
    columns: tuple[Column, ...],
    portion_mark: Callable[[Label], str],
    page: Any,
) -> list[Row]:
    """A fetched page's records as the list shows them (fetch thread: `value_of` may read links
    the page fetch brought along, never the database)."""
    rows = []
    for record in page.records:
        label = page.labels[record.label_id]
        cells = []
        for column in columns:
            if column.field == MARK:
                cells.append((portion_mark(label), label.level))
                continue
            value = service.value_of(record, column.field)
            text = cell_text(column, value)
            cells.append((text, value if isinstance(value, int | float | str) else text))
        rows.append(Row(int(record.id), label, tuple(cells)))
    return rows


def _resolved(service: RecordService, search_kind: str | None, filters: dict[str, Any]) -> dict:
    """The service filters for the user's filters: the quick-filter text becomes a subquery of
    the ids the full-text index matches for this kind (``id__in``), as-you-type (the last word
    a prefix), with the index's folding of accents and transliterations on either engine. The
    service still applies its own access filter to every row."""
    text = str(filters.get("text") or "").strip()
    if not text or search_kind is None:
        return filters
    ids = quick_filter_ids(service.desk, search_kind, text)
    if ids is None:
        return filters
    resolved = {k: v for k, v in filters.items() if k != "text"}
    resolved["id__in"] = ids
    return resolved


class RecordTableModel(QAbstractTableModel):
    """Rows of one record kind as the user may see them, fetched a page at a time off the GUI
    thread."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    RecordRole = Qt.ItemDataRole.UserRole + 2
    LabelRole = Qt.ItemDataRole.UserRole + 3

    pageLoaded = Signal(int)
    countChanged = Signal(int)
    labelsRead = Signal()  # `list_labels` arrived: the labels of the whole filtered list
    loadingChanged = Signal(bool)
    failed = Signal(str)

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
        self._counted = False  # the count of this generation has arrived
        self.list_labels: list[Label] | None = None  # every matching row's label (None: not yet)
        self._shared = _Shared()  # the generation and the pages still wanted, for fetch threads
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._pending: set[int] = set()
        self._inflight: set[int] = set()
        self._recent: OrderedDict[int, None] = OrderedDict()  # pages asked for, least recent first
        self._last_asked = -1
        self._outbox: queue.SimpleQueue = queue.SimpleQueue()
        self._outstanding = 0  # submitted and not yet delivered, any generation
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(10)
        self._poll_timer.timeout.connect(self.poll)
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(FETCH_DEBOUNCE_MS)
        self._fetch_timer.timeout.connect(self.fetch_pending)
        self._kick_timer = QTimer(self)
        self._kick_timer.setSingleShot(True)
        self._kick_timer.setInterval(0)
        self._kick_timer.timeout.connect(self._kick)
        self.error: str = ""
        self.active: Callable[[], bool] | None = None  # set by a view: fetch only while it is shown
        self.search_kind: str | None = None  # the full-text index's kind: the quick filter uses it
        self.effective_filters: dict[
            str, Any
        ] = {}  # the filters the service is given (ids for text)
        self._deferred = False

    @property
    def _generation(self) -> int:
        return self._shared.generation

    @_generation.setter
    def _generation(self, value: int) -> None:
        self._shared.generation = value

    @property
    def _wanted_now(self) -> frozenset[int]:
        """The pages asked for most recently (read by fetch threads through `_shared`)."""
        return self._shared.wanted_now

    @_wanted_now.setter
    def _wanted_now(self, value: frozenset[int]) -> None:
        self._shared.wanted_now = value

    def _threads_see(self) -> tuple[RecordService, tuple[Column, ...], Callable[[Label], str]]:
        """What a fetch call may use: plain objects, never the model itself."""
        return self.service, self.columns, self.portion_mark

    def wake(self) -> None:
        """Fetch what was deferred while the view was hidden."""
        if self._deferred:
            self._kick()

    # --- Qt model API ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Visible records (0 below the top level: this is a flat table)."""
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """The kind's columns."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        """Column titles; row numbers down the side."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            return QCoreApplication.translate("Column", self.columns[section].title)
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
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            self.SortRole,
            self.RecordRole,
            self.LabelRole,
        ):
            return None
        row = self._entry(index.row())
        if row is None:
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        if role == self.RecordRole:
            return row.id
        if role == self.LabelRole:
            return row.label
        text, sort_value = row.cells[index.column()]
        return sort_value if role == self.SortRole else text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the server through the service (columns without a sort field are ignored)."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        key = self.columns[column].sort
        self.sort_keys = [("-" if order == Qt.SortOrder.DescendingOrder else "") + key]
        self.refresh()

    # --- paging ------------------------------------------------------------------------------

    def _entry(self, row: int) -> Row | None:
        page_number, offset = divmod(row, self.page_size)
        page = self._pages.get(page_number)
        if page is None:
            self._request(page_number)
            return None
        self._pages.move_to_end(page_number)
        return page[offset] if offset < len(page) else None

    def _request(self, page_number: int) -> None:
        if self._last_asked != page_number:  # remember the pages asked for most recently
            self._last_asked = page_number
            self._recent.pop(page_number, None)
            self._recent[page_number] = None
            while len(self._recent) > 4 * STILL_WANTED:
                self._recent.popitem(last=False)
            self._wanted_now = frozenset(list(self._recent)[-STILL_WANTED:])
        if page_number in self._inflight:
            return
        if page_number not in self._pending:
            self._pending.add(page_number)
            # restarted by each new page: a fast scroll fetches where it stops
            self._fetch_timer.start()

    def _page_call(self, page_number: int, total: int | None) -> Callable[[], Any]:
        filters, sort, size = (
            dict(self.effective_filters),
            list(self.sort_keys) if self.sort_keys else None,
            self.page_size,
        )
        offset = page_number * size
        service, columns, mark = self._threads_see()

        def call() -> list[Row]:
            page = service.list(
                filters, sort, offset=offset, limit=size, count_total=False, total_hint=total
            )
            return _rows(service, columns, mark, page)

        return call

    def _first_page_call(self) -> Callable[[], Any]:
        filters, size = dict(self.filters), self.page_size
        sort = list(self.sort_keys) if self.sort_keys else None

        service, columns, mark = self._threads_see()
        search_kind = self.search_kind

        def call() -> tuple[dict[str, Any], list[Row]]:
            resolved = _resolved(service, search_kind, filters)
            page = service.list(resolved, sort, offset=0, limit=size, count_total=False)
            return resolved, _rows(service, columns, mark, page)

        return call

    def _start(
        self,
        token: tuple[Any, ...],
        call: Callable[[], Any],
        priority: int,
        wanted: Callable[[], bool] = lambda: True,
    ) -> None:
        was_idle = not self.loading()
        self._outstanding += 1
        fetch_pool().start(self._outbox, token, call, priority, wanted)
        self._poll_timer.start()
        if was_idle:
            self.loadingChanged.emit(True)

    def poll(self) -> None:
        """Take the fetches that finished since the last turn (GUI thread)."""
        while True:
            try:
                outcome = self._outbox.get_nowait()
            except queue.Empty:
                break
            self._outstanding -= 1
            self._delivered(outcome)
        if self._outstanding <= 0:
            self._poll_timer.stop()

    def fetch_pending(self) -> None:
        """Start background fetches of the pages asked for (debounced: while the user drags the
        scroll bar through a million rows nothing is fetched until the view rests).

        Pages wait until this generation's count is known (it gives ``total_hint``). Only the
        pages asked for most recently (`STILL_WANTED`) are fetched; a queued page that has
        meanwhile left that set is skipped when its turn comes (paint asks again if it shows).
        """
        pending = sorted(p for p in self._pending if p in self._wanted_now)
        if not self._counted:
            pending = [p for p in pending if p == 0]
            self._pending.difference_update(pending)
        else:
            self._pending.clear()
        generation, total = self._generation, (self._total if self._counted else None)
        shared = self._shared
        for page_number in pending:
            if page_number in self._inflight or page_number in self._pages:
                continue
            if total is not None and page_number * self.page_size >= total:
                continue
            self._inflight.add(page_number)

            def wanted(number: int = page_number, generation: int = generation) -> bool:
                return generation == shared.generation and number in shared.wanted_now

            self._start(
                ("page", generation, page_number),
                self._page_call(page_number, total),
                next(_SEQUENCE) % 1_000_000 + 1,
                wanted,
            )

    def _delivered(self, outcome: tuple[tuple[Any, ...], Any, str, bool]) -> None:
        token, result, error, skipped = outcome
        kind, generation = token[0], token[1]
        if generation != self._generation:
            self._finished_one()
            return  # stale: the filter or sort changed meanwhile
        if error:
            self.error = error
            if kind in ("page", "first"):
                self._inflight.discard(token[2])
            if kind in ("count", "first"):
                self._counted = True  # nothing more will come for this generation
            self.failed.emit(error)
        elif kind == "count":
            if not skipped:
                self._count_arrived(int(result))
        elif kind == "labels":
            if not skipped:
                self.list_labels = list(result)
                self.labelsRead.emit()
        elif kind == "first":
            self._inflight.discard(0)
            if not skipped:
                self.effective_filters, rows = result
                self._page_arrived(0, rows)
        elif kind == "page":
            self._inflight.discard(token[2])
            if skipped:
                self._changed_rows(token[2])  # repainted if still in view, which asks again
            else:
                self._page_arrived(token[2], result)
        self._finished_one()

    def _finished_one(self) -> None:
        if not self.loading():
            self.loadingChanged.emit(False)

    def loading(self) -> bool:
        """True while a fetch of this generation is running or waiting."""
        return bool(self._inflight) or not self._counted

    def _count_arrived(self, total: int) -> None:
        self._counted = True
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < self._total:
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            for number in [n for n in self._pages if n * self.page_size >= total]:
                del self._pages[number]
            self.endRemoveRows()
        self.countChanged.emit(total)
        if self._pending:
            self._fetch_timer.start()

    def _page_arrived(self, page_number: int, rows: list[Row]) -> None:
        offset = page_number * self.page_size
        if not self._counted:
            # the first page comes before the count: show it now; a short page is the whole
            # list, else the count (started now, so it never delays the first rows) adds the rest
            rows = rows[: self.page_size]
            self._store(page_number, rows)
            if len(rows) > self._total:
                self.beginInsertRows(QModelIndex(), self._total, len(rows) - 1)
                self._total = len(rows)
                self.endInsertRows()
            if page_number == 0 and len(rows) < self.page_size:
                self._count_arrived(len(rows))
            elif page_number == 0:
                self._start_count()
        else:
            self._store(page_number, rows[: max(self._total - offset, 0)])
        self._changed_rows(page_number)
        self.pageLoaded.emit(page_number)

    def _store(self, page_number: int, rows: list[Row]) -> None:
        self._pages[page_number] = rows
        self._pages.move_to_end(page_number)
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)

    def _changed_rows(self, page_number: int) -> None:
        offset = page_number * self.page_size
        last = min(offset + self.page_size, self._total) - 1
        if last >= offset:
            self.dataChanged.emit(self.index(offset, 0), self.index(last, len(self.columns) - 1))

    def load_page(self, page_number: int) -> None:
        """Read one page on the calling thread (tests, exports of what is shown); views never call
        this."""
        offset = page_number * self.page_size
        if offset >= self._total:
            return
        rows = self._page_call(page_number, self._total if self._counted else None)()
        self._store(page_number, rows)
        self._changed_rows(page_number)
        self.pageLoaded.emit(page_number)

    def refresh(self) -> None:
        """Forget every cached page and fetch the count and the first page again, in the background.

        The list empties at once; the first page appears when it arrives and the count then adds
        the remaining rows (placeholders until their pages are fetched).
        """
        self._generation += 1
        self.beginResetModel()
        self._pages.clear()
        self._pending.clear()
        self._inflight.clear()
        self._recent.clear()
        self._wanted_now = frozenset()
        self._last_asked = -1
        self._total = 0
        self._counted = False
        self.list_labels = None
        self.error = ""
        self.endResetModel()
        self._inflight.add(0)  # the first page is on its way (the count follows it)
        self._kick_timer.start()

    def _kick(self) -> None:
        """Start the first page of the current generation, the count after it (several refreshes
        in one turn of the event loop, as when a view is built, cost one set of fetches)."""
        if self.active is not None and not self.active():
            self._deferred = True  # a hidden list: fetched when shown (see `wake`)
            return
        self._deferred = False
        generation, shared = self._generation, self._shared

        def current() -> bool:
            return generation == shared.generation

        self._start(("first", generation, 0), self._first_page_call(), 2_000_000, current)

    def _start_count(self) -> None:
        generation, filters, shared = self._generation, dict(self.effective_filters), self._shared
        service = self.service

        def current() -> bool:
            return generation == shared.generation

        self._start(("count", generation), lambda: service.count(filters), 2_000_000, current)
        # the banner's labels: every matching row's, after the count (a list shows its marking
        # from the rows loaded until then)
        self._start(("labels", generation), lambda: _combined(service, filters), 1_000_000, current)

    def set_filters(self, filters: dict[str, Any]) -> None:
        """Apply service filters (``text``, ``status``, ``nation_code`` ...) and reload."""
        self.filters = {k: v for k, v in filters.items() if v not in (None, "")}
        self.effective_filters = dict(self.filters)
        self.refresh()

    # --- helpers for views -------------------------------------------------------------------

    def cached_label(self, row: int) -> Label | None:
        """The label of a row if its page is cached (never fetches)."""
        page = self._pages.get(row // self.page_size)
        if page is None or row % self.page_size >= len(page):
            return None
        return page[row % self.page_size].label

    def record_id(self, row: int) -> int | None:
        """The record id of a row, if loaded."""
        entry = self._entry(row)
        return entry.id if entry else None

    def cached_pages(self) -> list[int]:
        """Page numbers in the cache, least recently used first (for tests and diagnostics)."""
        return list(self._pages)


def _combined(service: Any, filters: dict[str, Any]) -> list[Label]:
    """The labels of every row ``filters`` match, their banner combined here, off the window's
    thread (`Desk.combined` keeps it, so the banner's own call when they arrive finds it: 502
    ms at ~17,000 distinct labels, a cache hit then); a combination that fails is left for the
    banner's own call to report."""
    labels = service.labels(filters)
    if labels:
        try:
            service.desk.combined(list(labels))
        except Exception:  # noqa: BLE001 - the banner says it, on the window's thread
            log.debug("the list's banner will be combined on the window's thread", exc_info=True)
    return labels
