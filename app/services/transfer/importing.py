"""Importing a file: rows validated and labelled as in a form, written in batches by `BulkCreate`.

A **preview** (``preview=True``) runs the same import in one transaction and rolls it back: the
rows that would be stored, the rejected rows by line, the probable duplicates, the columns as
mapped to fields; nothing is written and nothing is audited. A file this user imported before
(the same SHA-256 in one of their ``import`` events that stored rows) is refused with
`AlreadyImported` unless ``again``; a preview says so instead (``earlier``).

Every row is validated and labelled exactly as in a form (the kind's checks and duplicate
warnings asked once per batch), the good rows written with SQLAlchemy Core and indexed for
search in bulk. One ``import`` audit event stands for them all: it names the file, its SHA-256,
the counts and the mode; row by row, each batch is also its own transaction and event.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.domain.models import AuditEvent
from app.domain.texts import said
from app.security import audit
from app.services.base import RecordService
from app.services.bulk import BulkCreate
from app.services.errors import AlreadyImported, ImportStopped, ServiceError, ValidationFailed
from app.services.transfer.readers import (
    canonical_kind,
    column_map,
    csv_rows,
    file_sha256,
    json_rows,
    read_header,
    service_for,
)

if TYPE_CHECKING:
    from app.services.desk import Desk

Progress = Callable[[int, int], bool]
IMPORT_BATCH = 2000  # rows validated, written, indexed (and, row by row, committed) together


@dataclass(frozen=True)
class RowProblem:
    """A rejected row: its line in the file (header = line 1; record number in JSON) and why."""

    line: int
    errors: dict[str, str]

    def lines(self, unit: str = "line") -> list[str]:
        """One text line per field error, e.g. ``line 4: nation: 'XX' is not ...`` (said: the
        window prints it in its language)."""
        return [
            said("record {line}: {column}: {message}", line=self.line, column=name, message=text)
            if unit == "record"
            else said("line {line}: {column}: {message}", line=self.line, column=name, message=text)
            for name, text in self.errors.items()
        ]


@dataclass
class ImportResult:
    """What an import did: counts, rejected rows, warnings and the file's fingerprint."""

    kind: str
    file: str
    sha256: str
    mode: str  # "all-or-nothing" or "row-by-row"
    unit: str = "line"  # how rows are numbered: CSV lines or JSON records
    total: int = 0
    imported: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    cancelled: bool = False
    preview: bool = False  # nothing was written: ``imported`` is what would be stored
    columns: list[tuple[str, str]] = field(default_factory=list)  # (column, field) as mapped
    earlier: tuple[str, int] | None = None  # this user imported the same file: (when, rows)

    def warning_lines(self) -> list[str]:
        """One text line per warning, e.g. ``line 2: warning: probable duplicate of ...``."""
        return [
            said("record {line}: warning: {text}", line=line, text=text)
            if self.unit == "record"
            else said("line {line}: warning: {text}", line=line, text=text)
            for line, text in self.warnings
        ]

    @property
    def ok(self) -> bool:
        """True when every row was imported."""
        return not self.rejected and not self.cancelled and self.imported == self.total


class _Abort(Exception):
    """Rolls the all-or-nothing transaction back."""


def import_file(
    desk: Desk,
    kind: str,
    path: str | Path,
    *,
    all_or_nothing: bool = False,
    progress: Progress | None = None,
    preview: bool = False,
    again: bool = False,
) -> ImportResult:
    """Import a CSV (or ``.json``) file of one kind of record; see the module docstring.

    ``all_or_nothing``: one transaction; any bad row and nothing is stored (every bad row is
    still reported). Otherwise good rows are stored and bad rows reported, a batch of rows per
    transaction (see `_import_in_parts`). ``progress(done, total)`` returning False cancels: in
    all-or-nothing mode nothing
    is stored, otherwise the rows already imported stay. Header problems (unknown or missing
    columns) raise `ValidationFailed` before anything is imported.
    """
    kind = canonical_kind(kind)
    service = service_for(desk, kind)
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"no file {path}")
    is_json = path.suffix.lower() == ".json"
    result = ImportResult(
        kind,
        path.name,
        file_sha256(path),
        "all-or-nothing" if all_or_nothing or preview else "row-by-row",
        unit="record" if is_json else "line",
        preview=preview,
    )
    result.earlier = earlier_import(desk, service.kind, result.sha256)
    if result.earlier is not None and not (preview or again):
        raise AlreadyImported(result.file, *result.earlier)
    mapping = column_map(kind, service)
    if is_json:
        read, result.total = json_rows(path, kind, service)
        rows: Any = iter(read)
    else:
        fields, result.total = read_header(path, kind, service)
        rows = csv_rows(path, fields)
        field_of = {name: column for column, name in mapping.items()}
        result.columns = [(field_of.get(f, f), f) for f in fields if f is not None]
    column_of = {
        field_name: column for column, field_name in mapping.items() if column != field_name
    }
    details = {"file": result.file, "sha256": result.sha256, "mode": result.mode, "records": kind}
    summary = {**details, "rows": result.total}
    batches = _batches(rows, result, progress)
    if preview:
        _preview(desk, service, batches, result, column_of)
    elif not all_or_nothing:
        _import_in_parts(desk, service, batches, result, column_of, summary)
    else:
        _import_at_once(desk, service, batches, result, column_of, summary)
    result.rejected.sort(
        key=lambda problem: problem.line
    )  # bad cells are noted as read, bad rows per batch
    result.warnings.sort(key=lambda warning: warning[0])
    if progress is not None and not result.cancelled:
        progress(result.total, result.total)  # every row read and written
    return result


