"""Exchange summary and participant roster (sign-in sheet)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.domain.nations import nation_name
from app.domain.vocab import (
    AgreementKind,
    AgreementStatus,
    ExchangeStatus,
)
from app.reports.model import Column, Heading, RecordBlock, Report, Row, Table

if TYPE_CHECKING:
    from app.services.desk import Desk
from app.reports.builders.common import (
    exchange_fields,
    fetch,
    find_record,
    period,
    required,
    roster_rows,
    word,
)


def exchange_summary(desk: Desk, params: dict[str, Any]) -> Report:
    """Details, agreement, cost lines, roster and outcome of one exchange."""
    reference = required(params, "exchange")
    exchange, label = find_record(desk.exchanges, reference)
    blocks: list[Any] = []
    records = 1
    blocks.append(
        RecordBlock(
            label,
            f"{exchange.reference} {exchange.title}",
            exchange_fields(desk, exchange),
            [("Objectives", exchange.objectives or "")],
        )
    )
    if exchange.agreement_id:
        agreement = fetch(desk.agreements, [exchange.agreement_id]).get(exchange.agreement_id)
        if agreement is not None:
            record, agreement_label = agreement
            records += 1
            blocks.append(Heading("Governing agreement"))
            blocks.append(
                RecordBlock(
                    agreement_label,
                    f"{record.reference} {record.title}",
                    [
                        ("Kind", word(AgreementKind, record.kind)),
                        ("Status", word(AgreementStatus, record.status)),
                        ("Parties", ", ".join(p.nation_code for p in record.parties)),
                        ("In force", period(record.effective_date, record.expiry_date)),
                    ],
                )
            )
    costs = list(getattr(exchange, "costs", []) or [])
    blocks.append(Heading("Cost lines"))
    blocks.append(
        Table(
            [
                Column("Category", 1.2),
                Column("Description", 3),
                Column("Amount", 1.2, "right"),
                Column("Currency", 0.8),
            ],
            [
                Row(
                    [
                        c.category.replace("_", " ").capitalize(),
                        c.description or "",
                        f"{c.amount:,.2f}",
                        c.currency,
                    ],
                    label,
                )
                for c in costs
            ],
        )
    )
    rows, count = roster_rows(desk, exchange.id, signature=False)
    records += count
    blocks.append(Heading(f"Participants ({len(rows)})"))
    blocks.append(Table(_roster_columns(signature=False), rows))
    blocks.append(Heading("Outcome"))
    blocks.append(
        RecordBlock(
            label,
            f"{exchange.reference} outcome",
            [
                (
                    "Rating",
                    f"{exchange.outcome_rating} of 5" if exchange.outcome_rating else "not rated",
                ),
            ],
            [
                ("After-action summary", exchange.outcome_summary or ""),
                ("Lessons learned", exchange.lessons_learned or ""),
            ],
        )
    )
    return Report(
        "exchange-summary",
        "Exchange summary",
        [("Exchange", exchange.reference)],
        blocks,
        records,
        subject_label=label,
        subtitle=f"{exchange.reference} — {exchange.title}",
    )


def _roster_columns(signature: bool) -> list[Column]:
    columns = [
        Column("#", 0.45, "right"),
        Column("Name", 3),
        Column("Rank", 1.6),
        Column("Nation", 0.8),
        Column("Unit", 2.4),
        Column("Role", 1.1),
        Column("Status", 1.2),
    ]
    if signature:
        columns.append(Column("Signature", 2.6))
    else:
        columns.insert(6, Column("Arrival – departure", 2.1))
    return columns


def roster(desk: Desk, params: dict[str, Any]) -> Report:
    """Sign-in sheet of one exchange: every visible participant, with room to sign."""
    reference = required(params, "exchange")
    exchange, label = find_record(desk.exchanges, reference)
    rows, count = roster_rows(desk, exchange.id, signature=True)
    blocks: list[Any] = [
        RecordBlock(
            label,
            f"{exchange.reference} {exchange.title}",
            [
                (
                    "Host / location",
                    f"{exchange.host_nation} — "
                    f"{exchange.location or nation_name(exchange.host_nation)}",
                ),
                ("Dates", period(exchange.start_date, exchange.end_date)),
                ("Status", word(ExchangeStatus, exchange.status)),
            ],
        ),
        Table(
            _roster_columns(signature=True),
            rows,
            title=f"Participants ({len(rows)})",
            row_height_mm=9.0,
        ),
    ]
    return Report(
        "roster",
        "Participant roster / sign-in sheet",
        [("Exchange", exchange.reference)],
        blocks,
        count + 1,
        landscape=True,
        subject_label=label,
        subtitle=f"{exchange.reference} — {exchange.title}",
    )
