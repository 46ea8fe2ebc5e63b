"""Statistics: exchanges and participants tallied by nation, kind and status."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from app.domain.labels import Label
from app.domain.nations import nation_name
from app.domain.vocab import (
    Domain,
    ExchangeKind,
    ExchangeStatus,
)
from app.reports.model import Chart, Column, Heading, Note, Report, Row, Table
from app.services.errors import ValidationFailed

if TYPE_CHECKING:
    from app.services.desk import Desk
from app.reports.builders.common import (
    all_records,
    date_param,
    fetch,
    word,
)


def statistics(desk: Desk, params: dict[str, Any]) -> Report:
    """Exchanges in a period by host nation, kind and domain; participants; a chart by year."""
    start = date_param(params, "from") or dt.date(dt.date.today().year, 1, 1)
    end = date_param(params, "to") or dt.date(dt.date.today().year, 12, 31)
    if end < start:
        raise ValidationFailed({"to": "to is before from"})
    filters: dict[str, Any] = {"start_date__gte": start, "start_date__lte": end}
    shown = [("From", start.isoformat()), ("To", end.isoformat())]
    nation = str(params.get("nation") or "").strip().upper()
    if nation:
        filters["host_nation"] = nation
        shown.append(("Host nation", nation))
    exchanges = list(all_records(desk.exchanges, filters, sort=["start_date"]))
    participations: list[tuple[Any, Label]] = []
    ids = [e.id for e, _l in exchanges]
    for chunk in range(0, len(ids), 500):
        participations.extend(
            all_records(desk.participations, {"exchange_id__in": ids[chunk : chunk + 500]})
        )
    people = fetch(desk.people, (p.person_id for p, _l in participations))

    def tally(keyed: Iterable[tuple[str, Label]]) -> list[tuple[str, int, Label]]:
        counts: Counter[str] = Counter()
        labels: dict[str, list[Label]] = defaultdict(list)
        for key, label in keyed:
            counts[key] += 1
            labels[key].append(label)
        return [
            (key, n, desk.combined(labels[key]))
            for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]

    participants_by_exchange: Counter[int] = Counter()
    person_rows: list[tuple[str, Label]] = []
    for participation, p_label in participations:
        if participation.person_id not in people:
            continue
        participants_by_exchange[participation.exchange_id] += 1
        person_record, person_label = people[participation.person_id]
        person_rows.append((person_record.nation_code, desk.combined([p_label, person_label])))
    blocks: list[Any] = []
    total_participants = len(person_rows)
    all_labels = [lab for _e, lab in exchanges]
    overall = desk.combined(all_labels) if all_labels else None
    blocks.append(
        Note(
            f"{len(exchanges)} exchanges starting in the period, {total_participants} "
            "participations.",
            overall,
        )
    )

    def table(
        title: str,
        rows: list[tuple[str, int, Label]],
        name: str,
        extra: dict[str, int] | None = None,
    ) -> None:
        columns = [
            Column(name, 3),
            Column(
                "Exchanges"
                if extra is not None or name != "Nation of participant"
                else "Participations",
                1,
                "right",
            ),
        ]
        if extra is not None:
            columns.append(Column("Participants", 1, "right"))
        body = [
            Row([key, str(n)] + ([str(extra.get(key, 0))] if extra is not None else []), label)
            for key, n, label in rows
        ]
        blocks.append(Heading(title))
        blocks.append(Table(columns, body))

    by_host_participants: Counter[str] = Counter()
    for exchange, _l in exchanges:
        by_host_participants[f"{exchange.host_nation} — {nation_name(exchange.host_nation)}"] += (
            participants_by_exchange[exchange.id]
        )
    years = sorted({e.start_date.year for e, _l in exchanges})
    kinds = sorted({e.kind for e, _l in exchanges})
    series = {
        word(ExchangeKind, k): [
            sum(1 for e, _l in exchanges if e.kind == k and e.start_date.year == y) for y in years
        ]
        for k in kinds
    }
    if exchanges:
        blocks.append(
            Chart(
                "Exchanges per kind by year (starting in the period)",
                [str(y) for y in years],
                series,
                overall,
            )
        )
    table(
        "Exchanges by host nation",
        tally((f"{e.host_nation} — {nation_name(e.host_nation)}", lab) for e, lab in exchanges),
        "Host nation",
        dict(by_host_participants),
    )
    by_kind_participants: Counter[str] = Counter()
    for exchange, _l in exchanges:
        by_kind_participants[word(ExchangeKind, exchange.kind)] += participants_by_exchange[
            exchange.id
        ]
    table(
        "Exchanges by kind",
        tally((word(ExchangeKind, e.kind), lab) for e, lab in exchanges),
        "Kind",
        dict(by_kind_participants),
    )
    table(
        "Exchanges by domain",
        tally(
            (word(Domain, d.domain), lab)
            for e, lab in exchanges
            for d in (getattr(e, "domains", []) or [])
        ),
        "Domain",
    )
    table(
        "Exchanges by status",
        tally((word(ExchangeStatus, e.status), lab) for e, lab in exchanges),
        "Status",
    )
    table(
        "Participants by nation",
        tally((f"{code} — {nation_name(code)}", lab) for code, lab in person_rows),
        "Nation of participant",
    )
    return Report(
        "statistics", "Activity statistics", shown, blocks, len(exchanges) + 2 * total_participants
    )
