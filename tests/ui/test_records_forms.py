"""Record forms of agreements, liaison assignments, attachments and the deadlines view, through
qtbot."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.ui.deadlines_view import DeadlinesView
from app.ui.records.agreement_form import AgreementForm
from app.ui.records.collection_editor import CollectionModel
from app.ui.records.liaison_form import LiaisonForm
from app.ui.records.tables import RowsModel
from tests.helpers.gui import click, click_and_wait, save_with

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

TODAY = dt.date.today()


def agreement(admin: Desk, **values: object) -> int:
    """An agreement between USA and GBR, through the service."""
    base = {
        "title": "Pilot training MoU",
        "kind": "memorandum_of_understanding",
        "parties": ["USA", "GBR"],
        "expiry_date": TODAY + dt.timedelta(days=900),
    }
    return admin.agreements.create({**base, **values}).record.id


def person(admin: Desk, family: str = "Smith", nation: str = "GBR", **values: object) -> str:
    """A person's reference."""
    return admin.people.create(
        {"family_name": family, "given_names": "Jo", "nation_code": nation, **values}
    ).record.reference


def form(qtbot, cls, desk: Desk, record_id: int | None):  # noqa: ANN001, ANN201
    """A shown form of a record, once the record and its panels are read (off the GUI thread)."""
    widget = cls(desk, record_id)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: not widget.controller.loading and not widget.operations.is_busy())
    return widget


def test_agreement_create_through_form_keeps_typed_data_on_error(qtbot, admin: Desk) -> None:
    """A missing title is shown beside the field, what was typed stays; fixed, it saves."""
    widget = form(qtbot, AgreementForm, admin, None)
    labels = []
    widget.label_changed.connect(labels.append)
    kind = widget.editors["kind"].widget
    kind.setCurrentIndex(kind.findData("memorandum_of_understanding"))
    qtbot.keyClicks(widget.editors["notice_period_days"].widget, "60")
    assert not save_with(qtbot, widget, widget.save_button)
    assert widget.editors["title"].error.isVisible()
    assert "required" in widget.editors["title"].error.text()
    assert widget.editors["notice_period_days"].widget.text() == "60"
    assert widget.has_unsaved_changes()
    assert admin.agreements.count() == 0
    qtbot.keyClicks(widget.editors["title"].widget, "Naval cadet exchange")
    widget.editors["parties"].set(["USA", "FRA"])
    # RESTRICTED is not a US level (issue 14, item 5): not offered under this US owner
    restricted = widget.label_editor.level.model().item(1)
    assert not restricted.isEnabled() and "not a US classification level" in restricted.toolTip()
    widget.label_editor.level.setCurrentIndex(2)
    click(qtbot, widget.label_editor.noforn)
    assert labels and labels[-1].level == 2
    with qtbot.waitSignal(widget.saved) as saved:
        click(qtbot, widget.save_button)
    record, label = admin.agreements.get(saved.args[0])
    assert (
        record.title == "Naval cadet exchange"
        and record.notice_period_days == 60
        and (label.level, label.release) == (2, Release.NOFORN)
    )
    assert not widget.has_unsaved_changes()
    assert "Saved." in widget.message.text()


def type_secret_agreement(qtbot, widget: AgreementForm, title: str) -> None:  # noqa: ANN001
    """Type a SECRET//NOFORN memorandum between USA and GBR into an agreement form."""
    kind = widget.editors["kind"].widget
    kind.setCurrentIndex(kind.findData("memorandum_of_understanding"))
    qtbot.keyClicks(widget.editors["title"].widget, title)
    widget.editors["parties"].set(["USA", "GBR"])
    widget.label_editor.level.setCurrentIndex(3)
    click(qtbot, widget.label_editor.noforn)


