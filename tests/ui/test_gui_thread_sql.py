"""No SQL on the GUI thread: every statement the main window causes runs in a worker thread."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from app.security.principal import Actor
from app.services.desk import Desk
from app.ui import kinds as kind_views
from app.ui.main_window import MainWindow
from app.ui.person_form import PersonRecordForm
from app.ui.settings import app_settings
from app.ui.table_model import RecordTableModel
from tests.helpers.gui import (
    click_and_wait,
    open_person,
    open_record_window,
    open_window,
    save_with,
    settle_window,
    wait_until,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def seeded(admin: Desk) -> Desk:
    """A few records of every listed kind; the liaison tours name people (a linked column)."""
    agreement = admin.agreements.create(
        {
            "reference": "MOU-USA-GBR-2024-01",
            "title": "Staff college seats",
            "kind": "memorandum_of_understanding",
            "parties": "USA GBR",
        }
    ).record
    for n in range(30):
        person = admin.people.create(
            {"family_name": f"Person{n:02d}", "given_names": "Ann", "nation_code": "GBR"}
        ).record
        admin.exchanges.create(
            {
                "title": f"Course {n}",
                "kind": "course_seat",
                "host_nation": "USA",
                "start_date": "2026-05-04",
                "end_date": "2026-05-22",
                "agreement": agreement.reference,
            }
        )
        admin.liaison.create(
            {
                "person": person.reference,
                "kind": "exchange officer",
                "host_nation": "USA",
                "start_date": "2026-04-01",
            }
        )
    return admin


@pytest.fixture
def actor(seeded: Desk) -> Actor:
    """The acting user as the login returns them (read before the counting starts)."""
    return seeded.actor()


@pytest.fixture
def gui_statements(seeded: Desk, actor: Actor) -> Iterator[list[str]]:
    """Statements run on the GUI thread (with where they came from), from now until the test
    ends."""
    found: list[str] = []

    def before(_conn, _cursor, statement, _params, _context, _many) -> None:  # noqa: ANN001
        if threading.current_thread() is threading.main_thread():
            ours = [f for f in traceback.extract_stack() if "/app/ui/" in f.filename]
            where = "".join(traceback.format_list(ours[-4:]))
            found.append(f"{statement.split(chr(10))[0][:80]}\n{where}")

    event.listen(seeded.db.engine, "before_cursor_execute", before)
    yield found
    event.remove(seeded.db.engine, "before_cursor_execute", before)


def browse_every_page(qtbot, window: MainWindow) -> None:  # noqa: ANN001
    """Show each page; in each list scroll to the end and ask every cell, as painting does."""
    settle_window(qtbot, window)
    for key in window.navigation.page_keys:
        window.navigation.show_page(key)
        settle_window(qtbot, window)
        view = window.navigation.lists.get(key)
        if view is None:
            continue
        model: RecordTableModel = view.model
        qtbot.waitUntil(lambda m=model: m.rowCount() > 0 and not m.loading())
        view.table.scrollToBottom()
        qtbot.waitUntil(lambda m=model: m.record_id(m.rowCount() - 1) is not None)
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                model.data(model.index(row, column))


def report(statements: list[str]) -> str:
    """Where the statements came from, once each."""
    where = sorted({s.split("\n", 1)[1] for s in statements})
    return f"{len(statements)} statements from:\n" + "\n".join(where)


def test_the_main_window_runs_no_sql_on_the_gui_thread(
    qtbot, seeded: Desk, actor: Actor, gui_statements: list[str]
) -> None:  # noqa: ANN001
    window = MainWindow(seeded, app_settings(), actor=actor)
    qtbot.addWidget(window)
    window.show()
    browse_every_page(qtbot, window)
    liaison = window.navigation.show_page("liaison").list_view
    qtbot.waitUntil(lambda: liaison.model.record_id(0) is not None)
    person_column = [c.title for c in liaison.model.columns].index("Person")
    # the linked column shows the person's reference, fetched with the page
    assert liaison.model.data(liaison.model.index(0, person_column)).startswith("P")
    assert gui_statements == [], report(gui_statements)


def test_opening_a_record_from_a_list_runs_no_sql_on_the_gui_thread(
    qtbot, seeded: Desk, actor: Actor, gui_statements: list[str]
) -> None:  # noqa: ANN001
    window = MainWindow(seeded, app_settings(), actor=actor)
    qtbot.addWidget(window)
    window.show()
    liaison = window.navigation.show_page("liaison").list_view
    qtbot.waitUntil(lambda: liaison.model.record_id(0) is not None)
    settle_window(qtbot, window)
    assert gui_statements == [], report(gui_statements)  # nothing before the record opens
    before = len(window.navigation.record_windows)
    liaison.table.setFocus()
    liaison.table.setCurrentIndex(liaison.model.index(0, 0))
    qtbot.keyClick(liaison.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(window.navigation.record_windows) == before + 1)
    settle_window(qtbot, window)
    assert gui_statements == [], report(gui_statements)


def test_every_kind_s_form_opens_with_the_window_s_context_without_sql_on_the_gui_thread(
    qtbot, seeded: Desk, actor: Actor, gui_statements: list[str]
) -> None:  # noqa: ANN001
    """Each kind's window form (a person's too) built with the context the window read."""
    window = MainWindow(seeded, app_settings(), actor=actor)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.navigation.form_context is not None)
    ids = {
        view.kind.name: getattr(seeded, view.kind.desk_attribute).list().records[0].id
        for view in kind_views.PAGES
    }
    assert kind_views.view_of("person").form is PersonRecordForm
    settle_window(qtbot, window)
    gui_statements.clear()  # the ids above were read here on purpose
    for kind, record_id in ids.items():
        form = kind_views.view_of(kind).form(
            seeded, record_id, operations=window.operations, context=window.navigation.form_context
        )
        qtbot.addWidget(form)
        qtbot.waitUntil(lambda f=form: f.controller.record_id is not None)
        settle_window(qtbot, window)
        assert form.controller.record_id == record_id
    assert gui_statements == [], report(gui_statements)


def test_opening_a_person_beside_the_people_list_runs_no_sql_on_the_gui_thread(
    qtbot, seeded: Desk, actor: Actor, gui_statements: list[str]
) -> None:  # noqa: ANN001
    """The person form, their related records and attachments read off the GUI thread."""
    window = MainWindow(seeded, app_settings(), actor=actor)
    qtbot.addWidget(window)
    window.show()
    page = window.navigation.show_page("people")
    people = page.list_view
    qtbot.waitUntil(lambda: people.model.record_id(0) is not None and page.controller is not None)
    settle_window(qtbot, window)
    people.table.setFocus()
    people.table.setCurrentIndex(people.model.index(0, 0))
    with qtbot.waitSignal(page.controller.opened):
        qtbot.keyClick(people.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.related.loading and not page.related.attachments.loading)
    settle_window(qtbot, window)
    assert page.controller.record_id == people.model.record_id(0)
    assert page.related.tabText(1) == "Liaison tours (1)"
    assert gui_statements == [], report(gui_statements)


def use_exchange_panels(qtbot, record_window, tmp_path: Path) -> None:  # noqa: ANN001
    """Find a person, add them, move their status, remove them; attach a file, open it, save a
    copy, delete it; edit the exchange, save it, revert."""
    form = record_window.form
    panel = form.participants
    qtbot.keyClicks(panel.search, "Person05")
    click_and_wait(qtbot, panel.find_button, panel.found)
    assert panel.person.count() == 1
    assert click_and_wait(qtbot, panel.add_button, panel.written)
    wait_until(qtbot, lambda: panel.model.rowCount() == 1 and not panel.loading)
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    wait_until(qtbot, lambda: panel.warnings.text() != "Checking…")
    panel.next_status.setCurrentIndex(panel.next_status.findData("approved"))
    assert click_and_wait(qtbot, panel.status_button, panel.written)
    wait_until(
        qtbot, lambda: panel.model.rowCount() == 1 and panel.model.row(0).status == "approved"
    )
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    panel.confirm = lambda _text: True
    assert click_and_wait(qtbot, panel.remove_button, panel.written)
    wait_until(qtbot, lambda: panel.model.rowCount() == 0)
    use_attachments(qtbot, form.attachments, tmp_path)
    title = form.editors["title"].widget
    qtbot.keyClick(title, Qt.Key.Key_End)
    qtbot.keyClicks(title, " (revised)")
    assert save_with(qtbot, form, form.save_button)
    qtbot.keyClick(title, Qt.Key.Key_End)
    qtbot.keyClicks(title, " again")
    assert click_and_wait(qtbot, form.revert_button, form.opened)
    assert title.text().endswith("(revised)")


def use_attachments(qtbot, panel, tmp_path: Path) -> None:  # noqa: ANN001
    """Attach a file, open it, save a copy, delete it (the dialogs answered by the test)."""
    source = tmp_path / f"{panel.record_kind}-orders.txt"
    source.write_bytes(b"movement orders")
    opened: list[Path] = []
    panel.choose_file = lambda: str(source)
    panel.choose_label = lambda _name, label: label
    panel.choose_save_path = lambda _name: str(tmp_path / f"{panel.record_kind}-copy.txt")
    panel.open_file = opened.append
    panel.confirm = lambda _text: True
    assert click_and_wait(qtbot, panel.add_button, panel.ended)
    wait_until(qtbot, lambda: panel.model.rowCount() == 1 and not panel.loading)
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    assert click_and_wait(qtbot, panel.open_button, panel.ended)
    assert opened[0].read_bytes() == b"movement orders"
    assert click_and_wait(qtbot, panel.save_button, panel.ended)
    assert (tmp_path / f"{panel.record_kind}-copy.txt").read_bytes() == b"movement orders"
    assert click_and_wait(qtbot, panel.delete_button, panel.ended)
    wait_until(qtbot, lambda: panel.model.rowCount() == 0 and not panel.loading)


def use_contact_log(qtbot, log) -> None:  # noqa: ANN001
    """Write an entry, edit it, delete it."""
    qtbot.keyClicks(log.subject, "Port visit planning")
    assert click_and_wait(qtbot, log.save_button, log.written)
    wait_until(qtbot, lambda: log.model.rowCount() == 1 and not log.loading)
    log.table.setCurrentIndex(log.model.index(0, 2))
    qtbot.keyClicks(log.counterparts, "Cdr Hale")
    assert click_and_wait(qtbot, log.save_button, log.written)
    wait_until(qtbot, lambda: not log.loading and log.model.row(0).counterparts == "Cdr Hale")
    log.table.setCurrentIndex(log.model.index(0, 2))
    assert click_and_wait(qtbot, log.delete_button, log.written)
    wait_until(qtbot, lambda: log.model.rowCount() == 0 and not log.loading)


def test_every_record_window_s_panels_run_no_sql_on_the_gui_thread(
    qtbot, seeded: Desk, actor: Actor, gui_statements: list[str], tmp_path: Path
) -> None:  # noqa: ANN001
    """A window of each kind with its panels: add, edit and remove in every panel, save and
    revert the record; the person's attachments beside the people list too."""
    exchange = seeded.exchanges.list().records[0]
    agreement = seeded.agreements.list().records[0]
    tour = seeded.liaison.list().records[0]
    people = seeded.people.list().records
    participation = seeded.participations.create(
        {"exchange": exchange.reference, "person": people[1].reference, "role": "observer"}
    ).record
    window = open_window(qtbot, seeded, actor)
    settle_window(qtbot, window)
    gui_statements.clear()  # the records above were read and written here on purpose

    exchange_window = open_record_window(qtbot, window, "exchange", exchange.id)
    wait_until(qtbot, lambda: exchange_window.form.participants.model.rowCount() == 1)
    exchange_window.form.participants.table.setCurrentIndex(
        exchange_window.form.participants.model.index(0, 1)
    )
    exchange_window.form.participants.confirm = lambda _text: True
    assert click_and_wait(
        qtbot,
        exchange_window.form.participants.remove_button,
        exchange_window.form.participants.written,
    )
    wait_until(qtbot, lambda: exchange_window.form.participants.model.rowCount() == 0)
    use_exchange_panels(qtbot, exchange_window, tmp_path)

    tour_window = open_record_window(qtbot, window, "liaison_assignment", tour.id)
    use_contact_log(qtbot, tour_window.form.contact_log)
    use_attachments(qtbot, tour_window.form.attachments, tmp_path)

    agreement_window = open_record_window(qtbot, window, "agreement", agreement.id)
    use_attachments(qtbot, agreement_window.form.attachments, tmp_path)

    page = window.navigation.show_page("people")
    open_person(qtbot, window, people[0].id)
    wait_until(qtbot, lambda: not page.related.loading and not page.related.attachments.loading)
    use_attachments(qtbot, page.related.attachments, tmp_path)
    settle_window(qtbot, window)
    assert gui_statements == [], report(gui_statements)
    assert participation.id not in {
        p.id for p in seeded.participations.for_exchange(exchange.id).records
    }
