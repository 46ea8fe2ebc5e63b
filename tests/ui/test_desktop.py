"""Desktop application tests: real clicks and typing through qtbot, checked against the services."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from app.domain.labels import Label, Release
from app.security.auth import LOGIN_FAILED
from app.services.desk import Desk
from app.services.setup import initialise
from app.ui.first_run import FirstRunDialog
from app.ui.kinds import COLUMNS
from app.ui.login import LoginDialog
from app.ui.settings import app_settings
from app.ui.table_model import RecordTableModel
from tests.helpers import PASSWORD, scram_server
from tests.helpers.files import raw_connection
from tests.helpers.gui import click, open_person, open_window, save_with

# the offscreen platform plugin warns about window-system features it lacks (raise, grabs, size
# hints)
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

# the login's refusal of a wrong password is the server's on PostgreSQL: a trusting test server
# accepts any (the refusal is tested on a checking server in tests/test_server_logins.py)
REFUSES_PASSWORDS = pytest.mark.skipif(
    scram_server.trusts_logins(), reason="the test server accepts any password"
)


def audit_actions(admin: Desk) -> list[str]:
    """Actions in the audit trail, oldest first."""
    return [e.action for e in admin.audit.list(limit=1000, newest_first=False)]


# --- first run and login ---------------------------------------------------------------------


def test_first_run_creates_a_database(qtbot, tmp_path: Path) -> None:
    target = tmp_path / "new" / "desk.sqlite"
    dialog = FirstRunDialog(str(target), [])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.nation.lineEdit(), "POL")
    qtbot.keyClicks(dialog.password, "a long enough passphrase")
    qtbot.keyClicks(dialog.confirm, "a different passphrase!")
    click(qtbot, dialog.create_button)
    assert dialog.database is None and not target.exists()
    assert "differ" in dialog.errors["confirm"].text()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "a long enough passphrase")
    click(qtbot, dialog.create_button)
    assert dialog.database is not None, [e.text() for e in dialog.errors.values()]
    assert target.exists() and dialog.database.owner == "POL"
    desk = LoginDialog(dialog.database)
    qtbot.addWidget(desk)
    qtbot.keyClicks(desk.username, "admin")
    qtbot.keyClicks(desk.password, "a long enough passphrase")
    click(qtbot, desk.buttons.button(desk.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: not desk.operations.is_busy())
    assert desk.desk is not None
    dialog.database.dispose()


def test_an_encrypted_file_opens_only_at_the_login(qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """The window starts on an encrypted file with no database: the login dialog unlocks it
    with the user's password, and a wrong password says the one refusal."""
    from app.ui import launch
    from app.ui.settings import remember_database

    target = tmp_path / "desk.sqlite"
    initialise(target, "USA", "default", "admin", PASSWORD).dispose()
    settings = app_settings()
    remember_database(settings, str(target))
    database, chosen = launch.choose_database(settings)
    assert database is None and chosen == str(target)
    dialog = LoginDialog(None, str(target), "admin", target=chosen)
    qtbot.addWidget(dialog)
    assert "Encrypted database" in dialog.findChildren(QLabel)[0].text()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.keyClicks(dialog.password, "not the password")
    click(qtbot, ok)
    qtbot.waitUntil(lambda: not dialog.operations.is_busy())
    assert dialog.desk is None and dialog.message.text() == LOGIN_FAILED
    qtbot.keyClicks(dialog.password, PASSWORD)
    click(qtbot, ok)
    qtbot.waitUntil(lambda: not dialog.operations.is_busy())
    assert dialog.desk is not None and dialog.desk.db.key is not None
    assert dialog.desk.people.count() == 0
    actions = [e.action for e in dialog.desk.audit.list(limit=10, newest_first=False)]
    assert actions[-2:] == ["login_failure", "login"]  # the refusal reached the trail
    dialog.desk.db.dispose()


def test_damaged_file_is_reported_and_left_alone(qtbot, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = damaged.read_bytes()
    dialog = FirstRunDialog(str(damaged), [str(damaged)])
    qtbot.addWidget(dialog)
    dialog.open_path.setText(str(damaged))
    click(qtbot, dialog.open_button)
    assert dialog.database is None
    assert "Cannot open" in dialog.problem.text() and not dialog.problem.isHidden()
    qtbot.keyClicks(dialog.nation.lineEdit(), "USA")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.confirm, PASSWORD)
    click(qtbot, dialog.create_button)  # create over it: refused
    assert dialog.database is None and damaged.read_bytes() == before


