"""The person report: one person's record and their exchanges."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.nations import nation_name
from app.domain.vocab import (
    LiaisonKind,
    LiaisonStatus,
    ParticipationRole,
    ParticipationStatus,
    Service,
)
from app.reports.model import Column, Heading, RecordBlock, Report, Row, Table

if TYPE_CHECKING:
    from app.services.desk import Desk
from app.reports.builders.common import (
    all_records,
    date_text,
    fetch,
    find_record,
    level_name,
    period,
    person_name,
    required,
    word,
)


def person(desk: Desk, params: dict[str, Any]) -> Report:
    """One person's record and their history of exchanges and liaison assignments."""
    reference = required(params, "person")
    record, label = find_record(desk.people, reference)
    languages = ", ".join(f"{lang.language} {lang.profile}".strip() for lang in record.languages)
    clearance = ""
    if record.clearance_level is not None:
        clearance = (
            f"{level_name(desk, record.clearance_level)} ({record.clearance_nation or '?'}), "
            f"expires {date_text(record.clearance_expiry) or '—'}"
        )
    blocks: list[Any] = [
        RecordBlock(
            label,
            f"{record.reference} {person_name(record)}",
            [
                (
                    "Rank",
                    f"{record.rank} {f'({record.rank_code})' if record.rank_code else ''}".strip(),
                ),
                ("Service", word(Service, record.service)),
                ("Nation", f"{record.nation_code} — {nation_name(record.nation_code)}"),
                ("Unit / organisation", record.unit or ""),
                ("Position", record.position or ""),
                ("E-mail", record.email or ""),
                ("Phone", record.phone or ""),
                ("Languages (STANAG 6001)", languages),
                ("Clearance held", clearance),
            ],
            [("Notes", record.notes or "")],
        )
    ]
    records = 1
    participations = list(all_records(desk.participations, {"person_id": record.id}))
    exchanges = fetch(desk.exchanges, (p.exchange_id for p, _l in participations))
    rows = []
    for participation, p_label in participations:
        if participation.exchange_id not in exchanges:
            continue
        exchange, e_label = exchanges[participation.exchange_id]
        rows.append(
            (
                exchange.start_date,
                Row(
                    [
                        exchange.reference,
                        exchange.title,
                        period(exchange.start_date, exchange.end_date),
                        exchange.host_nation,
                        word(ParticipationRole, participation.role),
                        word(ParticipationStatus, participation.status),
                    ],
                    desk.combined([p_label, e_label]),
                ),
            )
        )
        records += 2
    rows.sort(key=lambda r: r[0], reverse=True)
    blocks.append(Heading("Exchanges"))
    blocks.append(
        Table(
            [
                Column("Exchange", 1.4),
                Column("Title", 3.2),
                Column("Dates", 2),
                Column("Host", 0.7),
                Column("Role", 1),
                Column("Status", 1.2),
            ],
            [r for _d, r in rows],
        )
    )
    tours = []
    for assignment, a_label in all_records(
        desk.liaison, {"person_id": record.id}, sort=["-start_date"]
    ):
        tours.append(
            Row(
                [
                    assignment.reference,
                    word(LiaisonKind, assignment.kind),
                    f"{assignment.sending_nation} → {assignment.host_nation}",
                    assignment.host_organisation or "",
                    period(assignment.start_date, assignment.end_date),
                    word(LiaisonStatus, assignment.status),
                ],
                a_label,
            )
        )
        records += 1
    blocks.append(Heading("Liaison assignments"))
    blocks.append(
        Table(
            [
                Column("Reference", 1.3),
                Column("Kind", 1.5),
                Column("Nations", 1.2),
                Column("Host organisation", 2.8),
                Column("Tour", 2),
                Column("Status", 0.9),
            ],
            tours,
        )
    )
    return Report(
        "person",
        "Person record",
        [("Person", record.reference)],
        blocks,
        records,
        subject_label=label,
        subtitle=f"{record.reference} — {person_name(record)}",
    )
