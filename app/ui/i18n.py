"""The language of the window: English or French, NATO's two official languages.

`install_language` runs at startup, before any widget is built: it installs the translator of
Exchange Desk (``resources/i18n/xdesk_fr.qm``) and Qt's own (``qtbase_fr.qm``: the standard
dialog buttons), and makes the language's locale the default, so dates and numbers read in its
form (`number`, `date_text`). The language is ``XDESK_LANGUAGE`` (``en`` or ``fr``: tests,
screenshots), else the Preferences' choice (``view/language``: applied at the next start), else
the system locale's (French gives French, anything else English).

What is translated: every visible text of the window, wrapped in ``tr`` (a QObject's method) or
``QCoreApplication.translate`` (module-level code), which ``tools/update_translations.py``
extracts into ``resources/i18n/xdesk_fr.ts``. The registry's record kinds and field titles come
from below the UI (no Qt there): they are translated here, at the UI edge (`kind_title`,
`field_title`). Never translated: classification markings and banners (``UNCLASSIFIED``,
``SECRET//REL TO USA, GBR``, portion marks), which keep their official English form. The
core's sentences made with `app.domain.texts.said` (validation errors: a field's, a label's) are
translated here too (`service_text`, context ``Service``); a sentence of the core not yet made
so stays English.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTime,
    QTimeZone,
    QTranslator,
)

import resources
from app.domain.nations import nation_names
from app.domain.texts import Said, message_of

LANGUAGE_KEY = "view/language"  # "system", "en" or "fr"
ENVIRONMENT = "XDESK_LANGUAGE"  # overrides the setting: "en" or "fr"
LANGUAGES = ("en", "fr")
TRANSLATIONS = Path(resources.__file__).resolve().parent / "i18n"

_installed: list[QTranslator] = []


def system_language() -> str:
    """``fr`` when the system locale's language is French, else ``en`` (C and POSIX too)."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def chosen_language(settings: QSettings | None = None) -> str:
    """The language to start in: ``XDESK_LANGUAGE``, else the setting, else the system's."""
    value = os.environ.get(ENVIRONMENT, "").strip().lower()
    if not value and settings is not None:
        value = str(settings.value(LANGUAGE_KEY, "system") or "system").strip().lower()
    value = value[:2]
    return value if value in LANGUAGES else system_language()


def locale_of(language: str) -> QLocale:
    """The locale of a language: the system's when it speaks it, else France's or Britain's."""
    system = QLocale.system()
    if language == "fr":
        wanted, fallback = QLocale.Language.French, QLocale.Country.France
    else:
        wanted, fallback = QLocale.Language.English, QLocale.Country.UnitedKingdom
    return QLocale(system) if system.language() == wanted else QLocale(wanted, fallback)


def qt_translations() -> Path:
    """Where Qt keeps its own translations (``qtbase_fr.qm``), as PySide6 ships them."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_language(language: str) -> list[QTranslator]:
    """Translate the application into ``language`` (``en`` removes every translation) and
    make its locale the default; call before any widget is built. Returns the translators
    installed (none for English, or when a file is missing: the window then stays English)."""
    remove_language()
    application = QCoreApplication.instance()
    if language == "fr" and application is not None:
        for name, folder in (("xdesk_fr", TRANSLATIONS), ("qtbase_fr", qt_translations())):
            translator = QTranslator(application)
            if translator.load(name, str(folder)):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
    QLocale.setDefault(locale_of(language))
    return list(_installed)


def nations() -> dict[str, str]:
    """Every nation, code -> name, in the window's language (the pickers show and search
    these names; a code is the same in every language)."""
    return nation_names("fr" if _installed else "en")


def remove_language() -> None:
    """Back to the untranslated English texts (and the system's locale)."""
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())


def language() -> str:
    """The language the window speaks now."""
    return "fr" if _installed else "en"


def plural(text: str, count: int) -> str:
    """A numerus text (``tr("%Ln record(s)", "", n)``) as it reads: a translation already chose
    its form; the English source reads ``1 record``, ``2 records`` (and ``match(es)``)."""
    return re.sub(r"\((e?s)\)", lambda m: "" if count == 1 else m.group(1), text)


def number(value: int | float) -> str:
    """A number in the locale's form: ``1,234`` (English), ``1 234`` (French)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:  # no locale: English grouping
        return f"{value:,}"
    return locale.toString(value)


def date_text(value: dt.date | None) -> str:
    """A date as the window shows it: ISO 8601 in English (``2026-12-03``, what every field
    also accepts), the locale's form in French (``3 déc. 2026``)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if QLocale().language() != QLocale.Language.French:
        return value.isoformat()
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def datetime_text(value: dt.datetime, seconds: bool = True) -> str:
    """A moment (UTC, as stored) as the window shows it: ``2026-12-03 14:05:09`` in English,
    ``3 déc. 2026 14:05:09`` in French."""
    clock = "%H:%M:%S" if seconds else "%H:%M"
    if QLocale().language() != QLocale.Language.French:
        return value.strftime(f"%Y-%m-%d {clock}")
    moment = QDateTime(
        QDate(value.year, value.month, value.day),
        QTime(value.hour, value.minute, value.second),
        QTimeZone.utc(),
    )
    return QLocale().toString(moment, "d MMM yyyy HH:mm" + (":ss" if seconds else ""))


def kind_title(text: str) -> str:
    """A record kind's display name from the registry (``People``, ``liaison assignment``),
    in the window's language (context ``Kind``, added to the .ts by the update tool)."""
    return QCoreApplication.translate("Kind", text)


def service_text(message: str) -> str:
    """A message of the core in the window's language: a `Said` sentence's template translated
    in its context (``Service``; ``Field`` for a field's title; ``Deadline`` for what falls
    due, `app.services.deadlines.What`; ``Vocabulary`` for a status in it) with its values put
    back, each translated in turn when it is `Said` too; any other text as it is."""
    if not isinstance(message, Said):
        return message
    template = QCoreApplication.translate(message.context, message.template)
    if message.lowered:
        template = template.lower()
    if not message.values:
        return template
    values = {
        name: service_text(value) if isinstance(value, Said) else value
        for name, value in message.values.items()
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(message)


def error_text(error: BaseException) -> str:
    """An error's message in the window's language (`service_text` of what it said)."""
    return service_text(message_of(error))


def field_title(text: str) -> str:
    """A field's title from the registry (``Family name``), in the window's language
    (context ``Field``, added to the .ts by the update tool)."""
    return QCoreApplication.translate("Field", text)


def vocabulary_label(text: str) -> str:
    """A vocabulary value's label (``Course seat``, ``In force``), in the window's language
    (context ``Vocabulary``, added to the .ts by the update tool)."""
    return QCoreApplication.translate("Vocabulary", text)
