"""Per-user application settings (QSettings in an INI file under the config folder) and the
Preferences dialog that edits them."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from app.database.engine import display_url
from app.paths import config_dir
from app.ui.i18n import LANGUAGE_KEY

RECENT_KEY = "databases/recent"
IDLE_KEY = "security/idle_minutes"
DEFAULT_IDLE_MINUTES = 10
MAX_RECENT = 8


def app_settings() -> QSettings:
    """The settings file of this user (isolated in tests through XDESK_HOME)."""
    return QSettings(str(config_dir() / "exchange-desk.ini"), QSettings.Format.IniFormat)


def recent_databases(settings: QSettings) -> list[str]:
    """Databases opened before, most recent first."""
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in value or [] if str(v)]


def remember_database(settings: QSettings, target: str) -> None:
    """Put a database at the top of the recent list (a URL without its password)."""
    target = display_url(target)
    items = [target] + [t for t in recent_databases(settings) if t != target]
    settings.setValue(RECENT_KEY, items[:MAX_RECENT])
    settings.sync()


def language_setting(settings: QSettings) -> str:
    """The language chosen in the Preferences: ``system`` (the default), ``en`` or ``fr``."""
    value = str(settings.value(LANGUAGE_KEY, "system") or "system")
    return value if value in ("system", "en", "fr") else "system"


def idle_minutes(settings: QSettings) -> int:
    """Minutes without input before the window locks (default 10)."""
    try:
        return max(1, int(settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES


class PreferencesDialog(QDialog):
    """Preferences: the idle-lock time and the language (applied at the next start)."""

    def __init__(self, minutes: int, parent: QWidget | None = None, language: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setValue(minutes)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setAccessibleName(self.tr("Lock the window after"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        # each language named in its own words: whoever cannot read the current one finds theirs
        self.language.addItem(self.tr("System language"), "system")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(max(0, self.language.findData(language or "system")))
        self.language_note = QLabel(self.tr("A new language applies when Exchange Desk starts."))
        self.language_note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Lock the window after"), self.minutes)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_language(self) -> str:
        """``system``, ``en`` or ``fr``."""
        return str(self.language.currentData())
