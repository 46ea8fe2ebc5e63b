"""Data entry at speed (issue 15): picking a nation by keyboard, typing dates."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt

from app.domain.nations import all_nations
from app.services.desk import Desk
from app.ui.columns import cell_text
from app.ui.kinds import VIEWS
from app.ui.records.exchange_form import ExchangeForm
from app.ui.widgets import NationPicker, OptionalDateEdit
from tests.helpers.gui import save_with
from tests.helpers.records import started_planned_tour

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def picker(qtbot) -> NationPicker:  # noqa: ANN001
    widget = NationPicker(all_nations())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget


def test_a_code_then_down_and_enter_picks_that_nation(qtbot, picker: NationPicker) -> None:  # noqa: ANN001
    qtbot.keyClicks(picker.lineEdit(), "NOR")
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "NOR — Norway"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert picker.value() == "NOR"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Norway", "NOR"),
        ("norway", "NOR"),
        ("nor", "NOR"),
        ("cote d'ivoire", "CIV"),
        ("XKS", "XKS"),
    ],
)
def test_a_typed_name_or_code_then_tab_is_that_nation(
    qtbot,  # noqa: ANN001
    picker: NationPicker,
    typed: str,
    code: str,
) -> None:
    qtbot.keyClicks(picker.lineEdit(), typed)
    picker.completer().popup().hide()
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Tab)
    assert picker.value() == code


def test_what_names_no_nation_is_kept_for_the_form_to_refuse(qtbot, picker: NationPicker) -> None:  # noqa: ANN001
    qtbot.keyClicks(picker.lineEdit(), "Narnia")
    picker.completer().popup().hide()
    assert picker.value() == "NARNIA"


# --- typed dates (issue 15, item 3) ----------------------------------------------------------


@pytest.fixture
def date_edit(qtbot) -> OptionalDateEdit:  # noqa: ANN001
    widget = OptionalDateEdit()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget


@pytest.mark.parametrize("typed", ["2026-03-02", "20260302", " 2026-03-02 "])
def test_a_date_typed_into_an_empty_field_is_that_date(
    qtbot,  # noqa: ANN001
    date_edit: OptionalDateEdit,
    typed: str,
) -> None:
    qtbot.keyClicks(date_edit.edit, typed)
    assert date_edit.value() == dt.date(2026, 3, 2)
    qtbot.keyClick(date_edit.edit, Qt.Key.Key_Tab)  # leaving the field shows it in ISO
    assert date_edit.edit.text() == "2026-03-02"


def test_a_date_in_the_locales_short_form_is_read_in_that_locale(
    qtbot,  # noqa: ANN001
    date_edit: OptionalDateEdit,
) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        qtbot.keyClicks(date_edit.edit, "02/03/2026")
        assert date_edit.value() == dt.date(2026, 3, 2)  # 2 March, as France writes it
    finally:
        QLocale.setDefault(before)


def test_the_calendar_opens_at_the_date_else_today(qtbot, date_edit: OptionalDateEdit) -> None:  # noqa: ANN001
    date_edit._open_calendar()
    assert date_edit.calendar.selectedDate() == QDate.currentDate()
    date_edit.set_value(dt.date(2027, 5, 10))
    date_edit._open_calendar()
    assert date_edit.calendar.selectedDate() == QDate(2027, 5, 10)
    date_edit.calendar.clicked.emit(QDate(2027, 5, 12))  # a day clicked in the calendar
    assert date_edit.value() == dt.date(2027, 5, 12)


def test_an_end_dates_calendar_opens_near_the_start(qtbot, admin: Desk) -> None:  # noqa: ANN001
    form = ExchangeForm(admin, None)
    qtbot.addWidget(form)
    qtbot.waitUntil(lambda: not form.controller.loading)
    form.editors["start_date"].set(dt.date(2027, 9, 14))
    end = form.editors["end_date"].widget
    end._open_calendar()
    assert end.calendar.selectedDate() == QDate(2027, 9, 14)


def test_text_that_is_no_date_is_refused_by_name_and_kept(qtbot, admin: Desk) -> None:  # noqa: ANN001
    form = ExchangeForm(admin, None)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitUntil(lambda: not form.controller.loading)
    form.editors["title"].set("Staff course")
    kind = form.editors["kind"].widget
    kind.setCurrentIndex(kind.findData("joint_exercise"))
    form.editors["host_nation"].set("NOR")
    form.editors["start_date"].set(dt.date.today() + dt.timedelta(days=30))
    end = form.editors["end_date"].widget
    qtbot.keyClicks(end.edit, "next tuesday")
    assert not save_with(qtbot, form, form.save_button)
    errors = {n: e.error.text() for n, e in form.editors.items() if e.error.text()}
    assert "not a date" in form.editors["end_date"].error.text(), (
        errors,
        form.message.text() if hasattr(form.message, "text") else "",
    )
    assert end.edit.text() == "next tuesday"
    assert admin.exchanges.list().total == 0


# --- list cells read as the forms do (issue 15, item 9) ---------------------------------------


def test_list_cells_show_a_vocabularys_labels_not_its_stored_values() -> None:
    views = {view.kind.name: view for view in VIEWS}
    cells = {
        (kind, column.title): column
        for kind, view in views.items()
        for column in view.columns
        if column.field in ("kind", "status", "service")
    }
    assert cell_text(cells["exchange", "Kind"], "hadr_exercise") == "HADR exercise"
    assert cell_text(cells["exchange", "Kind"], "course_seat") == "Course seat"
    assert cell_text(cells["exchange", "Status"], "in_progress") == "In progress"
    assert cell_text(cells["liaison_assignment", "Kind"], "defence_attache") == "Defence attaché"
    assert cell_text(cells["person", "Service"], "air_force") == "Air force"
    assert cell_text(cells["person", "Service"], "") == ""
    assert cell_text(cells["agreement", "Kind"], "status_of_forces_agreement") == (
        "Status of forces agreement"
    )


def test_the_deadlines_page_shows_a_started_planned_tour_as_a_status_to_fix(
    qtbot, admin: Desk
) -> None:
    """Item 10: a tour past its start, still planned, ending in 45 days: both rows shown."""
    from app.ui.deadlines_view import DeadlinesView

    started_planned_tour(admin)
    view = DeadlinesView(admin, lead_days=90)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    shown = {(view.model.index(r, 2).data(), view.model.index(r, 3).data()) for r in range(2)}
    assert shown == {
        ("status to fix", "Liaison tour started; its status is still Planned"),
        ("45 d", "Liaison tour ends"),
    }
    assert view.summary.text() == "1 due within 90 days; 1 status to fix"


def test_a_nations_checklist_keeps_its_order_shows_chips_and_takes_a_group(qtbot) -> None:  # noqa: ANN001
    """Item 6: ticking and searching never reorder the list; the chosen nations are chips
    above it, whatever the search; a chip's click removes it; a group ticks its members."""
    from app.ui.widgets import CheckList

    nations = [
        ("CAN", "CAN — Canada"),
        ("GBR", "GBR — United Kingdom"),
        ("NOR", "NOR — Norway"),
        ("USA", "USA — United States"),
    ]
    checks = CheckList(nations, groups={"FVEY": frozenset({"CAN", "GBR", "USA"})})
    qtbot.addWidget(checks)
    checks.show()
    order = [checks.list.item(r).text() for r in range(checks.list.count())]
    norway = checks.list.item(2)
    rect = checks.list.visualItemRect(norway)
    qtbot.mouseClick(  # the check box at the row's left
        checks.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=rect.topLeft() + QPoint(8, rect.height() // 2),
    )
    assert checks.checked() == {"NOR"}
    qtbot.keyClicks(checks.search, "united")
    assert [checks.list.item(r).text() for r in range(checks.list.count())] == order
    shown = [
        checks.list.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(4)
        if not checks.list.item(r).isHidden()
    ]
    assert shown == ["GBR", "USA"]  # Norway, ticked, is hidden by the search, not moved
    chips = [checks.chips.item(r).text() for r in range(checks.chips.count())]
    assert checks.chips.isVisible() and chips == ["NOR  ✕"]
    checks.group_menu.setCurrentIndex(checks.group_menu.findData("FVEY"))
    checks.group_menu.activated.emit(checks.group_menu.currentIndex())
    assert checks.checked() == {"CAN", "GBR", "NOR", "USA"}
    assert checks.group_menu.currentIndex() == 0
    chip = checks.chips.item(1)  # GBR
    assert chip.data(Qt.ItemDataRole.UserRole) == "GBR"
    qtbot.mouseClick(
        checks.chips.viewport(),
        Qt.MouseButton.LeftButton,
        pos=checks.chips.visualItemRect(chip).center(),
    )
    assert checks.checked() == {"CAN", "NOR", "USA"}
    assert [checks.chips.item(r).text()[:3] for r in range(checks.chips.count())] == [
        "CAN",
        "NOR",
        "USA",
    ]


def test_the_exchange_form_offers_nation_groups_for_its_partner_nations(qtbot, admin: Desk) -> None:
    form = ExchangeForm(admin, None)
    qtbot.addWidget(form)
    partners = form.editors["partner_nations"].widget
    assert partners.group_menu is not None
    index = partners.group_menu.findData("FVEY")
    assert index > 0
    partners.group_menu.activated.emit(index)
    assert form.editors["partner_nations"].get() == sorted(admin.db.nation_groups()["FVEY"])


def test_one_click_on_a_person_shows_them_beside_the_list_and_tab_leaves_the_list(
    qtbot, admin: Desk
) -> None:
    """Item 9: a single click opens the row in the side form; Tab is not caught by the table."""
    from tests.helpers.gui import open_window

    admin.people.create({"family_name": "Nowak", "nation_code": "POL"})
    window = open_window(qtbot, admin)
    page = window.navigation.show_page("people")
    view = window.navigation.lists["people"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and page.controller is not None)
    rect = view.table.visualRect(view.model.index(0, 2))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: page.form.editors["family_name"].get() == "Nowak")
    assert not view.table.tabKeyNavigation()