def test_the_declassification_date_is_typed_beside_the_label(qtbot, admin: Desk) -> None:
    """Issue 14, item 8: "Declassify on" sits in the Classification box; a date too far away is
    refused beside it with what was typed kept; a good one is stored and shown again."""
    widget = form(qtbot, AgreementForm, admin, None)
    editor = widget.editors["declassify_on"]
    assert editor.widget.accessibleName() == "Declassify on"
    assert widget.label_box.isAncestorOf(editor.widget)
    type_secret_agreement(qtbot, widget, "Staff talks")
    qtbot.keyClicks(editor.widget.edit, "2099-01-01")
    assert not save_with(qtbot, widget, widget.save_button)
    assert "25 years" in editor.error.text() and editor.widget.edit.text() == "2099-01-01"
    assert admin.agreements.count() == 0
    day = dt.date.today() + dt.timedelta(days=3650)
    editor.widget.edit.clear()
    qtbot.keyClicks(editor.widget.edit, day.isoformat())
    with qtbot.waitSignal(widget.saved) as saved:
        click(qtbot, widget.save_button)
    record, _label = admin.agreements.get(saved.args[0])
    assert record.declassify_on == day
    reopened = form(qtbot, AgreementForm, admin, record.id)
    assert reopened.editors["declassify_on"].get() == day


def test_a_declassification_event_is_typed_instead_of_a_date(qtbot, admin: Desk) -> None:
    """Issue 14, item 8: "Declassify on event" sits under the date; an event beside a date is
    refused beside the event with both kept; the event alone is stored and shown again."""
    widget = form(qtbot, AgreementForm, admin, None)
    date, event = widget.editors["declassify_on"], widget.editors["declassify_event"]
    assert event.widget.accessibleName() == "Declassify on event"
    assert widget.label_box.isAncestorOf(event.widget)
    type_secret_agreement(qtbot, widget, "Jupiter talks")
    day = (dt.date.today() + dt.timedelta(days=700)).isoformat()
    qtbot.keyClicks(date.widget.edit, day)
    qtbot.keyClicks(event.widget, "Completion of Exercise Steadfast Jupiter")
    assert not save_with(qtbot, widget, widget.save_button)
    assert "not both" in event.error.text()
    assert date.widget.edit.text() == day
    assert event.widget.text() == "Completion of Exercise Steadfast Jupiter"
    assert admin.agreements.count() == 0
    date.widget.edit.clear()
    with qtbot.waitSignal(widget.saved) as saved:
        click(qtbot, widget.save_button)
    record, _label = admin.agreements.get(saved.args[0])
    assert (record.declassify_on, record.declassify_event) == (
        None,
        "Completion of Exercise Steadfast Jupiter",
    )
    reopened = form(qtbot, AgreementForm, admin, record.id)
    assert reopened.editors["declassify_event"].get() == "Completion of Exercise Steadfast Jupiter"


def test_an_exemption_is_chosen_beside_the_date(qtbot, admin: Desk) -> None:
    """Issue 14, item 8: "Declassification exemption" sits under the event; a date 40 years
    away is refused without one and taken with 25X1; 50X1-HUM beside a date is refused beside
    the date; what was typed stays, and the stored exemption is shown again."""
    from app.domain.declassification import years_after

    widget = form(qtbot, AgreementForm, admin, None)
    date, exemption = widget.editors["declassify_on"], widget.editors["declassify_exemption"]
    combo = exemption.widget
    assert combo.accessibleName() == "Declassification exemption"
    assert widget.label_box.isAncestorOf(combo)
    assert [combo.itemText(i) for i in range(combo.count())][:3] == [
        "None (25 years)",
        "25X1",
        "25X2",
    ]
    type_secret_agreement(qtbot, widget, "Source talks")
    far = years_after(dt.date.today(), 40).isoformat()
    qtbot.keyClicks(date.widget.edit, far)
    assert not save_with(qtbot, widget, widget.save_button)
    assert "25 years" in date.error.text()
    combo.setCurrentIndex(combo.findText("50X1-HUM"))
    assert not save_with(qtbot, widget, widget.save_button)
    assert "takes no date" in date.error.text() and date.widget.edit.text() == far
    combo.setCurrentIndex(combo.findText("25X1"))
    with qtbot.waitSignal(widget.saved) as saved:
        click(qtbot, widget.save_button)
    record, _label = admin.agreements.get(saved.args[0])
    assert (record.declassify_on.isoformat(), record.declassify_exemption) == (far, "25x1")
    reopened = form(qtbot, AgreementForm, admin, record.id)
    assert reopened.editors["declassify_exemption"].widget.currentText() == "25X1"


