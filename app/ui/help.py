"""The Help menu: the keyboard shortcuts (read off the window's own actions, so the list cannot
drift from the keys), the import and export formats (`resources/help/data-formats.md`, installed
with the program), and About (version, Qt, the database open and how it is protected)."""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

HELP_DIR = Path(importlib.util.find_spec("resources").submodule_search_locations[0]) / "help"

# keys handled by widgets rather than by the main window's actions
OTHER_KEYS = (
    ("In a record window", "Ctrl+S", "Save the record"),
    ("In a record window", "Ctrl+W or Esc", "Close the window (asks about unsaved changes)"),
    ("In a form", "Ctrl+Z / Ctrl+Shift+Z", "Undo / redo the last edit of a field"),
    ("In a list", "Enter", "Open the selected record"),
    ("In a list", "Up, Down, Page Up, Page Down, Home, End", "Move through the records"),
    ("In a date", "type 2026-03-02 or 02/03/2026", "Set the date; the calendar opens near it"),
    ("Anywhere", "Tab / Shift+Tab", "Move to the next / previous field"),
)


class HelpDialog(QDialog):
    """A page of help text (Markdown) in a browser with links that open outside."""

    def __init__(self, title: str, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Exchange Desk — {title}")
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName(title)
        self.text.setMarkdown(markdown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(820, 640)


def shortcuts_markdown(actions: list[QAction]) -> str:
    """The keyboard shortcuts: every window action that has one, then the keys of widgets."""
    lines = ["# Keyboard shortcuts", "", "| Keys | Does |", "|---|---|"]
    for action in actions:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if keys:  # what its tooltip says it does, else its menu text
            does = action.property("tip") or action.text().replace("&", "").rstrip("…")
            lines.append(f"| {keys} | {does} |")
    place = ""
    for where, keys, what in OTHER_KEYS:
        if where != place:
            lines += ["", f"## {where}", "", "| Keys | Does |", "|---|---|"]
            place = where
        lines.append(f"| {keys} | {what} |")
    return "\n".join(lines)


def formats_markdown() -> str:
    """The import and export formats, as installed with the program."""
    path = HELP_DIR / "data-formats.md"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return "# Data formats\n\nThe format description was not installed with the program."


def version() -> str:
    """The installed version of Exchange Desk."""
    try:
        return importlib.metadata.version("exchange-desk")
    except importlib.metadata.PackageNotFoundError:
        return "development copy"


def about_markdown(window: MainWindow) -> str:
    """What About says: the program, its libraries, and the database this window has open."""
    desk = window.desk
    protection = (
        "encrypted at rest (SQLCipher; each user's password unlocks it)"
        if desk.db.key is not None
        else ("a database server" if not desk.db.is_sqlite else "not encrypted")
    )
    return "\n".join(
        [
            "# Exchange Desk",
            "",
            f"Version {version()}",
            "",
            "Records of international military training exchanges: people, exchanges, liaison "
            "officers and agreements, each labelled with a classification and shown only to "
            "those it may be shown to.",
            "",
            f"- **Database**: {window.location or '—'}",
            f"- **Owning nation**: {desk.owner}",
            f"- **Protection**: {protection}",
            f"- **Logged in as**: {desk.username}",
            "",
            f"Qt {qVersion()}, PySide6 {pyside_version}.",
        ]
    )
