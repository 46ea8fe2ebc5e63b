"""Exchanges: the cases (course seats, exercises, tours, visits) with partners, budget and outcome.

Decisions where the brief leaves room:

* References are ``EX-<start year>-NNNN``, generated, never typed in.
* An exchange may name the agreement it runs under (given by reference or id). It is then visible
  only to users who may also see that agreement, as for liaison assignments: a record that names
  another never reveals it.
* A new exchange starts *proposed* unless a status is given. Any status is accepted on creation so
  imports and the demo can bring history in (a cancelled one needs its ``cancel_reason``); after
  that the status moves only through `change_status`, along ``EXCHANGE_MOVES``.
* Cost lines are a field (``cost_lines``): a list of ``{category, description, amount, currency}``
  or the text ``travel 1200.00 USD Return flights; lodging 800 EUR`` (what exports carry).
  `set_cost_lines` replaces them alone. Lines may be in other currencies than the budget's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, exists, or_
from sqlalchemy.orm import Session, aliased, joinedload

from app.domain.labels import Label
from app.domain.models import Agreement, CostLine, Exchange, ExchangeDomain, ExchangePartner
from app.domain.texts import field_named, message_of, said
from app.domain.vocab import EXCHANGE_MOVES, CostCategory, Domain, ExchangeKind, ExchangeStatus
from app.security.policy import label_visible
from app.security.principal import Actor
from app.services.base import STATUS_BY_MOVE, RecordService, Saved
from app.services.errors import NotFound
from app.services.fields import Field
from app.services.status import move_status

_AMOUNT = Field("amount", "Amount", kind="decimal", required=True)
_CURRENCY = Field("currency", "Currency", kind="currency", required=True)
# aliases built once (building one copies every column); an alias keeps a caller's own join of
# Agreement from swallowing the visibility subquery
_GOVERNING = aliased(Agreement, name="governing_agreement")
_GOVERNING_OF_ALIAS = aliased(Agreement, name="parent_governing_agreement")
_DESCRIPTION = Field("description", "Description", max_length=200)


@dataclass(frozen=True)
class CostLinesField(Field):
    """Cost lines: a list of dicts (forms) or ``category amount currency description; ...``
    (CSV)."""

    def _parse_cost_lines(self, value: Any) -> list[dict[str, Any]]:
        rows = (
            value
            if isinstance(value, list | tuple)
            else [part for part in str(value).split(";") if part.strip()]
        )
        lines: list[dict[str, Any]] = []
        for number, row in enumerate(rows, start=1):
            try:
                if isinstance(row, dict):
                    unknown = sorted(set(row) - {"category", "description", "amount", "currency"})
                    if unknown:
                        raise ValueError(
                            said("{parts} is not a part of a cost line", parts=", ".join(unknown))
                        )
                    category, amount, currency, description = (
                        row.get("category"),
                        row.get("amount"),
                        row.get("currency"),
                        row.get("description", ""),
                    )
                else:
                    parts = str(row).split(maxsplit=3)
                    if len(parts) < 3:
                        raise ValueError(
                            said(
                                "{row!r} should read like 'travel 1200.00 USD Return flights'",
                                row=str(row).strip(),
                            )
                        )
                    category, amount, currency = parts[:3]
                    description = parts[3] if len(parts) > 3 else ""
                lines.append(
                    {
                        "category": CostCategory.parse(category or "").value,
                        "description": _field_value(_DESCRIPTION, description),
                        "amount": _field_value(_AMOUNT, amount),
                        "currency": _field_value(_CURRENCY, currency),
                    }
                )
            except ValueError as error:
                raise ValueError(
                    said(
                        "{field}: line {number}: {problem}",
                        field=field_named(self.title),
                        number=number,
                        problem=message_of(error),
                    )
                ) from None
        return lines

    def empty_value(self) -> Any:
        """No cost lines."""
        return []


def _field_value(spec: Field, value: Any) -> Any:
    try:
        return spec.parse(value)
    except ValueError as error:
        message = message_of(error)
        raise ValueError(
            said(
                "{field} {problem}",
                field=field_named(spec.title, lower=True),
                problem=message,
            )
            if message.startswith("is ")
            else message
        ) from None


def cost_lines_text(lines: Sequence[Any]) -> str:
    """Cost lines as one text cell: ``travel 1200.00 USD Return flights; lodging 800.00 EUR``."""
    parts = []
    for line in lines:
        get = line.get if isinstance(line, dict) else lambda name, line=line: getattr(line, name)
        amount = Decimal(get("amount")).quantize(Decimal("0.01"))
        parts.append(
            " ".join(
                p
                for p in (get("category"), f"{amount}", get("currency"), get("description") or "")
                if p
            )
        )
    return "; ".join(parts)


class ExchangeService(RecordService[Exchange]):
    """Create, read, update and archive exchanges; status moves along EXCHANGE_MOVES."""

    model = Exchange
    kind = "exchange"
    reference_prefix = "EX"
    default_sort = ("-start_date",)
    text_columns = ("reference", "title", "program", "location")
    links = {"agreement": ("agreement_id", Agreement)}
    fields = (
        Field("title", "Title", required=True, max_length=250),
        Field("kind", "Kind", kind="enum", choices=ExchangeKind, required=True),
        Field("program", "Program", max_length=120),
        Field("domains", "Domains", kind="enums", choices=Domain),
        Field("host_nation", "Host nation", kind="nation", required=True),
        Field("partner_nations", "Partner nations", kind="nations"),
        Field("location", "Location", max_length=200),
        Field("start_date", "Start date", kind="date", required=True),
        Field("end_date", "End date", kind="date", required=True),
        Field("status", "Status", kind="enum", choices=ExchangeStatus),
        Field("cancel_reason", "Reason for cancelling", max_length=5000),
        Field("agreement", "Agreement", max_length=40),
        Field("lead_coordinator", "Lead coordinator", max_length=64),
        Field("objectives", "Objectives", max_length=20000),
        Field("budget_amount", "Budget", kind="decimal"),
        Field("budget_currency", "Budget currency", kind="currency"),
        CostLinesField("cost_lines", "Cost lines", kind="cost_lines"),
        Field("outcome_summary", "After-action summary", max_length=20000),
        Field("lessons_learned", "Lessons learned", max_length=20000),
        Field("outcome_rating", "Rating against objectives", kind="int", minimum=1, maximum=5),
    )

    # --- hooks -----------------------------------------------------------------------------

    def parent_visible(self, actor: Actor) -> list[ColumnElement[bool]]:
        """The governing agreement, when there is one, must be visible too."""
        agreement = _GOVERNING
        visible = exists().where(
            agreement.id == Exchange.agreement_id,
            label_visible(actor, self.desk.owner, agreement.label_id),
        )
        return [or_(Exchange.agreement_id.is_(None), visible)]

    def visible_as(self, actor: Actor, exchange: Any) -> list[ColumnElement[bool]]:
        """`visible` for an alias of Exchange (subqueries of records that name an exchange)."""
        agreement = _GOVERNING_OF_ALIAS
        return [
            label_visible(actor, self.desk.owner, exchange.label_id),
            or_(
                exchange.agreement_id.is_(None),
                exists().where(
                    agreement.id == exchange.agreement_id,
                    label_visible(actor, self.desk.owner, agreement.label_id),
                ),
            ),
        ]

    def load_options_for_write(self) -> Sequence[Any]:
        """Partners and domains (a few rows each) come in the record's own statement."""
        return (joinedload(Exchange.partners), joinedload(Exchange.domains))

    def reference_year(self, values: dict[str, Any]) -> int:
        """``EX-<start year>-NNNN``."""
        start = values.get("start_date")
        return start.year if start else dt.date.today().year

    def title(self, record: Exchange) -> str:
        """``EX-2026-7KQ3M Cold Response 2026``."""
        return f"{record.reference or ''} {record.title}".strip()

    def check(
        self,
        session: Session,
        actor: Actor,
        values: dict[str, Any],
        record: Exchange | None,
        errors: dict[str, str],
    ) -> None:
        """Dates in order, partners other than the host, agreement visible, budget currency, status
        by moves."""
        current = (
            {}
            if record is None
            else {
                name: getattr(record, name)
                for name in (
                    "host_nation",
                    "start_date",
                    "end_date",
                    "budget_amount",
                    "budget_currency",
                    "status",
                    "cancel_reason",
                )
            }
        )
        if record is not None:
            current["partner_nations"] = self.value_of(record, "partner_nations")
        merged = {**current, **values}
        start, end = merged.get("start_date"), merged.get("end_date")
        if start and end and end < start:
            errors["end_date"] = said(
                "End date {end} is before the start date {start}",
                end=end.isoformat(),
                start=start.isoformat(),
            )
        host = merged.get("host_nation")
        if host and host in (merged.get("partner_nations") or []):
            errors["partner_nations"] = said(
                "Partner nations: {host} is the host nation; list only the other nations", host=host
            )
        if merged.get("budget_amount") is not None and not merged.get("budget_currency"):
            errors["budget_currency"] = said(
                "Budget currency is required when a budget amount is given (ISO 4217, e.g. USD)"
            )
        if values.get("agreement"):
            try:
                values["agreement"] = self.desk.agreements.find_in(
                    session, actor, values["agreement"]
                ).id
            except NotFound as missing:  # or a number two visible agreements share
                errors["agreement"] = said("Agreement: {problem}", problem=message_of(missing))
        elif "agreement" in values:
            values["agreement"] = None
        if record is None:
            if not values.get("status"):
                values["status"] = ExchangeStatus.PROPOSED.value
        elif "status" in values and values["status"] != record.status:
            errors["status"] = STATUS_BY_MOVE
        elif "status" in values:
            values.pop("status")
        if merged.get("status") == ExchangeStatus.CANCELLED.value or (
            record is None and values.get("status") == ExchangeStatus.CANCELLED.value
        ):
            if not (merged.get("cancel_reason") or "").strip():
                errors["cancel_reason"] = said(
                    "Reason for cancelling is required for a cancelled exchange"
                )

    def apply(self, session: Session, record: Exchange, values: dict[str, Any]) -> None:
        """Columns as given; agreement as an id; partners, domains and cost lines replace the
        lists."""
        values = dict(values)
        partners = values.pop("partner_nations", None)
        domains = values.pop("domains", None)
        costs = values.pop("cost_lines", None)
        super().apply(session, record, values)
        if partners is not None and partners != self.value_of(record, "partner_nations"):
            keep = [p for p in record.partners if p.nation_code in partners]
            have = {p.nation_code for p in keep}
            record.partners = keep + [
                ExchangePartner(nation_code=code) for code in partners if code not in have
            ]
        if domains is not None and domains != self.value_of(record, "domains"):
            keep_domains = [d for d in record.domains if d.domain in domains]
            have = {d.domain for d in keep_domains}
            record.domains = keep_domains + [
                ExchangeDomain(domain=name) for name in domains if name not in have
            ]
        if costs is not None and cost_lines_text(costs) != cost_lines_text(record.costs):
            record.costs = [CostLine(**line) for line in costs]

    def value_of(self, record: Exchange, name: str) -> Any:
        """Partners and domains as sorted lists; cost lines as text; agreement as its reference."""
        if name == "partner_nations":
            return sorted(p.nation_code for p in record.partners)
        if name == "domains":
            return sorted(d.domain for d in record.domains)
        if name == "cost_lines":
            return cost_lines_text(record.costs)
        return super().value_of(record, name)

    def warnings(self, session: Session, actor: Actor, record: Exchange, label: Label) -> list[str]:
        """Cost lines above the budget; the agreement expiring or not in force for the exchange."""
        found: list[str] = []
        if record.budget_amount is not None and record.budget_currency:
            spent = sum(
                (c.amount for c in record.costs if c.currency == record.budget_currency), Decimal(0)
            )
            if spent > record.budget_amount:
                found.append(
                    said(
                        "the cost lines in {currency} add up to {spent:.2f}, above the budget of "
                        "{budget:.2f} {currency}",
                        currency=record.budget_currency,
                        spent=spent,
                        budget=Decimal(record.budget_amount),
                    )
                )
        if record.agreement_id is not None:
            agreement = session.get(Agreement, record.agreement_id)
            if agreement is not None and record.status != ExchangeStatus.CANCELLED.value:
                if agreement.expiry_date and agreement.expiry_date < record.end_date:
                    found.append(
                        said(
                            "agreement {reference} expires on {expiry}, before the exchange ends "
                            "on {end}",
                            reference=agreement.reference,
                            expiry=agreement.expiry_date.isoformat(),
                            end=record.end_date.isoformat(),
                        )
                    )
                if agreement.status == "terminated":
                    found.append(
                        said("agreement {reference} is terminated", reference=agreement.reference)
                    )
                elif agreement.status == "expired":
                    found.append(
                        said("agreement {reference} is expired", reference=agreement.reference)
                    )
        return found

    # --- lifecycle and collections -----------------------------------------------------------

    def change_status(
        self,
        exchange_id: int,
        new_status: Any,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Saved[Exchange]:
        """Move along EXCHANGE_MOVES; cancelling needs a reason (kept in ``cancel_reason``); audited
        as ``status_change``."""

        def before_move(
            session: Session,
            record: Exchange,
            new: ExchangeStatus,
            reason: str,
            errors: dict[str, str],
        ) -> None:
            if new is ExchangeStatus.CANCELLED:
                if not reason:
                    errors["reason"] = said("Cancelling an exchange needs a reason")
                else:
                    record.cancel_reason = reason

        return move_status(
            self,
            exchange_id,
            new_status,
            EXCHANGE_MOVES,
            ExchangeStatus,
            reason,
            expected_version,
            before_move,
        )

    def set_cost_lines(
        self, exchange_id: int, lines: Sequence[Any], expected_version: int | None = None
    ) -> Saved[Exchange]:
        """Replace the cost lines (category, description, amount, currency); audited as
        ``update``."""
        return self.update(
            exchange_id, {"cost_lines": list(lines)}, expected_version=expected_version
        )


__all__: Sequence[str] = ("CostLinesField", "ExchangeService", "cost_lines_text")