def test_agreement_quotas_and_quota_use(qtbot, admin: Desk, qtmodeltester) -> None:
    """Quota rows typed in the table are saved through the service and shown against use."""
    widget = form(qtbot, AgreementForm, admin, agreement(admin))
    click(qtbot, widget.quotas.add_button)
    model = widget.quotas.model
    for column, text in enumerate(["2026", "sent", "pilots", "3"]):
        model.setData(model.index(0, column), text)
    click(qtbot, widget.quotas.add_button)
    for column, text in enumerate(["2026", "sideways", "", "x"]):
        model.setData(model.index(1, column), text)
    assert not save_with(qtbot, widget, widget.quotas.save_button)
    assert widget.quotas.error.isVisible() and "sideways" in widget.quotas.error.text()
    assert admin.agreements.quota_use(widget.record_id).lines == []
    widget.quotas.table.setCurrentIndex(model.index(1, 0))
    click(qtbot, widget.quotas.remove_button)
    assert save_with(qtbot, widget, widget.quotas.save_button)
    assert "Quotas saved" in widget.message.text()
    qtbot.waitUntil(lambda: widget.use_model.rowCount() == 1)  # read again off the GUI thread
    texts = [widget.use_model.index(0, c).data() for c in range(widget.use_model.columnCount())]
    assert texts == ["2026", "Sent", "pilots", "3", "0", "3"]
    qtmodeltester.check(widget.use_model)
    qtmodeltester.check(model)


def test_agreement_signatories_and_termination_needs_reason(qtbot, admin: Desk) -> None:
    """Signatories saved; the status buttons offer only allowed moves; terminating asks a reason."""
    widget = form(qtbot, AgreementForm, admin, agreement(admin))
    click(qtbot, widget.signatories.add_button)
    model = widget.signatories.model
    for column, text in enumerate(["Adm. Jane Roe", "Chief of Naval Staff", "GBR", "2026-01-15"]):
        model.setData(model.index(0, column), text)
    assert save_with(qtbot, widget, widget.signatories.save_button)
    assert [s.name for s in admin.agreements.get(widget.record_id)[0].signatories] == [
        "Adm. Jane Roe"
    ]
    names = {
        widget.status_buttons.itemAt(i).widget().objectName()
        for i in range(widget.status_buttons.count())
    }
    assert names == {"status-in_negotiation", "status-terminated"}
    widget.ask_reason = lambda _title, _prompt: None
    assert not widget.change_status("terminated")
    assert admin.agreements.get(widget.record_id)[0].status == "draft"
    widget.ask_reason = lambda _title, _prompt: "superseded by the 2027 agreement"
    with qtbot.waitSignal(widget.save_finished):
        assert widget.change_status("terminated")
    assert admin.agreements.get(widget.record_id)[0].status == "terminated"
    assert widget.status_buttons.count() == 0


def test_viewer_save_is_refused_by_the_service(qtbot, admin: Desk, make_user) -> None:
    """A viewer may open an agreement; the service refuses the save and the form says so."""
    record_id = agreement(admin)
    viewer = make_user("vera", role="viewer")
    widget = form(qtbot, AgreementForm, viewer, record_id)
    title = widget.editors["title"].widget
    assert title.isReadOnly() and not widget.save_button.isEnabled()  # a courtesy only
    title.setReadOnly(False)  # as if the form were tampered with
    widget.save_button.setEnabled(True)
    title.selectAll()
    qtbot.keyClicks(title, "Changed by a viewer")
    assert not save_with(qtbot, widget, widget.save_button)
    assert "Not saved" in widget.message.text() and "Not allowed" in widget.message.text()
    assert title.text() == "Changed by a viewer"
    assert admin.agreements.get(record_id)[0].title == "Pilot training MoU"


def test_hidden_agreement_is_not_found(qtbot, admin: Desk, make_user) -> None:
    """A record above the user's clearance is reported as not found, its fields stay empty."""
    record_id = admin.agreements.create(
        {"title": "Secret annex", "kind": "memorandum_of_understanding", "parties": ["USA", "GBR"]},
        label=Label(3, Release.NOFORN),
    ).record.id
    low = make_user("cora", clearance="C")
    widget = form(qtbot, AgreementForm, low, record_id)
    assert "Not found" in widget.message.text()
    assert widget.editors["title"].widget.text() == ""