@REFUSES_PASSWORDS
def test_login_success_wrong_password_and_lockout(qtbot, database) -> None:  # noqa: ANN001
    dialog = LoginDialog(database)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "wrong password")

    def click_ok() -> None:
        click(qtbot, ok)
        qtbot.waitUntil(
            lambda: not dialog.operations.is_busy()
        )  # the check runs off the GUI thread

    click_ok()
    assert dialog.desk is None and dialog.message.text() == LOGIN_FAILED
    for _ in range(5):
        qtbot.keyClicks(dialog.password, "still wrong")
        click_ok()
    qtbot.keyClicks(dialog.password, PASSWORD)  # right password, but the account is locked now
    click_ok()
    assert dialog.desk is None and "locked" in dialog.message.text()
    Desk(database, "admin").users.unlock("admin")
    qtbot.keyClicks(dialog.password, PASSWORD)
    click_ok()
    assert dialog.desk is not None and dialog.desk.username == "admin"


@REFUSES_PASSWORDS
def test_a_refused_login_message_is_shown_whole(qtbot, database) -> None:  # noqa: ANN001
    dialog = LoginDialog(database, location="/a/rather/long/path/to/the/office/desk.sqlite")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "wrong password")
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    # the dialog grew to hold the wrapped message: nothing of it is cut off
    needed = dialog.message.heightForWidth(dialog.message.width())
    assert dialog.message.height() >= needed
    assert dialog.height() >= dialog.layout().sizeHint().height()


# --- people form -----------------------------------------------------------------------------


def test_create_a_person_with_a_validation_error_that_keeps_the_typing(qtbot, admin: Desk) -> None:
    window = open_window(qtbot, admin)
    form = window.page("people").form
    family = form.editors["family_name"].widget
    email = form.editors["email"].widget
    qtbot.keyClicks(family, "Nowak")
    qtbot.keyClicks(email, "not-an-address")
    assert not save_with(qtbot, window.page("people").controller, form.save_button)
    assert admin.people.count() == 0
    assert family.text() == "Nowak" and email.text() == "not-an-address"
    assert "Nation" in form.editors["nation_code"].error.text()
    assert "e-mail" in form.editors["email"].error.text()
    assert not form.editors["email"].error.isHidden()
    qtbot.keyClicks(form.editors["nation_code"].widget.lineEdit(), "POL")
    email.clear()
    qtbot.keyClicks(email, "nowak@example.pl")
    assert save_with(qtbot, window.page("people").controller, form.save_button)
    assert admin.people.count() == 1
    record, _label = admin.people.find(
        window.page("people").controller.form.title.text().split("·")[-1].strip()
    )
    assert (
        record.family_name == "Nowak"
        and record.nation_code == "POL"
        and record.email == "nowak@example.pl"
    )
    qtbot.waitUntil(lambda: window.navigation.lists["people"].model.rowCount() == 1)
    assert not form.editors["email"].error.isVisible()


def test_undo_restores_a_field(qtbot, admin: Desk) -> None:
    window = open_window(qtbot, admin)
    family = window.page("people").form.editors["family_name"].widget
    qtbot.keyClicks(family, "Brown")
    qtbot.keyClicks(window.page("people").form.editors["unit"].widget, "1 RIFLES")
    window.page("people").form.undo_stack.undo()
    assert (
        window.page("people").form.editors["unit"].widget.text() == "" and family.text() == "Brown"
    )
    window.page("people").form.undo_stack.undo()
    assert family.text() == ""
    window.page("people").form.undo_stack.redo()
    assert family.text() == "Brown"


def test_identity_is_shown_only_on_request_and_audited(qtbot, admin: Desk) -> None:
    saved = admin.people.create(
        {"family_name": "Dupont", "nation_code": "FRA", "passport_number": "AB12345"}
    )
    window = open_window(qtbot, admin)
    open_person(qtbot, window, saved.record.id)
    form = window.page("people").form
    assert form.identity_box.isHidden() and form.editors["passport_number"].widget.text() == ""
    click(qtbot, form.identity_button)
    qtbot.waitUntil(lambda: not form.identity_box.isHidden())
    assert form.editors["passport_number"].widget.text() == "AB12345"
    assert "view_identity" in audit_actions(admin)


