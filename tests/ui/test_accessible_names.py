"""Every input of every record form and dialog has an accessible name, and an input with a
visible label is named as that label reads, so a screen reader says what the eye sees.

Each form or dialog is opened as the window opens it (or as its own tests build it), every tab
of it shown in turn, and every input the user can see is walked: one without a name, or named
otherwise than its label (a buddy ``QLabel`` or its ``QFormLayout`` row label), is an offender.
Inner editors of the application's composite widgets (the line edit of an optional date, the
drop-downs of the classification editor, nation pickers) count too: a screen reader lands on
them. Qt's own sub-editors (the line edit of a spin box or an editable combo box) are named
through their owner and are left out, as are scroll bars.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QTreeView,
    QWidget,
)

from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.services.errors import Conflict, FieldChange
from app.ui.admin.who_can_see import WhoCanSeeDialog
from app.ui.first_run import FirstRunDialog
from app.ui.import_backup import BackupRunner
from app.ui.login import ChangePasswordDialog, LoginDialog
from app.ui.main_window import MainWindow
from app.ui.records.attachments_panel import AttachmentLabelDialog
from app.ui.records.conflict_dialog import ConflictDialog
from app.ui.settings import PreferencesDialog
from tests.helpers.gui import (
    open_person,
    open_record_window,
    open_window,
    settle,
    settle_window,
    wait_until,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

INPUTS = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,  # spin boxes, date and date-time edits
    QCheckBox,
    QRadioButton,
    QListView,
    QTableView,
    QTreeView,
    QAbstractSlider,
    QPushButton,
    QToolButton,
)
NAMED_BY_TEXT = (QAbstractButton,)  # check boxes, radio and push buttons: their text is a name


# --- the walk ------------------------------------------------------------------------------


def label_text(label: QLabel) -> str:
    """What a label reads: no ``&`` accelerator, no trailing ``:`` or `` *``."""
    text = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    while True:
        stripped = text.removesuffix(":").removesuffix(" *").removesuffix("*").strip()
        if stripped == text:
            return text
        text = stripped


def is_input(widget: QWidget) -> bool:
    """An input a screen reader stops on (Qt's own sub-editors and scroll bars left out)."""
    if not isinstance(widget, INPUTS) or isinstance(widget, QScrollBar):
        return False
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
        return False  # the combo box or spin box is the accessible one
    if isinstance(widget, QToolButton) and isinstance(parent, QLineEdit | QTabBar):
        return False  # a line edit's clear button, a tab bar's scroll arrows: Qt's own
    if isinstance(widget, QAbstractItemView) and any(
        isinstance(w, QComboBox) for w in ancestors(widget)
    ):
        return False  # a combo box's pop-up list
    return True


def ancestors(widget: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def name_of(widget: QWidget) -> str:
    name = widget.accessibleName().strip()
    if not name and isinstance(widget, NAMED_BY_TEXT):
        name = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    return name


def describe(widget: QWidget) -> str:
    parent = widget.parentWidget()
    where = " > ".join(
        f"{type(w).__name__}({w.objectName()!r}"
        + (f", named {w.accessibleName()!r}" if w.accessibleName() else "")
        + ")"
        for w in reversed([widget, *list(ancestors(widget))[:3]])
    )
    return (
        f"{type(widget).__name__} objectName={widget.objectName()!r} "
        f"parent={type(parent).__name__ if parent else None}"
        f"({parent.objectName() if parent else ''!r}) "
        f"accessibleName={widget.accessibleName()!r} [{where}]"
    )


def inputs_in(widget: QWidget, top: QWidget) -> list[QWidget]:
    """The visible inputs a label names: the widget itself, else the input a composite hands
    its focus to, else the inputs inside it (the label names one only when there is one)."""
    if is_input(widget):
        return [widget]
    proxy = widget.focusProxy()
    while proxy is not None and not is_input(proxy):
        proxy = proxy.focusProxy()
    if proxy is not None:
        return [proxy]
    return [
        w
        for w in widget.findChildren(QWidget)
        if is_input(w) and w.isVisibleTo(top) and not isinstance(w, NAMED_BY_TEXT)
    ]


def labelled(top: QWidget) -> list[tuple[QLabel, QWidget]]:
    """(label, input) pairs: a buddy label's input, a form row's field (one input in it)."""
    pairs: list[tuple[QLabel, QWidget]] = []
    for label in top.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.isVisibleTo(top) and top.isAncestorOf(buddy):
            found = inputs_in(buddy, top)
            if len(found) == 1:
                pairs.append((label, found[0]))
    for form in top.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = label_item.widget() if label_item is not None else None
            if not isinstance(label, QLabel) or not label.isVisibleTo(top) or not field_item:
                continue
            fields = field_widgets(field_item)
            found = [w for f in fields for w in inputs_in(f, top) if w.isVisibleTo(top)]
            if len(found) == 1:
                pairs.append((label, found[0]))
    return pairs


def field_widgets(item: Any) -> list[QWidget]:
    if item.widget() is not None:
        return [item.widget()]
    layout = item.layout()
    if not isinstance(layout, QLayout):
        return []
    widgets: list[QWidget] = []
    for index in range(layout.count()):
        widgets.extend(field_widgets(layout.itemAt(index)))
    return widgets


def offenders_now(top: QWidget, walked: set[int]) -> dict[int, str]:
    """The offenders among the inputs shown now (``walked`` gains every input seen)."""
    found: dict[int, str] = {}
    for widget in [top, *top.findChildren(QWidget)]:
        if not is_input(widget) or not widget.isVisibleTo(top):
            continue
        walked.add(id(widget))
        if not name_of(widget):
            found[id(widget)] = f"no accessible name: {describe(widget)}"
    for label, widget in labelled(top):
        if not widget.isVisibleTo(top):
            continue
        text, name = label_text(label), name_of(widget)
        if text and name and name != text:
            found[id(widget)] = f"named {name!r}, labelled {text!r}: {describe(widget)}"
    return found


def offenders(top: QWidget, *, has_inputs: bool = True) -> list[str]:
    """Every offender of a shown window or dialog, each tab of its tab widgets shown in turn;
    a walk that meets no input at all is a mistake of the test, not a pass."""
    walked: set[int] = set()
    found = offenders_now(top, walked)
    for tabs in top.findChildren(QTabWidget):
        if not tabs.isVisibleTo(top):
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            if tabs.isTabVisible(index) and tabs.isTabEnabled(index):
                tabs.setCurrentIndex(index)
                found.update(offenders_now(top, walked))
        tabs.setCurrentIndex(current)
    assert walked or not has_inputs, f"no input found in {type(top).__name__}"
    return sorted(set(found.values()))


def assert_named(top: QWidget, *, has_inputs: bool = True) -> None:
    found = offenders(top, has_inputs=has_inputs)
    assert not found, f"{len(found)} inputs without their label's name:\n" + "\n".join(found)


# --- what is opened ------------------------------------------------------------------------

TODAY = dt.date.today()


def seed(admin: Desk) -> dict[str, int]:
    """A record of each kind with a form (and a contact log entry of the tour)."""
    agreement = admin.agreements.create(
        {
            "title": "Staff college seats",
            "kind": "memorandum_of_understanding",
            "parties": ["USA", "GBR"],
            "expiry_date": TODAY + dt.timedelta(days=900),
        }
    ).record
    person = admin.people.create(
        {"family_name": "Smith", "given_names": "Jo", "nation_code": "GBR"}
    ).record
    exchange = admin.exchanges.create(
        {
            "title": "Course",
            "kind": "course_seat",
            "host_nation": "USA",
            "start_date": "2026-05-04",
            "end_date": "2026-05-22",
            "agreement": agreement.reference,
        }
    ).record
    tour = admin.liaison.create(
        {
            "person": person.reference,
            "kind": "exchange officer",
            "host_nation": "USA",
            "start_date": "2026-04-01",
        }
    ).record
    participation = admin.participations.create(
        {"exchange": exchange.reference, "person": person.reference, "role": "observer"}
    ).record
    return {
        "person": person.id,
        "exchange": exchange.id,
        "agreement": agreement.id,
        "liaison_assignment": tour.id,
        "participation": participation.id,
    }


def shown(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.mark.parametrize(
    "kind", ["person", "exchange", "agreement", "liaison_assignment", "participation"]
)
def test_every_input_of_a_record_form_is_named_as_labelled(qtbot, admin: Desk, kind: str) -> None:
    """A stored record's form with its panels (the people page's form beside the list, the
    other kinds in their own window), then a new record's form."""
    ids = seed(admin)
    window = open_window(qtbot, admin)
    if kind == "person":
        open_person(qtbot, window, ids["person"])
        page = window.page("people")
        wait_until(qtbot, lambda: not page.related.loading)
        settle_window(qtbot, window)
        assert_named(window)
        window.open_form("person", None)
        settle_window(qtbot, window)
        assert_named(window)
        return
    record_window = open_record_window(qtbot, window, kind, ids[kind])
    assert_named(record_window)
    before = list(window.navigation.record_windows)
    if window.open_form(kind, None):
        wait_until(qtbot, lambda: len(window.navigation.record_windows) > len(before))
        new = next(w for w in window.navigation.record_windows if w not in before)
        settle_window(qtbot, window)
        assert_named(new)


def test_every_page_of_the_window_is_named_as_labelled(qtbot, admin: Desk) -> None:
    """The main window, each page of its sidebar shown in turn (lists, filters, the search
    box, users and audit pages)."""
    seed(admin)
    window = open_window(qtbot, admin)
    found: list[str] = []
    for key in window.navigation.page_keys:
        window.navigation.show_page(key)
        settle_window(qtbot, window)
        found.extend(f"page {key}: {o}" for o in offenders(window))
    assert not found, "\n".join(found)


def _window(qtbot: Any, admin: Desk) -> MainWindow:
    seed(admin)
    return open_window(qtbot, admin)


def _connect(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    return _window(qtbot, admin).commands.connect_server()


def _import(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    window = _window(qtbot, admin)
    window.commands.import_records()
    return window.commands.import_dialog


def _reports(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    window = _window(qtbot, admin)
    window.commands.reports()
    return window.commands.report_dialog


def _new_database(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    return _window(qtbot, admin).commands.new_database()


def _search(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    window = _window(qtbot, admin)
    window.find()  # the global search box
    qtbot.keyClicks(window.search.box, "Smith")
    wait_until(qtbot, lambda: window.search.panel.isVisible() and bool(window.search.shown_query))
    return window.search.panel


def _idle_lock(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    window = _window(qtbot, admin)
    window.idle_lock.idle.set_minutes(0.002)  # about a tenth of a second
    wait_until(qtbot, lambda: window.locked)
    return window


def _help(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    return _window(qtbot, admin).commands.show_shortcuts()


def _preferences(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    return PreferencesDialog(15, None, "")


def _login(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    return LoginDialog(admin.db)


def _change_password(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    return ChangePasswordDialog(admin)


def _first_run(qtbot: Any, admin: Desk, tmp: Path) -> QWidget:
    return FirstRunDialog(str(tmp / "desk.sqlite"), [str(tmp / "a.sqlite")])


def _backup(qtbot: Any, admin: Desk, tmp: Path) -> QWidget:
    runner = BackupRunner(admin, tmp / "copy.sqlite")
    wait_until(qtbot, runner.close_button.isEnabled)
    return runner


def _who_can_see(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    dialog = WhoCanSeeDialog(admin, Label(admin.db.scheme.parse("S"), Release.NOFORN), "a record")
    settle(qtbot, dialog)
    return dialog


def _attachment_label(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    window = _window(qtbot, admin)
    context = window.navigation.form_context
    return AttachmentLabelDialog("notes.txt", Label(2, Release.NOFORN), context)


def _conflict(qtbot: Any, admin: Desk, _tmp: Path) -> QWidget:
    change = FieldChange("title", "Title", "Course", "Staff course")
    conflict = Conflict("changed", by="dana", changes=[change])
    return ConflictDialog(conflict, "EX-2026-0001 Course", {"title": "Seminar"})


DIALOGS: dict[str, Callable[[Any, Desk, Path], QWidget]] = {
    "login": _login,
    "change password": _change_password,
    "first run": _first_run,
    "new database": _new_database,
    "connect to a server": _connect,
    "import": _import,
    "backup": _backup,
    "preferences": _preferences,
    "report": _reports,
    "who can see": _who_can_see,
    "attachment label": _attachment_label,
    "conflict": _conflict,
    "help": _help,
    "search": _search,
    "idle lock": _idle_lock,
}

WITHOUT_INPUTS = {"backup"}  # walked all the same: an input added later is checked


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_input_of_a_dialog_is_named_as_labelled(
    qtbot, admin: Desk, tmp_path: Path, name: str
) -> None:
    """Each dialog the window opens; the report dialog with each report's fields in turn."""
    if name == "backup" and admin.db.url.get_backend_name() != "sqlite":
        pytest.skip("the window backs up the SQLite file; a server is backed up with pg_dump")
    dialog = DIALOGS[name](qtbot, admin, tmp_path)
    if dialog.parentWidget() is None:
        shown(qtbot, dialog)
    elif not dialog.isVisible():
        dialog.show()
        qtbot.waitExposed(dialog)
    if name != "report":
        assert_named(dialog, has_inputs=name not in WITHOUT_INPUTS)
        return
    found: list[str] = []
    for index in range(dialog.report.count()):
        dialog.report.setCurrentIndex(index)
        found.extend(f"report {dialog.report.itemText(index)!r}: {o}" for o in offenders(dialog))
    assert not found, "\n".join(found)
