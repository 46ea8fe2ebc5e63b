"""Column definitions of every list view, in one table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.domain.vocab import AgreementStatus, ExchangeStatus, LiaisonStatus, Vocabulary

MARK = "__mark__"


@dataclass(frozen=True)
class Column:
    """One column: its title, the field shown (or MARK), and the field the service sorts on."""

    title: str
    field: str
    sort: str | None = None
    display: Callable[[Any], str] | None = None


def _upper(value: Any) -> str:
    return str(value or "").upper()


def _word(value: Any) -> str:
    return str(value or "").replace("_", " ")


COLUMNS: dict[str, tuple[Column, ...]] = {
    "people": (
        Column("Reference", "reference", "reference"),
        Column("Mark", MARK),
        Column("FAMILY NAME", "family_name", "family_name", _upper),
        Column("Given names", "given_names", "given_names"),
        Column("Rank", "rank", "rank"),
        Column("Nation", "nation_code", "nation_code"),
        Column("Service", "service", "service", _word),
        Column("Unit", "unit", "unit"),
    ),
    "exchanges": (
        Column("Reference", "reference", "reference"),
        Column("Mark", MARK),
        Column("Title", "title", "title"),
        Column("Kind", "kind", "kind", _word),
        Column("Host", "host_nation", "host_nation"),
        Column("Start", "start_date", "start_date"),
        Column("End", "end_date", "end_date"),
        Column("Status", "status", "status", _word),
    ),
    "agreements": (
        Column("Reference", "reference", "reference"),
        Column("Mark", MARK),
        Column("Title", "title", "title"),
        Column("Kind", "kind", "kind", _word),
        Column("Status", "status", "status", _word),
        Column("Expiry", "expiry_date", "expiry_date"),
    ),
    "liaison": (
        Column("Reference", "reference", "reference"),
        Column("Mark", MARK),
        Column("Person", "person", None),
        Column("Kind", "kind", "kind", _word),
        Column("Host nation", "host_nation", "host_nation"),
        Column("Organisation", "host_organisation", "host_organisation"),
        Column("Start", "start_date", "start_date"),
        Column("End", "end_date", "end_date"),
        Column("Status", "status", "status", _word),
    ),
}

# (filter key, vocabulary) of the status filter, and the nation filter's field, per kind
STATUS_FILTERS: dict[str, type[Vocabulary]] = {
    "exchanges": ExchangeStatus,
    "agreements": AgreementStatus,
    "liaison": LiaisonStatus,
}
NATION_FILTERS: dict[str, str] = {
    "people": "nation_code",
    "exchanges": "host_nation",
    "liaison": "host_nation",
}


def cell_text(column: Column, value: Any) -> str:
    """The text a cell shows for a value."""
    if column.display is not None:
        return column.display(value)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