def test_a_viewer_is_refused_by_the_service(qtbot, admin: Desk, make_user) -> None:  # noqa: ANN001
    viewer = make_user("vera", role="viewer")
    window = open_window(qtbot, viewer)
    form = window.page("people").form
    # a courtesy: nothing to type into, no Save; the service is what protects
    assert not form.save_button.isEnabled() and not form.save_button.isVisibleTo(form)
    assert form.editors["family_name"].widget.isReadOnly()
    assert not form.editors["nation_code"].widget.isEnabled()
    assert not window.commands.new_action.isEnabled()
    assert "pick one in the list" in form.title.text()
    form.editors["family_name"].widget.setReadOnly(False)  # as if the form were tampered with
    form.editors["nation_code"].widget.setEnabled(True)
    qtbot.keyClicks(form.editors["family_name"].widget, "Intruder")
    qtbot.keyClicks(form.editors["nation_code"].widget.lineEdit(), "USA")
    form.save_button.setEnabled(True)
    assert not save_with(qtbot, window.page("people").controller, form.save_button)
    assert "Not saved" in form.message.text()
    assert admin.people.count() == 0
    assert form.editors["family_name"].widget.text() == "Intruder"


def test_a_foreign_user_does_not_see_a_noforn_person(qtbot, admin: Desk, make_user) -> None:  # noqa: ANN001
    admin.people.create(
        {"family_name": "Secretive", "nation_code": "USA"}, label=Label(2, Release.NOFORN)
    )
    admin.people.create(
        {"family_name": "Shared", "nation_code": "USA"},
        label=Label(2, Release.REL, frozenset({"GBR"})),
    )
    foreign = make_user("brit", nation="GBR")
    window = open_window(qtbot, foreign)
    view = window.navigation.lists["people"]
    qtbot.waitUntil(
        lambda: view.model.cached_label(0) is not None and view.count_label.text() == "1 record"
    )
    assert view.model.rowCount() == 1
    assert view.model.index(0, 2).data() == "SHARED"
    qtbot.keyClicks(view.quick_filter, "Secret")
    qtbot.waitUntil(lambda: view.model.filters.get("text") == "Secret" and not view.model.loading())
    assert view.model.rowCount() == 0 and view.count_label.text() == "0 records"
    assert "NOFORN" not in window.top_banner.text()


def test_changing_a_label_changes_the_banner(qtbot, admin: Desk) -> None:
    window = open_window(qtbot, admin)
    assert window.top_banner.text() == "UNCLASSIFIED"
    editor = window.page("people").form.label_editor
    editor.level.setCurrentIndex(3)
    assert window.top_banner.text() == "SECRET" and window.bottom_banner.text() == "SECRET"
    assert window.top_banner.level == 3
    click(qtbot, editor.noforn)
    assert window.top_banner.text() == "SECRET//NOFORN"
    assert editor.marking_label.text() == "SECRET//NOFORN"


def test_a_banner_the_self_check_cannot_vouch_for_is_not_shown(
    qtbot, admin: Desk, monkeypatch
) -> None:  # noqa: ANN001
    from app.domain import labels as marks
    from app.ui.banner import SELF_CHECK_FAILED

    window = open_window(qtbot, admin)
    editor = window.page("people").form.label_editor
    monkeypatch.setattr(marks, "combine", lambda labels, owner, groups: Label(0))  # understates
    editor.level.setCurrentIndex(3)
    assert window.top_banner.text() == SELF_CHECK_FAILED == window.bottom_banner.text()
    assert "UNCLASSIFIED" not in window.top_banner.text()
    monkeypatch.undo()
    editor.level.setCurrentIndex(2)
    click(qtbot, editor.noforn)
    assert window.top_banner.text() == "CONFIDENTIAL//NOFORN"


def test_banner_follows_the_rows_in_view(qtbot, admin: Desk) -> None:
    admin.people.create(
        {"family_name": "Alpha", "nation_code": "USA"}, label=Label(2, Release.NOFORN)
    )
    window = open_window(qtbot, admin)
    qtbot.waitUntil(lambda: window.top_banner.text() == "CONFIDENTIAL//NOFORN")


