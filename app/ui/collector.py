"""Python's cyclic garbage collection, run on the GUI thread only.

The collector runs in whatever thread happens to allocate when a generation fills up: a list's
fetch thread or an operation's worker. If that collection frees the last reference to a Qt
object (a widget, a model, a QThread wrapper caught in a reference cycle), Qt destroys it on the
wrong thread, and PySide crashes or deadlocks (a CI run hung that way in stop 19, and one ended
in a segmentation fault collecting in a worker). So, as Anki and other PyQt applications do,
automatic collection is turned off and a timer on the GUI thread collects each generation when
it is as full as Python would have let it grow.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Collect garbage on the GUI thread, once a second, generation by generation."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        """Collect the generations that have filled up since the last check."""
        young, middle, old = gc.get_count()
        if young > self.threshold[0]:
            gc.collect(0)
            if middle > self.threshold[1]:
                gc.collect(1)
                if old > self.threshold[2]:
                    gc.collect(2)


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Install the collector on the application (once; later calls return the same one)."""
    existing = app.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(app)
