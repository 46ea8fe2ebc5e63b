"""Import and export of records as CSV or JSON, through the services and their rules.

Imports read a file whose header names the fields (see ``docs/DATA_FORMATS.md``) and create the
rows in batches through `BulkCreate`: every row is validated and labelled exactly as in a form
(the kind's checks and duplicate warnings asked once per batch), the good rows written with
SQLAlchemy Core and indexed for search in bulk. One ``import`` audit event stands for them all:
it names the file, its SHA-256, the counts and the mode. Exports read only what the user may see, a page at a time,
and write the same columns back (so an export re-imports); each export is audited.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.domain.labels import Label, releasability_cell
from app.security import audit
from app.services import kinds
from app.services.base import LABEL_FIELDS, RecordService
from app.services.bulk import BulkCreate
from app.services.errors import ServiceError, ValidationFailed
from app.services.fields import text_of

if TYPE_CHECKING:
    from app.services.desk import Desk

Progress = Callable[[int, int], bool]
PAGE_SIZE = 500
IMPORT_BATCH = 2000  # rows validated, written, indexed (and, row by row, committed) together

# keys of a JSON export that an import skips
_JSON_EXTRAS = ("id", "reference", "marking")
# a spreadsheet runs a cell starting with one of these as a formula: CSV exports put a ' before
# it (the spreadsheet shows the text as typed; a leading ' is doubled) and CSV imports take it
# away again, so an export re-imports exactly
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula: ``=1+2`` -> ``'=1+2``."""
    return "'" + cell if cell.startswith((*FORMULA_STARTS, "'")) else cell


def from_spreadsheet_safe(cell: str) -> str:
    """Undo `spreadsheet_safe`: ``'=1+2`` -> ``=1+2`` (any other cell is kept as it is)."""
    return (
        cell[1:] if cell.startswith("'") and cell[1:].startswith((*FORMULA_STARTS, "'")) else cell
    )


def canonical_kind(name: str) -> str:
    """``person`` / ``People`` / ``liaison-assignments`` -> the canonical name of a kind that is
    imported and exported (`app.services.kinds`); `ValidationFailed` naming ``kind`` otherwise."""
    return kinds.kind(name, kinds.transferable()).name


def service_for(desk: Desk, kind: str) -> RecordService[Any]:
    """The service of a kind that is imported and exported."""
    return kinds.kind(kind, kinds.transferable()).service(desk)


def columns(desk: Desk, kind: str) -> list[str]:
    """The CSV columns of a kind, in order: its fields, then the three label columns."""
    kind = canonical_kind(kind)
    return columns_for(kind, service_for(desk, kind))


def _column_map(kind: str, service: RecordService[Any]) -> dict[str, str]:
    """Column name (and the plain field name) -> field name."""
    renames = kinds.BY_NAME[kind].column_names
    mapping = {f.name: f.name for f in service.fields}
    mapping.update({renames[name]: name for name in renames})
    mapping.update({name: name for name in LABEL_FIELDS})
    return mapping


# --- import ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    """A rejected row: its line in the file (header = line 1; record number in JSON) and why."""

    line: int
    errors: dict[str, str]

    def lines(self, unit: str = "line") -> list[str]:
        """One text line per field error, e.g. ``line 4: nation: 'XX' is not ...``."""
        return [f"{unit} {self.line}: {name}: {message}" for name, message in self.errors.items()]


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

    @property
    def ok(self) -> bool:
        """True when every row was imported."""
        return not self.rejected and not self.cancelled and self.imported == self.total


class _Abort(Exception):
    """Rolls the all-or-nothing transaction back."""


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _csv_records(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells) for every record of a CSV file, header first."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        line = 1
        try:
            for cells in reader:
                yield line, cells
                line = reader.line_num + 1
        except UnicodeDecodeError as error:
            raise ValidationFailed(
                {
                    "file": f"is not UTF-8 text (bad byte at position {error.start} near line {line}); save it as UTF-8"
                }
            ) from None
        except csv.Error as error:
            raise ValidationFailed({"file": f"line {line}: {error}"}) from None


def _blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def _read_header(
    path: Path, kind: str, service: RecordService[Any]
) -> tuple[list[str | None], int]:
    """Field names of the columns, and how many rows follow; every header problem raised at once."""
    records = _csv_records(path)
    first = next(records, None)
    if first is None or _blank(first[1]):
        raise ValidationFailed({"file": "is empty; the first line must name the columns"})
    mapping = _column_map(kind, service)
    header = [cell.strip().lower() for cell in first[1]]
    errors: dict[str, str] = {}
    unknown = [
        name or f"(column {n} has no name)"
        for n, name in enumerate(header, start=1)
        if name not in mapping
    ]
    if unknown:
        known = ", ".join(columns_for(kind, service))
        errors["columns"] = (
            f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; the columns of {kinds.BY_NAME[kind].plural} are: {known}"
        )
    fields = [mapping.get(name) for name in header]
    doubled = sorted({name for name in fields if name and fields.count(name) > 1})
    if doubled:
        errors["columns"] = (
            errors.get("columns", "") + "; " if "columns" in errors else ""
        ) + f"more than one column for {', '.join(doubled)}"
    missing = [
        kinds.BY_NAME[kind].column_of(f.name)
        for f in service.fields
        if f.required and f.name not in fields
    ]
    if missing:
        errors["columns"] = (
            errors.get("columns", "") + "; " if "columns" in errors else ""
        ) + f"required column{'s' if len(missing) > 1 else ''} missing: {', '.join(missing)}"
    if errors:
        raise ValidationFailed(errors)
    total = sum(1 for _line, cells in records if not _blank(cells))
    return fields, total


