"""One benchmark harness: ``python -m benchmarks [--people N] [--exchanges M] [--only a,b]
[--db postgresql://…]``.

Builds (or reuses) a database of the given size under ``benchmarks/data/`` and prints one table:
each measurement beside its raw floor where one exists (the same work through ``sqlite3``
directly), the ratio, and the peak Python memory of the step. With ``--db`` the same rows are
copied into a database on that server (`benchmarks.server`) and the list, count, save and
search rows are measured there too, marked ``[server]``, their floor through psycopg directly.
Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from benchmarks.dataset import PASSWORD, build

HERE = Path(__file__).parent
# searches timed on the server: 40 calls, so that p95 (the 39th) is not the one slowest call
SEARCH_REPEAT = 40


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Seconds taken by each of ``repeat`` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def p(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Table:
    """Rows of figures, printed as aligned text."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, name: str, ours: str, floor: str = "", ratio: str = "", memory: str = "") -> None:
        self.rows.append((name, ours, floor, ratio, memory))
        print(
            f"  {name}: {ours}  {('floor ' + floor) if floor else ''} {ratio} {memory}", flush=True
        )

    def print(self) -> None:
        header = ("measurement", "Exchange Desk", "raw floor", "ratio", "peak Python memory")
        widths = [max(len(r[i]) for r in [header, *self.rows]) for i in range(5)]
        for row in [header, tuple("-" * w for w in widths), *self.rows]:
            print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))


def with_memory(fn: Callable[[], object]) -> tuple[object, str]:
    """Run fn under tracemalloc; its result and the peak as text."""
    tracemalloc.start()
    try:
        result = fn()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, f"{peak / 2**20:.1f} MiB"


def _raw(target: Path | str):  # noqa: ANN202
    """A raw connection for the floor: sqlite3 on a file, psycopg on a server URL."""
    if isinstance(target, Path):
        return sqlite3.connect(target)
    from benchmarks.server import RawServer

    return RawServer(target)


def _where(target: Path | str) -> str:
    return "" if isinstance(target, Path) else "[server] "


def _open(target: Path | str, username: str):  # noqa: ANN202
    """The benchmark database opened for ``username``: the file, or on a server the user's own
    login role (row-level security on, as in an office)."""
    from app.services.setup import open_desk_database

    if isinstance(target, Path):
        return open_desk_database(target)
    from benchmarks.server import role_url

    return open_desk_database(role_url(target, username))


def bench_list(table: Table, path: Path | str) -> None:
    """First, middle and last page of people sorted by name, with the access filter, against the raw
    SELECT."""
    from app.services.desk import Desk

    database = _open(path, "gbr")
    desk = Desk(database, "gbr")  # a foreign viewer: the access filter does real work
    sort = ["family_name", "given_names"]
    total = desk.people.count()
    raw = _raw(path)
    raw_sql = "SELECT * FROM people ORDER BY family_name, given_names, id LIMIT 200 OFFSET ?"
    pages = (
        ("first page (200 rows)", 0),
        ("middle page (200 rows)", total // 2),
        ("last page (200 rows)", max(total - 200, 0)),
    )
    for name, offset in pages:
        ours = timed(
            lambda o=offset: desk.people.list(
                sort=sort, offset=o, limit=200, count_total=False, total_hint=total
            ),
            7,
        )
        floor = timed(lambda o=offset: raw.execute(raw_sql, (o,)).fetchall(), 7)
        _r, memory = with_memory(
            lambda o=offset: desk.people.list(
                sort=sort, offset=o, limit=200, count_total=False, total_hint=total
            )
        )
        table.add(
            f"{_where(path)}list people {name}, p50",
            f"{p(ours, 0.5) * 1000:.1f} ms",
            f"{p(floor, 0.5) * 1000:.1f} ms",
            f"{p(ours, 0.5) / p(floor, 0.5):.1f}x",
            memory,
        )
    counted = timed(lambda: desk.people.count(), 5)
    floor = timed(lambda: raw.execute("SELECT count(*) FROM people").fetchone(), 5)
    table.add(
        f"{_where(path)}count visible people, p50",
        f"{p(counted, 0.5) * 1000:.0f} ms",
        f"{p(floor, 0.5) * 1000:.0f} ms",
        f"{p(counted, 0.5) / p(floor, 0.5):.1f}x",
    )
    raw.close()
    database.dispose()


def bench_save(table: Table, path: Path | str) -> None:
    """One record save (validation + audit + index), p50/p95 (it writes into the benchmark
    database)."""
    from app.services.desk import Desk

    database = _open(path, "admin")
    desk = Desk(database, "admin")
    page = desk.people.list(limit=50, count_total=False)
    ids = [r.id for r in page.records]
    counter = iter(range(10**9))

    def save() -> None:
        desk.people.update(
            ids[next(counter) % len(ids)], {"position": f"Staff officer {next(counter)}"}
        )

    # the first save of a session plans its statements (on a server also the document upsert's
    # policies, ~50 ms once per connection): shown beside, not among the 40
    first = timed(save, 1)[0]
    times = timed(save, 40)
    _r, memory = with_memory(lambda: desk.people.update(ids[0], {"position": "Desk officer"}))
    table.add(
        f"{_where(path)}save one person (validate, write, audit), p50 / p95 (first)",
        f"{p(times, 0.5) * 1000:.1f} / {p(times, 0.95) * 1000:.1f} ms ({first * 1000:.0f} ms)",
        memory=memory,
    )
    database.dispose()


def bench_cold_start(table: Table, path: Path) -> None:
    """Cold start to the login dialog, offscreen, against a bare QApplication start."""
    code_app = (
        "import time,sys; t=time.perf_counter(); from app.ui.launch import startup_to_login;"
        f"startup_to_login({str(path)!r}); print(time.perf_counter()-t)"
    )
    code_bare = (
        "import time; t=time.perf_counter(); from PySide6.QtWidgets import QApplication, QDialog;"
        "a=QApplication([]); d=QDialog(); d.show(); a.processEvents(); print(time.perf_counter()-t)"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    try:
        ours = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code_app],
                    capture_output=True,
                    text=True,
                    env=env,
                    check=True,
                    cwd=HERE.parent,
                ).stdout.split()[-1]
            )
            for _ in range(3)
        ]
        bare = [
            float(
                subprocess.run(
                    [sys.executable, "-c", code_bare],
                    capture_output=True,
                    text=True,
                    env=env,
                    check=True,
                ).stdout.split()[-1]
            )
            for _ in range(3)
        ]
    except (subprocess.CalledProcessError, ValueError, IndexError) as error:
        table.add("cold start to login dialog", f"n/a ({type(error).__name__})")
        return
    table.add(
        "cold start to login dialog (offscreen), median",
        f"{statistics.median(ours):.2f} s",
        f"{statistics.median(bare):.2f} s",
        f"{statistics.median(ours) / statistics.median(bare):.1f}x",
    )


