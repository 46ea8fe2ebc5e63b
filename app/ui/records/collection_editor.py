"""A record's collection rows (signatories, quotas, cost lines) as an editable table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.fields import Field, text_of
from app.ui.i18n import field_title
from app.ui.records.tables import Index, RowTable
from app.ui.widgets import ErrorLabel, tool_button


class CollectionModel(RowTable):
    """An editable table of a record's collection rows (dicts of texts), one column per field."""

    def __init__(self, fields: Sequence[Field], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.rows: list[dict[str, str]] = []

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Replace every row (values shown as text)."""
        self.beginResetModel()
        self.rows = [
            {
                f.name: "" if row.get(f.name) is None else text_of(row.get(f.name))
                for f in self.fields
            }
            for row in rows
        ]
        self.endResetModel()

    def add_row(self) -> int:
        """Append an empty row; its number."""
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append({f.name: "" for f in self.fields})
        self.endInsertRows()
        return len(self.rows) - 1

    def remove_row(self, number: int) -> None:
        """Remove one row."""
        if 0 <= number < len(self.rows):
            self.beginRemoveRows(QModelIndex(), number, number)
            del self.rows[number]
            self.endRemoveRows()

    def column_titles(self) -> list[str]:
        """One column per field, titled by it."""
        return [field_title(f.title) for f in self.fields]

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Every cell is editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[index.row()][self.fields[index.column()].name]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Store an edited cell."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        self.rows[index.row()][self.fields[index.column()].name] = str(value)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True

    def values(self) -> list[dict[str, str]]:
        """The non-empty rows, as the service takes them."""
        return [dict(row) for row in self.rows if any(v.strip() for v in row.values())]


class CollectionEditor(QWidget):
    """A table of collection rows with add / remove / save buttons and its error line."""

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        save: Callable[[list[dict[str, str]]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = CollectionModel(fields, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(170)
        self.error = ErrorLabel()
        self.add_button = tool_button(
            "add", self.tr("Add"), self.tr("Add a row to {table}").format(table=title.lower())
        )
        self.remove_button = tool_button(
            "remove", self.tr("Remove"), self.tr("Remove the selected row")
        )
        self.save_button = tool_button(
            "save",
            self.tr("Save {table}").format(table=title.lower()),
            self.tr("Save the {table} table").format(table=title.lower()),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(
            lambda: self.model.remove_row(self.table.currentIndex().row())
        )
        self.save_button.clicked.connect(lambda: save(self.model.values()))

    def _add(self) -> None:
        row = self.model.add_row()
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.edit(index)