def earlier_import(desk: Desk, kind: str, sha256: str) -> tuple[str, int] | None:
    """When this user last imported a file with this SHA-256 that stored rows, and how many:
    their own ``import`` events only (what they may read of the trail on either engine)."""
    with desk.reading() as (session, actor):
        events = session.scalars(
            select(AuditEvent)
            .where(
                AuditEvent.action == "import",
                AuditEvent.username == actor.username,
                AuditEvent.record_kind == kind,
                AuditEvent.outcome == "success",
                AuditEvent.details.contains(f'"sha256":"{sha256}"'),
            )
            .order_by(AuditEvent.id.desc())
            .limit(50)
        ).all()
    for event in events:
        try:
            details = json.loads(event.details or "{}")
        except ValueError:
            continue
        stored = int(details.get("imported", 0) or 0) if isinstance(details, dict) else 0
        if stored and "part" not in details:  # the event that closes an import
            at = event.at.astimezone(dt.UTC) if event.at.tzinfo is not None else event.at
            return at.strftime("%Y-%m-%d %H:%M UTC"), stored
    return None


def _preview(
    desk: Desk,
    service: RecordService[Any],
    batches: Iterator[list[tuple[int, dict[str, Any]]]],
    result: ImportResult,
    column_of: dict[str, str],
) -> None:
    """Every row validated and written in one transaction, then rolled back: what an import
    would store, reject and warn about; nothing is kept, nothing audited."""
    try:
        with desk.writing() as (session, actor):
            bulk = BulkCreate(service, session, actor, batch_size=None)
            for batch in batches:
                _import_batch(bulk, batch, result, column_of)
            raise _Abort()
    except _Abort:
        result.references.clear()  # references drawn inside the rolled-back transaction


def _import_at_once(
    desk: Desk,
    service: RecordService[Any],
    batches: Iterator[list[tuple[int, dict[str, Any]]]],
    result: ImportResult,
    column_of: dict[str, str],
    summary: dict[str, Any],
) -> None:
    """All or nothing: every batch in one transaction, rolled back if any row is bad or on
    Cancel."""
    try:
        with desk.writing() as (session, actor):
            bulk = BulkCreate(service, session, actor, batch_size=None)  # flushed per batch here
            for batch in batches:
                _import_batch(bulk, batch, result, column_of)
            if result.rejected or result.cancelled:
                raise _Abort()
            audit.record(
                session,
                actor.username,
                "import",
                kind=service.kind,
                details=_totals(summary, result),
            )
    except _Abort:
        result.imported = 0
        result.references.clear()
        result.warnings.clear()
        with desk.writing() as (session, actor):
            audit.record(
                session,
                actor.username,
                "import",
                kind=service.kind,
                outcome="failure",
                details={
                    **summary,
                    "imported": 0,
                    "rejected": len(result.rejected),
                    "cancelled": result.cancelled,
                },
            )


