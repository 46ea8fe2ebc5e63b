"""Reading and verifying the audit trail: auditors and administrators only.

The trail is labelled like what it describes: an event about a record carries that record's
label (read now, through the kind's own access filter), and a reader sees the events about
records they may read in full; an event about any other record (hidden, or deleted since) says
only who, when and what kind (`HIDDEN_EVENT`), never its record or details. Identity values
(`private_fields`) never leave the service: an event names those fields, without values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.database.labels import load_labels
from app.domain.labels import Label
from app.domain.models import AuditEvent
from app.domain.texts import said
from app.security import audit
from app.security.policy import can_read
from app.security.principal import Actor
from app.services import audit_anchor, kinds
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
    label: Label | None = None  # the label of the record it is about (None: about no record)
    hidden: bool = False  # about a record the reader may not see: who, when, what kind only

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        data = {k: v for k, v in self.__dict__.items() if k != "label"}
        return {**data, "at": self.at.isoformat(timespec="seconds") + "Z"}


HIDDEN_EVENT = "an event about a record you may not see"
REDACTED = "(identity detail: not shown)"


def _redact(details: dict[str, Any], private: frozenset[str]) -> dict[str, Any]:
    """``details`` with the values of private fields replaced, wherever they are nested."""

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: REDACTED if k in private else walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(details)


class AuditTrailService:
    """Filtered reading of the trail and its verification."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def _check(self, actor) -> None:  # noqa: ANN001
        if not actor.reads_audit:
            raise PermissionDenied(said("the audit trail is for auditors and administrators"))

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
            readable = self._readable(session, actor, rows)
            return [self._view(e, readable) for e in rows]

    def _readable(
        self, session: Session, actor: Actor, rows: Sequence[AuditEvent]
    ) -> dict[tuple[str, int], Label]:
        """The records these events are about that the reader may read, with their labels."""
        wanted: dict[str, set[int]] = {}
        for event in rows:
            if event.record_id is not None and event.record_kind in kinds.BY_NAME:
                wanted.setdefault(event.record_kind, set()).add(event.record_id)
        found: dict[tuple[str, int], int] = {}
        for name, ids in wanted.items():
            service = kinds.kind(name).service(self.desk)
            model = service.model
            for record_id, label_id in session.execute(
                select(model.id, model.label_id).where(
                    model.id.in_(sorted(ids)), *service.visible(actor)
                )
            ):
                found[(name, record_id)] = label_id
        # a record deleted since: the label its delete event kept, under the Python read rule
        gone: dict[tuple[str, int], int] = {}
        for name, ids in wanted.items():
            missing = sorted(i for i in ids if (name, i) not in found)
            if not missing:
                continue
            deletes = select(AuditEvent.record_id, AuditEvent.details).where(
                AuditEvent.record_kind == name,
                AuditEvent.record_id.in_(missing),
                AuditEvent.action.in_(("delete", "db_delete")),
            )
            for record_id, details in session.execute(deletes):
                kept = json.loads(details or "{}")
                # the application's delete keeps ``label_id``; a delete by hand on a server,
                # seen by the row trigger, keeps ``label`` as [old, new]
                label_id = kept.get("label_id")
                if label_id is None and isinstance(kept.get("label"), list) and kept["label"]:
                    label_id = kept["label"][0]
                if isinstance(label_id, int):
                    gone[(name, record_id)] = label_id
        labels = load_labels(session, set(found.values()) | set(gone.values()))
        owner, groups = self.desk.owner, self.desk.db.nation_groups()
        readable = {key: labels[label_id] for key, label_id in found.items()}
        for key, label_id in gone.items():
            if label_id in labels and can_read(actor, labels[label_id], owner, groups):
                readable[key] = labels[label_id]
        return readable

    def _view(self, event: AuditEvent, readable: dict[tuple[str, int], Label]) -> EventView:
        about = (
            (event.record_kind, event.record_id)
            if event.record_id is not None and event.record_kind in kinds.BY_NAME
            else None
        )
        seen = EventView(
            event.id, event.at, event.username, event.action, event.record_kind,
            event.record_id, event.record_ref, event.outcome, {},
        )  # fmt: skip
        if about is None:
            return replace(seen, details=json.loads(event.details))
        if about not in readable:  # who, when and what kind only
            return replace(
                seen, record_id=None, record_ref="", details={"note": HIDDEN_EVENT}, hidden=True
            )
        private = kinds.kind(event.record_kind).service(self.desk).private_fields
        details = _redact(json.loads(event.details), private)
        return replace(seen, details=details, label=readable[about])

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
            identity = audit_anchor.database_id(session)
            # the head verified before, kept outside the database (`app.services.audit_anchor`)
            result.problems.extend(
                audit_anchor.problems(session, identity, sqlite=self.desk.db.is_sqlite)
            )
            verified = audit_anchor.head(session)
        with self.desk.writing() as (session, actor):
            identity = audit_anchor.ensure_database_id(session)
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
        if result.ok and verified is not None:
            audit_anchor.save(identity, verified)
        return result
