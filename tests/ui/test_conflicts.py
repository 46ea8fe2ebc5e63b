"""Two coordinators edit the same record in two windows: the second save meets the first's.

For every record kind's form (one form framework): both type into real widgets, the first saves,
the second's save is refused with the conflict question (who, when, what they changed beside
what was typed). "Keep editing" keeps the typing and never overwrites: saving the same field
again is refused again; a field the other did not change is saved on top of their change.
"Reload" reads the record again through the window's runner and shows the other's values.
Runs on SQLite and, with XDESK_TEST_DATABASE_URL, on the server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from app.services.desk import Desk
from app.ui.record_window import RecordWindow
from app.ui.records.conflict_dialog import ConflictDialog
from tests.helpers.gui import WAIT_MS, click, wait_until
from tests.ui.test_form_framework import KINDS, Kind, stored

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

SECOND_FIELD = {  # another text field of each kind, for the case of different fields
    "exchange": "objectives",
    "agreement": "scope",
    "liaison": "duties",
    "person": "position",
}


@pytest.fixture(autouse=True)
def discard_on_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows still holding edits when the test ends close without asking."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )


def window_of(qtbot: Any, desk: Desk, kind: Kind, record_id: int) -> RecordWindow:
    """A record window of ``desk``'s user on the record, shown, its record read."""
    form = kind.form(desk, record_id)
    window = RecordWindow(form, desk)
    qtbot.addWidget(window)
    window.show()
    wait_until(qtbot, lambda: form.record_id == record_id and not form.controller.loading)
    return window


def type_into(qtbot: Any, window: RecordWindow, name: str, text: str) -> None:
    """Select all of a text field and type ``text`` over it, as a user would."""
    widget = window.form.editors[name].widget
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)
    assert window.form.editors[name].get() == text


def click_save(qtbot: Any, window: RecordWindow) -> bool:
    """Click the form's Save button and wait for the outcome; True when written."""
    form = window.form
    with qtbot.waitSignal(form.save_finished, timeout=WAIT_MS) as finished:
        click(qtbot, form.controller.view.save_button)
    return bool(finished.args[0])


def conflict_dialog(qtbot: Any, window: RecordWindow) -> ConflictDialog:
    """The conflict question the form shows."""
    controller = window.form.controller
    wait_until(qtbot, lambda: controller.conflict_dialog is not None)
    dialog = controller.conflict_dialog
    assert dialog is not None
    wait_until(qtbot, dialog.isVisible)
    return dialog


def table_texts(dialog: ConflictDialog) -> list[list[str]]:
    """The rows of the dialog's table of changes."""
    table = dialog.table
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def stored_value(desk: Desk, kind: Kind, record_id: int, name: str) -> Any:
    """A field's value as stored (read afresh through the service)."""
    service = getattr(desk, kind.service)
    return service.value_of(service.get(record_id)[0], name)


def choose(qtbot: Any, dialog: ConflictDialog, button: Any) -> None:
    """Click one of the dialog's answers; the dialog closes."""
    click(qtbot, button)
    wait_until(qtbot, lambda: not dialog.isVisible())


