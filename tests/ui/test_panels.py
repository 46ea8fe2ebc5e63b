"""The record windows' panels through real clicks and typing: what one window writes, every other
open view of it shows (they listen to the runner's change notice, nobody refreshes them by hand)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.ui.main_window import MainWindow
from tests.helpers.gui import (
    click,
    click_and_wait,
    open_person,
    open_record_window,
    open_window,
    save_with,
    settle_window,
    wait_until,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

TODAY = dt.date.today()


def an_exchange(admin: Desk, title: str = "Pacific seminar") -> int:
    """An exchange hosted by the USA, through the service."""
    return admin.exchanges.create(
        {
            "title": title,
            "kind": "seminar",
            "host_nation": "USA",
            "start_date": TODAY + dt.timedelta(days=10),
            "end_date": TODAY + dt.timedelta(days=12),
        }
    ).record.id


def a_person(admin: Desk, family: str) -> tuple[int, str]:
    """A person's id and reference."""
    record = admin.people.create(
        {"family_name": family, "given_names": "Jo", "nation_code": "GBR"}
    ).record
    return record.id, record.reference


def rows(model) -> list:  # noqa: ANN001
    """The rows a panel's table shows."""
    return [model.row(r) for r in range(model.rowCount())]


def test_a_participant_added_by_typing_shows_in_the_person_s_related_records(
    qtbot, admin: Desk
) -> None:  # noqa: ANN001
    """Typed into the exchange window's finder, added with a click: the people page beside the
    list lists the exchange for that person at once."""
    exchange_id = an_exchange(admin)
    person_id, reference = a_person(admin, "Nakamura")
    window = open_window(qtbot, admin)
    open_person(qtbot, window, person_id)
    related = window.page("people").related
    wait_until(qtbot, lambda: not related.loading)
    assert related.tabText(0) == "Exchanges (0)"
    record_window = open_record_window(qtbot, window, "exchange", exchange_id)
    panel = record_window.form.participants
    qtbot.keyClicks(panel.search, "Nakam")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    wait_until(qtbot, lambda: panel.person.count() == 1)
    role = panel.role.findData("instructor")
    panel.role.setCurrentIndex(role)
    assert click_and_wait(qtbot, panel.add_button, panel.written)
    assert "added as instructor" in panel.message.text()
    wait_until(qtbot, lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, 1).data() == f"NAKAMURA, Jo ({reference})"
    wait_until(qtbot, lambda: related.tabText(0) == "Exchanges (1)")
    assert related.exchanges.index(0, 1).data() == admin.exchanges.title(
        admin.exchanges.get(exchange_id)[0]
    )
    assert related.exchanges.index(0, 2).data() == "Instructor"  # the label, as forms show it


def test_a_participation_saved_in_its_window_refreshes_the_exchange_and_the_people_page(
    qtbot, admin: Desk
) -> None:  # noqa: ANN001
    """Double-click a participant: their own window; a status move there shows in the
    exchange's participants panel and in the person's exchanges beside the people list."""
    exchange_id = an_exchange(admin)
    person_id, reference = a_person(admin, "Okafor")
    exchange = admin.exchanges.get(exchange_id)[0]
    admin.participations.create(
        {"exchange": exchange.reference, "person": reference, "role": "trainee"}
    )
    window = open_window(qtbot, admin)
    open_person(qtbot, window, person_id)
    related = window.page("people").related
    wait_until(qtbot, lambda: not related.loading and related.exchanges.rowCount() == 1)
    assert related.exchanges.index(0, 3).data() == "Nominated"
    exchange_window = open_record_window(qtbot, window, "exchange", exchange_id)
    panel = exchange_window.form.participants
    wait_until(qtbot, lambda: panel.model.rowCount() == 1)
    before = list(window.navigation.record_windows)
    index = panel.model.index(0, 1)
    panel.table.scrollTo(index)
    where = panel.table.visualRect(index).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    wait_until(qtbot, lambda: len(window.navigation.record_windows) > len(before))
    assert len(window.navigation.record_windows) == len(before) + 1  # one window, not two
    participation_window = window.navigation.record_windows[-1]
    form = participation_window.form
    wait_until(qtbot, lambda: form.record_id is not None and not form.controller.loading)
    assert save_with(qtbot, form, form.findChild(QPushButton, "status-approved"))
    wait_until(
        qtbot, lambda: panel.model.rowCount() == 1 and panel.model.row(0).status == "approved"
    )
    assert panel.model.index(0, 3).data() == "Approved"
    wait_until(qtbot, lambda: related.exchanges.index(0, 3).data() == "Approved")
    # the travel dates typed in the participation's window reach the exchange's roster
    arrival = form.editors["arrival_date"]
    arrival.set(TODAY + dt.timedelta(days=9))
    assert save_with(qtbot, form, form.save_button)
    wait_until(qtbot, lambda: panel.model.row(0).arrival_date == TODAY + dt.timedelta(days=9))


