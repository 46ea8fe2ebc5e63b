"""File → Import… and File → Back up…: real widgets, work off the GUI thread, service rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.desk import Desk
from app.ui.import_backup import BackupRunner, ImportDialog
from tests.helpers.gui import click

# the offscreen platform cannot propagate size hints; nothing to do with the code under test
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CSV = (
    "family_name,given_names,nation,classification,releasable_to,groups\n"
    "Kowalski,Jan,POL,U,,\n"
    "Dubois,Claire,XX,U,,\n"
    "Tanaka,Hiroshi,JPN,C,FVEY JPN,\n"
)


def _import(qtbot, desk: Desk, path: Path, all_or_nothing: bool) -> ImportDialog:  # noqa: ANN001
    dialog = ImportDialog(desk)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("people"))
    qtbot.keyClicks(dialog.path, str(path))
    dialog.all_or_nothing.setChecked(all_or_nothing)
    assert not dialog.import_button.isEnabled()  # a preview comes first
    preview(qtbot, dialog)
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.worker is None and not dialog.result.preview, timeout=20000)
    return dialog


def preview(qtbot, dialog: ImportDialog) -> str:  # noqa: ANN001
    """Click Preview and wait for its report."""
    click(qtbot, dialog.preview_button)
    qtbot.waitUntil(
        lambda: dialog.worker is None and dialog.result is not None and dialog.result.preview
    )
    return dialog.report.toPlainText()


def test_import_reports_the_bad_line_and_keeps_good_rows(
    qtbot, admin: Desk, tmp_path: Path
) -> None:  # noqa: ANN001
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = _import(qtbot, admin, path, all_or_nothing=False)
    assert dialog.report.toPlainText().startswith(
        "Imported 2 of 3 rows from people.csv (1 rejected, listed below)."
    )
    assert "line 3: nation" in dialog.report.toPlainText()
    assert admin.people.count() == 2


def test_all_or_nothing_import_stores_nothing(qtbot, admin: Desk, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = _import(qtbot, admin, path, all_or_nothing=True)
    assert "nothing was imported" in dialog.report.toPlainText()
    assert admin.people.count() == 0


def test_a_viewer_import_is_refused_by_the_service(qtbot, make_user, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    viewer = make_user("vera", role="viewer")
    dialog = ImportDialog(viewer)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.path, str(path))
    click(qtbot, dialog.preview_button)
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert "failed" in dialog.report.toPlainText() and "viewer" in dialog.report.toPlainText()
    assert not dialog.import_button.isEnabled()
    dialog.start()  # the button bypassed: the service refuses the import itself
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=20000)
    assert "failed" in dialog.report.toPlainText() and "viewer" in dialog.report.toPlainText()
    assert viewer.people.count() == 0


def test_the_preview_stores_nothing_and_a_second_import_needs_again(
    qtbot,
    admin: Desk,
    tmp_path: Path,  # noqa: ANN001
) -> None:
    """Item 4: the preview lists what would be stored and rejected, with the columns mapped;
    the same file a second time is imported only when "Import it again" is ticked."""
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    dialog = _import(qtbot, admin, path, all_or_nothing=False)
    assert admin.people.count() == 2
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(path))  # the same file again
    text = preview(qtbot, dialog)
    assert text.startswith("Preview of people.csv: 3 rows. Nothing has been stored.")
    assert "An import would store 2 records, reject 1 row" in text
    assert "nation → nation_code" in text and "line 3: nation" in text
    assert "You imported this file before" in text and "(2 rows stored)" in text
    assert dialog.again.isVisible() and not dialog.import_button.isEnabled()
    assert admin.people.count() == 2
    dialog.again.setChecked(True)
    assert dialog.import_button.isEnabled()
    click(qtbot, dialog.import_button)
    qtbot.waitUntil(lambda: dialog.worker is None and not dialog.result.preview)
    assert admin.people.count() == 4 and not dialog.import_button.isEnabled()


@pytest.mark.sqlite_only(
    reason="the window backs up the SQLite file; a server is backed up with pg_dump, not here"
)
def test_backup_runs_in_the_background_and_is_audited(qtbot, admin: Desk, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "copy.sqlite"
    runner = BackupRunner(admin, target)
    qtbot.addWidget(runner)
    qtbot.waitUntil(lambda: runner.close_button.isEnabled(), timeout=20000)
    assert target.exists() and "Backed up" in runner.message.text()
    assert admin.audit.list(action="backup", limit=1)[0].details["file"] == str(target)


def test_backup_refused_for_a_coordinator(qtbot, make_user, tmp_path: Path) -> None:  # noqa: ANN001
    runner = BackupRunner(make_user("carol"), tmp_path / "copy.sqlite")
    qtbot.addWidget(runner)
    qtbot.waitUntil(lambda: runner.close_button.isEnabled(), timeout=20000)
    assert "failed" in runner.message.text() and not (tmp_path / "copy.sqlite").exists()
