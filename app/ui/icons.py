"""Icons drawn for Exchange Desk (SVG files under ``resources/icons``), in the palette's ink.

The SVG files are drawn in one slate grey (``INK``), which is faint on a dark window: under a
dark palette (the window colour darker than its text) the grey is swapped for a light one
before the icon is rendered, so toolbar and sidebar icons keep their contrast in both themes.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICON_DIR = Path(importlib.util.find_spec("resources").submodule_search_locations[0]) / "icons"
INK = "#5a6b7d"  # the stroke of every drawn icon
LIGHT_INK = "#c8d3de"  # the same on a dark window
SIZES = (16, 20, 24, 32, 48)


def dark_palette() -> bool:
    """True when the application's windows are darker than their text."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window).lightness()
    text = palette.color(QPalette.ColorRole.WindowText).lightness()
    return window < text


def icon(name: str) -> QIcon:
    """The named icon in the palette's ink, or an empty icon when the resources are not
    installed."""
    return _icon(name, dark_palette())


@lru_cache(maxsize=128)
def _icon(name: str, dark: bool) -> QIcon:
    path = ICON_DIR / f"{name}.svg"
    if not path.exists():
        return QIcon()
    if not dark:
        return QIcon(str(path))
    renderer = QSvgRenderer(QByteArray(path.read_bytes().replace(INK.encode(), LIGHT_INK.encode())))
    if not renderer.isValid():
        return QIcon(str(path))
    drawn = QIcon()
    for size in SIZES:  # drawn at each size, not scaled from one
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        drawn.addPixmap(pixmap)
    return drawn
