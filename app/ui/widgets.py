"""Reusable editors: nation picker with search, optional dates, languages, the label editor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QObject,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QButtonGroup,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.domain.labels import Label, Release
from app.domain.nations import ranked_nations, resolve_nation
from app.ui.i18n import service_text
from app.ui.icons import icon


class WheelGuard(QObject):
    """A mouse wheel over a value widget the user has not focused (a drop-down, a spin box, a
    date) scrolls the form around it instead of changing the value: scrolling an agreement
    form must never turn UNCLASSIFIED into TOP SECRET. A focused widget keeps the wheel, as Qt
    gives it; a wheel no longer gives focus (StrongFocus: a click or Tab does)."""

    def __init__(self, area: QAbstractScrollArea) -> None:
        super().__init__(area)
        self.area = area

    def guard(self, root: QWidget) -> None:
        """Guard ``root`` and every drop-down, spin box and date inside it."""
        widgets = root.findChildren(QComboBox) + root.findChildren(QAbstractSpinBox)
        if isinstance(root, (QComboBox, QAbstractSpinBox)):
            widgets.append(root)
        for widget in widgets:
            if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.removeEventFilter(self)  # guarded once, whatever the calls
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Send an unfocused widget's wheel to the form's scroll bar."""
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False
        QCoreApplication.sendEvent(self.area.verticalScrollBar(), event)
        return True


class NationPicker(QComboBox):
    """An editable combo box of nations ("USA — United States") with type-to-search."""

    valueChanged = Signal()

    def __init__(
        self,
        nations: dict[str, str],
        allow_empty: bool = True,
        empty_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.nations = dict(nations)
        if allow_empty:
            self.addItem(empty_text, "")
        for code, name in sorted(nations.items()):
            self.addItem(f"{code} — {name}", code)
        # the popup lists `ranked_nations` of what is typed: the exact code first ("NOR",
        # Down, Enter is Norway, not North Macedonia), then names, accents folded
        self.matches = QStringListModel(self)
        completer = QCompleter(self.matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._typed)
        self.lineEdit().setPlaceholderText(self.tr("Type a code or a name…"))
        self.currentIndexChanged.connect(lambda _i: self.valueChanged.emit())

    def _typed(self, text: str) -> None:
        self.matches.setStringList(
            [f"{code} — {self.nations[code]}" for code in ranked_nations(text, self.nations)]
        )
        if text.strip():
            self.completer().complete()

    def value(self) -> str:
        """The chosen nation code ('' for none): typed text names one by its code, its name
        or as the only match ("Norway", "nor"); otherwise the text is kept as typed (in
        capitals) for the form to refuse by name."""
        text = self.currentText().strip()
        if not text:
            return ""
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.itemData(index) or "")
        code = resolve_nation(text, self.nations)
        return code or text.split(" ", 1)[0].upper()

    def set_value(self, code: str | None) -> None:
        """Select a nation by code (or nothing)."""
        index = self.findData(code or "")
        if index < 0 and code:
            self.setEditText(code)
            return
        self.setCurrentIndex(max(index, 0))