def columns_for(kind: str, service: RecordService[Any]) -> list[str]:
    """The columns of a kind given its service (see `columns`)."""
    renames = kinds.BY_NAME[kind].column_names
    return [renames.get(f.name, f.name) for f in service.fields] + list(LABEL_FIELDS)


def _csv_rows(
    path: Path, fields: list[str | None]
) -> Iterator[tuple[int, dict[str, Any] | dict[str, str], bool]]:
    """(line, values or problems, ok) for each non-blank data row."""
    records = _csv_records(path)
    next(records, None)
    for line, cells in records:
        if _blank(cells):
            continue
        if len(cells) > len(fields) and not _blank(cells[len(fields) :]):
            yield (
                line,
                {"row": f"has {len(cells)} cells but the header names {len(fields)} columns"},
                False,
            )
            continue
        values: dict[str, Any] = {}
        for name, cell in zip(fields, cells, strict=False):
            if name is None:
                continue
            cell = from_spreadsheet_safe(cell.strip() if "\n" not in cell else cell)
            if cell != "" or name in LABEL_FIELDS:
                values[name] = cell
        yield line, values, True


def _json_rows(
    path: Path, kind: str, service: RecordService[Any]
) -> tuple[list[tuple[int, dict[str, Any], bool]], int]:
    """(record number, values or problems, ok) for each object of a JSON export-style file."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except UnicodeDecodeError:
        raise ValidationFailed({"file": "is not UTF-8 text; save it as UTF-8"}) from None
    except json.JSONDecodeError as error:
        raise ValidationFailed(
            {"file": f"is not valid JSON (line {error.lineno}: {error.msg})"}
        ) from None
    if isinstance(data, dict) and isinstance(data.get("records"), list):
        data = data["records"]
    if not isinstance(data, list):
        raise ValidationFailed({"file": "must hold a list of objects, one per record"})
    mapping = _column_map(kind, service)
    skipped = {name for name in _JSON_EXTRAS if name not in mapping}
    unknown = sorted(
        {key for item in data if isinstance(item, dict) for key in item} - set(mapping) - skipped
    )
    if unknown:
        raise ValidationFailed(
            {
                "columns": f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; the fields of {kinds.BY_NAME[kind].plural} are: {', '.join(columns_for(kind, service))}"
            }
        )
    rows: list[tuple[int, dict[str, Any], bool]] = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            rows.append((number, {"row": "is not an object"}, False))
            continue
        values = {
            mapping[k]: v
            for k, v in item.items()
            if k in mapping and v is not None and (v != "" or k in LABEL_FIELDS)
        }
        rows.append((number, values, True))
    return rows, len(rows)


def import_file(
    desk: Desk,
    kind: str,
    path: str | Path,
    *,
    all_or_nothing: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import a CSV (or ``.json``) file of one kind of record; see the module docstring.

    ``all_or_nothing``: one transaction; any bad row and nothing is stored (every bad row is
    still reported). Otherwise good rows are stored and bad rows reported, a batch of rows per
    transaction (see `_import_in_parts`). ``progress(done, total)`` returning False cancels: in all-or-nothing mode nothing
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
        "all-or-nothing" if all_or_nothing else "row-by-row",
        unit="record" if is_json else "line",
    )
    if is_json:
        json_rows, result.total = _json_rows(path, kind, service)
        rows: Any = iter(json_rows)
    else:
        fields, result.total = _read_header(path, kind, service)
        rows = _csv_rows(path, fields)
    column_of = {
        field_name: column
        for column, field_name in _column_map(kind, service).items()
        if column != field_name
    }
    details = {"file": result.file, "sha256": result.sha256, "mode": result.mode, "records": kind}
    summary = {**details, "rows": result.total}
    batches = _batches(rows, result, progress)
    if not all_or_nothing:
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


def _import_at_once(
    desk: Desk,
    service: RecordService[Any],
    batches: Iterator[list[tuple[int, dict[str, Any]]]],
    result: ImportResult,
    column_of: dict[str, str],
    summary: dict[str, Any],
) -> None:
    """All or nothing: every batch in one transaction, rolled back if any row is bad or on Cancel."""
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
        with desk.writing() as (session, actor):
            bulk = BulkCreate(service, session, actor, batch_size=None, label_ids=label_ids)
            before = result.imported
            _import_batch(bulk, batch, result, column_of)
            if following is None:
                audit.record(
                    session,
                    actor.username,
                    "import",
                    kind=service.kind,
                    details={**_totals(summary, result), "parts": part},
                )
            else:
                audit.record(
                    session,
                    actor.username,
                    "import",
                    kind=service.kind,
                    details={
                        **summary,
                        "part": part,
                        "lines": f"{batch[0][0]}-{batch[-1][0]}",
                        "imported": result.imported - before,
                    },
                )
        if following is None:
            return
        batch, part = following, part + 1


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
                {"row": f"clashes with a record already stored ({_constraint(error)})"},
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


# --- export ----------------------------------------------------------------------------------


@dataclass
class ExportResult:
    """What an export wrote: how many records, and the combined marking of them all."""

    kind: str
    format: str
    count: int
    label: Label
    marking: str
    identity: bool


def record_row(
    desk: Desk,
    kind: str,
    service: RecordService[Any],
    record: Any,
    label: Label,
    identity: dict[str, Any] | None = None,
) -> dict[str, str]:
    """The export cells of one record, by column name (identity fields empty unless given)."""
    from app.services.people import IDENTITY_FIELDS

    renames = kinds.BY_NAME[kind].column_names
    row: dict[str, str] = {}
    for spec in service.fields:
        if kind == "person" and spec.name in IDENTITY_FIELDS:
            value = (identity or {}).get(spec.name)
        else:
            value = service.value_of(record, spec.name)
        row[renames.get(spec.name, spec.name)] = text_of(value)
    row["classification"] = desk.db.scheme.name(label.level)
    row["releasable_to"] = releasability_cell(label)
    row["groups"] = " ".join(sorted(label.groups))
    return row


def _identity_of(
    desk: Desk, service: RecordService[Any], ids: list[int]
) -> dict[int, dict[str, Any]]:
    """Identity fields of visible people by id (one query per page)."""
    from app.domain.models import Person
    from app.services.people import IDENTITY_FIELDS

    with desk.reading() as (session, actor):
        statement = select(Person.id, *(getattr(Person, name) for name in IDENTITY_FIELDS)).where(
            Person.id.in_(ids), *service.visible(actor)
        )
        return {
            row[0]: dict(zip(IDENTITY_FIELDS, row[1:], strict=True))
            for row in session.execute(statement)
        }


def export_records(
    desk: Desk,
    kind: str,
    out: TextIO,
    fmt: str = "csv",
    *,
    filters: dict[str, Any] | None = None,
    progress: Progress | None = None,
    page_size: int = PAGE_SIZE,
) -> ExportResult:
    """Write the records of a kind the user may see to ``out`` as CSV or JSON, page by page.

    CSV has exactly the import columns; JSON is a list of objects with the same names plus
    ``id``, ``reference`` (where the kind has one) and ``marking``. Identity fields of people are
    filled only for coordinators and administrators. Audited as ``export`` with the count and
    the combined marking (returned too). ``progress(done, total)`` returning False stops early.
    """
    kind = canonical_kind(kind)
    fmt = fmt.lower()
    if fmt not in ("csv", "json"):
        raise ValidationFailed({"format": f"unknown format {fmt!r}; use csv or json"})
    service = service_for(desk, kind)
    actor = desk.actor()
    identity = kind == "person" and actor.may_write_records
    header = columns_for(kind, service)
    total = service.count(filters) if progress is not None else 0
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writerow(header)
    else:
        out.write("[")
    labels: set[Label] = set()
    count = 0
    after = 0
    finished = cancelled = False
    try:
        while True:
            ids = service.ids(
                {**(filters or {}), "id__gte": after + 1}, sort=["id"], limit=page_size
            )
            if not ids:
                break
            after = ids[-1]
            fetched = service.fetch(ids)
            identities = _identity_of(desk, service, ids) if identity else {}
            for record_id in ids:
                if record_id not in fetched:
                    continue
                record, label = fetched[record_id]
                row = record_row(desk, kind, service, record, label, identities.get(record_id))
                labels.add(label)
                if writer is not None:
                    writer.writerow([spreadsheet_safe(row[name]) for name in header])
                else:
                    item: dict[str, Any] = {"id": record.id}
                    if hasattr(record, "reference") and "reference" not in row:
                        item["reference"] = record.reference
                    item.update(row)
                    item["marking"] = desk.marking(label)
                    out.write(
                        ("\n  " if count == 0 else ",\n  ") + json.dumps(item, ensure_ascii=False)
                    )
                count += 1
            if progress is not None and not progress(count, total):
                cancelled = True
                break
            if len(ids) < page_size:
                break
        if writer is None:
            out.write("\n]\n" if count else "]\n")
        finished = True
    finally:
        # audited even when writing failed part way: what was written has left the database
        combined = desk.combined(list(labels))
        marking = desk.marking(combined)
        with desk.writing() as (session, actor):
            audit.record(
                session,
                actor.username,
                "export",
                kind=service.kind,
                outcome="success" if finished else "failure",
                details={
                    "records": kind,
                    "format": fmt,
                    "count": count,
                    "marking": marking,
                    "identity": identity,
                    "filters": {k: text_of(v) for k, v in (filters or {}).items()},
                    "cancelled": cancelled,
                },
            )
    return ExportResult(kind, fmt, count, combined, marking, identity)
