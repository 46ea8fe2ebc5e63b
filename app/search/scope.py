"""What a search looks in and who may see it: the searchable kinds, their visibility and filters.

A hit row of the index is kept only when its source record passes the same visibility
conditions the record's service uses (`service.visible(actor)`: label and parents), plus the
structured filters; so hidden records are never fetched, counted or shown in a snippet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import CTE, Select
from sqlalchemy.sql.visitors import replacement_traverse

from app.database.labels import LabelIn
from app.domain.models import (
    Agreement,
    AgreementParty,
    Attachment,
    ContactLogEntry,
    Exchange,
    ExchangePartner,
    LabelRow,
    LiaisonAssignment,
    Person,
)
from app.domain.texts import said
from app.security.policy import visible_labels
from app.security.principal import Actor
from app.services import kinds as kind_registry
from app.services.errors import ValidationFailed
from app.services.kinds import RecordKind

if TYPE_CHECKING:
    from app.services.desk import Desk

# the kinds in the index, by canonical name (`app.services.kinds`)
KINDS: dict[str, RecordKind] = {entry.name: entry for entry in kind_registry.searchable()}
FILTERS = ("nation", "status", "date_from", "date_to", "level", "program", "archived")


def kind_of(name: str) -> str:
    """A searchable kind's canonical name from user text (``people`` -> ``person``);
    `ValidationFailed` naming ``kind``."""
    return kind_registry.kind(name, kind_registry.searchable()).name


@dataclass
class Scope:
    """Who is searching: the visibility conditions of each kind.

    The services' conditions nest the label rule as a subquery at every level (an attachment's
    parent's parent ...); SQLite's parser has a fixed depth, so each label subquery is replaced
    by a reference to one common table expression of the label ids the actor may read, computed
    once per statement (same rule, same snapshot, flatter SQL, no limit on how many labels a
    database holds).
    """

    desk: Desk
    actor: Actor

    @classmethod
    def of(cls, desk: Desk, session: Session, actor: Actor) -> Scope:
        """The scope of an actor (``session``: the read transaction the search runs in)."""
        return cls(desk, actor)

    def visible(self, kind: str) -> list[ColumnElement[bool]]:
        """The kind's visibility conditions, label subqueries flattened to the ``LABEL_IDS`` CTE."""
        key = (id(self.desk.db), self.desk.owner, self.actor)
        if key not in _READABLE:
            if len(_READABLE) > 128:
                _READABLE.clear()
                _FLATTENED.clear()
            _READABLE[key] = visible_labels(self.actor, self.desk.owner).cte(LABEL_IDS)
        conditions = _FLATTENED.get((*key, kind))
        if conditions is None:
            target = visible_labels(self.actor, self.desk.owner)
            conditions = _flatten(
                visible_conditions(self.desk, self.actor, kind), target, _READABLE[key]
            )
            _FLATTENED[(*key, kind)] = conditions
        return conditions


LABEL_IDS = "visible_label_ids"
_FLATTENED: dict[tuple[Any, ...], list[ColumnElement[bool]]] = {}
_READABLE: dict[
    tuple[Any, ...], CTE
] = {}  # one CTE object per actor: every kind's conditions name the same one


def _flatten(
    conditions: list[ColumnElement[bool]], target: Select, readable: CTE
) -> list[ColumnElement[bool]]:
    """Replace every test of a label against ``target`` (`LabelIn`) by one against ``SELECT id
    FROM visible_label_ids`` (the CTE ``readable``)."""
    target_key = target.whereclause._generate_cache_key()
    target_values = [b.effective_value for b in target_key.bindparams]
    target_columns = list(target.selected_columns)

    def flatten(element: Any) -> Any:
        if isinstance(element, LabelIn):
            inner = element.ids
            if (
                isinstance(inner, Select)
                and list(inner.selected_columns) == target_columns
                and inner.whereclause is not None
            ):
                key = inner.whereclause._generate_cache_key()
                if (
                    key.key == target_key.key
                    and [b.effective_value for b in key.bindparams] == target_values
                ):
                    return LabelIn(element.column, select(readable.c.id))
        return None

    return [replacement_traverse(c, {}, flatten) for c in conditions]


