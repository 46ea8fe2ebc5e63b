"""List exports: any service list (kind, filters, sort) to CSV or XLSX, marked and audited.

Records are read through the service's own `list` (so only what the user may read), a page
at a time, and spooled to a temporary file; the marking (combined label of every exported
record) is known only at the end, so the final file is written from the spool: the CSV's first
line states the marking, the XLSX carries it in the page header and footer and in a first-row
banner. The export is audited (``export``: kind, filters, sort, record count, marking, format).
Beside the file, ``NAME.label.xml`` binds the file's combined label to its bytes (STANAG
4774 label, STANAG 4778 binding: `app.services.bindings`); it is put in place with the file.
No cell runs as a formula in a spreadsheet: CSV cells are defused as ``xdesk export`` defuses
them (`spreadsheet_safe`, one function for both exporters), XLSX cells are stored as text, never
as formulas, and characters a workbook cannot hold are dropped.
Columns are the service's fields (as CSV text, the import format) after the reference, the
portion mark and the three label cells; identity fields of people are never exported.
"""

from __future__ import annotations

import csv
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.labels import Label, releasability_cell
from app.paths import private_file
from app.security import audit
from app.services import bindings, kinds
from app.services.errors import ValidationFailed
from app.services.transfer.readers import spreadsheet_safe

if TYPE_CHECKING:
    from app.services.desk import Desk

PAGE = 1000
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: rows, the marking stated on it, the format, its label file."""

    records: int
    marking: str
    format: str
    label_file: Path | None = None


def export_list(
    desk: Desk,
    kind: str,
    out_path: str | Path,
    filters: dict[str, Any] | None = None,
    sort: list[str] | None = None,
    fmt: str | None = None,
) -> ExportResult:
    """Write a list view to CSV or XLSX (format from ``fmt`` or the file suffix); audited."""
    out_path = Path(out_path)
    fmt = (fmt or out_path.suffix.lstrip(".") or "csv").lower()
    if fmt not in FORMATS:
        raise ValidationFailed({"format": f"format must be csv or xlsx, not {fmt!r}"})
    service = kinds.kind(kind).service(desk)
    from app.services.people import IDENTITY_FIELDS

    names = [
        f.name
        for f in service.fields
        if not (service.kind == "person" and f.name in IDENTITY_FIELDS)
    ]
    header = [
        "reference",
        "portion_mark",
        "classification",
        "releasable_to",
        "groups",
        *[n for n in names if n != "reference"],
    ]
    labels: list[Label] = []
    scheme = desk.db.scheme
    with tempfile.TemporaryFile("w+", newline="", encoding="utf-8") as spool:
        writer = csv.writer(spool)
        offset = 0
        while True:
            page = service.list(filters, sort=sort, offset=offset, limit=PAGE, count_total=False)
            for record in page.records:
                label = page.labels[record.label_id]
                labels.append(label)
                snapshot = service.snapshot(record)
                reference = getattr(record, "reference", "") or str(record.id)
                writer.writerow(
                    [
                        reference,
                        desk.portion_mark(label),
                        scheme.name(label.level),
                        releasability_cell(label),
                        " ".join(sorted(label.groups)),
                        *[snapshot.get(n, "") for n in names if n != "reference"],
                    ]
                )
            if len(page.records) < PAGE:
                break
            offset += PAGE
        combined = desk.combined(labels)
        marking = desk.marking(combined)
        spool.seek(0)
        partial = out_path.with_name(out_path.name + ".partial")
        staged = None
        try:
            if fmt == "csv":
                _write_csv(partial, marking, header, spool)
            else:
                _write_xlsx(partial, marking, combined.level, header, spool, service.kind)
            staged = bindings.stage(partial, out_path, combined, scheme, desk.owner)
            with desk.writing() as (session, actor):
                audit.record(
                    session,
                    actor.username,
                    "export",
                    kind=service.kind,
                    details={
                        "format": fmt,
                        "filters": json.loads(json.dumps(filters or {}, default=str)),
                        "sort": list(sort or []),
                        "records": len(labels),
                        "marking": marking,
                        "file": out_path.name,
                    },
                )
            label_file = staged.place()  # the label first, then the file
        finally:
            partial.unlink(missing_ok=True)
            if staged is not None:
                staged.discard()
    return ExportResult(len(labels), marking, fmt, label_file)


def _write_csv(path: Path, marking: str, header: list[str], spool: Any) -> None:
    with open(private_file(path), "w", newline="", encoding="utf-8") as out:
        out.write(f"# {marking}\n")
        writer = csv.writer(out)
        writer.writerow(header)
        for row in csv.reader(spool):
            writer.writerow([spreadsheet_safe(cell) for cell in row])


def _write_xlsx(
    path: Path, marking: str, level: int, header: list[str], spool: Any, kind: str
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind[:31])
    for part in (sheet.oddHeader, sheet.evenHeader, sheet.oddFooter, sheet.evenFooter):
        part.center.text = marking
        part.center.font = "DejaVu Sans,Bold"
    colour = {0: "1E7B34", 1: "1F4FA8", 2: "1F4FA8", 3: "C8102E"}.get(level, "F08C00")
    banner = WriteOnlyCell(sheet, value=marking)
    banner.font = Font(bold=True, color="FFFFFF")
    banner.fill = PatternFill("solid", fgColor=colour)
    banner.alignment = Alignment(horizontal="left")
    sheet.append([banner])
    bold = []
    for name in header:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = Font(bold=True)
        bold.append(cell)
    sheet.append(bold)
    for row in csv.reader(spool):
        sheet.append([_text_cell(sheet, cell) for cell in row])
    book.save(private_file(path))


def _text_cell(sheet: Any, value: str) -> Any:
    """An XLSX cell holding ``value`` as text: a leading ``=`` is never a formula, and control
    characters a workbook cannot hold (NUL, ESC …) are dropped."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl would store "=..." as a formula
    return cell
