"""Threads never hold the last reference to anything the GUI thread owns.

An object released by the last reference a thread drops is freed on that thread: for a Qt
object that is a cross-thread deletion, and a QThread freed while it finishes waits for it with
the interpreter lock held. So the list fetch pool drops each call before it waits for the next,
and a worker's call (with what it references) is released on the GUI thread only.
"""

from __future__ import annotations

import gc
import queue
import threading
import weakref

import pytest

from app.ui import worker as worker_module
from app.ui.table_model import fetch_pool
from app.ui.worker import Worker

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class Payload:
    """Something a call references (stands for a model, a dialog, a window)."""

    def __call__(self, *_args: object) -> int:
        return 7


def test_the_fetch_pool_keeps_no_reference_to_a_finished_call() -> None:
    payload = Payload()
    alive = weakref.ref(payload)
    outbox: queue.SimpleQueue = queue.SimpleQueue()
    fetch_pool().start(outbox, ("page", 1, 0), payload, priority=1, wanted=lambda: True)
    token, result, error, skipped = outbox.get(timeout=10)
    assert (token, result, error, skipped) == (("page", 1, 0), 7, "", False)
    del payload
    gc.collect()
    assert alive() is None, "a fetch thread still holds the call it ran"


def test_a_worker_destroyed_before_its_call_returns_releases_it_on_the_gui_thread(
    qtbot,  # noqa: ANN001
) -> None:
    release = threading.Event()
    freed_on: list[str] = []

    class Held:
        def __del__(self) -> None:
            freed_on.append(threading.current_thread().name)

    def make_call() -> object:
        held = Held()  # referenced by the call only

        def call() -> str:
            release.wait(10)
            return repr(held)

        return call

    worker = Worker(make_call())
    worker.start()
    worker.call = None  # the worker's own reference (the thread's is what is tested)
    worker.deleteLater()
    del worker
    qtbot.wait(20)
    gc.collect()
    release.set()
    qtbot.waitUntil(lambda: all(c.outcome is not None for c in worker_module._LIVE))
    qtbot.wait(50)  # the thread ends, dropping its references
    Worker(lambda: None).start()  # the next start reaps what has ended, on the GUI thread
    qtbot.waitUntil(lambda: freed_on != [])
    assert freed_on == [threading.main_thread().name]


def test_garbage_is_collected_on_the_gui_thread_only(qtbot) -> None:  # noqa: ANN001
    """A worker that makes many reference cycles never runs a collection itself (it could free
    a Qt object there): the collector's timer collects them on the GUI thread."""
    import gc
    import threading

    from PySide6.QtWidgets import QApplication

    from app.ui.collector import collect_on_gui_thread

    collector = collect_on_gui_thread(QApplication.instance())
    assert not gc.isenabled()
    threads: list[int] = []

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    def cycles() -> None:
        for _ in range(50_000):
            a: list = []
            a.append(a)  # a cycle only the collector frees

    gc.callbacks.append(note)
    try:
        worker = threading.Thread(target=cycles)
        worker.start()
        worker.join()
        assert threads == []  # none ran in the worker
        assert gc.get_count()[0] > collector.threshold[0]
        qtbot.waitUntil(lambda: bool(threads))  # the timer's check, on this thread
        assert set(threads) == {threading.get_ident()}
    finally:
        gc.callbacks.remove(note)