def test_a_file_attached_in_one_window_shows_in_another_window_of_the_record(
    qtbot, admin: Desk, tmp_path: Path
) -> None:  # noqa: ANN001
    """Two windows of one exchange: a file attached (with its own label) in the first is listed
    in the second; deleted in the second, it leaves the first."""
    exchange_id = an_exchange(admin)
    window = open_window(qtbot, admin)
    first = open_record_window(qtbot, window, "exchange", exchange_id)
    second = open_record_window(qtbot, window, "exchange", exchange_id)
    assert first is not second
    source = tmp_path / "joining-instructions.pdf"
    source.write_bytes(b"%PDF-1.4 joining")
    chosen = Label(2, Release.REL, frozenset({"GBR", "USA"}))
    first.form.attachments.choose_file = lambda: str(source)
    first.form.attachments.choose_label = lambda _name, _label: chosen
    assert click_and_wait(qtbot, first.form.attachments.add_button, first.form.attachments.ended)
    assert "Attached joining-instructions.pdf" in first.form.attachments.message.text()
    theirs = second.form.attachments
    wait_until(qtbot, lambda: theirs.model.rowCount() == 1)
    assert theirs.model.index(0, 1).data() == "joining-instructions.pdf"
    assert theirs.model.index(0, 0).data() == admin.portion_mark(chosen)
    # the second window's banner now counts the file's label too
    wait_until(qtbot, lambda: chosen in second.form.labels_on_screen())
    theirs.table.setCurrentIndex(theirs.model.index(0, 1))
    theirs.confirm = lambda _text: True
    assert click_and_wait(qtbot, theirs.delete_button, theirs.ended)
    wait_until(qtbot, lambda: first.form.attachments.model.rowCount() == 0)
    assert admin.attachments.for_record("exchange", exchange_id).records == []


def test_a_contact_log_entry_typed_in_one_window_shows_in_another(qtbot, admin: Desk) -> None:  # noqa: ANN001
    """Two windows of one liaison tour: an entry typed and saved in one is listed in the other;
    a refused entry (no subject) changes nothing anywhere."""
    _person_id, reference = a_person(admin, "Hale")
    tour_id = admin.liaison.create(
        {
            "person": reference,
            "kind": "exchange officer",
            "host_nation": "USA",
            "start_date": TODAY - dt.timedelta(days=30),
        }
    ).record.id
    window: MainWindow = open_window(qtbot, admin)
    first = open_record_window(qtbot, window, "liaison_assignment", tour_id)
    second = open_record_window(qtbot, window, "liaison_assignment", tour_id)
    log, theirs = first.form.contact_log, second.form.contact_log
    assert not click_and_wait(qtbot, log.save_button, log.written)
    assert "required" in log.errors["subject"].text().lower()
    qtbot.keyClicks(log.subject, "Port visit planning")
    qtbot.keyClicks(log.counterparts, "Cdr Hale")
    click(qtbot, log.save_button)
    wait_until(qtbot, lambda: theirs.model.rowCount() == 1)
    assert theirs.model.index(0, 2).data() == "Port visit planning"
    assert log.subject.text() == ""  # the editor is ready for the next entry
    wait_until(qtbot, lambda: log.model.rowCount() == 1)
    settle_window(qtbot, window)
    assert [e.subject for e in admin.contact_log.for_assignment(tour_id).records] == [
        "Port visit planning"
    ]


def test_a_record_window_s_banner_covers_the_names_its_panels_print(qtbot, admin: Desk) -> None:  # noqa: ANN001
    """An UNCLASSIFIED participation of a CONFIDENTIAL person in an UNCLASSIFIED exchange: the
    roster prints the person's name, so the exchange's window is marked CONFIDENTIAL (issue 14,
    item 9: it used to say UNCLASSIFIED); the person's history prints a SECRET exchange's
    title, so its labels count that exchange's label."""
    secret = Label(3, Release.REL, frozenset({"GBR", "USA"}))
    confidential = Label(2, Release.REL, frozenset({"GBR", "USA"}))
    plain = admin.exchanges.get(an_exchange(admin, "Open seminar"))[0]
    quiet = admin.exchanges.get(an_exchange(admin, "Quiet seminar"))[0]
    admin.exchanges.update(quiet.id, {}, label=secret, expected_version=quiet.row_version)
    person = admin.people.create(
        {"family_name": "Halvorsen", "given_names": "Ida", "nation_code": "GBR"},
        label=confidential,
    ).record
    for exchange in (plain, quiet):
        admin.participations.create(
            {"exchange": exchange.reference, "person": person.reference, "role": "trainee"},
            label=Label(0),
        )
    window = open_window(qtbot, admin)
    record_window = open_record_window(qtbot, window, "exchange", plain.id)
    panel = record_window.form.participants
    wait_until(qtbot, lambda: panel.model.rowCount() == 1)
    assert panel.model.index(0, 0).data() == "(C//REL TO USA, GBR)"
    wait_until(qtbot, lambda: record_window.top_banner.text() == "CONFIDENTIAL//REL TO USA, GBR")
    assert record_window.bottom_banner.text() == record_window.top_banner.text()
    open_person(qtbot, window, person.id)
    related = window.page("people").related
    wait_until(qtbot, lambda: not related.loading and related.exchanges.rowCount() == 2)
    assert secret in related.labels