def test_liaison_form_and_contact_log_entry(qtbot, admin: Desk, qtmodeltester) -> None:
    """An assignment created through its form; a contact-log entry added, then its follow-up
    done."""
    reference = person(admin, "Okafor", "GBR")
    widget = form(qtbot, LiaisonForm, admin, None)
    widget.editors["person"].set(reference)
    widget.editors["kind"].widget.setCurrentIndex(1)
    widget.editors["host_nation"].set("USA")
    widget.editors["start_date"].set(TODAY - dt.timedelta(days=30))
    widget.editors["end_date"].set(TODAY - dt.timedelta(days=60))
    assert not save_with(qtbot, widget, widget.save_button)
    assert "before the tour start" in widget.editors["end_date"].error.text()
    widget.editors["end_date"].set(TODAY + dt.timedelta(days=700))
    widget.editors["disclosure_level"].set(2)
    with qtbot.waitSignal(widget.saved):
        click(qtbot, widget.save_button)
    assert admin.liaison.get(widget.record_id)[0].disclosure_level == 2
    assert not widget.has_unsaved_changes()
    assert widget.editors["disclosure_level"].widget.currentText() == admin.db.scheme.names[2]
    log = widget.contact_log
    assert log.isEnabled()
    assert not click_and_wait(qtbot, log.save_button, log.written)  # no subject
    assert "required" in log.errors["subject"].text().lower()
    qtbot.keyClicks(log.subject, "Port visit planning")
    qtbot.keyClicks(log.counterparts, "Cdr Hale")
    log.follow_up_due.set_value(TODAY + dt.timedelta(days=7))
    assert click_and_wait(qtbot, log.save_button, log.written)
    assert "Entry saved" in log.message.text()
    qtbot.waitUntil(lambda: log.model.rowCount() == 1)  # the log is read again off the GUI thread
    entries = admin.contact_log.for_assignment(widget.record_id).records
    assert [(e.subject, e.follow_up_done) for e in entries] == [("Port visit planning", False)]
    log.table.setCurrentIndex(log.model.index(0, 1))
    assert log.subject.text() == "Port visit planning"
    qtbot.keyClick(log.follow_up_done, Qt.Key.Key_Space)
    assert log.follow_up_done.isChecked()
    assert click_and_wait(qtbot, log.save_button, log.written)
    assert "Entry saved" in log.message.text(), log.message.text()
    assert admin.contact_log.for_assignment(widget.record_id).records[0].follow_up_done
    qtmodeltester.check(log.model)


def test_attachments_panel_add_save_delete(
    qtbot, admin: Desk, tmp_path: Path, qtmodeltester
) -> None:
    """A file attached with its own label, saved as a copy, then deleted."""
    widget = form(qtbot, AgreementForm, admin, agreement(admin))
    panel = widget.attachments
    source = tmp_path / "signed-copy.pdf"
    source.write_bytes(b"%PDF-1.4 demo")
    panel.choose_file = lambda: str(source)
    chosen = Label(2, Release.REL, frozenset({"GBR", "USA"}))
    panel.choose_label = lambda _name, _label: chosen
    click(qtbot, panel.add_button)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)  # the list is read off the GUI thread
    assert (
        panel.model.index(0, 0).data() == admin.portion_mark(chosen) != admin.portion_mark(Label())
    )
    assert panel.model.index(0, 1).data() == "signed-copy.pdf"
    qtmodeltester.check(panel.model)
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    target = tmp_path / "copy.pdf"
    panel.choose_save_path = lambda _name: str(target)
    assert click_and_wait(qtbot, panel.save_button, panel.ended)
    assert target.read_bytes() == b"%PDF-1.4 demo"
    assert f"Saved a copy as {target}" in panel.message.text()
    panel.confirm = lambda _text: True
    assert click_and_wait(qtbot, panel.delete_button, panel.ended)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert admin.attachments.for_record("agreement", widget.record_id).records == []


def test_deadlines_view_sorted_overdue_marked(qtbot, admin: Desk, qtmodeltester) -> None:
    """Deadlines come sorted by due date; an overdue row is bold; the lead time narrows the list."""
    person(admin, "Late", clearance_level=1, clearance_expiry=TODAY - dt.timedelta(days=3))
    person(admin, "Soon", clearance_level=1, clearance_expiry=TODAY + dt.timedelta(days=20))
    person(admin, "Later", clearance_level=1, clearance_expiry=TODAY + dt.timedelta(days=200))
    view = DeadlinesView(admin, lead_days=90)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    dues = [view.model.row(r).due for r in range(view.model.rowCount())]
    assert dues == sorted(dues) and len(dues) == 2
    assert view.model.index(0, 2).data().startswith("overdue")
    assert view.model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert view.model.index(1, 0).data(Qt.ItemDataRole.FontRole) is None
    view.lead.setValue(365)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    qtmodeltester.check(view.model)


