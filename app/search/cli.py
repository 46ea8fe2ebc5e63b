"""``xdesk search QUERY [--kind K] [--filter field=value ...] [--limit N] [--json]``.

Wired into ``xdesk`` by `app.cli`: ``add_parser`` where the sub-commands are built, ``run``
for ``xdesk search``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from app.search.service import FILTERS, KINDS, search, suggest
from app.services.errors import ValidationFailed

if TYPE_CHECKING:
    from app.services.desk import Desk


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``search`` sub-command to an argparse sub-parsers object."""
    parser = subparsers.add_parser(
        "search",
        help="full-text search across every record you may see",
        description='Words are ANDed; use "phrases", prefix*, OR, NOT, -word.',
    )
    # like the other sub-commands: --db / --user also after the command name (the top level's
    # otherwise)
    parser.add_argument(
        "--db", default=argparse.SUPPRESS, metavar="PATH|URL", help="the database (or XDESK_DB)"
    )
    parser.add_argument(
        "--user", default=argparse.SUPPRESS, metavar="NAME", help="who you are (or XDESK_USER)"
    )
    parser.add_argument("query", nargs="+", help="what to look for")
    parser.add_argument(
        "--kind",
        action="append",
        default=[],
        help=f"only this kind (repeatable): {', '.join(KINDS)}",
    )
    parser.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help=f"structured filter (repeatable): {', '.join(FILTERS)}",
    )
    parser.add_argument("--limit", type=int, default=20, help="how many results (default 20)")
    parser.add_argument("--offset", type=int, default=0, help="skip this many results")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(command="search")
    return parser


def parse_filters(items: list[str]) -> dict[str, str]:
    """``["nation=POL", "date_from=2024-01-01"]`` -> dict; `ValidationFailed` naming ``filter`` when
    malformed."""
    filters: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValidationFailed({"filter": f"{item!r} is not FIELD=VALUE"})
        filters[name.strip().lower()] = value.strip()
    return filters


def run(args: argparse.Namespace, desk: Desk, out: Any = None) -> int:
    """Run the search and print the results; 0 when something was found, 1 when nothing, 2 on bad
    input."""
    out = out or sys.stdout
    query = " ".join(args.query)
    try:
        if args.limit < 1:
            raise ValidationFailed({"limit": "--limit must be at least 1"})
        results = search(
            desk,
            query,
            args.kind or None,
            parse_filters(args.filter),
            limit=args.limit,
            offset=max(args.offset, 0),
            highlight=("[", "]"),
        )
    except ValidationFailed as failure:
        for field, message in failure.errors.items():
            print(f"error: {field}: {message}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(
            {
                "query": query,
                "total": results.total,
                "complete": results.complete,
                "results": [h.as_json() for h in results.hits],
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
        return 0 if results.hits else 1
    if not results.hits:
        hint = suggest(desk, query, args.kind or None)
        print(f"no results for {query!r}" + (f"; did you mean: {hint}" if hint else ""), file=out)
        return 1
    if results.complete:
        print(
            f"{args.offset + 1}-{args.offset + len(results.hits)} of {results.total} results for "
            f"{query!r}",
            file=out,
        )
    else:
        print(
            f"{args.offset + 1}-{args.offset + len(results.hits)} of the {results.total:,} most "
            f"recent results for {query!r}"
            f" (more than {results.total:,} match: refine the search to rank them all)",
            file=out,
        )
    for hit in results.hits:
        print(
            f"{hit.portion_mark} {hit.kind:<11} {hit.reference or '#' + str(hit.record_id):<16} "
            f"{hit.title}  ({hit.score:.2f})",
            file=out,
        )
        if hit.snippet.strip():
            print(f"    {' '.join(hit.snippet.split())}", file=out)
    return 0
