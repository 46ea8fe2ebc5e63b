"""``xdesk import``, ``export``, ``list``, ``show``: records in and out, as the user may see
them."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app.cli.common import (
    KIND_CHOICES,
    AddCommand,
    Command,
    UsageError,
    err,
    kind_argument,
    parse_filters,
    print_json,
    progress,
)
from app.domain.labels import Label
from app.services import kinds
from app.services.base import RecordService
from app.services.desk import Desk
from app.services.people import IDENTITY_FIELDS
from app.services.transfer import export_records, import_file, record_row, service_for


def cmd_import(args: argparse.Namespace, desk: Desk) -> int:
    """Import a CSV (or JSON) file of one kind; rejected rows reported with their line numbers."""
    result = import_file(
        desk,
        args.kind,
        args.file,
        all_or_nothing=args.all_or_nothing,
        progress=progress(f"importing {Path(args.file).name}"),
    )
    words = kinds.BY_NAME[result.kind].plural
    for problem in result.rejected:
        for text in problem.lines(result.unit):
            err(f"{result.file}: {text}")
    for line, warning in result.warnings:
        print(f"{result.file}: {result.unit} {line}: warning: {warning}")
    if args.all_or_nothing and result.rejected:
        err(
            f"error: nothing imported from {result.file}: {len(result.rejected)} of {result.total} "
            "rows rejected "
            "(all-or-nothing); correct them and import the file again"
        )
        return 1
    print(
        f"imported {result.imported:,} of {result.total:,} {words} from {result.file}"
        + (f"; {len(result.rejected):,} rejected" if result.rejected else "")
        + (f"; {len(result.warnings):,} warnings" if result.warnings else "")
        + (f" (sha256 {result.sha256[:16]}…)" if result.total else "")
    )
    return 1 if result.rejected else 0


def cmd_export(args: argparse.Namespace, desk: Desk) -> int:
    """Export what the user may see; the combined marking goes to stderr and the audit trail."""
    filters = parse_filters(desk, args.kind, service_for(desk, args.kind), args.filter or [])
    if args.out:
        out_path = Path(args.out)
        partial = out_path.with_name(out_path.name + ".part")
        handle = os.fdopen(
            os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
            "w",
            encoding="utf-8",
            newline="",
        )
        try:
            with handle:
                result = export_records(desk, args.kind, handle, args.format, filters=filters)
            os.replace(partial, out_path)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    else:
        result = export_records(desk, args.kind, sys.stdout, args.format, filters=filters)
        sys.stdout.flush()
    where = f" to {args.out}" if args.out else ""
    err(
        f"exported {result.count} {kinds.BY_NAME[result.kind].plural}{where}; marking: "
        f"{result.marking}"
        + (
            ""
            if result.identity or result.kind != "person"
            else " (identity fields left empty for your role)"
        )
    )
    return 0


def _row_json(
    desk: Desk,
    kind: str,
    service: RecordService[Any],
    record: Any,
    label: Label,
    identity: dict[str, Any] | None = None,
) -> dict[str, Any]:
    row = record_row(desk, kind, service, record, label, identity)
    if kind == "person" and identity is None:
        row = {k: v for k, v in row.items() if k not in IDENTITY_FIELDS}
    head: dict[str, Any] = {"id": record.id}
    if hasattr(record, "reference"):
        head["reference"] = record.reference
    head["title"] = service.title(record)
    return {**head, **row, "marking": desk.marking(label)}


def cmd_list(args: argparse.Namespace, desk: Desk) -> int:
    """A page of the records the user may see, with the page's combined marking as a banner."""
    service = service_for(desk, args.kind)
    filters = parse_filters(desk, args.kind, service, args.filter or [])
    if args.limit < 1:
        raise UsageError("--limit must be at least 1")
    page = service.list(filters, offset=max(args.offset, 0), limit=args.limit)
    labels = [page.labels[r.label_id] for r in page.records]
    banner = desk.marking(desk.combined(labels))
    if args.json:
        print_json(
            {
                "marking": banner,
                "total": page.total,
                "offset": args.offset,
                "records": [
                    _row_json(desk, args.kind, service, r, page.labels[r.label_id])
                    for r in page.records
                ],
            }
        )
        return 0
    print(banner)
    for record in page.records:
        label = page.labels[record.label_id]
        reference = getattr(record, "reference", "") or f"#{record.id}"
        title = service.title(record)
        title = (
            title[len(reference) :].strip() if reference and title.startswith(reference) else title
        )
        print(f"{desk.portion_mark(label):<24} {reference:<20} {title}")
    first = args.offset + 1 if page.records else 0
    print(f"{first}-{args.offset + len(page.records)} of {page.total}")
    print(banner)
    return 0


def cmd_show(args: argparse.Namespace, desk: Desk) -> int:
    """One record by reference (or id), marked; people's identity only with --identity (audited)."""
    service = service_for(desk, args.kind)
    record, label = service.find(args.ref)
    identity = None
    if args.identity:
        if args.kind != "person":
            raise UsageError("--identity is for people")
        identity = desk.people.identity(record.id)
    row = _row_json(desk, args.kind, service, record, label, identity)
    if args.json:
        print_json(row)
        return 0
    marking = row.pop("marking")
    print(marking)
    print(f"{row.pop('reference', '') or '#' + str(row['id'])}  {row.pop('title')}")
    row.pop("id")
    width = max((len(k) for k in row), default=0)
    for name, value in row.items():
        if value != "":
            print(f"  {name:<{width}}  {value}")
    print(marking)
    return 0


def add_parsers(
    add: AddCommand, common: argparse.ArgumentParser, db_only: argparse.ArgumentParser
) -> None:
    """Add this group's sub-commands (``add`` makes one with the shared ``--db`` / ``--user``)."""
    p = add("import", "import a CSV file (see docs/DATA_FORMATS.md)")
    p.add_argument("kind", type=kind_argument, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--all-or-nothing", action="store_true", help="import nothing if any row is bad")

    p = add("export", "export the records you may see (stdout by default)")
    p.add_argument("kind", type=kind_argument, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument(
        "--filter",
        action="append",
        metavar="FIELD=VALUE",
        help="only matching records (repeatable)",
    )

    p = add("list", "list the records you may see")
    p.add_argument("kind", type=kind_argument, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--filter",
        action="append",
        metavar="FIELD=VALUE",
        help="field=value, field__gte=value, field__in=a,b, text=words, level=S (repeatable)",
    )
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)

    p = add("show", "show one record by reference or id")
    p.add_argument("kind", type=kind_argument, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("ref", metavar="REF")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--identity",
        action="store_true",
        help="people: include identity fields (audited; coordinators and administrators)",
    )


COMMANDS: dict[str, Command] = {
    "import": cmd_import,
    "export": cmd_export,
    "list": cmd_list,
    "show": cmd_show,
}
