"""The one form framework, kind by kind, in real record windows: Ctrl+S saves through the
runner, Escape and Ctrl+W close (asking about unsaved changes), a field's error clears as soon
as it is edited, the title follows the record, typing merges into one undo step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy import event

from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.ui.operations import Operations
from app.ui.person_form import PersonRecordForm
from app.ui.record_window import RecordWindow
from app.ui.records.agreement_form import AgreementForm
from app.ui.records.collection_editor import CollectionModel
from app.ui.records.exchange_form import ExchangeForm
from app.ui.records.form_view import FormView
from app.ui.records.liaison_form import LiaisonForm
from app.ui.records.participation_form import ParticipationForm
from app.ui.records.reference_picker import ReferencePicker
from app.ui.records.tables import RowsModel
from tests.helpers import create_user
from tests.helpers.gui import click

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

TODAY = dt.date.today()


@pytest.fixture(autouse=True)
def discard_on_teardown(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window still holding edits when the test ends is closed without asking (tests that
    look at the question replace this answer)."""
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard
    )


def a_person(desk: Desk, family: str = "Okafor") -> Any:
    """A stored person."""
    return desk.people.create({"family_name": family, "nation_code": "GBR"}).record


def an_exchange(desk: Desk) -> Any:
    """A stored exchange."""
    return desk.exchanges.create(
        {
            "title": "Staff course",
            "kind": "course_seat",
            "host_nation": "USA",
            "start_date": TODAY + dt.timedelta(days=10),
            "end_date": TODAY + dt.timedelta(days=20),
        }
    ).record


@dataclass(frozen=True)
class Kind:
    """How to fill a new record of one kind in its form."""

    name: str
    form: Callable[[Desk, int | None], Any]
    fill: Callable[[Desk, dict[str, Any]], None]  # every required field but `broken`
    broken: str  # a required text field left empty: the first save is refused
    fix: Callable[[Desk], str]  # what to type into it
    typed: str  # a text field typing goes into (undo merging)
    service: str


def fill_exchange(_desk: Desk, editors: dict[str, Any]) -> None:
    """An exchange without its title."""
    kind = editors["kind"].widget
    kind.setCurrentIndex(kind.findData("joint_exercise"))
    editors["host_nation"].set("NOR")
    editors["start_date"].set(TODAY + dt.timedelta(days=30))
    editors["end_date"].set(TODAY + dt.timedelta(days=40))


def fill_agreement(_desk: Desk, editors: dict[str, Any]) -> None:
    """An agreement without its title."""
    kind = editors["kind"].widget
    kind.setCurrentIndex(kind.findData("memorandum_of_understanding"))
    editors["parties"].set(["USA", "GBR"])


def fill_liaison(_desk: Desk, editors: dict[str, Any]) -> None:
    """A liaison tour without its person."""
    editors["kind"].widget.setCurrentIndex(1)
    editors["host_nation"].set("USA")
    editors["start_date"].set(TODAY - dt.timedelta(days=30))


def fill_participation(desk: Desk, editors: dict[str, Any]) -> None:
    """A participation without its exchange."""
    editors["person"].set(a_person(desk).reference)


def fill_person(_desk: Desk, editors: dict[str, Any]) -> None:
    """A person without a family name."""
    editors["nation_code"].set("USA")


KINDS = [
    Kind(
        "exchange", ExchangeForm, fill_exchange, "title", lambda _d: "Cold Response",
        "location", "exchanges",
    ),
    Kind(
        "agreement", AgreementForm, fill_agreement, "title", lambda _d: "Pilot MoU",
        "renewal_terms", "agreements",
    ),
    Kind(
        "liaison", LiaisonForm, fill_liaison, "person", lambda d: a_person(d, "Hale").reference,
        "host_organisation", "liaison",
    ),
    Kind(
        "participation", ParticipationForm, fill_participation, "exchange",
        lambda d: an_exchange(d).reference, "feedback_comments", "participations",
    ),
    Kind(
        "person", PersonRecordForm, fill_person, "family_name", lambda _d: "Nowak",
        "unit", "people",
    ),
]  # fmt: skip


def shown_window(qtbot, desk: Desk, kind: Kind, record_id: int | None = None) -> RecordWindow:  # noqa: ANN001
    """A record window of a form, shown and active, its record read."""
    form = kind.form(desk, record_id)
    window = RecordWindow(form, desk)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    qtbot.waitUntil(lambda: not form.controller.loading)
    return window