def test_a_list_empty_when_opened_fits_its_columns_to_its_first_records(qtbot, admin: Desk) -> None:
    """Item 9: the columns of a list opened empty are fitted once records arrive (the
    reference is not cut)."""
    from tests.helpers.gui import open_window

    window = open_window(qtbot, admin)
    view = window.navigation.lists["people"]
    qtbot.waitUntil(lambda: not view.model.loading())
    assert view.model.rowCount() == 0 and not view.sized
    person = admin.people.create({"family_name": "Nowak", "nation_code": "POL"}).record
    view.model.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.sized)
    column = next(i for i, c in enumerate(view.model.columns) if c.field == "reference")
    needed = view.table.fontMetrics().horizontalAdvance(person.reference)
    assert view.table.columnWidth(column) > needed


def test_icons_are_drawn_in_a_light_ink_on_a_dark_palette(qapp) -> None:  # noqa: ANN001
    """Item 13: toolbar icons keep their contrast in a dark theme."""
    from PySide6.QtGui import QColor, QPalette

    from app.ui.icons import icon

    def ink(name: str) -> float:
        image = icon(name).pixmap(24, 24).toImage()
        strokes = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
        strokes = [c for c in strokes if c.alpha() > 200]
        assert strokes, name
        return sum(c.lightness() for c in strokes) / len(strokes)

    light = {name: ink(name) for name in ("save", "print", "lock", "new")}
    original = qapp.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    qapp.setPalette(dark)
    try:
        for name, lightness in light.items():
            assert lightness < 128 < ink(name), name  # dark ink on light, light ink on dark
    finally:
        qapp.setPalette(original)