def _batches(
    rows: Iterator[tuple[int, Any, bool]], result: ImportResult, progress: Progress | None
) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    """The good rows in batches of IMPORT_BATCH (rows that cannot be read are noted in
    ``result``); the last batch holds the rows read before the end or Cancel. At least one
    batch, perhaps empty: its transaction carries the import's audit event."""
    batch: list[tuple[int, dict[str, Any]]] = []
    done = yielded = 0
    for line, values, ok in rows:
        if progress is not None and not progress(done, result.total):
            result.cancelled = True
            break
        done += 1
        if not ok:
            result.rejected.append(RowProblem(line, values))
            continue
        batch.append((line, values))
        if len(batch) >= IMPORT_BATCH:
            yield batch
            batch, yielded = [], yielded + 1
    if batch or not yielded:
        yield batch


def _import_in_parts(
    desk: Desk,
    service: RecordService[Any],
    batches: Iterator[list[tuple[int, dict[str, Any]]]],
    result: ImportResult,
    column_of: dict[str, str],
    summary: dict[str, Any],
) -> None:
    """Row by row: each batch in its own transaction with its own audit event (the write lock is
    let go between batches, so other coordinators keep saving during a long import); the last
    transaction carries the summary event of the whole file."""
    label_ids: dict[str, int] = {}  # labels stored by committed batches
    batch = next(batches)
    part = 1
    while True:
        following = next(batches, None)  # read ahead: is this the last part?
        before, references = result.imported, len(result.references)
        context = (result, column_of, summary, label_ids)
        try:
            _import_part(desk, service, batch, following is None, part, context)
        except ServiceError as error:  # a full disk, a lost server: say what was stored
            if part == 1 or not batch or isinstance(error, ValidationFailed):
                raise
            result.imported = before
            del result.references[references:]
            raise ImportStopped(error, result.imported, batch[0][0]) from error
        if following is None:
            return
        batch, part = following, part + 1


def _import_part(
    desk: Desk,
    service: RecordService[Any],
    batch: list[tuple[int, dict[str, Any]]],
    last: bool,
    part: int,
    context: tuple[ImportResult, dict[str, str], dict[str, Any], dict[str, int]],
) -> None:
    """One part of a row-by-row import in its own transaction, with its audit event (the last
    part's carries the whole file's totals)."""
    result, column_of, summary, label_ids = context
    with desk.writing() as (session, actor):
        bulk = BulkCreate(service, session, actor, batch_size=None, label_ids=label_ids)
        before = result.imported
        _import_batch(bulk, batch, result, column_of)
        details = (
            {**_totals(summary, result), "parts": part}
            if last
            else {
                **summary,
                "part": part,
                "lines": f"{batch[0][0]}-{batch[-1][0]}",
                "imported": result.imported - before,
            }
        )
        audit.record(session, actor.username, "import", kind=service.kind, details=details)


def _totals(summary: dict[str, Any], result: ImportResult) -> dict[str, Any]:
    """The details of the event that closes an import."""
    return {
        **summary,
        "imported": result.imported,
        "rejected": len(result.rejected),
        "cancelled": result.cancelled,
        "first_reference": result.references[0] if result.references else "",
        "last_reference": result.references[-1] if result.references else "",
    }


def _import_batch(
    bulk: BulkCreate,
    batch: list[tuple[int, dict[str, Any]]],
    result: ImportResult,
    column_of: dict[str, str],
) -> None:
    """Validate a batch of rows, write the good ones (Core, indexed in bulk) and note the rest."""
    if not batch:
        return
    line_of: dict[int, int] = {}
    for (line, _values), outcome in zip(
        batch, bulk.add_many([(dict(values), None) for _line, values in batch]), strict=True
    ):
        if isinstance(outcome, ValidationFailed):
            result.rejected.append(
                RowProblem(line, {column_of.get(k, k): v for k, v in outcome.errors.items()})
            )
        elif isinstance(outcome, ServiceError):
            result.rejected.append(RowProblem(line, {"row": str(outcome)}))
        else:
            line_of[id(outcome)] = line
    written = bulk.flush()
    for record, error in written.refused:
        result.rejected.append(
            RowProblem(
                line_of[id(record)],
                {
                    "row": said(
                        "clashes with a record already stored ({key})", key=_constraint(error)
                    )
                },
            )
        )
    if not written.records:
        return
    result.imported += len(written.records)
    result.references += [
        getattr(record, "reference", "") or str(record.id) for record, _label in written.records
    ]
    warnings = bulk.service.warnings_new(bulk.session, bulk.actor, written.records)
    for (record, _label), found in zip(written.records, warnings, strict=True):
        result.warnings += [(line_of[id(record)], warning) for warning in found]


def _constraint(error: IntegrityError) -> str:
    text = str(error.orig) if error.orig is not None else str(error)
    return text.splitlines()[0][:200]
