"""Running long service calls off the GUI thread.

Worker threads never touch Qt: PySide6 (6.12.0 did) corrupts reference counts when a Python
thread emits a signal under load (reproduced with a bare QThread emitting 20,000 tuples). So a
call runs in a plain Python thread, leaves its outcome (and progress) in Python attributes, and
a timer on the GUI thread polls them and emits the signals there.

A call that paints (a report) runs in such a thread too and frees every Qt object it made
before it returns (`app.reports.render.layout.Layout.close`). A QThread was used for those once;
its worker's memory was found corrupted after the render (a segmentation fault in one CI run of
six), and a plain thread needs no QThread wrapper to be released on the right thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.ui.i18n import error_text

POLL_MS = 15


class Cancelled(Exception):
    """Raised inside a call by `Job.check` once the user pressed Cancel."""


class Job:
    """What a long call sees of its worker: a cancel flag to check and a progress setter."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self.done = 0
        self.total = 0
        self.text = ""

    def cancel(self) -> None:
        """Ask the call to stop at its next check."""
        self._cancel.set()

    def cancelled(self) -> bool:
        """True once Cancel was pressed."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise `Cancelled` if Cancel was pressed."""
        if self._cancel.is_set():
            raise Cancelled

    def progress(self, done: int, total: int = 0, text: str = "") -> None:
        """Report progress (read by the GUI thread's timer); also a cancellation point."""
        self.done, self.total = int(done), int(total)
        if text:
            self.text = text
        self.check()


class _Call:
    """One call and, once it returned, its outcome: all a thread touches (plain Python: a thread
    never reads or writes the `Worker`, a Qt object, nor holds its last reference)."""

    __slots__ = ("call", "job", "with_job", "outcome")

    def __init__(self, call: Callable[..., Any], job: Job, with_job: bool) -> None:
        self.call = call
        self.job = job
        self.with_job = with_job
        self.outcome: tuple[str, Any] | None = None

    def __call__(self) -> None:
        try:
            result = self.call(self.job) if self.with_job else self.call()
        except Cancelled:
            self.outcome = ("cancelled", None)
        except Exception as error:  # noqa: BLE001 - reported to the view, which shows it
            self.outcome = ("error", error)
        else:
            self.outcome = ("ok", result)


# Calls started and not yet reaped, with their thread. A call (and what it references, perhaps
# Qt objects) is released only here, on the GUI thread, once it has returned and its thread has
# ended (its frame, holding the call, is gone too), even if its `Worker` was destroyed first: a
# Qt object must not be freed by another thread.
_LIVE: dict[_Call, threading.Thread] = {}


def _reap() -> None:
    for call, thread in list(_LIVE.items()):
        if call.outcome is not None and not thread.is_alive():
            del _LIVE[call]


class Worker(QObject):
    """Runs one call in a Python thread; ``finishedWith`` carries the result, ``failedWith`` the
    error text and ``raised`` the exception itself, ``progressed`` (done, total, text) the job's
    progress; ``finished`` comes last, also after a cancel. All signals are emitted on the GUI
    thread."""

    finishedWith = Signal(object)
    failedWith = Signal(str)
    raised = Signal(object)
    progressed = Signal(int, int, str)
    finished = Signal()

    def __init__(
        self,
        call: Callable[..., Any],
        parent: QObject | None = None,
        with_job: bool = False,
    ) -> None:
        super().__init__(parent)
        self.call = call
        self.with_job = with_job
        self.job = Job()
        self.cancelled = False
        self._call = _Call(call, self.job, with_job)
        self._delivered = False
        self._seen = (-1, -1, "")
        self._thread: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        """Start the call."""
        _reap()
        self._thread = threading.Thread(target=self._call, name="xdesk-worker", daemon=True)
        _LIVE[self._call] = self._thread
        self._thread.start()
        self._timer.start()

    def isRunning(self) -> bool:  # noqa: N802 - the QThread name callers know
        """True until the outcome has been delivered."""
        return not self._delivered

    def poll(self) -> None:
        """Emit progress and, once there, the outcome (GUI thread)."""
        if self._delivered:
            return
        seen = (self.job.done, self.job.total, self.job.text)
        if seen != self._seen:
            self._seen = seen
            self.progressed.emit(*seen)
        outcome = self._call.outcome
        if outcome is None:
            return
        self._delivered = True
        self._timer.stop()
        kind, value = outcome
        if not self.cancelled:
            if kind == "ok":
                self.finishedWith.emit(value)
            elif kind == "error":
                self.failedWith.emit(error_text(value) or type(value).__name__)
                self.raised.emit(value)
        self.finished.emit()

    def cancel(self) -> None:
        """Ask the call to stop (at its next `Job.check`) and forget its outcome."""
        self.cancelled = True
        self.job.cancel()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the call ends, then deliver its outcome; False on timeout."""
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                return False
        self.poll()
        return True
