"""Bulk creation for imports and large data sets: the services' rules at batch speed.

`BulkCreate` validates every row exactly as `RecordService.create` does (fields, labels, write
rule, the kind's `check`), but skips the per-record audit event and flushes rows in batches
through the ORM's multi-row INSERT. The caller writes one summary audit event for the whole
operation (`summary`), in the same transaction as the rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.database.labels import fingerprint, intern_label
from app.domain.labels import Label
from app.domain.models import ReferenceCounter
from app.security import audit
from app.security.policy import check_write
from app.security.principal import Actor
from app.services.base import LABEL_FIELDS, RecordService, _require
from app.services.errors import ValidationFailed


@dataclass
class BulkCreate:
    """Create many records of one kind in the caller's transaction."""

    service: RecordService[Any]
    session: Session
    actor: Actor
    batch_size: int = 2000
    created: int = 0
    warnings: list[tuple[int, str]] = field(default_factory=list)
    _pending: list[Any] = field(default_factory=list)
    _labels: dict[str, int] = field(default_factory=dict)
    _counters: dict[tuple[str, int], ReferenceCounter] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _require(check_write, self.actor)

    def add(self, values: dict[str, Any], label: Label | None = None) -> Any:
        """Validate one row and queue it; `ValidationFailed` / `PermissionDenied` if it is bad."""
        service = self.service
        with self.session.no_autoflush:
            return self._add(service, values, label)

    def _add(self, service: RecordService[Any], values: dict[str, Any], label: Label | None) -> Any:
        if label is None and not any(name in values for name in LABEL_FIELDS):
            label = service.default_label(self.session, self.actor, values)
        parsed, errors = service._parse(values, creating=True)
        new_label = service._label_from(values, label, errors) or Label()
        if not errors:
            service.check(self.session, self.actor, parsed, None, errors)
        if errors:
            raise ValidationFailed(errors)
        service._check_label(self.actor, None, new_label, None)
        record = service.model()
        if service.reference_prefix and not parsed.get("reference"):
            record.reference = self._next_reference(service.reference_prefix, service.reference_year(parsed), service.reference_digits)
        service.apply(self.session, record, parsed)
        key = fingerprint(new_label)
        if key not in self._labels:
            self._labels[key] = intern_label(self.session, new_label)
        record.label_id = self._labels[key]
        record.created_by = record.updated_by = self.actor.username
        self._pending.append(record)
        if len(self._pending) >= self.batch_size:
            self.flush()
        return record

    def _next_reference(self, prefix: str, year: int, digits: int) -> str:
        counter = self._counters.get((prefix, year))
        if counter is None:
            counter = self.session.get(ReferenceCounter, (prefix, year), with_for_update=True)
            if counter is None:
                counter = ReferenceCounter(prefix=prefix, year=year, last=0)
                self.session.add(counter)
            self._counters[(prefix, year)] = counter
        counter.last += 1
        return f"{prefix}-{year}-{counter.last:0{digits}d}"

    def flush(self) -> None:
        """Write the queued rows."""
        if self._pending:
            self.session.add_all(self._pending)
            self.session.flush()
            self.created += len(self._pending)
            for record in self._pending:  # keep the session small; counters stay cached
                self.session.expunge(record)
            self._pending.clear()

    def summary(self, action: str, details: dict[str, Any]) -> None:
        """Flush and append the one audit event that stands for every row created."""
        self.flush()
        if self.created == 0 and action != "import":
            return
        audit.record(self.session, self.actor.username, action, kind=self.service.kind,
                     details={**details, "created": self.created})