def press(
    qtbot, window: RecordWindow, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier
) -> None:  # noqa: ANN001
    """A key pressed in the window (on the widget with the focus)."""
    target = window.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def ctrl_s(qtbot, window: RecordWindow) -> bool:  # noqa: ANN001
    """Ctrl+S, then wait for the save through the runner; True when written."""
    with qtbot.waitSignal(window.form.save_finished, timeout=10000) as finished:
        press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return finished.args[0]


def line_of(widget: Any) -> Any:
    """The line edit to type into (a picker's own line edit)."""
    return widget.lineEdit() if isinstance(widget, ReferencePicker) else widget


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_new_record_window_saves_with_ctrl_s_errors_clear_and_title_follows(
    qtbot, admin: Desk, kind: Kind
) -> None:
    """A refused save shows the error beside its field; editing the field clears it and the
    form message; Ctrl+S then writes it and the window title shows the stored record."""
    window = shown_window(qtbot, admin, kind)
    form = window.form
    assert window.windowTitle().startswith("New ")
    kind.fill(admin, form.editors)
    count = getattr(admin, kind.service).count()
    assert not ctrl_s(qtbot, window)
    error = form.editors[kind.broken].error
    assert error.isVisible() and error.text()
    message = form.controller.view.message
    assert message.isVisible() and "Not saved" in message.text()
    assert getattr(admin, kind.service).count() == count
    field = line_of(form.editors[kind.broken].widget)
    field.setFocus()
    qtbot.keyClicks(field, kind.fix(admin))
    assert not error.isVisible() and not message.isVisible()
    assert ctrl_s(qtbot, window)
    assert "Saved." in message.text()
    record = getattr(admin, kind.service).get(form.record_id)[0]
    assert not window.windowTitle().startswith("New ")
    assert window.windowTitle() == f"{form.form_title()} — Exchange Desk"
    reference = getattr(record, "reference", None)
    if kind.name != "participation":  # a participation is named by its person and exchange
        assert reference and reference in window.windowTitle()
    typed = form.editors[kind.typed].widget
    typed.setFocus()
    qtbot.keyClicks(typed, "x")
    assert not message.isVisible()  # "Saved." goes on the next edit


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_typing_merges_undo_steps_in_every_form(qtbot, admin: Desk, kind: Kind) -> None:
    """Consecutive keystrokes in one text field are one undo step; undo empties the field."""
    window = shown_window(qtbot, admin, kind)
    editor = window.form.editors[kind.typed]
    assert editor.mergeable and isinstance(editor.widget, QLineEdit | QPlainTextEdit)
    stack = window.form.controller.view.undo_stack
    before = stack.count()
    editor.widget.setFocus()
    qtbot.keyClicks(editor.widget, "Bardufoss")
    assert stack.count() == before + 1
    stack.undo()
    assert editor.get() == ""
    stack.redo()
    assert editor.get() == "Bardufoss"


