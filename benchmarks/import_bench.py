"""Import rows/s through `xdesk import`'s code path against raw `sqlite3.executemany` of the same rows.

Used by the harness (`python -m benchmarks --only import`); it writes a CSV of people and imports
it into a fresh database, so the benchmark database itself is not touched.
"""

from __future__ import annotations

import csv
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.dataset import FAMILY, GIVEN, NATIONS, PASSWORD

ROWS = 5_000


def _write_csv(path: Path, rows: int) -> list[dict[str, str]]:
    rng = random.Random(5)
    records = [
        {"family_name": rng.choice(FAMILY), "given_names": rng.choice(GIVEN), "nation": rng.choice(NATIONS),
         "rank": "Captain", "service": "army", "date_of_birth": f"19{rng.randint(60, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
         "passport_number": f"XB{n:07d}", "email": f"officer{n}@mil.example", "classification": rng.choice("UUURC"),
         "releasable_to": rng.choice(["", "", "FVEY", "NATO", "NOFORN"]), "groups": ""}
        for n in range(rows)
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(records[0]))
        writer.writeheader()
        writer.writerows(records)
    return records


def harness_section(table, _path: Path) -> None:  # noqa: ANN001
    """Import ROWS people from CSV; the raw floor inserts the same rows with executemany."""
    from app.services.desk import Desk
    from app.services.setup import initialise
    from app.services.transfer import import_file

    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        records = _write_csv(folder_path / "people.csv", ROWS)
        database = initialise(folder_path / "import.sqlite", "USA", "default", "admin", PASSWORD)
        started = time.perf_counter()
        result = import_file(Desk(database, "admin"), "people", folder_path / "people.csv")
        ours = time.perf_counter() - started
        database.dispose()
        raw = sqlite3.connect(folder_path / "import.sqlite")
        raw.execute("CREATE TABLE floor AS SELECT * FROM people WHERE 0")
        rows = [(f"F-{n}", r["family_name"], r["given_names"], r["nation"], r["rank"], r["service"], r["date_of_birth"],
                 r["passport_number"], r["email"], 1) for n, r in enumerate(records)]
        started = time.perf_counter()
        raw.executemany("INSERT INTO floor (reference, family_name, given_names, nation_code, rank, service, date_of_birth,"
                        " passport_number, email, label_id) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        raw.commit()
        floor = time.perf_counter() - started
        raw.close()
    table.add(f"import {result.imported:,} people from CSV (validated, labelled, indexed, audited)",
              f"{ROWS / ours:,.0f} rows/s", f"{ROWS / floor:,.0f} rows/s", f"{100 * floor / ours:.1f}% of floor")