def test_every_icon_an_action_names_is_drawn(qtbot, admin: Desk) -> None:
    from PySide6.QtGui import QAction

    from tests.helpers.gui import open_window

    window = open_window(qtbot, admin)
    named = [a for a in window.commands.findChildren(QAction) if a.property("icon_name")]
    assert len(named) > 10
    missing = [a.property("icon_name") for a in named if a.icon().isNull()]
    assert missing == []


def test_a_list_banner_covers_every_row_it_can_scroll_to(qtbot, admin: Desk) -> None:
    """Issue 14, item 9: the banner of a list is the marking of the whole filtered list (one
    aggregate of its labels), not of the rows loaded so far."""
    from app.domain.labels import Label, Release
    from app.ui.table_model import RecordTableModel
    from tests.helpers.gui import open_window

    for n in range(30):
        admin.people.create({"family_name": f"Plain{n:02d}", "nation_code": "POL"})
    admin.people.create(
        {"family_name": "Zzsecret", "nation_code": "USA"}, label=Label(3, Release.NOFORN)
    )
    window = open_window(qtbot, admin)
    view = window.navigation.lists["people"]
    view.model.page_size = 10  # the secret row is far from the loaded pages
    view.model.refresh()
    qtbot.waitUntil(lambda: view.model.list_labels is not None and not view.model.loading())
    assert isinstance(view.model, RecordTableModel)
    assert view.model.cached_label(30) is None  # the secret row is not loaded
    expected = admin.marking(Label(3, Release.NOFORN))
    qtbot.waitUntil(lambda: window.top_banner.text() == expected)
    view.quick_filter.setText("plain")
    qtbot.waitUntil(
        lambda: view.model.filters.get("text") == "plain" and view.model.list_labels is not None
    )
    qtbot.waitUntil(lambda: window.top_banner.text() == admin.marking(Label(0)))


