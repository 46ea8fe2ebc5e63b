"""The window in French, NATO's other official language (issue 15, item 12): translations
loaded, French menus, labels, counts, dates and numbers, markings kept in their English form;
English by default; the committed .ts complete and its .qm current."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel

from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.ui import i18n
from app.ui.columns import Column, cell_text
from app.ui.connect_dialog import ConnectDialog
from app.ui.deadlines_view import DeadlinesView
from app.ui.list_view import RecordListView
from app.ui.records.attachments_panel import AttachmentsPanel
from app.ui.settings import PreferencesDialog
from tests.helpers.gui import open_person, open_window
from tests.helpers.records import started_planned_tour

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "xdesk_fr.ts"

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def french() -> Iterator[None]:
    """The application in French for one test (English again after it)."""
    installed = i18n.install_language("fr")
    assert len(installed) == 2, "xdesk_fr.qm and Qt's qtbase_fr.qm"
    yield
    i18n.remove_language()


def menu_titles(window) -> list[str]:  # noqa: ANN001
    return [action.text() for action in window.menuBar().actions()]


def form_caption(form, name: str) -> str:  # noqa: ANN001
    """The caption of a field's row in a record form."""
    widget = form.editors[name].widget
    for layout in form.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if field is None or label is None:
                continue
            inner = field.widget()
            if inner is widget or (inner is not None and inner.isAncestorOf(widget)):
                return label.widget().text()
    raise AssertionError(f"no caption for {name}")


def test_english_is_the_default(qtbot, admin: Desk, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    assert i18n.language() == "en"
    if QLocale.system().language() != QLocale.Language.French:  # a C or English system
        assert i18n.chosen_language(QSettings()) == "en"
    window = open_window(qtbot, admin)
    assert menu_titles(window) == ["&File", "&Edit", "&Go", "&Help"]
    assert form_caption(window.page("people").form, "family_name") == "Family name *"
    assert window.navigation.lists["people"].count_text(1) == "1 record"
    assert window.navigation.lists["people"].count_text(2) == "2 records"


def test_the_language_comes_from_the_environment_then_the_setting(monkeypatch, tmp_path) -> None:  # noqa: ANN001
    settings = QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat)
    settings.setValue(i18n.LANGUAGE_KEY, "fr")
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    assert i18n.chosen_language(settings) == "fr"
    monkeypatch.setenv(i18n.ENVIRONMENT, "en")
    assert i18n.chosen_language(settings) == "en"
    monkeypatch.setenv(i18n.ENVIRONMENT, "fr")
    settings.setValue(i18n.LANGUAGE_KEY, "en")
    assert i18n.chosen_language(settings) == "fr"
    monkeypatch.delenv(i18n.ENVIRONMENT)
    settings.setValue(i18n.LANGUAGE_KEY, "system")
    assert i18n.chosen_language(settings) == i18n.system_language()


def test_translations_loaded_in_french(qtbot, admin: Desk, french: None) -> None:  # noqa: ANN001
    """Menus, sidebar, a person's field labels, the list count in French; the banner keeps
    the official English marking."""
    person = admin.people.create(
        {"family_name": "Dupont", "nation_code": "FRA"}, label=Label(3, Release.NOFORN)
    )
    window = open_window(qtbot, admin)
    assert menu_titles(window) == ["&Fichier", "É&dition", "A&ller à", "&Aide"]
    sidebar = window.navigation.sidebar
    entries = [sidebar.item(row).text() for row in range(sidebar.count())]
    assert entries[:4] == ["Échanges", "Personnes", "Officiers de liaison", "Accords"]
    assert window.commands.save_action.text() == "&Enregistrer"
    assert window.search.box.placeholderText().startswith("Rechercher partout")
    view = window.navigation.lists["people"]
    qtbot.waitUntil(lambda: view.count_label.text() == "1 enregistrement")
    assert view.count_text(2) == "2 enregistrements"
    assert view.count_text(1234) == "1\u202f234 enregistrements"
    header = view.model.headerData(2, Qt.Orientation.Horizontal)
    assert header == "NOM DE FAMILLE"
    form = window.page("people").form
    assert form_caption(form, "family_name") == "Nom de famille *"
    assert form_caption(form, "given_names") == "Prénoms"
    assert form_caption(form, "nation_code") == "Nationalité *"
    assert form.save_button.text() == "Enregistrer"
    open_person(qtbot, window, person.record.id)
    qtbot.waitUntil(lambda: window.top_banner.text() == "SECRET//NOFORN")
    assert window.bottom_banner.text() == "SECRET//NOFORN"  # markings never translate
    assert form.label_editor.noforn.text() == "NOFORN"
    related = window.page("people").related  # the person's exchanges and tours, in French
    qtbot.waitUntil(lambda: related.tabText(1) == "Missions de liaison (0)")
    assert related.tabText(0) == "Échanges (0)"
    assert related.who_button.text() == "Qui peut voir ceci\u00a0?"
    assert related.exchanges.headerData(2, Qt.Orientation.Horizontal) == "Rôle"
    assert window.statusBar().currentMessage().startswith("Connecté en tant que admin")


