"""The global search box: results as you type, grouped by kind, off the GUI thread.

Typing restarts a 250 ms timer; when it fires the query runs in a `Worker` (one at a time: a
query typed while one runs waits, and only the newest waiting query is kept). A result that is
not for the text now in the box is dropped. Results show in a panel under the box that never
takes the keyboard focus: Up/Down move through it, Enter opens, Escape closes.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.labels import Label
from app.services import kinds
from app.ui.i18n import kind_title, number, plural
from app.ui.worker import Worker

DEBOUNCE_MS = 250
LIMIT = 40
MARKS = ("\x02", "\x03")  # highlight markers asked of the search service, turned into <b>
KIND_ORDER = [entry.name for entry in kinds.searchable()]  # result groups in registry order
HitRole = Qt.ItemDataRole.UserRole + 1


def snippet_html(snippet: str) -> str:
    """A snippet with the matched words in bold, everything else escaped."""
    return html.escape(snippet).replace(MARKS[0], "<b>").replace(MARKS[1], "</b>")


class SearchPanel(QFrame):
    """The results under the search box: a tree of kinds and their hits (never takes focus)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("searchPanel")
        self.tree = QTreeWidget()
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setAccessibleName(self.tr("Search results"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Mark"), self.tr("Record"), self.tr("Match")])
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(8)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(60)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.tree.setColumnWidth(1, 300)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setContentsMargins(6, 2, 6, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.setSpacing(0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        self.resize(760, 420)

    def hits(self) -> list[Any]:
        """The hits shown, in order."""
        found = []
        for group in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(group)
            found.extend(parent.child(n).data(0, HitRole) for n in range(parent.childCount()))
        return found

    def show_results(self, results: Any) -> None:
        """Fill the tree: one group per kind, best hits first, each with portion mark and
        snippet."""
        self.tree.clear()
        groups: dict[str, list[Any]] = {}
        for hit in results.hits:
            groups.setdefault(hit.kind, []).append(hit)
        first: QTreeWidgetItem | None = None
        for kind in sorted(groups, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 99):
            group = QTreeWidgetItem(
                self.tree, [f"{kind_title(kinds.kind(kind).title)} ({len(groups[kind])})", "", ""]
            )
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setForeground(0, self.palette().placeholderText())
            group.setFirstColumnSpanned(True)
            group.setSizeHint(0, QSize(0, self.fontMetrics().height() + 10))
            for hit in groups[kind]:
                title = hit.title + (
                    f"  ·  {hit.reference}"
                    if hit.reference and hit.reference not in hit.title
                    else ""
                )
                item = QTreeWidgetItem(group, [hit.portion_mark, title, ""])
                item.setSizeHint(1, QSize(0, self.fontMetrics().height() + 10))
                item.setData(0, HitRole, hit)
                item.setToolTip(1, f"{hit.marking}\n{title}")
                label = QLabel(snippet_html(hit.snippet))
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setContentsMargins(4, 0, 4, 0)
                self.tree.setItemWidget(item, 2, label)
                first = first or item
        self.tree.expandAll()
        if first is not None:
            self.tree.setCurrentItem(first)
        shown = len(results.hits)
        if results.total == 0:
            suggestion = getattr(results, "suggestion", None)
            self.status.setText(
                self.tr("No matches — did you mean “{suggestion}”?").format(suggestion=suggestion)
                if suggestion
                else self.tr("No matches")
            )
        elif not getattr(results, "complete", True):
            self.status.setText(
                self.tr(
                    "More than {total} matches: best {shown} of the {total} most recent"
                    " · refine the search · Enter opens · Esc closes"
                ).format(total=number(results.total), shown=shown)
            )
        elif results.total > shown:
            self.status.setText(
                self.tr("Best {shown} of {total} matches · Enter opens · Esc closes").format(
                    total=number(results.total), shown=shown
                )
            )
        else:
            self.status.setText(
                plural(
                    self.tr("%Ln match(es) · Enter opens · Esc closes", "", results.total),
                    results.total,
                )
            )

    def wanted_height(self) -> int:
        """The height that shows every row (the caller caps it)."""
        rows = self.tree.topLevelItemCount() + len(self.hits())
        row = self.fontMetrics().height() + 10
        return self.tree.header().height() + rows * row + self.status.sizeHint().height() + 12

    def move_selection(self, step: int) -> None:
        """Select the next or previous hit (group rows are skipped)."""
        items = []
        for group in range(self.tree.topLevelItemCount()):
            parent = self.tree.topLevelItem(group)
            items.extend(parent.child(n) for n in range(parent.childCount()))
        if not items:
            return
        current = self.tree.currentItem()
        index = items.index(current) if current in items else -1
        index = max(0, min(len(items) - 1, index + step))
        self.tree.setCurrentItem(items[index])
        self.tree.scrollToItem(items[index])

    def current_hit(self) -> Any:
        """The selected hit, if any."""
        item = self.tree.currentItem()
        return item.data(0, HitRole) if item is not None else None

    def labels(self) -> list[Label]:
        """Labels of the hits shown (for the window's banner)."""
        return [hit.label for hit in self.hits()] if self.isVisible() else []


class GlobalSearch(QWidget):
    """The toolbar's search box and its results panel; ``openRequested(kind, record_id)``."""

    openRequested = Signal(str, int)
    resultsChanged = Signal()

    def __init__(self, run: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run = run  # query -> SearchResults (called on a worker thread)
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr("Search everything  (Ctrl+K)"))
        self.box.setAccessibleName(self.tr("Search everything"))
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumWidth(320)
        self.box.setMaximumWidth(480)
        self.below: QWidget | None = (
            None  # the panel opens under this widget too (the window's banner)
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.box)
        self.panel = SearchPanel(self)
        self.panel.hide()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._launch)
        self.worker: Worker | None = None
        self.waiting: str | None = None  # the newest query typed while one ran
        self.shown_query: str | None = None
        self.error = ""
        self.box.textChanged.connect(self._typed)
        self.box.installEventFilter(self)
        self.panel.tree.itemDoubleClicked.connect(
            lambda item, _c: self._open(item.data(0, HitRole))
        )

    # --- typing ------------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        if not text.strip():
            self.timer.stop()
            self.waiting = None
            self.close_panel()
            return
        self.timer.start()

    def _launch(self) -> None:
        query = self.box.text().strip()
        if not query:
            return
        if (
            self.worker is not None
        ):  # one query at a time; the newest waits, older waiting ones are dropped
            self.waiting = query
            return
        self.worker = Worker(lambda: self.run(query), self)
        self.worker.finishedWith.connect(lambda results, q=query: self._arrived(q, results))
        self.worker.failedWith.connect(self._failed)
        self.worker.finished.connect(self._worker_done)
        self.worker.start()

    def _worker_done(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.deleteLater()
        if self.waiting is not None:
            self.waiting = None
            self._launch()

    def busy(self) -> bool:
        """True while a query is debounced, running or waiting."""
        return self.timer.isActive() or self.worker is not None or self.waiting is not None

    def _arrived(self, query: str, results: Any) -> None:
        if query != self.box.text().strip():
            return  # stale: the user typed on
        self.error = ""
        self.shown_query = query
        self.panel.show_results(results)
        self.open_panel()
        self.resultsChanged.emit()

    def _failed(self, message: str) -> None:
        self.error = message
        self.panel.tree.clear()
        self.panel.status.setText(self.tr("Search failed: {message}").format(message=message))
        self.open_panel()
        self.resultsChanged.emit()

    # --- the panel ---------------------------------------------------------------------------

    def open_panel(self) -> None:
        """Show the panel under the box, inside the window's width."""
        window = self.window()
        below = self.box.mapToGlobal(QPoint(0, self.box.height() + 2))
        if (
            self.below is not None and self.below.isVisible()
        ):  # never over the classification banner
            below.setY(max(below.y(), self.below.mapToGlobal(QPoint(0, self.below.height())).y()))
        width = max(560, min(900, window.width() - 40))
        left = min(below.x(), window.mapToGlobal(QPoint(window.width() - width - 12, 0)).x())
        self.panel.resize(
            width, max(120, min(self.panel.wanted_height(), 520, window.height() * 2 // 3))
        )
        self.panel.move(max(left, window.mapToGlobal(QPoint(8, 0)).x()), below.y())
        self.panel.show()
        self.panel.raise_()

    def close_panel(self) -> None:
        """Hide the results."""
        if self.panel.isVisible():
            self.panel.hide()
            self.resultsChanged.emit()

    def _open(self, hit: Any) -> None:
        if hit is None:
            return
        self.close_panel()
        self.openRequested.emit(hit.kind, int(hit.record_id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Up/Down/Enter/Escape in the box act on the panel."""
        if (
            watched is self.box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.panel.isVisible():
                self.panel.move_selection(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.panel.isVisible() and self.shown_query == self.box.text().strip():
                    self._open(self.panel.current_hit())
                else:
                    self.timer.stop()
                    self._launch()
                return True
            if key == Qt.Key.Key_Escape and self.panel.isVisible():
                self.close_panel()
                return True
        if (
            watched is self.box
            and event.type() == QEvent.Type.FocusOut
            and not self.panel.underMouse()
        ):
            QTimer.singleShot(150, self._maybe_close)
        return False

    def _maybe_close(self) -> None:
        if not self.box.hasFocus() and not self.panel.underMouse():
            self.close_panel()

    def focus(self) -> None:
        """Put the cursor in the box, its text selected (Ctrl+K)."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        if self.box.text().strip() and self.shown_query == self.box.text().strip():
            self.open_panel()

    def shutdown(self) -> None:
        """Forget a running query (the window closes)."""
        self.timer.stop()
        self.waiting = None
        if self.worker is not None:
            self.worker.cancel()
        self.panel.hide()