def test_a_chosen_vocabulary_value_is_a_chip_of_its_label(qtbot) -> None:  # noqa: ANN001
    """Chosen nations are chips of their codes; chosen values of a vocabulary (an exchange's
    domains) chips of the words shown beside their boxes, never the stored value."""
    from app.domain.vocab import Domain
    from app.services.exchanges import ExchangeService
    from app.ui.records.editors import widget_for

    spec = next(f for f in ExchangeService.fields if f.name == "domains")
    checks = widget_for(spec, {})
    qtbot.addWidget(checks)
    checks.show()
    checks.set_checked({Domain.JOINT.value})
    assert [checks.chips.item(r).text() for r in range(checks.chips.count())] == [
        f"{Domain.JOINT.label}  ✕"
    ]
    assert checks.chips.item(0).toolTip() == f"Remove {Domain.JOINT.label}"


def test_a_list_banner_is_combined_off_the_windows_thread(qtbot, admin: Desk, monkeypatch) -> None:  # noqa: ANN001
    """Issue 16: the first combination of a list's labels (half a second at ~17,000 distinct
    labels) runs where they are read, off the window's thread; the banner's own call when
    they arrive finds it combined."""
    import threading

    import app.services.desk as desk_module
    from app.domain.labels import Label, Release
    from tests.helpers.gui import open_window

    admin.people.create({"family_name": "Plain", "nation_code": "POL"})
    admin.people.create(
        {"family_name": "Secret", "nation_code": "USA"}, label=Label(3, Release.NOFORN)
    )
    combined_in: list[tuple[frozenset, bool]] = []
    check_banner = desk_module.check_banner

    def recorded(label, labels, owner, groups):  # noqa: ANN001, ANN202
        combined_in.append(
            (frozenset(labels), threading.current_thread() is threading.main_thread())
        )
        return check_banner(label, labels, owner, groups)

    monkeypatch.setattr(desk_module, "check_banner", recorded)
    window = open_window(qtbot, admin)
    view = window.navigation.lists["people"]
    qtbot.waitUntil(lambda: not view.model.loading())
    desk = view.model.service.desk
    with desk._combined_lock:  # what the first load combined is forgotten
        desk._combined.clear()
    combined_in.clear()
    view.model.page_size = 1  # more rows than a page: the whole list's labels are read
    view.model.refresh()
    qtbot.waitUntil(lambda: view.model.list_labels is not None and not view.model.loading())
    expected = admin.marking(Label(3, Release.NOFORN))
    qtbot.waitUntil(lambda: window.top_banner.text() == expected)
    whole = frozenset(view.model.list_labels)
    assert len(whole) == 2
    assert (whole, False) in combined_in  # combined by the worker that read them
    assert (whole, True) not in combined_in  # never again on the window's thread