def test_qt_standard_buttons_and_preferences_in_french(qtbot, french: None) -> None:  # noqa: ANN001
    dialog = PreferencesDialog(10, language="fr")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Préférences"
    assert dialog.chosen_language() == "fr"
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
    notes = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("prochain" in text or "démarrage" in text for text in notes)


def test_deadlines_attachments_and_connect_in_french(qtbot, admin: Desk, french: None) -> None:  # noqa: ANN001
    """Panels and dialogs once English only: the deadlines view (its columns, its summary with
    a numerus count, the days left, what falls due), the attachments panel, the connect
    dialog."""
    started_planned_tour(admin)
    view = DeadlinesView(admin, lead_days=90)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert view.refresh_button.text() == "Actualiser"
    assert view.model.headerData(1, Qt.Orientation.Horizontal) == "Échéance"
    assert {view.model.index(r, 2).data() for r in range(2)} == {"statut à corriger", "45 j"}
    assert {view.model.index(r, 3).data() for r in range(2)} == {
        "Affectation de liaison commencée\u00a0; son statut est toujours Planifié",
        "Fin de l’affectation de liaison",
    }
    assert view.summary.text() == "1 à échéance sous 90 jours; 1 statut à corriger"
    panel = AttachmentsPanel(admin, "person")
    qtbot.addWidget(panel)
    assert panel.title() == "Pièces jointes"
    assert panel.add_button.text() == "Ajouter un fichier…"
    assert panel.delete_button.text() == "Supprimer"
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Se connecter à un serveur"
    assert dialog.connect_button.text() == "Se connecter"


def test_field_titles_from_the_registry_and_vocabulary(french: None) -> None:
    assert i18n.field_title("Family name") == "Nom de famille"
    assert i18n.kind_title("People") == "Personnes"
    assert i18n.vocabulary_label("In force") == "En vigueur"


def test_dates_and_numbers_in_the_locale_form(french: None) -> None:
    assert i18n.date_text(dt.date(2026, 12, 3)) == "3 déc. 2026"
    assert cell_text(Column("Start", "start_date"), dt.date(2026, 12, 3)) == "3 déc. 2026"
    assert i18n.number(1234) == "1\u202f234"
    i18n.remove_language()
    assert i18n.date_text(dt.date(2026, 12, 3)) == "2026-12-03"  # English: ISO, as typed
    assert i18n.number(1234) == "1,234"


def test_english_plural_of_numerus_texts() -> None:
    assert i18n.language() == "en"
    text = QCoreApplication.translate("RecordListView", "%Ln record(s)", "", 1)
    assert i18n.plural(text, 1) == "1 record"
    assert i18n.plural("3 match(es)", 3) == "3 matches"
    assert RecordListView.count_text.__doc__  # the list's count goes through it


