"""Report rendering speed: a roster of 10,000 participants and the agreements register at 5,000.

Fills a fresh database with raw ORM inserts (fast; labels interned as the services do), then
renders each report through `render_report` (the real path: service reads, layout, PDF, audit)
and prints seconds, pages and pages per second. Usage: ``python3 benchmarks/report_bench.py
[--participants N] [--agreements N] [--out DIR]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.database.labels import intern_label  # noqa: E402
from app.domain.labels import Label, Release  # noqa: E402
from app.domain.models import Agreement, AgreementParty, Exchange, Participation, Person  # noqa: E402
from app.reports import render_report  # noqa: E402
from app.services.desk import Desk  # noqa: E402
from app.services.setup import initialise  # noqa: E402

NATIONS = ["USA", "GBR", "FRA", "DEU", "JPN", "AUS", "CAN", "POL", "NOR", "KOR"]
LABELS = [
    Label(0),
    Label(2, Release.REL, frozenset({"GBR"})),
    Label(3, Release.REL, frozenset({"FVEY"})),
    Label(1, Release.REL, frozenset({"NATO"})),
    Label(3, Release.NOFORN),
]


def fill(desk: Desk, participants: int, agreements: int) -> str:
    """Insert the people, one exchange with their participations, and the agreements; the exchange
    reference."""
    with desk.writing() as (session, _actor):
        label_ids = [intern_label(session, label.with_owner(desk.owner)) for label in LABELS]
        exchange = Exchange(
            reference="EX-2026-9999",
            title="Multinational staff exercise (benchmark)",
            kind="joint_exercise",
            host_nation="USA",
            location="Fort Benchmark",
            start_date=dt.date(2026, 5, 4),
            end_date=dt.date(2026, 5, 22),
            status="planned",
            label_id=label_ids[0],
            created_by="admin",
            updated_by="admin",
        )
        session.add(exchange)
        session.flush()
        people = []
        for n in range(participants):
            people.append(
                Person(
                    reference=f"P-2026-{n + 1:06d}",
                    family_name=f"Family{n:05d}",
                    given_names="Alex Jordan",
                    rank="Captain",
                    nation_code=NATIONS[n % len(NATIONS)],
                    unit=f"{n % 97 + 1}th Signals Regiment",
                    label_id=label_ids[n % 4],
                    created_by="admin",
                    updated_by="admin",
                )
            )
        session.add_all(people)
        session.flush()
        session.add_all(
            [
                Participation(
                    exchange_id=exchange.id,
                    person_id=p.id,
                    role="trainee",
                    status="approved",
                    label_id=label_ids[0],
                    created_by="admin",
                    updated_by="admin",
                )
                for p in people
            ]
        )
        for n in range(agreements):
            agreement = Agreement(
                reference=f"MOU-USA-{NATIONS[n % 9 + 1]}-{n:05d}",
                title=f"Memorandum of understanding on training cooperation number {n}",
                kind="memorandum_of_understanding",
                status="in_force",
                effective_date=dt.date(2020, 1, 1),
                expiry_date=dt.date(2027, 1, 1) + dt.timedelta(days=n % 2000),
                label_id=label_ids[n % len(label_ids)],
                created_by="admin",
                updated_by="admin",
            )
            agreement.parties = [
                AgreementParty(nation_code="USA"),
                AgreementParty(nation_code=NATIONS[n % 9 + 1]),
            ]
            session.add(agreement)
    return "EX-2026-9999"


def main() -> None:
    """Fill, render, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=10_000)
    parser.add_argument("--agreements", type=int, default=5_000)
    parser.add_argument("--out", default="")
    args = parser.parse_args()
    work = Path(args.out or tempfile.mkdtemp(prefix="report_bench_"))
    work.mkdir(parents=True, exist_ok=True)
    db_file = work / "bench.sqlite"
    db_file.unlink(missing_ok=True)
    database = initialise(db_file, "USA", "default", "admin", "benchmark password 1", encrypt=False)
    desk = Desk(database, "admin")
    started = time.perf_counter()
    exchange = fill(desk, args.participants, args.agreements)
    print(f"fill: {time.perf_counter() - started:.1f} s")
    for name, params, records in (
        ("roster", {"exchange": exchange}, args.participants),
        ("agreements", {}, args.agreements),
    ):
        started = time.perf_counter()
        result = render_report(desk, name, params, work / f"{name}.pdf")
        seconds = time.perf_counter() - started
        print(
            f"{name}: {records} records, {result.pages} pages in {seconds:.2f} s = "
            f"{result.pages / seconds:.1f} pages/s, "
            f"{records / seconds:.0f} records/s ({1000 * seconds / records:.2f} s per 1,000 "
            f"records); marked {result.marking}"
        )


if __name__ == "__main__":
    main()


def harness_section(table, _path: Path) -> None:  # noqa: ANN001
    """Seconds for a 1,000-row roster through `render_report`, on a fresh small database."""
    with tempfile.TemporaryDirectory() as folder:
        database = initialise(
            Path(folder) / "reports.sqlite",
            "USA",
            "default",
            "admin",
            "benchmark password",
            encrypt=False,
        )
        desk = Desk(database, "admin")
        reference = fill(desk, 1000, 0)
        started = time.perf_counter()
        result = render_report(desk, "roster", {"exchange": reference}, Path(folder) / "roster.pdf")
        seconds = time.perf_counter() - started
        database.dispose()
    table.add(
        "roster report, 1,000 participants (read, lay out, PDF, audit)",
        f"{seconds:.2f} s ({result.pages} pages, {result.pages / seconds:.0f} pages/s)",
    )
