"""Render every main screen offscreen with demo data into docs/screenshots/screen-<name>.png.

Run from the repository root: ``python3 tools/screenshots.py``. Uses ``app.services.demo`` when
present, else creates a dozen records through the services. ``--language fr`` renders the
window in French into docs/screenshots/fr/ (the English screenshots stay as they are);
``--dark`` in a desktop's dark palette into a ``dark/`` folder beside (``docs/screenshots/dark/``,
``docs/screenshots/fr/dark/``).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["XDESK_HOME"] = tempfile.mkdtemp(prefix="xdesk-shots-")

from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain.labels import Label, Release  # noqa: E402
from app.services.desk import Desk  # noqa: E402
from app.services.setup import initialise  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PASSWORD = "correct horse battery"

PEOPLE = [
    (
        "Kowalski",
        "Jan",
        "Major",
        "OF-3",
        "army",
        "POL",
        "12th Mechanised Brigade",
        Label(2, Release.REL, frozenset({"POL"})),
    ),
    (
        "Smith",
        "Anna",
        "Squadron Leader",
        "OF-3",
        "air_force",
        "GBR",
        "RAF Waddington",
        Label(2, Release.REL, frozenset({"FVEY"})),
    ),
    (
        "Dubois",
        "Claire",
        "Capitaine de frégate",
        "OF-4",
        "navy",
        "FRA",
        "État-major de la Marine",
        Label(0),
    ),
    ("Müller", "Thomas", "Oberstleutnant", "OF-4", "army", "DEU", "Panzerbrigade 21", Label(0)),
    (
        "Tanaka",
        "Hiroshi",
        "Lieutenant Colonel",
        "OF-4",
        "joint",
        "JPN",
        "Joint Staff",
        Label(2, Release.REL, frozenset({"JPN"})),
    ),
    (
        "Rossi",
        "Marco",
        "Tenente Colonnello",
        "OF-4",
        "air_force",
        "ITA",
        "46ª Brigata Aerea",
        Label(0),
    ),
    (
        "Nguyen",
        "Linh",
        "Commander",
        "OF-4",
        "navy",
        "AUS",
        "HMAS Stirling",
        Label(2, Release.REL, frozenset({"FVEY"})),
    ),
    (
        "Johnson",
        "Mark",
        "Colonel",
        "OF-5",
        "army",
        "USA",
        "US Army Europe",
        Label(3, Release.NOFORN),
    ),
    ("García", "Lucía", "Comandante", "OF-3", "army", "ESP", "Brigada Guadarrama XII", Label(0)),
    ("Andersen", "Mette", "Major", "OF-3", "army", "DNK", "Danish Division", Label(0)),
    (
        "Kim",
        "Min-jun",
        "Lieutenant Commander",
        "OF-3",
        "navy",
        "KOR",
        "ROK Fleet",
        Label(2, Release.REL, frozenset({"KOR"})),
    ),
    ("O'Brien", "Sean", "Commandant", "OF-3", "army", "IRL", "Defence Forces HQ", Label(0)),
    ("Novak", "Petra", "Major", "OF-3", "air_force", "CZE", "22nd Air Base", Label(0)),
    (
        "Lefèvre",
        "Julien",
        "Lieutenant-colonel",
        "OF-4",
        "joint",
        "BEL",
        "Belgian Defence",
        Label(2, Release.REL, frozenset({"NATO"})),
    ),
]


def fill(desk: Desk) -> list[int]:
    """A dozen people, a few agreements and liaison tours, through the services."""
    try:
        from app.services import demo  # type: ignore[attr-defined]

        demo.fill(desk)  # the demo filler, when it exists
    except Exception:  # noqa: BLE001 - fall back to our own records
        pass
    ids = []
    today = dt.date.today()
    for n, (family, given, rank, code, service, nation, unit, label) in enumerate(PEOPLE):
        saved = desk.people.create(
            {
                "family_name": family,
                "given_names": given,
                "rank": rank,
                "rank_code": code,
                "service": service,
                "nation_code": nation,
                "unit": unit,
                "email": f"{given.lower()[:1]}.{family.lower().replace(chr(39), '')}@example.org",
                "clearance_level": 2,
                "clearance_nation": nation,
                "clearance_expiry": today + dt.timedelta(days=40 + 90 * n),
                "languages": "eng 3/3/3/3; fra 2/2/2/2",
                "passport_number": f"X{100000 + n}",
                "passport_expiry": today + dt.timedelta(days=60 + 200 * n),
            },
            label=label,
        )
        ids.append(saved.record.id)
    for n, (title, kind, status, parties) in enumerate(
        [
            (
                "Personnel exchange programme USA–POL",
                "personnel_exchange_agreement",
                "in_force",
                ["USA", "POL"],
            ),
            (
                "Technical arrangement on liaison officers",
                "technical_arrangement",
                "signed",
                ["GBR", "AUS"],
            ),
            (
                "MOU on combined training",
                "memorandum_of_understanding",
                "in_negotiation",
                ["DEU", "FRA"],
            ),
        ]
    ):
        try:
            desk.agreements.create(
                {
                    "title": title,
                    "kind": kind,
                    "status": status,
                    "parties": parties,
                    "expiry_date": today + dt.timedelta(days=50 + 300 * n),
                },
                # UNCLASSIFIED and CONFIDENTIAL//NOFORN: under a US owner a classified record
                # needs a disclosure marking, and RESTRICTED is not a US level (issue 14)
                label=Label(2, Release.NOFORN) if n % 2 else Label(0),
            )
        except Exception as error:  # noqa: BLE001
            print("agreement:", error)
    for n, person in enumerate(ids[:4]):
        try:
            reference = desk.people.get(person)[0].reference
            desk.liaison.create(
                {
                    "person": reference,
                    "kind": "liaison_officer",
                    "host_nation": "USA",
                    "host_organisation": "US Army Europe",
                    "start_date": today - dt.timedelta(days=100 * n),
                    "end_date": today + dt.timedelta(days=60 + 200 * n),
                    "status": "active",
                },
                label=(
                    Label(2, Release.REL, frozenset({"NATO"}))
                    if n % 3 == 2
                    else Label(2, Release.NOFORN)
                    if n % 3 == 1
                    else Label(0)
                ),
            )
        except Exception as error:  # noqa: BLE001
            print("liaison:", error)
    try:
        desk.users.create_ntk_group("PROJECT-ALPHA")
    except Exception as error:  # noqa: BLE001 - the demo filler may have made it
        print("group:", error)
    for name, role, nation in (
        ("coord", "coordinator", "USA"),
        ("viewer", "viewer", "USA"),
        ("gbr.lo", "viewer", "GBR"),
        ("auditor", "auditor", "USA"),
    ):
        try:
            desk.users.create(
                {
                    "username": name,
                    "role": role,
                    "clearance": "S",
                    "nation": nation,
                    "groups": [],
                    "password": PASSWORD,
                }
            )
        except Exception as error:  # noqa: BLE001 - the demo filler may have made it
            print("user:", error)
    return ids


def settle(app: QApplication, until: object = None, limit: float = 15.0) -> None:
    """Let background fetches, layouts and paints finish (and ``until()`` become true)."""
    import time

    from PySide6.QtTest import QTest

    end = time.monotonic() + limit
    QTest.qWait(60)
    while until is not None and not until() and time.monotonic() < end:  # type: ignore[operator]
        QTest.qWait(20)
    QTest.qWait(60)


def lists_loaded(window: object) -> object:
    """A check that every list of a window has its rows."""
    return lambda: all(
        not view.model.loading() or not view.isVisible()
        for view in window.navigation.lists.values()
    )  # type: ignore[attr-defined]


def with_popup(window: object, popup: object, framed: bool = False) -> object:
    """The window's picture with a separate popup window painted where it shows (``framed``:
    with a thin frame where a desktop would draw the dialog's border)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter

    picture = window.grab()  # type: ignore[attr-defined]
    painter = QPainter(picture)
    at = window.mapFromGlobal(popup.mapToGlobal(QPoint(0, 0)))  # type: ignore[attr-defined]
    shot = popup.grab()  # type: ignore[attr-defined]
    painter.drawPixmap(at, shot)
    if framed:
        painter.setPen(QColor("#555555"))
        painter.drawRect(at.x() - 1, at.y() - 1, shot.width() + 1, shot.height() + 1)
    painter.end()
    return picture


