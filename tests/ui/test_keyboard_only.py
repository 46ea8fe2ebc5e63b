"""Keyboard-only flows (issue 15): create, edit, save, search, open, print and close with
keys alone, each key sent to the widget that has the focus, as a user's keyboard would."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.services.desk import Desk
from app.ui.report_dialog import ReportDialog
from tests.helpers.gui import open_window, settle_window, wait_until

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def key(
    qtbot: Any, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key as the keyboard sends it: to an open pop-up (a completer's list), else to the
    widget with the focus."""
    qtbot.keyClick(QApplication.activePopupWidget() or focused(), which, modifier)


def tab_to(qtbot: Any, name: str, most: int = 40) -> None:
    """Press Tab until the input named ``name`` (its accessible name) has the focus."""
    for _ in range(most):
        if focused().accessibleName() == name:
            return
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name!r} (stuck on {focused().accessibleName()!r})")


def test_a_person_is_created_edited_found_and_printed_with_the_keyboard_alone(
    qtbot: Any, admin: Desk
) -> None:
    window = open_window(qtbot, admin)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    key(qtbot, Qt.Key.Key_2, CTRL)  # Go → People
    assert window.navigation.current() is window.page("people")
    people = window.page("people")

    key(qtbot, Qt.Key.Key_N, CTRL)  # a new person: the cursor is in its first field
    assert focused() is people.form.editors["family_name"].widget
    qtbot.keyClicks(focused(), "Kowalski")
    key(qtbot, Qt.Key.Key_Tab)
    assert focused().accessibleName() == "Given names"
    qtbot.keyClicks(focused(), "Jan")
    tab_to(qtbot, "Nation")
    qtbot.keyClicks(focused(), "POL")
    key(qtbot, Qt.Key.Key_Return)  # the completer's pop-up takes it and closes
    # a window manager gives the activation back to the window when a pop-up closes; the
    # offscreen platform has none, so the test does it
    window.activateWindow()
    with qtbot.waitSignal(people.controller.save_finished) as saved:
        key(qtbot, Qt.Key.Key_S, CTRL)
    assert saved.args[0] is True
    [person] = admin.people.list({"family_name": "Kowalski"}).records
    assert (person.given_names, person.nation_code) == ("Jan", "POL")

    tab_to(qtbot, "Unit / organisation")  # edit, still from the keyboard
    qtbot.keyClicks(focused(), "12th Mechanised Brigade")
    with qtbot.waitSignal(people.controller.save_finished) as saved:
        key(qtbot, Qt.Key.Key_S, CTRL)
    assert saved.args[0] is True
    assert admin.people.get(person.id)[0].unit == "12th Mechanised Brigade"

    key(qtbot, Qt.Key.Key_K, CTRL)  # search everything
    assert focused() is window.search.box
    qtbot.keyClicks(focused(), "kowalski")
    wait_until(qtbot, lambda: window.search.panel.isVisible() and bool(window.search.panel.hits()))
    window.activateWindow()  # the results show without taking the activation (no WM here)
    wait_until(qtbot, lambda: QApplication.focusWidget() is window.search.box)
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)  # opens the hit beside the list
    wait_until(qtbot, lambda: people.controller.record_id == person.id)
    settle_window(qtbot, window)

    key(qtbot, Qt.Key.Key_P, CTRL)  # print: the report dialog
    wait_until(qtbot, lambda: getattr(window.commands, "report_dialog", None) is not None)
    dialog = window.commands.report_dialog
    assert isinstance(dialog, ReportDialog)
    wait_until(qtbot, dialog.isVisible)
    # Escape closes it: sent to the dialog, which a window manager makes the active window
    # (the offscreen platform moves the activation unreliably)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    wait_until(qtbot, lambda: not dialog.isVisible())
