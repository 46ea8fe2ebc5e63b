"""Search benchmark.

``python -m benchmarks.search_bench [--people N] [--exchanges M] [--repeat R] [--db FILE|URL]``.

Generates N people and M exchanges with varied text and labels into a temporary SQLite database,
a given file, or a given (empty, or already built) PostgreSQL database (``--db
postgresql://…``): schema and users through the services, bulk rows by raw inserts, indexed by
the FTS triggers as they go on SQLite and by a rebuild of the documents on a server. Then it
prints top-50 ranked search p50/p95 for several query shapes:

* ``api (access)``: `app.search.search` as a foreign viewer sees it (access filter, records,
  labels, snippets; no audit write),
* ``ranked (access)``: the same ranked statement alone (access filter, top 50 and total),
* ``ranked (no filter)``: that statement with no access conditions,
* ``raw floor``: ``SELECT rowid, rank ... MATCH ? ORDER BY rank LIMIT 50`` through ``sqlite3``
  (on a server: ``SELECT key, ts_rank_cd(…) … @@ query ORDER BY 2 DESC LIMIT 50`` through
  psycopg, as the connected superuser: no row-level security),

and the ratio of each to the floor. Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import ColumnElement

from app.database import search_documents
from app.database.engine import to_url
from app.database.labels import intern_label
from app.domain.labels import Label, Release
from app.search import search
from app.search.engine import engine_for
from app.search.query import parse
from app.search.service import KINDS, Scope, visible_hits
from app.search.service import ranked_page as _ranked
from app.services.desk import Desk
from app.services.setup import initialise

PASSWORD = "benchmark password"
FAMILY = [
    "Smith",
    "Müller",
    "Mueller",
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
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "sa",
    "to",
    "ri",
    "va",
    "do",
    "ber",
    "gan",
    "hol",
    "ist",
    "jor",
    "kel",
    "lin",
    "mar",
    "nor",
    "ost",
    "pet",
    "ran",
    "sen",
    "tov",
    "und",
    "wal",
    "zek",
    "ova",
    "ski",
    "son",
    "ez",
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
    "Mariusz",
    "Marta",
    "Marek",
    "Mario",
]
TOPIC = [
    "maritime",
    "cyber",
    "logistics",
    "aviation",
    "medical",
    "engineering",
    "intelligence",
    "signals",
    "infantry",
    "artillery",
    "staff",
    "language",
    "command",
    "peacekeeping",
    "humanitarian",
    "disaster",
    "space",
    "diving",
]
KIND = [
    "course",
    "exercise",
    "seminar",
    "visit",
    "tour",
    "conference",
    "workshop",
    "mobile training team",
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
    Label(1),
    Label(1),
    Label(2, Release.REL, frozenset({"FVEY"})),
    Label(2, Release.REL, frozenset({"NATO"})),
    Label(2, Release.NOFORN),
    Label(3, Release.REL, frozenset({"GBR", "AUS"})),
    Label(3, Release.NOFORN),
    Label(4, Release.NOFORN),
    Label(1, Release.ALL, frozenset(), frozenset({"ORCA"})),
]
QUERIES = {
    "rare name": "Kowalski Marek",
    "common word": "maritime",
    "two words": "maritime course",
    "phrase": '"staff course"',
    "diacritics": "Muller",
    "as you type": "mari",
    "boolean": "cyber OR signals NOT seminar",
}


def _words(rng: random.Random, n: int) -> str:
    return " ".join(
        rng.choice(TOPIC)
        if rng.random() < 0.3
        else "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
        for _ in range(n)
    )


PEOPLE_COLUMNS = (
    "reference, family_name, given_names, original_script_name, rank, rank_code, service, "
    "nation_code, unit, position, email, phone, place_of_birth, passport_number, service_number, "
    "visa_type, visa_number, notes, label_id, created_at, created_by, updated_at, updated_by, "
    "row_version, archived"
)
EXCHANGE_COLUMNS = (
    "reference, title, kind, program, host_nation, location, start_date, end_date, status, "
    "cancel_reason, lead_coordinator, objectives, budget_currency, outcome_summary, "
    "lessons_learned, label_id, created_at, created_by, updated_at, updated_by, row_version, "
    "archived"
)


def is_server(target: str | Path) -> bool:
    """True for a server URL (``postgresql://…``)."""
    return "://" in str(target) and not str(target).startswith("sqlite")


class Rows:
    """Bulk inserts into the benchmark database: ``sqlite3`` on a file, the engine's own
    connection (psycopg) on a server."""

    def __init__(self, target: str | Path, database) -> None:  # noqa: ANN001
        self.server = is_server(target)
        if self.server:
            self.connection = database.engine.raw_connection()
            # raw rows made around the application would each get a db_insert audit event from
            # the server's row triggers (revision 0006): a benchmark's fill skips the triggers
            # (superuser only), as a restore would
            cursor = self.connection.cursor()
            cursor.execute("SET session_replication_role = replica")
            cursor.close()
        else:
            self.connection = sqlite3.connect(target)
            self.connection.execute("PRAGMA synchronous=OFF")

    def insert(self, table: str, columns: str, rows: list[tuple]) -> None:
        if not rows:
            return
        mark = "%s" if self.server else "?"
        cursor = self.connection.cursor()
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({','.join([mark] * len(rows[0]))})", rows
        )
        cursor.close()
        self.connection.commit()

    def close(self) -> None:
        self.connection.close()


