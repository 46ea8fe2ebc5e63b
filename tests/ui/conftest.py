"""Fixtures of the widget tests: every test here runs with the session's ``QApplication``."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.collector import collect_on_gui_thread


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp: QApplication) -> QApplication:
    """pytest-qt's widgets ``QApplication``, made before any widget test runs, collecting
    garbage on the GUI thread only, as the application does (`app.ui.collector`)."""
    collect_on_gui_thread(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _collect_after_each_test() -> Iterator[None]:
    """A test's garbage is collected on the GUI thread when it ends: a test runs the event
    loop only while it waits, so the collector's timer alone could let garbage pile up."""
    yield
    gc.collect()


@pytest.fixture(autouse=True, scope="session")
def _patient_waits() -> None:
    """qtbot's waits default to 60 s instead of pytest-qt's 5 s: a wait ends as soon as its
    condition holds, so only a loaded machine (a CI runner sharing its CPUs) ever waits longer,
    and there a 5 s limit failed tests that were right."""
    from pytestqt.qtbot import QtBot

    for name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback"):
        original = getattr(QtBot, name)

        def patient(self, *args, _original=original, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            kwargs.setdefault("timeout", PATIENCE_MS)
            return _original(self, *args, **kwargs)

        setattr(QtBot, name, patient)


PATIENCE_MS = 60_000
