"""The audit trail extract (auditors and administrators)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from app.domain.labels import Label
from app.domain.texts import said
from app.reports.model import Column, Report, Row, Table
from app.services.errors import PermissionDenied

if TYPE_CHECKING:
    from app.services.desk import Desk
from app.reports.builders.common import (
    PAGE,
    date_param,
    short,
)


def audit_extract(desk: Desk, params: dict[str, Any]) -> Report:
    """Audit events of a period (auditors and administrators only).

    Each row is marked like what it describes: an event about a record with that record's
    label, any other event (and one about a record the reader may not see, which says only who,
    when and what kind) as unclassified; the extract is marked from the rows it prints.
    """
    actor = desk.actor()
    if not actor.reads_audit:
        raise PermissionDenied(said("the audit extract is for auditors and administrators"))
    start = date_param(params, "from")
    end = date_param(params, "to")
    filters: dict[str, Any] = {}
    shown = []
    if start:
        filters["since"] = dt.datetime.combine(start, dt.time())
        shown.append(("From", start.isoformat()))
    if end:
        filters["until"] = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
        shown.append(("To", end.isoformat()))
    rows = []
    offset = 0
    while True:
        events = desk.audit.list(offset=offset, limit=PAGE, newest_first=False, **filters)
        for event in events:
            details = ", ".join(f"{k}: {short(v)}" for k, v in sorted(event.details.items()))
            record = " ".join(
                x
                for x in (
                    event.record_kind,
                    event.record_ref or (str(event.record_id) if event.record_id else ""),
                )
                if x
            )
            rows.append(
                Row(
                    [
                        str(event.id),
                        event.at.strftime("%Y-%m-%d %H:%M:%S"),
                        event.username,
                        event.action,
                        record,
                        event.outcome,
                        details,
                    ],
                    event.label or Label(),
                )
            )
        if len(events) < PAGE:
            break
        offset += PAGE
    blocks = [
        Table(
            [
                Column("#", 0.6, "right"),
                Column("When (UTC)", 1.7),
                Column("User", 1.1),
                Column("Action", 1.2),
                Column("Record", 1.9),
                Column("Outcome", 0.9),
                Column("Details", 6),
            ],
            rows,
            title=f"Events ({len(rows)})",
        )
    ]
    return Report(
        "audit",
        "Audit extract",
        shown or [("Period", "whole trail")],
        blocks,
        len(rows),
        landscape=True,
        sources_named=False,  # events, not records: no record's declassification date covers them
    )
