"""What the report builders share: paging through a service, words, dates, lookups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from app.domain.declassification import Instruction, instruction
from app.domain.labels import Label
from app.domain.nations import nation_name
from app.domain.texts import said
from app.domain.vocab import (
    Domain,
    ExchangeKind,
    ExchangeStatus,
    ParticipationRole,
    ParticipationStatus,
    Vocabulary,
)
from app.reports.model import Row
from app.services.errors import NotFound, ValidationFailed

if TYPE_CHECKING:
    from app.services.base import RecordService
    from app.services.desk import Desk

PAGE = 2000
EXPIRING_DAYS = 180

# --- the records a report is derived from ----------------------------------------------------

# the declassification instructions of every record the report being built has read (its
# sources: a derived document carries the most restrictive of them), collected by the helpers
_SOURCES: ContextVar[list[Instruction] | None] = ContextVar("report_sources", default=None)


@contextmanager
def collecting_sources() -> Iterator[list[Instruction]]:
    """Collect the declassification instructions of the records read by the helpers within."""
    sources: list[Instruction] = []
    token = _SOURCES.set(sources)
    try:
        yield sources
    finally:
        _SOURCES.reset(token)


def _source(record: Any) -> None:
    sources = _SOURCES.get()
    if sources is not None and getattr(record, "created_at", None) is not None:
        sources.append(
            instruction(
                record.created_at,
                getattr(record, "declassify_on", None),
                getattr(record, "declassify_event", None),
                getattr(record, "declassify_exemption", None),
            )
        )


# --- helpers ---------------------------------------------------------------------------------


def all_records(
    service: RecordService[Any],
    filters: dict[str, Any] | None = None,
    sort: list[str] | None = None,
) -> Iterator[tuple[Any, Label]]:
    """Every visible record matching the filters, in pages, with its label."""
    offset = 0
    while True:
        page = service.list(filters, sort=sort, offset=offset, limit=PAGE, count_total=False)
        for record in page.records:
            _source(record)
            yield record, page.labels[record.label_id]
        if len(page.records) < PAGE:
            return
        offset += PAGE


def fetch(service: RecordService[Any], ids: Iterable[int]) -> dict[int, tuple[Any, Label]]:
    """Visible records by id, fetched in chunks."""
    wanted = sorted({i for i in ids if i is not None})
    found: dict[int, tuple[Any, Label]] = {}
    for start in range(0, len(wanted), 900):
        found.update(service.fetch(wanted[start : start + 900]))
    for record, _label in found.values():
        _source(record)
    return found


def word(vocabulary: type[Vocabulary], value: str | None) -> str:
    if not value:
        return ""
    try:
        return vocabulary(value).label
    except ValueError:
        return str(value)


def date_text(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def period(start: dt.date | None, end: dt.date | None) -> str:
    if not start and not end:
        return ""
    return f"{date_text(start)} – {date_text(end) or 'open'}"


def person_name(person: Any) -> str:
    name = f"{person.family_name.upper()}, {person.given_names}".rstrip(", ")
    if getattr(person, "original_script_name", ""):
        name += f" ({person.original_script_name})"
    return name


def level_name(desk: Desk, level: int | None) -> str:
    if level is None:
        return ""
    scheme = desk.db.scheme
    return scheme.name(level) if 0 <= level <= scheme.top else str(level)


def date_param(params: dict[str, Any], name: str) -> dt.date | None:
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


def required(params: dict[str, Any], name: str) -> str:
    value = str(params.get(name) or "").strip()
    if not value:
        raise ValidationFailed({name: f"{name} is required for this report"})
    return value


def participations_of_exchange(desk: Desk, exchange_id: int) -> Iterator[tuple[Any, Label]]:
    service = desk.participations
    if hasattr(service, "for_exchange"):
        page = service.for_exchange(exchange_id)
        if hasattr(page, "records"):
            for record in page.records:
                yield record, page.labels[record.label_id]
            return
        yield from page
        return
    yield from all_records(service, {"exchange_id": exchange_id})


def roster_rows(desk: Desk, exchange_id: int, signature: bool) -> tuple[list[Row], int]:
    participations = list(participations_of_exchange(desk, exchange_id))
    people = fetch(desk.people, (p.person_id for p, _label in participations))
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
            person_name(person),
            person.rank or "",
            person.nation_code,
            person.unit or "",
            word(ParticipationRole, participation.role),
            word(ParticipationStatus, participation.status),
        ]
        if signature:
            cells.append("")
        else:
            cells.insert(6, period(participation.arrival_date, participation.departure_date))
        rows.append(Row(cells, label))
    return rows, 2 * len(rows)


def exchange_fields(desk: Desk, exchange: Any) -> list[tuple[str, str]]:
    partners = ", ".join(p.nation_code for p in getattr(exchange, "partners", []) or [])
    domains = ", ".join(word(Domain, d.domain) for d in getattr(exchange, "domains", []) or [])
    budget = ""
    if exchange.budget_amount is not None:
        budget = f"{exchange.budget_amount:,.2f} {exchange.budget_currency}".strip()
    fields = [
        ("Kind", word(ExchangeKind, exchange.kind)),
        ("Program", exchange.program or ""),
        (
            "Status",
            word(ExchangeStatus, exchange.status)
            + (f" ({exchange.cancel_reason})" if exchange.cancel_reason else ""),
        ),
        ("Host nation", f"{exchange.host_nation} — {nation_name(exchange.host_nation)}"),
        ("Partner nations", partners),
        ("Location", exchange.location or ""),
        ("Dates", period(exchange.start_date, exchange.end_date)),
        ("Domains", domains),
        ("Lead coordinator", exchange.lead_coordinator or ""),
        ("Budget", budget),
    ]
    return fields


def find_record(service: RecordService[Any], reference: str) -> tuple[Any, Label]:
    try:
        record, label = service.find(reference)
    except NotFound:
        raise NotFound(
            said("no {kind} {reference}", kind=service.noun, reference=reference)
        ) from None
    _source(record)
    return record, label


def short(value: Any, limit: int = 160) -> str:
    text = (
        value
        if isinstance(value, str)
        else repr(value)
        if not isinstance(value, dict | list)
        else str(value)
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"
