"""The agreements register, expiring agreements flagged."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from app.domain.labels import Label
from app.domain.vocab import (
    AgreementKind,
    AgreementStatus,
)
from app.reports.model import Column, Heading, Report, Row, Table
from app.services.errors import ValidationFailed

if TYPE_CHECKING:
    from app.services.desk import Desk
from app.reports.builders.common import (
    EXPIRING_DAYS,
    all_records,
    date_text,
    word,
)


def agreements(desk: Desk, params: dict[str, Any], today: dt.date | None = None) -> Report:
    """The agreements register, with the agreements expiring soon first."""
    today = today or dt.date.today()
    filters: dict[str, Any] = {}
    shown: list[tuple[str, str]] = []
    status = str(params.get("status") or "").strip()
    if status:
        try:
            filters["status"] = AgreementStatus.parse(status).value
        except ValueError as error:
            raise ValidationFailed({"status": str(error)}) from None
        shown.append(("Status", AgreementStatus(filters["status"]).label))
    nation = str(params.get("nation") or "").strip().upper()
    if nation:
        shown.append(("Party", nation))

    def wanted(record: Any) -> bool:
        return not nation or nation in {p.nation_code for p in record.parties}

    columns = [
        Column("Reference", 1.7),
        Column("Title", 3.4),
        Column("Kind", 1.7),
        Column("Parties", 1.8),
        Column("Status", 1.0),
        Column("Signed", 0.95),
        Column("Effective", 0.95),
        Column("Expiry", 0.95),
    ]

    def row(record: Any, label: Label) -> Row:
        return Row(
            [
                record.reference,
                record.title,
                word(AgreementKind, record.kind),
                ", ".join(p.nation_code for p in record.parties),
                word(AgreementStatus, record.status),
                date_text(record.signed_date),
                date_text(record.effective_date),
                date_text(record.expiry_date),
            ],
            label,
        )

    expiring = [
        (r, lab)
        for r, lab in desk.agreements.expiring(EXPIRING_DAYS, today=today)
        if wanted(r) and (not status or r.status == filters["status"])
    ]
    soon_rows = [
        Row(
            [
                r.reference,
                r.title,
                date_text(r.expiry_date),
                f"{(r.expiry_date - today).days}",
                str(r.notice_period_days if r.notice_period_days is not None else 90),
                word(AgreementStatus, r.status),
            ],
            lab,
        )
        for r, lab in expiring
    ]
    register = [
        row(r, lab)
        for r, lab in all_records(desk.agreements, filters, sort=["reference"])
        if wanted(r)
    ]
    blocks: list[Any] = [
        Heading(f"Expiring within {EXPIRING_DAYS} days ({len(soon_rows)})"),
        Table(
            [
                Column("Reference", 1.7),
                Column("Title", 4),
                Column("Expiry", 1),
                Column("Days left", 0.8, "right"),
                Column("Notice (days)", 0.9, "right"),
                Column("Status", 1),
            ],
            soon_rows,
        ),
        Heading(f"Register ({len(register)})"),
        Table(columns, register),
    ]
    return Report(
        "agreements",
        "Agreements register",
        shown or [("Filter", "all agreements")],
        blocks,
        len(register) + len(soon_rows),
        landscape=True,
        subtitle=f"As of {today.isoformat()}",
    )
