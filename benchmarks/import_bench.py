"""Import rows/s through `xdesk import`'s code path against raw `sqlite3.executemany` of the same rows.

Used by the harness (`python -m benchmarks --only import`); it writes a CSV of people and imports
it into a fresh database, so the benchmark database itself is not touched.
"""

from __future__ import annotations

import csv
import random
import shutil
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


def _raw_rows(records: list[dict[str, str]]) -> list[tuple]:
    """The CSV rows as the people table stores them (every NOT NULL column given)."""
    now = "2026-01-01 00:00:00"
    return [(f"F-{n}", r["family_name"], r["given_names"], r["nation"], r["rank"], r["service"], r["date_of_birth"],
             r["passport_number"], r["email"], 1, now, now, "", "", "", "", "", "", "", "", "", "", "", "", 1, 0)
            for n, r in enumerate(records)]


RAW_INSERT = ("INSERT INTO {table} (reference, family_name, given_names, nation_code, rank, service, date_of_birth,"
              " passport_number, email, label_id, created_at, updated_at, original_script_name, rank_code, unit,"
              " position, phone, place_of_birth, service_number, visa_type, visa_number, notes, created_by,"
              " updated_by, row_version, archived) VALUES (" + ",".join("?" * 26) + ")")


def _raw_rate(path: Path, rows: list[tuple], bare: bool) -> float:
    """Rows/s of one ``executemany`` and commit: into the people table itself (its indexes and
    search-index triggers do their work), or into a bare copy of it without either."""
    raw = sqlite3.connect(path)
    table = "people"
    if bare:
        raw.execute("CREATE TABLE floor AS SELECT * FROM people WHERE 0")
        table = "floor"
    started = time.perf_counter()
    raw.executemany(RAW_INSERT.format(table=table), rows)
    raw.commit()
    elapsed = time.perf_counter() - started
    raw.close()
    return len(rows) / elapsed


def harness_section(table, path: Path) -> None:  # noqa: ANN001
    """Import ROWS people from CSV; the raw floors insert the same rows with executemany."""
    from app.database.opening import open_database
    from app.services.desk import Desk
    from app.services.setup import initialise
    from app.services.transfer import import_file

    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        records = _write_csv(folder_path / "people.csv", ROWS)
        database = initialise(folder_path / "import.sqlite", "USA", "default", "admin", PASSWORD)
        database.dispose()
        for name in ("floor.sqlite", "bare.sqlite"):
            shutil.copy(folder_path / "import.sqlite", folder_path / name)
        database, _upgrade = open_database(folder_path / "import.sqlite")
        started = time.perf_counter()
        result = import_file(Desk(database, "admin"), "people", folder_path / "people.csv")
        ours = ROWS / (time.perf_counter() - started)
        database.dispose()
        rows = _raw_rows(records)
        floor = _raw_rate(folder_path / "floor.sqlite", rows, bare=False)
        bare = _raw_rate(folder_path / "bare.sqlite", rows, bare=True)
        # the same file into a copy of the benchmark database: checks against every person there
        shutil.copy(path, folder_path / "big.sqlite")
        database, _upgrade = open_database(folder_path / "big.sqlite")
        started = time.perf_counter()
        big = import_file(Desk(database, "admin"), "people", folder_path / "people.csv")
        at_size = ROWS / (time.perf_counter() - started)
        people = Desk(database, "admin").people.count()
        database.dispose()
        shutil.copy(path, folder_path / "big-floor.sqlite")
        big_floor = _raw_rate(folder_path / "big-floor.sqlite", rows, bare=False)
    table.add(f"import {result.imported:,} people from CSV into an empty database (validated, labelled, duplicate-checked, indexed, audited)",
              f"{ours:,.0f} rows/s", f"{floor:,.0f} rows/s", f"{100 * ours / floor:.0f}% of floor")
    table.add("  the same floor into a bare table (no indexes, no search triggers)", "",
              f"{bare:,.0f} rows/s", f"{100 * ours / bare:.1f}% of it")
    table.add(f"  the same file into the benchmark database ({people - big.imported:,} people before; {len(big.warnings):,} duplicate warnings)",
              f"{at_size:,.0f} rows/s", f"{big_floor:,.0f} rows/s", f"{100 * at_size / big_floor:.0f}% of floor")