class OptionalDateEdit(QWidget):
    """A date typed or picked: ISO (2026-03-02, 20260302) or the locale's short form, a calendar
    that opens at the date, else near a related date (``near``: an end date near its start),
    else today; empty is empty (the clear button). Text that is no date is kept as typed and
    returned as it is, for the form to refuse by the field's name."""

    valueChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.near: Callable[[], dt.date | None] = lambda: None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.edit.setMaxLength(32)
        self.calendar_button = QToolButton()
        self.calendar_button.setIcon(icon("calendar"))
        self.calendar_button.setToolTip(self.tr("Pick the date in a calendar"))
        self.calendar_button.setAccessibleName(self.tr("Pick date"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        menu = QMenu(self.calendar_button)
        picker = QWidgetAction(menu)
        picker.setDefaultWidget(self.calendar)
        menu.addAction(picker)
        menu.aboutToShow.connect(self._open_calendar)
        self.calendar_button.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.clear_button = QToolButton()
        self.clear_button.setIcon(icon("clear"))
        self.clear_button.setToolTip(self.tr("Clear the date"))
        self.clear_button.setAccessibleName(self.tr("Clear date"))
        self.clear_button.clicked.connect(self._cleared)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.calendar_button)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(lambda _t: self.valueChanged.emit())
        self.edit.editingFinished.connect(self._tidy)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        """The name is the line edit's too: a screen reader lands on it, not on this box."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def value(self) -> dt.date | str | None:
        """The date; None when empty; the text as typed when it is no date."""
        text = self.edit.text().strip()
        if not text:
            return None
        return parse_typed_date(text) or text

    def set_value(self, value: dt.date | None) -> None:
        """Show a date (None: empty)."""
        self.edit.setText(value.isoformat() if isinstance(value, dt.date) else (value or ""))

    def _tidy(self) -> None:
        """A typed date is shown in ISO once the user leaves the field."""
        value = self.value()
        if isinstance(value, dt.date) and self.edit.text() != value.isoformat():
            self.edit.setText(value.isoformat())

    def _open_calendar(self) -> None:
        value = self.value()
        start = value if isinstance(value, dt.date) else self.near() or dt.date.today()
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))

    def _picked(self, date: QDate) -> None:
        self.edit.setText(dt.date(date.year(), date.month(), date.day()).isoformat())
        self.calendar_button.menu().hide()
        self.valueChanged.emit()

    def _cleared(self) -> None:
        self.edit.clear()
        self.valueChanged.emit()


def parse_typed_date(text: str) -> dt.date | None:
    """A date typed as ISO 8601 (2026-03-02, 20260302) or in the locale's short form
    (3/2/26 in the United States, 02/03/2026 in France); None when it is no date."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    locale = QLocale()
    for form in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat):
        date = locale.toDate(text.strip(), form)
        if date.isValid():
            year = date.year()
            if year < 100:  # a two-digit year: this century
                year += 2000
            return dt.date(year, date.month(), date.day())
    return None


