"""Helpers of the widget tests (``tests/ui`` only): real clicks, waiting for the operation
runner, the main window opened and settled.

This module imports Qt and the window; ``tests/helpers/__init__.py`` does not import it, so the
core tests keep running without Qt.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QWidget

from app.security.principal import Actor
from app.services.desk import Desk
from app.ui.main_window import MainWindow
from app.ui.operations import Operations
from app.ui.settings import app_settings

WAIT_MS = 60_000


def click(qtbot: Any, widget: QWidget) -> None:
    """A real left click."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_and_wait(qtbot: Any, widget: QWidget, signal: SignalInstance) -> Any:
    """Click a button whose work runs through the runner and wait for ``signal``; its first
    argument (None when it has none)."""
    with qtbot.waitSignal(signal, timeout=WAIT_MS) as blocker:
        click(qtbot, widget)
    return blocker.args[0] if blocker.args else None


def save_with(qtbot: Any, form: Any, button: QWidget) -> bool:
    """Click a form's button that writes through the runner; True when it was written (the
    form's or controller's ``save_finished``)."""
    return bool(click_and_wait(qtbot, button, form.save_finished))


def settle(qtbot: Any, owner: Any) -> None:
    """Wait until an `Operations` runner (or the one of a view, form or window) is idle."""
    operations: Operations = owner if isinstance(owner, Operations) else owner.operations
    qtbot.waitUntil(lambda: not operations.is_busy(), timeout=WAIT_MS)


def settle_window(qtbot: Any, window: MainWindow) -> None:
    """Wait until the window's operations and its visible lists' fetches have finished."""
    qtbot.waitUntil(
        lambda: (
            not window.operations.is_busy()
            and not any(
                v.model.loading() for v in window.navigation.lists.values() if v.isVisible()
            )
        ),
        timeout=WAIT_MS,
    )


def open_window(qtbot: Any, desk: Desk, actor: Actor | None = None) -> MainWindow:
    """The main window of a desk, shown, with the people page's form built (unsaved edits
    discarded when it closes), the people list read and the forms' context read."""
    window = MainWindow(desk, app_settings(), actor=actor)
    qtbot.addWidget(window)
    window.show()
    people = window.page("people")
    qtbot.waitUntil(lambda: people.controller is not None, timeout=WAIT_MS)
    people.controller.confirm = lambda _text: "discard"
    model = people.list_view.model
    qtbot.waitUntil(lambda: model.rowCount() == desk.people.count(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.navigation.form_context is not None, timeout=WAIT_MS)
    return window


def open_person(qtbot: Any, window: MainWindow, person_id: int) -> None:
    """Open a person in the people page's form and wait until it is read and shown."""
    controller = window.page("people").controller
    with qtbot.waitSignal(controller.opened, timeout=WAIT_MS):
        window.open_form("person", person_id)


def open_record_window(qtbot: Any, window: MainWindow, kind: str, record_id: int) -> Any:
    """Open a record in its own window from the main window; the window, once its record and
    panels are read."""
    before = list(window.navigation.record_windows)
    assert window.open_form(kind, record_id)
    qtbot.waitUntil(lambda: len(window.navigation.record_windows) > len(before), timeout=WAIT_MS)
    record_window = next(w for w in window.navigation.record_windows if w not in before)
    qtbot.waitUntil(lambda: record_window.form.record_id == record_id, timeout=WAIT_MS)
    settle_window(qtbot, window)
    return record_window


def wait_until(qtbot: Any, condition: Any) -> None:
    """``qtbot.waitUntil`` with the helpers' patience (a loaded machine reads slowly)."""
    qtbot.waitUntil(condition, timeout=WAIT_MS)
