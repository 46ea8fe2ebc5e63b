"""Read-only tables of rows a service returned: the model and a compact view of it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.services.fields import text_of

Index = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
RecordRole = Qt.ItemDataRole.UserRole + 2


class RowTable(QAbstractTableModel):
    """A flat table over ``rows`` with a title per column: the counts and headers every row
    table of the forms shares (`RowsModel`, `CollectionModel`)."""

    rows: list[Any]

    def column_titles(self) -> list[str]:
        """The column headers, in order."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows (none under a child index)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        """Columns (none under a child index)."""
        return 0 if parent.isValid() else len(self.column_titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        """Column titles and row numbers."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = self.column_titles()
            return titles[section] if 0 <= section < len(titles) else None
        return section + 1


class RowsModel(RowTable):
    """A read-only table over rows a service returned: ``columns`` are (title, getter) pairs.

    The getters read what the rows already hold (no database work in `data`)."""

    def __init__(
        self, columns: Sequence[tuple[str, Callable[[Any], Any]]], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.decorate: Callable[[Any, int], Any] | None = None  # row, role -> value or None

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, number: int) -> Any:
        """The service's row object shown at a table row."""
        return self.rows[number]

    def column_titles(self) -> list[str]:
        """The titles of the (title, getter) columns."""
        return [title for title, _getter in self.columns]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, the raw value for sorting, the row object, and decorations."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.columns[index.column()][1](row)
            return "" if value is None else (value if isinstance(value, str) else text_of(value))
        if role == SortRole:
            return self.columns[index.column()][1](row)
        if role == RecordRole:
            return getattr(row, "id", None)
        if self.decorate is not None and role in (
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            return self.decorate(row, role)
        return None


def read_only_table(model: QAbstractItemModel, name: str, stretch: int | None = None) -> QTableView:
    """A compact, row-selecting, read-only table view of a model; ``stretch``: the column taking
    spare width (-1: every column shares it; None: the last)."""
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)  # one line per row; the full text is in the tooltip
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab moves to the next field, not the next cell
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch == -1:
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    elif stretch is not None:
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(100)
    table.setMaximumHeight(170)
    return table
