"""The liaison officer directory."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from app.domain.nations import nation_name
from app.domain.vocab import (
    LiaisonKind,
    LiaisonStatus,
)
from app.reports.model import Column, Heading, Note, Report, Row, Table

if TYPE_CHECKING:
    from app.services.desk import Desk
from app.reports.builders.common import (
    all_records,
    fetch,
    period,
    person_name,
    word,
)


def liaison_directory(desk: Desk, params: dict[str, Any]) -> Report:
    """Active liaison tours grouped by host nation and organisation."""
    filters: dict[str, Any] = {"status": LiaisonStatus.ACTIVE.value}
    shown = [("Status", "active tours")]
    nation = str(params.get("nation") or "").strip().upper()
    if nation:
        filters["host_nation"] = nation
        shown.append(("Host nation", nation))
    assignments = list(
        all_records(desk.liaison, filters, sort=["host_nation", "host_organisation", "start_date"])
    )
    people = fetch(desk.people, (a.person_id for a, _l in assignments))
    groups: dict[str, list[Row]] = defaultdict(list)
    records = 0
    for assignment, label in assignments:
        if assignment.person_id not in people:
            continue
        officer, o_label = people[assignment.person_id]
        records += 2
        groups[assignment.host_nation].append(
            Row(
                [
                    assignment.host_organisation or "",
                    person_name(officer),
                    officer.rank or "",
                    assignment.sending_nation,
                    word(LiaisonKind, assignment.kind),
                    period(assignment.start_date, assignment.end_date),
                    officer.email or officer.phone or "",
                    assignment.home_poc or "",
                ],
                desk.combined([label, o_label]),
            )
        )
    blocks: list[Any] = []
    columns = [
        Column("Host organisation", 2.6),
        Column("Officer", 2.8),
        Column("Rank", 1.5),
        Column("From", 0.6),
        Column("Kind", 1.4),
        Column("Tour", 1.9),
        Column("Contact", 2.2),
        Column("Home point of contact", 2.2),
    ]
    for host in sorted(groups):
        blocks.append(Heading(f"{host} — {nation_name(host)} ({len(groups[host])})"))
        blocks.append(Table(columns, groups[host]))
    if not groups:
        blocks.append(Note("No active tours."))
    return Report(
        "liaison-directory", "Liaison officer directory", shown, blocks, records, landscape=True
    )
