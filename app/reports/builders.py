"""Builders: one function per report, turning service reads into a `Report` (no Qt here).

Everything is read through the desk's services, so only records the user may read are ever
fetched. A row showing two records (a participation and its person, an assignment and its
officer) carries the combined label of both.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from app.domain.labels import Label, Release
from app.domain.nations import nation_name
from app.domain.vocab import (
    AgreementKind,
    AgreementStatus,
    Domain,
    ExchangeKind,
    ExchangeStatus,
    LiaisonKind,
    LiaisonStatus,
    ParticipationRole,
    ParticipationStatus,
    Service,
    Vocabulary,
)
from app.reports.model import Chart, Column, Heading, Note, RecordBlock, Report, Row, Table
from app.services.errors import NotFound, PermissionDenied, ValidationFailed

if TYPE_CHECKING:
    from app.services.base import RecordService
    from app.services.desk import Desk

PAGE = 2000
EXPIRING_DAYS = 180


# --- helpers ---------------------------------------------------------------------------------


def _all(
    service: RecordService[Any],
    filters: dict[str, Any] | None = None,
    sort: list[str] | None = None,
) -> Iterator[tuple[Any, Label]]:
    """Every visible record matching the filters, in pages, with its label."""
    offset = 0
    while True:
        page = service.list(filters, sort=sort, offset=offset, limit=PAGE, count_total=False)
        for record in page.records:
            yield record, page.labels[record.label_id]
        if len(page.records) < PAGE:
            return
        offset += PAGE


def _fetch(service: RecordService[Any], ids: Iterable[int]) -> dict[int, tuple[Any, Label]]:
    """Visible records by id, fetched in chunks."""
    wanted = sorted({i for i in ids if i is not None})
    found: dict[int, tuple[Any, Label]] = {}
    for start in range(0, len(wanted), 900):
        found.update(service.fetch(wanted[start : start + 900]))
    return found


def _word(vocabulary: type[Vocabulary], value: str | None) -> str:
    if not value:
        return ""
    try:
        return vocabulary(value).label
    except ValueError:
        return str(value)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _period(start: dt.date | None, end: dt.date | None) -> str:
    if not start and not end:
        return ""
    return f"{_date(start)} – {_date(end) or 'open'}"


def _person_name(person: Any) -> str:
    name = f"{person.family_name.upper()}, {person.given_names}".rstrip(", ")
    if getattr(person, "original_script_name", ""):
        name += f" ({person.original_script_name})"
    return name


def _level_name(desk: Desk, level: int | None) -> str:
    if level is None:
        return ""
    scheme = desk.db.scheme
    return scheme.name(level) if 0 <= level <= scheme.top else str(level)


def _date_param(params: dict[str, Any], name: str) -> dt.date | None:
    value = params.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationFailed(
            {name: f"{name} must be a date written YYYY-MM-DD, not {value!r}"}
        ) from None


def _required(params: dict[str, Any], name: str) -> str:
    value = str(params.get(name) or "").strip()
    if not value:
        raise ValidationFailed({name: f"{name} is required for this report"})
    return value


def _participations_of_exchange(desk: Desk, exchange_id: int) -> Iterator[tuple[Any, Label]]:
    service = desk.participations
    if hasattr(service, "for_exchange"):
        page = service.for_exchange(exchange_id)
        if hasattr(page, "records"):
            for record in page.records:
                yield record, page.labels[record.label_id]
            return
        yield from page
        return
    yield from _all(service, {"exchange_id": exchange_id})


def _roster_rows(desk: Desk, exchange_id: int, signature: bool) -> tuple[list[Row], int]:
    participations = list(_participations_of_exchange(desk, exchange_id))
    people = _fetch(desk.people, (p.person_id for p, _label in participations))
    entries = []
    for participation, label in participations:
        if participation.person_id not in people:
            continue  # the person is hidden from this user: so is the row
        person, person_label = people[participation.person_id]
        entries.append((person, participation, desk.combined([label, person_label])))
    entries.sort(key=lambda e: (e[0].family_name.casefold(), e[0].given_names.casefold(), e[1].id))
    rows = []
    for number, (person, participation, label) in enumerate(entries, start=1):
        cells = [
            str(number),
            _person_name(person),
            person.rank or "",
            person.nation_code,
            person.unit or "",
            _word(ParticipationRole, participation.role),
            _word(ParticipationStatus, participation.status),
        ]
        if signature:
            cells.append("")
        else:
            cells.insert(6, _period(participation.arrival_date, participation.departure_date))
        rows.append(Row(cells, label))
    return rows, 2 * len(rows)


def _exchange_fields(desk: Desk, exchange: Any) -> list[tuple[str, str]]:
    partners = ", ".join(p.nation_code for p in getattr(exchange, "partners", []) or [])
    domains = ", ".join(_word(Domain, d.domain) for d in getattr(exchange, "domains", []) or [])
    budget = ""
    if exchange.budget_amount is not None:
        budget = f"{exchange.budget_amount:,.2f} {exchange.budget_currency}".strip()
    fields = [
        ("Kind", _word(ExchangeKind, exchange.kind)),
        ("Program", exchange.program or ""),
        (
            "Status",
            _word(ExchangeStatus, exchange.status)
            + (f" ({exchange.cancel_reason})" if exchange.cancel_reason else ""),
        ),
        ("Host nation", f"{exchange.host_nation} — {nation_name(exchange.host_nation)}"),
        ("Partner nations", partners),
        ("Location", exchange.location or ""),
        ("Dates", _period(exchange.start_date, exchange.end_date)),
        ("Domains", domains),
        ("Lead coordinator", exchange.lead_coordinator or ""),
        ("Budget", budget),
    ]
    return fields


def _find(service: RecordService[Any], reference: str, what: str) -> tuple[Any, Label]:
    try:
        return service.find(reference)
    except NotFound:
        raise NotFound(f"no {what} {reference}") from None


# --- reports ---------------------------------------------------------------------------------


def exchange_summary(desk: Desk, params: dict[str, Any]) -> Report:
    """Details, agreement, cost lines, roster and outcome of one exchange."""
    reference = _required(params, "exchange")
    exchange, label = _find(desk.exchanges, reference, "exchange")
    blocks: list[Any] = []
    records = 1
    blocks.append(
        RecordBlock(
            label,
            f"{exchange.reference} {exchange.title}",
            _exchange_fields(desk, exchange),
            [("Objectives", exchange.objectives or "")],
        )
    )
    if exchange.agreement_id:
        agreement = _fetch(desk.agreements, [exchange.agreement_id]).get(exchange.agreement_id)
        if agreement is not None:
            record, agreement_label = agreement
            records += 1
            blocks.append(Heading("Governing agreement"))
            blocks.append(
                RecordBlock(
                    agreement_label,
                    f"{record.reference} {record.title}",
                    [
                        ("Kind", _word(AgreementKind, record.kind)),
                        ("Status", _word(AgreementStatus, record.status)),
                        ("Parties", ", ".join(p.nation_code for p in record.parties)),
                        ("In force", _period(record.effective_date, record.expiry_date)),
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
    rows, count = _roster_rows(desk, exchange.id, signature=False)
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
    reference = _required(params, "exchange")
    exchange, label = _find(desk.exchanges, reference, "exchange")
    rows, count = _roster_rows(desk, exchange.id, signature=True)
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
                ("Dates", _period(exchange.start_date, exchange.end_date)),
                ("Status", _word(ExchangeStatus, exchange.status)),
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


def person(desk: Desk, params: dict[str, Any]) -> Report:
    """One person's record and their history of exchanges and liaison assignments."""
    reference = _required(params, "person")
    record, label = _find(desk.people, reference, "person")
    languages = ", ".join(f"{lang.language} {lang.profile}".strip() for lang in record.languages)
    clearance = ""
    if record.clearance_level is not None:
        clearance = (
            f"{_level_name(desk, record.clearance_level)} ({record.clearance_nation or '?'}), "
            f"expires {_date(record.clearance_expiry) or '—'}"
        )
    blocks: list[Any] = [
        RecordBlock(
            label,
            f"{record.reference} {_person_name(record)}",
            [
                (
                    "Rank",
                    f"{record.rank} {f'({record.rank_code})' if record.rank_code else ''}".strip(),
                ),
                ("Service", _word(Service, record.service)),
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
    participations = list(_all(desk.participations, {"person_id": record.id}))
    exchanges = _fetch(desk.exchanges, (p.exchange_id for p, _l in participations))
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
                        _period(exchange.start_date, exchange.end_date),
                        exchange.host_nation,
                        _word(ParticipationRole, participation.role),
                        _word(ParticipationStatus, participation.status),
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
    for assignment, a_label in _all(desk.liaison, {"person_id": record.id}, sort=["-start_date"]):
        tours.append(
            Row(
                [
                    assignment.reference,
                    _word(LiaisonKind, assignment.kind),
                    f"{assignment.sending_nation} → {assignment.host_nation}",
                    assignment.host_organisation or "",
                    _period(assignment.start_date, assignment.end_date),
                    _word(LiaisonStatus, assignment.status),
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
        subtitle=f"{record.reference} — {_person_name(record)}",
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
                _word(AgreementKind, record.kind),
                ", ".join(p.nation_code for p in record.parties),
                _word(AgreementStatus, record.status),
                _date(record.signed_date),
                _date(record.effective_date),
                _date(record.expiry_date),
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
                _date(r.expiry_date),
                f"{(r.expiry_date - today).days}",
                str(r.notice_period_days if r.notice_period_days is not None else 90),
                _word(AgreementStatus, r.status),
            ],
            lab,
        )
        for r, lab in expiring
    ]
    register = [
        row(r, lab) for r, lab in _all(desk.agreements, filters, sort=["reference"]) if wanted(r)
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


def liaison_directory(desk: Desk, params: dict[str, Any]) -> Report:
    """Active liaison tours grouped by host nation and organisation."""
    filters: dict[str, Any] = {"status": LiaisonStatus.ACTIVE.value}
    shown = [("Status", "active tours")]
    nation = str(params.get("nation") or "").strip().upper()
    if nation:
        filters["host_nation"] = nation
        shown.append(("Host nation", nation))
    assignments = list(
        _all(desk.liaison, filters, sort=["host_nation", "host_organisation", "start_date"])
    )
    people = _fetch(desk.people, (a.person_id for a, _l in assignments))
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
                    _person_name(officer),
                    officer.rank or "",
                    assignment.sending_nation,
                    _word(LiaisonKind, assignment.kind),
                    _period(assignment.start_date, assignment.end_date),
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
        blocks.append(Note("No active tours that you may see."))
    return Report(
        "liaison-directory", "Liaison officer directory", shown, blocks, records, landscape=True
    )


def statistics(desk: Desk, params: dict[str, Any]) -> Report:
    """Exchanges in a period by host nation, kind and domain; participants; a chart by year."""
    start = _date_param(params, "from") or dt.date(dt.date.today().year, 1, 1)
    end = _date_param(params, "to") or dt.date(dt.date.today().year, 12, 31)
    if end < start:
        raise ValidationFailed({"to": "to is before from"})
    filters: dict[str, Any] = {"start_date__gte": start, "start_date__lte": end}
    shown = [("From", start.isoformat()), ("To", end.isoformat())]
    nation = str(params.get("nation") or "").strip().upper()
    if nation:
        filters["host_nation"] = nation
        shown.append(("Host nation", nation))
    exchanges = list(_all(desk.exchanges, filters, sort=["start_date"]))
    participations: list[tuple[Any, Label]] = []
    ids = [e.id for e, _l in exchanges]
    for chunk in range(0, len(ids), 500):
        participations.extend(
            _all(desk.participations, {"exchange_id__in": ids[chunk : chunk + 500]})
        )
    people = _fetch(desk.people, (p.person_id for p, _l in participations))

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
        _word(ExchangeKind, k): [
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
        by_kind_participants[_word(ExchangeKind, exchange.kind)] += participants_by_exchange[
            exchange.id
        ]
    table(
        "Exchanges by kind",
        tally((_word(ExchangeKind, e.kind), lab) for e, lab in exchanges),
        "Kind",
        dict(by_kind_participants),
    )
    table(
        "Exchanges by domain",
        tally(
            (_word(Domain, d.domain), lab)
            for e, lab in exchanges
            for d in (getattr(e, "domains", []) or [])
        ),
        "Domain",
    )
    table(
        "Exchanges by status",
        tally((_word(ExchangeStatus, e.status), lab) for e, lab in exchanges),
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


def audit_extract(desk: Desk, params: dict[str, Any]) -> Report:
    """Audit events of a period (auditors and administrators only).

    Audit events carry no label of their own and may name any record: every row is marked at
    the reader's clearance, NOFORN (the same conservative rule as the audit screen).
    """
    actor = desk.actor()
    if not actor.reads_audit:
        raise PermissionDenied("the audit extract is for auditors and administrators")
    start = _date_param(params, "from")
    end = _date_param(params, "to")
    filters: dict[str, Any] = {}
    shown = []
    if start:
        filters["since"] = dt.datetime.combine(start, dt.time())
        shown.append(("From", start.isoformat()))
    if end:
        filters["until"] = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
        shown.append(("To", end.isoformat()))
    label = Label(min(actor.clearance, desk.db.scheme.top), Release.NOFORN)
    rows = []
    offset = 0
    while True:
        events = desk.audit.list(offset=offset, limit=PAGE, newest_first=False, **filters)
        for event in events:
            details = ", ".join(f"{k}: {_short(v)}" for k, v in sorted(event.details.items()))
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
                    label,
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
    )


def _short(value: Any, limit: int = 160) -> str:
    text = (
        value
        if isinstance(value, str)
        else repr(value)
        if not isinstance(value, dict | list)
        else str(value)
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"