def dialogs(app: QApplication, database: object, desk: Desk, ids: list[int]) -> None:
    """The connect dialog and the conflict question (screen-connect.png, screen-conflict.png)."""
    from app.ui.connect_dialog import ConnectDialog
    from app.ui.person_form import PersonRecordForm
    from app.ui.record_window import RecordWindow

    connect = ConnectDialog()
    form = connect.form
    form.host.setText("desk.office.example")
    form.database.setText("exchange_desk")
    form.user.setText("coord")
    form.ca_file.setText("/etc/exchange-desk/office-ca.pem")
    connect.show()
    settle(app)
    connect.grab().save(str(OUT / "screen-connect.png"))
    connect.close()

    # a coordinator saves the person while the administrator's window still holds version 1
    person = PersonRecordForm(desk, ids[0])
    window = RecordWindow(person, desk)
    window.resize(900, 760)
    window.show()
    settle(app, lambda: not person.controller.loading)
    other = Desk(database, "coord")  # type: ignore[arg-type]
    record = other.people.get(ids[0])[0]
    other.people.update(
        ids[0],
        {"rank": "Lieutenant Colonel", "rank_code": "OF-4", "unit": "Multinational Corps NE"},
        expected_version=record.row_version,
    )
    person.editors["unit"].set("Joint Force Training Centre")
    person.editors["phone"].set("+48 61 000 0000")
    person.controller.save()
    settle(app, lambda: person.controller.conflict_dialog is not None)
    dialog = person.controller.conflict_dialog
    settle(app)
    with_popup(window, dialog, framed=True).save(str(OUT / "screen-conflict.png"))
    dialog.keep_button.click()
    person.controller.revert()
    settle(app, lambda: not person.controller.loading)
    window.close()


