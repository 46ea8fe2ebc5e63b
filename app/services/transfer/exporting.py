"""Exporting what a user may see, as CSV or JSON, page by page; audited with the combined marking.

An export writes the import's columns (so it re-imports); CSV cells that a spreadsheet would
run as formulas are quoted (`readers.spreadsheet_safe`). In JSON each record also carries its
STANAG 4774 label (``label_xml``) and, under a US owner, its IC-ISM attributes (``ism``);
the importer ignores both. `export_file` writes a file (0600, aside, then renamed) with its
``NAME.label.xml`` beside it: the STANAG 4778 binding of the file's combined label
(`app.services.bindings`).
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from sqlalchemy import select

from app.domain import declassification, stanag
from app.domain.labels import Label, releasability_cell
from app.domain.models import Person
from app.paths import private_file
from app.security import audit
from app.services import bindings, kinds
from app.services.base import RecordService
from app.services.errors import ValidationFailed
from app.services.fields import text_of
from app.services.people import IDENTITY_FIELDS
from app.services.transfer.importing import Progress
from app.services.transfer.readers import canonical_kind, columns_for, service_for, spreadsheet_safe

if TYPE_CHECKING:
    from app.services.desk import Desk

PAGE_SIZE = 500


@dataclass
class ExportResult:
    """What an export wrote: how many records, the combined label and marking of them all, and
    (`export_file`) where the file's label is."""

    kind: str
    format: str
    count: int
    label: Label
    marking: str
    identity: bool
    label_file: Path | None = None


def record_row(
    desk: Desk,
    kind: str,
    service: RecordService[Any],
    record: Any,
    label: Label,
    identity: dict[str, Any] | None = None,
) -> dict[str, str]:
    """The export cells of one record, by column name (identity fields empty unless given)."""
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
    for name in declassification.COLUMNS:
        row[name] = text_of(getattr(record, name, None))
    return row


def _identity_of(
    desk: Desk, service: RecordService[Any], ids: list[int]
) -> dict[int, dict[str, Any]]:
    """Identity fields of visible people by id (one query per page)."""
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
    ``id``, ``reference`` (where the kind has one), ``marking``, ``label_xml`` (the record's
    STANAG 4774 label) and, under a US owner, ``ism`` (its IC-ISM attributes). Identity fields
    of people are filled only for coordinators and administrators. Audited as ``export`` with
    the count and the combined marking (returned too). ``progress(done, total)`` returning
    False stops early.
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
    created = stanag.utc_now()  # one creation time for every record label of the file
    machine_labels: dict[Label, dict[str, Any]] = {}

    def machine_label(label: Label) -> dict[str, Any]:
        # a file holds few distinct labels: each one's XML is made once
        if label not in machine_labels:
            entry: dict[str, Any] = {
                "label_xml": stanag.label_xml(label, desk.db.scheme, desk.owner, created)
            }
            ism = stanag.ism_attributes(label, desk.owner, desk.db.scheme)
            if ism is not None:
                entry["ism"] = ism
            machine_labels[label] = entry
        return machine_labels[label]

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
                    item.update(machine_label(label))
                    if "ism" in item and label.level > 0:  # this record's own instruction
                        item["ism"] = item["ism"] | stanag.ism_declassification(
                            declassification.instruction(
                                record.created_at,
                                *(getattr(record, name, None) for name in declassification.COLUMNS),
                            )
                        )
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


def export_file(
    desk: Desk,
    kind: str,
    out_path: str | os.PathLike[str],
    fmt: str = "csv",
    *,
    filters: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> ExportResult:
    """`export_records` into a file: written aside (``NAME.partial``, 0600), then its label
    ``NAME.label.xml`` (the STANAG 4778 binding of the combined label to the file's bytes) and
    the file put in place, the label first. Nothing is left at ``out_path`` when it fails."""
    out_path = Path(out_path)
    partial = out_path.with_name(out_path.name + ".partial")
    staged = None
    try:
        with open(private_file(partial), "w", encoding="utf-8", newline="") as handle:
            result = export_records(desk, kind, handle, fmt, filters=filters, progress=progress)
        staged = bindings.stage(partial, out_path, result.label, desk.db.scheme, desk.owner)
        result.label_file = staged.place()
    finally:
        partial.unlink(missing_ok=True)
        if staged is not None:
            staged.discard()
    return result