# --- idle lock -------------------------------------------------------------------------------


@REFUSES_PASSWORDS
def test_idle_lock_hides_content_clears_clipboard_and_asks_the_password(qtbot, admin: Desk) -> None:
    admin.people.create(
        {"family_name": "Hidden", "nation_code": "USA"}, label=Label(3, Release.NOFORN)
    )
    window = open_window(qtbot, admin)
    window.idle_lock.remember_copy("copied secret text")
    window.idle_lock.idle.set_minutes(0.002)  # about a tenth of a second
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert window.content.currentWidget() is window.idle_lock.page
    assert not window.main_splitter.isVisible()
    assert QGuiApplication.clipboard().text() == ""
    assert window.top_banner.text() == "UNCLASSIFIED"
    qtbot.keyClicks(window.idle_lock.page.password, "wrong")
    click(qtbot, window.idle_lock.page.unlock_button)
    qtbot.waitUntil(lambda: not window.operations.is_busy())
    assert window.locked and window.idle_lock.page.message.text() == LOGIN_FAILED
    window.idle_lock.idle.set_minutes(10)
    qtbot.keyClicks(window.idle_lock.page.password, PASSWORD)
    qtbot.keyClick(window.idle_lock.page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)
    assert not window.locked and window.main_splitter.isVisible()
    actions = audit_actions(admin)
    assert "idle_lock" in actions and actions.index("unlock") > actions.index("idle_lock")


def test_lock_hides_open_record_windows_and_unlock_brings_them_back(qtbot, admin: Desk) -> None:
    saved = admin.agreements.create(
        {
            "reference": "MOU-USA-GBR-2024-01",
            "title": "Staff college seats",
            "kind": "memorandum_of_understanding",
            "parties": "USA GBR",
        }
    )
    window = open_window(qtbot, admin)
    assert window.open_form("agreement", saved.record.id)
    record_window = window.navigation.record_windows[-1]
    qtbot.waitUntil(record_window.isVisible)
    window.lock()
    assert not record_window.isVisible()
    qtbot.keyClicks(window.idle_lock.page.password, PASSWORD)
    qtbot.keyClick(window.idle_lock.page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked)
    assert not window.locked and record_window.isVisible()


def test_closing_a_record_window_with_unsaved_edits_asks_first(
    qtbot, admin: Desk, monkeypatch
) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    saved = admin.agreements.create(
        {
            "reference": "MOU-USA-GBR-2024-02",
            "title": "Billets",
            "kind": "memorandum_of_understanding",
            "parties": "USA GBR",
        }
    )
    window = open_window(qtbot, admin)
    window.open_form("agreement", saved.record.id)
    record_window = window.navigation.record_windows[-1]
    qtbot.waitUntil(record_window.isVisible)
    monkeypatch.setattr(record_window.form, "has_unsaved_changes", lambda: True)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Cancel
    )
    record_window.close()
    assert record_window.isVisible()
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )
    record_window.close()
    assert not record_window.isVisible()


def test_person_page_shows_their_exchanges_and_hides_what_the_user_may_not_see(
    qtbot, admin: Desk, make_user
) -> None:
    person = admin.people.create(
        {
            "family_name": "Kowalska",
            "given_names": "Ewa",
            "nation_code": "POL",
            "classification": "U",
            "releasable_to": "NATO",
        }
    ).record
    for title, release in (("Open course", "NATO"), ("Closed course", "NOFORN")):
        exchange = admin.exchanges.create(
            {
                "title": title,
                "kind": "course_seat",
                "host_nation": "USA",
                "start_date": "2026-05-04",
                "end_date": "2026-05-22",
                "releasable_to": release,
            }
        ).record
        admin.participations.create({"exchange": exchange.id, "person": person.id})
    gbr = make_user("gbr", nation="GBR", clearance="TS")
    window = open_window(qtbot, gbr)
    window.navigation.sidebar.setCurrentRow(window.navigation.page_keys.index("people"))
    open_person(qtbot, window, person.id)
    related = window.page("people").related
    qtbot.waitUntil(lambda: not related.loading)  # read off the GUI thread
    assert related.exchanges.rowCount() == 1
    assert related.exchanges.row(0).exchange_id != 0 and related.tabText(0) == "Exchanges (1)"
    assert "Open course" in related.exchanges.data(related.exchanges.index(0, 1))
    assert "NOFORN" not in window.top_banner.text()


