"""Writers in separate processes (``spawn``: each its own interpreter, engine and connections),
as an office's coordinators are: the functions here run in the child processes and report
plain, picklable outcomes (a service error by its class name and message, anything else with
its traceback, so a test can insist that no traceback ever reaches a user).
"""

from __future__ import annotations

import multiprocessing
import queue
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.domain.labels import Label
from app.services.desk import Desk
from app.services.errors import ServiceError
from tests.helpers.files import reopen
from tests.helpers.records import AGREEMENT, EXCHANGE, PERSON

CONTEXT = multiprocessing.get_context("spawn")
TIMEOUT = 180  # seconds a test waits for its processes


def outcome(call: Callable[[], Any], what: str = "row_version") -> tuple[str, str]:
    """("ok", the written record's ``what``: its new version, or its reference), (the service
    error's class, its message), or ("traceback", the traceback) for anything else."""
    try:
        result = call()
    except ServiceError as error:
        return type(error).__name__, str(error)
    except Exception:  # noqa: BLE001 (the test fails on any of these)
        return "traceback", traceback.format_exc()
    record = getattr(result, "record", result)
    return "ok", str(getattr(record, what))


# --- the writes a race may try (all with the version each writer read: 1) ----------------------


def _update(desk: Desk, record_id: int, n: int) -> Any:
    return desk.people.update(record_id, {"rank": f"Rank {n}"}, expected_version=1)


def _label(desk: Desk, record_id: int, n: int) -> Any:
    return desk.people.update(
        record_id, {}, label=Label(level=2 + n % 2, release="NOFORN"), expected_version=1
    )


def _status(desk: Desk, record_id: int, n: int) -> Any:
    return desk.exchanges.change_status(record_id, "planned", expected_version=1)


def _signatories(desk: Desk, record_id: int, n: int) -> Any:
    return desk.agreements.set_signatories(
        record_id, [{"name": f"Signatory {n}", "nation_code": "USA"}], expected_version=1
    )


def _quotas(desk: Desk, record_id: int, n: int) -> Any:
    return desk.agreements.set_quotas(
        record_id, [{"year": 2026, "direction": "sent", "allotted": n + 1}], expected_version=1
    )


def _participation(desk: Desk, record_id: int, n: int) -> Any:
    if n % 2:
        return desk.participations.change_status(record_id, "approved", expected_version=1)
    return desk.participations.update(
        record_id, {"feedback_comments": f"note {n}"}, expected_version=1
    )


RACES: dict[str, Callable[[Desk, int, int], Any]] = {
    "update": _update,
    "label": _label,
    "status": _status,
    "signatories": _signatories,
    "quotas": _quotas,
    "participation": _participation,
}


def race_writer(url: str, race: str, record_id: int, n: int, barrier: Any, results: Any) -> None:
    """One writer of a race: open the database, wait for all the others, write once."""
    database = reopen(url)
    try:
        desk = Desk(database, "admin")
        desk.actor()  # connected and logged in before the start
        barrier.wait()
        results.put((n, *outcome(lambda: RACES[race](desk, record_id, n))))
    finally:
        database.dispose()


def saving_writer(url: str, record_id: int, n: int, saves: int, barrier: Any, results: Any) -> None:
    """Save one person ``saves`` times, each with the version just read; report every outcome."""
    database = reopen(url)
    try:
        desk = Desk(database, "admin")
        desk.actor()
        barrier.wait()
        for k in range(saves):

            def save(k: int = k) -> Any:
                current, _label = desk.people.get(record_id)
                return desk.people.update(
                    record_id, {"position": f"W{n}-{k}"}, expected_version=current.row_version
                )

            results.put((n, *outcome(save)))
    finally:
        database.dispose()


def creating_writer(url: str, n: int, count: int, barrier: Any, results: Any) -> None:
    """Create ``count`` exchanges of a year nobody has used yet, all at once with the others."""
    database = reopen(url)
    try:
        desk = Desk(database, "admin")
        desk.actor()
        barrier.wait()
        for k in range(count):
            values = {
                **EXCHANGE,
                "title": f"Exercise {n}-{k}",
                "start_date": "2031-01-10",
                "end_date": "2031-01-20",
            }
            results.put(
                (n, *outcome(lambda values=values: desk.exchanges.create(values), "reference"))
            )
    finally:
        database.dispose()


def deadlocking_writer(
    url: str, own_id: int, other_id: int, n: int, barrier: Any, results: Any
) -> None:
    """Save one person after locking it and then, once the other writer has locked its own,
    the other writer's person: one of the two transactions is the database's deadlock victim
    (the dance is done on the first attempt only; the write path's retry saves normally)."""
    from sqlalchemy import text

    database = reopen(url)
    try:
        desk = Desk(database, "admin")
        desk.actor()
        service = desk.people
        original = type(service).check
        danced: list[bool] = []

        def check(self, session, actor, values, record, errors) -> None:  # noqa: ANN001
            if not danced:
                danced.append(True)
                touch = "UPDATE people SET given_names = given_names WHERE id = :id"
                session.execute(text(touch), {"id": own_id})
                barrier.wait()
                session.execute(text(touch), {"id": other_id})
            original(self, session, actor, values, record, errors)

        service.check = check.__get__(service)  # type: ignore[method-assign]
        results.put((n, *outcome(lambda: service.update(own_id, {"rank": f"R{n}"}))))
    finally:
        database.dispose()


def opening_client(url: str, backup_dir: str, n: int, barrier: Any, results: Any) -> None:
    """Open the database at the same instant as the others (as the owner: it upgrades an old
    schema); report ("ok", the revision it upgraded from, or "" when it found nothing to do)."""
    from app.services.setup import upgrade_database

    barrier.wait()
    try:
        database, report = upgrade_database(url, Path(backup_dir))
    except Exception:  # noqa: BLE001 (the test fails on any of these)
        results.put((n, "traceback", traceback.format_exc()))
        return
    database.dispose()
    results.put((n, "ok", report.from_revision if report else ""))


def run_processes(target: Callable[..., None], argument_lists: list[tuple[Any, ...]]) -> list[Any]:
    """Start one process per argument tuple (each gets the shared barrier and result queue
    appended), wait for them all; every result they put, in arrival order."""
    barrier = CONTEXT.Barrier(len(argument_lists), timeout=TIMEOUT)
    results = CONTEXT.Queue()
    processes = [
        CONTEXT.Process(target=target, args=(*arguments, barrier, results))
        for arguments in argument_lists
    ]
    for process in processes:
        process.start()
    collected: list[Any] = []
    deadline = time.monotonic() + TIMEOUT
    try:
        # drain while they run: a process whose results sit unread in the pipe cannot end
        while any(p.is_alive() for p in processes) and time.monotonic() < deadline:
            try:
                collected.append(results.get(timeout=0.5))
            except queue.Empty:
                pass
        while True:
            try:
                collected.append(results.get(timeout=0.5))
            except queue.Empty:
                break
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join(10)
    stuck = [p.exitcode for p in processes if p.exitcode != 0]
    if stuck:
        raise AssertionError(f"writer processes failed or hung: exit codes {stuck}; {collected}")
    return collected


__all__ = [
    "AGREEMENT",
    "CONTEXT",
    "EXCHANGE",
    "PERSON",
    "RACES",
    "creating_writer",
    "deadlocking_writer",
    "opening_client",
    "outcome",
    "race_writer",
    "run_processes",
    "saving_writer",
]
