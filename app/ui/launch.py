"""Start the desktop application."""

from __future__ import annotations

import sys


def main() -> int:
    """Open the Exchange Desk window (placeholder until the GUI lands)."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv)
    label = QLabel("Exchange Desk")
    label.resize(400, 200)
    label.show()
    return app.exec()
