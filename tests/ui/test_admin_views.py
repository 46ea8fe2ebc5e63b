"""Administration views: users, audit trail (filters, details, verification), who can see a
record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.ui.admin.audit_view import AuditView
from app.ui.admin.users_view import UsersView
from app.ui.admin.who_can_see import WhoCanSeeDialog
from tests.helpers.files import raw_connection
from tests.helpers.gui import click, settle

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
NEW_PASSWORD = "another long passphrase 42"


def select_user(view: UsersView, username: str) -> None:
    """Select an account's row as a click would."""
    row = next(r for r in range(view.model.rowCount()) if view.model.row(r).username == username)
    view.table.setCurrentIndex(view.model.index(row, 0))


def test_users_view_create_edit_and_account_actions(qtbot, admin: Desk, qtmodeltester) -> None:
    """Create an account (a bad password shown beside its field), edit it, reset, deactivate,
    reactivate."""
    admin.users.create_ntk_group("AUKUS")
    view = UsersView(admin)
    qtbot.addWidget(view)
    view.show()
    settle(qtbot, view)
    qtmodeltester.check(view.model)
    qtbot.keyClicks(view.username, "lena")
    qtbot.keyClicks(view.display_name, "Lena Berg")
    qtbot.keyClicks(view.password, "short")
    view.nation.set_value("SWE")
    click(qtbot, view.create_button)
    settle(qtbot, view)
    assert view.errors["password"].isVisible()
    assert view.username.text() == "lena"
    qtbot.keyClicks(view.password, " but now long enough 123")
    click(qtbot, view.create_button)
    settle(qtbot, view)
    assert "created" in view.message.text()
    user = admin.users.get("lena")
    assert (user.nation, user.role, user.must_change_password) == ("SWE", "coordinator", True)

    select_user(view, "lena")
    assert view.username.isReadOnly() and view.display_name.text() == "Lena Berg"
    view.role.setCurrentIndex(view.role.findData("viewer"))
    view.clearance.setCurrentIndex(2)
    view.groups.set_checked(["AUKUS"])
    click(qtbot, view.update_button)
    settle(qtbot, view)
    user = admin.users.get("lena")
    assert (user.role, user.clearance, user.groups) == ("viewer", 2, ("AUKUS",))

    view.ask_password = lambda _name: NEW_PASSWORD
    click(qtbot, view.reset_button)
    settle(qtbot, view)
    assert "new password" in view.message.text()
    click(qtbot, view.unlock_button)
    settle(qtbot, view)
    assert "unlocked" in view.message.text()
    click(qtbot, view.deactivate_button)
    settle(qtbot, view)
    assert not admin.users.get("lena").active
    assert view.model.index(view.table.currentIndex().row(), 6).data() == "deactivated"
    click(qtbot, view.reactivate_button)
    settle(qtbot, view)
    assert admin.users.get("lena").active

    select_user(view, "admin")
    click(qtbot, view.deactivate_button)
    settle(qtbot, view)
    assert "Not done" in view.message.text() and admin.users.get("admin").active


def test_users_view_groups(qtbot, admin: Desk) -> None:
    """A need-to-know group and a nation group are created through the view."""
    view = UsersView(admin)
    qtbot.addWidget(view)
    settle(qtbot, view)
    qtbot.keyClicks(view.new_group, "BALTOPS")
    click(qtbot, view.add_group_button)
    settle(qtbot, view)
    assert "BALTOPS" in admin.users.ntk_groups()
    assert view.groups.list.count() == len(admin.users.ntk_groups())
    view.nation_group.setEditText("NORDIC")
    view.nation_group_name.setText("Nordic states")
    view.nation_group_members.set_checked(["DNK", "FIN", "ISL", "NOR", "SWE"])
    click(qtbot, view.save_nation_group_button)
    settle(qtbot, view)
    assert "saved" in view.message.text(), view.message.text()
    name, members = admin.users.nation_groups()["NORDIC"]
    assert name == "Nordic states" and sorted(members) == ["DNK", "FIN", "ISL", "NOR", "SWE"]


def test_users_view_refused_for_coordinator(qtbot, make_user) -> None:
    """The service refuses a coordinator; the view says so and lists nobody."""
    desk = make_user("colin")
    view = UsersView(desk)
    qtbot.addWidget(view)
    settle(qtbot, view)
    assert view.model.rowCount() == 0
    assert view.message.isVisibleTo(view) and view.message.text()