class LanguagesEditor(QWidget):
    """Languages and STANAG 6001 profiles as an editable two-column table."""

    valueChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Language (ISO 639)"), self.tr("Profile (e.g. 3/3/2/2)")]
        )
        # both columns share the width: a fixed first column cut its title ("anguage (ISO 639")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(110)
        self.table.setAccessibleName(self.tr("Languages"))
        add = QToolButton()
        add.setIcon(icon("add"))
        add.setToolTip(self.tr("Add a language"))
        add.setAccessibleName(self.tr("Add language"))
        remove = QToolButton()
        remove.setIcon(icon("remove"))
        remove.setToolTip(self.tr("Remove the selected language"))
        remove.setAccessibleName(self.tr("Remove language"))
        add.clicked.connect(self.add_row)
        remove.clicked.connect(self.remove_row)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(lambda _i: self.valueChanged.emit())

    def add_row(self, language: str = "", profile: str = "") -> None:
        """Append a row (and start editing it when empty)."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(language))
        self.table.setItem(row, 1, QTableWidgetItem(profile))
        if not language:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove_row(self) -> None:
        """Remove the current row."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.valueChanged.emit()

    def value(self) -> list[str]:
        """``"eng 3/3/2/2"`` items of the non-empty rows (the service parses and checks them)."""
        pairs = []
        for row in range(self.table.rowCount()):
            language = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            profile = (self.table.item(row, 1).text() if self.table.item(row, 1) else "").strip()
            if language:
                pairs.append(f"{language} {profile}".strip())
        return pairs

    def set_value(self, pairs: Iterable[tuple[str, str]] | None) -> None:
        """Replace the rows."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for language, profile in pairs or []:
            self.add_row(language, profile)
        self.table.blockSignals(False)


class ErrorLabel(QLabel):
    """The validation message under one field (hidden when there is none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("fieldError")
        font = self.font()
        font.setBold(True)
        self.setFont(font)
        self.hide()

    def show_message(self, message: str) -> None:
        """Show a message (empty: hide); the core's sentences in the window's language."""
        message = service_text(message)
        self.setText(f"⚠ {message}" if message else "")
        self.setAccessibleDescription(message)
        self.setVisible(bool(message))


class CheckList(QWidget):
    """A searchable list of checkable codes, the chosen ones shown above it as chips.

    The list keeps one order whatever is typed or ticked (the search only hides what does not
    match), so nothing moves under the pointer. Each chosen code is a chip (a click removes
    it), visible whatever the search. ``groups`` (a group's name -> its member codes) adds
    "Add a group…": choosing one ticks every member at once.
    """

    changed = Signal()

    def __init__(
        self,
        items: list[tuple[str, str]],
        placeholder: str = "",
        parent: QWidget | None = None,
        groups: dict[str, frozenset[str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder or self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for code, text in items:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.chips = QListWidget()
        self.chips.setAccessibleName(self.tr("Chosen (click to remove)"))
        self.chips.setFlow(QListWidget.Flow.LeftToRight)
        self.chips.setWrapping(True)
        self.chips.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.chips.setSpacing(2)
        self.chips.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.chips.setFrameShape(QFrame.Shape.NoFrame)
        self.chips.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chips.setVisible(False)
        self.chips.itemClicked.connect(self._remove_chip)
        self.chips.itemActivated.connect(self._remove_chip)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.search, 1)
        self.groups = dict(groups or {})
        self.group_menu: QComboBox | None = None
        if self.groups:
            menu = QComboBox()
            menu.setAccessibleName(self.tr("Add a group"))
            menu.addItem(self.tr("Add a group…"), "")
            for name, members in sorted(self.groups.items()):
                menu.addItem(f"{name} ({len(members)})", name)
            menu.activated.connect(self._add_group)
            top.addWidget(menu)
            self.group_menu = menu
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.chips)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.setFocusProxy(self.search)
        self.search.textChanged.connect(self._filter)
        self.list.itemChanged.connect(lambda _i: (self._show_chips(), self.changed.emit()))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt's name
        """The name is the search field's and the list's too: a screen reader lands on them."""
        super().setAccessibleName(name)
        self.search.setAccessibleName(name)
        self.list.setAccessibleName(name)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _items(self) -> Iterable[QListWidgetItem]:
        return (self.list.item(r) for r in range(self.list.count()))

    def _show_chips(self) -> None:
        self.chips.clear()
        for item in self._items():
            if item.checkState() == Qt.CheckState.Checked:
                code = str(item.data(Qt.ItemDataRole.UserRole))
                # a nation's code ("USA — United States"), a vocabulary value's label
                chip = QListWidgetItem(f"{item.text().split(' — ', 1)[0]}  ✕")
                chip.setData(Qt.ItemDataRole.UserRole, code)
                remove = self.tr("Remove {item}").format(item=item.text())
                chip.setToolTip(remove)
                chip.setData(Qt.ItemDataRole.AccessibleTextRole, remove)
                self.chips.addItem(chip)
        self.chips.setVisible(self.chips.count() > 0)
        self._fit_chips()

    def _fit_chips(self) -> None:
        """As tall as the chips' rows, up to three (then it scrolls)."""
        if not self.chips.count():
            return
        self.chips.doItemsLayout()
        line = self.chips.sizeHintForRow(0) + 2 * self.chips.spacing()
        bottom = max(
            self.chips.visualItemRect(self.chips.item(r)).bottom()
            for r in range(self.chips.count())
        )
        rows = max(1, min(3, round((bottom + self.chips.spacing()) / max(line, 1))))
        self.chips.setFixedHeight(rows * line + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """The chips wrap to the new width."""
        super().resizeEvent(event)
        self._fit_chips()

    def _remove_chip(self, chip: QListWidgetItem) -> None:
        code = chip.data(Qt.ItemDataRole.UserRole)
        for item in self._items():
            if item.data(Qt.ItemDataRole.UserRole) == code:
                item.setCheckState(Qt.CheckState.Unchecked)  # the list's signal updates the chips

    def _add_group(self, index: int) -> None:
        menu = self.group_menu
        name = menu.itemData(index) if menu is not None else ""
        if name:
            self.set_checked(self.checked() | self.groups[name])
            self.changed.emit()
        if menu is not None:
            menu.setCurrentIndex(0)

    def checked(self) -> frozenset[str]:
        """The codes ticked."""
        return frozenset(
            str(self.list.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.list.count())
            if self.list.item(r).checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, codes: Iterable[str]) -> None:
        """Tick exactly these codes."""
        wanted = set(codes)
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            state = (
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in wanted
                else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)
        self.list.blockSignals(False)
        self._show_chips()
        first = next(
            (
                self.list.item(r)
                for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked
            ),
            None,
        )
        if first is not None:
            self.list.scrollToItem(first, QAbstractItemView.ScrollHint.PositionAtTop)


class LabelEditor(QFrame):
    """Level, releasability (no caveat / NOFORN / REL TO) and need-to-know groups, marking shown
    live."""

    changed = Signal()

    def __init__(
        self,
        level_names: list[str],
        max_level: int,
        nations: dict[str, str],
        nation_groups: dict[str, str],
        ntk_groups: list[str],
        marking: Callable[[Label], str],
        parent: QWidget | None = None,
        refused_levels: Mapping[int, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._marking = marking
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Classification level"))
        for index, name in enumerate(level_names):
            self.level.addItem(name, index)
            if index > max_level:  # refuse what the user may not set: above their clearance
                item = self.level.model().item(index)
                item.setEnabled(False)
                item.setToolTip(self.tr("above your clearance"))
            elif index in (refused_levels or {}):  # a level the owner's rules do not have
                item = self.level.model().item(index)
                item.setEnabled(False)
                item.setToolTip((refused_levels or {})[index])
        self.no_caveat = QRadioButton(self.tr("No caveat"))
        self.noforn = QRadioButton("NOFORN")  # markings stay in their official English form
        self.rel = QRadioButton("REL TO")
        self.release_group = QButtonGroup(self)
        for button in (self.no_caveat, self.noforn, self.rel):
            self.release_group.addButton(button)
        self.no_caveat.setChecked(True)
        rel_items = [(code, f"{code} — {name}") for code, name in sorted(nation_groups.items())]
        rel_items += [(code, f"{code} — {name}") for code, name in sorted(nations.items())]
        self.rel_to = CheckList(rel_items, self.tr("Search nations and groups…"))
        self.rel_to.setAccessibleName(self.tr("Releasable to"))
        self.groups = CheckList(
            [(g, g) for g in ntk_groups], self.tr("Search need-to-know groups…")
        )
        self.groups.setAccessibleName(self.tr("Need-to-know groups"))
        self.marking_label = QLabel()
        self.marking_label.setObjectName("markingPreview")
        self.marking_label.setWordWrap(True)
        self.marking_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.marking_label.font()
        font.setBold(True)
        self.marking_label.setFont(font)
        self.error = ErrorLabel()

        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Classification")), 0, 0)
        grid.addWidget(self.level, 0, 1)
        release = QHBoxLayout()
        for button in (self.no_caveat, self.noforn, self.rel):
            release.addWidget(button)
        release.addStretch(1)
        grid.addWidget(QLabel(self.tr("Releasability")), 1, 0)
        grid.addLayout(release, 1, 1)
        grid.addWidget(self.rel_to, 2, 1)
        grid.addWidget(QLabel(self.tr("Need-to-know")), 3, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.groups, 3, 1)
        grid.addWidget(QLabel(self.tr("Marking")), 4, 0)
        grid.addWidget(self.marking_label, 4, 1)
        grid.addWidget(self.error, 5, 1)
        self.rel_to.setMaximumHeight(140)
        self.groups.setMaximumHeight(100)

        self.level.currentIndexChanged.connect(self._changed)
        self.release_group.buttonToggled.connect(lambda _b, on: on and self._changed())
        self.rel_to.changed.connect(self._changed)
        self.groups.changed.connect(self._changed)
        self._changed()

    def _changed(self) -> None:
        self.rel_to.setEnabled(self.rel.isChecked())
        label = self.label()
        self.marking_label.setText(
            self._marking(label)
            if label is not None
            else self.tr("REL TO needs at least one nation or group")
        )
        self.changed.emit()

    def label(self) -> Label | None:
        """The label as set (None when REL TO is chosen without any nation)."""
        level = int(self.level.currentData() or 0)
        groups = self.groups.checked()
        if self.noforn.isChecked():
            return Label(level, Release.NOFORN, frozenset(), groups)
        if self.rel.isChecked():
            codes = self.rel_to.checked()
            return Label(level, Release.REL, codes, groups) if codes else None
        return Label(level, Release.ALL, frozenset(), groups)

    def set_label(self, label: Label) -> None:
        """Show a label."""
        self.blockSignals(True)
        self.level.setCurrentIndex(label.level)
        {Release.ALL: self.no_caveat, Release.NOFORN: self.noforn, Release.REL: self.rel}[
            label.release
        ].setChecked(True)
        self.rel_to.set_checked(label.rel_to)
        self.groups.set_checked(label.groups)
        self.blockSignals(False)
        self._changed()


def tool_button(icon_name: str, text: str, tip: str) -> QPushButton:
    """A small button with an icon, a text, a tooltip and an accessible name."""
    button = QPushButton(icon(icon_name), text)
    button.setToolTip(tip)
    button.setAccessibleName(text or tip)
    return button
