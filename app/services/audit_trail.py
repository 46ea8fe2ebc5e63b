"""Reading and verifying the audit trail: auditors and administrators only."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from app.domain.models import AuditEvent
from app.security import audit
from app.services.errors import PermissionDenied

if TYPE_CHECKING:
    from app.services.desk import Desk


@dataclass(frozen=True)
class EventView:
    """One audit event as lists show it."""

    id: int
    at: dt.datetime
    username: str
    action: str
    record_kind: str
    record_id: int | None
    record_ref: str
    outcome: str
    details: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {**self.__dict__, "at": self.at.isoformat(timespec="seconds") + "Z"}


class AuditTrailService:
    """Filtered reading of the trail and its verification."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def _check(self, actor) -> None:  # noqa: ANN001
        if not actor.reads_audit:
            raise PermissionDenied("the audit trail is for auditors and administrators")

    def _select(
        self, username=None, action=None, kind=None, record_id=None, since=None, until=None
    ):  # noqa: ANN001, ANN202
        statement = select(AuditEvent)
        if username:
            statement = statement.where(AuditEvent.username == username)
        if action:
            statement = statement.where(AuditEvent.action == action)
        if kind:
            statement = statement.where(AuditEvent.record_kind == kind)
        if record_id is not None:
            statement = statement.where(AuditEvent.record_id == record_id)
        if since:
            statement = statement.where(AuditEvent.at >= since)
        if until:
            statement = statement.where(AuditEvent.at < until)
        return statement

    def list(
        self, offset: int = 0, limit: int = 200, newest_first: bool = True, **filters: Any
    ) -> list[EventView]:
        """Events matching the filters (username, action, kind, record_id, since, until)."""
        with self.desk.reading() as (session, actor):
            self._check(actor)
            order = AuditEvent.id.desc() if newest_first else AuditEvent.id
            rows = session.scalars(
                self._select(**filters).order_by(order).offset(offset).limit(limit)
            ).all()
            return [
                EventView(
                    e.id,
                    e.at,
                    e.username,
                    e.action,
                    e.record_kind,
                    e.record_id,
                    e.record_ref,
                    e.outcome,
                    json.loads(e.details),
                )
                for e in rows
            ]

    def count(self, **filters: Any) -> int:
        """How many events match."""
        with self.desk.reading() as (session, actor):
            self._check(actor)
            return (
                session.scalar(self._select(**filters).with_only_columns(func.count(AuditEvent.id)))
                or 0
            )

    def verify(self) -> audit.Verification:
        """Recompute the hash chain in one snapshot of the trail (events appended meanwhile
        are not breaks); the verification itself is audited, a break as a failure."""
        with self.desk.snapshot() as (session, actor):
            self._check(actor)
            result = audit.verify(session)
        with self.desk.writing() as (session, actor):
            audit.record(
                session,
                actor.username,
                "audit_verify",
                outcome="success" if result.ok else "failure",
                details={
                    "checked": result.checked,
                    "problems": [p.message for p in result.problems[:20]],
                },
            )
        return result