def test_new_on_the_exchanges_page_opens_an_empty_exchange_form(qtbot, admin: Desk) -> None:
    window = open_window(qtbot, admin)
    window.navigation.sidebar.setCurrentRow(window.navigation.page_keys.index("exchanges"))
    before = len(window.navigation.record_windows)
    window.new_record()
    assert len(window.navigation.record_windows) == before + 1
    assert window.navigation.record_windows[-1].form.record_id is None


# --- the lazy model --------------------------------------------------------------------------


def test_table_model_passes_qtmodeltester_and_pages_lazily(
    qtbot, qtmodeltester, admin: Desk
) -> None:
    for n in range(130):
        admin.people.create(
            {"family_name": f"Person{n:03d}", "nation_code": "USA" if n % 2 else "GBR"},
            label=Label((0, 2, 3)[n % 3], Release.NOFORN if n % 3 else Release.ALL),
        )
    model = RecordTableModel(
        admin.people, COLUMNS["people"], admin.portion_mark, page_size=25, max_pages=3
    )
    model.refresh()
    assert model.rowCount() == 0  # counted and fetched in the background, never in refresh()
    qtbot.waitUntil(lambda: model.rowCount() == 130 and not model.loading())
    assert model.cached_pages() == [0]  # the first page comes with the count
    assert model.index(60, 2).data() == "…"  # not cached yet: asked for, not fetched in data()
    qtbot.waitUntil(lambda: 2 in model.cached_pages())
    assert model.index(60, 2).data() == "PERSON060"
    assert model.index(60, 0).data(RecordTableModel.RecordRole) is not None
    assert model.index(129, 2).data() == "…"  # the last page, read backwards from the end
    qtbot.waitUntil(lambda: model.index(129, 2).data() == "PERSON129")
    for page in (0, 1, 3, 4):
        model.load_page(page)
    assert len(model.cached_pages()) == 3  # bounded LRU
    model.sort(2, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.index(0, 2).data() == "PERSON129")
    assert model.index(0, 1).data(RecordTableModel.SortRole) in (0, 2, 3)
    model.set_filters({"nation_code": "GBR"})
    qtbot.waitUntil(lambda: model.rowCount() == 65 and not model.loading())
    for page in range(3):
        model.load_page(page)
    qtmodeltester.check(model, force_py=True)
    model.set_filters(
        {}
    )  # the tester keeps checking through the background reset, insert and pages
    qtbot.waitUntil(lambda: model.rowCount() == 130 and not model.loading())
    qtbot.waitUntil(lambda: model.index(129, 2).data() == "PERSON000")


def test_dates_show_as_iso(qtbot, admin: Desk) -> None:
    from app.ui.columns import Column, cell_text

    assert cell_text(Column("Start", "start_date"), dt.date(2026, 3, 14)) == "2026-03-14"


# --- administration views --------------------------------------------------------------------


def test_sidebar_offers_users_and_audit_only_to_their_roles(qtbot, admin: Desk, make_user) -> None:  # noqa: ANN001
    assert {"users", "audit"} <= set(open_window(qtbot, admin).navigation.page_keys)
    coordinator = open_window(qtbot, make_user("cora"))
    assert (
        "users" not in coordinator.navigation.page_keys
        and "audit" not in coordinator.navigation.page_keys
    )
    auditor = open_window(qtbot, make_user("aude", role="auditor"))
    assert "audit" in auditor.navigation.page_keys and "users" not in auditor.navigation.page_keys


def test_users_view_creates_an_account(qtbot, admin: Desk) -> None:
    window = open_window(qtbot, admin)
    window.navigation.sidebar.setCurrentRow(window.navigation.page_keys.index("users"))
    view = window.page("users").view
    qtbot.keyClicks(view.username, "newbie")
    view.nation.set_value("GBR")
    view.role.setCurrentIndex(view.role.findData("viewer"))
    qtbot.keyClicks(view.password, PASSWORD)
    click(qtbot, view.create_button)
    qtbot.waitUntil(lambda: not view.operations.is_busy())
    assert admin.users.get("newbie").nation == "GBR"
    assert any(view.model.row(r).username == "newbie" for r in range(view.model.rowCount()))


