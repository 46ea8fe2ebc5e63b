"""Running a long service call off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class Worker(QThread):
    """Runs one call in a thread; ``finishedWith`` carries the result, ``failedWith`` the error text."""

    finishedWith = Signal(object)
    failedWith = Signal(str)

    def __init__(self, call: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call = call
        self.cancelled = False

    def run(self) -> None:
        """Call; report the outcome unless cancelled meanwhile."""
        try:
            result = self.call()
        except Exception as error:  # noqa: BLE001 - reported to the view, which shows it
            if not self.cancelled:
                self.failedWith.emit(str(error))
            return
        if not self.cancelled:
            self.finishedWith.emit(result)

    def cancel(self) -> None:
        """Forget the outcome (the call itself runs to its end: a read-only check)."""
        self.cancelled = True
