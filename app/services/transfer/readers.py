"""Reading import files and naming their columns: CSV and JSON rows, spreadsheet-safe cells.

The columns of a kind are its fields (renamed as `app.services.kinds` says, ``nation_code`` ->
``nation``) and the three label columns. Readers turn a file into ``(line, values, ok)`` rows;
a row that cannot be read carries its problems instead of values. Nothing here writes.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.texts import said
from app.services import kinds
from app.services.base import DECLASSIFY_FIELDS, LABEL_FIELDS, RecordService
from app.services.errors import ValidationFailed

if TYPE_CHECKING:
    from app.services.desk import Desk

# keys a JSON export adds to the columns, skipped on import (the label cells decide the label)
_JSON_EXTRAS = ("id", "reference", "marking", "label_xml", "ism")
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
    """The CSV columns of a kind, in order: its fields, then the three label columns and the
    declassification date and event."""
    kind = canonical_kind(kind)
    return columns_for(kind, service_for(desk, kind))


def columns_for(kind: str, service: RecordService[Any]) -> list[str]:
    """The columns of a kind given its service (see `columns`)."""
    renames = kinds.BY_NAME[kind].column_names
    return [renames.get(f.name, f.name) for f in service.fields] + [
        *LABEL_FIELDS,
        *DECLASSIFY_FIELDS,
    ]


def column_map(kind: str, service: RecordService[Any]) -> dict[str, str]:
    """Column name (and the plain field name) -> field name."""
    renames = kinds.BY_NAME[kind].column_names
    mapping = {f.name: f.name for f in service.fields}
    mapping.update({renames[name]: name for name in renames})
    mapping.update({name: name for name in (*LABEL_FIELDS, *DECLASSIFY_FIELDS)})
    return mapping


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
                    "file": said(
                        "is not UTF-8 text (bad byte at position {at} near line {line}); save "
                        "it as UTF-8",
                        at=error.start,
                        line=line,
                    )
                }
            ) from None
        except csv.Error as error:
            raise ValidationFailed(
                {"file": said("line {line}: {error}", line=line, error=str(error))}
            ) from None


def _blank(cells: list[str]) -> bool:
    return not any(cell.strip() for cell in cells)


def read_header(path: Path, kind: str, service: RecordService[Any]) -> tuple[list[str | None], int]:
    """Field names of the columns, and how many rows follow; every header problem raised at once."""
    records = _csv_records(path)
    first = next(records, None)
    if first is None or _blank(first[1]):
        raise ValidationFailed({"file": said("is empty; the first line must name the columns")})
    mapping = column_map(kind, service)
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
            f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; the columns of "
            f"{kinds.BY_NAME[kind].plural} are: {known}"
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


def csv_rows(
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
                {
                    "row": said(
                        "has {cells} cells but the header names {columns} columns",
                        cells=len(cells),
                        columns=len(fields),
                    )
                },
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


def json_rows(
    path: Path, kind: str, service: RecordService[Any]
) -> tuple[list[tuple[int, dict[str, Any], bool]], int]:
    """(record number, values or problems, ok) for each object of a JSON export-style file."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except UnicodeDecodeError:
        raise ValidationFailed({"file": said("is not UTF-8 text; save it as UTF-8")}) from None
    except json.JSONDecodeError as error:
        raise ValidationFailed(
            {
                "file": said(
                    "is not valid JSON (line {line}: {error})", line=error.lineno, error=error.msg
                )
            }
        ) from None
    if isinstance(data, dict) and isinstance(data.get("records"), list):
        data = data["records"]
    if not isinstance(data, list):
        raise ValidationFailed({"file": said("must hold a list of objects, one per record")})
    mapping = column_map(kind, service)
    skipped = {name for name in _JSON_EXTRAS if name not in mapping}
    unknown = sorted(
        {key for item in data if isinstance(item, dict) for key in item} - set(mapping) - skipped
    )
    if unknown:
        raise ValidationFailed(
            {
                "columns": (
                    f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; the "
                    f"fields of {kinds.BY_NAME[kind].plural} are: "
                    f"{', '.join(columns_for(kind, service))}"
                )
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