def test_audit_view_filters_and_details(qtbot, admin: Desk, make_user, qtmodeltester) -> None:
    """Filtering by user and action; an event's before/after shown."""
    make_user("dana")
    record = admin.people.create({"family_name": "Ito", "nation_code": "JPN"}).record
    admin.people.update(record.id, {"unit": "JGSDF 1st Airborne"})
    view = AuditView(admin)
    qtbot.addWidget(view)
    settle(qtbot, view)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == admin.audit.count()
    view.action.setCurrentText("update")
    click(qtbot, view.apply_button)
    settle(qtbot, view)
    assert view.model.rowCount() == 1
    view.table.setCurrentIndex(view.model.index(0, 0))
    assert view.details.toPlainText().splitlines()[0] == "Unit: (empty) → JGSDF 1st Airborne"
    assert "{" not in view.details.toPlainText()  # words, not JSON
    view.action.setCurrentIndex(0)
    qtbot.keyClicks(view.user, "nobody")
    qtbot.keyClick(view.user, Qt.Key.Key_Return)
    settle(qtbot, view)
    assert view.model.rowCount() == 0
    view.user.clear()
    view.record.setText(str(record.id))
    view.kind.setCurrentText("person")
    click(qtbot, view.apply_button)
    settle(qtbot, view)
    assert {view.model.row(r).action for r in range(view.model.rowCount())} == {"create", "update"}


@pytest.mark.sqlite_only(reason="edits an audit row in the SQLite file")
def test_audit_verify_intact_then_first_broken_link(qtbot, admin: Desk) -> None:
    """Verify reports an intact trail; after a row is edited in the file it names the first broken
    link."""
    admin.people.create({"family_name": "Ito", "nation_code": "JPN"})
    view = AuditView(admin)
    qtbot.addWidget(view)
    click(qtbot, view.verify_button)
    qtbot.waitUntil(lambda: view.worker is None, timeout=10000)
    assert "intact" in view.result.text()
    connection = raw_connection(admin.db)
    connection.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
    connection.execute("UPDATE audit_events SET username = 'mallory' WHERE id = 2")
    connection.commit()
    connection.close()
    click(qtbot, view.verify_button)
    qtbot.waitUntil(lambda: "BROKEN" in view.result.text(), timeout=10000)
    assert "First broken link: event 2" in view.result.text()
    qtbot.waitUntil(lambda: view.worker is None, timeout=10000)


def test_who_can_see_dialog(qtbot, admin: Desk, make_user, qtmodeltester) -> None:
    """The users a NOFORN SECRET label admits: cleared owning-nation users only."""
    make_user("sam", clearance="S", nation="USA")
    make_user("carl", clearance="C", nation="USA")
    make_user("gwen", clearance="TS", nation="GBR")
    dialog = WhoCanSeeDialog(
        admin, Label(admin.db.scheme.parse("S"), Release.NOFORN), "EX-2026-0001 Staff talks"
    )
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    names = {dialog.model.row(r).username for r in range(dialog.model.rowCount())}
    assert names == {"admin", "sam"}
    assert "2 active users" in dialog.summary.text()
    qtmodeltester.check(dialog.model)


def test_audit_details_read_as_words() -> None:
    from app.ui.admin.audit_view import readable_details

    assert readable_details({"after": {"family_name": "Ito", "nation_code": "JPN"}}) == (
        "Family name: Ito\nNation code: JPN"
    )
    assert readable_details({"before": "UNCLASSIFIED", "after": "SECRET", "reason": "new"}) == (
        "UNCLASSIFIED → SECRET\nReason: new"
    )
    assert readable_details({"file": "a.csv", "rows": 3, "all_or_nothing": False}) == (
        "File: a.csv\nRows: 3\nAll or nothing: no"
    )
    assert readable_details({}) == "No details."


def test_widening_a_nation_group_shows_its_impact_and_asks_a_reason(qtbot, admin: Desk) -> None:
    """Adding a nation to a group releases its records to that nation: the view shows what
    would be released, saves only with a reason, and Cancel changes nothing (issue 14, item 10)."""
    admin.users.save_nation_group("BALTIC", "Baltic exercise", ["EST", "LVA"])
    admin.people.create(
        {"family_name": "Tamm", "nation_code": "USA"},
        label=Label(3, Release.REL, frozenset({"BALTIC"})),
    )
    view = UsersView(admin)
    qtbot.addWidget(view)
    settle(qtbot, view)
    asked: list[str] = []
    view.ask_reason = lambda text: asked.append(text) or None  # Cancel
    view.nation_group.setEditText("BALTIC")
    view.nation_group_members.set_checked(["EST", "LTU", "LVA"])
    click(qtbot, view.save_nation_group_button)
    settle(qtbot, view)
    assert (
        asked and "Adding LTU to BALTIC releases 1 record(s)" in asked[0] and "1 SECRET" in asked[0]
    )
    assert "not changed" in view.message.text()
    assert admin.users.nation_groups()["BALTIC"][1] == ["EST", "LVA"]
    view.ask_reason = lambda _text: "LTU joins the exercise"
    click(qtbot, view.save_nation_group_button)
    settle(qtbot, view)
    assert "saved" in view.message.text(), view.message.text()
    assert admin.users.nation_groups()["BALTIC"][1] == ["EST", "LTU", "LVA"]
    assert admin.audit.list(action="nation_group_save")[0].details["reason"] == (
        "LTU joins the exercise"
    )