SECTIONS: dict[str, Callable[[Table, Path], None]] = {
    "list": bench_list,
    "save": bench_save,
    "start": bench_cold_start,
}


def _server_search(table: Table, url: str) -> None:
    """Top-50 ranked search p50/p95 on the server, through `search()` as the foreign viewer."""
    from app.search.service import search
    from app.services.desk import Desk

    database = _open(url, "gbr")
    try:
        desk = Desk(database, "gbr")
        for query in ("Kowalski Anna", "Müller", "Kow*"):
            first = timed(lambda q=query: search(desk, q, limit=50), 1)[0]
            times = timed(lambda q=query: search(desk, q, limit=50), SEARCH_REPEAT)
            table.add(
                f"[server] search '{query}' top 50, p50 / p95 (first of the session)",
                f"{p(times, 0.5) * 1000:.1f} / {p(times, 0.95) * 1000:.1f} ms "
                f"({first * 1000:.0f} ms)",
            )
    finally:
        database.dispose()


# sections measured on the server too, with --db
ON_SERVER: dict[str, Callable[[Table, str], None]] = {
    "list": bench_list,
    "save": bench_save,
    "search": _server_search,
}


def optional_sections() -> dict[str, Callable[[Table, Path], None]]:
    """Sections contributed by the search, import and report benchmarks, when present."""
    found = {}
    for name, module in (
        ("import", "benchmarks.import_bench"),
        ("search", "benchmarks.search_bench"),
        ("report", "benchmarks.report_bench"),
    ):
        try:
            found[name] = __import__(module, fromlist=["harness_section"]).harness_section
        except (ImportError, AttributeError):
            continue
    return found


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the database, run the sections, print the table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--exchanges", type=int, default=10_000)
    parser.add_argument(
        "--data", type=Path, default=HERE / "data", help="folder for the benchmark databases"
    )
    parser.add_argument(
        "--db",
        default="",
        metavar="URL",
        help="also measure on this PostgreSQL server (a role that may create databases)",
    )
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated sections: " + ", ".join([*SECTIONS, "import", "search", "report"]),
    )
    args = parser.parse_args(argv)
    sections = {**SECTIONS, **optional_sections()}
    wanted = [s for s in args.only.split(",") if s] or list(sections)
    data = args.data
    data.mkdir(parents=True, exist_ok=True)
    path = build(data / f"bench-{args.people}.sqlite", args.people, args.exchanges)
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python "
        f"{platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}; {args.people:,} people, {args.exchanges:,} exchanges; "
        f"password {PASSWORD!r}"
    )
    server = ""
    if args.db:
        from benchmarks.server import build_server

        server = build_server(path, args.db, args.people)
    table = Table()
    for name in wanted:
        if name in sections:
            sections[name](table, path)
        else:
            table.add(name, "not available")
        if server and name in ON_SERVER:
            try:
                ON_SERVER[name](table, server)
            except Exception as error:  # noqa: BLE001 - a figure missing, said so
                table.add(f"[server] {name}", f"n/a ({type(error).__name__}: {error})"[:120])
    print()
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
