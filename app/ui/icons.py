"""Icons drawn for Exchange Desk (SVG files under ``resources/icons``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QIcon

ICON_DIR = Path(importlib.util.find_spec("resources").submodule_search_locations[0]) / "icons"


def icon(name: str) -> QIcon:
    """The named icon, or an empty icon when the resources are not installed."""
    path = ICON_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
