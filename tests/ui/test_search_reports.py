"""Global search, reports and exports in the desktop application, through real typing and clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.ui.kinds import COLUMNS
from app.ui.main_window import MainWindow
from app.ui.table_model import RecordTableModel
from tests.helpers.gui import click, open_window

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def hit_titles(window: MainWindow) -> list[str]:
    """Titles of the hits in the search panel."""
    return [hit.title for hit in window.search.panel.hits()]


# --- global search ---------------------------------------------------------------------------


def test_search_box_finds_a_person_without_diacritics_and_hides_noforn(
    qtbot, admin: Desk, make_user
) -> None:  # noqa: ANN001
    admin.people.create(
        {"family_name": "Núñez", "given_names": "Carmen", "nation_code": "ESP"},
        label=Label(2, Release.REL, frozenset({"GBR"})),
    )
    admin.people.create(
        {"family_name": "Nuñez", "given_names": "Hidden", "nation_code": "USA"},
        label=Label(2, Release.NOFORN),
    )
    foreign = make_user("brit", nation="GBR")
    window = open_window(qtbot, foreign)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.box.hasFocus()
    qtbot.keyClicks(window.search.box, "nunez")
    qtbot.waitUntil(
        lambda: window.search.panel.isVisible() and window.search.shown_query == "nunez"
    )
    assert hit_titles(window) == ["NÚÑEZ, Carmen"]
    assert "1 match" in window.search.panel.status.text()
    assert all(
        "Hidden" not in hit.snippet and "NOFORN" not in hit.marking
        for hit in window.search.panel.hits()
    )
    assert "NOFORN" not in window.top_banner.text()  # the banner covers the hits shown
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)  # opens the selected hit
    qtbot.waitUntil(lambda: window.page("people").controller.record_id is not None)
    qtbot.waitUntil(
        lambda: window.page("people").form.editors["family_name"].widget.text() == "Núñez"
    )
    assert not window.search.panel.isVisible()

    # the administrator (USA, cleared) sees both through the same box
    window_admin = open_window(qtbot, admin)
    window_admin.find()  # Ctrl+F outside a list filter: the global search box
    assert window_admin.search.box.hasFocus()
    qtbot.keyClicks(window_admin.search.box, "NUNEZ")
    qtbot.waitUntil(lambda: window_admin.search.shown_query == "NUNEZ")
    assert sorted(hit_titles(window_admin)) == ["NUÑEZ, Hidden", "NÚÑEZ, Carmen"]
    assert "NOFORN" in window_admin.top_banner.text()


def test_the_search_box_says_when_only_the_most_recent_matches_were_ranked(
    qtbot, admin: Desk, monkeypatch
) -> None:  # noqa: ANN001
    from app.search import service as search_service

    monkeypatch.setattr(search_service, "RANK_CAP", 3)
    for n in range(5):
        admin.people.create(
            {"family_name": "Haugland", "given_names": f"Ola {n}", "nation_code": "NOR"}
        )
    window = open_window(qtbot, admin)
    window.resize(1100, 700)
    window.find()
    qtbot.keyClicks(window.search.box, "haugland")
    qtbot.waitUntil(lambda: window.search.shown_query == "haugland")
    assert sorted(h.title for h in window.search.panel.hits()) == [
        "HAUGLAND, Ola 2",
        "HAUGLAND, Ola 3",
        "HAUGLAND, Ola 4",
    ]
    assert window.search.panel.status.text().startswith(
        "More than 3 matches: best 3 of the 3 most recent · refine the search"
    )


def test_stale_queries_are_dropped_and_typing_is_never_blocked(qtbot, admin: Desk) -> None:
    for name in ("Kowalski", "Kowalczyk", "Novak"):
        admin.people.create({"family_name": name, "nation_code": "POL"}, label=Label(0))
    window = open_window(qtbot, admin)
    window.focus_search()
    qtbot.keyClicks(window.search.box, "kowal")
    qtbot.keyClicks(window.search.box, "s")  # typed on before the first query ran
    qtbot.waitUntil(lambda: window.search.shown_query == "kowals" and not window.search.busy())
    assert hit_titles(window) == ["KOWALSKI"]
    window.search.box.clear()
    assert not window.search.panel.isVisible()


def test_quick_filter_uses_the_search_engine(qtbot, admin: Desk) -> None:
    admin.people.create({"family_name": "Müller", "nation_code": "DEU"}, label=Label(0))
    admin.people.create({"family_name": "Schmidt", "nation_code": "DEU"}, label=Label(0))
    window = open_window(qtbot, admin)
    view = window.navigation.lists["people"]
    qtbot.keyClicks(view.quick_filter, "muller")  # a plain text match would not find Müller
    qtbot.waitUntil(lambda: view.model.filters.get("text") == "muller" and not view.model.loading())
    assert view.model.rowCount() == 1 and view.model.index(0, 2).data() == "MÜLLER"
    assert "id__in" in view.model.effective_filters


# --- the background table model --------------------------------------------------------------


def test_background_model_passes_qtmodeltester_and_shows_rows(
    qtbot, qtmodeltester, admin: Desk
) -> None:
    for n in range(450):
        admin.people.create(
            {"family_name": f"Row{n:03d}", "nation_code": "USA"},
            label=Label(2, Release.NOFORN) if n % 2 else Label(0),
        )
    model = RecordTableModel(
        admin.people, COLUMNS["people"], admin.portion_mark, page_size=100, max_pages=2
    )
    qtmodeltester.check(model, force_py=True)
    model.refresh()
    assert model.rowCount() == 0
    qtbot.waitUntil(lambda: model.rowCount() == 450 and not model.loading())
    assert model.index(0, 2).data() == "ROW000"
    assert model.index(449, 2).data() == "…"  # placeholder until its page arrives
    qtbot.waitUntil(lambda: model.index(449, 2).data() == "ROW449")
    model.set_filters({"text": "Row44"})
    qtbot.waitUntil(lambda: not model.loading() and model.rowCount() == 10)
    assert model.index(9, 2).data() == "ROW449"
    # a result of a superseded filter is dropped
    model.set_filters({"text": "Row0"})
    model.set_filters({"text": "Row1"})
    qtbot.waitUntil(lambda: not model.loading())
    assert model.rowCount() == 100 and model.index(0, 2).data() == "ROW100"
    qtmodeltester.check(model, force_py=True)


# --- reports and exports ---------------------------------------------------------------------


def test_report_dialog_saves_a_pdf_marked_on_every_page(
    qtbot, admin: Desk, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    from app.ui.report_dialog import ReportDialog

    label = Label(2, Release.REL, frozenset({"GBR"}))
    person = admin.people.create(
        {"family_name": "Kowalski", "given_names": "Jan", "nation_code": "POL"}, label=label
    ).record
    target = tmp_path / "person.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF files (*.pdf)")
    )
    dialog = ReportDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.report.setCurrentIndex(dialog.report.findData("person"))
    chooser = dialog.editors["person"]
    qtbot.waitUntil(lambda: chooser.loaded)
    qtbot.keyClicks(chooser.lineEdit(), person.reference)
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.busy() and target.exists(), timeout=30_000)
    marking = admin.marking(label)
    pages = PdfReader(str(target)).pages
    assert len(pages) >= 1
    for page in pages:
        lines = [
            " ".join(line.split()) for line in page.extract_text().splitlines() if line.strip()
        ]
        text = "\n".join(lines)
        assert lines[0] == marking and lines[-1] == marking, text  # top and bottom banner
        assert "KOWALSKI" in text.upper()
    assert marking in dialog.message.text() and "Saved to" in dialog.message.text()
    assert f"its label (STANAG 4774/4778): {target}.label.xml" in dialog.message.text()
    assert any(e.action == "report" for e in admin.audit.list(limit=20))


def test_report_dialog_names_a_missing_parameter(qtbot, admin: Desk) -> None:
    from app.ui.report_dialog import ReportDialog

    dialog = ReportDialog(admin)
    qtbot.addWidget(dialog)
    dialog.report.setCurrentIndex(dialog.report.findData("roster"))
    dialog.save_pdf("/nonexistent/never.pdf")
    assert "required" in dialog.message.text() and not dialog.busy()


def test_exporting_a_list_view_writes_a_csv_headed_by_its_marking(
    qtbot, admin: Desk, tmp_path, monkeypatch
) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    admin.people.create({"family_name": "Andersen", "nation_code": "DNK"}, label=Label(0))
    admin.people.create(
        {"family_name": "Anderson", "nation_code": "USA"}, label=Label(3, Release.NOFORN)
    )
    admin.people.create(
        {"family_name": "Berg", "nation_code": "NOR"}, label=Label(3, Release.NOFORN)
    )
    target = tmp_path / "people.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "CSV (*.csv)")
    )
    window = open_window(qtbot, admin)
    view = window.navigation.lists["people"]
    qtbot.keyClicks(view.quick_filter, "anders")
    qtbot.waitUntil(lambda: view.model.filters.get("text") == "anders" and not view.model.loading())
    assert view.model.rowCount() == 2
    click(qtbot, view.export_button)
    runner = window.commands.export_runner
    qtbot.waitUntil(lambda: target.exists() and not runner.running(), timeout=30_000)
    lines = target.read_text(encoding="utf-8").splitlines()
    expected = admin.marking(admin.combined([Label(0), Label(3, Release.NOFORN)]))
    assert expected in lines[0]
    body = "\n".join(lines[1:])
    assert "Andersen" in body and "Anderson" in body and "Berg" not in body  # the list's filter
    # the panel ends by saying the file's marking and where its label is (issue 14, item 11),
    # and stays open until it is closed
    label_file = tmp_path / "people.csv.label.xml"
    message = runner.text.text()
    assert f"marked {expected}" in message and str(label_file) in message, message
    assert runner.isVisible() and runner.cancel_button.text() == "Close"
    assert runner.label_file == label_file
    from app.services.bindings import verify

    assert verify(target).marking == expected
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".xdesk-export-")]
    click(qtbot, runner.cancel_button)
    assert not runner.isVisible()


def test_a_search_hit_of_another_kind_opens_its_form_in_a_marked_window(qtbot, admin: Desk) -> None:
    label = Label(2, Release.REL, frozenset({"GBR"}))
    created = admin.agreements.create(
        {
            "title": "MOU on combined training",
            "kind": "memorandum_of_understanding",
            "status": "in_negotiation",
            "parties": ["USA", "GBR"],
        },
        label=label,
    )
    window = open_window(qtbot, admin)
    window.focus_search()
    qtbot.keyClicks(window.search.box, "combined train")
    qtbot.waitUntil(lambda: window.search.shown_query == "combined train")
    assert [hit.kind for hit in window.search.panel.hits()] == ["agreement"]
    qtbot.keyClick(window.search.box, Qt.Key.Key_Return)
    assert len(window.navigation.record_windows) == 1
    record_window = window.navigation.record_windows[0]
    qtbot.addWidget(record_window)
    qtbot.waitUntil(lambda: record_window.top_banner.text() == admin.marking(label))
    assert "MOU on combined training" in record_window.windowTitle()
    assert record_window.form.record_id == created.record.id


def test_the_report_dialog_takes_the_record_selected_in_the_list(qtbot, admin: Desk) -> None:
    """Item 13: Print / Reports… on a selected person opens the person report about them, and
    the file name offered names the report, the reference and the date."""
    import datetime as dt

    person = admin.people.create({"family_name": "Kowalski", "nation_code": "POL"}).record
    window = open_window(qtbot, admin)
    view = window.navigation.lists["people"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.model.loading())
    view.table.setCurrentIndex(view.model.index(0, 1))
    window.commands.print_action.trigger()
    dialog = window.commands.report_dialog
    assert dialog.report.currentData() == "person"
    chooser = dialog.editors["person"]
    qtbot.waitUntil(lambda: chooser.loaded)
    assert chooser.value() == person.reference
    assert dialog.suggested_name() == f"person-{person.reference}-{dt.date.today().isoformat()}.pdf"
    dialog.close()