def visible_conditions(desk: Desk, actor: Actor, kind: str) -> list[ColumnElement[bool]]:
    """The visibility conditions of a kind: its service's (label and parents)."""
    return list(KINDS[kind].service(desk).visible(actor))


def _date(name: str, value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationFailed(
            {name: said("{value!r} is not a date (use YYYY-MM-DD)", value=value)}
        ) from None


def filter_conditions(
    desk: Desk, kind: str, filters: dict[str, Any]
) -> list[ColumnElement[bool]] | None:
    """Conditions of the structured filters for one kind; None when the kind cannot match them."""
    model = KINDS[kind].model
    conditions: list[ColumnElement[bool]] = []
    if hasattr(model, "archived") and not includes_archived(filters):
        conditions.append(model.archived.is_(False))
    nation = filters.get("nation")
    if nation:
        code = str(nation).strip().upper()
        by_kind = {
            "person": lambda: Person.nation_code == code,
            "exchange": lambda: or_(
                Exchange.host_nation == code,
                exists().where(
                    ExchangePartner.exchange_id == Exchange.id, ExchangePartner.nation_code == code
                ),
            ),
            "agreement": lambda: exists().where(
                AgreementParty.agreement_id == Agreement.id, AgreementParty.nation_code == code
            ),
            "liaison_assignment": lambda: or_(
                LiaisonAssignment.sending_nation == code, LiaisonAssignment.host_nation == code
            ),
            "contact_log": lambda: exists().where(
                LiaisonAssignment.id == ContactLogEntry.assignment_id,
                or_(
                    LiaisonAssignment.sending_nation == code, LiaisonAssignment.host_nation == code
                ),
            ),
        }
        if kind not in by_kind:
            return None
        conditions.append(by_kind[kind]())
    status = filters.get("status")
    if status:
        if kind not in ("exchange", "agreement", "liaison_assignment"):
            return None
        conditions.append(model.status == str(status).strip().lower().replace(" ", "_"))
    program = filters.get("program")
    if program:
        if kind != "exchange":
            return None
        conditions.append(Exchange.program.ilike(f"%{str(program).strip()}%"))
    low = _date("date_from", filters["date_from"]) if filters.get("date_from") else None
    high = _date("date_to", filters["date_to"]) if filters.get("date_to") else None
    if low or high:
        spans = {
            "exchange": (Exchange.start_date, Exchange.end_date),
            "agreement": (
                func.coalesce(Agreement.effective_date, Agreement.signed_date),
                Agreement.expiry_date,
            ),
            "liaison_assignment": (LiaisonAssignment.start_date, LiaisonAssignment.end_date),
            "contact_log": (ContactLogEntry.date, ContactLogEntry.date),
            "attachment": (func.date(Attachment.created_at), func.date(Attachment.created_at)),
        }
        if kind not in spans:
            return None
        start, end = spans[kind]
        if high:
            conditions.append(start <= high)
        if low:
            conditions.append(or_(end.is_(None), end >= low))
    level = filters.get("level")
    if level not in (None, ""):
        try:
            text = str(level).strip()
            number = (
                level
                if isinstance(level, int)
                else (int(text) if text.isdecimal() else desk.db.scheme.parse(text))
            )
        except ValueError as error:
            raise ValidationFailed({"level": str(error)}) from None
        conditions.append(model.label_id.in_(select(LabelRow.id).where(LabelRow.level == number)))
    return conditions


def includes_archived(filters: dict[str, Any]) -> bool:
    """Whether the filters ask for archived records too (left out otherwise)."""
    return _truthy(filters.get("archived", False))


def _truthy(value: Any) -> bool:
    return value is True or str(value).strip().lower() in ("1", "true", "yes", "y")


def check_filters(filters: dict[str, Any]) -> None:
    """`ValidationFailed` for an unknown filter or a date that is not one."""
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise ValidationFailed(
            {
                unknown[0]: said(
                    "is not a search filter; use one of {filters}", filters=", ".join(FILTERS)
                )
            }
        )
    for name in ("date_from", "date_to"):
        if filters.get(name):
            _date(name, filters[name])
