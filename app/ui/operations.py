"""The operation runner: every service call of the window, off the GUI thread.

In the manner of Anki's ``aqt.operations`` (``CollectionOp``/``QueryOp`` and ``OpChanges``): the UI
asks for an operation, the call runs in a worker thread (`app.ui.worker`, whose threads never
emit Qt signals), and back on the GUI thread the runner reports success or failure once and
broadcasts what changed. Lists and panels listen to `Operations.changed` instead of being
refreshed by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.ui.failures import show_failure
from app.ui.worker import Worker

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What an operation changed; lists and panels refresh from it."""

    kinds: frozenset[str] = frozenset()  # canonical kind names, e.g. "person", "exchange"
    records: frozenset[tuple[str, int]] = frozenset()  # (kind, id) pairs changed
    everything: bool = False  # e.g. after an import or a restore

    def touches(self, kind: str) -> bool:
        """True if this change concerns records of ``kind``."""
        return self.everything or kind in self.kinds or any(k == kind for k, _ in self.records)

    def __bool__(self) -> bool:
        """False when nothing changed (no broadcast)."""
        return self.everything or bool(self.kinds) or bool(self.records)


class Held(NamedTuple):
    """A widget kept busy: how many operations hold it, whether it was enabled, and where the
    keyboard focus was inside it and went when it was disabled."""

    widget: QWidget
    count: int
    enabled: bool
    focus: QWidget | None
    moved_to: QWidget | None


class Operations(QObject):
    """Runs service calls off the GUI thread: one busy indicator, one success or failure report,
    and a `changed` broadcast that views listen to instead of hand-wired refreshes."""

    changed = Signal(object)  # Changes, on the GUI thread after a successful call that changed
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workers: set[Worker] = set()
        self._busy_widgets: dict[int, Held] = {}  # by the widget's id
        self.last_failure: QMessageBox | None = None  # the default failure report shown last

    def run(
        self,
        work: Callable[[], T],
        *,
        success: Callable[[T], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
        changes: Changes | Callable[[T], Changes] | None = None,
        busy_widget: QWidget | None = None,
    ) -> None:
        """Run ``work`` in a worker thread; then, on the GUI thread, ``success(result)`` and the
        `changed` broadcast, or ``failure(error)`` (by default a plain message box)."""
        # not a child of the runner: deleting the worker must never delete the runner with it
        # (its callbacks may hold the runner's last reference), nor the runner the worker
        worker = Worker(work)
        self._workers.add(worker)
        self._hold(busy_widget)
        if len(self._workers) == 1:
            self.busy_changed.emit(True)

        def succeeded(result: Any) -> None:
            if success is not None:
                success(result)
            changed = changes(result) if callable(changes) else changes
            if changed and shiboken6.isValid(self):
                self.changed.emit(changed)

        def failed(error: BaseException) -> None:
            if failure is not None:
                failure(error)
            else:
                self._default_failure(busy_widget, error)

        def finished() -> None:
            self._workers.discard(worker)
            worker.deleteLater()
            self._release(busy_widget)
            if not self._workers and shiboken6.isValid(self):
                self.busy_changed.emit(False)

        # `finished` is connected first so that the busy state ends even when a callback raises
        worker.finished.connect(finished)
        worker.finishedWith.connect(succeeded)
        worker.raised.connect(failed)
        worker.start()

    def is_busy(self) -> bool:
        """True while any operation runs."""
        return bool(self._workers)

    # --- busy indicator ----------------------------------------------------------------------

    def _hold(self, widget: QWidget | None) -> None:
        if widget is None:
            return
        key = id(widget)
        held = self._busy_widgets.get(key)
        if held is not None:
            self._busy_widgets[key] = held._replace(count=held.count + 1)
            return
        focus, enabled = QApplication.focusWidget(), widget.isEnabled()
        had_focus = focus if focus is not None and widget.isAncestorOf(focus) else None
        widget.setEnabled(False)  # Qt moves the focus out of it, or drops it
        self._busy_widgets[key] = Held(widget, 1, enabled, had_focus, QApplication.focusWidget())
        widget.setCursor(Qt.CursorShape.BusyCursor)

    def _release(self, widget: QWidget | None) -> None:
        if widget is None:
            return
        held = self._busy_widgets.pop(id(widget), None)
        if held is None:
            return
        if held.count > 1:
            self._busy_widgets[id(widget)] = held._replace(count=held.count - 1)
            return
        if shiboken6.isValid(widget):
            widget.unsetCursor()
            widget.setEnabled(held.enabled)
            # the keyboard's place comes back (a save by Ctrl+S keeps typing where it was),
            # unless the user put the focus elsewhere meanwhile
            back = held.focus
            if (
                back is not None
                and shiboken6.isValid(back)
                and back.isEnabled()
                and back.isVisible()
                and QApplication.focusWidget() in (None, held.moved_to)
            ):
                back.setFocus(Qt.FocusReason.OtherFocusReason)

    def _default_failure(self, widget: QWidget | None, error: BaseException) -> None:
        parent = widget if widget is not None and shiboken6.isValid(widget) else None
        if parent is None and shiboken6.isValid(self) and isinstance(self.parent(), QWidget):
            parent = self.parent()
        self.last_failure = show_failure(parent.window() if parent is not None else None, error)