def test_models_pass_the_model_tester(qtmodeltester) -> None:
    """The generic models on empty and filled rows."""
    rows = RowsModel([("A", lambda r: r[0]), ("B", lambda r: r[1])])
    qtmodeltester.check(rows)
    rows.set_rows([(1, "x"), (2, None)])
    qtmodeltester.check(rows)
    from app.services.agreements import QUOTA_FIELDS

    collection = CollectionModel(QUOTA_FIELDS)
    collection.add_row()
    qtmodeltester.check(collection)


def test_exchange_create_and_edit_through_form(qtbot, admin: Desk) -> None:
    """End before start is shown beside the end date, typed data kept; then saved and edited."""
    from app.ui.records.exchange_form import ExchangeForm

    agreement_id = agreement(admin)
    agreement_ref = admin.agreements.get(agreement_id)[0].reference
    widget = form(qtbot, ExchangeForm, admin, None)
    qtbot.keyClicks(widget.editors["title"].widget, "Cold Response 2027")
    kind = widget.editors["kind"].widget
    kind.setCurrentIndex(kind.findData("joint_exercise"))
    widget.editors["host_nation"].set("NOR")
    widget.editors["partner_nations"].set(["GBR", "USA"])
    widget.editors["domains"].set(["land", "maritime"])
    widget.editors["start_date"].set(TODAY + dt.timedelta(days=60))
    widget.editors["end_date"].set(TODAY + dt.timedelta(days=40))
    picker = widget.editors["agreement"].widget
    assert picker.findData(agreement_ref) < 0  # nothing read until the list is opened
    with qtbot.waitSignal(picker.loaded):
        picker.showPopup()
    picker.hidePopup()
    assert picker.findData(agreement_ref) > 0
    widget.editors["agreement"].set(agreement_ref)
    assert not save_with(qtbot, widget, widget.save_button)
    assert "before the start date" in widget.editors["end_date"].error.text()
    assert widget.editors["title"].widget.text() == "Cold Response 2027"
    assert admin.exchanges.count() == 0
    widget.editors["end_date"].set(TODAY + dt.timedelta(days=75))
    with qtbot.waitSignal(widget.saved) as saved:
        click(qtbot, widget.save_button)
    record = admin.exchanges.get(saved.args[0])[0]
    assert admin.exchanges.value_of(record, "partner_nations") == ["GBR", "USA"]
    assert admin.exchanges.value_of(record, "agreement") == agreement_ref
    location = widget.editors["location"].widget
    qtbot.keyClicks(location, "Bardufoss")
    assert widget.has_unsaved_changes()
    assert save_with(qtbot, widget, widget.save_button)
    assert admin.exchanges.get(record.id)[0].location == "Bardufoss"
    assert not widget.has_unsaved_changes()


def test_exchange_status_refused_and_allowed(qtbot, admin: Desk) -> None:
    """Only allowed moves are offered; a move the lifecycle forbids is refused; cancelling asks
    why."""
    from app.ui.records.exchange_form import ExchangeForm

    record_id = admin.exchanges.create(
        {
            "title": "Staff talks",
            "kind": "staff_visit",
            "host_nation": "GBR",
            "start_date": TODAY + dt.timedelta(days=10),
            "end_date": TODAY + dt.timedelta(days=12),
        }
    ).record.id
    widget = form(qtbot, ExchangeForm, admin, record_id)
    offered = {
        widget.status_buttons.itemAt(i).widget().objectName()
        for i in range(widget.status_buttons.count())
    }
    assert offered == {"status-planned", "status-cancelled"}
    with qtbot.waitSignal(widget.save_finished) as refused:
        widget.change_status("completed")
    assert refused.args == [False]
    assert "Status not changed" in widget.message.text() and "cannot move" in widget.message.text()
    assert save_with(qtbot, widget, widget.findChild(QPushButton, "status-planned"))
    assert admin.exchanges.get(record_id)[0].status == "planned"
    widget.ask_reason = lambda _title, _prompt: None
    click(qtbot, widget.findChild(QPushButton, "status-cancelled"))
    assert admin.exchanges.get(record_id)[0].status == "planned"
    widget.ask_reason = lambda _title, _prompt: "host withdrew"
    assert save_with(qtbot, widget, widget.findChild(QPushButton, "status-cancelled"))
    stored = admin.exchanges.get(record_id)[0]
    assert (stored.status, stored.cancel_reason) == ("cancelled", "host withdrew")
    assert "host withdrew" in widget.status_label.text()