def test_every_text_is_translated_and_the_qm_is_current() -> None:
    """Run lupdate into a copy: no text of the code is missing from the .ts, none is
    unfinished or empty, and the committed .qm is what lrelease makes of the .ts."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_markings_are_not_in_the_translations() -> None:
    """Classification markings keep their official English form: none is a source text."""
    sources = {m.findtext("source") for m in ET.parse(TS).getroot().iter("message")}
    for marking in ("UNCLASSIFIED", "SECRET", "TOP SECRET", "NOFORN", "REL TO", "CONFIDENTIAL"):
        assert marking not in sources


def test_validation_messages_of_the_services_are_french(qtbot, admin: Desk, french: None) -> None:  # noqa: ANN001
    """The services' sentences (`app.domain.texts.said`) reach a French form in French: beside
    each field, with the field's title translated and the values kept; nothing is stored and
    what was typed stays."""
    window = open_window(qtbot, admin)
    form = window.page("people").form
    qtbot.keyClicks(form.editors["family_name"].widget, "Dupont")
    qtbot.keyClicks(form.editors["email"].widget, "pas-une-adresse")
    form.save_button.click()
    qtbot.waitUntil(lambda: bool(form.editors["nation_code"].error.text()))
    assert form.editors["nation_code"].error.text() == "⚠ Nationalité est obligatoire"
    assert form.editors["email"].error.text() == (
        "⚠ 'pas-une-adresse' n’est pas une adresse électronique (nom@exemple.org)"
    )
    assert form.editors["email"].widget.text() == "pas-une-adresse"
    assert admin.people.count() == 0
    i18n.remove_language()  # the same sentence is English for the command line and the log
    error = admin.people.parse({"email": "pas-une-adresse"}, creating=False)[1]["email"]
    assert error == "'pas-une-adresse' is not an e-mail address (name@example.org)"
    assert i18n.service_text(error) == error  # English window: the English sentence


def test_a_label_refusal_of_the_services_is_french(qtbot, admin: Desk, french: None) -> None:  # noqa: ANN001
    """The disclosure-marking rule's refusal, under the label editor, in French (the marking
    words themselves stay English)."""
    window = open_window(qtbot, admin)
    form = window.page("people").form
    qtbot.keyClicks(form.editors["family_name"].widget, "Dupont")
    form.editors["nation_code"].set("FRA")
    form.label_editor.level.setCurrentIndex(2)
    form.save_button.click()
    qtbot.waitUntil(lambda: bool(form.label_editor.error.text()))
    text = form.label_editor.error.text()
    assert "demande ici une mention de diffusion" in text and "NOFORN" in text
    assert admin.people.count() == 0


def test_a_status_in_what_falls_due_is_its_french_label(french: None) -> None:
    from app.services.deadlines import TOUR_ENDED, What

    assert i18n.service_text(What(TOUR_ENDED, status="Active")) == (
        "Affectation de liaison terminée\u00a0; son statut est toujours "
        + i18n.vocabulary_label("Active")
    )
    assert i18n.vocabulary_label("Active") != "Active"


def test_refusals_of_the_services_are_french(qtbot, admin: Desk, make_user, french: None) -> None:  # noqa: ANN001
    """Not found, not allowed, changed meanwhile and a lost connection reach a French window in
    French, the kind of record and the role in their French words; English below it."""
    from app.services.errors import Conflict, ConnectionLost, NotFound, PermissionDenied
    from app.services.transactions import service_error
    from app.ui.failures import failure_text
    from app.ui.records.messages import refusal

    with pytest.raises(NotFound) as missing:
        admin.liaison.get(424242)
    assert str(missing.value) == "no liaison assignment with id 424242"
    assert refusal(missing.value) == (
        "Introuvable\u00a0: aucune fiche «\u00a0affectation de liaison\u00a0» d’identifiant 424242"
    )
    viewer = make_user("looker", role="viewer")
    with pytest.raises(PermissionDenied) as refused:
        viewer.people.create({"family_name": "Dupont", "nation_code": "FRA"})
    role = i18n.vocabulary_label("Viewer").lower()
    assert role != "viewer"
    assert refusal(refused.value) == (
        f"Non autorisé\u00a0: votre rôle ({role}) ne permet pas de modifier des fiches"
    )
    assert failure_text(refused.value).startswith("Votre rôle")
    person = admin.people.create({"family_name": "Dupont", "nation_code": "FRA"}).record
    admin.people.update(person.id, {"given_names": "Claire"}, expected_version=1)
    with pytest.raises(Conflict) as changed:
        admin.people.update(person.id, {"given_names": "Anne"}, expected_version=1)
    text = refusal(changed.value)
    assert text.startswith("Modifié entre-temps\u00a0: ") and "a été modifié par admin" in text
    assert "refaites vos modifications" in text and i18n.field_title("Given names") in text
    assert "changed by admin" in str(changed.value)  # the English sentence is kept
    import psycopg

    lost = service_error(psycopg.OperationalError("server closed the connection unexpectedly"))
    if isinstance(lost, ConnectionLost):
        assert failure_text(lost).startswith("La connexion au serveur")


def test_the_conflict_dialog_is_french(qtbot, french: None) -> None:  # noqa: ANN001
    from app.services.errors import Conflict, FieldChange
    from app.ui.records.conflict_dialog import ConflictDialog

    conflict = Conflict(
        "changed",
        by="gb",
        at=dt.datetime(2026, 3, 1, 14, 5, tzinfo=dt.UTC),
        changes=[FieldChange("family_name", "Family name", "Dupont", "Durand")],
    )
    dialog = ConflictDialog(conflict, "P-2026-000001", {"family_name": "Dupond"})
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Modifié par un autre utilisateur"
    heading = dialog.findChild(QLabel, "conflictHeading").text()
    assert "a été modifié par <b>gb</b> le 2026-03-01 14:05 UTC" in heading
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert headers == ["Champ", "Avant", "Maintenant (gb)", "Votre saisie"]
    assert dialog.table.item(0, 0).text() == i18n.field_title("Family name") != "Family name"
    assert (dialog.reload_button.text(), dialog.keep_button.text()) == (
        "Recharger",
        "Continuer la saisie",
    )


def test_an_import_report_is_french_line_by_line(
    qtbot, admin: Desk, french: None, tmp_path
) -> None:  # noqa: ANN001
    """The preview's rejected rows and probable duplicates, by line, in French."""
    from app.ui.import_backup import ImportDialog
    from tests.helpers.gui import click

    admin.people.create(
        {
            "family_name": "Kowalski",
            "given_names": "Jan",
            "nation_code": "POL",
            "date_of_birth": "1980-05-04",
        }
    )
    path = tmp_path / "people.csv"
    path.write_text(
        "family_name,given_names,nation,date_of_birth,classification\n"
        "Kowalski,Jan,POL,1980-05-04,U\n"
        "Dubois,Claire,XX,,U\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("people"))
    qtbot.keyClicks(dialog.path, str(path))
    click(qtbot, dialog.preview_button)
    qtbot.waitUntil(lambda: dialog.worker is None and dialog.result is not None)
    report = dialog.report.document().toRawText()  # toPlainText turns U+00A0 into spaces
    assert "ligne 3\u00a0: nation\u00a0: 'XX' n’est pas un code de nation" in report, report
    assert "ligne 2\u00a0: avertissement\u00a0: doublon probable de" in report, report
    assert "même date de naissance" in report
    assert "line 3" not in report and "warning" not in report


# what a widget shows without tr(): the product's name, the languages' own names and examples
UNTRANSLATED = {"Exchange Desk", "English", "Français"}
SHOWN_BY = {
    "setText",
    "setToolTip",
    "setWindowTitle",
    "setStatusTip",
    "setAccessibleName",
    "addAction",
    "setTitle",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "showMessage",
    "setLabelText",
    "addTab",
    "setInformativeText",
    "show_message",
    "setWhatsThis",
    "addItem",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QGroupBox",
    "QAction",
    "QRadioButton",
    "QToolButton",
    "QMenu",
}


def test_no_widget_shows_english_words_that_tr_did_not_see() -> None:
    """Every text a widget is given in app/ui is translated (tr / translate): a literal or
    f-string with English words in it, put straight into a label, button, tooltip, title or
    status bar, would stay English in a French window (markings, all capitals, may)."""
    import ast
    import re

    found = []
    for path in sorted((ROOT / "app" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            first = node.args[0]
            if name not in SHOWN_BY or not isinstance(first, (ast.Constant, ast.JoinedStr)):
                continue
            parts = [first] if isinstance(first, ast.Constant) else first.values
            literal = "".join(
                p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)
            )
            for allowed in UNTRANSLATED:
                literal = literal.replace(allowed, "")
            if any(not w.isupper() for w in re.findall(r"[A-Za-z]{3,}", literal)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {literal!r}")
    assert found == []


def test_nations_are_named_in_french_and_found_by_their_french_names(qtbot, french: None) -> None:  # noqa: ANN001
    """The nation pickers of a French window show pycountry's French names of ISO 3166-1 and
    take them typed ("norvege", accents folded); the code is the same in both languages."""
    from app.ui.widgets import NationPicker

    names = i18n.nations()
    assert (names["NOR"], names["DEU"], names["XKS"]) == ("Norvège", "Allemagne", "Kosovo")
    picker = NationPicker(names)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.lineEdit(), "norvege")
    picker.completer().popup().hide()
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Tab)
    assert picker.value() == "NOR"
    i18n.remove_language()
    assert i18n.nations()["NOR"] == "Norway"
