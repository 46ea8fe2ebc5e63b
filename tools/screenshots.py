"""Render every main screen offscreen with demo data into docs/screenshots/screen-<name>.png.

Run from the repository root: ``python3 tools/screenshots.py``. Uses ``app.services.demo`` when
present, else creates a dozen records through the services.
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

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.domain.labels import Label, Release  # noqa: E402
from app.services.desk import Desk  # noqa: E402
from app.services.setup import initialise  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PASSWORD = "correct horse battery"

PEOPLE = [
    ("Kowalski", "Jan", "Major", "OF-3", "army", "POL", "12th Mechanised Brigade", Label(2, Release.REL, frozenset({"POL"}))),
    ("Smith", "Anna", "Squadron Leader", "OF-3", "air_force", "GBR", "RAF Waddington", Label(1, Release.REL, frozenset({"FVEY"}))),
    ("Dubois", "Claire", "Capitaine de frégate", "OF-4", "navy", "FRA", "État-major de la Marine", Label(0)),
    ("Müller", "Thomas", "Oberstleutnant", "OF-4", "army", "DEU", "Panzerbrigade 21", Label(0)),
    ("Tanaka", "Hiroshi", "Lieutenant Colonel", "OF-4", "joint", "JPN", "Joint Staff", Label(2)),
    ("Rossi", "Marco", "Tenente Colonnello", "OF-4", "air_force", "ITA", "46ª Brigata Aerea", Label(0)),
    ("Nguyen", "Linh", "Commander", "OF-4", "navy", "AUS", "HMAS Stirling", Label(1, Release.REL, frozenset({"FVEY"}))),
    ("Johnson", "Mark", "Colonel", "OF-5", "army", "USA", "US Army Europe", Label(3, Release.NOFORN)),
    ("García", "Lucía", "Comandante", "OF-3", "army", "ESP", "Brigada Guadarrama XII", Label(0)),
    ("Andersen", "Mette", "Major", "OF-3", "army", "DNK", "Danish Division", Label(1)),
    ("Kim", "Min-jun", "Lieutenant Commander", "OF-3", "navy", "KOR", "ROK Fleet", Label(2)),
    ("O'Brien", "Sean", "Commandant", "OF-3", "army", "IRL", "Defence Forces HQ", Label(0)),
    ("Novak", "Petra", "Major", "OF-3", "air_force", "CZE", "22nd Air Base", Label(0)),
    ("Lefèvre", "Julien", "Lieutenant-colonel", "OF-4", "joint", "BEL", "Belgian Defence", Label(1)),
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
        saved = desk.people.create({
            "family_name": family, "given_names": given, "rank": rank, "rank_code": code, "service": service,
            "nation_code": nation, "unit": unit, "email": f"{given.lower()[:1]}.{family.lower().replace(chr(39), '')}@example.org",
            "clearance_level": 2, "clearance_nation": nation, "clearance_expiry": today + dt.timedelta(days=40 + 90 * n),
            "languages": "eng 3/3/3/3; fra 2/2/2/2", "passport_number": f"X{100000 + n}",
            "passport_expiry": today + dt.timedelta(days=60 + 200 * n),
        }, label=label)
        ids.append(saved.record.id)
    for n, (title, kind, status, parties) in enumerate([
        ("Personnel exchange programme USA–POL", "personnel_exchange_agreement", "in_force", ["USA", "POL"]),
        ("Technical arrangement on liaison officers", "technical_arrangement", "signed", ["GBR", "AUS"]),
        ("MOU on combined training", "memorandum_of_understanding", "in_negotiation", ["DEU", "FRA"]),
    ]):
        try:
            desk.agreements.create({"title": title, "kind": kind, "status": status, "parties": parties,
                                    "expiry_date": today + dt.timedelta(days=50 + 300 * n)}, label=Label(n % 2))
        except Exception as error:  # noqa: BLE001
            print("agreement:", error)
    for n, person in enumerate(ids[:4]):
        try:
            reference = desk.people.get(person)[0].reference
            desk.liaison.create({"person": reference, "kind": "liaison_officer", "host_nation": "USA",
                                 "host_organisation": "US Army Europe", "start_date": today - dt.timedelta(days=100 * n),
                                 "end_date": today + dt.timedelta(days=60 + 200 * n), "status": "active"}, label=Label(n % 3))
        except Exception as error:  # noqa: BLE001
            print("liaison:", error)
    desk.users.create_ntk_group("PROJECT-ALPHA")
    for name, role, nation in (("coord", "coordinator", "USA"), ("viewer", "viewer", "USA"), ("gbr.lo", "viewer", "GBR"),
                               ("auditor", "auditor", "USA")):
        desk.users.create({"username": name, "role": role, "clearance": "S", "nation": nation, "groups": [], "password": PASSWORD})
    return ids


def settle(app: QApplication) -> None:
    """Let queued page fetches and layouts finish."""
    for _ in range(20):
        app.processEvents()


def main() -> int:
    """Render the screens."""
    from app.security.auth import authenticate
    from app.ui.first_run import FirstRunDialog
    from app.ui.login import LoginDialog
    from app.ui.main_window import MainWindow
    from app.ui.settings import app_settings

    app = QApplication.instance() or QApplication(sys.argv)
    OUT.mkdir(parents=True, exist_ok=True)
    home = Path(os.environ["XDESK_HOME"])
    database = initialise(home / "demo.sqlite", "USA", "default", "admin", PASSWORD)
    desk = Desk(database, "admin")
    ids = fill(desk)
    authenticate(database, "admin", PASSWORD)

    first = FirstRunDialog(str(home / "desk.sqlite"), [str(home / "demo.sqlite")])
    first.nation.setEditText("USA — United States")
    first.show()
    settle(app)
    first.grab().save(str(OUT / "screen-first-run.png"))
    login = LoginDialog(database, str(home / "demo.sqlite"), "admin")
    login.show()
    settle(app)
    login.grab().save(str(OUT / "screen-login.png"))

    window = MainWindow(desk, app_settings(), "demo.sqlite")
    window.person.confirm = lambda _text: "discard"
    window.resize(1440, 900)
    window.show()
    settle(app)
    window.open_person(ids[0])
    settle(app)
    window.grab().save(str(OUT / "screen-people.png"))
    window.person.new()
    form = window.person_form
    form.editors["family_name"].set("Nowak")
    form.editors["email"].set("not-an-address")
    window.person.save()
    settle(app)
    window.grab().save(str(OUT / "screen-person-validation.png"))
    for key in ("exchanges", "agreements", "liaison", "deadlines", "users", "audit"):
        if key not in window.page_keys:
            continue
        window.sidebar.setCurrentRow(window.page_keys.index(key))
        settle(app)
        if key == "audit":
            window.audit_view.verify()
            window.audit_view.worker.wait()
            settle(app)
            window.audit_view.table.selectRow(window.audit_view.table.rowCount() - 3)
        window.grab().save(str(OUT / f"screen-{key}.png"))
    window.lock()
    settle(app)
    window.grab().save(str(OUT / "screen-locked.png"))
    window.lock_page.password.setText(PASSWORD)
    window.try_unlock()
    window.close()
    database.dispose()
    print("\n".join(sorted(p.name for p in OUT.glob("screen-*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
