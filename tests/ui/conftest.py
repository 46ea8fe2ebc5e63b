"""Fixtures of the widget tests: every test here runs with the session's ``QApplication``."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True, scope="session")
def _one_qt_application(qapp: QApplication) -> QApplication:
    """pytest-qt's widgets ``QApplication``, made before any widget test runs."""
    return qapp