def test_deadlines_page_opens_the_record_a_deadline_is_about(qtbot, admin: Desk) -> None:
    import datetime as dt

    soon = (dt.date.today() + dt.timedelta(days=20)).isoformat()
    saved = admin.people.create(
        {
            "family_name": "Expiring",
            "nation_code": "USA",
            "clearance_level": "2",
            "clearance_expiry": soon,
        }
    )
    window = open_window(qtbot, admin)
    window.navigation.sidebar.setCurrentRow(window.navigation.page_keys.index("deadlines"))
    view = window.page("deadlines").view
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    row = next(
        r for r in range(view.model.rowCount()) if view.model.row(r).record_id == saved.record.id
    )
    view.openRequested.emit("person", view.model.row(row).record_id)
    assert window.page("people").controller.record_id == saved.record.id


@pytest.mark.sqlite_only(reason="edits an audit row in the SQLite file")
def test_verify_trail_button_reports_intact_then_the_first_broken_link(qtbot, admin: Desk) -> None:

    window = open_window(qtbot, admin)
    window.navigation.sidebar.setCurrentRow(window.navigation.page_keys.index("audit"))
    view = window.page("audit").view
    assert (
        window.top_banner.text() == "TOP SECRET//NOFORN"
    )  # details may hold anything the admin may read
    click(qtbot, view.verify_button)
    qtbot.waitUntil(lambda: view.result.text().startswith("Trail intact"))
    qtbot.waitUntil(lambda: view.worker is None)
    # an insider with the file and its key: triggers dropped, a row edited
    connection = raw_connection(admin.db)
    connection.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    connection.execute("UPDATE audit_events SET username = 'mallory' WHERE id = 2")
    connection.commit()
    connection.close()
    click(qtbot, view.verify_button)
    qtbot.waitUntil(lambda: "BROKEN" in view.result.text())
    assert "event 2" in view.result.text()


def test_launch_reports_a_damaged_recent_database_in_the_first_run_dialog(
    qtbot, tmp_path: Path, monkeypatch
) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QDialog

    from app.ui import launch
    from app.ui.settings import remember_database

    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"not a database at all" * 100)
    settings = app_settings()
    remember_database(settings, str(damaged))
    shown: list[str] = []

    def fake_exec(dialog: FirstRunDialog) -> int:
        shown.append(dialog.problem.text())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(FirstRunDialog, "exec", fake_exec)
    assert launch.choose_database(settings) is None
    assert shown and "damaged.sqlite" in shown[0] and "untouched" in shown[0]
    assert damaged.read_bytes() == b"not a database at all" * 100


def test_enter_opens_a_record_and_unsaved_changes_are_asked_about(qtbot, admin: Desk) -> None:
    first = admin.people.create({"family_name": "Able", "nation_code": "USA"}).record
    admin.people.create({"family_name": "Baker", "nation_code": "USA"})
    window = open_window(qtbot, admin)
    view = window.navigation.lists["people"]
    qtbot.waitUntil(lambda: view.model.record_id(0) is not None)
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 2))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.page("people").controller.loading)
    assert window.page("people").controller.record_id == first.id
    qtbot.keyClicks(window.page("people").form.editors["unit"].widget, "edited")
    asked: list[str] = []
    window.page("people").controller.confirm = lambda text: asked.append(text) or "cancel"
    view.table.setCurrentIndex(view.model.index(1, 2))
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert (
        asked and window.page("people").controller.record_id == first.id
    )  # cancelled: still on the edited record
    assert window.page("people").form.editors["unit"].widget.text() == "edited"
    window.page("people").controller.confirm = lambda _text: "save"
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.page("people").controller.record_id != first.id)
    assert admin.people.get(first.id)[0].unit == "edited"


def test_window_layout_is_remembered(qtbot, admin: Desk) -> None:
    window = open_window(qtbot, admin)
    header = window.navigation.lists["people"].table.horizontalHeader()
    header.resizeSection(3, 211)
    window.main_splitter.setSizes([150, 1000])
    window.close()
    again = open_window(qtbot, admin)
    assert again.navigation.lists["people"].table.horizontalHeader().sectionSize(3) == 211
    assert abs(again.main_splitter.sizes()[0] - window.main_splitter.sizes()[0]) <= 2


