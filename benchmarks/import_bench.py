"""Import rows/s through `xdesk import`'s code path against raw `sqlite3.executemany` of the
same rows.

Used by the harness (`python -m benchmarks --only import`); it writes a CSV of people and imports
it into a fresh database, so the benchmark database itself is not touched.
"""

from __future__ import annotations

import csv
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.dataset import FAMILY, GIVEN, NATIONS, PASSWORD

ROWS = 5_000
RUNS = 3  # medians: the figures of one run vary by a third on a shared machine


def _write_csv(path: Path, rows: int) -> list[dict[str, str]]:
    rng = random.Random(5)
    records = [
        {
            "family_name": rng.choice(FAMILY),
            "given_names": rng.choice(GIVEN),
            "nation": rng.choice(NATIONS),
            "rank": "Captain",
            "service": "army",
            "date_of_birth": f"19{rng.randint(60, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            "passport_number": f"XB{n:07d}",
            "email": f"officer{n}@mil.example",
            "classification": rng.choice("UUURC"),
            "releasable_to": rng.choice(["", "", "FVEY", "NATO", "NOFORN"]),
            "groups": "",
        }
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
    return [
        (
            f"F-{n}",
            r["family_name"],
            r["given_names"],
            r["nation"],
            r["rank"],
            r["service"],
            r["date_of_birth"],
            r["passport_number"],
            r["email"],
            1,
            now,
            now,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            1,
            0,
        )
        for n, r in enumerate(records)
    ]


RAW_INSERT = (
    "INSERT INTO {table} (reference, family_name, given_names, nation_code, rank, service, "
    "date_of_birth,"
    " passport_number, email, label_id, created_at, updated_at, original_script_name, rank_code, "
    "unit,"
    " position, phone, place_of_birth, service_number, visa_type, visa_number, notes, created_by,"
    " updated_by, row_version, archived) VALUES (" + ",".join("?" * 26) + ")"
)


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


def _import_rate(copy_of: Path, csv_path: Path, folder: Path) -> tuple[float, object, int]:
    """Rows/s of `import_file` into a fresh copy of a database; the result and the people before."""
    from app.database.opening import open_database
    from app.services.desk import Desk
    from app.services.transfer import import_file

    target = folder / "target.sqlite"
    for leftover in folder.glob("target.sqlite*"):
        leftover.unlink()
    shutil.copy(copy_of, target)
    database, _upgrade = open_database(target)
    before = Desk(database, "admin").people.count()
    started = time.perf_counter()
    result = import_file(Desk(database, "admin"), "people", csv_path)
    rate = ROWS / (time.perf_counter() - started)
    database.dispose()
    return rate, result, before


def _floor_rate(copy_of: Path, rows: list[tuple], folder: Path, bare: bool) -> float:
    target = folder / "floor.sqlite"
    for leftover in folder.glob("floor.sqlite*"):
        leftover.unlink()
    shutil.copy(copy_of, target)
    return _raw_rate(target, rows, bare)


def harness_section(table, path: Path) -> None:  # noqa: ANN001
    """Import ROWS people from CSV into an empty database and into a copy of the benchmark
    database; the raw floors insert the same rows with executemany. Medians of RUNS runs."""
    from app.services.setup import initialise

    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        records = _write_csv(folder_path / "people.csv", ROWS)
        rows = _raw_rows(records)
        initialise(
            folder_path / "empty.sqlite", "USA", "default", "admin", PASSWORD, encrypt=False
        ).dispose()
        figures = {}
        for name, source in (("empty", folder_path / "empty.sqlite"), ("big", path)):
            runs = [
                _import_rate(source, folder_path / "people.csv", folder_path) for _ in range(RUNS)
            ]
            floors = [_floor_rate(source, rows, folder_path, bare=False) for _ in range(RUNS)]
            ours, result, before = sorted(runs, key=lambda run: run[0])[RUNS // 2]
            figures[name] = (ours, statistics.median(floors), result, before)
        bare = statistics.median(
            _floor_rate(folder_path / "empty.sqlite", rows, folder_path, bare=True)
            for _ in range(RUNS)
        )
    ours, floor, result, _before = figures["empty"]
    table.add(
        f"import {result.imported:,} people from CSV into an empty database (validated, labelled, "
        "duplicate-checked, indexed, audited)",
        f"{ours:,.0f} rows/s",
        f"{floor:,.0f} rows/s",
        f"{100 * ours / floor:.0f}% of floor",
    )
    table.add(
        "  the same floor into a bare table (no indexes, no search triggers)",
        "",
        f"{bare:,.0f} rows/s",
        f"{100 * ours / bare:.1f}% of it",
    )
    at_size, big_floor, big, before = figures["big"]
    table.add(
        f"  the same file into the benchmark database ({before:,} people before; "
        f"{len(big.warnings):,} duplicate warnings)",
        f"{at_size:,.0f} rows/s",
        f"{big_floor:,.0f} rows/s",
        f"{100 * at_size / big_floor:.0f}% of floor",
    )
