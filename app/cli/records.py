"""``xdesk import``, ``export``, ``list``, ``show``, ``update``: records in and out, as the
user may see them, and changed as the window changes them."""

from __future__ import annotations

import argparse
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
from app.services.base import DECLASSIFY_FIELDS, LABEL_FIELDS, RecordService
from app.services.desk import Desk
from app.services.errors import AlreadyImported, Conflict, ValidationFailed
from app.services.people import IDENTITY_FIELDS
from app.services.transfer import (
    export_file,
    export_records,
    import_file,
    record_row,
    service_for,
)


def cmd_import(args: argparse.Namespace, desk: Desk) -> int:
    """Import a CSV (or JSON) file of one kind; rejected rows reported with their line numbers."""
    try:
        result = _import(args, desk)
    except AlreadyImported as refused:
        err(f"error: {refused} (--again imports it anyway; --preview shows what it would do)")
        return 1
    return _report_import(args, result)


def _import(args: argparse.Namespace, desk: Desk) -> Any:
    return import_file(
        desk,
        args.kind,
        args.file,
        all_or_nothing=args.all_or_nothing,
        progress=progress(f"{'checking' if args.preview else 'importing'} {Path(args.file).name}"),
        preview=args.preview,
        again=args.again,
    )


def _report_import(args: argparse.Namespace, result: Any) -> int:
    words = kinds.BY_NAME[result.kind].plural
    for problem in result.rejected:
        for text in problem.lines(result.unit):
            err(f"{result.file}: {text}")
    for text in result.warning_lines():
        print(f"{result.file}: {text}")
    if result.preview:
        if result.earlier is not None:
            print(
                f"{result.file}: you imported this file before, on {result.earlier[0]} "
                f"({result.earlier[1]:,} rows stored)"
            )
        print(
            f"preview: {result.imported:,} of {result.total:,} {words} would be imported"
            + (f"; {len(result.rejected):,} rejected" if result.rejected else "")
            + (f"; {len(result.warnings):,} warnings" if result.warnings else "")
            + "; nothing was stored"
        )
        return 1 if result.rejected else 0
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
        # written aside, then its label NAME.label.xml and the file put in place
        result = export_file(desk, args.kind, Path(args.out), args.format, filters=filters)
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
    if result.label_file is not None:
        err(f"label (STANAG 4774, bound by STANAG 4778): {result.label_file}")
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
    page = service.list(
        filters,
        sort=parse_sort(args.kind, args.sort),
        offset=max(args.offset, 0),
        limit=args.limit,
    )
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


def parse_sort(kind: str, text: str | None) -> list[str] | None:
    """``--sort nation,-family_name``: fields named as the import and export columns, ``-`` for
    descending, in the window's sort order (the service refuses a field it cannot sort on)."""
    if not text:
        return None
    entry = kinds.kind(kind)
    keys = []
    for word in (w.strip() for w in text.split(",")):
        if not word.lstrip("-"):
            raise UsageError(f"--sort {text!r}: name a field between the commas")
        descending = word.startswith("-")
        keys.append(("-" if descending else "") + entry.field_of(word.lstrip("-")))
    return keys


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


def _field_values(kind: str, service: RecordService[Any], items: list[str]) -> dict[str, str]:
    """``FIELD=VALUE`` items as the service's input values; CSV column names are accepted too
    (``nation`` for ``nation_code``), an unknown field is named in the error."""
    renames = {column: name for name, column in kinds.BY_NAME[kind].column_names.items()}
    known = {spec.name for spec in service.fields} | {*LABEL_FIELDS, *DECLASSIFY_FIELDS}
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip().lower()
        if not sep or not key:
            raise UsageError(f"{item!r} is not FIELD=VALUE")
        name = renames.get(key, key)
        if name not in known:
            errors[key] = "is not a field of this record"
            continue
        values[name] = value.strip()
    if errors:
        raise ValidationFailed(errors)
    if not values:
        raise UsageError("say what to change: FIELD=VALUE …")
    return values


def cmd_update(args: argparse.Namespace, desk: Desk) -> int:
    """Change fields of one record as the window does (validated, audited, version-checked);
    prints the new version. Exit status 3 when someone changed the record meanwhile."""
    service = service_for(desk, args.kind)
    values = _field_values(args.kind, service, args.values)
    record, _label = service.find(args.ref)
    expected = record.row_version if args.expected_version is None else args.expected_version
    try:
        if "status" in values:
            if len(values) > 1:
                raise UsageError("change the status on its own (a status move is its own save)")
            if not hasattr(service, "change_status"):
                raise ValidationFailed({"status": "is not a field of this record"})
            saved = service.change_status(
                record.id, values["status"], reason=args.reason, expected_version=expected
            )
        else:
            saved = service.update(record.id, values, reason=args.reason, expected_version=expected)
    except Conflict as conflict:
        err(f"error: conflict: {conflict}")
        return 3
    reference = getattr(saved.record, "reference", "") or f"#{saved.record.id}"
    for warning in saved.warnings:
        print(f"warning: {warning}")
    print(f"{reference} version {saved.record.row_version}")
    return 0


def add_parsers(
    add: AddCommand, common: argparse.ArgumentParser, db_only: argparse.ArgumentParser
) -> None:
    """Add this group's sub-commands (``add`` makes one with the shared ``--db`` / ``--user``)."""
    p = add("import", "import a CSV file (columns: the desktop's Help → Import and export formats)")
    p.add_argument("kind", type=kind_argument, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("file", metavar="FILE.csv")
    p.add_argument("--all-or-nothing", action="store_true", help="import nothing if any row is bad")
    p.add_argument(
        "--preview", action="store_true", help="say what the import would do; store nothing"
    )
    p.add_argument(
        "--again", action="store_true", help="import a file you imported before once more"
    )

    p = add("export", "export the records you may see (stdout by default)")
    p.add_argument("kind", type=kind_argument, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("--format", choices=("csv", "json"), default="csv")
    p.add_argument(
        "--out",
        metavar="FILE",
        help="write to FILE instead of stdout, its label FILE.label.xml beside it",
    )
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
    p.add_argument(
        "--sort",
        metavar="FIELD[,-FIELD...]",
        help="sort as the window does, by fields named as the export columns: nation,rank; "
        "a '-' sorts descending (--sort=-family_name when it comes first); the id breaks ties",
    )

    p = add("update", "change fields of one record (prints its new version)")
    p.add_argument("kind", type=kind_argument, metavar="KIND", help=KIND_CHOICES)
    p.add_argument("ref", metavar="REF", help="the record's reference or id")
    p.add_argument("values", nargs="+", metavar="FIELD=VALUE", help="the fields to change")
    p.add_argument(
        "--expected-version",
        type=int,
        metavar="N",
        help="the version you read (default: the one read now); another is a conflict (exit 3)",
    )
    p.add_argument("--reason", help="why (a downgrade of the label needs one)")

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
    "update": cmd_update,
    "import": cmd_import,
    "export": cmd_export,
    "list": cmd_list,
    "show": cmd_show,
}
