"""Build (or reuse) a benchmark database of a given size, fast.

The schema, nations, labels and users are made through the services; the bulk rows are then
inserted with raw `sqlite3.executemany` (a benchmark fixture, not a product path).
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time
from pathlib import Path

from app.domain.labels import Label, Release
from app.services.desk import Desk
from app.services.setup import initialise, open_desk_database

PASSWORD = "benchmark password"
FAMILY = [
    "Smith",
    "Müller",
    "Kowalski",
    "Núñez",
    "Dubois",
    "Rossi",
    "Tanaka",
    "Kim",
    "Novák",
    "Yılmaz",
    "Papadopoulos",
    "Johansson",
    "Nielsen",
    "Kovács",
    "Popescu",
    "Silva",
    "García",
    "Ivanenko",
    "Haddad",
    "Nguyen",
    "Santos",
    "Brown",
    "Schmidt",
    "Lefèvre",
    "Wiśniewski",
    "Øvergaard",
    "Þórsson",
    "Şahin",
    "Čapek",
    "Džeko",
]
GIVEN = [
    "Anna",
    "Jan",
    "Hiroshi",
    "María",
    "Pierre",
    "Giulia",
    "Min-jun",
    "Petr",
    "Ayşe",
    "Nikos",
    "Lars",
    "Zsófia",
    "Andrei",
    "João",
    "Olena",
    "Omar",
    "Linh",
    "James",
    "Klaus",
    "Élodie",
]
NATIONS = [
    "USA",
    "GBR",
    "DEU",
    "POL",
    "ESP",
    "FRA",
    "ITA",
    "JPN",
    "KOR",
    "CZE",
    "TUR",
    "GRC",
    "SWE",
    "DNK",
    "HUN",
    "ROU",
    "PRT",
    "UKR",
    "JOR",
    "VNM",
    "AUS",
    "CAN",
    "NOR",
    "ISL",
]
LABELS = [
    Label(0),
    Label(0),
    Label(0),
    Label(2, Release.REL, frozenset({"NATO"})),
    Label(2, Release.REL, frozenset({"NATO"})),
    Label(2, Release.REL, frozenset({"FVEY"})),
    Label(2, Release.REL, frozenset({"NATO"})),
    Label(2, Release.NOFORN),
    Label(3, Release.REL, frozenset({"GBR", "AUS"})),
    Label(3, Release.NOFORN),
    Label(4, Release.NOFORN),
]


def build(path: Path, people: int, exchanges: int, seed: int = 7) -> Path:
    """Create the database at ``path`` unless it already holds ``people`` people."""
    path = Path(path)
    if path.exists():
        connection = sqlite3.connect(path)
        have = connection.execute("SELECT count(*) FROM people").fetchone()[0]
        connection.close()
        if have == people:
            return path
        path.unlink()
    started = time.perf_counter()
    database = initialise(path, "USA", "default", "admin", PASSWORD, encrypt=False)
    desk = Desk(database, "admin")
    desk.users.create(
        {
            "username": "gbr",
            "role": "viewer",
            "clearance": "S",
            "nation": "GBR",
            "password": PASSWORD,
        }
    )
    label_ids = []
    for label in LABELS:
        saved = desk.people.create({"family_name": "Seed", "nation_code": "USA"}, label=label)
        label_ids.append(saved.record.label_id)
    database.dispose()
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    now = dt.datetime(2026, 1, 1).isoformat(sep=" ")
    batch = []
    born = dt.date(1960, 1, 1)
    for n in range(people - len(LABELS)):
        # identity columns as an office has them: most people have a passport and a birth date
        passport = f"XA{n:07d}" if rng.random() < 0.8 else ""
        service_number = f"S{n:08d}" if rng.random() < 0.6 else ""
        birth = (
            (born + dt.timedelta(days=rng.randrange(0, 40 * 365))).isoformat()
            if rng.random() < 0.9
            else None
        )
        batch.append(
            (
                f"B-{n:07d}",
                rng.choice(FAMILY),
                rng.choice(GIVEN),
                "",
                "",
                "",
                "army",
                rng.choice(NATIONS),
                "",
                "",
                "",
                "",
                "",
                passport,
                service_number,
                "",
                "",
                "",
                rng.choice(label_ids),
                now,
                "bench",
                now,
                "bench",
                1,
                0,
                birth,
            )
        )
        if len(batch) == 50_000:
            _insert_people(connection, batch)
            batch = []
    _insert_people(connection, batch)
    start = dt.date(2023, 1, 1)
    rows = []
    for n in range(exchanges):
        first = start + dt.timedelta(days=rng.randrange(0, 1500))
        rows.append(
            (
                f"EX-B-{n:06d}",
                f"Exchange {n}",
                "course_seat",
                "",
                rng.choice(NATIONS),
                "",
                first.isoformat(),
                (first + dt.timedelta(days=rng.randrange(1, 60))).isoformat(),
                "planned",
                "",
                "",
                "",
                "",
                "",
                "",
                rng.choice(label_ids),
                now,
                "bench",
                now,
                "bench",
                1,
                0,
            )
        )
    connection.executemany(
        "INSERT INTO exchanges (reference, title, kind, program, host_nation, location, "
        "start_date, end_date, status,"
        " cancel_reason, lead_coordinator, objectives, budget_currency, outcome_summary, "
        "lessons_learned, label_id,"
        " created_at, created_by, updated_at, updated_by, row_version, archived) VALUES"
        " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    connection.commit()
    connection.execute("ANALYZE")
    connection.close()
    print(
        f"built {path} with {people:,} people and {exchanges:,} exchanges in "
        f"{time.perf_counter() - started:.1f} s"
    )
    return path


def _insert_people(connection: sqlite3.Connection, rows: list[tuple]) -> None:
    connection.executemany(
        "INSERT INTO people (reference, family_name, given_names, original_script_name, rank, "
        "rank_code, service,"
        " nation_code, unit, position, email, phone, place_of_birth, passport_number, "
        "service_number, visa_type,"
        " visa_number, notes, label_id, created_at, created_by, updated_at, updated_by, "
        "row_version, archived,"
        " date_of_birth) VALUES (" + ",".join("?" * 26) + ")",
        rows,
    )
    connection.commit()


def open_bench(path: Path):  # noqa: ANN201
    """Open a built benchmark database."""
    return open_desk_database(path)
