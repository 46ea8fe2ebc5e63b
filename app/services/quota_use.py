"""Quota use of an agreement: billets allotted against used, and sent against received."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, extract, func, select
from sqlalchemy.orm import Session

from app.domain.models import (
    Agreement,
    Exchange,
    Participation,
    Person,
)
from app.domain.vocab import (
    ExchangeStatus,
    ParticipationStatus,
    QuotaDirection,
)
from app.security.policy import label_visible
from app.security.principal import Actor


@dataclass(frozen=True)
class QuotaLine:
    """Allotted against used for one year and direction (allotted summed over categories)."""

    year: int
    direction: str
    allotted: int
    used: int
    categories: tuple[str, ...] = ()

    @property
    def remaining(self) -> int:
        """Billets left (negative when over quota)."""
        return self.allotted - self.used


@dataclass(frozen=True)
class Reciprocity:
    """Billets sent and received in one year, and the balance (sent minus received)."""

    year: int
    sent: int
    received: int

    @property
    def balance(self) -> int:
        """Sent minus received: positive when we send more than we receive."""
        return self.sent - self.received


@dataclass(frozen=True)
class QuotaUse:
    """An agreement's quota lines and its reciprocity summary, per year."""

    lines: list[QuotaLine]
    reciprocity: list[Reciprocity]

    @property
    def total_sent(self) -> int:
        """All billets sent over every year."""
        return sum(r.sent for r in self.reciprocity)

    @property
    def total_received(self) -> int:
        """All billets received over every year."""
        return sum(r.received for r in self.reciprocity)


def quota_use(session: Session, actor: Actor, record: Agreement, owner: str) -> QuotaUse:
    """Per year and direction: allotted against used, and sent against received.

    Used counts participations (not withdrawn) in the agreement's exchanges (not cancelled)
    that the actor may see, with the exchange and the person visible too.
    """
    allotted: dict[tuple[int, str], int] = {}
    categories: dict[tuple[int, str], list[str]] = {}
    for quota in record.quotas:
        key = (quota.year, quota.direction)
        allotted[key] = allotted.get(key, 0) + quota.allotted
        categories.setdefault(key, []).append(quota.category)
    used = _used(session, actor, record.id, owner)
    keys = sorted(
        set(allotted) | set(used), key=lambda k: (k[0], k[1] != QuotaDirection.SENT.value)
    )
    lines = [
        QuotaLine(
            year,
            direction,
            allotted.get((year, direction), 0),
            used.get((year, direction), 0),
            tuple(sorted(categories.get((year, direction), []))),
        )
        for year, direction in keys
    ]
    years = sorted({year for year, _direction in keys})
    reciprocity = [
        Reciprocity(
            year,
            used.get((year, QuotaDirection.SENT.value), 0),
            used.get((year, QuotaDirection.RECEIVED.value), 0),
        )
        for year in years
    ]
    return QuotaUse(lines, reciprocity)


def _used(
    session: Session, actor: Actor, agreement_id: int, owner: str
) -> dict[tuple[int, str], int]:
    year = extract("year", Exchange.start_date)
    direction_conditions: dict[str, ColumnElement[bool]] = {
        QuotaDirection.SENT.value: and_(Person.nation_code == owner, Exchange.host_nation != owner),
        QuotaDirection.RECEIVED.value: and_(
            Person.nation_code != owner, Exchange.host_nation == owner
        ),
    }
    used: dict[tuple[int, str], int] = {}
    for direction, condition in direction_conditions.items():
        statement = (
            select(year, func.count(Participation.id))
            .select_from(Participation)
            .join(Exchange, Exchange.id == Participation.exchange_id)
            .join(Person, Person.id == Participation.person_id)
            .where(
                Exchange.agreement_id == agreement_id,
                Exchange.status != ExchangeStatus.CANCELLED.value,
                Participation.status != ParticipationStatus.WITHDRAWN.value,
                condition,
                label_visible(actor, owner, Participation.label_id),
                label_visible(actor, owner, Exchange.label_id),
                label_visible(actor, owner, Person.label_id),
            )
            .group_by(year)
        )
        for found_year, count in session.execute(statement):
            used[(int(found_year), direction)] = count
    return used
