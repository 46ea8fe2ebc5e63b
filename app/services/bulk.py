"""Bulk creation for imports and large data sets: the services' rules at batch speed.

`BulkCreate` validates every row exactly as `RecordService.create` does (fields, labels, write
rule, the kind's checks, run once per batch through `check_new`), then writes each batch with
SQLAlchemy Core: one ``INSERT`` executed for all its rows (`Database.insert_many`, which returns
the new ids), its one-to-many children (a person's languages, an exchange's partners) in one
more statement per child table.
While a batch is written the search index's insert triggers are paused and the batch's index
rows are written afterwards in one statement. There is no audit event per record: the caller
writes one summary event for the whole operation (`summary`), in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, insert, inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapper, Session
from sqlalchemy.orm.interfaces import ONETOMANY

from app.database.counters import counted, locked_counter
from app.database.engine import Database
from app.database.labels import fingerprint, intern_label
from app.database.search_index import search_index_of
from app.domain.labels import Label
from app.domain.models import ReferenceCounter
from app.security import audit
from app.security.principal import Actor
from app.services.base import LABEL_FIELDS, RecordService
from app.services.errors import PermissionDenied, ServiceError, ValidationFailed
from app.services.reading import PREFETCHED


@dataclass
class Written:
    """What one `BulkCreate.flush` stored, and the rows the database refused (with its error)."""

    records: list[tuple[Any, Label]] = field(default_factory=list)
    refused: list[tuple[Any, IntegrityError]] = field(default_factory=list)


@dataclass
class BulkCreate:
    """Create many records of one kind in the caller's transaction."""

    service: RecordService[Any]
    session: Session
    actor: Actor
    batch_size: int | None = (
        2000  # queued rows written on their own at this size; None: only by `flush`
    )
    created: int = 0
    _pending: list[tuple[Any, Label]] = field(default_factory=list)
    # label fingerprint -> stored id; BulkCreates of one long run (the demo) share one dict
    label_ids: dict[str, int] = field(default_factory=dict)
    _counters: dict[tuple[str, int], ReferenceCounter] = field(default_factory=dict)
    _default_labels: dict[str, Label | None] = field(default_factory=dict)
    _label_cells: dict[tuple[str, ...], tuple[Label, dict[str, str]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.service.require_writer(self.actor)

    def add(self, values: dict[str, Any], label: Label | None = None) -> Any:
        """Validate one row and queue it; `ValidationFailed` / `PermissionDenied` if it is bad."""
        (outcome,) = self.add_many([(values, label)])
        if isinstance(outcome, ServiceError):
            raise outcome
        return outcome

    def add_many(self, rows: Sequence[tuple[dict[str, Any], Label | None]]) -> list[Any]:
        """Validate rows and queue the good ones: for each row its new (unsaved) record, or the
        `ValidationFailed` / `PermissionDenied` saying why it was refused. Rows are written when
        the queue reaches ``batch_size`` (if set) or on `flush`."""
        service, session = self.service, self.session
        with session.no_autoflush, self._linked_records(rows):
            checked: list[tuple[dict[str, Any], Label, dict[str, str]]] = []
            for values, label in rows:
                if label is None and not any(name in values for name in LABEL_FIELDS):
                    label = self._default_label(values)
                parsed, errors = service.parse(values, creating=True)
                checked.append((parsed, self._label_from(values, label, errors), errors))
            service.check_new(
                session,
                self.actor,
                [(parsed, errors) for parsed, _, errors in checked if not errors],
            )
            outcomes = [self._queue(parsed, label, errors) for parsed, label, errors in checked]
        if self.batch_size is not None and len(self._pending) >= self.batch_size:
            self.flush(isolate=False)
        return outcomes

    @contextmanager
    def _linked_records(
        self, rows: Sequence[tuple[dict[str, Any], Label | None]]
    ) -> Iterator[None]:
        """The records the rows name (an exchange, a person), found in one query per kind for
        the checks of this batch."""
        desk = self.service.desk
        for name, (_column, model) in self.service.links.items():
            target = next(
                (
                    s
                    for s in (desk.people, desk.exchanges, desk.agreements, desk.liaison)
                    if s.model is model
                ),
                None,
            )
            if target is not None:
                target.prefetch(
                    self.session,
                    self.actor,
                    (values[name] for values, _ in rows if isinstance(values.get(name), str)),
                )
        try:
            yield
        finally:
            self.session.info.pop(PREFETCHED, None)

    def _default_label(self, values: dict[str, Any]) -> Label | None:
        """`default_label`, asked once per parent (rows of a file often share one)."""
        parent = self.service.label_parent
        key = repr(values.get(parent[0])) if parent else ""
        if key not in self._default_labels:
            self._default_labels[key] = self.service.default_label(self.session, self.actor, values)
        return self._default_labels[key]

    def _label_from(
        self, values: dict[str, Any], label: Label | None, errors: dict[str, str]
    ) -> Label:
        """The row's label; the few distinct label cells of a file are each parsed once."""
        if label is not None or not any(name in values for name in LABEL_FIELDS):
            return self.service.label_from(values, label, errors) or Label()
        key = tuple(repr(values.get(name)) for name in LABEL_FIELDS)
        if key not in self._label_cells:
            problems: dict[str, str] = {}
            self._label_cells[key] = (
                self.service.label_from(values, None, problems) or Label(),
                problems,
            )
        parsed, problems = self._label_cells[key]
        errors.update(problems)
        return parsed

    def _queue(self, parsed: dict[str, Any], label: Label, errors: dict[str, str]) -> Any:
        service = self.service
        if errors:
            return ValidationFailed(errors)
        try:
            service.check_label(self.actor, None, label, None)
        except (PermissionDenied, ValidationFailed) as refused:
            return refused
        key = fingerprint(label)
        if key not in self.label_ids:
            self.label_ids[key] = intern_label(self.session, label)
        record = service.build_new(
            self.session, self.actor, parsed, self.label_ids[key], self._next_reference
        )
        self._pending.append((record, label))
        return record

    def _next_reference(self, prefix: str, year: int) -> str:
        counter = self._counters.get((prefix, year))
        if counter is None:
            counter = locked_counter(self.session, prefix, year)
            self._counters[(prefix, year)] = counter
        return counted(counter)

    def discard(self) -> None:
        """Forget the queued rows (their reference numbers stay used)."""
        self._pending.clear()

    def flush(self, isolate: bool = True) -> Written:
        """Write the queued rows and their search index rows.

        ``isolate``: the batch is written under a savepoint; if the database refuses it (a unique
        constraint the checks could not see, e.g. a record another user stored meanwhile), each
        row is written under its own savepoint and the refused ones are returned, the others
        stored. Without it an `IntegrityError` propagates and the caller's transaction fails.
        """
        batch, self._pending = self._pending, []
        written = Written()
        if not batch:
            return written
        self.session.flush()  # reference counters and labels before the rows that use them
        if not isolate:
            self._write(batch)
            written.records = batch
        else:
            try:
                with self.session.begin_nested():
                    self._write(batch)
                written.records = batch
            except IntegrityError:
                for item in batch:
                    try:
                        with self.session.begin_nested():
                            self._write([item])
                        written.records.append(item)
                    except IntegrityError as error:
                        written.refused.append((item[0], error))
        self.created += len(written.records)
        return written

    def _write(self, batch: list[tuple[Any, Label]]) -> None:
        records = [record for record, _label in batch]
        index = search_index_of(self.service.desk.db)
        index.pause(self.session)
        if not all(_core_writable(record) for record in records):
            raise TypeError(
                f"BulkCreate writes columns and plain one-to-many children; a {self.service.kind} "
                "sets more"
            )
        _insert(self.service.desk.db, self.session, records)
        index.resume(self.session)
        index.index_records(
            self.session, type(records[0]).__tablename__, [record.id for record in records]
        )

    def summary(self, action: str, details: dict[str, Any]) -> None:
        """Flush and append the one audit event that stands for every row created."""
        self.flush(isolate=False)
        if self.created == 0 and action != "import":
            return
        audit.record(
            self.session,
            self.actor.username,
            action,
            kind=self.service.kind,
            details={**details, "created": self.created},
        )


# --- Core writing ------------------------------------------------------------------------------


def _core_writable(record: Any) -> bool:
    """True when Core can write the record: plain columns plus one-to-many children that are
    plain."""
    for relationship in inspect(type(record)).relationships:
        value = record.__dict__.get(relationship.key)
        if not value:
            continue
        if relationship.direction is not ONETOMANY or not relationship.uselist:
            return False
        for child in value:
            if any(child.__dict__.get(r.key) for r in relationship.mapper.relationships):
                return False
    return True


def _default(column: Column[Any]) -> Any:
    """The value the ORM would give an unset column: its scalar or callable default, else None."""
    default = column.default
    if default is None:
        return None
    if default.is_scalar:
        return default.arg
    if default.is_callable:
        return default.arg(None)  # SQLAlchemy wraps callables to take an execution context
    return None


def _rows(
    mapper: Mapper[Any], objects: Sequence[Any], extra: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Column dictionaries with the same keys for every object (unset columns get their default)."""
    autoincrement = mapper.local_table.autoincrement_column
    columns = [
        (prop.key, prop.columns[0])
        for prop in mapper.column_attrs
        if prop.columns[0] is not autoincrement
    ]
    defaults = {key: _default(column) for key, column in columns}
    rows = []
    for obj in objects:
        state = obj.__dict__
        row = {column.key: state.get(key, defaults[key]) for key, column in columns}
        rows.append(row | extra if extra else row)
    return rows


def _insert(database: Database, session: Session, records: list[Any]) -> None:
    """Insert records and their one-to-many children; the new ids are set on the records."""
    mapper = inspect(type(records[0]))
    ids = database.insert_many(session, mapper.local_table, _rows(mapper, records))
    for record, new_id in zip(records, ids, strict=True):
        record.id = new_id
    for relationship in mapper.relationships:
        children: list[dict[str, Any]] = []
        for record in records:
            value = record.__dict__.get(relationship.key)
            if value:
                links = {
                    remote.key: getattr(record, local.key)
                    for local, remote in relationship.local_remote_pairs
                }
                children += _rows(relationship.mapper, value, links)
        if children:
            session.execute(insert(relationship.mapper.local_table), children)