def dark_palette() -> QPalette:
    """A desktop's dark palette (as KDE's Breeze Dark and GNOME's Adwaita dark give Qt)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2d30"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1e1f22"),
        (roles.AlternateBase, "#26282b"),
        (roles.ToolTipBase, "#3c3f41"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.PlaceholderText, "#8c8c8c"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#3c3f41"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.BrightText, "#ff6b6b"),
        (roles.Light, "#4a4d50"),
        (roles.Midlight, "#404346"),
        (roles.Mid, "#313335"),
        (roles.Dark, "#1b1c1e"),
        (roles.Shadow, "#000000"),
        (roles.Highlight, "#2f65ca"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#6ea8fe"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def language_argument(argv: list[str]) -> str:
    """``--language fr`` (or ``--language=fr``); else XDESK_LANGUAGE; else English."""
    for index, arg in enumerate(argv):
        if arg.startswith("--language="):
            return arg.split("=", 1)[1]
        if arg == "--language" and index + 1 < len(argv):
            return argv[index + 1]
    return os.environ.get("XDESK_LANGUAGE", "en")


def main() -> int:
    """Render the screens (``--dialogs``: only the connect dialog and the conflict question;
    ``--language fr``: in French, into docs/screenshots/fr; ``--dark``: in the desktop's dark
    mode, into a ``dark`` folder beside)."""
    global OUT
    from app.security.auth import authenticate
    from app.ui.first_run import FirstRunDialog
    from app.ui.i18n import install_language
    from app.ui.login import LoginDialog
    from app.ui.main_window import MainWindow
    from app.ui.settings import app_settings

    app = QApplication.instance() or QApplication(sys.argv)
    from app.ui.collector import collect_on_gui_thread

    collect_on_gui_thread(app)
    language = language_argument(sys.argv)
    if language != "en":
        OUT = OUT / language
    if "--dark" in sys.argv:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())  # as a desktop in dark mode gives it (icons follow it)
        OUT = OUT / "dark"
    install_language(language)  # before any widget is built
    OUT.mkdir(parents=True, exist_ok=True)
    home = Path(os.environ["XDESK_HOME"])
    database = initialise(home / "demo.sqlite", "USA", "default", "admin", PASSWORD)
    desk = Desk(database, "admin")
    ids = fill(desk)
    authenticate(database, "admin", PASSWORD)
    if "--dialogs" in sys.argv:
        dialogs(app, database, desk, ids)
        database.dispose()
        return 0

    first = FirstRunDialog(str(home / "desk.sqlite"), [str(home / "demo.sqlite")])
    first.nation.setEditText("USA — United States")
    first.show()
    settle(app)
    first.grab().save(str(OUT / "screen-first-run.png"))
    login = LoginDialog(None, str(home / "demo.sqlite"), "admin", target=str(home / "demo.sqlite"))
    login.show()
    settle(app)
    login.grab().save(str(OUT / "screen-login.png"))

    window = MainWindow(desk, app_settings(), "demo.sqlite")
    window.resize(1440, 900)
    window.show()
    people = window.page("people")
    settle(
        app, lambda: people.controller is not None
    )  # the form is built once its choices are read
    people.controller.confirm = lambda _text: "discard"
    settle(app, lists_loaded(window))
    window.open_form("person", ids[0])
    settle(app, lambda: not people.controller.loading and not window.operations.is_busy())
    settle(app, lists_loaded(window))
    window.grab().save(str(OUT / "screen-people.png"))

    # a list export ends by saying the file's marking and where its label file is
    from app.ui.list_export import export_view

    view = window.navigation.lists["people"]
    runner = export_view(desk, "people", view.model, window, path=str(home / "people.csv"))
    settle(app, lambda: runner is not None and not runner.running)
    runner.grab().save(str(OUT / "screen-export-done.png"))
    runner.close()

    # global search as you type: "muller" (no diacritics) and "ko" find people and more
    window.focus_search()
    window.search.box.setText("mul")
    settle(app, lambda: window.search.shown_query == "mul" and not window.search.busy())
    with_popup(window, window.search.panel).save(str(OUT / "screen-search.png"))
    window.search.box.clear()
    settle(app)
    window.page("people").controller.new()
    form = window.page("people").form
    form.editors["family_name"].set("Nowak")
    form.editors["email"].set("not-an-address")
    window.page("people").controller.save()
    settle(app, lambda: not window.operations.is_busy())
    window.grab().save(str(OUT / "screen-person-validation.png"))
    for key in ("exchanges", "agreements", "liaison", "deadlines", "users", "audit"):
        if key not in window.navigation.page_keys:
            continue
        window.navigation.sidebar.setCurrentRow(window.navigation.page_keys.index(key))
        settle(app, lists_loaded(window))
        if key == "deadlines":
            view = window.page("deadlines").view
            settle(app, lambda v=view: v.model.rowCount() > 0)
            audit = window.page("audit").view
            audit.verify()
            audit.worker.wait()
            settle(app, lambda: not window.operations.is_busy())
            audit.table.selectRow(max(audit.model.rowCount() - 3, 0))
        window.grab().save(str(OUT / f"screen-{key}.png"))
    exchange = desk.exchanges.list(limit=1).records[0]
    window.open_form("exchange", exchange.id)
    record_window = window.navigation.record_windows[-1]
    settle(app, lambda: record_window.form.record_id == exchange.id)
    settle(app, lambda: not record_window.form.controller.loading)
    record_window.resize(1100, 820)
    settle(app)
    record_window.grab().save(str(OUT / "screen-exchange-window.png"))
    record_window.resize(800, 600)  # the smallest screen a coordinator may have
    settle(app)
    record_window.grab().save(str(OUT / "screen-exchange-window-800x600.png"))
    record_window.close()
    from app.ui.report_dialog import ReportDialog

    dialog = ReportDialog(desk, window)
    dialog.report.setCurrentIndex(dialog.report.findData("person"))
    dialog.show()
    chooser = dialog.editors["person"]
    settle(app, lambda: chooser.loaded)
    chooser.setCurrentIndex(0)
    report_pdf = Path(os.environ["XDESK_HOME"]) / "person.pdf"
    dialog.save_pdf(str(report_pdf))
    settle(app, lambda: not dialog.busy(), limit=60)
    dialog.grab().save(str(OUT / "screen-report-dialog.png"))
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from app.ui.report_pages import paint_pages, pdf_pages

    pages = pdf_pages(report_pdf)
    if pages:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog._set_paper(printer, pages)  # noqa: SLF001 - the dialog's own paper choice
        preview = QPrintPreviewDialog(printer, dialog)
        preview.paintRequested.connect(lambda p: paint_pages(p, pages))
        preview.resize(900, 980)
        preview.show()
        settle(app)
        preview.grab().save(str(OUT / "screen-report-preview.png"))
        preview.close()
    dialog.close()
    from app.ui.import_backup import ImportDialog

    bad_csv = Path(os.environ["XDESK_HOME"]) / "people-to-import.csv"
    bad_csv.write_text(
        "family_name,given_names,nation,classification,releasable_to,groups\n"
        "Nowak,Piotr,POL,U,,\nSilva,Ana,BR,R,NATO,\nSato,Yuki,JPN,C,FVEY JPN,\n",
        encoding="utf-8",
    )
    importer = ImportDialog(desk, window)
    importer.path.setText(str(bad_csv))
    importer.show()
    importer.preview()
    settle(app, lambda: importer.worker is None and importer.result is not None)
    importer.grab().save(str(OUT / "screen-import-preview.png"))
    importer.start()
    settle(app, lambda: importer.worker is None and not importer.result.preview)
    importer.grab().save(str(OUT / "screen-import.png"))
    importer.close()
    shortcuts = window.commands.show_shortcuts()
    settle(app)
    shortcuts.grab().save(str(OUT / "screen-help-shortcuts.png"))
    shortcuts.close()

    dialogs(app, database, desk, ids)
    window.lock()
    settle(app)
    window.grab().save(str(OUT / "screen-locked.png"))
    window.idle_lock.page.password.setText(PASSWORD)
    window.idle_lock.try_unlock()
    settle(app, lambda: not window.locked)
    window.close()
    database.dispose()
    print("\n".join(sorted(p.name for p in OUT.glob("screen-*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