def build(path: str | Path, people: int, exchanges: int, seed: int = 11) -> None:
    """Create the database with users, labels, people and exchanges."""
    started = time.perf_counter()
    database = initialise(path, "USA", "default", "admin", PASSWORD, encrypt=False)
    admin = Desk(database, "admin")
    admin.users.create_ntk_group("ORCA")
    admin.users.create(
        {
            "username": "gbr",
            "role": "viewer",
            "clearance": "S",
            "nation": "GBR",
            "password": PASSWORD,
        }
    )
    with database.writing() as session:
        label_ids = [intern_label(session, label.with_owner("USA")) for label in LABELS]
    connection = Rows(path, database)
    rng = random.Random(seed)
    families = FAMILY + [
        "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))).capitalize()
        for _ in range(max(people // 20, 100))
    ]
    now = dt.datetime(2026, 1, 1).isoformat(sep=" ")
    batch = []
    for n in range(people):
        notes = (
            f"{rng.choice(TOPIC)} {rng.choice(KIND)} {_words(rng, rng.randint(3, 10))}"
            if rng.random() < 0.6
            else ""
        )
        batch.append(
            (
                f"P-2026-{n:07d}",
                rng.choice(families),
                rng.choice(GIVEN),
                "",
                "",
                "",
                "army",
                rng.choice(NATIONS),
                f"{rng.choice(TOPIC).capitalize()} "
                f"{rng.choice(['Battalion', 'School', 'Wing', 'Command'])}",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                notes,
                rng.choice(label_ids),
                now,
                "bench",
                now,
                "bench",
                1,
                False,
            )
        )
        if len(batch) == 50_000:
            _insert_people(connection, batch)
            batch = []
    _insert_people(connection, batch)
    start = dt.date(2020, 1, 1)
    rows = []
    for n in range(exchanges):
        first = start + dt.timedelta(days=rng.randrange(0, 2500))
        title = f"{rng.choice(TOPIC).capitalize()} {rng.choice(KIND)} {_words(rng, 2)}"
        rows.append(
            (
                f"EX-{first.year}-{n:06d}",
                title,
                "course_seat",
                rng.choice(["IMET", "NATO school", "bilateral", ""]),
                rng.choice(NATIONS),
                "",
                first.isoformat(),
                (first + dt.timedelta(days=rng.randrange(1, 60))).isoformat(),
                "planned",
                "",
                "",
                _words(rng, 12),
                "",
                _words(rng, 8),
                "",
                rng.choice(label_ids),
                now,
                "bench",
                now,
                "bench",
                1,
                False,
            )
        )
    connection.insert("exchanges", EXCHANGE_COLUMNS, rows)
    if connection.server:
        connection.close()
        with database.writing() as session:  # raw inserts: the documents are written here
            search_documents.rebuild(session)
        with database.engine.begin() as raw:
            raw.exec_driver_sql("ANALYZE")
        how = "documents written by a rebuild"
    else:
        connection.connection.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")
        connection.connection.commit()
        connection.connection.execute("ANALYZE")
        connection.close()
        how = "indexed by the triggers"
    database.dispose()
    print(
        f"built {people:,} people and {exchanges:,} exchanges ({how}) in "
        f"{time.perf_counter() - started:.1f} s",
        flush=True,
    )


def _insert_people(connection: Rows, rows: list[tuple]) -> None:
    connection.insert("people", PEOPLE_COLUMNS, rows)


class OpenScope(Scope):
    """A scope with no access conditions (benchmark only: what the filter costs)."""

    def visible(self, kind: str) -> list[ColumnElement[bool]]:
        """No conditions."""
        return []


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds taken by each of ``repeat`` calls (after one warm-up call)."""
    fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def quantile(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main(argv: list[str] | None = None) -> None:
    """Build, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--exchanges", type=int, default=None, help="default: people / 10")
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--db",
        default=None,
        help="reuse or create this file, or this PostgreSQL database (postgresql://…, empty or "
        "built by an earlier run), instead of a temporary file",
    )
    args = parser.parse_args(argv)
    exchanges = args.people // 10 if args.exchanges is None else args.exchanges
    workdir = tempfile.TemporaryDirectory(prefix="search-bench-")
    path: str | Path = args.db or Path(workdir.name) / "search.sqlite"
    server = is_server(path)
    if server:
        if not _built(str(path)):
            build(str(path), args.people, exchanges)
    else:
        path = Path(path)
        if not path.exists():
            build(path, args.people, exchanges)
    from app.services.setup import open_desk_database

    database = open_desk_database(path)
    viewer, admin = Desk(database, "gbr"), Desk(database, "admin")
    engine = engine_for(database)
    raw = _raw(path)
    print(
        f"{'PostgreSQL' if server else 'SQLite'}: {args.people:,} people, {exchanges:,} "
        f"exchanges; top 50, {args.repeat} runs each; times in ms (p50 / p95)"
    )
    header = (
        "query",
        "hits (viewer/all)",
        "api (access)",
        "ranked (access)",
        "ranked (no filter)",
        "raw floor",
        "ratio p50 / p95",
    )
    rows = [header]
    for name, text in QUERIES.items():
        parsed = parse(text, as_you_type=(name == "as you type"))
        fts = engine.compile(parsed)

        def api(text: str = text, name: str = name) -> object:
            return search(
                viewer, text, limit=50, audited=False, as_you_type=(name == "as you type")
            )

        def ranked(open_: bool, fts: str = fts) -> tuple[list, int]:
            with viewer.reading() as (session, actor):
                scope = (OpenScope if open_ else Scope).of(viewer, session, actor)
                return _ranked(
                    session, engine, visible_hits(scope, engine, fts, list(KINDS), {}), 50, 0
                )

        def floor(fts: str = fts) -> list:
            if server:
                return raw.execute(
                    "SELECT key, ts_rank_cd('{0.1, 0.2, 0.6, 1.0}', document, q) AS score "
                    "FROM search_documents, CAST(%s AS tsquery) AS q WHERE document @@ q "
                    "ORDER BY score DESC LIMIT 50",
                    (fts,),
                ).fetchall()
            return raw.execute(
                "SELECT rowid, rank FROM search_index WHERE search_index MATCH ? ORDER BY rank "
                "LIMIT 50",
                (fts,),
            ).fetchall()

        total_viewer = ranked(False)[1]
        total_all = ranked(True)[1]
        t_api, t_access, t_open, t_floor = (
            timed(f, args.repeat) for f in (api, lambda: ranked(False), lambda: ranked(True), floor)
        )
        f50, f95 = quantile(t_floor, 0.5), quantile(t_floor, 0.95)

        def cell(times: list[float]) -> str:
            return f"{quantile(times, 0.5):.1f} / {quantile(times, 0.95):.1f}"

        median, p95 = quantile(t_api, 0.5) / max(f50, 1e-3), quantile(t_api, 0.95) / max(f95, 1e-3)
        ratio = f"{median:.1f}x / {p95:.1f}x"
        rows.append(
            (
                name,
                f"{total_viewer:,}/{total_all:,}",
                cell(t_api),
                cell(t_access),
                cell(t_open),
                cell(t_floor),
                ratio,
            )
        )
        print("  " + " | ".join(rows[-1]), flush=True)
    audited = timed(lambda: search(viewer, "maritime course", limit=50), max(5, args.repeat // 3))
    print(
        f"api with its audit write (maritime course): {quantile(audited, 0.5):.1f} / "
        f"{quantile(audited, 0.95):.1f} ms"
    )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    print()
    for row in [rows[0], tuple("-" * w for w in widths), *rows[1:]]:
        print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print("ratio: api (access) against the raw floor")
    raw.close()
    database.dispose()
    del admin
    workdir.cleanup()


def _built(url: str) -> bool:
    """True when the server database already holds a benchmark office."""
    from sqlalchemy import create_engine, text

    engine = create_engine(to_url(url))
    try:
        with engine.connect() as connection:
            found = connection.execute(text("SELECT to_regclass('people')")).scalar()
            return found is not None and bool(
                connection.execute(text("SELECT count(*) FROM people")).scalar()
            )
    finally:
        engine.dispose()


def _raw(target: str | Path):  # noqa: ANN202
    """A plain driver connection for the raw floor (autocommit)."""
    if not is_server(target):
        return sqlite3.connect(target)
    import psycopg

    url = to_url(str(target))
    return psycopg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        dbname=url.database,
        autocommit=True,
        options="-c jit=off",
    )


if __name__ == "__main__":
    main()


def harness_section(table, path: Path) -> None:  # noqa: ANN001
    """Top-50 ranked search p50/p95 in ms through `search()` (access filter, audit write) as a
    foreign viewer, beside the raw FTS5 MATCH through sqlite3 on the same database."""
    from app.services.setup import open_desk_database

    database = open_desk_database(path)
    desk = Desk(database, "gbr")
    raw = sqlite3.connect(path)
    for name, query in (
        ("rare name", "Kowalski Anna"),
        ("common name", "Müller"),
        ("prefix", "Kow*"),
    ):
        first = timed(lambda q=query: search(desk, q, limit=50), 1)[0]
        ours = timed(lambda q=query: search(desk, q, limit=50), 15)
        fts = parse(query).fts()
        floor = timed(
            lambda f=fts: raw.execute(
                "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 50",
                (f,),
            ).fetchall(),
            15,
        )
        table.add(
            f"search '{query}' top 50 ({name}), p50 / p95 (first of the session)",
            f"{quantile(ours, 0.5):.1f} / {quantile(ours, 0.95):.1f} ms ({first:.0f} ms)",
            f"{quantile(floor, 0.5):.1f} / {quantile(floor, 0.95):.1f} ms",
            f"{quantile(ours, 0.95) / max(quantile(floor, 0.95), 1e-6):.1f}x at p95",
        )
    raw.close()
    database.dispose()