def test_a_downgrade_asks_for_a_reason_that_reaches_the_audit_trail(qtbot, admin: Desk) -> None:
    person = admin.people.create(
        {"family_name": "Lowered", "nation_code": "USA"}, label=Label(3, Release.NOFORN)
    ).record
    window = open_window(qtbot, admin)
    open_person(qtbot, window, person.id)
    editor = window.page("people").form.label_editor
    editor.level.setCurrentIndex(2)
    window.page("people").controller.ask_reason = lambda _title, _change: (
        None
    )  # cancelled: nothing saved
    assert not save_with(
        qtbot, window.page("people").controller, window.page("people").form.save_button
    )
    assert (
        admin.people.get(person.id)[1].level == 3
        and "reason" in window.page("people").form.message.text()
    )
    window.page("people").controller.ask_reason = lambda _title, change: (
        "declassified by review" if "CONFIDENTIAL" in change else None
    )
    assert save_with(
        qtbot, window.page("people").controller, window.page("people").form.save_button
    )
    assert admin.people.get(person.id)[1].level == 2
    assert admin.audit.list(action="downgrade")[0].details["reason"] == "declassified by review"


def test_a_reset_password_must_be_changed(qtbot, admin: Desk, make_user) -> None:  # noqa: ANN001
    from app.services.session import must_change_password
    from app.ui.login import ChangePasswordDialog

    user = make_user("reset.me")
    admin.users.reset_password("reset.me", "temporary password 1")
    assert must_change_password(user)
    dialog = ChangePasswordDialog(user, required=True)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password, "my own new passphrase")
    qtbot.keyClicks(dialog.confirm, "my own new passphrasf")
    dialog.buttons.accepted.emit()
    assert "differ" in dialog.message.text() and must_change_password(user)
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, "my own new passphrase")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.operations.is_busy())  # stored off the GUI thread
    assert not must_change_password(user)
    window = open_window(qtbot, admin)
    assert window.commands.save_action.toolTip().startswith("Save the record (")
    assert window.commands.password_action.toolTip() == "Change password"


def test_a_participant_opens_in_its_own_form_and_saves_travel_details(qtbot, admin: Desk) -> None:
    person = admin.people.create(
        {"family_name": "Novak", "given_names": "Petra", "nation_code": "CZE"}
    ).record
    exchange = admin.exchanges.create(
        {
            "title": "Staff course",
            "kind": "course_seat",
            "host_nation": "USA",
            "start_date": "2026-05-04",
            "end_date": "2026-05-22",
        }
    ).record
    participation = admin.participations.create(
        {"exchange": exchange.id, "person": person.id}
    ).record
    window = open_window(qtbot, admin)
    window.open_form("exchange", exchange.id)
    exchange_window = window.navigation.record_windows[-1]
    panel = exchange_window.form.participants
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    panel.openRequested.emit("participation", panel.model.row(0).id)
    form = window.navigation.record_windows[-1].form
    assert form.record_id == participation.id
    qtbot.waitUntil(lambda: not form.controller.loading)
    form.editors["arrival_date"].set(__import__("datetime").date(2026, 5, 3))
    with qtbot.waitSignal(form.save_finished) as finished:
        assert form.save()
    assert finished.args == [True]
    assert admin.participations.get(participation.id)[0].arrival_date.isoformat() == "2026-05-03"


def test_opening_the_window_moves_lapsed_agreements_to_expired(qtbot, admin: Desk) -> None:
    import datetime as dt

    saved = admin.agreements.create(
        {
            "reference": "TA-USA-NOR-2019-03",
            "title": "Winter training",
            "parties": "USA NOR",
            "kind": "technical_arrangement",
            "status": "in_force",
            "effective_date": "2019-01-01",
            "expiry_date": (dt.date.today() - dt.timedelta(days=3)).isoformat(),
        }
    )
    window = open_window(qtbot, admin)
    assert admin.agreements.get(saved.record.id)[0].status == "expired"
    assert "TA-USA-NOR-2019-03" in window.statusBar().currentMessage()
    assert (
        admin.audit.list(action="status_change", kind="agreement", limit=1)[0].record_id
        == saved.record.id
    )