def stored(admin: Desk, kind: Kind) -> int:
    """A stored record of the kind, created through its form's own fill."""
    values = {
        "exchange": lambda: an_exchange(admin).id,
        "agreement": lambda: (
            admin.agreements.create(
                {"title": "MoU", "kind": "memorandum_of_understanding", "parties": ["USA", "GBR"]}
            ).record.id
        ),
        "liaison": lambda: (
            admin.liaison.create(
                {
                    "person": a_person(admin).reference,
                    "kind": "liaison_officer",
                    "host_nation": "USA",
                    "start_date": TODAY,
                }
            ).record.id
        ),
        "participation": lambda: (
            admin.participations.create(
                {"exchange": an_exchange(admin).id, "person": a_person(admin, "Novak").id}
            ).record.id
        ),
        "person": lambda: a_person(admin, "Dupont").id,
    }
    return values[kind.name]()


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_escape_and_ctrl_w_close_asking_about_unsaved_changes(
    qtbot, admin: Desk, kind: Kind, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Unchanged, Escape closes at once; edited, Cancel keeps the window, Save waits for the
    save and closes, Discard closes without writing."""
    record_id = stored(admin, kind)
    asked: list[str] = []
    answer = {"button": QMessageBox.StandardButton.Cancel}

    def question(*args: Any, **_kwargs: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return answer["button"]

    monkeypatch.setattr(QMessageBox, "question", question)
    window = shown_window(qtbot, admin, kind, record_id)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.isVisible() and asked == []

    window = shown_window(qtbot, admin, kind, record_id)
    form = window.form
    typed = form.editors[kind.typed].widget
    typed.setFocus()
    qtbot.keyClicks(typed, "Edited")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert len(asked) == 1 and window.isVisible()  # cancelled
    answer["button"] = QMessageBox.StandardButton.Save
    with qtbot.waitSignal(form.save_finished, timeout=10000):
        press(qtbot, window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    service = getattr(admin, kind.service)
    assert service.value_of(service.get(record_id)[0], kind.typed).endswith("Edited")

    window = shown_window(qtbot, admin, kind, record_id)
    typed = window.form.editors[kind.typed].widget
    typed.setFocus()
    qtbot.keyClicks(typed, "Dropped")
    answer["button"] = QMessageBox.StandardButton.Discard
    press(qtbot, window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible() and len(asked) == 3
    assert "Dropped" not in (service.value_of(service.get(record_id)[0], kind.typed) or "")


def test_a_conflict_shows_its_plain_message_and_keeps_the_typing(qtbot, admin: Desk) -> None:
    """Someone else saved meanwhile: the save is refused with the conflict's own words."""
    kind = KINDS[1]
    record_id = stored(admin, kind)
    window = shown_window(qtbot, admin, kind, record_id)
    admin.agreements.update(record_id, {"scope": "changed elsewhere"})
    title = window.form.editors["title"].widget
    title.setFocus()
    title.end(False)
    qtbot.keyClicks(title, " renamed")
    assert not ctrl_s(qtbot, window)
    message = window.form.message.text()
    assert message.startswith("Not saved.") and "Please correct" not in message
    assert "changed" in message.lower()
    assert title.text() == "MoU renamed"
    assert admin.agreements.get(record_id)[0].title == "MoU"


def test_a_person_save_does_not_reveal_the_identity_again(qtbot, admin: Desk) -> None:
    """Identity shown once (one audited view); saving keeps it on screen without a new view."""
    person = admin.people.create(
        {"family_name": "Dupont", "nation_code": "FRA", "passport_number": "AB12345"}
    ).record
    window = shown_window(qtbot, admin, KINDS[4], person.id)
    view = window.form.view
    assert view.identity_box.isHidden() and view.editors["passport_number"].get() == ""
    click(qtbot, view.identity_button)
    qtbot.waitUntil(lambda: not view.identity_box.isHidden())
    views = [e for e in admin.audit.list(limit=1000) if e.action == "view_identity"]
    assert len(views) == 1
    unit = view.editors["unit"].widget
    unit.setFocus()
    qtbot.keyClicks(unit, "1 RIFLES")
    assert ctrl_s(qtbot, window)
    assert admin.people.get(person.id)[0].unit == "1 RIFLES"
    assert [e for e in admin.audit.list(limit=1000) if e.action == "view_identity"] == views
    assert not view.identity_box.isHidden()
    assert view.editors["passport_number"].get() == "AB12345"
    assert not window.form.has_unsaved_changes()


def test_reference_picker_reads_nothing_until_opened(qtbot, admin: Desk) -> None:
    """No SQL in the picker's constructor; opening it reads the choices off the GUI thread."""
    exchange = an_exchange(admin)
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(admin.db.engine, "before_cursor_execute", count)
    try:
        picker = ReferencePicker(admin.exchanges, Operations())
        qtbot.addWidget(picker)
        assert statements == [] and picker.count() == 1
        with qtbot.waitSignal(picker.loaded):
            picker.showPopup()
        picker.hidePopup()
    finally:
        event.remove(admin.db.engine, "before_cursor_execute", count)
    assert statements and picker.findData(exchange.reference) > 0
    picker.set_value(exchange.reference)
    assert picker.value() == exchange.reference


def test_reference_picker_searches_every_record_as_the_user_types(qtbot, admin: Desk) -> None:
    """Issue 15: the drop-down holds the first records to browse, but typing searches them
    all (accents folded): the one person past the browse list is offered, picked with the
    keyboard, and is the value; a viewer's search offers nothing hidden from them."""
    for n in range(6):
        admin.people.create({"family_name": f"Adams {n}", "nation_code": "USA"})
    target = admin.people.create({"family_name": "Núñez", "nation_code": "ESP"}).record
    hidden = Label(admin.db.scheme.parse("S"), Release.NOFORN)
    admin.people.create({"family_name": "Nuñez-Oculto", "nation_code": "USA"}, label=hidden)
    picker = ReferencePicker(admin.people, Operations(), limit=3)
    qtbot.addWidget(picker)
    picker.show()
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), "nunez")
    qtbot.waitUntil(lambda: picker.found.rowCount() == 2)
    assert picker.count() == 4  # the blank choice and three to browse: Núñez is not among them
    assert picker.finder.popup().isVisible()
    offered = [text.split(" — ")[0] for text in picker.found.stringList()]
    assert target.reference in offered
    for _ in range(offered.index(target.reference) + 1):
        qtbot.keyClick(picker.finder.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(picker.finder.popup(), Qt.Key.Key_Return)
    assert picker.value() == target.reference

    foreigner = create_user(admin, "fr_viewer", role="viewer", clearance="S", nation="FRA")
    runner = Operations()
    theirs = ReferencePicker(foreigner.people, runner, limit=3)
    qtbot.addWidget(theirs)
    theirs.show()
    theirs.lineEdit().setFocus()
    qtbot.keyClicks(theirs.lineEdit(), "nunez")
    qtbot.waitUntil(lambda: theirs.found.rowCount() == 1)
    qtbot.waitUntil(lambda: not theirs._typing.isActive() and not runner.is_busy())  # all in
    assert [t.split(" — ")[0] for t in theirs.found.stringList()] == [target.reference]


def test_models_pass_the_model_tester(qtmodeltester) -> None:
    """RowsModel and CollectionModel, empty, filled and after edits."""
    from app.services.agreements import SIGNATORY_FIELDS

    rows = RowsModel([("A", lambda r: r[0]), ("B", lambda r: r[1])])
    qtmodeltester.check(rows)
    rows.set_rows([(1, "x"), (2, None), (3, dt.date(2026, 1, 2))])
    qtmodeltester.check(rows)
    collection = CollectionModel(SIGNATORY_FIELDS)
    qtmodeltester.check(collection)
    collection.set_rows([{"name": "Adm. Roe", "nation": "GBR"}])
    collection.add_row()
    collection.setData(collection.index(1, 0), "Gen. Doe")
    qtmodeltester.check(collection)
    collection.remove_row(0)
    assert [row["name"] for row in collection.values()] == ["Gen. Doe"]
    qtmodeltester.check(collection)


def _wheel(widget: QWidget, steps: int = -1) -> None:
    """A mouse wheel turned over the middle of ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(widget.rect().center())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def _value(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    raise AssertionError(widget)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_wheel_over_a_form_scrolls_it_and_changes_no_value(
    qtbot, admin: Desk, kind: Kind
) -> None:  # noqa: ANN001
    """Issue 15, item 1: the wheel over an unfocused drop-down, spin box or date scrolls the
    form; only a widget the user focused takes the wheel."""
    window = shown_window(qtbot, admin, kind)
    window.resize(700, 320)  # short: the form scrolls
    form = window.form if isinstance(window.form, FormView) else window.form.view
    qtbot.waitUntil(lambda: form.scroll.verticalScrollBar().maximum() > 0)
    bar = form.scroll.verticalScrollBar()
    targets = [
        w
        for w in form.findChildren(QComboBox) + form.findChildren(QAbstractSpinBox)
        if w.isEnabled() and not isinstance(w.parentWidget(), QAbstractSpinBox)
    ]
    assert form.label_editor.level in targets
    form.save_button.setFocus()
    before = {id(w): _value(w) for w in targets}
    scrolled = False
    for widget in targets:
        bar.setValue(0)
        _wheel(widget)
        scrolled = scrolled or bar.value() > 0
        _wheel(widget, 1)
    assert {id(w): _value(w) for w in targets} == before
    assert scrolled and not any(w.hasFocus() for w in targets)
    level = form.label_editor.level
    level.setFocus()
    qtbot.waitUntil(level.hasFocus)
    start = level.currentIndex()
    _wheel(level)  # focused: the wheel is the user's choice
    assert level.currentIndex() != start


def test_the_languages_table_shows_its_column_titles_whole(qtbot) -> None:  # noqa: ANN001
    """Both columns share the table's width, so neither title is cut at the form's width."""
    from app.ui.widgets import LanguagesEditor

    editor = LanguagesEditor()
    qtbot.addWidget(editor)
    editor.resize(380, 110)
    editor.show()
    qtbot.waitExposed(editor)
    header = editor.table.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(2):
        title = editor.table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) > metrics.horizontalAdvance(title), title