@pytest.fixture
def two_desks(admin: Desk, make_user: Callable[..., Desk]) -> tuple[Desk, Desk]:
    """The administrator and a coordinator, each with their own desk (own connections)."""
    return admin, make_user("gb", role="coordinator", clearance="S")


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_second_save_asks_keep_editing_never_overwrites_and_reload_shows_theirs(
    qtbot: Any, two_desks: tuple[Desk, Desk], kind: Kind
) -> None:
    """Both type into the same field; the first saves. The second's save is refused with the
    question naming who changed what; Keep editing keeps the typing and a second save is
    refused again (nothing of the first's overwritten); Reload shows the first's value and a
    save after it is written."""
    admin, gb = two_desks
    record_id = stored(admin, kind)
    first = window_of(qtbot, admin, kind, record_id)
    second = window_of(qtbot, gb, kind, record_id)
    type_into(qtbot, first, kind.typed, "Alpha")
    type_into(qtbot, second, kind.typed, "Bravo")
    assert click_save(qtbot, first)
    assert stored_value(admin, kind, record_id, kind.typed) == "Alpha"

    assert not click_save(qtbot, second)
    dialog = conflict_dialog(qtbot, second)
    heading = dialog.findChild(QLabel, "conflictHeading").text()
    assert "admin" in heading and "UTC" in heading and "not saved" in heading
    title = next(f.title for f in getattr(gb, kind.service).fields if f.name == kind.typed)
    assert [title, "—", "Alpha", "Bravo"] in table_texts(dialog)
    assert "Not saved" in second.form.controller.view.message.text()
    assert second.form.editors[kind.typed].get() == "Bravo"  # the typing is still there

    choose(qtbot, dialog, dialog.keep_button)
    assert second.form.editors[kind.typed].get() == "Bravo"
    assert second.form.has_unsaved_changes()
    assert not click_save(qtbot, second)  # checked again: both changed this field
    again = conflict_dialog(qtbot, second)
    assert stored_value(admin, kind, record_id, kind.typed) == "Alpha"  # never overwritten
    assert second.form.editors[kind.typed].get() == "Bravo"

    with qtbot.waitSignal(second.form.opened, timeout=WAIT_MS):
        choose(qtbot, again, again.reload_button)
    assert second.form.editors[kind.typed].get() == "Alpha"  # the first's value
    assert not second.form.has_unsaved_changes()
    assert "Reloaded" in second.form.controller.view.message.text()
    type_into(qtbot, second, kind.typed, "Charlie")
    assert click_save(qtbot, second)  # after a reload the save is checked and written
    assert stored_value(admin, kind, record_id, kind.typed) == "Charlie"


@pytest.mark.parametrize("kind", [k for k in KINDS if k.name in SECOND_FIELD], ids=lambda k: k.name)
def test_keep_editing_saves_a_field_the_other_did_not_change_on_top_of_theirs(
    qtbot: Any, two_desks: tuple[Desk, Desk], kind: Kind
) -> None:
    """The first changes one field, the second another: after the conflict and Keep editing,
    the second's save is version-checked against the first's save and keeps both changes."""
    admin, gb = two_desks
    other = SECOND_FIELD[kind.name]
    record_id = stored(admin, kind)
    first = window_of(qtbot, admin, kind, record_id)
    second = window_of(qtbot, gb, kind, record_id)
    type_into(qtbot, first, kind.typed, "Alpha")
    type_into(qtbot, second, other, "Bravo")
    assert click_save(qtbot, first)
    assert not click_save(qtbot, second)
    dialog = conflict_dialog(qtbot, second)
    rows = table_texts(dialog)
    assert any(row[2] == "Alpha" and row[3] == "—" for row in rows), rows
    choose(qtbot, dialog, dialog.keep_button)
    assert click_save(qtbot, second)
    assert stored_value(admin, kind, record_id, kind.typed) == "Alpha"
    assert stored_value(admin, kind, record_id, other) == "Bravo"
    assert second.form.editors[kind.typed].get() == "Alpha"  # the saved record is shown
    assert second.form.controller.conflict is None


def test_a_person_s_identity_change_is_named_without_its_values(
    qtbot: Any, two_desks: tuple[Desk, Desk]
) -> None:
    """A field the other user changed that is private (a person's passport number) is named in
    the question, its values are not."""
    admin, gb = two_desks
    kind = next(k for k in KINDS if k.name == "person")
    record_id = stored(admin, kind)
    second = window_of(qtbot, gb, kind, record_id)
    person = admin.people.get(record_id)[0]
    admin.people.update(
        record_id, {"passport_number": "X1234567"}, expected_version=person.row_version
    )
    type_into(qtbot, second, "unit", "Bravo")
    assert not click_save(qtbot, second)
    dialog = conflict_dialog(qtbot, second)
    rows = table_texts(dialog)
    assert any(row[0] == "Passport number" for row in rows), rows
    assert not any("X1234567" in cell for row in rows for cell in row)
    choose(qtbot, dialog, dialog.keep_button)