def test_add_participant_shows_warning(qtbot, admin: Desk, qtmodeltester) -> None:
    """A person without a clearance added to a CONFIDENTIAL exchange: added, with the warning
    shown."""
    from app.ui.records.exchange_form import ExchangeForm

    person(admin, "Nakamura", "JPN")
    person(admin, "Okafor", "GBR")
    record_id = admin.exchanges.create(
        {
            "title": "Pacific seminar",
            "kind": "seminar",
            "host_nation": "USA",
            "start_date": TODAY + dt.timedelta(days=10),
            "end_date": TODAY + dt.timedelta(days=12),
        },
        label=Label(2, Release.REL, frozenset({"GBR", "JPN"})),
    ).record.id
    widget = form(qtbot, ExchangeForm, admin, record_id)
    assert not widget.has_unsaved_changes()
    panel = widget.participants
    qtbot.keyClicks(panel.search, "Nakam")
    click_and_wait(qtbot, panel.find_button, panel.found)  # the people read off the GUI thread
    assert panel.person.count() == 1 and "NAKAMURA" in panel.person.currentText().upper()
    assert click_and_wait(qtbot, panel.add_button, panel.written)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)  # the list is read off the GUI thread
    assert "no security clearance" in panel.message.text()
    participation = admin.participations.for_exchange(record_id).records[0]
    assert (
        participation.person_id
        == admin.people.find(admin.people.list({"text": "Nakamura"}).records[0].reference)[0].id
    )
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    qtbot.waitUntil(lambda: "no security clearance" in panel.warnings.text())  # asked off it
    assert panel.next_status.findData("approved") >= 0
    panel.next_status.setCurrentIndex(panel.next_status.findData("approved"))
    assert click_and_wait(qtbot, panel.status_button, panel.written)
    assert admin.participations.get(participation.id)[0].status == "approved"
    qtbot.waitUntil(lambda: not panel.loading)  # the roster is read again off the GUI thread
    assert panel.model.index(0, 3).data() == "Approved"
    qtmodeltester.check(panel.model)
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    panel.confirm = lambda _text: True
    assert click_and_wait(qtbot, panel.remove_button, panel.written)
    assert admin.participations.for_exchange(record_id).records == []
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)


def test_label_changed_carries_what_is_on_the_form(qtbot, admin: Desk) -> None:
    """An UNCLASSIFIED agreement listing a SECRET exchange signals a SECRET combined label."""
    agreement_id = agreement(admin)
    reference = admin.agreements.get(agreement_id)[0].reference
    admin.exchanges.create(
        {
            "title": "Deep talks",
            "kind": "staff_visit",
            "host_nation": "GBR",
            "agreement": reference,
            "start_date": TODAY + dt.timedelta(days=10),
            "end_date": TODAY + dt.timedelta(days=12),
        },
        label=Label(admin.db.scheme.parse("S"), Release.NOFORN),
    )
    widget = AgreementForm(admin, None)
    qtbot.addWidget(widget)
    shown = []
    widget.label_changed.connect(shown.append)
    widget.load(agreement_id)
    qtbot.waitUntil(lambda: widget.exchanges_model.rowCount() == 1)  # read off the GUI thread
    assert shown[-1].level == admin.db.scheme.parse("S") and shown[-1].release is Release.NOFORN
    assert widget.exchanges_model.rowCount() == 1


def test_form_undo_redo_and_revert(qtbot, admin: Desk) -> None:
    """Edits are undone and redone field by field; Revert goes back to the stored record."""
    widget = form(qtbot, AgreementForm, admin, agreement(admin))
    title = widget.editors["title"].widget
    title.selectAll()
    qtbot.keyClicks(title, "Renamed")
    widget.editors["notice_period_days"].widget.setText("30")
    widget.editors["notice_period_days"].widget.textEdited.emit("30")
    assert widget.has_unsaved_changes()
    widget.undo_stack.undo()
    assert widget.editors["notice_period_days"].widget.text() == ""
    while widget.undo_stack.canUndo():
        widget.undo_stack.undo()
    assert title.text() == "Pilot training MoU" and not widget.has_unsaved_changes()
    widget.undo_stack.redo()
    assert title.text() != "Pilot training MoU"
    assert click_and_wait(qtbot, widget.revert_button, widget.opened)  # read off the GUI thread
    assert title.text() == "Pilot training MoU" and not widget.has_unsaved_changes()


def test_foreign_user_sees_no_noforn_rows_in_related_panels(
    qtbot, admin: Desk, make_user, tmp_path: Path
) -> None:
    """A GBR coordinator opening a REL GBR agreement sees neither its NOFORN exchange nor its
    NOFORN file."""
    rel_gbr = Label(2, Release.REL, frozenset({"GBR"}))
    agreement_id = admin.agreements.create(
        {
            "title": "Staff college seats",
            "kind": "memorandum_of_understanding",
            "parties": ["USA", "GBR"],
        },
        label=rel_gbr,
    ).record.id
    reference = admin.agreements.get(agreement_id)[0].reference
    dates = {"start_date": TODAY + dt.timedelta(days=10), "end_date": TODAY + dt.timedelta(days=12)}
    for title, label in (
        ("Shared seminar", rel_gbr),
        ("Domestic planning", Label(2, Release.NOFORN)),
    ):
        admin.exchanges.create(
            {
                "title": title,
                "kind": "seminar",
                "host_nation": "GBR",
                "agreement": reference,
                **dates,
            },
            label=label,
        )
    admin.attachments.add(
        "agreement",
        agreement_id,
        "annex-noforn.txt",
        b"secret annex",
        label=Label(2, Release.NOFORN),
    )
    admin.attachments.add(
        "agreement", agreement_id, "annex-shared.txt", b"shared annex", label=rel_gbr
    )
    gbr = make_user("gbr.coord", nation="GBR")
    widget = form(qtbot, AgreementForm, gbr, agreement_id)
    titles = [widget.exchanges_model.row(r).title for r in range(widget.exchanges_model.rowCount())]
    assert titles == ["Shared seminar"]
    files = [
        widget.attachments.model.row(r).name for r in range(widget.attachments.model.rowCount())
    ]
    assert files == ["annex-shared.txt"]
    assert all(label.release is not Release.NOFORN for label in widget.labels_on_screen())
    mine = form(qtbot, AgreementForm, admin, agreement_id)
    assert mine.exchanges_model.rowCount() == 2 and mine.attachments.model.rowCount() == 2


def test_exchange_cost_lines_and_budget_warning(qtbot, admin: Desk) -> None:
    """Cost lines typed in the table: a bad amount is reported; above the budget, a warning is
    shown."""
    from app.ui.records.exchange_form import ExchangeForm

    record_id = admin.exchanges.create(
        {
            "title": "Course seat",
            "kind": "course_seat",
            "host_nation": "GBR",
            "budget_amount": "1000",
            "budget_currency": "USD",
            "start_date": TODAY + dt.timedelta(days=10),
            "end_date": TODAY + dt.timedelta(days=40),
        }
    ).record.id
    widget = form(qtbot, ExchangeForm, admin, record_id)
    model = widget.costs.model
    click(qtbot, widget.costs.add_button)
    for column, text in enumerate(["travel", "Return flights", "lots", "USD"]):
        model.setData(model.index(0, column), text)
    assert not save_with(qtbot, widget, widget.costs.save_button)
    assert widget.costs.error.isVisible() and "amount" in widget.costs.error.text().lower()
    assert model.index(0, 2).data() == "lots"
    model.setData(model.index(0, 2), "1200.50")
    assert save_with(qtbot, widget, widget.costs.save_button)
    assert (
        "Cost lines saved" in widget.message.text() and "above the budget" in widget.message.text()
    )
    assert [str(c.amount) for c in admin.exchanges.get(record_id)[0].costs] == ["1200.50"]
    assert model.index(0, 2).data() == "1200.50"
